// Every read of a Pod's fields by the Endpoints and EndpointSlice controllers, their indexes and
// their per-Service state, in one place: name, namespace, uid, labels, IP, phase, readiness,
// deletion, node, hostname/subdomain and container ports. Nothing else in those modules looks
// inside a Pod, so a Pod kept in another form (a compact store record) needs only these redirected.
// After k8s.io/kubernetes pkg/api/v1/pod (IsPodReady, FindPort) and pkg/controller/util/endpoint
// (ShouldPodBeInEndpoints).
import type { Labels, Pod, ServicePort } from '../api/types';
import type { WatchEvent } from '../runtime/interfaces';
import { isOwn } from '../runtime/own';

export const podName = (pod: Pod): string => pod.metadata.name;
export const podNamespace = (pod: Pod): string => pod.metadata.namespace ?? 'default';
/** podNamespace of a watch event's Pod, as the store read it (WatchEvent.namespace: no metadata load). */
export const eventPodNamespace = (ev: WatchEvent): string => ev.namespace ?? 'default';
export const podUid = (pod: Pod): string => pod.metadata.uid;
export const podLabels = (pod: Pod): Labels | undefined => pod.metadata.labels;
/** The Pod's IP; undefined (or '') before the sandbox has one. */
export const podIP = (pod: Pod): string | undefined => pod.status?.podIP;
/** The node the Pod is bound to; undefined before scheduling. */
export const podNodeName = (pod: Pod): string | undefined => pod.spec.nodeName || undefined;

/**
 * The hostname a Service lists for the Pod: only when the Pod opted in with hostname + subdomain =
 * that Service (endpoints_controller.go).
 */
export function podHostnameFor(pod: Pod, svcName: string): string | undefined {
  const h = pod.spec.hostname;
  return h && pod.spec.subdomain === svcName ? h : undefined;
}

export function isPodReady(pod: Pod): boolean {
  return readyIn(pod.status?.conditions);
}

function readyIn(conditions: Pod['status']['conditions']): boolean {
  if (!conditions) return false;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i] as NonNullable<typeof conditions>[number];
    if (c.type === 'Ready' && c.status === 'True') return true;
  }
  return false;
}

/**
 * readyIn of a stored version's conditions, remembered by the list's identity (stored objects are
 * never modified): for the Pod-event side, which reads an event's old and new list in turn. The
 * kubelet's lists are frozen and shared by the Pods it writes alike (8 lists for the ~6,000 reads
 * of a benchmark build at N = 200), and a frozen list's items are a generic keyed load each.
 * Two lists are kept, the last read first.
 */
export function storedReadyIn(conditions: Pod['status']['conditions']): boolean {
  if (conditions === lastConditions) return lastReady;
  const ready = conditions === otherConditions ? otherReady : readyIn(conditions);
  otherConditions = lastConditions;
  otherReady = lastReady;
  lastConditions = conditions;
  lastReady = ready;
  return ready;
}
/** isPodReady of a stored version (a watch event's view): storedReadyIn. */
export const storedPodReady = (pod: Pod): boolean => storedReadyIn(pod.status?.conditions);
let lastConditions: Pod['status']['conditions'] | null = null;
let lastReady = false;
let otherConditions: Pod['status']['conditions'] | null = null;
let otherReady = false;

export function isTerminal(pod: Pod): boolean {
  return terminalPhase(pod.status?.phase);
}

const terminalPhase = (phase: string | undefined): boolean => phase === 'Succeeded' || phase === 'Failed';

export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** ShouldPodBeInEndpoints: an IP, not terminal, and not terminating unless asked to include those. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!podIP(pod)) return false;
  if (isTerminal(pod)) return false;
  if (!includeTerminating && isTerminating(pod)) return false;
  return true;
}

/**
 * Whether the Pod can be listed by any Endpoints or EndpointSlice (ShouldPodBeInEndpoints with
 * terminating Pods included): a Pod event where neither the old nor the new Pod can be listed
 * leaves every Service's desired endpoints as they were.
 */
export function podCanBeListed(pod: Pod | undefined): boolean {
  return pod !== undefined && shouldPodBeInEndpoints(pod, true);
}

/** podutil.FindPort: numeric targetPort as is; a name is looked up in containers[].ports with the same protocol. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) {
      if (p.name === tp && (p.protocol ?? 'TCP') === sp.protocol) return p.containerPort;
    }
  }
  return undefined;
}

const NO_LABELS: Labels = Object.freeze({});

const containerPortsKey = (pod: Pod): string => JSON.stringify(pod.spec.containers.map((c) => c.ports ?? []));

/**
 * Whether a Pod update changes anything the Endpoints / EndpointSlice controllers read (like
 * endpointsutil.GetServicesToUpdateOnPodChange + podEndpointsChanged): labels, IP, phase being
 * terminal, readiness, being terminating, hostname/subdomain, node, uid, container ports. A
 * status update that only moves condition timestamps or container statuses enqueues nothing.
 */
export function podEndpointsChanged(oldPod: Pod, pod: Pod): boolean {
  // Updates replace only what they change, so a part that is the same object is unchanged.
  const ma = oldPod.metadata;
  const mb = pod.metadata;
  if (ma !== mb) {
    if (ma.uid !== mb.uid) return true;
    if (!sameLabelSet(ma.labels ?? NO_LABELS, mb.labels ?? NO_LABELS)) return true;
    if ((ma.deletionTimestamp !== undefined) !== (mb.deletionTimestamp !== undefined)) return true; // isTerminating
  }
  if (podStatusEndpointsChanged(oldPod.status, pod.status)) return true;
  const a = oldPod.spec;
  const b = pod.spec;
  if (a === b) return false;
  if (a.hostname !== b.hostname || a.subdomain !== b.subdomain || a.nodeName !== b.nodeName) return true;
  return a.containers !== b.containers && containerPortsKey(oldPod) !== containerPortsKey(pod);
}

/**
 * podEndpointsChanged's reading of the two statuses: IP, phase being terminal, readiness. For a
 * status-only write (WatchEvent.statusWrite: the metadata and spec are the previous version's own
 * objects) it is podEndpointsChanged's whole answer.
 */
export function podStatusEndpointsChanged(
  sa: Pod['status'] | undefined,
  sb: Pod['status'] | undefined,
): boolean {
  if (sa === sb) return false;
  if (sa?.podIP !== sb?.podIP) return true;
  if (terminalPhase(sa?.phase) !== terminalPhase(sb?.phase)) return true; // isTerminal
  const ca = sa?.conditions;
  const cb = sb?.conditions;
  return ca !== cb && storedReadyIn(ca) !== storedReadyIn(cb); // isPodReady
}

export function sameLabelSet(a: Labels, b: Labels): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (!isOwn(a, k)) continue;
    n++;
    if (a[k] !== b[k] || !Object.hasOwn(b, k)) return false;
  }
  for (const k in b) if (isOwn(b, k)) n--;
  return n === 0;
}
