import { describe, expect, it } from 'vitest';
import type { TraceSource } from '../contract';
import { netHarness, pod, service } from './test-helpers';

function cluster() {
  const h = netHarness();
  const { api, loop } = h;
  api.create(
    pod('sleep-1-aaaaa', { labels: { app: 'sleep-1' }, ip: '10.1.0.10', image: 'kiamol/ch03-sleep' }),
  );
  api.create(
    pod('sleep-x', { ns: 'kiamol', labels: { app: 'x' }, ip: '10.1.0.11', image: 'kiamol/ch03-sleep' }),
  );
  for (const [i, ready] of [true, true, true, false].entries()) {
    api.create(
      pod(`api-${i}`, {
        labels: { app: 'numbers-api' },
        ip: `10.1.0.${40 + i}`,
        ready,
        ports: [{ name: 'http', containerPort: 80 }],
        ...(i === 0 ? { hostname: 'first', subdomain: 'numbers-api-headless' } : {}),
      }),
    );
  }
  api.create(service('numbers-api', { clusterIP: '10.110.206.4', selector: { app: 'numbers-api' } }));
  api.create(
    service('numbers-api-headless', {
      clusterIP: 'None',
      selector: { app: 'numbers-api' },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    }),
  );
  api.create(service('empty-headless', { clusterIP: 'None', selector: { app: 'none' } }));
  api.create(
    service('numbers-api-external', { type: 'ExternalName', externalName: 'raw.githubusercontent.com' }),
  );
  loop.runUntilIdle();
  return h;
}

const fromDefault: TraceSource = { kind: 'pod', key: 'Pod/default/sleep-1-aaaaa' };
const fromKiamol: TraceSource = { kind: 'pod', key: 'Pod/kiamol/sleep-x' };
const D = 'cluster.local';

