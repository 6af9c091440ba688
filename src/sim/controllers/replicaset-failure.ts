// What the ReplicaSet and Deployment controllers do when a Pod create is refused (bound late: only
// a student's object can be refused; the boot's never are, and the success path calls none of
// this).
//
// - The ReplicaSet's ReplicaFailure condition [K8S 1.34 pkg/controller/replicaset/
//   replica_set_utils.go calculateStatus, NewReplicaSetCondition, SetCondition, RemoveCondition]:
//   a sync whose manageReplicas failed adds {type ReplicaFailure, status True, lastTransitionTime
//   now, reason FailedCreate, message the error's text} only when the status has none (a later,
//   different error does not replace it); a sync that did not fail removes it. An emptied list is
//   omitted (filterOutCondition's nil slice, omitempty). The real reason is FailedDelete when the
//   failing sync had too many Pods; the simulator's deletes are never refused (the controller
//   ignores a NotFound), so its errors are all a create's.
// - The Deployment's copy [K8S 1.34 pkg/controller/deployment/progress.go syncRolloutStatus,
//   getReplicaFailures; util/deployment_util.go ReplicaSetToDeploymentCondition,
//   SetDeploymentCondition]: the new ReplicaSet's ReplicaFailure, else the first one among all its
//   ReplicaSets, becomes a Deployment condition (lastUpdateTime = lastTransitionTime = the
//   ReplicaSet condition's lastTransitionTime); one with the same status and reason is kept as it
//   is; otherwise it replaces the old one at the end of the list. None left: removed.
// - The retry rhythm of a failed sync [K8S 1.34 replica_set.go processNextWorkItem: AddRateLimited
//   on error, Forget on success; client-go v0.34.9 util/workqueue default_rate_limiters.go
//   DefaultTypedControllerRateLimiter, delaying_queue.go waitingLoop].
import type { DeploymentCondition, ReplicaSet } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import type { ControllerContext } from '../runtime/interfaces';

export interface ReplicaSetCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

const FAILURE = 'ReplicaFailure';

function failureOf(conds: readonly ReplicaSetCondition[] | undefined): ReplicaSetCondition | undefined {
  if (!conds) return undefined;
  for (const c of conds) if (c.type === FAILURE) return c;
  return undefined;
}

/**
 * calculateStatus's conditions: `prev` (the stored status's, never changed) with ReplicaFailure
 * added for `err` or removed without one. The same array when nothing changes; undefined when the
 * list ends up empty.
 */
export function replicaSetConditions(
  prev: readonly ReplicaSetCondition[] | undefined,
  err: string | undefined,
  nowMs: number,
): readonly ReplicaSetCondition[] | undefined {
  const failure = failureOf(prev);
  if (err !== undefined && !failure) {
    const cond: ReplicaSetCondition = {
      type: FAILURE,
      status: 'True',
      lastTransitionTime: rfc3339(nowMs),
      reason: 'FailedCreate',
    };
    if (err) cond.message = err;
    return [...(prev ?? []), cond];
  }
  if (err === undefined && failure) {
    const rest = (prev ?? []).filter((c) => c.type !== FAILURE);
    return rest.length ? rest : undefined;
  }
  return prev;
}

/**
 * getReplicaFailures + SetDeploymentCondition/RemoveDeploymentCondition over `conds` (never
 * changed): the same array when nothing changes. `all`: the Deployment's ReplicaSets as stored;
 * `newRS`: its new ReplicaSet, if any (looked up in `all` by uid for its stored status).
 */
export function deploymentReplicaFailure(
  conds: readonly DeploymentCondition[],
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
): readonly DeploymentCondition[] {
  const condsOf = (rs: ReplicaSet) =>
    (rs.status as { conditions?: ReplicaSetCondition[] } | undefined)?.conditions;
  let found: ReplicaSetCondition | undefined;
  if (newRS) {
    const stored = all.find((rs) => rs.metadata.uid === newRS.metadata.uid) ?? newRS;
    found = failureOf(condsOf(stored));
  }
  for (let i = 0; !found && i < all.length; i++) found = failureOf(condsOf(all[i] as ReplicaSet));
  const cur = conds.find((c) => c.type === FAILURE);
  if (!found) return cur ? conds.filter((c) => c.type !== FAILURE) : conds;
  if (cur && cur.status === found.status && cur.reason === (found.reason ?? '')) return conds;
  const at = found.lastTransitionTime ?? '';
  const next: DeploymentCondition = {
    type: FAILURE,
    status: found.status,
    lastUpdateTime: at,
    lastTransitionTime: cur && cur.status === found.status ? cur.lastTransitionTime : at,
    reason: found.reason ?? '',
    message: found.message ?? '',
  };
  return [...conds.filter((c) => c.type !== FAILURE), next];
}

