// The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go), reference §C5:
// selector Services only; ready Pods → addresses, others → notReadyAddresses; Pods with no IP,
// terminal or terminating (unless publishNotReadyAddresses) are skipped; targetPort by number as
// is, by name from the Pod's container ports (a Pod without it is left out); addresses sorted as
// strings (10.1.0.10 before 10.1.0.9). With nothing matching, the object exists with no subsets.
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  Endpoints,
  K8sObject,
  KindName,
  Labels,
  Pod,
  Service,
  ServicePort,
} from '../api/types';
import { copyTop, keysAre } from '../apiserver/copy';
import type { ApiResult } from '../contract';
import {
  type Controller,
  type ControllerContext,
  type KeyEntry,
  keyRef,
  NO_KEYS,
  readRef,
  type StoreReader,
  type WatchEvent,
} from '../runtime/interfaces';
import type { EndpointsIndex } from './endpoints-index';
import {
  eventPodNamespace,
  podCanBeListed,
  podEndpointsChanged,
  podLabels,
  podStatusEndpointsChanged,
  sameLabelSet,
  shouldPodBeInEndpoints,
} from './endpoints-pod';
import { isEntryAddress, PreviousEntries } from './endpoints-reuse';
import { PodEntry, type ServicePods, ServiceStates } from './endpoints-state';
import {
  derivedLabels,
  findNumericPort,
  hasSelector,
  numericTargetPorts,
  rfc3339,
  SKIP_MIRROR,
  sameJSON,
  selectedPods,
  serviceKeysForPod,
  sortSmall,
  subsetsDiffer,
  truncated,
  withLabelsAndAnnotations,
  withTriggerTime,
} from './endpoints-util';

/**
 * The address the controller lists for entry `e`: built once per entry (see ./endpoints-state),
 * and then the one written last time when that is exactly what would be built (see
 * ./endpoints-reuse), else a new one.
 */
function entryAddress(e: PodEntry, prev: PreviousEntries<EndpointAddress> | undefined): EndpointAddress {
  let addr = e.address;
  if (addr !== undefined) return addr;
  const last = prev?.get(e.ip);
  if (last && isEntryAddress(last, e)) addr = last;
  else {
    addr = { ip: e.ip };
    if (e.hostname) addr.hostname = e.hostname;
    if (e.nodeName) addr.nodeName = e.nodeName;
    addr.targetRef = e.ref();
  }
  e.address = addr;
  return addr;
}

const addressIP = (a: EndpointAddress): string | undefined => a.ip;

const byIP = (a: EndpointAddress, b: EndpointAddress): number =>
  a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : (a.targetRef?.uid ?? '') < (b.targetRef?.uid ?? '') ? -1 : 1;

const portKey = (p: EndpointPort): string => `${p.name ?? ''}/${p.port}/${p.protocol}`;

/**
 * The subset ports for a Pod whose ports resolved to `resolved` (PodEntry.ports; none: every target
 * port is a number), sorted; undefined when the Pod has none of the Service's ports.
 */
function subsetPorts(
  svc: Service,
  resolved: readonly (number | undefined)[] | undefined,
): EndpointPort[] | undefined {
  const ports: EndpointPort[] = [];
  const specPorts = svc.spec.ports ?? [];
  for (let i = 0; i < specPorts.length; i++) {
    const sp = specPorts[i] as ServicePort;
    const port = resolved ? resolved[i] : (findNumericPort(sp) as number);
    if (port === undefined) continue; // named port missing on this Pod: left out for this port
    const ep: EndpointPort = { port, protocol: sp.protocol };
    if (sp.name) ep.name = sp.name;
    ports.push(ep);
  }
  // Headless Services without ports still list addresses (subset with no ports).
  if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) return undefined;
  if (ports.length > 1) sortSmall(ports, (a, b) => (portKey(a) < portKey(b) ? -1 : 1));
  return ports;
}

