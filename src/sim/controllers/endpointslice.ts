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
  scratchSelectedPods,
} from './endpoints';
import type { EndpointsIndex } from './endpoints-index';
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
  TRIGGER_TIME,
  truncated,
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
  ep.targetRef = podTargetRef(pod);
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
  // Collected in a scratch array (reused, see truncated) and copied out at its final size (a
  // growing array over-allocates).
  const endpoints = scratchEndpoints;
  let n = 0;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i] as Pod;
    if (shouldPodBeInEndpoints(pod, true)) endpoints[n++] = sliceEndpoint(pod, svc, prev);
  }
  if (n === 0) return [{ ports: null, endpoints: null }]; // placeholder slice
  const out: SliceContent[] = [];
  chunk(slicePorts(svc, undefined), truncated(endpoints, n), out, true);
  return out;
}
const scratchEndpoints: EndpointSliceEndpoint[] = [];

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
      annotations: { [TRIGGER_TIME]: rfc3339(ctx.clock.now()) },
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
        update: (o) => {
          // Inline (no closure per write): a slice update is this controller's most frequent write.
          if (o.kind !== 'EndpointSlice') return api.update(o);
          const beforeNs = this.currentNs;
          const beforeName = this.currentName;
          this.currentNs = o.metadata.namespace ?? 'default';
          this.currentName = o.metadata.name;
          try {
            return api.update(o);
          } finally {
            this.currentNs = beforeNs;
            this.currentName = beforeName;
          }
        },
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

export function sliceLabels(svc: Service): Record<string, string> {
  return sliceMeta(svc).labels;
}

/** Make the Service's slices match its Pods; returns whether they are in sync afterwards. */
export function reconcileEndpointSlices(
  key: string,
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock' | 'rng'>,
  index?: EndpointsIndex,
): boolean {
  const [ns, name] = splitKey(key);
  const svc = ctx.store.get('Service', ns, name) as Service | undefined;
  const existing = slicesOf(ctx.store, ns, name, SLICE_CONTROLLER, index);
  if (!svc || !hasSelector(svc)) {
    // Service gone (the garbage collector would also remove them via ownerReferences) or no longer selects.
    for (const s of existing) ctx.api.delete('EndpointSlice', ns, s.metadata.name);
    return false;
  }
  const want = desiredSlices(svc, scratchSelectedPods(ctx.store, svc, index), existing);
  return syncSlices(ctx, ns, name, existing, want, sliceMeta(svc));
}

export function endpointSliceKeysFor(
  store: StoreReader,
  ev: WatchEvent,
  index?: EndpointsIndex,
): readonly string[] {
  const o = ev.view;
  const ns = o.metadata.namespace ?? 'default';
  if (ev.kind === 'Service') return [`${ns}/${o.metadata.name}`];
  if (ev.kind === 'Pod') return podServiceKeys(store, ev, index);
  if (ev.kind === 'EndpointSlice') {
    const svcName = managedSliceService(o);
    if (svcName) return [`${ns}/${svcName}`];
  }
  return NO_KEYS;
}
/** No keys (shared, never modified: the answer for most events, and for this controller's own writes). */
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
