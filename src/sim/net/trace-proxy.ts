// The tracer's kube-proxy path: a packet to a ClusterIP, a NodePort or a load-balancer IP meets
// kube-proxy's rules on the node it enters (iptables mode: KUBE-SERVICES → KUBE-SVC/SVL/EXT →
// KUBE-SEP DNAT, as pkg/proxy/iptables/proxier.go writes them; IPVS mode: the virtual server and
// its real servers, pkg/proxy/ipvs/proxier.go), which picks an endpoint (with session affinity and
// the Local traffic policies) or rejects / drops the packet. The DNATed packet goes on to
// ./trace-deliver's `deliver`; that module comes back here for a node address's NodePort and
// load-balancer rules, so the two import each other (functions only, nothing runs at import).
import type { HopRef } from '../contract';
import { persistence as persistent } from './iptables';
import { ipvsLocalOnly, ipvsRealServers, realServerLine } from './ipvs';
import type { EndpointInfo, PortModel, RuleLine, ServiceModel } from './model';
import { featuresOf, localEndpoints, svlChain } from './policy';
import { deliver } from './trace-deliver';
import { nobodyOwns, pingClusterIP } from './trace-icmp';
import {
  type Choice,
  type Ctx,
  clientIP,
  clientParam,
  daemon,
  hop,
  NODE_PORTS,
  nodeRst,
  type Outcome,
  refFor,
  rules,
} from './trace-walk';
import { clockTime, lost, outcome, say, what } from './trace-wording';

export function toClusterIP(c: Ctx, m: ServiceModel, ip: string, port: number): Outcome {
  const { protocol: proto } = c.req;
  const node = c.srcNode ?? c.s.profile.nodes[0]?.name ?? 'node';
  const proxy = `kube-proxy/${node}`;
  hop(c, 'send', c.src, m.ref, what(proto, ip, port), 0.01);
  if (proto === 'ICMP') return pingClusterIP(c, m, ip, node, proxy);
  const pm = m.ports.find((p) => p.port === port && p.protocol === proto);
  if (!pm) {
    if (c.ipvs && proto === 'TCP' && NODE_PORTS[port]) {
      // kubernetes#72236: the VIP is a local address, so host daemons bound to 0.0.0.0 answer on it.
      hop(c, 'deliver', m.ref, `Node/${node}`, what(proto, ip, port), 0.02);
      hop(c, 'reply', `Node/${node}`, c.src, 'SYN-ACK', 0.03);
      return outcome(
        'delivered',
        say(
          'ipvsDaemon',
          { ip, node, daemon: daemon(port), port },
          `${ip} is bound to kube-ipvs0 on ${node}, and ${NODE_PORTS[port]} listens on 0.0.0.0:${port} there`,
        ),
      );
    }
    const svc = m.key;
    if (c.ipvs)
      return nodeRst(
        c,
        m.ref,
        node,
        say(
          'ipvsNoPort',
          { svc, port, proto, node, ip },
          `${svc} has no port ${port}/${proto}; kube-ipvs0 on ${node} owns ${ip} but nothing listens there`,
        ),
      );
    hop(
      c,
      'no-rule',
      proxy,
      m.ref,
      say('noRuleFor', { ip, port, proto }, `no rule for ${ip}:${port}/${proto}`),
      0.01,
    );
    hop(c, 'drop', m.ref, m.ref, nobodyOwns(ip), 0.01);
    return lost(
      proto,
      say(
        'noPort',
        { svc, port, proto, ip },
        `${svc} has no port ${port}/${proto}, so no kube-proxy rule matches and no interface owns ${ip}`,
      ),
    );
  }
  if (pm.usable.length === 0) return noEndpoints(c, pm, proxy, node, filterReject(m, pm, ip));
  if (c.ipvs) return viaIpvs(c, m, pm, node, ip, port, false);
  const f = featuresOf(m.svc);
  let choice: Choice = { eps: pm.usable, chain: pm.svcChain };
  if (f?.intLocal) {
    choice = { eps: localEndpoints(pm, node), chain: svlChain(pm) };
    if (!choice.eps.length) {
      const rule = serviceLine(rules(c, m, node).filter, ip, port);
      return noLocal(c, m, pm, proxy, node, rule?.text, 'internalTrafficPolicy');
    }
  }
  const line = serviceLine(rules(c, m, node).nat, ip, port);
  hop(c, 'rule', proxy, m.ref, choice.chain, 0.01, line?.text);
  return dnat(c, m, pm, choice, node, `${ip}:${port}/${proto}`);
}

