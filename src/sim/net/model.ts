// Per-Service derived state: the endpoints kube-proxy and CoreDNS see (from EndpointSlices), the
// DNS records CoreDNS serves for it (§C6) and the iptables rules kube-proxy writes for it (§C7).
// Pure functions of (Service, its EndpointSlices, profile); the incremental index in ./state
// recomputes one Service's model when that Service or one of its slices changes.
import type { EndpointSlice, Protocol, Service } from '../api/types';
import type { DnsRecord, ObjectKey } from '../contract';
import type { Profile } from '../profiles';
import { endpointChain, serviceChain } from './hash';

export const DNS_TTL = 30; // kubeadm Corefile: `kubernetes cluster.local … { ttl 30 }`

export interface EndpointInfo {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
  podKey?: ObjectKey;
  hostname?: string;
  sepChain: string;
}

export interface PortModel {
  /** kube-proxy's ServicePortName: `ns/name:port` or `ns/name` when the port is unnamed. */
  spn: string;
  name: string;
  port: number;
  protocol: Protocol;
  nodePort?: number;
  svcChain: string;
  extChain: string;
  /** Every endpoint in the slices for this port. */
  endpoints: EndpointInfo[];
  /** The ones kube-proxy sends new connections to: ready ones, else serving+terminating (topology.go). */
  usable: EndpointInfo[];
}

export interface RuleLine {
  chain: string;
  text: string;
}

export interface ServiceModel {
  key: string; // ns/name
  ref: ObjectKey; // Service/ns/name
  svc: Service;
  mode: 'clusterip' | 'headless' | 'external';
  clusterIP?: string;
  /** status.loadBalancer.ingress IPs (k3s: node IPs) and whether a `localhost` hostname is published (Docker Desktop). */
  lbIPs: string[];
  lbLocalhost: boolean;
  ports: PortModel[];
  dns: DnsRecord[];
  nat: RuleLine[];
  filter: RuleLine[];
}

export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/**
 * An EndpointInfo whose KUBE-SEP chain name (a sha256) is computed on first use: models are
 * rebuilt on every slice change, chain names are read only by iptables-save and the tracer.
 */
class Endpoint implements EndpointInfo {
  declare nodeName?: string;
  declare podKey?: ObjectKey;
  declare hostname?: string;
  readonly #spn: string;
  readonly #protocol: Protocol;
  #chain: string | undefined;

  constructor(
    public ip: string,
    public port: number,
    public ready: boolean,
    public serving: boolean,
    public terminating: boolean,
    spn: string,
    protocol: Protocol,
  ) {
    this.#spn = spn;
    this.#protocol = protocol;
  }

  get sepChain(): string {
    this.#chain ??= endpointChain(this.#spn, this.#protocol, `${this.ip}:${this.port}`);
    return this.#chain;
  }
}

/**
 * A PortModel whose KUBE-SVC-/KUBE-EXT- chain names (sha256s) are computed on first use, like
 * Endpoint's: a Service's model is built when it is created and rebuilt after its slices change,
 * and only iptables-save and the tracer read the names.
 */
class Port implements PortModel {
  declare nodePort?: number;
  #svcChain: string | undefined;
  #extChain: string | undefined;

  constructor(
    public spn: string,
    public name: string,
    public port: number,
    public protocol: Protocol,
    public endpoints: EndpointInfo[],
    public usable: EndpointInfo[],
  ) {}

  get svcChain(): string {
    this.#svcChain ??= serviceChain('KUBE-SVC-', this.spn, this.protocol);
    return this.#svcChain;
  }

  get extChain(): string {
    this.#extChain ??= serviceChain('KUBE-EXT-', this.spn, this.protocol);
    return this.#extChain;
  }
}

function endpointsForPort(
  ns: string,
  spn: string,
  portName: string,
  protocol: Protocol,
  slices: Iterable<EndpointSlice>,
): EndpointInfo[] {
  const seen = new Map<string, EndpointInfo>();
  for (const s of slices) {
    const sp = (s.ports ?? []).find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol);
    if (!sp) continue;
    for (const e of s.endpoints ?? []) {
      const ip = e.addresses[0];
      if (!ip) continue;
      const id = `${ip}:${sp.port}`;
      if (seen.has(id)) continue;
      const info: EndpointInfo = new Endpoint(
        ip,
        sp.port,
        e.conditions.ready !== false,
        e.conditions.serving ?? e.conditions.ready !== false,
        e.conditions.terminating === true,
        spn,
        protocol,
      );
      if (e.nodeName) info.nodeName = e.nodeName;
      if (e.hostname) info.hostname = e.hostname;
      if (e.targetRef?.kind === 'Pod') info.podKey = `Pod/${e.targetRef.namespace ?? ns}/${e.targetRef.name}`;
      seen.set(id, info);
    }
  }
  return [...seen.values()].sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port));
}