describe('resolv.conf (§C6)', () => {
  it('is namespace-specific with nameserver = kube-dns and ndots:5', () => {
    const { net } = cluster();
    expect(net.resolvConf('Pod/default/sleep-1-aaaaa')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(net.resolvConf('Pod/kiamol/sleep-x')).toMatch(
      /^search kiamol\.svc\.cluster\.local svc\.cluster\.local/,
    );
    expect(netHarness({ profile: 'k3s' }).net.resolvConf('Pod/default/x')).toMatch(
      /\nnameserver 10\.43\.0\.10\n/,
    );
  });
});

describe('musl search-list expansion', () => {
  it.each([
    ['numbers-api', fromDefault, ['numbers-api.default.svc.cluster.local'], '10.110.206.4'],
    [
      'numbers-api.default',
      fromDefault,
      ['numbers-api.default.default.svc.cluster.local', 'numbers-api.default.svc.cluster.local'],
      '10.110.206.4',
    ],
    [
      'kube-dns.kube-system',
      fromDefault,
      ['kube-dns.kube-system.default.svc.cluster.local', 'kube-dns.kube-system.svc.cluster.local'],
      '10.96.0.10',
    ],
    [
      'numbers-api',
      fromKiamol,
      [
        'numbers-api.kiamol.svc.cluster.local',
        'numbers-api.svc.cluster.local',
        'numbers-api.cluster.local',
        'numbers-api',
      ],
      undefined,
    ],
    [
      'raw.githubusercontent.com',
      fromDefault,
      [
        'raw.githubusercontent.com.default.svc.cluster.local',
        'raw.githubusercontent.com.svc.cluster.local',
        'raw.githubusercontent.com.cluster.local',
        'raw.githubusercontent.com',
      ],
      'raw',
    ],
    // 4 dots < ndots:5, so even the FQDN goes through the search list first (the ndots:5 tax).
    [
      'numbers-api.default.svc.cluster.local',
      fromDefault,
      [
        'numbers-api.default.svc.cluster.local.default.svc.cluster.local',
        'numbers-api.default.svc.cluster.local.svc.cluster.local',
        'numbers-api.default.svc.cluster.local.cluster.local',
        'numbers-api.default.svc.cluster.local',
      ],
      '10.110.206.4',
    ],
    [
      'numbers-api.default.svc.cluster.local.',
      fromDefault,
      ['numbers-api.default.svc.cluster.local'],
      '10.110.206.4',
    ],
    [
      'nope',
      fromDefault,
      ['nope.default.svc.cluster.local', 'nope.svc.cluster.local', 'nope.cluster.local', 'nope'],
      undefined,
    ],
  ] as const)('%s from %o', (name, source, questions, ip) => {
    const { net } = cluster();
    const r = net.resolve(source, name);
    expect(r.queries.map((q) => q.question)).toEqual(questions);
    if (ip === 'raw') expect(r.ip).toMatch(/^185\.199\.1(08|09|10|11)\.133$/);
    else expect(r.ip).toBe(ip);
  });

  it('a name with 5 dots is tried as-is first (and only)', () => {
    const { net } = cluster();
    expect(net.resolve(fromDefault, 'a.b.c.d.e.f').queries.map((q) => q.question)).toEqual(['a.b.c.d.e.f']);
  });

  it('an IP literal needs no query', () => {
    expect(cluster().net.resolve(fromDefault, '10.1.0.31')).toEqual({ queries: [], ip: '10.1.0.31' });
  });

  it('ExternalName reports the canonical name', () => {
    const r = cluster().net.resolve(fromDefault, 'numbers-api-external');
    expect(r.canonicalName).toBe('raw.githubusercontent.com');
    expect(r.queries).toHaveLength(1);
  });

  it('no CoreDNS endpoint ⇒ the query times out', () => {
    const h = cluster();
    h.api.delete('Pod', 'kube-system', 'coredns-5dd5756b68-abcde');
    h.api.delete('Pod', 'kube-system', 'coredns-5dd5756b68-fghjk');
    h.loop.runUntilIdle();
    expect(h.net.resolve(fromDefault, 'numbers-api').queries.map((q) => q.rcode)).toEqual(['TIMEOUT']);
    expect(h.net.trace({ source: fromDefault, destination: 'numbers-api', protocol: 'ICMP' }).verdict).toBe(
      'timeout',
    );
  });
});

describe('CoreDNS answers', () => {
  it.each([
    `numbers-api.svc.${D}`,
    `numbers-api.${D}`,
    `missing.default.svc.${D}`,
    `numbers-api.kiamol.svc.${D}`,
    `empty-headless.default.svc.${D}`,
    `nope.default.svc.${D}`,
  ])('NXDOMAIN, authoritative: %s', (name) => {
    const a = cluster().net.query(name, 'A');
    expect([a.rcode, a.authoritative, a.records]).toEqual(['NXDOMAIN', true, []]);
  });

  it('names outside the zone go upstream: NXDOMAIN, not authoritative (nslookup numbers-api.default)', () => {
    const a = cluster().net.query('numbers-api.default', 'A');
    expect([a.rcode, a.authoritative]).toEqual(['NXDOMAIN', false]);
  });

  it('ClusterIP Service: A, empty AAAA, PTR, TTL 30, case-insensitive', () => {
    const { net } = cluster();
    const a = net.query('NUMBERS-API.Default.SVC.Cluster.Local.', 'A');
    expect(a).toMatchObject({
      question: `numbers-api.default.svc.${D}`,
      rcode: 'NOERROR',
      authoritative: true,
    });
    expect(a.records.map((r) => [r.type, r.value, r.ttl])).toEqual([['A', '10.110.206.4', 30]]);
    expect(net.query(`numbers-api.default.svc.${D}`, 'AAAA')).toMatchObject({
      rcode: 'NOERROR',
      records: [],
    });
    expect(net.query('4.206.110.10.in-addr.arpa', 'PTR').records.map((r) => r.value)).toEqual([
      `numbers-api.default.svc.${D}`,
    ]);
  });

  it('SRV only for named ports: kube-dns has _dns._udp, _dns-tcp._tcp, _metrics._tcp with weight 100', () => {
    const { net } = cluster();
    expect(net.query(`_dns._udp.kube-dns.kube-system.svc.${D}`, 'SRV').records.map((r) => r.value)).toEqual([
      `0 100 53 kube-dns.kube-system.svc.${D}`,
    ]);
    expect(net.query(`_dns-tcp._tcp.kube-dns.kube-system.svc.${D}`, 'SRV').records).toHaveLength(1);
    expect(net.query(`_metrics._tcp.kube-dns.kube-system.svc.${D}`, 'SRV').records[0]?.value).toBe(
      `0 100 9153 kube-dns.kube-system.svc.${D}`,
    );
    expect(
      net.dnsRecords().filter((r) => r.type === 'SRV' && r.name.includes('numbers-api.default')),
    ).toEqual([]);
  });

  it('headless: one A per ready endpoint, per-endpoint names (hostname or dashed IP), SRV weight floor(100/n)', () => {
    const { net } = cluster();
    const a = net.query(`numbers-api-headless.default.svc.${D}`, 'A');
    expect(a.records.map((r) => r.value).sort()).toEqual(['10.1.0.40', '10.1.0.41', '10.1.0.42']);
    expect(net.query(`10-1-0-41.numbers-api-headless.default.svc.${D}`, 'A').records[0]?.value).toBe(
      '10.1.0.41',
    );
    expect(net.query(`first.numbers-api-headless.default.svc.${D}`, 'A').records[0]?.value).toBe('10.1.0.40');
    expect(net.query(`10-1-0-43.numbers-api-headless.default.svc.${D}`, 'A').rcode).toBe('NXDOMAIN'); // not ready
    const srv = net
      .query(`_http._tcp.numbers-api-headless.default.svc.${D}`, 'SRV')
      .records.map((r) => r.value);
    expect(srv).toEqual([
      `0 33 80 10-1-0-41.numbers-api-headless.default.svc.${D}`,
      `0 33 80 10-1-0-42.numbers-api-headless.default.svc.${D}`,
      `0 33 80 first.numbers-api-headless.default.svc.${D}`,
    ]);
  });

  it('ExternalName: CNAME, then the target A records shuffled per query from the rng', () => {
    const { net } = cluster();
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const a = net.query(`numbers-api-external.default.svc.${D}`, 'A');
      expect(a.records[0]).toMatchObject({ type: 'CNAME', value: 'raw.githubusercontent.com' });
      expect(
        a.records
          .slice(1)
          .map((r) => r.value)
          .sort(),
      ).toEqual(['185.199.108.133', '185.199.109.133', '185.199.110.133', '185.199.111.133']);
      orders.add(a.records.map((r) => r.value).join());
    }
    expect(orders.size).toBeGreaterThan(1);
    expect(net.query(`numbers-api-external.default.svc.${D}`, 'CNAME').records).toHaveLength(1);
  });

  it('ExternalName: the AAAA answer is the CNAME plus GitHub raw’s four IPv6 addresses, shuffled per query', () => {
    const { net } = cluster();
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const a = net.query(`numbers-api-external.default.svc.${D}`, 'AAAA');
      expect(a.rcode).toBe('NOERROR');
      expect(a.records[0]).toMatchObject({ type: 'CNAME', value: 'raw.githubusercontent.com' });
      expect(
        a.records
          .slice(1)
          .map((r) => [r.name, r.type, r.value])
          .sort(),
      ).toEqual([
        ['raw.githubusercontent.com', 'AAAA', '2606:50c0:8000::154'],
        ['raw.githubusercontent.com', 'AAAA', '2606:50c0:8001::154'],
        ['raw.githubusercontent.com', 'AAAA', '2606:50c0:8002::154'],
        ['raw.githubusercontent.com', 'AAAA', '2606:50c0:8003::154'],
      ]);
      orders.add(a.records.map((r) => r.value).join());
    }
    expect(orders.size).toBeGreaterThan(1);
    // Same seed, same sequence of queries ⇒ the same orders.
    const again = cluster().net;
    const first = (n: typeof net) =>
      n.query(`numbers-api-external.default.svc.${D}`, 'AAAA').records.map((r) => r.value);
    expect(first(again)).toEqual(first(cluster().net));
    // github.com has no IPv6: NOERROR with no data. A name upstream does not know: NXDOMAIN.
    expect(net.query('github.com', 'AAAA')).toMatchObject({ rcode: 'NOERROR', records: [] });
    expect(net.query('nope.example', 'AAAA').rcode).toBe('NXDOMAIN');
  });

  it('pod A records (pods insecure)', () => {
    const { net } = cluster();
    expect(net.query(`10-1-0-31.default.pod.${D}`, 'A').records.map((r) => r.value)).toEqual(['10.1.0.31']);
    expect(net.query(`10-1-0-300.default.pod.${D}`, 'A').rcode).toBe('NXDOMAIN');
    expect(net.dnsRecords().find((r) => r.name === `10-1-0-10.default.pod.${D}`)).toMatchObject({
      value: '10.1.0.10',
    });
  });

  it('dnsRecords is sorted by name then type', () => {
    const recs = cluster().net.dnsRecords();
    const keys = recs.map((r) => `${r.name}\u0000${r.type}`);
    expect(keys).toEqual([...keys].sort());
    expect(recs.some((r) => r.name === `kubernetes.default.svc.${D}` && r.value === '10.96.0.1')).toBe(true);
  });
});

