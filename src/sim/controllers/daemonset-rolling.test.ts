// rollingPlan (daemonset-rolling.ts) on hand-made Pods: the choices of 1.34's rollingUpdate
// (pkg/controller/daemon/update.go) with maxSurge 0 and with maxSurge > 0.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types';
import { rollingPlan, scaled } from './daemonset-rolling';

// biome-ignore lint/suspicious/noExplicitAny: test objects.
type Any = any;

const NOW = Date.UTC(2026, 0, 8, 10, 0, 0);
const node = (name: string): Node =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {} }) as Any;
const NODES = ['n1', 'n2', 'n3'].map(node);

function pod(name: string, nodeName: string, hash: string, ready = true, deleting = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels: { 'controller-revision-hash': hash, 'pod-template-generation': hash === 'new' ? '2' : '1' },
      creationTimestamp: '2026-01-08T09:00:00Z',
      ...(deleting ? { deletionTimestamp: '2026-01-08T10:00:30Z' } : {}),
    },
    spec: { nodeName, containers: [] },
    status: {
      phase: 'Running',
      conditions: [
        // Old Pods ready since 08:00:00, new ones since 09:00:10.
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: hash === 'new' ? '2026-01-08T09:00:10Z' : '2026-01-08T08:00:00Z',
        },
      ],
    },
  } as Any;
}

const ds = (rollingUpdate: Any, minReadySeconds = 0): Any => ({
  metadata: { name: 'x', namespace: 'default' },
  spec: {
    template: { spec: {} },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate },
    minReadySeconds,
  },
});

const byNode = (pods: Pod[]) => {
  const m = new Map<string, Pod[]>();
  for (const p of pods) m.set(p.spec.nodeName as string, [...(m.get(p.spec.nodeName as string) ?? []), p]);
  return m;
};

describe('rollingPlan with maxSurge 0', () => {
  it('deletes one available old Pod for maxUnavailable 1', () => {
    const plan = rollingPlan(
      ds({ maxUnavailable: 1, maxSurge: 0 }),
      NODES,
      byNode([pod('a', 'n1', 'old'), pod('b', 'n2', 'old'), pod('c', 'n3', 'old')]),
      'new',
      '2',
      NOW,
    );
    expect(plan).toEqual({ remove: ['a'], create: [] });
  });

  it('replaces an unavailable old Pod at once, and it uses up the unavailability budget', () => {
    const plan = rollingPlan(
      ds({ maxUnavailable: 1, maxSurge: 0 }),
      NODES,
      byNode([pod('a', 'n1', 'old'), pod('b', 'n2', 'old', false), pod('c', 'n3', 'old')]),
      'new',
      '2',
      NOW,
    );
    expect(plan).toEqual({ remove: ['b'], create: [] });
  });

  it('waits while a node has no Pod, a terminating one, or a new one not yet available', () => {
    for (const pods of [
      [pod('b', 'n2', 'old'), pod('c', 'n3', 'old')],
      [pod('a', 'n1', 'old', true, true), pod('b', 'n2', 'old'), pod('c', 'n3', 'old')],
      [pod('a', 'n1', 'new', false), pod('b', 'n2', 'old'), pod('c', 'n3', 'old')],
    ])
      expect(
        rollingPlan(ds({ maxUnavailable: 1, maxSurge: 0 }), NODES, byNode(pods), 'new', '2', NOW),
      ).toEqual({
        remove: [],
        create: [],
      });
  });

  it('counts a new Pod ready for less than minReadySeconds as unavailable', () => {
    const pods = [pod('a', 'n1', 'new'), pod('b', 'n2', 'old'), pod('c', 'n3', 'old')];
    const plan = (now: number) =>
      rollingPlan(ds({ maxUnavailable: 1, maxSurge: 0 }, 60), NODES, byNode(pods), 'new', '2', now);
    // Ready since 09:00:10: available from 09:01:10.
    expect(plan(Date.UTC(2026, 0, 8, 9, 1, 0)).remove).toEqual([]);
    expect(plan(Date.UTC(2026, 0, 8, 9, 1, 10)).remove).toEqual(['b']);
  });

  it('scales a percentage on the desired count, rounding up', () => {
    expect(scaled('50%', 3)).toBe(2);
    expect(scaled('10%', 3)).toBe(1);
    expect(scaled(2, 3)).toBe(2);
    const plan = rollingPlan(
      ds({ maxUnavailable: '50%', maxSurge: 0 }),
      NODES,
      byNode([pod('a', 'n1', 'old'), pod('b', 'n2', 'old'), pod('c', 'n3', 'old')]),
      'new',
      '2',
      NOW,
    );
    expect(plan.remove).toEqual(['a', 'b']);
  });
});

describe('rollingPlan with maxSurge', () => {
  it('creates a new Pod beside one available old Pod, then deletes the old one once the new is available', () => {
    const surge = ds({ maxUnavailable: 0, maxSurge: 1 });
    const old = [pod('a', 'n1', 'old'), pod('b', 'n2', 'old'), pod('c', 'n3', 'old')];
    expect(rollingPlan(surge, NODES, byNode(old), 'new', '2', NOW)).toEqual({ remove: [], create: ['n1'] });
    const surging = [...old, pod('d', 'n1', 'new', false)];
    expect(rollingPlan(surge, NODES, byNode(surging), 'new', '2', NOW)).toEqual({ remove: [], create: [] });
    const done = [...old, pod('d', 'n1', 'new')];
    expect(rollingPlan(surge, NODES, byNode(done), 'new', '2', NOW)).toEqual({
      remove: ['a'],
      create: ['n2'],
    });
  });

  it('starts a replacement at once beside an unavailable old Pod', () => {
    const surge = ds({ maxUnavailable: 0, maxSurge: 1 });
    const pods = [pod('a', 'n1', 'old'), pod('b', 'n2', 'old', false), pod('c', 'n3', 'old')];
    expect(rollingPlan(surge, NODES, byNode(pods), 'new', '2', NOW)).toEqual({
      remove: [],
      create: ['n2', 'n1'],
    });
  });
});
