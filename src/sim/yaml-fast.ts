// A reader for the block-YAML subset manifests are written in, tried before js-yaml by
// parseManifests (yaml.ts). It returns the documents js-yaml's loadAll returns for the texts it
// accepts (empty documents left out, as parseManifests drops them anyway) and `undefined` for any
// text it does not fully understand, which then goes to js-yaml unchanged (same value, same error,
// same line and column). What it reads, with js-yaml 5.5.0's rules (dist/js-yaml.mjs):
// - block mappings and block sequences (`- x`, `- key: v`, `- - x`, a sequence at its parent
//   key's indent), every collection starting on a line of its own or compact after `- `;
// - one-line scalars: plain (resolved through the schema's own implicit tags, exactly as js-yaml's
//   constructScalar does, keys then made strings with String() as its mapTag does), single-quoted
//   (`''`), double-quoted (the simple escapes and \x / \u; \U declines);
// - `#` comments after whitespace or on their own line, blank lines, `---` separators on a line
//   of their own (a comment may follow);
// - every document starting at column 0.
// It declines (the whole text) on anything else: tabs, CR, BOM, control or non-BMP characters,
// `...`, directives, anchors, aliases, tags, flow collections, block scalars, `?` keys, a scalar
// continued on the next line, a value on a more indented line than its key, duplicate keys, `<<`,
// `__proto__`, nesting deeper than MAX_DEPTH.
import type { Schema } from 'js-yaml';

type Resolved = { value: unknown; tag: { tagName: string } };
/** js-yaml's Schema with its (internal, untyped) implicit scalar resolution, as constructScalar calls it. */
type ResolvingSchema = { resolveImplicitScalarTag(source: string): Resolved };

const MERGE_TAG = 'tag:yaml.org,2002:merge';
/** Collections nested deeper than this decline (js-yaml's maxDepth, 100, counts more than these). */
const MAX_DEPTH = 40;
/**
 * Characters the reader leaves to js-yaml: controls but LF (tab and CR among them), DEL and C1,
 * surrogates, BOM and the non-characters js-yaml refuses.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it looks for
const DECLINE_CHARS = /[\x00-\x09\x0B-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

const DECLINE = new Error('fast YAML reader declines');

// js-yaml's simpleEscapeSequence, for double-quoted scalars (a tab after `\` cannot occur here).
const SIMPLE_ESCAPES: Record<number, string> = {
  48: '\0',
  97: '\x07',
  98: '\b',
  116: '\t',
  110: '\n',
  118: '\v',
  102: '\f',
  114: '\r',
  101: '\x1B',
  32: ' ',
  34: '"',
  47: '/',
  92: '\\',
  78: '\u0085',
  95: '\u00A0',
  76: '\u2028',
  80: '\u2029',
};

const LF = 10;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

// The state of one read (the reader is synchronous and calls nothing that could re-enter it).
let s = '';
let n = 0;
/** The schema of the current read (one module-level object, so the calls below stay monomorphic). */
let schemaOf: ResolvingSchema | undefined;

/** A plain scalar's value and tag through the schema's implicit tags. */
function resolve(source: string): Resolved {
  if (schemaOf === undefined) throw DECLINE;
  return schemaOf.resolveImplicitScalarTag(source);
}
/** What the current line is: a content line, a `---` separator, or the end of the text. */
let kind = 0;
const CONTENT = 0;
const SEPARATOR = 1;
const END = 2;
/** The current line's start, its indent (spaces), its first non-space character; after a separator, where the next line starts. */
let lineStart = 0;
let indent = 0;
let contentStart = 0;
let afterSeparator = 0;
/** A scalar's value and where its text ends (after the closing quote, or the plain scalar's stop). */
let scalarValue: unknown = null;
let scalarStop = 0;
let plainEnd = 0;

/** The empty scalar's value (what `key:` with nothing after it reads as), resolved once per read. */
let emptyValue: unknown = null;

