// Service IP and NodePort bookkeeping: the registry's BeginCreate, which runs before validation,
// so an allocation failure answers alone (its first error only) and hides the validation errors.
// The update path (BeginUpdate) and every failure's text are bound late (service-late.ts): only a
// user's write updates a Service or fails to allocate.
// [K8S pkg/registry/core/service/storage/storage.go beginCreate, alloc.go allocateCreate:
//  initIPFamilyFields, txnAllocClusterIPs, initNodePorts, allocHealthCheckNodePort (1.33+ source)]
import type { K8sObject } from '../api/types';
import type { ApiError } from '../contract';
import { late, latePartsLoaded } from '../late';
import type { ClusterIpAllocator, IpAllocator, NodePortAllocator, PortAllocator } from './allocators';
import { copyOwn } from './copy';
import { internalError } from './errors';

// biome-ignore lint/suspicious/noExplicitAny: Service spec is decoded JSON.
type Any = any;

export interface ServiceAllocators {
  ips: ClusterIpAllocator;
  ports: NodePortAllocator;
}

/** The allocators one write uses: the API server's, or a dry run's (see ./dryrun-allocators). */
export interface WriteAllocators {
  ips: IpAllocator;
  ports: PortAllocator;
}

/** Allocations made for one write, rolled back if a later step fails. */
export interface Allocation {
  ips: string[];
  ports: number[];
}

export type AllocOutcome = { ok: true; spec: Any; alloc: Allocation } | { ok: false; error: ApiError };

/** Give back what one write took (its validation or storage step failed). */
export function releaseAllocation(a: WriteAllocators, alloc: Allocation): void {
  for (const ip of alloc.ips) a.ips.release(ip);
  for (const p of alloc.ports) a.ports.release(p);
}

/**
 * initIPFamilyFields' defaults on this single-stack IPv4 cluster: the policy (the old object's on
 * update), SingleStack, except a headless Service without a selector, which is RequireDualStack
 * and lists both families (the other one added); the families, IPv4 for each cluster IP.
 */
export function initFamilies(spec: Any, oldPolicy: unknown): void {
  const open = spec.clusterIP === 'None' && !Object.keys(spec.selector ?? {}).length;
  spec.ipFamilyPolicy ??= oldPolicy ?? (open ? 'RequireDualStack' : 'SingleStack');
  if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
  if (open && spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== 'SingleStack')
    spec.ipFamilies = [...spec.ipFamilies, spec.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4'];
}

/** Whether a new Service's spec sets any field ipFamilyFieldErrors reads besides its selector. */
function namesIPFields(spec: Any): boolean {
  return (
    spec.clusterIP != null ||
    spec.clusterIPs != null ||
    spec.ipFamilies != null ||
    spec.ipFamilyPolicy != null
  );
}

/** allocClusterIPs: the requested address or the next free one (none for a headless Service). */
export function allocClusterIP(
  a: WriteAllocators,
  spec: Any,
  alloc: Allocation,
  name: string,
): ApiError | undefined {
  const ips: string[] = spec.clusterIPs ?? [];
  const want = ips[0];
  if (want === 'None') return undefined;
  const r = want ? a.ips.allocateSpecific(want) : a.ips.allocate();
  if (!r.ok)
    return want
      ? late().clusterIPError(name, ips, want, r.reason, a.ips.cidr)
      : internalError('failed to allocate a serviceIP: range is full');
  alloc.ips.push(r.ip);
  spec.clusterIP = r.ip;
  spec.clusterIPs = [r.ip];
  return undefined;
}

/**
 * Allocate what a new Service needs: its cluster IP, the nodePorts of a NodePort or LoadBalancer
 * Service (one per service port *number*: TCP and UDP 53 share theirs), the healthCheckNodePort.
 * `old` (an update) is handled by the late part. Nothing stays allocated on failure.
 */
export function allocateService(a: WriteAllocators, svc: K8sObject, old?: K8sObject): AllocOutcome {
  if (old) return late().allocateServiceUpdate(a, svc, old);
  const spec: Any = copyOwn(svc.spec); // gains clusterIP(s), ipFamilies… (copy.ts)
  const alloc: Allocation = { ips: [], ports: [] };
  const fail = (error: ApiError): AllocOutcome => {
    releaseAllocation(a, alloc);
    return { ok: false, error };
  };
  if (spec.type !== 'ExternalName') {
    // normalizeClusterIPs: a lone clusterIP becomes clusterIPs.
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    // initIPFamilyFields' checks (the cluster's own Services, written before they load, pass them),
    // which find nothing in a Service that names no cluster IP, IP family or family policy.
    const pre = latePartsLoaded() && namesIPFields(spec) && late().ipFamilyFieldErrors(svc, undefined);
    if (pre) return fail(pre);
    initFamilies(spec, undefined);
    const e = allocClusterIP(a, spec, alloc, svc.metadata.name);
    if (e) return fail(e);
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    // initNodePorts. LoadBalancer with allocateLoadBalancerNodePorts false: requested ports only.
    const auto = spec.type === 'NodePort' || spec.allocateLoadBalancerNodePorts !== false;
    const ports: Any[] = Array.isArray(spec.ports) ? spec.ports.map((p: Any) => copyOwn(p)) : [];
    if (ports.length) spec.ports = ports;
    const byPort = new Map<unknown, number>();
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (!p.nodePort && !auto) continue;
      const had = byPort.get(p.port ?? 0);
      if (had !== undefined && (!p.nodePort || p.nodePort === had)) p.nodePort = had;
      else {
        // The first service port with a number takes the nodePort any of them requests.
        const want: number | undefined =
          had === undefined ? ports.find((q) => q.port === p.port && q.nodePort)?.nodePort : p.nodePort;
        const r = want ? a.ports.allocateSpecific(want) : a.ports.allocate();
        if (!r.ok)
          return fail(
            want
              ? late().nodePortError(svc.metadata.name, i, want, r.reason, a.ports)
              : internalError('failed to allocate a nodePort: range is full'),
          );
        alloc.ports.push(r.port);
        if (had === undefined) byPort.set(p.port ?? 0, r.port);
        p.nodePort = r.port;
      }
    }
  }
  // healthCheckNodePort (bound late: only a LoadBalancer the student sets to Local policy has one).
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    const internal = late().allocateHealthCheck(a, spec, undefined, alloc);
    if (internal !== undefined) return fail(internalError(internal));
  }
  return { ok: true, spec, alloc };
}

/** What `old` held that `next` no longer does (released after a successful update or delete). */
export function releaseService(a: ServiceAllocators, old: K8sObject, next?: K8sObject): void {
  const o: Any = old.spec ?? {};
  const n: Any = next?.spec ?? {};
  const oldIp = o.clusterIPs?.[0] ?? o.clusterIP;
  const newIp = n.clusterIPs?.[0] ?? n.clusterIP;
  if (oldIp && oldIp !== 'None' && oldIp !== newIp) a.ips.release(oldIp);
  const keep = new Set<number>(
    (Array.isArray(n.ports) ? n.ports : []).map((p: Any) => p.nodePort).filter(Boolean),
  );
  if (n.healthCheckNodePort) keep.add(n.healthCheckNodePort);
  for (const p of Array.isArray(o.ports) ? o.ports : [])
    if (p.nodePort && !keep.has(p.nodePort)) a.ports.release(p.nodePort);
  if (o.healthCheckNodePort && !keep.has(o.healthCheckNodePort)) a.ports.release(o.healthCheckNodePort);
}
