// The versioned object store (etcd stand-in). Objects are immutable snapshots: `put` takes a new
// object, stamps its resourceVersion and emits a watch event synchronously. Indexes: kind →
// namespace → name (get/list/byNamespace), uid → slot, owner uid → dependents (GC, controllers).
// Lazy entries (the recorder's Events) are written with addLazy/touchLazy and heard of only by
// `watchKeys` listeners; see LazyObject. A new status over a stored object (the kubelet's Pod
// status writes) is kept as a record, its object built on first read; see StatusVersion.
import { KINDS } from '../api/kinds';
import { matches } from '../api/labels';
import type { K8sObject, KindName, ObjectMeta, OwnerReference } from '../api/types';
import type { ListOptions } from '../contract';
import { late } from '../late';
import { refArray } from '../runtime/arrays';
import {
  type NameRef,
  PHASE_CHANGED,
  STATUS_ONLY,
  type StoreReader,
  type WatchEvent,
  type WatchEventType,
} from '../runtime/interfaces';
import { copyOwn, copyTop } from './copy';

/**
 * A stored entry that becomes an object on its first read: the recorder's Events (31,000 at the
 * benchmark's scale, which nothing reads while the Pods start) stay a few fields each until
 * kubectl or the UI asks for them. Every read of one state returns the same snapshot; a write
 * (`touchLazy`) starts a new one and leaves the old snapshot to whoever holds it.
 */
export abstract class LazyObject {
  // Fields declared and set by the constructor, not by initializers: a class's field initializers
  // run as a function of their own per instance (before the subclass's), and the recorder makes
  // one entry per Event (31,000 at the benchmark's size).
  /** The resourceVersion the store stamped on this entry's last write. */
  declare rv: number;
  /** Held by the store under its name: false once replaced by another write or removed. */
  declare live: boolean;
  declare private built: K8sObject | undefined;
  constructor() {
    this.rv = 0;
    this.live = false;
    this.built = undefined;
  }
  /** The entry's name (spelled on the first call, which may come only when something reads). */
  abstract key(): string;
  /** The whole object for the entry's current state, with this resourceVersion. */
  protected abstract build(resourceVersion: string): K8sObject;
  /**
   * Called after each build: may the object just built be kept as the state's snapshot? Not when
   * it shows live state nothing has fixed yet (a boot DaemonSet's status before its first sync,
   * apiserver/published.ts): reading early (a watchKeys listener during the boot) must not pin a
   * state a later read would not see. An override also forgets whatever made it say no, so that
   * the next build is judged afresh (an entry kind whose builds may say no keeps that mark itself,
   * not every entry: the recorder's 31,000 Events never do).
   */
  protected keepBuilt(): boolean {
    return true;
  }
  object(): K8sObject {
    let o = this.built;
    if (o === undefined) {
      o = this.build(String(this.rv));
      if (this.keepBuilt()) this.built = o;
    }
    return o;
  }
  /**
   * The entry's current state as `object()` would return it now, without keeping a snapshot it
   * builds: for a reader that must not change what later reads see (testing/version-stream.ts
   * records every Event as written). A build can read live state (a boot DaemonSet's status before
   * its first sync, apiserver/published-build.ts), so a snapshot kept early would change later writes.
   */
  peek(): K8sObject {
    if (this.built !== undefined) return this.built;
    const o = this.build(String(this.rv));
    this.keepBuilt(); // only to forget the build's mark: nothing is kept either way
    return o;
  }
  /** Called by the store on a write: the next read builds the new state. */
  stamp(rv: number): void {
    this.rv = rv;
    this.built = undefined;
  }
}

/**
 * One version of an object written as a new status over a stored object (`putStatus`: the
 * kubelet's Pod status writes, 15,000 at the benchmark's scale). Its object is built on its first
 * read and kept (every read of the version returns the same snapshot), so a version nothing reads
 * costs this record and no copy of the object.
 *
 * The record is also the version's view: apiVersion, kind, metadata, spec and status read as the
 * object's, except `metadata.resourceVersion`, an earlier version's (`rv` is this one's; see
 * `resourceVersionOf`). A watcher or the kubelet reads a view where it needs no resourceVersion
 * and keeps nothing of it but those fields' values (WatchEvent.view, Store.view); a view never
 * leaves the core (reads through `get`/`list`/`watch` give the object).
 */
