// Deployment status: replica counts from the owned ReplicaSets and the Available / Progressing
// conditions with their real reasons and messages, written only when they change.
// [K8S pkg/controller/deployment: sync.go syncRolloutStatus/calculateStatus, progress.go,
// util/deployment_util.go]
import { ownedBy } from '../api/owners';
import type { Deployment, DeploymentCondition, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import { late, latePartsLoaded } from '../late';
import { parseRfc3339, rfc3339 } from '../runtime/clock';
import type { ControllerContext } from '../runtime/interfaces';
import { isOwn } from '../runtime/own';
import type { SpecInfo } from './deployment';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

/**
 * SetDeploymentCondition: `conds` with the condition of `type` set; the same array when one with
 * the same status and reason is there (its message is not updated), so callers can tell
 * "unchanged" by identity. Otherwise the old one is filtered out and the new one appended (the
 * list's order is the order of the changes), keeping lastTransitionTime when the status is the
 * same. `force`: the Progressing case of syncRolloutStatus, which replaces the condition even with
 * the same reason so that lastUpdateTime marks the progress. Never mutates `conds`, which may be
 * the stored status's. [K8S 1.34 deployment/util/deployment_util.go SetDeploymentCondition,
 * filterOutCondition; progress.go syncRolloutStatus]
 */
function setCondition(
  conds: readonly DeploymentCondition[],
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  nowMs: number,
  force = false,
): readonly DeploymentCondition[] {
  const prev = conditionOf(conds, type);
  if (!force && prev && prev.status === status && prev.reason === reason) return conds;
  const now = rfc3339(nowMs);
  const next: DeploymentCondition = {
    type,
    status,
    lastUpdateTime: now,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
    reason,
    message,
  };
  return prev ? [...conds.filter((c) => c !== prev), next] : [...conds, next];
}

const NO_CONDITIONS: readonly DeploymentCondition[] = Object.freeze([]);

function conditionOf(
  conds: readonly DeploymentCondition[],
  type: DeploymentCondition['type'],
): DeploymentCondition | undefined {
  for (let i = 0; i < conds.length; i++) if ((conds[i] as DeploymentCondition).type === type) return conds[i];
  return undefined;
}

/** Own enumerable keys whose value is defined (what deepEqual counts). */
function definedKeys(o: object): number {
  let n = 0;
  for (const k in o) if (isOwn(o, k) && (o as Record<string, unknown>)[k] !== undefined) n++;
  return n;
}

/**
 * syncRolloutStatus: the Deployment's status from its ReplicaSets, written when it changed. The
 * Deployment as stored after it (undefined if it is gone).
 */
export function syncStatus(
  store: Store,
  ctx: ControllerContext,
  d: Deployment,
  owned: ReplicaSet[],
  /** Nothing was written during this sync: `d` and `owned` are still what the store holds. */
  unchanged: boolean,
  newRS: ReplicaSet | undefined,
  created: boolean,
  info: SpecInfo,
): Deployment | undefined {
  const fresh = unchanged
    ? d
    : (store.get('Deployment', d.metadata.namespace, d.metadata.name) as Deployment | undefined);
  if (!fresh) return undefined;
  const all = unchanged ? owned : (ownedBy(store, fresh, 'ReplicaSet') as ReplicaSet[]);
  // Unchanged: newRS is one of `owned`, as stored.
  const current =
    !newRS || unchanged
      ? newRS
      : (store.get('ReplicaSet', newRS.metadata.namespace, newRS.metadata.name) as ReplicaSet | undefined);
  const nowMs = ctx.clock.now();
  const plan: StatusPlan = { deadline: undefined };
  const status = planStatus(fresh, all, newRS, current, created, info, nowMs, plan);
  if (plan.deadline !== undefined) awaitDeadline(ctx, fresh, info, plan.deadline, nowMs);
  if (status === undefined) return fresh;
  const r = ctx.api.updateStatus({ ...fresh, status });
  return r.ok ? (r.object as Deployment) : undefined;
}

/** What planStatus found besides the status: the progress deadline still ahead, if any. */
export interface StatusPlan {
  deadline: number | undefined;
}

/**
 * The progress deadline is still ahead (`deadline` > nowMs): sync the Deployment again just after
 * it. The manager drops a second requeue of this key for the same instant while the first is
 * pending (it is until the clock reaches it): asking again would only build its id.
 */
export function awaitDeadline(
  ctx: ControllerContext,
  d: Deployment,
  info: SpecInfo,
  deadline: number,
  nowMs: number,
): void {
  if (info.deadlineDue === deadline + 1) return;
  info.deadlineDue = deadline + 1;
  ctx.requeueAfter(`${d.metadata.namespace}/${d.metadata.name}`, deadline - nowMs + 1);
}

/**
 * calculateStatus and syncRolloutStatus's conditions for `fresh` (as stored) over `all` (its
 * ReplicaSets as stored; `newRS` the new one, `current` that one as stored now), without writing:
 * the status to write, or undefined when the stored one says this already. A progress deadline
 * still ahead is left in `plan.deadline`.
 */
export function planStatus(
  fresh: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  current: ReplicaSet | undefined,
  created: boolean,
  info: SpecInfo,
  nowMs: number,
  plan: StatusPlan,
): Any {
  const maxUnavailable = info.unavailable;
  let replicas = 0;
  let ready = 0;
  let available = 0;
  /** Some ReplicaSet has a condition (only ReplicaFailure exists): see below. */
  let failing = false;
  for (let i = 0; i < all.length; i++) {
    const rs = all[i] as ReplicaSet;
    if ((rs.status as Any)?.conditions) failing = true;
    replicas += rs.status?.replicas ?? 0;
    ready += rs.status?.readyReplicas ?? 0;
    available += rs.status?.availableReplicas ?? 0;
  }
  const updated = current?.status?.replicas ?? 0;
  const desired = fresh.spec.replicas;
  const prev = fresh.status ?? {};
  const prevConds: readonly DeploymentCondition[] = prev.conditions ?? NO_CONDITIONS;
  const rsName = newRS?.metadata.name ?? '';
  let conds = prevConds;
  // getNewReplicaSet records NewReplicaSetCreated before syncRolloutStatus's calculateStatus sets
  // Available: a new Deployment's list starts Progressing, Available.
  if (created)
    conds = setCondition(
      conds,
      'Progressing',
      'True',
      'NewReplicaSetCreated',
      `Created new replica set "${rsName}"`,
      nowMs,
    );
  if (available >= desired - maxUnavailable) {
    conds = setCondition(
      conds,
      'Available',
      'True',
      'MinimumReplicasAvailable',
      'Deployment has minimum availability.',
      nowMs,
    );
  } else {
    conds = setCondition(
      conds,
      'Available',
      'False',
      'MinimumReplicasUnavailable',
      'Deployment does not have minimum availability.',
      nowMs,
    );
  }
  const complete = newRS && updated === desired && available === desired && replicas === desired;
  const progressing = conditionOf(conds, 'Progressing');
  const advanced =
    updated > (prev.updatedReplicas ?? 0) ||
    ready > (prev.readyReplicas ?? 0) ||
    available > (prev.availableReplicas ?? 0) ||
    replicas - updated < (prev.replicas ?? 0) - (prev.updatedReplicas ?? 0);
  if (complete) {
    conds = setCondition(
      conds,
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `ReplicaSet "${rsName}" has successfully progressed.`,
      nowMs,
    );
  } else if (
    newRS &&
    !created &&
    (advanced ||
      !progressing ||
      (progressing.reason === 'NewReplicaSetAvailable' &&
        progressing.message !== `ReplicaSet "${rsName}" has successfully progressed.`))
  ) {
    // Progress moves lastUpdateTime (and the condition to the end) even with the same reason.
    conds = setCondition(
      conds,
      'Progressing',
      'True',
      'ReplicaSetUpdated',
      `ReplicaSet "${rsName}" is progressing.`,
      nowMs,
      true,
    );
  } else if (
    newRS &&
    !created &&
    progressing &&
    progressing.status === 'True' &&
    progressing.reason !== 'NewReplicaSetAvailable'
  ) {
    const deadline =
      parseRfc3339(progressing.lastUpdateTime) + (fresh.spec.progressDeadlineSeconds ?? 600) * 1000;
    if (nowMs >= deadline) {
      conds = setCondition(
        conds,
        'Progressing',
        'False',
        'ProgressDeadlineExceeded',
        `ReplicaSet "${rsName}" has timed out progressing.`,
        nowMs,
      );
    } else plan.deadline = deadline;
  }
  // Move a ReplicaSet's ReplicaFailure into the Deployment's conditions, or drop the copy once
  // none has one (syncRolloutStatus, after the Progressing checks; replicaset-failure.ts, late).
  if ((failing || conditionOf(conds, 'ReplicaFailure')) && latePartsLoaded())
    conds = late().replicaFailure.deployment(conds, all, newRS);
  const gen = fresh.metadata.generation;
  const unavailable = desired - available;
  // The status this sync would write equals the stored one (what the API server's deepEqual
  // would find): skip building it. Same conditions array, same counts, no other keys.
  if (
    conds === prevConds &&
    prev.observedGeneration === gen &&
    prev.replicas === (replicas !== 0 ? replicas : undefined) &&
    prev.updatedReplicas === (updated !== 0 ? updated : undefined) &&
    prev.readyReplicas === (ready !== 0 ? ready : undefined) &&
    prev.availableReplicas === (available !== 0 ? available : undefined) &&
    prev.unavailableReplicas === (unavailable > 0 ? unavailable : undefined) &&
    definedKeys(prev) ===
      (gen !== undefined ? 1 : 0) +
        (replicas !== 0 ? 1 : 0) +
        (updated !== 0 ? 1 : 0) +
        (ready !== 0 ? 1 : 0) +
        (available !== 0 ? 1 : 0) +
        (unavailable > 0 ? 1 : 0) +
        1 +
        (prev.collisionCount !== undefined ? 1 : 0)
  )
    return undefined;
  // Zero counts are omitted (omitempty). Built by adding keys, never deleting them: a `delete`
  // would turn every stored status into a slow dictionary-mode object.
  const status: Any = { observedGeneration: gen };
  if (replicas !== 0) status.replicas = replicas;
  if (updated !== 0) status.updatedReplicas = updated;
  if (ready !== 0) status.readyReplicas = ready;
  if (available !== 0) status.availableReplicas = available;
  if (unavailable > 0) status.unavailableReplicas = unavailable;
  status.conditions = conds;
  if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  return status;
}
