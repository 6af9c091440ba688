// DNS from inside a Pod: the resolver's queries as a graph trace, and /etc/resolv.conf parsing
// the way BusyBox nslookup reads it (networking/nslookup.c parse_resolvconf).
import type { Pod } from '../api/types';
import type { Cluster, DnsAnswer, Hop, ObjectKey, Trace, TraceSource } from '../contract';
import { podDnsType } from '../net/hostnet';
import { nextTraceId } from './traceids';

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  let haveSearch = false;
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (!key || rest.length === 0) continue;
    if (key === 'nameserver' && rest[0]) conf.nameservers.push(rest[0]);
    else if (key === 'search') {
      haveSearch = true;
      conf.search = rest;
    } else if (key === 'domain' && !haveSearch) conf.search = rest.slice(0, 1);
    else if (key === 'options') {
      for (const o of rest) {
        const m = /^ndots:(\d+)$/.exec(o);
        if (m?.[1]) conf.ndots = Number(m[1]);
      }
    }
  }
  if (conf.search.length === 1 && conf.search[0] === '.') conf.search = [];
  return conf;
}

export const KUBE_DNS_REF: ObjectKey = 'Service/kube-system/kube-dns';

export function sourceRef(source: TraceSource): string {
  if (source.kind === 'pod') return source.key;
  if (source.kind === 'node') return `Node/${source.name}`;
  return 'host';
}

/** The node's resolver, for a Pod whose resolv.conf is the node's (see `dnsServerRef`). */
export const NODE_DNS_REF = 'external:dns';

/**
 * Whom a Pod's resolver asks: the kube-dns Service, or, for a Pod with the node's resolv.conf
 * (dnsPolicy Default, or ClusterFirst on the host network: the kubelet's getPodDNSType), the
 * node's own resolver.
 */
export function dnsServerRef(pod: Pod): string {
  return podDnsType(pod) === 'host' ? NODE_DNS_REF : KUBE_DNS_REF;
}

/** A trace of the DNS exchange itself (UDP to the kube-dns Service), one hop pair per query. */
export function dnsTrace(
  cluster: Cluster,
  source: TraceSource,
  server: string,
  name: string,
  queries: DnsAnswer[],
  found: boolean,
  to: string = KUBE_DNS_REF,
): Trace {
  const from = sourceRef(source);
  const hops: Hop[] = [];
  let at = 0;
  for (const q of queries) {
    hops.push({ kind: 'dns-query', from, to, label: `${q.qtype}? ${q.question}`, atMs: at });
    at += 0.2;
    if (q.rcode === 'NXDOMAIN') {
      hops.push({
        kind: 'dns-nxdomain',
        from: to,
        to: from,
        label: `NXDOMAIN ${q.question}`,
        atMs: at,
      });
    } else if (q.rcode === 'NOERROR') {
      const values = q.records.map((r) => (r.type === 'CNAME' ? `CNAME ${r.value}` : `${r.type} ${r.value}`));
      hops.push({
        kind: 'dns-answer',
        from: to,
        to: from,
        label: values.length ? values.join(', ') : `${q.question}: no ${q.qtype} records`,
        atMs: at,
      });
    }
    at += 0.1;
  }
  return {
    id: nextTraceId(cluster, 'dns'),
    source,
    destination: name,
    protocol: 'UDP',
    port: 53,
    ...(server ? { resolvedIP: server } : {}),
    hops,
    verdict: found ? 'delivered' : 'nxdomain',
    reason: found
      ? `${name} resolved after ${queries.length} DNS ${queries.length === 1 ? 'query' : 'queries'} to ${server}`
      : `no search domain made ${name} resolve: every query came back NXDOMAIN`,
    startedAt: cluster.now(),
  };
}
