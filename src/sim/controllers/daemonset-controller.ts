// The 1.34 daemon controller for a user's DaemonSet (pkg/controller/daemon/daemon_controller.go
// syncDaemonSet), bound late with ./daemonset-sync, which hands it every DaemonSet that is not one
// of the boot's lazy entries:
// - the current revision's hash is the controller-revision-hash label of its ControllerRevision
//   (./daemonset-history: constructHistory before manage, cleanupHistory after the update; a new
//   revision's is ComputeHash of the stored template and status.collisionCount);
// - manage: per node (podsShouldBeOnNode) a Pod is created where the node should run one and has
//   none (a Pod still terminating counts as present; with surge, only a Pod not being deleted
//   does), a Failed or Succeeded Pod is deleted (FailedDaemonPod / SucceededDaemonPod Events; a
//   Failed one not while the node's back-off runs, ./daemonset-backoff: requeued after it), extra
//   running Pods are deleted (all but the oldest; with surge, the oldest old and new one are kept
//   while the new one is not yet available), and every Pod on a node that must not keep one;
// - syncNodes: the creates, then the deletes, each recorded as SuccessfulCreate "Created pod: X" /
//   SuccessfulDelete "Deleted pod: X" on the DaemonSet (controller_utils.go RealPodControl);
// - the update strategy (./daemonset-rolling) only when manage changed nothing (the real controller
//   waits for its expectations, i.e. for its own creates and deletes to be observed); OnDelete
//   leaves old Pods alone;
// - updateDaemonSetStatus from the Pods: per node that should run one, its oldest Pod counts as
//   scheduled, ready, available (minReadySeconds) and updated; a Pod on a node that should not run
//   it is misscheduled; observedGeneration is the generation; with minReadySeconds, a resync when
//   ready and available differ.
// - first, the Pods are claimed (claimPods: orphans adopted, Pods no longer matched released).
// Not simulated: the slow-start create batches (every create succeeds).
import { matchesLabelSelector } from '../api/labels';
import { controllerRef } from '../api/owners';
import type { K8sObject, Node, Pod } from '../api/types';
import { TEMPLATE_GENERATION } from '../apiserver/defaults-daemonset';
import type { ApiServer } from '../apiserver/server';
import type { ControllerContext } from '../runtime/interfaces';
import { adopt, release } from './claim';
import { FailedPodsBackoff } from './daemonset-backoff';
import { cleanupHistory, constructHistory, HASH_LABEL } from './daemonset-history';
import { daemonPodFor, nodeShouldRun, podAvailable, podReady, podsByNode } from './daemonset-nodes';
import { podUpdated, rollingPlan } from './daemonset-rolling';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

const SOURCE = { component: 'daemonset-controller' };