export class StatusVersion {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  // biome-ignore lint/suspicious/noExplicitAny: as K8sObject's.
  readonly spec: any;
  // biome-ignore lint/suspicious/noExplicitAny: as K8sObject's.
  readonly status: any;
  /**
   * The object written whole that this version's fields come from (all but status and
   * resourceVersion): copied when the object is built, which keeps its key order and any key a
   * view does not show. Private: a copy of the view (a spread, copyTop) has the five fields only.
   */
  readonly #base: K8sObject;
  readonly #rv: number;
  #built: K8sObject | undefined = undefined;
  constructor(base: K8sObject, status: unknown, rv: number) {
    this.apiVersion = base.apiVersion;
    this.kind = base.kind;
    this.metadata = base.metadata;
    this.spec = base.spec;
    this.status = status;
    this.#base = base;
    this.#rv = rv;
  }
  /** This version's resourceVersion. */
  get rv(): number {
    return this.#rv;
  }
  /**
   * The version's object: what `updateStatus` stores (`{ ...base, metadata: { ...base.metadata,
   * resourceVersion }, status }`, key for key and in key order), built once. The base never
   * changes (stored objects are immutable), so building early or late gives the same object.
   */
  object(): K8sObject {
    let o = this.#built;
    if (o === undefined) {
      const base = this.#base;
      o = copyTop(base) as K8sObject;
      const metadata = copyOwn(base.metadata);
      metadata.resourceVersion = String(this.#rv);
      o.metadata = metadata;
      o.status = this.status;
      this.#built = o;
      built.count++;
    }
    return o;
  }
}

/** Objects built from status versions so far (StatusVersion.object), for measurements and tests. */
export const built = { count: 0 };

/** The object a view stands for's resourceVersion, as the object spells it (see StatusVersion). */
export function resourceVersionOf(o: K8sObject): string {
  return o instanceof StatusVersion ? String(o.rv) : o.metadata.resourceVersion;
}

/** A version as an event or a slot holds it: an object, or a status version not built yet. */
type Version = K8sObject | StatusVersion;

/** The object of a version (building a status version's). */
function objectOf(v: Version): K8sObject {
  return v instanceof StatusVersion ? v.object() : v;
}

/**
 * Holds the current version of one object written with `put` (or `putStatus` over one): the
 * name map and the uid index both point at the slot, so a write that keeps the object's uid
 * replaces one field instead of an entry in each map.
 */
export class Slot {
  /** While the current version is a status version (`putStatus`), its record (else undefined). */
  ver: StatusVersion | undefined = undefined;
  /**
   * Held by the store under its name: false once the object is removed or a lazy entry took the
   * name. A writer that keeps the slot (the kubelet, of the Pods it runs) reads and writes through
   * it while it is live, with no name lookup (a later write of the name reuses this slot).
   */
  live = true;
  constructor(
    /** The last object written whole: the current version's, unless `ver` is set (then its base). */
    public obj: K8sObject,
    /** The current version's resourceVersion as a number (byOwner sorts by it without parsing). */
    public rv: number,
    /** The name map holding it (a slot never moves: while live, it is there under its name). */
    readonly map: NameMap,
    /**
     * `obj.metadata.uid` and (for a kind in the owner index) `.ownerReferences`, as the write
     * read them: the next write of the slot compares its object's with these instead of reading
     * the replaced object's metadata again (megamorphic loads, on a site that sees every kind).
     */
    public uid: string,
    public refs: readonly OwnerReference[] | undefined,
  ) {}
  object(): K8sObject {
    const v = this.ver;
    return v === undefined ? this.obj : v.object();
  }
  /** The current version's view (see StatusVersion): its object, or its status version unbuilt. */
  view(): K8sObject {
    return this.ver ?? this.obj;
  }
}

type Entry = Slot | LazyObject;
/** One namespace's objects of one kind, by name. */
class NameMap extends Map<string, Entry> {
  /** The names sorted, valid until a name is added or removed (modifications keep it). */
  sorted: string[] | undefined = undefined;
  /**
   * Lazy entries added since the last read, oldest first, not yet keyed by name: they are keyed in
   * that order (so iteration order is write order, as if set at once) by the next access (`keyed`).
   */
  pending: LazyObject[] | undefined = undefined;
  /** How many entries are Slots (objects written with `put`): while none, no name can clash. */
  slots = 0;
  constructor(
    /** The store and kind the map is in, and its namespace ('' for a cluster-scoped kind). */
    readonly store: Store,
    readonly kind: KindMap,
    readonly ns: string,
  ) {
    super();
  }
}
/**
 * One kind's objects: by namespace, or (cluster-scoped kinds) in one map, so a read of a Node or a
 * Namespace takes one map hop fewer and no read looks up whether the kind is namespaced.
 */
class KindMap {
  readonly byNs = new Map<string, NameMap>();
  /** The cluster-scoped kinds' one map (also byNs's '' entry, for the code that walks byNs). */
  cluster: NameMap | undefined = undefined;
  /**
   * In the uid and owner indexes: every kind but Event (only GC looks objects up by uid, and Events
   * are never owners or dependents: leaving the benchmark's 30,000 out saves their entries).
   */
  readonly indexed: boolean;
  constructor(
    readonly store: Store,
    readonly namespaced: boolean,
    kind: KindName,
  ) {
    this.indexed = kind !== 'Event';
  }
  /** The namespace's map, if any (a cluster-scoped kind ignores `ns`). */
  get(ns: string | undefined): NameMap | undefined {
    return this.namespaced ? this.byNs.get(ns ?? '') : this.cluster;
  }
  /** The map of `ns` (already '' for a cluster-scoped kind), made if new. */
  nameMap(ns: string): NameMap {
    let m = this.namespaced ? this.byNs.get(ns) : this.cluster;
    if (m === undefined) {
      m = new NameMap(this.store, this, ns);
      this.byNs.set(ns, m);
      if (!this.namespaced) this.cluster = m;
    }
    return m;
  }
}

/**
 * The store's watch event: a class, so every event has one shape, and the key is spelled only if
 * a listener asks (the change collector, only while someone is subscribed). `object` and `old`
 * build a status version's object when first read; `view` and `oldView` never build (see
 * StatusVersion), for the watchers on every Pod write that read only fields.
 */
class StoreEvent implements WatchEvent {
  constructor(
    readonly type: WatchEventType,
    readonly kind: KindName,
    private readonly ns: string,
    private readonly cur: Version,
    private readonly prev: Version | undefined,
    /** WatchEvent.statusWrite: 0 but for putStatus's events. */
    readonly statusWrite: number,
    /** WatchEvent.name and .namespace: `cur`'s metadata.name and metadata.namespace. */
    readonly name: string,
    readonly namespace: string | undefined,
  ) {}
  get object(): K8sObject {
    return objectOf(this.cur);
  }
  get old(): K8sObject | undefined {
    const p = this.prev;
    return p === undefined ? p : objectOf(p);
  }
  get view(): K8sObject {
    return this.cur;
  }
  get oldView(): K8sObject | undefined {
    return this.prev;
  }
  get key(): string {
    return keyOf(this.kind, this.ns, this.cur.metadata.name);
  }
}

/** The map with its pending lazy entries keyed: what every read or write by name goes through. */
function keyed(m: NameMap): NameMap {
  const p = m.pending;
  if (p !== undefined) {
    m.pending = undefined;
    m.sorted = undefined;
    for (const e of p) m.set(e.key(), e);
  }
  return m;
}

/**
 * Told of a write of a lazy entry, which carries no object: only the change collector listens,
 * since no controller or the network layer watches the kind written this way (Events).
 */
export type KeyListener = (
  type: WatchEventType,
  kind: KindName,
  namespace: string,
  entry: LazyObject,
) => void;

/**
 * A listener to every write through `put` and every `remove` (Store.watch), as an object with a
 * method: the cluster's listener is an instance of a module-level class (cluster-core.ts), so the
 * call in `emit`, which runs on every write and whose optimized code inlines the listener, finds
 * the same function in every fresh cluster. A listener made per cluster (an arrow) is a new
 * function each time, and that inlined call deoptimized ("wrong call target") at the next
 * cluster's first write. A function passed to `watch` is wrapped (FnWatcher).
 */
export interface StoreWatcher {
  onWatch(ev: WatchEvent): void;
}

/** KeyListener as an object with a method, for the same reason as StoreWatcher (`addLazy`). */
export interface KeyWatcher {
  onKey(type: WatchEventType, kind: KindName, namespace: string, entry: LazyObject): void;
}

/** A function passed to `watch` (tests, recorders, an open Cluster.watch). */
class FnWatcher implements StoreWatcher {
  constructor(private readonly fn: (ev: WatchEvent) => void) {}
  onWatch(ev: WatchEvent): void {
    this.fn(ev);
  }
}

/** A function passed to `watchKeys`. */
class FnKeyWatcher implements KeyWatcher {
  constructor(private readonly fn: KeyListener) {}
  onKey(type: WatchEventType, kind: KindName, namespace: string, entry: LazyObject): void {
    this.fn(type, kind, namespace, entry);
  }
}

// Read once: under tsx (CommonJS output) every use of an imported binding is a getter call, and
// these sit on the path of every read and write. Kinds registered late (api/kinds-storage) add
// their entries here too.
export const NAMESPACED: Record<string, boolean> = Object.fromEntries(
  Object.entries(KINDS).map(([k, info]) => [k, info.namespaced]),
);

/** objectKey (api/kinds) for a namespace already resolved: `Pod/default/x`, `Node/x`. */
export function keyOf(kind: KindName, ns: string, name: string): string {
  return NAMESPACED[kind] ? `${kind}/${ns}/${name}` : `${kind}/${name}`;
}

export class Store implements StoreReader {
  private readonly data = new Map<KindName, KindMap>();
  private readonly byUid = new Map<string, Slot>(); // uid → the object's slot (not Events)
  /**
   * Owner uid → the slots of the objects naming it (not Events, which byOwner never returned): the
   * one slot itself while it is the only one (a Deployment's ReplicaSet, a Service's
   * EndpointSlice), a set from the second on (a ReplicaSet's Pods).
   */
  private readonly dependents = new Map<string, Slot | Set<Slot>>();
  /** byOwner's scratch array (empty between calls). */
  private readonly ownerScratch: Slot[] = refArray();
  private rv = 1000;
  /**
   * The cluster CA's identity (kube-system's uid and creation time, apiserver/root-ca.ts), fixed by
   * the boot before the first namespace and its kube-root-ca.crt exist, so the CA a read finds
   * never depends on when it reads.
   */
  caIdentity: { uid: string; creationTimestamp: string } | undefined = undefined;
  private readonly listeners: StoreWatcher[] = [];
  private readonly keyListeners: KeyWatcher[] = [];
  // The last name looked up or written (its kind's map, namespace, name), the map it is in and
  // what is stored under it, undefined included: the API server reads an object and then writes
  // over it (update, updateStatus, a bind; a controller's own read often comes just before), and
  // the write and the second read find it here instead of hashing the name into a map of
  // thousands again. Forgotten by whatever can change what a name holds other than `write`,
  // which remembers what it wrote (addLazy, remove).
  private lastKind: KindMap | undefined = undefined;
  private lastNs = '';
  private lastName = '';
  private lastMap: NameMap | undefined = undefined;
  private lastEntry: Entry | undefined = undefined;
  // The name map the last lazy entry went to, by the kind and namespace `addLazy` was given: the
  // recorder's Events come one after another into a namespace or two (name maps are never
  // dropped, so this never goes stale).
  private lazyKind: KindName | undefined = undefined;
  private lazyNs = '';
  private lazyMap: NameMap | undefined = undefined;

