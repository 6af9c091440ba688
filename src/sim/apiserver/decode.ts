// Strict decoding of a plain JSON object into one of our kinds, with the API server's error texts:
// the first type mismatch wins (encoding/json keeps the first UnmarshalTypeError); unknown fields
// are reported only when the types were fine. nulls are dropped, as Go leaves the zero value.

import { isOwn } from '../runtime/own';
import { canonicalBase64 } from './go-base64';
import { type FieldType, goTypeName, ROOT_SCHEMAS, type StructDef } from './schema';
import { convertSecret } from './validation-config';

export type DecodeResult = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

interface Ctx {
  typeError?: string;
  /**
   * An error a type's own UnmarshalJSON returned (resource.Quantity's): encoding/json returns it
   * at once, so it stops the decoding and wins over a type error saved before it.
   */
  fatal?: string;
  unknown: string[];
  depth: number;
  /** The field path so far, one key per entry: joined with '.' only for an error text. */
  keys: string[];
  /**
   * Per key, the list indices below it (`[0]`, `[0][1]`): unknown-field paths carry them
   * (`spec.template.spec.containers[0].ports[0].contaierPort`, as sigs.k8s.io/json's strict
   * decoder writes them); encoding/json's type errors do not.
   */
  idx: string[];
}

const MAX_DEPTH = 200;

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

function shortGo(go: string): string {
  const dot = go.lastIndexOf('.');
  return dot >= 0 ? go.slice(dot + 1) : go;
}

