// The 1.34 CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go sync, syncCronJob,
// cleanupFinishedJobs; utils.go) for a user's CronJob, bound late through late-impl's publisher
// dispatch (the publishers controller watches CronJobs and Jobs):
// - the Jobs it reconciles: those in its namespace whose controller reference names it;
// - cleanupFinishedJobs first: beyond successfulJobsHistoryLimit Complete / failedJobsHistoryLimit
//   Failed Jobs, the oldest (by status.startTime, unset last, then name) are deleted (background
//   propagation) with a Normal SuccessfulDelete `Deleted job <name>` Event;
// - an active Job that finished leaves status.active with a Normal SawCompletedJob
//   `Saw completed job: <name>, condition: Complete|Failed` Event; a Complete Job's completionTime
//   raises lastSuccessfulTime; an unfinished Job it controls but does not list is a Warning
//   UnexpectedJob `Saw a job that the controller did not create or forgot: <name>` (as a Job made by
//   `kubectl create job --from=cronjob/x` is); a listed Job gone is a Normal MissingJob
//   `Active job went missing: <name>`;
// - being deleted, or suspended: nothing more; an invalid timeZone: Warning UnknownTimeZone;
// - the schedule (./cronjob-schedule: robfig/cron ParseStandard, `TZ=<timeZone> ` prefixed) gives
//   the most recent unmet time since lastScheduleTime (else the creation time) — or since
//   now - startingDeadlineSeconds when that is later; over 100 missed: a Warning TooManyMissedTimes
//   `too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock
//   skew`; past its starting deadline: a Warning MissSchedule `Missed scheduled time to start a job:
//   <RFC1123Z>`; already processed (lastScheduleTime, or the same Job name active): nothing;
//   Forbid with an active Job: a Normal JobAlreadyActive `Not starting job because prior execution
//   is running and concurrency policy is Forbid`; Replace: the active Jobs are deleted first;
// - the Job `<cronjob>-<scheduled time in minutes since the epoch>` (getJobFromTemplate2): the
//   template's labels and annotations plus `batch.kubernetes.io/cronjob-scheduled-timestamp` (the
//   scheduled time in RFC 3339 in the CronJob's time zone: CronJobsScheduledAnnotation, GA and locked on
//   since 1.32), the controller reference, the template's spec; a Normal SuccessfulCreate
//   `Created job <name>` Event; then status.active gets its reference and lastScheduleTime the
//   scheduled time;
// - requeued at the next activation + 100 ms (nextScheduleTimeDuration).
import { ownerRefTo } from '../api/owners';
import type { CronJob, Job, K8sObject } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { parseRfc3339, rfc3339 } from '../runtime/clock';
import type { ControllerContext, WatchEvent } from '../runtime/interfaces';
import {
  type CronSchedule,
  knownZone,
  mostRecentScheduleTime,
  nextScheduleDelay,
  parseStandard,
} from './cronjob-schedule';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
const SOURCE = { component: 'cronjob-controller' };

type ActiveRef = NonNullable<NonNullable<CronJob['status']>['active']>[number];

/** The queue keys of a watch event, added to `base` (the other publishers' keys): a CronJob's own; a Job's CronJob. */
export function cronJobKeys(ev: WatchEvent, base: string[]): string[] {
  const o = ev.view;
  const m = o.metadata;
  if (o.kind === 'CronJob') return [`CronJob/${m.namespace}/${m.name}`];
  if (o.kind !== 'Job') return base;
  const keys = new Set<string>();
  for (const x of [o, ev.oldView]) {
    const ref = x?.metadata.ownerReferences?.find((r) => r.controller);
    if (ref?.kind === 'CronJob') keys.add(`CronJob/${m.namespace}/${ref.name}`);
  }
  return keys.size ? [...base, ...keys] : base;
}

function finishedType(j: Job): 'Complete' | 'Failed' | undefined {
  for (const c of j.status?.conditions ?? [])
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  return undefined;
}

