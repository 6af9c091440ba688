// A Deployment's rollout between ReplicaSets: the Recreate and RollingUpdate strategies once an
// old ReplicaSet exists, and the clean-up of old ones beyond revisionHistoryLimit. Bound late
// (src/sim/late.ts): the boot's Deployments each have one ReplicaSet, so only a student's template
// change reaches this. [K8S pkg/controller/deployment: rolling.go reconcileNewReplicaSet /
// reconcileOldReplicaSets / cleanupUnhealthyReplicas, recreate.go, sync.go cleanupDeployment]
import { ownedBy } from '../api/owners';
import type { Deployment, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import type { ControllerContext } from '../runtime/interfaces';
import { scaleRS } from './deployment';

/** One sync's rollout step for `d` with its new ReplicaSet and its old ones (oldest first). */
function roll(
  store: Store,
  ctx: ControllerContext,
  d: Deployment,
  newRS: ReplicaSet,
  olds: ReplicaSet[],
  surge: number,
  unavailable: number,
): ReplicaSet {
  if (d.spec.strategy.type !== 'Recreate') return rollingUpdate(ctx, d, newRS, olds, surge, unavailable);
  let oldRunning = false;
  for (const rs of olds) {
    if (rs.spec.replicas > 0) scaleRS(ctx, d, rs, 0, surge);
    // oldPodsRunning: Terminating pods still count until the kubelet has removed them.
    if (
      ownedBy(store, rs, 'Pod').some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    )
      oldRunning = true;
  }
  if (!oldRunning && !olds.some((rs) => rs.spec.replicas > 0))
    return scaleRS(ctx, d, newRS, d.spec.replicas, surge);
  return newRS;
}

function specSum(list: readonly ReplicaSet[]): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) n += (list[i] as ReplicaSet).spec.replicas;
  return n;
}

function rollingUpdate(
  ctx: ControllerContext,
  d: Deployment,
  newRS: ReplicaSet,
  olds: ReplicaSet[],
  surge: number,
  maxUnavailable: number,
): ReplicaSet {
  const replicas = d.spec.replicas;
  const oldsBefore = specSum(olds);
  // Scale up the new ReplicaSet within maxSurge (NewRSNewReplicas).
  if (oldsBefore === 0) {
    newRS = scaleRS(ctx, d, newRS, replicas, surge);
  } else if (newRS.spec.replicas < replicas) {
    const current = newRS.spec.replicas + oldsBefore;
    const room = replicas + surge - current;
    if (room > 0)
      newRS = scaleRS(
        ctx,
        d,
        newRS,
        newRS.spec.replicas + Math.min(room, replicas - newRS.spec.replicas),
        surge,
      );
  } else if (newRS.spec.replicas > replicas) {
    newRS = scaleRS(ctx, d, newRS, replicas, surge);
  }
  // Scale down old ReplicaSets without going below minAvailable (reconcileOldReplicaSets).
  const oldCount = oldsBefore;
  if (oldCount === 0) return newRS;
  const allCount = newRS.spec.replicas + oldCount;
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = newRS.spec.replicas - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allCount - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return newRS;
  let scaledDown = 0;
  const current = olds.map((rs) => rs);
  // First the old pods that are not available anyway (cleanupUnhealthyReplicas).
  for (let i = 0; i < current.length && scaledDown < maxScaledDown; i++) {
    const rs = current[i] as ReplicaSet;
    const unhealthy = rs.spec.replicas - (rs.status?.availableReplicas ?? 0);
    if (unhealthy <= 0) continue;
    const n = Math.min(unhealthy, maxScaledDown - scaledDown);
    current[i] = scaleRS(ctx, d, rs, rs.spec.replicas - n, surge);
    scaledDown += n;
  }
  // Then available old pods, down to minAvailable across all ReplicaSets.
  const available = [newRS, ...current].reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
  if (available <= minAvailable) return newRS;
  let budget = Math.min(available - minAvailable, maxScaledDown - scaledDown);
  for (let i = 0; i < current.length && budget > 0; i++) {
    const rs = current[i] as ReplicaSet;
    if (rs.spec.replicas === 0) continue;
    const n = Math.min(rs.spec.replicas, budget);
    current[i] = scaleRS(ctx, d, rs, rs.spec.replicas - n, surge);
    budget -= n;
  }
  return newRS;
}

/** Delete old, fully scaled-down ReplicaSets beyond revisionHistoryLimit (oldest first). */
function cleanupOld(ctx: ControllerContext, d: Deployment, olds: ReplicaSet[]): void {
  const limit = d.spec.revisionHistoryLimit ?? 10;
  const idle = olds.filter((rs) => rs.spec.replicas === 0 && (rs.status?.replicas ?? 0) === 0);
  const excess = idle.length - limit;
  for (let i = 0; i < excess; i++) {
    const rs = idle[i] as ReplicaSet;
    ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  }
}

export const deploymentRollout = { roll, cleanupOld };
