// One trace's walk, shared by the tracer's parts (./trace and the ./trace-* files): the context a
// packet carries from hop to hop, the hop recorder, and the lookups every part needs (who owns an
// address, the client address kube-proxy sees, kube-proxy's rules on a node). Bound late with
// ./trace (src/sim/late-impl.ts): nothing on the boot path imports it.
import type { Hop, HopKind, HopRef, TextCode, TextParam, Trace, TraceRequest, Verdict } from '../contract';
import type { Rng } from '../runtime/interfaces';
import { EXTERNAL_HOSTS } from './dns';
import { renderShown } from './iptables';
import type { EndpointInfo, RuleLine, ServiceModel } from './model';
import { PUBLIC_RESOLVERS } from './pod-dns';
import { rulesFor } from './policy';
import type { NetState } from './state';
import { outcome, type Said } from './trace-wording';

/** Hosts on the internet by address: the upstream's public names and the public DNS resolvers. */
export const EXTERNAL_BY_IP = new Map([
  ...Object.entries(EXTERNAL_HOSTS).flatMap(([h, ips]) => ips.map((ip) => [ip, h] as const)),
  ...Object.entries(PUBLIC_RESOLVERS),
]);
/** Ports the node's own processes listen on: the API server (control plane) and the kubelet. */
export const NODE_PORTS: Record<number, string> = { 6443: 'the API server', 10250: 'the kubelet' };
/** NODE_PORTS' daemon as a sentence part. */
export const daemon = (port: number): TextCode => ({
  key: port === 6443 ? 'daemonApiServer' : 'daemonKubelet',
  params: {},
});

/** What a Tracer keeps from one trace to the next. */
export interface TracerMemory {
  /** The `load-balancing` rng fork: iptables mode's one uniform pick per new connection. */
  readonly lb: Rng;
  /** IPVS rr position per virtual server. */
  readonly rr: Map<string, number>;
  /**
   * Session affinity per (node, client IP, service port): the endpoint last chosen and when. The
   * kernel's `recent` lists (iptables) and IPVS persistence templates live on each node.
   */
  readonly sticky: Map<string, { ep: string; at: number }>;
}

export interface Ctx {
  mem: TracerMemory;
  s: NetState;
  /** kube-proxy runs in IPVS mode (the profile's proxyMode; fixed for the length of a trace). */
  ipvs: boolean;
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
export interface Choice {
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

export interface Outcome {
  verdict: Verdict;
  reason: string;
  code: TextCode;
}

/**
 * Record one hop, `dt` ms after the previous one; `rule` is shown as iptables-save prints it. A
 * label in prose is a `Said` (notation such as `DNAT → 10.1.0.5:80` is a plain string).
 */
export function hop(
  c: Ctx,
  kind: HopKind,
  from: HopRef,
  to: HopRef,
  label: string | Said,
  dt: number,
  rule?: string,
): void {
  c.t = Math.round((c.t + dt) * 1000) / 1000;
  const h: Hop =
    typeof label === 'string'
      ? { kind, from, to, label, atMs: c.t }
      : { kind, from, to, label: label.text, textCode: label.code, atMs: c.t };
  if (rule !== undefined) h.rule = renderShown(rule);
  c.hops.push(h);
}

/** The graph node an address belongs to: a Pod, a node, or something outside the cluster. */
export function refFor(c: Ctx, ip: string): HopRef {
  const s = c.s;
  const pod = s.podByIP.get(ip);
  if (pod) return `Pod/${pod.key}`;
  const node = s.nodeByIP.get(ip);
  if (node) return `Node/${node}`;
  return `external:${EXTERNAL_BY_IP.get(ip) ?? ip}`;
}

/** kube-proxy's rules on `node` for this Service (the model's own unless it uses ./policy features). */
export function rules(c: Ctx, m: ServiceModel, node: string): { nat: RuleLine[]; filter: RuleLine[] } {
  return rulesFor(m, c.s.profile.clusterCIDR, node);
}

/** The client address kube-proxy's `recent` match (or IPVS persistence) sees: the original source. */
export function clientIP(c: Ctx): string {
  const src = c.req.source;
  if (src.kind === 'pod') return c.s.pods.get(src.key.slice(4))?.status?.podIP ?? src.key;
  if (src.kind === 'node') return nodeIP(c.s, src.name) ?? src.name;
  return 'your machine';
}

/** clientIP as a sentence part: the student's machine is words, an address is notation. */
export function clientParam(client: string): TextParam {
  return client === 'your machine' ? { key: 'yourMachine', params: {} } : client;
}

export function nodeIP(s: NetState, name: string): string | undefined {
  return s.nodes.get(name)?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
}

/** The packet reaches `node` and nothing there listens: its kernel answers RST (TCP) or ICMP port unreachable. */
export function nodeRst(c: Ctx, from: HopRef, node: string, reason: Said): Outcome {
  hop(c, 'deliver', from, `Node/${node}`, c.req.protocol === 'TCP' ? 'SYN' : 'UDP', 0.02);
  hop(c, 'reply', `Node/${node}`, c.src, c.req.protocol === 'TCP' ? 'RST' : 'ICMP port unreachable', 0.02);
  return outcome('refused', reason);
}
