// The kubelet follows each Pod it runs through its watch events: a deletion that comes after the
// kubelet's own status writes is still seen (Killing, then the Pod goes once its container has
// stopped), and a Pod deleted while its sandbox is being created never starts.
import { describe, expect, it } from 'vitest';
import type { K8sObject, Pod } from '../api/types';
import { built } from '../apiserver/store';
import { createCluster } from '../cluster';

const pod = (name: string, image = 'nginx') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image }] },
});

const reasons = (c: ReturnType<typeof createCluster>, name: string) =>
  c
    .list('Event', { namespace: 'default' })
    .map((e) => e as unknown as { reason: string; involvedObject: { name: string } })
    .filter((e) => e.involvedObject.name === name)
    .map((e) => e.reason);

describe('kubelet', () => {
  it('kills a running Pod marked for deletion and removes it once the container stops', () => {
    const c = createCluster({ seed: 4 });
    c.create(pod('a'));
    c.advance(20_000);
    expect((c.get('Pod', 'default', 'a') as Pod).status.phase).toBe('Running');
    c.delete('Pod', 'default', 'a');
    expect((c.get('Pod', 'default', 'a') as Pod).metadata.deletionTimestamp).toBeDefined();
    expect(reasons(c, 'a')).toContain('Killing');
    // nginx stops within 700 ms of SIGTERM (images.ts), well inside the 30 s grace period; its
    // stopped state is written then (exit 0: Succeeded), the Pod removed 200-400 ms later.
    c.advance(700);
    const stopped = c.get('Pod', 'default', 'a') as Pod;
    expect(stopped.status.phase).toBe('Succeeded');
    expect(stopped.status.containerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    c.advance(400);
    expect(c.get('Pod', 'default', 'a')).toBeUndefined();
  });

  it('a Pod deleted while ContainerCreating never starts, and the next Pod starts as usual', () => {
    const c = createCluster({ seed: 4 });
    c.create(pod('b'));
    c.advance(100); // admitted: the sandbox timer (250-600 ms) is pending
    const admitted = c.get('Pod', 'default', 'b') as Pod;
    expect(admitted.status.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    c.delete('Pod', 'default', 'b');
    c.advance(1_000);
    expect(c.get('Pod', 'default', 'b')).toBeUndefined();
    expect(reasons(c, 'b')).not.toContain('Started');
    expect(reasons(c, 'b')).not.toContain('Killing'); // no container was running
    c.create(pod('b2'));
    c.advance(20_000);
    const next = c.get('Pod', 'default', 'b2') as Pod;
    expect(next.status.phase).toBe('Running');
    expect(next.status.podIP).toMatch(/^10\.1\.\d+\.\d+$/);
  });
});

describe('kubelet: a name taken over by another Pod within one sync', () => {
  // Only reachable through the API directly (every facade call settles in between): the old Pod
  // is force-deleted and a new one created under its name before the kubelet reconciles.
  it('tears the old sandbox down and starts the new Pod once, with a new IP', () => {
    const c = createCluster({ seed: 7 });
    c.create(pod('a'));
    c.advance(1_000); // admitted, sandbox up (IP given), pulling
    const first = c.get('Pod', 'default', 'a') as Pod;
    expect(first.status.podIP).toBeTruthy();
    const { api, manager } = c.internals;
    expect(api.delete('Pod', 'default', 'a', { gracePeriodSeconds: 0 }).ok).toBe(true);
    expect(api.create(pod('a') as unknown as K8sObject).ok).toBe(true);
    manager.runUntilIdle();
    c.advance(30_000);
    const second = c.get('Pod', 'default', 'a') as Pod;
    expect(second.metadata.uid).not.toBe(first.metadata.uid);
    expect(second.status.phase).toBe('Running');
    expect(second.status.podIP).toBeTruthy();
    expect(second.status.podIP).not.toBe(first.status.podIP);
    const forSecond = c
      .list('Event', { namespace: 'default' })
      .map((e) => e as unknown as { reason: string; involvedObject: { uid: string } })
      .filter((e) => e.involvedObject.uid === second.metadata.uid)
      .map((e) => e.reason);
    // Each stage once: the old runtime's pending timer must not run on the new Pod.
    for (const r of ['Created', 'Started']) expect(forSecond.filter((x) => x === r)).toHaveLength(1);
    const started = c
      .list('Event', { namespace: 'default' })
      .map((e) => e as unknown as { reason: string; count?: number; involvedObject: { uid: string } })
      .filter((e) => e.involvedObject.uid === second.metadata.uid && e.reason === 'Started');
    expect(started[0]?.count ?? 1).toBe(1);
  });
});

describe('kubelet status writes as status versions', () => {
  it('a Deployment and a Service settling build no Pod object nobody reads, and a read gives the written status', () => {
    const c = createCluster({ seed: 5 });
    const before = built.count;
    c.apply([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      },
    ]);
    c.advance(60_000);
    // Admission, the sandbox IP and Running for each Pod: written, seen by every Pod watcher
    // (ReplicaSet, Endpoints, EndpointSlice, scheduler, GC, networking), and never built.
    expect(built.count).toBe(before);
    const pods = c.list('Pod', { namespace: 'default', labelSelector: 'app=web' }) as Pod[];
    expect(pods).toHaveLength(3);
    expect(built.count).toBe(before + 3);
    expect(pods.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running']);
    // The Endpoints list the Pods' IPs: the controllers read them from the views.
    const ep = c.get('Endpoints', 'default', 'web') as K8sObject & {
      subsets: { addresses: { ip: string }[] }[];
    };
    expect(ep.subsets[0]?.addresses.map((a) => a.ip).sort()).toEqual(pods.map((p) => p.status.podIP).sort());
    // One snapshot per version: a second read is the same object.
    expect(c.get('Pod', 'default', pods[0]?.metadata.name as string)).toBe(pods[0]);
  });
});
