// The parser of client-go util/jsonpath (kubectl's `-o jsonpath=`), ported rule for rule so the
// same templates parse, and fail, the same way. Not generic JSONPath: text outside `{…}` is
// literal, `range`/`end` are keywords, `[?()]` filters compare one value with one value.
// Written iteratively (Go's version recurses per token) so a 10,000-character template cannot
// exhaust the JS stack.

export interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

export type JPNode =
  | { type: 'list'; nodes: JPNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: JPList; right: JPList; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; lists: JPList[] }
  | { type: 'identifier'; name: string };

export type JPList = { type: 'list'; nodes: JPNode[] };

export class JsonPathParseError extends Error {}

const SLICE_RE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY_RE = /^'([^']*)'$/;
const FILTER_RE = /^([^!<>=]+)([!<>=~]+)(.+?)$/s;

function isTerminator(c: string | undefined): boolean {
  return c === undefined || ' \t\r\n.,[]$@{}'.includes(c);
}
function isAlphaNumeric(c: string | undefined): boolean {
  return c !== undefined && /^[\p{L}\p{Nd}_]$/u.test(c);
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && /^\p{Nd}$/u.test(c);
}

/** `%#U` of a rune: `U+0021 '!'`. */
function runeDesc(c: string): string {
  const cp = c.codePointAt(0) as number;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}

/** Parse a whole template. Throws JsonPathParseError with client-go's message. */
export function parseJsonPath(input: string): JPList {
  const root: JPList = { type: 'list', nodes: [] };
  let pos = 0;
  let start = 0;
  let inAction = false;
  let cur: JPList = root;

  const consume = (): string => {
    const v = input.slice(start, pos);
    start = pos;
    return v;
  };

  for (;;) {
    if (!inAction) {
      const idx = input.indexOf('{', pos);
      if (idx < 0) {
        pos = input.length;
        if (pos > start) root.nodes.push({ type: 'text', text: consume() });
        return root;
      }
      pos = idx;
      if (pos > start) root.nodes.push({ type: 'text', text: consume() });
      pos += 1;
      consume();
      cur = { type: 'list', nodes: [] };
      root.nodes.push(cur);
      inAction = true;
      continue;
    }
    // inside an action
    if (input.startsWith('}', pos)) {
      pos += 1;
      consume();
      inAction = false;
      continue;
    }
    if (input.startsWith('[?(', pos)) {
      pos += 3;
      consume();
      let begin = false;
      let end = false;
      let pair = '';
      for (;;) {
        const r = input[pos];
        pos++;
        if (r === undefined || r === '\n') throw new JsonPathParseError('unterminated filter');
        if (r === '"' || r === "'") {
          if (!begin) {
            begin = true;
            pair = r;
            continue;
          }
          if (input[pos - 2] !== '\\' && r === pair) end = true;
        } else if (r === ')') {
          if (begin === end) break;
        }
      }
      if (input[pos] !== ']') {
        if (pos < input.length) pos++;
        throw new JsonPathParseError('unclosed array expect ]');
      }
      pos++;
      const text = consume().slice(0, -2);
      const m = FILTER_RE.exec(text);
      if (!m) {
        cur.nodes.push({
          type: 'filter',
          left: parseAction(text),
          right: { type: 'list', nodes: [] },
          op: 'exists',
        });
      } else {
        const left = parseAction(m[1] as string);
        const right = parseAction(m[3] as string);
        cur.nodes.push({ type: 'filter', left, right, op: m[2] as string });
      }
      continue;
    }
    if (input.startsWith('..', pos)) {
      const last = cur.nodes[cur.nodes.length - 1];
      if (last && last.type === 'recursive')
        throw new JsonPathParseError('invalid multiple recursive descent');
      pos += 2;
      consume();
      cur.nodes.push({ type: 'recursive' });
      if (isAlphaNumeric(input[pos])) pos = parseField(pos);
      continue;
    }
    const r = input[pos];
    if (r === undefined || r === '\r' || r === '\n') throw new JsonPathParseError('unclosed action');
    // Surrogate pairs count as one rune.
    const cp = input.codePointAt(pos) as number;
    const ch = String.fromCodePoint(cp);
    pos += ch.length;
    if (ch === ' ' || ch === '@' || ch === '$') {
      consume();
    } else if (ch === '[') {
      for (;;) {
        const c = input[pos];
        pos++;
        if (c === undefined || c === '\n') throw new JsonPathParseError('unterminated array');
        if (c === ']') break;
      }
      parseArray(consume().slice(1, -1));
    } else if (ch === '"' || ch === "'") {
      for (;;) {
        const c = input[pos];
        pos++;
        if (c === undefined || c === '\n') throw new JsonPathParseError('unterminated quoted string');
        if (c === ch && input[pos - 2] !== '\\') break;
      }
      const value = consume();
      const s = unquoteExtend(value);
      if (s === undefined) throw new JsonPathParseError(`unquote string ${value} error invalid syntax`);
      cur.nodes.push({ type: 'text', text: s });
    } else if (ch === '.') {
      pos = parseField(pos);
    } else if (ch === '+' || ch === '-' || isDigit(ch)) {
      pos -= ch.length;
      if (input[pos] === '+' || input[pos] === '-') pos++;
      while (pos < input.length && (input[pos] === '.' || isDigit(input[pos]))) pos++;
      const value = consume();
      if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number.parseInt(value, 10) });
      else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value))
        cur.nodes.push({ type: 'float', value: Number(value) });
      else throw new JsonPathParseError(`cannot parse number ${value}`);
    } else if (isAlphaNumeric(ch)) {
      while (!isTerminator(input[pos])) pos++;
      const value = consume();
      if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
      else cur.nodes.push({ type: 'identifier', name: value });
    } else {
      throw new JsonPathParseError(`unrecognized character in action: ${runeDesc(ch)}`);
    }
  }

  function parseField(p: number): number {
    pos = p;
    consume();
    for (;;) {
      const c = input[pos];
      if (c === '\\') {
        pos += 2;
        if (pos > input.length) pos = input.length;
        continue;
      }
      if (isTerminator(c)) break;
      pos++;
    }
    const value = consume();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replaceAll('\\', '') });
    return pos;
  }

  function parseArray(raw: string): void {
    const text = raw === '*' ? ':' : raw;
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', lists: parts.map((s) => parseAction(`[${s.trim()}]`)) });
      return;
    }
    const dict = DICT_KEY_RE.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE_RE.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const params: ParamsEntry[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
          params.push({ value: Number.parseInt(v, 10), known: true, derived: false });
        }
      } else if (i === 1) {
        params.push({ value: (params[0] as ParamsEntry).value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.nodes.push({ type: 'array', params: params as [ParamsEntry, ParamsEntry, ParamsEntry] });
  }
}

/** parseAction: parse `{text}` and return its single action list. */
function parseAction(text: string): JPList {
  const root = parseJsonPath(`{${text}}`);
  const first = root.nodes[0];
  if (first && first.type === 'list') return first;
  return { type: 'list', nodes: [] };
}

const SIMPLE_ESC: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** UnquoteExtend: strconv.Unquote that also accepts single quotes. undefined = ErrSyntax. */
export function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0] as string;
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === quote) return undefined;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return undefined;
    const simple = SIMPLE_ESC[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === '"' || e === "'") {
      if (e !== quote) return undefined;
      out += e;
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
      i += 2 + n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      const v = Number.parseInt(oct, 8);
      if (v > 255) return undefined;
      out += String.fromCharCode(v);
      i += 4;
    } else return undefined;
  }
  return out;
}
