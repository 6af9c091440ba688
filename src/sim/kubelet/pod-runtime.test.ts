// Container IDs: 64 hex digits, one rng draw each, in the order the digits are written.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { createRng, hexDigit } from '../runtime/rng';
import { containerId, type NodeState, podRuntime } from './pod-runtime';

describe('containerId', () => {
  it('is containerd:// and one hex digit per int(16) draw, digit by digit', () => {
    const a = createRng(7).fork('container-ids');
    const b = createRng(7).fork('container-ids');
    for (let n = 0; n < 3; n++) {
      let want = 'containerd://';
      for (let i = 0; i < 64; i++) want += hexDigit(b.int(16));
      expect(containerId(a)).toBe(want);
    }
    // Both streams are at the same place afterwards: exactly 64 draws per ID.
    expect(a.next()).toBe(b.next());
  });

  it('differs from one container to the next', () => {
    const r = createRng(1).fork('x');
    const first = containerId(r);
    expect(first).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(containerId(r)).not.toBe(first);
  });
});

describe('PodRuntime', () => {
  const node = { name: 'n' } as NodeState;
  const pod = (namespace: string | undefined, name: string) =>
    ({ metadata: { namespace, name } }) as unknown as Pod;
  it("keeps the namespace and name of its key, the Pod's own strings when they are those", () => {
    const p = pod('default', 'web-1');
    const rt = podRuntime('default/web-1', 'u', node, p);
    expect([rt.namespace, rt.name]).toEqual(['default', 'web-1']);
    expect([...rt.keys]).toEqual(['default/web-1']);
    for (const [key, other] of [
      ['default/web-1', undefined],
      ['default/web-1', pod(undefined, 'web-1')],
      ['default/web-1', pod('kube-system', 'web-1')],
      ['default/web-1', pod('default', 'web-12')],
      ['default/web-1', pod('defaul', 't/web-1')],
      ['kube-system/a', pod('kube-system', 'b')],
    ] as const) {
      const r = podRuntime(key, 'u', node, other);
      const i = key.indexOf('/');
      expect([r.namespace, r.name]).toEqual([key.slice(0, i), key.slice(i + 1)]);
    }
  });
});
