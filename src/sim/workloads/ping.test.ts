// BusyBox ping inside the sleep image against the real simulated cluster (reference §A3 3.1, §B10).
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../api/types';
import type { ClusterOptions } from '../contract';
import { drive } from '../testing/driver';
import { execIn, podKeyFor, SLEEP, SLEEP2_SVC } from './testkit';

function sleepCluster(opts: ClusterOptions = { seed: 7 }) {
  const d = drive(opts)
    .applyOk(`${SLEEP('sleep-1')}---\n${SLEEP('sleep-2')}`)
    .advance(30_000);
  const c = d.cluster;
  const pod = (app: string) => c.get('Pod', 'default', podKeyFor(c, app).split('/')[2] ?? '') as Pod;
  return { d, c, s1: podKeyFor(c, 'sleep-1'), pod };
}

const REPLY = /^64 bytes from (\S+): seq=(\d+) ttl=(\d+) time=(\d+\.\d{3}) ms$/;

describe('ping by Pod IP', () => {
  it('gets 2 replies with 0% loss, exits 0 after about 1 s of simulated time', () => {
    const { c, s1, pod } = sleepCluster();
    const ip = pod('sleep-2').status.podIP ?? '';
    const r = execIn(c, s1, ['ping', '-c', '2', ip]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.elapsedMs).toBe(1000);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`PING ${ip} (${ip}): 56 data bytes`);
    const replies = [lines[1], lines[2]].map((l) => REPLY.exec(l ?? ''));
    expect(replies.map((m) => [m?.[1], m?.[2], m?.[3]])).toEqual([
      [ip, '0', '64'],
      [ip, '1', '64'],
    ]);
    const times = replies.map((m) => Number(m?.[4]));
    for (const t of times) expect(t).toBeLessThan(0.2);
    const fmt = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
    const us = times.map((t) => Math.round(t * 1000));
    const avg = Math.floor(((us[0] ?? 0) + (us[1] ?? 0)) / 2);
    expect(lines.slice(3)).toEqual([
      '',
      `--- ${ip} ping statistics ---`,
      '2 packets transmitted, 2 packets received, 0% packet loss',
      `round-trip min/avg/max = ${fmt(Math.min(...us))}/${fmt(avg)}/${fmt(Math.max(...us))} ms`,
      '',
    ]);
    // One trace per command (every echo had the same fate), delivered to sleep-2's Pod, no DNS.
    expect(r.traces.map((t) => [t.protocol, t.verdict, t.destination])).toEqual([['ICMP', 'delivered', ip]]);
    expect(r.traces[0]?.hops.some((h) => h.kind.startsWith('dns'))).toBe(false);
  });

  it('gets no reply from a deleted Pod’s old IP (the replacement has a new one)', () => {
    const { d, c, s1, pod } = sleepCluster();
    const old = pod('sleep-2');
    const oldIP = old.status.podIP ?? '';
    d.delete('Pod', old.metadata.name).advance(30_000);
    expect(pod('sleep-2').status.podIP).not.toBe(oldIP);
    const r = execIn(c, s1, ['ping', '-c', '1', oldIP]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      `PING ${oldIP} (${oldIP}): 56 data bytes\n\n--- ${oldIP} ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n`,
    );
    expect(r.elapsedMs).toBe(10_000);
  });

  it('shows ttl=62 for a Pod on another kind node', () => {
    const { c, s1, pod } = sleepCluster({ seed: 3, profile: 'kind' });
    const p1 = pod('sleep-1');
    const p2 = pod('sleep-2');
    expect(p1.spec.nodeName).not.toBe(p2.spec.nodeName);
    const r = execIn(c, s1, ['ping', '-c', '1', p2.status.podIP ?? '']);
    expect(REPLY.exec(r.stdout.split('\n')[1] ?? '')?.[3]).toBe('62');
  });
});

