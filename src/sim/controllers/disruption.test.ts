// The disruption controller's status for several owner shapes, its events and its idempotence
// [K8S 1.34 pkg/controller/disruption/disruption.go trySync, getExpectedPodCount,
// getExpectedScale, countHealthyPods, updatePdbStatus, failSafe; component-helpers
// apps/poddisruptionbudget UpdateDisruptionAllowedCondition].
import { describe, expect, it } from 'vitest';
import type { Event, PodDisruptionBudget } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';

// biome-ignore lint/suspicious/noExplicitAny: test documents.
type Any = any;

const tmpl = (app: string, extra: Any = {}) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'c', image: 'nginx', ...extra }] },
});
const deployment = (app: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: app },
  spec: { replicas, selector: { matchLabels: { app } }, template: tmpl(app) },
});
const pdb = (name: string, spec: Any) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name },
  spec,
});
const sel = (app: string) => ({ matchLabels: { app } });

function cluster(docs: Any[], profile: 'docker-desktop' | 'kind' = 'docker-desktop'): SimCluster {
  const c = createCluster({ seed: 7, profile });
  for (const r of c.apply(docs)) if (!r.result.ok) throw new Error(r.result.error.message);
  c.advance(30_000);
  return c;
}

const status = (c: SimCluster, name: string) =>
  (c.get('PodDisruptionBudget', 'default', name) as PodDisruptionBudget).status;

const events = (c: SimCluster, reason: string) =>
  (c.list('Event', { namespace: 'default' }) as Event[]).filter((e) => e.reason === reason);

/** Reconcile the PDB again: nothing may change (updatePdbStatus writes only a difference). */
function resyncIsNoop(c: SimCluster, name: string): void {
  const before = c.get('PodDisruptionBudget', 'default', name);
  c.internals.manager.enqueueFor('publishers', `PDB/default/${name}`);
  c.runUntilIdle();
  c.internals.manager.enqueueFor('publishers', `PDB/default/${name}`);
  c.runUntilIdle();
  expect(c.get('PodDisruptionBudget', 'default', name)).toEqual(before);
}

