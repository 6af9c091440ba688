// The packet tracer: follow one ping / connection attempt through DNS, kube-proxy and delivery,
// the way the kernel would (reference §B10, §C4, §C7). The result is a list of hops for the graph
// and a verdict with the reason in plain words.
import type { Pod, Protocol } from '../api/types';
import type { DnsAnswer, Hop, HopKind, HopRef, Trace, TraceRequest, Verdict } from '../contract';
import type { Rng } from '../runtime/interfaces';
import { type CoreDns, EXTERNAL_HOSTS, isIPv4 } from './dns';
import { hostNetworkListener, podDnsType, sourcePod } from './hostnet';
import { persistence as persistent, renderRule } from './iptables';
import { ipvsLocalOnly, ipvsRealServers, realServerLine } from './ipvs';
import { podListens } from './listeners';
import type { EndpointInfo, PortModel, RuleLine, ServiceModel } from './model';
import { featuresOf, localEndpoints, rulesFor, svlChain } from './policy';
import type { NetState } from './state';

const EXTERNAL_BY_IP = new Map(
  Object.entries(EXTERNAL_HOSTS).flatMap(([h, ips]) => ips.map((ip) => [ip, h] as const)),
);
/** Ports the node's own processes listen on: the API server (control plane) and the kubelet. */
const NODE_PORTS: Record<number, string> = { 6443: 'the API server', 10250: 'the kubelet' };

interface Ctx {
  req: TraceRequest;
  src: HopRef;
  srcNode: string | undefined;
  /**
   * The source Pod runs with hostNetwork: its packets leave from the node's own address and
   * network namespace, so kube-proxy and the routes treat them as the node's own traffic.
   */
  hostNet: boolean;
  hops: Hop[];
  t: number;
  endpoint?: Trace['endpoint'];
  resolvedIP?: string;
  startedAt: number;
}

/** Where a new connection may go: the endpoints and the chain holding their jumps. */
interface Choice {
  eps: EndpointInfo[];
  chain: string;
  /** Local policy kept the client's source IP (no KUBE-MARK-MASQ in KUBE-EXT). */
  keepSource?: boolean;
  /**
   * IPVS, externalTrafficPolicy Local and no endpoint on the node: the packet goes to another
   * node's endpoint without SNAT, so the answer leaves from the Pod's address straight to a
   * client that is not on this node, which drops it. The client's address.
   */
  asymmetric?: string;
}

const clockTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

interface Outcome {
  verdict: Verdict;
  reason: string;
}

const what = (proto: TraceRequest['protocol'], ip: string, port?: number) =>
  proto === 'ICMP' ? `ICMP echo → ${ip}` : proto === 'TCP' ? `SYN → ${ip}:${port}` : `UDP → ${ip}:${port}`;

export class Tracer {
  private seq = 0;
  /** IPVS rr position per virtual server. */
  private rr = new Map<string, number>();
  /**
   * Session affinity per (node, client IP, service port): the endpoint last chosen and when. The
   * kernel's `recent` lists (iptables) and IPVS persistence templates live on each node.
   */
  private sticky = new Map<string, { ep: string; at: number }>();

  constructor(
    private readonly state: NetState,
    private readonly dns: CoreDns,
    private readonly lb: Rng,
    private readonly dnsLb: Rng,
  ) {}

  private get ipvs(): boolean {
    return this.state.profile.proxyMode === 'ipvs';
  }

  private hop(
    c: Ctx,
    kind: HopKind,
    from: HopRef,
    to: HopRef,
    label: string,
    dt: number,
    rule?: string,
  ): void {
    c.t = Math.round((c.t + dt) * 1000) / 1000;
    const h: Hop = { kind, from, to, label, atMs: c.t };
    if (rule !== undefined) h.rule = renderRule(rule);
    c.hops.push(h);
  }

  trace(req: TraceRequest, startedAt: number): Trace {
    const c: Ctx = { req, src: 'host', srcNode: undefined, hostNet: false, hops: [], t: 0, startedAt };
    if (req.source.kind === 'pod') {
      const pod = this.state.pods.get(req.source.key.slice(4));
      c.src = req.source.key;
      c.srcNode = pod?.spec.nodeName;
      c.hostNet = pod?.spec.hostNetwork === true;
    } else if (req.source.kind === 'node') {
      c.src = `Node/${req.source.name}`;
      c.srcNode = req.source.name;
    }
    const out = this.run(c);
    const t: Trace = {
      id: `trace-${++this.seq}`,
      source: req.source,
      destination: req.destination,
      protocol: req.protocol,
      hops: c.hops,
      verdict: out.verdict,
      reason: out.reason,
      startedAt,
    };
    if (req.port !== undefined) t.port = req.port;
    if (c.resolvedIP) t.resolvedIP = c.resolvedIP;
    if (c.endpoint) t.endpoint = c.endpoint;
    return t;
  }

