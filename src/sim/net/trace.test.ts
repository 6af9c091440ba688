// Packet-flow tables in the style of kube-proxy's proxier_test.go: each case asserts the verdict
// and the SET of possible backends; the seeded pick is asserted separately.
import { describe, expect, it } from 'vitest';
import type { ProfileName, ProxyMode, TraceProtocol, TraceSource } from '../contract';
import { manualEndpoints } from '../testing/endpoints';
import { netHarness, pod, service } from './test-helpers';

function chapter3(opts: { profile?: ProfileName; proxyMode?: ProxyMode; seed?: number } = {}) {
  const h = netHarness(opts);
  const { api, loop, profile } = h;
  const base = profile.nodes[0]?.podCIDR.split('.').slice(0, 3).join('.') ?? '10.1.0';
  const firstNode = profile.nodes[0]?.name ?? 'docker-desktop';
  const lastNode = profile.nodes[profile.nodes.length - 1]?.name ?? 'docker-desktop';
  const ip = (n: number) => `${base}.${n}`;
  api.create(
    pod('sleep-1-aaaaa', {
      labels: { app: 'sleep-1' },
      ip: ip(10),
      image: 'kiamol/ch03-sleep',
      node: firstNode,
    }),
  );
  api.create(
    pod('sleep-2-bbbbb', {
      labels: { app: 'sleep-2' },
      ip: ip(31),
      image: 'kiamol/ch03-sleep',
      node: lastNode,
    }),
  );
  api.create(pod('numbers-api-1', { labels: { app: 'numbers-api' }, ip: ip(40), node: lastNode }));
  api.create(pod('numbers-api-2', { labels: { app: 'numbers-api' }, ip: ip(41), node: firstNode }));
  api.create(
    pod('numbers-web-1', {
      labels: { app: 'numbers-web' },
      ip: ip(50),
      image: 'kiamol/ch03-numbers-web',
      node: firstNode,
    }),
  );
  api.create(service('sleep-2', { clusterIP: '10.98.2.165', selector: { app: 'sleep-2' } }));
  api.create(service('numbers-api', { clusterIP: '10.110.206.4', selector: { app: 'numbers-api' } }));
  api.create(service('nobody', { clusterIP: '10.100.0.5', selector: { app: 'nobody' } }));
  api.create(
    service('numbers-web-node', {
      type: 'NodePort',
      clusterIP: '10.101.0.8',
      selector: { app: 'numbers-web' },
      ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }],
    }),
  );
  const lbIngress =
    profile.loadBalancer === 'localhost'
      ? [{ hostname: 'localhost' }]
      : profile.loadBalancer === 'node-ip'
        ? profile.nodes.map((n) => ({ ip: n.ip }))
        : undefined;
  api.create(
    service('numbers-web', {
      type: 'LoadBalancer',
      clusterIP: '10.108.103.175',
      selector: { app: 'numbers-web' },
      ports: [{ port: 8080, targetPort: 80, nodePort: 31234 }],
      ...(lbIngress ? { lbIngress } : {}),
    }),
  );
  api.create(
    service('numbers-api-external', { type: 'ExternalName', externalName: 'raw.githubusercontent.com' }),
  );
  api.create(service('numbers-api-headless', { clusterIP: 'None', selector: { app: 'numbers-api' } }));
  api.create(service('manual', { clusterIP: '10.105.1.1' }));
  api.create(manualEndpoints('manual'));
  loop.runUntilIdle();
  return { ...h, ip };
}

const sleep1: TraceSource = { kind: 'pod', key: 'Pod/default/sleep-1-aaaaa' };
const host: TraceSource = { kind: 'host' };

interface Case {
  name: string;
  source?: TraceSource;
  dest: string;
  proto: TraceProtocol;
  port?: number;
  verdict: string;
  /** Possible backends after DNAT (`ip:port`), or undefined when no DNAT happens. */
  backends?: string[];
  hops?: string[];
  reason?: RegExp;
}

function runTable(cases: Case[], opts: { profile?: ProfileName; proxyMode?: ProxyMode } = {}) {
  for (const c of cases) {
    it(c.name, () => {
      const { net } = chapter3(opts);
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const t = net.trace({
          source: c.source ?? sleep1,
          destination: c.dest,
          protocol: c.proto,
          ...(c.port ? { port: c.port } : {}),
        });
        expect(t.verdict, t.reason).toBe(c.verdict);
        if (c.reason) expect(t.reason).toMatch(c.reason);
        if (c.hops && i === 0) expect(t.hops.map((h) => h.kind)).toEqual(c.hops);
        if (t.endpoint) seen.add(`${t.endpoint.ip}:${t.endpoint.port}`);
      }
      expect([...seen].sort()).toEqual([...(c.backends ?? [])].sort());
    });
  }
}

