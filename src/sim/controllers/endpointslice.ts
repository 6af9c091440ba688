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
  ObjectReference,
  Pod,
  Service,
  ServicePort,
} from '../api/types';
import type { Controller, ControllerContext, Rng, StoreReader, WatchEvent } from '../runtime/interfaces';
import {
  eventChangesDesired,
  perPodPorts,
  podServiceKeys,
  podTargetRef,
  recTargetRef,
  withSelectedPods,
} from './endpoints';
import type { EndpointsIndex, PodRec } from './endpoints-index';
import { conditions, isPodSliceEndpoint, PreviousEntries } from './endpoints-reuse';
import {
  derivedLabels,
  findNumericPort,
  findPort,
  hasSelector,
  isPodReady,
  isTerminating,
  MANAGED_BY,
  numericTargetPorts,
  rfc3339,
  SERVICE_NAME_LABEL,
  SLICE_CONTROLLER,
  sameJSON,
  shouldPodBeInEndpoints,
  sortSmall,
  splitKey,
  triggerTimeOnly,
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
 * The slice endpoint for `pod`: the one written last time when that is exactly what would be
 * built now (see ./endpoints-reuse), else a new one.
 */
function sliceEndpoint(
  pod: Pod,
  svc: Service,
  prev: PreviousEntries<EndpointSliceEndpoint> | undefined,
  ref?: ObjectReference,
): EndpointSliceEndpoint {
  const terminating = isTerminating(pod);
  const ready = isPodReady(pod);
  const publish = svc.spec.publishNotReadyAddresses === true;
  // utils.go podToEndpoint: ready = serving && !terminating; publishNotReadyAddresses forces ready.
  const cond = conditions(publish || (ready && !terminating), publish || ready, terminating);
  const hostname =
    pod.spec.hostname && pod.spec.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
  const nodeName = pod.spec.nodeName || undefined;
  const ip = pod.status.podIP as string;
  const last = prev?.get(ip);
  if (last && isPodSliceEndpoint(last, pod, cond, hostname, nodeName)) return last;
  const ep: EndpointSliceEndpoint = { addresses: [ip], conditions: cond };
  // Field order as discovery/v1 Endpoint declares it (what `-o json` shows): hostname, targetRef, nodeName.
  if (hostname) ep.hostname = hostname;
  ep.targetRef = ref ?? podTargetRef(pod);
  if (nodeName) ep.nodeName = nodeName;
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
  if (!previous?.length) return slicesFor(svc, pods, undefined);
  const prev = previousEndpoints;
  try {
    for (let i = 0; i < previous.length; i++) prev.add((previous[i] as EndpointSlice).endpoints);
    return slicesFor(svc, pods, prev);
  } finally {
    prev.clear();
  }
}
const previousEndpoints = new PreviousEntries(endpointIP);

function slicesFor(
  svc: Service,
  pods: readonly Pod[],
  prev: PreviousEntries<EndpointSliceEndpoint> | undefined,
): SliceContent[] {
  if (numericTargetPorts(svc)) return oneGroup(svc, pods, prev);
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: EndpointSliceEndpoint[] }>();
  const portsFor = perPodPorts(svc, (pod) => {
    const ports = slicePorts(svc, pod);
    return { ports, key: portsKey(ports) };
  });
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const { ports, key } = portsFor(pod);
    let g = groups.get(key);
    if (!g) {
      g = { ports, endpoints: [] };
      groups.set(key, g);
    }
    g.endpoints.push(sliceEndpoint(pod, svc, prev));
  }
  const out: SliceContent[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key);
    if (g) chunk(g.ports, g.endpoints, out);
  }
  if (out.length === 0) out.push({ ports: null, endpoints: null }); // placeholder slice
  return out;
}

const byAddress = (a: EndpointSliceEndpoint, b: EndpointSliceEndpoint): number =>
  (a.addresses[0] ?? '') < (b.addresses[0] ?? '') ? -1 : 1;

