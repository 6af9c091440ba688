// The Endpoints and EndpointSlice controllers' per-Service state: the Pods a selector Service
// selects that can be listed, one entry each holding the fields the controllers read, kept
// current from each Pod event (a reconcile no longer re-lists and re-reads the selected Pods) and
// sorted by IP, the order both outputs list them in. An entry is replaced only when one of its
// fields changes, and builds its Endpoints address and its slice endpoint once, so every version
// written while a Pod stays the same shares that Pod's entries.
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSliceEndpoint,
  Labels,
  ObjectReference,
  Pod,
  Service,
  ServicePort,
} from '../api/types';
import type { StoreReader, WatchEvent } from '../runtime/interfaces';
import type { EndpointsIndex } from './endpoints-index';
import {
  findPort,
  isPodReady,
  isTerminating,
  podCanBeListed,
  podHostnameFor,
  podIP,
  podLabels,
  podName,
  podNamespace,
  podNodeName,
  podUid,
  storedPodReady,
} from './endpoints-pod';
import { numericTargetPorts, selectedPods, selectorMatches } from './endpoints-util';
import type { SliceMeta } from './endpointslice';

/** One selected Pod that can be listed (ShouldPodBeInEndpoints with terminating Pods included). */
export class PodEntry {
  /** Built on first use by the Endpoints controller (./endpoints), then shared by its versions. */
  address: EndpointAddress | undefined = undefined;
  /** Likewise for the EndpointSlice controller (./endpointslice). */
  sliceEndpoint: EndpointSliceEndpoint | undefined = undefined;
  private targetRef: ObjectReference | undefined = undefined;

  constructor(
    readonly name: string,
    readonly namespace: string,
    readonly uid: string,
    readonly ip: string,
    readonly ready: boolean,
    readonly terminating: boolean,
    /** Only when the Pod opted in for this Service (see podHostnameFor). */
    readonly hostname: string | undefined,
    readonly nodeName: string | undefined,
    /**
     * FindPort's answer for this Pod per Service port (undefined: the Pod lacks that named port);
     * none when every target port is a number (the same answer for every Pod).
     */
    readonly ports: readonly (number | undefined)[] | undefined,
  ) {}

  /** The entry for `pod` as `svc` lists it (the Pod must be listable). */
  static of(
    pod: Pod,
    svc: Service,
    numeric: boolean,
    /** isPodReady(pod), when the caller has it (a stored version's: storedPodReady). */
    ready: boolean = isPodReady(pod),
  ): PodEntry {
    let ports: (number | undefined)[] | undefined;
    if (!numeric) {
      const specPorts = svc.spec.ports ?? [];
      ports = new Array(specPorts.length);
      for (let i = 0; i < specPorts.length; i++) ports[i] = findPort(pod, specPorts[i] as ServicePort);
    }
    return new PodEntry(
      podName(pod),
      podNamespace(pod),
      podUid(pod),
      podIP(pod) as string,
      ready,
      isTerminating(pod),
      podHostnameFor(pod, svc.metadata.name),
      podNodeName(pod),
      ports,
    );
  }

  /**
   * What the controllers group a named-port Service's entries by, built once per entry: the
   * Endpoints subset's ports and their key (./endpoints), the slice's ports and key (./endpointslice).
   */
  endpointsGroup: { ports: EndpointPort[]; key: string } | null | undefined = undefined;
  sliceGroup: { ports: EndpointPort[]; key: string } | undefined = undefined;

  /** The targetRef both the Endpoints address and the slice endpoint carry (one object for both). */
  ref(): ObjectReference {
    this.targetRef ??= { kind: 'Pod', namespace: this.namespace, name: this.name, uid: this.uid };
    return this.targetRef;
  }

