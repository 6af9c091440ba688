// The 1.34 Job controller acting on a student's podFailurePolicy (FailJob, Ignore, Count on exit
// codes and Pod conditions) and successPolicy, seen through kubectl: the exact conditions
// (interim FailureTarget / SuccessCriteriaMet, then Failed / Complete), their messages, the
// Events, and `kubectl get jobs`' STATUS column. Container exit codes come from the simulated
// busybox shell (`sh -c "…; exit 42"`).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Event, Job, Pod } from '../api/types';
import { busyboxJobYaml, shCommand } from '../testing/manifests';
import { matchPodFailurePolicy, matchSuccessPolicy } from './job-policy';

type D = ReturnType<typeof kdrive>;

const jobYaml = (o: { name?: string; spec: string; command: string }) =>
  busyboxJobYaml(o.name ?? 'x', o.spec, shCommand(o.command));

const theJob = (d: D, name = 'x') => d.get('Job', name) as Job;
const conds = (d: D, name = 'x') =>
  (theJob(d, name).status?.conditions ?? []).map((c) => `${c.type}/${c.status}/${c.reason}/${c.message}`);
const podsOf = (d: D, name = 'x'): Pod[] =>
  (d.pods({ namespace: 'default', labelSelector: `job-name=${name}` }) as Pod[]).sort(
    (a, b) =>
      (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
const events = (d: D, name = 'x'): string[] =>
  (d.cluster.list('Event', { namespace: 'default' }) as Event[])
    .filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
/** The STATUS and COMPLETIONS cells of `kubectl get jobs` for the Job. */
const getJobs = (d: D, name = 'x') => {
  const row = d.kubectl(`get jobs ${name}`).text().split('\n')[1] ?? '';
  return row.split(/\s+/).slice(1, 3).join(' ');
};

/** What the eviction API / taint manager leave on a Pod they disrupt, then its end as Failed. */
function disrupt(d: D, p: Pod): void {
  const { api } = d.cluster.internals;
  const conditions = [
    ...(p.status?.conditions ?? []),
    {
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: '2026-01-08T09:30:05Z',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    },
  ];
  const r = api.updateStatus({ ...p, status: { ...p.status, phase: 'Failed', conditions } } as Pod);
  expect(r.ok).toBe(true);
}

describe('Job podFailurePolicy (1.34)', () => {
  it('FailJob on exit code 42 of container main: FailureTarget then Failed, reason PodFailurePolicy, no retry', () => {
    const d = kdrive({ seed: 21, profile: 'kind' });
    d.applyOk(
      jobYaml({
        spec: `  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: main
        operator: In
        values: [42]
`,
        command: 'sleep 2; exit 42',
      }),
    );
    // SetDefaults_Job: only Failed Pods are replaced when a podFailurePolicy is set.
    expect(theJob(d).spec.podReplacementPolicy).toBe('Failed');
    d.advance(1000);
    expect(getJobs(d)).toBe('Running 0/1');
    d.advance(15_000);
    const pods = podsOf(d);
    expect(pods).toHaveLength(1);
    const pod = (pods[0] as Pod).metadata.name;
    const msg = `Container main for pod default/${pod} failed with exit code 42 matching FailJob rule at index 0`;
    expect(conds(d)).toEqual([
      `FailureTarget/True/PodFailurePolicy/${msg}`,
      `Failed/True/PodFailurePolicy/${msg}`,
    ]);
    const st = theJob(d).status ?? {};
    expect(st.failed).toBe(1);
    expect(st.completionTime).toBeUndefined();
    expect(st.terminating).toBe(0);
    expect(events(d)).toEqual([
      `Normal SuccessfulCreate Created pod: ${pod}`,
      `Warning PodFailurePolicy ${msg}`,
    ]);
    expect(getJobs(d)).toBe('Failed 0/1');
    expect(d.kubectl('describe job x').text()).toContain(
      `Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 1 Failed\n`,
    );
    const describe = d.kubectl('describe job x').text();
    expect(describe.slice(describe.indexOf('Events:'))).toMatch(
      new RegExp(
        [
          'Events:',
          '  Type     Reason            Age   From            Message',
          '  ----     ------            ----  ----            -------',
          `  Normal   SuccessfulCreate  16s   job-controller  Created pod: ${pod}`,
          `  Warning  PodFailurePolicy  1\\ds   job-controller  ${msg.replace(/[/.]/g, '\\$&')}`,
          '',
        ].join('\n'),
      ),
    );
  });

  it('FailJob (NotIn) while another index runs: FailureTarget (STATUS FailureTarget) until that Pod is gone, then Failed', () => {
    const d = kdrive({ seed: 22, profile: 'kind' });
    d.applyOk(
      jobYaml({
        spec: `  completionMode: Indexed
  completions: 2
  parallelism: 2
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        operator: NotIn
        values: [1, 2]
`,
        // Index 1 fails 3 s after it starts, when index 0 runs too.
        command: 'test "$JOB_COMPLETION_INDEX" = 1 && sleep 3 && exit 42; sleep 3600',
      }),
    );
    d.advance(8000);
    const [p0, p1] = podsOf(d).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)) as [Pod, Pod];
    expect(p0.metadata.name).toMatch(/^x-0-/);
    const msg = `Container main for pod default/${p1.metadata.name} failed with exit code 42 matching FailJob rule at index 0`;
    expect(conds(d)).toEqual([`FailureTarget/True/PodFailurePolicy/${msg}`]);
    let st = theJob(d).status ?? {};
    // The running index-0 Pod is deleted, and counts as failed since the Job is failing.
    expect(st).toMatchObject({ failed: 2, terminating: 1, ready: 0 });
    expect(st.active).toBeUndefined();
    expect(getJobs(d)).toBe('FailureTarget 0/2');
    expect(events(d).slice(2)).toEqual([`Normal SuccessfulDelete Deleted pod: ${p0.metadata.name}`]);
    // sleep ignores SIGTERM: the kubelet kills it after the 30 s grace period.
    d.advance(40_000);
    expect(conds(d)).toEqual([
      `FailureTarget/True/PodFailurePolicy/${msg}`,
      `Failed/True/PodFailurePolicy/${msg}`,
    ]);
    st = theJob(d).status ?? {};
    expect(st).toMatchObject({ failed: 2, terminating: 0 });
    expect(getJobs(d)).toBe('Failed 0/2');
    expect(events(d).at(-1)).toBe(`Warning PodFailurePolicy ${msg}`);
  });

  it('Ignore on DisruptionTarget: the failure does not count toward backoffLimit 0; the Pod is replaced after the back-off', () => {
    const d = kdrive({ seed: 23, profile: 'kind' });
    d.applyOk(
      jobYaml({
        spec: `  backoffLimit: 0
  podFailurePolicy:
    rules:
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
`,
        command: 'sleep 3600',
      }),
    );
    // SetDefaults_Job: the pattern's status defaults to "True".
    expect(
      (theJob(d).spec.podFailurePolicy as { rules: { onPodConditions: unknown[] }[] }).rules[0]
        ?.onPodConditions,
    ).toEqual([{ type: 'DisruptionTarget', status: 'True' }]);
    d.advance(5000);
    disrupt(d, podsOf(d)[0] as Pod);
    d.advance(1000);
    expect(conds(d)).toEqual([]);
    expect(theJob(d).status?.failed).toBeUndefined();
    expect(podsOf(d)).toHaveLength(1);
    // The back-off (10 s from the failure) still applies to the replacement.
    d.advance(10_000);
    const pods = podsOf(d);
    expect(pods).toHaveLength(2);
    expect(pods[0]?.metadata.finalizers).toBeUndefined();
    expect(getJobs(d)).toBe('Running 0/1');
    expect(theJob(d).status?.failed).toBeUndefined();
  });

  it('FailJob on a Pod condition names the condition and the rule index', () => {
    const d = kdrive({ seed: 24, profile: 'kind' });
    d.applyOk(
      jobYaml({
        spec: `  podFailurePolicy:
    rules:
    - action: Ignore
      onExitCodes:
        operator: In
        values: [3]
    - action: FailJob
      onPodConditions:
      - type: DisruptionTarget
        status: "True"
`,
        command: 'sleep 3600',
      }),
    );
    d.advance(5000);
    const p = podsOf(d)[0] as Pod;
    disrupt(d, p);
    d.advance(1000);
    const msg = `Pod default/${p.metadata.name} has condition DisruptionTarget matching FailJob rule at index 1`;
    expect(conds(d)).toEqual([
      `FailureTarget/True/PodFailurePolicy/${msg}`,
      `Failed/True/PodFailurePolicy/${msg}`,
    ]);
    expect(events(d).at(-1)).toBe(`Warning PodFailurePolicy ${msg}`);
  });

  it('Count on exit code 3: each failure counts; past backoffLimit 1 the Job fails BackoffLimitExceeded', () => {
    const d = kdrive({ seed: 25, profile: 'kind' });
    d.applyOk(
      jobYaml({
        spec: `  backoffLimit: 1
  podFailurePolicy:
    rules:
    - action: Count
      onExitCodes:
        operator: In
        values: [3]
`,
        command: 'exit 3',
      }),
    );
    d.advance(60_000);
    expect(podsOf(d)).toHaveLength(2);
    expect(conds(d)).toEqual([
      'FailureTarget/True/BackoffLimitExceeded/Job has reached the specified backoff limit',
      'Failed/True/BackoffLimitExceeded/Job has reached the specified backoff limit',
    ]);
    expect(theJob(d).status?.failed).toBe(2);
  });

  it('matchPodFailurePolicy: the first matching rule decides; init containers after containers; exit code 0 never matches', () => {
    const job = (rules: unknown[]) => ({ spec: { podFailurePolicy: { rules } } }) as unknown as Job;
    const pod = (containers: unknown[], init: unknown[] = []) =>
      ({
        metadata: { name: 'p', namespace: 'ns' },
        status: { phase: 'Failed', containerStatuses: containers, initContainerStatuses: init },
      }) as unknown as Pod;
    const term = (name: string, exitCode: number) => ({ name, state: { terminated: { exitCode } } });
    const notIn = { action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [5] } };
    expect(matchPodFailurePolicy(job([notIn]), pod([term('a', 0), term('b', 7)]))).toEqual({
      message: 'Container b for pod ns/p failed with exit code 7 matching FailJob rule at index 0',
      countFailed: true,
      action: 'FailJob',
    });
    expect(matchPodFailurePolicy(job([notIn]), pod([term('a', 5)], [term('init', 9)])).message).toBe(
      'Container init for pod ns/p failed with exit code 9 matching FailJob rule at index 0',
    );
    expect(matchPodFailurePolicy(job([notIn]), pod([term('a', 0)]))).toEqual({ countFailed: true });
    const named = { action: 'Ignore', onExitCodes: { containerName: 'b', operator: 'In', values: [7] } };
    expect(matchPodFailurePolicy(job([named, notIn]), pod([term('a', 7), term('b', 7)]))).toEqual({
      countFailed: false,
      action: 'Ignore',
    });
    expect(matchPodFailurePolicy(job([named]), pod([term('a', 7)]))).toEqual({ countFailed: true });
  });
});

