// The Deployment controller's claim on ReplicaSets (ClaimReplicaSets): keep those whose controller
// it is and that its selector still matches, release the rest, adopt matching orphans.
// [K8S pkg/controller/deployment/deployment_controller.go getReplicaSetsForDeployment;
// pkg/controller/controller_ref_manager.go]
import { fromLabelSelector, matches } from '../api/labels';
import { controllerRef, ownerRefTo } from '../api/owners';
import type { Deployment, K8sObject, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import type { ControllerContext } from '../runtime/interfaces';

export type Labels = Record<string, string> | undefined;

/**
 * Namespace → names of the ReplicaSets there with no controller ownerReference. Adoption looks
 * only at these: the real controller lists every ReplicaSet of the namespace on each sync
 * (getReplicaSetsForDeployment), which here would make every sync O(ReplicaSets).
 */
export type Orphans = Map<string, Set<string>>;

export function noteOrphan(orphans: Orphans, ns: string, name: string): void {
  let set = orphans.get(ns);
  if (!set) {
    set = new Set();
    orphans.set(ns, set);
  }
  set.add(name);
}

export function forgetOrphan(orphans: Orphans, ns: string, name: string): void {
  orphans.get(ns)?.delete(name);
}

export function sameLabels(a: K8sObject, b: K8sObject): boolean {
  const la = a.metadata.labels;
  const lb = b.metadata.labels;
  return la === lb || JSON.stringify(la ?? {}) === JSON.stringify(lb ?? {});
}

export function hasKeys(o: object | undefined): boolean {
  if (!o) return false;
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

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

/** Every key of `want` is in `labels` with the same value (labels.Set(want).AsSelector()). */
function hasAll(labels: Labels, want: Record<string, string>): boolean {
  const l = labels ?? {};
  for (const k in want) {
    if (!Object.hasOwn(want, k)) continue;
    if (l[k] !== want[k]) return false;
  }
  return true;
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
    else releaseReplicaSet(ctx, d, rs);
  }
  if (n !== owned.length) owned.length = n;
  const ns = d.metadata.namespace ?? '';
  const names = orphans.get(ns);
  if (!names || names.size === 0) return;
  // A copy: each adoption's watch event takes the ReplicaSet out of the set.
  for (const name of [...names]) {
    const rs = store.get('ReplicaSet', ns, name) as ReplicaSet | undefined;
    if (!rs || rs.metadata.deletionTimestamp || controllerRef(rs) || !match(rs.metadata.labels)) continue;
    const adopted = adoptReplicaSet(ctx, d, rs);
    if (adopted) owned.push(adopted);
  }
}

/** ReleaseReplicaSet: the strategic-merge patch `{"$patch":"delete","uid":<d uid>}` on ownerReferences. */
function releaseReplicaSet(ctx: ControllerContext, d: Deployment, rs: ReplicaSet): void {
  const uid = d.metadata.uid;
  const { ownerReferences, ...rest } = rs.metadata;
  const refs = (ownerReferences ?? []).filter((r) => r.uid !== uid);
  // An emptied list is omitted (omitempty), as the API returns it.
  const metadata = refs.length > 0 ? { ...rest, ownerReferences: refs } : rest;
  // A ReplicaSet gone or changed meanwhile is left to the next sync (NotFound is ignored).
  ctx.api.update({ ...rs, metadata } as ReplicaSet);
}

/**
 * AdoptReplicaSet: the strategic-merge patch of ownerReferences (merge key uid) with a
 * controller reference to `d`: appended, or merged into an existing reference to the same uid.
 */
function adoptReplicaSet(ctx: ControllerContext, d: Deployment, rs: ReplicaSet): ReplicaSet | undefined {
  const ref = ownerRefTo(d);
  const refs = rs.metadata.ownerReferences ?? [];
  const at = refs.findIndex((r) => r.uid === ref.uid);
  const ownerReferences = at < 0 ? [...refs, ref] : refs.map((r, i) => (i === at ? { ...r, ...ref } : r));
  const r = ctx.api.update({ ...rs, metadata: { ...rs.metadata, ownerReferences } });
  return r.ok ? (r.object as ReplicaSet) : undefined;
}
