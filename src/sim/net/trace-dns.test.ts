// The tracer's DNS hops follow the nameserver that answered (CoreDns.resolve's `server`): DNAT
// through kube-proxy only for a Service ClusterIP, straight to a CoreDNS Pod, out to the node's
// resolver or a public resolver; a silent nameserver is named with its real cause.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';
import type { Trace, TraceRequest } from '../contract';
import { sleepPodYaml as pod, WEB_SERVICE_YAML as WEB } from './test-helpers';

function drive(...docs: string[]) {
  const d = kdrive({ seed: 11, profile: 'kind' }).applyOk(WEB);
  for (const doc of docs) d.applyOk(doc);
  return d.advance(30_000);
}

const req = (from: string, destination: string, protocol: TraceRequest['protocol'] = 'TCP', port = 80) =>
  ({
    source: { kind: 'pod', key: `Pod/default/${from}` },
    destination,
    protocol,
    ...(protocol === 'ICMP' ? {} : { port }),
  }) as TraceRequest;

const hops = (t: Trace) => t.hops.map((h) => `${h.kind} ${h.from} → ${h.to}: ${h.label}`);

const corednsPods = () =>
  kdrive({ seed: 11, profile: 'kind' })
    .advance(1000)
    .cluster.list('Pod', { namespace: 'kube-system' })
    .filter((p) => p.metadata.name.startsWith('coredns-')) as Pod[];

