// containerd fetches an image once per node: Pods that ask for it while it is being pulled get it
// when that one fetch lands, so they start together.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { createCluster } from '../cluster';
import { pullBackOffMs } from './back-off';
import { presentMessage, pulledMessage } from './images';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'kiamol/ch03-numbers-api' }] },
});

const startedAt = (p: Pod) => p.status.containerStatuses?.[0]?.state?.running?.startedAt;

describe('image pulls', () => {
  it('Pods pulling the same image on one node start when the single fetch lands', () => {
    const c = createCluster({ seed: 9 });
    c.apply([pod('a'), pod('b'), pod('d')]);
    c.advance(30_000);
    const pods = ['a', 'b', 'd'].map((n) => c.get('Pod', 'default', n) as Pod);
    expect(pods.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running']);
    const t = startedAt(pods[0] as Pod);
    expect(t).toBeDefined();
    for (const p of pods) expect(startedAt(p)).toBe(t);
    const pulled = c
      .list('Event', { namespace: 'default' })
      .map((e) => e as unknown as { reason: string; message: string })
      .filter((e) => e.reason === 'Pulled');
    expect(pulled).toHaveLength(3);
    for (const e of pulled)
      expect(e.message).toMatch(
        /^Successfully pulled image "kiamol\/ch03-numbers-api" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/,
      );
  });
});

// The Pulled Event's two texts, written by one function each for the first start, a restart and an
// init container (image_manager.go EnsureImageExists; Go's Duration String for the times).
describe('Pulled messages', () => {
  it('a pull: its time twice, then the image size', () => {
    expect(pulledMessage('nginx', 1393, 62958873)).toBe(
      'Successfully pulled image "nginx" in 1.393s (1.393s including waiting). Image size: 62958873 bytes.',
    );
    expect(pulledMessage('busybox:1.36', 812, 2155884)).toBe(
      'Successfully pulled image "busybox:1.36" in 812ms (812ms including waiting). Image size: 2155884 bytes.',
    );
    expect(pulledMessage('kiamol/ch03-sleep', 65200, 7654321)).toBe(
      'Successfully pulled image "kiamol/ch03-sleep" in 1m5.2s (1m5.2s including waiting). Image size: 7654321 bytes.',
    );
  });

  it('an image on the node, not pulled again: the image as the spec writes it', () => {
    expect(presentMessage('nginx:alpine')).toBe('Container image "nginx:alpine" already present on machine');
  });
});

describe('image pull back-off', () => {
  it('10 s doubling to 5 min, then 5 min', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(pullBackOffMs)).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });
});
