// The disruption controller's gate (disruption.ts withPdbKeys): a Pod event looks for PDBs only in a
// cluster that has seen one. Two clusters in one page (a lesson reset, a restored share link) must
// not open each other's gate, and before a PDB a Pod event must not search the store for one.
import { describe, expect, it, vi } from 'vitest';
import type { PodDisruptionBudget } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import type { WatchEvent } from '../runtime/interfaces';
import { withPdbKeys } from './disruption';

// biome-ignore lint/suspicious/noExplicitAny: test documents.
type Any = any;

const deployment = (app: string, replicas: number): Any => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: app },
  spec: {
    replicas,
    selector: { matchLabels: { app } },
    template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  },
});
const pdb = (name: string, app: string): Any => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name },
  spec: { minAvailable: 1, selector: { matchLabels: { app } } },
});

function cluster(docs: Any[]): SimCluster {
  const c = createCluster({ seed: 7 });
  for (const r of c.apply(docs)) if (!r.result.ok) throw new Error(r.result.error.message);
  c.advance(30_000);
  return c;
}

/** Spy on the store's PDB lookups (the only thing a Pod event would cost past the gate). */
function pdbLookups(c: SimCluster) {
  const store = c.internals.api.store;
  const spy = vi.spyOn(store, 'byNamespace');
  return () => spy.mock.calls.filter(([kind]) => kind === 'PodDisruptionBudget').length;
}

/** The `web` Pods. */
const webPods = (c: SimCluster) => c.list('Pod', { namespace: 'default', labelSelector: 'app=web' });

const podEvent = (c: SimCluster): WatchEvent => {
  const pod = webPods(c)[0] as Any;
  return {
    type: 'MODIFIED',
    kind: 'Pod',
    key: `Pod/default/${pod.metadata.name}` as Any,
    object: pod,
    view: pod,
    name: pod.metadata.name,
    namespace: pod.metadata.namespace,
  };
};

describe('the disruption gate is per cluster', () => {
  it("a PDB in one cluster does not make another cluster's Pod events look for PDBs", () => {
    const a = cluster([deployment('web', 2), pdb('web-pdb', 'web')]);
    expect((a.get('PodDisruptionBudget', 'default', 'web-pdb') as PodDisruptionBudget).status).toMatchObject({
      currentHealthy: 2,
      desiredHealthy: 1,
      disruptionsAllowed: 1,
    });
    // A second cluster in the same module instance: its Pods churn with no PDB anywhere in it.
    const b = cluster([deployment('web', 2)]);
    const lookups = pdbLookups(b);
    b.apply([deployment('web', 4)]);
    b.advance(30_000);
    expect(webPods(b)).toHaveLength(4);
    expect(lookups()).toBe(0);
    // The gate itself: the base keys come back as they were, not even copied.
    const base = ['x'];
    expect(withPdbKeys(podEvent(b), b.internals.api, base)).toBe(base);
    // Cluster A's gate is open: its Pod events find its PDB.
    expect(withPdbKeys(podEvent(a), a.internals.api, [])).toEqual(['PDB/default/web-pdb']);
    vi.restoreAllMocks();
  });

  it("opens in a cluster when its own first PDB arrives, and that cluster's PDB is kept up to date", () => {
    const b = cluster([deployment('web', 2)]);
    expect(withPdbKeys(podEvent(b), b.internals.api, [])).toEqual([]);
    b.apply([pdb('web-pdb', 'web')]);
    b.advance(5_000);
    expect(withPdbKeys(podEvent(b), b.internals.api, [])).toEqual(['PDB/default/web-pdb']);
    const lookups = pdbLookups(b);
    b.apply([deployment('web', 3)]);
    b.advance(30_000);
    expect(lookups()).toBeGreaterThan(0);
    expect((b.get('PodDisruptionBudget', 'default', 'web-pdb') as PodDisruptionBudget).status).toMatchObject({
      currentHealthy: 3,
      expectedPods: 3,
      disruptionsAllowed: 2,
    });
    // A cluster made afterwards (a reset) starts closed again: no PDB lookup for its Pods.
    const c = cluster([deployment('web', 1)]);
    const cLookups = pdbLookups(c);
    expect(withPdbKeys(podEvent(c), c.internals.api, [])).toEqual([]);
    expect(cLookups()).toBe(0);
    vi.restoreAllMocks();
  });
});