/**
 * computeSubsets when every target port is a number: every Pod has the same ports, so there is
 * at most one subset (no grouping by port set). `entries`: the listable Pods' first `n`, in byIP
 * order already when `sorted` (a ServicePods' order), else sorted here.
 */
function oneSubset(
  entries: readonly PodEntry[],
  n: number,
  sorted: boolean,
  publishNotReady: boolean,
  ports: EndpointPort[],
  prev: PreviousEntries<EndpointAddress> | undefined,
): EndpointSubset[] {
  // Collected in scratch arrays (reused, see truncated) and copied out at their final size (a
  // growing array over-allocates).
  const ready = scratchReady;
  const notReady = scratchNotReady;
  let nReady = 0;
  let nNotReady = 0;
  // Indexed loops: a for-of over an array allocates iterator results where the engine
  // cannot optimise it away (seen in allocation profiles of the benchmark).
  for (let i = 0; i < n; i++) {
    const e = entries[i] as PodEntry;
    if (e.terminating && !publishNotReady) continue;
    if (publishNotReady || e.ready) ready[nReady++] = entryAddress(e, prev);
    else notReady[nNotReady++] = entryAddress(e, prev);
  }
  if (nReady === 0 && nNotReady === 0) return [];
  const s: EndpointSubset = {};
  if (nReady) s.addresses = inOrder(truncated(ready, nReady), sorted).slice();
  if (nNotReady) s.notReadyAddresses = inOrder(truncated(notReady, nNotReady), sorted).slice();
  if (ports.length) s.ports = ports;
  return [s];
}
const scratchReady: EndpointAddress[] = [];
const scratchNotReady: EndpointAddress[] = [];
const scratchPods: Pod[] = [];

const inOrder = (addresses: EndpointAddress[], sorted: boolean): EndpointAddress[] =>
  sorted ? addresses : sortSmall(addresses, byIP);

/**
 * The subsets the controller would write for `svc` given the candidate Pods (already selected).
 * Like endpoints.RepackSubsets: addresses with the same port set share one subset.
 */
export function computeSubsets(
  svc: Service,
  pods: readonly Pod[],
  /** The subsets written last time, whose unchanged addresses are reused. */
  previous?: readonly EndpointSubset[],
): EndpointSubset[] {
  const prev = previousAddresses(previous);
  try {
    return subsetsFor(svc, pods, prev);
  } finally {
    prev?.clear();
  }
}

/** The addresses of `previous` by IP (cleared after use), or undefined when there are none. */
function previousAddresses(
  previous: readonly EndpointSubset[] | undefined,
): PreviousEntries<EndpointAddress> | undefined {
  if (!previous?.length) return undefined;
  const prev = previousAddressList;
  for (let i = 0; i < previous.length; i++) {
    const s = previous[i] as EndpointSubset;
    prev.add(s.addresses);
    prev.add(s.notReadyAddresses);
  }
  return prev;
}
const previousAddressList = new PreviousEntries(addressIP);

function subsetsFor(
  svc: Service,
  pods: readonly Pod[],
  prev: PreviousEntries<EndpointAddress> | undefined,
): EndpointSubset[] {
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const numeric = numericTargetPorts(svc);
  const entries: PodEntry[] = [];
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i] as Pod;
    if (shouldPodBeInEndpoints(pod, publishNotReady)) entries.push(PodEntry.of(pod, svc, numeric));
  }
  if (numeric) {
    const ports = subsetPorts(svc, undefined) as EndpointPort[];
    return oneSubset(entries, entries.length, false, publishNotReady, ports, prev);
  }
  return groupedSubsets(svc, entries, false, publishNotReady, prev);
}

/**
 * The subsets when target ports are named, so each Pod resolves its own: addresses with the same
 * port set share one subset, the subsets in the order of their ports' keys. `entries` in byIP
 * order already when `sorted`, else sorted here.
 */