/** byJobStartTime: by startTime (unset last), then by name. */
function byStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (sa == null && sb != null) return 1;
  if (sa != null && sb == null) return -1;
  if (sa === sb || sa == null || sb == null)
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return parseRfc3339(sa) - parseRfc3339(sb);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** time.RFC3339 of `ms` in `zone` (UTC: `Z`). */
export function rfc3339In(ms: number, zone: string | undefined): string {
  if (!zone || zone === 'UTC') return rfc3339(ms);
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const name = f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const mm = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const off = mm ? (mm[1] === '-' ? -1 : 1) * (Number(mm[2]) * 60 + Number(mm[3])) * 60000 : 0;
  const d = new Date(ms + off);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${mm ? `${mm[1]}${mm[2]}:${mm[3]}` : 'Z'}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** getJobName: `<cronjob>-<minutes since the epoch>`. */
export function cronJobJobName(cj: CronJob, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduled / 60000)}`;
}

/** getJobFromTemplate2. */
function jobFromTemplate(cj: CronJob, scheduled: number): K8sObject {
  const t: Any = cj.spec.jobTemplate ?? {};
  const metadata: Any = { name: cronJobJobName(cj, scheduled), namespace: cj.metadata.namespace };
  const labels = { ...t.metadata?.labels };
  if (Object.keys(labels).length) metadata.labels = labels;
  metadata.annotations = {
    ...t.metadata?.annotations,
    [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduled, cj.spec.timeZone),
  };
  metadata.ownerReferences = [ownerRefTo(cj)];
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(t.spec ?? {}) } as Any;
}

function jobRef(j: K8sObject): ActiveRef {
  return {
    kind: 'Job',
    namespace: j.metadata.namespace ?? '',
    name: j.metadata.name,
    uid: j.metadata.uid,
    apiVersion: 'batch/v1',
    resourceVersion: j.metadata.resourceVersion ?? '',
  };
}

interface Work {
  cj: CronJob;
  active: ActiveRef[];
  lastScheduleTime: string | undefined;
  lastSuccessfulTime: string | undefined;
}

/** deleteJob: the Job (background propagation), its reference, a SuccessfulDelete Event. */
function deleteJob(ctx: ControllerContext, w: Work, j: Job): boolean {
  const r = ctx.api.delete('Job', j.metadata.namespace, j.metadata.name, { propagationPolicy: 'Background' });
  if (!r.ok) {
    ctx.events.record(w.cj, 'Warning', 'FailedDelete', `Deleted job: ${r.error.message}`, SOURCE);
    return false;
  }
  w.active = w.active.filter((a) => a.uid !== j.metadata.uid);
  ctx.events.record(w.cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, SOURCE);
  return true;
}

/** cleanupFinishedJobs. */
function cleanupFinishedJobs(ctx: ControllerContext, w: Work, jobs: Job[]): boolean {
  const spec = w.cj.spec;
  if (spec.successfulJobsHistoryLimit == null && spec.failedJobsHistoryLimit == null) return false;
  let update = false;
  const removeOldest = (js: Job[], max: number | undefined) => {
    if (max == null) return;
    const n = js.length - max;
    if (n <= 0) return;
    const sorted = [...js].sort(byStartTime);
    for (let i = 0; i < n; i++) if (deleteJob(ctx, w, sorted[i] as Job)) update = true;
  };
  removeOldest(
    jobs.filter((j) => finishedType(j) === 'Complete'),
    spec.successfulJobsHistoryLimit,
  );
  removeOldest(
    jobs.filter((j) => finishedType(j) === 'Failed'),
    spec.failedJobsHistoryLimit,
  );
  return update;
}

/** formatSchedule: the schedule with `TZ=<timeZone> ` before it when the zone loads. */
function formatSchedule(ctx: ControllerContext, cj: CronJob): string {
  const s = cj.spec.schedule;
  if (s.includes('TZ')) {
    ctx.events.record(
      cj,
      'Warning',
      'UnsupportedSchedule',
      `CRON_TZ or TZ used in schedule ${JSON.stringify(s)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      SOURCE,
    );
    return s;
  }
  const tz = cj.spec.timeZone;
  if (tz != null && knownZone(tz)) return `TZ=${tz} ${s}`;
  return s;
}

