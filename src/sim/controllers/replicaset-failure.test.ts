// A refused Pod create as Kubernetes 1.34 reports it: the ReplicaSet's ReplicaFailure condition
// and the Deployment's copy (set, then cleared once creates succeed), the rate-limited retry
// rhythm and the FailedCreate Event's count that follows it, and slowStartBatch stopping at the
// first error. [K8S 1.34 pkg/controller/replicaset/replica_set.go, replica_set_utils.go;
// pkg/controller/deployment/progress.go; client-go util/workqueue default_rate_limiters.go]
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Deployment, DeploymentCondition, K8sObject, ReplicaSet } from '../api/types';
import type { ControllerContext } from '../runtime/interfaces';
import { drive } from '../testing/driver';
import { createReplicaSetController } from './replicaset';
import {
  deploymentReplicaFailure,
  type ReplicaSetCondition,
  ReplicaSetRetry,
  replicaSetConditions,
} from './replicaset-failure';
import { forbidden, heredoc, SA_YAML, workloadYaml } from './replicaset-failure-fixtures';

const DEPLOY = (replicas: number) => workloadYaml('Deployment', replicas);
const RS = (replicas: number) => workloadYaml('ReplicaSet', replicas);

type Conds = { conditions?: ReplicaSetCondition[] };

function failedCreates(objects: K8sObject[], rs: string): number {
  let n = 0;
  for (const e of objects as unknown as {
    reason: string;
    count: number;
    involvedObject: { name: string };
  }[])
    if (e.reason === 'FailedCreate' && e.involvedObject.name === rs) n += e.count;
  return n;
}

describe('ReplicaSetRetry (DefaultControllerRateLimiter + delaying queue)', () => {
  it('per key: 5 ms × 2^failures, capped at 1000 s; Forget starts again at 5 ms', () => {
    const r = new ReplicaSetRetry();
    const seen: number[] = [];
    // One failure every 10 s leaves the bucket (10 qps, burst 100) full: only the exponential counts.
    for (let i = 0; i < 20; i++) seen.push(r.when('default/web', i * 10_000));
    expect(seen).toEqual([
      5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 5120, 10240, 20480, 40960, 81920, 163840, 327680, 655360,
      1_000_000, 1_000_000,
    ]);
    expect(r.requeues('default/web')).toBe(20);
    expect(r.when('default/other', 200_000)).toBe(5);
    r.forget('default/web');
    expect(r.when('default/web', 200_000)).toBe(5);
  });

  it('the shared bucket: the 101st failure in one instant waits 100 ms, and it refills at 10 a second', () => {
    const r = new ReplicaSetRetry();
    for (let i = 0; i < 100; i++) expect(r.when(`ns/k${i}`, 1000)).toBe(5);
    expect(r.when('ns/k100', 1000)).toBe(100);
    expect(r.when('ns/k101', 1000)).toBe(200);
    // 1 s later 10 tokens are back, but the balance was −2: eight are left.
    for (let i = 0; i < 8; i++) expect(r.when(`ns/j${i}`, 2000)).toBe(5);
    expect(r.when('ns/j8', 2000)).toBe(100);
  });

  it('one waiting retry per key, at the earlier ready time', () => {
    const r = new ReplicaSetRetry();
    const timers: [number, number][] = [];
    const cancelled: number[] = [];
    const at = (due: number) => timers.push([due, timers.length + 1]);
    const cancel = (id: number) => void cancelled.push(id);
    expect(r.retry('k', 0, at, cancel)).toBe(5);
    // Asked again while the 5 ms retry waits: 10 ms is later, nothing is added.
    expect(r.retry('k', 0, at, cancel)).toBeUndefined();
    expect(r.retry('k', 5, at, cancel)).toBe(25);
    // A success forgets the failures while the 25 ms retry still waits: the next failure's 5 ms
    // retry is sooner and replaces it.
    r.forget('k');
    expect(r.retry('k', 6, at, cancel)).toBe(11);
    expect(timers).toEqual([
      [5, 1],
      [25, 2],
      [11, 3],
    ]);
    expect(cancelled).toEqual([2]);
  });
});

