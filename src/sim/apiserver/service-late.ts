// The allocators of a server-side dry run, and the Service fields a type change drops: both only
// reached from kubectl's writes, so they are bound late (../late) and load with the kubectl chunk.
import type { K8sObject } from '../api/types';
import type { ApiError } from '../contract';
import type {
  AllocResult,
  ClusterIpAllocator,
  IpAllocator,
  NodePortAllocator,
  PortAllocator,
  PortResult,
} from './allocators';
import { internalError, invalid, invalidError } from './errors';
import {
  type Allocation,
  type AllocOutcome,
  allocClusterIP,
  initFamilies,
  releaseAllocation,
  type ServiceAllocators,
  type WriteAllocators,
} from './services';
import { clusterIPsErrors, ipFamilyErrors, normalizedIPs } from './validation-service-ips';

// biome-ignore lint/suspicious/noExplicitAny: Service spec is decoded JSON.
type Any = any;

/** Fresh dry-run allocators for one dry-run write (the port operation keeps what it took). */
export function dryRunAllocators(a: ServiceAllocators): WriteAllocators {
  return { ips: new DryRunIpAllocator(a.ips), ports: new DryRunPortOperation(a.ports) };
}

/**
 * The ClusterIP allocator of a dry-run write: it reserves nothing and draws no random number.
 * A dynamic allocation answers the range's network address without looking for a free one
 * ("Don't bother finding a free value. It's racy and not worth the effort to plumb any further"),
 * and a requested address is only checked against the range, not against the addresses in use.
 * [K8S pkg/registry/core/service/ipallocator/ipallocator.go allocateNextService / allocateService
 * with dryRun, reached through DryRun(); the legacy bitmap allocator answers the same]
 */
export class DryRunIpAllocator implements IpAllocator {
  constructor(private readonly real: ClusterIpAllocator) {}
  get cidr(): string {
    return this.real.cidr;
  }
  allocate(): AllocResult {
    return { ok: true, ip: this.real.network };
  }
  allocateSpecific(ipText: string): AllocResult {
    return this.real.inRange(ipText) ? { ok: true, ip: ipText } : { ok: false, reason: 'range' };
  }
  release(): void {}
}

/**
 * The NodePort side of one dry-run write (a PortAllocationOperation started with dryRun): a
 * requested port fails only if it is in use or already taken by this write (its range is not
 * checked), and a dynamic one is a dummy: one above the highest port this write took, or 32769
 * for the first. Nothing is reserved. [K8S pkg/registry/core/service/portallocator/operation.go]
 */
export class DryRunPortOperation implements PortAllocator {
  private readonly allocated: number[] = [];
  constructor(private readonly real: NodePortAllocator) {}
  get min(): number {
    return this.real.min;
  }
  get max(): number {
    return this.real.max;
  }
  allocate(): PortResult {
    // operation.go starts from 32768 and its search loop (`port < 100`) never runs.
    const last = this.allocated.length === 0 ? 32768 : Math.max(...this.allocated);
    this.allocated.push(last + 1);
    return { ok: true, port: last + 1 };
  }
  allocateSpecific(port: number): PortResult {
    if (this.real.has(port) || this.allocated.includes(port)) return { ok: false, reason: 'allocated' };
    this.allocated.push(port);
    return { ok: true, port };
  }
  release(): void {}
}

function externallyAccessible(spec: Any): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  );
}

const nodePortsOf = (spec: Any): unknown[] =>
  (Array.isArray(spec.ports) ? spec.ports : []).map((p: Any) => p?.nodePort).filter(Boolean);

/** sameNodePorts: ports may be added, removed or changed as long as no new nodePort appears. */
function sameNodePorts(o: Any, n: Any): boolean {
  const had = nodePortsOf(o);
  return nodePortsOf(n).every((x) => had.includes(x));
}

/**
 * On update, the fields the old type needed and the new one does not are wiped when the user left
 * them as they were (they may have been filled in automatically): a NodePort Service changed to
 * ClusterIP loses its nodePorts and externalTrafficPolicy instead of failing validation, and the
 * load-balancer status goes with the LoadBalancer type. `obj` is the update's own copy (top level,
 * spec and status are replaced, never mutated). Run on every update, after the allocation and
 * before validation. [K8S pkg/registry/core/service/strategy.go dropTypeDependentFields, from
 * PrepareForUpdate (1.34 source)]
 */
