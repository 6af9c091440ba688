// kube-proxy's IPVS mode (pkg/proxy/ipvs/proxier.go, 1.34): real servers per node under the Local
// traffic policies, the ipsets' iptables rules, and the tracer's IPVS path. kind profile: web-a on
// kind-worker, web-b and web-c on kind-worker2, client-1 on kind-control-plane, client-2 on
// kind-worker.
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types';
import type { TraceSource } from '../contract';
import { addKindWebPods, netHarness, pod, saveTables, service } from './test-helpers';

function kind(spec: Partial<Service['spec']>, type: Service['spec']['type'] = 'ClusterIP') {
  const h = netHarness({ profile: 'kind', proxyMode: 'ipvs', seed: 7 });
  addKindWebPods(h.api);
  const port = [{ port: 80, ...(type === 'ClusterIP' ? {} : { nodePort: 30080 }) }];
  const svc = service('web', { type, clusterIP: '10.96.50.10', selector: { app: 'web' }, ports: port });
  h.api.create({ ...svc, spec: { ...svc.spec, ...spec } });
  h.loop.runUntilIdle();
  return h;
}

// ipvsadm prints `"  -> %-28s %-7s %-6d %-10u %-10u\n"`: a space after the address, trailing blanks.
const real = (ip: string) => `  -> ${`${ip}:80`.padEnd(28)} Masq    1      0          0         `;
const ALL = [real('10.244.1.7'), real('10.244.2.8'), real('10.244.2.9')];

/** The real-server lines under one virtual server of `ipvsadm -Ln`. */
function reals(out: string, head: string): string[] {
  const lines = out.split('\n');
  const i = lines.indexOf(head);
  expect(i, `${head} in\n${out}`).toBeGreaterThan(0);
  const rest = lines.slice(i + 1);
  const end = rest.findIndex((l) => !l.startsWith('  -> '));
  return rest.slice(0, end);
}

describe('ipvsadm -Ln: Local traffic policies', () => {
  it('externalTrafficPolicy Local: NodePort servers get the node’s endpoints; the ClusterIP keeps all', () => {
    const h = kind({ externalTrafficPolicy: 'Local' }, 'NodePort');
    const worker = h.net.ipvsadm('kind-worker');
    expect(reals(worker, 'TCP  172.18.0.3:30080 rr')).toEqual([real('10.244.1.7')]);
    expect(reals(worker, 'TCP  10.96.50.10:80 rr')).toEqual(ALL);
    // Only the node's own address gets a NodePort virtual server.
    expect(worker).not.toContain('172.18.0.2:30080');
    expect(reals(h.net.ipvsadm('kind-worker2'), 'TCP  172.18.0.4:30080 rr')).toEqual(ALL.slice(1));
  });

  it('externalTrafficPolicy Local, no endpoint on the node: every endpoint (kubernetes#97081)', () => {
    const h = kind({ externalTrafficPolicy: 'Local' }, 'NodePort');
    expect(reals(h.net.ipvsadm('kind-control-plane'), 'TCP  172.18.0.2:30080 rr')).toEqual(ALL);
  });

  it('internalTrafficPolicy Local: the ClusterIP server has the node’s endpoints, or none', () => {
    const h = kind({ internalTrafficPolicy: 'Local' });
    expect(reals(h.net.ipvsadm('kind-worker'), 'TCP  10.96.50.10:80 rr')).toEqual([real('10.244.1.7')]);
    expect(reals(h.net.ipvsadm('kind-control-plane'), 'TCP  10.96.50.10:80 rr')).toEqual([]);
  });

  it('internalTrafficPolicy Local on a NodePort Service: no local endpoint ⇒ the Cluster endpoints', () => {
    const h = kind({ internalTrafficPolicy: 'Local' }, 'NodePort');
    const cp = h.net.ipvsadm('kind-control-plane');
    expect(reals(cp, 'TCP  10.96.50.10:80 rr')).toEqual(ALL);
    expect(reals(cp, 'TCP  172.18.0.2:30080 rr')).toEqual(ALL);
  });
});

