// `iptables-save` and `ipvsadm -Ln` text for one node, assembled from the per-Service rules.
// nat first, then filter. iptables-save prints each table as `*nat`, the chain declarations (built-ins with their
// policy, then user chains sorted, as libiptc keeps them), every rule grouped by chain, `COMMIT`.
import type { Profile } from '../profiles';
import type { RuleLine, ServiceModel } from './model';
import { featuresOf, rulesFor } from './policy';

/**
 * The kernel keeps the statistic probability as round(p · 2^31) and iptables-save prints it back
 * with `%.11f` (libxt_statistic.c), so kube-proxy's `0.3333333333` reads back as `0.33333333349`.
 */
export function kernelProbability(p: string): string {
  return (Math.round(Number(p) * 0x80000000) / 0x80000000).toFixed(11);
}

export function renderRule(text: string): string {
  if (!text.includes('--probability')) return text;
  return text.replace(/--probability (\d+\.\d+)/, (_m, p: string) => `--probability ${kernelProbability(p)}`);
}

const NAT_BUILTINS = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
const FILTER_BUILTINS = ['INPUT', 'FORWARD', 'OUTPUT'];

const NAT_HEAD: RuleLine[] = [
  ['PREROUTING', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES'],
  ['OUTPUT', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES'],
  ['POSTROUTING', '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING'],
  ['KUBE-MARK-MASQ', '-j MARK --set-xmark 0x4000/0x4000'],
  ['KUBE-POSTROUTING', '-m mark ! --mark 0x4000/0x4000 -j RETURN'],
  ['KUBE-POSTROUTING', '-j MARK --set-xmark 0x4000/0x0'],
  [
    'KUBE-POSTROUTING',
    '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  ],
].map(([chain, rest]) => ({ chain: chain as string, text: `-A ${chain} ${rest}` }));

const FILTER_HEAD: RuleLine[] = [
  [
    'INPUT',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  ],
  ['INPUT', '-m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS'],
  [
    'INPUT',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
  ],
  [
    'FORWARD',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  ],
  ['FORWARD', '-m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD'],
  [
    'FORWARD',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  ],
  [
    'FORWARD',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
  ],
  [
    'OUTPUT',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  ],
  ['OUTPUT', '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES'],
  ['KUBE-FORWARD', '-m conntrack --ctstate INVALID -j DROP'],
  [
    'KUBE-FORWARD',
    '-m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
  ],
  [
    'KUBE-FORWARD',
    '-m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  ],
].map(([chain, rest]) => ({ chain: chain as string, text: `-A ${chain} ${rest}` }));

function table(name: string, builtins: string[], userChains: Set<string>, rules: RuleLine[]): string[] {
  const lines = [`*${name}`];
  for (const b of builtins) lines.push(`:${b} ACCEPT [0:0]`);
  const chains = [...userChains].sort();
  for (const c of chains) lines.push(`:${c} - [0:0]`);
  const byChain = new Map<string, string[]>();
  for (const r of rules) {
    let l = byChain.get(r.chain);
    if (!l) {
      l = [];
      byChain.set(r.chain, l);
    }
    l.push(renderRule(r.text));
  }
  for (const c of [...builtins, ...chains]) lines.push(...(byChain.get(c) ?? []));
  lines.push('COMMIT');
  return lines;
}

const sortModels = (models: Iterable<ServiceModel>) => [...models].sort((a, b) => (a.key < b.key ? -1 : 1));

/**
 * iptables mode: the full kube-proxy rule set. With `clusterCIDR` and `node`, Services using session
 * affinity or a Local traffic policy get the rules kube-proxy on that node writes (./policy).
 */
export function iptablesModeSave(
  models: Iterable<ServiceModel>,
  header: string,
  clusterCIDR?: string,
  node?: string,
): string {
  const sorted = sortModels(models);
  const nat: RuleLine[] = [...NAT_HEAD];
  const filter: RuleLine[] = [...FILTER_HEAD];
  const natChains = new Set([
    'KUBE-MARK-MASQ',
    'KUBE-NODEPORTS',
    'KUBE-POSTROUTING',
    'KUBE-PROXY-CANARY',
    'KUBE-SERVICES',
  ]);
  const filterChains = new Set([
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-FORWARD',
    'KUBE-KUBELET-CANARY',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-CANARY',
    'KUBE-PROXY-FIREWALL',
    'KUBE-SERVICES',
  ]);
  for (const m0 of sorted) {
    const m = clusterCIDR !== undefined && node !== undefined ? rulesFor(m0, clusterCIDR, node) : m0;
    for (const r of m.nat) {
      natChains.add(r.chain);
      nat.push(r);
    }
    filter.push(...m.filter);
  }
  nat.push({
    chain: 'KUBE-SERVICES',
    text: '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
  });
  return [
    header,
    ...table('nat', NAT_BUILTINS, natChains, nat),
    header.replace('Generated', 'Completed'),
    header,
    ...table('filter', FILTER_BUILTINS, filterChains, filter),
    header.replace('Generated', 'Completed'),
    '',
  ].join('\n');
}

/**
 * IPVS mode (pkg/proxy/ipvs/proxier.go): no per-Service chains; ClusterIPs, NodePorts and LB IPs
 * live in ipsets matched by a handful of static rules, and the balancing is done by IPVS virtual
 * servers (see ipvsadmList). No REJECT rules: a VIP with no real servers is owned by kube-ipvs0,
 * so the node's own stack answers a SYN with RST.
 */
export function ipvsModeSave(profile: Profile, header: string): string {
  const natChains = new Set([
    'KUBE-KUBELET-CANARY',
    'KUBE-LOAD-BALANCER',
    'KUBE-MARK-MASQ',
    'KUBE-NODE-PORT',
    'KUBE-POSTROUTING',
    'KUBE-SERVICES',
  ]);
  const r = (chain: string, rest: string): RuleLine => ({ chain, text: `-A ${chain} ${rest}` });
  const nat: RuleLine[] = [
    r('PREROUTING', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES'),
    r('OUTPUT', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES'),
    r('POSTROUTING', '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING'),
    r('KUBE-LOAD-BALANCER', '-j KUBE-MARK-MASQ'),
    r('KUBE-MARK-MASQ', '-j MARK --set-xmark 0x4000/0x4000'),
    r(
      'KUBE-NODE-PORT',
      '-p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    ),
    r(
      'KUBE-POSTROUTING',
      '-m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
    ),
    r('KUBE-POSTROUTING', '-m mark ! --mark 0x4000/0x4000 -j RETURN'),
    r('KUBE-POSTROUTING', '-j MARK --set-xmark 0x4000/0x0'),
    r(
      'KUBE-POSTROUTING',
      '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ),
    r(
      'KUBE-SERVICES',
      `! -s ${profile.clusterCIDR} -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ`,
    ),
    r(
      'KUBE-SERVICES',
      '-m comment --comment "Kubernetes service lb portal" -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER',
    ),
    r('KUBE-SERVICES', '-m addrtype --dst-type LOCAL -j KUBE-NODE-PORT'),
    r('KUBE-SERVICES', '-m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT'),
    r('KUBE-SERVICES', '-m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT'),
  ];
  const filterChains = new Set([
    'KUBE-FORWARD',
    'KUBE-KUBELET-CANARY',
    'KUBE-NODE-PORT',
    'KUBE-PROXY-FIREWALL',
    'KUBE-SOURCE-RANGES-FIREWALL',
  ]);
  const filter: RuleLine[] = [
    r('INPUT', '-m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT'),
    r('FORWARD', '-m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD'),
    r(
      'KUBE-FORWARD',
      '-m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
    ),
    r(
      'KUBE-FORWARD',
      '-m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ),
    r(
      'KUBE-NODE-PORT',
      '-m comment --comment "Kubernetes health check node port" -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT',
    ),
    r(
      'KUBE-PROXY-FIREWALL',
      '-m comment --comment "Kubernetes service load balancer ip + port for load balancer with sourceRange" -m set --match-set KUBE-LOAD-BALANCER-FW dst,dst -j KUBE-SOURCE-RANGES-FIREWALL',
    ),
    r('KUBE-SOURCE-RANGES-FIREWALL', '-j DROP'),
  ];
  return [
    header,
    ...table('nat', NAT_BUILTINS, natChains, nat),
    header.replace('Generated', 'Completed'),
    header,
    ...table('filter', FILTER_BUILTINS, filterChains, filter),
    header.replace('Generated', 'Completed'),
    '',
  ].join('\n');
}

/** One `ipvsadm -Ln` virtual-server block per ClusterIP / NodePort / LB IP and port, rr scheduling. */
export function ipvsadmList(models: Iterable<ServiceModel>, nodeIPs: string[]): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  const blocks: [string, string[]][] = [];
  for (const m of sortModels(models)) {
    if (!m.clusterIP) continue;
    for (const p of m.ports) {
      const reals = p.usable.map((e) => `  -> ${`${e.ip}:${e.port}`.padEnd(28)}Masq    1      0          0`);
      const vips = [`${m.clusterIP}:${p.port}`, ...m.lbIPs.map((ip) => `${ip}:${p.port}`)];
      if (p.nodePort !== undefined) vips.push(...nodeIPs.map((ip) => `${ip}:${p.nodePort}`));
      for (const v of vips) blocks.push([`${p.protocol}  ${v} rr${persistence(m)}`, reals]);
    }
  }
  blocks.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [head, reals] of blocks) lines.push(head, ...reals);
  return `${lines.join('\n')}\n`;
}

/** ClientIP affinity in IPVS mode is the virtual server's persistence timeout (ipvs/proxier.go). */
export function persistence(m: ServiceModel): string {
  const a = featuresOf(m.svc)?.affinity;
  return a === undefined ? '' : ` persistent ${a}`;
}