export function dropTypeDependentFields(obj: Any, old: K8sObject): void {
  const n: Any = obj.spec;
  const o: Any = old.spec;
  if (!n || !o) return;
  let spec: Any | undefined;
  const edit = (): Any => {
    spec ??= { ...n };
    return spec;
  };
  if (o.type !== 'ExternalName' && n.type === 'ExternalName') {
    const sameIPs =
      n.clusterIP === o.clusterIP && JSON.stringify(n.clusterIPs) === JSON.stringify(o.clusterIPs);
    if (sameIPs) {
      delete edit().clusterIP;
      delete edit().clusterIPs;
    }
    if (JSON.stringify(n.ipFamilies) === JSON.stringify(o.ipFamilies)) delete edit().ipFamilies;
    if (n.ipFamilyPolicy === o.ipFamilyPolicy) delete edit().ipFamilyPolicy;
  }
  const needsNodePort = (s: Any) => s.type === 'NodePort' || s.type === 'LoadBalancer';
  if (needsNodePort(o) && !needsNodePort(n) && sameNodePorts(o, n) && Array.isArray(n.ports)) {
    edit().ports = n.ports.map((p: Any) => {
      if (!p || p.nodePort === undefined) return p;
      const q: Any = { ...p };
      delete q.nodePort;
      return q;
    });
  }
  if (
    o.type === 'LoadBalancer' &&
    n.type !== 'LoadBalancer' &&
    n.allocateLoadBalancerNodePorts !== undefined &&
    o.allocateLoadBalancerNodePorts !== undefined &&
    n.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts
  )
    delete edit().allocateLoadBalancerNodePorts;
  if (
    o.type === 'LoadBalancer' &&
    n.type !== 'LoadBalancer' &&
    n.loadBalancerClass != null &&
    n.loadBalancerClass === o.loadBalancerClass
  )
    delete edit().loadBalancerClass;
  if (
    externallyAccessible(o) &&
    !externallyAccessible(n) &&
    n.externalTrafficPolicy === o.externalTrafficPolicy
  )
    delete edit().externalTrafficPolicy;
  // defaultOnReadInternalTrafficPolicy: an ExternalName Service is read without the policy its
  // earlier type was defaulted (storage.go); dropped here, as nothing reads the stored value.
  if (n.type === 'ExternalName' && n.internalTrafficPolicy != null) delete edit().internalTrafficPolicy;
  if (spec) obj.spec = spec;
  if (
    n.type !== 'LoadBalancer' &&
    obj.status?.loadBalancer &&
    Object.keys(obj.status.loadBalancer).length > 0
  )
    obj.status = { ...obj.status, loadBalancer: {} };
}

const needsHC = (s: Any): boolean => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
const needsNodePorts = (s: Any): boolean => s.type === 'NodePort' || s.type === 'LoadBalancer';

/**
 * healthCheckNodePort (alloc.go allocHealthCheckNodePort, updateHealthCheckNodePort): a LoadBalancer
 * with externalTrafficPolicy Local gets one from the NodePort range (the requested one or the next
 * free one) when it is created or starts needing one; one that keeps needing it keeps the old port
 * when the write leaves it out (patchAllocatedValues; a changed one is validation's "field is
 * immutable"); one that stops needing it drops the unchanged value (strategy.go
 * dropTypeDependentFields) and frees it on success. A port that cannot be had is the registry's
 * plain error, which the API server answers as an InternalError. Returns that message, or undefined.
 */
export function allocateHealthCheck(
  a: WriteAllocators,
  spec: Any,
  oldSpec: Any | undefined,
  alloc: Allocation,
): string | undefined {
  const hc = spec.healthCheckNodePort;
  const needed = oldSpec !== undefined && needsHC(oldSpec);
  if (needed) {
    if (needsHC(spec)) spec.healthCheckNodePort = hc || oldSpec.healthCheckNodePort;
    else if (hc === oldSpec.healthCheckNodePort) delete spec.healthCheckNodePort;
    return undefined;
  }
  if (!needsHC(spec)) return undefined;
  const r = hc ? a.ports.allocateSpecific(hc) : a.ports.allocate();
  if (r.ok) {
    alloc.ports.push(r.port);
    spec.healthCheckNodePort = r.port;
    return undefined;
  }
  const why = portErrorText(r.reason, a.ports);
  return hc
    ? `failed to allocate requested HealthCheck NodePort ${hc}: ${why}`
    : `failed to allocate a HealthCheck NodePort 0: ${why}`;
}

/** portallocator's errors: ErrAllocated, ErrNotInRange, ErrFull. */
function portErrorText(reason: 'range' | 'allocated' | 'full', ports: PortAllocator): string {
  return reason === 'allocated'
    ? 'provided port is already allocated'
    : reason === 'range'
      ? `provided port is not in the valid range. The range of valid ports is ${ports.min}-${ports.max}`
      : 'range is full';
}

/** A requested nodePort the allocator refused: `spec.ports[i].nodePort: Invalid value: N: <err>`. */
export function nodePortError(
  name: string,
  i: number,
  port: number,
  reason: 'range' | 'allocated' | 'full',
  ports: PortAllocator,
): ApiError {
  return invalidError('Service', name, [
    invalid(`spec.ports[${i}].nodePort`, port, portErrorText(reason, ports)),
  ]);
}

/** A requested cluster IP the allocator refused (allocIPs): the value is the clusterIPs list. */
export function clusterIPError(
  name: string,
  ips: string[],
  ip: string,
  reason: 'range' | 'allocated' | 'full',
  cidr: string,
): ApiError {
  const why =
    reason === 'range'
      ? `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`
      : 'provided IP is already allocated';
  return invalidError('Service', name, [
    invalid('spec.clusterIPs', ips, `failed to allocate IP ${ip}: ${why}`),
  ]);
}

