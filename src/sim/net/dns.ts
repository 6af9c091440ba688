// CoreDNS as kubeadm configures it (reference §C6): `kubernetes cluster.local in-addr.arpa
// ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa; ttl 30 }`, then `forward .` to
// the host's resolver (modelled as a small table of public names), and `loadbalance`, which
// shuffles A records per answer. Pods resolve through musl's getaddrinfo with the resolv.conf
// the kubelet writes (search list, ndots:5).
import type { Pod } from '../api/types';
import type { DnsAnswer, DnsQType, DnsRecord, ObjectKey, TraceSource } from '../contract';
import type { Profile } from '../profiles';
import type { Rng } from '../runtime/interfaces';
import { podDnsType } from './hostnet';
import { imageRepository, isCoreDnsRepository, podListens } from './listeners';
import { DNS_TTL } from './model';
import {
  dnsConfigFormingMessages,
  formatResolvConf,
  type MuslResolvConf,
  muslResolvConf,
  type NodeDnsEnv,
  PUBLIC_RESOLVERS,
  podDns,
} from './pod-dns';
import type { NetState } from './state';

/** Upstream answers the `forward` plugin would get. Anything else outside the cluster is NXDOMAIN. */
export const EXTERNAL_HOSTS: Readonly<Record<string, readonly string[]>> = {
  // GitHub's Fastly addresses, as `nslookup raw.githubusercontent.com` shows them.
  'raw.githubusercontent.com': ['185.199.108.133', '185.199.109.133', '185.199.110.133', '185.199.111.133'],
  'github.com': ['140.82.121.4'],
};

/**
 * Their AAAA answers: GitHub's raw content CDN is dual-stack (`dig AAAA raw.githubusercontent.com`
 * gives 2606:50c0:8000::154 … 8003::154); github.com itself has no IPv6 (NOERROR, no data).
 */
