// A container whose process is a shell on an open stdin (kubectl debug --copy-to and node/NAME,
// kubectl attach -it): when the attached shell exits, the kubelet sees the container's process end
// (lifecycle.ts endContainerProcess) and the Pod's restartPolicy applies as to any exit — Never:
// Terminated and the Pod Succeeded/Failed (kubectl debug node/NAME's Pod Completed); Always:
// restarted with restartCount 1 and the ended run as lastState.
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import { endContainerProcess } from './lifecycle';

function shellPod(c: SimCluster, name: string, restartPolicy: 'Never' | 'Always'): void {
  const r = c.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      restartPolicy,
      containers: [
        { name: 'web', image: 'nginx:1.27' },
        { name: 'debugger', image: 'busybox:1.36', stdin: true, tty: true },
      ],
    },
  });
  if (!r.ok) throw new Error(r.error.message);
}

const pod = (c: SimCluster, name: string) => c.get('Pod', 'default', name) as Pod;
const st = (c: SimCluster, name: string, container: string) =>
  pod(c, name).status.containerStatuses?.find((s) => s.name === container) as ContainerStatus;

describe('an attached shell exits: its container ends', () => {
  it('restartPolicy Never: the container is Terminated with the exit code and the Pod completes', () => {
    const c = createCluster({ seed: 5 });
    shellPod(c, 'p', 'Never');
    c.advance(60_000);
    expect(st(c, 'p', 'debugger').state.running).toBeDefined();
    expect(pod(c, 'p').status.phase).toBe('Running');
    // Another container's name, or a Pod without such a run, changes nothing.
    expect(endContainerProcess(c, 'Pod/default/nope', 'debugger', 0)).toBe(false);
    expect(endContainerProcess(c, 'Pod/default/p', 'web', 0)).toBe(true);
    c.runUntilIdle();
    expect(st(c, 'p', 'web').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(pod(c, 'p').status.phase).toBe('Running');
    expect(endContainerProcess(c, 'Pod/default/p', 'debugger', 0)).toBe(true);
    c.runUntilIdle();
    const t = st(c, 'p', 'debugger').state.terminated;
    expect(t).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(t?.finishedAt).toBe(new Date(c.now()).toISOString().replace(/\.\d+Z$/, 'Z'));
    const p = pod(c, 'p');
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.conditions?.find((x) => x.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodCompleted',
    });
    // Ended for good: nothing restarts it, and a second exit is not the kubelet's to see.
    c.advance(60_000);
    expect(st(c, 'p', 'debugger').restartCount).toBe(0);
    expect(endContainerProcess(c, 'Pod/default/p', 'debugger', 1)).toBe(false);
  });

  it('restartPolicy Never with a failing exit: Error, the Pod Failed', () => {
    const c = createCluster({ seed: 5 });
    shellPod(c, 'p', 'Never');
    c.advance(60_000);
    endContainerProcess(c, 'Pod/default/p', 'web', 0);
    endContainerProcess(c, 'Pod/default/p', 'debugger', 3);
    c.runUntilIdle();
    expect(st(c, 'p', 'debugger').state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(pod(c, 'p').status.phase).toBe('Failed');
  });

  it('restartPolicy Always: restarted by the next sync, the ended run kept as lastState', () => {
    const c = createCluster({ seed: 5 });
    shellPod(c, 'p', 'Always');
    c.advance(60_000);
    const first = st(c, 'p', 'debugger').containerID;
    expect(endContainerProcess(c, 'Pod/default/p', 'debugger', 2)).toBe(true);
    c.runUntilIdle();
    expect(st(c, 'p', 'debugger').state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    c.advance(5_000);
    const s = st(c, 'p', 'debugger');
    expect(s.state.running).toBeDefined();
    expect(s.restartCount).toBe(1);
    expect(s.containerID).not.toBe(first);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 2, reason: 'Error', containerID: first });
    expect(pod(c, 'p').status.phase).toBe('Running');
  });
});
