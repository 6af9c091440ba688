import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Pod } from '../api/types';
import { FakeApi, pod, service } from '../net/test-helpers';
import type { WatchEvent } from '../runtime/interfaces';
import { eventChangesDesired, podServiceKeys } from './endpoints';
import { EndpointsIndex } from './endpoints-index';
import { isPodReady, podEndpointsChanged, storedReadyIn } from './endpoints-pod';
import { canonical, sameJSON, selectedPods, serviceKeysForPod, sortSmall } from './endpoints-util';
import { portsKey, slicesOf } from './endpointslice';

const APPS = ['a', 'b', 'c'];
const TIERS = ['x', 'y'];

function slice(name: string, svc: string, manager: string): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      namespace: 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { 'kubernetes.io/service-name': svc, 'endpointslice.kubernetes.io/managed-by': manager },
    },
    addressType: 'IPv4',
    endpoints: null,
    ports: null,
  } as unknown as EndpointSlice;
}

const svcOp = fc.record({
  name: fc.constantFrom('s0', 's1', 's2', 's3', 's4'),
  del: fc.boolean(),
  app: fc.option(fc.constantFrom(...APPS), { nil: undefined }),
  tier: fc.option(fc.constantFrom(...TIERS), { nil: undefined }),
  ext: fc.boolean(),
});