  /**
   * Every write through `put` and every `remove` (see StoreWatcher). The returned function stops
   * the listener.
   */
  watch(l: StoreWatcher | ((ev: WatchEvent) => void)): () => void {
    return listen(this.listeners, typeof l === 'function' ? new FnWatcher(l) : l);
  }

  /** Writes through `addLazy` and `touchLazy`: the entry, whose `key()` names it. */
  watchKeys(l: KeyWatcher | KeyListener): () => void {
    return listen(this.keyListeners, typeof l === 'function' ? new FnKeyWatcher(l) : l);
  }

  /** Moves on every write and removal: equal before and after ⇒ nothing was written between. */
  get revision(): number {
    return this.rv;
  }

  nextResourceVersion(): string {
    this.rv += 1;
    return String(this.rv);
  }

  get(kind: KindName, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.entry(kind, namespace, name)?.object();
  }

  /**
   * What `get` returns, as a view when the current version is a status version not built yet
   * (StatusVersion: every field but metadata.resourceVersion reads as the object's). For a reader
   * of fields that keeps nothing else of it (the kubelet).
   */
  view(kind: KindName, namespace: string | undefined, name: string): K8sObject | undefined {
    const e = this.entry(kind, namespace, name);
    return e === undefined ? e : e instanceof Slot ? e.view() : e.object();
  }

