// The 1.34 Job controller for a user's Job (pkg/controller/job: job_controller.go syncJob,
// manageJob, trackJobStatusAndRemoveFinalizers, enactJobFinished; backoff_utils.go; and the
// ttlafterfinished controller), bound late through ./daemonset-sync's dispatch (the publishers
// controller watches Jobs and Pods); ./job-indexed makes an Indexed Job's Pods and counts its
// completed indexes.
// - Pods `<job>-<5 chars>` (generateName) from the template with the controller reference and the
//   job-tracking finalizer `batch.kubernetes.io/job-tracking`; Events SuccessfulCreate
//   `Created pod: <name>` / SuccessfulDelete `Deleted pod: <name>` (controller_utils.go);
// - a finished Pod still holding the finalizer is counted (Succeeded → status.succeeded; Failed, or
//   deleted before it succeeded — isPodFailed with podReplacementPolicy TerminatingOrFailed — →
//   status.failed) and its finalizer removed. The source writes the uid to
//   status.uncountedTerminatedPods first and moves it to the counter after the finalizer is gone;
//   here both happen in one sync, so uncountedTerminatedPods is always shown empty (`{}`);
// - active = Pods neither finished nor deleting; wantActive = min(parallelism, completions -
//   succeeded) (without completions: parallelism until one succeeds); the extra active Pods are
//   deleted, the missing made once the pod-failure back-off allows: 10 s doubling per failure since
//   the last success, capped at 10 min (DefaultJobPodFailureBackOff, MaxJobPodFailureBackOff),
//   counted from the last failed Pod's finish time (getFinishedTime: its containers' latest
//   finishedAt, else its deletionTimestamp, else now);
// - failed > backoffLimit (or, with restartPolicy OnFailure, the active Pods' restarts reaching
//   it: pastBackoffLimitOnFailure) → FailureTarget BackoffLimitExceeded "Job has reached the
//   specified backoff limit"; activeDeadlineSeconds passed since startTime → FailureTarget
//   DeadlineExceeded "Job was active longer than specified deadline"; the active Pods are deleted,
//   and once none is terminating the Failed condition follows (the terminal condition is delayed
//   while Pods terminate: JobPodReplacementPolicy is GA) with a Warning Event of its reason and
//   message;
// - succeeded >= completions (or, without completions, one succeeded and none active) →
//   SuccessCriteriaMet then Complete, both CompletionsReached "Reached expected number of
//   succeeded pods", completionTime, and a Normal Completed "Job completed" Event;
// - spec.suspend: the active Pods are deleted and no Pod is made; the Suspended condition True
//   (JobSuspended "Job suspended"), then False (JobResumed "Job resumed") on resume, which resets
//   startTime (and so the activeDeadlineSeconds clock); Normal Suspended / Resumed Events;
// - ttlSecondsAfterFinished (ttlafterfinished_controller.go): the finished Job is deleted with
//   propagationPolicy Foreground once its terminal condition is that old;
// - a Job being deleted, or gone, leaves no Pod holding the finalizer (syncOrphanPod).
// Not simulated: podFailurePolicy, successPolicy, backoffLimitPerIndex, managedBy,
// adopting orphans of a manualSelector.
import { ownerRefTo } from '../api/owners';
import type { Job, JobCondition, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { parseRfc3339, rfc3339 } from '../runtime/clock';
import type { ControllerContext, WatchEvent } from '../runtime/interfaces';
import { podReady } from './daemonset-nodes';
import { finishedTime, nextBackoff, records, remainingBackoff } from './job-backoff';
import {
  completionIndex,
  formatIndexes,
  indexedPod,
  isIndexed,
  parseIndexes,
  pendingIndexes,
} from './job-indexed';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
const SOURCE = { component: 'job-controller' };

/** The queue keys of a watch event: a Job's own; a Pod's Job, and the Pod itself while it holds the finalizer. */
export function jobKeys(ev: WatchEvent): string[] | undefined {
  const o = ev.object;
  const m = o.metadata;
  if (o.kind === 'Job') return [`Job/${m.namespace}/${m.name}`];
  if (o.kind !== 'Pod') return undefined;
  const ref = m.ownerReferences?.find((r) => r.controller);
  if (ref?.kind !== 'Job') return undefined;
  const keys = [`Job/${m.namespace}/${ref.name}`];
  if (m.finalizers?.includes(JOB_TRACKING_FINALIZER)) keys.push(`JobPod/${m.namespace}/${m.name}`);
  return keys;
}

const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const deleting = (p: Pod) => p.metadata.deletionTimestamp != null;

/** isPodFailed: Failed, or (podReplacementPolicy TerminatingOrFailed) deleted before it succeeded. */
function podFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy != null) return false;
  return deleting(p) && p.status?.phase !== 'Succeeded';
}

