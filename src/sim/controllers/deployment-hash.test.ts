import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../late-impl';
import { computeHash, fnv32a, fnv32aUtf8, safeEncodeString } from './deployment-hash';
import { spewTemplate } from './spew';

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
    for (let i = 0; i < 1000; i++)
      if (computeHash({ metadata: { labels: { app: `a${i}` } } }).length === 10) ten++;
    expect(ten).toBeGreaterThan(650);
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

  it('equals the byte-array reference: fnv32a(spew dump bytes), then the collisionCount as 8 little-endian bytes', () => {
    const reference = (tpl: unknown, cc?: number) => {
      let h = fnv32a(enc(spewTemplate(tpl)));
      if (cc !== undefined) {
        const extra = new Uint8Array(8);
        new DataView(extra.buffer).setUint32(0, cc >>> 0, true);
        h = fnv32a(extra, h);
      }
      return safeEncodeString(String(h));
    };
    // Templates with any UTF-16 in labels, names and images (lone surrogates included).
    const str = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), utf16);
    const template = fc.record(
      {
        metadata: fc.record({ labels: fc.dictionary(str, str, { maxKeys: 3 }) }, { requiredKeys: [] }),
        spec: fc.record(
          {
            containers: fc.array(
              fc.record({ name: str, image: str, args: fc.array(str, { maxLength: 2 }) }),
              {
                maxLength: 2,
              },
            ),
            terminationGracePeriodSeconds: fc.nat(),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(template, fc.option(fc.nat(), { nil: undefined }), (tpl, cc) => {
        expect(computeHash(tpl, cc)).toBe(reference(tpl, cc));
      }),
      { seed: 20261126, numRuns: 100 },
    );
  });
});