  private run(c: Ctx): Outcome {
    const { req } = c;
    if (req.source.kind === 'pod' && !this.state.pods.has(req.source.key.slice(4))) {
      return { verdict: 'timeout', reason: `${req.source.key} does not exist, so nothing was sent` };
    }
    if (req.protocol !== 'ICMP' && req.port === undefined) {
      return { verdict: 'refused', reason: `${req.protocol} needs a destination port` };
    }
    let ip = req.destination.trim();
    if (!isIPv4(ip)) {
      const res = this.dns.resolve(req.source, ip);
      this.dnsHops(c, res.queries);
      const last = res.queries[res.queries.length - 1];
      if (last?.rcode === 'TIMEOUT') {
        return {
          verdict: 'timeout',
          reason: `the DNS query for ${last.question} got no answer: the kube-dns Service has no ready CoreDNS endpoint`,
        };
      }
      const cname = last?.records.find((r) => r.type === 'CNAME');
      if (!res.ip && cname) {
        return {
          verdict: 'nxdomain',
          reason: `${last?.question} is a CNAME for ${cname.value}, which has no address (the upstream resolver knows no such host)`,
        };
      }
      if (!res.ip) {
        const tried = res.queries.map((q) => `${q.question} (${q.rcode})`).join(', ');
        return {
          verdict: 'nxdomain',
          reason: `${req.destination} does not resolve: tried ${tried || 'no server'}`,
        };
      }
      ip = res.ip;
    }
    c.resolvedIP = ip;
    const port = req.port ?? 0;
    const proto = req.protocol;
    const s = this.state;

    if (req.source.kind === 'host') return this.fromHost(c, ip, port);
    if (ip.startsWith('127.')) {
      // Loopback never leaves the network namespace: the Pod (or node) talks to itself. A
      // hostNetwork Pod's loopback is the node's.
      const self =
        req.source.kind === 'pod' && !c.hostNet
          ? this.state.pods.get(req.source.key.slice(4))?.status?.podIP
          : undefined;
      if (self) return this.deliver(c, c.src, self, port, c.srcNode, `loopback ${ip}`);
      const nodeIP = this.state.nodes
        .get(c.srcNode ?? '')
        ?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
      if (nodeIP) return this.toNode(c, c.srcNode as string, nodeIP, port, c.src);
    }
    const cipSvc = s.svcByClusterIP.get(ip);
    if (cipSvc) return this.toClusterIP(c, s.models.get(cipSvc) as ServiceModel, ip, port);
    const node = s.nodeByIP.get(ip);
    if (node) return this.toNode(c, node, ip, port);
    this.hop(c, 'send', c.src, this.refFor(ip), what(proto, ip, port), 0.01);
    return this.deliver(c, c.src, ip, port);
  }

  private dnsHops(c: Ctx, queries: DnsAnswer[]): void {
    // A Pod whose resolv.conf is the node's (dnsPolicy Default, or ClusterFirst on the host
    // network) asks the node's resolver, not the kube-dns Service.
    const podSource =
      podDnsType(sourcePod(this.state, c.req.source)) !== 'host' && c.req.source.kind === 'pod';
    const dnsSvc = 'Service/kube-system/kube-dns';
    const model = this.state.models.get('kube-system/kube-dns');
    const udp = model?.ports.find((p) => p.protocol === 'UDP');
    for (const q of queries) {
      const server = podSource ? dnsSvc : 'external:dns';
      this.hop(c, 'dns-query', c.src, server, `${q.qtype}? ${q.question}`, 0.05);
      let answerer: HopRef = server;
      if (podSource && udp?.usable.length) {
        const ep = udp.usable[this.dnsLb.int(udp.usable.length)] as EndpointInfo;
        answerer = ep.podKey ?? `external:${ep.ip}`;
        this.hop(
          c,
          'dnat',
          dnsSvc,
          answerer,
          `DNAT → ${ep.ip}:${ep.port}`,
          0.01,
          sepDnat(ep, udp, this.ipvs),
        );
        if (c.srcNode && ep.nodeName && ep.nodeName !== c.srcNode) {
          this.hop(
            c,
            'forward',
            `Node/${c.srcNode}`,
            `Node/${ep.nodeName}`,
            `→ ${ep.nodeName} (${ep.ip})`,
            0.1,
          );
        }
      }
      if (q.rcode === 'TIMEOUT') continue;
      const label =
        q.rcode === 'NXDOMAIN'
          ? `NXDOMAIN ${q.question}`
          : q.records.length
            ? q.records
                .map((r) => (r.type === 'CNAME' ? `CNAME ${r.value}` : `${r.type} ${r.value}`))
                .join(', ')
            : `NOERROR (no ${q.qtype} record) ${q.question}`;
      this.hop(c, q.rcode === 'NXDOMAIN' ? 'dns-nxdomain' : 'dns-answer', answerer, c.src, label, 0.2);
    }
  }

