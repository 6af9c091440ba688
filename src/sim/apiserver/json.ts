import { isOwn } from '../runtime/own';
// Canonical JSON helpers: Go's json.Marshal of a map sorts keys, which the last-applied annotation
// relies on; deepEqual compares decoded objects regardless of key order. Both sit on the write
// path of every object, so they are written as plain loops (no intermediate arrays per level).

export function stableStringify(v: unknown): string {
  // Usually: copy the value with every object's keys inserted in sorted order and let the native
  // JSON.stringify write it. That is several times faster than concatenating piece by piece, and
  // the result is one flat string rather than a tree of hundreds of pieces (the last-applied
  // annotation keeps it for the object's lifetime). Insertion order is enumeration order only for
  // keys that are not array indices ("80", "0"), and `__proto__` cannot be assigned as a key:
  // a value with such a key takes the piece-by-piece path.
  if (v !== null && typeof v === 'object') {
    const sorted = sortedCopy(v);
    if (sorted !== UNSORTABLE) return JSON.stringify(sorted);
  }
  return stableStringifySlow(v);
}

const UNSORTABLE = Symbol('unsortable');

/**
 * A plain copy to hand to JSON.stringify: objects (whatever their prototype: a Date is `{}` here,
 * as Object.keys sees it) get their own enumerable keys in sorted order, undefined values
 * dropped; arrays keep every index (undefined becomes null, as in JSON.stringify). UNSORTABLE
 * when that would not print what stableStringifySlow prints.
 */
function sortedCopy(v: unknown): unknown {
  const t = typeof v;
  // JSON.stringify would drop (or, for a BigInt, throw on) what the slow path writes differently.
  if (t === 'function' || t === 'symbol' || t === 'bigint') return UNSORTABLE;
  if (v === null || t !== 'object') return v;
  // A value that needs no change is handed to JSON.stringify as it is (no copy): an array whose
  // items all come back as they are, an object whose keys are already in order with no undefined
  // value and whose values all come back as they are (a label map, a port, most of a document).
  // Only plain arrays and objects: JSON.stringify would call another prototype's toJSON.
  if (Array.isArray(v)) {
    const plain = Object.getPrototypeOf(v) === Array.prototype;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = sortedCopy(v[i]);
      if (x === UNSORTABLE) return UNSORTABLE;
      if (out !== undefined) out[i] = x;
      else if (x !== v[i] || !plain || !(i in v)) {
        out = new Array(v.length);
        for (let j = 0; j < i; j++) out[j] = v[j];
        out[i] = x;
      }
    }
    return out ?? v;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let inOrder = Object.getPrototypeOf(o) === Object.prototype;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const c = k.charCodeAt(0);
    if ((c >= 48 && c <= 57) || k === '__proto__') return UNSORTABLE; // possibly an array index
    if (i > 0 && (keys[i - 1] as string) > k) inOrder = false;
  }
  let from = 0; // keys[0, from) are in order and their values came back as they are
  let first: unknown = UNSORTABLE; // what keys[from]'s value came back as, when already copied
  if (inOrder) {
    for (; from < keys.length; from++) {
      const x = o[keys[from] as string];
      if (x === undefined) break;
      const y = sortedCopy(x);
      if (y === UNSORTABLE) return UNSORTABLE;
      if (y !== x) {
        first = y;
        break;
      }
    }
    if (from === keys.length) return o;
  } else keys.sort();
  const out: Record<string, unknown> = {};
  for (let i = 0; i < from; i++) out[keys[i] as string] = o[keys[i] as string];
  for (let i = from; i < keys.length; i++) {
    const k = keys[i] as string;
    const x = o[k];
    if (x === undefined) continue;
    const y = i === from && first !== UNSORTABLE ? first : sortedCopy(x);
    if (y === UNSORTABLE) return UNSORTABLE;
    out[k] = y;
  }
  return out;
}

function stableStringifySlow(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) s += ',';
      s += stableStringifySlow(v[i]);
    }
    return `${s}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    if (!first) s += ',';
    first = false;
    s += `${JSON.stringify(k)}:${stableStringifySlow(x)}`;
  }
  return `${s}}`;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const arr = Array.isArray(a);
  if (arr !== Array.isArray(b)) return false;
  if (arr) {
    const aa = a as unknown[];
    const bb = b as unknown[];
    if (aa.length !== bb.length) return false;
    for (let i = 0; i < aa.length; i++) if (!deepEqual(aa[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Keys whose value is undefined do not count (they do not survive a JSON round trip).
  let na = 0;
  for (const k in ao) {
    if (!isOwn(ao, k)) continue;
    const x = ao[k];
    if (x === undefined) continue;
    na++;
    if (!deepEqual(x, bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (isOwn(bo, k) && bo[k] !== undefined) nb++;
  return na === nb;
}

/**
 * deepEqual, looking first for a top-level key whose value is a primitive that differs: status
 * writes (the kubelet's, the controllers') usually change a phase, an IP or a count, which this
 * finds without walking the condition and container-status arrays first. Same answer as deepEqual.
 */
export function deepEqualScalarsFirst(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (!Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k in ao) {
      if (!isOwn(ao, k)) continue;
      const x = ao[k];
      if (x === undefined) continue;
      const y = bo[k];
      // deepEqual(x, y) is false when they differ and either is not an object.
      if (x !== y && (x === null || typeof x !== 'object' || y === null || typeof y !== 'object'))
        return false;
    }
  }
  return deepEqual(a, b);
}

/**
 * Whether `a` and `b` are the same plain data to every reader, key order included: arrays of the
 * same length with exactly equal items, plain objects with the same own enumerable keys in the
 * same order (a key holding undefined counts) and exactly equal values, primitives by Object.is
 * (an object's prototype may be Object.prototype or null: either is plain data).
 * Anything else (another prototype, a function) only equals itself. What a deterministic function
 * of such data (defaulting, validation) computes is then the same for both.
 */
export function exactlyEqual(a: unknown, b: unknown): boolean {
  return equalAt(a, b, 0);
}

/**
 * Each depth's key list for exactlyEqual, reused (it runs on every Deployment's template hash and
 * every template the API server defaults: ~36,000 nested values a build at the benchmark's size,
 * where Object.keys made two arrays per object). A depth's list is read only before the values
 * below it are compared; the values are plain data, whose reads run no code of ours.
 */
const KEYS_AT: string[][] = [];

function equalAt(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return a !== 0 || Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    if (Object.getPrototypeOf(a) !== Array.prototype || Object.getPrototypeOf(b) !== Array.prototype)
      return false;
    for (let i = 0; i < a.length; i++) {
      if (!(i in a) || !(i in b) || !equalAt(a[i], b[i], depth + 1)) return false;
    }
    return Object.keys(a).length === a.length && Object.keys(b).length === b.length;
  }
  if (Array.isArray(b)) return false;
  if (!plainProto(a) || !plainProto(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // b's own enumerable keys in enumeration order (Object.keys' order), then a's checked against
  // them one by one: the same keys in the same order.
  let kb = KEYS_AT[depth];
  if (kb === undefined) {
    kb = [];
    KEYS_AT[depth] = kb;
  }
  let nb = 0;
  for (const k in bo) if (isOwn(bo, k)) kb[nb++] = k;
  let na = 0;
  for (const k in ao) {
    if (!isOwn(ao, k)) continue;
    if (na === nb || k !== kb[na]) return false;
    na++;
  }
  if (na !== nb) return false;
  for (let i = 0; i < nb; i++) {
    const k = kb[i] as string;
    if (!equalAt(ao[k], bo[k], depth + 1)) return false;
  }
  return true;
}

function plainProto(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}
