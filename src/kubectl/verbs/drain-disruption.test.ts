// The DisruptionTarget condition a disrupted Pod carries while it terminates (PodDisruptionConditions,
// GA since 1.31): written by the Eviction subresource for `kubectl drain` (EvictionByEvictionAPI) and
// by the taint manager for a NoExecute taint (DeletionByTaintManager), kept by the kubelet's later
// status writes. [K8S 1.34 pkg/registry/core/pod/storage/eviction.go, pkg/controller/tainteviction]
import { describe, expect, it } from 'vitest';
import type { Pod, PodCondition } from '../../sim/api/types';
import { kdrive } from '../testing';

const disruption = (p: Pod | undefined) =>
  (p?.status?.conditions as (PodCondition & { reason?: string; message?: string })[] | undefined)?.find(
    (c) => (c.type as string) === 'DisruptionTarget',
  );

describe('DisruptionTarget on disrupted Pods', () => {
  it('kubectl drain: the evicted Pod terminates with EvictionByEvictionAPI, kept by the kubelet', () => {
    // busybox ignores SIGTERM: the Pod stays Terminating for its whole grace period.
    const d = kdrive().kubectl('create deployment hold --image=busybox -- sleep 3600').advance(20_000);
    const name = (d.cluster.list('Pod', { namespace: 'default' })[0] as Pod).metadata.name;
    const seen: Pod[] = [];
    d.cluster.watch('Pod', (e) => {
      const o = (e as { object: Pod }).object;
      if (o.metadata.name === name) seen.push(o);
    });
    d.kubectl('drain docker-desktop --ignore-daemonsets --force --grace-period=5');
    expect(d.stdout()).toContain(`pod/${name} evicted\n`);
    const terminating = seen.filter((p) => p.metadata.deletionTimestamp);
    expect(terminating.length).toBeGreaterThan(0);
    for (const p of terminating) {
      const c = disruption(p);
      expect(c).toMatchObject({
        status: 'True',
        reason: 'EvictionByEvictionAPI',
        message: 'Eviction API: evicting',
      });
    }
    // The eviction appends it (UpdatePodCondition); the kubelet's last write lists it first.
    const last = terminating[terminating.length - 1] as Pod;
    expect(last.status?.containerStatuses?.[0]?.state?.terminated).toBeDefined();
    expect(last.status?.conditions?.[0]?.type as string).toBe('DisruptionTarget');
  });

  it('a server dry run of drain writes no condition', () => {
    const d = kdrive().kubectl('create deployment web --image=nginx').advance(20_000);
    const name = (d.cluster.list('Pod', { namespace: 'default' })[0] as Pod).metadata.name;
    d.kubectl('drain docker-desktop --ignore-daemonsets --force --dry-run=server');
    expect(disruption(d.cluster.get('Pod', 'default', name) as Pod)).toBeUndefined();
  });

  it('a NoExecute taint: the taint manager marks the Pod DeletionByTaintManager before deleting it', () => {
    const d = kdrive().kubectl('create deployment hold --image=busybox -- sleep 3600').advance(20_000);
    const name = (d.cluster.list('Pod', { namespace: 'default' })[0] as Pod).metadata.name;
    d.kubectl('taint nodes docker-desktop evict=yes:NoExecute').advance(1_000);
    const p = d.cluster.get('Pod', 'default', name) as Pod;
    expect(p.metadata.deletionTimestamp).toBeDefined();
    expect(disruption(p)).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
  });

  it('a Job whose podFailurePolicy ignores DisruptionTarget does not count the drained Pod as a failure', () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
  backoffLimit: 0
  podFailurePolicy:
    rules:
      - action: Ignore
        onPodConditions:
          - type: DisruptionTarget
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox
          command: ['sleep', '3600']
`;
    const d = kdrive({ seed: 3, profile: 'kind' }).apply(job).advance(20_000);
    const first = (d.cluster.list('Pod', { namespace: 'default' }) as Pod[])[0] as Pod;
    const node = first.spec.nodeName as string;
    d.kubectl(`drain ${node} --ignore-daemonsets --force --grace-period=5`).advance(20_000);
    const j = d.cluster.get('Job', 'default', 'work') as {
      status?: { failed?: number; conditions?: { type: string }[] };
    };
    // backoffLimit 0: had the failure counted, the Job would have failed.
    expect(j.status?.failed ?? 0).toBe(0);
    expect(j.status?.conditions?.some((c) => c.type === 'Failed')).not.toBe(true);
    const now = (d.cluster.list('Pod', { namespace: 'default' }) as Pod[]).filter(
      (p) => !p.metadata.deletionTimestamp,
    );
    expect(now.map((p) => p.spec.nodeName)).not.toContain(node);
    expect(now.length).toBe(1);
  });
});
