// Strategic merge patch on the server [APIMACH util/strategicpatch/patch.go v0.34.9
// StrategicMergeMapPatch → mergeMap / mergeSlice, with the options the PATCH handler uses:
// MergeParallelList and IgnoreUnmatchedNulls]. Lists whose Go field carries
// `patchStrategy:"merge"` merge their items by `patchMergeKey` (containers and env by name,
// container ports by containerPort, Service ports by port, …); every other list is replaced.
// Maps merge key by key; null deletes. Directives: `$patch: replace|delete` in a map or a list
// item, `$retainKeys`, `$deleteFromPrimitiveList/<field>`. `$setElementOrder/<field>` (which
// kubectl's own computed patches carry) is accepted and not applied: list order then follows the
// patch, as it does without the directive.
import { type FieldType, ROOT_SCHEMAS, type StructDef } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: JSON values.
type Any = any;

/** `patchStrategy` / `patchMergeKey` of the fields that have them [k8s.io/api core/v1, apps/v1 types.go]. */
const PATCH_META: Record<string, Record<string, { strategy: string; key?: string }>> = {
  'v1.ObjectMeta': {
    finalizers: { strategy: 'merge' },
    ownerReferences: { strategy: 'merge', key: 'uid' },
  },
  'v1.PodSpec': {
    volumes: { strategy: 'merge,retainKeys', key: 'name' },
    initContainers: { strategy: 'merge', key: 'name' },
    containers: { strategy: 'merge', key: 'name' },
    ephemeralContainers: { strategy: 'merge', key: 'name' },
    imagePullSecrets: { strategy: 'merge', key: 'name' },
    hostAliases: { strategy: 'merge', key: 'ip' },
    topologySpreadConstraints: { strategy: 'merge', key: 'topologyKey' },
    resourceClaims: { strategy: 'merge,retainKeys', key: 'name' },
    schedulingGates: { strategy: 'merge', key: 'name' },
  },
  'v1.Container': {
    ports: { strategy: 'merge', key: 'containerPort' },
    env: { strategy: 'merge', key: 'name' },
    volumeMounts: { strategy: 'merge', key: 'mountPath' },
    volumeDevices: { strategy: 'merge', key: 'devicePath' },
  },
  'v1.ServiceSpec': { ports: { strategy: 'merge', key: 'port' } },
  'v1.DeploymentSpec': { strategy: { strategy: 'retainKeys' } },
};

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';

/** A patch the server refuses; `status` as the handler answers it (see patch.ts). */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly status: 'BadRequest' | 'Internal',
  ) {
    super(message);
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's %v of a decoded JSON value: `map[image:nginx name:web]`, `[a b]`, `<nil>`. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number') return goFloat(v);
  return String(v);
}

/** %v of a float64 (strconv 'g', shortest): exponent form from 1e21 and below 1e-4. */
function goFloat(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e21 || abs < 1e-4)) {
    const [m, e] = n.toExponential().split('e') as [string, string];
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

function noMergeKey(m: Record<string, unknown>, key: string): PatchError {
  return new PatchError(`map: ${goValue(m)} does not contain declared merge key: ${key}`, 'Internal');
}

function badPatchType(t: unknown, m: Record<string, unknown>): PatchError {
  return new PatchError(`unknown patch type: ${goValue(t)} in map: ${goValue(m)}`, 'Internal');
}

/** The schema of a struct field's value (for maps: the struct of its elements, if any). */
function fieldSchema(s: StructDef | undefined, k: string): FieldType | undefined {
  if (!s || !Object.hasOwn(s.fields, k)) return undefined;
  return s.fields[k];
}

function structOf(f: FieldType | undefined): StructDef | undefined {
  if (!f) return undefined;
  if (f.t === 'struct') return f.s;
  if (f.t === 'array' && f.elem.t === 'struct') return f.elem.s;
  return undefined;
}

/** removeDirectives: a copy without `$patch` maps (a directive value is not kept at all). */
function removeDirectives(v: unknown): { keep: boolean; value: unknown } {
  if (isMap(v)) {
    if (Object.hasOwn(v, DIRECTIVE)) return { keep: false, value: undefined };
    const out: Any = {};
    for (const k of Object.keys(v)) {
      const r = removeDirectives(v[k]);
      if (r.keep) out[k] = r.value;
    }
    return { keep: true, value: out };
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) {
      const r = removeDirectives(x);
      if (r.keep) out.push(r.value);
    }
    return { keep: true, value: out };
  }
  return { keep: true, value: v };
}

function discardNulls(v: unknown): unknown {
  if (isMap(v)) {
    const out: Any = {};
    for (const k of Object.keys(v)) if (v[k] !== null) out[k] = discardNulls(v[k]);
    return out;
  }
  if (Array.isArray(v)) return v.map(discardNulls);
  return v;
}

/** Apply `patch` to `original` (both decoded JSON objects; neither is modified). */
export function strategicMergePatch(
  original: Record<string, unknown>,
  patch: Record<string, unknown>,
  kind: string,
): Record<string, unknown> {
  return mergeMap(structuredClone(original), structuredClone(patch), ROOT_SCHEMAS[kind]);
}