/**
 * initIPFamilyFields' loose pre-validation (ValidateServiceClusterIPsRelatedFields) and its checks
 * on this single-stack cluster (validation-service-ips.ts): they answer alone, before allocation.
 */
export function ipFamilyFieldErrors(svc: K8sObject, old: K8sObject | undefined): ApiError | false {
  const s: Any = svc.spec ?? {};
  if (s.type === 'ExternalName') return false;
  const o: Any | undefined = old ? (old.spec ?? {}) : undefined;
  const ips = normalizedIPs(s, o);
  const pre = clusterIPsErrors(s, ips, o);
  const errs = pre.length > 0 ? pre : ipFamilyErrors(s, o, ips);
  return errs.length > 0 && invalidError('Service', svc.metadata.name, errs);
}

/**
 * BeginUpdate: patchAllocatedValues (what the client left out of an update keeps the value the
 * server allocated: the cluster IPs, a nodePort by port *name* unless another port now uses it,
 * the healthCheckNodePort), normalizeClusterIPs, then allocateUpdate: initIPFamilyFields, a cluster
 * IP for a Service that was ExternalName, updateNodePorts (a new or changed nodePort is allocated,
 * a missing one drawn; the same protocol and nodePort twice is the plain error `duplicate nodePort:
 * {TCP 30080}`, a 500 without a reason), the healthCheckNodePort. What the old object held and the
 * new one does not is released once the whole update succeeded (releaseService).
 * [K8S pkg/registry/core/service/storage/storage.go beginUpdate, alloc.go allocateUpdate]
 */
export function allocateServiceUpdate(a: WriteAllocators, svc: K8sObject, old: K8sObject): AllocOutcome {
  const spec: Any = { ...svc.spec };
  const o: Any = old.spec ?? {};
  const name = svc.metadata.name;
  const alloc: Allocation = { ips: [], ports: [] };
  const fail = (error: ApiError): AllocOutcome => {
    releaseAllocation(a, alloc);
    return { ok: false, error };
  };
  const ports: Any[] = Array.isArray(spec.ports) ? spec.ports.map((p: Any) => ({ ...p })) : [];
  if (ports.length) spec.ports = ports;
  if (needsNodePorts(o) && needsNodePorts(spec)) {
    const oldPorts: Any[] = Array.isArray(o.ports) ? o.ports : [];
    const used = new Set(
      ports.map((p) => p.nodePort).filter((n) => n && oldPorts.some((q) => q.nodePort === n)),
    );
    const byName = new Map<unknown, number>(oldPorts.map((q) => [q.name ?? '', q.nodePort ?? 0]));
    for (const p of ports) {
      const v = byName.get(p.name ?? '');
      if (!p.nodePort && v && !used.has(v)) p.nodePort = v;
    }
  }
  const { clusterIP, ips } = normalizedIPs(spec, o);
  if (clusterIP !== '') spec.clusterIP = clusterIP;
  else delete spec.clusterIP;
  if (ips.length > 0) spec.clusterIPs = ips;
  else delete spec.clusterIPs;
  if (spec.type !== 'ExternalName') {
    const pre = ipFamilyFieldErrors({ ...svc, spec }, old);
    if (pre) return fail(pre);
    initFamilies(spec, o.ipFamilyPolicy);
    if (o.type === 'ExternalName') {
      const e = allocClusterIP(a, spec, alloc, name);
      if (e) return fail(e);
    }
  }
  if (needsNodePorts(spec)) {
    const auto = spec.type === 'NodePort' || spec.allocateLoadBalancerNodePorts !== false;
    const oldNumbers = (Array.isArray(o.ports) ? o.ports : []).map((p: Any) => p.nodePort).filter(Boolean);
    const requested = new Set<number>();
    const seen = new Set<string>();
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (!p.nodePort && !auto) continue;
      if (p.nodePort) {
        if (!oldNumbers.includes(p.nodePort) && !requested.has(p.nodePort)) {
          const r = a.ports.allocateSpecific(p.nodePort);
          if (!r.ok) return fail(nodePortError(name, i, p.nodePort, r.reason, a.ports));
          alloc.ports.push(r.port);
          requested.add(r.port);
        }
      } else {
        const r = a.ports.allocate();
        if (!r.ok) return fail(internalError('failed to allocate a nodePort: range is full'));
        alloc.ports.push(r.port);
        p.nodePort = r.port;
      }
      // ServiceNodePort{Protocol, NodePort} printed with %v.
      const key = `{${p.protocol ?? ''} ${p.nodePort}}`;
      if (seen.has(key)) return fail({ code: 500, reason: 'Unknown', message: `duplicate nodePort: ${key}` });
      seen.add(key);
    }
  }
  const internal = allocateHealthCheck(a, spec, o, alloc);
  if (internal !== undefined) return fail(internalError(internal));
  return { ok: true, spec, alloc };
}
