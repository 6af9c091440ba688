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
  Labels,
  ObjectReference,
  Pod,
  Service,
  ServicePort,
} from '../api/types';
import type { Controller, ControllerContext, StoreReader, WatchEvent } from '../runtime/interfaces';
import type { EndpointsIndex } from './endpoints-index';
import { isPodAddress, PreviousEntries } from './endpoints-reuse';
import {
  derivedLabels,
  findNumericPort,
  findPort,
  hasSelector,
  isPodReady,
  numericTargetPorts,
  podCanBeListed,
  podEndpointsChanged,
  rfc3339,
  SKIP_MIRROR,
  sameJSON,
  sameLabelSet,
  selectedPods,
  serviceKeysForPod,
  shouldPodBeInEndpoints,
  sortSmall,
  splitKey,
  truncated,
  withTriggerTime,
} from './endpoints-util';

/**
 * The address the controller lists for `pod`: the one it wrote last time when that is exactly
 * what would be built now (see ./endpoints-reuse), else a new one.
 */
function endpointAddress(
  pod: Pod,
  svc: Service,
  prev: PreviousEntries<EndpointAddress> | undefined,
): EndpointAddress {
  // Hostname only when the Pod opted in with hostname + subdomain = this Service (endpoints_controller.go).
  const hostname =
    pod.spec.hostname && pod.spec.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
  const nodeName = pod.spec.nodeName || undefined;
  const ip = pod.status.podIP as string;
  const last = prev?.get(ip);
  if (last && isPodAddress(last, pod, hostname, nodeName)) return last;
  const addr: EndpointAddress = { ip };
  if (hostname) addr.hostname = hostname;
  if (nodeName) addr.nodeName = nodeName;
  addr.targetRef = podTargetRef(pod);
  return addr;
}

const addressIP = (a: EndpointAddress): string | undefined => a.ip;

/** The targetRef both Endpoints addresses and EndpointSlice endpoints carry for their Pod. */
export function podTargetRef(pod: Pod): ObjectReference {
  return {
    kind: 'Pod',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    uid: pod.metadata.uid,
  };
}

const byIP = (a: EndpointAddress, b: EndpointAddress): number =>
  a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : (a.targetRef?.uid ?? '') < (b.targetRef?.uid ?? '') ? -1 : 1;

const portKey = (p: EndpointPort): string => `${p.name ?? ''}/${p.port}/${p.protocol}`;

/**
 * A Pod's resolved ports (and their grouping key) for a Service, shared by the Endpoints and
 * EndpointSlice controllers. Numeric target ports resolve the same for every Pod, so then the
 * first answer (the first that is not undefined, i.e. not skipped) is reused for all.
 */
export function perPodPorts<R>(svc: Service, resolve: (pod: Pod) => R): (pod: Pod) => R {
  if (!numericTargetPorts(svc)) return resolve;
  let fixed: R | undefined;
  return (pod) => {
    if (fixed !== undefined) return fixed;
    const r = resolve(pod);
    fixed = r;
    return r;
  };
}

/** The subset ports for `pod`, sorted; undefined when the Pod has none of the Service's ports. */
function subsetPorts(svc: Service, pod: Pod | undefined): EndpointPort[] | undefined {
  const ports: EndpointPort[] = [];
  const specPorts = svc.spec.ports ?? [];
  for (let i = 0; i < specPorts.length; i++) {
    const sp = specPorts[i] as ServicePort;
    const port = pod ? findPort(pod, sp) : (findNumericPort(sp) as number);
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
 * at most one subset (no grouping by port set).
 */
function oneSubset(
  svc: Service,
  pods: readonly Pod[],
  publishNotReady: boolean,
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
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i] as Pod;
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    if (publishNotReady || isPodReady(pod)) ready[nReady++] = endpointAddress(pod, svc, prev);
    else notReady[nNotReady++] = endpointAddress(pod, svc, prev);
  }
  if (nReady === 0 && nNotReady === 0) return [];
  const ports = subsetPorts(svc, undefined) as EndpointPort[];
  const s: EndpointSubset = {};
  if (nReady) s.addresses = sortSmall(truncated(ready, nReady), byIP).slice();
  if (nNotReady) s.notReadyAddresses = sortSmall(truncated(notReady, nNotReady), byIP).slice();
  if (ports.length) s.ports = ports;
  return [s];
}
const scratchReady: EndpointAddress[] = [];
const scratchNotReady: EndpointAddress[] = [];
const scratchPods: Pod[] = [];

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
  if (!previous?.length) return subsetsFor(svc, pods, undefined);
  const prev = previousAddresses;
  try {
    for (let i = 0; i < previous.length; i++) {
      const s = previous[i] as EndpointSubset;
      prev.add(s.addresses);
      prev.add(s.notReadyAddresses);
    }
    return subsetsFor(svc, pods, prev);
  } finally {
    prev.clear();
  }
}
const previousAddresses = new PreviousEntries(addressIP);

