// The EndpointSlice controller (pkg/controller/endpointslice, reconciler.go), reference §B7/§C5:
// one slice per distinct port set for each selector Service, named `<svc>-<5 chars>` (the
// apiserver's generateName alphabet), labelled kubernetes.io/service-name and managed-by, owned by
// the Service. Unlike Endpoints, terminating Pods stay listed (ready=false, terminating=true).
// With no endpoints a placeholder slice with null endpoints and ports is kept, as the real one does.
import type {
  EndpointPort,
  EndpointSlice,
  EndpointSliceEndpoint,
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
  type ApiWriter,
  type Controller,
  type ControllerContext,
  type KeyEntry,
  keyRef,
  NO_KEYS,
  type Rng,
  readRef,
  type StoreReader,
  type WatchEvent,
} from '../runtime/interfaces';
import { eventChangesDesired, podServiceKeys, scratchSelectedPods, serviceStates } from './endpoints';
import type { EndpointsIndex } from './endpoints-index';
import { shouldPodBeInEndpoints } from './endpoints-pod';
import { conditions, isEntrySliceEndpoint, PreviousEntries } from './endpoints-reuse';
import { PodEntry, type ServicePods, type ServiceStates } from './endpoints-state';
import {
  derivedLabels,
  findNumericPort,
  hasSelector,
  MANAGED_BY,
  numericTargetPorts,
  rfc3339,
  SERVICE_NAME_LABEL,
  SLICE_CONTROLLER,
  sameJSON,
  sliceEndpointsDiffer,
  sortSmall,
  withLabelsAndAnnotations,
  withTriggerTime,
} from './endpoints-util';

/** Kubernetes' rand.String alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no 0/1/3. */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_ENDPOINTS_PER_SLICE = 100;

export function randomSuffix(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHABET[rng.int(ALPHABET.length)];
  return s;
}

/** generateName: the base is truncated to 58 characters, then 5 random characters are appended. */
export function generateName(base: string, rng: Rng, taken: (name: string) => boolean): string {
  const prefix = base.length > 58 ? base.slice(0, 58) : base;
  for (;;) {
    const name = prefix + randomSuffix(rng);
    if (!taken(name)) return name;
  }
}

export interface SliceContent {
  ports: EndpointPort[] | null;
  endpoints: EndpointSliceEndpoint[] | null;
}

/**
 * The slice endpoint for entry `e`: built once per entry (see ./endpoints-state), and then the
 * one written last time when that is exactly what would be built (see ./endpoints-reuse), else a
 * new one.
 */
function sliceEndpoint(
  e: PodEntry,
  publish: boolean,
  prev: PreviousEntries<EndpointSliceEndpoint> | undefined,
): EndpointSliceEndpoint {
  let ep = e.sliceEndpoint;
  if (ep !== undefined) return ep;
  const { ready, terminating } = e;
  // utils.go podToEndpoint: ready = serving && !terminating; publishNotReadyAddresses forces ready.
  const cond = conditions(publish || (ready && !terminating), publish || ready, terminating);
  const last = prev?.get(e.ip);
  if (last && isEntrySliceEndpoint(last, e, cond)) ep = last;
  else {
    ep = { addresses: [e.ip], conditions: cond };
    // Field order as discovery/v1 Endpoint declares it (what `-o json` shows): hostname, targetRef, nodeName.
    if (e.hostname) ep.hostname = e.hostname;
    ep.targetRef = e.ref();
    if (e.nodeName) ep.nodeName = e.nodeName;
  }
  e.sliceEndpoint = ep;
  return ep;
}

const endpointIP = (e: EndpointSliceEndpoint): string | undefined => e.addresses?.[0];

/** canonical(ports) (sorted keys: name, port, protocol), built directly: groups sort by it. */
export function portsKey(ports: readonly EndpointPort[]): string {
  let key = '';
  for (const p of ports) {
    key += `${key ? ',' : ''}{"name":${JSON.stringify(p.name)},"port":${JSON.stringify(p.port)},"protocol":${JSON.stringify(p.protocol)}}`;
  }
  return `[${key}]`;
}

