// ReplicaSet controller: claims its Pods (keeps those its selector matches, releases those it no
// longer matches, adopts matching orphans), creates Pods `<rs>-<5 chars>` (generateName) until
// enough are active, deletes surplus ones, and writes status. A Pod with a deletionTimestamp no
// longer counts, so the replacement is created at once while the old one is still Terminating
// (§C2). [K8S pkg/controller/replicaset/replica_set.go, controller_ref_manager.go, controller_utils.go]

import { fromLabelSelector, matches } from '../api/labels';
import { controllerRef, isPodActive, ownedBy, ownerRefTo } from '../api/owners';
import type { KindName, Pod, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import { late, latePartsLoaded } from '../late';
import {
  type Controller,
  type ControllerContext,
  type KeyEntry,
  KeysByUid,
  keyRef,
  NO_KEYS,
  PHASE_CHANGED,
  type WatchEvent,
} from '../runtime/interfaces';
import { isOwn } from '../runtime/own';
import {
  adopt,
  anyAdoptable,
  controllerOf,
  forgetOrphan,
  hasAll,
  hasKeys,
  type Labels,
  noteOrphan,
  type Orphans,
  release,
  sameLabels,
} from './claim';
import type { ReplicaSetRetry } from './replicaset-failure';

// biome-ignore lint/suspicious/noExplicitAny: template fields are loosely typed JSON.
type Any = any;

const SOURCE = { component: 'replicaset-controller' };
/** replicaset controller's burstReplicas and kube-controller-manager's default --kube-api-qps. */
const BURST_REPLICAS = 500;
const API_QPS = 20;

/** `general`: no sync is skipped as settled (tests compare the two). */
export function createReplicaSetController(store: Store, general = false): Controller {
  return new ReplicaSetController(store, general);
}

const REPLICASET_WATCHES: readonly KindName[] = ['ReplicaSet', 'Pod'];

/**
 * A class, not a closure per cluster: every cluster's controller shares the methods, so V8's
 * feedback and optimized code for keysFor and reconcile carry over to a fresh cluster.
 */
class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  readonly watches: readonly KindName[] = REPLICASET_WATCHES;
  /** ReplicaSet uid → simulated ms before which no more Pods are created (client rate limit). */
  private readonly throttle = new Map<string, number>();
  private readonly orphans: Orphans = new Map();
  /** The rate limiter of failed syncs, made at the first failure (replicaset-failure.ts, late). */
  private retry: ReplicaSetRetry | undefined = undefined;
  /**
   * Per key, the resourceVersion of the ReplicaSet as stored when its last sync ended settled (see
   * Settled): a sync would write nothing while it is still that version and no event has queued
   * its key since.
   */
  private readonly settled = new Map<string, string>();
  /** The key being synced: the events of its own writes do not unsettle it. */
  private syncing: string | undefined = undefined;
  /** Each ReplicaSet's key, one answer per ReplicaSet for its own and its Pods' events. */
  private readonly setKeys = new KeysByUid();
  constructor(
    private readonly store: Store,
    private readonly general: boolean,
  ) {}

  keysFor(ev: WatchEvent): string[] {
    const keys = podAndSetKeys(this.store, this.orphans, ev, this.setKeys, this.general);
    const syncing = this.syncing;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== syncing) this.settled.delete(keys[i] as string);
    return keys;
  }

  reconcile(key: string, ctx: ControllerContext, at?: KeyEntry): void {
    // Through the key's ref on its queue entry (see DeploymentController.reconcile).
    const rs = this.store.getRef(keyRef('ReplicaSet', key, at)) as ReplicaSet | undefined;
    let err: string | undefined;
    // Settled and untouched since: this sync would find nothing to create, delete, claim or
    // write (and no error), so it is not run.
    if (rs && this.settled.get(key) !== rs.metadata.resourceVersion) {
      this.settled.delete(key);
      this.syncing = key;
      const out: Settled = { rs: undefined };
      try {
        err = syncReplicaSet(this.store, rs, ctx, this.throttle, this.orphans, out);
      } finally {
        this.syncing = undefined;
      }
      if (out.rs && !this.general) this.settled.set(key, out.rs.metadata.resourceVersion);
    }
    // processNextWorkItem: a sync that returns no error Forgets the key; one that fails is
    // queued again through the rate limiter (AddRateLimited). An error is only reported once
    // the late parts are in (createPods).
    if (err) this.retry = late().replicaFailure.requeue(this.retry, key, ctx);
    else this.retry?.forget(key);
  }
}

