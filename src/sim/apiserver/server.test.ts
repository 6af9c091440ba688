// The API server's update path: what a controller's write may share with the stored object
// (its metadata, checks of what it carries over) without any change in what is stored.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { getProfile } from '../profiles';
import { ManualClock } from '../runtime/clock';
import { createRng } from '../runtime/rng';
import { ApiServer } from './server';
import { Store } from './store';
import { validate } from './validation';

// biome-ignore lint/suspicious/noExplicitAny: tests build loosely typed objects.
type Any = any;

function setup() {
  const store = new Store();
  const api = new ApiServer(store, new ManualClock(), createRng(7).fork('apiserver'), getProfile());
  expect(
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as K8sObject).ok,
  ).toBe(true);
  return { store, api };
}

const deployment = (name: string) =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      },
    },
  }) as unknown as K8sObject;

describe('ApiServer.update', () => {
  it("never writes to the caller's metadata, also when the spec change bumps the generation", () => {
    const { api } = setup();
    const d = (api.create(deployment('web')) as Any).object;
    const meta = Object.freeze({ ...d.metadata }); // a write to it would throw (ESM is strict)
    const r = api.update({ ...d, metadata: meta, spec: { ...d.spec, replicas: 3 } });
    expect(r.ok).toBe(true);
    const stored = (r as Any).object;
    expect(stored.metadata.generation).toBe(2);
    expect(meta.generation).toBe(1);
    expect(stored.metadata).not.toBe(meta);
    expect(Object.keys(stored.metadata)).toEqual(Object.keys(d.metadata));
    // Same spec: same generation, a new resourceVersion only because the labels changed.
    const r2 = api.update({ ...stored, metadata: { ...stored.metadata, labels: { app: 'web', x: 'y' } } });
    expect((r2 as Any).object.metadata.generation).toBe(2);
    expect(+(r2 as Any).object.metadata.resourceVersion).toBeGreaterThan(+stored.metadata.resourceVersion);
  });

  it('puts back the system fields a caller changed or dropped, appended as a spread copy would', () => {
    const { api } = setup();
    const d = (api.create(deployment('web')) as Any).object;
    const { uid: _uid, creationTimestamp: _ct, ...rest } = d.metadata;
    const r = api.update({ ...d, metadata: { ...rest, labels: { app: 'web', v: '2' } } });
    const m = (r as Any).object.metadata;
    expect(m.uid).toBe(d.metadata.uid);
    expect(m.creationTimestamp).toBe(d.metadata.creationTimestamp);
    const keys = Object.keys(m);
    expect(keys.slice(-2)).toEqual(['uid', 'creationTimestamp']);
    const r2 = api.update({
      ...d,
      metadata: { ...d.metadata, uid: 'other', labels: { app: 'web', v: '3' } },
    });
    expect((r2 as Any).object.metadata.uid).toBe(d.metadata.uid);
  });

  it("a user's update is validated in full; a controller's skips only what it carries over unchanged", () => {
    const { api, store } = setup();
    const d = (api.create(deployment('web')) as Any).object;
    const bad = { 'bad key!': 'v' };
    const user = api.update({ ...d, metadata: { ...d.metadata, labels: bad } }, { external: true });
    expect(user.ok).toBe(false);
    const ctrl = api.update({ ...d, metadata: { ...d.metadata, labels: bad } });
    expect(ctrl.ok).toBe(false);
    expect(store.get('Deployment', 'default', 'web')).toBe(d);
  });
});