describe('trace, Docker Desktop, iptables', () => {
  runTable([
    {
      name: 'pod → pod IP, ICMP',
      dest: '10.1.0.31',
      proto: 'ICMP',
      verdict: 'delivered',
      hops: ['send', 'deliver', 'reply'],
    },
    {
      name: 'pod → pod IP, TCP to a listener',
      dest: '10.1.0.40',
      proto: 'TCP',
      port: 80,
      verdict: 'delivered',
    },
    {
      name: 'pod → pod IP, TCP to the sleep pod (RST)',
      dest: '10.1.0.31',
      proto: 'TCP',
      port: 80,
      verdict: 'refused',
      reason: /nothing in Pod default\/sleep-2-bbbbb listens on 80\/TCP/,
    },
    {
      name: 'pod → ClusterIP by name, TCP, two endpoints',
      dest: 'numbers-api',
      proto: 'TCP',
      port: 80,
      verdict: 'delivered',
      backends: ['10.1.0.40:80', '10.1.0.41:80'],
      hops: ['dns-query', 'dnat', 'dns-answer', 'send', 'rule', 'rule', 'dnat', 'deliver', 'reply'],
    },
    {
      name: 'pod → ClusterIP, TCP, endpoint does not listen ⇒ refused by the pod',
      dest: 'sleep-2',
      proto: 'TCP',
      port: 80,
      verdict: 'refused',
      backends: ['10.1.0.31:80'],
    },
    {
      name: 'ICMP to a ClusterIP ⇒ no reply',
      dest: 'sleep-2',
      proto: 'ICMP',
      verdict: 'no-reply',
      reason:
        /^ICMP to a ClusterIP matches no kube-proxy rule, and no interface owns 10\.98\.2\.165, so nothing answers$/,
    },
    {
      name: 'no endpoints ⇒ REJECT ⇒ refused',
      dest: 'nobody',
      proto: 'TCP',
      port: 80,
      verdict: 'refused',
      reason: /no endpoints/,
    },
    {
      name: 'ClusterIP, unknown port ⇒ timeout',
      dest: '10.110.206.4',
      proto: 'TCP',
      port: 8080,
      verdict: 'timeout',
    },
    {
      name: 'NodePort on the node IP',
      dest: '192.168.65.3',
      proto: 'TCP',
      port: 30080,
      verdict: 'delivered',
      backends: ['10.1.0.50:80'],
    },
    {
      name: 'NodePort from the host on localhost',
      source: host,
      dest: 'localhost',
      proto: 'TCP',
      port: 30080,
      verdict: 'delivered',
      backends: ['10.1.0.50:80'],
    },
    {
      name: 'LoadBalancer from the host on localhost:8080',
      source: host,
      dest: 'localhost',
      proto: 'TCP',
      port: 8080,
      verdict: 'delivered',
      backends: ['10.1.0.50:80'],
    },
    {
      name: 'host localhost, nothing published ⇒ refused',
      source: host,
      dest: 'localhost',
      proto: 'TCP',
      port: 9999,
      verdict: 'refused',
    },
    {
      name: 'host → pod IP ⇒ no route',
      source: host,
      dest: '10.1.0.40',
      proto: 'TCP',
      port: 80,
      verdict: 'timeout',
    },
    {
      name: 'ExternalName, TCP 80 ⇒ raw.githubusercontent.com',
      dest: 'numbers-api-external',
      proto: 'TCP',
      port: 80,
      verdict: 'delivered',
    },
    { name: 'ExternalName, ICMP', dest: 'numbers-api-external', proto: 'ICMP', verdict: 'delivered' },
    {
      name: 'external name through the search list',
      dest: 'raw.githubusercontent.com',
      proto: 'TCP',
      port: 443,
      verdict: 'delivered',
    },
    {
      name: 'headless ⇒ A record straight to a pod, no rule',
      dest: 'numbers-api-headless',
      proto: 'TCP',
      port: 80,
      verdict: 'delivered',
      hops: ['dns-query', 'dnat', 'dns-answer', 'send', 'deliver', 'reply'],
    },
    {
      name: 'selectorless + manual Endpoints ⇒ DNAT to 192.168.123.234 ⇒ timeout',
      dest: 'manual',
      proto: 'TCP',
      port: 80,
      verdict: 'timeout',
      backends: ['192.168.123.234:80'],
    },
    { name: 'unknown name ⇒ nxdomain', dest: 'nope', proto: 'ICMP', verdict: 'nxdomain' },
    { name: 'node IP ICMP ⇒ the node answers', dest: '192.168.65.3', proto: 'ICMP', verdict: 'delivered' },
    {
      name: 'kubernetes Service ⇒ the API server on the node',
      dest: 'kubernetes',
      proto: 'TCP',
      port: 443,
      verdict: 'delivered',
      backends: ['192.168.65.3:6443'],
    },
  ]);

  it('ExternalName to a host upstream does not know ⇒ nxdomain, saying why', () => {
    const { api, loop, net } = chapter3();
    api.create(service('nowhere', { type: 'ExternalName', externalName: 'no-such-host.example' }));
    loop.runUntilIdle();
    const t = net.trace({ source: sleep1, destination: 'nowhere', protocol: 'TCP', port: 80 });
    expect(t.verdict).toBe('nxdomain');
    expect(t.reason).toBe(
      'nowhere.default.svc.cluster.local is a CNAME for no-such-host.example, which has no address (the upstream resolver knows no such host)',
    );
  });

  it('UDP 53 to the kube-dns ClusterIP reaches a CoreDNS pod', () => {
    const { net } = chapter3();
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const t = net.trace({ source: sleep1, destination: '10.96.0.10', protocol: 'UDP', port: 53 });
      expect(t.verdict).toBe('delivered');
      seen.add(t.endpoint?.pod ?? '');
    }
    expect([...seen].sort()).toEqual([
      'Pod/kube-system/coredns-5dd5756b68-abcde',
      'Pod/kube-system/coredns-5dd5756b68-fghjk',
    ]);
  });

  it('a NodePort with no endpoints is rejected by KUBE-EXTERNAL-SERVICES', () => {
    const { api, loop, net } = chapter3();
    api.delete('Pod', 'default', 'numbers-web-1');
    loop.runUntilIdle();
    const t = net.trace({ source: host, destination: 'localhost', protocol: 'TCP', port: 30080 });
    expect(t.verdict).toBe('refused');
    expect(t.hops.find((h) => h.kind === 'reject')?.rule).toBe(
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/numbers-web-node has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable',
    );
  });

  it('the old IP of a deleted Pod: ICMP no-reply, TCP timeout, with the reason', () => {
    const { api, loop, net } = chapter3();
    api.delete('Pod', 'default', 'sleep-2-bbbbb');
    loop.runUntilIdle();
    const icmp = net.trace({ source: sleep1, destination: '10.1.0.31', protocol: 'ICMP' });
    expect(icmp.verdict).toBe('no-reply');
    expect(icmp.reason).toMatch(/10\.1\.0\.31 belonged to Pod default\/sleep-2-bbbbb, which was deleted/);
    expect(net.trace({ source: sleep1, destination: '10.1.0.31', protocol: 'TCP', port: 80 }).verdict).toBe(
      'timeout',
    );
    // And the Service now has no endpoints: REJECT.
    const t = net.trace({ source: sleep1, destination: 'sleep-2', protocol: 'TCP', port: 80 });
    expect(t.verdict).toBe('refused');
    expect(t.hops.find((h) => h.kind === 'reject')?.rule).toBe(
      '-A KUBE-SERVICES -d 10.98.2.165/32 -p tcp -m comment --comment "default/sleep-2 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
  });

  it('a Terminating pod still answers on its IP but leaves the Service', () => {
    const { api, loop, net } = chapter3();
    const p = api.get('Pod', 'default', 'numbers-api-1');
    api.update({ ...p, metadata: { ...p?.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } } as never);
    loop.runUntilIdle();
    const direct = net.trace({ source: sleep1, destination: '10.1.0.40', protocol: 'TCP', port: 80 });
    expect(direct.verdict).toBe('delivered');
    expect(direct.reason).toMatch(/Terminating/);
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++)
      seen.add(
        net.trace({ source: sleep1, destination: 'numbers-api', protocol: 'TCP', port: 80 }).endpoint?.ip ??
          '',
      );
    expect([...seen]).toEqual(['10.1.0.41']);
  });

  it('the rule and dnat hops carry the matching iptables-save lines', () => {
    const { net } = chapter3();
    const t = net.trace({ source: sleep1, destination: 'sleep-2', protocol: 'TCP', port: 80 });
    expect(t.resolvedIP).toBe('10.98.2.165');
    expect(t.hops.filter((h) => h.kind === 'rule').map((h) => h.rule)).toEqual([
      '-A KUBE-SERVICES -d 10.98.2.165/32 -p tcp -m comment --comment "default/sleep-2 cluster IP" -m tcp --dport 80 -j KUBE-SVC-R2KEEMX25LTY33UE',
      '-A KUBE-SVC-R2KEEMX25LTY33UE -m comment --comment "default/sleep-2 -> 10.1.0.31:80" -j KUBE-SEP-H2UATXNWCQVHCV7G',
    ]);
    const dnat = t.hops.filter((h) => h.kind === 'dnat').at(-1);
    expect(dnat?.rule).toBe(
      '-A KUBE-SEP-H2UATXNWCQVHCV7G -p tcp -m comment --comment "default/sleep-2" -m tcp -j DNAT --to-destination 10.1.0.31:80',
    );
    expect(dnat?.to).toBe('Pod/default/sleep-2-bbbbb');
    expect(t.endpoint).toEqual({ ip: '10.1.0.31', port: 80, pod: 'Pod/default/sleep-2-bbbbb' });
    // DNS went to CoreDNS through the kube-dns Service.
    expect(t.hops[0]).toMatchObject({
      kind: 'dns-query',
      from: 'Pod/default/sleep-1-aaaaa',
      to: 'Service/kube-system/kube-dns',
      label: 'A? sleep-2.default.svc.cluster.local',
    });
    expect(t.hops[1]?.to).toMatch(/^Pod\/kube-system\/coredns-/);
  });

  it('ExternalName: CNAME then the external address, delivered to external:raw.githubusercontent.com', () => {
    const { net } = chapter3();
    const t = net.trace({ source: sleep1, destination: 'numbers-api-external', protocol: 'TCP', port: 443 });
    expect(t.hops.find((h) => h.kind === 'dns-answer')?.label).toMatch(
      /^CNAME raw\.githubusercontent\.com, A 185\.199\.1(08|09|10|11)\.133/,
    );
    expect(t.hops.find((h) => h.kind === 'deliver')?.to).toBe('external:raw.githubusercontent.com');
    expect(['185.199.108.133', '185.199.109.133', '185.199.110.133', '185.199.111.133']).toContain(
      t.resolvedIP,
    );
  });
});

