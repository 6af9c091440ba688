// Deployment controller: keeps a ReplicaSet `<deployment>-<pod-template-hash>` per template,
// scales it, rolls updates with maxSurge/maxUnavailable, and writes status with the real
// condition reasons and messages. [K8S pkg/controller/deployment: sync.go, rolling.go,
// recreate.go, progress.go, util/deployment_util.go]

import { controllerRef, ownedBy, ownerRefTo, scaledValue, splitKey } from '../api/owners';
import type { Deployment, DeploymentCondition, K8sObject, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import { parseRfc3339, rfc3339 } from '../runtime/clock';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';
import { computeHash } from './deployment-hash';

// biome-ignore lint/suspicious/noExplicitAny: spec fields are loosely typed JSON.
type Any = any;

const REVISION = 'deployment.kubernetes.io/revision';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const HASH_LABEL = 'pod-template-hash';
const SOURCE = { component: 'deployment-controller' };

function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge, d.spec.replicas, true);
  let unavailable = scaledValue(ru?.maxUnavailable, d.spec.replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, d.spec.replicas) };
}

function revisionOf(rs: K8sObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

function byCreation(a: K8sObject, b: K8sObject): number {
  const t = a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp);
  return t !== 0 ? t : a.metadata.name.localeCompare(b.metadata.name);
}

export function createDeploymentController(store: Store): Controller {
  return {
    name: 'deployment-controller',
    watches: ['Deployment', 'ReplicaSet'],
    keysFor(ev: WatchEvent): string[] {
      const o = ev.object;
      if (ev.kind === 'Deployment') return [`${o.metadata.namespace}/${o.metadata.name}`];
      const ref = controllerRef(o);
      return ref?.kind === 'Deployment' ? [`${o.metadata.namespace}/${ref.name}`] : [];
    },
    reconcile(key: string, ctx: ControllerContext) {
      const [ns, name] = splitKey(key);
      const d = store.get('Deployment', ns, name) as Deployment | undefined;
      if (!d || d.metadata.deletionTimestamp) return;
      syncDeployment(store, d, ctx);
    },
  };
}

