// ReplicaSet controller: creates Pods `<rs>-<5 chars>` (generateName) until enough are active,
// deletes surplus ones, and writes status. A Pod with a deletionTimestamp no longer counts, so the
// replacement is created at once while the old one is still Terminating (§C2).
// [K8S pkg/controller/replicaset/replica_set.go, controller_utils.go]

import { fromLabelSelector, matches } from '../api/labels';
import { controllerRef, isPodActive, ownerRefTo, splitKey } from '../api/owners';
import type { K8sObject, OwnerReference, Pod, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';

// biome-ignore lint/suspicious/noExplicitAny: template fields are loosely typed JSON.
type Any = any;

const SOURCE = { component: 'replicaset-controller' };
/** replicaset controller's burstReplicas and kube-controller-manager's default --kube-api-qps. */
const BURST_REPLICAS = 500;
const API_QPS = 20;

/** The answer for events that queue nothing: shared, never modified (the manager only reads it). */
const NO_KEYS = Object.freeze([]) as readonly string[] as string[];

export function createReplicaSetController(store: Store): Controller {
  /** ReplicaSet uid → simulated ms before which no more Pods are created (client rate limit). */
  const throttle = new Map<string, number>();
  return {
    name: 'replicaset-controller',
    watches: ['ReplicaSet', 'Pod'],
    keysFor(ev: WatchEvent): string[] {
      const o = ev.object;
      if (ev.kind === 'ReplicaSet') return [`${o.metadata.namespace}/${o.metadata.name}`];
      // Status writes that change neither readiness, phase, deletion nor labels cannot change
      // what this controller counts (the kubelet's ContainerCreating / pod IP updates). Checked
      // before the owner lookup: most Pod updates are these.
      if (ev.type === 'MODIFIED' && ev.old && !countsChanged(ev.old as Pod, o as Pod)) return NO_KEYS;
      const ref = controllerRef(o);
      if (ref?.kind !== 'ReplicaSet') return NO_KEYS;
      return [`${o.metadata.namespace}/${ref.name}`];
    },
    reconcile(key: string, ctx: ControllerContext) {
      const [ns, name] = splitKey(key);
      const rs = store.get('ReplicaSet', ns, name) as ReplicaSet | undefined;
      if (!rs || rs.metadata.deletionTimestamp) return;
      syncReplicaSet(store, rs, ctx, throttle);
    },
  };
}

/** A Pod update that can change what the controller counts (readiness, phase, deletion, node, labels, owners). */
export function countsChanged(a: Pod, b: Pod): boolean {
  const sa = a.status;
  const sb = b.status;
  // Same status object (a bind, a deletion mark) or the same conditions: readiness is unchanged.
  if (sa !== sb && (sa?.phase !== sb?.phase || (sa?.conditions !== sb?.conditions && ready(a) !== ready(b))))
    return true;
  return (
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp ||
    a.spec?.nodeName !== b.spec?.nodeName ||
    // Status writes keep the metadata maps by reference: compare text only when they differ.
    (a.metadata.labels !== b.metadata.labels &&
      JSON.stringify(a.metadata.labels) !== JSON.stringify(b.metadata.labels)) ||
    (a.metadata.ownerReferences !== b.metadata.ownerReferences &&
      JSON.stringify(a.metadata.ownerReferences) !== JSON.stringify(b.metadata.ownerReferences))
  );
}

/** Which surplus Pods go first: unscheduled, then not running, then not ready, then newest. */
function deletionRank(p: Pod): number {
  if (!p.spec.nodeName) return 0;
  if (p.status?.phase === 'Pending') return 1;
  if (!ready(p)) return 2;
  return 3;
}

/** `o`'s controller ownerReference names `uid` (controllerRef without a closure per object). */
function controlledBy(o: K8sObject, uid: string): boolean {
  const refs = o.metadata.ownerReferences;
  if (!refs) return false;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i] as OwnerReference;
    if (r.controller) return r.uid === uid;
  }
  return false;
}

/** Pods whose controller is `rs`, least recently written first (ownedBy without its copy). */
function ownedPods(store: Store, rs: ReplicaSet): Pod[] {
  const uid = rs.metadata.uid;
  const out = store.byOwner(uid);
  let n = 0;
  for (let i = 0; i < out.length; i++) {
    const o = out[i] as K8sObject;
    if (o.kind === 'Pod' && controlledBy(o, uid)) out[n++] = o;
  }
  if (n !== out.length) out.length = n;
  return out as Pod[];
}

/** isPodReady without a closure per Pod (status counting runs on every sync). */
function ready(p: Pod): boolean {
  const conds = p.status?.conditions;
  if (!conds) return false;
  for (let i = 0; i < conds.length; i++) {
    const c = conds[i] as { type: string; status: string };
    if (c.type === 'Ready' && c.status === 'True') return true;
  }
  return false;
}

/**
 * `labels` satisfies the ReplicaSet's selector. A matchLabels-only selector (what Deployments
 * write) is checked in place; anything else goes through labels.matches.
 */
function labeledBy(rs: ReplicaSet, labels: Record<string, string> | undefined): boolean {
  const sel = rs.spec.selector;
  if (sel?.matchExpressions?.length) return matches(fromLabelSelector(sel), labels);
  const want = sel?.matchLabels;
  if (!want) return true;
  const l = labels ?? {};
  for (const k in want) {
    if (!Object.hasOwn(want, k)) continue;
    if (!Object.hasOwn(l, k) || l[k] !== want[k]) return false;
  }
  return true;
}

