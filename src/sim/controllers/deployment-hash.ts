// pod-template-hash: FNV-32a over the pod template (plus collisionCount), its decimal value mapped
// through SafeEncodeString. [K8S controller_utils.go ComputeHash; APIMACH util/rand.SafeEncodeString]
// Go hashes a spew dump of the struct; we hash a canonical (sorted-key) JSON serialisation, which
// has the same property that matters: the same template always gives the same hash.
import { stableStringify } from '../apiserver/json';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnv32a(bytes: Uint8Array, h = FNV_OFFSET): number {
  let hash = h >>> 0;
  for (const b of bytes) {
    hash ^= b;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/**
 * fnv32a over the UTF-8 bytes of `s` (what TextEncoder would give, a lone surrogate becoming
 * U+FFFD), encoded on the fly: no byte array per template.
 */
export function fnv32aUtf8(s: string, h = FNV_OFFSET): number {
  let hash = h >>> 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      hash = Math.imul(hash ^ c, FNV_PRIME);
      continue;
    }
    if (c < 0x800) {
      hash = Math.imul(hash ^ (0xc0 | (c >> 6)), FNV_PRIME);
      hash = Math.imul(hash ^ (0x80 | (c & 0x3f)), FNV_PRIME);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const lo = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
        hash = Math.imul(hash ^ (0xf0 | (cp >> 18)), FNV_PRIME);
        hash = Math.imul(hash ^ (0x80 | ((cp >> 12) & 0x3f)), FNV_PRIME);
        hash = Math.imul(hash ^ (0x80 | ((cp >> 6) & 0x3f)), FNV_PRIME);
        hash = Math.imul(hash ^ (0x80 | (cp & 0x3f)), FNV_PRIME);
        continue;
      }
      c = 0xfffd; // lone surrogate: the encoder's replacement character
    }
    hash = Math.imul(hash ^ (0xe0 | (c >> 12)), FNV_PRIME);
    hash = Math.imul(hash ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME);
    hash = Math.imul(hash ^ (0x80 | (c & 0x3f)), FNV_PRIME);
  }
  return hash >>> 0;
}

/** rand.SafeEncodeString: each rune r becomes alphabet[r % 27]; digits land on `[4-9bcdf]`. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[(ch.codePointAt(0) as number) % SAFE_ALPHABET.length];
  return out;
}

/** The bytes we hash: the Go type name (as spew prints it first) then canonical JSON. */
export function serializeTemplate(template: unknown): string {
  return `(v1.PodTemplateSpec)${stableStringify(template)}`;
}

/**
 * `keys` in Array#sort's default (UTF-16 code unit) order, sorted in place: object keys are few
 * and unique, and an insertion sort needs none of the scratch space Array#sort allocates.
 */
function sortedInPlace(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > k) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/** fnv32a over the UTF-8 of stableStringify(v), without building that string. */
function fnvCanonical(v: unknown, h: number): number {
  if (v === undefined) return fnv32aUtf8('null', h);
  // JSON.stringify gives undefined for functions and symbols, which the concatenation spells out.
  if (v === null || typeof v !== 'object') return fnv32aUtf8(String(JSON.stringify(v)), h);
  if (Array.isArray(v)) {
    h = Math.imul(h ^ 0x5b, FNV_PRIME) >>> 0; // [
    for (let i = 0; i < v.length; i++) {
      if (i > 0) h = Math.imul(h ^ 0x2c, FNV_PRIME) >>> 0; // ,
      h = fnvCanonical(v[i], h);
    }
    return Math.imul(h ^ 0x5d, FNV_PRIME) >>> 0; // ]
  }
  const o = v as Record<string, unknown>;
  const keys = sortedInPlace(Object.keys(o));
  h = Math.imul(h ^ 0x7b, FNV_PRIME) >>> 0; // {
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const x = o[k];
    if (x === undefined) continue;
    if (!first) h = Math.imul(h ^ 0x2c, FNV_PRIME) >>> 0; // ,
    first = false;
    h = fnv32aUtf8(JSON.stringify(k), h);
    h = Math.imul(h ^ 0x3a, FNV_PRIME) >>> 0; // :
    h = fnvCanonical(x, h);
  }
  return Math.imul(h ^ 0x7d, FNV_PRIME) >>> 0; // }
}

const TYPE_PREFIX_HASH = fnv32aUtf8('(v1.PodTemplateSpec)');

/**
 * The hash of a template: fnv32a over serializeTemplate(template)'s UTF-8, fed piece by piece.
 * Callers that see the same template often (the deployment controller syncs a Deployment several
 * times per rollout) keep the result per (uid, generation) instead.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnvCanonical(template, TYPE_PREFIX_HASH);
  if (collisionCount !== undefined && collisionCount !== null) {
    // binary.LittleEndian.PutUint32 into an 8-byte slice: 4 bytes of the count, then 4 zero bytes.
    const cc = collisionCount >>> 0;
    for (const b of [cc & 0xff, (cc >>> 8) & 0xff, (cc >>> 16) & 0xff, cc >>> 24, 0, 0, 0, 0])
      h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  }
  return safeEncodeString(String(h));
}
