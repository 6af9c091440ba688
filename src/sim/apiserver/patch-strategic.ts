// Strategic merge patch on the server [APIMACH util/strategicpatch/patch.go v0.34.9
// StrategicMergeMapPatch → mergeMap / mergeSlice, with the options the PATCH handler uses:
// MergeParallelList and IgnoreUnmatchedNulls]. Lists whose Go field carries
// `patchStrategy:"merge"` merge their items by `patchMergeKey` (containers and env by name,
// container ports by containerPort, Service ports by port, …); every other list is replaced.
// Maps merge key by key; null deletes. Directives: `$patch: replace|delete` in a map or a list
// item, `$retainKeys`, `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>` (the order
// kubectl's computed patches ask for: mergePatchIntoOriginal). The same merge, with
// MergeParallelList and IgnoreUnmatchedNulls off, is how kubectl folds its two diffs into one
// three-way patch (apply-patch.ts): directives are then carried into the result, not applied.
import { type FieldType, ROOT_SCHEMAS, type StructDef } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: JSON values.
type Any = any;

/** `patchStrategy` / `patchMergeKey` of the fields that have them [k8s.io/api core/v1, apps/v1 types.go]. */
export const PATCH_META: Record<string, Record<string, { strategy: string; key?: string }>> = {
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

export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
export const SET_ORDER = '$setElementOrder/';

/** A patch the server refuses; `status` as the handler answers it (see patch.ts). */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly status: 'BadRequest' | 'Internal',
  ) {
    super(message);
  }
}

export function isMap(v: unknown): v is Record<string, unknown> {
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

export function noMergeKey(m: Record<string, unknown>, key: string): PatchError {
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
export function removeDirectives(v: unknown): { keep: boolean; value: unknown } {
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

/** mergepatch.ErrBadArgType for a list item that should be a map (reflect.TypeOf names). */
export function badArgType(x: unknown): PatchError {
  let t: string;
  if (x === null || x === undefined) t = '%!s(<nil>)';
  else if (Array.isArray(x)) t = '[]interface {}';
  else if (typeof x === 'number') t = Number.isInteger(x) ? 'int64' : 'float64';
  else if (typeof x === 'boolean') t = 'bool';
  else t = typeof x;
  return new PatchError(`expected a map[string]interface {}, but received a ${t}`, 'Internal');
}

/** What LookupPatchMetadataForStruct / ForSlice answer for a field, strategies already split. */
export interface FieldPatchMeta {
  /** The struct of the value (of its items, for a list), when the schema knows it. */
  sub: StructDef | undefined;
  /** `merge`, `replace` or '' (extractRetainKeysPatchStrategy: retainKeys taken out). */
  strategy: string;
  retainKeys: boolean;
  mergeKey: string;
}

export function lookupPatchMeta(schema: StructDef | undefined, k: string): FieldPatchMeta {
  const meta = schema ? PATCH_META[schema.go]?.[k] : undefined;
  const strategies = (meta?.strategy ?? '').split(',').filter((x) => x !== '');
  const retainKeys = strategies.includes('retainKeys');
  return {
    sub: structOf(fieldSchema(schema, k)),
    strategy: strategies.find((x) => x !== 'retainKeys') ?? '',
    retainKeys,
    mergeKey: meta?.key ?? '',
  };
}

/**
 * MergeOptions: on the server (StrategicMergeMapPatch) MergeParallelList and IgnoreUnmatchedNulls
 * are both on; CreateThreeWayMergePatch merges its two diffs with both off.
 */
export interface MergeOptions {
  parallel: boolean;
}

const SERVER: MergeOptions = { parallel: true };

/** The kind of a decoded JSON value as reflect.TypeOf tells them apart. */
export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' ? 'map' : typeof v;
}

/** Apply `patch` to `original` (both decoded JSON objects; neither is modified). */
export function strategicMergePatch(
  original: Record<string, unknown>,
  patch: Record<string, unknown>,
  kind: string,
): Record<string, unknown> {
  return mergeMap(structuredClone(original), structuredClone(patch), ROOT_SCHEMAS[kind], SERVER);
}

/** mergeMap with explicit options; both arguments are consumed (modified). */
export function mergeMap(original: Any, patch: Any, schema: StructDef | undefined, opts: MergeOptions): Any {
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
  applyRetainKeys(out, patch, opts);
  mergePatchIntoOriginal(out, patch, schema, opts);
  for (const key of Object.keys(patch)) {
    let k = key;
    const patchV = patch[key];
    let isDeleteList = false;
    if (k.startsWith(DELETE_PRIMITIVE)) {
      // A parallel deletion list: carried as is in a three-way patch, applied on the server.
      if (!opts.parallel) {
        out[k] = patchV;
        continue;
      }
      k = k.slice(DELETE_PRIMITIVE.length);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete out[k];
      if (opts.parallel) continue;
    }
    if (!Object.hasOwn(out, k) || jsonType(out[k]) !== jsonType(patchV)) {
      if (!isDeleteList) {
        const r = removeDirectives(opts.parallel ? discardNulls(patchV) : patchV);
        if (r.keep) out[k] = r.value;
        else delete out[k];
      }
      continue;
    }
    const origV = out[k];
    const m = lookupPatchMeta(schema, k);
    if (isMap(patchV)) {
      out[k] = m.strategy === 'replace' ? patchV : mergeMap(origV, patchV, m.sub, opts);
    } else if (Array.isArray(patchV)) {
      out[k] =
        m.strategy === 'merge' || isDeleteList
          ? mergeSlice(origV as unknown[], patchV, m.sub, m.mergeKey, opts, isDeleteList)
          : patchV;
    } else {
      const r = removeDirectives(patchV);
      if (r.keep) out[k] = r.value;
      else delete out[k];
    }
  }
  return out;
}

/** applyRetainKeysDirective: a list naming every key the patch sets; the others go. */
function applyRetainKeys(out: Any, patch: Any, opts: MergeOptions): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const keep = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!opts.parallel) {
    // Both diffs of a three-way patch build the same list from the file.
    if (!Object.hasOwn(out, RETAIN_KEYS)) out[RETAIN_KEYS] = keep;
    return;
  }
  const bad = new PatchError('invalid patch format of retainKeys', 'BadRequest');
  if (!Array.isArray(keep)) throw bad;
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(DELETE_PRIMITIVE) || k.startsWith(SET_ORDER)) continue;
    if (!keep.includes(k)) throw bad;
  }
  for (const k of Object.keys(out)) if (!keep.includes(k)) delete out[k];
}