  private refFor(ip: string): HopRef {
    const s = this.state;
    const pod = s.podByIP.get(ip);
    if (pod) return `Pod/${pod.key}`;
    const node = s.nodeByIP.get(ip);
    if (node) return `Node/${node}`;
    return `external:${EXTERNAL_BY_IP.get(ip) ?? ip}`;
  }

  private toClusterIP(c: Ctx, m: ServiceModel, ip: string, port: number): Outcome {
    const { protocol: proto } = c.req;
    const node = c.srcNode ?? this.state.profile.nodes[0]?.name ?? 'node';
    const proxy = `kube-proxy/${node}`;
    this.hop(c, 'send', c.src, m.ref, what(proto, ip, port), 0.01);
    if (proto === 'ICMP') {
      if (this.ipvs) {
        this.hop(c, 'deliver', m.ref, `Node/${node}`, `kube-ipvs0 on ${node} owns ${ip}`, 0.02);
        this.hop(c, 'reply', `Node/${node}`, c.src, `ICMP echo reply from ${ip}`, 0.03);
        return {
          verdict: 'delivered',
          reason: `in IPVS mode every ClusterIP is bound to the kube-ipvs0 interface on each node, so ${node} answers the ping for ${ip} itself`,
        };
      }
      this.hop(c, 'no-rule', proxy, m.ref, 'no rule matches ICMP', 0.01);
      this.hop(c, 'drop', m.ref, m.ref, `nobody owns ${ip}`, 0.01);
      return {
        verdict: 'no-reply',
        reason: `ICMP to a ClusterIP matches no kube-proxy rule, and no interface owns ${ip}, so nothing answers`,
      };
    }
    const pm = m.ports.find((p) => p.port === port && p.protocol === proto);
    if (!pm) {
      if (this.ipvs && proto === 'TCP' && NODE_PORTS[port]) {
        // kubernetes#72236: the VIP is a local address, so host daemons bound to 0.0.0.0 answer on it.
        this.hop(c, 'deliver', m.ref, `Node/${node}`, what(proto, ip, port), 0.02);
        this.hop(c, 'reply', `Node/${node}`, c.src, 'SYN-ACK', 0.03);
        return {
          verdict: 'delivered',
          reason: `${ip} is bound to kube-ipvs0 on ${node}, and ${NODE_PORTS[port]} listens on 0.0.0.0:${port} there`,
        };
      }
      if (this.ipvs)
        return this.nodeRst(
          c,
          m.ref,
          node,
          `${m.key} has no port ${port}/${proto}; kube-ipvs0 on ${node} owns ${ip} but nothing listens there`,
        );
      this.hop(c, 'no-rule', proxy, m.ref, `no rule for ${ip}:${port}/${proto}`, 0.01);
      this.hop(c, 'drop', m.ref, m.ref, `nobody owns ${ip}`, 0.01);
      return this.lost(
        proto,
        `${m.key} has no port ${port}/${proto}, so no kube-proxy rule matches and no interface owns ${ip}`,
      );
    }
    if (pm.usable.length === 0) return this.noEndpoints(c, pm, proxy, node, filterReject(m, pm, ip));
    if (this.ipvs) return this.viaIpvs(c, m, pm, node, ip, port, false);
    const f = featuresOf(m.svc);
    let choice: Choice = { eps: pm.usable, chain: pm.svcChain };
    if (f?.intLocal) {
      choice = { eps: localEndpoints(pm, node), chain: svlChain(pm) };
      if (!choice.eps.length) {
        const rule = this.rules(m, node).filter.find(
          (r) =>
            r.chain === 'KUBE-SERVICES' &&
            r.text.includes(`-d ${ip}/32`) &&
            r.text.includes(`--dport ${port} `),
        );
        return this.noLocal(c, m, pm, proxy, node, rule?.text, 'internalTrafficPolicy');
      }
    }
    const line = this.rules(m, node).nat.find(
      (r) =>
        r.chain === 'KUBE-SERVICES' && r.text.includes(`-d ${ip}/32`) && r.text.includes(`--dport ${port} `),
    );
    this.hop(c, 'rule', proxy, m.ref, choice.chain, 0.01, line?.text);
    return this.dnat(c, m, pm, choice, node, `${ip}:${port}/${proto}`);
  }

