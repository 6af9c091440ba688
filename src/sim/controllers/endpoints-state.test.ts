import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Labels, Pod, Service } from '../api/types';
import { FakeApi, pod, service } from '../net/test-helpers';
import { PHASE_CHANGED, STATUS_ONLY, type WatchEvent } from '../runtime/interfaces';
import { computeSubsets, desiredEndpoints, podServiceKeys } from './endpoints';
import { EndpointsIndex } from './endpoints-index';
import { podCanBeListed } from './endpoints-pod';
import { PodEntry, placeOf, position, type ServicePods, ServiceStates } from './endpoints-state';
import { hasSelector, selectedPods } from './endpoints-util';
import { desiredSlices, slicesOfState } from './endpointslice';

// Pod operations that move every field an entry holds: IP (a later one, or one another Pod has,
// as hostNetwork Pods share their node's), readiness, termination, a terminal phase, labels,
// node, hostname/subdomain, container ports (for a Service whose target port is named), deletion
// and re-creation under the same name (a new uid).
const IPS = ['10.1.0.2', '10.1.0.10', '10.1.0.9', '10.1.1.1', '192.168.65.3'];
const podOp = fc.record({
  name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  what: fc.constantFrom(
    'create',
    'ip',
    'no-ip',
    'ready',
    'unready',
    'terminate',
    'fail',
    'relabel',
    'node',
    'hostname',
    'ports',
    'delete',
  ),
  ip: fc.constantFrom(...IPS),
  app: fc.constantFrom('web', 'other'),
  check: fc.boolean(),
});

const fields = (e: PodEntry) => [
  e.name,
  e.namespace,
  e.uid,
  e.ip,
  e.ready,
  e.terminating,
  e.hostname,
  e.nodeName,
  e.ports,
];

/**
 * Service `web` (selector app=web) created through `api` and read back. With `named`, a named
 * target port (resolved per Pod: Pods without it are left out of the Endpoints and grouped apart
 * in the slices) and a second, numeric port (so the port sets differ).
 */
function createWeb(api: FakeApi, named: boolean, publish: boolean): Service & { spec: { selector: Labels } } {
  const ports = named
    ? [
        { name: 'http', port: 80, targetPort: 'http' },
        { name: 'metrics', port: 9090 },
      ]
    : undefined;
  api.create(
    service('web', {
      selector: { app: 'web' },
      publishNotReadyAddresses: publish,
      ...(ports ? { ports } : {}),
    }),
  );
  const svc = api.get('Service', 'default', 'web') as Service;
  if (!hasSelector(svc)) throw new Error('selector');
  return svc;
}

function step(api: FakeApi, o: typeof podOp extends fc.Arbitrary<infer T> ? T : never): void {
  const cur = api.get('Pod', 'default', o.name) as Pod | undefined;
  if (o.what === 'create' || !cur) {
    if (cur) api.delete('Pod', 'default', o.name);
    const ports = o.check ? [{ name: 'http', containerPort: 8080 }] : [];
    api.create(pod(o.name, { labels: { app: o.app }, ip: o.ip, ready: o.app === 'web', ports }));
    return;
  }
  const status = (s: Partial<Pod['status']>) =>
    api.update({ ...cur, status: { ...cur.status, ...s } } as Pod);
  const spec = (s: Partial<Pod['spec']>) => api.update({ ...cur, spec: { ...cur.spec, ...s } } as Pod);
  const meta = (m: Partial<Pod['metadata']>) =>
    api.update({ ...cur, metadata: { ...cur.metadata, ...m } } as Pod);
  const ready = (r: boolean) =>
    status({
      conditions: [
        { type: 'Ready', status: r ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: '' },
      ],
    });
  switch (o.what) {
    case 'ip':
      return void status({ podIP: o.ip, podIPs: [{ ip: o.ip }] });
    case 'no-ip':
      return void api.update({ ...cur, status: { phase: 'Pending', conditions: [] } } as unknown as Pod);
    case 'ready':
      return void ready(true);
    case 'unready':
      return void ready(false);
    case 'terminate':
      return void meta({ deletionTimestamp: '2026-01-01T00:00:00Z' });
    case 'fail':
      return void status({ phase: 'Failed' });
    case 'relabel':
      return void meta({ labels: { app: o.app } });
    case 'node':
      return void spec({ nodeName: cur.spec.nodeName === 'n2' ? 'n1' : 'n2' });
    case 'hostname':
      return void spec(cur.spec.hostname ? { hostname: '' } : { hostname: o.name, subdomain: 'web' });
    case 'ports': {
      const c = cur.spec.containers[0];
      const named = c?.ports?.length
        ? []
        : [{ name: 'http', containerPort: o.ip.length, protocol: 'TCP' as const }];
      return void spec({ containers: [{ ...c, name: 'c', image: 'x', ports: named }] });
    }
    case 'delete':
      return void api.delete('Pod', 'default', o.name);
  }
}