function groupedSubsets(
  svc: Service,
  entries: readonly PodEntry[],
  sorted: boolean,
  publishNotReady: boolean,
  prev: PreviousEntries<EndpointAddress> | undefined,
): EndpointSubset[] {
  const groups = new Map<
    string,
    { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as PodEntry;
    if (e.terminating && !publishNotReady) continue;
    if (e.endpointsGroup === undefined) {
      const ports = subsetPorts(svc, e.ports);
      e.endpointsGroup = ports ? { ports, key: ports.map(portKey).join(',') } : null;
    }
    const resolved = e.endpointsGroup;
    if (resolved === null) continue;
    let g = groups.get(resolved.key);
    if (!g) {
      g = { ports: resolved.ports, ready: [], notReady: [] };
      groups.set(resolved.key, g);
    }
    (publishNotReady || e.ready ? g.ready : g.notReady).push(entryAddress(e, prev));
  }
  const subsets: EndpointSubset[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key);
    if (!g) continue;
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = inOrder(g.ready, sorted);
    if (g.notReady.length) s.notReadyAddresses = inOrder(g.notReady, sorted);
    if (g.ports.length) s.ports = g.ports;
    subsets.push(s);
  }
  return subsets;
}

/**
 * The subsets for `st`'s Service from its entries. The entries are in byIP order already (IP,
 * then uid: distinct Pods have distinct uids, so byIP is a total order on them and any sort
 * agrees with it).
 */
function subsetsOfState(st: ServicePods, previous: readonly EndpointSubset[] | undefined): EndpointSubset[] {
  const svc = st.svc;
  const entries = st.sorted();
  // Entries keep their address from one write to the next; the stored ones are offered once,
  // when the state is new (another Service object, or the controller's first reconcile).
  const prev = st.seededAddresses ? undefined : previousAddresses(previous);
  st.seededAddresses = true;
  try {
    const publishNotReady = svc.spec.publishNotReadyAddresses === true;
    if (!st.numeric) return groupedSubsets(svc, entries, true, publishNotReady, prev);
    st.endpointsPorts ??= subsetPorts(svc, undefined) as EndpointPort[];
    return oneSubset(entries, entries.length, true, publishNotReady, st.endpointsPorts, prev);
  } finally {
    prev?.clear();
  }
}

const OWN_LABELS = { [SKIP_MIRROR]: 'true' };

/**
 * The selected Pods in a scratch array (reused, see truncated), for one use before the next call:
 * the controllers compute from them, then write.
 */
export function scratchSelectedPods(
  store: StoreReader,
  svc: Service & { spec: { selector: Labels } },
  index: EndpointsIndex | undefined,
): readonly Pod[] {
  return selectedPods(store, svc, index?.pods, scratchPods);
}

/**
 * The labels of a Service's Endpoints: they depend on the Service object alone, so they are built
 * once per Service object and shared by the Endpoints written for it (never modified).
 */
function endpointsLabels(svc: Service): Record<string, string> {
  let labels = labelCache.get(svc);
  if (!labels) {
    labels = derivedLabels(svc, OWN_LABELS);
    labelCache.set(svc, labels);
  }
  return labels;
}
const labelCache = new WeakMap<Service, Record<string, string>>();

/** endpointsLabels of the state's Service, kept with the state (no WeakMap look-up per reconcile). */
function stateLabels(st: ServicePods): Record<string, string> {
  st.endpointsLabels ??= endpointsLabels(st.svc);
  return st.endpointsLabels;
}

/**
 * The desired Endpoints object (without server-set metadata) for a selector Service: from `st`,
 * the Service's state, when given, else from the selected Pods listed.
 */
export function desiredEndpoints(
  svc: Service,
  store: StoreReader,
  index?: EndpointsIndex,
  previous?: readonly EndpointSubset[],
  st?: ServicePods,
): { labels: Record<string, string>; subsets: EndpointSubset[] } {
  if (!hasSelector(svc)) return { labels: {}, subsets: [] };
  return {
    labels: st ? stateLabels(st) : endpointsLabels(svc),
    subsets: st
      ? subsetsOfState(st, previous)
      : computeSubsets(svc, scratchSelectedPods(store, svc, index), previous),
  };
}

