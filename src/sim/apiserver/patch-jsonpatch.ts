// RFC 6902 JSON patch as gopkg.in/evanphx/json-patch.v4 v4.12.0 (patch.go) applies it, which both
// the API server and kubectl's client-side dry run use. Its departures from the RFC are kept:
// `replace` of an absent object member sets it (partialDoc.get finds no error), `add` without a
// value adds null, negative array indices count from the end (SupportNegativeIndices), a path
// without a leading `/` is read from its second segment, and a null member cannot be walked
// through. Errors carry the library's text (errors.Wrapf: `<context>: <cause>`).
import { isPlainObject } from './patch-json';

// biome-ignore lint/suspicious/noExplicitAny: JSON values.
type Any = any;

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

class OpError extends Error {}

function fail(msg: string): never {
  throw new OpError(msg);
}

const decodeKey = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~');

/** strconv.Atoi's error for a key that is not a number. */
function atoi(key: string): number | string {
  if (/^[+-]?\d+$/.test(key)) {
    const n = Number(key);
    if (Number.isSafeInteger(n)) return n;
    return `strconv.Atoi: parsing ${JSON.stringify(key)}: value out of range`;
  }
  return `strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
}

type Container = Record<string, unknown> | unknown[];

/** container.get: (value, undefined) or (undefined, error text). A missing member is no error. */
function get(con: Container, key: string): { value: unknown; error?: string } {
  if (!Array.isArray(con)) return { value: Object.hasOwn(con, key) ? con[key] : undefined };
  const n = atoi(key);
  if (typeof n === 'string') return { value: undefined, error: n };
  let idx = n;
  if (idx < 0) {
    if (idx < -con.length)
      return { value: undefined, error: `Unable to access invalid index: ${idx}: ${INVALID_INDEX}` };
    idx += con.length;
  }
  if (idx >= con.length)
    return { value: undefined, error: `Unable to access invalid index: ${idx}: ${INVALID_INDEX}` };
  return { value: con[idx] };
}

function add(con: Container, key: string, val: unknown): string | undefined {
  if (!Array.isArray(con)) {
    con[key] = val;
    return undefined;
  }
  if (key === '-') {
    con.push(val);
    return undefined;
  }
  const n = atoi(key);
  if (typeof n === 'string') return `value was not a proper array index: '${key}': ${n}`;
  let idx = n;
  const size = con.length + 1;
  if (idx >= size) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
  if (idx < 0) {
    if (idx < -size) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
    idx += size;
  }
  con.splice(idx, 0, val);
  return undefined;
}

function remove(con: Container, key: string): string | undefined {
  if (!Array.isArray(con)) {
    if (!Object.hasOwn(con, key)) return `Unable to remove nonexistent key: ${key}: ${MISSING}`;
    delete con[key];
    return undefined;
  }
  const n = atoi(key);
  if (typeof n === 'string') return n;
  let idx = n;
  if (idx >= con.length) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
  if (idx < 0) {
    if (idx < -con.length) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
    idx += con.length;
  }
  con.splice(idx, 1);
  return undefined;
}

function set(con: Container, key: string, val: unknown): string | undefined {
  if (!Array.isArray(con)) {
    con[key] = val;
    return undefined;
  }
  const n = atoi(key);
  if (typeof n === 'string') return n;
  con[n < 0 ? n + con.length : n] = val;
  return undefined;
}

/** findObject: the container of the last segment and that segment, or undefined. */
function findObject(doc: Container, path: string): { con: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    const next = get(cur, decodeKey(part));
    if (next.error !== undefined || next.value === undefined || next.value === null) return undefined;
    if (!Array.isArray(next.value) && !isPlainObject(next.value)) return undefined;
    cur = next.value as Container;
  }
  return { con: cur, key: decodeKey(split[split.length - 1] as string) };
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
}

/** Operation.Path / From: the string, or the library's error when absent or not a string. */
function field(op: Record<string, unknown>, name: 'path' | 'from'): string | undefined {
  const v = op[name];
  return typeof v === 'string' ? v : undefined;
}

function applyOne(root: { doc: Container }, op: Record<string, unknown>): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const value = structuredClone(op.value ?? null);
  const path = field(op, 'path');
  switch (kind) {
    case 'add': {
      if (path === undefined) fail(`add operation failed to decode path: ${MISSING}`);
      const f = findObject(root.doc, path as string);
      if (!f) fail(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      const e = add(f.con, f.key, value);
      if (e) fail(`error in add for path: '${path}': ${e}`);
      return;
    }
    case 'remove': {
      if (path === undefined) fail(`remove operation failed to decode path: ${MISSING}`);
      const f = findObject(root.doc, path as string);
      if (!f) fail(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      const e = remove(f.con, f.key);
      if (e) fail(`error in remove for path: '${path}': ${e}`);
      return;
    }
    case 'replace': {
      if (path === undefined)
        fail(`replace operation failed to decode path: operation missing path field: ${MISSING}`);
      if (path === '') {
        if (!Array.isArray(value) && !isPlainObject(value))
          fail('replace operation value must be object or array');
        root.doc = value as Container;
        return;
      }
      const f = findObject(root.doc, path as string);
      if (!f) fail(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
      if (get(f.con, f.key).error !== undefined) {
        fail(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
      }
      const e = set(f.con, f.key, value);
      if (e) fail(`error in remove for path: '${path}': ${e}`);
      return;
    }
    case 'move':
    case 'copy': {
      const from = field(op, 'from');
      if (from === undefined)
        fail(`${kind} operation failed to decode from: operation, missing from field: ${MISSING}`);
      const src = findObject(root.doc, from as string);
      if (!src) fail(`${kind} operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      const got = get(src.con, src.key);
      if (got.error !== undefined) {
        fail(
          kind === 'move'
            ? `error in move for path: '${src.key}': ${got.error}`
            : `error in copy for from: '${from}': ${got.error}`,
        );
      }
      if (kind === 'move') {
        const e = remove(src.con, src.key);
        if (e) fail(`error in move for path: '${src.key}': ${e}`);
      }
      if (path === undefined) {
        fail(
          kind === 'move'
            ? `move operation failed to decode path: operation missing path field: ${MISSING}`
            : `copy operation failed to decode path: ${MISSING}`,
        );
      }
      const dst = findObject(root.doc, path as string);
      if (!dst)
        fail(`${kind} operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      const e = add(
        dst.con,
        dst.key,
        kind === 'copy' ? structuredClone(got.value ?? null) : (got.value ?? null),
      );
      if (e)
        fail(
          kind === 'move'
            ? `error in move for path: '${path}': ${e}`
            : `error while adding value during copy: ${e}`,
        );
      return;
    }
    case 'test': {
      if (path === undefined)
        fail(`test operation failed to decode path: operation missing path field: ${MISSING}`);
      if (path === '') {
        if (!jsonEqual(root.doc, value)) fail(`testing value ${path} failed: test failed`);
        return;
      }
      const f = findObject(root.doc, path as string);
      if (!f) fail(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
      const got = get(f.con, f.key);
      if (got.error !== undefined) fail(`error in test for path: '${path}': ${got.error}`);
      const have = got.value ?? null;
      if (!jsonEqual(have, value)) fail(`testing value ${path} failed: test failed`);
      return;
    }
    default:
      fail(`Unexpected kind: ${kind}`);
  }
}

/** Apply the operations to a copy of `doc`: the result, or the first failure's text. */
export function applyJsonPatch(
  doc: unknown,
  ops: readonly unknown[],
): { ok: true; doc: unknown } | { ok: false; message: string } {
  const root: { doc: Container } = { doc: structuredClone(doc) as Container };
  try {
    for (const op of ops) applyOne(root, (isPlainObject(op) ? op : {}) as Any);
  } catch (e) {
    if (e instanceof OpError) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, doc: root.doc };
}
