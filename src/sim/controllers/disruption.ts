// kube-controller-manager's disruption controller of 1.34 [K8S pkg/controller/disruption/
// disruption.go; the copy read has the typed workqueues and GetPodObservedGenerationIfEnabledOnCondition
// of 1.33+], riding on the publishers controller (bound late: ../late-impl), so nothing runs
// until a user writes a PodDisruptionBudget.
// - Keys: a PDB's own events (addDB/updateDB/removeDB); a Pod's events enqueue the first PDB
//   whose selector matches it (getPdbForPod: the lister's GetPodPodDisruptionBudgets, where an
//   empty selector matches every Pod of the namespace; the first by name here, "arbitrarily" there),
//   and with more than one the Pod gets a Warning MultiplePodDisruptionBudgets `Pod "ns"/"x" matches
//   multiple PodDisruptionBudgets.  Chose "p" arbitrarily.`. No Deployment/ReplicaSet/StatefulSet
//   handler: a scale shows through the Pods it creates or deletes, as in the real controller.
// - trySync: the Pods of the namespace the selector picks (nil: none); none records Normal NoPods
//   "No matching pods found". getExpectedPodCount: maxUnavailable, or a percent minAvailable,
//   need the Pods' controllers' scale (getExpectedScale: a Pod's controllerRef through the finders
//   — ReplicaSet owned by a Deployment → the Deployment's replicas, a bare ReplicaSet's, a
//   StatefulSet's, then the scale subresource, which answers for any ReplicaSet/Deployment/
//   StatefulSet that exists with that uid; a DaemonSet's or Job's Pods fail with "daemonsets.apps
//   does not implement the scale subresource"; a controller that is gone, "found no controllers for
//   pod \"x\""); a Pod with no controllerRef is unmanaged (Warning UnmanagedPods, the selector as
//   Go's %v of *metav1.LabelSelector). An integer minAvailable takes the Pod count as expectedPods.
//   Percentages round up (GetScaledValueFromIntOrPercent with roundUp).
//   A failure records Warning CalculateExpectedPodCountFailed "Failed to calculate the number of
//   expected pods: <err>" and failSafe writes disruptionsAllowed 0 with DisruptionAllowed
//   False/SyncFailed and the error as its message (observedGeneration left as it was).
// - buildDisruptedPodMap: an entry of status.disruptedPods stays while its Pod is not being deleted
//   and younger than DeletionTimeout (2 min; the PDB is synced again when it expires); an older one
//   is dropped with Warning NotDeleted on the Pod, "Pod was expected by PDB ns/ns to be deleted but
//   it wasn't" (the source prints the namespace twice). countHealthyPods: Ready Pods not being
//   deleted and not in that map.
// - updatePdbStatus: disruptionsAllowed = currentHealthy - desiredHealthy (0 when negative or
//   when expectedPods is 0), observedGeneration = generation, the DisruptionAllowed condition
//   (./disruption-status); nothing is written when all of it already holds.
// Events are recorded with source component `controllermanager`. Left out: the stale
// DisruptionTarget clean-up (the simulated eviction always deletes right after writing it), and
// the RESTMapper's answer for owner kinds the simulator does not serve (taken as no controller).
import type { K8sObject, OwnerReference, Pod, PodDisruptionBudget } from '../api/types';
import { pdbSelects } from '../apiserver/pdb-selector';
import type { ApiServer } from '../apiserver/server';
import type { ControllerContext, WatchEvent } from '../runtime/interfaces';
import {
  conditionsAreUpToDate,
  isPodReady,
  type PdbStatus,
  setStatusCondition,
  withDisruptionAllowedCondition,
} from './disruption-status';

// biome-ignore lint/suspicious/noExplicitAny: owners are read loosely.
type Any = any;