/** A packet to a load-balancer IP (`svcByLBAddr`) that routes to `nodeName`. */
export function viaLoadBalancerIP(
  c: Ctx,
  lbKey: string,
  nodeName: string,
  ip: string,
  port: number,
): Outcome {
  const { protocol: proto } = c.req;
  const proxy = `kube-proxy/${nodeName}`;
  const m = c.s.models.get(lbKey) as ServiceModel;
  const pm = m.ports.find((p) => p.port === port && p.protocol === proto) as PortModel;
  if (!pm.usable.length) return noEndpoints(c, pm, proxy, nodeName, externalReject(m, pm, ip, port));
  if (c.ipvs) return viaIpvs(c, m, pm, nodeName, ip, port, true);
  const line = serviceLine(rules(c, m, nodeName).nat, ip, port);
  hop(c, 'rule', proxy, m.ref, pm.extChain, 0.01, line?.text);
  const choice = externalChoice(c, m, pm, nodeName);
  if (!choice.eps.length) return externalDrop(c, m, pm, nodeName, port, ip);
  return dnat(c, m, pm, choice, nodeName, `${ip}:${port}/${proto}`);
}

export function viaNodePort(
  c: Ctx,
  m: ServiceModel,
  nodePort: number,
  nodeName: string,
  ip: string,
): Outcome {
  const { protocol: proto } = c.req;
  const pm = m.ports.find((p) => p.nodePort === nodePort && p.protocol === proto) as PortModel;
  const proxy = `kube-proxy/${nodeName}`;
  if (!pm.usable.length)
    return noEndpoints(c, pm, proxy, nodeName, externalReject(m, pm, undefined, nodePort));
  if (c.ipvs) return viaIpvs(c, m, pm, nodeName, ip, nodePort, true);
  const line = rules(c, m, nodeName).nat.find(
    (r) => r.chain === 'KUBE-NODEPORTS' && r.text.includes(`--dport ${nodePort} `),
  );
  hop(c, 'rule', proxy, m.ref, pm.extChain, 0.01, line?.text);
  const choice = externalChoice(c, m, pm, nodeName);
  if (!choice.eps.length) return externalDrop(c, m, pm, nodeName, nodePort);
  return dnat(c, m, pm, choice, nodeName, `${ip}:${nodePort}/${proto}`);
}

/**
 * IPVS mode: the virtual server for `addr:port` on `node` and its real servers (./ipvs). A
 * server without real servers answers ICMP port unreachable (ip_vs_leave). Under
 * externalTrafficPolicy Local nothing is masqueraded (the KUBE-NODE-PORT-LOCAL-* and
 * KUBE-LOAD-BALANCER-LOCAL sets RETURN before KUBE-MARK-MASQ).
 */
function viaIpvs(
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
  const note = !policy
    ? undefined
    : local
      ? say('ipvsNoteLocal', { policy, node }, ` (${policy} Local: ${node}'s endpoints)`)
      : reals.length
        ? say('ipvsNoteEvery', { policy, node }, ` (${policy} Local, no endpoint on ${node}: every endpoint)`)
        : say(
            'ipvsNoteNone',
            { policy, node },
            ` (${policy} Local, no endpoint on ${node}: no real servers)`,
          );
  const label = `IPVS ${addr}:${port} rr`;
  hop(
    c,
    'rule',
    proxy,
    m.ref,
    note ? say('ipvsRule', { vs: label, note: note.code }, `${label}${note.text}`) : label,
    0.01,
    vs,
  );
  if (!reals.length) {
    hop(c, 'reject', `Node/${node}`, c.src, noRealServer(), 0.01, vs);
    return outcome(
      'refused',
      say(
        'ipvsLocalNone',
        { svc: m.key, node, addr, port },
        `${m.key} has internalTrafficPolicy: Local and no ready endpoint on node ${node}, so kube-proxy leaves the IPVS virtual server ${addr}:${port} there without real servers and IPVS answers ICMP port unreachable: connection refused`,
      ),
    );
  }
  const choice: Choice = { eps: reals, chain: '' };
  if (external && f?.extLocal) {
    choice.keepSource = true;
    const src = c.req.source;
    const onNode = src.kind === 'node' ? src.name === node : c.srcNode === node;
    if (!local && !onNode) choice.asymmetric = clientIP(c);
  }
  return dnat(c, m, pm, choice, node, `${addr}:${port}/${proto}`);
}