/**
 * Make the Service's Endpoints match its Pods. Returns the stored Endpoints when they are in
 * sync afterwards (nothing to write, or the write went through), else undefined. `states`: the
 * per-Service state to compute from (kept current by the caller's Pod events).
 */
export function reconcileEndpoints(
  key: string,
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock'>,
  index?: EndpointsIndex,
  states?: ServiceStates,
  /** The stored Endpoints, when the caller has just looked them up (`lookedUp`). */
  lookedUp = false,
  stored?: Endpoints,
  /** The key's queue entry, where the refs to the Service and the Endpoints are kept (keyRef). */
  at?: KeyEntry,
): Endpoints | undefined {
  const svcRef = keyRef('Service', key, at);
  const ns = svcRef.namespace;
  const name = svcRef.name;
  const svc = readRef(ctx.store, svcRef) as Service | undefined;
  const existing = lookedUp
    ? stored
    : (readRef(ctx.store, keyRef('Endpoints', key, at)) as Endpoints | undefined);
  if (!svc) {
    states?.drop(key);
    // The Service is gone: its Endpoints go too, even a user-written one (§C5).
    if (existing) ctx.api.delete('Endpoints', ns, name);
    return undefined;
  }
  // A state built for this Service object says it selects (ServiceStates.current).
  let st = states?.current(key, svc);
  if (st === undefined) {
    if (!hasSelector(svc)) {
      states?.drop(key);
      return undefined; // selectorless (user-managed Endpoints) and ExternalName
    }
    st = states?.get(key, svc, ctx.store, index);
  }
  // It selects: hasSelector said so, or a state was built for this object (only those get one).
  const selecting = svc as Service & { spec: { selector: Labels } };
  // desiredEndpoints' answer, without its pair object.
  const labels = st ? stateLabels(st) : endpointsLabels(svc);
  const subsets = st
    ? subsetsOfState(st, existing?.subsets)
    : computeSubsets(svc, scratchSelectedPods(ctx.store, selecting, index), existing?.subsets);
  if (
    existing &&
    // The usual difference told at once (subsetsDiffer: true only where sameJSON is false).
    !subsetsDiffer(existing.subsets ?? [], subsets) &&
    sameJSON(existing.subsets ?? [], subsets) &&
    sameJSON(existing.metadata.labels ?? {}, labels)
  ) {
    return existing;
  }
  const annotations = withTriggerTime(existing?.metadata.annotations, rfc3339(ctx.clock.now()));
  // A new version, handed to the API server as its own (ApiWriter.writeOwn: no copies of it
  // there): nothing here changes it, or anything it holds, after the write.
  let r: ApiResult;
  if (existing) {
    const next = nextEndpoints(
      existing,
      withLabelsAndAnnotations(existing.metadata, labels, annotations),
      subsets,
    );
    // Written only when the subsets or labels differ from the stored ones (sameJSON above).
    r = ctx.api.writeOwn ? ctx.api.writeOwn(next, existing, true) : ctx.api.update(next);
  } else {
    // The subsets by assignment, not a conditional spread (see withLabelsAndAnnotations).
    const obj = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels, annotations },
    } as unknown as Endpoints;
    if (subsets.length) obj.subsets = subsets;
    r = ctx.api.writeOwn ? ctx.api.writeOwn(obj, undefined) : ctx.api.create(obj);
  }
  // The answer of a write is the object stored.
  return r.ok ? (r.object as Endpoints) : undefined;
}

/**
 * The next version of stored Endpoints `existing` with `metadata` and `subsets` (none: the key
 * left out): copyTop's copy given them. For the usual top level (apiVersion, kind, metadata, and
 * subsets or not: the controller's own versions) it is written out as a literal: the same keys in
 * the same order, without copyTop's three-way key check (or, for a version without subsets,
 * copyOwn's generic copy).
 */