/** Desired slice contents (ports + endpoints), one per port set, ≤ 100 endpoints each, sorted. */
export function desiredSlices(
  svc: Service,
  pods: readonly Pod[],
  /** The slices written last time, whose unchanged endpoints are reused. */
  previous?: readonly EndpointSlice[],
): SliceContent[] {
  const prev = previousSliceEndpoints(previous);
  try {
    return slicesFor(svc, pods, prev);
  } finally {
    prev?.clear();
  }
}

/** The endpoints of `previous` by IP (cleared after use), or undefined when there are none. */
function previousSliceEndpoints(
  previous: readonly EndpointSlice[] | undefined,
): PreviousEntries<EndpointSliceEndpoint> | undefined {
  if (!previous?.length) return undefined;
  const prev = previousEndpoints;
  for (let i = 0; i < previous.length; i++) prev.add((previous[i] as EndpointSlice).endpoints);
  return prev;
}
const previousEndpoints = new PreviousEntries(endpointIP);

function slicesFor(
  svc: Service,
  pods: readonly Pod[],
  prev: PreviousEntries<EndpointSliceEndpoint> | undefined,
): SliceContent[] {
  const numeric = numericTargetPorts(svc);
  const entries: PodEntry[] = [];
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i] as Pod;
    if (shouldPodBeInEndpoints(pod, true)) entries.push(PodEntry.of(pod, svc, numeric));
  }
  return slicesOfEntries(svc, entries, false, numeric ? slicePorts(svc, undefined) : undefined, prev);
}

/**
 * The slices for listable `entries`: one group per port set (`fixed`: the one set of every Pod,
 * when every target port is a number), the groups in the order of their ports' keys, each
 * group's endpoints by address (`sorted`: `entries` are in that order already) in slices of at
 * most 100; a placeholder slice when there is no endpoint.
 */
function slicesOfEntries(
  svc: Service,
  entries: readonly PodEntry[],
  sorted: boolean,
  fixed: EndpointPort[] | undefined,
  prev: PreviousEntries<EndpointSliceEndpoint> | undefined,
  /** A reused answer of one slice to fill in instead of a new one (see ONE_SLICE). */
  one?: SliceContent[],
): SliceContent[] {
  if (entries.length === 0) return oneSlice(null, null, one); // placeholder slice
  const publish = svc.spec.publishNotReadyAddresses === true;
  if (fixed !== undefined) {
    const endpoints: EndpointSliceEndpoint[] = new Array(entries.length);
    for (let i = 0; i < entries.length; i++)
      endpoints[i] = sliceEndpoint(entries[i] as PodEntry, publish, prev);
    if (!sorted) sortSmall(endpoints, byAddress);
    // One slice (the usual case) as a literal: an array grown by push keeps spare slots.
    if (endpoints.length <= MAX_ENDPOINTS_PER_SLICE) return oneSlice(fixed, endpoints, one);
    const out: SliceContent[] = [];
    chunk(fixed, endpoints, out);
    return out;
  }
  const out: SliceContent[] = [];
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: EndpointSliceEndpoint[] }>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as PodEntry;
    if (e.sliceGroup === undefined) {
      const ports = slicePorts(svc, e.ports);
      e.sliceGroup = { ports, key: portsKey(ports) };
    }
    const resolved = e.sliceGroup;
    let g = groups.get(resolved.key);
    if (!g) {
      g = { ports: resolved.ports, endpoints: [] };
      groups.set(resolved.key, g);
    }
    g.endpoints.push(sliceEndpoint(e, publish, prev));
  }
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key);
    if (g) chunk(g.ports, sorted ? g.endpoints : sortSmall(g.endpoints, byAddress), out);
  }
  return out;
}

/** `[{ ports, endpoints }]`, in `one` when given (reused). */
function oneSlice(
  ports: EndpointPort[] | null,
  endpoints: EndpointSliceEndpoint[] | null,
  one: SliceContent[] | undefined,
): SliceContent[] {
  if (one === undefined) return [{ ports, endpoints }];
  const c = one[0] as SliceContent;
  c.ports = ports;
  c.endpoints = endpoints;
  return one;
}