  /**
   * Take over what `was` (the same Pod's previous entry) built that this entry would build alike:
   * its targetRef, and its address when only readiness or termination changed (an address does
   * not say whether it is ready: the list it is in does).
   */
  inherit(was: PodEntry): void {
    if (was.uid !== this.uid || was.name !== this.name || was.namespace !== this.namespace) return;
    this.targetRef = was.targetRef;
    if (was.ip === this.ip && was.hostname === this.hostname && was.nodeName === this.nodeName)
      this.address = was.address;
  }

  /**
   * This entry with the IP and readiness of a later status of its Pod (whose other fields read
   * as before, see ServicePods.applyStatus): itself when both are unchanged, else a new entry
   * that inherits what this one built.
   */
  withStatus(ip: string, ready: boolean): PodEntry {
    if (ip === this.ip && ready === this.ready) return this;
    const e = new PodEntry(
      this.name,
      this.namespace,
      this.uid,
      ip,
      ready,
      this.terminating,
      this.hostname,
      this.nodeName,
      this.ports,
    );
    e.inherit(this);
    return e;
  }

  /** Whether both entries list the same thing (every field the outputs are built from). */
  same(o: PodEntry): boolean {
    return (
      this.ip === o.ip &&
      this.ready === o.ready &&
      this.terminating === o.terminating &&
      this.uid === o.uid &&
      this.name === o.name &&
      this.namespace === o.namespace &&
      this.hostname === o.hostname &&
      this.nodeName === o.nodeName &&
      samePorts(this.ports, o.ports)
    );
  }
}

function samePorts(
  a: readonly (number | undefined)[] | undefined,
  b: readonly (number | undefined)[] | undefined,
): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Entries by IP, then uid: a total order while uids differ (they do: the server draws them). */
const byIPThenUid = (a: PodEntry, b: PodEntry): number =>
  a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;