  /**
   * IPVS mode: the virtual server for `addr:port` on `node` and its real servers (./ipvs). A
   * server without real servers answers ICMP port unreachable (ip_vs_leave). Under
   * externalTrafficPolicy Local nothing is masqueraded (the KUBE-NODE-PORT-LOCAL-* and
   * KUBE-LOAD-BALANCER-LOCAL sets RETURN before KUBE-MARK-MASQ).
   */
  private viaIpvs(
    c: Ctx,
    m: ServiceModel,
    pm: PortModel,
    node: string,
    addr: string,
    port: number,
    external: boolean,
  ): Outcome {
    const proto = c.req.protocol;
    const proxy = `kube-proxy/${node}`;
    const vs = `${proto}  ${addr}:${port} rr${persistent(m)}`;
    const f = featuresOf(m.svc);
    const policy = external ? f?.extLocal && 'externalTrafficPolicy' : f?.intLocal && 'internalTrafficPolicy';
    const reals = ipvsRealServers(m, pm, node, external);
    const local = ipvsLocalOnly(m, pm, node, external);
    let note = '';
    if (policy)
      note = local
        ? ` (${policy} Local: ${node}'s endpoints)`
        : reals.length
          ? ` (${policy} Local, no endpoint on ${node}: every endpoint)`
          : ` (${policy} Local, no endpoint on ${node}: no real servers)`;
    this.hop(c, 'rule', proxy, m.ref, `IPVS ${addr}:${port} rr${note}`, 0.01, vs);
    if (!reals.length) {
      this.hop(c, 'reject', `Node/${node}`, c.src, 'ICMP port unreachable (no real server)', 0.01, vs);
      return {
        verdict: 'refused',
        reason: `${m.key} has internalTrafficPolicy: Local and no ready endpoint on node ${node}, so kube-proxy leaves the IPVS virtual server ${addr}:${port} there without real servers and IPVS answers ICMP port unreachable: connection refused`,
      };
    }
    const choice: Choice = { eps: reals, chain: '' };
    if (external && f?.extLocal) {
      choice.keepSource = true;
      const src = c.req.source;
      const onNode = src.kind === 'node' ? src.name === node : c.srcNode === node;
      if (!local && !onNode) choice.asymmetric = this.clientIP(c);
    }
    return this.dnat(c, m, pm, choice, node, `${addr}:${port}/${proto}`);
  }

  /** kube-proxy's rules on `node` for this Service (the model's own unless it uses ./policy features). */
  private rules(m: ServiceModel, node: string): { nat: RuleLine[]; filter: RuleLine[] } {
    return rulesFor(m, this.state.profile.clusterCIDR, node);
  }

  private pick(eps: EndpointInfo[], vs: string): EndpointInfo {
    const n = eps.length;
    if (this.ipvs) {
      const i = this.rr.get(vs) ?? 0;
      this.rr.set(vs, (i + 1) % n);
      return eps[i % n] as EndpointInfo;
    }
    // The statistic cascade (1/n, 1/(n-1), …, 1) is uniform over the endpoints: one draw.
    return eps[this.lb.int(n)] as EndpointInfo;
  }

  /** The client address kube-proxy's `recent` match (or IPVS persistence) sees: the original source. */
  private clientIP(c: Ctx): string {
    const src = c.req.source;
    if (src.kind === 'pod') return this.state.pods.get(src.key.slice(4))?.status?.podIP ?? src.key;
    if (src.kind === 'node') return this.nodeIP(src.name) ?? src.name;
    return 'your machine';
  }

  private nodeIP(name: string): string | undefined {
    return this.state.nodes.get(name)?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
  }

  private dnat(c: Ctx, m: ServiceModel, pm: PortModel, choice: Choice, node: string, vs: string): Outcome {
    const proxy = `kube-proxy/${node}`;
    const timeout = featuresOf(m.svc)?.affinity;
    let ep: EndpointInfo | undefined;
    let stickyKey = '';
    if (timeout !== undefined) {
      // sessionAffinity ClientIP: `-m recent --rcheck --seconds <timeout> --reap` in front of the
      // cascade; the SEP chain's `--set` refreshes the client's entry on every new connection.
      const client = this.clientIP(c);
      stickyKey = `${node}|${client}|${pm.spn}/${pm.protocol}`;
      const seen = this.sticky.get(stickyKey);
      if (seen) {
        const ago = Math.floor((c.startedAt - seen.at) / 1000);
        const prev = choice.eps.find((e) => `${e.ip}:${e.port}` === seen.ep);
        const when = `affinity: ${client} was sent to ${seen.ep} at ${clockTime(seen.at)}, ${ago} s ago`;
        if (prev && ago <= timeout) {
          ep = prev;
          const rc = this.ipvs
            ? undefined
            : this.rules(m, node).nat.find(
                (r) =>
                  r.chain === choice.chain &&
                  r.text.includes(`--rcheck`) &&
                  r.text.endsWith(` -j ${prev.sepChain}`),
              )?.text;
          this.hop(c, 'rule', proxy, m.ref, `${when} (timeout ${timeout} s): same endpoint`, 0.01, rc);
        } else {
          this.hop(
            c,
            'rule',
            proxy,
            m.ref,
            prev
              ? `${when}: past the ${timeout} s timeout, so a fresh pick`
              : `${when}: that endpoint is gone, so a fresh pick`,
            0.01,
          );
        }
      }
    }
    const fresh = ep === undefined;
    ep ??= this.pick(choice.eps, vs);
    if (stickyKey) this.sticky.set(stickyKey, { ep: `${ep.ip}:${ep.port}`, at: c.startedAt });
    const to = ep.podKey ?? this.refFor(ep.ip);
    if (!this.ipvs && fresh) {
      // The KUBE-SVC/SVL jump that chose this endpoint (its `statistic --probability` line, if any).
      const sep = ep.sepChain;
      const nat = this.rules(m, node).nat;
      const jump = nat.find(
        (r) => r.chain === choice.chain && r.text.endsWith(` -j ${sep}`) && !r.text.includes('--rcheck'),
      );
      const n = choice.eps.length;
      this.hop(c, 'rule', proxy, m.ref, `${choice.chain} → ${sep} (1 of ${n})`, 0.01, jump?.text);
    }
    this.hop(
      c,
      'dnat',
      m.ref,
      to,
      `DNAT → ${ep.ip}:${ep.port}`,
      0.01,
      sepDnat(ep, pm, this.ipvs, timeout !== undefined),
    );
    c.endpoint = ep.podKey ? { ip: ep.ip, port: ep.port, pod: ep.podKey } : { ip: ep.ip, port: ep.port };
    const kept = choice.keepSource ? ' (externalTrafficPolicy Local: the client source IP is kept)' : '';
    const out = this.deliver(c, m.ref, ep.ip, ep.port, node, `${m.key} → ${ep.ip}:${ep.port}${kept}`);
    if (!choice.asymmetric || out.verdict === 'timeout' || out.verdict === 'no-reply') return out;
    const client = choice.asymmetric;
    this.hop(c, 'drop', to, c.src, `${client} drops the answer from ${ep.ip}`, 0.01);
    return this.lost(
      c.req.protocol,
      `${m.key} has externalTrafficPolicy: Local and no ready endpoint on node ${node}; kube-proxy (IPVS) gives the virtual server every endpoint instead (kubernetes#97081), so the packet reaches ${ep.ip}:${ep.port} on another node without SNAT, but the answer goes from ${ep.ip} straight back to ${client}, which never sent anything to ${ep.ip} and drops it`,
    );
  }

