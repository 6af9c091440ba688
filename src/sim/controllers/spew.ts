// What the deployment controller hashes for pod-template-hash: go-spew's `%#v` of the Deployment's
// v1.PodTemplateSpec (ConfigState{SortKeys, DisableMethods, SpewKeys}). [K8S controller_utils.go
// ComputeHash, pkg/util/hash DeepHashObject; go-spew d8f796a spew/format.go]
// The formatter prints every struct field in declaration order as `Name:(type)value`: strings bare
// (no quotes), nil pointers, slices and maps as `<nil>`, a set pointer's value after `(*T)`, slice
// elements and map entries without their type, map keys sorted. The value printed is the template
// as the controller's informer decoded it from protobuf, so an empty list or map is nil.
// The Go structs' fields are in ./spew-structs (k8s.io/api v0.34). The printer and its tables are
// bound late (src/sim/late): the page boots its cluster before they arrive, and the hashes of the
// boot-time templates are kept by ./deployment-hash.
// A template's dump is ~3.5 KB, nearly all of it fixed text (field names, types, zero values), so
// the hash is fed the dump as pieces (./spew-piece), each fixed one in O(1).
import { exactlyEqual } from '../apiserver/json';
import { flat } from '../runtime/rng';
import { fnv32aUtf8 } from './deployment-hash';
import { Piece } from './spew-piece';
import { spewQuantity } from './spew-quantity';
import { GO_STRUCTS } from './spew-structs';

// biome-ignore lint/suspicious/noExplicitAny: the template is decoded JSON.
type Any = any;

/** Struct name (as spew prints it, minus `v1.`) → its encoded field list. */
export type GoStructs = Readonly<Record<string, string>>;

export type StructLookup = (name: string) => string | undefined;

const goStructs: StructLookup = (name) => GO_STRUCTS[name];

/** Go's predeclared types reachable from a PodTemplateSpec (others are named types or structs). */
const SCALARS = /^(string|bool|u?int(8|16|32|64)?|float64)$/;

enum K {
  Ptr,
  Slice,
  Map,
  Struct,
  Scalar,
  Time,
  IntOrString,
  Quantity,
  QuantityMilli,
}

/** A Go type compiled once: its kind, element type, fields, and how its zero value prints. */
interface GoType {
  k: K;
  /** Pointer, slice or map element type. */
  elem?: GoType;
  fields?: Field[];
  /**
   * A struct's field index by JSON key, when no two fields share one: then a value's fields are
   * found from its own keys, and each run of absent fields between them is printed as one piece.
   * Inline embedded fields (json '') are always printed.
   */
  byJson?: Map<string, number> | undefined;
  inline?: number[];
  /** Pieces for runs of absent fields, by `from * 1024 + to` (built on first use). */
  runs?: Map<number, Piece>;
  /** The value as printed when absent (nil or zero), after its type. */
  zero: Piece;
  /**
   * PodSpec's only: the last few values hashed (copies, the newest last) with their dumps as one
   * piece each (see specPiece).
   */
  kept?: Array<{ value: unknown; piece: Piece | undefined }> | undefined;
}

interface Field {
  /** JSON key; '' for an inline embedded struct, which reads the parent's object. */
  json: string;
  /** `Name:(type)`, after a space unless first. */
  pre: Piece;
  /** `pre` and the zero value. */
  preZero: Piece;
  /** The type whose value follows `pre` (a pointer field's element: spew prints `(*T)value`). */
  t: GoType;
}

const NIL = new Piece('<nil>');
const [OPEN, CLOSE, OPEN_MAP, CLOSE_LIST, SPACE, COLON, DEREF] = ['{', '}', 'map[', ']', ' ', ':', '<*>'].map(
  (s) => new Piece(s),
) as [Piece, Piece, Piece, Piece, Piece, Piece, Piece];
const OPEN_LIST = new Piece('[');
const TEMPLATE = new Piece('(v1.PodTemplateSpec)');
const intOrString = (str: boolean, v: unknown) =>
  `{Type:(intstr.Type)${str ? 1 : 0} IntVal:(int32)${str ? 0 : v} StrVal:(string)${str ? v : ''}}`;

