// Convergence of the Deployment and ReplicaSet controllers, checked the level-based way: whenever
// the cluster is idle, a fresh controller of each kind (its orphan index rebuilt from the store)
// syncing every key must want to write nothing and record no Event. A controller that skipped a
// needed sync (a readiness change, a release, an adoption, a scale, a rollout step, a passed
// progress deadline) leaves the cluster idle but unconverged, and the fresh sync finds the work.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deployment, K8sObject, KindName, Pod } from '../api/types';
import type { SimCluster } from '../cluster';
import type { Controller, ControllerContext } from '../runtime/interfaces';
import { drive } from '../testing/driver';
import { createDeploymentController } from './deployment';
import { createReplicaSetController } from './replicaset';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  progressDeadlineSeconds: 60
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const BARE_RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: bare
spec:
  replicas: 2
  selector:
    matchLabels:
      app: bare
  template:
    metadata:
      labels:
        app: bare
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const YAML = `${deployment('alpha')}---\n${deployment('beta')}---\n${BARE_RS}`;

/** What a fresh sync of every key would write (kind/name per attempted write or Event). */
function pendingWork(c: SimCluster): string[] {
  const { store, clock, timers } = c.internals;
  const wanted: string[] = [];
  const refuse = (what: string, o: { kind?: string; metadata: { name?: string } }) => {
    wanted.push(`${what} ${o.kind}/${o.metadata.name ?? ''}`);
    return {
      ok: false as const,
      error: { code: 409, reason: 'Conflict' as const, message: 'test: refused' },
    };
  };
  const ctx: ControllerContext = {
    store,
    clock,
    timers,
    rng: { next: () => 0, fork: () => ctx.rng } as unknown as ControllerContext['rng'],
    api: {
      create: (o) => refuse('create', o),
      update: (o) => refuse('update', o),
      updateStatus: (o) => refuse('updateStatus', o),
      delete: (kind: KindName, _ns, name) => refuse('delete', { kind, metadata: { name } }),
    },
    events: { record: (o, _t, reason) => void wanted.push(`event ${reason} ${o.kind}/${o.metadata.name}`) },
    requeueAfter: () => {},
  };
  const check = (ctl: Controller, kind: KindName) => {
    // The orphan index is built from watch events: replay the store as ADDED events.
    for (const k of ['Pod', 'ReplicaSet', 'Deployment'] as KindName[])
      for (const o of store.list(k))
        if (ctl.watches.includes(k))
          ctl.keysFor({
            type: 'ADDED',
            kind: k,
            key: `${k}/${o.metadata.namespace}/${o.metadata.name}`,
            object: o,
            view: o,
            name: o.metadata.name,
            namespace: o.metadata.namespace,
          });
    for (const o of store.list(kind, { namespace: 'default' }))
      ctl.reconcile(`${o.metadata.namespace}/${o.metadata.name}`, ctx);
  };
  check(createReplicaSetController(store), 'ReplicaSet');
  check(createDeploymentController(store), 'Deployment');
  return wanted;
}

type Op =
  | { op: 'scale'; dep: string; replicas: number }
  | { op: 'image'; dep: string; image: string }
  | { op: 'strategy'; dep: string; type: 'Recreate' | 'RollingUpdate' }
  | { op: 'pause'; dep: string; paused: boolean }
  | { op: 'deletePod'; at: number }
  | { op: 'relabelPod'; at: number }
  | { op: 'orphanRS'; at: number }
  | { op: 'advance'; ms: number };

const dep = fc.constantFrom('alpha', 'beta');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), dep, replicas: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    op: fc.constant('image' as const),
    dep,
    image: fc.constantFrom('nginx:1.27', 'nginx:1.28', 'kiamol/nope'),
  }),
  fc.record({
    op: fc.constant('strategy' as const),
    dep,
    type: fc.constantFrom('Recreate' as const, 'RollingUpdate' as const),
  }),
  fc.record({ op: fc.constant('pause' as const), dep, paused: fc.boolean() }),
  fc.record({ op: fc.constant('deletePod' as const), at: fc.nat(20) }),
  fc.record({ op: fc.constant('relabelPod' as const), at: fc.nat(20) }),
  fc.record({ op: fc.constant('orphanRS' as const), at: fc.nat(5) }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.constantFrom(0, 500, 3_000, 20_000, 61_000) }),
);

function run(c: SimCluster, o: Op): void {
  const pods = () => c.list('Pod', { namespace: 'default' }) as Pod[];
  const update = (name: string, edit: (d: Deployment) => void) => {
    const d = structuredClone(c.get('Deployment', 'default', name)) as Deployment;
    edit(d);
    c.update(d as K8sObject);
  };
  switch (o.op) {
    case 'scale':
      update(o.dep, (d) => {
        d.spec.replicas = o.replicas;
      });
      return;
    case 'image':
      update(o.dep, (d) => {
        (d.spec.template.spec.containers[0] as { image: string }).image = o.image;
      });
      return;
    case 'strategy':
      update(o.dep, (d) => {
        d.spec.strategy = o.type === 'Recreate' ? { type: 'Recreate' } : { type: 'RollingUpdate' };
      });
      return;
    case 'pause':
      update(o.dep, (d) => {
        d.spec.paused = o.paused;
      });
      return;
    case 'deletePod': {
      const p = pods()[o.at % Math.max(1, pods().length)];
      if (p) c.delete('Pod', 'default', p.metadata.name);
      return;
    }
    case 'relabelPod': {
      const p = pods()[o.at % Math.max(1, pods().length)];
      if (!p) return;
      // Out of its selector (released) or back into one (adopted by whoever matches).
      const app = p.metadata.labels?.app === 'stray' ? 'alpha' : 'stray';
      c.update({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata.labels, app } } } as K8sObject);
      return;
    }
    case 'orphanRS': {
      const all = c.list('ReplicaSet', { namespace: 'default' });
      const rs = all[o.at % Math.max(1, all.length)];
      if (rs) c.delete('ReplicaSet', 'default', rs.metadata.name, { propagationPolicy: 'Orphan' });
      return;
    }
    case 'advance':
      c.advance(o.ms);
      return;
  }
}

describe('deployment and replicaset controllers converge', () => {
  it('whenever the cluster is idle, a fresh sync of every Deployment and ReplicaSet writes nothing', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 14 }), (ops) => {
        const d = drive({ seed: 61 }).applyOk(YAML).advance(20_000);
        expect(pendingWork(d.cluster)).toEqual([]);
        for (const o of ops) {
          run(d.cluster, o);
          d.cluster.runUntilIdle();
          expect(pendingWork(d.cluster), JSON.stringify(o)).toEqual([]);
        }
      }),
      { seed: 20261125, numRuns: 25 },
    );
  });

  it('a stuck rollout still reports ProgressDeadlineExceeded', () => {
    const d = drive({ seed: 62 }).applyOk(deployment('alpha')).advance(20_000);
    d.tap((c) => run(c, { op: 'image', dep: 'alpha', image: 'kiamol/nope' })).advance(30_000);
    const progressing = () =>
      (d.get('Deployment', 'alpha') as Deployment).status.conditions?.find((x) => x.type === 'Progressing');
    expect(progressing()?.reason).toBe('ReplicaSetUpdated');
    d.advance(31_000);
    expect(progressing()?.reason).toBe('ProgressDeadlineExceeded');
    expect(pendingWork(d.cluster)).toEqual([]);
  });
});
