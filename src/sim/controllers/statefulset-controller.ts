// The 1.34 StatefulSet controller for a user's StatefulSet (pkg/controller/statefulset:
// stateful_set.go sync, stateful_set_control.go updateStatefulSet / processReplica /
// processCondemned, stateful_set_utils.go, stateful_pod_control.go), bound late through
// ./daemonset-sync's dispatch (the publishers controller watches StatefulSets and Pods):
// - the Pods are claimed first (getPodsForStatefulSet: the selector and isMemberOf, i.e. a name
//   `<set>-<ordinal>`; orphans adopted, owned ones no longer matching released), the revisions
//   kept (./statefulset-history);
// - Pods `<set>-<ordinal>` for ordinals [start, start+replicas) (spec.ordinals), each from the
//   current revision's template when its ordinal is below the partition (newVersionedStatefulSetPod)
//   and from the update revision's otherwise: GetPodFromTemplate (labels, annotations,
//   generateName `<set>-`, the controller reference), the labels statefulset.kubernetes.io/pod-name,
//   apps.kubernetes.io/pod-index (PodIndexLabel is GA) and controller-revision-hash (the revision's
//   name), spec.hostname = the Pod's name and spec.subdomain = serviceName (initIdentity); the
//   volumeClaimTemplates become persistentVolumeClaim volumes `<claim>-<set>-<ordinal>`
//   (updateStorage); the claims themselves are made before the Pod and kept by the retention
//   policy (./statefulset-claims);
// - processReplica in ordinal order: a Failed or Succeeded Pod is deleted (and made again once
//   gone), a missing one created; with OrderedReady (monotonic) the sync stops after a create, at a
//   terminating Pod, at one not Running and Ready, or not yet available (minReadySeconds); a Pod
//   whose pod-name label is wrong gets it (and the pod-index label) back (identityMatches,
//   UpdateStatefulPod: an "update Pod …" Event); Parallel goes on through every ordinal;
// - processCondemned from the highest ordinal down: a terminating one waits (monotonic), one not
//   Running and Ready waits unless it is the first unhealthy Pod, else it is deleted; monotonic
//   deletes one per sync;
// - RollingUpdate (not OnDelete): from the highest ordinal down to the partition, the first Pod
//   not at the update revision is deleted (it is made again at the update revision), and an
//   unhealthy Pod stops the walk; MaxUnavailableStatefulSet is off in 1.34;
// - status (updateStatus / computeReplicaStatus, completeRollingUpdate) written when it changed;
// - Events on the StatefulSet as recordPodEvent writes them: SuccessfulCreate "create Pod web-0 in
//   StatefulSet web successful", SuccessfulDelete "delete Pod …", SuccessfulUpdate "update Pod …",
//   and Failed<Verb> "create Pod web-0 in StatefulSet web failed error: <the API error>".
import { matchesLabelSelector } from '../api/labels';
import { controllerRef, ownerRefTo } from '../api/owners';
import type { K8sObject, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { ControllerContext, WatchEvent } from '../runtime/interfaces';
import { adopt, release } from './claim';
import { podAvailable, podReady } from './daemonset-nodes';
import { claimRetention, createClaims } from './statefulset-claims';
import { applyRevision, REVISION_LABEL, statefulSetRevisions, truncateHistory } from './statefulset-history';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
const SOURCE = { component: 'statefulset-controller' };
const ORDINAL = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: the set's name and the ordinal (-1 when the name has none). */
export function parentAndOrdinal(name: string): [string, number] {
  const m = ORDINAL.exec(name);
  if (!m) return ['', -1];
  const n = Number(m[2]);
  return [m[1] as string, n <= 2147483647 ? n : -1];
}

/** The queue keys of a watch event: a StatefulSet's own, a Pod's controller's. */
export function statefulSetKeys(ev: WatchEvent): string[] | undefined {
  const o = ev.view;
  const m = o.metadata;
  if (o.kind === 'StatefulSet') return [`StatefulSet/${m.namespace}/${m.name}`];
  if (o.kind !== 'Pod') return undefined;
  const ref = controllerRef(o);
  return ref?.kind === 'StatefulSet' ? [`StatefulSet/${m.namespace}/${ref.name}`] : undefined;
}

const running = (p: Pod) => p.status?.phase === 'Running';
const runningAndReady = (p: Pod) => running(p) && podReady(p);
const terminating = (p: Pod) => p.metadata.deletionTimestamp != null;
const healthy = (p: Pod) => runningAndReady(p) && !terminating(p);

/** newStatefulSetPod of `set` (whose template is the revision's) at `ordinal`, labelled `revision`. */
export function statefulSetPod(set: Any, ordinal: number, revision: string): K8sObject {
  const t = set.spec.template ?? {};
  const name = `${set.metadata.name}-${ordinal}`;
  const spec = structuredClone(t.spec ?? {});
  const claims: Any[] = set.spec.volumeClaimTemplates ?? [];
  if (claims.length) {
    // updateStorage: the claims' volumes, then the template's volumes of other names.
    const names = new Set(claims.map((c) => c.metadata?.name));
    spec.volumes = [
      ...claims.map((c) => ({
        name: c.metadata?.name,
        persistentVolumeClaim: { claimName: `${c.metadata?.name}-${set.metadata.name}-${ordinal}` },
      })),
      ...(spec.volumes ?? []).filter((v: Any) => !names.has(v.name)),
    ];
  }
  spec.hostname = name;
  // An empty serviceName (optional in 1.34) leaves subdomain unset (omitempty).
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  const metadata: Any = {
    name,
    generateName: `${set.metadata.name}-`,
    namespace: set.metadata.namespace,
    labels: {
      ...t.metadata?.labels,
      [POD_NAME_LABEL]: name,
      [POD_INDEX_LABEL]: String(ordinal),
      [REVISION_LABEL]: revision,
    },
  };
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers) metadata.finalizers = [...t.metadata.finalizers];
  metadata.ownerReferences = [ownerRefTo(set)];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec } as K8sObject;
}