/** Headless DNS needs every ready address even when the Service has no ports. */
function readyAddresses(
  slices: Iterable<EndpointSlice>,
): { ip: string; hostname?: string; ports: Map<string, number> }[] {
  const out = new Map<string, { ip: string; hostname?: string; ports: Map<string, number> }>();
  for (const s of slices) {
    for (const e of s.endpoints ?? []) {
      const ip = e.addresses[0];
      if (!ip || e.conditions.ready === false) continue;
      let a = out.get(ip);
      if (!a) {
        a = { ip, ports: new Map() };
        if (e.hostname) a.hostname = e.hostname;
        out.set(ip, a);
      }
      for (const p of s.ports ?? []) a.ports.set(`${p.name ?? ''}/${p.protocol ?? 'TCP'}`, p.port);
    }
  }
  return [...out.values()].sort((a, b) => (a.ip < b.ip ? -1 : 1));
}

/** `%0.10f`, as kube-proxy writes the statistic probability for rule i of n (1/(n-i)). */
export function probability(n: number, i: number): string {
  return (1 / (n - i)).toFixed(10);
}

export function buildServiceModel(
  svc: Service,
  slices: Iterable<EndpointSlice>,
  profile: Profile,
  /** The records of a previous model of the same (non-headless) Service object: they do not depend on slices. */
  dns?: DnsRecord[],
): ServiceModel {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const key = `${ns}/${name}`;
  const fqdn = `${name}.${ns}.svc.${profile.clusterDomain}`.toLowerCase();
  const ref = `Service/${key}`;
  const sliceList = [...slices];
  const mode: ServiceModel['mode'] =
    svc.spec.type === 'ExternalName' ? 'external' : svc.spec.clusterIP === 'None' ? 'headless' : 'clusterip';
  const clusterIP = mode === 'clusterip' && svc.spec.clusterIP ? svc.spec.clusterIP : undefined;
  const ingress = svc.spec.type === 'LoadBalancer' ? (svc.status?.loadBalancer?.ingress ?? []) : [];
  const model: ServiceModel = {
    key,
    ref,
    svc,
    mode,
    lbIPs: ingress.flatMap((i: { ip?: string }) => (i.ip ? [i.ip] : [])),
    lbLocalhost: ingress.some((i: { hostname?: string }) => i.hostname === 'localhost'),
    ports: [],
    dns: [],
    // kube-proxy's rule lines are text built on first use (iptables-save, a trace): a Service's
    // model is rebuilt on every change to its slices, most of which nobody inspects.
    get nat() {
      return rules().nat;
    },
    get filter() {
      return rules().filter;
    },
  };
  let built: { nat: RuleLine[]; filter: RuleLine[] } | undefined;
  const rules = () => {
    if (!built) {
      built = { nat: [], filter: [] };
      if (model.clusterIP) addRules(model.ports, model.lbIPs, built, model.clusterIP, profile);
    }
    return built;
  };
  if (clusterIP) model.clusterIP = clusterIP;
  if (mode !== 'external') {
    for (const sp of svc.spec.ports ?? []) {
      const pname = sp.name ?? '';
      const spn = pname ? `${key}:${pname}` : key;
      const endpoints = endpointsForPort(ns, spn, pname, sp.protocol, sliceList);
      const ready = endpoints.filter((e) => e.ready);
      const pm: PortModel = new Port(
        spn,
        pname,
        sp.port,
        sp.protocol,
        endpoints,
        ready.length ? ready : endpoints.filter((e) => e.serving && e.terminating),
      );
      if (sp.nodePort !== undefined && (svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer')) {
        pm.nodePort = sp.nodePort;
      }
      model.ports.push(pm);
    }
  }
  model.dns = dns ?? dnsRecordsFor(model, fqdn, sliceList);
  return model;
}

function dnsRecordsFor(m: ServiceModel, fqdn: string, slices: EndpointSlice[]): DnsRecord[] {
  const out: DnsRecord[] = [];
  const owner = m.ref;
  const rec = (name: string, type: DnsRecord['type'], value: string) =>
    out.push({ name, type, value, ttl: DNS_TTL, owner });
  if (m.mode === 'external') {
    rec(
      fqdn,
      'CNAME',
      String(m.svc.spec.externalName ?? '')
        .toLowerCase()
        .replace(/\.$/, ''),
    );
    return out;
  }
  if (m.mode === 'clusterip' && m.clusterIP) {
    rec(fqdn, 'A', m.clusterIP);
    rec(reverseName(m.clusterIP), 'PTR', fqdn);
    // SRV only for named ports; one record per name, so weight floor(100/1) = 100 (backend_lookup.go).
    for (const p of m.ports) {
      if (p.name)
        rec(
          `_${p.name}._${p.protocol.toLowerCase()}.${fqdn}`.toLowerCase(),
          'SRV',
          `0 100 ${p.port} ${fqdn}`,
        );
    }
    return out;
  }
  // Headless: A per ready endpoint, a name per endpoint (hostname or dashed IP), PTR, SRV per endpoint.
  const addrs = readyAddresses(slices);
  for (const a of addrs) {
    const host = `${(a.hostname ?? a.ip.replaceAll('.', '-')).toLowerCase()}.${fqdn}`;
    rec(fqdn, 'A', a.ip);
    rec(host, 'A', a.ip);
    rec(reverseName(a.ip), 'PTR', host);
  }
  for (const sp of m.svc.spec.ports ?? []) {
    if (!sp.name) continue;
    const targets = addrs.filter((a) => a.ports.has(`${sp.name}/${sp.protocol}`));
    const weight = Math.max(1, Math.floor(100 / Math.max(1, targets.length)));
    for (const a of targets) {
      const host = `${(a.hostname ?? a.ip.replaceAll('.', '-')).toLowerCase()}.${fqdn}`;
      const port = a.ports.get(`${sp.name}/${sp.protocol}`);
      rec(
        `_${sp.name}._${sp.protocol.toLowerCase()}.${fqdn}`.toLowerCase(),
        'SRV',
        `0 ${weight} ${port} ${host}`,
      );
    }
  }
  return out;
}

function addRules(
  ports: readonly PortModel[],
  lbIPs: readonly string[],
  m: { nat: RuleLine[]; filter: RuleLine[] },
  clusterIP: string,
  profile: Profile,
): void {
  for (const p of ports) {
    const proto = p.protocol.toLowerCase();
    const match = `-p ${proto} -m comment --comment "${p.spn} cluster IP" -m ${proto} --dport ${p.port}`;
    if (p.usable.length === 0) {
      // No endpoints: nothing in nat; REJECT in filter (icmp-port-unreachable ⇒ "Connection refused").
      const noEp = `-m comment --comment "${p.spn} has no endpoints"`;
      const rej = '-j REJECT --reject-with icmp-port-unreachable';
      m.filter.push({
        chain: 'KUBE-SERVICES',
        text: `-A KUBE-SERVICES -d ${clusterIP}/32 -p ${proto} ${noEp} -m ${proto} --dport ${p.port} ${rej}`,
      });
      // proxier.go writes the load-balancer IPs' REJECTs before the NodePort's.
      for (const ip of lbIPs) {
        m.filter.push({
          chain: 'KUBE-EXTERNAL-SERVICES',
          text: `-A KUBE-EXTERNAL-SERVICES -d ${ip}/32 -p ${proto} ${noEp} -m ${proto} --dport ${p.port} ${rej}`,
        });
      }
      if (p.nodePort !== undefined) {
        m.filter.push({
          chain: 'KUBE-EXTERNAL-SERVICES',
          text: `-A KUBE-EXTERNAL-SERVICES -p ${proto} ${noEp} -m addrtype --dst-type LOCAL -m ${proto} --dport ${p.nodePort} ${rej}`,
        });
      }
      continue;
    }
    m.nat.push({
      chain: 'KUBE-SERVICES',
      text: `-A KUBE-SERVICES -d ${clusterIP}/32 ${match} -j ${p.svcChain}`,
    });
    for (const ip of lbIPs) {
      m.nat.push({
        chain: 'KUBE-SERVICES',
        text: `-A KUBE-SERVICES -d ${ip}/32 -p ${proto} -m comment --comment "${p.spn} loadbalancer IP" -m ${proto} --dport ${p.port} -j ${p.extChain}`,
      });
    }
    if (p.nodePort !== undefined) {
      m.nat.push({
        chain: 'KUBE-NODEPORTS',
        text: `-A KUBE-NODEPORTS -p ${proto} -m comment --comment "${p.spn}" -m ${proto} --dport ${p.nodePort} -j ${p.extChain}`,
      });
    }
    if (p.nodePort !== undefined || lbIPs.length) {
      m.nat.push({
        chain: p.extChain,
        text: `-A ${p.extChain} -m comment --comment "masquerade traffic for ${p.spn} external destinations" -j KUBE-MARK-MASQ`,
      });
      m.nat.push({ chain: p.extChain, text: `-A ${p.extChain} -j ${p.svcChain}` });
    }
    m.nat.push({
      chain: p.svcChain,
      text: `-A ${p.svcChain} ! -s ${profile.clusterCIDR} -d ${clusterIP}/32 ${match} -j KUBE-MARK-MASQ`,
    });
    const n = p.usable.length;
    p.usable.forEach((e, i) => {
      const stat = i < n - 1 ? ` -m statistic --mode random --probability ${probability(n, i)}` : '';
      m.nat.push({
        chain: p.svcChain,
        text: `-A ${p.svcChain} -m comment --comment "${p.spn} -> ${e.ip}:${e.port}"${stat} -j ${e.sepChain}`,
      });
    });
    for (const e of p.usable) {
      m.nat.push({
        chain: e.sepChain,
        text: `-A ${e.sepChain} -s ${e.ip}/32 -m comment --comment "${p.spn}" -j KUBE-MARK-MASQ`,
      });
      m.nat.push({
        chain: e.sepChain,
        text: `-A ${e.sepChain} -p ${proto} -m comment --comment "${p.spn}" -m ${proto} -j DNAT --to-destination ${e.ip}:${e.port}`,
      });
    }
  }
}