/** encoding/json's key for the Go name when the tag follows the usual lowerCamel rule. */
function jsonName(go: string): string {
  let i = 0;
  while (i < go.length && go.charCodeAt(i) < 91) i++;
  if (i === go.length) return go.toLowerCase(); // UID, TTY, OS
  if (i > 1) i--; // DNSPolicy, FSGroup, SELinuxOptions
  return go.slice(0, i).toLowerCase() + go.slice(i);
}

const compiledBy = new Map<StructLookup, Map<string, GoType>>();

function compile(type: string, look: StructLookup): GoType {
  let memo = compiledBy.get(look);
  if (!memo) {
    memo = new Map();
    compiledBy.set(look, memo);
  }
  let t = memo.get(type);
  if (t) return t;
  // SetDefaults_ResourceList rounds every ResourceList value up to milli units.
  if (type === 'ResourceList') return compile('map[ResourceName]resource.Quantity/milli', look);
  const c = type.charCodeAt(0);
  if (c === 42 /* * */) t = { k: K.Ptr, elem: compile(type.slice(1), look), zero: NIL };
  else if (c === 91 /* [ */) t = { k: K.Slice, elem: compile(type.slice(2), look), zero: NIL };
  else if (type.startsWith('map['))
    t = { k: K.Map, elem: compile(type.slice(type.indexOf(']') + 1), look), zero: NIL };
  else if (type === 'Time')
    t = {
      k: K.Time,
      zero: new Piece('{Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}}'),
    };
  else if (type === 'intstr.IntOrString') t = { k: K.IntOrString, zero: new Piece(intOrString(false, 0)) };
  // A zero Quantity field goes over the wire as "0" (its Marshal writes String()).
  else if (type === 'resource.Quantity') t = { k: K.Quantity, zero: new Piece(spewQuantity('0')) };
  else if (type === 'resource.Quantity/milli') t = { k: K.QuantityMilli, zero: new Piece(spewQuantity('0')) };
  else {
    const enc = SCALARS.test(type) ? undefined : look(type);
    if (enc === undefined)
      t = {
        k: K.Scalar,
        zero: new Piece(type === 'bool' ? 'false' : /^(u?int|float)/.test(type) ? '0' : ''),
      };
    else {
      const st: GoType = { k: K.Struct, fields: [], zero: NIL, kept: undefined };
      memo.set(type, st); // before the fields: a type reached again from them finds it
      st.fields = enc.split(' ').map((f, i): Field => {
        const colon = f.indexOf(':');
        const eq = f.indexOf('=');
        const go = f.slice(0, eq < 0 || eq > colon ? colon : eq);
        const ft = f.slice(colon + 1);
        // reflect's Type.String(): package-qualified named types (core and meta types are both `v1`).
        const pre = `${i > 0 ? ' ' : ''}${go}:(${ft.replace(/(^|[\]*])([A-Z])/g, '$1v1.$2')})`;
        const ptr = ft.charCodeAt(0) === 42;
        const target = compile(ptr ? ft.slice(1) : ft, look);
        return {
          json: eq < 0 || eq > colon ? jsonName(go) : f.slice(eq + 1, colon),
          pre: new Piece(pre),
          preZero: new Piece(pre + (ptr ? NIL.s : target.zero.s)),
          t: target,
        };
      });
      st.zero = new Piece(`{${st.fields.map((f) => f.preZero.s).join('')}}`);
      const byJson = new Map<string, number>();
      const inline: number[] = [];
      let unique = true;
      st.fields.forEach((f, i) => {
        if (f.json === '') inline.push(i);
        else if (byJson.has(f.json)) unique = false;
        else byJson.set(f.json, i);
      });
      if (unique && st.fields.length < 1024) {
        st.byJson = byJson;
        st.inline = inline;
        st.runs = new Map();
      }
      if (type === 'PodSpec') st.kept = [];
      return st;
    }
  }
  memo.set(type, t);
  return t;
}

