// What the API server's JSON serializer writes for a typed object [apimachinery v0.34.9
// runtime/serializer/json/json.go doEncode: json.NewEncoder(w).Encode(obj), so compact with one
// trailing newline; `?pretty=true` is json.MarshalIndent(obj, "", "  ") with none]. The object
// goes through a decode into its Go struct first, so the keys come out in struct order
// (./get-raw-structs), unknown keys are gone, omitempty drops Go's zero values and the fields
// without omitempty appear with their zero value. Maps (labels, data, selector) are sorted by key
// as encoding/json sorts them, and strings are escaped as encoding/json does (HTML-safe: <, >, &,
// U+2028 and U+2029 as \u escapes).
import { RAW_STRUCTS } from './get-raw-structs';

interface Field {
  name: string;
  /** Struct type of a `!T` or `:T` field. */
  type: string | undefined;
  /** `!T`: a value struct, always written. */
  value: boolean;
  /** `?`: omitempty on a value field (dropped when zero). */
  omitZero: boolean;
  /** `=X`: the zero literal written when absent. */
  zero: string | undefined;
}

const ZEROS: Record<string, string> = { z: 'null', s: '""', n: '0', b: 'false', q: '"0"' };

const parsed = new Map<string, Field[]>();

function fieldsOf(type: string): Field[] | undefined {
  const hit = parsed.get(type);
  if (hit) return hit;
  const spec = RAW_STRUCTS[type];
  if (spec === undefined) return undefined;
  const fields = spec.split(' ').map((w): Field => {
    const m = /^([A-Za-z0-9]+)(?:([!:])([A-Za-z0-9.]+))?(\?)?(?:=([a-z]))?$/.exec(w) as RegExpExecArray;
    return {
      name: m[1] as string,
      type: m[3],
      value: m[2] === '!',
      omitZero: m[4] === '?',
      zero: m[5] === undefined ? undefined : ZEROS[m[5]],
    };
  });
  parsed.set(type, fields);
  return fields;
}

/** encoding/json's string: HTML-safe escaping of <, >, & and the JS line separators. */
function goString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Go's zero for omitempty: false, 0, "", and empty arrays and maps. */
function isZero(v: unknown): boolean {
  if (v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.keys(v).every((k) => v[k] === undefined);
}

const byteLess = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A value with no struct behind it: maps with sorted keys, everything else as is. */
function writePlain(v: unknown, out: string[]): void {
  if (v === null || v === undefined) out.push('null');
  else if (typeof v === 'string') out.push(goString(v));
  else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
  else if (Array.isArray(v)) {
    out.push('[');
    v.forEach((x, i) => {
      if (i > 0) out.push(',');
      writePlain(x, out);
    });
    out.push(']');
  } else {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(byteLess);
    out.push('{');
    keys.forEach((k, i) => {
      if (i > 0) out.push(',');
      out.push(`${goString(k)}:`);
      writePlain(o[k], out);
    });
    out.push('}');
  }
}

function writeStruct(v: unknown, type: string, out: string[]): void {
  const fields = fieldsOf(type);
  if (!fields) {
    writePlain(v, out);
    return;
  }
  const src = isObject(v) ? v : {};
  out.push('{');
  let first = true;
  for (const f of fields) {
    const val = src[f.name];
    const absent = val === undefined || val === null;
    let text: string[] | undefined;
    if (f.value && f.type) {
      text = [];
      writeStruct(absent ? {} : val, f.type, text);
    } else if (absent) {
      if (f.zero !== undefined) text = [f.zero];
    } else if (!(f.omitZero && isZero(val))) {
      text = [];
      if (f.type && Array.isArray(val)) {
        const t = f.type;
        text.push('[');
        val.forEach((x, i) => {
          if (i > 0) text?.push(',');
          writeStruct(x, t, text as string[]);
        });
        text.push(']');
      } else if (f.type) writeStruct(val, f.type, text);
      else writePlain(val, text);
    }
    if (text === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(`${goString(f.name)}:`, ...text);
  }
  out.push('}');
}

/** json.Marshal of `v` decoded into the Go struct `type` (compact, no newline). */
export function marshalTyped(v: unknown, type: string): string {
  const out: string[] = [];
  writeStruct(v, type, out);
  return out.join('');
}

/** json.Marshal of a value with no Go struct behind it (maps sorted). */
export function marshalPlain(v: unknown): string {
  const out: string[] = [];
  writePlain(v, out);
  return out.join('');
}

/**
 * json.MarshalIndent(…, "", "  ") of compact JSON text (`?pretty=true`). Re-indenting the compact
 * text keeps the key order; Go's indent leaves `{}` and `[]` as they are.
 */
export function indentJson(compact: string, step = '  '): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += compact[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (compact[i + 1] === close) {
        out += c + close;
        i++;
      } else {
        depth++;
        out += `${c}\n${step.repeat(depth)}`;
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += `\n${step.repeat(depth)}${c}`;
    } else if (c === ',') out += `,\n${step.repeat(depth)}`;
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out;
}
