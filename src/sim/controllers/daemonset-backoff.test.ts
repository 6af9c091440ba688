// failedPodsBackoff (daemonset-backoff.ts) in the daemon controller: a node whose daemon Pods keep
// failing (as when its kubelet rejects them) gets them deleted and replaced 1 s, 2 s, 4 s, … apart,
// with a FailedDaemonPod Event only for the deletions, not for the syncs held back.
import { describe, expect, it } from 'vitest';
import type { Event, K8sObject, Pod } from '../api/types';
import { createCluster } from '../cluster';
import { parseRfc3339 } from '../runtime/clock';
import { FailedPodsBackoff } from './daemonset-backoff';

const DS = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: {
        nodeSelector: { 'kubernetes.io/hostname': 'kind-worker' },
        containers: [{ name: 'a', image: 'nginx' }],
      },
    },
  },
};

describe('DaemonSet controller: the failed-Pod back-off', () => {
  it('deletes failed Pods 1 s, 2 s, 4 s, 8 s apart, one FailedDaemonPod Event per deletion', () => {
    const c = createCluster({ seed: 1, profile: 'kind' });
    const [o] = c.apply([DS as unknown as K8sObject]);
    expect(o?.result.ok).toBe(true);
    c.advance(10_000);
    const { api } = c.internals;
    const failed = new Set<string>();
    // The kubelet rejecting every Pod of the DaemonSet: each goes Failed as soon as it is seen (set
    // again while the simulated kubelet, which rejects nothing, would start it).
    for (let t = 0; t < 20_000; t += 100) {
      for (const p of c.list('Pod', { namespace: 'default', labelSelector: 'app=agent' }) as Pod[]) {
        if (p.status?.phase === 'Failed' || p.metadata.deletionTimestamp) continue;
        failed.add(p.metadata.name);
        const r = api.updateStatus({ ...p, status: { ...p.status, phase: 'Failed' } } as K8sObject);
        expect(r.ok).toBe(true);
      }
      c.advance(100);
    }
    const evs = (c.list('Event', { namespace: 'default' }) as Event[])
      .filter((e) => e.reason === 'FailedDaemonPod')
      .map((e) => ({ at: parseRfc3339(e.lastTimestamp as string), msg: e.message }))
      .sort((a, b) => a.at - b.at);
    const gaps = evs.slice(1).map((e, i) => Math.round((e.at - (evs[i] as { at: number }).at) / 100) / 10);
    // Five deletions in 20 s (each followed by a new Pod, which fails too): without the back-off
    // every one would go at once.
    expect(gaps).toEqual([1, 2, 4, 8]);
    expect(failed.size).toBe(6);
    expect(evs[0]?.msg).toMatch(
      /^Found failed daemon pod default\/agent-[a-z0-9]{5} on node kind-worker, will try to kill it$/,
    );
  });

  it('client-go Backoff: 1 s, doubling to 15 min; an entry idle for 30 min starts again', () => {
    const b = new FailedPodsBackoff({});
    const id = 'u/1/n';
    expect(b.inBackoff(id, 0)).toBe(false);
    expect(b.get(id)).toBe(0);
    b.next(id, 0);
    expect([b.get(id), b.inBackoff(id, 999), b.inBackoff(id, 1000)]).toEqual([1000, true, false]);
    let t = 1000;
    for (let i = 0; i < 12; i++) {
      b.next(id, t);
      t += b.get(id);
    }
    expect(b.get(id)).toBe(900_000);
    b.next(id, t + 1_800_001);
    expect(b.get(id)).toBe(1000);
  });
});
