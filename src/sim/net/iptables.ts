// `iptables-save` in iptables mode for one node, assembled from the per-Service rules
// (pkg/proxy/iptables/proxier.go, kube-proxy 1.34). iptables-nft-save prints the tables in the
// order mangle, filter, nat (iptables nft.h enum nft_table_type, "to match the order in which
// iptables-legacy-save prints them"); ./save has the format. IPVS mode is in ./ipvs.
import type { RuleLine, ServiceModel } from './model';
import { rulesFor } from './policy';
import {
  FILTER_BUILTINS,
  KUBELET_FILTER,
  KUBELET_FILTER_CHAINS,
  mangleTable,
  NAT_BUILTINS,
  saveText,
} from './save';

export { ipvsadmList, ipvsModeSave, persistence } from './ipvs';
export { kernelProbability, renderRule, renderShown } from './save';

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
    'KUBE-KUBELET-CANARY',
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
  return saveText(header, [
    mangleTable(['KUBE-PROXY-CANARY']),
    {
      name: 'filter',
      builtins: FILTER_BUILTINS,
      chains: [...filterChains, ...KUBELET_FILTER_CHAINS],
      // The kubelet's jumps come after kube-proxy's in INPUT and OUTPUT (see ./save).
      rules: [...filter, ...KUBELET_FILTER],
    },
    { name: 'nat', builtins: NAT_BUILTINS, chains: natChains, rules: nat },
  ]);
}