  /** The slot of the object stored under a key (see Slot.live), if one written with `put` is. */
  slot(kind: KindName, namespace: string | undefined, name: string): Slot | undefined {
    const e = this.entry(kind, namespace, name);
    return e instanceof Slot ? e : undefined;
  }

  /** What is stored under a key (a Slot or a lazy entry), without building the object. */
  entry(kind: KindName, namespace: string | undefined, name: string): Entry | undefined {
    const k = this.data.get(kind);
    if (k === undefined) return undefined;
    const ns = k.namespaced ? (namespace ?? '') : '';
    if (k === this.lastKind && name === this.lastName && ns === this.lastNs) return this.lastEntry;
    const m = k.namespaced ? k.byNs.get(ns) : k.cluster;
    if (m === undefined) return undefined;
    const e = (m.pending === undefined ? m : keyed(m)).get(name);
    this.remember(k, ns, name, m, e);
    return e;
  }

  /**
   * `get` through a NameRef (StoreReader.getRef): the slot it holds from an earlier read while that
   * slot is live, which is then the entry under the name (a live slot stays in its map under its
   * name; a write of the name reuses it, a removal or a lazy entry taking the name ends it), so
   * nothing is hashed or looked up. Otherwise looked up, and the slot found (if any) held for the
   * next read. Either way the name is remembered as a lookup remembers it (see lastKind), so the
   * API server's write that often follows finds it there.
   */
  getRef(ref: NameRef): K8sObject | undefined {
    const s = ref.found;
    if (s instanceof Slot && s.live && s.map.store === this) {
      const m = s.map;
      this.remember(m.kind, m.ns, ref.name, m, s);
      return s.object();
    }
    const e = this.entry(ref.kind, ref.namespace, ref.name);
    ref.found = e instanceof Slot ? e : undefined;
    return e?.object();
  }

