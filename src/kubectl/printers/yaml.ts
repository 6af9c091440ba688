// `kubectl get -o yaml` output: sigs.k8s.io/yaml → go-yaml v2 marshalling of the object's JSON
// form. What that looks like: map keys sorted; 2-space indent; a sequence under a mapping key is
// NOT indented ("containers:\n- image: …"); strings that would read back as another type (numbers,
// booleans, null, timestamps, "") are double-quoted; strings plain YAML cannot carry are
// single-quoted; strings with a newline use a literal block (`|`, `|-`, `|+`); long plain and
// single-quoted scalars are folded at the first space past column 80 (libyaml best_width).
import { goStringLess } from './gofmt';

const BEST_WIDTH = 80;

// go-yaml v2 resolve(): plain scalars that would decode to something other than a string.
const YAML11_SPECIAL = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);
const INT_RE = /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]*|[1-9][0-9_]*|0o[0-7_]+)$/;
const FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_RE = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP_RE = /^\d{4}-\d\d?-\d\d?([Tt ]|$)/;

function resolvesToNonString(s: string): boolean {
  if (s === '') return true;
  if (YAML11_SPECIAL.has(s)) return true;
  const c = s.charCodeAt(0);
  // Only strings starting like a number can be numbers or timestamps.
  if (!(c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57))) return false;
  return INT_RE.test(s) || FLOAT_RE.test(s) || BASE60_RE.test(s) || TIMESTAMP_RE.test(s);
}

/** libyaml yaml_emitter_analyze_scalar: may this string be written plain in block context? */
function plainAllowed(s: string): boolean {
  if (s.startsWith('---') || s.startsWith('...')) return false;
  const first = s[0] as string;
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ((first === '-' || first === '?' || first === ':') && (s.length === 1 || s[1] === ' ')) return false;
  if (first === ' ' || s[s.length - 1] === ' ') return false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 0x20 || ch === 0x7f || (ch >= 0x80 && ch < 0xa0) || ch === 0xfeff) return false;
    if (ch === 58 /* : */ && (i + 1 === s.length || s[i + 1] === ' ')) return false;
    if (ch === 35 /* # */ && s[i - 1] === ' ') return false;
    if (ch === 32 && s[i + 1] === ' ') continue;
  }
  return true;
}

function needsDoubleQuotes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if ((ch < 0x20 && ch !== 10) || ch === 0x7f || (ch >= 0x80 && ch < 0xa0) || ch === 0xfeff) return true;
  }
  return false;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c === 0) out += '\\0';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0xfeff)
      out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Write `text` folding at spaces once the column passes BEST_WIDTH (libyaml write_plain). */
function fold(text: string, startColumn: number, indent: number): string {
  if (startColumn + text.length <= BEST_WIDTH) return text;
  let out = '';
  let column = startColumn;
  let prevSpace = false;
  const ind = `\n${' '.repeat(indent)}`;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === ' ') {
      if (!prevSpace && column > BEST_WIDTH && i + 1 < text.length && text[i + 1] !== ' ' && i !== 0) {
        out += ind;
        column = indent;
      } else {
        out += ch;
        column++;
      }
      prevSpace = true;
    } else {
      out += ch;
      column++;
      prevSpace = false;
    }
  }
  return out;
}

/** A scalar string in value position at `column`; continuation lines indent at `indent`. */
function scalarString(s: string, column: number, indent: number): string {
  if (resolvesToNonString(s)) return doubleQuoted(s);
  if (s.includes('\n')) {
    if (needsDoubleQuotes(s)) return doubleQuoted(s);
    let chomp = '-';
    let body = s;
    if (s.endsWith('\n')) {
      chomp = s.endsWith('\n\n') ? '+' : '';
      body = chomp === '+' ? s.slice(0, -1) : s.slice(0, -1);
    }
    const pad = ' '.repeat(indent);
    const lead = body.startsWith(' ') ? '2' : '';
    const lines = body.split('\n').map((l) => (l === '' ? '' : pad + l));
    return `|${lead}${chomp}\n${lines.join('\n')}`;
  }
  if (needsDoubleQuotes(s)) return doubleQuoted(s);
  if (plainAllowed(s)) return fold(s, column, indent);
  return fold(`'${s.replace(/'/g, "''")}'`, column, indent);
}

function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return scalarString(v, column, indent);
  if (typeof v === 'number')
    return Number.isFinite(v) ? String(v) : v > 0 ? '.inf' : v < 0 ? '-.inf' : '.nan';
  return String(v);
}

function isEmptyCollection(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0 ? '{}' : undefined;
  return undefined;
}

function keyText(k: string): string {
  if (resolvesToNonString(k) || needsDoubleQuotes(k)) return doubleQuoted(k);
  if (!plainAllowed(k)) return `'${k.replace(/'/g, "''")}'`;
  return k;
}

function emitMap(o: Record<string, unknown>, indent: number, out: string[], firstPrefix?: string): void {
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort(goStringLess);
  const pad = ' '.repeat(indent);
  keys.forEach((k, i) => {
    const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : pad;
    const v = o[k];
    const kt = `${prefix}${keyText(k)}:`;
    const empty = isEmptyCollection(v);
    if (empty) out.push(`${kt} ${empty}`);
    else if (Array.isArray(v)) {
      out.push(kt);
      emitSeq(v, indent, out);
    } else if (v !== null && typeof v === 'object') {
      out.push(kt);
      emitMap(v as Record<string, unknown>, indent + 2, out);
    } else out.push(`${kt} ${scalar(v, kt.length + 1, indent + 2)}`);
  });
}

function emitSeq(a: unknown[], indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const v of a) {
    const empty = isEmptyCollection(v);
    if (empty) out.push(`${pad}- ${empty}`);
    else if (Array.isArray(v)) {
      // go-yaml puts a nested sequence's first item on the dash line.
      const sub: string[] = [];
      emitSeq(v, indent + 2, sub);
      out.push(`${pad}- ${(sub[0] as string).slice(indent + 2)}`, ...sub.slice(1));
    } else if (v !== null && typeof v === 'object') {
      emitMap(v as Record<string, unknown>, indent + 2, out, `${pad}- `);
    } else out.push(`${pad}- ${scalar(v, indent + 2, indent + 2)}`);
  }
}

/** Marshal a JSON-compatible value the way `kubectl get -o yaml` prints it (ends with `\n`). */
export function toYaml(v: unknown): string {
  const out: string[] = [];
  const empty = isEmptyCollection(v);
  if (empty) return `${empty}\n`;
  if (Array.isArray(v)) emitSeq(v, 0, out);
  else if (v !== null && typeof v === 'object') emitMap(v as Record<string, unknown>, 0, out);
  else return `${scalar(v, 0, 0)}\n`;
  return `${out.join('\n')}\n`;
}
