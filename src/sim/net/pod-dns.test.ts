// A Pod's resolv.conf as the kubelet builds it (pkg/kubelet/network/dns/dns.go GetPodDNS) for
// each dnsPolicy with spec.dnsConfig merged in, and name resolution that follows that file.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';
import type { TraceSource } from '../contract';
import { dnsServerRef } from '../workloads/dns';
import type { Resolution } from './dns';
import {
  dnsConfigFormingMessages,
  fitSearches,
  mergeDnsOptions,
  muslResolvConf,
  optionsOffset,
} from './pod-dns';
import { sleepPodYaml as pod, WEB_SERVICE_YAML as WEB } from './test-helpers';

const CLUSTER = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\n';
const src = (name: string): TraceSource => ({ kind: 'pod', key: `Pod/default/${name}` });
/** The server musl's answer came from, as CoreDns.resolve reports it for the tracer. */
const serverOf = (
  d: { cluster: { net: { resolve: (s: TraceSource, n: string) => unknown } } },
  p: string,
  n: string,
) => (d.cluster.net.resolve(src(p), n) as Resolution).server;

function drive(...docs: string[]) {
  const d = kdrive({ seed: 11, profile: 'kind' }).applyOk(WEB);
  for (const doc of docs) d.applyOk(doc);
  return d.advance(30_000);
}

const conf = (d: ReturnType<typeof drive>, name: string) => {
  d.kubectl(`exec ${name} -- cat /etc/resolv.conf`);
  return d.stdout();
};

describe('resolv.conf per dnsPolicy (kind)', () => {
  it('ClusterFirst, Default, None and ClusterFirstWithHostNet, exactly', () => {
    const d = drive(
      pod('cf', ''),
      pod('def', '  dnsPolicy: Default\n'),
      pod('none', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.10]\n'),
      pod('hn', '  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n'),
    );
    expect(conf(d, 'cf')).toBe(`${CLUSTER}options ndots:5\n`);
    expect(conf(d, 'def')).toBe('nameserver 172.18.0.2\n');
    // None starts from nothing: no search line, no options line.
    expect(conf(d, 'none')).toBe('nameserver 10.96.0.10\n');
    expect(conf(d, 'hn')).toBe(`${CLUSTER}options ndots:5\n`);
  });

  it('dnsConfig is appended: nameservers and searches after the base, duplicates dropped, options merged by name', () => {
    const d = drive(
      pod(
        'cf',
        `  dnsConfig:
    nameservers: [10.96.0.10, 1.1.1.1]
    searches: [svc.cluster.local, example.com]
    options:
    - name: ndots
      value: "2"
`,
      ),
      pod(
        'def',
        '  dnsPolicy: Default\n  dnsConfig:\n    searches: [example.com]\n    options: [{name: edns0}]\n',
      ),
      pod(
        'none',
        `  dnsPolicy: None
  dnsConfig:
    nameservers: [10.96.0.10]
    searches: [ns1.svc.cluster.local, my.dns.search.suffix]
    options: [{name: ndots, value: "2"}]
`,
      ),
    );
    expect(conf(d, 'cf')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local example.com\nnameserver 10.96.0.10\nnameserver 1.1.1.1\noptions ndots:2\n',
    );
    expect(conf(d, 'def')).toBe('search example.com\nnameserver 172.18.0.2\noptions edns0\n');
    expect(conf(d, 'none')).toBe(
      'search ns1.svc.cluster.local my.dns.search.suffix\nnameserver 10.96.0.10\noptions ndots:2\n',
    );
  });

  it('the kubelet keeps the first 3 nameservers and 32 search paths of the merged lists', () => {
    const searches = Array.from({ length: 31 }, (_, i) => `s${i}.example`);
    const d = drive(
      pod(
        'cf',
        `  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]\n    searches: [${searches.join(', ')}]\n`,
      ),
    );
    const text = d.cluster.net.resolvConf('Pod/default/cf');
    expect(text.match(/^nameserver .*$/gm)).toEqual([
      'nameserver 10.96.0.10',
      'nameserver 1.1.1.1',
      'nameserver 8.8.8.8',
    ]);
    const line = text.split('\n')[0]?.split(' ').slice(1) ?? [];
    expect(line).toHaveLength(32);
    expect(line.slice(0, 4)).toEqual([
      'default.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
      's0.example',
    ]);
    expect(line[31]).toBe('s28.example');
  });

  it('several options come out in the order Go ranges over the map: a rotation, fixed per Pod', () => {
    const spec = `  dnsConfig:\n    options: [{name: ndots, value: "1"}, {name: edns0}, {name: timeout, value: "3"}]\n`;
    const d = drive(pod('a', spec));
    const p = d.get('Pod', 'a') as Pod;
    const rotations = ['ndots:1 edns0 timeout:3', 'edns0 timeout:3 ndots:1', 'timeout:3 ndots:1 edns0'];
    const got = /^options (.*)$/m.exec(conf(d, 'a'))?.[1];
    expect(rotations).toContain(got);
    // ndots from the base map slot keeps its place; the rotation starts at the Pod's offset.
    expect(got).toBe(
      mergeDnsOptions(
        ['ndots:5'],
        [{ name: 'ndots', value: '1' }, { name: 'edns0' }, { name: 'timeout', value: '3' }],
        optionsOffset(p),
      ).join(' '),
    );
    // The same Pod in the same seeded cluster reads the same file every time.
    expect(conf(drive(pod('a', spec)), 'a')).toBe(conf(d, 'a'));
  });
});

