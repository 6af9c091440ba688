// kube-proxy's rules for Services that use sessionAffinity: ClientIP, externalTrafficPolicy: Local,
// internalTrafficPolicy: Local or spec.externalIPs (pkg/proxy/iptables/proxier.go syncProxyRules and
// writeServiceToEndpointRules, kube-proxy 1.34). Bound late with the printers and the tracer: the
// boot chunk's model (./model) keeps building the rules of every other Service, and those stay
// byte-identical because `rulesFor` hands them back untouched.
//
// Lines are written in iptables-save order (-s, -d, -p, then the matches, then -j), as ./model's are.
import type { Service } from '../api/types';
import { serviceChain } from './hash';
import type { EndpointInfo, PortModel, RuleLine, ServiceModel } from './model';

/** v1.DefaultClientIPServiceAffinitySeconds. */
export const DEFAULT_AFFINITY_SECONDS = 10800;

export interface Features {
  /** sessionAffinity ClientIP: sessionAffinityConfig.clientIP.timeoutSeconds (default 10800). */
  affinity?: number;
  extLocal: boolean;
  intLocal: boolean;
}

/** undefined for a Service that uses none of the three (the common case: the model's own rules apply). */
export function featuresOf(svc: Service): Features | undefined {
  const s = svc.spec;
  const affinity =
    s.sessionAffinity === 'ClientIP'
      ? (s.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS)
      : undefined;
  const extLocal = s.externalTrafficPolicy === 'Local';
  const intLocal = s.internalTrafficPolicy === 'Local';
  if (affinity === undefined && !extLocal && !intLocal) return undefined;
  const f: Features = { extLocal, intLocal };
  if (affinity !== undefined) f.affinity = affinity;
  return f;
}

/** ServicePort.ExternallyAccessible: a NodePort, a load-balancer IP or an external IP. */
export function externallyAccessible(m: ServiceModel, pm: PortModel): boolean {
  return pm.nodePort !== undefined || m.lbIPs.length > 0 || (m.svc.spec.externalIPs?.length ?? 0) > 0;
}

/**
 * The endpoints on `node` kube-proxy may use for Local policy (topology.go CategorizeEndpoints):
 * the ready local ones, else the serving+terminating local ones.
 */
export function localEndpoints(pm: PortModel, node: string): EndpointInfo[] {
  const local = pm.endpoints.filter((e) => e.nodeName === node);
  const ready = local.filter((e) => e.ready);
  return ready.length ? ready : local.filter((e) => e.serving && e.terminating);
}

export function svlChain(pm: PortModel): string {
  return serviceChain('KUBE-SVL-', pm.spn, pm.protocol);
}

export interface Rules {
  nat: RuleLine[];
  filter: RuleLine[];
}

const cache = new WeakMap<ServiceModel, Map<string, Rules>>();

/** The nat and filter lines kube-proxy on `node` writes for this Service. */
export function rulesFor(m: ServiceModel, clusterCIDR: string, node: string): Rules {
  // spec.externalIPs: the model (./model, boot chunk) has no rules for them, so those Services'
  // rules are written here too.
  const f = m.clusterIP
    ? (featuresOf(m.svc) ??
      (m.svc.spec.externalIPs?.length ? { extLocal: false, intLocal: false } : undefined))
    : undefined;
  if (!f) return m;
  let byNode = cache.get(m);
  if (!byNode) {
    byNode = new Map();
    cache.set(m, byNode);
  }
  let r = byNode.get(node);
  if (!r) {
    r = { nat: [], filter: [] };
    for (const pm of m.ports) writePort(r, m, pm, f, clusterCIDR, node);
    byNode.set(node, r);
  }
  return r;
}