function condTrue(job: Job, type: JobCondition['type']): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type && c.status === 'True');
}

/** The Job's terminal condition (Complete or Failed), if any. */
export function jobFinishedCondition(job: Job): JobCondition | undefined {
  return condTrue(job, 'Complete') ?? condTrue(job, 'Failed');
}

function removeFinalizer(ctx: ControllerContext, p: Pod): void {
  const finalizers = (p.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  const metadata: Any = { ...p.metadata, finalizers };
  if (finalizers.length === 0) delete metadata.finalizers;
  ctx.api.update({ ...p, metadata });
}

function deletePod(ctx: ControllerContext, job: Job, p: Pod): void {
  const r = ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name);
  if (r.ok) ctx.events.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
}

/** createPods: `n` Pods, or (an Indexed Job) one for each of `indexes`. */
function createPods(ctx: ControllerContext, job: Job, n: number, indexes?: number[]): void {
  const t: Any = job.spec.template ?? {};
  const metadata: Any = {
    generateName: `${job.metadata.name}-`,
    namespace: job.metadata.namespace,
    labels: t.metadata?.labels ?? {},
  };
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  metadata.finalizers = [...(t.metadata?.finalizers ?? []), JOB_TRACKING_FINALIZER];
  metadata.ownerReferences = [ownerRefTo(job)];
  // Slow start (batches 1, 2, 4, …): a refused create ends the creates after its batch.
  let failed = false;
  for (let i = 0, end = 1; i < n; i++) {
    if (i === end) {
      if (failed) break;
      end = 2 * end + 1;
    }
    const ix = indexes?.[i];
    const pod = ix === undefined ? { metadata, spec: t.spec } : indexedPod(job, metadata, t.spec ?? {}, ix);
    const r = ctx.api.create({ apiVersion: 'v1', kind: 'Pod', ...pod } as Any);
    if (r.ok)
      ctx.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, SOURCE);
    else {
      ctx.events.record(job, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, SOURCE);
      failed = true;
    }
  }
}

