// DNS from inside a Pod: the resolver's queries as a graph trace, and /etc/resolv.conf parsing
// the way BusyBox nslookup reads it (networking/nslookup.c parse_resolvconf).
import type { Pod } from '../api/types';
import type { Cluster, DnsAnswer, Hop, ObjectKey, ProfileName, Trace, TraceSource } from '../contract';
import { podDnsType } from '../net/hostnet';
import { PUBLIC_RESOLVERS, podDnsConfigSpec } from '../net/pod-dns';
import { type Said, say } from '../net/trace-wording';
import { getProfile } from '../profiles';
import { imageInfo } from './images';
import { listServices, podByIP, podKeyOf } from './pods';
import { nextTraceId } from './traceids';

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  let haveSearch = false;
  for (const line of fgetsLines(text)) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (!key || rest.length === 0) continue;
    if (key === 'nameserver' && rest[0]) conf.nameservers.push(rest[0]);
    else if (key === 'search') {
      haveSearch = true;
      conf.search = rest;
    } else if (key === 'domain' && !haveSearch) conf.search = rest;
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

/**
 * The pieces `fgets(line, 512, f)` returns: a line longer than 510 characters comes back in
 * pieces, and the piece after the first starts mid-line (nslookup's search list is then cut short).
 */
function fgetsLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > 510) {
      out.push(rest.slice(0, 511));
      rest = rest.slice(511);
    }
    out.push(rest);
  }
  return out;
}

export const KUBE_DNS_REF: ObjectKey = 'Service/kube-system/kube-dns';

export function sourceRef(source: TraceSource): string {
  if (source.kind === 'pod') return source.key;
  if (source.kind === 'node') return `Node/${source.name}`;
  return 'host';
}

/** The node's resolver, for a Pod whose resolv.conf is the node's (see `dnsServerRef`). */
export const NODE_DNS_REF = 'external:dns';

/** Who may answer DNS on an address, as far as the objects tell (the packet's trace decides). */
export interface DnsServerAt {
  /** `cluster`: a Service ClusterIP or a CoreDNS Pod; `upstream`: a resolver outside the cluster. */
  kind: 'cluster' | 'upstream' | 'none';
  ref: string;
}

/**
 * The server behind a nameserver address: a Service's ClusterIP (CoreDNS when its endpoints are
 * CoreDNS Pods, as kube-dns's are), a CoreDNS Pod, the node's resolver (at the node's address,
 * see net/dns.ts), a public resolver, or nobody.
 */
export function dnsServerAt(cluster: Cluster, ip: string): DnsServerAt {
  const p = getProfile(cluster.profile);
  if (ip === p.apiServerEndpoint.ip) return { kind: 'upstream', ref: NODE_DNS_REF };
  const svc = listServices(cluster).find((s) => s.spec.clusterIP === ip);
  if (svc) return { kind: 'cluster', ref: `Service/${svc.metadata.namespace}/${svc.metadata.name}` };
  if (ip === p.dnsServiceIP) return { kind: 'cluster', ref: KUBE_DNS_REF };
  const pod = podByIP(cluster, ip);
  if (pod?.spec.containers.some((c) => imageInfo(c.image).app === 'coredns'))
    return { kind: 'cluster', ref: `Pod/${pod.metadata.namespace}/${pod.metadata.name}` };
  const pub = PUBLIC_RESOLVERS[ip];
  if (pub) return { kind: 'upstream', ref: `external:${pub}` };
  return { kind: 'none', ref: `external:${ip}` };
}

/**
 * Whom a Pod's resolver asks: the first nameserver of its resolv.conf that something answers on
 * (the kube-dns Service for ClusterFirst; the node's resolver for dnsPolicy Default, or
 * ClusterFirst on the host network: the kubelet's getPodDNSType; whatever spec.dnsConfig lists
 * for None). Without the cluster only the Pod is known: None's first nameserver is named as a
 * public resolver, the kube-dns Service (a profile's kube-dns address), or its bare address.
 */
export function dnsServerRef(pod: Pod, cluster?: Cluster): string {
  if (cluster) {
    const servers = parseResolvConf(cluster.net.resolvConf(podKeyOf(pod))).nameservers;
    const found = servers.map((ip) => dnsServerAt(cluster, ip));
    return (found.find((s) => s.kind !== 'none') ?? found[0] ?? { ref: `external:127.0.0.1` }).ref;
  }
  const type = podDnsType(pod);
  if (type === 'host') return NODE_DNS_REF;
  const first = podDnsConfigSpec(pod)?.nameservers?.[0];
  if (type !== 'none' || !first) return KUBE_DNS_REF;
  const pub = PUBLIC_RESOLVERS[first];
  if (pub) return `external:${pub}`;
  return PROFILES.some((n) => getProfile(n).dnsServiceIP === first) ? KUBE_DNS_REF : `external:${first}`;
}

const PROFILES: ProfileName[] = ['docker-desktop', 'kind', 'k3s'];

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
      // the records are notation; an empty answer is a sentence (in machine form for the UI too)
      const none = values.length
        ? undefined
        : say(
            'dnsNoRecords',
            { question: q.question, qtype: q.qtype },
            `${q.question}: no ${q.qtype} records`,
          );
      hops.push({
        kind: 'dns-answer',
        from: to,
        to: from,
        label: none ? none.text : values.join(', '),
        ...(none ? { textCode: none.code } : {}),
        atMs: at,
      });
    }
    at += 0.1;
  }
  const last = queries[queries.length - 1];
  const silent = last?.rcode === 'TIMEOUT' ? last : undefined;
  const n = queries.length;
  const why: Said = found
    ? n === 1
      ? say('dnsResolvedOne', { name, server }, `${name} resolved after 1 DNS query to ${server}`)
      : say('dnsResolved', { name, n, server }, `${name} resolved after ${n} DNS queries to ${server}`)
    : silent
      ? silence(silent.question, silentCause(to, server))
      : say(
          'dnsAllNxdomain',
          { name },
          `no search domain made ${name} resolve: every query came back NXDOMAIN`,
        );
  return {
    id: nextTraceId(cluster, 'dns'),
    source,
    destination: name,
    protocol: 'UDP',
    port: 53,
    ...(server ? { resolvedIP: server } : {}),
    hops,
    verdict: found ? 'delivered' : silent ? 'timeout' : 'nxdomain',
    reason: why.text,
    reasonCode: why.code,
    startedAt: cluster.now(),
  };
}

/** The tracer's sentence for a question nobody answered (net/trace-dns words it the same). */
function silence(question: string, why: Said): Said {
  return say(
    'dnsSilence',
    { question, why: why.code },
    `the DNS query for ${question} got no answer: ${why.text}`,
  );
}

/** Why the nameserver `to` (at `server`) did not answer, in the tracer's words (net/trace-dns). */
function silentCause(to: string, server: string): Said {
  if (to === KUBE_DNS_REF)
    return say('silentKubeDns', {}, 'the kube-dns Service has no ready CoreDNS endpoint');
  if (to.startsWith('Service/')) {
    const svc = to.slice(8);
    return say(
      'silentNoCoreDns',
      { svc, ip: server },
      `the Service ${svc} (${server}) has no ready CoreDNS endpoint`,
    );
  }
  if (to.startsWith('Pod/')) {
    const pod = to.slice(4);
    return say('silentPod', { pod, ip: server }, `nothing in Pod ${pod} (${server}) serves DNS`);
  }
  if (server) return say('silentOn', { ip: server }, `nothing answers DNS on ${server}`);
  return say('silentOnNameserver', {}, 'nothing answers DNS on the nameserver');
}