/** syncCronJob: the status changes and the requeue delay (undefined: not requeued). */
function syncCronJob(ctx: ControllerContext, w: Work, jobs: Job[]): [number | undefined, boolean] {
  const now = ctx.clock.now();
  let update = false;
  const cj = w.cj;
  const children = new Set<string>();
  for (const j of jobs) {
    children.add(j.metadata.uid);
    const found = w.active.some((a) => a.uid === j.metadata.uid);
    const fin = finishedType(j);
    if (!found && !fin) {
      ctx.events.record(
        cj,
        'Warning',
        'UnexpectedJob',
        `Saw a job that the controller did not create or forgot: ${j.metadata.name}`,
        SOURCE,
      );
    } else if (fin) {
      if (found) {
        w.active = w.active.filter((a) => a.uid !== j.metadata.uid);
        ctx.events.record(
          cj,
          'Normal',
          'SawCompletedJob',
          `Saw completed job: ${j.metadata.name}, condition: ${fin}`,
          SOURCE,
        );
        update = true;
      }
      const ct = j.status?.completionTime;
      if (fin === 'Complete') {
        if (w.lastSuccessfulTime == null) {
          w.lastSuccessfulTime = ct;
          update = true;
        }
        if (
          ct != null &&
          w.lastSuccessfulTime != null &&
          parseRfc3339(ct) > parseRfc3339(w.lastSuccessfulTime)
        ) {
          w.lastSuccessfulTime = ct;
          update = true;
        }
      }
    }
  }
  for (const a of [...w.active]) {
    if (children.has(a.uid)) continue;
    if (ctx.store.get('Job', a.namespace, a.name)) continue;
    ctx.events.record(cj, 'Normal', 'MissingJob', `Active job went missing: ${a.name}`, SOURCE);
    w.active = w.active.filter((x) => x.uid !== a.uid);
    update = true;
  }
  if (cj.metadata.deletionTimestamp) return [undefined, update];
  const tz = cj.spec.timeZone;
  if (tz != null && !knownZone(tz)) {
    ctx.events.record(
      cj,
      'Warning',
      'UnknownTimeZone',
      `invalid timeZone: ${JSON.stringify(tz)}: unknown time zone ${tz}`,
      SOURCE,
    );
    return [undefined, update];
  }
  if (cj.spec.suspend === true) return [undefined, update];
  const parsed = parseStandard(formatSchedule(ctx, cj));
  if (typeof parsed === 'string') {
    ctx.events.record(
      cj,
      'Warning',
      'UnparseableSchedule',
      `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${parsed}`,
      SOURCE,
    );
    return [undefined, update];
  }
  const sched: CronSchedule = parsed;
  const creation = parseRfc3339(cj.metadata.creationTimestamp ?? rfc3339(now));
  const last = w.lastScheduleTime != null ? parseRfc3339(w.lastScheduleTime) : undefined;
  const next = () => nextScheduleDelay(creation, last, now, sched);
  // nextScheduleTime.
  const r = mostRecentScheduleTime(creation, last, cj.spec.startingDeadlineSeconds, now, sched, true);
  const scheduled = r.mostRecent !== undefined && r.mostRecent <= now ? r.mostRecent : undefined;
  if (scheduled !== undefined && r.missed === 'many')
    ctx.events.record(
      cj,
      'Warning',
      'TooManyMissedTimes',
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      SOURCE,
    );
  if (scheduled === undefined && r.error) {
    ctx.events.record(
      cj,
      'Warning',
      'InvalidSchedule',
      `invalid schedule: ${cj.spec.schedule} : ${r.error}`,
      SOURCE,
    );
    return [undefined, update];
  }
  if (scheduled === undefined) return [next(), update];
  const sds = cj.spec.startingDeadlineSeconds;
  if (sds != null && scheduled + sds * 1000 < now) {
    ctx.events.record(
      cj,
      'Warning',
      'MissSchedule',
      `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`,
      SOURCE,
    );
    return [next(), update];
  }
  const name = cronJobJobName(cj, scheduled);
  if (w.active.some((a) => a.name === name && a.namespace === cj.metadata.namespace) || last === scheduled)
    return [next(), update];
  if (cj.spec.concurrencyPolicy === 'Forbid' && w.active.length > 0) {
    ctx.events.record(
      cj,
      'Normal',
      'JobAlreadyActive',
      'Not starting job because prior execution is running and concurrency policy is Forbid',
      SOURCE,
    );
    return [next(), update];
  }
  if (cj.spec.concurrencyPolicy === 'Replace')
    for (const a of [...w.active]) {
      const j = ctx.store.get('Job', a.namespace, a.name) as Job | undefined;
      if (!j) {
        ctx.events.record(
          cj,
          'Warning',
          'FailedGet',
          `Get job: jobs.batch ${JSON.stringify(a.name)} not found`,
          SOURCE,
        );
        return [undefined, update];
      }
      if (!deleteJob(ctx, w, j)) return [undefined, update];
      update = true;
    }
  const req = jobFromTemplate(cj, scheduled);
  const res = ctx.api.create(req);
  let created: K8sObject;
  if (res.ok) {
    created = res.object;
    ctx.events.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`, SOURCE);
  } else if (res.error.reason === 'AlreadyExists') {
    const j = ctx.store.get('Job', cj.metadata.namespace, name);
    if (!j) return [undefined, update];
    const ref = j.metadata.ownerReferences?.find((x) => x.controller);
    if (ref?.uid !== cj.metadata.uid) return [undefined, update];
    if (w.active.some((a) => a.uid === j.metadata.uid)) return [undefined, update];
    created = j;
  } else {
    ctx.events.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${res.error.message}`, SOURCE);
    return [undefined, update];
  }
  w.active = [...w.active, jobRef(created)];
  w.lastScheduleTime = rfc3339(scheduled);
  const delay = nextScheduleDelay(creation, scheduled, now, sched);
  return [delay, true];
}

