// The Eviction subresource with PodDisruptionBudgets [K8S pkg/registry/core/pod/storage/eviction.go
// EvictionREST.Create, checkAndDecrement, canIgnorePDB; policy/v1 UnhealthyPodEvictionPolicyType].
import { describe, expect, it } from 'vitest';
import type { K8sObject, Pod, PodDisruptionBudget } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import { late } from '../late';

// biome-ignore lint/suspicious/noExplicitAny: test documents.
type Any = any;

const VIOLATES = "Cannot evict pod as it would violate the pod's disruption budget.";

function setup(replicas: number, pdbSpec: Any, probe?: Any): SimCluster {
  const c = createCluster({ seed: 3 });
  const container: Any = { name: 'c', image: 'nginx', ...(probe ? { readinessProbe: probe } : {}) };
  const docs: Any[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } },
      },
    },
  ];
  if (pdbSpec)
    docs.push({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web-pdb' },
      spec: pdbSpec,
    });
  for (const r of c.apply(docs)) if (!r.result.ok) throw new Error(r.result.error.message);
  c.advance(30_000);
  return c;
}

const pods = (c: SimCluster) =>
  (c.list('Pod', { namespace: 'default' }) as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
const budget = (c: SimCluster) => c.get('PodDisruptionBudget', 'default', 'web-pdb') as PodDisruptionBudget;
const evict = (c: SimCluster, name: string, dryRun = false) =>
  c.delete('Pod', 'default', name, { eviction: true, ...(dryRun ? { dryRun } : {}) });
const sel = { matchLabels: { app: 'web' } };

describe('Eviction API and PodDisruptionBudgets', () => {
  it('allowed: the budget takes the disruption (disruptedPods), then the Pod terminates', () => {
    const c = setup(3, { minAvailable: 2, selector: sel });
    const [a] = pods(c);
    const seen: PodDisruptionBudget[] = [];
    c.watch('PodDisruptionBudget', (e) => seen.push((e as { object: PodDisruptionBudget }).object));
    const r = evict(c, a?.metadata.name as string);
    expect(r.ok).toBe(true);
    expect(c.get('Pod', 'default', a?.metadata.name as string)?.metadata.deletionTimestamp).toBeDefined();
    // The eviction's UpdateStatus: one fewer allowed, the Pod in disruptedPods at the current time,
    // DisruptionAllowed turned InsufficientPods.
    const first = seen[0]?.status;
    expect(first?.disruptionsAllowed).toBe(0);
    expect(first?.disruptedPods).toEqual({ [a?.metadata.name as string]: expect.stringMatching(/Z$/) });
    expect(first?.conditions?.[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    // The controller then sees the Pod being deleted: the entry goes, currentHealthy drops.
    expect(budget(c).status?.disruptedPods).toBeUndefined();
    expect(budget(c).status?.currentHealthy).toBe(2);
  });

  it('refused with 429 while disruptionsAllowed is 0, nothing deleted, dry run too', () => {
    const c = setup(2, { minAvailable: 2, selector: sel });
    const [a] = pods(c);
    for (const dry of [false, true]) {
      const r = evict(c, a?.metadata.name as string, dry);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toEqual({
        code: 429,
        reason: 'TooManyRequests',
        message: VIOLATES,
        details: {
          causes: [
            {
              reason: 'DisruptionBudget',
              field: '',
              message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently',
            },
          ],
        },
      });
    }
    expect(c.get('Pod', 'default', a?.metadata.name as string)?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('a dry run checks and decrements nothing for real', () => {
    const c = setup(3, { minAvailable: 2, selector: sel });
    const before = budget(c);
    const [a] = pods(c);
    expect(evict(c, a?.metadata.name as string, true).ok).toBe(true);
    expect(budget(c)).toEqual(before);
    expect(c.get('Pod', 'default', a?.metadata.name as string)?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('a budget the controller has not observed yet: 429 "still being processed"', () => {
    const c = setup(3, undefined);
    const { api } = c.internals;
    const r = api.create({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web-pdb', namespace: 'default' },
      spec: { maxUnavailable: 1, selector: sel },
    } as K8sObject);
    expect(r.ok).toBe(true);
    const [a] = pods(c);
    const e = late().evictPod(api, c.now(), 'default', a?.metadata.name as string, { eviction: true });
    expect(e.ok || e.error.details?.causes?.[0]?.message).toBe(
      'The disruption budget web-pdb is still being processed by the server.',
    );
  });

  it('two budgets: 500, nothing deleted', () => {
    const c = setup(3, { minAvailable: 1, selector: sel });
    c.apply([
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'all' },
        spec: { selector: {} },
      },
    ]);
    const [a] = pods(c);
    const r = evict(c, a?.metadata.name as string);
    expect(r.ok || r.error).toEqual({
      code: 500,
      reason: 'Unknown',
      message:
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    });
    expect(c.get('Pod', 'default', a?.metadata.name as string)?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('unready Pods: IfHealthyBudget refuses when the budget is short, AlwaysAllow lets them go', () => {
    const probe = { exec: { command: ['false'] }, periodSeconds: 5 };
    const strict = setup(2, { minAvailable: 1, selector: sel }, probe);
    expect(budget(strict).status).toMatchObject({
      currentHealthy: 0,
      desiredHealthy: 1,
      disruptionsAllowed: 0,
    });
    const [p] = pods(strict);
    expect(p?.status?.phase).toBe('Running');
    const r = evict(strict, p?.metadata.name as string);
    expect(r.ok || r.error.details?.causes?.[0]?.message).toBe(
      'The disruption budget web-pdb needs 1 healthy pods and has 0 currently',
    );
    const lax = setup(
      2,
      { minAvailable: 1, selector: sel, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
      probe,
    );
    const [q] = pods(lax);
    expect(evict(lax, q?.metadata.name as string).ok).toBe(true);
    // No disruption was taken from the budget.
    expect(budget(lax).status?.disruptedPods).toBeUndefined();
  });

  it('a Pending Pod is deleted without looking at budgets (canIgnorePDB)', () => {
    const c = setup(1, { minAvailable: 5, selector: sel });
    c.apply([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'pending', labels: { app: 'web' } },
        spec: { nodeName: 'nowhere', containers: [{ name: 'c', image: 'nginx' }] },
      },
    ]);
    expect(c.get('Pod', 'default', 'pending')?.status?.phase).toBe('Pending');
    expect(evict(c, 'pending').ok).toBe(true);
  });
});
