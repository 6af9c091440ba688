// getaddrinfo in a Pod (./resolve): the DNS exchange is drawn to the nameserver that answered
// (ClusterNet.resolve's `server`), and a question nobody answers costs resolv.conf's
// `options timeout:` (musl res_msend.c: the whole wait per question, `attempts` only divides it).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';

const pod = (name: string, dnsConfig: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  dnsPolicy: None
  dnsConfig:
${dnsConfig}  containers:
  - name: c
    image: kiamol/ch03-sleep
`;

const drive = (...docs: string[]) => {
  const d = kdrive({ seed: 11, profile: 'kind' });
  for (const doc of docs) d.applyOk(doc);
  return d.advance(30_000);
};

/** Run `line` and return how much simulated time it took. */
const timed = (d: ReturnType<typeof drive>, line: string) => {
  const before = d.cluster.now();
  d.kubectl(line);
  return d.cluster.now() - before;
};

describe('getaddrinfo waits what resolv.conf says for a silent nameserver', () => {
  it('the default 5 s, options timeout:2, and timeout:2 with attempts:4 (still 2 s)', () => {
    const d = drive(
      pod('t5', '    nameservers: [10.96.0.99]\n'),
      pod('t2', '    nameservers: [10.96.0.99]\n    options: [{name: timeout, value: "2"}]\n'),
      pod(
        't2a4',
        '    nameservers: [10.96.0.99]\n    options: [{name: timeout, value: "2"}, {name: attempts, value: "4"}]\n',
      ),
    );
    expect(timed(d, 'exec t5 -- ping -c 1 web')).toBe(5000);
    expect(d.stderr()).toBe("ping: bad address 'web'\ncommand terminated with exit code 1\n");
    expect(timed(d, 'exec t2 -- ping -c 1 web')).toBe(2000);
    expect(d.stderr()).toBe("ping: bad address 'web'\ncommand terminated with exit code 1\n");
    expect(timed(d, 'exec t2a4 -- ping -c 1 web')).toBe(2000);
  });
});

describe('the lookup is drawn to the nameserver that answered', () => {
  it('a dead first nameserver, then 8.8.8.8: the queries go to dns.google', () => {
    const d = drive(pod('two', '    nameservers: [10.96.0.99, 8.8.8.8]\n'));
    d.kubectl('exec two -- ping -c 1 web');
    expect(d.stderr()).toBe("ping: bad address 'web'\ncommand terminated with exit code 1\n");
    const t = d.last?.traces[0];
    expect(t?.hops.map((h) => `${h.kind} ${h.from} → ${h.to}: ${h.label}`)).toEqual([
      'dns-query Pod/default/two → external:dns.google: A? web',
      'dns-nxdomain external:dns.google → Pod/default/two: NXDOMAIN web',
    ]);
    expect(t?.resolvedIP).toBe('8.8.8.8');
  });

  it('nobody answers: the first nameserver, and the reason says nothing answers there', () => {
    const d = drive(pod('x', '    nameservers: [10.96.0.99, 10.96.0.98]\n'));
    d.kubectl('exec x -- ping -c 1 web');
    const t = d.last?.traces[0];
    expect(t?.hops.map((h) => `${h.kind} ${h.from} → ${h.to}`)).toEqual([
      'dns-query Pod/default/x → external:10.96.0.99',
    ]);
    expect(t?.verdict).toBe('timeout');
    expect(t?.reason).toBe('the DNS query for web got no answer: nothing answers DNS on 10.96.0.99');
  });
});

describe('the lookup trace names why nobody answered', () => {
  it('kube-dns without a ready CoreDNS endpoint: the Pod waits 5 s and the trace says so', () => {
    const d = kdrive({ seed: 11, profile: 'kind' })
      .applyOk(`apiVersion: v1
kind: Pod
metadata:
  name: cf
spec:
  containers:
  - name: c
    image: kiamol/ch03-sleep
`)
      .advance(30_000);
    d.kubectl('scale deployment coredns -n kube-system --replicas=0').advance(60_000);
    expect(timed(d, 'exec cf -- ping -c 1 web')).toBe(5000);
    const t = d.last?.traces[0];
    expect(t?.hops.map((h) => `${h.kind} ${h.from} → ${h.to}`)).toEqual([
      'dns-query Pod/default/cf → Service/kube-system/kube-dns',
    ]);
    expect(t?.reason).toBe(
      'the DNS query for web.default.svc.cluster.local got no answer: the kube-dns Service has no ready CoreDNS endpoint',
    );
  });
});