function record(ctx: ControllerContext, set: Any, verb: string, pod: string, err?: string): void {
  const V = verb[0]?.toUpperCase() + verb.slice(1);
  if (err === undefined)
    ctx.events.record(
      set,
      'Normal',
      `Successful${V}`,
      `${verb} Pod ${pod} in StatefulSet ${set.metadata.name} successful`,
      SOURCE,
    );
  else
    ctx.events.record(
      set,
      'Warning',
      `Failed${V}`,
      `${verb} Pod ${pod} in StatefulSet ${set.metadata.name} failed error: ${err}`,
      SOURCE,
    );
}

function deletePod(ctx: ControllerContext, set: Any, p: Pod): boolean {
  const r = ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name);
  if (!r.ok && r.error.code === 404) return true;
  record(ctx, set, 'delete', p.metadata.name, r.ok ? undefined : r.error.message);
  return r.ok;
}

/** getPodsForStatefulSet's ClaimPods (selector and isMemberOf). */
function claimPods(api: ApiServer, set: Any, ctx: ControllerContext): Pod[] {
  const uid = set.metadata.uid;
  const out: Pod[] = [];
  for (const p of [...api.store.byNamespace('Pod', set.metadata.namespace)] as Pod[]) {
    const ref = controllerRef(p);
    const match =
      matchesLabelSelector(set.spec.selector, p.metadata.labels) &&
      parentAndOrdinal(p.metadata.name)[0] === set.metadata.name;
    if (ref) {
      if (ref.uid !== uid) continue;
      if (match) out.push(p);
      else release(ctx, set, p);
    } else if (match && !p.metadata.deletionTimestamp && !set.metadata.deletionTimestamp) {
      const adopted = adopt(ctx, set, p);
      if (adopted) out.push(adopted);
    }
  }
  return out;
}