describe('per-Service state kept from Pod events (endpoints-state)', () => {
  it('equals the state listed afresh, and builds the Endpoints and slices the listing builds', () => {
    fc.assert(
      fc.property(fc.array(podOp, { maxLength: 40 }), fc.boolean(), fc.boolean(), (ops, publish, named) => {
        const api = new FakeApi();
        const states = new ServiceStates();
        // Fed as the controllers feed it: the Services each Pod event concerns.
        api.listeners.push((ev) => {
          if (ev.kind === 'Pod') states.onPodEvent(ev, podServiceKeys(api, ev));
        });
        const svc = createWeb(api, named, publish);
        const st = states.get('default/web', svc, api, undefined);
        const check = (s: ServicePods) => {
          const fresh = new ServiceStates().get('default/web', svc, api, undefined);
          expect(s.sorted().map(fields)).toEqual(fresh.sorted().map(fields));
          expect(s.hasSharedIP()).toBe(fresh.hasSharedIP());
          const listed = selectedPods(api, svc);
          expect(desiredEndpoints(svc, api, undefined, undefined, s).subsets).toEqual(
            computeSubsets(svc, listed),
          );
          const slices = slicesOfState(s, []);
          if (s.hasSharedIP()) expect(slices).toBeUndefined();
          else expect(slices).toEqual(desiredSlices(svc, listed));
          // The one-slice answer filled in (reconcileEndpointSlices' reused one) reads alike.
          if (slices?.length === 1)
            expect(slicesOfState(s, [], [{ ports: null, endpoints: null }])).toEqual(slices);
        };
        for (const o of ops) {
          const version = st.version;
          const before = st.sorted().map(fields);
          step(api, o);
          // The version moves exactly when an entry changed.
          const after = st.sorted().map(fields);
          expect(st.version !== version).toBe(JSON.stringify(after) !== JSON.stringify(before));
          if (o.check) check(st);
        }
        check(st);
        expect(states.get('default/web', svc, api, undefined)).toBe(st);
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it('an entry that only turned Ready keeps its address and targetRef objects', () => {
    const api = new FakeApi();
    const states = new ServiceStates();
    api.listeners.push((ev) => {
      if (ev.kind === 'Pod') states.onPodEvent(ev, podServiceKeys(api, ev));
    });
    api.create(service('web', { selector: { app: 'web' } }));
    const svc = api.get('Service', 'default', 'web') as Service;
    if (!hasSelector(svc)) throw new Error('selector');
    const st = states.get('default/web', svc, api, undefined);
    api.create(pod('a', { labels: { app: 'web' }, ip: '10.1.0.5', ready: false }));
    const first = desiredEndpoints(svc, api, undefined, undefined, st).subsets;
    const entry = st.sorted()[0] as PodEntry;
    const ref = entry.ref();
    const p = api.get('Pod', 'default', 'a') as Pod;
    api.update({
      ...p,
      status: {
        ...p.status,
        conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '' }],
      },
    } as Pod);
    const next = desiredEndpoints(svc, api, undefined, undefined, st).subsets;
    expect(next[0]?.addresses?.[0]).toBe(first[0]?.notReadyAddresses?.[0]);
    expect((st.sorted()[0] as PodEntry).ref()).toBe(ref);
    expect(st.sorted()[0]).not.toBe(entry);
  });
});

describe('status-only Pod writes (WatchEvent.statusWrite) on the Pod-event side', () => {
  // The store's status versions (Store.putStatus) keep the previous version's metadata and spec
  // objects and say so in the event; FakeApi copies every write. Side A is handed each status-only
  // update as the store hands it (the previous view's metadata and spec, statusWrite set), side B
  // the same update as a plain write: the shared keys, the per-Service state and the Pod label
  // index must agree event by event, and with a state listed afresh.
  it('gives the keys, entries and label index the general path gives', () => {
    let statusOnlyEvents = 0;
    let listedStatusOnly = 0;
    fc.assert(
      fc.property(fc.array(podOp, { maxLength: 40 }), fc.boolean(), fc.boolean(), (ops, publish, named) => {
        const api = new FakeApi();
        const indexA = new EndpointsIndex();
        const indexB = new EndpointsIndex();
        const lastA = new Map<string, Pod>();
        const keysA: (readonly string[])[] = [];
        const keysB: (readonly string[])[] = [];
        const feed = (index: EndpointsIndex, ev: WatchEvent, keys: (readonly string[])[]) => {
          index.apply(ev);
          if (ev.kind !== 'Pod') return;
          const k = podServiceKeys(api, ev, index);
          keys.push([...k]);
          if (k.length) index.states.onPodEvent(ev, k);
        };
        api.listeners.push((ev) => {
          feed(indexB, ev, keysB);
          if (ev.kind !== 'Pod') return feed(indexA, ev, keysA);
          const o = ev.view as Pod;
          const prev = lastA.get(ev.name);
          let a: WatchEvent = ev;
          if (ev.type === 'MODIFIED' && prev) {
            const statusOnly =
              JSON.stringify({ ...o.metadata, resourceVersion: '' }) ===
                JSON.stringify({ ...prev.metadata, resourceVersion: '' }) &&
              JSON.stringify(o.spec) === JSON.stringify(prev.spec);
            const view = statusOnly
              ? ({
                  apiVersion: o.apiVersion,
                  kind: o.kind,
                  metadata: prev.metadata,
                  spec: prev.spec,
                  status: o.status,
                } as Pod)
              : o;
            const w = statusOnly
              ? prev.status?.phase === o.status?.phase
                ? STATUS_ONLY
                : STATUS_ONLY | PHASE_CHANGED
              : 0;
            a = {
              ...ev,
              object: view,
              view,
              old: prev,
              oldView: prev,
              name: ev.name,
              namespace: ev.namespace,
              statusWrite: w,
            };
            if (statusOnly) {
              statusOnlyEvents++;
              if (podCanBeListed(prev) && podCanBeListed(view)) listedStatusOnly++;
            }
          }
          if (ev.type === 'DELETED') lastA.delete(ev.name);
          else lastA.set(ev.name, a.view as Pod);
          feed(indexA, a, keysA);
        });
        const svc = createWeb(api, named, publish);
        const stA = indexA.states.get('default/web', svc, api, indexA);
        const stB = indexB.states.get('default/web', svc, api, indexB);
        for (const o of ops) {
          const n = keysA.length;
          step(api, o);
          expect(keysA.slice(n)).toEqual(keysB.slice(n));
          expect(stA.sorted().map(fields)).toEqual(stB.sorted().map(fields));
          expect(stA.version).toBe(stB.version);
          expect([...indexA.pods.candidates('default', { app: 'web' })].sort()).toEqual(
            [...indexB.pods.candidates('default', { app: 'web' })].sort(),
          );
          if (o.check) {
            const fresh = new ServiceStates().get('default/web', svc, api, undefined);
            expect(stA.sorted().map(fields)).toEqual(fresh.sorted().map(fields));
            expect(desiredEndpoints(svc, api, undefined, undefined, stA).subsets).toEqual(
              computeSubsets(svc, selectedPods(api, svc)),
            );
          }
        }
      }),
      { seed: 20261128, numRuns: 300 },
    );
    // The fast paths were taken, for Pods listed before and after too (withStatus).
    expect(statusOnlyEvents).toBeGreaterThan(200);
    expect(listedStatusOnly).toBeGreaterThan(100);
  });
});

describe('placeOf (an entry found by identity in a short ordered list)', () => {
  it('answers what the binary search finds there, on lists with equal entries too', () => {
    const entry = (ip: string, uid: string) =>
      new PodEntry(uid, 'default', uid, ip, true, false, undefined, undefined, undefined);
    const byIPThenUid = (a: PodEntry, b: PodEntry) =>
      a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
    const item = fc.record({
      ip: fc.constantFrom('10.1.0.2', '10.1.0.10', '10.1.0.9'),
      uid: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 24 }), fc.nat(), fc.boolean(), (items, pick, inside) => {
        const ordered = items.map((x) => entry(x.ip, x.uid)).sort(byIPThenUid);
        const e =
          inside && ordered.length ? (ordered[pick % ordered.length] as PodEntry) : entry('10.1.0.9', 'a');
        const i = position(ordered, e);
        expect(placeOf(ordered, e)).toBe(ordered[i] === e ? i : -1);
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });
});