describe('mergeDNSOptions and the search-line limits', () => {
  it('later wins by name, a key keeps its first slot, a value-less option prints bare', () => {
    const opts = [{ name: 'ndots', value: '2' }, { name: 'edns0' }, { name: 'single-request-reopen' }];
    expect(mergeDnsOptions(['ndots:5', 'attempts:2'], opts, 0)).toEqual([
      'ndots:2',
      'attempts:2',
      'edns0',
      'single-request-reopen',
    ]);
    // Go 1.24 small maps: iteration starts at slot `offset` of 8 and wraps; empty slots are skipped.
    expect(mergeDnsOptions(['ndots:5', 'attempts:2'], opts, 2)).toEqual([
      'edns0',
      'single-request-reopen',
      'ndots:2',
      'attempts:2',
    ]);
    expect(mergeDnsOptions(['ndots:5', 'attempts:2'], opts, 6)).toEqual([
      'ndots:2',
      'attempts:2',
      'edns0',
      'single-request-reopen',
    ]);
    expect(mergeDnsOptions([], [{ name: 'ndots', value: '' }], 0)).toEqual(['ndots']);
  });

  it('formDNSSearchFitsLimits: 32 paths, none over 253 characters, whole paths cut from the end past 2048', () => {
    expect(fitSearches(Array.from({ length: 40 }, (_, i) => `d${i}`))).toHaveLength(32);
    expect(fitSearches(['a', 'x'.repeat(254), 'b'])).toEqual(['a', 'b']);
    const long = Array.from({ length: 10 }, (_, i) => `${i}${'y'.repeat(249)}`); // 250 chars each
    const fit = fitSearches(long);
    expect(fit).toHaveLength(8); // 8 × 250 + 7 spaces = 2007 ≤ 2048 < 2258
    expect(fit.join(' ').length).toBeLessThanOrEqual(2048);
  });
});