describe('trace, IPVS mode', () => {
  runTable(
    [
      {
        name: 'ICMP to a ClusterIP ⇒ the node answers (kube-ipvs0)',
        dest: 'sleep-2',
        proto: 'ICMP',
        verdict: 'delivered',
        reason: /kube-ipvs0/,
      },
      {
        name: 'TCP to a ClusterIP ⇒ rr over both endpoints',
        dest: 'numbers-api',
        proto: 'TCP',
        port: 80,
        verdict: 'delivered',
        backends: ['10.1.0.40:80', '10.1.0.41:80'],
      },
      {
        name: 'no endpoints ⇒ a virtual server without real servers: IPVS answers ICMP port unreachable',
        dest: 'nobody',
        proto: 'TCP',
        port: 80,
        verdict: 'refused',
        reason: /no real servers, so IPVS answers ICMP port unreachable/,
      },
      {
        name: 'a host daemon answers on a ClusterIP (kubernetes#72236)',
        dest: 'sleep-2',
        proto: 'TCP',
        port: 10250,
        verdict: 'delivered',
      },
      {
        name: 'other unknown ports ⇒ the node RSTs',
        dest: 'sleep-2',
        proto: 'TCP',
        port: 81,
        verdict: 'refused',
      },
    ],
    { proxyMode: 'ipvs' },
  );
  it('round robin alternates', () => {
    const { net } = chapter3({ proxyMode: 'ipvs' });
    const ips = [0, 1, 2, 3].map(
      () =>
        net.trace({ source: sleep1, destination: '10.110.206.4', protocol: 'TCP', port: 80 }).endpoint?.ip,
    );
    expect(ips).toEqual(['10.1.0.40', '10.1.0.41', '10.1.0.40', '10.1.0.41']);
  });
});

