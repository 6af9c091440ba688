// The packet tracer with sessionAffinity ClientIP and Local traffic policies on the kind profile
// (3 nodes): web-a on kind-worker, web-b on kind-worker2, two client Pods.
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types';
import type { ProxyMode, TraceSource } from '../contract';
import { addKindWebPods, netHarness, service } from './test-helpers';

function withSpec(s: Service, spec: Partial<Service['spec']>): Service {
  return { ...s, spec: { ...s.spec, ...spec } };
}

function kind(
  spec: Partial<Service['spec']>,
  o: { type?: Service['spec']['type']; seed?: number; proxyMode?: ProxyMode } = {},
) {
  const h = netHarness({
    profile: 'kind',
    seed: o.seed ?? 7,
    ...(o.proxyMode ? { proxyMode: o.proxyMode } : {}),
  });
  addKindWebPods(h.api);
  const type = o.type ?? 'ClusterIP';
  const ports80 = [{ port: 80, ...(type === 'ClusterIP' ? {} : { nodePort: 30080 }) }];
  h.api.create(
    withSpec(
      service('web', { type, clusterIP: '10.96.50.10', selector: { app: 'web' }, ports: ports80 }),
      spec,
    ),
  );
  h.loop.runUntilIdle();
  return h;
}

const client1: TraceSource = { kind: 'pod', key: 'Pod/default/client-1' };
const client2: TraceSource = { kind: 'pod', key: 'Pod/default/client-2' };
const to = (h: ReturnType<typeof kind>, source: TraceSource, destination = '10.96.50.10', port = 80) =>
  h.net.trace({ source, destination, protocol: 'TCP', port });

describe('tracer: sessionAffinity ClientIP', () => {
  it('ten requests from one Pod reach the same endpoint, and the hops say why', () => {
    const h = kind({ sessionAffinity: 'ClientIP' });
    const first = to(h, client1);
    expect(first.verdict).toBe('delivered');
    const ips = new Set<string | undefined>();
    for (let i = 0; i < 10; i++) {
      h.api.now += 1000;
      const t = to(h, client1);
      expect(t.verdict).toBe('delivered');
      ips.add(t.endpoint?.ip);
      const why = t.hops.find((x) => x.label.startsWith('affinity: '));
      expect(why?.label).toMatch(
        new RegExp(
          `^affinity: 10\\.244\\.0\\.5 was sent to ${first.endpoint?.ip}:80 at 00:00:\\d\\d, 1 s ago \\(timeout 10800 s\\): same endpoint$`,
        ),
      );
      expect(why?.rule).toContain('-m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-');
    }
    expect([...ips]).toEqual([first.endpoint?.ip]);
  });

  it('without affinity the same ten requests spread out (the test above can fail)', () => {
    const h = kind({});
    const ips = new Set<string | undefined>();
    for (let i = 0; i < 10; i++) ips.add(to(h, client1).endpoint?.ip);
    expect(ips.size).toBeGreaterThan(1);
  });

  it('another client gets its own pick; after the timeout a fresh pick, and the hop says so', () => {
    const h = kind({
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
    });
    const seen2 = new Set<string | undefined>();
    const a = to(h, client1).endpoint?.ip;
    for (let i = 0; i < 5; i++) seen2.add(to(h, client2).endpoint?.ip);
    expect(seen2.size).toBe(1); // client-2 is sticky too (its own entry)
    expect(to(h, client1).endpoint?.ip).toBe(a);
    // 61 s of silence: the recent entry is older than --seconds 60.
    const picks = new Set<string | undefined>();
    for (let i = 0; i < 8; i++) {
      h.api.now += 61_000;
      const t = to(h, client1);
      const why = t.hops.find((x) => x.label.startsWith('affinity: '));
      expect(why?.label).toMatch(/, 61 s ago: past the 60 s timeout, so a fresh pick$/);
      expect(t.hops.some((x) => x.kind === 'rule' && x.label.includes('(1 of 3)'))).toBe(true);
      picks.add(t.endpoint?.ip);
    }
    expect(picks.size).toBeGreaterThan(1);
  });

  it('is deterministic: same seed, same endpoints and hops', () => {
    const run = () => {
      const h = kind({
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } },
      });
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        h.api.now += 3000;
        const t = to(h, i % 2 ? client1 : client2);
        out.push([t.endpoint?.ip, t.hops.map((x) => x.label)]);
      }
      return out;
    };
    expect(run()).toEqual(run());
  });

  it('IPVS mode: persistence keeps the client on one real server', () => {
    const h = kind({ sessionAffinity: 'ClientIP' }, { proxyMode: 'ipvs' });
    const ips = new Set<string | undefined>();
    for (let i = 0; i < 6; i++) ips.add(to(h, client1).endpoint?.ip);
    expect(ips.size).toBe(1);
    expect(to(h, client1).hops.find((x) => x.label.startsWith('IPVS'))?.rule).toBe(
      'TCP  10.96.50.10:80 rr persistent 10800',
    );
  });
});

