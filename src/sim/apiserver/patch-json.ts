// JSON as the API server reads a PATCH body, and the two patch formats that need no schema:
// - goJsonParse: encoding/json's syntax check first (scanner.go), so a malformed body gets Go's
//   exact text (`unexpected end of JSON input`, `invalid character '}' looking for beginning of
//   object key string`), then the value;
// - mergePatch: RFC 7386 JSON merge patch [evanphx/json-patch v4 merge.go MergePatch];
// - jsonPatch: RFC 6902 JSON patch [evanphx/json-patch v4 patch.go]. Its failures all reach the
//   client as the same generic 422 (handlers/patch.go wraps them in NewGenericServerResponse,
//   which keeps none of the text), so they carry no message here.

// biome-ignore lint/suspicious/noExplicitAny: JSON values.
type Any = any;

export type GoJson = { ok: true; value: unknown } | { ok: false; message: string };

/** strconv.Quote of one byte read as a rune, in single quotes (scanner.go quoteChar). */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const named: Record<number, string> = {
    7: '\\a',
    8: '\\b',
    9: '\\t',
    10: '\\n',
    11: '\\v',
    12: '\\f',
    13: '\\r',
  };
  const n = named[c];
  if (n) return `'${n}'`;
  if (c === 0x5c) return "'\\\\'";
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  // Latin-1 runes: U+0080–U+00A0 and the soft hyphen are not printable (unicode.IsPrint).
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${c.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

class SyntaxErr extends Error {}

/** checkValid: walk the bytes as Go's scanner does; throws SyntaxErr with its message. */
function checkValid(b: Uint8Array): void {
  let i = 0;
  const eof = () => new SyntaxErr('unexpected end of JSON input');
  const bad = (context: string) => new SyntaxErr(`invalid character ${quoteChar(b[i] as number)} ${context}`);
  const skip = () => {
    while (i < b.length && isSpace(b[i] as number)) i++;
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= b.length) throw eof();
      if (b[i] !== word.charCodeAt(k)) throw bad(`in literal ${word} (expecting '${word[k]}')`);
    }
    i++;
  };
  const str = () => {
    i++; // opening quote
    for (;;) {
      if (i >= b.length) throw eof();
      const c = b[i] as number;
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        i++;
        if (i >= b.length) throw eof();
        const e = b[i] as number;
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= b.length) throw eof();
            if (!isHex(b[i] as number)) throw bad('in \\u hexadecimal character escape');
          }
        } else if (!'bfnrt\\/"'.includes(String.fromCharCode(e))) throw bad('in string escape code');
        i++;
        continue;
      }
      if (c < 0x20) throw bad('in string literal');
      i++;
    }
  };
  const num = () => {
    if (b[i] === 0x2d) {
      i++;
      if (i >= b.length) throw eof();
      if (!isDigit(b[i] as number)) throw bad('in numeric literal');
    }
    if (b[i] === 0x30) i++;
    else while (i < b.length && isDigit(b[i] as number)) i++;
    if (b[i] === 0x2e) {
      i++;
      if (i >= b.length) throw eof();
      if (!isDigit(b[i] as number)) throw bad('after decimal point in numeric literal');
      while (i < b.length && isDigit(b[i] as number)) i++;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++;
      if (i >= b.length) throw eof();
      if (b[i] === 0x2b || b[i] === 0x2d) {
        i++;
        if (i >= b.length) throw eof();
      }
      if (!isDigit(b[i] as number)) throw bad('in exponent of numeric literal');
      while (i < b.length && isDigit(b[i] as number)) i++;
    }
  };
  const value = (depth: number) => {
    if (depth > 10000) throw new SyntaxErr('exceeded max depth');
    skip();
    if (i >= b.length) throw eof();
    const c = b[i] as number;
    if (c === 0x7b) {
      i++;
      skip();
      if (i >= b.length) throw eof();
      if (b[i] === 0x7d) {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (i >= b.length) throw eof();
        if (b[i] !== 0x22) throw bad('looking for beginning of object key string');
        str();
        skip();
        if (i >= b.length) throw eof();
        if (b[i] !== 0x3a) throw bad('after object key');
        i++;
        value(depth + 1);
        skip();
        if (i >= b.length) throw eof();
        if (b[i] === 0x2c) {
          i++;
          continue;
        }
        if (b[i] === 0x7d) {
          i++;
          return;
        }
        throw bad('after object key:value pair');
      }
    }
    if (c === 0x5b) {
      i++;
      skip();
      if (i >= b.length) throw eof();
      if (b[i] === 0x5d) {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        skip();
        if (i >= b.length) throw eof();
        if (b[i] === 0x2c) {
          i++;
          continue;
        }
        if (b[i] === 0x5d) {
          i++;
          return;
        }
        throw bad('after array element');
      }
    }
    if (c === 0x22) return str();
    if (c === 0x2d || isDigit(c)) return num();
    if (c === 0x74) return literal('true');
    if (c === 0x66) return literal('false');
    if (c === 0x6e) return literal('null');
    throw bad('looking for beginning of value');
  };
  value(0);
  skip();
  if (i < b.length) throw bad('after top-level value');
}