/**
 * A sync's verdict on the state it leaves: `rs`, the ReplicaSet as stored after it, when a sync of
 * that state would write nothing: it is not being deleted, no error stopped it, exactly
 * spec.replicas active Pods are claimed, every active Pod it controls matches its selector (none
 * to release), the namespace has no orphan Pods (none to adopt), and the status stored is the one
 * these counts give, without conditions. Otherwise undefined.
 */
interface Settled {
  rs: ReplicaSet | undefined;
}

/** The keys a watch event queues (see createReplicaSetController). */
function podAndSetKeys(
  store: Store,
  orphans: Orphans,
  ev: WatchEvent,
  setKeys: KeysByUid,
  general: boolean,
): string[] {
  const o = ev.view;
  if (ev.kind === 'ReplicaSet') {
    const keys = setKeys.of(ev.namespace as string, ev.name, o.metadata.uid);
    if (ev.type === 'DELETED') setKeys.drop(o.metadata.uid);
    return keys;
  }
  // Status writes that change neither readiness, phase, deletion, labels nor owners cannot
  // change what this controller counts or claims (the kubelet's ContainerCreating / pod IP
  // updates). Checked before the owner lookup: most Pod updates are these.
  const old = ev.oldView as Pod | undefined;
  const w = ev.statusWrite;
  if (w && !general) {
    // A status-only write (Store.putStatus, the kubelet's: WatchEvent.statusWrite) keeps the
    // previous version's metadata object, so of what countsChanged compares only the phase (which
    // the store says changed or not) and readiness can differ. (The general path,
    // SimClusterOptions.generalPaths, compares all of it.)
    if ((w & PHASE_CHANGED) === 0 && !readinessChanged(old as Pod, o as Pod)) return NO_KEYS;
  } else if (ev.type === 'MODIFIED' && old && !countsChanged(old, o as Pod)) return NO_KEYS;
  const meta = o.metadata;
  // The namespace and name as the store read them (WatchEvent.name/namespace: no metadata load).
  const ns = ev.namespace ?? '';
  const ref = controllerOf(meta.ownerReferences);
  // Most writes keep the ownerReferences array (status writes, binds, deletion marks).
  const refsMoved = old !== undefined && old.metadata.ownerReferences !== meta.ownerReferences;
  const oldRef = refsMoved ? controllerOf(old.metadata.ownerReferences) : ref;
  if (ev.type === 'DELETED') {
    if (!ref) forgetOrphan(orphans, ns, ev.name);
  } else if (!ref) noteOrphan(orphans, ns, ev.name);
  else if (refsMoved && !oldRef) forgetOrphan(orphans, ns, ev.name);
  // The steady state: an owned Pod whose controller did not change (updatePod / addPod /
  // deletePod: "If it has a ControllerRef, that's all that matters").
  if (ref && (!refsMoved || oldRef?.uid === ref.uid))
    return ref.kind === 'ReplicaSet' ? setKeys.of(ns, ref.name, ref.uid) : NO_KEYS;
  const keys: string[] = [];
  // The ControllerRef changed: sync the old controller too.
  if (oldRef?.kind === 'ReplicaSet' && oldRef.uid !== ref?.uid) keys.push(`${ns}/${oldRef.name}`);
  if (ref) {
    if (ref.kind === 'ReplicaSet') keys.push(`${ns}/${ref.name}`);
    return keys;
  }
  // An orphan: the ReplicaSets whose selector matches it may adopt it. A deleted or deleting
  // orphan, or one whose labels and controller did not change, interests none of them.
  if (ev.type === 'DELETED' || o.metadata.deletionTimestamp) return keys;
  const labelsChanged = old !== undefined && !sameLabels(old, o);
  if (ev.type === 'MODIFIED' && !labelsChanged && !oldRef) return keys;
  addSelecting(store, ns, o.metadata.labels, keys);
  // Those that matched its old labels, too (level-based: a sync that finds nothing to do
  // writes nothing).
  if (labelsChanged) addSelecting(store, ns, old?.metadata.labels, keys);
  return keys;
}

/**
 * Append to `keys` the ReplicaSets of `ns` whose selector matches `labels` (the lister's
 * GetPodReplicaSets: an empty selector matches nothing there).
 */
function addSelecting(store: Store, ns: string, labels: Record<string, string> | undefined, keys: string[]) {
  for (const o of store.byNamespace('ReplicaSet', ns)) {
    const rs = o as ReplicaSet;
    const sel = rs.spec?.selector;
    if (!sel || (!sel.matchExpressions?.length && !hasKeys(sel.matchLabels))) continue;
    if (!labeledBy(rs, labels)) continue;
    const key = `${ns}/${rs.metadata.name}`;
    if (!keys.includes(key)) keys.push(key);
  }
}