const SOURCE = { component: 'controllermanager' };
/** DeletionTimeout. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;
const KEY = 'PDB/';
const MULTI = 'PDBMulti/';

/**
 * The clusters (by API server) that have seen a PDB: until theirs did, a Pod event costs one
 * lookup here. Per cluster, so a page's new cluster (a reset, a restored share link) starts with
 * the gate closed whatever an earlier one saw; weak, so a dropped cluster is not kept alive.
 */
const seenBy = new WeakSet<ApiServer>();

export const isPdbKey = (key: string): boolean => key.startsWith('PDB');

/** The PDBs whose selector matches the Pod (GetPodPodDisruptionBudgets), by name. */
function pdbsForPod(api: ApiServer, pod: K8sObject): PodDisruptionBudget[] {
  const out: PodDisruptionBudget[] = [];
  for (const o of api.store.byNamespace('PodDisruptionBudget', pod.metadata.namespace ?? 'default')) {
    const pdb = o as PodDisruptionBudget;
    if (pdbSelects(pdb.spec?.selector, pod.metadata.labels)) out.push(pdb);
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** The disruption controller's keys for an event, added to `base`. */
export function withPdbKeys(ev: WatchEvent, api: ApiServer, base: string[]): string[] {
  const o = ev.view;
  if (ev.kind === 'PodDisruptionBudget') {
    seenBy.add(api);
    return [...base, `${KEY}${o.metadata.namespace}/${o.metadata.name}`];
  }
  if (ev.kind !== 'Pod' || !seenBy.has(api)) return base;
  const pdbs = pdbsForPod(api, o);
  const first = pdbs[0];
  if (!first) return base;
  const ns = o.metadata.namespace;
  const keys = [...base, `${KEY}${ns}/${first.metadata.name}`];
  if (pdbs.length > 1) keys.push(`${MULTI}${ns}/${o.metadata.name}/${first.metadata.name}`);
  return keys;
}

/** GetScaledValueFromIntOrPercent(v, total, roundUp=true) of a validated IntOrString. */
function scaled(v: number | string, total: number): number {
  if (typeof v === 'number') return v;
  return Math.ceil((Number(v.slice(0, -1)) * total) / 100);
}

const groupOf = (apiVersion: string): string =>
  apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';

/** The kinds whose scale subresource the simulated server serves, and the ones it knows without one. */
const SCALED = new Set(['apps/ReplicaSet', 'apps/Deployment', 'apps/StatefulSet']);
const UNSCALED: Record<string, string> = {
  'apps/DaemonSet': 'daemonsets.apps',
  'batch/Job': 'jobs.batch',
  'batch/CronJob': 'cronjobs.batch',
  '/Node': 'nodes',
  '/Pod': 'pods',
};

/** One controllerRef through the finders: [uid, scale], undefined when none answers, or the error. */
function controllerScale(
  api: ApiServer,
  ref: OwnerReference,
  ns: string,
): [string, number] | undefined | Error {
  const group = groupOf(ref.apiVersion);
  const get = (kind: 'ReplicaSet' | 'Deployment' | 'StatefulSet', name: string) =>
    api.store.get(kind, ns, name) as Any;
  const replicas = (o: Any): number => o.spec?.replicas ?? 1;
  const isRS = ref.kind === 'ReplicaSet' && (group === 'apps' || group === 'extensions');
  if (isRS) {
    const rs = get('ReplicaSet', ref.name);
    if (rs && rs.metadata.uid === ref.uid) {
      const owner = (rs.metadata.ownerReferences as OwnerReference[] | undefined)?.find((r) => r.controller);
      // getPodDeployment, then getPodReplicaSet (which skips a ReplicaSet a Deployment controls).
      if (owner && owner.kind === 'Deployment') {
        const og = groupOf(owner.apiVersion);
        if (og === 'apps' || og === 'extensions') {
          const d = get('Deployment', owner.name);
          if (d && d.metadata.uid === owner.uid) return [d.metadata.uid, replicas(d)];
        }
      } else return [rs.metadata.uid, replicas(rs)];
    }
  } else if (ref.kind === 'StatefulSet' && group === 'apps') {
    const ss = get('StatefulSet', ref.name);
    if (ss && ss.metadata.uid === ref.uid) return [ss.metadata.uid, replicas(ss)];
  }
  // getScaleController: GET …/scale of the controller.
  const gk = `${group === 'extensions' ? 'apps' : group}/${ref.kind}`;
  if (SCALED.has(gk)) {
    const o = get(ref.kind as 'ReplicaSet', ref.name);
    return o && o.metadata.uid === ref.uid ? [o.metadata.uid, replicas(o)] : undefined;
  }
  const gr = UNSCALED[gk];
  return gr ? new Error(`${gr} does not implement the scale subresource`) : undefined;
}

interface Expected {
  expected: number;
  desired: number;
  unmanaged: boolean;
}

/** getExpectedScale: the sum of the Pods' controllers' scale, whether a Pod had none. */
function expectedScale(api: ApiServer, pods: readonly Pod[]): { count: number; unmanaged: boolean } | Error {
  const scales = new Map<string, number>();
  let unmanaged = false;
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref) {
      unmanaged = true;
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = controllerScale(api, ref, pod.metadata.namespace ?? 'default');
    if (found instanceof Error) return found;
    if (!found) return new Error(`found no controllers for pod "${pod.metadata.name}"`);
    scales.set(found[0], found[1]);
  }
  let count = 0;
  for (const n of scales.values()) count += n;
  return { count, unmanaged };
}

/** getExpectedPodCount. */
function expectedPodCount(api: ApiServer, pdb: PodDisruptionBudget, pods: readonly Pod[]): Expected | Error {
  const { minAvailable: min, maxUnavailable: max } = pdb.spec ?? {};
  if (max !== undefined && max !== null) {
    const s = expectedScale(api, pods);
    if (s instanceof Error) return s;
    return {
      expected: s.count,
      desired: Math.max(0, s.count - scaled(max, s.count)),
      unmanaged: s.unmanaged,
    };
  }
  if (min !== undefined && min !== null) {
    if (typeof min === 'number') return { expected: pods.length, desired: min, unmanaged: false };
    const s = expectedScale(api, pods);
    if (s instanceof Error) return s;
    return { expected: s.count, desired: scaled(min, s.count), unmanaged: s.unmanaged };
  }
  return { expected: 0, desired: 0, unmanaged: false };
}

/** Go's %v of a *metav1.LabelSelector (its generated String()). */
export function labelSelectorGoString(sel: PodDisruptionBudget['spec']['selector']): string {
  if (!sel) return 'nil';
  const ml = sel.matchLabels ?? {};
  const labels = Object.keys(ml)
    .sort()
    .map((k) => `${k}: ${ml[k]},`)
    .join('');
  const exprs = (sel.matchExpressions ?? [])
    .map(
      (e) =>
        `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`,
    )
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

function write(ctx: ControllerContext, pdb: PodDisruptionBudget, status: PdbStatus): void {
  ctx.api.updateStatus({ ...pdb, status } as K8sObject);
}

/** failSafe: disruptionsAllowed 0 and DisruptionAllowed False/SyncFailed with the error. */
function failSafe(ctx: ControllerContext, pdb: PodDisruptionBudget, err: Error): void {
  const st: PdbStatus = pdb.status ?? {
    disruptionsAllowed: 0,
    currentHealthy: 0,
    desiredHealthy: 0,
    expectedPods: 0,
  };
  const conditions = setStatusCondition(
    st.conditions,
    {
      type: 'DisruptionAllowed',
      status: 'False',
      ...(st.observedGeneration ? { observedGeneration: st.observedGeneration } : {}),
      reason: 'SyncFailed',
      message: err.message,
    },
    ctx.clock.now(),
  );
  write(ctx, pdb, { ...st, disruptionsAllowed: 0, conditions });
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, string>)[k] === b[k]);
}

