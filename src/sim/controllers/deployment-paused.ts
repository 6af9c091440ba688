// A paused Deployment, as the 1.34 deployment controller handles it (bound late: only a user's
// `kubectl rollout pause` or a manifest with spec.paused reaches it).
// [K8S pkg/controller/deployment/sync.go checkPausedConditions, sync, scale, syncDeploymentStatus,
// calculateStatus; util/deployment_util.go FindActiveOrLatest, IsSaturated, SetDeploymentCondition]
// - checkPausedConditions: with a progress deadline, Progressing turns Unknown DeploymentPaused
//   "Deployment is paused" while paused, Unknown DeploymentResumed "Deployment is resumed" once
//   resumed (never over a ProgressDeadlineExceeded one), so a resumed rollout does not time out;
// - sync: no new ReplicaSet is made for a changed template and nothing rolls (an old one whose
//   template matches again is renumbered, and the Deployment's revision follows); the only active (or
//   else the newest) ReplicaSet is scaled to spec.replicas, a saturated new one scales the old ones
//   to 0, old ReplicaSets beyond revisionHistoryLimit are deleted; the status has the counts and the
//   Available condition only (syncRolloutStatus's Progressing updates are skipped).
// - with several active ReplicaSets (paused mid-rollout) a scale is shared out proportionally.
import { ownedBy } from '../api/owners';
import type { Deployment, DeploymentCondition, ReplicaSet } from '../api/types';
import { copyWith } from '../apiserver/copy';
import type { Store } from '../apiserver/store';
import { rfc3339 } from '../runtime/clock';
import type { ControllerContext } from '../runtime/interfaces';
import { type SpecInfo, scaleRS } from './deployment';
import { DESIRED, MAX_REPLICAS, REVISION } from './deployment-annotations';
import { deploymentRollout } from './deployment-rollout';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

const MAX_INT32 = 2147483647;

/** SetDeploymentCondition: unchanged when status and reason match, else filtered out and appended. */
function setCondition(
  conds: readonly DeploymentCondition[],
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  nowMs: number,
): readonly DeploymentCondition[] {
  const prev = conds.find((c) => c.type === type);
  if (prev && prev.status === status && prev.reason === reason) return conds;
  const now = rfc3339(nowMs);
  const next: DeploymentCondition = {
    type,
    status,
    lastUpdateTime: now,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
    reason,
    message,
  };
  return [...conds.filter((c) => c !== prev), next];
}

/** checkPausedConditions; the Deployment as stored after it (the same object when nothing changed). */
function conditions(ctx: ControllerContext, d: Deployment): Deployment {
  const deadline = d.spec.progressDeadlineSeconds;
  if (deadline === undefined || deadline === MAX_INT32) return d;
  const conds = d.status?.conditions ?? [];
  const cond = conds.find((c) => c.type === 'Progressing');
  if (cond?.reason === 'ProgressDeadlineExceeded') return d;
  const pausedCond = cond?.reason === 'DeploymentPaused';
  let next: readonly DeploymentCondition[] | undefined;
  const now = ctx.clock.now();
  if (d.spec.paused && !pausedCond)
    next = setCondition(conds, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now);
  else if (!d.spec.paused && pausedCond)
    next = setCondition(conds, 'Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now);
  if (!next) return d;
  const r = ctx.api.updateStatus({ ...d, status: { ...d.status, conditions: [...next] } });
  return r.ok ? (r.object as Deployment) : d;
}

const active = (rs: ReplicaSet) => rs.spec.replicas > 0;

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
function older(a: ReplicaSet, b: ReplicaSet): number {
  const t = a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp);
  return t !== 0 ? t : a.metadata.name.localeCompare(b.metadata.name);
}

/** integer.RoundToInt32: half away from zero. */
const round = (x: number) => (x < 0 ? Math.ceil(x - 0.5) : Math.floor(x + 0.5));

/**
 * scale()'s proportional case (several active ReplicaSets, the new one not saturated): the
 * replicas allowed (spec.replicas + maxSurge) less those there are, shared out by each
 * ReplicaSet's size over the max-replicas it was last scaled for (GetReplicaSetProportion,
 * getReplicaSetFraction), the largest first (ties: newer first up, older first down), the
 * leftover to the first.
 */