describe('Job successPolicy (1.34)', () => {
  it('succeededIndexes "0": SuccessCriteriaMet SuccessPolicy, the other Pods deleted, then Complete', () => {
    const d = kdrive({ seed: 26, profile: 'kind' });
    d.applyOk(
      jobYaml({
        spec: `  completionMode: Indexed
  completions: 3
  parallelism: 3
  successPolicy:
    rules:
    - succeededCount: 3
    - succeededIndexes: "0"
`,
        // Index 0 succeeds 10 s after it starts, when the other two are running too.
        command: 'test "$JOB_COMPLETION_INDEX" = 0 && sleep 10 && exit 0; sleep 3600',
      }),
    );
    d.advance(5000);
    expect(podsOf(d).map((p) => p.status?.phase)).toEqual(['Running', 'Running', 'Running']);
    expect(getJobs(d)).toBe('Running 0/3');
    d.advance(10_000);
    const msg = 'Matched rules at index 1';
    expect(conds(d)).toEqual([`SuccessCriteriaMet/True/SuccessPolicy/${msg}`]);
    let st = theJob(d).status ?? {};
    // The deleted Pods still terminating (one whose container has not started goes at once).
    const terminating = podsOf(d).filter(
      (p) => p.metadata.deletionTimestamp && p.status?.phase === 'Running',
    );
    expect(terminating.length).toBeGreaterThan(0);
    expect(st).toMatchObject({
      succeeded: 1,
      completedIndexes: '0',
      terminating: terminating.length,
      ready: 0,
    });
    expect(st.failed).toBeUndefined();
    expect(getJobs(d)).toBe('SuccessCriteriaMet 1/3');
    const deleted = events(d).filter((e) => e.startsWith('Normal SuccessfulDelete'));
    expect(deleted.map((e) => e.replace(/-[^-]{5}$/, ''))).toEqual([
      'Normal SuccessfulDelete Deleted pod: x-1',
      'Normal SuccessfulDelete Deleted pod: x-2',
    ]);
    d.advance(40_000);
    expect(conds(d)).toEqual([
      `SuccessCriteriaMet/True/SuccessPolicy/${msg}`,
      `Complete/True/SuccessPolicy/${msg}`,
    ]);
    st = theJob(d).status ?? {};
    expect(st.completionTime).toBe(theJob(d).status?.conditions?.[1]?.lastTransitionTime);
    // Pods deleted because the success policy was met are not failures.
    expect(st).toMatchObject({ succeeded: 1, terminating: 0 });
    expect(st.failed).toBeUndefined();
    expect(events(d).at(-1)).toBe('Normal Completed Job completed');
    expect(getJobs(d)).toBe('Complete 1/3');
  });

  it('matchSuccessPolicy: succeededIndexes with succeededCount, succeededCount alone, nothing succeeded', () => {
    const job = (rules: unknown[]) =>
      ({ spec: { completions: 10, successPolicy: { rules } } }) as unknown as Job;
    const rules = [{ succeededIndexes: '0-3,9', succeededCount: 3 }, { succeededCount: 4 }];
    expect(matchSuccessPolicy(job(rules), new Set([0, 1]))).toBeUndefined();
    expect(matchSuccessPolicy(job(rules), new Set([0, 1, 9]))).toBe('Matched rules at index 0');
    expect(matchSuccessPolicy(job(rules), new Set([4, 5, 6, 7]))).toBe('Matched rules at index 1');
    expect(matchSuccessPolicy(job([{ succeededIndexes: '2,4' }]), new Set([2, 4, 5]))).toBe(
      'Matched rules at index 0',
    );
    // Indexes at or past completions are dropped from the rule.
    expect(matchSuccessPolicy(job([{ succeededIndexes: '9-12' }]), new Set([9]))).toBe(
      'Matched rules at index 0',
    );
    expect(matchSuccessPolicy(job(rules), new Set())).toBeUndefined();
  });
});