// Plain scalars repeat (keys above all): a direct-mapped memo of source text → resolved value, per
// read, so a repeated one costs a compare instead of a slice, the schema's resolvers and (for a key)
// the string's internalisation as a property name. The resolvers are pure functions of the text.
const MEMO_SIZE = 512;
const memoKeySource: (string | undefined)[] = new Array(MEMO_SIZE);
const memoKey: string[] = new Array(MEMO_SIZE);
const memoValueSource: (string | undefined)[] = new Array(MEMO_SIZE);
const memoValue: unknown[] = new Array(MEMO_SIZE);

function memoSlot(p: number, end: number): number {
  return ((end - p) * 7 + s.charCodeAt(p) * 31 + s.charCodeAt(end - 1)) & (MEMO_SIZE - 1);
}

/** The plain scalar [p, end)'s value through the schema's implicit tags. */
function plainValue(p: number, end: number): unknown {
  const slot = memoSlot(p, end);
  const known = memoValueSource[slot];
  if (known !== undefined && known.length === end - p && s.startsWith(known, p)) return memoValue[slot];
  const source = s.slice(p, end);
  const value = resolve(source).value;
  memoValueSource[slot] = source;
  memoValue[slot] = value;
  return value;
}

/** The plain key [p, end) as a property name: resolved through the schema, then String() as mapTag does. */
function plainKey(p: number, end: number): string {
  const slot = memoSlot(p, end);
  const known = memoKeySource[slot];
  if (known !== undefined && known.length === end - p && s.startsWith(known, p))
    return memoKey[slot] as string;
  const source = s.slice(p, end);
  const r = resolve(source);
  if (r.tag.tagName === MERGE_TAG) decline();
  const v = r.value;
  if (v !== null && typeof v === 'object') decline();
  const key = String(v);
  memoKeySource[slot] = source;
  memoKey[slot] = key;
  return key;
}

function decline(): never {
  throw DECLINE;
}

/** Move to the next line holding content (blank and comment lines skipped), from a line start. */
function nextLine(from: number): void {
  let p = from;
  for (;;) {
    if (p >= n) {
      kind = END;
      return;
    }
    let q = p;
    while (s.charCodeAt(q) === SPACE) q++;
    if (q >= n) {
      kind = END;
      return;
    }
    const c = s.charCodeAt(q);
    if (c === LF) {
      p = q + 1;
      continue;
    }
    if (c === HASH) {
      const e = s.indexOf('\n', q);
      if (e < 0) {
        kind = END;
        return;
      }
      p = e + 1;
      continue;
    }
    lineStart = p;
    indent = q - p;
    contentStart = q;
    if (q === p && (c === DASH || c === 46) && s.charCodeAt(q + 1) === c && s.charCodeAt(q + 2) === c) {
      // `---` alone (spaces and a comment may follow) separates documents; `...`, `--- x`, `---x` decline.
      if (c !== DASH) decline();
      let r = q + 3;
      if (r < n && s.charCodeAt(r) !== LF) {
        if (s.charCodeAt(r) !== SPACE) decline();
        while (s.charCodeAt(r) === SPACE) r++;
        if (r < n && s.charCodeAt(r) !== LF && s.charCodeAt(r) !== HASH) decline();
      }
      const e = s.indexOf('\n', r);
      afterSeparator = e < 0 ? n : e + 1;
      kind = SEPARATOR;
      return;
    }
    kind = CONTENT;
    return;
  }
}

/** The start of the line after the one holding `p`. */
function lineAfter(p: number): number {
  const e = s.indexOf('\n', p);
  return e < 0 ? n : e + 1;
}

/** `-` followed by a space, a line break or the end: a block sequence entry. */
function isEntry(p: number): boolean {
  if (s.charCodeAt(p) !== DASH) return false;
  const f = s.charCodeAt(p + 1);
  return f === SPACE || f === LF || p + 1 >= n;
}

/** js-yaml's canStartPlainScalar in block context (tab, CR and NUL cannot occur here). */
function canStartPlain(p: number): boolean {
  if (p >= n) return false;
  const c = s.charCodeAt(p);
  switch (c) {
    case SPACE:
    case LF:
    case HASH: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
      return false;
    case 63: // ?
    case DASH: {
      const f = s.charCodeAt(p + 1);
      return !(p + 1 >= n || f === SPACE || f === LF);
    }
    default:
      return true;
  }
}

