// Go's encoding/base64 StdEncoding, as the API server's JSON decoder applies it to a []byte field
// (Secret.data, ConfigMap.binaryData): padding required, '\r' and '\n' skipped anywhere, and the
// first bad byte reported as `illegal base64 data at input byte N` (CorruptInputError), N counted
// in bytes of the UTF-8 text. The stored value is the canonical re-encoding of the decoded bytes.
// [Go src/encoding/base64/base64.go Decode, decodeQuantum; encoding/json decode.go literalStore]

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61; // '='
const CR = 13;
const LF = 10;

let decodeMap: Int16Array | undefined;
function map(): Int16Array {
  if (decodeMap === undefined) {
    decodeMap = new Int16Array(256).fill(-1);
    for (let i = 0; i < ALPHABET.length; i++) decodeMap[ALPHABET.charCodeAt(i)] = i;
  }
  return decodeMap;
}

/** The UTF-8 bytes of `s` (what Go holds for a JSON string). */
export function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** The UTF-8 length of `s` in bytes (Go's len(string)). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += ALPHABET.charAt(v >> 18) + ALPHABET.charAt((v >> 12) & 63);
    out += ALPHABET.charAt((v >> 6) & 63) + ALPHABET.charAt(v & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = (bytes[i] as number) << 16;
    out += `${ALPHABET.charAt(v >> 18)}${ALPHABET.charAt((v >> 12) & 63)}==`;
  } else if (rest === 2) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += `${ALPHABET.charAt(v >> 18)}${ALPHABET.charAt((v >> 12) & 63)}${ALPHABET.charAt((v >> 6) & 63)}=`;
  }
  return out;
}

export type DecodeOutcome = { ok: true; bytes: Uint8Array } | { ok: false; at: number };

/** StdEncoding.Decode of the UTF-8 text `s`: the bytes, or the offset of CorruptInputError. */
export function base64Decode(s: string): DecodeOutcome {
  const src = utf8Bytes(s);
  const dm = map();
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    // decodeQuantum: up to four symbols, newlines skipped, padding ends the input.
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) };
        // A short final quantum: with padding required, always an error at its start.
        return { ok: false, at: si - j };
      }
      const c = src[si] as number;
      si++;
      const d = dm[c] as number;
      if (d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (c === LF || c === CR) {
        j--;
        continue;
      }
      if (c !== PAD) return { ok: false, at: si - 1 };
      // Padding: only after two or three symbols.
      if (j === 0 || j === 1) return { ok: false, at: si - 1 };
      if (j === 2) {
        // "==" expected: the first '=' is consumed; newlines may sit between them.
        while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
        if (si === src.length) return { ok: false, at: src.length };
        if (src[si] !== PAD) return { ok: false, at: si - 1 };
        si++;
      }
      while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val =
      ((dbuf[0] as number) << 18) |
      ((dbuf[1] as number) << 12) |
      ((dbuf[2] as number) << 6) |
      (dbuf[3] as number);
    const b0 = (val >> 16) & 255;
    const b1 = (val >> 8) & 255;
    const b2 = val & 255;
    if (dlen >= 2) out.push(b0);
    if (dlen >= 3) out.push(b1);
    if (dlen === 4) out.push(b2);
    if (trailing >= 0) return { ok: false, at: trailing };
    if (dlen < 4) break;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** The canonical base64 of what `s` decodes to, or the CorruptInputError text. */
export function canonicalBase64(
  s: string,
): { ok: true; value: string; size: number } | { ok: false; message: string } {
  const r = base64Decode(s);
  if (!r.ok) return { ok: false, message: `illegal base64 data at input byte ${r.at}` };
  return { ok: true, value: base64Encode(r.bytes), size: r.bytes.length };
}

/** The decoded size of stored (canonical) base64: 3 bytes per 4 symbols, less the padding. */
export function decodedSize(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}