/** podByCreationTimestampAndPhase: scheduled Pods first, then the oldest, then by name. */
function byAge(a: Pod, b: Pod): number {
  const sa = a.spec.nodeName ? 0 : 1;
  const sb = b.spec.nodeName ? 0 : 1;
  if (sa !== sb) return sa - sb;
  const ta = a.metadata.creationTimestamp;
  const tb = b.metadata.creationTimestamp;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** podsShouldBeOnNode's answer for one node: whether it needs a Pod, and the Pods to delete. */
function podsForNode(
  ds: Any,
  node: Node,
  pods: Pod[] | undefined,
  hash: string,
  now: number,
  ctx: ControllerContext,
  backoff: FailedPodsBackoff,
  key: string,
): { create: boolean; remove: string[] } {
  const [shouldRun, shouldContinue] = nodeShouldRun(ds, node);
  const remove: string[] = [];
  if (shouldRun && !pods) return { create: true, remove };
  if (shouldContinue) {
    const running: Pod[] = [];
    for (const p of pods ?? []) {
      if (p.metadata.deletionTimestamp) continue;
      const phase = p.status?.phase;
      if (phase === 'Failed') {
        // Kubelets that reject a Pod would make this a hot loop: failedPodsBackoff.
        const id = FailedPodsBackoff.key(ds, node.metadata.name);
        if (backoff.inBackoff(id, now)) {
          ctx.requeueAfter(key, backoff.get(id));
          continue;
        }
        backoff.next(id, now);
        ctx.events.record(
          ds,
          'Warning',
          'FailedDaemonPod',
          `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`,
          SOURCE,
        );
        remove.push(p.metadata.name);
      } else if (phase === 'Succeeded') {
        ctx.events.record(
          ds,
          'Normal',
          'SucceededDaemonPod',
          `Found succeeded daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to delete it`,
          SOURCE,
        );
        remove.push(p.metadata.name);
      } else running.push(p);
    }
    running.sort(byAge);
    const surge = scaledSurge(ds) > 0;
    if (!surge) {
      for (const p of running.slice(1)) remove.push(p.metadata.name);
      return { create: false, remove };
    }
    // Surging: a node needs one Pod not being deleted (its only Pod may be terminating).
    if (running.length <= 1) return { create: running.length === 0 && shouldRun, remove };
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const p of running) {
      const isNew = p.metadata.labels?.['controller-revision-hash'] === hash;
      if (isNew && !oldestNew) oldestNew = p;
      else if (!isNew && !oldestOld) oldestOld = p;
      else remove.push(p.metadata.name);
    }
    if (oldestNew && oldestOld) {
      if (!podReady(oldestOld)) remove.push(oldestOld.metadata.name);
      else if (podAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, now))
        remove.push(oldestOld.metadata.name);
    }
    return { create: false, remove };
  }
  for (const p of pods ?? []) if (!p.metadata.deletionTimestamp) remove.push(p.metadata.name);
  return { create: false, remove };
}

/** util.AllowsSurge: a RollingUpdate whose maxSurge is not 0 (as an int or a percent). */
function scaledSurge(ds: Any): number {
  const st = ds.spec.updateStrategy;
  if (st?.type !== 'RollingUpdate') return 0;
  const v = st.rollingUpdate?.maxSurge;
  if (typeof v === 'number') return v;
  return typeof v === 'string' && /^[0-9]+%$/.test(v) ? Number(v.slice(0, -1)) : 0;
}

/** syncNodes: the creates, then the deletes; whether anything was written. */
function syncNodes(
  ds: Any,
  remove: string[],
  create: string[],
  hash: string,
  gen: string,
  ctx: ControllerContext,
): boolean {
  for (const node of create) {
    const r = ctx.api.create(daemonPodFor(ds, node, gen, hash));
    if (r.ok)
      ctx.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, SOURCE);
    else ctx.events.record(ds, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, SOURCE);
  }
  for (const name of remove) {
    const r = ctx.api.delete('Pod', ds.metadata.namespace, name);
    if (r.ok) ctx.events.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, SOURCE);
    else if (r.error.code !== 404)
      ctx.events.record(ds, 'Warning', 'FailedDelete', `Error deleting: ${r.error.message}`, SOURCE);
  }
  return create.length + remove.length > 0;
}

/** updateDaemonSetStatus's counts, in DaemonSetStatus's field order (omitempty ones left out at 0). */
export function userDaemonSetStatus(api: ApiServer, ds: Any, nodes: Node[], hash: string, now: number): Any {
  const byNode = podsByNode(api, ds.metadata.uid);
  const gen = ds.metadata.annotations?.[TEMPLATE_GENERATION];
  const mrs = ds.spec.minReadySeconds ?? 0;
  let desired = 0;
  let current = 0;
  let mis = 0;
  let readyN = 0;
  let available = 0;
  let updated = 0;
  for (const n of nodes) {
    const pods = byNode.get(n.metadata.name);
    if (!nodeShouldRun(ds, n)[0]) {
      if (pods?.length) mis++;
      continue;
    }
    desired++;
    if (!pods?.length) continue;
    current++;
    const p = [...pods].sort(byAge)[0] as Pod;
    if (podReady(p)) {
      readyN++;
      if (podAvailable(p, mrs, now)) available++;
    }
    if (podUpdated(p, hash, gen)) updated++;
  }
  const st: Any = {
    currentNumberScheduled: current,
    numberMisscheduled: mis,
    desiredNumberScheduled: desired,
    numberReady: readyN,
    observedGeneration: ds.metadata.generation,
  };
  if (updated) st.updatedNumberScheduled = updated;
  if (available) st.numberAvailable = available;
  if (desired - available) st.numberUnavailable = desired - available;
  if (ds.status?.collisionCount != null) st.collisionCount = ds.status.collisionCount;
  if (ds.status?.conditions) st.conditions = ds.status.conditions;
  return st;
}