describe('trace, kind and k3s', () => {
  describe('kind (3 nodes)', () => {
    runTable(
      [
        {
          name: 'LoadBalancer pending ⇒ nothing on localhost:8080',
          source: host,
          dest: 'localhost',
          proto: 'TCP',
          port: 8080,
          verdict: 'refused',
        },
        {
          name: 'NodePort from the host ⇒ node IP unreachable',
          source: host,
          dest: '172.18.0.2',
          proto: 'TCP',
          port: 30080,
          verdict: 'timeout',
        },
        {
          name: 'pod → ClusterIP, both endpoints',
          dest: 'numbers-api',
          proto: 'TCP',
          port: 80,
          verdict: 'delivered',
          backends: ['10.244.0.40:80', '10.244.0.41:80'],
        },
      ],
      { profile: 'kind' },
    );
    it('crossing nodes adds a forward hop', () => {
      const { net } = chapter3({ profile: 'kind' });
      const t = net.trace({ source: sleep1, destination: '10.244.0.31', protocol: 'ICMP' });
      expect(t.hops.find((h) => h.kind === 'forward')).toMatchObject({
        from: 'Node/kind-control-plane',
        to: 'Node/kind-worker2',
      });
      // DNS from a worker to CoreDNS on the control plane crosses nodes too.
      const fromWorker = net.trace({
        source: { kind: 'pod', key: 'Pod/default/sleep-2-bbbbb' },
        destination: 'numbers-api',
        protocol: 'ICMP',
      });
      expect(fromWorker.hops.slice(0, 3).map((h) => h.kind)).toEqual(['dns-query', 'dnat', 'forward']);
    });
  });
  describe('k3s', () => {
    runTable(
      [
        {
          name: 'LoadBalancer on the node IP',
          source: host,
          dest: '172.28.132.127',
          proto: 'TCP',
          port: 8080,
          verdict: 'delivered',
          backends: ['10.42.0.50:80'],
        },
        {
          name: 'NodePort on the node IP from the host',
          source: host,
          dest: '172.28.132.127',
          proto: 'TCP',
          port: 30080,
          verdict: 'delivered',
          backends: ['10.42.0.50:80'],
        },
      ],
      { profile: 'k3s' },
    );
  });
});