function condition(type: JobCondition['type'], reason: string, message: string, at: string): JobCondition {
  return { type, status: 'True', lastProbeTime: at, lastTransitionTime: at, reason, message };
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure the active Pods' restarts count. */
function pastBackoffLimitOnFailure(job: Job, active: Pod[]): boolean {
  if (job.spec.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let n = 0;
  for (const p of active) {
    const st: Any = p.status ?? {};
    for (const cs of [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])])
      n += cs.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? n > 0 : n >= limit;
}

/** syncOrphanPod: a Pod whose Job is gone (or another's now) no longer holds the finalizer. */
function syncJobPod(api: ApiServer, key: string, ctx: ControllerContext): void {
  const [, ns, name] = key.split('/') as [string, string, string];
  const p = api.store.get('Pod', ns, name) as Pod | undefined;
  if (!p?.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return;
  const ref = p.metadata.ownerReferences?.find((r) => r.controller);
  const job = ref && (api.store.get('Job', ns, ref.name) as Job | undefined);
  if (job && job.metadata.uid === ref?.uid && !job.metadata.deletionTimestamp) return;
  removeFinalizer(ctx, p);
}

/** The TTL-after-finished controller: delete the finished Job (Foreground) once its TTL is up. */
function syncTtl(job: Job, key: string, ctx: ControllerContext): void {
  const ttl = job.spec.ttlSecondsAfterFinished;
  const c = jobFinishedCondition(job);
  if (ttl == null || !c?.lastTransitionTime || job.metadata.deletionTimestamp) return;
  const due = parseRfc3339(c.lastTransitionTime) + ttl * 1000;
  const now = ctx.clock.now();
  if (now < due) {
    ctx.requeueAfter(key, due - now);
    return;
  }
  ctx.api.delete('Job', job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Foreground' });
}

export function jobSync(api: ApiServer, key: string, ctx: ControllerContext): void {
  if (key.startsWith('JobPod/')) {
    syncJobPod(api, key, ctx);
    return;
  }
  const [, ns, name] = key.split('/') as [string, string, string];
  const job = api.store.get('Job', ns, name) as Job | undefined;
  if (!job) return;
  const uid = job.metadata.uid;
  const pods = ([...api.store.byNamespace('Pod', ns)] as Pod[]).filter(
    (p) => p.metadata.ownerReferences?.find((r) => r.controller)?.uid === uid,
  );
  const tracked = pods.filter((p) => p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER));
  if (job.metadata.deletionTimestamp) {
    for (const p of tracked) removeFinalizer(ctx, p);
    return;
  }
  if (jobFinishedCondition(job)) {
    for (const p of tracked) removeFinalizer(ctx, p);
    syncTtl(job, key, ctx);
    return;
  }
  const now = ctx.clock.now();
  const at = rfc3339(now);
  const st: Any = job.status ?? {};
  const spec = job.spec;
  // Count the Pods that finished since the last sync (they still hold the finalizer).
  const newSucceeded: Pod[] = [];
  const newFailed: Pod[] = [];
  for (const p of tracked) {
    if (p.status?.phase === 'Succeeded') newSucceeded.push(p);
    else if (podFailed(p, job)) newFailed.push(p);
  }
  // An Indexed Job counts its succeeded indexes (status.completedIndexes).
  const indexed = isIndexed(job);
  const done = parseIndexes(st.completedIndexes, spec.completions ?? 0);
  if (indexed)
    for (const p of newSucceeded) {
      const i = completionIndex(p);
      if (i >= 0 && i < (spec.completions ?? 0)) done.add(i);
    }
  const succeeded = indexed ? done.size : (st.succeeded ?? 0) + newSucceeded.length;
  const failed = (st.failed ?? 0) + newFailed.length;
  const recs = records(api);
  const rec = nextBackoff(
    recs.get(uid) ?? { failuresAfterLastSuccess: 0, lastFailureTime: undefined },
    newSucceeded.map((p) => finishedTime(p, now)),
    newFailed.map((p) => finishedTime(p, now)),
  );
  recs.set(uid, rec);
  let active = pods.filter((p) => !finished(p) && !deleting(p));
  const terminatingPods = () => pods.filter((p) => deleting(p) && !finished(p)).length;
  const suspended = spec.suspend === true;
  const conditions: JobCondition[] = [...(st.conditions ?? [])];
  // The Suspended condition: True (JobSuspended) while suspended, False (JobResumed) once resumed,
  // which restarts startTime; a Normal Suspended/Resumed Event each time.
  const si = conditions.findIndex((c) => c.type === 'Suspended');
  const wasSuspended = conditions[si]?.status === 'True';
  let suspendEvent: [string, string] | undefined;
  let startTime: string | undefined = st.startTime ?? (suspended ? undefined : at);
  if (suspended !== wasSuspended && (suspended || si >= 0)) {
    const c: JobCondition = suspended
      ? condition('Suspended', 'JobSuspended', 'Job suspended', at)
      : { ...condition('Suspended', 'JobResumed', 'Job resumed', at), status: 'False' };
    if (si >= 0) conditions[si] = c;
    else conditions.push(c);
    suspendEvent = suspended ? ['Suspended', 'Job suspended'] : ['Resumed', 'Job resumed'];
    if (!suspended) startTime = at;
  }
  let target = condTrue(job, 'FailureTarget') ?? condTrue(job, 'SuccessCriteriaMet');
  const completions = spec.completions;
  if (!target) {
    const backoffLimit = spec.backoffLimit ?? 6;
    if (failed > backoffLimit || pastBackoffLimitOnFailure(job, active))
      target = condition(
        'FailureTarget',
        'BackoffLimitExceeded',
        'Job has reached the specified backoff limit',
        at,
      );
    else if (
      spec.activeDeadlineSeconds != null &&
      !suspended &&
      startTime &&
      now - parseRfc3339(startTime) >= spec.activeDeadlineSeconds * 1000
    )
      target = condition(
        'FailureTarget',
        'DeadlineExceeded',
        'Job was active longer than specified deadline',
        at,
      );
    else if (completions != null ? succeeded >= completions : succeeded > 0 && active.length === 0)
      target = condition(
        'SuccessCriteriaMet',
        'CompletionsReached',
        'Reached expected number of succeeded pods',
        at,
      );
    if (target) conditions.push(target);
    else if (spec.activeDeadlineSeconds != null && !suspended && startTime)
      ctx.requeueAfter(key, parseRfc3339(startTime) + spec.activeDeadlineSeconds * 1000 - now);
  }
  // Pods whose count was taken give up the finalizer.
  for (const p of [...newSucceeded, ...newFailed]) removeFinalizer(ctx, p);
  if (target || suspended) {
    // A Job meeting its target (or suspended) keeps no active Pod.
    for (const p of active) deletePod(ctx, job, p);
    active = [];
  } else {
    // manageJob.
    const parallelism = spec.parallelism ?? 1;
    let want =
      completions == null
        ? succeeded > 0
          ? 0
          : parallelism
        : Math.min(parallelism, completions - succeeded);
    if (want < 0) want = 0;
    if (active.length > want) {
      // Delete the extra ones (not ready first, then the newest).
      const order = [...active].sort(
        (a, b) =>
          Number(podReady(a)) - Number(podReady(b)) ||
          (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
      );
      for (const p of order.slice(0, active.length - want)) deletePod(ctx, job, p);
      active = order.slice(active.length - want);
    } else if (active.length < want) {
      const wait = remainingBackoff(rec, now);
      if (wait > 0) ctx.requeueAfter(key, wait);
      else {
        let n = want - active.length;
        if (spec.podReplacementPolicy === 'Failed') n -= terminatingPods();
        if (n > 0)
          createPods(ctx, job, n, indexed ? pendingIndexes(done, active, n, completions ?? 0) : undefined);
      }
    }
  }
  const latest = api.store.get('Job', ns, name) as Job | undefined;
  if (latest?.metadata.uid !== uid) return;
  const terminating = ([...api.store.byNamespace('Pod', ns)] as Pod[]).filter(
    (p) => p.metadata.ownerReferences?.find((r) => r.controller)?.uid === uid && deleting(p) && !finished(p),
  ).length;
  let completionTime: string | undefined = st.completionTime;
  let event: [string, string, string] | undefined;
  // enactJobFinished: the terminal condition once no Pod is terminating.
  if (target && terminating === 0) {
    if (target.type === 'SuccessCriteriaMet') {
      conditions.push(condition('Complete', target.reason ?? '', target.message ?? '', at));
      completionTime = at;
      event = ['Normal', 'Completed', 'Job completed'];
    } else {
      conditions.push(condition('Failed', target.reason ?? '', target.message ?? '', at));
      event = ['Warning', target.reason ?? '', target.message ?? ''];
    }
  }
  const status: Any = {};
  if (conditions.length) status.conditions = conditions;
  if (startTime) status.startTime = startTime;
  if (completionTime) status.completionTime = completionTime;
  const activeNow = event ? 0 : active.length;
  if (activeNow) status.active = activeNow;
  if (succeeded) status.succeeded = succeeded;
  if (failed) status.failed = failed;
  status.terminating = terminating;
  if (indexed && done.size) status.completedIndexes = formatIndexes(done);
  status.uncountedTerminatedPods = {};
  status.ready = event ? 0 : active.filter((p) => podReady(p)).length;
  if (JSON.stringify(status) !== JSON.stringify(latest.status)) {
    const r = ctx.api.updateStatus({ ...latest, status } as Any);
    if (r.ok && suspendEvent) ctx.events.record(latest, 'Normal', suspendEvent[0], suspendEvent[1], SOURCE);
    if (r.ok && event)
      ctx.events.record(latest, event[0] as 'Normal' | 'Warning', event[1], event[2], SOURCE);
  }
  if (event) syncTtl({ ...latest, status } as Job, key, ctx);
}
