// The taint eviction controller (`taint-eviction-controller`) [kubernetes
// pkg/controller/tainteviction/taint_eviction.go: NodeUpdated, handleNodeUpdate, processPodOnNode,
// getMinTolerationTime, emitPodDeletionEvent, emitCancelPodDeletionEvent; core/v1 helper
// GetMatchingTolerations and Toleration.ToleratesTaint]. When a Node's NoExecute taints change,
// every Pod on it that does not tolerate them all is deleted at once (its own grace period), one
// that tolerates them for tolerationSeconds is deleted when the shortest of those runs out (counted
// from when the controller first scheduled it), and one that tolerates them forever stays; a
// scheduled deletion is cancelled when the taints go. Each deletion is announced by a Normal
// `TaintManagerEviction` Event `Marking for deletion Pod ns/name`, a cancellation by `Cancelling
// deletion of Pod ns/name`.
//
// PodUpdated is followed only for Pods with a NoExecute toleration of their own (beyond the
// not-ready/unreachable ones every Pod gets): only those can be bound to a Node already tainted
// NoExecute (the scheduler keeps the others off it), so a Pod's event costs the rest nothing.
// Before the delete, the DisruptionTarget condition (DeletionByTaintManager) goes into the Pod's
// status (apiserver/eviction.ts), as kube-controller-manager patches it. Bound late (./node-taints' keys, on the
// publishers controller): only a user's `kubectl taint` puts a NoExecute taint on a Node.
import type { K8sObject, Pod } from '../api/types';
import { addDisruptionTarget } from '../apiserver/eviction';
import type { ControllerContext, WatchEvent } from '../runtime/interfaces';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

interface Work {
  uid: string | undefined;
  created: number;
  fireAt: number;
}

const COMPONENT = { component: 'taint-eviction-controller' };

/** Per cluster (its store): the scheduled deletions, by `ns/name`. */
const scheduled = new WeakMap<object, Map<string, Work>>();

function worksOf(ctx: ControllerContext): Map<string, Work> {
  let m = scheduled.get(ctx.store);
  if (!m) {
    m = new Map();
    scheduled.set(ctx.store, m);
  }
  return m;
}

function noExecuteTaints(node: K8sObject | undefined): Taint[] {
  const taints = (node?.spec as { taints?: Taint[] | null } | undefined)?.taints ?? [];
  return taints.filter((t) => t.effect === 'NoExecute');
}

/** NodeUpdated: a Node whose NoExecute taints changed (or a new one that has some). */
export function taintEvictionKeys(ev: WatchEvent): string[] {
  if (ev.type === 'DELETED') return [];
  const now = noExecuteTaints(ev.object);
  const before = noExecuteTaints(ev.old);
  return JSON.stringify(now) === JSON.stringify(before) ? [] : [`Node/${ev.object.metadata.name}/NoExecute`];
}

/** The keys of the tolerations every Pod gets by default (DefaultTolerationSeconds). */
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/**
 * A toleration that may let the Pod onto a Node tainted NoExecute by a user. An indexed loop and
 * two compares (not for-of and a Set): asked on every Pod bind.
 */
function ownNoExecuteToleration(pod: Pod): boolean {
  const ts = pod.spec?.tolerations as Toleration[] | undefined;
  if (ts == null) return false;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Toleration;
    if (t.effect && t.effect !== 'NoExecute') continue;
    const key = t.key;
    if (key !== NOT_READY && key !== UNREACHABLE) return true;
  }
  return false;
}

/**
 * PodUpdated for the Pods it concerns here: bound, unbound, added or deleted (`base`, the other
 * controllers' keys, comes back as it is when there is nothing to add).
 */
export function withPodEvictionKeys(ev: WatchEvent, base: string[]): string[] {
  if (ev.kind !== 'Pod') return base;
  const pod = ev.view as Pod;
  const node = pod.spec?.nodeName;
  if (!node || (ev.type === 'MODIFIED' && (ev.oldView as Pod | undefined)?.spec?.nodeName === node))
    return base;
  if (!ownNoExecuteToleration(pod)) return base;
  return [...base, `Node/${node}/pod/${pod.metadata.namespace}/${pod.metadata.name}`];
}

/** Toleration.ToleratesTaint. */
function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return t.operator === 'Exists';
}

