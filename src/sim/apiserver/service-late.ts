// The allocators of a server-side dry run, and the Service fields a type change drops: both only
// reached from kubectl's writes, so they are bound late (../late) and load with the kubectl chunk.
import type { K8sObject } from '../api/types';
import type {
  AllocResult,
  ClusterIpAllocator,
  IpAllocator,
  NodePortAllocator,
  PortAllocator,
  PortResult,
} from './allocators';
import type { Allocation, ServiceAllocators, WriteAllocators } from './services';

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

/** Port → nodePort for the ports that have one (sameNodePorts compares these maps). */
function nodePortMap(spec: Any): Map<unknown, unknown> {
  const m = new Map<unknown, unknown>();
  for (const p of Array.isArray(spec.ports) ? spec.ports : []) if (p?.nodePort) m.set(p.port, p.nodePort);
  return m;
}

function sameNodePorts(a: Any, b: Any): boolean {
  const x = nodePortMap(a);
  const y = nodePortMap(b);
  if (x.size !== y.size) return false;
  for (const [k, v] of x) if (y.get(k) !== v) return false;
  return true;
}

/**
 * On update, the fields the old type needed and the new one does not are wiped when the user left
 * them as they were (they may have been filled in automatically): a NodePort Service changed to
 * ClusterIP loses its nodePorts and externalTrafficPolicy instead of failing validation, and the
 * load-balancer status goes with the LoadBalancer type. `obj` is the update's own copy (top level,
 * spec and status are replaced, never mutated). [K8S pkg/registry/core/service/strategy.go
 * dropTypeDependentFields, run from PrepareForUpdate before validation]
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
    externallyAccessible(o) &&
    !externallyAccessible(n) &&
    n.externalTrafficPolicy === o.externalTrafficPolicy
  )
    delete edit().externalTrafficPolicy;
  if (spec) obj.spec = spec;
  if (
    n.type !== 'LoadBalancer' &&
    obj.status?.loadBalancer &&
    Object.keys(obj.status.loadBalancer).length > 0
  )
    obj.status = { ...obj.status, loadBalancer: {} };
}

/**
 * healthCheckNodePort (pkg/registry/core/service/storage/alloc.go allocHealthCheckNodePort): a
 * LoadBalancer with externalTrafficPolicy Local gets one from the NodePort range (the requested
 * one, the old object's, or the next free one); a Service that stops needing it drops the value
 * kept from before. A port that cannot be had is the registry's plain error, which the API server
 * answers as an InternalError. Returns that message, or undefined.
 */
export function allocateHealthCheck(
  a: WriteAllocators,
  spec: Any,
  oldSpec: Any,
  needsHC: (spec: Any) => boolean,
  alloc: Allocation,
): string | undefined {
  const hc = spec.healthCheckNodePort;
  const prev = needsHC(oldSpec) ? oldSpec.healthCheckNodePort : 0;
  if (!needsHC(spec)) {
    if (prev && hc === prev) delete spec.healthCheckNodePort;
    return undefined;
  }
  if (!hc && prev) {
    spec.healthCheckNodePort = prev;
    return undefined;
  }
  if (hc === prev) return undefined;
  const r = hc ? a.ports.allocateSpecific(hc) : a.ports.allocate();
  if (r.ok) {
    alloc.ports.push(r.port);
    spec.healthCheckNodePort = r.port;
    return undefined;
  }
  const why =
    r.reason === 'allocated'
      ? 'provided port is already allocated'
      : r.reason === 'range'
        ? `provided port is not in the valid range. The range of valid ports is ${a.ports.min}-${a.ports.max}`
        : 'range is full';
  return hc
    ? `failed to allocate requested HealthCheck NodePort ${hc}: ${why}`
    : `failed to allocate a HealthCheck NodePort 0: ${why}`;
}