const BAD_ORDER = 'invalid patch format of setElementOrder list';

/**
 * mergePatchIntoOriginal: each `$setElementOrder/<field>` with its list: merged, then ordered as
 * the directive says, the server-only items interleaved by their live order. A three-way patch
 * keeps the directive (both diffs carry the same one).
 */
function mergePatchIntoOriginal(out: Any, patch: Any, schema: StructDef | undefined, opts: MergeOptions) {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ORDER)) continue;
    const order = patch[key];
    if (!opts.parallel && !Object.hasOwn(out, key)) out[key] = order;
    delete patch[key];
    if (!Array.isArray(order)) throw new PatchError(BAD_ORDER, 'BadRequest');
    const field = key.slice(SET_ORDER.length);
    const foundOriginal = Object.hasOwn(out, field);
    const foundPatch = Object.hasOwn(patch, field);
    const origList = out[field];
    const patchList = patch[field];
    if (foundOriginal && !Array.isArray(origList)) throw new PatchError(BAD_ORDER, 'BadRequest');
    if (foundPatch && !Array.isArray(patchList)) throw new PatchError(BAD_ORDER, 'BadRequest');
    const m = lookupPatchMeta(schema, field);
    validatePatchWithSetOrderList(foundPatch ? patchList : [], order, m.mergeKey);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = origList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList).value as unknown[];
    else if (foundOriginal && foundPatch)
      merged =
        m.strategy === 'merge'
          ? mergeSlice(origList, patchList, m.sub, m.mergeKey, opts, false)
          : (patchList as unknown[]);
    else continue;
    const maps = m.mergeKey !== '';
    const inOrder = (x: unknown) => indexIn(order, x, m.mergeKey, maps) >= 0;
    const elems = [...(foundOriginal ? origList : []), ...(foundPatch ? patchList : [])];
    if (elems.length === 0) throw new PatchError('no elements in any of the given slices', 'Internal');
    out[field] = normalizeElementOrder(
      merged.filter(inOrder),
      merged.filter((x) => !inOrder(x)),
      order,
      foundOriginal ? origList : [],
      m.mergeKey,
      isMap(elems[0]),
    );
    delete patch[field];
  }
}