/** Where `e` is or would go in `ordered` (byIPThenUid order): a binary search. */
export function position(ordered: readonly PodEntry[], e: PodEntry): number {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byIPThenUid(ordered[mid] as PodEntry, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * position(ordered, e) when `e` itself is there, else -1. A short list is scanned for `e` by
 * identity, and then one compare says whether position would find that place: `ordered` is in
 * byIPThenUid order, so the first place whose entry is not before `e` is `e`'s own exactly when
 * the entry ahead of it is before `e` (or there is none).
 */
export function placeOf(ordered: readonly PodEntry[], e: PodEntry): number {
  const n = ordered.length;
  if (n > 16) {
    const i = position(ordered, e);
    return ordered[i] === e ? i : -1;
  }
  for (let j = 0; j < n; j++)
    if (ordered[j] === e) return j === 0 || byIPThenUid(ordered[j - 1] as PodEntry, e) < 0 ? j : -1;
  return -1;
}

// In-place edits of an ordered entry list (not splice: splice answers a new array of the removed
// items on every call, one allocation per entry moved).

/** `ordered` without its item at `i`. */
function removeAt(ordered: PodEntry[], i: number): void {
  const last = ordered.length - 1;
  for (let j = i; j < last; j++) ordered[j] = ordered[j + 1] as PodEntry;
  ordered.length = last;
}

/** `e` inserted at `i` (position's answer). */
function insertAt(ordered: PodEntry[], i: number, e: PodEntry): void {
  for (let j = ordered.length; j > i; j--) ordered[j] = ordered[j - 1] as PodEntry;
  ordered[i] = e;
}

/**
 * The item at `from` taken out and `e` put where the order places it: what `splice(from, 1)` then
 * `splice(position(ordered, e), 0, e)` leave, with the items between shifted by one.
 */
function moveTo(ordered: PodEntry[], from: number, e: PodEntry): void {
  const n = ordered.length;
  // position(ordered without the item at `from`, e), found without removing it.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byIPThenUid(ordered[mid < from ? mid : mid + 1] as PodEntry, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  const to = lo;
  if (to < from) for (let j = from; j > to; j--) ordered[j] = ordered[j - 1] as PodEntry;
  else for (let j = from; j < to; j++) ordered[j] = ordered[j + 1] as PodEntry;
  ordered[to] = e;
}

/** The listable Pods one Service object selects. */
export class ServicePods {
  /** Moves whenever an entry is added, replaced or removed. */
  version = 0;
  private readonly byName = new Map<string, PodEntry>();
  /** The entries in byIPThenUid order (sorted on first use, then kept in order). */
  private ordered: PodEntry[] | undefined = undefined;
  /** Whether two entries share an IP, until the next change. */
  private sharedIP: boolean | undefined = undefined;

  /** Whether every target port is a number (numericTargetPorts): the same ports for every Pod. */
  readonly numeric: boolean;
  // What the controllers derive from the Service object alone, kept with it.
  /** The Endpoints subset's ports (./endpoints), when numeric (else each entry's, see PodEntry). */
  endpointsPorts: EndpointPort[] | undefined = undefined;
  /** The slices' ports (./endpointslice), when numeric. */
  slicePorts: EndpointPort[] | undefined = undefined;
  /** The Endpoints' labels (./endpoints), built from the Service object alone. */
  endpointsLabels: Record<string, string> | undefined = undefined;
  /** The slices' labels and owner (./endpointslice), likewise. */
  sliceMeta: SliceMeta | undefined = undefined;
  /** Whether the stored addresses / slice endpoints were offered for reuse (see ./endpoints-reuse). */
  seededAddresses = false;
  seededSliceEndpoints = false;

  constructor(readonly svc: Service & { spec: { selector: Labels } }) {
    this.numeric = numericTargetPorts(svc);
  }

  /** Take in the Pod's current state (`pod` undefined: it is gone). */
  apply(name: string, pod: Pod | undefined): void {
    const was = this.byName.get(name);
    let e: PodEntry | undefined;
    if (pod !== undefined && podCanBeListed(pod) && this.selects(podLabels(pod))) {
      // The Pods applied are stored versions (watch events' views, the store's listing).
      e = PodEntry.of(pod, this.svc, this.numeric, storedPodReady(pod));
      if (was !== undefined) {
        if (was.same(e)) return;
        e.inherit(was);
      }
      this.byName.set(name, e);
    } else if (was === undefined) return;
    else this.byName.delete(name);
    this.moved(was, e);
  }

  /**
   * apply for a status-only write (WatchEvent.statusWrite): the Pod's metadata and spec are the
   * previous version's own objects. A listed Pod's entry was built from a version whose metadata
   * and spec read alike for every field an entry holds (the writes in between changed nothing
   * podEndpointsChanged reads, or they were applied), so the entry for `pod` is that entry with
   * the status's IP and readiness (PodEntry.withStatus): the same entry PodEntry.of would build.
   */
  applyStatus(name: string, pod: Pod): void {
    const was = this.byName.get(name);
    if (was === undefined || !podCanBeListed(pod)) {
      this.apply(name, pod);
      return;
    }
    const e = was.withStatus(podIP(pod) as string, storedPodReady(pod));
    if (e === was) return;
    this.byName.set(name, e);
    this.moved(was, e);
  }

  /** The bookkeeping after the entry for a Pod went from `was` to `e` (either may be none). */
  private moved(was: PodEntry | undefined, e: PodEntry | undefined): void {
    this.version++;
    this.sharedIP = undefined;
    // The order is kept by moving the one entry (a Pod turning Ready keeps its place).
    const ordered = this.ordered;
    if (ordered === undefined) return;
    if (was !== undefined) {
      const i = placeOf(ordered, was);
      if (i < 0) {
        this.ordered = undefined; // not where the order says (two Pods with one uid): sorted again
        return;
      }
      // byIPThenUid(e, was) === 0: the same IP and uid (strings neither before nor after each other).
      if (e !== undefined && e.ip === was.ip && e.uid === was.uid) {
        ordered[i] = e;
        return;
      }
      if (e !== undefined) {
        // The entry moves (its IP changed): shifted in place from its old place to its new one.
        moveTo(ordered, i, e);
        return;
      }
      removeAt(ordered, i);
      return;
    }
    if (e !== undefined) insertAt(ordered, position(ordered, e), e);
  }

  /** The labels object the selector was last matched against, and the answer. */
  private matchedLabels: Labels | undefined = undefined;
  private matched = false;

  /**
   * Whether the selector matches `labels`. The Pods of one ReplicaSet share their template's labels
   * object and keep it across status updates (stored objects are immutable), so the last answer is
   * almost always the one asked for again.
   */
  private selects(labels: Labels | undefined): boolean {
    if (labels !== this.matchedLabels || labels === undefined) {
      this.matched = selectorMatches(this.svc.spec.selector, labels);
      this.matchedLabels = labels;
    }
    return this.matched;
  }

  /** The entries sorted by IP (then uid); not to be modified, and read before the next Pod event. */
  sorted(): readonly PodEntry[] {
    if (this.ordered === undefined) {
      const out: PodEntry[] = [];
      for (const e of this.byName.values()) out.push(e);
      this.ordered = out.sort(byIPThenUid);
    }
    return this.ordered;
  }

  /**
   * Whether two entries share an IP (hostNetwork Pods on one node). The slices' order compares
   * IPs alone, so theirs then depends on the order the Pods were listed in: such a Service takes
   * the controllers' listing path.
   */
  hasSharedIP(): boolean {
    if (this.sharedIP === undefined) {
      const entries = this.sorted();
      let shared = false;
      for (let i = 1; i < entries.length && !shared; i++)
        shared = (entries[i] as PodEntry).ip === (entries[i - 1] as PodEntry).ip;
      this.sharedIP = shared;
    }
    return this.sharedIP;
  }
}

/**
 * The ServicePods of every Service a controller has reconciled, by key. Shared by the Endpoints
 * and EndpointSlice controllers (both are handed every Pod event; it is taken in once).
 */
export class ServiceStates {
  private readonly byKey = new Map<string, ServicePods>();
  private last: WatchEvent | undefined = undefined;

  /**
   * Take in a Pod event for the Services it concerns (`keys`: every Service whose selector
   * matches the Pod's old or new labels; none when the update changed nothing they read).
   */
  onPodEvent(ev: WatchEvent, keys: readonly string[]): void {
    if (ev === this.last) return;
    this.last = ev;
    // The view: an entry keeps the Pod's field values, nothing of the object (WatchEvent.view).
    // The name as the store read it (WatchEvent.name: no metadata load).
    const view = ev.view as Pod;
    const name = ev.name;
    if (ev.statusWrite) {
      for (let i = 0; i < keys.length; i++) this.byKey.get(keys[i] as string)?.applyStatus(name, view);
      return;
    }
    const pod = ev.type === 'DELETED' ? undefined : view;
    for (let i = 0; i < keys.length; i++) {
      const st = this.byKey.get(keys[i] as string);
      if (st !== undefined) st.apply(name, pod);
    }
  }

  /**
   * The state kept for `svc` (key `key`) when it was built for that Service object, else
   * undefined. A state is only built for a Service that selects (hasSelector), and a stored
   * Service object never changes: a caller holding the answer need not ask again.
   */
  current(key: string, svc: Service): ServicePods | undefined {
    const st = this.byKey.get(key);
    return st !== undefined && st.svc === svc ? st : undefined;
  }

  /**
   * The state of `svc` (key `key`), listed from the store when there is none yet or it was
   * built for another Service object (its selector or name may differ).
   */
  get(
    key: string,
    svc: Service & { spec: { selector: Labels } },
    store: StoreReader,
    index: EndpointsIndex | undefined,
  ): ServicePods {
    let st = this.byKey.get(key);
    if (st?.svc === svc) return st;
    st = new ServicePods(svc);
    const pods = selectedPods(store, svc, index?.pods);
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i] as Pod;
      st.apply(podName(pod), pod);
    }
    this.byKey.set(key, st);
    return st;
  }

  /** Forget a Service that is gone or no longer selects. */
  drop(key: string): void {
    this.byKey.delete(key);
  }
}