/** Decode `doc` as `kind`. `kind` must be a key of ROOT_SCHEMAS. */
export function decodeStrict(kind: string, doc: Record<string, unknown>): DecodeResult {
  const root = ROOT_SCHEMAS[kind];
  if (!root) return { ok: false, message: `no schema for kind ${kind}` };
  const ctx: Ctx = { unknown: [], depth: 0, keys: [], idx: [] };
  const value = decodeStruct(root, doc, ctx) as Record<string, unknown>;
  const prefix = `${kind} in version "${versionOf(doc)}" cannot be handled as a ${kind}: `;
  if (ctx.fatal) return { ok: false, message: prefix + ctx.fatal };
  if (ctx.typeError) return { ok: false, message: prefix + ctx.typeError };
  // Conversion to the internal version runs before the strict decoding error is returned: a
  // DaemonSet's deprecated.daemonset.template.generation must parse as an int64
  // (pkg/apis/apps/v1/conversion.go Convert_v1_DaemonSet_To_apps_DaemonSet).
  const generationError = kind === 'DaemonSet' && templateGenerationError(value);
  if (generationError) return { ok: false, message: prefix + generationError };
  if (ctx.unknown.length > 0) {
    return {
      ok: false,
      message: `${prefix}strict decoding error: ${ctx.unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    };
  }
  // The Secret conversion (stringData into data) and defaulting run as part of decoding.
  return { ok: true, value: kind === 'Secret' ? convertSecret(value) : value };
}

/** strconv.ParseInt(v, 10, 64)'s error for the annotation, if it has one. */
function templateGenerationError(o: Record<string, unknown>): string | undefined {
  const v = (o.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations?.[
    'deprecated.daemonset.template.generation'
  ];
  if (typeof v !== 'string') return undefined;
  if (!/^[+-]?[0-9]+$/.test(v)) return `strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`;
  const n = BigInt(v);
  if (n > 9223372036854775807n || n < -9223372036854775808n)
    return `strconv.ParseInt: parsing ${JSON.stringify(v)}: value out of range`;
  return undefined;
}

function versionOf(doc: Record<string, unknown>): string {
  const av = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  const slash = av.lastIndexOf('/');
  return slash >= 0 ? av.slice(slash + 1) : av;
}

/** `spec.template.spec` (what `path ? `${path}.${key}` : key` built level by level). */
function pathOf(ctx: Ctx): string {
  return ctx.keys.join('.');
}

/** The path with list indices, for an unknown field. */
function indexedPathOf(ctx: Ctx): string {
  return ctx.keys.map((k, i) => k + (ctx.idx[i] ?? '')).join('.');
}

function typeErr(ctx: Ctx, v: unknown, struct: StructDef, f: FieldType): void {
  if (ctx.typeError) return;
  let what = jsonType(v);
  if (what === 'number' && f.t === 'int') what = `number ${String(v)}`;
  ctx.typeError = `json: cannot unmarshal ${what} into Go struct field ${shortGo(struct.go)}.${pathOf(ctx)} of type ${goTypeName(f)}`;
}

function decodeStruct(s: StructDef, v: Record<string, unknown>, ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = s.fields;
  // for-in with hasOwn visits what Object.keys lists, in the same order.
  for (const key in v) {
    if (ctx.fatal) break;
    if (!isOwn(v, key)) continue;
    const ft = fields[key];
    if (!ft || !Object.hasOwn(fields, key)) {
      ctx.keys.push(key);
      ctx.idx.push('');
      ctx.unknown.push(indexedPathOf(ctx));
      ctx.keys.pop();
      ctx.idx.pop();
      continue;
    }
    const fv = v[key];
    if (fv === null || fv === undefined) continue;
    ctx.keys.push(key);
    ctx.idx.push('');
    const d = decodeValue(ft, fv, s, ctx);
    ctx.keys.pop();
    ctx.idx.pop();
    if (d !== undefined) out[key] = d;
  }
  return out;
}

// resource.Quantity's UnmarshalJSON: a JSON string loses its quotes (nothing else), any other
// JSON value is taken as its text; then ParseQuantity of it, trimmed. Its errors
// [APIMACH pkg/api/resource/quantity.go v0.34.9 ParseQuantity, parseQuantityString, suffix.go]:
const ERR_FORMAT =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_SUFFIX = "unable to parse quantity's suffix";
const DIGITS = /^[0-9]*/;

function quantityError(v: unknown): string | undefined {
  let str: string;
  if (typeof v === 'string') str = v;
  else if (typeof v === 'number') str = String(v);
  else if (typeof v === 'boolean') str = String(v);
  else return ERR_FORMAT; // an object or array: its text starts with { or [
  str = str.trim();
  if (str === '') return ERR_FORMAT;
  if (str === '0') return undefined;
  let pos = str[0] === '-' || str[0] === '+' ? 1 : 0;
  pos += (DIGITS.exec(str.slice(pos)) as RegExpExecArray)[0].length;
  if (pos >= str.length) return undefined;
  if (str[pos] === '.') {
    pos++;
    pos += (DIGITS.exec(str.slice(pos)) as RegExpExecArray)[0].length;
    if (pos >= str.length) return undefined;
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos] as string)) pos++;
  if (pos >= str.length) return suffixOk(str.slice(suffixStart)) ? undefined : ERR_SUFFIX;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  pos += (DIGITS.exec(str.slice(pos)) as RegExpExecArray)[0].length;
  if (pos < str.length) return ERR_FORMAT;
  return suffixOk(str.slice(suffixStart)) ? undefined : ERR_SUFFIX;
}

/** quantitySuffixer.interpret: a decimal SI, binary SI or e<int64> exponent suffix. */
function suffixOk(s: string): boolean {
  if (['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'].includes(s))
    return true;
  if (s.length < 2 || (s[0] !== 'e' && s[0] !== 'E')) return false;
  // strconv.ParseInt(s[1:], 10, 64)
  const rest = s.slice(1);
  if (!/^[+-]?[0-9]+$/.test(rest)) return false;
  const n = BigInt(rest);
  return n <= 9223372036854775807n && n >= -9223372036854775808n;
}

function decodeValue(f: FieldType, v: unknown, owner: StructDef, ctx: Ctx): unknown {
  if (ctx.depth > MAX_DEPTH) {
    typeErr(ctx, v, owner, f);
    return undefined;
  }
  switch (f.t) {
    case 'any':
      return v;
    case 'quantity': {
      const err = quantityError(v);
      if (err) ctx.fatal ??= err;
      return v;
    }
    case 'string':
      if (typeof v !== 'string') return typeErr(ctx, v, owner, f);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') return typeErr(ctx, v, owner, f);
      return v;
    case 'bytes': {
      // encoding/json base64-decodes a string into []byte; a CorruptInputError is saved like a
      // type error (the first one wins) and its text is the whole message.
      if (typeof v !== 'string') return typeErr(ctx, v, owner, f);
      const b = canonicalBase64(v);
      if (b.ok) return b.value;
      ctx.typeError ??= b.message;
      return undefined;
    }
    case 'int': {
      if (typeof v !== 'number') return typeErr(ctx, v, owner, f);
      const lim = f.go === 'int32' ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(v) || v >= lim || v < -lim) return typeErr(ctx, v, owner, f);
      return v;
    }
    case 'intOrString':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) return v;
      return typeErr(ctx, v, owner, f);
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return typeErr(ctx, v, owner, f);
      const m = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      // for-in with hasOwn: Object.entries' keys, in its order.
      for (const k in m) {
        if (!isOwn(m, k)) continue;
        const x = m[k];
        if (x === null || x === undefined) {
          // A null Quantity is its zero value, written "0".
          out[k] = f.value.t === 'quantity' ? '0' : '';
          continue;
        }
        ctx.depth++;
        const d = decodeValue(f.value, x, owner, ctx);
        ctx.depth--;
        if (d !== undefined) out[k] = d;
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(v)) return typeErr(ctx, v, owner, f);
      const out: unknown[] = [];
      const at = ctx.idx.length - 1;
      const base = ctx.idx[at] ?? '';
      for (let i = 0; i < v.length; i++) {
        if (ctx.fatal) break;
        const x = v[i];
        if (x === null || x === undefined) {
          // Go decodes null into the element's zero value.
          out.push(f.elem.t === 'struct' ? {} : f.elem.t === 'string' ? '' : f.elem.t === 'int' ? 0 : null);
          continue;
        }
        if (at >= 0) ctx.idx[at] = `${base}[${i}]`;
        ctx.depth++;
        const d = decodeValue(f.elem, x, owner, ctx);
        ctx.depth--;
        out.push(d);
      }
      if (at >= 0) ctx.idx[at] = base;
      return out;
    }
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v)) return typeErr(ctx, v, owner, f);
      ctx.depth++;
      const d = decodeStruct(f.s, v as Record<string, unknown>, ctx);
      ctx.depth--;
      return d;
    }
  }
}
