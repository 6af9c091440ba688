// Pods created from a stored object's pod template (server.ts storedTemplateSpec, defaults.ts
// defaultPodFromTemplate): the template is defaulted once and its Pods validated by their metadata
// once one validated clean. What is stored and every refusal must be what the full path gives.
import { describe, expect, it } from 'vitest';
import type { K8sObject, ReplicaSet } from '../api/types';
import { createCluster } from '../cluster';
import { parseManifests } from '../yaml';

// biome-ignore lint/suspicious/noExplicitAny: Pods are loosely typed JSON here.
type Any = any;

const TEMPLATE = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 0
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      volumes:
        - name: data
          emptyDir: {}
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80, name: http}]
          env: [{name: A, value: b}]
          volumeMounts: [{name: data, mountPath: /data}]
          readinessProbe: {httpGet: {port: 80}}
          resources: {requests: {cpu: 100m}}
        - name: side
          image: busybox
          command: [sleep, '3600']
`;

function setup(image = 'nginx:1.27') {
  const c = createCluster({ seed: 3 });
  const parsed = parseManifests(TEMPLATE.replace('nginx:1.27', `'${image}'`), 'rs.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(c.apply(parsed.docs).every((o: Any) => o.result.ok)).toBe(true);
  const { api, store } = c.internals;
  const rs = store.get('ReplicaSet', 'default', 'web') as ReplicaSet;
  const owner = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name: 'web',
    uid: rs.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  const pod = (spec: unknown, name: string, labels: Record<string, string> = { app: 'web' }) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels, ownerReferences: [owner] },
      spec,
    }) as unknown as K8sObject;
  return { api, rs, pod };
}

/** The stored JSON with the token volume's random name and the uid made alike. */
const norm = (o: Any) =>
  JSON.stringify({
    ...o,
    metadata: { ...o.metadata, uid: '', name: '', creationTimestamp: '', resourceVersion: '' },
  }).replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-xxxxx');

describe('Pods from a stored pod template', () => {
  it('are stored exactly as Pods from a copy of the template (the full path)', () => {
    const { api, rs, pod } = setup();
    const tpl = rs.spec.template.spec;
    for (let i = 0; i < 3; i++) {
      const a = api.create(pod(tpl, `a${i}`));
      const b = api.create(pod(structuredClone(tpl), `b${i}`));
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok) expect(norm(a.object)).toBe(norm(b.object));
    }
  });

  it("are refused with the full path's causes, every time", () => {
    const { api, rs, pod } = setup();
    const tpl = rs.spec.template.spec;
    const msgs = (r: Any) => (r.ok ? 'ok' : r.error.message);
    for (let i = 0; i < 2; i++) {
      // Valid spec, invalid metadata: only the metadata's causes, as the full path gives them.
      expect(msgs(api.create(pod(tpl, `ok${i}`)))).toBe('ok');
      expect(msgs(api.create(pod(tpl, `Bad_${i}`, { 'a/b/c': 'x' })))).toBe(
        msgs(api.create(pod(structuredClone(tpl), `Bad_${i}`, { 'a/b/c': 'x' }))),
      );
    }
  });

  it('a template a Pod may not have (an image with trailing whitespace): refused each time', () => {
    const { api, rs, pod } = setup('nginx ');
    const tpl = rs.spec.template.spec;
    const msgs = (r: Any) => (r.ok ? 'ok' : r.error.message);
    const full = msgs(api.create(pod(structuredClone(tpl), 'w')));
    expect(full).toContain('must not have leading or trailing whitespace');
    for (let i = 0; i < 3; i++) expect(msgs(api.create(pod(tpl, 'w')))).toBe(full);
  });
});

const VARIANTS: Record<string, string> = {
  'init containers (admission mounts the token in them too)': `
      initContainers:
        - name: init
          image: busybox
          command: [sh, -c, 'true']
      containers:
        - name: web
          image: nginx`,
  'automountServiceAccountToken false': `
      automountServiceAccountToken: false
      containers:
        - name: web
          image: nginx`,
  'a container already mounting at the token path': `
      volumes:
        - name: own
          emptyDir: {}
      containers:
        - name: web
          image: nginx
          volumeMounts: [{name: own, mountPath: /var/run/secrets/kubernetes.io/serviceaccount}]
        - name: side
          image: busybox`,
  'a volume already named kube-api-access-': `
      volumes:
        - name: kube-api-access-zzzzz
          emptyDir: {}
      containers:
        - name: web
          image: nginx`,
  'hostNetwork, limits only, a custom ServiceAccount with imagePullSecrets': `
      hostNetwork: true
      serviceAccountName: puller
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 8080}]
          resources: {limits: {cpu: 200m, memory: 64Mi}}`,
};

const SA = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: puller
imagePullSecrets: [{name: reg}]
`;

