// getaddrinfo() as the Pod's libc does it: /etc/hosts first, then DNS through cluster.net with
// the Pod's search list. Records the DNS exchange as a trace so the graph can animate it.
import type { ProcContext } from '../../kubectl/shell/types';
import type { Pod } from '../api/types';
import type { TraceSource } from '../contract';
import { dnsTrace, parseResolvConf } from './dns';
import { isIPv4 } from './pods';
import type { PodProc } from './proc';

/** musl's resolv.conf default `timeout:5`. */
export const MUSL_TIMEOUT_MS = 5000;

export interface Resolved {
  ip?: string;
  canonicalName?: string;
  /** true when the answer came from /etc/hosts or the name was an address literal. */
  local: boolean;
}

export function podSource(p: PodProc): TraceSource {
  return { kind: 'pod', key: p.podKey };
}

function hostsLookup(pod: Pod, name: string): string | undefined {
  const n = name.toLowerCase();
  if (n === 'localhost' || n === 'ip6-localhost' || n === 'ip6-loopback') return '127.0.0.1';
  const host = (pod.spec.hostname ?? pod.metadata.name).toLowerCase();
  if (n === host) return pod.status?.podIP;
  return undefined;
}

export function getaddrinfo(p: PodProc, ctx: ProcContext, name: string): Resolved {
  if (isIPv4(name)) return { ip: name, local: true };
  const fromHosts = hostsLookup(p.pod, name);
  if (fromHosts) return { ip: fromHosts, local: true };
  const source = podSource(p);
  const r = p.cluster.net.resolve(source, name);
  const server = parseResolvConf(p.cluster.net.resolvConf(p.podKey)).nameservers[0] ?? '';
  ctx.trace(dnsTrace(p.cluster, source, server, name, r.queries, r.ip !== undefined));
  // musl (options timeout:5) waits out each search step whose queries got no answer at all,
  // e.g. while the kube-dns Service has no ready CoreDNS endpoint.
  const silent = new Set(r.queries.filter((q) => q.rcode === 'TIMEOUT').map((q) => q.question));
  if (silent.size > 0) ctx.sleep(silent.size * MUSL_TIMEOUT_MS);
  return {
    ...(r.ip ? { ip: r.ip } : {}),
    ...(r.canonicalName ? { canonicalName: r.canonicalName } : {}),
    local: false,
  };
}
