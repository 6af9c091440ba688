// A student's Job through kubectl 1.34 on kind: create job (create_job.go), get jobs and -o wide
// (printJob's STATUS/COMPLETIONS/DURATION), describe job (JobDescriber), wait
// --for=condition=complete|failed, logs job/x, delete job, and the API server's refusals as kubectl
// apply prints them (ValidateJob / ValidateJobUpdate).
import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

type D = ReturnType<typeof kdrive>;

const uidOf = (d: D, name: string) => (d.cluster.get('Job', 'default', name) as Job).metadata.uid;

function apply(d: D, yaml: string): string {
  d.session.fs.write('/home/student/ch03/job.yaml', yaml);
  return d.kubectl('apply -f job.yaml').text();
}

const manifest = (
  o: { restart?: string; image?: string; extra?: string; labels?: string } = {},
) => `apiVersion: batch/v1
kind: Job
metadata:
  name: v
spec:
${o.extra ?? ''}  template:
    metadata:
      labels:
        app: x
${o.labels ?? ''}    spec:
${o.restart === undefined ? '      restartPolicy: Never\n' : o.restart}      containers:
      - name: bb
        image: ${o.image ?? 'busybox'}
        command: ['sleep', '1']
`;

describe('kubectl with a user Job', () => {
  it('create job, wait for complete, get jobs (-o wide), describe job, logs job/x', () => {
    const d = kdrive({ seed: 2, profile: 'kind' });
    expect(
      d.kubectl('create job lookup --image=busybox -- nslookup kubernetes.default.svc.cluster.local').text(),
    ).toBe('job.batch/lookup created\n');
    const uid = uidOf(d, 'lookup');
    expect(d.kubectl('get jobs').text()).toBe(
      'NAME     STATUS    COMPLETIONS   DURATION   AGE\nlookup   Running   0/1           0s         0s\n',
    );
    expect(d.kubectl('wait --for=condition=complete job/lookup --timeout=60s').text()).toBe(
      'job.batch/lookup condition met\n',
    );
    expect(d.kubectl('get jobs').text()).toBe(
      'NAME     STATUS     COMPLETIONS   DURATION   AGE\nlookup   Complete   1/1           2s         2s\n',
    );
    expect(d.kubectl('get jobs -o wide').text()).toBe(
      [
        'NAME     STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES    SELECTOR',
        `lookup   Complete   1/1           2s         2s    lookup       busybox   batch.kubernetes.io/controller-uid=${uid}`,
        '',
      ].join('\n'),
    );
    const pod = (d.cluster.list('Pod', { namespace: 'default' }) as Pod[]).find((p) =>
      p.metadata.name.startsWith('lookup-'),
    ) as Pod;
    expect(d.kubectl('describe job lookup').text()).toBe(
      [
        'Name:             lookup',
        'Namespace:        default',
        `Selector:         batch.kubernetes.io/controller-uid=${uid}`,
        `Labels:           batch.kubernetes.io/controller-uid=${uid}`,
        '                  batch.kubernetes.io/job-name=lookup',
        `                  controller-uid=${uid}`,
        '                  job-name=lookup',
        'Annotations:      <none>',
        'Parallelism:      1',
        'Completions:      1',
        'Completion Mode:  NonIndexed',
        'Suspend:          false',
        'Backoff Limit:    6',
        'Start Time:       Thu, 08 Jan 2026 09:30:00 +0000',
        'Completed At:     Thu, 08 Jan 2026 09:30:02 +0000',
        'Duration:         2s',
        'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
        'Pod Template:',
        `  Labels:  batch.kubernetes.io/controller-uid=${uid}`,
        '           batch.kubernetes.io/job-name=lookup',
        `           controller-uid=${uid}`,
        '           job-name=lookup',
        '  Containers:',
        '   lookup:',
        '    Image:      busybox',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      nslookup',
        '      kubernetes.default.svc.cluster.local',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From            Message',
        '  ----    ------            ----  ----            -------',
        `  Normal  SuccessfulCreate  2s    job-controller  Created pod: ${pod.metadata.name}`,
        '  Normal  Completed         0s    job-controller  Job completed',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('logs job/lookup').text()).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n',
    );
    expect(d.kubectl('wait --for=condition=failed job/lookup --timeout=1s').text()).toBe(
      'error: timed out waiting for the condition on jobs/lookup\n',
    );
    expect(d.kubectl('delete job lookup').text()).toBe('job.batch "lookup" deleted from default namespace\n');
    d.advance(5000);
    expect(d.kubectl('get jobs,pods').text()).toBe('No resources found in default namespace.\n');
  });

  it('a failing Job: retried, then Failed; wait --for=condition=failed; get jobs STATUS Failed', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    expect(
      apply(d, manifest({ extra: '  backoffLimit: 1\n' }).replace("['sleep', '1']", "['sleep', 'x']")),
    ).toBe('job.batch/v created\n');
    expect(d.kubectl('wait --for=condition=failed job/v --timeout=60s').text()).toBe(
      'job.batch/v condition met\n',
    );
    // Two Pods (backoffLimit 1: failed > 1), the second 10 s after the first failed.
    expect(d.kubectl('get jobs').text()).toMatch(
      /^NAME {3}STATUS {3}COMPLETIONS {3}DURATION {3}AGE\nv {6}Failed {3}0\/1 {11}1\ds {8}1\ds\n$/,
    );
    const st = (d.cluster.get('Job', 'default', 'v') as Job).status;
    expect(st?.failed).toBe(2);
    expect(d.kubectl('describe job v').text()).toContain(
      'Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 2 Failed\n',
    );
    expect(d.kubectl('describe job v').text()).toMatch(
      /\n {2}Warning {2}BackoffLimitExceeded {2}0s {4}job-controller {2}Job has reached the specified backoff limit\n$/,
    );
  });

  it('an Indexed Job: Pods idx-<i>-<5>, JOB_COMPLETION_INDEX and the hostname in each, Completed Indexes', () => {
    const d = kdrive({ seed: 5, profile: 'kind' });
    d.session.fs.write(
      '/home/student/ch03/j.yaml',
      `apiVersion: batch/v1
kind: Job
metadata:
  name: idx
spec:
  completionMode: Indexed
  completions: 3
  parallelism: 3
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: bb
        image: busybox
        command: ['sh', '-c', 'echo index $JOB_COMPLETION_INDEX on $(hostname)']
`,
    );
    expect(d.kubectl('apply -f j.yaml').text()).toBe('job.batch/idx created\n');
    expect(d.kubectl('wait --for=condition=complete job/idx --timeout=60s').text()).toBe(
      'job.batch/idx condition met\n',
    );
    const pods = (d.cluster.list('Pod', { namespace: 'default' }) as Pod[])
      .map((p) => p.metadata.name)
      .sort();
    expect(pods.map((n) => n.slice(0, 6))).toEqual(['idx-0-', 'idx-1-', 'idx-2-']);
    expect(pods.map((n) => d.kubectl(`logs ${n}`).text())).toEqual([
      'index 0 on idx-0\n',
      'index 1 on idx-1\n',
      'index 2 on idx-2\n',
    ]);
    const text = d.kubectl('describe job idx').text();
    expect(text).toContain('Completion Mode:    Indexed\n');
    expect(text).toContain(
      'Pods Statuses:      0 Active (0 Ready) / 3 Succeeded / 0 Failed\nCompleted Indexes:  0-2\n',
    );
  });

  it('create job: validation of its flags and --help', () => {
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('create job x').text()).toBe('error: either --image or --from must be specified\n');
    expect(d.kubectl('create job x --image=a --from=cronjob/y').text()).toBe(
      'error: either --image or --from must be specified\n',
    );
    expect(d.kubectl('create job x --from=cronjob/y -- date').text()).toBe(
      'error: cannot specify --from and command\n',
    );
    expect(d.kubectl('create job x --from=cronjob/y').text()).toBe(
      'Error from server (NotFound): cronjobs.batch "y" not found\n',
    );
    expect(d.kubectl('create job --image=busybox').text()).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n",
    );
    expect(d.kubectl('create job x --image=busybox --dry-run=client -o yaml').text()).toBe(
      [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  name: x',
        'spec:',
        '  template:',
        '    metadata: {}',
        '    spec:',
        '      containers:',
        '      - image: busybox',
        '        name: x',
        '        resources: {}',
        '      restartPolicy: Never',
        'status: {}',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('create job x --image=busybox -- date').text()).toBe('job.batch/x created\n');
    expect(d.kubectl('create job x --image=busybox').text()).toBe(
      'error: failed to create job: jobs.batch "x" already exists\n',
    );
    expect(d.kubectl('create job --help').text()).toContain(
      'Usage:\n  kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]\n',
    );
  });

  it('the API server refuses what ValidateJob / ValidateJobUpdate refuse', () => {
    const d = kdrive({ seed: 4, profile: 'kind' });
    expect(apply(d, manifest({ restart: '' }))).toBe(
      'The Job "v" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
    );
    expect(apply(d, manifest({ restart: '      restartPolicy: Always\n' }))).toBe(
      'The Job "v" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
    );
    expect(apply(d, manifest({ extra: '  completions: -1\n  parallelism: -2\n  backoffLimit: -1\n' }))).toBe(
      [
        'The Job "v" is invalid: ',
        '* spec.parallelism: Invalid value: -2: must be greater than or equal to 0',
        '* spec.completions: Invalid value: -1: must be greater than or equal to 0',
        '* spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
        '',
      ].join('\n'),
    );
    expect(apply(d, manifest({ extra: '  manualSelector: true\n' }))).toBe(
      [
        'The Job "v" is invalid: ',
        '* spec.selector: Required value',
        '* spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`',
        '',
      ].join('\n'),
    );
    expect(apply(d, manifest({ extra: '  completionMode: Sometimes\n' }))).toBe(
      'The Job "v" is invalid: spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"\n',
    );
    // A job-name label the user set is kept, and then it is not the Job's name.
    const bad = apply(d, manifest({ labels: '        job-name: other\n' }));
    expect(bad).toMatch(
      /^The Job "v" is invalid: spec\.template\.metadata\.labels\[job-name\]: Invalid value: \{.*"job-name":"other"\}: must be 'v'\n$/,
    );
    expect(apply(d, manifest())).toBe('job.batch/v created\n');
    expect(apply(d, manifest())).toBe('job.batch/v unchanged\n');
    expect(apply(d, manifest({ extra: '  completions: 4\n' }))).toBe(
      'The Job "v" is invalid: spec.completions: Invalid value: 4: field is immutable\n',
    );
    expect(apply(d, manifest({ image: 'busybox:1.36' }))).toMatch(
      /^The Job "v" is invalid: spec\.template: Invalid value: .*: field is immutable\n$/,
    );
    // parallelism may change.
    expect(apply(d, manifest({ extra: '  parallelism: 2\n' }))).toBe('job.batch/v configured\n');
  });
});