/**
 * A one-line plain scalar from `p` (which canStartPlain): stops at `: `, at ` #`, at the line's end.
 * Sets plainEnd (trailing spaces left out) and scalarStop; returns false when it is empty.
 */
function scanPlain(p: number): boolean {
  let i = p;
  let end = p;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === LF) break;
    if (c === COLON) {
      const f = s.charCodeAt(i + 1);
      if (i + 1 >= n || f === SPACE || f === LF) break;
    } else if (c === HASH && s.charCodeAt(i - 1) === SPACE) break;
    if (c !== SPACE) end = i + 1;
    i++;
  }
  plainEnd = end;
  scalarStop = i;
  return end > p;
}

/** A one-line single-quoted scalar at `p`: sets scalarValue and scalarStop. */
function scanSingle(p: number): void {
  let i = p + 1;
  let doubled = false;
  for (;;) {
    if (i >= n) decline();
    const c = s.charCodeAt(i);
    if (c === LF) decline();
    if (c === 39) {
      if (s.charCodeAt(i + 1) === 39) {
        doubled = true;
        i += 2;
        continue;
      }
      break;
    }
    i++;
  }
  const raw = s.slice(p + 1, i);
  scalarValue = doubled ? raw.replaceAll("''", "'") : raw;
  scalarStop = i + 1;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}

/** A one-line double-quoted scalar at `p`: sets scalarValue and scalarStop. */
function scanDouble(p: number): void {
  let i = p + 1;
  let out = '';
  let from = i;
  for (;;) {
    if (i >= n) decline();
    const c = s.charCodeAt(i);
    if (c === LF) decline();
    if (c === 34) break;
    if (c === 92) {
      out += s.slice(from, i);
      const e = s.charCodeAt(i + 1);
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else {
        const len = e === 120 ? 2 : e === 117 ? 4 : 0; // \x, \u (\U and the rest decline)
        if (len === 0) decline();
        let code = 0;
        for (let k = 0; k < len; k++) {
          const d = hexDigit(s.charCodeAt(i + 2 + k));
          if (d < 0) decline();
          code = (code << 4) + d;
        }
        out += String.fromCharCode(code);
        i += 2 + len;
      }
      from = i;
      continue;
    }
    i++;
  }
  scalarValue = out + s.slice(from, i);
  scalarStop = i + 1;
}

/** The scalar at `p` (quoted or plain): sets scalarValue and scalarStop; declines on anything else. */
function scanScalar(p: number): void {
  const c = s.charCodeAt(p);
  if (c === 34) scanDouble(p);
  else if (c === 39) scanSingle(p);
  else {
    if (!canStartPlain(p) || !scanPlain(p)) decline();
    scalarValue = plainValue(p, plainEnd);
  }
}

/** After a value's scalar: nothing but spaces and a comment to the line's end; then the next line. */
function endOfLine(q: number): void {
  let r = q;
  while (r < n && s.charCodeAt(r) === SPACE) r++;
  if (r < n) {
    const c = s.charCodeAt(r);
    if (c !== LF && !(c === HASH && s.charCodeAt(r - 1) === SPACE)) decline();
  }
  nextLine(lineAfter(r));
}

/** A mapping key at `p`; returns its string, leaves scalarStop after the `: `'s colon. */
function readKey(p: number): string {
  const c = s.charCodeAt(p);
  let key: string;
  if (c === 34 || c === 39) {
    if (c === 34) scanDouble(p);
    else scanSingle(p);
    key = scalarValue as string;
  } else {
    if (!canStartPlain(p) || !scanPlain(p)) decline();
    key = plainKey(p, plainEnd);
  }
  let q = scalarStop;
  while (s.charCodeAt(q) === SPACE) q++;
  if (s.charCodeAt(q) !== COLON) decline();
  q++;
  const f = s.charCodeAt(q);
  if (!(q >= n || f === SPACE || f === LF)) decline();
  if (key === '__proto__') decline();
  scalarStop = q;
  return key;
}