/**
 * The one-slice answer reconcileEndpointSlices has slicesOfState fill in (one reconcile at a time,
 * read before the next: the slice written holds its arrays, not the answer), emptied after use.
 */
const ONE_SLICE: SliceContent[] = [{ ports: null, endpoints: null }];

const byAddress = (a: EndpointSliceEndpoint, b: EndpointSliceEndpoint): number =>
  (a.addresses[0] ?? '') < (b.addresses[0] ?? '') ? -1 : 1;

/** One port set's endpoints, in order, in slices of at most 100. */
function chunk(ports: EndpointPort[], endpoints: EndpointSliceEndpoint[], out: SliceContent[]): void {
  if (endpoints.length <= MAX_ENDPOINTS_PER_SLICE) {
    out.push({ ports, endpoints });
    return;
  }
  for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
    out.push({ ports, endpoints: endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
}

/**
 * The slice ports for a Pod whose ports resolved to `resolved` (PodEntry.ports; none: every target
 * port is a number), in the Service's order; a named port the Pod lacks is left out.
 */
function slicePorts(svc: Service, resolved: readonly (number | undefined)[] | undefined): EndpointPort[] {
  const ports: EndpointPort[] = [];
  const specPorts = svc.spec.ports ?? [];
  for (let i = 0; i < specPorts.length; i++) {
    const sp = specPorts[i] as ServicePort;
    const port = resolved ? resolved[i] : findNumericPort(sp);
    if (port === undefined) continue;
    ports.push({ name: sp.name ?? '', protocol: sp.protocol, port });
  }
  return ports;
}

/**
 * The slice contents for `st`'s Service from its entries, unless two entries share an IP: the
 * slices' order compares IPs alone, so theirs then depends on the order the Pods were listed in
 * (undefined: the Pods are listed then). The entries are in IP order already, which is
 * byAddress's order while IPs differ.
 */
export function slicesOfState(
  st: ServicePods,
  previous: readonly EndpointSlice[],
  /** A reused one-slice answer to fill in (see slicesOfEntries). */
  one?: SliceContent[],
): SliceContent[] | undefined {
  if (st.hasSharedIP()) return undefined;
  const svc = st.svc;
  if (st.numeric) st.slicePorts ??= slicePorts(svc, undefined);
  // Entries keep their slice endpoint from one write to the next; the stored ones are offered
  // once, when the state is new (another Service object, or the controller's first reconcile).
  const prev = st.seededSliceEndpoints ? undefined : previousSliceEndpoints(previous);
  st.seededSliceEndpoints = true;
  try {
    return slicesOfEntries(svc, st.sorted(), true, st.slicePorts, prev, one);
  } finally {
    prev?.clear();
  }
}

const byName = (a: EndpointSlice, b: EndpointSlice): number => (a.metadata.name < b.metadata.name ? -1 : 1);

/** Existing slices of a Service written by one manager, sorted by name. */
interface SlicesVisit {
  store: StoreReader | undefined;
  ns: string;
  out: EndpointSlice[];
}
const NO_SLICES: EndpointSlice[] = [];
const slicesVisit: SlicesVisit = { store: undefined, ns: '', out: NO_SLICES };

function addSlice(this: SlicesVisit, name: string): void {
  const o = this.store?.get('EndpointSlice', this.ns, name);
  if (o) this.out.push(o as EndpointSlice);
}

export function slicesOf(
  store: StoreReader,
  ns: string,
  svcName: string,
  manager: string,
  index?: EndpointsIndex,
): EndpointSlice[] {
  const out: EndpointSlice[] = [];
  if (index) {
    const names = index.slices.names(ns, svcName, manager);
    if (names.size === 0) return out;
    // Set.forEach with a reused `this`: no iterator objects per reconcile.
    const visit = slicesVisit;
    visit.store = store;
    visit.ns = ns;
    visit.out = out;
    names.forEach(addSlice, visit);
    visit.store = undefined;
    visit.out = NO_SLICES;
    return sortSmall(out, byName);
  }
  for (const o of store.byNamespace('EndpointSlice', ns)) {
    const l = o.metadata.labels ?? {};
    if (l[SERVICE_NAME_LABEL] === svcName && l[MANAGED_BY] === manager) out.push(o as EndpointSlice);
  }
  return sortSmall(out, byName);
}

export interface SliceMeta {
  labels: Record<string, string>;
  /** Only a created slice needs them (an update keeps the slice's own). */
  ownerReferences: () => K8sObject['metadata']['ownerReferences'];
}

/**
 * Make the stored slices equal the desired contents: reuse slices with the same ports first, then
 * any leftover slice (update in place), create the rest, delete extras. No write when equal.
 * Returns whether every write went through (the slices are then in sync); `synced` then receives
 * the stored slices.
 */
export function syncSlices(
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock' | 'rng'>,
  ns: string,
  baseName: string,
  existing: readonly EndpointSlice[],
  want: SliceContent[],
  meta: SliceMeta,
  synced?: EndpointSlice[],
): boolean {
  // One slice wanted and at most one there (every Service with one port set and <= 100
  // endpoints): that slice is the one to update, whether or not its ports match.
  if (want.length === 1 && existing.length <= 1) {
    return written(writeSlice(ctx, ns, baseName, want[0] as SliceContent, existing[0], meta), synced);
  }
  let ok = true;
  const pool = [...existing];
  const pairs: [SliceContent, EndpointSlice | undefined][] = want.map((w) => {
    const i = pool.findIndex((s) => sameJSON(s.ports, w.ports));
    return [w, i >= 0 ? pool.splice(i, 1)[0] : undefined];
  });
  for (const pair of pairs) {
    if (pair[1] === undefined && pool.length) pair[1] = pool.shift();
    ok = written(writeSlice(ctx, ns, baseName, pair[0], pair[1], meta), synced) && ok;
  }
  for (const extra of pool) ok = ctx.api.delete('EndpointSlice', ns, extra.metadata.name).ok && ok;
  return ok;
}

/**
 * Update `cur` to `w` (nothing when equal), or create a slice for `w`; the slice stored then, or
 * undefined when the write did not go through.
 */
function writeSlice(
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock' | 'rng'>,
  ns: string,
  baseName: string,
  w: SliceContent,
  cur: EndpointSlice | undefined,
  meta: SliceMeta,
): EndpointSlice | undefined {
  if (cur) {
    if (
      // The usual difference told at once (sliceEndpointsDiffer: true only where sameJSON is false).
      !sliceEndpointsDiffer(cur.endpoints, w.endpoints) &&
      sameJSON(cur.endpoints, w.endpoints) &&
      sameJSON(cur.ports, w.ports) &&
      sameJSON(cur.metadata.labels ?? {}, meta.labels)
    ) {
      return cur;
    }
    // A new version, handed to the API server as its own (ApiWriter.writeOwn: no copies of it
    // there): nothing here changes it, or anything it holds, after the write.
    const next = nextSlice(
      cur,
      withLabelsAndAnnotations(
        cur.metadata,
        meta.labels,
        withTriggerTime(cur.metadata.annotations, rfc3339(ctx.clock.now())),
      ),
      w,
    );
    // Written only when the endpoints, ports or labels differ from the stored ones (sameJSON above).
    return storedSlice(ctx.api.writeOwn ? ctx.api.writeOwn(next, cur, true) : ctx.api.update(next));
  }
  const name = generateName(`${baseName}-`, ctx.rng, (n) => !!ctx.store.get('EndpointSlice', ns, n));
  const ownerReferences = meta.ownerReferences();
  // Built by assignment, not with a conditional spread or a computed key: the created version's
  // metadata and annotations then take the maps every later version's copies have (see
  // withLabelsAndAnnotations), and the sites reading them see one shape each.
  const metadata = {
    name,
    generateName: `${baseName}-`,
    namespace: ns,
    labels: meta.labels,
    annotations: withTriggerTime(undefined, rfc3339(ctx.clock.now())),
  } as K8sObject['metadata'];
  if (ownerReferences) metadata.ownerReferences = ownerReferences;
  const obj = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata,
    addressType: 'IPv4',
    endpoints: w.endpoints,
    ports: w.ports,
  } as unknown as EndpointSlice;
  return storedSlice(ctx.api.writeOwn ? ctx.api.writeOwn(obj, undefined) : ctx.api.create(obj));
}

/**
 * The next version of stored slice `cur` with `metadata` and `w`'s endpoints and ports: copyTop's
 * copy given them. For the usual top level (the controller's own slices) it is written out as a
 * literal: the same keys in the same order, without copyTop's three-way key check.
 */
export function nextSlice(
  cur: EndpointSlice,
  metadata: K8sObject['metadata'],
  w: SliceContent,
): EndpointSlice {
  if (keysAre(cur, SLICE_TOP))
    return {
      apiVersion: cur.apiVersion,
      kind: cur.kind,
      metadata,
      addressType: cur.addressType,
      endpoints: w.endpoints,
      ports: w.ports,
    } as EndpointSlice;
  const next: EndpointSlice = copyTop(cur);
  next.metadata = metadata;
  next.endpoints = w.endpoints;
  next.ports = w.ports;
  return next;
}
const SLICE_TOP = ['apiVersion', 'kind', 'metadata', 'addressType', 'endpoints', 'ports'];

/** The slice a write stored (undefined: it did not go through). */
const storedSlice = (r: ApiResult): EndpointSlice | undefined =>
  r.ok ? (r.object as EndpointSlice) : undefined;

/** Whether a slice write went through (`stored`); the stored slice then goes to `synced`. */
function written(stored: EndpointSlice | undefined, synced: EndpointSlice[] | undefined): boolean {
  if (stored === undefined) return false;
  synced?.push(stored);
  return true;
}

/**
 * The slice a controller is writing at this instant. Its own write's watch event needs no re-sync
 * (the desired state it just wrote is what a reconcile would compute), like the real controllers'
 * endpointSliceTracker.ShouldSync; writes by anyone else still enqueue the Service.
 */
export class OwnSliceWrites {
  private currentNs: string | undefined;
  private currentName: string | undefined;

  isOwn(ev: WatchEvent): boolean {
    // No write of ours under way (the mirroring controller's case for nearly every event): no
    // name to compare, so the event's object is not read.
    const name = this.currentName;
    if (name === undefined || ev.kind !== 'EndpointSlice') return false;
    const m = ev.object.metadata;
    return name === m.name && this.currentNs === (m.namespace ?? 'default');
  }

  private during<T>(kind: string, ns: string | undefined, name: string, write: () => T): T {
    if (kind !== 'EndpointSlice') return write();
    const beforeNs = this.currentNs;
    const beforeName = this.currentName;
    this.currentNs = ns ?? 'default';
    this.currentName = name;
    try {
      return write();
    } finally {
      this.currentNs = beforeNs;
      this.currentName = beforeName;
    }
  }

  /**
   * `api.update(o)` (`own`: `api.writeOwn(o, old)`), marked as ours when `o` is a slice. Inline
   * (no closure per write): slice updates are this controller's most frequent writes.
   */
  private writing(
    o: K8sObject,
    old: K8sObject | undefined,
    api: ApiWriter,
    own: boolean,
    changed?: boolean,
  ): ApiResult {
    const ours = o.kind === 'EndpointSlice';
    const beforeNs = this.currentNs;
    const beforeName = this.currentName;
    if (ours) {
      this.currentNs = o.metadata.namespace ?? 'default';
      this.currentName = o.metadata.name;
    }
    try {
      return own ? (api.writeOwn as NonNullable<ApiWriter['writeOwn']>)(o, old, changed) : api.update(o);
    } finally {
      this.currentNs = beforeNs;
      this.currentName = beforeName;
    }
  }

  private wrapped: { from: unknown; to: unknown } | undefined;

  /** `ctx` whose API writes mark EndpointSlice writes as this controller's own (one wrapper per ctx). */
  wrap<C extends Pick<ControllerContext, 'api'>>(ctx: C): C {
    if (this.wrapped?.from === ctx) return this.wrapped.to as C;
    const api = ctx.api;
    const to: C = {
      ...ctx,
      api: {
        create: (o, opts) =>
          this.during(o.kind, o.metadata.namespace, o.metadata.name, () => api.create(o, opts)),
        update: (o) => this.writing(o, undefined, api, false),
        ...(api.writeOwn ? { writeOwn: (o, old, changed) => this.writing(o, old, api, true, changed) } : {}),
        updateStatus: (o) =>
          this.during(o.kind, o.metadata.namespace, o.metadata.name, () => api.updateStatus(o)),
        delete: (kind, ns, name, opts) => this.during(kind, ns, name, () => api.delete(kind, ns, name, opts)),
      },
    };
    this.wrapped = { from: ctx, to };
    return to;
  }
}

/**
 * The labels and owner of a Service's slices. They depend on the Service object alone, so they
 * are built once per Service object and shared by every slice written for it (stored objects are
 * never modified, so sharing is safe; the stored slices hold them anyway).
 */
function sliceMeta(svc: Service): SliceMeta {
  let meta = sliceMetaCache.get(svc);
  if (!meta) {
    meta = {
      labels: derivedLabels(svc, { [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY]: SLICE_CONTROLLER }),
      ownerReferences: () => [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: svc.metadata.name,
          uid: svc.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    };
    sliceMetaCache.set(svc, meta);
  }
  return meta;
}
const sliceMetaCache = new WeakMap<Service, SliceMeta>();

/** sliceMeta of the state's Service, kept with the state (no WeakMap look-up per reconcile). */
function stateSliceMeta(st: ServicePods): SliceMeta {
  st.sliceMeta ??= sliceMeta(st.svc);
  return st.sliceMeta;
}

export function sliceLabels(svc: Service): Record<string, string> {
  return sliceMeta(svc).labels;
}

/**
 * Make the Service's slices match its Pods; returns the stored slices (sorted by name) when they
 * are in sync afterwards, else undefined. `states`: the per-Service state to compute from (kept
 * current by the caller's Pod events); `known`: the Service's slices as the caller last synced
 * them, when no one else has written one of them since (else they are looked up).
 */
export function reconcileEndpointSlices(
  key: string,
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock' | 'rng'>,
  index?: EndpointsIndex,
  states?: ServiceStates,
  known?: readonly EndpointSlice[],
  /** The key's queue entry, where the ref to the Service is kept (keyRef). */
  at?: KeyEntry,
): EndpointSlice[] | undefined {
  const svcRef = keyRef('Service', key, at);
  const ns = svcRef.namespace;
  const name = svcRef.name;
  const svc = readRef(ctx.store, svcRef) as Service | undefined;
  const existing = known ?? slicesOf(ctx.store, ns, name, SLICE_CONTROLLER, index);
  // A state built for this Service object says it selects (ServiceStates.current).
  let st = svc === undefined ? undefined : states?.current(key, svc);
  if (st === undefined) {
    if (!svc || !hasSelector(svc)) {
      states?.drop(key);
      // Service gone (the garbage collector would also remove them via ownerReferences) or no longer selects.
      for (const s of existing) ctx.api.delete('EndpointSlice', ns, s.metadata.name);
      return undefined;
    }
    st = states?.get(key, svc, ctx.store, index);
  }
  // It selects: hasSelector said so, or a state was built for this object (only those get one).
  const selecting = svc as Service & { spec: { selector: Labels } };
  const want =
    (st && slicesOfState(st, existing, ONE_SLICE)) ??
    desiredSlices(selecting, scratchSelectedPods(ctx.store, selecting, index), existing);
  const meta = st ? stateSliceMeta(st) : sliceMeta(selecting);
  try {
    if (want.length === 1 && existing.length <= 1) {
      // syncSlices' usual case, its one slice kept in an array of its length (known, below).
      const stored = writeSlice(ctx, ns, name, want[0] as SliceContent, existing[0], meta);
      return stored === undefined ? undefined : [stored];
    }
    const synced: EndpointSlice[] = [];
    if (!syncSlices(ctx, ns, name, existing, want, meta, synced)) return undefined;
    return sortSmall(synced, byName);
  } finally {
    if (want === ONE_SLICE) oneSlice(null, null, ONE_SLICE); // no references kept
  }
}

export function endpointSliceKeysFor(
  store: StoreReader,
  ev: WatchEvent,
  index?: EndpointsIndex,
): readonly string[] {
  // Pod events first (most events): their answer needs no name of the event's object.
  if (ev.kind === 'Pod') return podServiceKeys(store, ev, index);
  const o = ev.view;
  const ns = o.metadata.namespace ?? 'default';
  if (ev.kind === 'Service') return [`${ns}/${o.metadata.name}`];
  if (ev.kind === 'EndpointSlice') {
    const svcName = managedSliceService(o);
    if (svcName) return [`${ns}/${svcName}`];
  }
  return NO_KEYS;
}

/** The Service a slice managed by this controller belongs to. */
function managedSliceService(o: K8sObject | undefined): string | undefined {
  const l = o?.metadata.labels;
  const svcName = l?.[SERVICE_NAME_LABEL];
  return svcName && l[MANAGED_BY] === SLICE_CONTROLLER ? svcName : undefined;
}

export function createEndpointSliceController(store: StoreReader, index?: EndpointsIndex): Controller {
  return new EndpointSliceController(store, index);
}

const SLICE_WATCHES: readonly KindName[] = ['Service', 'Pod', 'EndpointSlice'];

/**
 * A class, not a closure per cluster: every cluster's controller shares the methods, so V8's
 * feedback and optimized code for keysFor and reconcile carry over to a fresh cluster.
 */
class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  readonly watches: readonly KindName[] = SLICE_WATCHES;
  private readonly own = new OwnSliceWrites();
  private readonly states: ServiceStates;
  // Services whose slices were in sync at their last reconcile; an event that can change their
  // desired slices, or someone else's write to one of them, removes the key. A reconcile of a
  // key still here would compute the same slices and write nothing, so it returns at once.
  private readonly clean = new Set<string>();
  // Each Service's slices as its last reconcile left them, until someone else writes a slice
  // managed for it (a write of ours is seen as our own, see OwnSliceWrites): the next reconcile
  // starts from them instead of looking the slices up.
  private readonly known = new Map<string, EndpointSlice[]>();
  constructor(
    private readonly store: StoreReader,
    private readonly index: EndpointsIndex | undefined,
  ) {
    this.states = serviceStates(index);
  }

  keysFor(ev: WatchEvent): string[] {
    if (this.own.isOwn(ev)) return NO_KEYS;
    const keys = endpointSliceKeysFor(this.store, ev, this.index);
    const clean = this.clean;
    const known = this.known;
    if (keys.length && ev.kind === 'Pod') this.states.onPodEvent(ev, keys);
    if (keys.length && eventChangesDesired(ev, this.index))
      for (let i = 0; i < keys.length; i++) clean.delete(keys[i] as string);
    if (ev.kind === 'EndpointSlice') {
      for (let i = 0; i < keys.length; i++) known.delete(keys[i] as string);
      // A slice relabelled away from its Service is not queued for it (as before), but that
      // Service's next reconcile must look again.
      const was = managedSliceService(ev.old);
      if (was) {
        const wasKey = `${ev.object.metadata.namespace ?? 'default'}/${was}`;
        clean.delete(wasKey);
        known.delete(wasKey);
      }
    }
    return keys as string[];
  }

  reconcile(key: string, ctx: ControllerContext, at?: KeyEntry): void {
    if (this.clean.has(key)) return;
    const synced = reconcileEndpointSlices(
      key,
      this.own.wrap(ctx),
      this.index,
      this.states,
      this.known.get(key),
      at,
    );
    if (synced) {
      this.clean.add(key);
      this.known.set(key, synced);
    } else {
      this.clean.delete(key);
      this.known.delete(key);
    }
  }
}