describe('the DNS exchange goes to the server that answered', () => {
  it('ClusterFirst: to the kube-dns Service, DNAT by kube-proxy to a CoreDNS Pod', () => {
    const d = drive(pod('cf', ''));
    const t = d.cluster.net.trace(req('cf', 'web.default.svc.cluster.local', 'UDP', 9));
    expect(t.hops[0]).toMatchObject({ kind: 'dns-query', to: 'Service/kube-system/kube-dns' });
    expect(t.hops[1]?.kind).toBe('dnat');
    expect(t.hops[1]?.rule).toMatch(/-j DNAT --to-destination 10\.244\.\d+\.\d+:53$/);
  });

  it("None with a CoreDNS Pod's address: straight to that Pod, no kube-proxy DNAT", () => {
    const core = corednsPods()[0] as Pod;
    const ip = core.status?.podIP as string;
    const d = drive(
      pod(
        'cp',
        `  nodeName: ${core.spec.nodeName}\n  dnsPolicy: None\n  dnsConfig:\n    nameservers: [${ip}]\n`,
      ),
      pod('far', `  nodeName: kind-worker2\n  dnsPolicy: None\n  dnsConfig:\n    nameservers: [${ip}]\n`),
    );
    const web = (d.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    const ref = `Pod/kube-system/${core.metadata.name}`;
    const t = d.cluster.net.trace(req('cp', 'web.default.svc.cluster.local'));
    expect(hops(t).slice(0, 2)).toEqual([
      `dns-query Pod/default/cp → ${ref}: A? web.default.svc.cluster.local`,
      `dns-answer ${ref} → Pod/default/cp: A ${web}`,
    ]);
    expect(t.hops.some((h) => h.kind === 'dnat' && h.from === 'Service/kube-system/kube-dns')).toBe(false);
    expect(core.spec.nodeName).not.toBe('kind-worker2');
    // From another node the question is routed there first.
    const far = d.cluster.net.trace(req('far', 'web.default.svc.cluster.local'));
    expect(hops(far).slice(0, 3)).toEqual([
      `dns-query Pod/default/far → ${ref}: A? web.default.svc.cluster.local`,
      `forward Node/kind-worker2 → Node/${core.spec.nodeName}: → ${core.spec.nodeName} (${ip})`,
      `dns-answer ${ref} → Pod/default/far: A ${web}`,
    ]);
  });

  it('None with 8.8.8.8: out to dns.google, which answers; 8.8.8.8 is a host on the internet', () => {
    const d = drive(pod('g', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [8.8.8.8]\n'));
    const t = d.cluster.net.trace(req('g', 'github.com', 'TCP', 443));
    expect(hops(t).slice(0, 2)).toEqual([
      'dns-query Pod/default/g → external:dns.google: A? github.com',
      'dns-answer external:dns.google → Pod/default/g: A 140.82.121.4',
    ]);
    expect(t.verdict).toBe('delivered');
    const ping = d.cluster.net.trace(req('g', '8.8.8.8', 'ICMP'));
    expect(ping.verdict).toBe('delivered');
    expect(ping.reason).toBe(
      "8.8.8.8 is dns.google on the internet, reached through the node's default route (SNAT)",
    );
    expect(ping.hops.map((h) => h.to)).toContain('external:dns.google');
    d.kubectl('exec g -- ping -c 1 8.8.8.8');
    expect(d.stdout()).toContain('1 packets transmitted, 1 packets received, 0% packet loss\n');
    expect(d.last?.traces[0]?.hops.map((h) => `${h.kind} ${h.to}`)).toEqual([
      'send external:dns.google',
      'deliver external:dns.google',
      'reply Pod/default/g',
    ]);
    const udp = d.cluster.net.trace(req('g', '1.1.1.1', 'UDP', 53));
    expect(udp.verdict).toBe('delivered');
    expect(udp.hops.at(-1)).toMatchObject({
      kind: 'reply',
      from: 'external:one.one.one.one',
      label: 'UDP reply',
    });
    expect(d.cluster.net.trace(req('g', '1.1.1.1', 'UDP', 54)).reason).toBe(
      'one.one.one.one (1.1.1.1) does not answer on 54/UDP, so nothing answers',
    );
  });

  it('a dead first nameserver and 1.1.1.1 after it: the answer comes from one.one.one.one', () => {
    const d = drive(pod('two', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.99, 1.1.1.1]\n'));
    const t = d.cluster.net.trace(req('two', 'github.com', 'TCP', 443));
    expect(hops(t)[1]).toBe('dns-answer external:one.one.one.one → Pod/default/two: A 140.82.121.4');
  });

  it('dnsPolicy Default: the node resolver', () => {
    const d = drive(pod('def', '  dnsPolicy: Default\n'));
    const t = d.cluster.net.trace(req('def', 'github.com', 'TCP', 443));
    expect(hops(t).slice(0, 2)).toEqual([
      'dns-query Pod/default/def → external:dns: A? github.com',
      'dns-answer external:dns → Pod/default/def: A 140.82.121.4',
    ]);
  });
});

describe('a question nobody answers: the reason names the cause', () => {
  it('an address nothing owns', () => {
    const d = drive(pod('x', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.99]\n'));
    const t = d.cluster.net.trace(req('x', 'web'));
    expect(t.verdict).toBe('timeout');
    expect(hops(t)).toEqual(['dns-query Pod/default/x → external:10.96.0.99: A? web']);
    expect(t.reason).toBe(
      'the DNS query for web got no answer: nothing answers DNS on 10.96.0.99: no Service, Pod, node or resolver owns that address',
    );
  });

  it('kube-dns without a ready CoreDNS endpoint, and a Service that is not DNS', () => {
    const d = drive(pod('cf', ''));
    const web = (d.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    d.applyOk(pod('svc', `  dnsPolicy: None\n  dnsConfig:\n    nameservers: [${web}]\n`)).advance(30_000);
    const s = d.cluster.net.trace(req('svc', 'web'));
    expect(s.reason).toBe(
      `the DNS query for web got no answer: the Service default/web (${web}) has no UDP port 53`,
    );
    expect(hops(s)).toEqual(['dns-query Pod/default/svc → Service/default/web: A? web']);
    d.kubectl('scale deployment coredns -n kube-system --replicas=0').advance(60_000);
    const t = d.cluster.net.trace(req('cf', 'web'));
    expect(t.verdict).toBe('timeout');
    expect(t.reason).toBe(
      'the DNS query for web.default.svc.cluster.local got no answer: the kube-dns Service has no ready CoreDNS endpoint',
    );
    expect(hops(t)).toEqual([
      'dns-query Pod/default/cf → Service/kube-system/kube-dns: A? web.default.svc.cluster.local',
    ]);
  });

  it("a Pod's address where nothing serves DNS, and a node's", () => {
    const d = drive(pod('peer', ''));
    const peer = d.get('Pod', 'peer') as Pod;
    const ip = peer.status?.podIP as string;
    d.applyOk(pod('p', `  dnsPolicy: None\n  dnsConfig:\n    nameservers: [${ip}, 172.18.0.3]\n`)).advance(
      30_000,
    );
    const t = d.cluster.net.trace(req('p', 'web'));
    expect(t.verdict).toBe('timeout');
    expect(t.hops[0]).toMatchObject({ kind: 'dns-query', to: 'Pod/default/peer' });
    expect(t.reason).toBe(
      `the DNS query for web got no answer: nothing in Pod default/peer (${ip}) serves DNS; nothing on node kind-worker (172.18.0.3) serves DNS`,
    );
  });
});
