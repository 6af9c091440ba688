// Interfaces shared by the core's parts. Implementations live beside this file (clock.ts, rng.ts,
// timers.ts, workqueue.ts) and in ../apiserver; controllers depend only on these shapes.
import type { K8sObject, KindName } from '../api/types';
import type { ApiResult, DeleteOptions, ListOptions, ObjectKey } from '../contract';

/** Manual simulated clock: epoch milliseconds; only `advance` moves it. */
export interface Clock {
  now(): number;
}

/** Seeded PRNG. `fork(name)` gives an independent stream per subsystem (pod-names, uids, cluster-ips, load-balancing, …). */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  fork(name: string): Rng;
}

/** Timers on the simulated clock, ordered by (dueTime, seq) so equal due times fire in schedule order. */
export interface Timers {
  at(dueMs: number, fn: () => void): number;
  after(delayMs: number, fn: () => void): number;
  cancel(id: number): void;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  kind: KindName;
  key: ObjectKey;
  readonly object: K8sObject; // new object (or the last state, for DELETED)
  readonly old?: K8sObject | undefined; // previous object for MODIFIED
  /**
   * `object` and `old` as views: every field but metadata.resourceVersion reads as theirs, and
   * reading one builds nothing (a Pod status version the kubelet wrote is built on first read of
   * `object`: apiserver/store.ts StatusVersion). For a watcher that reads fields of the object and
   * keeps none of it but their values: the hot Pod watchers, which then build no object.
   */
  readonly view: K8sObject;
  readonly oldView?: K8sObject | undefined;
  /**
   * `view.metadata.name` and `view.metadata.namespace` (as written: undefined when unset), read
   * once by the store: a watcher that sees many kinds or shapes of object pays a megamorphic load
   * for each metadata read on the view, and several watchers read these of every Pod write.
   */
  readonly name: string;
  readonly namespace: string | undefined;
  /**
   * What a status-only write changed, said once by the store (a bit set): 0 or absent for any
   * other write; STATUS_ONLY for a status-only one (Store.putStatus, the kubelet's Pod status
   * writes: metadata and spec are the previous version's own objects), with PHASE_CHANGED when
   * status.phase differs. The manager leaves out the controllers that declared they ignore such
   * writes (Controller.statusWrites).
   */
  readonly statusWrite?: number;
}

/**
 * keysFor's answer of no keys, one array for every controller (frozen: never modified): the
 * manager tells it by identity, where reading the length of an answer is a megamorphic load (the
 * answers are arrays of many shapes: plain, frozen, HeldKeys, QuietKeys). An empty array of any
 * other identity is still no keys.
 */
export const NO_KEYS: string[] = Object.freeze([]) as readonly string[] as string[];

/** WatchEvent.statusWrite: the write was status-only. */
export const STATUS_ONLY = 1;
/** WatchEvent.statusWrite: with STATUS_ONLY, status.phase differs from the previous version's. */
export const PHASE_CHANGED = 2;

/** Read access to the API server's store (immutable snapshots). */
export interface StoreReader {
  get(kind: KindName, namespace: string | undefined, name: string): K8sObject | undefined;
  /**
   * `get` for a reader of fields that keeps nothing else of the object: a view, which builds no
   * object (see WatchEvent.view: every field but metadata.resourceVersion reads as the object's).
   */
  view(kind: KindName, namespace: string | undefined, name: string): K8sObject | undefined;
  list(kind: KindName, opts?: ListOptions): K8sObject[];
  /** Objects of a kind in one namespace without sorting or selector parsing (hot path). */
  byNamespace(kind: KindName, namespace: string): Iterable<K8sObject>;
  /**
   * `get` of the name `ref` names, through what the ref holds from an earlier read (the Store: the
   * name's slot while it is live) instead of a name lookup. Optional: see `readRef`.
   */
  getRef?(ref: NameRef): K8sObject | undefined;
}

/**
 * One name (kind, namespace, name) a reader reads again and again, made once: the store keeps on
 * it what it found there (`found`, opaque to the reader), so the next read through it
 * (StoreReader.getRef) needs no hashing of the name into a map of thousands, and the name's parts
 * are split once. A controller keeps one per queue key and kind on its queue entry (keyRef).
 */
export interface NameRef {
  /** The store's: what it found under the name last (see Store.getRef). */
  found: unknown;
  /** The next ref kept on the same queue entry (another kind under the same key). */
  next: NameRef | undefined;
  readonly kind: KindName;
  readonly namespace: string;
  readonly name: string;
}

/** `store.get` of the ref's name, through the ref where the store can (StoreReader.getRef). */
export function readRef(store: StoreReader, ref: NameRef): K8sObject | undefined {
  return store.getRef !== undefined ? store.getRef(ref) : store.get(ref.kind, ref.namespace, ref.name);
}