/** sync → trySync for one PDB. */
function syncPdb(api: ApiServer, ns: string, name: string, ctx: ControllerContext): void {
  const pdb = api.store.get('PodDisruptionBudget', ns, name) as PodDisruptionBudget | undefined;
  if (!pdb) return;
  const pods: Pod[] = [];
  for (const o of api.store.byNamespace('Pod', ns))
    if (pdbSelects(pdb.spec?.selector, o.metadata.labels)) pods.push(o as Pod);
  pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (pods.length === 0) ctx.events.record(pdb, 'Normal', 'NoPods', 'No matching pods found', SOURCE);
  const exp = expectedPodCount(api, pdb, pods);
  if (exp instanceof Error) {
    ctx.events.record(
      pdb,
      'Warning',
      'CalculateExpectedPodCountFailed',
      `Failed to calculate the number of expected pods: ${exp.message}`,
      SOURCE,
    );
    failSafe(ctx, pdb, exp);
    return;
  }
  if (exp.unmanaged)
    ctx.events.record(
      pdb,
      'Warning',
      'UnmanagedPods',
      `Pods selected by this PodDisruptionBudget (selector: ${labelSelectorGoString(pdb.spec.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      SOURCE,
    );
  const now = ctx.clock.now();
  // buildDisruptedPodMap
  const old = pdb.status?.disruptedPods;
  const disrupted: Record<string, string> = {};
  let recheck: number | undefined;
  if (old) {
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      const at = old[pod.metadata.name];
      if (at === undefined) continue;
      const expires = Date.parse(at) + DELETION_TIMEOUT_MS;
      if (expires < now)
        ctx.events.record(
          pod,
          'Warning',
          'NotDeleted',
          `Pod was expected by PDB ${ns}/${ns} to be deleted but it wasn't`,
          SOURCE,
        );
      else {
        if (recheck === undefined || expires < recheck) recheck = expires;
        disrupted[pod.metadata.name] = at;
      }
    }
  }
  // countHealthyPods
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name];
    if (at !== undefined && Date.parse(at) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) healthy++;
  }
  // updatePdbStatus
  let allowed = healthy - exp.desired;
  if (exp.expected <= 0 || allowed <= 0) allowed = 0;
  const st = pdb.status;
  const gen = pdb.metadata.generation ?? 0;
  const same =
    st !== undefined &&
    st.currentHealthy === healthy &&
    st.desiredHealthy === exp.desired &&
    st.expectedPods === exp.expected &&
    st.disruptionsAllowed === allowed &&
    sameMap(st.disruptedPods, disrupted) &&
    (st.observedGeneration ?? 0) === gen &&
    conditionsAreUpToDate(pdb);
  if (!same) {
    const next: PdbStatus = {
      ...(gen ? { observedGeneration: gen } : {}),
      ...(Object.keys(disrupted).length > 0 ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: allowed,
      currentHealthy: healthy,
      desiredHealthy: exp.desired,
      expectedPods: exp.expected,
      ...(st?.conditions ? { conditions: st.conditions } : {}),
    };
    write(ctx, pdb, withDisruptionAllowedCondition(next, now));
  }
  // The recheck queue: once the earliest entry expires (AddRateLimited's first delay ignored).
  if (recheck !== undefined) ctx.requeueAfter(`${KEY}${ns}/${name}`, recheck - now);
}

/** The disruption controller's reconcile of one of its keys. */
export function disruptionSync(api: ApiServer, key: string, ctx: ControllerContext): void {
  if (key.startsWith(MULTI)) {
    const [ns = '', pod = '', first = ''] = key.slice(MULTI.length).split('/');
    const p = api.store.get('Pod', ns, pod);
    if (p)
      ctx.events.record(
        p,
        'Warning',
        'MultiplePodDisruptionBudgets',
        `Pod "${ns}"/"${pod}" matches multiple PodDisruptionBudgets.  Chose "${first}" arbitrarily.`,
        SOURCE,
      );
    return;
  }
  const [ns = '', name = ''] = key.slice(KEY.length).split('/');
  syncPdb(api, ns, name, ctx);
}