function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], key: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const nonDelete =
    key !== '' ? patchList.filter((x) => !(isMap(x) && x[DIRECTIVE] === 'delete')) : patchList;
  let p = 0;
  let o = 0;
  while (p < nonDelete.length && o < order.length) {
    const item = nonDelete[p];
    if (isMap(item) && Object.hasOwn(item, DIRECTIVE)) {
      p++;
      continue;
    }
    if (keyOf(item, key) === keyOf(order[o], key)) p++;
    o++;
  }
  if (p < nonDelete.length && o >= order.length)
    throw new PatchError(
      `The order in patch list:\n${goValue(patchList)}\n doesn't match $setElementOrder list:\n${goValue(order)}\n`,
      'Internal',
    );
}

function keyOf(item: unknown, key: string): unknown {
  if (key === '') return item;
  return isMap(item) ? item[key] : undefined;
}

function indexIn(list: unknown[], item: unknown, key: string, maps: boolean): number {
  const v = maps ? keyOf(item, key) : item;
  return list.findIndex((x) => (maps ? keyOf(x, key) : x) === v);
}

/** deduplicateScalars, with its own order (a later duplicate is replaced by the last item). */
export function dedupScalars(s: unknown[]): unknown[] {
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
  opts: MergeOptions,
  isDeleteList: boolean,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const maps = isMap(original.length > 0 ? original[0] : patch[0]);
  let merged: unknown[];
  let orig = original;
  let plain = patch;
  if (!maps) {
    if (opts.parallel && isDeleteList) return original.filter((x) => !patch.includes(x));
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
      if (at >= 0) merged[at] = mergeMap(merged[at], v, schema, opts);
      else merged.push(v);
    }
  }
  const inPatch = (m: unknown) => indexIn(plain, m, key, maps) >= 0;
  return normalizeElementOrder(
    merged.filter(inPatch),
    merged.filter((m) => !inPatch(m)),
    plain,
    orig,
    key,
    maps,
  );
}

/**
 * normalizeSliceOrder: sort.SliceStable by the position in `order` (an item missing there is
 * "less" than anything, as the Go comparator answers), `$patch: delete` items moved to the end.
 * SliceStable is an insertion sort for the short lists objects have.
 */
export function normalizeSliceOrder(
  toSort: unknown[],
  order: unknown[],
  key: string,
  maps: boolean,
): unknown[] {
  let items = toSort;
  let toDelete: unknown[] = [];
  if (maps) {
    for (const x of [...toSort, ...order]) {
      if (!isMap(x)) throw badArgType(x);
      if (!Object.hasOwn(x, key)) throw noMergeKey(x, key);
    }
    items = toSort.filter((x) => !(isMap(x) && x[DIRECTIVE] === 'delete'));
    toDelete = toSort.filter((x) => isMap(x) && x[DIRECTIVE] === 'delete');
  }
  const out = [...items];
  const less = (a: unknown, b: unknown) => {
    const ia = indexIn(order, a, key, maps);
    if (ia < 0) return true;
    const ib = indexIn(order, b, key, maps);
    return ib < 0 ? true : ia < ib;
  };
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && less(out[j], out[j - 1]); j--) {
      const t = out[j];
      out[j] = out[j - 1];
      out[j - 1] = t;
    }
  }
  return [...out, ...toDelete];
}

/** normalizeElementOrder + mergeSortedSlice: patch items in `patchOrder`, server-only ones by `serverOrder`. */
function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  key: string,
  maps: boolean,
): unknown[] {
  const right = normalizeSliceOrder(patch, patchOrder, key, maps);
  const left = normalizeSliceOrder(serverOnly, serverOrder, key, maps);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], key, maps);
      const ri = indexIn(serverOrder, right[j], key, maps);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