function scaleRS(ctx: ControllerContext, d: Deployment, rs: ReplicaSet, to: number): ReplicaSet {
  const from = rs.spec.replicas;
  if (from === to) return rs;
  const { surge } = resolveFenceposts(d);
  const annotations = {
    ...(rs.metadata.annotations ?? {}),
    [DESIRED]: String(d.spec.replicas),
    [MAX_REPLICAS]: String(d.spec.replicas + surge),
  };
  const r = ctx.api.update({
    ...rs,
    metadata: { ...rs.metadata, annotations },
    spec: { ...rs.spec, replicas: to },
  });
  if (!r.ok) return rs;
  const word = to > from ? 'up' : 'down';
  ctx.events.record(
    d,
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${word} replica set ${rs.metadata.name} from ${from} to ${to}`,
    SOURCE,
  );
  return r.object as ReplicaSet;
}

function syncDeployment(store: Store, d: Deployment, ctx: ControllerContext): void {
  const rev0 = store.revision;
  const all = ownedBy(store, d, 'ReplicaSet') as ReplicaSet[];
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  let newRS = all.find((rs) => rs.metadata.labels?.[HASH_LABEL] === hash);
  const olds = all.filter((rs) => rs !== newRS).sort(byCreation);
  const { surge, unavailable } = resolveFenceposts(d);
  let created = false;

  if (!newRS && !d.spec.paused) {
    const rsName = `${d.metadata.name}-${hash}`;
    const clash = store.get('ReplicaSet', d.metadata.namespace, rsName);
    if (clash) {
      // Hash collision with a ReplicaSet we do not own: bump collisionCount and try again.
      ctx.api.updateStatus({
        ...d,
        status: { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 },
      });
      return;
    }
    const oldActive = olds.reduce((n, rs) => n + rs.spec.replicas, 0);
    let replicas = d.spec.replicas;
    if (d.spec.strategy.type === 'Recreate') replicas = oldActive > 0 ? 0 : d.spec.replicas;
    else if (oldActive > 0)
      replicas = Math.max(0, Math.min(d.spec.replicas, d.spec.replicas + surge - oldActive));
    const revision = Math.max(0, ...all.map(revisionOf)) + 1;
    const tpl: Any = d.spec.template;
    const labels = { ...(tpl.metadata?.labels ?? {}), [HASH_LABEL]: hash };
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: d.metadata.namespace,
        labels,
        annotations: {
          [DESIRED]: String(d.spec.replicas),
          [MAX_REPLICAS]: String(d.spec.replicas + (d.spec.strategy.type === 'RollingUpdate' ? surge : 0)),
          [REVISION]: String(revision),
        },
        ownerReferences: [ownerRefTo(d)],
      },
      spec: {
        replicas,
        selector: {
          ...d.spec.selector,
          matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [HASH_LABEL]: hash },
        },
        template: { ...tpl, metadata: { ...(tpl.metadata ?? {}), labels } },
        ...(d.spec.minReadySeconds !== undefined ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      },
    } as unknown as ReplicaSet;
    const r = ctx.api.create(rs);
    if (!r.ok) return;
    newRS = r.object as ReplicaSet;
    created = true;
    if (replicas > 0) {
      ctx.events.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${rsName} from 0 to ${replicas}`,
        SOURCE,
      );
    }
  }

  if (newRS && !d.spec.paused) {
    if (d.spec.strategy.type === 'Recreate') {
      let oldRunning = false;
      for (const rs of olds) {
        if (rs.spec.replicas > 0) scaleRS(ctx, d, rs, 0);
        // oldPodsRunning: Terminating pods still count until the kubelet has removed them.
        if (
          ownedBy(store, rs, 'Pod').some(
            (p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
          )
        )
          oldRunning = true;
      }
      if (!oldRunning && !olds.some((rs) => rs.spec.replicas > 0))
        newRS = scaleRS(ctx, d, newRS, d.spec.replicas);
    } else {
      newRS = rollingUpdate(ctx, d, newRS, olds, surge, unavailable);
    }
    // Revision annotation on the Deployment follows its newest ReplicaSet.
    const rev = newRS.metadata.annotations?.[REVISION];
    if (rev && d.metadata.annotations?.[REVISION] !== rev) {
      const r = ctx.api.update({
        ...d,
        metadata: { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}), [REVISION]: rev } },
      });
      if (r.ok) d = r.object as Deployment;
    }
    cleanupOld(ctx, d, olds);
  }
  // Most syncs write nothing before the status: then `d` and `all` are still what the store holds.
  const unchanged = store.revision === rev0 ? { d, all } : undefined;
  syncStatus(store, ctx, d, newRS, created, unavailable, unchanged);
}