function proportional(ctx: ControllerContext, d: Deployment, live: ReplicaSet[], info: SpecInfo): void {
  const want = d.spec.replicas;
  const total = live.reduce((n, rs) => n + rs.spec.replicas, 0);
  const toAdd = (want > 0 ? want + info.surge : 0) - total;
  if (toAdd === 0) return;
  const sorted = [...live].sort(
    (a, b) => b.spec.replicas - a.spec.replicas || (toAdd > 0 ? older(b, a) : older(a, b)),
  );
  const sizes = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of sorted) {
    let proportion = 0;
    if (rs.spec.replicas !== 0 && toAdd !== added) {
      let fraction: number;
      if (want === 0) fraction = -rs.spec.replicas;
      else {
        const before = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? 0) || (d.status?.replicas ?? 0);
        fraction =
          before === 0 ? 0 : round((rs.spec.replicas * (want + info.surge)) / before) - rs.spec.replicas;
      }
      const allowed = toAdd - added;
      proportion = toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }
    sizes.set(rs, rs.spec.replicas + proportion);
    added += proportion;
  }
  sorted.forEach((rs, i) => {
    let size = sizes.get(rs) as number;
    if (i === 0) size = Math.max(0, size + toAdd - added);
    scaleRS(ctx, d, rs, size, info.surge);
  });
}

/** sync() for a paused Deployment: scale, cleanupDeployment, syncDeploymentStatus. */
function sync(
  store: Store,
  ctx: ControllerContext,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  olds: ReplicaSet[],
  info: SpecInfo,
): void {
  const want = d.spec.replicas;
  // getNewReplicaSet: the Deployment's revision follows an existing new ReplicaSet's (one found
  // again when the template went back to an old revision is renumbered even while paused).
  const rev = newRS?.metadata.annotations?.[REVISION];
  if (rev && d.metadata.annotations?.[REVISION] !== rev) {
    const r = ctx.api.update({
      ...d,
      metadata: { ...d.metadata, annotations: copyWith(d.metadata.annotations, REVISION, rev) },
    });
    if (r.ok) d = r.object as Deployment;
  }
  // FindActiveOrLatest: old ones newest first, then the new one.
  const byNewest = [...olds].reverse();
  const all = newRS ? [...byNewest, newRS] : byNewest;
  const live = all.filter(active);
  const target = live.length === 1 ? live[0] : live.length === 0 ? (newRS ?? byNewest[0]) : undefined;
  if (target) {
    if (target.spec.replicas !== want) scaleRS(ctx, d, target, want, info.surge);
  } else if (
    newRS &&
    newRS.spec.replicas === want &&
    newRS.metadata.annotations?.[DESIRED] === String(want) &&
    (newRS.status?.availableReplicas ?? 0) === want
  ) {
    // IsSaturated: the old ReplicaSets are scaled down fully.
    for (const rs of olds) if (active(rs)) scaleRS(ctx, d, rs, 0, info.surge);
  } else if (d.spec.strategy.type === 'RollingUpdate') proportional(ctx, d, live, info);
  if (olds.length > (d.spec.revisionHistoryLimit ?? 10)) deploymentRollout.cleanupOld(ctx, d, olds);
  writeStatus(store, ctx, d, newRS, info);
}

/** calculateStatus: the counts, observedGeneration and the Available condition. */
function writeStatus(
  store: Store,
  ctx: ControllerContext,
  d0: Deployment,
  newRS0: ReplicaSet | undefined,
  info: SpecInfo,
): void {
  const d = store.get('Deployment', d0.metadata.namespace, d0.metadata.name) as Deployment | undefined;
  if (!d) return;
  const all = ownedBy(store, d, 'ReplicaSet') as ReplicaSet[];
  let replicas = 0;
  let ready = 0;
  let available = 0;
  for (const rs of all) {
    replicas += rs.status?.replicas ?? 0;
    ready += rs.status?.readyReplicas ?? 0;
    available += rs.status?.availableReplicas ?? 0;
  }
  const newRS = newRS0 && all.find((rs) => rs.metadata.uid === newRS0.metadata.uid);
  const updated = newRS?.status?.replicas ?? 0;
  const desired = d.spec.replicas;
  const prev = d.status ?? {};
  const ok = available >= desired - info.unavailable;
  const conds = setCondition(
    prev.conditions ?? [],
    'Available',
    ok ? 'True' : 'False',
    ok ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
    ok ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
    ctx.clock.now(),
  );
  const status: Any = { observedGeneration: d.metadata.generation };
  if (replicas) status.replicas = replicas;
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (desired - available > 0) status.unavailableReplicas = desired - available;
  if (conds.length) status.conditions = conds;
  if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  if (JSON.stringify(status) === JSON.stringify(prev)) return;
  ctx.api.updateStatus({ ...d, status });
}

export const deploymentPause = { conditions, sync };