/**
 * A Pod update that can change what the controller counts or claims (readiness, phase, deletion,
 * labels, owners). A bind (spec.nodeName) changes none of them: the node only ranks surplus Pods
 * for deletion, which a sync that something else causes (a scale-down, a count change) reads.
 */
export function countsChanged(a: Pod, b: Pod): boolean {
  const sa = a.status;
  const sb = b.status;
  // Same status object (a bind, a deletion mark) or the same conditions: readiness is unchanged.
  if (sa !== sb && (sa?.phase !== sb?.phase || (sa?.conditions !== sb?.conditions && ready(a) !== ready(b))))
    return true;
  // Status writes keep the metadata maps by reference: compare text only when they differ.
  const ma = a.metadata;
  const mb = b.metadata;
  return (
    ma.deletionTimestamp !== mb.deletionTimestamp ||
    (ma.labels !== mb.labels && JSON.stringify(ma.labels) !== JSON.stringify(mb.labels)) ||
    (ma.ownerReferences !== mb.ownerReferences &&
      JSON.stringify(ma.ownerReferences) !== JSON.stringify(mb.ownerReferences))
  );
}

/** countsChanged's readiness part, for two versions of one phase. */
function readinessChanged(a: Pod, b: Pod): boolean {
  const sa = a.status;
  const sb = b.status;
  return sa !== sb && sa?.conditions !== sb?.conditions && ready(a) !== ready(b);
}

/** Which surplus Pods go first: unscheduled, then not running, then not ready, then newest. */
function deletionRank(p: Pod): number {
  if (!p.spec.nodeName) return 0;
  if (p.status?.phase === 'Pending') return 1;
  if (!ready(p)) return 2;
  return 3;
}

