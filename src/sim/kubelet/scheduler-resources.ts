// What a Pod asks of a Node and what a Node offers, as kube-scheduler 1.34 counts them (bound late
// with ./scheduler-full):
// - resource.PodRequests (k8s.io/component-helpers/resource/helpers.go): the containers' requests
//   summed; each regular init container's, plus the sidecars (restartPolicy Always) started before
//   it, is a floor (max); sidecars add to the sum; pod-level spec.resources.requests (PodLevelResources,
//   beta and on in 1.34) replace the cpu/memory aggregate; spec.overhead is added.
// - NonMissingContainerRequests (pkg/scheduler/util/pod_resources.go DefaultMilliCPURequest 100m,
//   DefaultMemoryRequest 200Mi): for scoring, a container without a cpu (memory) request counts as
//   asking for 100m (200Mi); NodeInfo.NonZeroRequested sums those. A request that is present, even
//   "0", is kept.
// - Quantities: MilliValue/Value round up (resource.Quantity), so 1.5m cpu is 2m.

import type { Node, Pod } from '../api/types';
import { quantityNano } from '../apiserver/qos';

// biome-ignore lint/suspicious/noExplicitAny: the Pod spec is loosely typed decoded JSON.
type Any = any;

/** Requests in the scheduler's units: cpu in millicores, memory and ephemeral-storage in bytes. */
export interface Req {
  cpu: number;
  mem: number;
  eph: number;
}

export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

const NANO_PER_MILLI = 1_000_000n;
const NANO_PER_UNIT = 1_000_000_000n;

function ceilDiv(n: bigint, d: bigint): number {
  if (n <= 0n) return Number(n / d);
  return Number((n + d - 1n) / d);
}

/** Quantity.MilliValue (rounded up); 0 for a value that is not a quantity. */
export const milli = (v: unknown): number => {
  const n = quantityNano(v);
  return n === undefined ? 0 : ceilDiv(n, NANO_PER_MILLI);
};

/** Quantity.Value (rounded up); 0 for a value that is not a quantity. */
export const units = (v: unknown): number => {
  const n = quantityNano(v);
  return n === undefined ? 0 : ceilDiv(n, NANO_PER_UNIT);
};

const has = (o: Any, k: string): boolean => o !== null && typeof o === 'object' && Object.hasOwn(o, k);

/** One container's requests; with `nonZero`, the scheduler's defaults for absent cpu/memory. */
function containerReq(c: Any, nonZero: boolean): Req {
  const r = c?.resources?.requests;
  return {
    cpu: has(r, 'cpu') ? milli(r.cpu) : nonZero ? DEFAULT_MILLI_CPU : 0,
    mem: has(r, 'memory') ? units(r.memory) : nonZero ? DEFAULT_MEMORY : 0,
    eph: has(r, 'ephemeral-storage') ? units(r['ephemeral-storage']) : 0,
  };
}

/** resource.PodRequests over a Pod spec. */
export function podRequests(spec: Any, nonZero: boolean): Req {
  const out: Req = { cpu: 0, mem: 0, eph: 0 };
  const cs = spec?.containers;
  if (cs)
    for (const c of cs) {
      // containerReq's sums, without its object per container.
      const r = c?.resources?.requests;
      out.cpu += has(r, 'cpu') ? milli(r.cpu) : nonZero ? DEFAULT_MILLI_CPU : 0;
      out.mem += has(r, 'memory') ? units(r.memory) : nonZero ? DEFAULT_MEMORY : 0;
      out.eph += has(r, 'ephemeral-storage') ? units(r['ephemeral-storage']) : 0;
    }
  const inits = spec?.initContainers;
  if (inits) initFloor(out, inits, nonZero);
  else {
    // No init container: the floor is 0 (what initFloor would leave).
    out.cpu = Math.max(out.cpu, 0);
    out.mem = Math.max(out.mem, 0);
    out.eph = Math.max(out.eph, 0);
  }
  const pod = spec?.resources?.requests;
  if (has(pod, 'cpu')) out.cpu = milli(pod.cpu);
  if (has(pod, 'memory')) out.mem = units(pod.memory);
  const oh = spec?.overhead;
  if (has(oh, 'cpu')) out.cpu += milli(oh.cpu);
  if (has(oh, 'memory')) out.mem += units(oh.memory);
  if (has(oh, 'ephemeral-storage')) out.eph += units(oh['ephemeral-storage']);
  return out;
}