describe('validate with the stored object (a controller update)', () => {
  const pod = (labels: Record<string, string>) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', labels },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    }) as unknown as K8sObject;

  it('skips the labels check only for the very labels object the stored object holds', () => {
    // An `old` no create would have stored: it shows which checks are skipped.
    const labels = { 'bad key!': 'v' };
    const old = pod(labels);
    expect(validate(pod(labels), old, true)).toEqual([]);
    expect(validate(pod(labels), old, false)).toHaveLength(1);
    expect(validate(pod({ ...labels }), old, true)).toHaveLength(1);
    const event = { ...pod(labels), kind: 'Event' } as K8sObject; // Events are never validated
    expect(validate({ ...event }, event, true)).toHaveLength(1);
  });

  it('skips a Deployment template check only when selector and template are both the stored ones', () => {
    const d = deployment('web') as Any;
    const old = { ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [] } } } };
    expect(validate({ ...old, spec: { ...old.spec, replicas: 2 } }, old, true)).toEqual([]);
    expect(validate({ ...old, spec: { ...old.spec, replicas: 2 } }, old, false)).toHaveLength(1);
    const sel = { matchLabels: { app: 'web' } };
    expect(validate({ ...old, spec: { ...old.spec, selector: sel } }, old, true)).toHaveLength(1);
  });

  it('skips an Endpoints address only when it is the stored one at the same index', () => {
    const a = { ip: '10.1.0.300' };
    const b = { ip: '10.1.0.7' };
    const ep = (addresses: unknown[]) =>
      ({
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'e', namespace: 'default' },
        subsets: [{ addresses, ports: [{ port: 80 }] }],
      }) as unknown as K8sObject;
    const old = ep([a, b]);
    expect(validate(ep([a, b]), old, true)).toEqual([]);
    expect(validate(ep([b, a]), old, true).map((e) => e.field)).toEqual(['subsets[0].addresses[1].ip']);
    expect(validate(ep([a, b]), old, false)).toHaveLength(1);
    expect(validate(old, old, true)).toEqual([]); // the same subset object: not looked into
  });
});

describe('ApiServer.create of Pods from a stored template', () => {
  const rs = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-1', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
      },
    },
  } as unknown as K8sObject;
  const podFrom = (owner: Any, spec: unknown, name?: string) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...(name ? { name } : { generateName: `${owner.metadata.name}-` }),
        namespace: 'default',
        labels: { app: 'web' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: owner.metadata.name,
            uid: owner.metadata.uid,
            controller: true,
          },
        ],
      },
      spec,
    }) as unknown as K8sObject;
  // What the spec of a Pod created the ordinary way (no stored template) looks like, minus the
  // token volume's random name.
  const shape = (p: Any) =>
    JSON.stringify(p.spec).replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-XXXXX');

  it('makes the same spec as a Pod from a plain copy of the template, each Pod with its own containers', () => {
    const { api } = setup();
    const owner = (api.create(rs) as Any).object;
    const tpl = owner.spec.template.spec;
    const a = (api.create(podFrom(owner, tpl)) as Any).object;
    const b = (api.create(podFrom(owner, tpl)) as Any).object;
    const plain = (api.create(podFrom(owner, structuredClone(tpl), 'plain')) as Any).object;
    expect(shape(a)).toBe(shape(plain));
    expect(shape(b)).toBe(shape(plain));
    expect(Object.keys(a.spec)).toEqual(Object.keys(plain.spec));
    expect(a.spec.containers).not.toBe(b.spec.containers);
    expect(a.spec.containers[0]).not.toBe(b.spec.containers[0]);
    expect(a.spec.volumes[0].name).not.toBe(b.spec.volumes[0].name);
    expect(a.spec.containers[0].volumeMounts[0].name).toBe(a.spec.volumes[0].name);
    expect(tpl.containers[0].volumeMounts).toBeUndefined(); // the template is untouched
  });

  it("checks a Pod's own labels in full even when its spec is the stored template's", () => {
    const { api } = setup();
    const owner = (api.create(rs) as Any).object;
    const tpl = owner.spec.template.spec;
    expect(api.create(podFrom(owner, tpl)).ok).toBe(true);
    const bad: Any = podFrom(owner, tpl);
    bad.metadata.labels = { 'bad key!': 'v' };
    const r = api.create(bad);
    expect(r.ok).toBe(false);
    expect((r as Any).error.message).toContain('metadata.labels: Invalid value: "bad key!"');
    const own: Any = podFrom(owner, tpl);
    own.metadata.labels = owner.spec.template.metadata.labels; // the template's own: fine
    expect(api.create(own).ok).toBe(true);
  });

  it("a caller's own spec object is defaulted afresh on every create, even when reused after a change", () => {
    const { api } = setup();
    const owner = (api.create(rs) as Any).object;
    const spec = structuredClone(owner.spec.template.spec); // not the stored template
    const a = (api.create(podFrom(owner, spec)) as Any).object;
    spec.containers[0].image = 'nginx:1.27';
    spec.containers[0].name = 'Bad_Name';
    const b = api.create(podFrom(owner, spec));
    expect(a.spec.containers[0].image).toBe('nginx');
    expect(b.ok).toBe(false);
    spec.containers[0].name = 'web';
    const c = (api.create(podFrom(owner, spec)) as Any).object;
    expect(c.spec.containers[0].image).toBe('nginx:1.27');
  });
});