describe('/etc/hosts before DNS', () => {
  it('localhost and the Pod’s own name resolve without a query', () => {
    const { net } = cluster();
    expect(net.resolve(fromDefault, 'localhost')).toEqual({ queries: [], ip: '127.0.0.1' });
    expect(net.resolve(fromDefault, 'sleep-1-aaaaa')).toEqual({ queries: [], ip: '10.1.0.10' });
  });
  it('loopback traffic stays in the Pod: sleep has no listener, so refused', () => {
    const { net } = cluster();
    const t = net.trace({ source: fromDefault, destination: 'localhost', protocol: 'TCP', port: 80 });
    expect(t.verdict).toBe('refused');
    expect(net.trace({ source: fromDefault, destination: '127.0.0.1', protocol: 'ICMP' }).verdict).toBe(
      'delivered',
    );
  });
});

describe('empty non-terminals', () => {
  it('an existing namespace under svc. is NOERROR with no data, and stops the search list', () => {
    const h = cluster();
    h.api.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'kube-system', uid: '', resourceVersion: '', creationTimestamp: '' },
    });
    expect(h.net.query(`kube-system.svc.${D}`, 'A')).toMatchObject({ rcode: 'NOERROR', records: [] });
    expect(h.net.query(`svc.${D}`, 'A').rcode).toBe('NOERROR');
    expect(h.net.query(`nosuchns.svc.${D}`, 'A').rcode).toBe('NXDOMAIN');
    const r = h.net.resolve(fromDefault, 'kube-system');
    expect(r.queries.map((q) => [q.question, q.rcode])).toEqual([
      [`kube-system.default.svc.${D}`, 'NXDOMAIN'],
      [`kube-system.svc.${D}`, 'NOERROR'],
    ]);
    expect(r.ip).toBeUndefined();
  });
});
