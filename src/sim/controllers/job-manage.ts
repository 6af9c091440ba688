// manageJob of the 1.34 Job controller (pkg/controller/job/job_controller.go manageJob,
// deleteJobPods, deleteActivePods; indexed_job_utils.go firstPendingIndexes,
// getPodsWithDelayedDeletionPerIndex; backoff_utils.go getRemainingTimePerIndex): the Pods a sync
// makes or deletes, and the active count it reports (the count syncJob writes in the same status
// update as the Pods it made, so a sync that makes Pods writes the Job's status once).
import { ownerRefTo } from '../api/owners';
import type { Job, Pod } from '../api/types';
import type { ControllerContext } from '../runtime/interfaces';
import { podReady } from './daemonset-nodes';
import { type BackoffRecord, finishedTime, remainingBackoff, remainingBackoffFor } from './job-backoff';
import { completionIndex, indexedPod, isIndexed } from './job-indexed';
import { indexAbsoluteFailureCount, newIndexFailureCounts } from './job-policy';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const SOURCE = { component: 'job-controller' };
/** MaxPodCreateDeletePerSync. */
const MAX_PER_SYNC = 500;

export const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
export const deleting = (p: Pod) => p.metadata.deletionTimestamp != null;
export const hasBackoffLimitPerIndex = (job: Job) => job.spec.backoffLimitPerIndex != null;

/** onlyReplaceFailedPods: podReplacementPolicy Failed, or any podFailurePolicy. */
export const onlyReplaceFailed = (job: Job) =>
  job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy != null;

/** isPodFailed: Failed, or (replacing terminating Pods too) deleted before it succeeded. */
export function podFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (onlyReplaceFailed(job)) return false;
  return deleting(p) && p.status?.phase !== 'Succeeded';
}

/** What one sync knows of the Job's Pods; manageJob updates terminating and ready. */
export interface JobState {
  key: string;
  now: number;
  pods: Pod[];
  active: Pod[];
  terminating: number;
  ready: number;
  succeeded: number;
  succeededIndexes: Set<number>;
  failedIndexes: Set<number> | undefined;
  /** Per index, the failed Pod kept (finalizer and all) until its replacement is made. */
  delayed: Map<number, Pod>;
  backoff: BackoffRecord;
}

/** Remove the tracking finalizer from the Pod as it is now in the store. */
export function removeFinalizer(ctx: ControllerContext, p: Pod): boolean {
  const cur = ctx.store.get('Pod', p.metadata.namespace ?? '', p.metadata.name) as Pod | undefined;
  if (!cur || cur.metadata.uid !== p.metadata.uid) return true;
  if (!cur.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return true;
  const finalizers = cur.metadata.finalizers.filter((f) => f !== JOB_TRACKING_FINALIZER);
  const metadata: Any = { ...cur.metadata, finalizers };
  if (finalizers.length === 0) delete metadata.finalizers;
  return ctx.api.update({ ...cur, metadata }).ok;
}

/** podControl.DeletePod with its SuccessfulDelete Event. */
export function deletePod(ctx: ControllerContext, job: Job, p: Pod): boolean {
  const r = ctx.api.delete('Pod', p.metadata.namespace ?? '', p.metadata.name);
  if (r.ok) ctx.events.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
  return r.ok;
}

/** deleteActivePods / deleteJobPods: [ready ones deleted, deleted]; deleteJobPods drops the finalizer first. */
export function deletePods(
  ctx: ControllerContext,
  job: Job,
  pods: Pod[],
  dropFinalizer: boolean,
): [number, number] {
  let ready = 0;
  let n = 0;
  for (const p of pods) {
    if (dropFinalizer && !removeFinalizer(ctx, p)) continue;
    if (!deletePod(ctx, job, p)) continue;
    n++;
    if (podReady(p)) ready++;
  }
  return [ready, n];
}

/** activePodsForRemoval (controller.ActivePods order, roughly): not ready first, then the newest. */
function forRemoval(active: Pod[], n: number): Pod[] {
  return [...active]
    .sort(
      (a, b) =>
        Number(podReady(a)) - Number(podReady(b)) ||
        (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
    )
    .slice(0, n);
}

/** firstPendingIndexes: the `count` lowest indexes neither succeeded, failed, active nor (only failed replaced) terminating. */
function pendingIndexes(job: Job, s: JobState, count: number): number[] {
  const completions = job.spec.completions ?? 0;
  const busy = new Set<number>(s.succeededIndexes);
  for (const p of s.active) busy.add(completionIndex(p));
  if (onlyReplaceFailed(job))
    for (const p of s.pods) if (deleting(p) && !finished(p)) busy.add(completionIndex(p));
  for (const i of s.failedIndexes ?? []) busy.add(i);
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!busy.has(i)) out.push(i);
  return out;
}

/**
 * getPodsWithDelayedDeletionPerIndex: per index neither succeeded, failed nor active, its failed
 * Pod with the most failures (the latest to finish on a tie), kept until its replacement exists.
 */
export function delayedPerIndex(job: Job, s: JobState, tracked: Pod[]): Map<number, Pod> {
  const out = new Map<number, Pod>();
  const completions = job.spec.completions ?? 0;
  const activeIx = new Set(s.active.map(completionIndex));
  for (const p of tracked) {
    if (!podFailed(p, job)) continue;
    const ix = completionIndex(p);
    if (ix < 0 || ix >= completions) continue;
    if (s.succeededIndexes.has(ix) || s.failedIndexes?.has(ix) || activeIx.has(ix)) continue;
    const last = out.get(ix);
    if (
      !last ||
      (indexAbsoluteFailureCount(last) <= indexAbsoluteFailureCount(p) &&
        finishedTime(p, s.now) >= finishedTime(last, s.now))
    )
      out.set(ix, p);
  }
  return out;
}

/** createPods with the slow start (batches 1, 2, 4, …; a refused create ends them): the number made. */
function createPods(ctx: ControllerContext, job: Job, s: JobState, n: number, indexes?: number[]): number {
  const t: Any = job.spec.template ?? {};
  const metadata: Any = {
    generateName: `${job.metadata.name}-`,
    namespace: job.metadata.namespace,
    labels: t.metadata?.labels ?? {},
  };
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  const fin: string[] = t.metadata?.finalizers ?? [];
  metadata.finalizers = fin.includes(JOB_TRACKING_FINALIZER) ? fin : [...fin, JOB_TRACKING_FINALIZER];
  metadata.ownerReferences = [ownerRefTo(job)];
  let made = 0;
  let failed = false;
  for (let i = 0, end = 1; i < n; i++) {
    if (i === end) {
      if (failed) break;
      end = 2 * end + 1;
    }
    const ix = indexes?.[i];
    const counts =
      ix !== undefined && hasBackoffLimitPerIndex(job)
        ? newIndexFailureCounts(job, s.delayed.get(ix))
        : undefined;
    const pod =
      ix === undefined ? { metadata, spec: t.spec } : indexedPod(job, metadata, t.spec ?? {}, ix, counts);
    const r = ctx.api.create({ apiVersion: 'v1', kind: 'Pod', ...pod } as Any);
    if (r.ok) {
      made++;
      ctx.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, SOURCE);
    } else {
      ctx.events.record(job, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, SOURCE);
      failed = true;
    }
  }
  return made;
}

