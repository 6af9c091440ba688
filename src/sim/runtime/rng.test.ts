// uuidOf spells each digit at its place (./rng): compared with the same UUID spelt by toString(16).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, uuid, uuidOf, word32 } from './rng';

const hex = (n: number, len: number) => (n >>> 0).toString(16).padStart(len, '0').slice(-len);
const reference = (a: number, b: number, c: number, d: number) =>
  `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-${hex(8 | ((c >>> 28) & 3), 1)}${hex((c >>> 16) & 0xfff, 3)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;

describe('uuidOf', () => {
  it('spells the version-4 UUID of four words as toString(16) would', () => {
    const word = fc.oneof(
      fc.constantFrom(0, 0xffffffff, 0x80000000, 0x0000000f, 0xf0000000),
      fc.nat({ max: 0xffffffff }),
    );
    fc.assert(
      fc.property(word, word, word, word, (a, b, c, d) => {
        expect(uuidOf(a, b, c, d)).toBe(reference(a, b, c, d));
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });

  it('uuid draws four words in order and spells them', () => {
    const r1 = createRng(7).fork('uids');
    const r2 = createRng(7).fork('uids');
    for (let i = 0; i < 20; i++) {
      const u = uuid(r1);
      expect(u).toBe(reference(word32(r2), word32(r2), word32(r2), word32(r2)));
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