export function cronJobSync(api: ApiServer, key: string, ctx: ControllerContext): void {
  const [, ns, name] = key.split('/') as [string, string, string];
  const cj = api.store.get('CronJob', ns, name) as CronJob | undefined;
  if (!cj) return;
  const jobs = ([...api.store.byNamespace('Job', ns)] as Job[]).filter(
    (j) => j.metadata.ownerReferences?.find((r) => r.controller)?.name === name,
  );
  const st = cj.status ?? {};
  const w: Work = {
    cj,
    active: [...(st.active ?? [])],
    lastScheduleTime: st.lastScheduleTime,
    lastSuccessfulTime: st.lastSuccessfulTime,
  };
  const cleaned = cleanupFinishedJobs(ctx, w, jobs);
  const [requeue, synced] = syncCronJob(ctx, w, jobs);
  if (cleaned || synced) {
    const latest = api.store.get('CronJob', ns, name) as CronJob | undefined;
    if (latest?.metadata.uid === cj.metadata.uid) {
      const status: Any = {};
      if (w.active.length) status.active = w.active;
      if (w.lastScheduleTime) status.lastScheduleTime = w.lastScheduleTime;
      if (w.lastSuccessfulTime) status.lastSuccessfulTime = w.lastSuccessfulTime;
      if (JSON.stringify(status) !== JSON.stringify(latest.status ?? {}))
        ctx.api.updateStatus({ ...latest, status } as Any);
    }
  }
  if (requeue !== undefined) ctx.requeueAfter(key, Math.max(requeue, 0));
}
