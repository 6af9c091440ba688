// The Deployment controller's claim on ReplicaSets (ClaimReplicaSets): keep those whose controller
// it is and that its selector still matches, release the rest, adopt matching orphans.
// [K8S pkg/controller/deployment/deployment_controller.go getReplicaSetsForDeployment;
// pkg/controller/controller_ref_manager.go]
import { fromLabelSelector, matches } from '../api/labels';
import { controllerRef } from '../api/owners';
import type { Deployment, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import type { ControllerContext } from '../runtime/interfaces';
import { adopt, anyAdoptable, hasAll, hasKeys, type Labels, type Orphans, release } from './claim';

/**
 * Append to `keys` the Deployments of `ns` whose selector matches `labels`
 * (GetDeploymentsForReplicaSet: a ReplicaSet without labels has none; an empty selector matches
 * nothing there).
 */
export function addSelecting(store: Store, ns: string, labels: Labels, keys: string[]): void {
  if (!hasKeys(labels)) return;
  for (const o of store.byNamespace('Deployment', ns)) {
    const d = o as Deployment;
    const sel = d.spec?.selector;
    if (!sel || (!sel.matchExpressions?.length && !hasKeys(sel.matchLabels))) continue;
    if (!selectorOf(d)(labels)) continue;
    const key = `${ns}/${d.metadata.name}`;
    if (!keys.includes(key)) keys.push(key);
  }
}

/**
 * The Deployment's selector as a test. A matchLabels-only selector (what the book's manifests
 * use) is checked in place; anything else is parsed once and goes through labels.matches.
 */
export function selectorOf(d: Deployment): (labels: Labels) => boolean {
  const sel = d.spec?.selector;
  if (sel?.matchExpressions?.length) {
    const parsed = fromLabelSelector(sel);
    return (labels) => matches(parsed, labels);
  }
  const want = sel?.matchLabels;
  return want ? (labels) => hasAll(labels, want) : () => true;
}

/**
 * ClaimReplicaSets (controller_ref_manager.go ClaimObject) over `owned` (compacted in place to
 * the ones kept) plus this namespace's orphans. A ReplicaSet controlled by `d` whose labels the
 * selector no longer matches is released (its ownerReference to `d` removed); an orphan the
 * selector matches that is not being deleted is adopted (a controller ownerReference added) and
 * appended. Both are metadata updates through the API server, as the controller's patches are.
 * The caller never passes a Deployment being deleted (which would do neither).
 */
export function claimReplicaSets(
  store: Store,
  ctx: ControllerContext,
  d: Deployment,
  owned: ReplicaSet[],
  match: (labels: Labels) => boolean,
  orphans: Orphans,
): void {
  let n = 0;
  for (let i = 0; i < owned.length; i++) {
    const rs = owned[i] as ReplicaSet;
    if (match(rs.metadata.labels)) owned[n++] = rs;
    else release(ctx, d, rs);
  }
  if (n !== owned.length) owned.length = n;
  const ns = d.metadata.namespace ?? '';
  const names = orphans.get(ns);
  if (!names || names.size === 0) return;
  // A copy: each adoption's watch event takes the ReplicaSet out of the set.
  for (const name of [...names]) {
    const rs = adoptable(store, ns, name, match);
    if (!rs) continue;
    const adopted = adopt(ctx, d, rs);
    if (adopted) owned.push(adopted);
  }
}

/** The orphan ReplicaSet `ns/name` if claimReplicaSets adopts it: stored, not being deleted, matched. */
function adoptable(
  store: Store,
  ns: string,
  name: string,
  match: (labels: Labels) => boolean,
): ReplicaSet | undefined {
  const rs = store.get('ReplicaSet', ns, name) as ReplicaSet | undefined;
  return rs && !rs.metadata.deletionTimestamp && !controllerRef(rs) && match(rs.metadata.labels)
    ? rs
    : undefined;
}

/** Whether some orphan ReplicaSet of `ns` is one claimReplicaSets would adopt. */
export function adoptsAny(
  store: Store,
  ns: string,
  match: (labels: Labels) => boolean,
  orphans: Orphans,
): boolean {
  return anyAdoptable(orphans, ns, (name) => adoptable(store, ns, name, match));
}