/** The init containers' part of podRequests: sidecars added to `out`, then each one's floor. */
function initFloor(out: Req, inits: Iterable<Any>, nonZero: boolean): void {
  const sidecars: Req = { cpu: 0, mem: 0, eph: 0 };
  const initMax: Req = { cpu: 0, mem: 0, eph: 0 };
  for (const c of inits) {
    const r = containerReq(c, nonZero);
    let floor: Req;
    if (c?.restartPolicy === 'Always') {
      out.cpu += r.cpu;
      out.mem += r.mem;
      out.eph += r.eph;
      sidecars.cpu += r.cpu;
      sidecars.mem += r.mem;
      sidecars.eph += r.eph;
      floor = sidecars;
    } else floor = { cpu: r.cpu + sidecars.cpu, mem: r.mem + sidecars.mem, eph: r.eph + sidecars.eph };
    initMax.cpu = Math.max(initMax.cpu, floor.cpu);
    initMax.mem = Math.max(initMax.mem, floor.mem);
    initMax.eph = Math.max(initMax.eph, floor.eph);
  }
  out.cpu = Math.max(out.cpu, initMax.cpu);
  out.mem = Math.max(out.mem, initMax.mem);
  out.eph = Math.max(out.eph, initMax.eph);
}

/** The kubelet's default --max-pods, used when a Node does not state status.allocatable.pods. */
const DEFAULT_MAX_PODS = 110;

/** NodeInfo.Allocatable: what status.allocatable offers (pods as the boot scheduler reads it). */
export interface Allocatable extends Req {
  pods: number;
}

/** Parsed once per Node object (objects in the store are immutable snapshots). */
const parsed = new WeakMap<Node, Allocatable>();

export function allocatable(n: Node): Allocatable {
  let out = parsed.get(n);
  if (out) return out;
  const a: Any = (n.status as Any)?.allocatable ?? {};
  const pods = Number(a.pods);
  out = {
    cpu: milli(a.cpu),
    mem: units(a.memory),
    eph: units(a['ephemeral-storage']),
    pods: Number.isFinite(pods) && pods > 0 ? pods : DEFAULT_MAX_PODS,
  };
  parsed.set(n, out);
  return out;
}

/** `protocol/hostIP/port` of every hostPort a Pod asks for; undefined for none. */
export function hostPortsOf(pod: Pod): string[] | undefined {
  let out: string[] | undefined;
  const containers = (pod.spec as Any).containers ?? [];
  for (let i = 0; i < containers.length; i++) {
    const ports: Any[] = containers[i]?.ports ?? [];
    for (let j = 0; j < ports.length; j++) {
      const p = ports[j];
      if (!p?.hostPort) continue;
      out ??= [];
      out.push(`${p.protocol || 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`);
    }
  }
  return out;
}

/**
 * HostPortInfo.CheckConflict (pkg/scheduler/framework/types.go): the same protocol and port
 * conflict when either side binds 0.0.0.0 or both bind the same IP.
 */
export function portsConflict(want: readonly string[], used: readonly string[]): boolean {
  for (const w of want) {
    const [wp, wip, wport] = w.split('/');
    for (const u of used) {
      const [up, uip, uport] = u.split('/');
      if (wp !== up || wport !== uport) continue;
      if (wip === '0.0.0.0' || uip === '0.0.0.0' || wip === uip) return true;
    }
  }
  return false;
}