describe('tracer: externalTrafficPolicy Local (NodePort on kind)', () => {
  const fromNode = (name: string): TraceSource => ({ kind: 'node', name });

  it('to the node with the Pod: delivered to that Pod, source IP kept', () => {
    const h = kind({ externalTrafficPolicy: 'Local' }, { type: 'NodePort' });
    for (let i = 0; i < 5; i++) {
      const t = to(h, fromNode('kind-control-plane'), '172.18.0.3', 30080);
      expect(t.verdict).toBe('delivered');
      expect(t.endpoint?.ip).toBe('10.244.1.7');
      expect(t.reason).toContain('the client source IP is kept');
    }
  });

  it('to a node without one: dropped by "has no local endpoints"', () => {
    const h = kind({ externalTrafficPolicy: 'Local' }, { type: 'NodePort' });
    const t = to(h, fromNode('kind-worker'), '172.18.0.2', 30080);
    expect(t.verdict).toBe('timeout');
    const drop = t.hops.find((x) => x.kind === 'drop');
    expect(drop?.label).toBe('DROP: default/web has no local endpoints');
    expect(drop?.rule).toBe(
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP',
    );
    expect(t.reason).toContain(
      'externalTrafficPolicy: Local and no ready endpoint on node kind-control-plane',
    );
  });

  it('Cluster policy: the same request is delivered (masqueraded) from any node', () => {
    const h = kind({}, { type: 'NodePort' });
    expect(to(h, fromNode('kind-worker'), '172.18.0.2', 30080).verdict).toBe('delivered');
  });

  it('Pod traffic to a NodePort takes the Cluster chain (the "pod traffic" short-circuit)', () => {
    const h = kind({ externalTrafficPolicy: 'Local' }, { type: 'NodePort' });
    expect(to(h, client2, '172.18.0.2', 30080).verdict).toBe('delivered');
  });
});

describe('tracer: internalTrafficPolicy Local', () => {
  it('from a Pod on a node without an endpoint: dropped; on a node with one: that endpoint only', () => {
    const h = kind({ internalTrafficPolicy: 'Local' });
    const t = to(h, client1);
    expect(t.verdict).toBe('timeout');
    expect(t.hops.find((x) => x.kind === 'drop')?.rule).toBe(
      '-A KUBE-SERVICES -d 10.96.50.10/32 -p tcp -m comment --comment "default/web has no local endpoints" -m tcp --dport 80 -j DROP',
    );
    expect(t.reason).toContain('internalTrafficPolicy: Local');
    for (let i = 0; i < 5; i++) expect(to(h, client2).endpoint?.ip).toBe('10.244.1.7');
    expect(
      to(h, client2).hops.some(
        (x) => x.label === 'KUBE-SVL-LOLE4ISW44XBNF3G → KUBE-SEP-77YT4VVOJLTS77WQ (1 of 1)',
      ),
    ).toBe(true);
  });
});