/** json.Unmarshal into interface{}: Go's syntax error text, or the value. */
export function goJsonParse(text: string): GoJson {
  try {
    checkValid(new TextEncoder().encode(text));
  } catch (e) {
    if (e instanceof SyntaxErr) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, value: JSON.parse(text) };
}

/** The JSON type name encoding/json uses in an UnmarshalTypeError. */
export function goJsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // 'string' | 'number'
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7386: objects merge key by key, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Any = isPlainObject(target) ? { ...target } : {};
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** RFC 6901 pointer → reference tokens (`~1` is `/`, `~0` is `~`); undefined if malformed. */
function pointer(path: unknown): string[] | undefined {
  if (typeof path !== 'string') return undefined;
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(tok: string, len: number, forAdd: boolean): number | undefined {
  if (forAdd && tok === '-') return len;
  if (!/^(0|[1-9][0-9]*)$/.test(tok)) return undefined;
  const n = Number(tok);
  return n <= (forAdd ? len : len - 1) ? n : undefined;
}

/** The container holding the last token, or undefined if a step is missing. */
function parentOf(doc: unknown, toks: string[]): unknown {
  let cur: unknown = doc;
  for (const t of toks.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = arrayIndex(t, cur.length, false);
      if (i === undefined) return undefined;
      cur = cur[i];
    } else if (isPlainObject(cur) && Object.hasOwn(cur, t)) cur = cur[t];
    else return undefined;
  }
  return cur;
}

function getAt(doc: unknown, toks: string[]): { found: boolean; value?: unknown } {
  if (toks.length === 0) return { found: true, value: doc };
  const p = parentOf(doc, toks);
  const last = toks[toks.length - 1] as string;
  if (Array.isArray(p)) {
    const i = arrayIndex(last, p.length, false);
    return i === undefined ? { found: false } : { found: true, value: p[i] };
  }
  if (isPlainObject(p) && Object.hasOwn(p, last)) return { found: true, value: p[last] };
  return { found: false };
}

function removeAt(doc: unknown, toks: string[]): boolean {
  const p = parentOf(doc, toks);
  const last = toks[toks.length - 1] as string;
  if (Array.isArray(p)) {
    const i = arrayIndex(last, p.length, false);
    if (i === undefined) return false;
    p.splice(i, 1);
    return true;
  }
  if (isPlainObject(p) && Object.hasOwn(p, last)) {
    delete p[last];
    return true;
  }
  return false;
}

function addAt(doc: unknown, toks: string[], value: unknown): boolean {
  const p = parentOf(doc, toks);
  const last = toks[toks.length - 1] as string;
  if (Array.isArray(p)) {
    const i = arrayIndex(last, p.length, true);
    if (i === undefined) return false;
    p.splice(i, 0, value);
    return true;
  }
  if (isPlainObject(p)) {
    p[last] = value;
    return true;
  }
  return false;
}

function replaceAt(doc: unknown, toks: string[], value: unknown): boolean {
  const p = parentOf(doc, toks);
  const last = toks[toks.length - 1] as string;
  if (Array.isArray(p)) {
    const i = arrayIndex(last, p.length, false);
    if (i === undefined) return false;
    p[i] = value;
    return true;
  }
  if (isPlainObject(p) && Object.hasOwn(p, last)) {
    p[last] = value;
    return true;
  }
  return false;
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

/**
 * Apply RFC 6902 operations to a copy of `doc`; undefined when one fails (a missing path, an
 * unknown op, a failed test), as the whole patch then fails. The document root cannot be replaced.
 */
export function jsonPatch(doc: unknown, ops: readonly unknown[]): unknown | undefined {
  const out = structuredClone(doc);
  for (const raw of ops) {
    if (!isPlainObject(raw)) return undefined;
    const toks = pointer(raw.path);
    if (!toks || toks.length === 0) return undefined;
    const has = Object.hasOwn(raw, 'value');
    const value = structuredClone(raw.value);
    switch (raw.op) {
      case 'add':
        if (!has || !addAt(out, toks, value)) return undefined;
        break;
      case 'remove':
        if (!removeAt(out, toks)) return undefined;
        break;
      case 'replace':
        if (!has || !replaceAt(out, toks, value)) return undefined;
        break;
      case 'move':
      case 'copy': {
        const from = pointer(raw.from);
        if (!from || from.length === 0) return undefined;
        const got = getAt(out, from);
        if (!got.found) return undefined;
        if (raw.op === 'move' && !removeAt(out, from)) return undefined;
        if (!addAt(out, toks, structuredClone(got.value))) return undefined;
        break;
      }
      case 'test': {
        const got = getAt(out, toks);
        if (!got.found || !jsonEqual(got.value, raw.value)) return undefined;
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}
