// The 1.34 CronJob controller (v2) on the simulated clock: Jobs <name>-<minutes since the epoch> at
// each activation with the controller reference and the scheduled-timestamp annotation, status
// active/lastScheduleTime/lastSuccessfulTime, SawCompletedJob and the history-limit clean-up,
// Forbid and Replace, suspend, too many missed start times, startingDeadlineSeconds, a timeZone,
// and delete cascading to the Jobs and their Pods.
import { describe, expect, it } from 'vitest';
import type { CronJob, Event, Job, Pod } from '../api/types';
import { parseRfc3339 } from '../runtime/clock';
import { Driver } from '../testing/driver';
import { recordingContext } from './controller-testing';
import { cronJobSync, SCHEDULED_TIMESTAMP_ANNOTATION } from './cronjob-controller';

const cron = (
  o: { extra?: string; sleep?: number; schedule?: string; command?: string } = {},
) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "${o.schedule ?? '*/1 * * * *'}"
${o.extra ?? ''}  jobTemplate:
    metadata:
      labels:
        app: tick
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: c
            image: busybox
            command: ${o.command ?? `['sleep', '${o.sleep ?? 5}']`}
`;

const cj = (d: Driver) => d.get('CronJob', 'tick') as CronJob;
const jobs = (d: Driver): Job[] =>
  (d.cluster.list('Job', { namespace: 'default' }) as Job[]).sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
const names = (d: Driver) => jobs(d).map((j) => j.metadata.name);
const events = (d: Driver): string[] =>
  (d.cluster.list('Event', { namespace: 'default' }) as Event[])
    .filter((e) => e.involvedObject.kind === 'CronJob')
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
/** The activation minute names `tick-<minutes>` from the cluster's start. */
const minute = (d: Driver, k: number) => {
  const start = parseRfc3339(cj(d).metadata.creationTimestamp as string);
  return `tick-${Math.floor(start / 60000) + k}`;
};

describe('CronJob controller (1.34)', () => {
  it('makes a Job each minute: name, labels, annotation, owner, status, Events; keeps 3 Complete Jobs', () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(cron());
    const created = parseRfc3339(cj(d).metadata.creationTimestamp as string);
    // The cluster starts on a whole minute: nothing before the next one.
    expect(created % 60000).toBe(0);
    d.advance(60_000);
    // Requeued at the activation plus nextScheduleDelta (100 ms).
    expect(jobs(d)).toEqual([]);
    d.advance(100);
    expect(names(d)).toEqual([minute(d, 1)]);
    const j = jobs(d)[0] as Job;
    expect(j.metadata.labels?.app).toBe('tick');
    expect(j.metadata.annotations).toEqual({
      [SCHEDULED_TIMESTAMP_ANNOTATION]: new Date(created + 60_000).toISOString().replace('.000', ''),
    });
    expect(j.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'tick',
        uid: cj(d).metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    // The Job is a Job: defaulted and run by the Job controller.
    expect(j.spec.backoffLimit).toBe(6);
    expect(cj(d).status).toEqual({
      active: [
        {
          kind: 'Job',
          namespace: 'default',
          name: minute(d, 1),
          uid: j.metadata.uid,
          apiVersion: 'batch/v1',
          // The created Job's (getRef of the create's answer), older than the Job's status writes.
          resourceVersion: expect.stringMatching(/^\d+$/),
        },
      ],
      lastScheduleTime: new Date(created + 60_000).toISOString().replace('.000', ''),
    });
    d.advance(30_000);
    const done = jobs(d)[0] as Job;
    expect(done.status?.conditions?.some((c) => c.type === 'Complete')).toBe(true);
    expect(cj(d).status).toEqual({
      lastScheduleTime: new Date(created + 60_000).toISOString().replace('.000', ''),
      lastSuccessfulTime: done.status?.completionTime,
    });
    d.advance(4 * 60_000);
    // Five ran; successfulJobsHistoryLimit 3 keeps the newest three.
    expect(names(d)).toEqual([minute(d, 3), minute(d, 4), minute(d, 5)]);
    expect(events(d)).toEqual([
      `Normal SuccessfulCreate Created job ${minute(d, 1)}`,
      `Normal SawCompletedJob Saw completed job: ${minute(d, 1)}, condition: Complete`,
      `Normal SuccessfulCreate Created job ${minute(d, 2)}`,
      `Normal SawCompletedJob Saw completed job: ${minute(d, 2)}, condition: Complete`,
      `Normal SuccessfulCreate Created job ${minute(d, 3)}`,
      `Normal SawCompletedJob Saw completed job: ${minute(d, 3)}, condition: Complete`,
      `Normal SuccessfulCreate Created job ${minute(d, 4)}`,
      // cleanupFinishedJobs runs before syncCronJob notices the fourth one finished.
      `Normal SuccessfulDelete Deleted job ${minute(d, 1)}`,
      `Normal SawCompletedJob Saw completed job: ${minute(d, 4)}, condition: Complete`,
      `Normal SuccessfulCreate Created job ${minute(d, 5)}`,
      `Normal SuccessfulDelete Deleted job ${minute(d, 2)}`,
      `Normal SawCompletedJob Saw completed job: ${minute(d, 5)}, condition: Complete`,
    ]);
    // The deleted Jobs' Pods went with them (background propagation).
    const pods = (d.cluster.list('Pod', { namespace: 'default' }) as Pod[]).map((p) =>
      p.metadata.name.replace(/-[a-z0-9]{5}$/, ''),
    );
    expect(pods.sort()).toEqual([minute(d, 3), minute(d, 4), minute(d, 5)]);
  });

  it('failedJobsHistoryLimit 1 keeps the newest Failed Job', () => {
    const d = new Driver({ seed: 4, profile: 'kind' }).applyOk(
      cron({ command: "['sh', '-c', 'exit 1']", extra: '  successfulJobsHistoryLimit: 0\n' }).replace(
        '    spec:\n      template:',
        '    spec:\n      backoffLimit: 0\n      template:',
      ),
    );
    d.advance(3 * 60_000 + 30_000);
    const failed = jobs(d).filter((j) => j.status?.conditions?.some((c) => c.type === 'Failed'));
    expect(failed.map((j) => j.metadata.name)).toEqual([minute(d, 3)]);
    expect(events(d)).toContain(
      `Normal SawCompletedJob Saw completed job: ${minute(d, 1)}, condition: Failed`,
    );
    expect(events(d)).toContain(`Normal SuccessfulDelete Deleted job ${minute(d, 1)}`);
    expect(cj(d).status?.lastSuccessfulTime).toBeUndefined();
  });

  it('Forbid: no new Job while one runs (JobAlreadyActive); the skipped start runs once it finishes', () => {
    const d = new Driver({ seed: 5, profile: 'kind' }).applyOk(
      cron({ sleep: 90, extra: '  concurrencyPolicy: Forbid\n' }),
    );
    d.advance(2 * 60_000 + 10_000);
    expect(names(d)).toEqual([minute(d, 1)]);
    expect(events(d)).toContain(
      'Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid',
    );
    // The first (started at minute 1, ~90 s) finishes before minute 3: its sync finds minute 2
    // still the most recent unmet time (no startingDeadlineSeconds), so that one starts late.
    d.advance(30_000);
    expect(names(d)).toEqual([minute(d, 1), minute(d, 2)]);
    expect(cj(d).status?.active?.map((a) => a.name)).toEqual([minute(d, 2)]);
    expect(cj(d).status?.lastScheduleTime).toBe(
      (jobs(d)[1] as Job).metadata.annotations?.[SCHEDULED_TIMESTAMP_ANNOTATION],
    );
  });

  it('Allow: Jobs overlap; Replace: the running Job is deleted for the new one', () => {
    const allow = new Driver({ seed: 6, profile: 'kind' }).applyOk(cron({ sleep: 300 }));
    allow.advance(3 * 60_000 + 1_000);
    expect(cj(allow).status?.active?.map((a) => a.name)).toEqual([
      minute(allow, 1),
      minute(allow, 2),
      minute(allow, 3),
    ]);
    const d = new Driver({ seed: 6, profile: 'kind' }).applyOk(
      cron({ sleep: 300, extra: '  concurrencyPolicy: Replace\n' }),
    );
    d.advance(2 * 60_000 + 1_000);
    expect(names(d)).toEqual([minute(d, 2)]);
    expect(cj(d).status?.active?.map((a) => a.name)).toEqual([minute(d, 2)]);
    expect(events(d)).toEqual([
      `Normal SuccessfulCreate Created job ${minute(d, 1)}`,
      `Normal SuccessfulDelete Deleted job ${minute(d, 1)}`,
      `Normal SuccessfulCreate Created job ${minute(d, 2)}`,
    ]);
  });

  it('suspend: nothing runs; resumed after over 100 missed minutes, the latest runs (TooManyMissedTimes)', () => {
    const d = new Driver({ seed: 7, profile: 'kind' }).applyOk(cron({ extra: '  suspend: true\n' }));
    d.advance(150 * 60_000);
    expect(jobs(d)).toEqual([]);
    d.applyOk(cron({ extra: '  suspend: false\n' }));
    d.advance(1_000);
    expect(names(d)).toEqual([minute(d, 150)]);
    expect(events(d)).toEqual([
      'Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      `Normal SuccessfulCreate Created job ${minute(d, 150)}`,
    ]);
  });

  it('startingDeadlineSeconds: a missed start older than the deadline is skipped, a recent one runs', () => {
    const late = new Driver({ seed: 8, profile: 'kind' }).applyOk(
      cron({ extra: '  suspend: true\n  startingDeadlineSeconds: 20\n' }),
    );
    late.advance(3 * 60_000 + 30_000);
    late.applyOk(cron({ extra: '  suspend: false\n  startingDeadlineSeconds: 20\n' }));
    late.advance(1_000);
    expect(jobs(late)).toEqual([]);
    expect(events(late)).toEqual([]);
    // The next activation still runs.
    late.advance(30_000);
    expect(names(late)).toEqual([minute(late, 4)]);
    const soon = new Driver({ seed: 8, profile: 'kind' }).applyOk(
      cron({ extra: '  suspend: true\n  startingDeadlineSeconds: 20\n' }),
    );
    soon.advance(3 * 60_000 + 10_000);
    soon.applyOk(cron({ extra: '  suspend: false\n  startingDeadlineSeconds: 20\n' }));
    soon.advance(1_000);
    expect(names(soon)).toEqual([minute(soon, 3)]);
  });

  it('a timeZone: the wall clock of the zone, the annotation in its offset', () => {
    const d = new Driver({ seed: 9, profile: 'kind' });
    const start = d.cluster.now();
    // The next whole hour in Asia/Kolkata (UTC+05:30) is half past a UTC hour.
    const wallMinute = (Math.floor((start + 19_800_000) / 60_000) % 60) as number;
    const toHour = ((60 - wallMinute) % 60 || 60) * 60_000;
    d.applyOk(cron({ schedule: '0 * * * *', extra: '  timeZone: Asia/Kolkata\n' }));
    d.advance(toHour - 1_000);
    expect(jobs(d)).toEqual([]);
    d.advance(1_100);
    const j = jobs(d)[0] as Job;
    expect(j.metadata.annotations?.[SCHEDULED_TIMESTAMP_ANNOTATION]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:00:00\+05:30$/,
    );
    expect(parseRfc3339(cj(d).status?.lastScheduleTime as string)).toBe(
      Math.floor(start / 60_000) * 60_000 + toHour,
    );
  });

  it('delete cronjob: its Jobs and their Pods go too', () => {
    const d = new Driver({ seed: 10, profile: 'kind' }).applyOk(cron({ sleep: 300 }));
    d.advance(2 * 60_000 + 5_000);
    expect(jobs(d)).toHaveLength(2);
    d.cluster.delete('CronJob', 'default', 'tick');
    // The Pods' grace period (30 s) ends the sleep.
    d.advance(35_000);
    expect(jobs(d)).toEqual([]);
    expect(d.cluster.list('Pod', { namespace: 'default' })).toEqual([]);
  });

  it('between activations a reconcile by hand writes nothing, only requeues for the next one', () => {
    const d = new Driver({ seed: 11, profile: 'kind' }).applyOk(cron());
    d.advance(90_000);
    const { api } = d.cluster.internals;
    const delays: number[] = [];
    const { ctx, writes } = recordingContext(d.cluster.internals, {
      requeueAfter: (_k, ms) => delays.push(ms),
    });
    cronJobSync(api, 'CronJob/default/tick', ctx);
    cronJobSync(api, 'CronJob/default/tick', ctx);
    expect(writes).toEqual([]);
    // 30 s to the next minute, plus nextScheduleDelta.
    expect(delays).toEqual([30_100, 30_100]);
  });
});
