// Go's base64.StdEncoding as the API server's JSON decoder applies it to []byte fields: round
// trips against Node's encoder, and CorruptInputError offsets traced through Go's decodeQuantum.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, canonicalBase64, decodedSize, utf8Length } from './go-base64';

describe('base64 encode/decode', () => {
  it('round-trips any bytes and encodes as Node does (seed printed on failure)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const enc = base64Encode(bytes);
        expect(enc).toBe(Buffer.from(bytes).toString('base64'));
        const dec = base64Decode(enc);
        expect(dec.ok && [...dec.bytes]).toEqual([...bytes]);
        expect(decodedSize(enc)).toBe(bytes.length);
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it('skips CR and LF anywhere, as Go does, and re-encodes canonically', () => {
    expect(canonicalBase64('YWJj\nZGVm\r\n')).toEqual({ ok: true, value: 'YWJjZGVm', size: 6 });
    expect(canonicalBase64('YW\nI=')).toEqual({ ok: true, value: 'YWI=', size: 2 });
    expect(canonicalBase64('')).toEqual({ ok: true, value: '', size: 0 });
  });

  it('reports the first bad byte as Go CorruptInputError offsets', () => {
    const at = (s: string) => {
      const r = base64Decode(s);
      return r.ok ? -1 : r.at;
    };
    expect(at('abc!')).toBe(3); // not in the alphabet
    expect(at('abc')).toBe(0); // a short final quantum: the quantum's start
    expect(at('YWJjZA')).toBe(4);
    expect(at('a===')).toBe(1); // padding after one symbol
    expect(at('ab=c')).toBe(2); // "==" expected, the first '=' reported
    expect(at('ab=')).toBe(3); // not enough padding: the input's length
    expect(at('YQ==YQ==')).toBe(4); // trailing garbage after the padding
    expect(at('pässword')).toBe(1); // bytes of the UTF-8 text
    expect(canonicalBase64('abc!')).toEqual({ ok: false, message: 'illegal base64 data at input byte 3' });
  });

  it('counts UTF-8 bytes as Go len(string) does', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});