export const EXTERNAL_HOSTS_AAAA: Readonly<Record<string, readonly string[]>> = {
  'raw.githubusercontent.com': [
    '2606:50c0:8000::154',
    '2606:50c0:8001::154',
    '2606:50c0:8002::154',
    '2606:50c0:8003::154',
  ],
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
export const isIPv4 = (s: string): boolean => IPV4.test(s);

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

const byValue = (a: DnsRecord, b: DnsRecord) =>
  a.value < b.value ? -1 : a.value > b.value ? 1 : (a.owner ?? '') < (b.owner ?? '') ? -1 : 1;

export class CoreDns {
  constructor(
    private readonly state: NetState,
    private readonly rng: Rng,
  ) {}

  private get domain(): string {
    return this.state.profile.clusterDomain.toLowerCase();
  }

  /** One question straight to CoreDNS. */
  query(rawName: string, qtype: DnsQType): DnsAnswer {
    const name = normalizeName(rawName);
    const zone = this.domain;
    const inCluster = name === zone || name.endsWith(`.${zone}`);
    const reverse = name.endsWith('.in-addr.arpa');
    if (inCluster || reverse) {
      const local = this.lookupLocal(name);
      if (local) {
        const cname = local.find((r) => r.type === 'CNAME');
        if (cname && qtype !== 'CNAME') {
          // CNAME to the externalName, then CoreDNS resolves the target upstream and appends it.
          const target = this.upstream(cname.value, qtype);
          return {
            question: name,
            qtype,
            rcode: 'NOERROR',
            records: [cname, ...target.records],
            authoritative: true,
          };
        }
        const records = local.filter((r) => r.type === qtype).sort(byValue);
        return {
          question: name,
          qtype,
          rcode: 'NOERROR',
          records: qtype === 'A' ? shuffledA(records, this.rng) : records,
          authoritative: true,
        };
      }
      if (inCluster) {
        const rcode = this.emptyNonTerminal(name) ? 'NOERROR' : 'NXDOMAIN';
        return { question: name, qtype, rcode, records: [], authoritative: true };
      }
      // Reverse names we do not own fall through to `forward`: private ranges are NXDOMAIN upstream.
    }
    return this.upstream(name, qtype);
  }

  private upstream(name: string, qtype: DnsQType): DnsAnswer {
    const ips = EXTERNAL_HOSTS[name];
    if (!ips) return { question: name, qtype, rcode: 'NXDOMAIN', records: [], authoritative: false };
    // Upstream round-robins its answers (and CoreDNS `loadbalance` shuffles them again): the order
    // varies per reply, drawn from the seeded dns rng.
    const type = qtype === 'A' || qtype === 'AAAA' ? qtype : undefined;
    const addrs = type === 'A' ? ips : type === 'AAAA' ? (EXTERNAL_HOSTS_AAAA[name] ?? []) : [];
    const records: DnsRecord[] = type
      ? shuffled(addrs, this.rng).map((ip) => ({
          name,
          type,
          value: ip,
          ttl: DNS_TTL,
          owner: `external:${name}`,
        }))
      : [];
    return { question: name, qtype, rcode: 'NOERROR', records, authoritative: false };
  }

  /**
   * Names that exist without records of their own: the zone apex, `svc.` / `pod.`, and
   * `<namespace>.svc.` / `<namespace>.pod.` for a namespace that exists. CoreDNS answers these
   * NOERROR with no data (which also stops musl's search list).
   */
  private emptyNonTerminal(name: string): boolean {
    const d = this.domain;
    if (name === d || name === `svc.${d}` || name === `pod.${d}`) return true;
    const m = /^([a-z0-9-]+)\.(svc|pod)\.(.*)$/.exec(name);
    return !!m && m[3] === d && this.state.namespaces.has(m[1] as string);
  }

  /** Records for a cluster name, or undefined when the name does not exist (NXDOMAIN). */
  private lookupLocal(name: string): DnsRecord[] | undefined {
    const recs = this.state.dnsByName.get(name);
    if (recs?.length) return recs;
    // `pods insecure`: a-b-c-d.<ns>.pod.cluster.local answers a.b.c.d for any well-formed IP.
    const m = /^(\d+)-(\d+)-(\d+)-(\d+)\.([a-z0-9-]+)\.pod\./.exec(name);
    if (m && name === `${m[0]}${this.domain}`) {
      const ip = `${m[1]}.${m[2]}.${m[3]}.${m[4]}`;
      if (isIPv4(ip)) return [{ name, type: 'A', value: ip, ttl: DNS_TTL }];
    }
    return undefined;
  }

  /** Every record CoreDNS would serve now (Service-derived plus one pod A record per Pod IP). */
  records(): DnsRecord[] {
    const out: DnsRecord[] = [];
    for (const l of this.state.dnsByName.values()) out.push(...l);
    for (const [ip, { key }] of this.state.podByIP) {
      const ns = key.slice(0, key.indexOf('/'));
      out.push({
        name: `${ip.replaceAll('.', '-')}.${ns}.pod.${this.domain}`,
        type: 'A',
        value: ip,
        ttl: DNS_TTL,
        owner: `Pod/${key}`,
      });
    }
    return out.sort((a, b) =>
      a.name !== b.name
        ? a.name < b.name
          ? -1
          : 1
        : a.type !== b.type
          ? a.type < b.type
            ? -1
            : 1
          : byValue(a, b),
    );
  }

  resolvConf(podKey: ObjectKey): string {
    const rest = podKey.slice(podKey.indexOf('/') + 1);
    const pod = this.state.pods.get(rest);
    return formatResolvConf(podDns(pod, rest.slice(0, rest.indexOf('/')) || 'default', this.dnsEnv()));
  }

  /**
   * musl's reading of the Pod's resolv.conf, kept per Pod snapshot (stored objects are immutable,
   * and the node's DNS settings never change): every lookup from a Pod reads the same file.
   */
  private readonly confs = new WeakMap<Pod, MuslResolvConf>();
  private podConf(key: ObjectKey, pod: Pod | undefined): MuslResolvConf {
    if (!pod) return muslResolvConf(this.resolvConf(key));
    let conf = this.confs.get(pod);
    if (conf === undefined) {
      conf = muslResolvConf(this.resolvConf(key));
      this.confs.set(pod, conf);
    }
    return conf;
  }

  private dnsEnv(): NodeDnsEnv {
    return nodeDnsEnv(this.state.profile);
  }

  /**
   * The kubelet's DNSConfigForming warnings for `pod` (GetPodDNS → formDNSConfigFitsLimits): what
   * it records on the Pod each time it forms the Pod's DNS config. Static: the kubelet asks it
   * through the late parts without the cluster's CoreDNS.
   */
  static configFormingMessages(pod: Pod, profile: Profile): string[] {
    return dnsConfigFormingMessages(pod, pod.metadata.namespace ?? 'default', nodeDnsEnv(profile));
  }

  /** Whether the kube-dns Service has an endpoint to answer queries (else they time out). */
  dnsReachable(): boolean {
    const m = this.state.models.get('kube-system/kube-dns');
    return !m || m.ports.some((p) => p.protocol === 'UDP' && p.usable.length > 0);
  }

  /**
   * Who answers DNS on `ip`:53/UDP. CoreDNS behind a Service (kube-dns, or any Service whose UDP 53
   * endpoints are CoreDNS Pods; with no usable endpoint kube-proxy rejects the packet) or a running
   * CoreDNS Pod itself; the node's resolver; a public resolver. Anything else: nobody.
   */
  serverAt(ip: string): DnsServer | undefined {
    const s = this.state;
    const svcKey = s.svcByClusterIP.get(ip);
    if (svcKey) {
      const m = s.models.get(svcKey);
      const isKubeDns = svcKey === 'kube-system/kube-dns';
      const ok = m?.ports.some(
        (p) =>
          p.protocol === 'UDP' &&
          p.port === 53 &&
          p.usable.some((e) => isKubeDns || this.isCoreDnsPod(e.podKey?.slice(4))),
      );
      return ok
        ? svcKey === 'kube-system/kube-dns'
          ? KUBE_DNS_SERVER
          : { kind: 'coredns', ref: `Service/${svcKey}` }
        : undefined;
    }
    // The kube-dns ClusterIP before its Service exists (bare test clusters) is CoreDNS.
    if (ip === s.profile.dnsServiceIP)
      return this.dnsReachable() ? { kind: 'coredns', ref: KUBE_DNS } : undefined;
    // The node's resolver (its address is the node's, which hostNetwork Pods share).
    if (ip === s.profile.apiServerEndpoint.ip) return { kind: 'upstream', ref: 'external:dns' };
    const owner = s.podByIP.get(ip);
    if (owner) {
      const pod = s.pods.get(owner.key);
      return pod?.status?.phase === 'Running' && this.isCoreDnsPod(owner.key)
        ? { kind: 'coredns', ref: `Pod/${owner.key}` }
        : undefined;
    }
    const pub = PUBLIC_RESOLVERS[ip];
    return pub ? { kind: 'upstream', ref: `external:${pub}` } : undefined;
  }

  private isCoreDnsPod(key: string | undefined): boolean {
    const pod = key ? this.state.pods.get(key) : undefined;
    return (
      !!pod &&
      podListens(pod, 53, 'UDP') &&
      pod.spec.containers.some((c) => isCoreDnsRepository(imageRepository(c.image)))
    );
  }

  /** One question to the server on `ip` (TIMEOUT when nobody answers there). */
  queryAt(ip: string, rawName: string, qtype: DnsQType): DnsAnswer {
    return this.ask(this.serverAt(ip), rawName, qtype);
  }

  /** One question to a server found with `serverAt` (undefined: nobody answers on that address). */
  private ask(srv: DnsServer | undefined, rawName: string, qtype: DnsQType): DnsAnswer {
    const name = normalizeName(rawName);
    if (!srv) return { question: name, qtype, rcode: 'TIMEOUT', records: [], authoritative: false };
    // A resolver outside the cluster asks the internet, which has no cluster zone.
    return srv.kind === 'coredns' ? this.query(name, qtype) : this.upstream(name, qtype);
  }

  /**
   * musl getaddrinfo (src/network/lookup_name.c) with the Pod's resolv.conf as musl reads it:
   * fewer dots than ndots ⇒ each search suffix in order, then the name as-is; otherwise (or a
   * trailing dot) the name as-is only. NXDOMAIN moves on to the next candidate; any answer that
   * exists (even with no A record) or no answer at all stops. musl sends each question to every
   * nameserver at once and takes the first reply; here the first listed server that answers
   * replies (one that never answers is skipped; none answering is a TIMEOUT).
   */
  resolve(source: TraceSource, rawName: string): Resolution {
    const name = rawName.trim();
    if (isIPv4(name)) return { queries: [], ip: name };
    const podKey = source.kind === 'pod' ? source.key.slice(source.key.indexOf('/') + 1) : '';
    const self = source.kind === 'pod' ? this.state.pods.get(podKey) : undefined;
    const lower = normalizeName(name);
    // musl reads /etc/hosts first; the kubelet-managed file maps localhost and the Pod's hostname
    // (a Pod on the host network has the node's /etc/hosts: localhost only here).
    if (lower === 'localhost') return { queries: [], ip: '127.0.0.1' };
    if (source.kind !== 'pod') {
      // Node and host resolvers do not use cluster DNS: only public names resolve.
      return finish([this.upstream(lower, 'A')]);
    }
    const hostname = self?.spec.hostname ?? self?.metadata.name;
    if (podDnsType(self) !== 'host' && self?.status?.podIP && lower === hostname)
      return { queries: [], ip: self.status.podIP };
    const conf = this.podConf(source.key, self);
    let dots = 0;
    for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) dots++;
    // The search list first (fewer dots than ndots, no trailing dot), then the name as given.
    const search = dots >= conf.ndots || name.endsWith('.') ? NO_SEARCH : conf.search;
    const queries: DnsAnswer[] = [];
    const first = conf.nameservers[0] as string;
    let server: DnsServer | undefined;
    for (let k = 0; k <= search.length; k++) {
      const c = k < search.length ? `${name}.${search[k]}` : name;
      let a: DnsAnswer | undefined;
      server = undefined;
      for (const ip of conf.nameservers) {
        server = this.serverAt(ip);
        a = this.ask(server, c, 'A');
        if (a.rcode !== 'TIMEOUT') break;
      }
      if (!a) break;
      queries.push(a);
      if (a.rcode !== 'NXDOMAIN') break;
    }
    const r: Resolution = finish(queries);
    r.server = server?.ref ?? this.refAt(first);
    r.timeoutMs = conf.timeout * 1000;
    return r;
  }

  /** The graph node for a nameserver address that does not answer: its Service or Pod, else the address. */
  private refAt(ip: string): string {
    const s = this.state;
    const svc = s.svcByClusterIP.get(ip);
    if (svc) return `Service/${svc}`;
    if (ip === s.profile.dnsServiceIP) return KUBE_DNS;
    const owner = s.podByIP.get(ip);
    return owner ? `Pod/${owner.key}` : `external:${ip}`;
  }
}