describe('ReplicaFailure conditions', () => {
  it('calculateStatus: set once (a later error does not replace it), removed by a sync without error', () => {
    const set = replicaSetConditions(undefined, 'boom', Date.UTC(2026, 0, 8, 9, 30));
    expect(set).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: '2026-01-08T09:30:00Z',
        reason: 'FailedCreate',
        message: 'boom',
      },
    ]);
    expect(replicaSetConditions(set, 'another', Date.UTC(2026, 0, 8, 9, 31))).toBe(set);
    expect(replicaSetConditions(set, undefined, 0)).toBeUndefined();
    expect(replicaSetConditions(undefined, undefined, 0)).toBeUndefined();
    // Another type of condition is kept when ReplicaFailure goes.
    const other: ReplicaSetCondition = { type: 'Other', status: 'True' };
    expect(replicaSetConditions([other, ...(set ?? [])], undefined, 0)).toEqual([other]);
  });

  it("the Deployment copies the new ReplicaSet's failure first, keeps an equal one, drops it when none is left", () => {
    const rs = (uid: string, conds?: ReplicaSetCondition[]) =>
      ({
        metadata: { uid },
        status: { replicas: 0, ...(conds ? { conditions: conds } : {}) },
      }) as unknown as ReplicaSet;
    const fail = (message: string, at: string): ReplicaSetCondition => ({
      type: 'ReplicaFailure',
      status: 'True',
      lastTransitionTime: at,
      reason: 'FailedCreate',
      message,
    });
    const avail: DeploymentCondition = {
      type: 'Available',
      status: 'False',
      lastUpdateTime: 'x',
      lastTransitionTime: 'x',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    };
    const old = rs('old', [fail('old one', 't1')]);
    const neu = rs('new', [fail('new one', 't2')]);
    const conds = deploymentReplicaFailure([avail], [old, neu], neu);
    expect(conds).toEqual([
      avail,
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastUpdateTime: 't2',
        lastTransitionTime: 't2',
        reason: 'FailedCreate',
        message: 'new one',
      },
    ]);
    // Without a failing new ReplicaSet, an old one's; the same status and reason: kept as it is.
    expect(deploymentReplicaFailure(conds, [old, rs('new')], rs('new'))).toBe(conds);
    expect(deploymentReplicaFailure(conds, [rs('old'), rs('new')], rs('new'))).toEqual([avail]);
    const none = [avail];
    expect(deploymentReplicaFailure(none, [rs('old')], undefined)).toBe(none);
  });
});