/** Where the dump goes: a string (tests, spewTemplate) or the FNV-32a state. */
interface Sink {
  /** Whether a PodSpec is fed as one piece (specPiece): the hash's sink, not the string's. */
  readonly whole: boolean;
  c(p: Piece): void;
  v(s: string): void;
}

class StringSink implements Sink {
  readonly whole = false;
  out = '';
  c(p: Piece): void {
    this.out += p.s;
  }
  v(s: string): void {
    this.out += s;
  }
}

class HashSink implements Sink {
  readonly whole = true;
  h = 0x811c9dc5;
  c(p: Piece): void {
    this.h = p.hash(this.h);
  }
  v(s: string): void {
    this.h = fnv32aUtf8(s, this.h);
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** A value whose type spew has already printed (or omits: slice elements, map keys and values). */
function emit(t: GoType, v: Any, out: Sink): void {
  if (v === undefined || v === null) {
    out.c(t.zero);
    return;
  }
  switch (t.k) {
    case K.Ptr: // a pointer whose type is not printed (slice element): `<*>value`
      out.c(DEREF);
      emit(t.elem as GoType, v, out);
      break;
    case K.Slice:
      if (!Array.isArray(v) || v.length === 0) out.c(NIL);
      else {
        out.c(OPEN_LIST);
        for (let i = 0; i < v.length; i++) {
          if (i > 0) out.c(SPACE);
          emit(t.elem as GoType, v[i], out);
        }
        out.c(CLOSE_LIST);
      }
      break;
    case K.Map: {
      // Keys are strings (label keys, resource names); Go sorts them bytewise.
      const keys = typeof v === 'object' ? Object.keys(v).sort() : [];
      if (keys.length === 0) {
        out.c(NIL);
        break;
      }
      out.c(OPEN_MAP);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string;
        if (i > 0) out.c(SPACE);
        out.v(k);
        out.c(COLON);
        emit(t.elem as GoType, v[k], out);
      }
      out.c(CLOSE_LIST);
      break;
    }
    case K.Struct: {
      if (typeof v !== 'object' || isEmpty(v)) {
        out.c(t.zero);
        break;
      }
      const whole = t.kept !== undefined && out.whole ? specPiece(t.kept, t, v) : undefined;
      if (whole !== undefined) {
        out.c(whole);
        break;
      }
      out.c(OPEN);
      const fields = t.fields as Field[];
      if (t.byJson !== undefined) {
        emitFields(t, fields, v, out);
        out.c(CLOSE);
        break;
      }
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i] as Field;
        const fv = f.json === '' ? v : v[f.json];
        if (fv === undefined || fv === null) out.c(f.preZero);
        else {
          out.c(f.pre);
          emit(f.t, fv, out);
        }
      }
      out.c(CLOSE);
      break;
    }
    case K.Scalar:
      out.v(typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));
      break;
    case K.Time:
      out.c(t.zero); // templates carry no timestamps (README: known gaps)
      break;
    case K.IntOrString:
      out.v(intOrString(typeof v === 'string', v));
      break;
    case K.Quantity:
    case K.QuantityMilli:
      out.v(spewQuantity(String(v), t.k === K.QuantityMilli));
      break;
  }
}

/**
 * A non-empty struct value's fields, in declaration order: found from the value's own keys (a
 * template sets few of a PodSpec's or Container's dozens of fields), each run of absent fields
 * between them printed as one piece, which is the same text as their zero values one by one.
 */