  private remember(k: KindMap, ns: string, name: string, m: NameMap, e: Entry | undefined): void {
    this.lastKind = k;
    this.lastNs = ns;
    this.lastName = name;
    this.lastMap = m;
    this.lastEntry = e;
  }

  /** Whatever changed a name map: the last name's entry is looked up again. */
  private forgetLast(): void {
    this.lastKind = undefined;
    this.lastMap = undefined;
    this.lastEntry = undefined;
  }

  getByUid(uid: string): K8sObject | undefined {
    return this.byUid.get(uid)?.object();
  }

  /**
   * Objects whose ownerReferences name `uid`, least recently written first (a fresh array): in
   * resourceVersion order, since every write takes the next one. (Sorting the few dependents here
   * is cheaper than moving each one to the end of its owner's set on every write.) `views`: as
   * views (Slot.view), for a reader of fields that keeps nothing else of them.
   */
  byOwner(uid: string, views = false): K8sObject[] {
    const out: K8sObject[] = [];
    const set = this.dependents.get(uid);
    if (set === undefined) return out;
    if (set instanceof Slot) {
      out.push(views ? set.view() : set.object());
      return out;
    }
    if (set.size === 1) {
      for (const slot of set) out.push(views ? slot.view() : slot.object());
      return out;
    }
    // Sorted as slots, by the number each keeps (no resourceVersion string parsed per comparison).
    const slots = this.ownerScratch;
    for (const slot of set) slots.push(slot);
    const n = slots.length;
    if (n > 16) slots.sort((a, b) => a.rv - b.rv);
    else
      for (let i = 1; i < n; i++) {
        const s = slots[i] as Slot;
        let j = i - 1;
        while (j >= 0 && (slots[j] as Slot).rv > s.rv) {
          slots[j + 1] = slots[j] as Slot;
          j--;
        }
        slots[j + 1] = s;
      }
    for (let i = 0; i < n; i++) {
      const s = slots[i] as Slot;
      out.push(views ? s.view() : s.object());
    }
    slots.length = 0;
    return out;
  }

  *byNamespace(kind: KindName, namespace: string): Iterable<K8sObject> {
    const m = this.data.get(kind)?.get(namespace);
    if (m) for (const e of keyed(m).values()) yield e.object();
  }