/** Pods whose controller is `rs`, least recently written first. */
function ownedPods(store: Store, rs: ReplicaSet): Pod[] {
  // Views (apiserver/store.ts StatusVersion): a sync reads their fields, and builds no Pod object.
  return ownedBy(store, rs, 'Pod', true) as Pod[];
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

/** `labels` satisfies the ReplicaSet's selector (one-off checks; a sync builds selectorOf once). */
function labeledBy(rs: ReplicaSet, labels: Labels): boolean {
  return selectorOf(rs)(labels);
}

/**
 * selectorOf(rs) for its Pods: createPods gives every Pod the template's labels map, so the
 * answer for that map is worked out once per sync.
 */
function podMatcher(rs: ReplicaSet): (labels: Labels) => boolean {
  const base = selectorOf(rs);
  const tpl = (rs.spec.template as Any)?.metadata?.labels as Labels;
  if (tpl === undefined) return base;
  const tplMatch = base(tpl);
  return (labels) => (labels === tpl ? tplMatch : base(labels));
}

/**
 * The ReplicaSet's selector as a test. A matchLabels-only selector (what Deployments write) is
 * checked in place; anything else is parsed once and goes through labels.matches.
 */
function selectorOf(rs: ReplicaSet): (labels: Labels) => boolean {
  const sel = rs.spec.selector;
  if (sel?.matchExpressions?.length) {
    const parsed = fromLabelSelector(sel);
    return (labels) => matches(parsed, labels);
  }
  const want = sel?.matchLabels;
  return want ? (labels) => hasAll(labels, want) : () => true;
}

/**
 * Whether every Pod the selector matches also carries all the template's labels: the template's
 * labels are all among the selector's matchLabels (a Deployment's ReplicaSets). Then
 * fullyLabeledReplicas needs no per-Pod check.
 */
function selectorImpliesTemplate(rs: ReplicaSet): boolean {
  const tpl = (rs.spec.template as Any)?.metadata?.labels as Record<string, string> | undefined;
  if (!tpl) return true;
  const want = rs.spec.selector?.matchLabels;
  for (const k in tpl) {
    if (!isOwn(tpl, k)) continue;
    if (!want || !Object.hasOwn(want, k) || want[k] !== tpl[k]) return false;
  }
  return true;
}

/**
 * Keep, in place, the active Pods of `pods` (all controlled by `rs`) that `match` accepts, the
 * ones syncReplicaSet's claimPods keeps; push active ones it rejects to `strays` when given.
 * Returns how many Terminating ones it matches (FilterClaimedPods over FilterTerminatingPods).
 */
function partition(pods: Pod[], match: (labels: Labels) => boolean, strays: Pod[] | undefined): number {
  let n = 0;
  let terminating = 0;
  for (let i = 0; i < pods.length; i++) {
    const p = pods[i] as Pod;
    if (!isPodActive(p)) {
      if (p.metadata.deletionTimestamp && match(p.metadata.labels)) terminating++;
    } else if (match(p.metadata.labels)) pods[n++] = p;
    else strays?.push(p);
  }
  if (n !== pods.length) pods.length = n;
  return terminating;
}

/**
 * ClaimPods (controller_ref_manager.go ClaimObject) over the active Pods: `owned` (compacted in
 * place to the ones kept) plus this namespace's orphans. A Pod controlled by `rs` that the
 * selector no longer matches is released (its ownerReference to `rs` removed) unless `rs` is
 * being deleted; an active orphan the selector matches is adopted (a controller ownerReference
 * added) unless `rs` is being deleted. Both are metadata updates of the Pod through the API
 * server, as the controller's patches are. Returns the Terminating Pods it still counts.
 */
function claimPods(
  store: Store,
  ctx: ControllerContext,
  rs: ReplicaSet,
  owned: Pod[],
  match: (labels: Labels) => boolean,
  orphans: Orphans,
): number {
  const deleting = rs.metadata.deletionTimestamp !== undefined;
  const strays: Pod[] = [];
  const terminating = partition(owned, match, deleting ? undefined : strays);
  for (let i = 0; i < strays.length; i++) release(ctx, rs, strays[i] as Pod);
  const ns = rs.metadata.namespace ?? '';
  const names = orphans.get(ns);
  if (deleting || !names || names.size === 0) return terminating;
  // A copy: each adoption's watch event takes the Pod out of the set.
  for (const name of [...names]) {
    const p = adoptable(store, ns, name, match);
    if (!p) continue;
    const adopted = adopt(ctx, rs, p);
    if (adopted) owned.push(adopted);
  }
  return terminating;
}

/** The orphan Pod `ns/name` if claimPods adopts it: stored, active, without controller, matched. */
function adoptable(
  store: Store,
  ns: string,
  name: string,
  match: (labels: Labels) => boolean,
): Pod | undefined {
  const p = store.get('Pod', ns, name) as Pod | undefined;
  return p && isPodActive(p) && !controllerRef(p) && match(p.metadata.labels) ? p : undefined;
}

/**
 * The sync's error (manageReplicas'), as the text of the API error that stopped it (an API
 * error's message is never empty).
 */
function syncReplicaSet(
  store: Store,
  rs: ReplicaSet,
  ctx: ControllerContext,
  throttle: Map<string, number>,
  orphans: Orphans,
  out: Settled,
): string | undefined {
  const rev0 = store.revision;
  const match = podMatcher(rs);
  // `pods` becomes the claimed active Pods (replica_set.go's filteredPods).
  const pods = ownedPods(store, rs);
  let terminating = claimPods(store, ctx, rs, pods, match, orphans);
  // manageReplicas runs only while the ReplicaSet is not being deleted; status is written anyway.
  const deleting = rs.metadata.deletionTimestamp !== undefined;
  const err = deleting ? undefined : manageReplicas(ctx, rs, pods, throttle);
  let counted = pods;
  /** Active Pods it controls that its selector no longer matches (released by claimPods). */
  let strays = 0;
  const unchanged = store.revision === rev0;
  if (!unchanged) {
    // Something was written (Pods created, deleted, released or adopted): count what is stored now.
    counted = ownedPods(store, rs);
    const left: Pod[] = [];
    terminating = partition(counted, match, left);
    strays = left.length;
  }
  const stored = writeStatus(store, ctx, rs, unchanged, counted, terminating, err);
  // Settled (see Settled): a sync of what is stored now claims the same Pods with nothing to
  // release, adopt, create or delete, and counts the status just stored.
  if (
    stored &&
    !deleting &&
    !err &&
    strays === 0 &&
    counted.length === rs.spec.replicas &&
    (stored.status as Any)?.conditions === undefined &&
    !anyAdoptable(orphans, rs.metadata.namespace ?? '', (name) =>
      adoptable(store, rs.metadata.namespace ?? '', name, match),
    )
  )
    out.rs = stored;
  return err;
}

/**
 * Create or delete Pods so that `active` (the claimed active Pods) reaches spec.replicas; the
 * first refused create's error text, if any.
 */
function manageReplicas(
  ctx: ControllerContext,
  rs: ReplicaSet,
  active: Pod[],
  throttle: Map<string, number>,
): string | undefined {
  const want = rs.spec.replicas;
  const diff = active.length - want;
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
    if (n > 0) return createPods(ctx, rs, tpl, n);
  } else if (diff > 0) {
    const victims = active
      .slice()
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
  return undefined;
}

/**
 * Create `n` Pods from the template in slowStartBatch's batches (1, 2, 4, … — controller.
 * SlowStartInitialBatchSize): the batch in which a create is refused still finishes (its creates
 * run concurrently), the later batches are skipped; the first error's text is returned. Each
 * refusal records FailedCreate (controller_utils.go createPods: `Error creating: <err>`).
 * The API server defaults, validates and copies what it
 * changes (every Pod gets its own spec and containers there), and stored objects are immutable
 * snapshots, so the Pods may share the template's labels, annotations and nested spec values,
 * and this sync's ownerReferences, instead of each carrying a copy.
 */
function createPods(ctx: ControllerContext, rs: ReplicaSet, tpl: Any, n: number): string | undefined {
  const generateName = `${rs.metadata.name}-`;
  const namespace = rs.metadata.namespace;
  const labels = tpl.metadata?.labels ?? {};
  const annotations = tpl.metadata?.annotations;
  const ownerReferences = [ownerRefTo(rs)];
  // One request for every create: the API server never changes what it is sent.
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: annotations
      ? { generateName, namespace, labels, annotations, ownerReferences }
      : { generateName, namespace, labels, ownerReferences },
    spec: tpl.spec,
  } as unknown as Pod;
  let err: string | undefined;
  // `end`: where the current batch ends (1, 3, 7, …: batches of 1, 2, 4; the last takes what remains).
  for (let i = 0, end = 1; i < n; i++) {
    if (i === end) {
      if (err) break;
      end = 2 * end + 1;
    }
    const r = ctx.api.create(pod);
    if (r.ok)
      ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, SOURCE);
    else {
      ctx.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, SOURCE);
      // The boot's Pods are never refused; should one be before the late parts are in, it is
      // only recorded (no condition, no rate-limited retry: those are late).
      if (latePartsLoaded()) err ??= r.error.message;
    }
  }
  return err;
}