function specSum(list: ReplicaSet[]): number {
  return list.reduce((n, rs) => n + rs.spec.replicas, 0);
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
  // Scale up the new ReplicaSet within maxSurge (NewRSNewReplicas).
  if (olds.every((rs) => rs.spec.replicas === 0)) {
    newRS = scaleRS(ctx, d, newRS, replicas);
  } else if (newRS.spec.replicas < replicas) {
    const current = specSum([newRS, ...olds]);
    const room = replicas + surge - current;
    if (room > 0)
      newRS = scaleRS(ctx, d, newRS, newRS.spec.replicas + Math.min(room, replicas - newRS.spec.replicas));
  } else if (newRS.spec.replicas > replicas) {
    newRS = scaleRS(ctx, d, newRS, replicas);
  }
  // Scale down old ReplicaSets without going below minAvailable (reconcileOldReplicaSets).
  const oldCount = specSum(olds);
  if (oldCount === 0) return newRS;
  const allCount = specSum([newRS, ...olds]);
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
    current[i] = scaleRS(ctx, d, rs, rs.spec.replicas - n);
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
    current[i] = scaleRS(ctx, d, rs, rs.spec.replicas - n);
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

function setCondition(
  conds: DeploymentCondition[],
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: string,
): DeploymentCondition[] {
  const prev = conds.find((c) => c.type === type);
  if (prev && prev.status === status && prev.reason === reason && prev.message === message) return conds;
  const next: DeploymentCondition = {
    type,
    status,
    lastUpdateTime: now,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
    reason,
    message,
  };
  return prev ? conds.map((c) => (c.type === type ? next : c)) : [...conds, next];
}

function syncStatus(
  store: Store,
  ctx: ControllerContext,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  created: boolean,
  maxUnavailable: number,
  unchanged?: { d: Deployment; all: ReplicaSet[] },
): void {
  const fresh =
    unchanged?.d ??
    (store.get('Deployment', d.metadata.namespace, d.metadata.name) as Deployment | undefined);
  if (!fresh) return;
  const all = unchanged?.all ?? (ownedBy(store, fresh, 'ReplicaSet') as ReplicaSet[]);
  let replicas = 0;
  let ready = 0;
  let available = 0;
  for (const rs of all) {
    replicas += rs.status?.replicas ?? 0;
    ready += rs.status?.readyReplicas ?? 0;
    available += rs.status?.availableReplicas ?? 0;
  }
  const updated = newRS
    ? ((store.get('ReplicaSet', newRS.metadata.namespace, newRS.metadata.name) as ReplicaSet | undefined)
        ?.status?.replicas ?? 0)
    : 0;
  const desired = fresh.spec.replicas;
  const nowMs = ctx.clock.now();
  const now = rfc3339(nowMs);
  const prev = fresh.status ?? {};
  let conds: DeploymentCondition[] = [...(prev.conditions ?? [])];
  if (available >= desired - maxUnavailable) {
    conds = setCondition(
      conds,
      'Available',
      'True',
      'MinimumReplicasAvailable',
      'Deployment has minimum availability.',
      now,
    );
  } else {
    conds = setCondition(
      conds,
      'Available',
      'False',
      'MinimumReplicasUnavailable',
      'Deployment does not have minimum availability.',
      now,
    );
  }
  const rsName = newRS?.metadata.name ?? '';
  const complete = newRS && updated === desired && available === desired && replicas === desired;
  const progressing = conds.find((c) => c.type === 'Progressing');
  const advanced =
    updated > (prev.updatedReplicas ?? 0) ||
    ready > (prev.readyReplicas ?? 0) ||
    available > (prev.availableReplicas ?? 0) ||
    replicas - updated < (prev.replicas ?? 0) - (prev.updatedReplicas ?? 0);
  if (created) {
    conds = setCondition(
      conds,
      'Progressing',
      'True',
      'NewReplicaSetCreated',
      `Created new replica set "${rsName}"`,
      now,
    );
  } else if (complete) {
    conds = setCondition(
      conds,
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `ReplicaSet "${rsName}" has successfully progressed.`,
      now,
    );
  } else if (
    newRS &&
    (advanced ||
      !progressing ||
      (progressing.reason === 'NewReplicaSetAvailable' &&
        progressing.message !== `ReplicaSet "${rsName}" has successfully progressed.`))
  ) {
    conds = setCondition(
      conds,
      'Progressing',
      'True',
      'ReplicaSetUpdated',
      `ReplicaSet "${rsName}" is progressing.`,
      now,
    );
  } else if (
    newRS &&
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
        now,
      );
    } else {
      ctx.requeueAfter(`${fresh.metadata.namespace}/${fresh.metadata.name}`, deadline - nowMs + 1);
    }
  }
  // Available before Progressing, as the API returns them.
  conds.sort((a, b) =>
    a.type === b.type ? 0 : a.type === 'Available' ? -1 : b.type === 'Available' ? 1 : 0,
  );
  // Zero counts are omitted (omitempty). Built by adding keys, never deleting them: a `delete`
  // would turn every stored status into a slow dictionary-mode object.
  const status: Any = { observedGeneration: fresh.metadata.generation };
  if (replicas !== 0) status.replicas = replicas;
  if (updated !== 0) status.updatedReplicas = updated;
  if (ready !== 0) status.readyReplicas = ready;
  if (available !== 0) status.availableReplicas = available;
  if (desired - available > 0) status.unavailableReplicas = desired - available;
  status.conditions = conds;
  if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  ctx.api.updateStatus({ ...fresh, status });
}
