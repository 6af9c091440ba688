// Pods with `hostNetwork: true` share their node's network namespace: their sockets are the
// node's sockets, their source address is the node's, and (with dnsPolicy ClusterFirst) their
// resolver is the node's. Used by the tracer and CoreDNS, both bound late (../late).
import type { Pod, Protocol } from '../api/types';
import type { TraceSource } from '../contract';
import { podListens } from './listeners';
import type { NetState } from './state';

/**
 * The kubelet's getPodDNSType (pkg/kubelet/network/dns/dns.go): ClusterFirstWithHostNet is
 * cluster DNS; ClusterFirst is cluster DNS unless the Pod is on the host network, where it falls
 * back to Default (the node's resolver); None builds resolv.conf from spec.dnsConfig alone.
 */
export function podDnsType(pod: Pod | undefined): 'cluster' | 'host' | 'none' {
  switch (pod?.spec.dnsPolicy ?? 'ClusterFirst') {
    case 'None':
      return 'none';
    case 'Default':
      return 'host';
    case 'ClusterFirst':
      return pod?.spec.hostNetwork === true ? 'host' : 'cluster';
    default:
      return 'cluster';
  }
}

/** The Pod a trace source names (undefined for a node or the student's machine). */
export function sourcePod(state: NetState, source: TraceSource): Pod | undefined {
  return source.kind === 'pod' ? state.pods.get(source.key.slice(source.key.indexOf('/') + 1)) : undefined;
}

export interface HostNetListener {
  key: string;
  pod: Pod;
  running: boolean;
}

const created = (p: Pod) => p.metadata.creationTimestamp ?? '';

/**
 * The hostNetwork Pod on `node` whose process holds `port`/`protocol` on the node's addresses.
 * The scheduler's NodePorts filter keeps two such Pods off one node (their hostPorts default to
 * the container ports); a Pod bound with spec.nodeName skips it, and then only the first to start
 * gets the port (the other's bind fails), so the oldest one is taken. Undefined: none would.
 */
export function hostNetworkListener(
  state: NetState,
  node: string,
  port: number,
  protocol: Protocol,
): HostNetListener | undefined {
  let best: Pod | undefined;
  for (const ns of state.namespaces) {
    for (const o of state.pods.store.byNamespace('Pod', ns)) {
      const pod = o as Pod;
      if (!pod.spec.hostNetwork || pod.spec.nodeName !== node) continue;
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      if (!podListens(pod, port, protocol)) continue;
      if (
        !best ||
        created(pod) < created(best) ||
        (created(pod) === created(best) && pod.metadata.name < best.metadata.name)
      )
        best = pod;
    }
  }
  if (!best) return undefined;
  return {
    key: `${best.metadata.namespace ?? 'default'}/${best.metadata.name}`,
    pod: best,
    running: best.status?.phase === 'Running',
  };
}