/**
 * What musl's getaddrinfo found. `server`: whom the last question went to (the graph node of the
 * server that answered, or of the first nameserver when none did); absent for /etc/hosts, address
 * literals and resolvers outside a Pod.
 */
export interface Resolution {
  queries: DnsAnswer[];
  ip?: string;
  canonicalName?: string;
  server?: string;
  /** How long musl waits for a question nobody answers (resolv.conf `options timeout:`, 5 s). */
  timeoutMs?: number;
}

/** A DNS server on some address: CoreDNS itself, or a resolver that asks the internet. */
export interface DnsServer {
  kind: 'coredns' | 'upstream';
  /** Its node on the graph: the Service or Pod, `external:dns` (the node's resolver), `external:dns.google`. */
  ref: string;
}

const KUBE_DNS = 'Service/kube-system/kube-dns';
const KUBE_DNS_SERVER: DnsServer = { kind: 'coredns', ref: KUBE_DNS };
const NO_SEARCH: readonly string[] = [];

/**
 * The kubelet's view: --cluster-dns (the kube-dns ClusterIP), --cluster-domain, and the node's
 * resolv.conf. Which nameserver a Docker Desktop, kind or k3s node lists is not established
 * here; the node resolver is the one the simulation has (at the node's address), answering
 * public names only.
 */
function nodeDnsEnv(p: Profile): NodeDnsEnv {
  return {
    clusterDNS: [p.dnsServiceIP],
    clusterDomain: p.clusterDomain,
    host: { servers: [p.apiServerEndpoint.ip], searches: [], options: [] },
  };
}

function shuffledA(records: DnsRecord[], rng: Rng): DnsRecord[] {
  return records.length > 1 ? shuffled(records, rng) : records;
}

function finish(queries: DnsAnswer[]): { queries: DnsAnswer[]; ip?: string; canonicalName?: string } {
  const last = queries[queries.length - 1];
  const a = last?.records.find((r) => r.type === 'A');
  if (!last || !a) return { queries };
  const cname = last.records.find((r) => r.type === 'CNAME');
  return cname ? { queries, ip: a.value, canonicalName: cname.value } : { queries, ip: a.value };
}