  count(kind: KindName): number {
    let n = 0;
    for (const m of this.data.get(kind)?.byNs.values() ?? []) n += m.size + (m.pending?.length ?? 0);
    return n;
  }

  namespacesOf(kind: KindName): string[] {
    return [...(this.data.get(kind)?.byNs.entries() ?? [])]
      .filter(([, m]) => m.size + (m.pending?.length ?? 0) > 0)
      .map(([ns]) => ns);
  }

  /**
   * Sorted by namespace, then name (etcd key order). Throws on a malformed label selector, or a
   * field selector the kind refuses (the message is the API server's 400).
   */
  list(kind: KindName, opts: ListOptions = {}): K8sObject[] {
    // The selectors are checked whether or not any object exists (the request's 400 comes first).
    const sel = opts.labelSelector ? late().parseSelector(opts.labelSelector) : undefined;
    // Field selectors: the kind's conversion and field set (./field-selectors, bound late).
    const field = opts.fieldSelector ? late().compileFieldSelector(kind, opts.fieldSelector) : undefined;
    const km = this.data.get(kind);
    if (!km) return [];
    const nsMap = km.byNs;
    const namespaced = km.namespaced;
    const nss =
      namespaced && opts.namespace !== undefined
        ? [opts.namespace]
        : [...nsMap.keys()].sort(compareKeyPrefixes);
    const out: K8sObject[] = [];
    for (const ns of nss) {
      const m = nsMap.get(ns);
      if (!m) continue;
      keyed(m);
      let names = m.sorted;
      if (!names) {
        names = [...m.keys()].sort(compareStrings);
        m.sorted = names;
      }
      for (const n of names) {
        const o = (m.get(n) as Entry).object();
        if (sel && !matches(sel, o.metadata.labels)) continue;
        if (field && !field(o)) continue;
        out.push(o);
      }
    }
    return out;
  }

  /** Write a whole object (already defaulted/validated) and emit ADDED or MODIFIED. */
  put(obj: K8sObject): K8sObject {
    return this.write(obj, false);
  }

  /**
   * `put` for an object the caller hands over: `obj` and `obj.metadata` are fresh objects no one
   * else holds or will change (not a stored object, not a caller's input), so the resourceVersion
   * is set on `obj.metadata` in place and `obj` itself is stored, instead of copying both again.
   * The written object is the same, key for key, as `put` would store.
   */
  putOwned(obj: K8sObject): K8sObject {
    return this.write(obj, true);
  }

  private write(obj: K8sObject, owned: boolean): K8sObject {
    // Each field of the written and the replaced object's metadata is read once, into a local:
    // this site sees every kind's objects, so each read is a megamorphic load (a call of ~50
    // instructions that the optimizing compiler cannot share between two reads of one field).
    const kind = obj.kind as KindName;
    const km = this.kindMap(kind);
    const meta = obj.metadata;
    const namespace = meta.namespace;
    const ns = km.namespaced ? (namespace ?? '') : '';
    const name = meta.name;
    let m: NameMap;
    let prev: Entry | undefined;
    // The kind first: a comparison of two maps, where the names' is of two strings.
    if (km === this.lastKind && name === this.lastName && ns === this.lastNs) {
      m = this.lastMap as NameMap;
      prev = this.lastEntry;
    } else {
      m = keyed(km.nameMap(ns));
      prev = m.get(name);
    }
    // The version replaced, as the event hands it on (a status version stays unbuilt); only its
    // uid and owners are read here.
    const old: Version | undefined = prev instanceof Slot ? (prev.ver ?? prev.obj) : prev?.object();
    let stored: K8sObject;
    let storedMeta: ObjectMeta;
    if (owned) {
      meta.resourceVersion = this.nextResourceVersion();
      stored = obj;
      storedMeta = meta;
    } else {
      stored = stamped(obj, this.nextResourceVersion());
      storedMeta = stored.metadata;
    }
    const uid = storedMeta.uid;
    // Events are in neither the uid nor the owner index (KindMap.indexed).
    const indexed = km.indexed;
    const refs = indexed ? storedMeta.ownerReferences : undefined;
    let slot: Slot;
    if (prev instanceof Slot && old !== undefined) {
      // The usual write: an object replaced in its slot. The replaced object's uid and owners
      // as the slot kept them (its metadata's).
      slot = prev;
      const oldUid = slot.uid;
      const oldRefs = slot.refs;
      slot.obj = stored;
      slot.ver = undefined;
      slot.rv = this.rv;
      slot.uid = uid;
      slot.refs = refs;
      if (oldUid !== uid) {
        this.byUid.delete(oldUid);
        if (indexed) this.byUid.set(uid, slot);
      }
      if (indexed && (oldUid !== uid || !sameOwnerRefs(oldRefs, refs))) {
        this.unindexOwners(oldRefs, slot);
        this.indexOwners(refs, slot);
      }
    } else {
      if (prev !== undefined) (prev as LazyObject).live = false;
      slot = new Slot(stored, this.rv, m, uid, refs);
      m.set(name, slot);
      m.slots++;
      if (!old) {
        m.sorted = undefined;
        if (indexed) {
          this.byUid.set(uid, slot);
          this.indexOwners(refs, slot);
        }
      } else {
        // A put over a lazy entry (in no index: only put objects are).
        const oldMeta = old.metadata;
        if (oldMeta.uid !== uid) this.byUid.delete(oldMeta.uid);
        if (indexed) {
          this.byUid.set(uid, slot);
          this.unindexOwners(oldMeta.ownerReferences, slot);
          this.indexOwners(refs, slot);
        }
      }
    }
    this.remember(km, ns, name, m, slot);
    this.emit(new StoreEvent(old ? 'MODIFIED' : 'ADDED', kind, ns, stored, old, 0, name, namespace));
    return stored;
  }

