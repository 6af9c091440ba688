// getaddrinfo() as the Pod's libc does it: /etc/hosts first, then DNS through cluster.net with
// the Pod's search list. Records the DNS exchange as a trace so the graph can animate it.
import type { ProcContext } from '../../kubectl/shell/types';
import type { Trace, TraceSource } from '../contract';
import { dnsServerAt, dnsServerRef, dnsTrace, parseResolvConf } from './dns';
import { hostsFileAddresses } from './hosts';
import { isIPv4 } from './pods';
import { type PodProc, readPodFile } from './proc';

/** musl's resolv.conf default `timeout:5`. */
export const MUSL_TIMEOUT_MS = 5000;

export interface Resolved {
  ip?: string;
  canonicalName?: string;
  /** true when the answer came from /etc/hosts or the name was an address literal. */
  local: boolean;
  /** The DNS exchange (absent for /etc/hosts and address literals). */
  dns?: Trace;
}

export function podSource(p: PodProc): TraceSource {
  return { kind: 'pod', key: p.podKey };
}

/**
 * musl reads /etc/hosts (the file as the container has it now, hostAliases and any edits
 * included) before DNS: the first IPv4 address listed for the name. `ip6-localhost` and
 * `ip6-loopback` have only `::1` there; with no IPv6 in the simulation they stand for 127.0.0.1.
 */
function hostsLookup(p: PodProc, name: string): string | undefined {
  const ip = hostsFileAddresses(readPodFile(p, '/etc/hosts') ?? '', name)[0];
  if (ip) return ip;
  const n = name.toLowerCase();
  return n === 'ip6-localhost' || n === 'ip6-loopback' ? '127.0.0.1' : undefined;
}

/**
 * getaddrinfo as the Pod's libc does it. With `emit` false the DNS exchange is not reported on its
 * own: the caller prefixes it to the packet it then sends (`withLookup`), so the graph animates one
 * journey — query, answer, then the packet — instead of two traces side by side.
 */
export function getaddrinfo(p: PodProc, ctx: ProcContext, name: string, emit = true): Resolved {
  if (isIPv4(name)) return { ip: name, local: true };
  const fromHosts = hostsLookup(p, name);
  if (fromHosts) return { ip: fromHosts, local: true };
  const source = podSource(p);
  const r = p.cluster.net.resolve(source, name);
  // The server that answered (the cluster reports it; else the first one something answers on).
  const to = r.server ?? dnsServerRef(p.pod, p.cluster);
  const servers = parseResolvConf(p.cluster.net.resolvConf(p.podKey)).nameservers;
  const server = servers.find((ip) => dnsServerAt(p.cluster, ip).ref === to) ?? servers[0] ?? '';
  const dns = dnsTrace(p.cluster, source, server, name, r.queries, r.ip !== undefined, to);
  if (emit) ctx.trace(dns);
  // musl waits out each search step whose queries got no answer at all (e.g. while the kube-dns
  // Service has no ready CoreDNS endpoint): resolv.conf's `options timeout:` per question, all
  // its attempts included (res_msend.c: `attempts` only divides that time into resends).
  const silent = new Set(r.queries.filter((q) => q.rcode === 'TIMEOUT').map((q) => q.question));
  if (silent.size > 0) ctx.sleep(silent.size * (r.timeoutMs ?? MUSL_TIMEOUT_MS));
  return {
    ...(r.ip ? { ip: r.ip } : {}),
    ...(r.canonicalName ? { canonicalName: r.canonicalName } : {}),
    local: false,
    dns,
  };
}

/**
 * One trace for "look the name up, then send": the DNS hops first, then the packet's hops shifted
 * to start after the answer. The destination is the name as typed; the verdict and reason are the
 * packet's (the lookup succeeded, or there would be no packet).
 */
export function withLookup(dns: Trace | undefined, packet: Trace, typed: string): Trace {
  if (!dns || dns.hops.length === 0) return packet;
  const offset = Math.round(((dns.hops[dns.hops.length - 1]?.atMs ?? 0) + 0.1) * 1000) / 1000;
  return {
    ...packet,
    destination: typed,
    startedAt: dns.startedAt,
    hops: [
      ...dns.hops,
      ...packet.hops.map((h) => ({ ...h, atMs: Math.round((h.atMs + offset) * 1000) / 1000 })),
    ],
  };
}