/** A new connection's endpoint: IPVS round robin per virtual server, iptables one uniform draw. */
function pick(c: Ctx, eps: EndpointInfo[], vs: string): EndpointInfo {
  const n = eps.length;
  if (c.ipvs) {
    const rr = c.mem.rr;
    const i = rr.get(vs) ?? 0;
    rr.set(vs, (i + 1) % n);
    return eps[i % n] as EndpointInfo;
  }
  // The statistic cascade (1/n, 1/(n-1), …, 1) is uniform over the endpoints: one draw.
  return eps[c.mem.lb.int(n)] as EndpointInfo;
}

/** Choose the endpoint (session affinity first), DNAT to it, and deliver the packet there. */
export function dnat(
  c: Ctx,
  m: ServiceModel,
  pm: PortModel,
  choice: Choice,
  node: string,
  vs: string,
): Outcome {
  const proxy = `kube-proxy/${node}`;
  const timeout = featuresOf(m.svc)?.affinity;
  let ep: EndpointInfo | undefined;
  let stickyKey = '';
  if (timeout !== undefined) {
    // sessionAffinity ClientIP: `-m recent --rcheck --seconds <timeout> --reap` in front of the
    // cascade; the SEP chain's `--set` refreshes the client's entry on every new connection.
    const client = clientIP(c);
    stickyKey = `${node}|${client}|${pm.spn}/${pm.protocol}`;
    const seen = c.mem.sticky.get(stickyKey);
    if (seen) {
      const ago = Math.floor((c.startedAt - seen.at) / 1000);
      const prev = choice.eps.find((e) => `${e.ip}:${e.port}` === seen.ep);
      const time = clockTime(seen.at);
      const when = `affinity: ${client} was sent to ${seen.ep} at ${time}, ${ago} s ago`;
      const p = { client: clientParam(client), ep: seen.ep, time, ago, timeout };
      if (prev && ago <= timeout) {
        ep = prev;
        const rc = c.ipvs
          ? undefined
          : rules(c, m, node).nat.find(
              (r) =>
                r.chain === choice.chain &&
                r.text.includes(`--rcheck`) &&
                r.text.endsWith(` -j ${prev.sepChain}`),
            )?.text;
        hop(
          c,
          'rule',
          proxy,
          m.ref,
          say('affinitySame', p, `${when} (timeout ${timeout} s): same endpoint`),
          0.01,
          rc,
        );
      } else {
        hop(
          c,
          'rule',
          proxy,
          m.ref,
          prev
            ? say('affinityExpired', p, `${when}: past the ${timeout} s timeout, so a fresh pick`)
            : say('affinityGone', p, `${when}: that endpoint is gone, so a fresh pick`),
          0.01,
        );
      }
    }
  }
  const fresh = ep === undefined;
  ep ??= pick(c, choice.eps, vs);
  if (stickyKey) c.mem.sticky.set(stickyKey, { ep: `${ep.ip}:${ep.port}`, at: c.startedAt });
  const to = ep.podKey ?? refFor(c, ep.ip);
  if (!c.ipvs && fresh) {
    // The KUBE-SVC/SVL jump that chose this endpoint (its `statistic --probability` line, if any).
    const sep = ep.sepChain;
    const nat = rules(c, m, node).nat;
    const jump = jumpTo(nat, choice.chain, ep);
    const n = choice.eps.length;
    const chain = choice.chain;
    hop(
      c,
      'rule',
      proxy,
      m.ref,
      say('sepPick', { chain, sep, n }, `${chain} → ${sep} (1 of ${n})`),
      0.01,
      jump?.text,
    );
  }
  hop(
    c,
    'dnat',
    m.ref,
    to,
    `DNAT → ${ep.ip}:${ep.port}`,
    0.01,
    sepDnat(ep, pm, c.ipvs, timeout !== undefined),
  );
  c.endpoint = ep.podKey ? { ip: ep.ip, port: ep.port, pod: ep.podKey } : { ip: ep.ip, port: ep.port };
  const kept = choice.keepSource
    ? say('noteKeptSource', {}, ' (externalTrafficPolicy Local: the client source IP is kept)')
    : undefined;
  const dest = `${ep.ip}:${ep.port}`;
  const via = say(
    'viaService',
    { svc: m.key, dest, kept: kept?.code ?? '' },
    `${m.key} → ${dest}${kept?.text ?? ''}`,
  );
  const out = deliver(c, m.ref, ep.ip, ep.port, node, via);
  if (!choice.asymmetric || out.verdict === 'timeout' || out.verdict === 'no-reply') return out;
  const client = choice.asymmetric;
  const cp = clientParam(client);
  const ip = ep.ip;
  hop(
    c,
    'drop',
    to,
    c.src,
    say('dropsAnswer', { client: cp, ip }, `${client} drops the answer from ${ip}`),
    0.01,
  );
  return lost(
    c.req.protocol,
    say(
      'asymmetric',
      { svc: m.key, node, dest, ip, client: cp },
      `${m.key} has externalTrafficPolicy: Local and no ready endpoint on node ${node}; kube-proxy (IPVS) gives the virtual server every endpoint instead (kubernetes#97081), so the packet reaches ${dest} on another node without SNAT, but the answer goes from ${ip} straight back to ${client}, which never sent anything to ${ip} and drops it`,
    ),
  );
}