function syncReplicaSet(
  store: Store,
  rs: ReplicaSet,
  ctx: ControllerContext,
  throttle: Map<string, number>,
): void {
  const pods = ownedPods(store, rs);
  let activeCount = 0;
  for (let i = 0; i < pods.length; i++) if (isPodActive(pods[i] as Pod)) activeCount++;
  const want = rs.spec.replicas;
  const diff = activeCount - want;
  if (diff < 0) {
    const tpl: Any = rs.spec.template;
    // At most burstReplicas creations per sync; the rest follow once the controller's API rate
    // limit (kube-api-qps 20) has let these through.
    const key = `${rs.metadata.namespace}/${rs.metadata.name}`;
    const until = throttle.get(rs.metadata.uid) ?? 0;
    const nowMs = ctx.clock.now();
    let n = Math.min(-diff, BURST_REPLICAS);
    if (nowMs < until) {
      n = 0;
      ctx.requeueAfter(key, until - nowMs);
    } else if (-diff > BURST_REPLICAS) {
      const wait = (BURST_REPLICAS / API_QPS) * 1000;
      throttle.set(rs.metadata.uid, nowMs + wait);
      ctx.requeueAfter(key, wait);
    }
    if (n > 0) createPods(ctx, rs, tpl, n);
  } else if (diff > 0) {
    const victims = pods
      .filter(isPodActive)
      .sort((a, b) => {
        const r = deletionRank(a) - deletionRank(b);
        if (r !== 0) return r;
        const t = b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp);
        return t !== 0 ? t : a.metadata.name.localeCompare(b.metadata.name);
      })
      .slice(0, Math.min(diff, BURST_REPLICAS));
    for (const p of victims) {
      const r = ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name);
      if (r.ok)
        ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
    }
  }
  writeStatus(store, ctx, rs, diff === 0 ? pods : ownedPods(store, rs));
}

/**
 * Create `n` Pods from the template. The API server defaults, validates and copies what it
 * changes (every Pod gets its own spec and containers there), and stored objects are immutable
 * snapshots, so the Pods may share the template's labels, annotations and nested spec values,
 * and this sync's ownerReferences, instead of each carrying a copy.
 */
function createPods(ctx: ControllerContext, rs: ReplicaSet, tpl: Any, n: number): void {
  const generateName = `${rs.metadata.name}-`;
  const namespace = rs.metadata.namespace;
  const labels = tpl.metadata?.labels ?? {};
  const annotations = tpl.metadata?.annotations;
  const ownerReferences = [ownerRefTo(rs)];
  for (let i = 0; i < n; i++) {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: annotations
        ? { generateName, namespace, labels, annotations, ownerReferences }
        : { generateName, namespace, labels, ownerReferences },
      spec: tpl.spec,
    } as unknown as Pod;
    const r = ctx.api.create(pod);
    if (r.ok)
      ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, SOURCE);
    else ctx.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, SOURCE);
  }
}

/** Own enumerable keys whose value is defined (what the API server's deepEqual counts). */
function definedKeys(o: object): number {
  let n = 0;
  for (const k in o) if (Object.hasOwn(o, k) && (o as Record<string, unknown>)[k] !== undefined) n++;
  return n;
}

function writeStatus(store: Store, ctx: ControllerContext, rs: ReplicaSet, pods: Pod[]): void {
  let live = 0;
  let readyCount = 0;
  let labeled = 0;
  let terminating = 0;
  for (let i = 0; i < pods.length; i++) {
    const p = pods[i] as Pod;
    if (p.metadata.deletionTimestamp) terminating++;
    if (!isPodActive(p)) continue;
    live++;
    if (ready(p)) readyCount++;
    if (labeledBy(rs, p.metadata.labels)) labeled++;
  }
  // The status the API server holds already says this (its deepEqual would find them equal):
  // nothing to build or write.
  const prev = (store.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name) as ReplicaSet | undefined)
    ?.status as Any;
  const gen = rs.metadata.generation;
  if (
    prev &&
    prev.replicas === live &&
    prev.fullyLabeledReplicas === (labeled ? labeled : undefined) &&
    prev.readyReplicas === (readyCount ? readyCount : undefined) &&
    prev.availableReplicas === (readyCount ? readyCount : undefined) &&
    prev.observedGeneration === gen &&
    prev.terminatingReplicas === (terminating ? terminating : undefined) &&
    definedKeys(prev) ===
      1 + (labeled ? 1 : 0) + (readyCount ? 2 : 0) + (gen !== undefined ? 1 : 0) + (terminating ? 1 : 0)
  )
    return;
  // Keys added in the API's order, zero counts omitted (omitempty), no temporary spreads.
  const status: Any = { replicas: live };
  if (labeled) status.fullyLabeledReplicas = labeled;
  if (readyCount) {
    status.readyReplicas = readyCount;
    status.availableReplicas = readyCount;
  }
  status.observedGeneration = gen;
  if (terminating) status.terminatingReplicas = terminating;
  ctx.api.updateStatus({ ...rs, status });
}