  /**
   * Write `status` as the new status of the object in `slot` (what `put` of `{ ...object,
   * metadata: { ...metadata, resourceVersion }, status }` would store), as a StatusVersion: its
   * object is built on first read. The uid, owners, name and everything but the status stay the
   * slot's, so no index changes. Emits MODIFIED, saying it was status-only and whether the phase
   * changed (WatchEvent.statusWrite). Returns the new version's view.
   */
  putStatus(kind: KindName, namespace: string, slot: Slot, status: unknown): StatusVersion {
    const prev = slot.ver ?? slot.obj;
    this.rv += 1;
    const v = new StatusVersion(slot.obj, status, this.rv);
    slot.ver = v;
    slot.rv = this.rv;
    const phase = (status as { phase?: unknown } | undefined)?.phase;
    const what = prev.status?.phase === phase ? STATUS_ONLY : STATUS_ONLY | PHASE_CHANGED;
    // The version's metadata is its base's (StatusVersion).
    const m = v.metadata;
    const ns = NAMESPACED[kind] ? namespace : '';
    this.emit(new StoreEvent('MODIFIED', kind, ns, v, prev, what, m.name, m.namespace));
    return v;
  }

  /**
   * Add a lazy entry under `entry.key()`, a name no other lazy entry has had (the recorder's are
   * unique): it gets the next resourceVersion like any write, and only `watchKeys` listeners hear
   * of it. While the namespace holds no object written with `put`, nothing can sit under that name,
   * so the entry waits unkeyed (and unnamed) until something reads the namespace.
   */
  addLazy(kind: KindName, namespace: string, entry: LazyObject): void {
    let m = this.lazyMap;
    if (m === undefined || kind !== this.lazyKind || namespace !== this.lazyNs) {
      const km = this.kindMap(kind);
      m = km.nameMap(km.namespaced ? namespace : '');
      this.lazyKind = kind;
      this.lazyNs = namespace;
      this.lazyMap = m;
    }
    const ns = m.ns;
    this.rv += 1;
    entry.stamp(this.rv);
    entry.live = true;
    this.forgetLast();
    let type: WatchEventType = 'ADDED';
    if (m.slots === 0) {
      if (m.pending === undefined) m.pending = [entry];
      else m.pending.push(entry);
      m.sorted = undefined;
    } else {
      const name = entry.key();
      const old = keyed(m).get(name);
      m.set(name, entry);
      if (old === undefined) m.sorted = undefined;
      else {
        type = 'MODIFIED';
        if (old instanceof Slot) {
          m.slots--;
          old.live = false;
          this.byUid.delete(old.obj.metadata.uid);
          this.unindexOwners(old.obj.metadata.ownerReferences, old);
        } else old.live = false;
      }
    }
    for (const l of this.keyListeners) l.onKey(type, kind, ns, entry);
  }

