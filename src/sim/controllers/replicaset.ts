// ReplicaSet controller: creates Pods `<rs>-<5 chars>` (generateName) until enough are active,
// deletes surplus ones, and writes status. A Pod with a deletionTimestamp no longer counts, so the
// replacement is created at once while the old one is still Terminating (§C2).
// [K8S pkg/controller/replicaset/replica_set.go, controller_utils.go]

import { fromLabelSelector, matches } from '../api/labels';
import { controllerRef, isPodActive, isPodReady, ownedBy, ownerRefTo, splitKey } from '../api/owners';
import type { Pod, ReplicaSet } from '../api/types';
import type { Store } from '../apiserver/store';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';

// biome-ignore lint/suspicious/noExplicitAny: template fields are loosely typed JSON.
type Any = any;

const SOURCE = { component: 'replicaset-controller' };
/** replicaset controller's burstReplicas and kube-controller-manager's default --kube-api-qps. */
const BURST_REPLICAS = 500;
const API_QPS = 20;

export function createReplicaSetController(store: Store): Controller {
  /** ReplicaSet uid → simulated ms before which no more Pods are created (client rate limit). */
  const throttle = new Map<string, number>();
  return {
    name: 'replicaset-controller',
    watches: ['ReplicaSet', 'Pod'],
    keysFor(ev: WatchEvent): string[] {
      const o = ev.object;
      if (ev.kind === 'ReplicaSet') return [`${o.metadata.namespace}/${o.metadata.name}`];
      const ref = controllerRef(o);
      if (ref?.kind !== 'ReplicaSet') return [];
      // Status writes that change neither readiness, phase, deletion nor labels cannot change
      // what this controller counts (the kubelet's ContainerCreating / pod IP updates).
      if (ev.type === 'MODIFIED' && ev.old && !countsChanged(ev.old as Pod, o as Pod)) return [];
      return [`${o.metadata.namespace}/${ref.name}`];
    },
    reconcile(key: string, ctx: ControllerContext) {
      const [ns, name] = splitKey(key);
      const rs = store.get('ReplicaSet', ns, name) as ReplicaSet | undefined;
      if (!rs || rs.metadata.deletionTimestamp) return;
      syncReplicaSet(store, rs, ctx, throttle);
    },
  };
}

function countsChanged(a: Pod, b: Pod): boolean {
  return (
    isPodReady(a) !== isPodReady(b) ||
    a.status?.phase !== b.status?.phase ||
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp ||
    a.spec?.nodeName !== b.spec?.nodeName ||
    // Status writes keep the metadata maps by reference: compare text only when they differ.
    (a.metadata.labels !== b.metadata.labels &&
      JSON.stringify(a.metadata.labels) !== JSON.stringify(b.metadata.labels)) ||
    (a.metadata.ownerReferences !== b.metadata.ownerReferences &&
      JSON.stringify(a.metadata.ownerReferences) !== JSON.stringify(b.metadata.ownerReferences))
  );
}

/** Which surplus Pods go first: unscheduled, then not running, then not ready, then newest. */
function deletionRank(p: Pod): number {
  if (!p.spec.nodeName) return 0;
  if (p.status?.phase === 'Pending') return 1;
  if (!isPodReady(p)) return 2;
  return 3;
}

function syncReplicaSet(
  store: Store,
  rs: ReplicaSet,
  ctx: ControllerContext,
  throttle: Map<string, number>,
): void {
  const pods = ownedBy(store, rs, 'Pod') as Pod[];
  const active = pods.filter(isPodActive);
  const want = rs.spec.replicas;
  const diff = active.length - want;
  if (diff < 0) {
    const tpl: Any = rs.spec.template;
    // At most burstReplicas creations per sync; the rest follow once the controller's API rate
    // limit (kube-api-qps 20) has let these through.
    const key = `${rs.metadata.namespace}/${rs.metadata.name}`;
    const until = throttle.get(rs.metadata.uid) ?? 0;
    const nowMs = ctx.clock.now();
    let n = Math.min(-diff, BURST_REPLICAS);
    if (nowMs < until) {
      n = 0;
      ctx.requeueAfter(key, until - nowMs);
    } else if (-diff > BURST_REPLICAS) {
      const wait = (BURST_REPLICAS / API_QPS) * 1000;
      throttle.set(rs.metadata.uid, nowMs + wait);
      ctx.requeueAfter(key, wait);
    }
    for (let i = 0; i < n; i++) {
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${rs.metadata.name}-`,
          namespace: rs.metadata.namespace,
          labels: { ...(tpl.metadata?.labels ?? {}) },
          ...(tpl.metadata?.annotations ? { annotations: { ...tpl.metadata.annotations } } : {}),
          ownerReferences: [ownerRefTo(rs)],
        },
        spec: structuredClone(tpl.spec),
      } as unknown as Pod;
      const r = ctx.api.create(pod);
      if (r.ok)
        ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, SOURCE);
      else ctx.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, SOURCE);
    }
  } else if (diff > 0) {
    const victims = [...active]
      .sort((a, b) => {
        const r = deletionRank(a) - deletionRank(b);
        if (r !== 0) return r;
        const t = b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp);
        return t !== 0 ? t : a.metadata.name.localeCompare(b.metadata.name);
      })
      .slice(0, Math.min(diff, BURST_REPLICAS));
    for (const p of victims) {
      const r = ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name);
      if (r.ok)
        ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
    }
  }
  // Nothing written above ⇒ the owned Pods are still `pods`; otherwise read them again.
  const now = diff === 0 ? pods : (ownedBy(store, rs, 'Pod') as Pod[]);
  const live = now.filter(isPodActive);
  const ready = live.filter(isPodReady).length;
  const sel = fromLabelSelector(rs.spec.selector);
  const labeled = live.filter((p) => matches(sel, p.metadata.labels)).length;
  const status: Any = {
    replicas: live.length,
    ...(labeled ? { fullyLabeledReplicas: labeled } : {}),
    ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
    observedGeneration: rs.metadata.generation,
  };
  const terminating = now.filter((p) => p.metadata.deletionTimestamp).length;
  if (terminating) status.terminatingReplicas = terminating;
  ctx.api.updateStatus({ ...rs, status });
}
