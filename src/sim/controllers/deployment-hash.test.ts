import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, fnv32aUtf8, safeEncodeString, serializeTemplate } from './deployment-hash';

const enc = (s: string) => new TextEncoder().encode(s);

// Any UTF-16 sequence, lone surrogates included (TextEncoder turns those into U+FFFD).
const utf16 = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.integer({ min: 0xd7f0, max: 0xe010 }),
      fc.constantFrom(0x22, 0x5c, 0x0a, 0x1f, 0x7f),
    ),
    { maxLength: 40 },
  )
  .map((units) => String.fromCharCode(...units));

describe('pod-template-hash', () => {
  it('FNV-32a matches the reference vectors', () => {
    expect(fnv32a(enc(''))).toBe(0x811c9dc5);
    expect(fnv32a(enc('a'))).toBe(0xe40c292c);
    expect(fnv32a(enc('foobar'))).toBe(0xbf9cf968);
  });

  it('SafeEncodeString maps digits 0-9 to 4 5 6 7 8 9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('only ever uses [4-9bcdf], at most 10 characters, and is stable', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.nat({ max: 1000 }), { nil: undefined }), (tpl, cc) => {
        const h = computeHash(tpl, cc);
        expect(h).toMatch(/^[4-9bcdf]{1,10}$/);
        expect(computeHash(tpl, cc)).toBe(h);
      }),
      { seed: 20260125, numRuns: 300 },
    );
  });

  it('is usually 10 characters (uint32 decimal length)', () => {
    let ten = 0;
    for (let i = 0; i < 1000; i++) if (computeHash({ i }).length === 10) ten++;
    expect(ten).toBeGreaterThan(650);
  });

  it('a fixed template gives a fixed hash; key order does not matter; collisionCount changes it', () => {
    const tpl = {
      metadata: { labels: { app: 'sleep-1' } },
      spec: { containers: [{ name: 'sleep', image: 'kiamol/ch03-sleep' }] },
    };
    const reordered = {
      spec: { containers: [{ image: 'kiamol/ch03-sleep', name: 'sleep' }] },
      metadata: { labels: { app: 'sleep-1' } },
    };
    const h = computeHash(tpl);
    expect(computeHash(reordered)).toBe(h);
    expect(h).toBe(
      safeEncodeString(
        String(
          fnv32a(
            enc(
              '(v1.PodTemplateSpec)' +
                JSON.stringify({
                  metadata: { labels: { app: 'sleep-1' } },
                  spec: { containers: [{ image: 'kiamol/ch03-sleep', name: 'sleep' }] },
                }),
            ),
          ),
        ),
      ),
    );
    expect(computeHash(tpl, 1)).not.toBe(h);
    expect(computeHash({ ...tpl, metadata: { labels: { app: 'sleep-2' } } })).not.toBe(h);
  });

  it('hashing the string in place gives the same value as FNV-32a over its TextEncoder bytes', () => {
    fc.assert(
      fc.property(fc.oneof(utf16, fc.string({ unit: 'grapheme' })), (s) => {
        expect(fnv32aUtf8(s)).toBe(fnv32a(enc(s)));
      }),
      { seed: 20261125, numRuns: 2000 },
    );
    expect(fnv32aUtf8('h\u00e9\u20ac\u{1f600}\ud800x')).toBe(fnv32a(enc('h\u00e9\u20ac\u{1f600}\ud800x')));
  });

  it('equals the byte-array reference: fnv32a(bytes), then the collisionCount as 8 little-endian bytes', () => {
    const reference = (tpl: unknown, cc?: number) => {
      let h = fnv32a(enc(serializeTemplate(tpl)));
      if (cc !== undefined) {
        const extra = new Uint8Array(8);
        new DataView(extra.buffer).setUint32(0, cc >>> 0, true);
        h = fnv32a(extra, h);
      }
      return safeEncodeString(String(h));
    };
    // JSON plus what stableStringify also meets: undefined members, any UTF-16 in keys and strings.
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(undefined),
        fc.constant(null),
        fc.boolean(),
        fc.double(),
        // Integers around the digit fast path's bounds (below 1e15), and -0.
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.maxSafeNat(),
        fc.constantFrom(-0, 999_999_999_999_999, 1e15, 1e15 + 1, -1),
        fc.string({ unit: 'binary' }),
        // Lone surrogates, quotes, backslashes and control characters: what JSON.stringify escapes.
        utf16,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 4 }),
        fc.dictionary(utf16, tie('value'), { maxKeys: 3 }),
      ),
    }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), value), fc.option(fc.nat(), { nil: undefined }), (tpl, cc) => {
        expect(computeHash(tpl, cc)).toBe(reference(tpl, cc));
      }),
      { seed: 20261126, numRuns: 1000 },
    );
  });
});