/** ItemExponentialFailureRateLimiter(5ms, 1000s) max'd with a BucketRateLimiter(10 qps, burst 100). */
const BASE_MS = 5;
const MAX_MS = 1_000_000;
const QPS = 10;
const BURST = 100;

/**
 * The ReplicaSet controller's rate-limited requeue of failed syncs. One per controller: the
 * bucket is shared by all keys, the failure count is per key.
 */
export class ReplicaSetRetry {
  private readonly failures = new Map<string, number>();
  /** Key → [due ms, timer id] of the retry waiting in the delaying queue. */
  private readonly waiting = new Map<string, [number, number]>();
  /** golang.org/x/time/rate Limiter state: starts full (its first advance from the zero time fills it). */
  private tokens = BURST;
  private last = Number.NEGATIVE_INFINITY;

  /** How many failures `key` has had since its last success (the queue's NumRequeues). */
  requeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** queue.Forget: a sync of `key` succeeded (or its ReplicaSet is gone). */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /**
   * MaxOfRateLimiter.When: both limiters are asked (each counts the request), the larger delay
   * wins. Exponential: 5 ms × 2^failures, at most 1000 s. Bucket: Reserve() takes a token,
   * refilled at 10 a second up to 100; a negative balance waits for the refill.
   */
  when(key: string, nowMs: number): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const backoff = Math.min(BASE_MS * 2 ** n, MAX_MS);
    const elapsed = Math.max(0, nowMs - this.last);
    this.tokens = Math.min(BURST, this.tokens + (elapsed * QPS) / 1000) - 1;
    this.last = nowMs;
    // The simulated clock ticks in whole milliseconds: a fractional wait is rounded up.
    const bucket = this.tokens < 0 ? Math.ceil((-this.tokens * 1000) / QPS) : 0;
    return Math.max(backoff, bucket);
  }

  /**
   * AddRateLimited: `key` is queued again after when()'s delay. The delaying queue keeps one
   * waiting entry per key, at the earlier of its ready times, so a retry asked for while an
   * earlier one still waits adds nothing; a sooner one replaces it. `at` schedules the timer and
   * returns its id; `cancel` drops one.
   */
  retry(
    key: string,
    nowMs: number,
    at: (dueMs: number) => number,
    cancel: (id: number) => void,
  ): number | undefined {
    const delay = this.when(key, nowMs);
    const due = nowMs + delay;
    const w = this.waiting.get(key);
    if (w && w[0] > nowMs) {
      if (w[0] <= due) return undefined;
      cancel(w[1]);
    }
    this.waiting.set(key, [due, at(due)]);
    return due;
  }
}

/** The late part (late.ts): one entry for the three. */
export const replicaFailure = {
  /** The status being written (`status`, a fresh object) gets the conditions `prev` and `err` give. */
  conditions(
    status: { conditions?: readonly ReplicaSetCondition[] },
    prev: { conditions?: readonly ReplicaSetCondition[] } | undefined,
    err: string | undefined,
    nowMs: number,
  ): void {
    const conds = replicaSetConditions(prev?.conditions, err, nowMs);
    if (conds) status.conditions = conds;
  },
  deployment: deploymentReplicaFailure,
  /** AddRateLimited for a failed sync of `key`: the retry is made at the first failure. */
  requeue(retry: ReplicaSetRetry | undefined, key: string, ctx: ControllerContext): ReplicaSetRetry {
    const r = retry ?? new ReplicaSetRetry();
    r.retry(
      key,
      ctx.clock.now(),
      (due) => ctx.timers.at(due, () => ctx.requeueAfter(key, 0)),
      (id) => ctx.timers.cancel(id),
    );
    return r;
  },
};