  /**
   * A Local traffic policy and no endpoint on this node: kube-proxy's filter DROP
   * ("<svc> has no local endpoints") discards the packet, so nothing answers.
   */
  private noLocal(
    c: Ctx,
    m: ServiceModel,
    pm: PortModel,
    proxy: HopRef,
    node: string,
    rule: string | undefined,
    policy: 'internalTrafficPolicy' | 'externalTrafficPolicy',
  ): Outcome {
    this.hop(c, 'drop', proxy, m.ref, `DROP: ${pm.spn} has no local endpoints`, 0.01, rule);
    return this.lost(
      c.req.protocol,
      `${m.key} has ${policy}: Local and no ready endpoint on node ${node}, so kube-proxy there drops the packet ("${pm.spn} has no local endpoints")`,
    );
  }

  /**
   * External traffic (NodePort, LB IP) arriving at `node`: the EXT chain sends Pod traffic and the
   * node's own traffic to the Cluster chain; anything else follows externalTrafficPolicy.
   */
  private externalChoice(c: Ctx, m: ServiceModel, pm: PortModel, node: string): Choice {
    if (this.ipvs || !featuresOf(m.svc)?.extLocal) return { eps: pm.usable, chain: pm.svcChain };
    // A Pod address (in the cluster CIDR) or a LOCAL source address (the node's own traffic, a
    // hostNetwork Pod's included); a hostNetwork Pod on another node comes from that node's IP.
    const src = c.req.source;
    const fromCluster =
      (src.kind === 'pod' && !c.hostNet) ||
      (src.kind === 'node' && src.name === node) ||
      (c.hostNet && c.srcNode === node);
    if (fromCluster) return { eps: pm.usable, chain: pm.svcChain };
    return { eps: localEndpoints(pm, node), chain: svlChain(pm), keepSource: true };
  }

  private externalDrop(c: Ctx, m: ServiceModel, pm: PortModel, node: string, port: number, ip?: string) {
    const rule = this.rules(m, node).filter.find(
      (r) =>
        r.chain === 'KUBE-EXTERNAL-SERVICES' &&
        r.text.includes('has no local endpoints') &&
        r.text.includes(`--dport ${port} `) &&
        (ip === undefined ? !r.text.includes(' -d ') : r.text.includes(`-d ${ip}/32`)),
    );
    return this.noLocal(c, m, pm, `kube-proxy/${node}`, node, rule?.text, 'externalTrafficPolicy');
  }

  private noEndpoints(c: Ctx, pm: PortModel, proxy: HopRef, node: string, rule: string | undefined): Outcome {
    if (this.ipvs) {
      // ip_vs_leave: a virtual server with no real servers answers ICMP port unreachable.
      this.hop(c, 'reject', `Node/${node}`, c.src, 'ICMP port unreachable (no real server)', 0.01);
      return {
        verdict: 'refused',
        reason: `${pm.spn} has no endpoints: its IPVS virtual server on ${node} has no real servers, so IPVS answers ICMP port unreachable and the connection is refused at once`,
      };
    }
    this.hop(c, 'reject', proxy, c.src, 'REJECT icmp-port-unreachable', 0.01, rule);
    return {
      verdict: 'refused',
      reason: `${pm.spn} has no endpoints, so kube-proxy's REJECT rule answers icmp-port-unreachable and the connection is refused at once`,
    };
  }