/**
 * The manager's queue entry of one (controller, key), handed to `reconcile`: the same object for
 * every reconcile of the key while the manager keeps its entries (it drops them all now and then:
 * ControllerManager.forget), so a reconcile keeps on it what it reads under the key (keyRef).
 */
export interface KeyEntry {
  readonly key: string;
  /** The controller's refs to names under the key, one per kind (keyRef). */
  refs: NameRef | undefined;
}

/**
 * The ref to the object of `kind` named by `key` (`namespace/name`), kept on the key's queue
 * entry `at` (made on first use: the key split once per entry, not per reconcile); a key without
 * a '/' names a cluster-scoped object. Without an entry (a caller outside the manager), a fresh ref.
 */
export function keyRef(kind: KindName, key: string, at?: KeyEntry): NameRef {
  let r = at?.refs;
  while (r !== undefined && r.kind !== kind) r = r.next;
  if (r === undefined) {
    const i = key.indexOf('/');
    // A literal, like the queue entry it is kept on: pretenurable (manager.ts, `queued`).
    r = {
      found: undefined,
      next: undefined,
      kind,
      namespace: i < 0 ? '' : key.slice(0, i),
      name: i < 0 ? key : key.slice(i + 1),
    };
    if (at !== undefined) {
      r.next = at.refs;
      at.refs = r;
    }
  }
  return r;
}

/** Writes go through the API server: defaulting, validation, resourceVersion, watch events. */
export interface ApiWriter {
  create(obj: K8sObject, opts?: { fieldManager?: string }): ApiResult;
  update(obj: K8sObject): ApiResult;
  /** Status subresource: no validation of spec, no generation bump. */
  updateStatus(obj: K8sObject): ApiResult;
  delete(kind: KindName, namespace: string | undefined, name: string, opts?: DeleteOptions): ApiResult;
  /**
   * `update(obj)` over `old`, the stored object the caller read (or `create(obj)` when undefined),
   * for a version the caller built and hands over: `obj` and its metadata are fresh, and nothing
   * changes them or anything they hold afterwards, so the API server writes it without copying
   * it (ApiServer.writeOwn). Optional: a writer without it takes update or create. `changed`:
   * the caller compared `obj` with `old` and found a field whose JSON differs (the Endpoints and
   * EndpointSlice controllers write only then), so update's no-op check need not look again.
   */
  writeOwn?(obj: K8sObject, old: K8sObject | undefined, changed?: boolean): ApiResult;
}

export interface EventRecorder {
  record(
    obj: K8sObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: { component: string; host?: string },
    /** involvedObject.fieldPath, e.g. `spec.containers{web}`; none for the whole object. */
    fieldPath?: string,
  ): void;
}

export interface ControllerContext {
  store: StoreReader;
  api: ApiWriter;
  clock: Clock;
  timers: Timers;
  rng: Rng; // already forked for this controller
  events: EventRecorder;
  /** Ask for `key` to be reconciled again later (simulated ms), e.g. to re-check after a delay. */
  requeueAfter(key: string, delayMs: number): void;
}

/**
 * keysFor's answer for an event after which the key's reconcile would find nothing to do: the key
 * alone, in an array marked `quiet`. The manager still gives the key its queue position (so an
 * event for it that does need a reconcile, arriving while it waits, is served there exactly as if
 * this one had queued it), but runs no reconcile for it if every event since it was queued was
 * quiet. Only for a key whose reconcile reads nothing that can change without a watch event that
 * queues that key (e.g. the kubelet's own status writes to a Pod it runs). Anything else that
 * reads keysFor's answer can treat it as the plain key list it is.
 */
export type QuietKeys = HeldKeys & { readonly quiet: true }; // frozen, typed as keysFor's answer

/**
 * One key, marked quiet (see QuietKeys). Make it once per key and return it for every event.
 * `loud`: the same key's HeldKeys answer, whose entries this one shares (one lookup per key).
 */
export function quietKeys(key: string, loud?: HeldKeys): QuietKeys {
  const keys = [key] as string[] & { quiet?: true; held?: HeldEntries };
  keys.quiet = true;
  keys.held = loud?.[0] === key ? loud.held : heldEntries();
  return Object.freeze(keys) as unknown as QuietKeys;
}

/**
 * keysFor's answer of one key that a controller keeps and returns for every event it queues that
 * key for (a Pod's own key in the kubelet, a Service's in the endpoints index): the manager keeps
 * its queue entry for the key on the answer (in `held`, per controller, since one answer may serve
 * two), so queueing it again looks nothing up by the key string. Frozen, typed as keysFor's answer.
 */
export type HeldKeys = string[] & { readonly held: HeldEntries };

