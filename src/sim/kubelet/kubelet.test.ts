// The kubelet follows each Pod it runs through its watch events: a deletion that comes after the
// kubelet's own status writes is still seen (Killing, then the Pod goes once its container has
// stopped), and a Pod deleted while its sandbox is being created never starts.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
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
    // nginx stops within 700 ms of SIGTERM (images.ts), well inside the 30 s grace period.
    c.advance(1_000);
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
