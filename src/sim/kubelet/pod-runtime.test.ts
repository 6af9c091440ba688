// Container IDs: 64 hex digits, one rng draw each, in the order the digits are written.
import { describe, expect, it } from 'vitest';
import { createRng, hexDigit } from '../runtime/rng';
import { containerId } from './pod-runtime';

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
