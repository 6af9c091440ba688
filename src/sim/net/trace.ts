// The packet tracer: follow one ping / connection attempt through DNS, kube-proxy and delivery,
// the way the kernel would (reference §B10, §C4, §C7). The result is a list of hops for the graph
// and a verdict with the reason in plain words. This file is the entry point (the Tracer, bound
// late through src/sim/late-impl.ts): where the packet starts. Its DNS hops are in ./trace-dns;
// the rest of the walk is in ./trace-proxy (kube-proxy: ClusterIP, NodePort, LB IP; iptables and IPVS),
// ./trace-deliver (Pods, nodes, hostNetwork Pods, the internet), ./trace-icmp (who answers a
// ping), ./trace-walk (the walk's context and hop recorder) and ./trace-wording.
import type { Trace, TraceRequest } from '../contract';
import type { Rng } from '../runtime/interfaces';
import { type CoreDns, isIPv4 } from './dns';
import type { PortModel, ServiceModel } from './model';
import type { NetState } from './state';
import { deliver, toNode } from './trace-deliver';
import { dnsHops, dnsSilence } from './trace-dns';
import { pingLocalhost } from './trace-icmp';
import { dnat, externalChoice, externalDrop, noEndpoints, toClusterIP, viaNodePort } from './trace-proxy';
import { type Ctx, EXTERNAL_BY_IP, hop, nodeIP, type Outcome, refFor, type TracerMemory } from './trace-walk';
import { lost, outcome, say, what } from './trace-wording';

export class Tracer {
  private seq = 0;
  /** What the tracer keeps between traces: IPVS rr positions, session affinity (./trace-walk). */
  private readonly mem: TracerMemory;

  constructor(
    private readonly state: NetState,
    private readonly dns: CoreDns,
    lb: Rng,
    private readonly dnsLb: Rng,
  ) {
    this.mem = { lb, rr: new Map(), sticky: new Map() };
  }

  trace(req: TraceRequest, startedAt: number): Trace {
    const s = this.state;
    const c: Ctx = {
      mem: this.mem,
      s,
      ipvs: s.profile.proxyMode === 'ipvs',
      req,
      src: 'host',
      srcNode: undefined,
      hostNet: false,
      hops: [],
      t: 0,
      startedAt,
    };
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
      reasonCode: out.code,
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
      const src = req.source.key;
      return outcome('timeout', say('noSource', { src }, `${src} does not exist, so nothing was sent`));
    }
    if (req.protocol !== 'ICMP' && req.port === undefined) {
      const proto = req.protocol;
      return outcome('refused', say('needsPort', { proto }, `${proto} needs a destination port`));
    }
    let ip = req.destination.trim();
    if (!isIPv4(ip)) {
      const res = this.dns.resolve(req.source, ip);
      dnsHops(c, res, this.dnsLb);
      const last = res.queries[res.queries.length - 1];
      if (last?.rcode === 'TIMEOUT') return outcome('timeout', dnsSilence(c, this.dns, last.question));
      const cname = last?.records.find((r) => r.type === 'CNAME');
      if (!res.ip && cname) {
        const question = `${last?.question}`;
        const target = cname.value;
        return outcome(
          'nxdomain',
          say(
            'dnsCname',
            { question, target },
            `${question} is a CNAME for ${target}, which has no address (the upstream resolver knows no such host)`,
          ),
        );
      }
      if (!res.ip) {
        const tried = res.queries.map((q) => `${q.question} (${q.rcode})`).join(', ');
        const name = req.destination;
        return outcome(
          'nxdomain',
          tried
            ? say('dnsNoResolve', { name, tried }, `${name} does not resolve: tried ${tried}`)
            : say('dnsNoServer', { name }, `${name} does not resolve: tried no server`),
        );
      }
      ip = res.ip;
    }
    c.resolvedIP = ip;
    const port = req.port ?? 0;
    const proto = req.protocol;
    const s = this.state;