/**
 * The queue entries a HeldKeys answer keeps, by controller index: the first controller's in two
 * fields (usually the only one: a Pod's key in the kubelet, a ReplicaSet's in its controller), any
 * other's in `more`, as (index, entry) pairs. Not one array indexed by controller: its first
 * entry, at index i, grew it to i + 17 slots or more, ~240 bytes kept per answer (5,000 Pods' in
 * the benchmark). Made by a literal (heldEntries): these live as long as their objects, and V8
 * pretenures a literal's objects once they survive, never a class's.
 */
export interface HeldEntries {
  index: number;
  entry: unknown;
  more: unknown[] | undefined;
}

/** No entry kept yet. */
export function heldEntries(): HeldEntries {
  return { index: -1, entry: undefined, more: undefined };
}

/** The entry `h` keeps for controller `index`, if any. */
export function heldEntry(h: HeldEntries, index: number): unknown {
  if (h.index === index) return h.entry;
  const more = h.more;
  if (more !== undefined) for (let k = 0; k < more.length; k += 2) if (more[k] === index) return more[k + 1];
  return undefined;
}

/** Keep `entry` for controller `index` in `h` (replacing the one it had). */
export function keepEntry(h: HeldEntries, index: number, entry: unknown): void {
  if (h.index === index || h.index === -1) {
    h.index = index;
    h.entry = entry;
    return;
  }
  const more = h.more;
  if (more === undefined) {
    h.more = [index, entry]; // a literal: exactly two slots
    return;
  }
  for (let k = 0; k < more.length; k += 2)
    if (more[k] === index) {
      more[k + 1] = entry;
      return;
    }
  more.push(index, entry);
}

/** One key as a HeldKeys answer. Make it once per key and return it for every event. */
export function heldKeys(key: string): HeldKeys {
  const keys = [key] as string[] & { held?: HeldEntries };
  keys.held = heldEntries();
  return Object.freeze(keys) as unknown as HeldKeys;
}

/**
 * The HeldKeys answer `[namespace/name]` of objects by uid, for a controller that queues an
 * object's key from the events of other objects (a ReplicaSet's from its Pods', through the
 * owner reference's uid): the key string is built once per object, not per event. A uid always
 * names the same namespace and name. Bounded: emptied past 65,536 objects (made again when asked).
 */
export class KeysByUid {
  private readonly byUid = new Map<string, HeldKeys>();
  of(namespace: string, name: string, uid: string | undefined): string[] {
    if (uid === undefined) return [`${namespace}/${name}`];
    let keys = this.byUid.get(uid);
    if (keys === undefined) {
      if (this.byUid.size >= 1 << 16) this.byUid.clear();
      keys = heldKeys(`${namespace}/${name}`);
      this.byUid.set(uid, keys);
    }
    return keys;
  }
  /** The object is gone: its answer is not kept any more. */
  drop(uid: string | undefined): void {
    if (uid !== undefined) this.byUid.delete(uid);
  }
}

/**
 * Level-based controller (controller-runtime style): watch events map to keys; a stingy FIFO
 * workqueue de-duplicates them; `reconcile` reads current state, never the event.
 */
export interface Controller {
  readonly name: string;
  /** Kinds whose watch events this controller cares about. */
  readonly watches: readonly KindName[];
  /**
   * The status-only writes (WatchEvent.statusWrite) keysFor is called for: 'all' (the default),
   * 'phase' (those with PHASE_CHANGED) or 'none' (~15,000 of the benchmark's 25,000 Pod events
   * are the kubelet's status writes, and most watchers ignore most of them). Declaring less is
   * for a controller whose keysFor, on the writes left out, returns no keys and changes nothing a
   * later call or reconcile reads.
   */
  readonly statusWrites?: 'all' | 'phase' | 'none';
  /**
   * Per watched kind, the event types keysFor is called for (a kind not named: all three). For a
   * controller that answers some types of a kind with no keys whatever the object, e.g. the
   * endpoints controller, which re-syncs on an Endpoints object's deletion only: its answer to the
   * benchmark's ~7,000 whole Endpoints writes, its own, was always none. A type left out also
   * leaves out that type's status-only writes. The same rule as statusWrites: no keys, and nothing
   * changed that a later call or reconcile reads.
   */
  readonly eventTypes?: { readonly [K in KindName]?: readonly WatchEventType[] };
  /** Keys to enqueue for an event (owner, selecting Services, …); QuietKeys when it needs no reconcile. */
  keysFor(event: WatchEvent): string[];
  /**
   * `at`: the manager's entry for this (controller, key), where the controller may keep what it
   * reads under the key (KeyEntry); absent when a caller outside the manager reconciles.
   */
  reconcile(key: string, ctx: ControllerContext, at?: KeyEntry): void;
}