  private nodeRst(c: Ctx, from: HopRef, node: string, reason: string): Outcome {
    this.hop(c, 'deliver', from, `Node/${node}`, c.req.protocol === 'TCP' ? 'SYN' : 'UDP', 0.02);
    this.hop(
      c,
      'reply',
      `Node/${node}`,
      c.src,
      c.req.protocol === 'TCP' ? 'RST' : 'ICMP port unreachable',
      0.02,
    );
    return { verdict: 'refused', reason };
  }

  private lost(proto: Protocol | 'ICMP', reason: string): Outcome {
    return proto === 'TCP'
      ? { verdict: 'timeout', reason: `${reason}; the SYN is never answered, so the connection times out` }
      : { verdict: 'no-reply', reason: `${reason}, so nothing answers` };
  }

  /** The packet has its final destination address: who owns it, and does it answer? */
  private deliver(c: Ctx, from: HopRef, ip: string, port: number, viaNode?: string, via?: string): Outcome {
    const { protocol: proto } = c.req;
    const s = this.state;
    const owner = s.podByIP.get(ip);
    const fromNode = viaNode ?? c.srcNode;
    if (owner) {
      const podKey = owner.key;
      const pod = s.pods.byRef(owner) as Pod;
      const ref = `Pod/${podKey}`;
      const dstNode = pod.spec.nodeName;
      if (fromNode && dstNode && dstNode !== fromNode) {
        this.hop(c, 'forward', `Node/${fromNode}`, `Node/${dstNode}`, `→ ${dstNode} (${ip})`, 0.1);
      }
      const terminating = pod.metadata.deletionTimestamp ? ' (Terminating, still running)' : '';
      const prefix = via ? `${via}: ` : '';
      if (proto === 'ICMP') {
        this.hop(c, 'deliver', from, ref, `ICMP echo → ${ip}`, 0.02);
        this.hop(c, 'reply', ref, c.src, `ICMP echo reply from ${ip}`, 0.03);
        return {
          verdict: 'delivered',
          reason: `${prefix}${ip} is Pod ${podKey}${terminating}; its network namespace answers the echo`,
        };
      }
      const running = pod.status?.phase === 'Running';
      this.hop(c, 'deliver', from, ref, what(proto, ip, port), 0.02);
      if (running && podListens(pod, port, proto)) {
        this.hop(c, 'reply', ref, c.src, proto === 'TCP' ? 'SYN-ACK' : 'UDP reply', 0.03);
        return {
          verdict: 'delivered',
          reason: `${prefix}Pod ${podKey}${terminating} listens on ${port}/${proto} and answers`,
        };
      }
      this.hop(c, 'reply', ref, c.src, proto === 'TCP' ? 'RST' : 'ICMP port unreachable', 0.03);
      const image = pod.spec.containers.map((x) => x.image).join(', ');
      return {
        verdict: 'refused',
        reason: `${prefix}nothing in Pod ${podKey}${terminating} listens on ${port}/${proto} (image ${image}), so its kernel answers ${proto === 'TCP' ? 'the SYN with RST' : 'ICMP port unreachable'}: connection refused`,
      };
    }
    const nodeName = s.nodeByIP.get(ip);
    if (nodeName) return this.toNode(c, nodeName, ip, port, from, fromNode, via);
    const ext = EXTERNAL_BY_IP.get(ip);
    if (ext) {
      const ref = `external:${ext}`;
      this.hop(c, 'deliver', from, ref, what(proto, ip, port), 5);
      if (proto === 'ICMP' || (proto === 'TCP' && (port === 80 || port === 443))) {
        this.hop(c, 'reply', ref, c.src, proto === 'ICMP' ? `ICMP echo reply from ${ip}` : 'SYN-ACK', 5);
        return {
          verdict: 'delivered',
          reason: `${ip} is ${ext} on the internet, reached through the node's default route (SNAT)`,
        };
      }
      return this.lost(proto, `${ext} (${ip}) does not answer on ${port}/${proto}`);
    }
    this.hop(c, 'drop', from, `external:${ip}`, `nobody owns ${ip}`, 0.02);
    const former = s.formerPodIP.get(ip);
    const why = former
      ? `${ip} belonged to Pod ${former}, which was deleted; no Pod owns it now`
      : `no Pod, node or host owns ${ip}`;
    return this.lost(proto, via ? `${via}: ${why}` : why);
  }