/** GetMatchingTolerations: every taint tolerated, and by which (the first matching) toleration. */
function matching(taints: readonly Taint[], tolerations: readonly Toleration[]): Toleration[] | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => tolerates(x, taint));
    if (!t) return undefined;
    used.push(t);
  }
  return used;
}

/** getMinTolerationTime in ms: -1 when tolerated forever, 0 when not at all. */
function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1000;
}

const podKey = (p: K8sObject) => `${p.metadata.namespace}/${p.metadata.name}`;

function cancelWithEvent(pod: K8sObject, ctx: ControllerContext): void {
  if (!worksOf(ctx).delete(podKey(pod))) return;
  ctx.events.record(
    pod,
    'Normal',
    'TaintManagerEviction',
    `Cancelling deletion of Pod ${podKey(pod)}`,
    COMPONENT,
  );
}

/** deletePodHandler: the Event, then the delete with the Pod's own grace period. */
function evict(pod: K8sObject, ctx: ControllerContext): void {
  ctx.events.record(
    pod,
    'Normal',
    'TaintManagerEviction',
    `Marking for deletion Pod ${podKey(pod)}`,
    COMPONENT,
  );
  addDisruptionTarget(
    { store: ctx.store, updateStatus: (o) => ctx.api.updateStatus(o) },
    ctx.clock.now(),
    pod.metadata.namespace,
    pod.metadata.name,
    'taint',
  );
  ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
}

/** processPodOnNode. */
function processPod(
  pod: K8sObject,
  nodeName: string,
  taints: readonly Taint[],
  now: number,
  ctx: ControllerContext,
): void {
  const works = worksOf(ctx);
  const used = matching(taints, ((pod as Pod).spec?.tolerations ?? []) as Toleration[]);
  if (!used) {
    cancelWithEvent(pod, ctx);
    evict(pod, ctx);
    return;
  }
  const min = minTolerationMs(used);
  if (min < 0) {
    cancelWithEvent(pod, ctx);
    return;
  }
  let start = now;
  const existing = works.get(podKey(pod));
  if (existing) {
    start = existing.created;
    // An earlier deadline stands (kube-controller-manager's clock has moved on between two
    // updates; here they may share an instant).
    if (start + min <= now + min) return;
    cancelWithEvent(pod, ctx);
  }
  if (min === 0) {
    evict(pod, ctx);
    return;
  }
  works.set(podKey(pod), { uid: pod.metadata.uid, created: start, fireAt: start + min });
  ctx.requeueAfter(`Node/${nodeName}/evict/${podKey(pod)}`, start + min - now);
}

/**
 * handleNodeUpdate (`Node/<name>/NoExecute`), handlePodUpdate (`Node/<name>/pod/<ns>/<pod>`) or a
 * scheduled deletion coming due (`Node/<name>/evict/<ns>/<pod>`).
 */
export function taintEvictionSync(key: string, ctx: ControllerContext): void {
  const [, nodeName, what, ns, name] = key.split('/') as [string, string, string, string, string];
  const now = ctx.clock.now();
  if (what === 'evict') {
    const works = worksOf(ctx);
    const work = works.get(`${ns}/${name}`);
    // Cancelled, or put off by a later update (whose own requeue comes then).
    if (!work || work.fireAt > now) return;
    works.delete(`${ns}/${name}`);
    const pod = ctx.store.get('Pod', ns, name);
    if (pod && pod.metadata.uid === work.uid) evict(pod, ctx);
    return;
  }
  if (what === 'pod') {
    const pod = ctx.store.get('Pod', ns, name);
    if (!pod) {
      // Deleted while its deletion was scheduled: cancelled, with the Event.
      const work = worksOf(ctx).get(`${ns}/${name}`);
      const ref = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, uid: work?.uid } };
      cancelWithEvent(ref as K8sObject, ctx);
      return;
    }
    if ((pod as Pod).spec?.nodeName !== nodeName) return;
    const taints = noExecuteTaints(ctx.store.get('Node', undefined, nodeName));
    if (taints.length > 0) processPod(pod, nodeName, taints, now, ctx);
    return;
  }
  const node = ctx.store.get('Node', undefined, nodeName);
  if (!node) return;
  const taints = noExecuteTaints(node);
  const pods = ctx.store.list('Pod', { fieldSelector: `spec.nodeName=${nodeName}` });
  if (taints.length === 0) {
    for (const pod of pods) cancelWithEvent(pod, ctx);
    return;
  }
  for (const pod of pods) processPod(pod, nodeName, taints, now, ctx);
}
