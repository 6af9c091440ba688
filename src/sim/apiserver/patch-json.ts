// JSON as the API server reads a PATCH body, and the two patch formats that need no schema:
// - goJsonParse: encoding/json's syntax check first (scanner.go), so a malformed body gets Go's
//   exact text (`unexpected end of JSON input`, `invalid character '}' looking for beginning of
//   object key string`), then the value;
// - mergePatch: RFC 7386 JSON merge patch [evanphx/json-patch v4 merge.go MergePatch];
// (RFC 6902 JSON patch is patch-jsonpatch.ts.)

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