describe('DNSConfigForming warnings', () => {
  it('name the line the kubelet applied, nameservers first', () => {
    const env = {
      clusterDNS: ['10.96.0.10'],
      clusterDomain: 'cluster.local',
      host: { servers: ['172.18.0.2'], searches: [], options: [] },
    };
    const p = (dnsConfig: unknown) =>
      ({
        metadata: { name: 'p', uid: 'u' },
        spec: { containers: [], dnsPolicy: 'ClusterFirst', dnsConfig },
      }) as unknown as Pod;
    expect(dnsConfigFormingMessages(p({ nameservers: ['1.1.1.1'] }), 'default', env)).toEqual([]);
    expect(
      dnsConfigFormingMessages(
        p({ nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9'], searches: ['x'.repeat(254)] }),
        'default',
        env,
      ),
    ).toEqual([
      'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8',
      'Search Line limits were exceeded, some search paths have been omitted, the applied search line is: default.svc.cluster.local svc.cluster.local cluster.local',
    ]);
  });
});

describe('musl reads the file back', () => {
  it('ndots (at most 15), up to 3 nameservers, 127.0.0.1 when none, the last search line', () => {
    expect(muslResolvConf('search a b\nnameserver 10.0.0.1\noptions ndots:2 timeout:3\n')).toEqual({
      nameservers: ['10.0.0.1'],
      search: ['a', 'b'],
      ndots: 2,
      timeout: 3,
      attempts: 2,
    });
    expect(muslResolvConf('options ndots:99 attempts:11 timeout:61\n')).toMatchObject({
      ndots: 15,
      attempts: 10,
      timeout: 60,
    });
    // Only the first `ndots:` counts, and it must be followed by a digit.
    expect(muslResolvConf('options ndots:x ndots:3\n').ndots).toBe(1);
    expect(muslResolvConf('').nameservers).toEqual(['127.0.0.1']);
    expect(
      muslResolvConf('nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\n')
        .nameservers,
    ).toHaveLength(3);
  });

  it('a search line that does not fit its 256-byte line buffer is ignored', () => {
    const fits = `search ${'a'.repeat(247)}`; // 254 characters
    expect(muslResolvConf(`${fits}\n`).search).toEqual(['a'.repeat(247)]);
    expect(muslResolvConf(`${fits}a\n`).search).toEqual([]);
  });
});

describe('name resolution follows the resolv.conf', () => {
  it('options ndots:1: a name with a dot is tried as-is first, and only', () => {
    const d = drive(pod('n1', '  dnsConfig:\n    options: [{name: ndots, value: "1"}]\n'), pod('n5', ''));
    const ip = (d.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    const asked = (p: string, name: string) =>
      d.cluster.net.resolve(src(p), name).queries.map((q) => `${q.question} ${q.rcode}`);
    expect(asked('n5', 'web.default')).toEqual([
      'web.default.default.svc.cluster.local NXDOMAIN',
      'web.default.svc.cluster.local NOERROR',
    ]);
    expect(asked('n1', 'web.default')).toEqual(['web.default NXDOMAIN']);
    expect(d.cluster.net.resolve(src('n1'), 'web').ip).toBe(ip);
    d.kubectl('exec n1 -- wget -qO- -T 1 http://web.default/');
    expect(d.stderr()).toContain("wget: bad address 'web.default'");
  });

  it('None with the kube-dns ClusterIP and a search path resolves Services', () => {
    const d = drive(
      pod(
        'nd',
        '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.10]\n    searches: [default.svc.cluster.local]\n',
      ),
    );
    const ip = (d.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    expect(d.cluster.net.resolve(src('nd'), 'web')).toMatchObject({ ip });
    d.kubectl('exec nd -- nslookup web');
    expect(d.stdout()).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n\n`,
    );
    expect(dnsServerRef(d.get('Pod', 'nd') as Pod, d.cluster)).toBe('Service/kube-system/kube-dns');
    expect(serverOf(d, 'nd', 'web')).toBe('Service/kube-system/kube-dns');
  });

  it('None with 8.8.8.8: public names resolve, cluster names do not', () => {
    const d = drive(pod('g', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [8.8.8.8]\n'));
    expect(d.cluster.net.resolve(src('g'), 'github.com').ip).toBe('140.82.121.4');
    expect(
      d.cluster.net.resolve(src('g'), 'web.default.svc.cluster.local').queries.map((q) => q.rcode),
    ).toEqual(['NXDOMAIN']);
    d.kubectl('exec g -- nslookup -type=a github.com');
    expect(d.stdout()).toBe(
      'Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\nNon-authoritative answer:\nName:\tgithub.com\nAddress: 140.82.121.4\n\n',
    );
    d.kubectl('exec g -- nslookup web');
    expect(d.stdout()).toBe(
      "Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\n** server can't find web: NXDOMAIN\n\n** server can't find web: NXDOMAIN\n\n",
    );
    expect(d.exitCode()).toBe(1);
    const hops = d.last?.traces.flatMap((t) => t.hops.map((h) => `${h.kind} ${h.from} → ${h.to}`));
    expect(hops?.[0]).toBe('dns-query Pod/default/g → external:dns.google');
    expect(dnsServerRef(d.get('Pod', 'g') as Pod, d.cluster)).toBe('external:dns.google');
    expect(serverOf(d, 'g', 'github.com')).toBe('external:dns.google');
  });

  it('dnsServerRef without the cluster: what the Pod spec alone tells', () => {
    const d = drive(
      pod('k', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.10]\n'),
      pod('g', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.1.1.1]\n'),
      pod('u', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.99]\n'),
      pod('c', ''),
      pod('h', '  dnsPolicy: Default\n'),
    );
    const ref = (n: string) => dnsServerRef(d.get('Pod', n) as Pod);
    expect(['k', 'g', 'u', 'c', 'h'].map(ref)).toEqual([
      'Service/kube-system/kube-dns',
      'external:one.one.one.one',
      'external:10.96.0.99',
      'Service/kube-system/kube-dns',
      'external:dns',
    ]);
  });

  it('None with an address nobody serves DNS on: every query times out', () => {
    const d = drive(pod('x', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.99]\n'));
    expect(d.cluster.net.resolve(src('x'), 'web').queries.map((q) => q.rcode)).toEqual(['TIMEOUT']);
    const before = d.cluster.now();
    d.kubectl('exec x -- nslookup web');
    expect(d.stdout()).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(d.exitCode()).toBe(1);
    expect(d.cluster.now() - before).toBeGreaterThanOrEqual(5000);
    expect(dnsServerRef(d.get('Pod', 'x') as Pod, d.cluster)).toBe('external:10.96.0.99');
    expect(serverOf(d, 'x', 'web')).toBe('external:10.96.0.99');
    expect((d.cluster.net.resolve(src('x'), 'web') as Resolution).timeoutMs).toBe(5000);
  });

  it('nslookup asks the nameservers in turn: a dead first one costs its timeout, the next answers', () => {
    const d = drive(
      pod(
        'two',
        '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.99, 10.96.0.10]\n    searches: [default.svc.cluster.local]\n',
      ),
    );
    const ip = (d.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    const before = d.cluster.now();
    d.kubectl('exec two -- nslookup web');
    expect(d.stdout()).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n\n`,
    );
    expect(d.cluster.now() - before).toBeGreaterThanOrEqual(5000);
    // musl takes the reply that comes: the kube-dns one.
    expect(d.cluster.net.resolve(src('two'), 'web').ip).toBe(ip);
    expect(dnsServerRef(d.get('Pod', 'two') as Pod, d.cluster)).toBe('Service/kube-system/kube-dns');
    expect(serverOf(d, 'two', 'web')).toBe('Service/kube-system/kube-dns');
  });

  it("None with a CoreDNS Pod's own address: CoreDNS answers without the Service", () => {
    const first = kdrive({ seed: 11, profile: 'kind' }).advance(1000);
    const core = first.cluster
      .list('Pod', { namespace: 'kube-system' })
      .find((p) => p.metadata.name.startsWith('coredns-')) as Pod;
    const ip = core.status?.podIP as string;
    const d = drive(pod('cp', `  dnsPolicy: None\n  dnsConfig:\n    nameservers: [${ip}]\n`));
    const web = (d.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    expect(d.cluster.net.resolve(src('cp'), 'web.default.svc.cluster.local').ip).toBe(web);
    expect(serverOf(d, 'cp', 'web.default.svc.cluster.local')).toBe(`Pod/kube-system/${core.metadata.name}`);
    d.kubectl('exec cp -- nslookup -type=a web.default.svc.cluster.local');
    expect(d.stdout()).toBe(
      `Server:\t\t${ip}\nAddress:\t${ip}:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${web}\n\n`,
    );
  });

  it('a ClusterFirst search line too long for musl: short names stop resolving', () => {
    const extra = Array.from({ length: 4 }, (_, i) => `${i}${'z'.repeat(50)}.example`);
    const d = drive(pod('long', `  dnsConfig:\n    searches: [${extra.join(', ')}]\n`));
    const text = d.cluster.net.resolvConf('Pod/default/long');
    expect(text.split('\n')[0]?.length).toBeGreaterThan(254);
    expect(d.cluster.net.resolve(src('long'), 'web').queries.map((q) => `${q.question} ${q.rcode}`)).toEqual([
      'web NXDOMAIN',
    ]);
  });
});

describe('nslookup -timeout and -retry against a dead nameserver', () => {
  it('waits the given timeout per server', () => {
    const d = drive(pod('x', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.99]\n'));
    const before = d.cluster.now();
    d.kubectl('exec x -- nslookup -timeout=2 web');
    expect(d.stdout()).toBe(';; connection timed out; no servers could be reached\n\n');
    const took = d.cluster.now() - before;
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThan(5000);
  });
});
