// BusyBox nslookup in the sleep image through the real cluster DNS (reference §A3 3.4–3.5, §B10),
// including the book's `sh -c 'nslookup … | grep "^[^*]"'` through the real BusyBox shell.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../kubectl/shell';
import type { Service } from '../api/types';
import { drive } from '../testing/driver';
import {
  API_EXTERNALNAME,
  API_SELECTORLESS,
  API_SVC,
  execIn,
  NUMBERS_API,
  podKeyFor,
  SLEEP,
} from './testkit';

function cluster(extra = '') {
  const d = drive({ seed: 5 })
    .applyOk(`${SLEEP('sleep-1')}${extra ? `---\n${extra}` : ''}`)
    .advance(30_000);
  return { d, c: d.cluster, s1: podKeyFor(d.cluster, 'sleep-1') };
}

const HEADER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

describe('nslookup', () => {
  it('resolves an FQDN with one query pair and exit 0', () => {
    const { c, s1 } = cluster(`${NUMBERS_API}---\n${API_SVC}`);
    const ip = (c.get('Service', 'default', 'numbers-api') as Service).spec.clusterIP;
    const r = execIn(c, s1, ['nslookup', 'numbers-api.default.svc.cluster.local']);
    expect(r.stdout).toBe(`${HEADER}Name:\tnumbers-api.default.svc.cluster.local\nAddress: ${ip}\n\n\n`);
    expect(r.exitCode).toBe(0);
    expect(r.traces).toHaveLength(1);
    expect(r.traces[0]?.hops.filter((h) => h.kind === 'dns-query').map((h) => h.label)).toEqual([
      'A? numbers-api.default.svc.cluster.local',
      'AAAA? numbers-api.default.svc.cluster.local',
    ]);
  });

  it('applies the search list to a short name: six queries, four NXDOMAIN lines, exit 1', () => {
    const { c, s1 } = cluster(`${NUMBERS_API}---\n${API_SVC}`);
    const ip = (c.get('Service', 'default', 'numbers-api') as Service).spec.clusterIP;
    const r = execIn(c, s1, ['nslookup', 'numbers-api']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      `${HEADER}Name:\tnumbers-api.default.svc.cluster.local\nAddress: ${ip}\n\n` +
        "** server can't find numbers-api.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find numbers-api.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find numbers-api.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find numbers-api.cluster.local: NXDOMAIN\n\n",
    );
  });

  it('leaves exactly 4 lines through sh -c … | grep "^[^*]", exit 0 (grep’s)', () => {
    const { c, s1 } = cluster(`${NUMBERS_API}---\n${API_SVC}`);
    const ip = (c.get('Service', 'default', 'numbers-api') as Service).spec.clusterIP;
    const r = execIn(c, s1, 'nslookup numbers-api | grep "^[^*]"', runScript);
    expect(r.stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\nName:\tnumbers-api.default.svc.cluster.local\nAddress: ${ip}\n`,
    );
    expect(r.exitCode).toBe(0);
  });

  it('resolves kube-dns across namespaces by FQDN', () => {
    const { c, s1 } = cluster();
    const r = execIn(c, s1, 'nslookup kube-dns.kube-system.svc.cluster.local | grep "^[^*]"', runScript);
    expect(r.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\nName:\tkube-dns.kube-system.svc.cluster.local\nAddress: 10.96.0.10\n',
    );
  });

  it('prints only Server and Address for a missing name, and goes upstream for a dotted name', () => {
    const { c, s1 } = cluster();
    const r = execIn(c, s1, 'nslookup nope.default.svc.cluster.local | grep "^[^*]"', runScript);
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n');
    // `numbers-api.default` has a dot: no search list, so it is NXDOMAIN (ping would resolve it).
    const dotted = execIn(c, s1, ['nslookup', 'numbers-api.default']);
    expect(dotted.stdout).toBe(
      `${HEADER}** server can't find numbers-api.default: NXDOMAIN\n\n** server can't find numbers-api.default: NXDOMAIN\n\n`,
    );
    expect(dotted.exitCode).toBe(1);
  });

  it('shows the ExternalName CNAME chain; the upstream answer arrives last, so tail shows addresses', () => {
    const { c, s1 } = cluster(API_EXTERNALNAME);
    const r = execIn(c, s1, ['nslookup', 'numbers-api']);
    expect(r.stdout).toContain(
      'numbers-api.default.svc.cluster.local\tcanonical name = raw.githubusercontent.com\nName:\traw.githubusercontent.com\nAddress: ',
    );
    // The AAAA reply (CNAME + GitHub raw's four IPv6 addresses) is the last block, as in a real run.
    const aaaa =
      /numbers-api\.default\.svc\.cluster\.local\tcanonical name = raw\.githubusercontent\.com\n((?:Name:\traw\.githubusercontent\.com\nAddress: [0-9a-f:]+\n){4})\n$/.exec(
        r.stdout,
      );
    expect(aaaa?.[1]?.match(/Address: (\S+)/g)?.sort()).toEqual([
      'Address: 2606:50c0:8000::154',
      'Address: 2606:50c0:8001::154',
      'Address: 2606:50c0:8002::154',
      'Address: 2606:50c0:8003::154',
    ]);
    const tail = execIn(c, s1, 'nslookup numbers-api | tail -n 5', runScript).stdout.split('\n');
    expect(tail).toHaveLength(6);
    expect(tail.slice(0, 4).map((l, i) => (i % 2 === 0 ? l : l.replace(/8\d{3}/, '800X')))).toEqual([
      'Name:\traw.githubusercontent.com',
      'Address: 2606:50c0:800X::154',
      'Name:\traw.githubusercontent.com',
      'Address: 2606:50c0:800X::154',
    ]);
    expect(tail.slice(4)).toEqual(['', '']);
  });

  it('returns the ClusterIP, not the Endpoints address, for the selectorless Service', () => {
    const { c, s1 } = cluster(API_SELECTORLESS);
    const ip = (c.get('Service', 'default', 'numbers-api') as Service).spec.clusterIP;
    const r = execIn(c, s1, 'nslookup numbers-api | grep "^[^*]"', runScript);
    expect(r.stdout.split('\n')[3]).toBe(`Address: ${ip}`);
    expect(r.stdout).not.toContain('192.168.123.234');
  });

  it('asks a given server and does a PTR lookup for an address', () => {
    const { c, s1 } = cluster();
    const r = execIn(c, s1, ['nslookup', '10.96.0.10', '10.96.0.10']);
    expect(r.stdout).toBe(
      `${HEADER}10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local\n\n`,
    );
  });

  it('with a server argument reads no resolv.conf, so a short name gets no search list', () => {
    const { c, s1 } = cluster(`${NUMBERS_API}---\n${API_SVC}`);
    const r = execIn(c, s1, ['nslookup', 'numbers-api', '10.96.0.10']);
    expect(r.stdout).toBe(
      `${HEADER}** server can't find numbers-api: NXDOMAIN\n\n** server can't find numbers-api: NXDOMAIN\n\n`,
    );
    expect(r.exitCode).toBe(1);
    const fq = execIn(c, s1, ['nslookup', 'numbers-api.default.svc.cluster.local', '10.96.0.10']);
    expect(fq.exitCode).toBe(0);
  });

  it('prints the usage text without a name', () => {
    const { c, s1 } = cluster();
    const r = execIn(c, s1, ['nslookup']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
  });
});

describe('the in-Pod shell', () => {
  it('reports unknown commands the BusyBox way with 127', () => {
    const { c, s1 } = cluster();
    const r = execIn(c, s1, 'foo; echo $?', runScript);
    expect(r.all).toBe('sh: foo: not found\n127\n');
  });

  it('reads /etc/resolv.conf from the cluster and pipes through head/wc', () => {
    const { c, s1 } = cluster();
    const r = execIn(c, s1, 'cat /etc/resolv.conf | head -n 1; cat /etc/resolv.conf | wc -l', runScript);
    expect(r.stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\n3\n');
    const missing = execIn(c, s1, ['cat', '/nope']);
    expect([missing.stderr, missing.exitCode]).toEqual([
      "cat: can't open '/nope': No such file or directory\n",
      1,
    ]);
  });
});

describe('with CoreDNS down', () => {
  it('nslookup times out; ping waits out each search step, then `bad address`', () => {
    const { d, c, s1 } = cluster();
    const dep = c.get('Deployment', 'kube-system', 'coredns');
    expect(dep).toBeDefined();
    if (!dep) return;
    c.update({ ...dep, spec: { ...dep.spec, replicas: 0 } });
    d.advance(60_000);
    const ns = execIn(c, s1, ['nslookup', 'kubernetes.default.svc.cluster.local']);
    expect([ns.stdout, ns.exitCode, ns.elapsedMs]).toEqual([
      ';; connection timed out; no servers could be reached\n\n',
      1,
      5000,
    ]);
    // kube-dns has no endpoints, so kube-proxy REJECTs the UDP: one ICMP error per try.
    expect(ns.stderr).toBe('nslookup: read: Connection refused\nnslookup: read: Connection refused\n');
    const ping = execIn(c, s1, ['ping', '-c', '1', 'sleep-2']);
    expect([ping.stderr, ping.exitCode]).toEqual(["ping: bad address 'sleep-2'\n", 1]);
    expect(ping.elapsedMs).toBeGreaterThanOrEqual(5000);
    expect(ping.elapsedMs % 5000).toBe(0);
  });
});
