// backoffLimitPerIndex and maxFailedIndexes of an Indexed Job (1.34): each index retried on its
// own with the job-index-failure-count annotation and its own back-off, status.failedIndexes, and
// the Job failing FailedIndexes or MaxFailedIndexesExceeded; a FailIndex rule fails the index at
// once.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Event, Job, Pod } from '../api/types';
import { parseRfc3339 } from '../runtime/clock';
import { busyboxJobYaml, shCommand } from '../testing/manifests';

type D = ReturnType<typeof kdrive>;

const manifest = (extra: string, command: string) =>
  busyboxJobYaml(
    'pi',
    `  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n  backoffLimitPerIndex: 1\n${extra}`,
    shCommand(command),
  );

const theJob = (d: D) => d.get('Job', 'pi') as Job;
const conds = (d: D) => (theJob(d).status?.conditions ?? []).map((c) => `${c.type}/${c.reason}/${c.message}`);
const podsOfIndex = (d: D, ix: number): Pod[] =>
  (d.pods({ namespace: 'default', labelSelector: `job-name=pi` }) as Pod[])
    .filter((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] === String(ix))
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
const failCount = (p: Pod | undefined) =>
  p?.metadata.annotations?.['batch.kubernetes.io/job-index-failure-count'];
const events = (d: D): string[] =>
  (d.cluster.list('Event', { namespace: 'default' }) as Event[])
    .filter((e) => e.involvedObject.kind === 'Job')
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
const finishedAt = (p: Pod) => {
  const state = p.status?.containerStatuses?.[0]?.state as
    | { terminated?: { finishedAt: string } }
    | undefined;
  return parseRfc3339(state?.terminated?.finishedAt ?? '');
};

describe('Job backoffLimitPerIndex (1.34)', () => {
  it('index 1 fails twice (failure counts 0 then 1, 10 s apart) and the Job fails FailedIndexes once index 0 succeeded', () => {
    const d = kdrive({ seed: 31, profile: 'kind' });
    d.applyOk(manifest('', 'test "$JOB_COMPLETION_INDEX" = 1 && exit 1; sleep 20'));
    // SetDefaults_Job: backoffLimit MaxInt32 with backoffLimitPerIndex.
    expect(theJob(d).spec.backoffLimit).toBe(2147483647);
    d.advance(1000);
    // The failed indexes are written, even empty, for such a Job.
    expect(theJob(d).status?.failedIndexes).toBe('');
    expect(failCount(podsOfIndex(d, 0)[0])).toBe('0');
    d.advance(6000);
    let one = podsOfIndex(d, 1);
    expect(one).toHaveLength(1);
    // Its finalizer stays until the replacement is made (getPodsWithDelayedDeletionPerIndex).
    expect(one[0]?.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(theJob(d).status?.failed).toBeUndefined();
    d.advance(10_000);
    one = podsOfIndex(d, 1);
    expect(one.map(failCount)).toEqual(['0', '1']);
    const [first, second] = one as [Pod, Pod];
    expect(
      Math.round((parseRfc3339(second.metadata.creationTimestamp ?? '') - finishedAt(first)) / 1000),
    ).toBe(10);
    expect(first.metadata.finalizers).toBeUndefined();
    // The second failure reaches the limit: index 1 failed; the Job waits for index 0.
    d.advance(5000);
    let st = theJob(d).status ?? {};
    expect(st).toMatchObject({ failed: 2, failedIndexes: '1', active: 1 });
    expect(conds(d)).toEqual([]);
    d.advance(20_000);
    st = theJob(d).status ?? {};
    expect(conds(d)).toEqual([
      'FailureTarget/FailedIndexes/Job has failed indexes',
      'Failed/FailedIndexes/Job has failed indexes',
    ]);
    expect(st).toMatchObject({
      succeeded: 1,
      completedIndexes: '0',
      failed: 2,
      failedIndexes: '1',
      terminating: 0,
    });
    expect(events(d).at(-1)).toBe('Warning FailedIndexes Job has failed indexes');
    expect(podsOfIndex(d, 1)).toHaveLength(2);
  });

  it('maxFailedIndexes 0: the first failed index fails the Job MaxFailedIndexesExceeded and the running index is deleted', () => {
    const d = kdrive({ seed: 32, profile: 'kind' });
    d.applyOk(manifest('  maxFailedIndexes: 0\n', 'test "$JOB_COMPLETION_INDEX" = 1 && exit 1; sleep 3600'));
    d.advance(20_000);
    const msg = 'Job has exceeded the specified maximal number of failed indexes';
    expect(conds(d)).toEqual([`FailureTarget/MaxFailedIndexesExceeded/${msg}`]);
    expect(theJob(d).status).toMatchObject({ failedIndexes: '1', terminating: 1 });
    d.advance(40_000);
    expect(conds(d)).toEqual([
      `FailureTarget/MaxFailedIndexesExceeded/${msg}`,
      `Failed/MaxFailedIndexesExceeded/${msg}`,
    ]);
    expect(events(d).at(-1)).toBe(`Warning MaxFailedIndexesExceeded ${msg}`);
  });

  it('a FailIndex rule fails the index at its first failure; the other index completes', () => {
    const d = kdrive({ seed: 33, profile: 'kind' });
    d.applyOk(
      manifest(
        `  podFailurePolicy:
    rules:
    - action: FailIndex
      onExitCodes:
        operator: In
        values: [7]
`,
        'test "$JOB_COMPLETION_INDEX" = 1 && exit 7; sleep 5',
      ),
    );
    d.advance(30_000);
    expect(podsOfIndex(d, 1)).toHaveLength(1);
    expect(conds(d)).toEqual([
      'FailureTarget/FailedIndexes/Job has failed indexes',
      'Failed/FailedIndexes/Job has failed indexes',
    ]);
    expect(theJob(d).status).toMatchObject({
      succeeded: 1,
      failed: 1,
      completedIndexes: '0',
      failedIndexes: '1',
    });
    const row = d.kubectl('get jobs pi').text().split('\n')[1] ?? '';
    expect(row.split(/\s+/).slice(0, 3)).toEqual(['pi', 'Failed', '1/2']);
  });
});
