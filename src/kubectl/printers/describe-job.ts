// `kubectl describe job` as kubectl v0.34.9 prints it (pkg/describe/describe.go JobDescriber /
// describeJob): the selector, labels, annotations, Controlled By, Parallelism, Completions
// (`<unset>` without), Completion Mode, Suspend, Backoff Limit, TTL Seconds After Finished, Start
// Time / Completed At (RFC1123Z) and Duration, Active Deadline Seconds, `Pods Statuses: N Active
// (R Ready) / S Succeeded / F Failed` (without status.ready: no `(R Ready)`), Completed Indexes of
// an Indexed Job, the Pod template and the Events.
import type { Job } from '../../sim/api/types';
import type { DescribeInput } from './describe-kinds';
import { describePodTemplate } from './describe-pod';
import {
  annotationsMultiline,
  DescribeWriter,
  describeEvents,
  labelsMultiline,
  rfc1123z,
} from './describe-util';
import { humanDuration, parseTime } from './duration';
import { selectorString } from './tables';

/** capIndexesListOrNone: cut at the first comma from `softLimit` on, `...` after; `<none>` when empty. */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  const ix = indexes.indexOf(',', softLimit);
  return ix < 0 ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob({ obj, events, now }: DescribeInput): string {
  const job = obj as Job;
  const s = job.spec;
  const st = job.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${job.metadata.name}\n`);
  w.write(0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorString(s.selector)}\n`);
  labelsMultiline(w, 'Labels', job.metadata.labels);
  annotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const ctrl = job.metadata.ownerReferences?.find((r) => r.controller);
  if (ctrl) w.write(0, `Controlled By:\t${ctrl.kind}/${ctrl.name}\n`);
  if (s.parallelism != null) w.write(0, `Parallelism:\t${s.parallelism}\n`);
  w.write(0, `Completions:\t${s.completions ?? '<unset>'}\n`);
  if (s.completionMode != null) w.write(0, `Completion Mode:\t${s.completionMode}\n`);
  if (s.suspend != null) w.write(0, `Suspend:\t${s.suspend}\n`);
  if (s.backoffLimit != null) w.write(0, `Backoff Limit:\t${s.backoffLimit}\n`);
  if (s.ttlSecondsAfterFinished != null)
    w.write(0, `TTL Seconds After Finished:\t${s.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime)
    w.write(0, `Duration:\t${humanDuration(parseTime(st.completionTime) - parseTime(st.startTime))}\n`);
  if (s.activeDeadlineSeconds != null) w.write(0, `Active Deadline Seconds:\t${s.activeDeadlineSeconds}s\n`);
  const counts = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`;
  if (st.ready == null) w.write(0, `Pods Statuses:\t${st.active ?? 0} Active / ${counts}\n`);
  else w.write(0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${counts}\n`);
  if (s.completionMode === 'Indexed')
    w.write(0, `Completed Indexes:\t${capIndexes(st.completedIndexes, 50)}\n`);
  describePodTemplate(w, s.template);
  describeEvents(w, events, now);
  return w.done();
}
