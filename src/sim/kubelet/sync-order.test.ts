// SyncPod starts a Pod's containers one after another (kuberuntime_manager.go SyncPod →
// startContainer: EnsureImageExists, create, start, then the next container), so a real
// `kubectl get events` shows each container's Pulling/Pulled/Created/Started before the next one's
// Pulling; a container whose image cannot be pulled waits (ErrImagePull, then ImagePullBackOff) and
// the next one still starts; the retry sync pulls only the containers not running.
import { describe, expect, it } from 'vitest';
import { podReady, podStatusReason } from '../../kubectl/printers/tables';
import { type KubectlDriver, kdrive } from '../../kubectl/testing';
import type { Event, Pod } from '../api/types';

const two = (name: string, a: string, b: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: a
${a}
  - name: b
${b}
`;

/** The Pod's Events as `TIME REASON FIELDPATH`, in the order they were recorded. */
const events = (d: KubectlDriver, name: string) =>
  (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[])
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.firstTimestamp?.slice(17)} ${e.reason} ${e.involvedObject.fieldPath ?? ''}`.trim());

const pod = (d: KubectlDriver, name: string) => d.cluster.get('Pod', 'default', name) as Pod;

describe('SyncPod: pull, create and start each container, then the next', () => {
  it('two containers: the first runs while the second image is pulled', () => {
    const d = kdrive({ seed: 3, profile: 'kind' })
      .applyOk(two('two', '    image: nginx', '    image: kiamol/ch03-sleep'))
      .advance(30_000);
    expect(events(d, 'two')).toEqual([
      '00Z Scheduled',
      '00Z Pulling spec.containers{a}',
      '04Z Pulled spec.containers{a}',
      '04Z Created spec.containers{a}',
      '04Z Started spec.containers{a}',
      '04Z Pulling spec.containers{b}',
      '06Z Pulled spec.containers{b}',
      '06Z Created spec.containers{b}',
      '06Z Started spec.containers{b}',
    ]);
    // Each started when it was: a 2 s before b (the status is written when the sync ends).
    const s = pod(d, 'two').status.containerStatuses ?? [];
    expect(s.map((c) => c.state.running?.startedAt)).toEqual([
      '2026-01-08T09:30:04Z',
      '2026-01-08T09:30:06Z',
    ]);
    expect(new Set(s.map((c) => c.containerID)).size).toBe(2);
  });

  it('an image that cannot be pulled does not stop the next container; the retry pulls only it', () => {
    const d = kdrive({ seed: 3, profile: 'kind' });
    const seen: string[] = [];
    d.cluster.internals.store.watch((ev) => {
      if (ev.type === 'DELETED' || ev.key !== 'Pod/default/bad') return;
      const p = ev.object as Pod;
      const row = `${podReady(p)} ${podStatusReason(p)}`;
      if (seen[seen.length - 1] !== row) seen.push(row);
    });
    d.applyOk(two('bad', '    image: kiamol/no-such', '    image: nginx')).advance(20_000);
    expect(seen).toEqual([
      '0/2 Pending',
      '0/2 ContainerCreating',
      '1/2 ErrImagePull',
      '1/2 ImagePullBackOff',
      '1/2 ErrImagePull',
      '1/2 ImagePullBackOff',
    ]);
    expect(events(d, 'bad').slice(1, 10)).toEqual([
      '00Z Pulling spec.containers{a}',
      '01Z Failed spec.containers{a}',
      '01Z Failed spec.containers{a}',
      '01Z Pulling spec.containers{b}',
      '05Z Pulled spec.containers{b}',
      '05Z Created spec.containers{b}',
      '05Z Started spec.containers{b}',
      '06Z BackOff spec.containers{a}',
      '06Z Failed spec.containers{a}',
    ]);
    const e = (reason: string, path: string) =>
      (d.cluster.list('Event', { namespace: 'default' }) as unknown as Event[]).find(
        (x) => x.involvedObject.name === 'bad' && x.reason === reason && x.involvedObject.fieldPath === path,
      )?.count;
    expect(e('Pulling', 'spec.containers{a}')).toBe(2);
    expect(e('Pulling', 'spec.containers{b}')).toBe(1);
    expect(e('Started', 'spec.containers{b}')).toBe(1);
    const p = pod(d, 'bad');
    expect(p.status.phase).toBe('Pending');
    expect(p.status.containerStatuses?.map((c) => Object.keys(c.state)[0])).toEqual(['waiting', 'running']);
    expect(p.status.containerStatuses?.[0]?.state.waiting?.reason).toBe('ImagePullBackOff');
    const ready = p.status.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', message: 'containers with unready status: [a]' });
    d.kubectl('get pods');
    expect(d.stdout()).toBe(
      'NAME   READY   STATUS             RESTARTS   AGE\nbad    1/2     ImagePullBackOff   0          20s\n',
    );
  });

  it('the same for a container whose process ends (lifecycle.ts): it runs while the other waits', () => {
    const d = kdrive({ seed: 3, profile: 'kind' })
      .applyOk(
        two('life', '    image: kiamol/no-such', "    image: busybox:1.36\n    command: ['sleep', '3600']"),
      )
      .advance(5_000);
    const s = pod(d, 'life').status.containerStatuses ?? [];
    expect(s[0]?.state.waiting?.reason).toBe('ImagePullBackOff');
    expect(s[1]?.state.running).toBeDefined();
    expect(s[1]?.ready).toBe(true);
    d.advance(60_000);
    const again = pod(d, 'life').status.containerStatuses ?? [];
    // Still the first instance: the retries do not start it again.
    expect(again[1]?.containerID).toBe(s[1]?.containerID);
    expect(again[1]?.restartCount).toBe(0);
  });
});
