// Service IP and NodePort bookkeeping on create/update/delete (the registry's allocation step).
// [K8S pkg/registry/core/service/storage, ipallocator, portallocator]
import type { K8sObject } from '../api/types';
import { late } from '../late';
import type { ClusterIpAllocator, IpAllocator, NodePortAllocator, PortAllocator } from './allocators';
import { copyOwn } from './copy';
import { type FieldError, invalid } from './errors';

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

function wantsNodePorts(spec: Any): boolean {
  return (
    spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)
  );
}

const needsHC = (spec: Any): boolean =>
  spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

/**
 * Allocate the ClusterIP and NodePorts a Service needs, keeping what `old` already holds.
 * Returns the new spec or field errors (nothing stays allocated on error).
 */
export function allocateService(
  a: WriteAllocators,
  svc: K8sObject,
  old: K8sObject | undefined,
): { ok: true; spec: Any; alloc: Allocation } | { ok: false; errors: FieldError[]; internal?: string } {
  const spec: Any = copyOwn(svc.spec); // gains clusterIP(s), ipFamilies… (copy.ts)
  const alloc: Allocation = { ips: [], ports: [] };
  const errors: FieldError[] = [];
  const rollback = () => {
    for (const ip of alloc.ips) a.ips.release(ip);
    for (const p of alloc.ports) a.ports.release(p);
  };
  const oldSpec: Any = old?.spec ?? {};

  if (spec.type === 'ExternalName') {
    // Switching to ExternalName clears the IPs (1.20+ does this for the user).
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  } else {
    const requested: string | undefined = spec.clusterIPs?.[0] ?? (spec.clusterIP || undefined);
    const oldIp: string | undefined = oldSpec.clusterIPs?.[0] ?? oldSpec.clusterIP;
    if (old && oldIp && oldIp !== 'None' && (requested === undefined || requested === oldIp)) {
      spec.clusterIP = oldIp;
      spec.clusterIPs = [oldIp];
    } else if (
      old &&
      oldIp &&
      requested !== undefined &&
      requested !== oldIp &&
      oldSpec.type !== 'ExternalName'
    ) {
      errors.push(invalid('spec.clusterIPs[0]', requested, 'may not change once set'));
    } else if (requested === 'None') {
      spec.clusterIP = 'None';
      spec.clusterIPs = ['None'];
    } else if (requested !== undefined) {
      const r = a.ips.allocateSpecific(requested);
      if (r.ok) alloc.ips.push(requested);
      else if (r.reason === 'range') {
        errors.push(
          invalid(
            'spec.clusterIPs',
            [requested],
            `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${a.ips.cidr}`,
          ),
        );
      } else
        errors.push(
          invalid(
            'spec.clusterIPs',
            [requested],
            `failed to allocate IP ${requested}: provided IP is already allocated`,
          ),
        );
      spec.clusterIP = requested;
      spec.clusterIPs = [requested];
    } else {
      const r = a.ips.allocate();
      if (!r.ok) errors.push(invalid('spec.clusterIPs', [], 'failed to allocate IP: range is full'));
      else {
        alloc.ips.push(r.ip);
        spec.clusterIP = r.ip;
        spec.clusterIPs = [r.ip];
      }
    }
    if (spec.ipFamilies === undefined) spec.ipFamilies = ['IPv4'];
    if (spec.ipFamilyPolicy === undefined) spec.ipFamilyPolicy = 'SingleStack';
  }

  const oldPorts: Any[] = Array.isArray(oldSpec.ports) ? oldSpec.ports : [];
  if (Array.isArray(spec.ports)) {
    const needPorts = wantsNodePorts(spec);
    spec.ports = spec.ports.map((p: Any, i: number) => {
      const q: Any = copyOwn(p);
      if (!needPorts) {
        if (spec.type !== 'LoadBalancer') delete q.nodePort;
        return q;
      }
      const prev = oldPorts.find((o) => o.port === q.port && o.protocol === q.protocol)?.nodePort;
      if (q.nodePort === undefined || q.nodePort === 0) {
        if (prev !== undefined && wantsNodePorts(oldSpec)) q.nodePort = prev;
        else {
          const r = a.ports.allocate();
          if (r.ok) {
            alloc.ports.push(r.port);
            q.nodePort = r.port;
          } else errors.push(invalid(`spec.ports[${i}].nodePort`, 0, 'range is full'));
        }
      } else if (!(prev === q.nodePort && wantsNodePorts(oldSpec))) {
        const r = a.ports.allocateSpecific(q.nodePort);
        if (r.ok) alloc.ports.push(q.nodePort);
        else if (r.reason === 'range') {
          errors.push(
            invalid(
              `spec.ports[${i}].nodePort`,
              q.nodePort,
              `provided port is not in the valid range. The range of valid ports is ${a.ports.min}-${a.ports.max}`,
            ),
          );
        } else
          errors.push(invalid(`spec.ports[${i}].nodePort`, q.nodePort, 'provided port is already allocated'));
      }
      return q;
    });
  }
  // healthCheckNodePort (bound late: only a LoadBalancer the student sets to Local policy has one).
  if (errors.length === 0 && (needsHC(spec) || needsHC(oldSpec))) {
    const internal = late().allocateHealthCheck(a, spec, oldSpec, needsHC, alloc);
    if (internal !== undefined) {
      rollback();
      return { ok: false, errors: [], internal };
    }
  }
  if (errors.length > 0) {
    rollback();
    return { ok: false, errors };
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