function emitFields(t: GoType, fields: Field[], v: Any, out: Sink): void {
  const byJson = t.byJson as Map<string, number>;
  const inline = t.inline as number[];
  const keys = Object.keys(v);
  // The indexes of the fields to print (set ones and inline ones), kept sorted by insertion.
  const at: number[] = inline.length > 0 ? inline.slice() : [];
  for (let k = 0; k < keys.length; k++) {
    const i = byJson.get(keys[k] as string);
    if (i === undefined) continue;
    const fv = v[keys[k] as string];
    if (fv === undefined || fv === null) continue;
    let j = at.length;
    at.push(i);
    while (j > 0 && (at[j - 1] as number) > i) {
      at[j] = at[j - 1] as number;
      j--;
    }
    at[j] = i;
  }
  let next = 0;
  for (let k = 0; k < at.length; k++) {
    const i = at[k] as number;
    if (i > next) out.c(absentRun(t, fields, next, i));
    const f = fields[i] as Field;
    out.c(f.pre);
    emit(f.t, f.json === '' ? v : v[f.json], out);
    next = i + 1;
  }
  if (next < fields.length) out.c(absentRun(t, fields, next, fields.length));
}

/**
 * A PodSpec value's dump as one piece, which the hash takes in O(1) once its table is built
 * (./spew-piece): the pod templates of a workload's Deployments are mostly written alike (their
 * labels, hashed before the spec, differ), and the spec is most of the dump (~3 KB). The last few
 * values dumped are kept as copies (a caller may change its own object afterwards) with their
 * pieces, and a value exactlyEqual to one (the same keys in the same order, the same values: the
 * dump reads nothing else) takes its piece; any other is dumped to a string and kept, the oldest
 * kept one dropped. Undefined for a dump that is not all ASCII (the caller prints the value as any
 * other).
 */
function specPiece(
  kept: Array<{ value: unknown; piece: Piece | undefined }>,
  t: GoType,
  v: object,
): Piece | undefined {
  for (let i = kept.length - 1; i >= 0; i--) {
    const k = kept[i] as { value: unknown; piece: Piece | undefined };
    if (exactlyEqual(v, k.value)) return k.piece;
  }
  const out = new StringSink();
  emit(t, v, out);
  // A piece hashes its characters as bytes: a dump with other than ASCII is fed as before.
  const piece = NON_ASCII.test(out.out) ? undefined : new Piece(flat(out.out));
  let value: unknown;
  try {
    value = structuredClone(v);
  } catch {
    return piece; // not cloneable (never a decoded template): not kept
  }
  if (kept.length >= KEPT_SPECS) kept.shift();
  kept.push({ value, piece });
  return piece;
}

/** How many PodSpec dumps specPiece keeps (a cluster's boot templates and a workload's few). */
const KEPT_SPECS = 8;

const NON_ASCII = /[\u0080-\uffff]/;

/** The zero values of fields [from, to) as one piece. */
function absentRun(t: GoType, fields: Field[], from: number, to: number): Piece {
  if (to === from + 1) return (fields[from] as Field).preZero;
  const runs = t.runs as Map<number, Piece>;
  const key = from * 1024 + to;
  let p = runs.get(key);
  if (p === undefined) {
    let text = '';
    for (let i = from; i < to; i++) text += (fields[i] as Field).preZero.s;
    p = new Piece(text);
    runs.set(key, p);
  }
  return p;
}

/** A value of `type` as spew prints it after its `(type)` (tests check single structs with it). */
export function spewValue(type: string, v: unknown, look: StructLookup = goStructs): string {
  const out = new StringSink();
  emit(compile(type, look), v, out);
  return out.out;
}

/** `printer.Fprintf(w, "%#v", template)` for the template as we store it (JSON). */
export function spewTemplate(template: unknown, look: StructLookup = goStructs): string {
  const out = new StringSink();
  out.c(TEMPLATE);
  emit(compile('PodTemplateSpec', look), template, out);
  return out.out;
}

/** FNV-32a of spewTemplate(template)'s UTF-8, without building the string. */
export function spewHash(template: unknown, look: StructLookup = goStructs): number {
  const out = new HashSink();
  out.c(TEMPLATE);
  emit(compile('PodTemplateSpec', look), template, out);
  return out.h >>> 0;
}
