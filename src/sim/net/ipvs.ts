// kube-proxy's IPVS mode on one node (pkg/proxy/ipvs/proxier.go, kube-proxy 1.34): the virtual
// servers `ipvsadm -Ln` lists and the iptables rules kube-proxy writes around its ipsets. Bound
// late with the other printers and the tracer.
import type { Profile } from '../profiles';
import type { EndpointInfo, PortModel, RuleLine, ServiceModel } from './model';
import { externallyAccessible, featuresOf, localEndpoints } from './policy';
import {
  FILTER_BUILTINS,
  KUBELET_FILTER,
  KUBELET_FILTER_CHAINS,
  mangleTable,
  NAT_BUILTINS,
  rule,
  saveText,
} from './save';

/**
 * The real servers kube-proxy on `node` gives one virtual server (proxier.go syncEndpoint).
 * `external`: a NodePort, load-balancer IP or external IP server (ExternalPolicyLocal decides),
 * else the ClusterIP's (InternalPolicyLocal decides). Under a Local policy the server gets this
 * node's endpoints; with none it gets the Cluster endpoints instead (kubernetes#97081: "Allow
 * access from local PODs even if no local endpoints exist"). A Service that is only a ClusterIP
 * and uses internalTrafficPolicy Local has no Cluster endpoints (CategorizeEndpoints), so its
 * server is left without real servers.
 */
export function ipvsRealServers(m: ServiceModel, pm: PortModel, node: string, external: boolean) {
  const f = featuresOf(m.svc);
  const cluster = !f?.intLocal || externallyAccessible(m, pm) ? pm.usable : [];
  const onlyLocal = external ? f?.extLocal === true : f?.intLocal === true;
  if (!onlyLocal) return cluster;
  const local = localEndpoints(pm, node);
  return local.length ? local : cluster;
}

/** Whether the real servers are this node's endpoints only (a Local policy with local endpoints). */
export function ipvsLocalOnly(m: ServiceModel, pm: PortModel, node: string, external: boolean): boolean {
  const f = featuresOf(m.svc);
  const onlyLocal = external ? f?.extLocal === true : f?.intLocal === true;
  return onlyLocal && localEndpoints(pm, node).length > 0;
}

/** ClientIP affinity in IPVS mode is the virtual server's persistence timeout (ipvs/proxier.go). */
export function persistence(m: ServiceModel): string {
  const a = featuresOf(m.svc)?.affinity;
  return a === undefined ? '' : ` persistent ${a}`;
}