/** One port set's endpoints, sorted, in slices of at most 100 (`scratch`: copy even a single slice). */
function chunk(
  ports: EndpointPort[],
  endpoints: EndpointSliceEndpoint[],
  out: SliceContent[],
  scratch = false,
): void {
  sortSmall(endpoints, byAddress);
  if (endpoints.length <= MAX_ENDPOINTS_PER_SLICE) {
    out.push({ ports, endpoints: scratch ? endpoints.slice() : endpoints });
    return;
  }
  for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
    out.push({ ports, endpoints: endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
}

/** The slice ports for `pod` (in the Service's order; a named port the Pod lacks is left out). */
function slicePorts(svc: Service, pod: Pod | undefined): EndpointPort[] {
  const ports: EndpointPort[] = [];
  const specPorts = svc.spec.ports ?? [];
  for (let i = 0; i < specPorts.length; i++) {
    const sp = specPorts[i] as ServicePort;
    const port = pod ? findPort(pod, sp) : findNumericPort(sp);
    if (port === undefined) continue;
    ports.push({ name: sp.name ?? '', protocol: sp.protocol, port });
  }
  return ports;
}

/** desiredSlices when every target port is a number: one port set for every Pod, no grouping. */
function oneGroup(
  svc: Service,
  pods: readonly Pod[],
  prev: PreviousEntries<EndpointSliceEndpoint> | undefined,
): SliceContent[] {
  // Collected in a scratch array and copied out at its final size (a growing array over-allocates).
  const endpoints = scratchEndpoints;
  try {
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i] as Pod;
      if (shouldPodBeInEndpoints(pod, true)) endpoints.push(sliceEndpoint(pod, svc, prev));
    }
    if (endpoints.length === 0) return [{ ports: null, endpoints: null }]; // placeholder slice
    const out: SliceContent[] = [];
    chunk(slicePorts(svc, undefined), endpoints, out, true);
    return out;
  } finally {
    endpoints.length = 0;
  }
}
const scratchEndpoints: EndpointSliceEndpoint[] = [];

const byName = (a: EndpointSlice, b: EndpointSlice): number => (a.metadata.name < b.metadata.name ? -1 : 1);

/** Existing slices of a Service written by one manager, sorted by name. */
export function slicesOf(
  store: StoreReader,
  ns: string,
  svcName: string,
  manager: string,
  index?: EndpointsIndex,
): EndpointSlice[] {
  if (index) return sortedSlices(index.slices.slices(ns, svcName, manager));
  const out: EndpointSlice[] = [];
  for (const o of store.byNamespace('EndpointSlice', ns)) {
    const l = o.metadata.labels ?? {};
    if (l[SERVICE_NAME_LABEL] === svcName && l[MANAGED_BY] === manager) out.push(o as EndpointSlice);
  }
  return sortSmall(out, byName);
}

/** The slices of one of the index's maps, sorted by name. */
function sortedSlices(slices: ReadonlyMap<string, EndpointSlice>): EndpointSlice[] {
  const out: EndpointSlice[] = [];
  if (slices.size === 0) return out;
  // Map.forEach with the array as `this`: no iterator objects per reconcile.
  slices.forEach(pushSlice, out);
  return sortSmall(out, byName);
}

function pushSlice(this: EndpointSlice[], slice: EndpointSlice): void {
  this.push(slice);
}

export interface SliceMeta {
  labels: Record<string, string>;
  /** Only a created slice needs them (an update keeps the slice's own). */
  ownerReferences: () => K8sObject['metadata']['ownerReferences'];
}

/**
 * Make the stored slices equal the desired contents: reuse slices with the same ports first, then
 * any leftover slice (update in place), create the rest, delete extras. No write when equal.
 * Returns whether every write went through (the slices are then in sync).
 */
export function syncSlices(
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock' | 'rng'>,
  ns: string,
  baseName: string,
  existing: EndpointSlice[],
  want: SliceContent[],
  meta: SliceMeta,
): boolean {
  // One slice wanted and at most one there (every Service with one port set and <= 100
  // endpoints): that slice is the one to update, whether or not its ports match.
  if (want.length === 1 && existing.length <= 1) {
    return writeSlice(ctx, ns, baseName, want[0] as SliceContent, existing[0], meta);
  }
  let ok = true;
  const pool = [...existing];
  const pairs: [SliceContent, EndpointSlice | undefined][] = want.map((w) => {
    const i = pool.findIndex((s) => sameJSON(s.ports, w.ports));
    return [w, i >= 0 ? pool.splice(i, 1)[0] : undefined];
  });
  for (const pair of pairs) {
    if (pair[1] === undefined && pool.length) pair[1] = pool.shift();
    ok = writeSlice(ctx, ns, baseName, pair[0], pair[1], meta) && ok;
  }
  for (const extra of pool) ok = ctx.api.delete('EndpointSlice', ns, extra.metadata.name).ok && ok;
  return ok;
}

