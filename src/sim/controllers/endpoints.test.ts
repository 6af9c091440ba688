import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, Service } from '../api/types';
import { FakeApi, Loop, pod, service, testRng } from '../net/test-helpers';
import { getProfile } from '../profiles';
import { manualEndpoints } from '../testing/endpoints';
import { createEndpointsController } from './endpoints';
import { createKubernetesEndpointsController } from './endpoints-kubernetes';
import { createEndpointSliceController } from './endpointslice';
import { createEndpointSliceMirroringController } from './endpointslice-mirroring';

function setup() {
  const api = new FakeApi();
  const loop = new Loop(
    api,
    [
      createEndpointsController(api),
      createEndpointSliceController(api),
      createEndpointSliceMirroringController(),
      createKubernetesEndpointsController(getProfile()),
    ],
    testRng(7),
  );
  return { api, loop };
}
const ep = (api: FakeApi, name: string, ns = 'default') =>
  api.get('Endpoints', ns, name) as Endpoints | undefined;
const slices = (api: FakeApi, svc: string) =>
  api
    .list('EndpointSlice')
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc) as EndpointSlice[];

describe('Endpoints controller (§C5)', () => {
  it('ready pods → addresses, not-ready → notReadyAddresses, sorted as strings', () => {
    const { api, loop } = setup();
    api.create(service('web', { selector: { app: 'web' } }));
    api.create(pod('w9', { labels: { app: 'web' }, ip: '10.1.0.9' }));
    api.create(pod('w10', { labels: { app: 'web' }, ip: '10.1.0.10' }));
    api.create(pod('w2', { labels: { app: 'web' }, ip: '10.1.0.2', ready: false }));
    api.create(pod('other', { labels: { app: 'x' }, ip: '10.1.0.3' }));
    loop.runUntilIdle();
    const e = ep(api, 'web');
    expect(e?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.1.0.10', '10.1.0.9']);
    expect(e?.subsets?.[0]?.notReadyAddresses?.map((a) => a.ip)).toEqual(['10.1.0.2']);
    expect(e?.subsets?.[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(e?.subsets?.[0]?.addresses?.[0]?.targetRef).toMatchObject({ kind: 'Pod', name: 'w10' });
    expect(e?.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(
      '2026-01-01T00:00:00Z',
    );
    expect(e?.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror']).toBe('true');
  });

  it('skips pods with no IP, terminal and terminating pods (unless publishNotReadyAddresses)', () => {
    const { api, loop } = setup();
    api.create(service('s', { selector: { app: 's' } }));
    api.create(
      service('p', { selector: { app: 's' }, clusterIP: '10.96.100.2', publishNotReadyAddresses: true }),
    );
    api.create(pod('noip', { labels: { app: 's' } }));
    api.create(pod('done', { labels: { app: 's' }, ip: '10.1.0.4', phase: 'Succeeded' }));
    api.create(pod('term', { labels: { app: 's' }, ip: '10.1.0.5', terminating: true }));
    api.create(pod('unready', { labels: { app: 's' }, ip: '10.1.0.6', ready: false }));
    loop.runUntilIdle();
    expect(ep(api, 's')?.subsets).toEqual([
      {
        notReadyAddresses: [expect.objectContaining({ ip: '10.1.0.6' })],
        ports: [{ port: 80, protocol: 'TCP' }],
      },
    ]);
    // publishNotReadyAddresses: terminating and not-ready pods are published as ready addresses.
    expect(ep(api, 'p')?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.1.0.5', '10.1.0.6']);
  });

  it('numeric targetPort is used as is; a named one is looked up and pods without it are left out', () => {
    const { api, loop } = setup();
    api.create(service('num', { selector: { app: 'a' }, ports: [{ port: 8080, targetPort: 9999 }] }));
    api.create(
      service('named', {
        selector: { app: 'a' },
        clusterIP: '10.96.100.3',
        ports: [{ port: 80, targetPort: 'http' }],
      }),
    );
    api.create(
      pod('with', { labels: { app: 'a' }, ip: '10.1.0.7', ports: [{ name: 'http', containerPort: 8000 }] }),
    );
    api.create(pod('without', { labels: { app: 'a' }, ip: '10.1.0.8' }));
    api.create(
      pod('udp', {
        labels: { app: 'a' },
        ip: '10.1.0.9',
        ports: [{ name: 'http', containerPort: 53, protocol: 'UDP' }],
      }),
    );
    loop.runUntilIdle();
    expect(ep(api, 'num')?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual([
      '10.1.0.7',
      '10.1.0.8',
      '10.1.0.9',
    ]);
    expect(ep(api, 'num')?.subsets?.[0]?.ports).toEqual([{ port: 9999, protocol: 'TCP' }]);
    expect(ep(api, 'named')?.subsets).toEqual([
      { addresses: [expect.objectContaining({ ip: '10.1.0.7' })], ports: [{ port: 8000, protocol: 'TCP' }] },
    ]);
  });

  it('exists with no subsets when nothing matches, and survives its pods going away', () => {
    const { api, loop } = setup();
    api.create(service('sleep-2', { selector: { app: 'sleep-2' } }));
    api.create(pod('p', { labels: { app: 'sleep-2' }, ip: '10.1.0.31' }));
    loop.runUntilIdle();
    expect(ep(api, 'sleep-2')?.subsets).toHaveLength(1);
    api.delete('Pod', 'default', 'p');
    loop.runUntilIdle();
    expect(ep(api, 'sleep-2')).toBeDefined();
    expect(ep(api, 'sleep-2')?.subsets).toBeUndefined();
    // The placeholder slice: null endpoints and ports (kubectl shows <unset>).
    expect(slices(api, 'sleep-2').map((s) => [s.endpoints, s.ports])).toEqual([[null, null]]);
  });

  it('skips ExternalName and selectorless Services; deletes Endpoints (even user-written) with the Service', () => {
    const { api, loop } = setup();
    api.create(service('ext', { type: 'ExternalName', externalName: 'raw.githubusercontent.com' }));
    api.create(service('manual', { clusterIP: '10.96.100.9' }));
    loop.runUntilIdle();
    expect(ep(api, 'ext')).toBeUndefined();
    expect(ep(api, 'manual')).toBeUndefined();
    api.create(manualEndpoints('manual'));
    loop.runUntilIdle();
    expect(ep(api, 'manual')?.subsets?.[0]?.addresses).toEqual([{ ip: '192.168.123.234' }]); // untouched
    const mirrored = slices(api, 'manual');
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]?.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslicemirroring-controller.k8s.io',
    );
    expect(mirrored[0]?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Endpoints', name: 'manual' });
    expect(mirrored[0]?.endpoints?.[0]?.addresses).toEqual(['192.168.123.234']);
    api.delete('Service', 'default', 'manual');
    loop.runUntilIdle();
    expect(ep(api, 'manual')).toBeUndefined();
    expect(slices(api, 'manual')).toEqual([]);
  });

  it('a Service updated to another selector, then to none, is computed from the new object', () => {
    // The controllers keep a per-Service state for the Service object they built it for
    // (ServiceStates.current): a new object must not be answered from the old one's.
    const { api, loop } = setup();
    api.create(service('web', { selector: { app: 'web' } }));
    api.create(pod('w1', { labels: { app: 'web' }, ip: '10.1.0.2', ready: true }));
    api.create(pod('o1', { labels: { app: 'other' }, ip: '10.1.0.3', ready: true }));
    loop.runUntilIdle();
    const ips = () => ep(api, 'web')?.subsets?.[0]?.addresses?.map((a) => a.ip);
    const sliceIps = () => slices(api, 'web').flatMap((s) => (s.endpoints ?? []).map((e) => e.addresses[0]));
    expect(ips()).toEqual(['10.1.0.2']);
    const svc = api.get('Service', 'default', 'web') as Service;
    api.update({ ...svc, spec: { ...svc.spec, selector: { app: 'other' } } } as Service);
    loop.runUntilIdle();
    expect(ips()).toEqual(['10.1.0.3']);
    expect(sliceIps()).toEqual(['10.1.0.3']);
    const now = api.get('Service', 'default', 'web') as Service;
    const { selector: _, ...rest } = now.spec;
    api.update({ ...now, spec: rest } as Service);
    api.create(pod('o2', { labels: { app: 'other' }, ip: '10.1.0.4', ready: true }));
    loop.runUntilIdle();
    // Selectorless: its Endpoints are left as they were, its managed slices removed.
    expect(ips()).toEqual(['10.1.0.3']);
    expect(sliceIps()).toEqual([]);
  });

  it('reconciling twice writes nothing the second time', () => {
    const { api, loop } = setup();
    api.create(service('web', { selector: { app: 'web' } }));
    for (let i = 2; i < 8; i++)
      api.create(pod(`w${i}`, { labels: { app: 'web' }, ip: `10.1.0.${i}`, ready: i % 2 === 0 }));
    loop.runUntilIdle();
    const before = api.writes;
    for (const c of loop.controllers) loop.enqueue(c, 'default/web');
    loop.runUntilIdle();
    expect(api.writes).toBe(before);
  });
});

describe('EndpointSlice controller', () => {
  it('names slices <svc>-<5 chars>, labels and owns them, and keeps terminating pods with ready=false', () => {
    const { api, loop } = setup();
    api.create(service('sleep-2', { selector: { app: 'sleep-2' } }));
    api.create(pod('a', { labels: { app: 'sleep-2' }, ip: '10.1.0.31' }));
    api.create(pod('b', { labels: { app: 'sleep-2' }, ip: '10.1.0.32', terminating: true }));
    loop.runUntilIdle();
    const [s, ...rest] = slices(api, 'sleep-2');
    expect(rest).toEqual([]);
    expect(s?.metadata.name).toMatch(/^sleep-2-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s?.metadata.labels).toMatchObject({
      'kubernetes.io/service-name': 'sleep-2',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(s?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Service',
      name: 'sleep-2',
      controller: true,
    });
    expect(s?.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(s?.endpoints?.map((e) => [e.addresses[0], e.conditions])).toEqual([
      ['10.1.0.31', { ready: true, serving: true, terminating: false }],
      ['10.1.0.32', { ready: false, serving: true, terminating: true }],
    ]);
    // The Endpoints object drops the terminating pod entirely.
    expect(ep(api, 'sleep-2')?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.1.0.31']);
  });

  it('keeps the slice name when endpoints change', () => {
    const { api, loop } = setup();
    api.create(service('web', { selector: { app: 'web' } }));
    loop.runUntilIdle();
    const name = slices(api, 'web')[0]?.metadata.name;
    api.create(pod('a', { labels: { app: 'web' }, ip: '10.1.0.5' }));
    loop.runUntilIdle();
    expect(slices(api, 'web').map((s) => s.metadata.name)).toEqual([name]);
  });

  it('its own slice writes enqueue nothing, but a user edit or delete of a managed slice is undone', () => {
    const { api, loop } = setup();
    const slice = loop.controllers.find((c) => c.name === 'endpointslice-controller');
    const mirror = loop.controllers.find((c) => c.name === 'endpointslicemirroring-controller');
    let sliceRuns = 0;
    let mirrorRuns = 0;
    for (const [c, bump] of [
      [slice, () => sliceRuns++],
      [mirror, () => mirrorRuns++],
    ] as const) {
      const run = c?.reconcile.bind(c);
      if (c && run)
        (c as { reconcile: typeof run }).reconcile = (k, ctx) => {
          bump();
          run(k, ctx);
        };
    }
    api.create(service('web', { selector: { app: 'web' } }));
    loop.runUntilIdle();
    api.create(pod('a', { labels: { app: 'web' }, ip: '10.1.0.5' }));
    loop.runUntilIdle();
    // Service ADDED, Pod ADDED: one reconcile each, none for the slice create/update they wrote;
    // the Endpoints it labels skip-mirror are not queued for mirroring (only the Service is).
    expect(sliceRuns).toBe(2);
    expect(mirrorRuns).toBe(1);
    const [s] = slices(api, 'web');
    if (!s) throw new Error('no slice');
    api.update({ ...s, endpoints: [] } as EndpointSlice);
    loop.runUntilIdle();
    expect(slices(api, 'web')[0]?.endpoints?.map((e) => e.addresses[0])).toEqual(['10.1.0.5']);
    api.delete('EndpointSlice', 'default', s.metadata.name);
    loop.runUntilIdle();
    expect(slices(api, 'web').map((x) => x.endpoints?.map((e) => e.addresses[0]))).toEqual([['10.1.0.5']]);
  });

  it('writes the kubernetes Endpoints and the slice named `kubernetes`', () => {
    const { api, loop } = setup();
    api.create(
      service('kubernetes', {
        clusterIP: '10.96.0.1',
        ports: [{ name: 'https', port: 443, targetPort: 6443 }],
      }),
    );
    loop.runUntilIdle();
    expect(ep(api, 'kubernetes')?.subsets).toEqual([
      { addresses: [{ ip: '192.168.65.3' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
    ]);
    expect(slices(api, 'kubernetes').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });
});

describe('Endpoints controller watch semantics', () => {
  it('leaves a user Endpoints written before its Service alone, and restores a deleted managed one', () => {
    const { api, loop } = setup();
    api.create(manualEndpoints('later'));
    loop.runUntilIdle();
    expect(ep(api, 'later')).toBeDefined();
    api.create(service('web', { selector: { app: 'web' } }));
    api.create(pod('w', { labels: { app: 'web' }, ip: '10.1.0.5' }));
    loop.runUntilIdle();
    api.delete('Endpoints', 'default', 'web');
    loop.runUntilIdle();
    expect(ep(api, 'web')?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.1.0.5']);
  });

  it('a user edit of managed Endpoints is undone by the next Pod event, even one that cannot change them', () => {
    const { api, loop } = setup();
    api.create(service('web', { selector: { app: 'web' } }));
    api.create(pod('a', { labels: { app: 'web' }, ip: '10.1.0.5' }));
    loop.runUntilIdle();
    const cur = ep(api, 'web') as Endpoints;
    const edited: Endpoints = {
      ...cur,
      subsets: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 1, protocol: 'TCP' }] }],
    };
    api.update(edited);
    loop.runUntilIdle();
    expect(ep(api, 'web')?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['1.2.3.4']); // not queued
    // A Pod with no IP yet cannot be listed, but its event still queues the Service, whose
    // reconcile sees the stored Endpoints are no longer the ones it wrote.
    const b = pod('b', { labels: { app: 'web' } });
    api.create({ ...b, status: { ...b.status, phase: 'Pending' } });
    loop.runUntilIdle();
    expect(ep(api, 'web')?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.1.0.5']);
  });

  it('a managed slice relabelled to another Service is replaced at its own Service’s next reconcile', () => {
    const { api, loop } = setup();
    api.create(service('web', { selector: { app: 'web' } }));
    api.create(pod('a', { labels: { app: 'web' }, ip: '10.1.0.5' }));
    loop.runUntilIdle();
    const [s] = slices(api, 'web');
    if (!s) throw new Error('no slice');
    const labels = { ...s.metadata.labels, 'kubernetes.io/service-name': 'gone' };
    api.update({ ...s, metadata: { ...s.metadata, labels } } as EndpointSlice);
    loop.runUntilIdle();
    expect(slices(api, 'web')).toEqual([]); // the event names `gone`, not `web` (as before)
    const b = pod('b', { labels: { app: 'web' } });
    api.create({ ...b, status: { ...b.status, phase: 'Pending' } });
    loop.runUntilIdle();
    expect(slices(api, 'web').map((x) => x.endpoints?.map((e) => e.addresses[0]))).toEqual([['10.1.0.5']]);
  });

  it('SRV weight never drops below 1 (150 endpoints ⇒ floor(100/150) = 0 ⇒ 1)', async () => {
    const { netHarness } = await import('../net/test-helpers');
    const h = netHarness();
    h.api.create(
      service('big', { clusterIP: 'None', selector: { app: 'big' }, ports: [{ name: 'http', port: 80 }] }),
    );
    for (let i = 0; i < 150; i++)
      h.api.create(pod(`b${i}`, { labels: { app: 'big' }, ip: `10.2.${Math.floor(i / 200)}.${i + 1}` }));
    h.loop.runUntilIdle();
    const srv = h.net.query('_http._tcp.big.default.svc.cluster.local', 'SRV').records;
    expect(srv).toHaveLength(150);
    expect(new Set(srv.map((r) => r.value.split(' ')[1]))).toEqual(new Set(['1']));
    // 100 endpoints per slice ⇒ two slices.
    expect(slices(h.api, 'big')).toHaveLength(2);
  });
});