/** ipvsadm.c print_service_entry: `"  -> %-28s %-7s %-6d %-10u %-10u\n"` (Masq, weight 1, no connections). */
export const realServerLine = (e: EndpointInfo) =>
  `  -> ${`${e.ip}:${e.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}`;

const sortModels = (models: Iterable<ServiceModel>) => [...models].sort((a, b) => (a.key < b.key ? -1 : 1));

const ipNum = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
/** libipvs ipvs_cmp_services / ipvs_cmp_dests: `ntohl(a) - ntohl(b)` taken as a C int (it wraps). */
const addrCmp = (a: string, b: string) => (ipNum(a) - ipNum(b)) | 0;
const PROTO_NUM: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };

const realLines = (eps: EndpointInfo[]) =>
  [...eps].sort((a, b) => addrCmp(a.ip, b.ip) || a.port - b.port).map(realServerLine);

/**
 * `ipvsadm -Ln` on `node`: a virtual server per ClusterIP, external IP and load-balancer IP and
 * port, and per node address and NodePort (`nodeIPs`: this node's own addresses), rr scheduling.
 * ipvsadm sorts the servers (protocol number, address, port) and each one's real servers
 * (address, port) with libipvs's comparators, so a 10.x address comes after 172.x and 192.168.x.
 */
export function ipvsadmList(models: Iterable<ServiceModel>, nodeIPs: string[], node = ''): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  const servers: { proto: string; addr: string; port: number; head: string; reals: string[] }[] = [];
  for (const m of sortModels(models)) {
    if (!m.clusterIP) continue;
    for (const p of m.ports) {
      const add = (addr: string, port: number, reals: string[]) =>
        servers.push({
          proto: p.protocol,
          addr,
          port,
          head: `${p.protocol}  ${addr}:${port} rr${persistence(m)}`,
          reals,
        });
      add(m.clusterIP, p.port, realLines(ipvsRealServers(m, p, node, false)));
      const ext = realLines(ipvsRealServers(m, p, node, true));
      for (const ip of [...(m.svc.spec.externalIPs ?? []), ...m.lbIPs]) add(ip, p.port, ext);
      if (p.nodePort !== undefined) for (const ip of nodeIPs) add(ip, p.nodePort, ext);
    }
  }
  servers.sort(
    (a, b) =>
      (PROTO_NUM[a.proto] ?? 0) - (PROTO_NUM[b.proto] ?? 0) || addrCmp(a.addr, b.addr) || a.port - b.port,
  );
  for (const v of servers) lines.push(v.head, ...v.reals);
  return `${lines.join('\n')}\n`;
}

/** Which of kube-proxy's ipsets have entries on `node` (a rule matching an empty set is not written). */
function ipsets(models: Iterable<ServiceModel>, node: string) {
  const s = {
    loopBack: false,
    lb: false,
    lbLocal: false,
    extIP: false,
    extIPLocal: false,
    np: { TCP: false, UDP: false },
    npLocal: { TCP: false, UDP: false },
  };
  for (const m of models) {
    if (!m.clusterIP) continue;
    const extLocal = featuresOf(m.svc)?.extLocal === true;
    for (const p of m.ports) {
      if (p.endpoints.some((e) => e.nodeName === node)) s.loopBack = true;
      if (m.svc.spec.externalIPs?.length) {
        if (extLocal) s.extIPLocal = true;
        else s.extIP = true;
      }
      if (m.lbIPs.length) {
        s.lb = true;
        if (extLocal) s.lbLocal = true;
      }
      if (p.nodePort !== undefined && (p.protocol === 'TCP' || p.protocol === 'UDP')) {
        s.np[p.protocol] = true;
        if (extLocal) s.npLocal[p.protocol] = true;
      }
    }
  }
  return s;
}

const comment = (text: string) => `-m comment --comment "${text}"`;

/**
 * `iptables-save` in IPVS mode (proxier.go writeIptablesRules, createAndLinkKubeChain): no
 * per-Service chains; ClusterIPs, NodePorts and LB IPs live in ipsets matched by a handful of
 * rules, and the balancing is done by the IPVS virtual servers (ipvsadmList). The kubelet's own
 * lines (./save) are there too.
 */
export function ipvsModeSave(
  profile: Profile,
  header: string,
  models: Iterable<ServiceModel> = [],
  node = '',
): string {
  const s = ipsets(models, node);
  const r = rule;
  const nat: RuleLine[] = [
    r('PREROUTING', `${comment('kubernetes service portals')} -j KUBE-SERVICES`),
    r('OUTPUT', `${comment('kubernetes service portals')} -j KUBE-SERVICES`),
    r('POSTROUTING', `${comment('kubernetes postrouting rules')} -j KUBE-POSTROUTING`),
    // Loopback sources are dismissed first (kubernetes#112949).
    r('KUBE-SERVICES', '-s 127.0.0.0/8 -j RETURN'),
  ];
  // ipsetWithIptablesChain, in its order, for the sets that have entries.
  if (s.loopBack)
    nat.push(
      r(
        'KUBE-POSTROUTING',
        `${comment('Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose')} -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE`,
      ),
    );
  if (s.lb)
    nat.push(
      r(
        'KUBE-SERVICES',
        `${comment('Kubernetes service lb portal')} -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER`,
      ),
    );
  if (s.lbLocal)
    nat.push(
      r(
        'KUBE-LOAD-BALANCER',
        `${comment('Kubernetes service load balancer ip + port with externalTrafficPolicy=local')} -m set --match-set KUBE-LOAD-BALANCER-LOCAL dst,dst -j RETURN`,
      ),
    );
  for (const proto of ['TCP', 'UDP'] as const) {
    const p = `-p ${proto.toLowerCase()}`;
    if (s.npLocal[proto])
      nat.push(
        r(
          'KUBE-NODE-PORT',
          `${p} ${comment(`Kubernetes nodeport ${proto} port with externalTrafficPolicy=local`)} -m set --match-set KUBE-NODE-PORT-LOCAL-${proto} dst -j RETURN`,
        ),
      );
    if (s.np[proto])
      nat.push(
        r(
          'KUBE-NODE-PORT',
          `${p} ${comment(`Kubernetes nodeport ${proto} port for masquerade purpose`)} -m set --match-set KUBE-NODE-PORT-${proto} dst -j KUBE-MARK-MASQ`,
        ),
      );
  }
  nat.push(
    r(
      'KUBE-SERVICES',
      `! -s ${profile.clusterCIDR} ${comment('Kubernetes service cluster ip + port for masquerade purpose')} -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ`,
    ),
  );
  // External IPs: masquerade (Cluster policy), and accept traffic from off the machine or to a local address.
  const extIP = (set: string, text: string, masq: boolean) => {
    const m = `${comment(text)} -m set --match-set ${set} dst,dst`;
    if (masq) nat.push(r('KUBE-SERVICES', `${m} -j KUBE-MARK-MASQ`));
    nat.push(
      r('KUBE-SERVICES', `${m} -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT`),
    );
    nat.push(r('KUBE-SERVICES', `${m} -m addrtype --dst-type LOCAL -j ACCEPT`));
  };
  if (s.extIP)
    extIP(
      'KUBE-EXTERNAL-IP',
      'Kubernetes service external ip + port for masquerade and filter purpose',
      true,
    );
  if (s.extIPLocal)
    extIP(
      'KUBE-EXTERNAL-IP-LOCAL',
      'Kubernetes service external ip + port with externalTrafficPolicy=local',
      false,
    );
  nat.push(
    r('KUBE-SERVICES', '-m addrtype --dst-type LOCAL -j KUBE-NODE-PORT'),
    r('KUBE-LOAD-BALANCER', '-j KUBE-MARK-MASQ'),
    // acceptIPVSTraffic: the last rules of KUBE-SERVICES.
    r('KUBE-SERVICES', '-m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT'),
  );
  if (s.lb) nat.push(r('KUBE-SERVICES', '-m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT'));
  nat.push(
    r('KUBE-POSTROUTING', '-m mark ! --mark 0x4000/0x4000 -j RETURN'),
    r('KUBE-POSTROUTING', '-j MARK --set-xmark 0x4000/0x0'),
    r(
      'KUBE-POSTROUTING',
      `${comment('kubernetes service traffic requiring SNAT')} -j MASQUERADE --random-fully`,
    ),
    r('KUBE-MARK-MASQ', '-j MARK --set-xmark 0x4000/0x4000'),
  );

  // Jumps are prepended one by one (iptablesJumpChain order), after the kubelet's KUBE-FIREWALL
  // jumps, which exist from before the kube-proxy Pod started.
  const filter: RuleLine[] = [
    r('INPUT', `${comment('kubernetes ipvs access filter')} -j KUBE-IPVS-FILTER`),
    r('INPUT', `${comment('kube-proxy firewall rules')} -j KUBE-PROXY-FIREWALL`),
    r('INPUT', `${comment('kubernetes health check rules')} -j KUBE-NODE-PORT`),
    r('FORWARD', `${comment('kube-proxy firewall rules')} -j KUBE-PROXY-FIREWALL`),
    r('FORWARD', `${comment('kubernetes forwarding rules')} -j KUBE-FORWARD`),
    r('OUTPUT', `${comment('kubernetes ipvs access filter')} -j KUBE-IPVS-OUT-FILTER`),
    ...KUBELET_FILTER,
    r('KUBE-SOURCE-RANGES-FIREWALL', '-j DROP'),
    r('KUBE-FORWARD', `${comment('kubernetes forwarding rules')} -m mark --mark 0x4000/0x4000 -j ACCEPT`),
    r(
      'KUBE-FORWARD',
      `${comment('kubernetes forwarding conntrack rule')} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
    ),
    r(
      'KUBE-NODE-PORT',
      `${comment('Kubernetes health check node port')} -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT`,
    ),
    // kubernetes#72236: only IPVS services answer on the kube-ipvs0 addresses.
    ...['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL'].map((set) =>
      r('KUBE-IPVS-FILTER', `-m set --match-set ${set} dst,dst -j RETURN`),
    ),
    r('KUBE-IPVS-FILTER', '-m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN'),
    r(
      'KUBE-IPVS-FILTER',
      '-m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable',
    ),
  ];
  return saveText(header, [
    mangleTable([]),
    {
      name: 'filter',
      builtins: FILTER_BUILTINS,
      chains: [
        'KUBE-FORWARD',
        'KUBE-IPVS-FILTER',
        'KUBE-IPVS-OUT-FILTER',
        'KUBE-NODE-PORT',
        'KUBE-PROXY-FIREWALL',
        'KUBE-SOURCE-RANGES-FIREWALL',
        ...KUBELET_FILTER_CHAINS,
      ],
      rules: filter,
    },
    {
      name: 'nat',
      builtins: NAT_BUILTINS,
      chains: [
        'KUBE-KUBELET-CANARY',
        'KUBE-LOAD-BALANCER',
        'KUBE-MARK-MASQ',
        'KUBE-NODE-PORT',
        'KUBE-POSTROUTING',
        'KUBE-SERVICES',
      ],
      rules: nat,
    },
  ]);
}
