// fast-check (seed 20261126): a Deployment of 0-4 replicas under a random budget (an int or a
// percent minAvailable or maxUnavailable). The controller's status follows getExpectedPodCount and
// updatePdbStatus [K8S 1.34 pkg/controller/disruption/disruption.go]: expectedPods is the scale
// (the Pod count for an integer minAvailable), percentages round up, disruptionsAllowed is
// currentHealthy - desiredHealthy floored at 0 (0 when nothing is expected); a resync writes
// nothing; an eviction goes through exactly when disruptionsAllowed > 0 and takes one from it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod, PodDisruptionBudget } from '../api/types';
import { createCluster } from '../cluster';

const budgetArb = fc.oneof(
  fc.record({ minAvailable: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ minAvailable: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`) }),
  fc.record({ maxUnavailable: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ maxUnavailable: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`) }),
);

const up = (v: number | string, total: number) =>
  typeof v === 'number' ? v : Math.ceil((Number(v.slice(0, -1)) * total) / 100);

describe('disruption controller (property)', () => {
  it('status, resync and eviction agree with the budget for any replicas and budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), budgetArb, (replicas, budget) => {
        const c = createCluster({ seed: 5 });
        const results = c.apply([
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web' },
            spec: {
              replicas,
              selector: { matchLabels: { app: 'web' } },
              template: {
                metadata: { labels: { app: 'web' } },
                spec: { containers: [{ name: 'c', image: 'nginx' }] },
              },
            },
          },
          {
            apiVersion: 'policy/v1',
            kind: 'PodDisruptionBudget',
            metadata: { name: 'b' },
            spec: { ...budget, selector: { matchLabels: { app: 'web' } } },
          },
        ]);
        for (const r of results) expect(r.result.ok).toBe(true);
        c.advance(30_000);
        const pdb = c.get('PodDisruptionBudget', 'default', 'b') as PodDisruptionBudget;
        const st = pdb.status;
        const b = budget as { minAvailable?: number | string; maxUnavailable?: number | string };
        // The scale, or (an integer minAvailable) the Pods: the same number once all are running.
        const expected = replicas;
        const desired =
          b.maxUnavailable !== undefined
            ? Math.max(0, replicas - up(b.maxUnavailable, replicas))
            : up(b.minAvailable as number | string, replicas);
        const allowed = expected > 0 ? Math.max(0, replicas - desired) : 0;
        expect(st).toMatchObject({
          observedGeneration: 1,
          currentHealthy: replicas,
          desiredHealthy: desired,
          expectedPods: expected,
          disruptionsAllowed: allowed,
        });
        expect(st?.conditions?.[0]?.reason).toBe(allowed > 0 ? 'SufficientPods' : 'InsufficientPods');
        c.internals.manager.enqueueFor('publishers', 'PDB/default/b');
        c.runUntilIdle();
        expect(c.get('PodDisruptionBudget', 'default', 'b')).toEqual(pdb);
        const pod = (c.list('Pod', { namespace: 'default' }) as Pod[])[0];
        if (!pod) return;
        const r = c.delete('Pod', 'default', pod.metadata.name, { eviction: true });
        expect(r.ok).toBe(allowed > 0);
        if (!r.ok) expect(r.error.code).toBe(429);
      }),
      { numRuns: 25, seed: 20261126 },
    );
  });
});