/** Whether the node at `p` is a mapping (a key and `: ` on its line). */
function isMappingStart(p: number): boolean {
  const c = s.charCodeAt(p);
  if (c === 34) scanDouble(p);
  else if (c === 39) scanSingle(p);
  else if (!canStartPlain(p) || !scanPlain(p)) return false;
  let q = scalarStop;
  while (s.charCodeAt(q) === SPACE) q++;
  if (s.charCodeAt(q) !== COLON) return false;
  const f = s.charCodeAt(q + 1);
  return q + 1 >= n || f === SPACE || f === LF;
}

/** The collection starting on the current line at its content: a sequence or a mapping (a scalar declines). */
function readBlock(depth: number): unknown {
  return isEntry(contentStart)
    ? readSequence(contentStart, indent, depth)
    : readMapping(contentStart, indent, depth);
}

/** A node whose value is on the lines below (after `key:` or `-`), or the empty scalar. */
function readBelow(q: number, column: number, depth: number, sameIndentSequence: boolean, empty: unknown) {
  nextLine(lineAfter(q));
  if (kind !== CONTENT) return empty;
  if (indent > column) return readBlock(depth);
  if (sameIndentSequence && indent === column && isEntry(contentStart))
    return readSequence(contentStart, column, depth);
  return empty;
}

function readMapping(start: number, column: number, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) decline();
  const empty = emptyValue;
  const map: Record<string, unknown> = {};
  let p = start;
  for (;;) {
    const key = readKey(p);
    if (Object.hasOwn(map, key)) decline();
    let q = scalarStop;
    while (s.charCodeAt(q) === SPACE) q++;
    const c = s.charCodeAt(q);
    if (q >= n || c === LF || c === HASH) {
      map[key] = readBelow(q, column, depth + 1, true, empty);
    } else {
      scanScalar(q);
      map[key] = scalarValue;
      endOfLine(scalarStop);
    }
    if (kind !== CONTENT || indent < column) return map;
    if (indent > column) decline();
    p = contentStart;
  }
}

function readSequence(start: number, column: number, depth: number): unknown[] {
  if (depth > MAX_DEPTH) decline();
  const empty = emptyValue;
  const seq: unknown[] = [];
  let p = start;
  for (;;) {
    let q = p + 1;
    while (s.charCodeAt(q) === SPACE) q++;
    const c = s.charCodeAt(q);
    if (q >= n || c === LF || c === HASH) {
      seq.push(readBelow(q, column, depth + 1, false, empty));
    } else if (isEntry(q)) {
      seq.push(readSequence(q, q - lineStart, depth + 1));
    } else if (isMappingStart(q)) {
      seq.push(readMapping(q, q - lineStart, depth + 1));
    } else {
      scanScalar(q);
      seq.push(scalarValue);
      endOfLine(scalarStop);
    }
    if (kind !== CONTENT || indent < column) return seq;
    if (indent > column) decline();
    if (!isEntry(contentStart)) return seq;
    p = contentStart;
  }
}

/**
 * The documents of `text` as js-yaml's loadAll reads them with `schema` (empty documents left
 * out), or undefined when the text is outside the subset this reader knows.
 */
export function readManifestsFast(text: string, schema: Schema): unknown[] | undefined {
  const resolving = schema as unknown as Partial<ResolvingSchema>;
  if (typeof resolving.resolveImplicitScalarTag !== 'function') return undefined;
  if (DECLINE_CHARS.test(text)) return undefined;
  s = text;
  n = text.length;
  schemaOf = resolving as ResolvingSchema;
  memoKeySource.fill(undefined);
  memoValueSource.fill(undefined);
  try {
    emptyValue = resolve('').value;
    const docs: unknown[] = [];
    nextLine(0);
    while (kind !== END) {
      if (kind === SEPARATOR) {
        nextLine(afterSeparator);
        continue;
      }
      if (indent !== 0) return undefined;
      docs.push(readBlock(1));
      if (kind === CONTENT) return undefined;
    }
    return docs;
  } catch {
    return undefined;
  } finally {
    schemaOf = undefined;
    s = '';
    scalarValue = null;
    memoKeySource.fill(undefined);
    memoValueSource.fill(undefined);
    memoValue.fill(undefined);
  }
}
