// The 1.34 Job controller on kind: completions and parallelism, the job-tracking finalizer,
// SuccessCriteriaMet then Complete, the pod-failure back-off (10 s doubling from each failure's
// finish) until backoffLimit, activeDeadlineSeconds, ttlSecondsAfterFinished, a deleted Job's
// Pods, a settled Job whose reconcile run twice by hand writes nothing (also while a failing or
// succeeding Job waits for its deleted Pods), and a sync that makes Pods writing the status once.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Event, Job, K8sObject, Pod } from '../api/types';
import { parseRfc3339 } from '../runtime/clock';
import type { ControllerContext } from '../runtime/interfaces';
import { Driver } from '../testing/driver';
import { recordingContext } from './controller-testing';
import { nextBackoff, remainingBackoff } from './job-backoff';
import { JOB_TRACKING_FINALIZER, jobSync } from './job-controller';

const job = (o: { extra?: string; command?: string; restart?: string } = {}) => `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
${o.extra ?? ''}  template:
    spec:
      restartPolicy: ${o.restart ?? 'Never'}
      containers:
      - name: bb
        image: busybox
        command: ${o.command ?? "['sleep', '2']"}
`;

const jobPods = (d: Driver): Pod[] =>
  (d.pods({ namespace: 'default', labelSelector: 'job-name=batch' }) as Pod[]).sort(
    (a, b) =>
      (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
const theJob = (d: Driver) => d.get('Job', 'batch') as Job;
const events = (d: Driver): string[] =>
  (d.cluster.list('Event', { namespace: 'default' }) as Event[])
    .filter((e) => e.involvedObject.kind === 'Job')
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
const created = (p: Pod) => parseRfc3339(p.metadata.creationTimestamp as string);
const finishedAt = (p: Pod): number => {
  const state = p.status?.containerStatuses?.[0]?.state as
    | { terminated?: { finishedAt: string } }
    | undefined;
  return parseRfc3339(state?.terminated?.finishedAt ?? '');
};

describe('Job controller (1.34)', () => {
  it('runs completions 3 with parallelism 2: Pods <job>-<5> with the finalizer, then SuccessCriteriaMet and Complete', () => {
    const d = new Driver({ seed: 5, profile: 'kind' }).applyOk(
      job({ extra: '  completions: 3\n  parallelism: 2\n' }),
    );
    d.advance(1000);
    let pods = jobPods(d);
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^batch-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'batch', controller: true });
      expect(p.metadata.labels?.['batch.kubernetes.io/job-name']).toBe('batch');
    }
    expect(theJob(d).status).toMatchObject({ active: 2, terminating: 0, uncountedTerminatedPods: {} });
    d.advance(60_000);
    pods = jobPods(d);
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p.status?.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    // Counted, so the finalizer is gone from each.
    for (const p of pods) expect(p.metadata.finalizers).toBeUndefined();
    const st = theJob(d).status ?? {};
    expect(st.succeeded).toBe(3);
    expect(st.active).toBeUndefined();
    expect(st.conditions?.map((c) => `${c.type}/${c.reason}/${c.message}`)).toEqual([
      'SuccessCriteriaMet/CompletionsReached/Reached expected number of succeeded pods',
      'Complete/CompletionsReached/Reached expected number of succeeded pods',
    ]);
    expect(st.completionTime).toBe(st.conditions?.[1]?.lastTransitionTime);
    expect(Object.keys(st)).toEqual([
      'conditions',
      'startTime',
      'completionTime',
      'succeeded',
      'terminating',
      'uncountedTerminatedPods',
      'ready',
    ]);
    const ev = events(d);
    expect(ev.filter((e) => e.startsWith('Normal SuccessfulCreate Created pod: batch-'))).toHaveLength(3);
    expect(ev.at(-1)).toBe('Normal Completed Job completed');
  });

  it('retries a failed Pod after 10 s, 20 s, … from its finish; past backoffLimit the Job fails', () => {
    const d = new Driver({ seed: 6, profile: 'kind' }).applyOk(
      job({ extra: '  backoffLimit: 3\n', command: "['sleep', 'x']" }),
    );
    d.advance(400_000);
    const pods = jobPods(d);
    // backoffLimit 3: the 4th failure (failed > 3) fails the Job.
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.status?.phase === 'Failed')).toBe(true);
    const gaps = pods.slice(1).map((p, i) => created(p) - finishedAt(pods[i] as Pod));
    // Each new Pod is made when the back-off from the last failure's finish is up (the sync that
    // sees it is at most a second or so after: the kubelet's status write).
    expect(gaps.map((g) => Math.round(g / 1000))).toEqual([10, 20, 40]);
    const st = theJob(d).status ?? {};
    expect(st.failed).toBe(4);
    expect(st.completionTime).toBeUndefined();
    expect(st.conditions?.map((c) => `${c.type}/${c.reason}/${c.message}`)).toEqual([
      'FailureTarget/BackoffLimitExceeded/Job has reached the specified backoff limit',
      'Failed/BackoffLimitExceeded/Job has reached the specified backoff limit',
    ]);
    expect(events(d).at(-1)).toBe('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
  });

  it('the back-off doubles from 10 s and stops at 10 min; a success resets it', () => {
    const rec = (n: number) => ({ failuresAfterLastSuccess: n, lastFailureTime: 1000 });
    expect([1, 2, 3, 6, 7, 20].map((n) => remainingBackoff(rec(n), 1000))).toEqual([
      10_000, 20_000, 40_000, 320_000, 600_000, 600_000,
    ]);
    expect(remainingBackoff(rec(2), 16_000)).toBe(5000);
    expect(remainingBackoff(rec(2), 22_000)).toBe(0);
    const start = { failuresAfterLastSuccess: 0, lastFailureTime: undefined };
    expect(nextBackoff(start, [], [5, 3])).toEqual({ failuresAfterLastSuccess: 2, lastFailureTime: 5 });
    // Failures after the newest success count; those before it do not.
    expect(nextBackoff(rec(4), [10], [5, 12, 15])).toEqual({
      failuresAfterLastSuccess: 2,
      lastFailureTime: 15,
    });
    expect(nextBackoff(rec(4), [10], [])).toEqual({
      failuresAfterLastSuccess: 0,
      lastFailureTime: undefined,
    });
  });

  it('activeDeadlineSeconds: the running Pod is deleted (counted failed), then Failed DeadlineExceeded', () => {
    const d = new Driver({ seed: 7, profile: 'kind' }).applyOk(
      job({ extra: '  activeDeadlineSeconds: 20\n', command: "['sleep', '3600']" }),
    );
    d.advance(19_000);
    expect(theJob(d).status?.conditions).toBeUndefined();
    expect(theJob(d).status?.ready).toBe(1);
    d.advance(2000);
    const st = theJob(d).status ?? {};
    expect(st.conditions?.map((c) => `${c.type}/${c.reason}`)).toEqual(['FailureTarget/DeadlineExceeded']);
    expect(st.conditions?.[0]?.lastTransitionTime).toBe('2026-01-08T09:30:20Z');
    expect(st.failed).toBe(1);
    expect(st.terminating).toBe(1);
    d.advance(60_000);
    const done = theJob(d).status ?? {};
    expect(done.conditions?.map((c) => `${c.type}/${c.reason}/${c.message}`)).toEqual([
      'FailureTarget/DeadlineExceeded/Job was active longer than specified deadline',
      'Failed/DeadlineExceeded/Job was active longer than specified deadline',
    ]);
    expect(done.terminating).toBe(0);
    expect(jobPods(d)).toHaveLength(0);
    expect(events(d)).toContain('Warning DeadlineExceeded Job was active longer than specified deadline');
  });

  it('ttlSecondsAfterFinished: the TTL controller deletes the finished Job and its Pods go with it', () => {
    const d = new Driver({ seed: 8, profile: 'kind' }).applyOk(
      job({ extra: '  ttlSecondsAfterFinished: 30\n' }),
    );
    d.advance(10_000);
    const done = theJob(d);
    const finished = parseRfc3339(done.status?.completionTime as string);
    expect(jobPods(d)).toHaveLength(1);
    d.advance(finished + 29_000 - d.cluster.now());
    expect(theJob(d)).toBeDefined();
    d.advance(2000);
    expect(theJob(d)).toBeUndefined();
    expect(jobPods(d)).toHaveLength(0);
  });

  it('a Job deleted with its Pod running: the Pod goes and does not stay held by the finalizer', () => {
    const d = new Driver({ seed: 9, profile: 'kind' }).applyOk(job({ command: "['sleep', '3600']" }));
    d.advance(10_000);
    expect(jobPods(d)).toHaveLength(1);
    expect(d.cluster.delete('Job', 'default', 'batch', { propagationPolicy: 'Background' }).ok).toBe(true);
    d.advance(60_000);
    expect(jobPods(d)).toHaveLength(0);
  });

  it('suspend: no Pods and Suspended=True; resumed: Suspended=False JobResumed, startTime from the resume', () => {
    const d = new Driver({ seed: 10, profile: 'kind' }).applyOk(job({ extra: '  suspend: true\n' }));
    d.advance(5000);
    expect(jobPods(d)).toHaveLength(0);
    let st = theJob(d).status ?? {};
    expect(st.startTime).toBeUndefined();
    expect(st.conditions?.map((c) => `${c.type}/${c.status}/${c.reason}/${c.message}`)).toEqual([
      'Suspended/True/JobSuspended/Job suspended',
    ]);
    const j = theJob(d);
    expect(d.cluster.update({ ...j, spec: { ...j.spec, suspend: false } }).ok).toBe(true);
    d.advance(1000);
    st = theJob(d).status ?? {};
    expect(st.startTime).toBe('2026-01-08T09:30:05Z');
    expect(st.conditions?.map((c) => `${c.type}/${c.status}/${c.reason}/${c.message}`)).toEqual([
      'Suspended/False/JobResumed/Job resumed',
    ]);
    expect(jobPods(d)).toHaveLength(1);
    d.advance(20_000);
    expect(theJob(d).status?.conditions?.map((c) => c.type)).toEqual([
      'Suspended',
      'SuccessCriteriaMet',
      'Complete',
    ]);
    expect(events(d).filter((e) => /Suspended|Resumed/.test(e))).toEqual([
      'Normal Suspended Job suspended',
      'Normal Resumed Job resumed',
    ]);
  });

  it('restartPolicy OnFailure: the container restarts count against backoffLimit', () => {
    const d = new Driver({ seed: 11, profile: 'kind' }).applyOk(
      job({ extra: '  backoffLimit: 2\n', command: "['sleep', 'x']", restart: 'OnFailure' }),
    );
    d.advance(120_000);
    const st = theJob(d).status ?? {};
    expect(st.conditions?.map((c) => `${c.type}/${c.reason}`)).toEqual([
      'FailureTarget/BackoffLimitExceeded',
      'Failed/BackoffLimitExceeded',
    ]);
    // One Pod (restarted in place by the kubelet), deleted when the Job failed.
    expect(st.failed).toBe(1);
    expect(jobPods(d)).toHaveLength(0);
  });

  it('a settled Job: a second reconcile writes nothing (running and complete)', () => {
    for (const command of ["['sleep', '3600']", "['sleep', '1']"]) {
      const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(job({ command }));
      d.advance(30_000);
      const snap = d.snapshot();
      d.advance(30_000);
      expect(d.snapshot()).toBe(snap);
      const { api } = d.cluster.internals;
      const { ctx, writes } = recordingContext(d.cluster.internals, { recordRequeue: true });
      jobSync(api, 'Job/default/batch', ctx);
      jobSync(api, 'Job/default/batch', ctx);
      expect(writes).toEqual([]);
    }
  });

  it('a sync that makes Pods writes the status once, reporting them active (as manageJob returns them)', () => {
    const d = new Driver({ seed: 4, profile: 'kind' }).applyOk(
      job({ extra: '  completions: 2\n  parallelism: 2\n  suspend: true\n' }),
    );
    d.advance(1000);
    expect(jobPods(d)).toHaveLength(0);
    const { api, clock } = d.cluster.internals;
    // Resumed behind the controllers' back: the next sync is run by hand.
    const j = theJob(d);
    expect(api.update({ ...j, spec: { ...j.spec, suspend: false } }).ok).toBe(true);
    const writes: string[] = [];
    const rec = (op: string, f: (o: K8sObject) => ReturnType<typeof api.create>) => (o: K8sObject) => {
      writes.push(`${op} ${o.kind}`);
      return f(o);
    };
    const ctx = {
      store: api.store,
      api: {
        create: rec('create', (o) => api.create(o)),
        update: rec('update', (o) => api.update(o)),
        updateStatus: rec('updateStatus', (o) => api.updateStatus(o)),
        delete: (kind: string, ns: string, name: string) => {
          writes.push(`delete ${kind}`);
          return api.delete(kind as 'Pod', ns, name);
        },
      },
      clock,
      events: { record: (_o: K8sObject, _t: string, reason: string) => writes.push(reason) },
      requeueAfter: () => writes.push('requeue'),
    } as unknown as ControllerContext;
    jobSync(api, 'Job/default/batch', ctx);
    expect(writes).toEqual([
      'create Pod',
      'SuccessfulCreate',
      'create Pod',
      'SuccessfulCreate',
      'Resumed',
      'updateStatus Job',
    ]);
    expect(theJob(d).status).toMatchObject({ active: 2, ready: 0, terminating: 0 });
    expect(theJob(d).status?.conditions?.map((c) => `${c.type}/${c.status}/${c.reason}`)).toEqual([
      'Suspended/False/JobResumed',
    ]);
    // The next sync (the Pods' create events) finds nothing to write.
    writes.length = 0;
    jobSync(api, 'Job/default/batch', ctx);
    expect(writes).toEqual([]);
  });

  it('reconciling twice writes nothing while a failing or succeeding Job waits for its deleted Pods', () => {
    const indexed = '  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n';
    const sh = (c: string) => `["sh", "-c", ${JSON.stringify(c)}]`;
    const cases: [string, string, string[]][] = [
      // FailJob on index 1; index 0 is deleted and terminates for 30 s.
      [
        `${indexed}  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]\n`,
        sh('test "$JOB_COMPLETION_INDEX" = 1 && sleep 3 && exit 42; sleep 3600'),
        ['FailureTarget'],
      ],
      // The success policy met by index 0; index 1 is deleted.
      [
        `${indexed}  successPolicy:\n    rules:\n    - succeededIndexes: "0"\n`,
        sh('test "$JOB_COMPLETION_INDEX" = 0 && sleep 3 && exit 0; sleep 3600'),
        ['SuccessCriteriaMet'],
      ],
      // backoffLimitPerIndex: index 1's failed Pod waits (finalizer kept) for its replacement.
      [
        `${indexed}  backoffLimitPerIndex: 2\n`,
        sh('test "$JOB_COMPLETION_INDEX" = 1 && exit 42; sleep 3600'),
        [],
      ],
    ];
    for (const [i, [extra, command, types]] of cases.entries()) {
      const d = kdrive({ seed: 40 + i, profile: 'kind' });
      d.applyOk(job({ extra, command }));
      d.advance(8000);
      expect(theJob(d).status?.conditions?.map((c) => c.type) ?? []).toEqual(types);
      if (i < 2) expect(theJob(d).status?.terminating).toBe(1);
      else
        expect(jobPods(d).filter((p) => p.metadata.finalizers && p.status?.phase === 'Failed')).toHaveLength(
          1,
        );
      const { api } = d.cluster.internals;
      const { ctx, writes } = recordingContext(d.cluster.internals);
      jobSync(api, 'Job/default/batch', ctx);
      jobSync(api, 'Job/default/batch', ctx);
      expect(writes).toEqual([]);
    }
  });
});
