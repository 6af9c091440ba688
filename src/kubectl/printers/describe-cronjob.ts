// `kubectl describe cronjob` as kubectl v0.34.9 prints it (pkg/describe/describe.go
// CronJobDescriber / describeCronJob, describeJobTemplate, printActiveJobs): labels, annotations,
// Schedule, Concurrency Policy, Suspend (printBoolPtr: True/False/<unset>), the history limits and
// Starting Deadline Seconds (`<unset>` without), the job template's Selector/Parallelism/
// Completions (`<unset>` without: a CronJob's jobTemplate.spec keeps no defaults) and Active
// Deadline Seconds, its Pod template, Last Schedule Time (RFC1123Z), Active Jobs (names joined by
// `, `, `<none>`) and the Events. (No Time Zone line: describeCronJob prints none.)
import type { CronJob } from '../../sim/api/types';
import type { DescribeInput } from './describe-kinds';
import { describePodTemplate } from './describe-pod';
import {
  annotationsMultiline,
  DescribeWriter,
  describeEvents,
  labelsMultiline,
  rfc1123z,
} from './describe-util';
import { selectorString } from './tables';

const unset = (v: unknown, unit = '') => (v == null ? '<unset>' : `${v}${unit}`);

export function describeCronJob({ obj, events, now }: DescribeInput): string {
  const cj = obj as CronJob;
  const s = cj.spec;
  const st = cj.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cj.metadata.name}\n`);
  w.write(0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', cj.metadata.labels);
  annotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(0, `Schedule:\t${s.schedule}\n`);
  w.write(0, `Concurrency Policy:\t${s.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${s.suspend == null ? '<unset>' : s.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${unset(s.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${unset(s.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${unset(s.startingDeadlineSeconds, 's')}\n`);
  const js = s.jobTemplate?.spec;
  w.write(0, `Selector:\t${js?.selector ? selectorString(js.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${unset(js?.parallelism)}\n`);
  w.write(0, `Completions:\t${unset(js?.completions)}\n`);
  if (js?.activeDeadlineSeconds != null)
    w.write(0, `Active Deadline Seconds:\t${js.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, js?.template);
  w.write(0, `Last Schedule Time:\t${st.lastScheduleTime ? rfc1123z(st.lastScheduleTime) : '<unset>'}\n`);
  const active = st.active ?? [];
  w.write(0, `Active Jobs:\t${active.length ? active.map((a) => a.name).join(', ') : '<none>'}\n`);
  describeEvents(w, events, now);
  return w.done();
}
