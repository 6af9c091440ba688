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
  ObjectReference,
  Pod,
  Service,
} from '../api/types';
import type { Controller, ControllerContext, StoreReader, WatchEvent } from '../runtime/interfaces';
import type { EndpointsIndex } from './endpoints-index';
import {
  derivedLabels,
  findPort,
  hasSelector,
  isPodReady,
  numericTargetPorts,
  podEndpointsChanged,
  rfc3339,
  SKIP_MIRROR,
  sameJSON,
  selectedPods,
  serviceKeysForPod,
  shouldPodBeInEndpoints,
  splitKey,
  TRIGGER_TIME,
} from './endpoints-util';

function endpointAddress(pod: Pod, svc: Service): EndpointAddress {
  const addr: EndpointAddress = { ip: pod.status.podIP as string };
  // Hostname only when the Pod opted in with hostname + subdomain = this Service (endpoints_controller.go).
  if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name) addr.hostname = pod.spec.hostname;
  if (pod.spec.nodeName) addr.nodeName = pod.spec.nodeName;
  addr.targetRef = podTargetRef(pod);
  return addr;
}

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

/**
 * The subsets the controller would write for `svc` given the candidate Pods (already selected).
 * Like endpoints.RepackSubsets: addresses with the same port set share one subset.
 */
export function computeSubsets(svc: Service, pods: Iterable<Pod>): EndpointSubset[] {
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const groups = new Map<
    string,
    { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >();
  const portsFor = perPodPorts(svc, (pod) => {
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue; // named port missing on this Pod: left out for this port
      const ep: EndpointPort = { port, protocol: sp.protocol };
      if (sp.name) ep.name = sp.name;
      ports.push(ep);
    }
    // Headless Services without ports still list addresses (subset with no ports).
    if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) return undefined;
    ports.sort((a, b) => (portKey(a) < portKey(b) ? -1 : 1));
    return { ports, key: ports.map(portKey).join(',') };
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
    (publishNotReady || isPodReady(pod) ? g.ready : g.notReady).push(endpointAddress(pod, svc));
  }
  const subsets: EndpointSubset[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key);
    if (!g) continue;
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = g.ready.sort(byIP);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIP);
    if (g.ports.length) s.ports = g.ports;
    subsets.push(s);
  }
  return subsets;
}

/** The desired Endpoints object (without server-set metadata) for a selector Service. */
export function desiredEndpoints(
  svc: Service,
  store: StoreReader,
  index?: EndpointsIndex,
): { labels: Record<string, string>; subsets: EndpointSubset[] } {
  if (!hasSelector(svc)) return { labels: {}, subsets: [] };
  return {
    labels: derivedLabels(svc, { [SKIP_MIRROR]: 'true' }),
    subsets: computeSubsets(svc, selectedPods(store, svc, index?.pods)),
  };
}

export function reconcileEndpoints(
  key: string,
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock'>,
  index?: EndpointsIndex,
): void {
  const [ns, name] = splitKey(key);
  const svc = ctx.store.get('Service', ns, name) as Service | undefined;
  const existing = ctx.store.get('Endpoints', ns, name) as Endpoints | undefined;
  if (!svc) {
    // The Service is gone: its Endpoints go too, even a user-written one (§C5).
    if (existing) ctx.api.delete('Endpoints', ns, name);
    return;
  }
  if (!hasSelector(svc)) return; // selectorless (user-managed Endpoints) and ExternalName
  const want = desiredEndpoints(svc, ctx.store, index);
  if (
    existing &&
    sameJSON(existing.subsets ?? [], want.subsets) &&
    sameJSON(existing.metadata.labels ?? {}, want.labels)
  ) {
    return;
  }
  const annotations = { ...(existing?.metadata.annotations ?? {}), [TRIGGER_TIME]: rfc3339(ctx.clock.now()) };
  if (existing) {
    const next: Endpoints = {
      ...existing,
      metadata: { ...existing.metadata, labels: want.labels, annotations },
    };
    if (want.subsets.length) next.subsets = want.subsets;
    else delete next.subsets;
    ctx.api.update(next);
  } else {
    const obj = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels: want.labels, annotations },
      ...(want.subsets.length ? { subsets: want.subsets } : {}),
    } as unknown as Endpoints;
    ctx.api.create(obj);
  }
}

export function endpointsKeysFor(store: StoreReader, ev: WatchEvent, index?: EndpointsIndex): string[] {
  const o: K8sObject = ev.object;
  const ns = o.metadata.namespace ?? 'default';
  if (ev.kind === 'Service') return [`${ns}/${o.metadata.name}`];
  // Like onEndpointsDelete: only a deletion re-syncs (so a managed object comes back). A user
  // writing Endpoints before its Service exists is left alone until that Service is deleted.
  if (ev.kind === 'Endpoints') return ev.type === 'DELETED' ? [`${ns}/${o.metadata.name}`] : [];
  if (ev.kind === 'Pod') return podServiceKeys(store, ev, index);
  return [];
}

/** The Services a Pod event concerns: none when the update changed nothing the controllers read. */
export function podServiceKeys(store: StoreReader, ev: WatchEvent, index?: EndpointsIndex): string[] {
  // The Endpoints and EndpointSlice controllers ask in turn about the same event: answer once.
  if (ev === lastPodEvent.ev && store === lastPodEvent.store && index === lastPodEvent.index) {
    return [...lastPodEvent.keys];
  }
  let keys: string[] = [];
  if (!(ev.type === 'MODIFIED' && ev.old && !podEndpointsChanged(ev.old as Pod, ev.object as Pod))) {
    keys = serviceKeysForPod(store, ev.object, ev.old, index?.services);
  }
  lastPodEvent = { ev, store, index, keys };
  return [...keys];
}
let lastPodEvent: {
  ev?: WatchEvent;
  store?: StoreReader;
  index?: EndpointsIndex | undefined;
  keys: string[];
} = {
  keys: [],
};

export function createEndpointsController(store: StoreReader, index?: EndpointsIndex): Controller {
  return {
    name: 'endpoints-controller',
    watches: ['Service', 'Pod', 'Endpoints'],
    keysFor: (ev) => endpointsKeysFor(store, ev, index),
    reconcile: (key, ctx) => reconcileEndpoints(key, ctx, index),
  };
}