describe('ping a Service name', () => {
  it('resolves to the ClusterIP, then 100% packet loss, exit 1, after the 10 s MAXWAIT', () => {
    const { d, c, s1 } = sleepCluster();
    d.applyOk(SLEEP2_SVC).advance(2000);
    const ip = (c.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP;
    const r = execIn(c, s1, ['ping', '-c', '1', 'sleep-2']);
    expect(r.stdout).toBe(
      `PING sleep-2 (${ip}): 56 data bytes\n\n--- sleep-2 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n`,
    );
    expect(r.exitCode).toBe(1);
    expect(r.elapsedMs).toBe(10_000);
    // One trace the graph animates: the DNS query to CoreDNS through kube-dns and its answer, then
    // the echo to the ClusterIP that matched no kube-proxy rule and is dropped.
    expect(r.traces).toHaveLength(1);
    const t = r.traces[0];
    expect([t?.protocol, t?.destination, t?.resolvedIP, t?.verdict]).toEqual([
      'ICMP',
      'sleep-2',
      ip,
      'no-reply',
    ]);
    expect(t?.hops.map((h) => [h.kind, h.from, h.to, h.label])).toEqual([
      ['dns-query', s1, 'Service/kube-system/kube-dns', 'A? sleep-2.default.svc.cluster.local'],
      ['dns-answer', 'Service/kube-system/kube-dns', s1, `A ${ip}`],
      ['send', s1, 'Service/default/sleep-2', `ICMP echo → ${ip}`],
      ['no-rule', 'kube-proxy/docker-desktop', 'Service/default/sleep-2', 'no rule matches ICMP'],
      ['drop', 'Service/default/sleep-2', 'Service/default/sleep-2', `nobody owns ${ip}`],
    ]);
    const at = t?.hops.map((h) => h.atMs) ?? [];
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(t?.reason).toBe(
      `ICMP to a ClusterIP matches no kube-proxy rule, and no interface owns ${ip}, so nothing answers`,
    );
  });

  it('takes 11 s for -c 2 and honours -W', () => {
    const { d, c, s1 } = sleepCluster();
    d.applyOk(SLEEP2_SVC).advance(2000);
    expect(execIn(c, s1, ['ping', '-c', '2', 'sleep-2']).elapsedMs).toBe(11_000);
    expect(execIn(c, s1, ['ping', '-c', '1', '-W', '2', 'sleep-2']).elapsedMs).toBe(2000);
  });

  it('is answered by the node in IPVS mode: 0% loss, ttl 64, reply from the ClusterIP', () => {
    const { d, c, s1 } = sleepCluster({ seed: 7, proxyMode: 'ipvs' });
    d.applyOk(SLEEP2_SVC).advance(2000);
    const ip = (c.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP ?? '';
    const r = execIn(c, s1, ['ping', '-c', '1', 'sleep-2']);
    expect(r.exitCode).toBe(0);
    expect(REPLY.exec(r.stdout.split('\n')[1] ?? '')?.slice(1, 4)).toEqual([ip, '0', '64']);
    expect(r.stdout).toContain('1 packets transmitted, 1 packets received, 0% packet loss\n');
  });
});

describe('ping errors and options', () => {
  it('prints `bad address` for a name that does not resolve, exit 1', () => {
    const { c, s1 } = sleepCluster();
    const r = execIn(c, s1, ['ping', '-c', '1', 'foo']);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', "ping: bad address 'foo'\n", 1]);
  });

  it('prints the usage text on stderr with no host (the book’s empty $(…) case), exit 1', () => {
    const { c, s1 } = sleepCluster();
    const r = execIn(c, s1, ['ping', '-c', '2']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^BusyBox v1\.34\.1 \(.*\) multi-call binary\.\n\nUsage: ping \[OPTIONS\] HOST\n/,
    );
  });

  it('stops at the -w deadline and -q prints only the header and statistics', () => {
    const { c, s1, pod } = sleepCluster();
    const ip = pod('sleep-2').status.podIP ?? '';
    const r = execIn(c, s1, ['ping', '-q', '-w', '3', ip]);
    expect(r.elapsedMs).toBe(3000);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      `PING ${ip} (${ip}): 56 data bytes`,
      '',
      `--- ${ip} ping statistics ---`,
      '3 packets transmitted, 3 packets received, 0% packet loss',
    ]);
  });

  it('rejects a non-numeric count like BusyBox', () => {
    const { c, s1 } = sleepCluster();
    const r = execIn(c, s1, ['ping', '-c', 'x', '10.1.0.1']);
    expect([r.stderr, r.exitCode]).toEqual(["ping: invalid number 'x'\n", 1]);
  });
});

describe('determinism', () => {
  it('gives the same output and times for the same seed, different times for another seed', () => {
    const run = (seed: number) => {
      const { c, s1, pod } = sleepCluster({ seed });
      return execIn(c, s1, ['ping', '-c', '3', pod('sleep-2').status.podIP ?? '']).stdout;
    };
    expect(run(11)).toBe(run(11));
    const times = (s: string) => s.match(/time=\S+/g)?.join(',');
    expect(times(run(11))).not.toBe(times(run(12)));
  });
});

describe('a lookup and its connection are one trace (the graph animates one journey)', () => {
  for (const cmd of [
    ['wget', '-q', '-O', '-', 'http://sleep-2'],
    ['curl', '-s', 'http://sleep-2'],
  ]) {
    it(`${cmd[0]}: DNS query and answer, then the SYN to the ClusterIP, refused by sleep-2's Pod`, () => {
      const { d, c, s1, pod } = sleepCluster();
      d.applyOk(SLEEP2_SVC).advance(2000);
      const ip = (c.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP;
      const r = execIn(c, s1, cmd);
      expect(r.exitCode).not.toBe(0);
      expect(r.traces).toHaveLength(1);
      const t = r.traces[0];
      expect([t?.protocol, t?.destination, t?.resolvedIP, t?.verdict]).toEqual([
        'TCP',
        'sleep-2',
        ip,
        'refused',
      ]);
      const kinds = t?.hops.map((h) => h.kind) ?? [];
      expect(kinds.slice(0, 3)).toEqual(['dns-query', 'dns-answer', 'send']);
      expect(t?.hops[1]?.label).toBe(`A ${ip}`);
      expect(t?.endpoint?.pod).toBe(`Pod/default/${pod('sleep-2').metadata.name}`);
    });
  }

  it('a name that does not resolve leaves only the DNS trace (NXDOMAIN on every search step)', () => {
    const { c, s1 } = sleepCluster();
    const r = execIn(c, s1, ['ping', '-c', '1', 'foo']);
    expect(r.traces.map((t) => [t.protocol, t.verdict])).toEqual([['UDP', 'nxdomain']]);
    expect(r.traces[0]?.hops.filter((h) => h.kind === 'dns-nxdomain')).toHaveLength(4);
  });
});
