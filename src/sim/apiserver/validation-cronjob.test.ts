// SetDefaults_CronJob (defaults-cronjob.ts) and ValidateCronJobCreate / ValidateCronJobUpdate
// (validation-cronjob.ts) of 1.34, through the simulated API server.
import { describe, expect, it } from 'vitest';
import type { CronJob, K8sObject } from '../api/types';
import { createCluster } from '../cluster';
import { validateCronJob } from './validation-cronjob';

const base = (spec: Record<string, unknown> = {}, jobSpec: Record<string, unknown> = {}, name = 'cj') =>
  ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '*/5 * * * *',
      jobTemplate: {
        spec: {
          template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } },
          ...jobSpec,
        },
      },
      ...spec,
    },
  }) as unknown as K8sObject;

/** As the server validates it: after SetDefaults_CronJob's concurrencyPolicy. */
const allow = (o: K8sObject): K8sObject =>
  ({ ...o, spec: { ...(o as CronJob).spec, concurrencyPolicy: 'Allow' } }) as K8sObject;

function causes(obj: K8sObject): string[] {
  const c = createCluster({ seed: 1 });
  const r = c.create(obj);
  if (r.ok) return [];
  return (r.error.details?.causes ?? []).map((x) => `${x.field}: ${x.message}`);
}

describe('SetDefaults_CronJob', () => {
  it('Allow, suspend false, limits 3 and 1, in CronJobSpec order; the job template only PodSpec-defaulted', () => {
    const c = createCluster({ seed: 1 });
    const r = c.create(base({}, {}));
    if (!r.ok) throw new Error(r.error.message);
    const cj = r.object as CronJob;
    expect(Object.keys(cj.spec)).toEqual([
      'schedule',
      'concurrencyPolicy',
      'suspend',
      'jobTemplate',
      'successfulJobsHistoryLimit',
      'failedJobsHistoryLimit',
    ]);
    expect(cj.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
    expect(Object.keys(cj.spec.jobTemplate)).toEqual(['metadata', 'spec']);
    expect(Object.keys(cj.spec.jobTemplate.spec)).toEqual(['template']);
    const pod = cj.spec.jobTemplate.spec.template.spec;
    expect(pod?.dnsPolicy).toBe('ClusterFirst');
    expect(pod?.containers?.[0]?.imagePullPolicy).toBe('Always');
    expect(cj.status).toEqual({});
    expect(cj.metadata.generation).toBe(1);
  });

  it('keeps what was given (Forbid, suspend true, limit 0)', () => {
    const c = createCluster({ seed: 1 });
    const r = c.create(
      base({
        concurrencyPolicy: 'Forbid',
        suspend: true,
        successfulJobsHistoryLimit: 0,
        failedJobsHistoryLimit: 5,
      }),
    );
    expect(r.ok && (r.object as CronJob).spec).toMatchObject({
      concurrencyPolicy: 'Forbid',
      suspend: true,
      successfulJobsHistoryLimit: 0,
      failedJobsHistoryLimit: 5,
    });
  });
});

describe('ValidateCronJobCreate / Update', () => {
  it('schedule: required, then the parser error; TZ refused on create', () => {
    expect(causes(base({ schedule: '' }))).toEqual(['spec.schedule: Required value']);
    expect(causes(base({ schedule: '* * * * MON-XYZ' }))).toEqual([
      'spec.schedule: Invalid value: "* * * * MON-XYZ": failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax',
    ]);
    expect(causes(base({ schedule: 'CRON_TZ=UTC 0 * * * *', timeZone: 'UTC' }))).toEqual([
      'spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
  });

  it('an update of a schedule that already had TZ: only with timeZone is it refused', () => {
    const old = base({ schedule: 'TZ=UTC 0 * * * *' });
    expect(validateCronJob(allow(base({ schedule: 'TZ=UTC 5 * * * *' })), old).map((e) => e.message)).toEqual(
      [],
    );
    expect(
      validateCronJob(allow(base({ schedule: 'TZ=UTC 5 * * * *', timeZone: 'UTC' })), old).map(
        (e) => `${e.field}: ${e.message}`,
      ),
    ).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC 5 * * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule',
    ]);
  });

  it('timeZone: empty, bad characters, Local, unknown; Europe/Berlin and UTC pass', () => {
    expect(causes(base({ timeZone: '' }))).toEqual([
      'spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string',
    ]);
    expect(causes(base({ timeZone: '../etc/passwd' }))).toEqual([
      'spec.timeZone: Invalid value: "../etc/passwd": unknown time zone ../etc/passwd',
    ]);
    expect(causes(base({ timeZone: 'America/Looooooooooooong' }))).toEqual([
      'spec.timeZone: Invalid value: "America/Looooooooooooong": unknown time zone America/Looooooooooooong',
    ]);
    expect(causes(base({ timeZone: 'Europe/Berlin' }))).toEqual([]);
    expect(causes(base({ timeZone: 'UTC' }))).toEqual([]);
    // Unchanged on an update: not validated again.
    const old = base({ timeZone: 'Nowhere/Zone' });
    expect(validateCronJob(allow(base({ timeZone: 'Nowhere/Zone', suspend: true })), old)).toEqual([]);
  });

  it('jobTemplate: a selector is generated, never given; Job spec rules under spec.jobTemplate.spec', () => {
    expect(causes(base({}, { selector: { matchLabels: { a: 'b' } } }))).toEqual([
      'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated',
    ]);
    expect(causes(base({}, { completionMode: 'Indexed' }))).toEqual([
      'spec.jobTemplate.spec.completions: Required value: when completion mode is Indexed',
    ]);
    expect(causes(base({}, { parallelism: -1, ttlSecondsAfterFinished: -5 }))).toEqual([
      'spec.jobTemplate.spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      'spec.jobTemplate.spec.ttlSecondsAfterFinished: Invalid value: -5: must be greater than or equal to 0',
    ]);
  });

  it('name: a DNS subdomain, at most 52 characters on create only', () => {
    expect(causes(base({}, {}, 'Bad_Name'))[0]).toMatch(
      /^metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    const long = 'x'.repeat(53);
    expect(causes(base({}, {}, long))).toEqual([
      `metadata.name: Invalid value: "${long}": must be no more than 52 characters`,
    ]);
    expect(validateCronJob(allow(base({ suspend: true }, {}, long)), base({}, {}, long))).toEqual([]);
  });
});
