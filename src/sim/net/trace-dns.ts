// The tracer's DNS hops: the resolver's questions go to the nameserver that answered them (the
// `server` CoreDns.resolve reports), the way the packets would travel there: through kube-proxy's
// DNAT when that is a Service ClusterIP (kube-dns), straight to a CoreDNS Pod's own address, out
// through the node's default route to the node's resolver or a public resolver. When nobody
// answers, the reason names why for each nameserver the Pod's resolv.conf lists. Bound late with
// ./trace (src/sim/late-impl.ts).
import type { DnsAnswer, HopRef } from '../contract';
import type { Rng } from '../runtime/interfaces';
import type { CoreDns, Resolution } from './dns';
import { sourcePod } from './hostnet';
import type { EndpointInfo } from './model';
import { muslResolvConf } from './pod-dns';
import { sepDnat } from './trace-proxy';
import { type Ctx, hop } from './trace-walk';
import { type Said, say } from './trace-wording';

const KUBE_DNS = 'kube-system/kube-dns';

/** The graph node's own name for a `Service/ns/name` or `Pod/ns/name` ref (`ns/name`). */
const keyOf = (ref: HopRef) => ref.slice(ref.indexOf('/') + 1);

/** One hop pair per question, to `res.server` (the node's resolver for a node or your machine). */
export function dnsHops(c: Ctx, res: Resolution, dnsLb: Rng): void {
  const s = c.s;
  const server: HopRef = res.server ?? 'external:dns';
  const svcModel = server.startsWith('Service/') ? s.models.get(keyOf(server)) : undefined;
  const udp = svcModel?.ports.find((p) => p.protocol === 'UDP' && p.port === 53);
  const pod = server.startsWith('Pod/') ? s.pods.get(keyOf(server)) : undefined;
  for (const q of res.queries) {
    hop(c, 'dns-query', c.src, server, `${q.qtype}? ${q.question}`, 0.05);
    let answerer: HopRef = server;
    let dstNode: string | undefined;
    if (udp?.usable.length) {
      // A Service ClusterIP: kube-proxy on the client's node picks an endpoint and rewrites the
      // destination (its KUBE-SEP DNAT rule, or the IPVS real server).
      const ep = udp.usable[dnsLb.int(udp.usable.length)] as EndpointInfo;
      answerer = ep.podKey ?? `external:${ep.ip}`;
      dstNode = ep.nodeName;
      hop(c, 'dnat', server, answerer, `DNAT → ${ep.ip}:${ep.port}`, 0.01, sepDnat(ep, udp, c.ipvs));
      if (c.srcNode && dstNode && dstNode !== c.srcNode)
        hop(c, 'forward', `Node/${c.srcNode}`, `Node/${dstNode}`, `→ ${dstNode} (${ep.ip})`, 0.1);
    } else if (pod) {
      // A CoreDNS Pod's own address: routed to its node like any Pod IP, no kube-proxy rule.
      dstNode = pod.spec.nodeName;
      if (c.srcNode && dstNode && dstNode !== c.srcNode)
        hop(c, 'forward', `Node/${c.srcNode}`, `Node/${dstNode}`, `→ ${dstNode} (${pod.status?.podIP})`, 0.1);
    }
    if (q.rcode === 'TIMEOUT') continue;
    hop(c, q.rcode === 'NXDOMAIN' ? 'dns-nxdomain' : 'dns-answer', answerer, c.src, answerLabel(q), 0.2);
  }
}

function answerLabel(q: DnsAnswer): string | Said {
  if (q.rcode === 'NXDOMAIN') return `NXDOMAIN ${q.question}`;
  const { qtype, question } = q;
  if (!q.records.length)
    return say('dnsNoRecord', { qtype, question }, `NOERROR (no ${qtype} record) ${question}`);
  return q.records.map((r) => (r.type === 'CNAME' ? `CNAME ${r.value}` : `${r.type} ${r.value}`)).join(', ');
}

/**
 * Why the question got no answer: for each nameserver the source's resolv.conf lists (musl asks
 * them all at once and none replied), what is on that address.
 */
export function dnsSilence(c: Ctx, dns: CoreDns, question: string): Said {
  const pod = sourcePod(c.s, c.req.source);
  const servers =
    pod && c.req.source.kind === 'pod' ? muslResolvConf(dns.resolvConf(c.req.source.key)).nameservers : [];
  // one cause per distinct sentence, in resolv.conf order
  const causes = [...new Map(servers.map((ip) => silentCause(c, ip)).map((s) => [s.text, s])).values()];
  const why = causes.length
    ? { text: causes.map((s) => s.text).join('; '), code: causes.map((s) => s.code) }
    : say('dnsNobody', {}, 'nothing answers DNS');
  return say(
    'dnsSilence',
    { question, why: why.code },
    `the DNS query for ${question} got no answer: ${why.text}`,
  );
}

/** What sits on a nameserver address that does not answer DNS. */
function silentCause(c: Ctx, ip: string): Said {
  const s = c.s;
  const svcKey = s.svcByClusterIP.get(ip) ?? (ip === s.profile.dnsServiceIP ? KUBE_DNS : undefined);
  if (svcKey === KUBE_DNS)
    return say('silentKubeDns', {}, 'the kube-dns Service has no ready CoreDNS endpoint');
  if (svcKey) {
    const udp = s.models.get(svcKey)?.ports.find((p) => p.protocol === 'UDP' && p.port === 53);
    const p = { svc: svcKey, ip };
    if (!udp) return say('silentNo53', p, `the Service ${svcKey} (${ip}) has no UDP port 53`);
    return udp.usable.length
      ? say('silentNotDns', p, `the Service ${svcKey} (${ip}) sends port 53 to Pods that are not CoreDNS`)
      : say('silentNoEndpoint', p, `the Service ${svcKey} (${ip}) has no ready endpoint`);
  }
  const owner = s.podByIP.get(ip);
  if (owner) {
    const phase = s.pods.get(owner.key)?.status?.phase ?? 'Pending';
    const p = { pod: owner.key, ip, phase };
    return phase === 'Running'
      ? say('silentPod', p, `nothing in Pod ${owner.key} (${ip}) serves DNS`)
      : say('silentPodPhase', p, `Pod ${owner.key} (${ip}) is ${phase}, not serving DNS`);
  }
  const node = s.nodeByIP.get(ip);
  if (node) return say('silentNode', { node, ip }, `nothing on node ${node} (${ip}) serves DNS`);
  return say(
    'silentNobody',
    { ip },
    `nothing answers DNS on ${ip}: no Service, Pod, node or resolver owns that address`,
  );
}
