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
import { spewQuantity } from './spew-quantity';
import { GO_STRUCTS } from './spew-structs';

// biome-ignore lint/suspicious/noExplicitAny: the template is decoded JSON.
type Any = any;

/** Struct name (as spew prints it, minus `v1.`) → its encoded field list. */
export type GoStructs = Readonly<Record<string, string>>;

/** Go's predeclared types reachable from a PodTemplateSpec (others are named types or structs). */
const SCALARS = /^(string|bool|u?int(8|16|32|64)?|float64)$/;

/** A field: Go name, JSON key ('' for an inline embedded struct), type, type as printed. */
type Field = [go: string, json: string, type: string, printed: string];

const compiled = new Map<string, Field[]>();

/** encoding/json's key for the Go name when the tag follows the usual lowerCamel rule. */
function jsonName(go: string): string {
  let i = 0;
  while (i < go.length && go.charCodeAt(i) < 91) i++;
  if (i === go.length) return go.toLowerCase(); // UID, TTY, OS
  if (i > 1) i--; // DNSPolicy, FSGroup, SELinuxOptions
  return go.slice(0, i).toLowerCase() + go.slice(i);
}

function fields(enc: string): Field[] {
  let out = compiled.get(enc);
  if (!out) {
    out = enc.split(' ').map((f): Field => {
      const c = f.indexOf(':');
      const e = f.indexOf('=');
      const go = f.slice(0, e < 0 || e > c ? c : e);
      const type = f.slice(c + 1);
      // reflect's Type.String(): package-qualified named types (core and meta types are both `v1`).
      const printed = type.replace(/(^|[\]*])([A-Z])/g, '$1v1.$2');
      return [go, e < 0 || e > c ? jsonName(go) : f.slice(e + 1, c), type, printed];
    });
    compiled.set(enc, out);
  }
  return out;
}

export type StructLookup = (name: string) => string | undefined;

const goStructs: StructLookup = (name) => GO_STRUCTS[name];

const ZERO_TIME = '{Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}}';

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** A value whose type spew has already printed (or omits: slice elements, map keys and values). */
function bare(type: string, v: Any, look: StructLookup): string {
  const c = type.charCodeAt(0);
  if (c === 42 /* * */) return present(v) ? `<*>${bare(type.slice(1), v, look)}` : '<nil>';
  if (c === 91 /* [ */) {
    if (!Array.isArray(v) || v.length === 0) return '<nil>';
    const elem = type.slice(2);
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i > 0 ? ' ' : '') + bare(elem, v[i], look);
    return `${s}]`;
  }
  if (type === 'ResourceList') type = 'map[ResourceName]resource.Quantity';
  if (type.startsWith('map[')) {
    if (!present(v) || typeof v !== 'object') return '<nil>';
    // Keys are strings (label keys, resource names); Go sorts them bytewise.
    const keys = Object.keys(v).sort();
    if (keys.length === 0) return '<nil>';
    const val = type.slice(type.indexOf(']') + 1);
    let s = 'map[';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      s += `${i > 0 ? ' ' : ''}${k}:${bare(val, v[k], look)}`;
    }
    return `${s}]`;
  }
  if (type === 'Time') return ZERO_TIME; // templates carry no timestamps (README: known gaps)
  if (type === 'intstr.IntOrString') {
    const str = typeof v === 'string';
    return `{Type:(intstr.Type)${str ? 1 : 0} IntVal:(int32)${str ? 0 : (v ?? 0)} StrVal:(string)${str ? v : ''}}`;
  }
  if (type === 'resource.Quantity') return spewQuantity(String(v ?? '0'));
  const enc = SCALARS.test(type) ? undefined : look(type);
  if (enc === undefined) {
    if (type === 'bool') return v ? 'true' : 'false';
    if (type.startsWith('int') || type.startsWith('uint') || type === 'float64') return String(v ?? 0);
    return v === undefined || v === null ? '' : String(v); // string and named string types
  }
  let s = '{';
  for (const [go, json, ft, printed] of fields(enc)) {
    const fv = json === '' ? v : v?.[json];
    s += `${s.length > 1 ? ' ' : ''}${go}:(${printed})${ft.charCodeAt(0) === 42 ? (present(fv) ? bare(ft.slice(1), fv, look) : '<nil>') : bare(ft, fv, look)}`;
  }
  return `${s}}`;
}

/** A value of `type` as spew prints it after its `(type)` (tests check single structs with it). */
export function spewValue(type: string, v: unknown, look: StructLookup = goStructs): string {
  return bare(type, v, look);
}

/** `printer.Fprintf(w, "%#v", template)` for the template as we store it (JSON). */
export function spewTemplate(template: unknown, look: StructLookup = goStructs): string {
  return `(v1.PodTemplateSpec)${bare('PodTemplateSpec', template, look)}`;
}
