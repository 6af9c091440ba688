// The ReplicaSet controller's Pods and status: Pods carry the template (labels, annotations, spec)
// and one controller ownerReference; status counts only active Pods, readiness and selector
// matches the way replica_set_utils.calculateStatus does. [K8S pkg/controller/replicaset]
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPodReady } from '../api/owners';
import type { Container, Pod, ReplicaSet } from '../api/types';
import { drive } from '../testing/driver';
import { countsChanged } from './replicaset';

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
    matchExpressions:
      - key: tier
        operator: In
        values: [front, edge]
  template:
    metadata:
      labels:
        app: web
        tier: front
      annotations:
        note: from-template
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - name: MODE
              value: demo
          resources:
            limits:
              memory: 64Mi
`;

describe('replicaset controller', () => {
  it('creates Pods from the template and leaves the stored template as it was', () => {
    const d = drive({ seed: 41 }).applyOk(RS);
    const rs = d.get('ReplicaSet', 'web') as ReplicaSet;
    const template = JSON.stringify(rs.spec.template);
    d.advance(30_000);
    const pods = d.pods() as Pod[];
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web', tier: 'front' });
      expect(p.metadata.annotations).toEqual({ note: 'from-template' });
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      const c = p.spec.containers[0] as (Container & { volumeMounts?: unknown[] }) | undefined;
      expect(c?.env).toEqual([{ name: 'MODE', value: 'demo' }]);
      // SetDefaults_Pod fills requests from limits on the Pod (not on the template, checked below).
      expect(c?.resources).toEqual({ limits: { memory: '64Mi' }, requests: { memory: '64Mi' } });
      // The ServiceAccount admission added its mount to the Pod's container, not the template's.
      expect(c?.volumeMounts).toHaveLength(1);
    }
    const after = d.get('ReplicaSet', 'web') as ReplicaSet;
    expect(JSON.stringify(after.spec.template)).toBe(template);
    expect(after.status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
  });

  it('counts Terminating Pods apart and replaces them at once', () => {
    const d = drive({ seed: 42 }).applyOk(RS).advance(30_000);
    const victim = (d.pods() as Pod[])[0] as Pod;
    d.delete('Pod', victim.metadata.name);
    const st = (d.get('ReplicaSet', 'web') as ReplicaSet).status as unknown as Record<string, number>;
    expect(st.replicas).toBe(3);
    expect(st.terminatingReplicas).toBe(1);
    expect(d.pods()).toHaveLength(4);
    d.advance(60_000);
    expect((d.get('ReplicaSet', 'web') as ReplicaSet).status).not.toHaveProperty('terminatingReplicas');
  });

  it('fullyLabeledReplicas counts the Pods carrying all the template labels, not selector matches', () => {
    const d = drive({ seed: 43 }).applyOk(RS).advance(30_000);
    const pod = (d.pods() as Pod[])[0] as Pod;
    // tier=edge still satisfies the selector (tier In [front, edge]), so the Pod stays claimed and
    // counted, but it lacks the template's tier=front: calculateStatus leaves it out of
    // fullyLabeledReplicas.
    d.tap((c) => {
      const r = c.update({
        ...pod,
        metadata: { ...pod.metadata, labels: { app: 'web', tier: 'edge', x: 'y' } },
      });
      expect(r.ok).toBe(true);
    });
    d.advance(5_000);
    expect((d.get('Pod', pod.metadata.name) as Pod).metadata.ownerReferences).toHaveLength(1);
    expect(d.pods()).toHaveLength(3);
    const st = (d.get('ReplicaSet', 'web') as ReplicaSet).status as unknown as Record<string, number>;
    expect(st.replicas).toBe(3);
    expect(st.readyReplicas).toBe(3);
    expect(st.fullyLabeledReplicas).toBe(2);
    // Extra labels do not matter: a Pod with the template's labels and more is fully labelled.
    const other = (d.pods() as Pod[]).find((p) => p.metadata.name !== pod.metadata.name) as Pod;
    d.tap((c) => {
      const r = c.update({
        ...other,
        metadata: { ...other.metadata, labels: { app: 'web', tier: 'front', debug: 'on' } },
      });
      expect(r.ok).toBe(true);
    });
    expect(
      ((d.get('ReplicaSet', 'web') as ReplicaSet).status as unknown as Record<string, number>)
        .fullyLabeledReplicas,
    ).toBe(2);
  });

  it('releases a Pod relabelled out of matchExpressions and creates a replacement', () => {
    const d = drive({ seed: 44 }).applyOk(RS).advance(30_000);
    const pod = (d.pods() as Pod[])[0] as Pod;
    d.tap((c) => {
      const r = c.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'web', tier: 'back' } } });
      expect(r.ok).toBe(true);
    });
    const released = d.get('Pod', pod.metadata.name) as Pod;
    expect(released.metadata.ownerReferences).toBeUndefined();
    d.advance(30_000);
    expect(d.pods()).toHaveLength(4);
    expect((d.get('Pod', pod.metadata.name) as Pod).status?.phase).toBe('Running');
    expect((d.get('ReplicaSet', 'web') as ReplicaSet).status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
  });
});

describe('countsChanged (which Pod updates queue the ReplicaSet)', () => {
  // The definition, field by field; the controller's version takes shortcuts on shared objects.
  // spec.nodeName is not among them: a bind changes no count (see countsChanged).
  const reference = (a: Pod, b: Pod) =>
    isPodReady(a) !== isPodReady(b) ||
    a.status?.phase !== b.status?.phase ||
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp ||
    JSON.stringify(a.metadata.labels) !== JSON.stringify(b.metadata.labels) ||
    JSON.stringify(a.metadata.ownerReferences) !== JSON.stringify(b.metadata.ownerReferences);

  it('agrees with the field-by-field definition, with and without shared status/metadata objects', () => {
    const cond = fc.record({
      type: fc.constantFrom('Ready', 'ContainersReady'),
      status: fc.constantFrom('True', 'False'),
    });
    const status = fc.option(
      fc.record(
        {
          phase: fc.constantFrom('Pending', 'Running', 'Failed'),
          conditions: fc.array(cond, { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    );
    const pod = fc.record({
      labels: fc.option(fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('a', 'b')), {
        nil: undefined,
      }),
      deletionTimestamp: fc.option(fc.constant('2026-01-08T09:30:00Z'), { nil: undefined }),
      nodeName: fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }),
      status,
    });
    type Gen = { labels?: unknown; deletionTimestamp?: unknown; nodeName?: unknown; status?: unknown };
    const build = (p: Gen) =>
      ({
        metadata: { name: 'p', labels: p.labels, deletionTimestamp: p.deletionTimestamp },
        spec: { nodeName: p.nodeName },
        status: p.status,
      }) as unknown as Pod;
    fc.assert(
      fc.property(pod, pod, fc.nat(3), (pa, pb, share) => {
        const a = build(pa);
        let b = build(pb);
        // Share what a status write / bind / deletion mark shares.
        if (share & 1) b = { ...b, status: a.status };
        if (share & 2)
          b = { ...b, metadata: { ...b.metadata, labels: a.metadata.labels } as Pod['metadata'] };
        expect(countsChanged(a, b)).toBe(reference(a, b));
      }),
      { seed: 20261127, numRuns: 3000 },
    );
  });
});
