// A container command's file changes land at the command's own instants: the Kubernetes docs'
// liveness example (`touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600` with an exec
// probe `cat /tmp/healthy`) is healthy for its first 30 s, then fails and is restarted.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../kubectl/shell/exec';
import type { Pod } from '../api/types';
import { createCluster } from '../cluster';
import { provideContainerShell } from './oneshot';

provideContainerShell(runScript);

type Ev = { reason: string; message: string; involvedObject: { name: string } };

describe('timed file changes of a container command', () => {
  it('the docs liveness example: cat /tmp/healthy passes for 30 s, then the container is restarted', () => {
    const c = createCluster({ seed: 9 });
    const r = c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'liveness-exec' },
      spec: {
        containers: [
          {
            name: 'liveness',
            image: 'busybox',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: {
              exec: { command: ['cat', '/tmp/healthy'] },
              initialDelaySeconds: 5,
              periodSeconds: 5,
            },
          },
        ],
      },
    });
    expect(r.ok).toBe(true);
    const unhealthy = () =>
      c
        .list('Event', { namespace: 'default' })
        .map((e) => e as unknown as Ev)
        .filter((e) => e.involvedObject.name === 'liveness-exec' && e.reason === 'Unhealthy');
    c.advance(25_000);
    const pod = c.get('Pod', 'default', 'liveness-exec') as Pod;
    expect(pod.status.containerStatuses?.[0]?.state?.running).toBeDefined();
    expect(unhealthy()).toHaveLength(0);
    c.advance(30_000);
    const failed = unhealthy();
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
    );
    c.advance(30_000);
    expect(
      (c.get('Pod', 'default', 'liveness-exec') as Pod).status.containerStatuses?.[0]?.restartCount,
    ).toBe(1);
  });
});
