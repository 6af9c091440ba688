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
