// fast-check (seed 20261126): random StatefulSets on kind — replicas, OrderedReady or Parallel,
// image changes with a partition, Pods deleted by hand, time in between — settle to exactly the
// Pods web-<start>…web-<start+replicas-1>, each Running and Ready under its own name, those at or
// above the partition (index) on the update revision's image, status counting them, and a
// hand-run reconcile that writes nothing (worked out from the final spec, not from the
// controller's code).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { createCluster } from '../cluster';
import type { ControllerContext } from '../runtime/interfaces';
import { statefulSetSync } from './statefulset-controller';

// biome-ignore lint/suspicious/noExplicitAny: test manifests.
type Any = any;

const setDoc = (replicas: number, policy: string, image: string, partition: number): Any => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    serviceName: 'nginx',
    replicas,
    podManagementPolicy: policy,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition } },
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image }] } },
  },
});

const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant<'write'>('write'),
    replicas: fc.integer({ min: 0, max: 4 }),
    image: fc.constantFrom('nginx:1.27', 'nginx:1.28'),
    partition: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant<'delete'>('delete'), ordinal: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant<'wait'>('wait'), ms: fc.integer({ min: 1, max: 20_000 }) }),
);

describe('StatefulSet controller (property)', () => {
  it('settles to the spec from any sequence of writes, deletes and waits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('OrderedReady', 'Parallel'),
        fc.array(stepArb, { maxLength: 8 }),
        (policy, steps) => {
          const c = createCluster({ seed: 11, profile: 'kind' });
          let spec = { replicas: 2, image: 'nginx:1.27', partition: 0 };
          expect(c.create(setDoc(2, policy, spec.image, 0)).ok).toBe(true);
          for (const s of steps) {
            if (s.kind === 'write') {
              spec = { replicas: s.replicas, image: s.image, partition: s.partition };
              const cur = c.get('StatefulSet', 'default', 'web') as Any;
              const next = setDoc(s.replicas, policy, s.image, s.partition);
              expect(c.update({ ...cur, spec: { ...cur.spec, ...next.spec } }).ok).toBe(true);
            } else if (s.kind === 'delete') {
              if (c.get('Pod', 'default', `web-${s.ordinal}`)) c.delete('Pod', 'default', `web-${s.ordinal}`);
            } else c.advance(s.ms);
          }
          c.advance(240_000);
          const pods = (c.list('Pod', { namespace: 'default', labelSelector: 'app=nginx' }) as Pod[]).sort(
            (a, b) => a.metadata.name.localeCompare(b.metadata.name),
          );
          const want = Array.from({ length: spec.replicas }, (_, i) => `web-${i}`);
          expect(pods.map((p) => p.metadata.name)).toEqual(want);
          for (const p of pods) {
            expect(p.metadata.deletionTimestamp).toBeUndefined();
            expect(p.status?.phase).toBe('Running');
            expect(p.spec.hostname).toBe(p.metadata.name);
            expect(p.metadata.labels?.['statefulset.kubernetes.io/pod-name']).toBe(p.metadata.name);
          }
          const set = c.get('StatefulSet', 'default', 'web') as Any;
          const st = set.status;
          const upd = st.updateRevision;
          pods.forEach((p, i) => {
            if (i >= spec.partition) {
              expect(p.spec.containers[0]?.image).toBe(spec.image);
              expect(p.metadata.labels?.['controller-revision-hash']).toBe(upd);
            }
          });
          const updated = pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] === upd).length;
          expect(st.replicas).toBe(spec.replicas);
          expect(st.readyReplicas ?? 0).toBe(spec.replicas);
          expect(st.availableReplicas).toBe(spec.replicas);
          expect(st.updatedReplicas ?? 0).toBe(updated);
          expect(st.observedGeneration).toBe(set.metadata.generation);
          if (updated === spec.replicas) expect(st.currentRevision).toBe(upd);
          // A hand-run reconcile writes nothing.
          const { api, clock } = (c as Any).internals;
          const writes: string[] = [];
          const w = () => {
            writes.push('write');
            return { ok: true, object: {} } as const;
          };
          const ctx = {
            store: api.store,
            api: { create: w, update: w, updateStatus: w, delete: w },
            clock,
            events: { record: () => writes.push('event') },
            requeueAfter: () => writes.push('requeue'),
          } as unknown as ControllerContext;
          statefulSetSync(api, 'StatefulSet/default/web', ctx);
          expect(writes).toEqual([]);
          return true;
        },
      ),
      { numRuns: 30, seed: 20261126 },
    );
  });
});
