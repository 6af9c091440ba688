// An Indexed Job (completionMode Indexed): one Pod per index with the index annotation, label,
// hostname and JOB_COMPLETION_INDEX, the lowest pending indexes first, completedIndexes as
// intervals, and the Job complete once every index succeeded.
import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../api/types';
import { Driver } from '../testing/driver';
import { formatIndexes, parseIndexes } from './job-indexed';

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: idx
spec:
  completionMode: Indexed
  completions: 3
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: bb
        image: busybox
        command: ['sleep', '2']
`;

describe('Indexed Job (1.34)', () => {
  it('formats and parses completedIndexes as orderedIntervals does', () => {
    expect(formatIndexes(new Set([7, 0, 1, 2, 4, 5]))).toBe('0-2,4,5,7');
    expect(formatIndexes(new Set([3]))).toBe('3');
    expect([...parseIndexes('0-2,4,5,7', 6)]).toEqual([0, 1, 2, 4, 5]);
  });

  it('makes Pods for the lowest indexes, each with its index, and completes with completedIndexes 0-2', () => {
    const d = new Driver({ seed: 12, profile: 'kind' }).applyOk(job);
    d.advance(1000);
    const pods = (d.pods({ namespace: 'default', labelSelector: 'job-name=idx' }) as Pod[]).sort((a, b) =>
      a.metadata.name.localeCompare(b.metadata.name),
    );
    expect(pods.map((p) => p.metadata.name.replace(/-[^-]{5}$/, ''))).toEqual(['idx-0', 'idx-1']);
    const p0 = pods[0] as Pod;
    expect(p0.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe('0');
    expect(p0.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe('0');
    expect(p0.spec.hostname).toBe('idx-0');
    expect(p0.spec.containers[0]?.env).toEqual([
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: {
          fieldRef: {
            apiVersion: 'v1',
            fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']",
          },
        },
      },
    ]);
    d.advance(60_000);
    const st = (d.get('Job', 'idx') as Job).status ?? {};
    expect(st.succeeded).toBe(3);
    expect(st.completedIndexes).toBe('0-2');
    expect(st.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    const all = d.pods({ namespace: 'default', labelSelector: 'job-name=idx' }) as Pod[];
    expect(all.map((p) => p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).sort()).toEqual([
      '0',
      '1',
      '2',
    ]);
  });
});
