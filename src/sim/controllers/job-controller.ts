// The 1.34 Job controller for a user's Job (pkg/controller/job: job_controller.go syncJob,
// trackJobStatusAndRemoveFinalizers, enactJobFinished; pod_failure_policy.go; success_policy.go;
// indexed_job_utils.go; backoff_utils.go; and the ttlafterfinished controller), bound late through
// ./daemonset-sync's dispatch (the publishers controller watches Jobs and Pods). ./job-manage makes
// and deletes the Pods (manageJob), ./job-indexed an Indexed Job's Pods and index lists,
// ./job-policy the podFailurePolicy and successPolicy rules.
// - Pods `<job>-<5 chars>` (generateName) from the template with the controller reference and the
//   job-tracking finalizer `batch.kubernetes.io/job-tracking`; Events SuccessfulCreate
//   `Created pod: <name>` / SuccessfulDelete `Deleted pod: <name>` (controller_utils.go);
// - a finished Pod still holding the finalizer is counted (Succeeded → status.succeeded; Failed, or
//   deleted before it succeeded unless only failed Pods are replaced → status.failed, unless a
//   podFailurePolicy Ignore rule matches) and its finalizer removed. The source writes the uid to
//   status.uncountedTerminatedPods first and moves it to the counter after the finalizer is gone,
//   so a sync that counts Pods writes the status twice; here both happen in one write, so
//   uncountedTerminatedPods is always shown empty (`{}`), and each sync writes the status at most
//   once (a sync that makes Pods reports them active in that write, as manageJob returns them);
// - the finish criteria in syncJob's order: a SuccessCriteriaMet condition already there; a
//   FailureTarget already there (then Failed); a failed Pod matching a FailJob rule (FailureTarget
//   PodFailurePolicy with matchPodFailurePolicy's message); failed > backoffLimit, or with
//   restartPolicy OnFailure the restarts reaching it (BackoffLimitExceeded "Job has reached the
//   specified backoff limit"); activeDeadlineSeconds since startTime (DeadlineExceeded "Job was
//   active longer than specified deadline"); an Indexed Job's failed indexes past maxFailedIndexes
//   (MaxFailedIndexesExceeded "Job has exceeded the specified maximal number of failed indexes") or
//   every index succeeded or failed with one failed (FailedIndexes "Job has failed indexes"); its
//   successPolicy (SuccessCriteriaMet SuccessPolicy "Matched rules at index N"); then, after
//   manageJob, completions reached with nothing active (SuccessCriteriaMet CompletionsReached
//   "Reached expected number of succeeded pods"). A met criterion deletes the active Pods (their
//   finalizers go; with a failure each unfinished one counts as failed), writes the interim
//   FailureTarget / SuccessCriteriaMet condition, and once no Pod is terminating the terminal
//   Failed / Complete one with the same reason and message (the terminal condition is delayed while
//   Pods terminate: JobPodReplacementPolicy is GA), completionTime for Complete, and the Event:
//   Normal Completed "Job completed", or Warning <reason> <message>;
// - backoffLimitPerIndex: an index whose Pod fails (counted) with job-index-failure-count >= the
//   limit, or matches a FailIndex rule, joins status.failedIndexes (written, even empty, for such
//   a Job); another failed index keeps its last failed Pod (and finalizer) until the replacement,
//   annotated with the failures so far, is made after the index's own back-off (10 s doubling);
// - the pod-failure back-off of ./job-backoff for other Jobs;
// - spec.suspend: the active Pods are deleted and no Pod is made; the Suspended condition True
//   (JobSuspended "Job suspended"), then False (JobResumed "Job resumed") on resume, which resets
//   startTime (and so the activeDeadlineSeconds clock); Normal Suspended / Resumed Events;
// - ttlSecondsAfterFinished (ttlafterfinished_controller.go): the finished Job is deleted with
//   propagationPolicy Foreground once its terminal condition is that old;
// - a Job being deleted, or gone, leaves no Pod holding the finalizer (syncOrphanPod).
// Not simulated: managedBy, adopting orphans of a manualSelector, removing Pods of repeated indexes.
import { controllerRef } from '../api/owners';
import type { Job, JobCondition, ObjectMeta, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { parseRfc3339, rfc3339 } from '../runtime/clock';
import type { ControllerContext, WatchEvent } from '../runtime/interfaces';
import { podReady } from './daemonset-nodes';
import { finishedTime, nextBackoff, records } from './job-backoff';
import { completionIndex, formatIndexes, isIndexed, parseIndexes } from './job-indexed';
import {
  delayedPerIndex,
  deletePods,
  deleting,
  finished,
  hasBackoffLimitPerIndex,
  JOB_TRACKING_FINALIZER,
  type JobState,
  manageJob,
  podFailed,
  removeFinalizer,
  SOURCE,
} from './job-manage';
import { indexFailureCount, matchPodFailurePolicy, matchSuccessPolicy } from './job-policy';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export { JOB_TRACKING_FINALIZER } from './job-manage';

/** The queue keys of a watch event: a Job's own; a Pod's Job, and the Pod itself while it holds the finalizer. */
export function jobKeys(ev: WatchEvent): string[] | undefined {
  const o = ev.view;
  const m = o.metadata;
  if (o.kind === 'Job') return [`Job/${m.namespace}/${m.name}`];
  if (o.kind !== 'Pod') return undefined;
  const ref = controllerRef(o);
  if (ref?.kind !== 'Job') return undefined;
  return jobPodKeys(m, ref.name);
}

/** jobKeys of a Pod whose controller is the Job named `job` (its metadata `m`). */
export function jobPodKeys(m: ObjectMeta, job: string): string[] {
  const keys = [`Job/${m.namespace}/${job}`];
  if (m.finalizers?.includes(JOB_TRACKING_FINALIZER)) keys.push(`JobPod/${m.namespace}/${m.name}`);
  return keys;
}

function condTrue(job: Job, type: JobCondition['type']): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type && c.status === 'True');
}