/** Update `cur` to `w` (nothing when equal), or create a slice for `w`; whether it went through. */
function writeSlice(
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock' | 'rng'>,
  ns: string,
  baseName: string,
  w: SliceContent,
  cur: EndpointSlice | undefined,
  meta: SliceMeta,
): boolean {
  if (cur) {
    if (
      sameJSON(cur.endpoints, w.endpoints) &&
      sameJSON(cur.ports, w.ports) &&
      sameJSON(cur.metadata.labels ?? {}, meta.labels)
    ) {
      return true;
    }
    return ctx.api.update({
      ...cur,
      metadata: {
        ...cur.metadata,
        labels: meta.labels,
        annotations: withTriggerTime(cur.metadata.annotations, rfc3339(ctx.clock.now())),
      },
      endpoints: w.endpoints,
      ports: w.ports,
    } as EndpointSlice).ok;
  }
  const name = generateName(`${baseName}-`, ctx.rng, (n) => !!ctx.store.get('EndpointSlice', ns, n));
  const ownerReferences = meta.ownerReferences();
  const obj = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      generateName: `${baseName}-`,
      namespace: ns,
      labels: meta.labels,
      annotations: triggerTimeOnly(rfc3339(ctx.clock.now())),
      ...(ownerReferences ? { ownerReferences } : {}),
    },
    addressType: 'IPv4',
    endpoints: w.endpoints,
    ports: w.ports,
  } as unknown as EndpointSlice;
  return ctx.api.create(obj).ok;
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
    return (
      ev.kind === 'EndpointSlice' &&
      this.currentName === ev.object.metadata.name &&
      this.currentNs === (ev.object.metadata.namespace ?? 'default')
    );
  }

  private mark(kind: string, ns: string | undefined, name: string): void {
    if (kind !== 'EndpointSlice') return;
    this.currentNs = ns ?? 'default';
    this.currentName = name;
  }

  private wrapped: { from: unknown; to: unknown } | undefined;

  /** `ctx` whose API writes mark EndpointSlice writes as this controller's own (one wrapper per ctx). */
  wrap<C extends Pick<ControllerContext, 'api'>>(ctx: C): C {
    if (this.wrapped?.from === ctx) return this.wrapped.to as C;
    const api = ctx.api;
    // The mark is set around the call and then restored from locals (no closure per write).
    const to: C = {
      ...ctx,
      api: {
        create: (o, opts) => {
          const ns = this.currentNs;
          const name = this.currentName;
          this.mark(o.kind, o.metadata.namespace, o.metadata.name);
          try {
            return api.create(o, opts);
          } finally {
            this.currentNs = ns;
            this.currentName = name;
          }
        },
        update: (o) => {
          const ns = this.currentNs;
          const name = this.currentName;
          this.mark(o.kind, o.metadata.namespace, o.metadata.name);
          try {
            return api.update(o);
          } finally {
            this.currentNs = ns;
            this.currentName = name;
          }
        },
        updateStatus: (o) => {
          const ns = this.currentNs;
          const name = this.currentName;
          this.mark(o.kind, o.metadata.namespace, o.metadata.name);
          try {
            return api.updateStatus(o);
          } finally {
            this.currentNs = ns;
            this.currentName = name;
          }
        },
        delete: (kind, ns0, name0, opts) => {
          const ns = this.currentNs;
          const name = this.currentName;
          this.mark(kind, ns0, name0);
          try {
            return api.delete(kind, ns0, name0, opts);
          } finally {
            this.currentNs = ns;
            this.currentName = name;
          }
        },
      },
    };
    this.wrapped = { from: ctx, to };
    return to;
  }
}

/**
 * The labels of a Service's slices. They depend on the Service object alone, so they are built
 * once per Service object and shared by every slice written for it (stored objects are never
 * modified, so sharing is safe; the stored slices hold them anyway).
 */
export function sliceLabels(svc: Service): Record<string, string> {
  let labels = sliceLabelCache.get(svc);
  if (!labels) {
    labels = derivedLabels(svc, { [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY]: SLICE_CONTROLLER });
    sliceLabelCache.set(svc, labels);
  }
  return labels;
}
const sliceLabelCache = new WeakMap<Service, Record<string, string>>();

