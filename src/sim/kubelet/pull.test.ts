// containerd fetches an image once per node: Pods that ask for it while it is being pulled get it
// when that one fetch lands, so they start together.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { createCluster } from '../cluster';

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