describe('iptables-save, IPVS mode', () => {
  it('nat: the NodePort ipsets, LOCAL (RETURN) before the masquerading one, only when they have entries', () => {
    const local = saveTables(
      kind({ externalTrafficPolicy: 'Local' }, 'NodePort').net.iptablesSave('kind-worker'),
    ).nat.split('\n');
    expect(local.filter((l) => l.startsWith('-A KUBE-NODE-PORT '))).toEqual([
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN',
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    ]);
    const cluster = saveTables(kind({}, 'NodePort').net.iptablesSave('kind-worker')).nat.split('\n');
    expect(cluster.filter((l) => l.startsWith('-A KUBE-NODE-PORT '))).toEqual([
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    ]);
    const none = saveTables(kind({}).net.iptablesSave('kind-worker')).nat;
    expect(none).not.toContain('-A KUBE-NODE-PORT ');
    expect(none).not.toContain('KUBE-LOAD-BALANCER dst,dst');
  });

  it('nat: a LoadBalancer with externalTrafficPolicy Local (k3s) gets KUBE-LOAD-BALANCER-LOCAL; KUBE-SERVICES in proxier.go order', () => {
    const h = netHarness({ profile: 'k3s', proxyMode: 'ipvs' });
    h.api.create(pod('web', { labels: { app: 'web' }, ip: '10.42.0.9', node: 'k3s-server' }));
    const svc = service('numbers-web', {
      type: 'LoadBalancer',
      clusterIP: '10.43.95.201',
      selector: { app: 'web' },
      ports: [{ port: 8080, targetPort: 80, nodePort: 31234 }],
      lbIngress: [{ ip: '172.28.132.127' }],
    });
    h.api.create({ ...svc, spec: { ...svc.spec, externalTrafficPolicy: 'Local' } });
    h.loop.runUntilIdle();
    const nat = saveTables(h.net.iptablesSave('k3s-server')).nat.split('\n');
    expect(nat.filter((l) => l.startsWith('-A KUBE-LOAD-BALANCER '))).toEqual([
      '-A KUBE-LOAD-BALANCER -m comment --comment "Kubernetes service load balancer ip + port with externalTrafficPolicy=local" -m set --match-set KUBE-LOAD-BALANCER-LOCAL dst,dst -j RETURN',
      '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ',
    ]);
    expect(nat.filter((l) => l.startsWith('-A KUBE-SERVICES '))).toEqual([
      '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service lb portal" -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER',
      '-A KUBE-SERVICES ! -s 10.42.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
      '-A KUBE-SERVICES -m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT',
    ]);
    const out = h.net.ipvsadm('k3s-server');
    expect(reals(out, 'TCP  172.28.132.127:8080 rr')).toEqual([real('10.42.0.9')]);
    // The tracer takes the LB IP's virtual server (before: an iptables KUBE-EXT hop in IPVS mode).
    const t = h.net.trace({
      source: { kind: 'host' },
      destination: '172.28.132.127',
      protocol: 'TCP',
      port: 8080,
    });
    expect(t.hops.find((x) => x.kind === 'rule')).toMatchObject({
      label: "IPVS 172.28.132.127:8080 rr (externalTrafficPolicy Local: k3s-server's endpoints)",
      rule: 'TCP  172.28.132.127:8080 rr',
    });
    expect(t.verdict).toBe('delivered');
    expect(t.endpoint?.ip).toBe('10.42.0.9');
    expect(t.reason).toContain('the client source IP is kept');
  });

  it('filter: the jumps, KUBE-IPVS-FILTER (kubernetes#72236) and the kubelet’s KUBE-FIREWALL', () => {
    const filter = saveTables(kind({}).net.iptablesSave('kind-worker')).filter.split('\n');
    expect(filter.filter((l) => l.startsWith('-A '))).toEqual([
      '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER',
      '-A INPUT -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
      '-A INPUT -m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT',
      '-A INPUT -j KUBE-FIREWALL',
      '-A FORWARD -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
      '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
      '-A OUTPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-OUT-FILTER',
      '-A OUTPUT -j KUBE-FIREWALL',
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-LOAD-BALANCER dst,dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-CLUSTER-IP dst,dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP dst,dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-NODE-PORT -m comment --comment "Kubernetes health check node port" -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT',
      '-A KUBE-SOURCE-RANGES-FIREWALL -j DROP',
    ]);
  });
});

const client1: TraceSource = { kind: 'pod', key: 'Pod/default/client-1' };
const client2: TraceSource = { kind: 'pod', key: 'Pod/default/client-2' };
const fromNode = (name: string): TraceSource => ({ kind: 'node', name });
const to = (h: ReturnType<typeof kind>, source: TraceSource, destination: string, port: number) =>
  h.net.trace({ source, destination, protocol: 'TCP', port });