describe('Pods from a stored pod template: the admission paths other than the usual one', () => {
  for (const [name, spec] of Object.entries(VARIANTS))
    it(name, () => {
      const c = createCluster({ seed: 4 });
      const yaml = `${SA}---\n${TEMPLATE.replace(/\n {4}spec:\n[\s\S]*$/, `\n    spec:${spec}\n`)}`;
      const parsed = parseManifests(yaml, 'rs.yaml');
      if (!parsed.ok) throw new Error(parsed.error.message);
      const applied = c.apply(parsed.docs);
      expect(applied.map((o: Any) => (o.result.ok ? 'ok' : o.result.error.message))).toEqual(['ok', 'ok']);
      const { api, store } = c.internals;
      const rs = store.get('ReplicaSet', 'default', 'web') as ReplicaSet;
      const owner = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: rs.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      };
      const pod = (s: unknown, n: string) =>
        ({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: n, namespace: 'default', labels: { app: 'web' }, ownerReferences: [owner] },
          spec: s,
        }) as unknown as K8sObject;
      const tpl = rs.spec.template.spec;
      for (let i = 0; i < 3; i++) {
        const a = api.create(pod(tpl, `a${i}`));
        const b = api.create(pod(structuredClone(tpl), `b${i}`));
        const text = (r: Any) => (r.ok ? norm(r.object) : r.error.message.replace(/"[ab]\d"/g, '"x"'));
        expect(text(a)).toBe(text(b));
      }
    });
});

describe('Pods from templates written alike', () => {
  it('share the defaults of an equal template; a different key order is its own', () => {
    const c = createCluster({ seed: 5 });
    const second = TEMPLATE.replace('name: web\n', 'name: web2\n');
    // The same containers with their keys in another order: defaulted with that order.
    const reordered = TEMPLATE.replace('name: web\n', 'name: web3\n').replace(
      '        - name: side\n          image: busybox\n',
      '        - image: busybox\n          name: side\n',
    );
    const parsed = parseManifests(`${TEMPLATE}---\n${second}---\n${reordered}`, 'rs.yaml');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(c.apply(parsed.docs).every((o: Any) => o.result.ok)).toBe(true);
    const { api, store } = c.internals;
    const made: string[] = [];
    for (const name of ['web', 'web2', 'web3']) {
      const rs = store.get('ReplicaSet', 'default', name) as ReplicaSet;
      const owner = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name,
        uid: rs.metadata.uid,
        controller: true,
      };
      const pod = (spec: unknown, n: string) =>
        ({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: n, namespace: 'default', labels: { app: 'web' }, ownerReferences: [owner] },
          spec,
        }) as unknown as K8sObject;
      const tpl = rs.spec.template.spec;
      for (let i = 0; i < 2; i++) {
        const a = api.create(pod(tpl, `${name}-a${i}`));
        const b = api.create(pod(structuredClone(tpl), `${name}-b${i}`));
        if (!a.ok || !b.ok) throw new Error('refused');
        const strip = (o: Any) => norm({ ...o, metadata: { ...o.metadata, ownerReferences: [] } });
        expect(strip(a.object)).toBe(strip(b.object));
        if (i === 0) made.push(strip(a.object));
      }
    }
    expect(made[1]).toBe(made[0]);
    expect(made[2]).not.toBe(made[0]);
  });
});