describe('the ReplicaSet controller when a Pod create is refused', () => {
  it('slowStartBatch: batches of 1, 2, 4, …; the batch with the refusal finishes, the rest are skipped', () => {
    const d = drive({ seed: 7 }).applyOk(RS(20)).advance(1000);
    const { store, clock, timers } = d.cluster.internals;
    const run = (failAt: number) => {
      const log: string[] = [];
      let calls = 0;
      let status: Conds | undefined;
      const ctx: ControllerContext = {
        store,
        clock,
        timers,
        rng: { next: () => 0, fork: () => ctx.rng } as unknown as ControllerContext['rng'],
        api: {
          create: (o) => {
            calls++;
            if (calls === failAt || (failAt < 0 && calls >= -failAt))
              return { ok: false, error: { code: 403, reason: 'Forbidden', message: `refused #${calls}` } };
            return {
              ok: true,
              object: { ...o, metadata: { ...o.metadata, name: `p${calls}` } } as K8sObject,
            };
          },
          update: (o) => ({ ok: true, object: o }),
          updateStatus: (o) => {
            status = (o as ReplicaSet).status as Conds;
            return { ok: true, object: o };
          },
          delete: () => ({ ok: false, error: { code: 404, reason: 'NotFound', message: 'x' } }),
        },
        events: { record: (_o, _t, reason, message) => void log.push(`${reason} ${message}`) },
        requeueAfter: () => {},
      };
      createReplicaSetController(store).reconcile('default/web', ctx);
      return { calls, log, status };
    };
    // The 5th create is in the third batch (creates 4–7): 7 are tried, 6 succeed.
    const mid = run(5);
    expect(mid.calls).toBe(7);
    expect(mid.log.filter((l) => l.startsWith('SuccessfulCreate'))).toHaveLength(6);
    expect(mid.log.filter((l) => l.startsWith('FailedCreate'))).toEqual([
      'FailedCreate Error creating: refused #5',
    ]);
    // Every create refused: the first batch (one create) is all there is.
    const all = run(-1);
    expect(all.calls).toBe(1);
    expect(all.log).toEqual(['FailedCreate Error creating: refused #1']);
    // Creates 1–3 succeed, all later ones fail: batch 3 (4–7) is tried in full, 4 errors.
    const tail = run(-4);
    expect(tail.calls).toBe(7);
    expect(tail.log.filter((l) => l.startsWith('FailedCreate'))).toHaveLength(4);
    // The stored condition is the real controller's first failure's: a later error does not
    // replace it: the status these syncs send equals the stored one (the API server skips it).
    const stored = (d.get('ReplicaSet', 'web') as ReplicaSet).status as Conds;
    expect(stored.conditions?.map((c) => c.message)).toEqual([forbidden('web')]);
    expect(tail.status).toEqual(stored);
    expect(mid.status).toEqual(stored);
    // All 20 succeed: no error, the ReplicaFailure condition is removed.
    const ok = run(0);
    expect(ok.calls).toBe(20);
    expect(ok.status).toMatchObject({ replicas: 0 });
    expect(ok.status?.conditions).toBeUndefined();
  });

  it('FailedCreate repeats at the rate limiter rhythm and its Event count follows; the condition stays until creates succeed', () => {
    const d = drive({ seed: 8 }).applyOk(RS(3));
    const count = () => failedCreates(d.cluster.list('Event', { namespace: 'default' }), 'web');
    // The first sync fails and writes the condition; that status write queues the key again
    // (updateRS enqueues on every update), so a second sync fails in the same instant.
    d.advance(0);
    expect(count()).toBe(2);
    // Then AddRateLimited: 5 ms (failure 1; failure 2's 10 ms is later than the waiting entry),
    // then 20, 40, 80, … ms after each retry.
    const retries = [5, 25, 65, 145, 305, 625, 1265, 2545];
    let t = 0;
    for (const [i, at] of retries.entries()) {
      d.advance(at - 1 - t);
      expect(count()).toBe(2 + i);
      d.advance(1);
      expect(count()).toBe(3 + i);
      t = at;
    }
    const rs = d.get('ReplicaSet', 'web') as ReplicaSet;
    expect((rs.status as Conds).conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: rs.metadata.creationTimestamp,
        reason: 'FailedCreate',
        message: forbidden('web'),
      },
    ]);
    expect(d.pods()).toHaveLength(0);
  });

  it('recovery: the ServiceAccount created, the next retry creates the Pods and clears both conditions', () => {
    const d = kdrive({ seed: 9 });
    d.sh(heredoc('web.yaml', DEPLOY(3)));
    d.kubectl('apply -f web.yaml');
    const rsName = () =>
      (d.cluster.list('ReplicaSet', { namespace: 'default' })[0] as ReplicaSet).metadata.name;
    const rsConds = () =>
      ((d.cluster.list('ReplicaSet', { namespace: 'default' })[0] as ReplicaSet).status as Conds).conditions;
    const depConds = () => (d.get('Deployment', 'web') as Deployment).status.conditions?.map((c) => c.type);
    // Retries at 5, 25, …, 10225, 20465, 40945 ms after the first sync.
    d.advance(30_000);
    expect(rsConds()?.map((c) => c.reason)).toEqual(['FailedCreate']);
    // NewReplicaSetCreated came before Available; the copied failure is appended.
    expect(depConds()).toEqual(['Progressing', 'Available', 'ReplicaFailure']);
    d.sh(heredoc('sa.yaml', SA_YAML));
    d.kubectl('apply -f sa.yaml');
    // Nothing watches ServiceAccounts for the ReplicaSet: the Pods wait for the 40945 ms retry.
    d.advance(40_944 - 30_000);
    expect(d.pods()).toHaveLength(0);
    d.advance(1);
    expect(d.pods()).toHaveLength(3);
    expect(rsConds()).toBeUndefined();
    expect(depConds()).toEqual(['Available', 'Progressing']);
    d.advance(60_000);
    d.kubectl('rollout status deployment/web');
    expect(d.stdout()).toBe('deployment "web" successfully rolled out\n');
    const events = d.cluster.list('Event', { namespace: 'default' }) as unknown as {
      reason: string;
      count: number;
    }[];
    // Two at the start, then one per retry at 5, 25, …, 20465 ms: 13.
    expect(failedCreates(events as unknown as K8sObject[], rsName())).toBe(13);
    expect(events.filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(3);
  });
});