/** The Job's terminal condition (Complete or Failed), if any. */
export function jobFinishedCondition(job: Job): JobCondition | undefined {
  return condTrue(job, 'Complete') ?? condTrue(job, 'Failed');
}

function condition(type: JobCondition['type'], reason: string, message: string, at: string): JobCondition {
  return { type, status: 'True', lastProbeTime: at, lastTransitionTime: at, reason, message };
}

/** ensureJobConditionStatus: replace the condition of that type if it differs; add it unless False. */
function ensureCondition(list: JobCondition[], c: JobCondition): boolean {
  const i = list.findIndex((x) => x.type === c.type);
  const cur = list[i];
  if (cur) {
    if (cur.status === c.status && cur.reason === c.reason && cur.message === c.message) return false;
    list[i] = c;
    return true;
  }
  if (c.status === 'False') return false;
  list.push(c);
  return true;
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure the running and pending Pods' restarts count. */
function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let n = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    const st: Any = p.status ?? {};
    for (const cs of [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])])
      n += cs.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? n > 0 : n >= limit;
}

/** isIndexFailed: a FailIndex rule, or a counted failure with the index's failures at the limit. */
function indexFailed(job: Job, p: Pod): boolean {
  if (!podFailed(p, job)) return false;
  const m = matchPodFailurePolicy(job, p);
  if (m.action === 'FailIndex') return true;
  return m.countFailed && indexFailureCount(p) >= (job.spec.backoffLimitPerIndex ?? 0);
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

/** What the sync is heading for: the interim condition to add (if new) and the terminal one's type. */
interface Finish {
  interim?: JobCondition;
  final: 'Failed' | 'Complete';
  reason: string;
  message: string;
}

const failure = (reason: string, message: string, at: string): Finish => ({
  interim: condition('FailureTarget', reason, message, at),
  final: 'Failed',
  reason,
  message,
});

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
  const indexed = isIndexed(job);
  const completions = spec.completions ?? 0;
  const validIndex = (p: Pod) => {
    if (!indexed) return true;
    const i = completionIndex(p);
    return i >= 0 && i < completions;
  };
  // getNewFinishedPods: the finished Pods still holding the finalizer.
  const newSucceeded = tracked.filter((p) => p.status?.phase === 'Succeeded' && validIndex(p));
  const newFailed = tracked.filter((p) => podFailed(p, job) && validIndex(p));
  const active = pods.filter((p) => !finished(p) && !deleting(p));
  const s: JobState = {
    key,
    now,
    pods,
    active,
    terminating: pods.filter((p) => deleting(p) && !finished(p)).length,
    ready: active.filter((p) => podReady(p)).length,
    succeeded: (st.succeeded ?? 0) + newSucceeded.length,
    succeededIndexes: new Set(),
    failedIndexes: undefined,
    delayed: new Map(),
    backoff: nextBackoff(
      records(api).get(uid) ?? { failuresAfterLastSuccess: 0, lastFailureTime: undefined },
      newSucceeded.map((p) => finishedTime(p, now)),
      newFailed.map((p) => finishedTime(p, now)),
    ),
  };
  // nonIgnoredFailedPodsCount: an Ignore rule's failures do not count toward backoffLimit.
  const failedForLimit =
    (st.failed ?? 0) + newFailed.filter((p) => matchPodFailurePolicy(job, p).countFailed).length;
  const suspended = spec.suspend === true;
  let startTime: string | undefined = st.startTime ?? (suspended ? undefined : at);
  const conditions: JobCondition[] = [...(st.conditions ?? [])];

  let fin: Finish | undefined;
  const met = condTrue(job, 'SuccessCriteriaMet');
  const target = condTrue(job, 'FailureTarget');
  if (met) fin = { final: 'Complete', reason: met.reason ?? '', message: met.message ?? '' };
  else if (target) fin = { final: 'Failed', reason: target.reason ?? '', message: target.message ?? '' };
  else if (spec.podFailurePolicy != null) {
    // getFailJobMessage: the first failed Pod (of all the Job's) matching a FailJob rule.
    for (const p of pods) {
      const msg = podFailed(p, job) ? matchPodFailurePolicy(job, p).message : undefined;
      if (msg !== undefined) {
        fin = failure('PodFailurePolicy', msg, at);
        break;
      }
    }
  }
  if (!fin) {
    if (failedForLimit > (spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods))
      fin = failure('BackoffLimitExceeded', 'Job has reached the specified backoff limit', at);
    else if (spec.activeDeadlineSeconds != null && !suspended && startTime) {
      const due = parseRfc3339(startTime) + spec.activeDeadlineSeconds * 1000;
      if (now >= due) fin = failure('DeadlineExceeded', 'Job was active longer than specified deadline', at);
      else ctx.requeueAfter(key, due - now);
    }
  }
  if (indexed) {
    // calculateSucceededIndexes / calculateFailedIndexes.
    s.succeededIndexes = parseIndexes(st.completedIndexes, completions);
    for (const p of newSucceeded) s.succeededIndexes.add(completionIndex(p));
    s.succeeded = s.succeededIndexes.size;
    if (hasBackoffLimitPerIndex(job)) {
      const failedIx = parseIndexes(st.failedIndexes, completions);
      for (const p of tracked) if (validIndex(p) && indexFailed(job, p)) failedIx.add(completionIndex(p));
      s.failedIndexes = failedIx;
      if (!fin) {
        if (spec.maxFailedIndexes != null && failedIx.size > spec.maxFailedIndexes)
          fin = failure(
            'MaxFailedIndexesExceeded',
            'Job has exceeded the specified maximal number of failed indexes',
            at,
          );
        else if (failedIx.size > 0 && failedIx.size + s.succeededIndexes.size >= completions)
          fin = failure('FailedIndexes', 'Job has failed indexes', at);
      }
      s.delayed = delayedPerIndex(job, s, tracked);
    }
    if (!fin) {
      const msg = matchSuccessPolicy(job, s.succeededIndexes);
      if (msg !== undefined)
        fin = {
          interim: condition('SuccessCriteriaMet', 'SuccessPolicy', msg, at),
          final: 'Complete',
          reason: 'SuccessPolicy',
          message: msg,
        };
    }
  }

  let activeCount = active.length;
  const events: [string, string, string][] = [];
  if (fin) {
    // deleteActivePods: DELETE only; the finalizers go below.
    const [ready, n] = deletePods(ctx, job, active, false);
    activeCount -= n;
    s.terminating += n;
    s.ready -= ready;
  } else {
    activeCount = manageJob(ctx, job, s);
    const complete =
      spec.completions == null
        ? s.succeeded > 0 && activeCount === 0
        : s.succeeded >= completions && activeCount === 0;
    if (complete) {
      const msg = 'Reached expected number of succeeded pods';
      fin = {
        interim: condition('SuccessCriteriaMet', 'CompletionsReached', msg, at),
        final: 'Complete',
        reason: 'CompletionsReached',
        message: msg,
      };
    } else if (suspended) {
      if (ensureCondition(conditions, condition('Suspended', 'JobSuspended', 'Job suspended', at)))
        ctx.events.record(job, 'Normal', 'Suspended', 'Job suspended', SOURCE);
    } else if (
      ensureCondition(conditions, {
        ...condition('Suspended', 'JobResumed', 'Job resumed', at),
        status: 'False',
      })
    ) {
      ctx.events.record(job, 'Normal', 'Resumed', 'Job resumed', SOURCE);
      // A resumed Job's activeDeadlineSeconds counts from the resume.
      startTime = at;
    }
  }

  // trackJobStatusAndRemoveFinalizers: count the finished Pods whose finalizer may go.
  const failing = fin?.final === 'Failed';
  let failed = st.failed ?? 0;
  for (const p of tracked) {
    const isFailed = podFailed(p, job);
    const ix = completionIndex(p);
    const canRemove =
      fin !== undefined || p.status?.phase === 'Succeeded' || (isFailed && s.delayed.get(ix) !== p);
    if (!canRemove) continue;
    if (!removeFinalizer(ctx, p)) continue;
    if (p.status?.phase === 'Succeeded') continue;
    // With the Job failing, every unfinished Pod counts as failed.
    if ((isFailed || failing) && validIndex(p) && matchPodFailurePolicy(job, p).countFailed) failed++;
  }
  if (fin?.interim && !conditions.some((c) => c.type === fin.interim?.type && c.status === 'True'))
    conditions.push(fin.interim);
  let completionTime: string | undefined = st.completionTime;
  // enactJobFinished: the terminal condition once no Pod is terminating.
  const done = fin !== undefined && s.terminating === 0;
  if (fin && done) {
    ensureCondition(conditions, condition(fin.final, fin.reason, fin.message, at));
    if (fin.final === 'Complete') {
      completionTime = at;
      if (spec.completions != null && s.succeeded > spec.completions)
        events.push([
          'Warning',
          'TooManySucceededPods',
          'Too many succeeded pods running after completion count reached',
        ]);
      events.push(['Normal', 'Completed', 'Job completed']);
    } else events.push(['Warning', fin.reason, fin.message]);
  }
  records(api).set(uid, s.backoff);

  const latest = api.store.get('Job', ns, name) as Job | undefined;
  if (latest?.metadata.uid !== uid) return;
  const status: Any = {};
  if (conditions.length) status.conditions = conditions;
  if (startTime) status.startTime = startTime;
  if (completionTime) status.completionTime = completionTime;
  if (activeCount) status.active = activeCount;
  if (s.succeeded) status.succeeded = s.succeeded;
  if (failed) status.failed = failed;
  status.terminating = s.terminating;
  if (indexed && s.succeededIndexes.size) status.completedIndexes = formatIndexes(s.succeededIndexes);
  if (s.failedIndexes) status.failedIndexes = formatIndexes(s.failedIndexes);
  status.uncountedTerminatedPods = {};
  status.ready = s.ready;
  if (JSON.stringify(status) !== JSON.stringify(latest.status)) {
    const r = ctx.api.updateStatus({ ...latest, status } as Any);
    if (r.ok)
      for (const [type, reason, message] of events)
        ctx.events.record(latest, type as 'Normal' | 'Warning', reason, message, SOURCE);
  }
  if (done) syncTtl({ ...latest, status } as Job, key, ctx);
}