describe('tracer, IPVS mode: Local traffic policies', () => {
  it('externalTrafficPolicy Local, node with an endpoint: that endpoint only, source kept', () => {
    const h = kind({ externalTrafficPolicy: 'Local' }, 'NodePort');
    for (let i = 0; i < 4; i++) {
      const t = to(h, fromNode('kind-control-plane'), '172.18.0.3', 30080);
      expect(t.verdict).toBe('delivered');
      expect(t.endpoint?.ip).toBe('10.244.1.7');
      expect(t.reason).toContain('the client source IP is kept');
      const vs = t.hops.find((x) => x.label.startsWith('IPVS'));
      expect(vs?.label).toBe(
        "IPVS 172.18.0.3:30080 rr (externalTrafficPolicy Local: kind-worker's endpoints)",
      );
      expect(vs?.rule).toBe('TCP  172.18.0.3:30080 rr');
    }
  });

  it('externalTrafficPolicy Local, node without one, client elsewhere: forwarded unmasqueraded, the answer is dropped', () => {
    const h = kind({ externalTrafficPolicy: 'Local' }, 'NodePort');
    const t = to(h, fromNode('kind-worker'), '172.18.0.2', 30080);
    expect(t.verdict).toBe('timeout');
    expect(t.hops.find((x) => x.label.startsWith('IPVS'))?.label).toBe(
      'IPVS 172.18.0.2:30080 rr (externalTrafficPolicy Local, no endpoint on kind-control-plane: every endpoint)',
    );
    expect(t.hops.some((x) => x.kind === 'dnat')).toBe(true);
    expect(t.hops.at(-1)).toMatchObject({
      kind: 'drop',
      label: `172.18.0.3 drops the answer from ${t.endpoint?.ip}`,
    });
    expect(t.reason).toContain('kubernetes#97081');
    expect(t.reason).toMatch(/SYN is never answered, so the connection times out$/);
  });

  it('externalTrafficPolicy Local, node without one, client a Pod on that node: delivered (any endpoint)', () => {
    const h = kind({ externalTrafficPolicy: 'Local' }, 'NodePort');
    const t = to(h, client1, '172.18.0.2', 30080);
    expect(t.verdict).toBe('delivered');
    expect(t.hops.some((x) => x.kind === 'drop')).toBe(false);
  });

  it('internalTrafficPolicy Local: no endpoint on the node ⇒ no real servers ⇒ ICMP port unreachable', () => {
    const h = kind({ internalTrafficPolicy: 'Local' });
    const t = to(h, client1, '10.96.50.10', 80);
    expect(t.verdict).toBe('refused');
    expect(t.hops.find((x) => x.kind === 'reject')).toMatchObject({
      label: 'ICMP port unreachable (no real server)',
      rule: 'TCP  10.96.50.10:80 rr',
    });
    expect(t.reason).toContain(
      'internalTrafficPolicy: Local and no ready endpoint on node kind-control-plane',
    );
    for (let i = 0; i < 4; i++) expect(to(h, client2, '10.96.50.10', 80).endpoint?.ip).toBe('10.244.1.7');
  });

  it('internalTrafficPolicy Local on a NodePort Service, no endpoint on the node: every endpoint', () => {
    const h = kind({ internalTrafficPolicy: 'Local' }, 'NodePort');
    const ips = new Set([0, 1, 2].map(() => to(h, client1, '10.96.50.10', 80).endpoint?.ip));
    expect(ips).toEqual(new Set(['10.244.1.7', '10.244.2.8', '10.244.2.9']));
  });
});

describe('ipvsadm -Ln order (libipvs ipvs_cmp_services / ipvs_cmp_dests)', () => {
  it('servers by protocol number, then address as a C int difference (10.x after 192.168.x), then port; real servers by address', () => {
    const h = netHarness({ proxyMode: 'ipvs' });
    for (const ip of ['10.1.0.10', '10.1.0.9'])
      h.api.create(pod(`web-${ip}`, { labels: { app: 'web' }, ip, node: 'docker-desktop' }));
    h.api.create(
      service('web', {
        type: 'NodePort',
        clusterIP: '10.100.0.7',
        selector: { app: 'web' },
        ports: [{ port: 80, nodePort: 30080 }],
      }),
    );
    h.loop.runUntilIdle();
    const out = h.net.ipvsadm('docker-desktop');
    const heads = out.split('\n').filter((l) => /^(TCP|UDP) /.test(l));
    expect(heads).toEqual([
      'TCP  192.168.65.3:30080 rr',
      'TCP  10.96.0.1:443 rr',
      'TCP  10.96.0.10:53 rr',
      'TCP  10.96.0.10:9153 rr',
      'TCP  10.100.0.7:80 rr',
      'UDP  10.96.0.10:53 rr',
    ]);
    expect(reals(out, 'TCP  10.100.0.7:80 rr').map((l) => l.slice(5, 14))).toEqual([
      '10.1.0.9:',
      '10.1.0.10',
    ]);
  });
});
