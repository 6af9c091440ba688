// The kubelet's status writes keep the Pod conditions it does not own (status_manager.go
// mergePodStatus, PodConditionByKubelet): a DisruptionTarget written by the eviction API or a
// readiness gate's condition survives the next status write, listed ahead of the kubelet's own.
import { describe, expect, it } from 'vitest';
import type { Pod, PodCondition } from '../api/types';
import { createCluster } from '../cluster';

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
};

describe('kubelet status writes and conditions it does not own', () => {
  it('keeps a DisruptionTarget condition through its later writes, ahead of its own conditions', () => {
    const cluster = createCluster({ seed: 5 });
    expect(cluster.create(POD).ok).toBe(true);
    cluster.advance(20_000);
    const { api } = cluster.internals;
    const p = cluster.get('Pod', 'default', 'p') as Pod;
    const extra: PodCondition = {
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: '2026-01-08T09:30:20Z',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    } as unknown as PodCondition;
    expect(
      api.updateStatus({
        ...p,
        status: { ...p.status, conditions: [...(p.status?.conditions ?? []), extra] },
      } as Pod).ok,
    ).toBe(true);
    const rv = (cluster.get('Pod', 'default', 'p') as Pod).metadata.resourceVersion;
    // The delete makes the kubelet stop the container and write the Pod's last status.
    cluster.delete('Pod', 'default', 'p', { gracePeriodSeconds: 30 });
    const seen: Pod[] = [];
    cluster.watch('Pod', (e) => void seen.push((e as { object: Pod }).object));
    cluster.advance(5_000);
    const written = seen.filter(
      (o) => o.metadata.resourceVersion !== rv && o.status?.containerStatuses?.[0]?.state?.terminated,
    );
    expect(written.length).toBeGreaterThan(0);
    for (const o of written) {
      const types = (o.status?.conditions ?? []).map((c) => c.type);
      expect(types).toEqual([
        'DisruptionTarget',
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ]);
      expect(o.status?.conditions?.[0]).toEqual(extra);
    }
  });
});