function mergeMap(original: Any, patch: Any, schema: StructDef | undefined): Any {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const d = patch[DIRECTIVE];
    if (d === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (d === 'delete') return {};
    throw badPatchType(d, patch);
  }
  const out: Any = original ?? {};
  if (Object.hasOwn(patch, RETAIN_KEYS)) {
    // applyRetainKeysDirective: a list, naming every key the patch sets; the others go.
    const keep = patch[RETAIN_KEYS];
    delete patch[RETAIN_KEYS];
    const bad = new PatchError('invalid patch format of retainKeys', 'BadRequest');
    if (!Array.isArray(keep)) throw bad;
    for (const k of Object.keys(patch)) {
      if (patch[k] === null || k.startsWith(DELETE_PRIMITIVE) || k.startsWith(SET_ORDER)) continue;
      if (!keep.includes(k)) throw bad;
    }
    for (const k of Object.keys(out)) if (!keep.includes(k)) delete out[k];
  }
  for (const k of Object.keys(patch)) {
    if (k.startsWith(SET_ORDER)) continue;
    const patchV = patch[k];
    if (k.startsWith(DELETE_PRIMITIVE)) {
      // A parallel deletion list: only a list meeting a list deletes anything.
      const field = k.slice(DELETE_PRIMITIVE.length);
      if (Array.isArray(patchV) && Array.isArray(out[field])) {
        out[field] = out[field].filter((x: unknown) => !patchV.includes(x));
      }
      continue;
    }
    if (patchV === null) {
      delete out[k];
      continue;
    }
    const origV = out[k];
    const sameType =
      Object.hasOwn(out, k) &&
      Array.isArray(origV) === Array.isArray(patchV) &&
      isMap(origV) === isMap(patchV);
    if (!Object.hasOwn(out, k) || !sameType || !(isMap(patchV) || Array.isArray(patchV))) {
      const r = removeDirectives(discardNulls(patchV));
      if (r.keep) out[k] = r.value;
      else delete out[k];
      continue;
    }
    const f = fieldSchema(schema, k);
    const meta = schema ? PATCH_META[schema.go]?.[k] : undefined;
    const strategies = (meta?.strategy ?? '').split(',');
    if (isMap(patchV)) {
      out[k] = strategies.includes('replace') ? patchV : mergeMap(origV, patchV, structOf(f));
    } else {
      out[k] = strategies.includes('merge')
        ? mergeSlice(origV as unknown[], patchV as unknown[], structOf(f), meta?.key ?? '')
        : patchV;
    }
  }
  return out;
}

function keyOf(item: unknown, key: string): unknown {
  return isMap(item) ? item[key] : item;
}

function indexIn(list: unknown[], item: unknown, key: string, maps: boolean): number {
  const v = maps ? keyOf(item, key) : item;
  return list.findIndex((x) => (maps ? keyOf(x, key) : x) === v);
}

/** deduplicateScalars, with its own order (a later duplicate is replaced by the last item). */
function dedupScalars(s: unknown[]): unknown[] {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

function mergeSlice(
  original: unknown[],
  patch: unknown[],
  schema: StructDef | undefined,
  key: string,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const maps = (patch.length > 0 ? patch : original).every(isMap);
  let merged: unknown[];
  let orig = original;
  let plain = patch;
  if (!maps) {
    merged = dedupScalars([...original, ...patch]);
  } else {
    if (key === '')
      throw new PatchError(`cannot merge lists without merge key for ${schema?.go ?? ''}`, 'Internal');
    // mergeSliceWithSpecialElements: `$patch: delete` items remove their match, `replace` makes
    // the patch's other items the whole list.
    const rest: unknown[] = [];
    let replace = false;
    for (const v of patch as Record<string, unknown>[]) {
      if (!Object.hasOwn(v, DIRECTIVE)) {
        rest.push(v);
        continue;
      }
      const d = v[DIRECTIVE];
      if (d === 'delete') {
        if (!Object.hasOwn(v, key)) throw noMergeKey(v, key);
        orig = orig.filter((o) => keyOf(o, key) !== v[key]);
      } else if (d === 'replace') replace = true;
      else if (d === 'merge')
        throw new PatchError('merging lists cannot yet be specified in the patch', 'Internal');
      else throw badPatchType(d, v);
    }
    if (replace) {
      orig = rest;
      plain = [];
    } else plain = rest;
    merged = [...orig];
    for (const v of plain as Record<string, unknown>[]) {
      if (!Object.hasOwn(v, key)) throw noMergeKey(v, key);
      const at = merged.findIndex((o) => keyOf(o, key) === v[key]);
      if (at >= 0) merged[at] = mergeMap(merged[at], v, schema);
      else merged.push(v);
    }
  }
  // normalizeElementOrder: the items the patch names in the patch's order, the server-only items
  // in the live order, interleaved by the live order where both are known (mergeSortedSlice).
  const inPatch = merged.filter((m) => indexIn(plain, m, key, maps) >= 0);
  const serverOnly = merged.filter((m) => indexIn(plain, m, key, maps) < 0);
  const byOrder = (items: unknown[], order: unknown[]) =>
    items
      .map((it, i) => ({ it, i, o: indexIn(order, it, key, maps) }))
      .sort((a, b) => (a.o >= 0 && b.o >= 0 ? a.o - b.o : 0) || a.i - b.i)
      .map((x) => x.it);
  const right = byOrder(inPatch, plain);
  const left = byOrder(serverOnly, orig);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(orig, left[i], key, maps);
      const ri = indexIn(orig, right[j], key, maps);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