  /** A live lazy entry changed: the next resourceVersion, and `watchKeys` listeners hear of it. */
  touchLazy(kind: KindName, namespace: string, entry: LazyObject): void {
    this.rv += 1;
    entry.stamp(this.rv);
    const ns = NAMESPACED[kind] ? namespace : '';
    for (const l of this.keyListeners) l.onKey('MODIFIED', kind, ns, entry);
  }

  private kindMap(kind: KindName): KindMap {
    let km = this.data.get(kind);
    if (km === undefined) {
      km = new KindMap(this, NAMESPACED[kind] === true, kind);
      this.data.set(kind, km);
    }
    return km;
  }

  /** Remove an object outright and emit DELETED. */
  remove(kind: KindName, namespace: string | undefined, name: string): K8sObject | undefined {
    const ns = NAMESPACED[kind] ? (namespace ?? '') : '';
    const nm = this.data.get(kind)?.get(ns);
    const m = nm === undefined ? undefined : keyed(nm);
    const prev = m?.get(name);
    if (!m || !prev) return undefined;
    this.forgetLast();
    const old = prev.object();
    if (prev instanceof Slot) m.slots--;
    prev.live = false;
    m.delete(name);
    m.sorted = undefined;
    this.byUid.delete(old.metadata.uid);
    if (prev instanceof Slot) this.unindexOwners(old.metadata.ownerReferences, prev);
    // The DELETED event carries the last state with a fresh resourceVersion, as a watch does.
    const last = stamped(old, this.nextResourceVersion());
    const lm = last.metadata;
    this.emit(new StoreEvent('DELETED', kind, ns, last, undefined, 0, lm.name, lm.namespace));
    return last;
  }

  private emit(ev: WatchEvent): void {
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) (ls[i] as StoreWatcher).onWatch(ev);
  }

  /** Index `slot` under each owner uid in `refs` (an object's metadata.ownerReferences). */
  private indexOwners(refs: readonly OwnerReference[] | undefined, slot: Slot): void {
    if (refs === undefined) return;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i] as OwnerReference;
      const s = this.dependents.get(ref.uid);
      if (s === undefined) this.dependents.set(ref.uid, slot);
      else if (s instanceof Slot) {
        if (s !== slot) {
          const two = new Set<Slot>();
          two.add(s);
          two.add(slot);
          this.dependents.set(ref.uid, two);
        }
      } else s.add(slot);
    }
  }

  private unindexOwners(refs: readonly OwnerReference[] | undefined, slot: Slot): void {
    if (refs === undefined) return;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i] as OwnerReference;
      const s = this.dependents.get(ref.uid);
      if (s === undefined) continue;
      if (s instanceof Slot) {
        if (s === slot) this.dependents.delete(ref.uid);
        continue;
      }
      s.delete(slot);
      if (s.size === 0) this.dependents.delete(ref.uid);
    }
  }
}

/** Add `fn` to `list`; the returned function takes it out (between writes, never during one). */
function listen<T>(list: T[], fn: T): () => void {
  list.push(fn);
  return () => {
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  };
}

/**
 * `{ ...o, metadata: { ...o.metadata, resourceVersion } }`, same keys in the same order, built as
 * two bare clones and two plain stores: in a 5,000-Pod write harness this measured markedly
 * cheaper than the one literal (which a CPU profile showed as most of Store.put's own time).
 */
function stamped(o: K8sObject, resourceVersion: string): K8sObject {
  const metadata = copyOwn(o.metadata);
  metadata.resourceVersion = resourceVersion;
  const out = copyTop(o);
  out.metadata = metadata;
  return out;
}

/** The same owner uids in order (of one object, same uid): the owner index needs no change. */
function sameOwnerRefs(
  x: readonly OwnerReference[] | undefined,
  y: readonly OwnerReference[] | undefined,
): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined || x.length !== y.length)
    return (x?.length ?? 0) === 0 && (y?.length ?? 0) === 0;
  for (let i = 0; i < x.length; i++) if (x[i]?.uid !== y[i]?.uid) return false;
  return true;
}

/**
 * Namespaces in etcd key order: a key is `<prefix>/<namespace>/<name>`, so `default-x/…` sorts
 * before `default/…` ('-' < '/'), unlike the bare names. (The namespace map's '' key, cluster-scoped
 * kinds, is the only entry then.)
 */
function compareKeyPrefixes(a: string, b: string): number {
  return compareStrings(`${a}/`, `${b}/`);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