/** manageJob: the Pods to make or delete; returns the active count syncJob reports. */
export function manageJob(ctx: ControllerContext, job: Job, s: JobState): number {
  let active = s.active.length;
  if (job.spec.suspend === true) {
    const [ready, n] = deletePods(ctx, job, forRemoval(s.active, active), true);
    s.terminating += n;
    s.ready -= ready;
    return active - n;
  }
  const parallelism = job.spec.parallelism ?? 1;
  const completions = job.spec.completions;
  // Without completions: parallelism until one succeeds, then whatever still runs.
  let want = completions == null ? (s.succeeded > 0 ? active : parallelism) : completions - s.succeeded;
  if (completions != null) want = Math.max(0, Math.min(want, parallelism));
  const rm = Math.min(Math.max(0, active - want), MAX_PER_SYNC);
  if (rm > 0) {
    // Deletion takes precedence: no Pod is made in the same sync.
    const [ready, n] = deletePods(ctx, job, forRemoval(s.active, rm), true);
    s.terminating += n;
    s.ready -= ready;
    return active - n;
  }
  let diff = want - (onlyReplaceFailed(job) ? s.terminating : 0) - active;
  if (diff <= 0) return active;
  const perIndex = hasBackoffLimitPerIndex(job);
  const wait = perIndex ? 0 : remainingBackoff(s.backoff, s.now);
  // The source reports 0 active while the back-off holds the new Pods back.
  if (wait > 0) {
    ctx.requeueAfter(s.key, wait);
    return 0;
  }
  diff = Math.min(diff, MAX_PER_SYNC);
  let indexes: number[] | undefined;
  if (isIndexed(job)) {
    indexes = pendingIndexes(job, s, diff);
    if (perIndex) {
      // getPodCreationInfoForIndependentIndexes: the indexes whose own back-off is up.
      let minWait: number | undefined;
      const now: number[] = [];
      for (const ix of indexes) {
        const last = s.delayed.get(ix);
        const w = last
          ? remainingBackoffFor(indexAbsoluteFailureCount(last) + 1, finishedTime(last, s.now), s.now)
          : 0;
        if (w === 0) now.push(ix);
        else if (minWait === undefined || w < minWait) minWait = w;
      }
      if (now.length === 0 && minWait !== undefined) {
        ctx.requeueAfter(s.key, minWait);
        return 0;
      }
      indexes = now;
    }
    diff = indexes.length;
  }
  active += createPods(ctx, job, s, diff, indexes);
  return active;
}