/**
 * getDaemonPods' ClaimPods (controller_ref_manager.go ClaimObject) over every Pod of the namespace:
 * a Pod this DaemonSet controls that its selector no longer matches is released (its
 * ownerReference removed); an orphan it matches that is not being deleted is adopted (a
 * controller ownerReference added); Pods another controller owns are left alone. Both are
 * metadata updates of the Pod, as the controller's patches are. An orphan appearing later is
 * adopted on the DaemonSet's next sync (here only its own Pods' and its own events start one).
 */
function claimPods(api: ApiServer, ds: Any, ctx: ControllerContext): void {
  const uid = ds.metadata.uid;
  for (const p of [...api.store.byNamespace('Pod', ds.metadata.namespace)] as Pod[]) {
    const ref = controllerRef(p);
    const match = matchesLabelSelector(ds.spec.selector, p.metadata.labels);
    if (ref) {
      if (ref.uid === uid && !match) release(ctx, ds, p);
    } else if (match && !p.metadata.deletionTimestamp) adopt(ctx, ds, p);
  }
}

export function syncUserDaemonSet(api: ApiServer, ds: Any, key: string, ctx: ControllerContext): void {
  if (ds.metadata.deletionTimestamp) return;
  claimPods(api, ds, ctx);
  // The current revision's controller-revision-hash label (./daemonset-history).
  const history = constructHistory(api, ds, ctx);
  if (!history) return;
  const hash = history.cur.metadata.labels?.[HASH_LABEL] ?? '';
  const nodes = [...(api.store.byNamespace('Node', '') as Iterable<Node>)];
  const now = ctx.clock.now();
  const gen = ds.metadata.annotations?.[TEMPLATE_GENERATION] ?? '1';
  const byNode = podsByNode(api, ds.metadata.uid);
  const create: string[] = [];
  const remove: string[] = [];
  const backoff = new FailedPodsBackoff(api);
  for (const n of nodes) {
    const r = podsForNode(ds, n, byNode.get(n.metadata.name), hash, now, ctx, backoff, key);
    if (r.create) create.push(n.metadata.name);
    remove.push(...r.remove);
  }
  const changed = syncNodes(ds, remove, create, hash, gen, ctx);
  if (!changed && ds.spec.updateStrategy?.type === 'RollingUpdate') {
    const plan = rollingPlan(ds, nodes, podsByNode(api, ds.metadata.uid), hash, gen, now);
    syncNodes(ds, plan.remove, plan.create, hash, gen, ctx);
  }
  const owned = api.store.byOwner(ds.metadata.uid).filter((o) => o.kind === 'Pod') as Pod[];
  cleanupHistory(ds, history.old, owned, ctx);
  const cur = api.store.get('DaemonSet', ds.metadata.namespace, ds.metadata.name) as Any;
  if (cur?.metadata.uid !== ds.metadata.uid) return;
  const st = userDaemonSetStatus(api, cur, nodes, hash, now);
  ctx.api.updateStatus({ ...cur, status: st } as K8sObject);
  const mrs = cur.spec.minReadySeconds ?? 0;
  if (mrs > 0 && st.numberReady !== (st.numberAvailable ?? 0)) ctx.requeueAfter(key, mrs * 1000);
}