describe('EndpointsIndex (same answers, in the same order, as scanning the store)', () => {
  it('Pod → Service keys through the selector index equal the namespace scan, order included', () => {
    fc.assert(
      fc.property(
        fc.array(svcOp, { maxLength: 25 }),
        fc.record({ app: fc.constantFrom(...APPS), tier: fc.constantFrom(...TIERS) }),
        fc.record({ app: fc.constantFrom(...APPS), tier: fc.constantFrom(...TIERS) }),
        (ops, labels, oldLabels) => {
          const api = new FakeApi();
          const index = new EndpointsIndex();
          api.listeners.push((ev) => index.apply(ev));
          for (const o of ops) {
            const exists = !!api.get('Service', 'default', o.name);
            if (o.del) {
              if (exists) api.delete('Service', 'default', o.name);
              continue;
            }
            const selector: Record<string, string> = {};
            if (o.app) selector.app = o.app;
            if (o.tier) selector.tier = o.tier;
            const svc = service(o.name, { selector, ...(o.ext ? { type: 'ExternalName' as const } : {}) });
            if (exists) {
              const cur = api.get('Service', 'default', o.name) as typeof svc;
              api.update({ ...cur, spec: svc.spec });
            } else api.create(svc);
          }
          const p = pod('p', { labels });
          const old = pod('p', { labels: oldLabels });
          expect(serviceKeysForPod(api, p, old, index.services)).toEqual(serviceKeysForPod(api, p, old));
          expect(serviceKeysForPod(api, p, undefined, index.services)).toEqual(serviceKeysForPod(api, p));
        },
      ),
      { seed: 20261125, numRuns: 300 },
    );
  });

  it('Pods by label follow creates, relabels, status updates and deletes (labels read from the events)', () => {
    const podOp = fc.record({
      name: fc.constantFrom('p0', 'p1', 'p2', 'p3'),
      del: fc.boolean(),
      app: fc.constantFrom(...APPS),
      tier: fc.option(fc.constantFrom(...TIERS), { nil: undefined }),
      ip: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(podOp, { maxLength: 30 }), (ops) => {
        const api = new FakeApi();
        const index = new EndpointsIndex();
        api.listeners.push((ev) => index.apply(ev));
        // The same Service objects throughout, so answers kept per selector are checked too.
        const svcs = APPS.flatMap((app) => [{ app }, { app, tier: 'x' }]).map(
          (selector) => service('s', { selector }) as Parameters<typeof selectedPods>[1],
        );
        const check = () => {
          for (const svc of svcs) {
            const names = (pods: Pod[]) => pods.map((x) => x.metadata.name);
            const got = names(selectedPods(api, svc, index.pods));
            expect([...got].sort()).toEqual(names(selectedPods(api, svc)).sort());
            // In the index's candidate order, as an uncached answer would be.
            const fresh = [...index.pods.candidates('default', svc.spec.selector)].filter((n) =>
              Object.entries(svc.spec.selector).every(
                ([k, v]) => api.get('Pod', 'default', n)?.metadata.labels?.[k] === v,
              ),
            );
            expect(got).toEqual(fresh);
          }
        };
        for (const o of ops) {
          const cur = api.get('Pod', 'default', o.name) as Pod | undefined;
          if (o.del) {
            if (cur) api.delete('Pod', 'default', o.name);
            check();
            continue;
          }
          const labels: Record<string, string> = { app: o.app };
          if (o.tier) labels.tier = o.tier;
          const next = pod(o.name, { labels, ...(o.ip ? { ip: '10.1.0.9' } : {}) });
          if (cur) api.update({ ...cur, metadata: { ...cur.metadata, labels }, status: next.status });
          else api.create(next);
          check();
        }
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });

  it('a labels object asked about again gets a fresh answer after any Service change', () => {
    const api = new FakeApi();
    const index = new EndpointsIndex();
    api.listeners.push((ev) => index.apply(ev));
    const labels = { app: 'a', tier: 'x' }; // shared by Pods of one ReplicaSet and their updates
    const keys = () => [...index.services.keysMatching('default', labels)];
    expect(keys()).toEqual([]);
    api.create(service('s1', { selector: { app: 'a' } }));
    expect(keys()).toEqual(['default/s1']);
    expect(index.services.keysMatching('other', labels)).toEqual([]); // per namespace
    api.create(service('s2', { selector: { tier: 'x' } }));
    expect(keys()).toEqual(['default/s1', 'default/s2']);
    const s1 = api.get('Service', 'default', 's1') as ReturnType<typeof service>;
    api.update({ ...s1, spec: { ...s1.spec, selector: { app: 'b' } } });
    expect(keys()).toEqual(['default/s2']);
    api.delete('Service', 'default', 's2');
    expect(keys()).toEqual([]);
  });

  it('slices by Service and manager follow creates, relabels and deletes', () => {
    const api = new FakeApi();
    const index = new EndpointsIndex();
    api.listeners.push((ev) => index.apply(ev));
    api.create(slice('web-b', 'web', 'm1'));
    api.create(slice('web-a', 'web', 'm1'));
    api.create(slice('web-m', 'web', 'm2'));
    api.create(slice('api-a', 'api', 'm1'));
    const moved = api.get('EndpointSlice', 'default', 'web-b') as EndpointSlice;
    api.update({
      ...moved,
      metadata: {
        ...moved.metadata,
        labels: { ...moved.metadata.labels, 'kubernetes.io/service-name': 'api' },
      },
    });
    api.delete('EndpointSlice', 'default', 'api-a');
    for (const [svc, m] of [
      ['web', 'm1'],
      ['web', 'm2'],
      ['api', 'm1'],
    ] as const) {
      expect(slicesOf(api, 'default', svc, m, index)).toEqual(slicesOf(api, 'default', svc, m));
    }
    expect(slicesOf(api, 'default', 'api', 'm1', index).map((s) => s.metadata.name)).toEqual(['web-b']);
  });
});

describe('podEndpointsChanged (GetServicesToUpdateOnPodChange)', () => {
  const base = pod('p', { labels: { app: 'a' }, ip: '10.1.0.5', node: 'n1' });
  const withStatus = (p: Pod, status: Partial<Pod['status']>): Pod => ({
    ...p,
    status: { ...p.status, ...status },
  });

  it('ignores status changes the controllers do not read', () => {
    const later = withStatus(base, {
      conditions: (base.status.conditions ?? []).map((c) => ({
        ...c,
        lastTransitionTime: '2026-01-01T00:01:00Z',
      })),
      containerStatuses: [],
    });
    expect(podEndpointsChanged(base, later)).toBe(false);
  });

  it('sees readiness, IP, terminal phase, deletion, labels, hostname and node changes', () => {
    const unready = pod('p', { labels: { app: 'a' }, ip: '10.1.0.5', node: 'n1', ready: false });
    expect(podEndpointsChanged(base, unready)).toBe(true);
    expect(podEndpointsChanged(base, withStatus(base, { podIP: '10.1.0.6' }))).toBe(true);
    expect(podEndpointsChanged(base, withStatus(base, { phase: 'Failed' }))).toBe(true);
    expect(
      podEndpointsChanged(base, {
        ...base,
        metadata: { ...base.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' },
      }),
    ).toBe(true);
    expect(podEndpointsChanged(base, { ...base, metadata: { ...base.metadata, labels: { app: 'b' } } })).toBe(
      true,
    );
    expect(podEndpointsChanged(base, { ...base, spec: { ...base.spec, hostname: 'h' } })).toBe(true);
    expect(podEndpointsChanged(base, { ...base, spec: { ...base.spec, nodeName: 'n2' } })).toBe(true);
    const ports = base.spec.containers.map((c) => ({
      ...c,
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' as const }],
    }));
    expect(podEndpointsChanged(base, { ...base, spec: { ...base.spec, containers: ports } })).toBe(true);
  });
});

describe('cheap comparisons agree with canonical JSON', () => {
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, undefined, 0, 1, -0, Number.NaN, '', 'a', true, false),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'ports', 'name'), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('sameJSON(a, b) ⇔ canonical(a) === canonical(b), key order ignored', () => {
    const shuffled = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(shuffled);
      if (v && typeof v === 'object')
        return Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, shuffled(x)]),
        );
      return v;
    };
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(sameJSON(a, b)).toBe(canonical(a) === canonical(b));
        expect(sameJSON(a, shuffled(a))).toBe(true);
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });

  it('sortSmall orders exactly as Array.prototype.sort, even with comparators that are not consistent', () => {
    type E = { v: number; i: number };
    const comparators: ((a: E, b: E) => number)[] = [
      (a, b) => (a.v < b.v ? -1 : 1), // like the slice endpoint order: equal IPs answer 1 both ways
      (a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : 0),
      (a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : a.i % 2 < b.i % 2 ? -1 : 1), // like byIP's uid tie-break
    ];
    fc.assert(
      fc.property(fc.array(fc.nat(9), { maxLength: 80 }), fc.nat(2), (vs, c) => {
        const cmp = comparators[c] as (a: E, b: E) => number;
        const arr = vs.map((v, i) => ({ v, i }));
        const ids = (xs: E[]) => xs.map((e) => e.i);
        expect(ids(sortSmall(arr.slice(), cmp))).toEqual(ids(arr.slice().sort(cmp)));
      }),
      { seed: 20261125, numRuns: 5000 },
    );
  });

  it('portsKey is canonical(ports)', () => {
    const port = fc.record({
      name: fc.string({ maxLength: 4 }),
      protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
      port: fc.integer({ min: 1, max: 65535 }),
    });
    fc.assert(
      fc.property(fc.array(port, { maxLength: 4 }), (ports) => {
        expect(portsKey(ports)).toBe(canonical(ports));
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });
});

describe('eventChangesDesired through the index (one answer per Pod event, shared by both controllers)', () => {
  it('answers each event for itself, asked before or after its keys, once or twice', () => {
    const api = new FakeApi();
    const index = new EndpointsIndex();
    const events: WatchEvent[] = [];
    api.listeners.push((ev) => {
      index.apply(ev);
      if (ev.kind === 'Pod') events.push(ev);
    });
    api.create(service('web', { selector: { app: 'web' } }));
    // Listable and not (no IP yet, terminal), alternating, so a stale answer would show.
    api.create(pod('a', { labels: { app: 'web' }, ip: '10.1.0.5' }));
    api.create(pod('b', { labels: { app: 'web' }, ip: '' }));
    api.create(pod('c', { labels: { app: 'web' }, ip: '10.1.0.6' }));
    api.create(pod('d', { labels: { app: 'web' }, ip: '10.1.0.7', phase: 'Failed' }));
    api.create(pod('e', { labels: { app: 'web' }, ip: '10.1.0.8' }));
    expect(events.length).toBe(5);
    const direct = events.map((ev) => eventChangesDesired(ev));
    expect(direct).toEqual([true, false, true, false, true]);
    for (const ev of events) {
      podServiceKeys(api, ev, index);
      expect(eventChangesDesired(ev, index)).toBe(eventChangesDesired(ev));
      expect(eventChangesDesired(ev, index)).toBe(eventChangesDesired(ev));
      podServiceKeys(api, ev, index);
      expect(eventChangesDesired(ev, index)).toBe(eventChangesDesired(ev));
    }
    // An event asked about without its keys (the memo holds another one) is answered directly.
    expect(events.map((ev) => eventChangesDesired(ev, index))).toEqual(direct);
  });
});

describe('storedReadyIn (readiness remembered by the list)', () => {
  it('answers isPodReady for any sequence of lists, repeated ones included', () => {
    const cond = (type: string, status: string) => ({
      type,
      status,
      lastProbeTime: null,
      lastTransitionTime: '',
    });
    const lists = [
      undefined,
      [],
      Object.freeze([cond('Ready', 'True')]),
      Object.freeze([cond('PodScheduled', 'True'), cond('Ready', 'False')]),
      [cond('Initialized', 'True'), cond('Ready', 'True'), cond('ContainersReady', 'True')],
      [cond('Ready', 'False')],
      Object.freeze([cond('ContainersReady', 'True')]),
    ] as Pod['status']['conditions'][];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: lists.length - 1 }), { maxLength: 60 }), (picks) => {
        for (const i of picks) {
          const c = lists[i];
          expect(storedReadyIn(c)).toBe(isPodReady({ status: { conditions: c } } as Pod));
        }
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});