export function nextEndpoints(
  existing: Endpoints,
  metadata: K8sObject['metadata'],
  subsets: EndpointSubset[],
): Endpoints {
  if (keysAre(existing, ENDPOINTS_TOP) || keysAre(existing, ENDPOINTS_TOP_BARE)) {
    if (subsets.length === 0)
      return { apiVersion: existing.apiVersion, kind: existing.kind, metadata } as Endpoints;
    return { apiVersion: existing.apiVersion, kind: existing.kind, metadata, subsets } as Endpoints;
  }
  const next: Endpoints = copyTop(existing);
  next.metadata = metadata;
  if (subsets.length) next.subsets = subsets;
  else delete next.subsets;
  return next;
}
const ENDPOINTS_TOP = ['apiVersion', 'kind', 'metadata', 'subsets'];
const ENDPOINTS_TOP_BARE = ['apiVersion', 'kind', 'metadata'];

export function endpointsKeysFor(
  store: StoreReader,
  ev: WatchEvent,
  index?: EndpointsIndex,
): readonly string[] {
  // Pod events first (most events): their answer needs no name of the event's object.
  if (ev.kind === 'Pod') return podServiceKeys(store, ev, index);
  const o: K8sObject = ev.view;
  const ns = o.metadata.namespace ?? 'default';
  if (ev.kind === 'Service') return [`${ns}/${o.metadata.name}`];
  // Like onEndpointsDelete: only a deletion re-syncs (so a managed object comes back). A user
  // writing Endpoints before its Service exists is left alone until that Service is deleted.
  if (ev.kind === 'Endpoints') return ev.type === 'DELETED' ? [`${ns}/${o.metadata.name}`] : NO_KEYS;
  return NO_KEYS;
}

/**
 * The Services a Pod event concerns: none when the update changed nothing the controllers read.
 * The array is shared (the Endpoints and EndpointSlice controllers ask in turn about the same
 * event, and get the same answer) and must not be modified.
 */
export function podServiceKeys(
  store: StoreReader,
  ev: WatchEvent,
  index?: EndpointsIndex,
): readonly string[] {
  // The memo lives on the index (one field read per event) or, without one, per store.
  let memo = index?.lastPodKeys ?? memos.get(store);
  if (memo === undefined) {
    memo = { ev: undefined, keys: NO_KEYS, changes: undefined };
    memos.set(store, memo);
  } else if (ev === memo.ev) return memo.keys;
  let keys: readonly string[] = NO_KEYS;
  const pod = ev.view as Pod;
  const old = ev.oldView as Pod | undefined;
  if (ev.statusWrite && index && old) {
    // A status-only write (WatchEvent.statusWrite): the metadata and spec are the previous
    // version's own objects, so only the status can have changed (podEndpointsChanged's other
    // reads compare an object with itself) and the labels are the same object.
    if (podStatusEndpointsChanged(old.status, pod.status))
      keys = index.services.keysMatching(eventPodNamespace(ev), podLabels(pod), undefined);
  } else if (!(ev.type === 'MODIFIED' && old && !podEndpointsChanged(old, pod))) {
    if (index) {
      const labels = podLabels(pod);
      const oldLabels = old && podLabels(old);
      const both = oldLabels !== undefined && !sameLabelSet(oldLabels, labels ?? {});
      keys = index.services.keysMatching(eventPodNamespace(ev), labels, both ? oldLabels : undefined);
    } else keys = serviceKeysForPod(store, pod, old);
  }
  memo.ev = ev;
  memo.keys = keys;
  memo.changes = undefined;
  return keys;
}
/**
 * The last answer per store (weakly held: a module-level memo of the event and store kept the
 * whole previous cluster alive after the page or a test built a new one).
 */
const memos = new WeakMap<StoreReader, PodKeysMemo>();

/**
 * The last Pod event's answers (podServiceKeys' keys; eventChangesDesired's, once asked): the
 * Endpoints and EndpointSlice controllers ask in turn about the same event.
 */