function subsetsFor(
  svc: Service,
  pods: readonly Pod[],
  prev: PreviousEntries<EndpointAddress> | undefined,
): EndpointSubset[] {
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  if (numericTargetPorts(svc)) return oneSubset(svc, pods, publishNotReady, prev);
  const groups = new Map<
    string,
    { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >();
  const portsFor = perPodPorts(svc, (pod) => {
    const ports = subsetPorts(svc, pod);
    return ports && { ports, key: ports.map(portKey).join(',') };
  });
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const resolved = portsFor(pod);
    if (!resolved) continue;
    const { ports, key } = resolved;
    let g = groups.get(key);
    if (!g) {
      g = { ports, ready: [], notReady: [] };
      groups.set(key, g);
    }
    (publishNotReady || isPodReady(pod) ? g.ready : g.notReady).push(endpointAddress(pod, svc, prev));
  }
  const subsets: EndpointSubset[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key);
    if (!g) continue;
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = sortSmall(g.ready, byIP);
    if (g.notReady.length) s.notReadyAddresses = sortSmall(g.notReady, byIP);
    if (g.ports.length) s.ports = g.ports;
    subsets.push(s);
  }
  return subsets;
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

/** The desired Endpoints object (without server-set metadata) for a selector Service. */
export function desiredEndpoints(
  svc: Service,
  store: StoreReader,
  index?: EndpointsIndex,
  previous?: readonly EndpointSubset[],
): { labels: Record<string, string>; subsets: EndpointSubset[] } {
  if (!hasSelector(svc)) return { labels: {}, subsets: [] };
  return {
    labels: endpointsLabels(svc),
    subsets: computeSubsets(svc, scratchSelectedPods(store, svc, index), previous),
  };
}

/**
 * Make the Service's Endpoints match its Pods. Returns the stored Endpoints when they are in
 * sync afterwards (nothing to write, or the write went through), else undefined.
 */
export function reconcileEndpoints(
  key: string,
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock'>,
  index?: EndpointsIndex,
): Endpoints | undefined {
  const [ns, name] = splitKey(key);
  const svc = ctx.store.get('Service', ns, name) as Service | undefined;
  const existing = ctx.store.get('Endpoints', ns, name) as Endpoints | undefined;
  if (!svc) {
    // The Service is gone: its Endpoints go too, even a user-written one (§C5).
    if (existing) ctx.api.delete('Endpoints', ns, name);
    return undefined;
  }
  if (!hasSelector(svc)) return undefined; // selectorless (user-managed Endpoints) and ExternalName
  const want = desiredEndpoints(svc, ctx.store, index, existing?.subsets);
  if (
    existing &&
    sameJSON(existing.subsets ?? [], want.subsets) &&
    sameJSON(existing.metadata.labels ?? {}, want.labels)
  ) {
    return existing;
  }
  const annotations = withTriggerTime(existing?.metadata.annotations, rfc3339(ctx.clock.now()));
  let written: boolean;
  if (existing) {
    const next: Endpoints = {
      ...existing,
      metadata: { ...existing.metadata, labels: want.labels, annotations },
    };
    if (want.subsets.length) next.subsets = want.subsets;
    else delete next.subsets;
    written = ctx.api.update(next).ok;
  } else {
    const obj = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels: want.labels, annotations },
      ...(want.subsets.length ? { subsets: want.subsets } : {}),
    } as unknown as Endpoints;
    written = ctx.api.create(obj).ok;
  }
  return written ? (ctx.store.get('Endpoints', ns, name) as Endpoints | undefined) : undefined;
}

