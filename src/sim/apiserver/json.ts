// Canonical JSON helpers: Go's json.Marshal of a map sorts keys, which the last-applied annotation
// relies on; deepEqual compares decoded objects regardless of key order. Both sit on the write
// path of every object, so they are written as plain loops (no intermediate arrays per level).

export function stableStringify(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) s += ',';
      s += stableStringify(v[i]);
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
    s += `${JSON.stringify(k)}:${stableStringify(x)}`;
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
    if (!Object.hasOwn(ao, k)) continue;
    const x = ao[k];
    if (x === undefined) continue;
    na++;
    if (!deepEqual(x, bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (Object.hasOwn(bo, k) && bo[k] !== undefined) nb++;
  return na === nb;
}