/** Make the Service's slices match its Pods; returns whether they are in sync afterwards. */
export function reconcileEndpointSlices(
  key: string,
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock' | 'rng'>,
  index?: EndpointsIndex,
): boolean {
  // Through the index: the Service as its last watch event showed it (the store's object).
  const entry = index?.services.entry(key);
  let ns: string;
  let name: string;
  let svc: Service | undefined;
  if (entry !== undefined) {
    ns = entry.ns;
    name = entry.name;
    svc = entry.svc;
  } else {
    [ns, name] = splitKey(key);
    svc = index ? undefined : (ctx.store.get('Service', ns, name) as Service | undefined);
  }
  let existing: EndpointSlice[];
  if (entry !== undefined && index !== undefined) {
    let own = entry.ownSlices;
    if (own === undefined || own.size === 0) {
      own = index.slices.slices(ns, name, SLICE_CONTROLLER);
      entry.ownSlices = own;
    }
    existing = sortedSlices(own);
  } else existing = slicesOf(ctx.store, ns, name, SLICE_CONTROLLER, index);
  if (!svc || !hasSelector(svc)) {
    // Service gone (the garbage collector would also remove them via ownerReferences) or no longer selects.
    for (const s of existing) ctx.api.delete('EndpointSlice', ns, s.metadata.name);
    return false;
  }
  let want: SliceContent[];
  let labels: Record<string, string>;
  if (entry !== undefined && index !== undefined) {
    entry.sliceLabels ??= sliceLabels(svc);
    labels = entry.sliceLabels;
    entry.numeric ??= numericTargetPorts(svc);
    if (entry.numeric) {
      entry.slicePorts ??= slicePorts(svc, undefined);
      const recs = index.pods.selectedRecs(ns, svc.spec.selector, entry);
      entry.publish ??= svc.spec.publishNotReadyAddresses === true;
      const got = recSlices(svc, entry.publish, recs, entry.slicePorts, existing, labels);
      if (got === IN_SYNC) return true;
      want = got;
    } else want = withSelectedPods(ctx.store, svc, index, (pods) => desiredSlices(svc, pods, existing));
  } else {
    labels = sliceLabels(svc);
    want = withSelectedPods(ctx.store, svc, index, (pods) => desiredSlices(svc, pods, existing));
  }
  const owner = svc;
  const ownerReferences = () => [
    {
      apiVersion: 'v1',
      kind: 'Service',
      name: owner.metadata.name,
      uid: owner.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
  return syncSlices(ctx, ns, name, existing, want, { labels, ownerReferences });
}

/**
 * desiredSlices for numeric target ports from the index's records: each Pod's endpoint is the
 * one built at its last change (PodRec) while it still reads the same, `ports` are the Service's.
 * IN_SYNC, before anything is built, when the one stored slice provably holds exactly that (the
 * same endpoint objects in order, the same ports and labels): syncSlices would write nothing.
 */
function recSlices(
  svc: Service,
  publish: boolean,
  recs: readonly PodRec[],
  ports: EndpointPort[],
  existing: readonly EndpointSlice[],
  labels: Record<string, string>,
): SliceContent[] | typeof IN_SYNC {
  const endpoints = scratchEndpoints;
  const listed = scratchRecs;
  try {
    // The records' facts (read when each Pod was filed) decide; the Pods are not read here.
    // shouldPodBeInEndpoints with terminating Pods included: an IP, not terminal.
    for (let i = 0; i < recs.length; i++) {
      const rec = recs[i] as PodRec;
      if (rec.ip && !rec.terminal) listed.push(rec);
    }
    // Sorted by the records' IP: what byAddress compares on the endpoints built from them.
    sortSmall(listed, recByAddress);
    for (let i = 0; i < listed.length; i++) endpoints.push(recEndpoint(listed[i] as PodRec, svc, publish));
    const cur = existing.length === 1 ? (existing[0] as EndpointSlice) : undefined;
    const sameLabels =
      cur !== undefined && (cur.metadata.labels === labels || sameJSON(cur.metadata.labels ?? {}, labels));
    if (endpoints.length === 0) {
      if (sameLabels && cur?.endpoints === null && cur.ports === null) return IN_SYNC;
      return [{ ports: null, endpoints: null }]; // placeholder slice
    }
    if (
      sameLabels &&
      endpoints.length <= MAX_ENDPOINTS_PER_SLICE &&
      cur?.ports === ports &&
      sameItems(cur.endpoints, endpoints)
    ) {
      return IN_SYNC;
    }
    const out: SliceContent[] = [];
    chunk(ports, endpoints, out, true); // sorted already: sorting again keeps the order
    return out;
  } finally {
    endpoints.length = 0;
    listed.length = 0;
  }
}
const IN_SYNC = 0;
const scratchRecs: PodRec[] = [];
const recByAddress = (a: PodRec, b: PodRec): number => ((a.ip as string) < (b.ip as string) ? -1 : 1);

/** `list` holds exactly `items`: identical objects in the same order. */
function sameItems<T>(list: readonly T[] | null, items: readonly T[]): boolean {
  if (list === null || list.length !== items.length) return false;
  for (let i = 0; i < items.length; i++) if (list[i] !== items[i]) return false;
  return true;
}

/**
 * The slice endpoint for the Pod of `rec`: the one built at its last change when the Pod still
 * shows the same IP, conditions, node and uid (one with a hostname for this Service: a new one).
 */
function recEndpoint(rec: PodRec, svc: Service, publish: boolean): EndpointSliceEndpoint {
  if (rec.hostname && rec.subdomain === svc.metadata.name) return sliceEndpoint(rec.pod, svc, undefined);
  // utils.go podToEndpoint, as sliceEndpoint computes it from the Pod.
  const terminating = rec.terminating;
  const cond = conditions(publish || (rec.ready && !terminating), publish || rec.ready, terminating);
  // rec.ep is dropped when the Pod's IP, node, uid, readiness or termination changes (PodRec.set).
  if (rec.ep !== undefined && rec.epConditions === cond) return rec.ep;
  const ep = sliceEndpoint(rec.pod, svc, undefined, recTargetRef(rec));
  rec.ep = ep;
  rec.epConditions = cond;
  return ep;
}

export function endpointSliceKeysFor(
  store: StoreReader,
  ev: WatchEvent,
  index?: EndpointsIndex,
): readonly string[] {
  const o = ev.object;
  const ns = o.metadata.namespace ?? 'default';
  if (ev.kind === 'Service') return [`${ns}/${o.metadata.name}`];
  if (ev.kind === 'Pod') return podServiceKeys(store, ev, index);
  if (ev.kind === 'EndpointSlice') {
    const svcName = managedSliceService(o);
    if (svcName) return [`${ns}/${svcName}`];
  }
  return NO_KEYS;
}

/** The answer for events that queue nothing (this controller's own slice writes): shared, never modified. */
const NO_KEYS: string[] = [];

/** The Service a slice managed by this controller belongs to. */
function managedSliceService(o: K8sObject | undefined): string | undefined {
  const l = o?.metadata.labels;
  const svcName = l?.[SERVICE_NAME_LABEL];
  return svcName && l[MANAGED_BY] === SLICE_CONTROLLER ? svcName : undefined;
}

export function createEndpointSliceController(store: StoreReader, index?: EndpointsIndex): Controller {
  const own = new OwnSliceWrites();
  // Services whose slices were in sync at their last reconcile; an event that can change their
  // desired slices, or someone else's write to one of them, removes the key. A reconcile of a
  // key still here would compute the same slices and write nothing, so it returns at once.
  const clean = new Set<string>();
  return {
    name: 'endpointslice-controller',
    watches: ['Service', 'Pod', 'EndpointSlice'],
    keysFor: (ev) => {
      if (own.isOwn(ev)) return NO_KEYS;
      const keys = endpointSliceKeysFor(store, ev, index);
      if (keys.length && eventChangesDesired(ev))
        for (let i = 0; i < keys.length; i++) clean.delete(keys[i] as string);
      // A slice relabelled away from its Service is not queued for it (as before), but that
      // Service's next reconcile must look again.
      const was = ev.kind === 'EndpointSlice' ? managedSliceService(ev.old) : undefined;
      if (was) clean.delete(`${ev.object.metadata.namespace ?? 'default'}/${was}`);
      return keys as string[];
    },
    reconcile: (key, ctx) => {
      if (clean.has(key)) return;
      if (reconcileEndpointSlices(key, own.wrap(ctx), index)) clean.add(key);
      else clean.delete(key);
    },
  };
}