  private toNode(
    c: Ctx,
    nodeName: string,
    ip: string,
    port: number,
    from?: HopRef,
    fromNode?: string,
    via?: string,
  ): Outcome {
    const { protocol: proto } = c.req;
    const ref = `Node/${nodeName}`;
    const proxy = `kube-proxy/${nodeName}`;
    if (!from) this.hop(c, 'send', c.src, ref, what(proto, ip, port), 0.01);
    if (proto === 'ICMP') {
      this.hop(c, 'reply', ref, c.src, `ICMP echo reply from ${ip}`, 0.03);
      return {
        verdict: 'delivered',
        reason: `${ip} is node ${nodeName}'s address; the node answers the ping`,
      };
    }
    const s = this.state;
    const lbKey = s.svcByLBAddr.get(`${ip}:${port}/${proto}`);
    if (lbKey) {
      const m = s.models.get(lbKey) as ServiceModel;
      const pm = m.ports.find((p) => p.port === port && p.protocol === proto) as PortModel;
      if (!pm.usable.length) return this.noEndpoints(c, pm, proxy, nodeName, externalReject(m, pm, ip, port));
      if (this.ipvs) return this.viaIpvs(c, m, pm, nodeName, ip, port, true);
      const line = this.rules(m, nodeName).nat.find(
        (r) =>
          r.chain === 'KUBE-SERVICES' &&
          r.text.includes(`-d ${ip}/32`) &&
          r.text.includes(`--dport ${port} `),
      );
      this.hop(c, 'rule', proxy, m.ref, pm.extChain, 0.01, line?.text);
      const choice = this.externalChoice(c, m, pm, nodeName);
      if (!choice.eps.length) return this.externalDrop(c, m, pm, nodeName, port, ip);
      return this.dnat(c, m, pm, choice, nodeName, `${ip}:${port}/${proto}`);
    }
    const npKey = s.svcByNodePort.get(`${port}/${proto}`);
    if (npKey) return this.viaNodePort(c, s.models.get(npKey) as ServiceModel, port, nodeName, ip);
    if (proto === 'TCP' && NODE_PORTS[port] && (port !== 6443 || s.profile.apiServerEndpoint.ip === ip)) {
      this.hop(c, 'reply', ref, c.src, 'SYN-ACK', 0.03);
      return {
        verdict: 'delivered',
        reason: `${NODE_PORTS[port]} listens on ${ip}:${port} on node ${nodeName}`,
      };
    }
    // A hostNetwork Pod's process listens in the node's network namespace: its port is the node's.
    const hn = hostNetworkListener(s, nodeName, port, proto);
    if (hn?.running) return this.toHostNetPod(c, hn.key, nodeName, ip, port, from, fromNode, via);
    const prefix = via ? `${via}: ` : '';
    const later = hn
      ? ` (the hostNetwork Pod ${hn.key} would, but it is ${hn.pod.status?.phase ?? 'Pending'}, its container not started yet)`
      : '';
    return this.nodeRst(
      c,
      ref,
      nodeName,
      `${prefix}nothing on node ${nodeName} listens on ${port}/${proto}${later}, so it answers ${proto === 'TCP' ? 'RST' : 'ICMP port unreachable'}`,
    );
  }

  /** Delivery to a Running hostNetwork Pod's socket on the node's address `ip`. */
  private toHostNetPod(
    c: Ctx,
    key: string,
    nodeName: string,
    ip: string,
    port: number,
    from?: HopRef,
    fromNode?: string,
    via?: string,
  ): Outcome {
    const proto = c.req.protocol;
    const ref = `Pod/${key}`;
    const name = key.slice(key.indexOf('/') + 1);
    if (from && fromNode && fromNode !== nodeName)
      this.hop(c, 'forward', `Node/${fromNode}`, `Node/${nodeName}`, `→ ${nodeName} (${ip})`, 0.1);
    const label = `${what(proto, ip, port)}: delivered to the Pod ${name} on the node's network`;
    this.hop(c, 'deliver', from ?? `Node/${nodeName}`, ref, label, 0.02);
    this.hop(c, 'reply', ref, c.src, proto === 'TCP' ? 'SYN-ACK' : 'UDP reply', 0.03);
    c.endpoint = { ip, port, pod: ref };
    const prefix = via ? `${via}: ` : '';
    return {
      verdict: 'delivered',
      reason: `${prefix}delivered to the Pod ${key} on node ${nodeName}'s network: it runs with hostNetwork, so its process listens on ${port}/${proto} in the node's own network namespace, at ${ip}`,
    };
  }

  private viaNodePort(c: Ctx, m: ServiceModel, nodePort: number, nodeName: string, ip: string): Outcome {
    const { protocol: proto } = c.req;
    const pm = m.ports.find((p) => p.nodePort === nodePort && p.protocol === proto) as PortModel;
    const proxy = `kube-proxy/${nodeName}`;
    if (!pm.usable.length)
      return this.noEndpoints(c, pm, proxy, nodeName, externalReject(m, pm, undefined, nodePort));
    if (this.ipvs) return this.viaIpvs(c, m, pm, nodeName, ip, nodePort, true);
    const line = this.rules(m, nodeName).nat.find(
      (r) => r.chain === 'KUBE-NODEPORTS' && r.text.includes(`--dport ${nodePort} `),
    );
    this.hop(c, 'rule', proxy, m.ref, pm.extChain, 0.01, line?.text);
    const choice = this.externalChoice(c, m, pm, nodeName);
    if (!choice.eps.length) return this.externalDrop(c, m, pm, nodeName, nodePort);
    return this.dnat(c, m, pm, choice, nodeName, `${ip}:${nodePort}/${proto}`);
  }