    if (req.source.kind === 'host') return fromHost(c, ip, port);
    if (ip.startsWith('127.')) {
      // Loopback never leaves the network namespace: the Pod (or node) talks to itself. A
      // hostNetwork Pod's loopback is the node's.
      const self =
        req.source.kind === 'pod' && !c.hostNet
          ? s.pods.get(req.source.key.slice(4))?.status?.podIP
          : undefined;
      if (self) return deliver(c, c.src, self, port, c.srcNode, say('viaLoopback', { ip }, `loopback ${ip}`));
      const own = nodeIP(s, c.srcNode ?? '');
      if (own) return toNode(c, c.srcNode as string, own, port, c.src);
    }
    const cipSvc = s.svcByClusterIP.get(ip);
    if (cipSvc) return toClusterIP(c, s.models.get(cipSvc) as ServiceModel, ip, port);
    const node = s.nodeByIP.get(ip);
    if (node) return toNode(c, node, ip, port);
    hop(c, 'send', c.src, refFor(c, ip), what(proto, ip, port), 0.01);
    return deliver(c, c.src, ip, port);
  }
}

/** The student's machine: only localhost-published ports (Docker Desktop) or routable node IPs. */
function fromHost(c: Ctx, ip: string, port: number): Outcome {
  const { protocol: proto } = c.req;
  const s = c.s;
  const p = s.profile;
  const first = p.nodes[0]?.name ?? 'node';
  if (ip === '127.0.0.1') {
    if (proto === 'ICMP') return pingLocalhost(c);
    const lbKey = p.loadBalancer === 'localhost' ? s.svcByLocalhostPort.get(`${port}/${proto}`) : undefined;
    const npKey =
      p.distro === 'docker-desktop' && p.nodePortFromHost
        ? s.svcByNodePort.get(`${port}/${proto}`)
        : undefined;
    if (lbKey) {
      const m = s.models.get(lbKey) as ServiceModel;
      const pm = m.ports.find((x) => x.port === port && x.protocol === proto) as PortModel;
      hop(c, 'send', 'host', `Node/${first}`, `localhost:${port} → Docker Desktop VM`, 0.2);
      if (pm.nodePort !== undefined) return viaNodePort(c, m, pm.nodePort, first, p.nodes[0]?.ip ?? ip);
      if (!pm.usable.length) return noEndpoints(c, pm, `kube-proxy/${first}`, first, undefined);
      const choice = externalChoice(c, m, pm, first);
      if (!choice.eps.length) return externalDrop(c, m, pm, first, port);
      return dnat(c, m, pm, choice, first, `lb:${port}/${proto}`);
    }
    if (npKey) {
      hop(c, 'send', 'host', `Node/${first}`, `localhost:${port} → Docker Desktop VM`, 0.2);
      return viaNodePort(c, s.models.get(npKey) as ServiceModel, port, first, p.nodes[0]?.ip ?? ip);
    }
    hop(c, 'reply', 'host', 'host', proto === 'TCP' ? 'RST' : 'ICMP port unreachable', 0.01);
    return outcome(
      'refused',
      say('hostNoListener', { port }, `nothing on your machine listens on localhost:${port}`),
    );
  }
  const node = s.nodeByIP.get(ip);
  if (node && p.distro !== 'docker-desktop' && p.nodePortFromHost) return toNode(c, node, ip, port);
  const ext = EXTERNAL_BY_IP.get(ip);
  if (ext) {
    hop(c, 'send', 'host', `external:${ext}`, what(proto, ip, port), 0.01);
    return deliver(c, 'host', ip, port);
  }
  hop(c, 'send', 'host', refFor(c, ip), what(proto, ip, port), 0.01);
  hop(
    c,
    'drop',
    'host',
    refFor(c, ip),
    say('hostNoRoute', { ip }, `no route to ${ip} from your machine`),
    0.01,
  );
  return lost(
    proto,
    node
      ? say(
          'hostNodeUnreachable',
          { node, ip },
          `node ${node}'s address ${ip} is on a network your machine cannot reach (kind needs extraPortMappings)`,
        )
      : say(
          'hostClusterNet',
          { ip },
          `${ip} is inside the cluster network, which your machine has no route to`,
        ),
  );
}
