// A student's CronJob through kubectl 1.34 on kind: create cronjob (create_cronjob.go), get
// cronjobs / cj -o wide (printCronJob), describe cronjob (describeCronJob), create job
// --from=cronjob/x (createJobFromCronJob), -o yaml of what the API server stored
// (SetDefaults_CronJob), ValidateCronJob's refusals as kubectl prints them, delete cronjob
// cascading to its Jobs and Pods.
import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from '../../sim/api/types';
import { kdrive } from '../testing';

type D = ReturnType<typeof kdrive>;

function apply(d: D, yaml: string): string {
  d.session.fs.write('/home/student/ch03/cj.yaml', yaml);
  const r = d.kubectl('apply -f cj.yaml');
  return r.text();
}

const manifest = (
  o: { name?: string; schedule?: string; extra?: string; jobExtra?: string } = {},
) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${o.name ?? 'c'}
spec:
  schedule: "${o.schedule ?? '*/5 * * * *'}"
${o.extra ?? ''}  jobTemplate:
    spec:
${o.jobExtra ?? ''}      template:
        spec:
          restartPolicy: Never
          containers:
          - name: bb
            image: busybox
            command: ['sleep', '1']
`;

describe('kubectl with a user CronJob', () => {
  it('create cronjob, get cronjobs (-o wide), describe cronjob, create job --from, delete cronjob', () => {
    const d = kdrive({ seed: 2, profile: 'kind' });
    expect(d.kubectl('create cronjob hello --image=busybox --schedule="*/1 * * * *" -- sleep 5').text()).toBe(
      'cronjob.batch/hello created\n',
    );
    expect(d.kubectl('get cronjobs').text()).toBe(
      [
        'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
        'hello   */1 * * * *   <none>     False     0        <none>          0s',
        '',
      ].join('\n'),
    );
    d.cluster.advance(60_100);
    const job = (d.cluster.list('Job', { namespace: 'default' }) as Job[])[0] as Job;
    const jobName = job.metadata.name;
    expect(jobName).toMatch(/^hello-\d{8}$/);
    expect(d.kubectl('get cj -o wide').text()).toBe(
      [
        'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES    SELECTOR',
        'hello   */1 * * * *   <none>     False     1        0s              60s   hello        busybox   <none>',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('describe cronjob hello').text()).toBe(
      [
        'Name:                          hello',
        'Namespace:                     default',
        'Labels:                        <none>',
        'Annotations:                   <none>',
        'Schedule:                      */1 * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers:',
        '   hello:',
        '    Image:      busybox',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sleep',
        '      5',
        '    Environment:     <none>',
        '    Mounts:          <none>',
        '  Volumes:           <none>',
        '  Node-Selectors:    <none>',
        '  Tolerations:       <none>',
        'Last Schedule Time:  Thu, 08 Jan 2026 09:31:00 +0000',
        `Active Jobs:         ${jobName}`,
        'Events:',
        '  Type    Reason            Age   From                Message',
        '  ----    ------            ----  ----                -------',
        `  Normal  SuccessfulCreate  0s    cronjob-controller  Created job ${jobName}`,
        '',
      ].join('\n'),
    );
    // create job --from=cronjob/x: the template plus the manual annotation and an owner reference
    // without blockOwnerDeletion.
    expect(d.kubectl('create job manual --from=cronjob/hello').text()).toBe('job.batch/manual created\n');
    const manual = d.cluster.get('Job', 'default', 'manual') as Job;
    const cj = d.cluster.get('CronJob', 'default', 'hello') as CronJob;
    expect(manual.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(manual.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true },
    ]);
    expect(manual.spec.template.spec?.containers?.[0]?.command).toEqual(['sleep', '5']);
    expect(d.kubectl('get jobs').text()).toBe(
      [
        'NAME             STATUS    COMPLETIONS   DURATION   AGE',
        `${jobName}   Running   0/1           0s         0s`,
        'manual           Running   0/1           0s         0s',
        '',
      ].join('\n'),
    );
    // The controller did not make it: an UnexpectedJob warning (cronjob_controllerv2.go).
    // Every sync while the Job runs says so again (the correlator counts them): the Job's status
    // writes as its Pod starts resync the CronJob.
    d.advance(3000);
    expect(d.kubectl('describe cj hello').text()).toMatch(
      /\n {2}Warning {2}UnexpectedJob {5}1s \(x3 over 3s\) {2}cronjob-controller {2}Saw a job that the controller did not create or forgot: manual\n/,
    );
    expect(d.kubectl('delete cronjob hello').text()).toBe(
      'cronjob.batch "hello" deleted from default namespace\n',
    );
    d.cluster.advance(40_000);
    expect(d.kubectl('get jobs,pods').text()).toBe('No resources found in default namespace.\n');
  });

  it('create cronjob: required flags, -o yaml of the client dry run and of the stored object', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    expect(d.kubectl('create cronjob x').stderr()).toBe(
      'error: required flag(s) "image", "schedule" not set\n',
    );
    expect(d.kubectl('create cronjob x --image=busybox').stderr()).toBe(
      'error: required flag(s) "schedule" not set\n',
    );
    expect(
      d.kubectl('create cronjob x --image=busybox --schedule="* * * * *" --dry-run=client -o yaml').text(),
    ).toBe(
      [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: x',
        'spec:',
        '  jobTemplate:',
        '    metadata:',
        '      name: x',
        '    spec:',
        '      template:',
        '        metadata: {}',
        '        spec:',
        '          containers:',
        '          - image: busybox',
        '            name: x',
        '            resources: {}',
        '          restartPolicy: OnFailure',
        "  schedule: '* * * * *'",
        'status: {}',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('create cj x --image=busybox --schedule="@hourly" --restart=Never').text()).toBe(
      'cronjob.batch/x created\n',
    );
    const spec = d.kubectl('get cronjob x -o jsonpath={.spec}').text();
    expect(Object.keys(JSON.parse(spec))).toEqual([
      'concurrencyPolicy',
      'failedJobsHistoryLimit',
      'jobTemplate',
      'schedule',
      'successfulJobsHistoryLimit',
      'suspend',
    ]);
    expect(d.kubectl('get cronjob x -o jsonpath={.spec.jobTemplate.spec}').text()).not.toContain(
      'backoffLimit',
    );
    expect(d.kubectl('create cronjob y --image=busybox --help').text()).toContain(
      "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [options]",
    );
  });

  it("the API server's refusals (ValidateCronJobCreate/Update)", () => {
    const d = kdrive({ seed: 4, profile: 'kind' });
    const cases: [string, string][] = [
      [
        manifest({ schedule: 'bad' }),
        'The CronJob "c" is invalid: spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]',
      ],
      [
        manifest({ schedule: '61 * * * *' }),
        'The CronJob "c" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
      ],
      [
        manifest({ schedule: '@every 5x' }),
        'The CronJob "c" is invalid: spec.schedule: Invalid value: "@every 5x": failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"',
      ],
      [
        manifest({ schedule: 'TZ=UTC * * * * *' }),
        'The CronJob "c" is invalid: spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ],
      [
        manifest({ extra: '  timeZone: Mars/Olympus\n' }),
        'The CronJob "c" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
      ],
      [
        manifest({ extra: '  timeZone: Local\n' }),
        'The CronJob "c" is invalid: spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ],
      [
        manifest({ extra: '  concurrencyPolicy: Sometimes\n' }),
        'The CronJob "c" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
      ],
      [
        manifest({ extra: '  startingDeadlineSeconds: -1\n  successfulJobsHistoryLimit: -2\n' }),
        'The CronJob "c" is invalid: \n* spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0\n* spec.successfulJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
      ],
      [
        manifest({ jobExtra: '      backoffLimit: -1\n      manualSelector: true\n' }),
        'The CronJob "c" is invalid: \n* spec.jobTemplate.spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0\n* spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
      ],
      [
        manifest().replace('restartPolicy: Never', 'restartPolicy: Always'),
        'The CronJob "c" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      ],
      [
        manifest({ name: 'a'.repeat(53) }),
        `The CronJob "${'a'.repeat(53)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`,
      ],
    ];
    for (const [yaml, err] of cases) expect(apply(d, yaml), yaml).toBe(`${err}\n`);
    expect(apply(d, manifest({ name: 'a'.repeat(52) }))).toBe(`cronjob.batch/${'a'.repeat(52)} created\n`);
    // An update: the schedule re-validated; suspend, history limits mutable.
    expect(apply(d, manifest())).toBe('cronjob.batch/c created\n');
    expect(apply(d, manifest({ schedule: '* * *' }))).toBe(
      'The CronJob "c" is invalid: spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]\n',
    );
    expect(apply(d, manifest({ extra: '  suspend: true\n  failedJobsHistoryLimit: 0\n' }))).toBe(
      'cronjob.batch/c configured\n',
    );
    expect(d.kubectl('get cj c').text()).toBe(
      'NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nc      */5 * * * *   <none>     True      0        <none>          0s\n',
    );
  });
});