interface Counts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/** computeReplicaStatus over the live Pods (a created Pod has a phase). */
export function countReplicas(pods: Pod[], mrs: number, now: number, cur: string, upd: string): Counts {
  const c: Counts = {
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
  };
  for (const p of pods) {
    if (p.status?.phase) c.replicas++;
    if (runningAndReady(p)) {
      c.readyReplicas++;
      if (podAvailable(p, mrs, now)) c.availableReplicas++;
    }
    if (p.status?.phase && !terminating(p)) {
      const rev = p.metadata.labels?.[REVISION_LABEL];
      if (rev === cur) c.currentReplicas++;
      if (rev === upd) c.updatedReplicas++;
    }
  }
  return c;
}

/** updateStatefulSet's Pod work; whether the sync may go on to the rolling update. */
function managePods(
  set: Any,
  currentSet: Any,
  updateSet: Any,
  cur: string,
  upd: string,
  pods: Pod[],
  now: number,
  ctx: ControllerContext,
): boolean {
  const start = set.spec.ordinals?.start ?? 0;
  const n = set.spec.replicas ?? 1;
  const replicas: (Pod | undefined)[] = new Array(n).fill(undefined);
  const condemned: Pod[] = [];
  for (const p of pods) {
    const ord = parentAndOrdinal(p.metadata.name)[1];
    if (ord >= start && ord < start + n) replicas[ord - start] = p;
    else if (ord >= 0) condemned.push(p);
  }
  condemned.sort((a, b) => parentAndOrdinal(b.metadata.name)[1] - parentAndOrdinal(a.metadata.name)[1]);
  const firstUnhealthy =
    replicas.find((p) => !p || !healthy(p)) ?? [...condemned].reverse().find((p) => !healthy(p));
  const monotonic = set.spec.podManagementPolicy !== 'Parallel';
  const mrs = set.spec.minReadySeconds ?? 0;
  const partition = set.spec.updateStrategy?.rollingUpdate?.partition;
  const currentCount = set.status?.currentReplicas ?? 0;
  // The claims' owner references for the retention policy (condemned Pods first: before they go).
  if (set.spec.volumeClaimTemplates?.length) {
    for (const p of condemned) claimRetention(set, p, parentAndOrdinal(p.metadata.name)[1], false, ctx);
    for (const p of replicas) if (p) claimRetention(set, p, parentAndOrdinal(p.metadata.name)[1], true, ctx);
  }
  for (let i = 0; i < n; i++) {
    const p = replicas[i];
    const ord = start + i;
    // createMissingPersistentVolumeClaims for a Pending Pod.
    if (p && p.status?.phase === 'Pending' && set.spec.volumeClaimTemplates?.length) {
      const err = createClaims(set, p.metadata.name, ord, ctx);
      if (err !== undefined) {
        record(ctx, set, 'create', p.metadata.name, err);
        return false;
      }
    }
    if (p && (p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded')) {
      if (!terminating(p)) deletePod(ctx, set, p);
      if (monotonic) return false;
      continue;
    }
    if (!p) {
      // newVersionedStatefulSetPod: below the partition (or, without rollingUpdate, below
      // status.currentReplicas) the current revision's template.
      const rolling = set.spec.updateStrategy?.type === 'RollingUpdate';
      const old = rolling && (partition == null ? ord < start + currentCount : ord < start + partition);
      const pod = old ? statefulSetPod(currentSet, ord, cur) : statefulSetPod(updateSet, ord, upd);
      // The Pod's claims first (CreateStatefulPod).
      const err = set.spec.volumeClaimTemplates?.length
        ? createClaims(set, pod.metadata.name, ord, ctx)
        : undefined;
      if (err !== undefined) {
        record(ctx, set, 'create', pod.metadata.name, err);
        return false;
      }
      const r = ctx.api.create(pod);
      if (r.ok && set.spec.volumeClaimTemplates?.length) claimRetention(set, r.object as Pod, ord, true, ctx);
      if (!(r.ok === false && r.error.code === 409))
        record(ctx, set, 'create', pod.metadata.name, r.ok ? undefined : r.error.message);
      if (monotonic || !r.ok) return false;
      continue;
    }
    if (monotonic && (terminating(p) || !runningAndReady(p) || !podAvailable(p, mrs, now))) return false;
    const want = p.metadata.name;
    // identityMatches looks at the pod-name label only; updateIdentity sets both labels back.
    if (p.metadata.labels?.[POD_NAME_LABEL] !== want) {
      const labels = { ...p.metadata.labels, [POD_NAME_LABEL]: want, [POD_INDEX_LABEL]: String(ord) };
      const r = ctx.api.update({ ...p, metadata: { ...p.metadata, labels } });
      record(ctx, set, 'update', want, r.ok ? undefined : r.error.message);
      if (!r.ok) return false;
    }
  }
  for (const p of condemned) {
    if (terminating(p)) {
      if (monotonic) return false;
      continue;
    }
    if (monotonic && p !== firstUnhealthy && (!runningAndReady(p) || !podAvailable(p, mrs, now)))
      return false;
    deletePod(ctx, set, p);
    if (monotonic) return false;
  }
  if (set.spec.updateStrategy?.type !== 'RollingUpdate') return false;
  // The rolling update, from the highest ordinal down to the partition.
  for (let i = n - 1; i >= (partition ?? 0); i--) {
    const p = replicas[i];
    // A Pod this sync created is not healthy yet.
    if (!p) return false;
    if (p.metadata.labels?.[REVISION_LABEL] !== upd && !terminating(p)) {
      deletePod(ctx, set, p);
      return false;
    }
    if (!healthy(p)) return false;
  }
  return true;
}

export function statefulSetSync(api: ApiServer, key: string, ctx: ControllerContext): void {
  const [, ns, name] = key.split('/') as [string, string, string];
  const set = api.store.get('StatefulSet', ns, name) as Any;
  if (!set) return;
  const pods = claimPods(api, set, ctx);
  const revs = statefulSetRevisions(api, set, ctx);
  if (!revs) return;
  const cur = revs.current.metadata.name;
  const upd = revs.update.metadata.name;
  const now = ctx.clock.now();
  if (!set.metadata.deletionTimestamp)
    managePods(
      set,
      applyRevision(set, revs.current),
      applyRevision(set, revs.update),
      cur,
      upd,
      pods,
      now,
      ctx,
    );
  // Status and history from the Pods the sync started with (updateStatus over replicas and
  // condemned): this sync's own creates and deletes are counted by the next one, which their
  // watch events start.
  truncateHistory(set, pods, revs, ctx);
  const latest = api.store.get('StatefulSet', ns, name) as Any;
  if (latest?.metadata.uid !== set.metadata.uid) return;
  const mrs = set.spec.minReadySeconds ?? 0;
  const c = countReplicas(pods, mrs, now, cur, upd);
  const st: Any = {
    observedGeneration: set.metadata.generation,
    replicas: c.replicas,
  };
  if (c.readyReplicas) st.readyReplicas = c.readyReplicas;
  let currentReplicas = c.currentReplicas;
  let currentRevision = cur;
  // completeRollingUpdate.
  if (
    set.spec.updateStrategy?.type === 'RollingUpdate' &&
    c.updatedReplicas === c.replicas &&
    c.readyReplicas === c.replicas
  ) {
    currentReplicas = c.updatedReplicas;
    currentRevision = upd;
  }
  if (currentReplicas) st.currentReplicas = currentReplicas;
  if (c.updatedReplicas) st.updatedReplicas = c.updatedReplicas;
  st.currentRevision = currentRevision;
  st.updateRevision = upd;
  st.collisionCount = revs.collisionCount;
  if (latest.status?.conditions) st.conditions = latest.status.conditions;
  st.availableReplicas = c.availableReplicas;
  if (JSON.stringify(st) !== JSON.stringify(latest.status)) ctx.api.updateStatus({ ...latest, status: st });
  // minReadySeconds: look again when a ready Pod becomes available.
  if (mrs > 0 && c.readyReplicas !== c.availableReplicas) ctx.requeueAfter(key, mrs * 1000);
}