export function endpointsKeysFor(
  store: StoreReader,
  ev: WatchEvent,
  index?: EndpointsIndex,
): readonly string[] {
  const o: K8sObject = ev.view;
  const ns = o.metadata.namespace ?? 'default';
  if (ev.kind === 'Service') return [`${ns}/${o.metadata.name}`];
  // Like onEndpointsDelete: only a deletion re-syncs (so a managed object comes back). A user
  // writing Endpoints before its Service exists is left alone until that Service is deleted.
  if (ev.kind === 'Endpoints') return ev.type === 'DELETED' ? [`${ns}/${o.metadata.name}`] : NO_KEYS;
  if (ev.kind === 'Pod') return podServiceKeys(store, ev, index);
  return NO_KEYS;
}

const NO_KEYS: readonly string[] = []; // shared: never modified (not frozen: the workqueue iterates it)

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
    memo = { ev: undefined, keys: NO_KEYS };
    memos.set(store, memo);
  } else if (ev === memo.ev) return memo.keys;
  let keys = NO_KEYS;
  if (!(ev.type === 'MODIFIED' && ev.oldView && !podEndpointsChanged(ev.oldView as Pod, ev.view as Pod))) {
    const pod = ev.view;
    const old = ev.oldView;
    if (index) {
      const labels = pod.metadata.labels;
      const oldLabels = old?.metadata.labels;
      const both = oldLabels !== undefined && !sameLabelSet(oldLabels, labels ?? {});
      keys = index.services.keysMatching(
        pod.metadata.namespace ?? 'default',
        labels,
        both ? oldLabels : undefined,
      );
    } else keys = serviceKeysForPod(store, pod, old);
  }
  memo.ev = ev;
  memo.keys = keys;
  return keys;
}
/**
 * The last answer per store (weakly held: a module-level memo of the event and store kept the
 * whole previous cluster alive after the page or a test built a new one).
 */
const memos = new WeakMap<StoreReader, { ev: WatchEvent | undefined; keys: readonly string[] }>();

/**
 * Whether a watch event the controllers were given keys for can change a Service's desired
 * endpoints: a Pod event where neither the old nor the new Pod can be listed (no IP yet, or
 * terminal) cannot. The workqueue still gets the key (so the order of reconciles is unchanged);
 * the reconcile then sees that nothing it computes from has moved since its last sync.
 */
export function eventChangesDesired(ev: WatchEvent): boolean {
  if (ev.kind !== 'Pod') return true;
  return podCanBeListed(ev.view as Pod) || podCanBeListed(ev.oldView as Pod | undefined);
}

export function createEndpointsController(store: StoreReader, index?: EndpointsIndex): Controller {
  // Services whose Endpoints were in sync with their desired state at their last reconcile, with
  // the stored object then; an event that can change the desired state removes the entry. A
  // reconcile whose entry is present and still the stored object (a user's edit replaces it,
  // and is undone by the next reconcile, as before) would compute the same subsets and write
  // nothing, so it returns at once.
  const clean = new Map<string, Endpoints>();
  return {
    name: 'endpoints-controller',
    watches: ['Service', 'Pod', 'Endpoints'],
    keysFor: (ev) => {
      const keys = endpointsKeysFor(store, ev, index);
      if (keys.length && eventChangesDesired(ev))
        for (let i = 0; i < keys.length; i++) clean.delete(keys[i] as string);
      return keys as string[];
    },
    reconcile: (key, ctx) => {
      const was = clean.get(key);
      if (was && ctx.store.get('Endpoints', was.metadata.namespace, was.metadata.name) === was) return;
      const synced = reconcileEndpoints(key, ctx, index);
      if (synced) clean.set(key, synced);
      else clean.delete(key);
    },
  };
}
