// pod-template-hash: FNV-32a over the pod template (plus collisionCount), its decimal value mapped
// through SafeEncodeString. [K8S controller_utils.go ComputeHash; APIMACH util/rand.SafeEncodeString]
// Go hashes a spew dump of the struct; we hash a canonical (sorted-key) JSON serialisation, which
// has the same property that matters: the same template always gives the same hash.
import { stableStringify } from '../apiserver/json';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function fnv32a(bytes: Uint8Array, h = 0x811c9dc5): number {
  let hash = h >>> 0;
  for (const b of bytes) {
    hash ^= b;
    hash = Math.imul(hash, 0x01000193) >>> 0;
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

// Templates are immutable snapshots shared between Deployment versions: hash each object once.
const cache = new WeakMap<object, Map<number, string>>();

export function computeHash(template: unknown, collisionCount?: number): string {
  const cc = collisionCount ?? -1;
  const memo = template && typeof template === 'object' ? cache.get(template) : undefined;
  const hit = memo?.get(cc);
  if (hit !== undefined) return hit;
  const h = computeHashUncached(template, collisionCount);
  if (template && typeof template === 'object') {
    const m = memo ?? new Map<number, string>();
    m.set(cc, h);
    if (!memo) cache.set(template, m);
  }
  return h;
}

function computeHashUncached(template: unknown, collisionCount?: number): string {
  const bytes = new TextEncoder().encode(serializeTemplate(template));
  let h = fnv32a(bytes);
  if (collisionCount !== undefined && collisionCount !== null) {
    // binary.LittleEndian.PutUint32 into an 8-byte slice: 4 bytes of the count, then 4 zero bytes.
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(extra, h);
  }
  return safeEncodeString(String(h));
}