/**
 * A Local traffic policy and no endpoint on this node: kube-proxy's filter DROP
 * ("<svc> has no local endpoints") discards the packet, so nothing answers.
 */
function noLocal(
  c: Ctx,
  m: ServiceModel,
  pm: PortModel,
  proxy: HopRef,
  node: string,
  rule: string | undefined,
  policy: 'internalTrafficPolicy' | 'externalTrafficPolicy',
): Outcome {
  const spn = pm.spn;
  hop(
    c,
    'drop',
    proxy,
    m.ref,
    say('noLocalDrop', { spn }, `DROP: ${spn} has no local endpoints`),
    0.01,
    rule,
  );
  return lost(
    c.req.protocol,
    say(
      'noLocal',
      { svc: m.key, policy, node, spn },
      `${m.key} has ${policy}: Local and no ready endpoint on node ${node}, so kube-proxy there drops the packet ("${spn} has no local endpoints")`,
    ),
  );
}

/**
 * External traffic (NodePort, LB IP) arriving at `node`: the EXT chain sends Pod traffic and the
 * node's own traffic to the Cluster chain; anything else follows externalTrafficPolicy.
 */
export function externalChoice(c: Ctx, m: ServiceModel, pm: PortModel, node: string): Choice {
  if (c.ipvs || !featuresOf(m.svc)?.extLocal) return { eps: pm.usable, chain: pm.svcChain };
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

export function externalDrop(
  c: Ctx,
  m: ServiceModel,
  pm: PortModel,
  node: string,
  port: number,
  ip?: string,
): Outcome {
  const rule = rules(c, m, node).filter.find(
    (r) =>
      r.chain === 'KUBE-EXTERNAL-SERVICES' &&
      r.text.includes('has no local endpoints') &&
      r.text.includes(`--dport ${port} `) &&
      (ip === undefined ? !r.text.includes(' -d ') : r.text.includes(`-d ${ip}/32`)),
  );
  return noLocal(c, m, pm, `kube-proxy/${node}`, node, rule?.text, 'externalTrafficPolicy');
}

/** A Service port with no usable endpoint: refused at once (iptables REJECT, or IPVS ip_vs_leave). */
export function noEndpoints(
  c: Ctx,
  pm: PortModel,
  proxy: HopRef,
  node: string,
  rule: string | undefined,
): Outcome {
  if (c.ipvs) {
    // ip_vs_leave: a virtual server with no real servers answers ICMP port unreachable.
    hop(c, 'reject', `Node/${node}`, c.src, noRealServer(), 0.01);
    return outcome(
      'refused',
      say(
        'noEndpointsIpvs',
        { spn: pm.spn, node },
        `${pm.spn} has no endpoints: its IPVS virtual server on ${node} has no real servers, so IPVS answers ICMP port unreachable and the connection is refused at once`,
      ),
    );
  }
  hop(c, 'reject', proxy, c.src, 'REJECT icmp-port-unreachable', 0.01, rule);
  return outcome(
    'refused',
    say(
      'noEndpoints',
      { spn: pm.spn },
      `${pm.spn} has no endpoints, so kube-proxy's REJECT rule answers icmp-port-unreachable and the connection is refused at once`,
    ),
  );
}

const noRealServer = () => say('noRealServer', {}, 'ICMP port unreachable (no real server)');

/** The KUBE-SEP chain's DNAT line (iptables) or the real server's `ipvsadm -Ln` line (IPVS). */
export function sepDnat(ep: EndpointInfo, pm: PortModel, ipvs: boolean, affinity = false): string {
  if (ipvs) return realServerLine(ep);
  const memo = affinity ? undefined : seen.get(ep);
  if (memo?.pm === pm && memo.dnat !== undefined) return memo.dnat;
  const proto = pm.protocol.toLowerCase();
  const recent = affinity ? ` -m recent --set --name ${ep.sepChain} --mask 255.255.255.255 --rsource` : '';
  const line = `-A ${ep.sepChain} -p ${proto} -m comment --comment "${pm.spn}"${recent} -m ${proto} -j DNAT --to-destination ${ep.ip}:${ep.port}`;
  if (!affinity) remember(ep, pm).dnat = line;
  return line;
}

/**
 * What the tracer spelled or found for an endpoint, kept while its model lives: a trace through a
 * Service shows the KUBE-SVC/SVL jump to the endpoint's KUBE-SEP chain and its DNAT line, the same
 * strings on every trace until the Service or its endpoints change (which builds a new model, with
 * new EndpointInfo objects and rule lists). Each answer is kept with what it was computed from
 * (the port model, the rule list and chain), and is only reused for the same.
 */
interface Seen {
  pm?: PortModel;
  dnat?: string;
  nat?: RuleLine[];
  chain?: string;
  jump?: RuleLine | undefined;
}
const seen = new WeakMap<EndpointInfo, Seen>();

function remember(ep: EndpointInfo, pm?: PortModel): Seen {
  let s = seen.get(ep);
  if (!s) {
    s = {};
    seen.set(ep, s);
  }
  if (pm) s.pm = pm;
  return s;
}

/** The KUBE-SVC/SVL line of `chain` that jumps to the endpoint's KUBE-SEP chain (not the affinity check's). */
function jumpTo(nat: RuleLine[], chain: string, ep: EndpointInfo): RuleLine | undefined {
  const s = seen.get(ep);
  if (s !== undefined && s.nat === nat && s.chain === chain) return s.jump;
  const target = ` -j ${ep.sepChain}`;
  const jump = nat.find((r) => r.chain === chain && r.text.endsWith(target) && !r.text.includes('--rcheck'));
  const r = remember(ep);
  r.nat = nat;
  r.chain = chain;
  r.jump = jump;
  return jump;
}

/**
 * The KUBE-SERVICES line for `ip`:`port` in a table's lines. A trace asks this of every Service it
 * reaches, so the two needles are spelled once per call, not once per line looked at.
 */
function serviceLine(lines: RuleLine[], ip: string, port: number): RuleLine | undefined {
  const dest = `-d ${ip}/32`;
  const dport = `--dport ${port} `;
  return lines.find((r) => r.chain === 'KUBE-SERVICES' && r.text.includes(dest) && r.text.includes(dport));
}

function filterReject(m: ServiceModel, pm: PortModel, ip: string): string | undefined {
  return serviceLine(m.filter, ip, pm.port)?.text;
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