  /** The student's machine: only localhost-published ports (Docker Desktop) or routable node IPs. */
  private fromHost(c: Ctx, ip: string, port: number): Outcome {
    const { protocol: proto } = c.req;
    const s = this.state;
    const p = s.profile;
    const first = p.nodes[0]?.name ?? 'node';
    if (ip === '127.0.0.1') {
      if (proto === 'ICMP') {
        this.hop(c, 'reply', 'host', 'host', 'ICMP echo reply from 127.0.0.1', 0.01);
        return { verdict: 'delivered', reason: 'localhost is your own machine' };
      }
      const lbKey = p.loadBalancer === 'localhost' ? s.svcByLocalhostPort.get(`${port}/${proto}`) : undefined;
      const npKey =
        p.distro === 'docker-desktop' && p.nodePortFromHost
          ? s.svcByNodePort.get(`${port}/${proto}`)
          : undefined;
      if (lbKey) {
        const m = s.models.get(lbKey) as ServiceModel;
        const pm = m.ports.find((x) => x.port === port && x.protocol === proto) as PortModel;
        this.hop(c, 'send', 'host', `Node/${first}`, `localhost:${port} → Docker Desktop VM`, 0.2);
        if (pm.nodePort !== undefined)
          return this.viaNodePort(c, m, pm.nodePort, first, p.nodes[0]?.ip ?? ip);
        if (!pm.usable.length) return this.noEndpoints(c, pm, `kube-proxy/${first}`, first, undefined);
        const choice = this.externalChoice(c, m, pm, first);
        if (!choice.eps.length) return this.externalDrop(c, m, pm, first, port);
        return this.dnat(c, m, pm, choice, first, `lb:${port}/${proto}`);
      }
      if (npKey) {
        this.hop(c, 'send', 'host', `Node/${first}`, `localhost:${port} → Docker Desktop VM`, 0.2);
        return this.viaNodePort(c, s.models.get(npKey) as ServiceModel, port, first, p.nodes[0]?.ip ?? ip);
      }
      this.hop(c, 'reply', 'host', 'host', proto === 'TCP' ? 'RST' : 'ICMP port unreachable', 0.01);
      return { verdict: 'refused', reason: `nothing on your machine listens on localhost:${port}` };
    }
    const node = s.nodeByIP.get(ip);
    if (node && p.distro !== 'docker-desktop' && p.nodePortFromHost) return this.toNode(c, node, ip, port);
    const ext = EXTERNAL_BY_IP.get(ip);
    if (ext) {
      this.hop(c, 'send', 'host', `external:${ext}`, what(proto, ip, port), 0.01);
      return this.deliver(c, 'host', ip, port);
    }
    this.hop(c, 'send', 'host', this.refFor(ip), what(proto, ip, port), 0.01);
    this.hop(c, 'drop', 'host', this.refFor(ip), `no route to ${ip} from your machine`, 0.01);
    return this.lost(
      proto,
      node
        ? `node ${node}'s address ${ip} is on a network your machine cannot reach (kind needs extraPortMappings)`
        : `${ip} is inside the cluster network, which your machine has no route to`,
    );
  }
}

function sepDnat(ep: EndpointInfo, pm: PortModel, ipvs: boolean, affinity = false): string {
  if (ipvs) return realServerLine(ep);
  const proto = pm.protocol.toLowerCase();
  const recent = affinity ? ` -m recent --set --name ${ep.sepChain} --mask 255.255.255.255 --rsource` : '';
  return `-A ${ep.sepChain} -p ${proto} -m comment --comment "${pm.spn}"${recent} -m ${proto} -j DNAT --to-destination ${ep.ip}:${ep.port}`;
}

function filterReject(m: ServiceModel, pm: PortModel, ip: string): string | undefined {
  return m.filter.find(
    (r) =>
      r.chain === 'KUBE-SERVICES' && r.text.includes(`-d ${ip}/32`) && r.text.includes(`--dport ${pm.port} `),
  )?.text;
}

function externalReject(
  m: ServiceModel,
  pm: PortModel,
  ip: string | undefined,
  port: number,
): string | undefined {
  return m.filter.find(
    (r) =>
      r.chain === 'KUBE-EXTERNAL-SERVICES' &&
      r.text.includes(`"${pm.spn} has no endpoints"`) &&
      r.text.includes(`--dport ${port} `) &&
      (ip === undefined ? !r.text.includes(' -d ') : r.text.includes(`-d ${ip}/32`)),
  )?.text;
}
