// pod-template-hash: FNV-32a over go-spew's dump of the pod template (./spew) plus collisionCount,
// its decimal value mapped through SafeEncodeString, so a manifest gets the same ReplicaSet name as
// on a real 1.34 cluster. [K8S controller_utils.go ComputeHash; APIMACH util/rand.SafeEncodeString]
// The printer and its Go struct tables are bound late (src/sim/late). The page boots its cluster
// before they arrive, and the only templates hashed then are the system Deployments' (CoreDNS, the
// distros' add-ons): constants, whose dump hashes are kept below, keyed by FNV-32a of the stored
// template's canonical JSON. deployment-hash-boot.test.ts boots every profile without the late
// parts and checks each against the printer; when a boot template changes, it prints the new table.
import { stableStringify } from '../apiserver/json';
import { late, latePartsLoaded } from '../late';

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

/** Canonical-JSON key → FNV-32a of the spew dump, for the boot-time templates. */
const BOOT_TEMPLATES: Readonly<Record<number, number>> = {
  8134899: 1638932410,
  3742067376: 461080218,
  1385936265: 1133768408,
  2329889416: 3530117722,
  3403111944: 2267175133,
  3944460687: 2990496473,
};

/** The dump's hash of a boot-time template, if it is one (before the late parts are bound). */
export function bootTemplateHash(template: unknown): number | undefined {
  return BOOT_TEMPLATES[fnv32aUtf8(stableStringify(template))];
}

/**
 * The hash of a template: fnv32a over the UTF-8 of its spew dump.
 * Callers that see the same template often (the deployment controller syncs a Deployment several
 * times per rollout) keep the result per (uid, generation) instead.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  // A template the boot table lacks before the late parts load would be a bootstrap change the
  // boot test reports; it still gets a stable hash (the canonical JSON's) rather than a crash.
  let h = latePartsLoaded()
    ? late().spewHash(template)
    : (bootTemplateHash(template) ?? fnv32aUtf8(stableStringify(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    // binary.LittleEndian.PutUint32 into an 8-byte slice: 4 bytes of the count, then 4 zero bytes.
    const cc = collisionCount >>> 0;
    for (const b of [cc & 0xff, (cc >>> 8) & 0xff, (cc >>> 16) & 0xff, cc >>> 24, 0, 0, 0, 0])
      h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  }
  return safeEncodeString(String(h));
}
