// podReplacementPolicy (1.34, JobPodReplacementPolicy GA): a student deletes a running Job Pod.
// TerminatingOrFailed (the default without a podFailurePolicy) counts the deleted Pod as failed at
// once and replaces it after the 10 s back-off counted from the delete; Failed (the default with a
// podFailurePolicy) waits for the Pod to end Failed, keeping status.terminating meanwhile.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Job, Pod } from '../api/types';
import { parseRfc3339 } from '../runtime/clock';
import { busyboxJobYaml } from '../testing/manifests';

type D = ReturnType<typeof kdrive>;

const manifest = (name: string, extra: string) => busyboxJobYaml(name, extra, '["sleep", "3600"]');
const podsOf = (d: D, name: string): Pod[] =>
  (d.pods({ namespace: 'default', labelSelector: `job-name=${name}` }) as Pod[]).sort((a, b) =>
    (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
  );
const status = (d: D, name: string) => (d.get('Job', name) as Job).status ?? {};

describe('Job podReplacementPolicy (1.34)', () => {
  it('TerminatingOrFailed replaces a deleted Pod 10 s after the delete; Failed only once it has failed', () => {
    const d = kdrive({ seed: 51, profile: 'kind' });
    d.applyOk(manifest('tof', ''));
    d.applyOk(
      manifest(
        'onfail',
        `  podFailurePolicy:
    rules:
    - action: Count
      onExitCodes:
        operator: In
        values: [1]
`,
      ),
    );
    expect((d.get('Job', 'tof') as Job).spec.podReplacementPolicy).toBe('TerminatingOrFailed');
    expect((d.get('Job', 'onfail') as Job).spec.podReplacementPolicy).toBe('Failed');
    d.advance(5000);
    const [tof, onfail] = [podsOf(d, 'tof')[0] as Pod, podsOf(d, 'onfail')[0] as Pod];
    const deletedAt = d.cluster.now();
    d.kubectl(`delete pod ${tof.metadata.name} ${onfail.metadata.name} --wait=false`);
    d.advance(1000);
    // Counted failed at once (and its finalizer gone), not yet replaced: the back-off.
    expect(status(d, 'tof')).toMatchObject({ failed: 1, terminating: 1 });
    expect(status(d, 'tof').active).toBeUndefined();
    expect(status(d, 'onfail')).toMatchObject({ terminating: 1 });
    expect(status(d, 'onfail').failed).toBeUndefined();
    expect(podsOf(d, 'onfail')[0]?.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    d.advance(10_000);
    const tofPods = podsOf(d, 'tof');
    expect(tofPods).toHaveLength(2);
    expect(parseRfc3339(tofPods[1]?.metadata.creationTimestamp ?? '') - deletedAt).toBe(10_000);
    expect(status(d, 'tof')).toMatchObject({ active: 1, failed: 1 });
    expect(podsOf(d, 'onfail')).toHaveLength(1);
    // sleep ignores SIGTERM: killed at the 30 s grace period, it ends Failed (exit code 137),
    // which no rule matches: counted, then replaced 10 s after it ended.
    d.advance(25_000);
    expect(status(d, 'onfail')).toMatchObject({ failed: 1, terminating: 0 });
    expect(podsOf(d, 'onfail')).toHaveLength(0);
    d.advance(10_000);
    const replaced = podsOf(d, 'onfail');
    expect(replaced).toHaveLength(1);
    expect(replaced[0]?.metadata.name).not.toBe(onfail.metadata.name);
    expect(status(d, 'onfail')).toMatchObject({ active: 1, failed: 1 });
  });
});