describe('seeded load balancing', () => {
  const picks = (seed: number) => {
    const { net } = chapter3({ seed });
    return Array.from(
      { length: 24 },
      () => net.trace({ source: sleep1, destination: 'numbers-api', protocol: 'TCP', port: 80 }).endpoint?.ip,
    );
  };
  it('the same seed gives the same picks; the picks are roughly uniform', () => {
    const a = picks(1);
    expect(picks(1)).toEqual(a);
    expect(new Set(a)).toEqual(new Set(['10.1.0.40', '10.1.0.41']));
    expect(picks(2)).not.toEqual(a);
  });
});

describe('hop rules are lines of iptables-save', () => {
  it('every rule on a hop appears verbatim in iptablesSave (so the UI can highlight it)', () => {
    const { net } = chapter3();
    const save = net.iptablesSave('docker-desktop').split('\n');
    for (const dest of ['numbers-api', 'sleep-2', 'nobody', 'manual']) {
      const t = net.trace({ source: sleep1, destination: dest, protocol: 'TCP', port: 80 });
      const rules = t.hops.flatMap((h) => (h.rule ? [h.rule] : []));
      expect(rules.length).toBeGreaterThan(0);
      for (const r of rules) expect(save, r).toContain(r);
    }
    const lb = net.trace({ source: host, destination: 'localhost', protocol: 'TCP', port: 30080 });
    for (const r of lb.hops.flatMap((h) => (h.rule ? [h.rule] : []))) expect(save, r).toContain(r);
  });
  it('the statistic line of the chosen endpoint is shown with its kernel-rendered probability', () => {
    const { net } = chapter3();
    const lines = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const t = net.trace({ source: sleep1, destination: 'numbers-api', protocol: 'TCP', port: 80 });
      lines.add(t.hops.filter((h) => h.kind === 'rule')[1]?.rule ?? '');
    }
    expect([...lines].sort()).toEqual([
      expect.stringMatching(
        /"default\/numbers-api -> 10\.1\.0\.40:80" -m statistic --mode random --probability 0\.50000000000 -j KUBE-SEP-/,
      ),
      expect.stringMatching(/"default\/numbers-api -> 10\.1\.0\.41:80" -j KUBE-SEP-/),
    ]);
  });
});