/** Own enumerable keys whose value is defined (what the API server's deepEqual counts). */
function definedKeys(o: object): number {
  let n = 0;
  for (const k in o) if (isOwn(o, k) && (o as Record<string, unknown>)[k] !== undefined) n++;
  return n;
}

/**
 * The ReplicaSet as stored after writing its status (undefined if it is gone): calculateStatus over the claimed active Pods and the matching Terminating ones: Pods that
 * carry all the template's labels count as fullyLabeledReplicas (replica_set_utils.go). `err`:
 * manageReplicas' error; the ReplicaFailure condition it sets, or a sync without one clears, comes
 * from replicaset-failure.ts (a status without conditions and a sync without error need none of it).
 */
function writeStatus(
  store: Store,
  ctx: ControllerContext,
  rs: ReplicaSet,
  /** Nothing was written during this sync: `rs` is still what the store holds. */
  unchanged: boolean,
  pods: Pod[],
  terminating: number,
  err: string | undefined,
): ReplicaSet | undefined {
  const live = pods.length;
  let readyCount = 0;
  for (let i = 0; i < live; i++) if (ready(pods[i] as Pod)) readyCount++;
  let labeled = live;
  if (!selectorImpliesTemplate(rs)) {
    const tpl = (rs.spec.template as Any).metadata.labels as Record<string, string>;
    labeled = 0;
    for (let i = 0; i < live; i++) if (hasAll((pods[i] as Pod).metadata.labels, tpl)) labeled++;
  }
  // The status the API server holds already says this (its deepEqual would find them equal):
  // nothing to build or write.
  const current = unchanged
    ? rs
    : (store.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name) as ReplicaSet | undefined);
  const prev = current?.status as Any;
  const gen = rs.metadata.generation;
  // A stored status with conditions has one key more than counted below: never skipped here.
  if (
    !err &&
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
    return current;
  // Keys added in the API's order, zero counts omitted (omitempty), no temporary spreads.
  const status: Any = { replicas: live };
  if (labeled) status.fullyLabeledReplicas = labeled;
  if (readyCount) {
    status.readyReplicas = readyCount;
    status.availableReplicas = readyCount;
  }
  status.observedGeneration = gen;
  if (terminating) status.terminatingReplicas = terminating;
  // The API server skips a status equal to the stored one (a retry that fails the same way).
  if (err || prev?.conditions) late().replicaFailure.conditions(status, prev, err, ctx.clock.now());
  const r = ctx.api.updateStatus({ ...rs, status });
  return r.ok ? (r.object as ReplicaSet) : undefined;
}