describe('disruption controller: status by owner shape', () => {
  it('Deployment with maxUnavailable: the Deployment scale is expectedPods', () => {
    const c = cluster([deployment('web', 3), pdb('web', { maxUnavailable: 1, selector: sel('web') })]);
    const st = status(c, 'web');
    expect(st).toMatchObject({
      observedGeneration: 1,
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
    });
    expect(st?.conditions).toEqual([
      {
        type: 'DisruptionAllowed',
        status: 'True',
        observedGeneration: 1,
        lastTransitionTime: expect.any(String),
        reason: 'SufficientPods',
        message: '',
      },
    ]);
    expect(st?.disruptedPods).toBeUndefined();
    resyncIsNoop(c, 'web');
  });

  it('an integer minAvailable counts the Pods themselves; scaling down makes it InsufficientPods', () => {
    const c = cluster([deployment('web', 3), pdb('web', { minAvailable: 2, selector: sel('web') })]);
    expect(status(c, 'web')).toMatchObject({ disruptionsAllowed: 1, currentHealthy: 3, expectedPods: 3 });
    const d = deployment('web', 2);
    c.apply([d]);
    c.advance(30_000);
    const st = status(c, 'web');
    expect(st).toMatchObject({
      disruptionsAllowed: 0,
      currentHealthy: 2,
      desiredHealthy: 2,
      expectedPods: 2,
    });
    expect(st?.conditions?.[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods', message: '' });
    resyncIsNoop(c, 'web');
  });

  it('a StatefulSet with a percent minAvailable rounds up', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { replicas: 3, serviceName: 'db', selector: sel('db'), template: tmpl('db') },
    };
    const c = cluster([sts, pdb('db', { minAvailable: '50%', selector: sel('db') })]);
    c.advance(60_000);
    expect(status(c, 'db')).toMatchObject({
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
    });
    resyncIsNoop(c, 'db');
  });

  it('a bare ReplicaSet with maxUnavailable 50%', () => {
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: { replicas: 2, selector: sel('rs'), template: tmpl('rs') },
    };
    const c = cluster([rs, pdb('rs', { maxUnavailable: '50%', selector: sel('rs') })]);
    expect(status(c, 'rs')).toMatchObject({ disruptionsAllowed: 1, desiredHealthy: 1, expectedPods: 2 });
    resyncIsNoop(c, 'rs');
  });

  it('a bare Pod: UnmanagedPods, and nothing expected so nothing allowed', () => {
    const c = cluster([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'solo', labels: { app: 'solo' } },
        spec: tmpl('solo').spec,
      },
      pdb('solo', { maxUnavailable: 1, selector: sel('solo') }),
    ]);
    expect(status(c, 'solo')).toMatchObject({
      disruptionsAllowed: 0,
      currentHealthy: 1,
      desiredHealthy: 0,
      expectedPods: 0,
    });
    const [e] = events(c, 'UnmanagedPods');
    expect(e?.type).toBe('Warning');
    expect(e?.source.component).toBe('controllermanager');
    expect(e?.message).toBe(
      'Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: solo,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    );
  });

  it("DaemonSet Pods with maxUnavailable: SyncFailed, the controller's error as the message", () => {
    const ds = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: { selector: sel('agent'), template: tmpl('agent') },
    };
    const c = cluster([ds, pdb('agent', { maxUnavailable: 1, selector: sel('agent') })]);
    const st = status(c, 'agent');
    expect(st?.disruptionsAllowed).toBe(0);
    // failSafe keeps the old observedGeneration (none yet: 0, omitted) on status and condition.
    expect(st?.observedGeneration).toBeUndefined();
    expect(st?.conditions).toEqual([
      {
        type: 'DisruptionAllowed',
        status: 'False',
        lastTransitionTime: expect.any(String),
        reason: 'SyncFailed',
        message: 'daemonsets.apps does not implement the scale subresource',
      },
    ]);
    expect(events(c, 'CalculateExpectedPodCountFailed')[0]?.message).toBe(
      'Failed to calculate the number of expected pods: daemonsets.apps does not implement the scale subresource',
    );
    resyncIsNoop(c, 'agent');
  });

  it('no matching Pods: Normal NoPods, InsufficientPods; a nil selector matches nothing', () => {
    const c = cluster([deployment('web', 1), pdb('none', { minAvailable: 1 })]);
    expect(status(c, 'none')).toMatchObject({
      disruptionsAllowed: 0,
      currentHealthy: 0,
      desiredHealthy: 1,
      expectedPods: 0,
    });
    const [e] = events(c, 'NoPods');
    expect(e).toMatchObject({ type: 'Normal', message: 'No matching pods found' });
    expect(e?.involvedObject).toMatchObject({ kind: 'PodDisruptionBudget', name: 'none' });
  });

  it('an empty selector takes every Pod of the namespace; unready Pods are not healthy', () => {
    const probe = { readinessProbe: { exec: { command: ['false'] }, periodSeconds: 5 } };
    const unready = {
      ...deployment('slow', 2),
      spec: { replicas: 2, selector: sel('slow'), template: tmpl('slow', probe) },
    };
    const c = cluster([deployment('web', 2), unready, pdb('all', { minAvailable: 1, selector: {} })]);
    expect(status(c, 'all')).toMatchObject({ currentHealthy: 2, expectedPods: 4, disruptionsAllowed: 1 });
    resyncIsNoop(c, 'all');
  });

  it('two budgets for one Pod: Warning MultiplePodDisruptionBudgets on the Pod', () => {
    const c = cluster([
      deployment('web', 1),
      pdb('a', { minAvailable: 1, selector: sel('web') }),
      pdb('b', { maxUnavailable: 1, selector: {} }),
    ]);
    const pod = c.list('Pod', { namespace: 'default' })[0];
    const e = events(c, 'MultiplePodDisruptionBudgets').find(
      (x) => x.involvedObject.name === pod?.metadata.name,
    );
    expect(e?.type).toBe('Warning');
    expect(e?.message).toBe(
      `Pod "default"/"${pod?.metadata.name}" matches multiple PodDisruptionBudgets.  Chose "a" arbitrarily.`,
    );
  });
});