function writePort(r: Rules, m: ServiceModel, pm: PortModel, f: Features, cidr: string, node: string): void {
  const clusterIP = m.clusterIP as string;
  const proto = pm.protocol.toLowerCase();
  const spn = pm.spn;
  const nat = (chain: string, rest: string) => r.nat.push({ chain, text: `-A ${chain} ${rest}` });
  const filter = (chain: string, rest: string) => r.filter.push({ chain, text: `-A ${chain} ${rest}` });
  const ext = externallyAccessible(m, pm);
  const extLocal = f.extLocal && ext;
  const cluster = pm.usable;
  const local = localEndpoints(pm, node);
  // ServicePort.UsesClusterEndpoints / UsesLocalEndpoints (a Local external policy still needs the
  // Cluster chain for the short-circuit of Pod and node traffic).
  const clusterEps = !f.intLocal || ext;
  const localEps = f.intLocal || extLocal;
  const usesCluster = cluster.length > 0 && clusterEps;
  const usesLocal = local.length > 0 && localEps;
  const svc = pm.svcChain;
  const svl = svlChain(pm);
  const internalChain = f.intLocal ? svl : svc;
  const hasEndpoints = cluster.length > 0;
  const hasInternal = hasEndpoints && (!f.intLocal || local.length > 0);
  const hasExternal = hasEndpoints && (!extLocal || local.length > 0);
  const externalChain = extLocal ? svl : svc;
  const noEp = hasEndpoints ? `"${spn} has no local endpoints"` : `"${spn} has no endpoints"`;
  const intTarget = hasEndpoints ? 'DROP' : 'REJECT --reject-with icmp-port-unreachable';
  const extTarget = hasEndpoints && extLocal ? 'DROP' : 'REJECT --reject-with icmp-port-unreachable';
  const extComment = hasEndpoints ? noEp : `"${spn} has no endpoints"`;
  const cipMatch = `-p ${proto} -m comment --comment "${spn} cluster IP" -m ${proto} --dport ${pm.port}`;

  // Capture the clusterIP.
  if (hasInternal) nat('KUBE-SERVICES', `-d ${clusterIP}/32 ${cipMatch} -j ${internalChain}`);
  else
    filter(
      'KUBE-SERVICES',
      `-d ${clusterIP}/32 -p ${proto} -m comment --comment ${noEp} -m ${proto} --dport ${pm.port} -j ${intTarget}`,
    );
  // Capture externalIPs.
  for (const ip of m.svc.spec.externalIPs ?? []) {
    if (hasEndpoints)
      nat(
        'KUBE-SERVICES',
        `-d ${ip}/32 -p ${proto} -m comment --comment "${spn} external IP" -m ${proto} --dport ${pm.port} -j ${pm.extChain}`,
      );
    if (!hasExternal)
      filter(
        'KUBE-EXTERNAL-SERVICES',
        `-d ${ip}/32 -p ${proto} -m comment --comment ${extComment} -m ${proto} --dport ${pm.port} -j ${extTarget}`,
      );
  }
  // Capture load-balancer ingress.
  for (const ip of m.lbIPs) {
    if (hasEndpoints)
      nat(
        'KUBE-SERVICES',
        `-d ${ip}/32 -p ${proto} -m comment --comment "${spn} loadbalancer IP" -m ${proto} --dport ${pm.port} -j ${pm.extChain}`,
      );
  }
  if (!hasExternal) {
    for (const ip of m.lbIPs)
      filter(
        'KUBE-EXTERNAL-SERVICES',
        `-d ${ip}/32 -p ${proto} -m comment --comment ${extComment} -m ${proto} --dport ${pm.port} -j ${extTarget}`,
      );
  }
  // Capture nodeports.
  if (pm.nodePort !== undefined) {
    if (hasEndpoints)
      nat(
        'KUBE-NODEPORTS',
        `-p ${proto} -m comment --comment "${spn}" -m ${proto} --dport ${pm.nodePort} -j ${pm.extChain}`,
      );
    if (!hasExternal)
      filter(
        'KUBE-EXTERNAL-SERVICES',
        `-p ${proto} -m comment --comment ${extComment} -m addrtype --dst-type LOCAL -m ${proto} --dport ${pm.nodePort} -j ${extTarget}`,
      );
  }
  // Capture healthCheckNodePorts: accepted whether or not this node has local endpoints.
  const hc = m.svc.spec.healthCheckNodePort;
  if (hc)
    filter(
      'KUBE-NODEPORTS',
      `-p tcp -m comment --comment "${spn} health check node port" -m tcp --dport ${hc} -j ACCEPT`,
    );
  if (!hasEndpoints) return;
  // Internal traffic handling: masquerade off-cluster traffic to the VIP.
  if (hasInternal) nat(internalChain, `! -s ${cidr} -d ${clusterIP}/32 ${cipMatch} -j KUBE-MARK-MASQ`);
  // External traffic handling.
  if (ext) {
    if (!extLocal) {
      nat(
        pm.extChain,
        `-m comment --comment "masquerade traffic for ${spn} external destinations" -j KUBE-MARK-MASQ`,
      );
    } else {
      // Only same-node endpoints: the client's source IP is kept (no KUBE-MARK-MASQ), except for
      // Pods and the node itself, which take the Cluster chain as if they had gone out and back.
      nat(
        pm.extChain,
        `-s ${cidr} -m comment --comment "pod traffic for ${spn} external destinations" -j ${svc}`,
      );
      nat(
        pm.extChain,
        `-m comment --comment "masquerade LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      );
      nat(
        pm.extChain,
        `-m comment --comment "route LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j ${svc}`,
      );
    }
    if (hasExternal) nat(pm.extChain, `-j ${externalChain}`);
  }
  if (usesCluster) writeServiceToEndpoint(r, pm, svc, cluster, f);
  if (usesLocal) writeServiceToEndpoint(r, pm, svl, local, f);
  // Per-endpoint chains for every endpoint reachable from this node.
  const reachable = !localEps
    ? cluster
    : !clusterEps
      ? local
      : [...cluster, ...local.filter((e) => !cluster.includes(e))];
  for (const e of reachable) {
    nat(e.sepChain, `-s ${e.ip}/32 -m comment --comment "${spn}" -j KUBE-MARK-MASQ`);
    const recent =
      f.affinity !== undefined
        ? ` -m recent --set --name ${e.sepChain} --mask 255.255.255.255 --rsource`
        : '';
    nat(
      e.sepChain,
      `-p ${proto} -m comment --comment "${spn}"${recent} -m ${proto} -j DNAT --to-destination ${e.ip}:${e.port}`,
    );
  }
}

function writeServiceToEndpoint(
  r: Rules,
  pm: PortModel,
  chain: string,
  eps: EndpointInfo[],
  f: Features,
): void {
  // Session affinity first: a client seen within the timeout goes back to its endpoint.
  if (f.affinity !== undefined) {
    for (const e of eps)
      r.nat.push({
        chain,
        text: `-A ${chain} -m comment --comment "${pm.spn} -> ${e.ip}:${e.port}" -m recent --rcheck --seconds ${f.affinity} --reap --name ${e.sepChain} --mask 255.255.255.255 --rsource -j ${e.sepChain}`,
      });
  }
  const n = eps.length;
  eps.forEach((e, i) => {
    const stat = i < n - 1 ? ` -m statistic --mode random --probability ${(1 / (n - i)).toFixed(10)}` : '';
    r.nat.push({
      chain,
      text: `-A ${chain} -m comment --comment "${pm.spn} -> ${e.ip}:${e.port}"${stat} -j ${e.sepChain}`,
    });
  });
}