export interface PodKeysMemo {
  ev: WatchEvent | undefined;
  keys: readonly string[];
  changes: boolean | undefined;
}

/**
 * Whether a watch event the controllers were given keys for can change a Service's desired
 * endpoints: a Pod event where neither the old nor the new Pod can be listed (no IP yet, or
 * terminal) cannot. The workqueue still gets the key (so the order of reconciles is unchanged);
 * the reconcile then sees that nothing it computes from has moved since its last sync.
 */
export function eventChangesDesired(ev: WatchEvent, index?: EndpointsIndex): boolean {
  if (ev.kind !== 'Pod') return true;
  // The second controller asking about the event reads the first one's answer.
  const memo = index?.lastPodKeys;
  if (memo === undefined || memo.ev !== ev)
    return podCanBeListed(ev.view as Pod) || podCanBeListed(ev.oldView as Pod | undefined);
  let changes = memo.changes;
  if (changes === undefined) {
    changes = podCanBeListed(ev.view as Pod) || podCanBeListed(ev.oldView as Pod | undefined);
    memo.changes = changes;
  }
  return changes;
}

/**
 * The per-Service states a controller computes from: the index's (shared by the Endpoints and
 * EndpointSlice controllers of one cluster) or, without an index, its own.
 */
export function serviceStates(index: EndpointsIndex | undefined): ServiceStates {
  return index?.states ?? new ServiceStates();
}

export function createEndpointsController(store: StoreReader, index?: EndpointsIndex): Controller {
  return new EndpointsController(store, index);
}

const ENDPOINTS_WATCHES: readonly KindName[] = ['Service', 'Pod', 'Endpoints'];
// endpointsKeysFor answers an Endpoints object's other writes (this controller's own, most of
// them) with no keys, and then keysFor returns at once.
const ENDPOINTS_EVENT_TYPES: NonNullable<Controller['eventTypes']> = { Endpoints: ['DELETED'] };

/**
 * A class, not a closure per cluster: every cluster's controller shares the methods, so V8's
 * feedback and optimized code for keysFor and reconcile carry over to a fresh cluster.
 */
class EndpointsController implements Controller {
  readonly name = 'endpoints-controller';
  readonly watches: readonly KindName[] = ENDPOINTS_WATCHES;
  readonly eventTypes = ENDPOINTS_EVENT_TYPES;
  private readonly states: ServiceStates;
  // Services whose Endpoints were in sync with their desired state at their last reconcile, with
  // the stored object then; an event that can change the desired state removes the entry. A
  // reconcile whose entry is present and still the stored object (a user's edit replaces it,
  // and is undone by the next reconcile, as before) would compute the same subsets and write
  // nothing, so it returns at once.
  private readonly clean = new Map<string, Endpoints>();
  constructor(
    private readonly store: StoreReader,
    private readonly index: EndpointsIndex | undefined,
  ) {
    this.states = serviceStates(index);
  }

  keysFor(ev: WatchEvent): string[] {
    const keys = endpointsKeysFor(this.store, ev, this.index);
    if (keys.length === 0) return keys as string[];
    if (ev.kind === 'Pod') this.states.onPodEvent(ev, keys);
    if (eventChangesDesired(ev, this.index))
      for (let i = 0; i < keys.length; i++) this.clean.delete(keys[i] as string);
    return keys as string[];
  }

  reconcile(key: string, ctx: ControllerContext, at?: KeyEntry): void {
    const was = this.clean.get(key);
    let synced: Endpoints | undefined;
    if (was) {
      // The key names the Endpoints `was` is stored under: the read serves the reconcile too.
      const stored = readRef(ctx.store, keyRef('Endpoints', key, at)) as Endpoints | undefined;
      if (stored === was) return;
      synced = reconcileEndpoints(key, ctx, this.index, this.states, true, stored, at);
    } else synced = reconcileEndpoints(key, ctx, this.index, this.states, false, undefined, at);
    if (synced) this.clean.set(key, synced);
    else this.clean.delete(key);
  }
}
