// The patch `kubectl apply` sends for an object that exists [KUBECTL v0.34.9 apply/patcher.go
// patchSimple; APIMACH v0.34.9 util/strategicpatch/patch.go CreateThreeWayMergePatch, with the
// built-in types' patch metadata]: two diffs of maps against the file (`modified`, which carries
// the new last-applied annotation):
// - delta = diffMaps(live, modified) without deletions: what the file adds or changes;
// - deletions = diffMaps(last-applied, modified) with deletions only: what the file no longer has
//   (null for a map key, `{<key>: …, $patch: delete}` for an item of a merge list,
//   `$deleteFromPrimitiveList/<field>` for a merge list of scalars such as finalizers);
// folded together with the client-side merge (patch-strategic mergeMap, parallel lists off).
// Lists that merge by key carry `$setElementOrder/<field>` when their content or order changes;
// fields with patchStrategy retainKeys get `$retainKeys`; every other list is sent whole. Items a
// list has only on the server (added by `kubectl patch` or `edit`) are never mentioned, so they
// stay. kubectl sends the patch as json.Marshal writes it (sorted keys, HTML characters escaped)
// and sends nothing when it is `{}`.

import { deepEqual, stableStringify } from './json';
import {
  badArgType,
  DELETE_PRIMITIVE,
  DIRECTIVE,
  dedupScalars,
  goValue,
  isMap,
  jsonType,
  lookupPatchMeta,
  mergeMap,
  noMergeKey,
  normalizeSliceOrder,
  PatchError,
  RETAIN_KEYS,
  SET_ORDER,
} from './patch-strategic';
import { ROOT_SCHEMAS, type StructDef } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: JSON values.
type Any = any;

interface DiffOptions {
  setElementOrder: boolean;
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  buildRetainKeys: boolean;
}

/** encoding/json's Marshal: sorted map keys, and `<`, `>`, `&`, U+2028, U+2029 escaped. */
export function goJsonMarshal(v: unknown): string {
  return goEscape(stableStringify(v));
}

/** Escapes what Go's encoder escapes and JSON.stringify does not (only ever inside strings). */
export function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** sortScalars: by the %v text of each value (sort.Sort; stable here, ties keep their order). */
function sortScalars(s: unknown[]): unknown[] {
  const keyed = s.map((v) => ({ v, k: goValue(v) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.v);
}

/** sortMapsBasedOnField: by the %v text of the merge key. */
function sortByMergeKey(s: unknown[], key: string): unknown[] {
  for (const x of s) if (!isMap(x)) throw badArgType(x);
  const keyed = s.map((v) => ({ v, k: goValue((v as Any)[key]) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.v);
}

function diffMaps(original: Any, modified: Any, schema: StructDef | undefined, o: DiffOptions): Any {
  const patch: Any = {};
  const retain: string[] = [];
  for (const key of Object.keys(modified)) {
    const mv = modified[key];
    if (o.buildRetainKeys && mv !== null) retain.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (key === DIRECTIVE) {
      // handleDirectiveMarker
      if (typeof ov !== 'string' || typeof mv !== 'string')
        throw new PatchError(`invalid value for special key: ${DIRECTIVE}`, 'Internal');
      if (ov !== mv) patch[key] = mv;
      continue;
    }
    if (jsonType(ov) !== jsonType(mv)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    if (isMap(ov)) handleMapDiff(key, ov, mv, patch, schema, o);
    else if (Array.isArray(ov)) handleSliceDiff(key, ov, mv, patch, schema, o);
    else if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
  }
  // updatePatchIfMissing: null for every key the newer side no longer has.
  if (!o.ignoreDeletions)
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  if (retain.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified)))
    patch[RETAIN_KEYS] = sortScalars(retain);
  return patch;
}

function hasAdditionalNewField(original: Any, modified: Any): boolean {
  for (const k of Object.keys(original)) if (original[k] !== null && !Object.hasOwn(modified, k)) return true;
  return false;
}

function handleMapDiff(
  key: string,
  ov: Any,
  mv: Any,
  patch: Any,
  schema: StructDef | undefined,
  o: DiffOptions,
) {
  const m = lookupPatchMeta(schema, key);
  if (m.strategy === 'replace') {
    if (!o.ignoreChangesAndAdditions) patch[key] = mv;
    return;
  }
  const value = diffMaps(ov, mv, m.sub, { ...o, buildRetainKeys: m.retainKeys });
  if (Object.keys(value).length > 0) patch[key] = value;
}

function handleSliceDiff(
  key: string,
  ov: unknown[],
  mv: unknown[],
  patch: Any,
  schema: StructDef | undefined,
  o: DiffOptions,
) {
  const m = lookupPatchMeta(schema, key);
  if (m.strategy !== 'merge') {
    if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
    return;
  }
  const [add, del, order] = diffLists(ov, mv, m.sub, m.mergeKey, { ...o, buildRetainKeys: m.retainKeys });
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`${DELETE_PRIMITIVE}${key}`] = del;
  if (order.length > 0) patch[`${SET_ORDER}${key}`] = order;
}

/** The added/changed items, the deleted scalars and the `$setElementOrder` list of a merge list. */
function diffLists(
  original: unknown[],
  modified: unknown[],
  schema: StructDef | undefined,
  key: string,
  o: DiffOptions,
): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || o.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const first = original[0];
  const all = [...original, ...modified];
  if (Array.isArray(first)) throw new PatchError('lists of lists are not supported', 'Internal');
  if (all.some((x) => jsonType(x) !== jsonType(first)))
    throw new PatchError(
      `list element types are not identical: ${goValue([original, modified])}`,
      'Internal',
    );
  if (isMap(first)) {
    const [changed, deleted] = diffListsOfMaps(original, modified, schema, key, o);
    const patchList = [...normalizeSliceOrder(changed, modified, key, true), ...deleted];
    const orderSame = isOrderSame(original, modified, key);
    let order: unknown[] = [];
    if (
      o.setElementOrder &&
      ((!o.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
        (!o.ignoreDeletions && patchList.length > 0))
    )
      order = modified.map((v) => ({ [key]: (v as Any)[key] }));
    return [patchList, [], order];
  }
  const [added, deleted] = diffListsOfScalars(original, modified, o);
  const patchList = normalizeSliceOrder(added, modified, key, false);
  const order =
    o.setElementOrder &&
    ((!o.ignoreDeletions && deleted.length > 0) ||
      (!o.ignoreChangesAndAdditions && !deepEqual(original, modified)))
      ? modified
      : [];
  return [patchList, deleted, order];
}

function isOrderSame(original: unknown[], modified: unknown[], key: string): boolean {
  if (original.length !== modified.length) return false;
  for (let i = 0; i < modified.length; i++) {
    const a = original[i];
    const b = modified[i];
    if (!isMap(a)) throw badArgType(a);
    if (!isMap(b)) throw badArgType(b);
    if (!Object.hasOwn(a, key)) throw noMergeKey(a, key);
    if (!Object.hasOwn(b, key)) throw noMergeKey(b, key);
    if (a[key] !== b[key]) return false;
  }
  return true;
}

/** Both lists sorted by their %v text and walked together (additions, deletions). */
function diffListsOfScalars(
  original: unknown[],
  modified: unknown[],
  o: DiffOptions,
): [unknown[], unknown[]] {
  const os = sortScalars(original);
  const ms = sortScalars(modified);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const oi = i < os.length;
    const mj = j < ms.length;
    const a = oi ? goValue(os[i]) : '';
    const b = mj ? goValue(ms[j]) : '';
    if (oi && mj && a === b) {
      i++;
      j++;
    } else if (!oi || (mj && a > b)) {
      if (!o.ignoreChangesAndAdditions) add.push(ms[j]);
      j++;
    } else {
      if (!o.ignoreDeletions) del.push(os[i]);
      i++;
    }
  }
  return [add, dedupScalars(del)];
}

/** Both lists sorted by the %v text of the merge key and walked together. */
function diffListsOfMaps(
  original: unknown[],
  modified: unknown[],
  schema: StructDef | undefined,
  key: string,
  o: DiffOptions,
): [unknown[], unknown[]] {
  const os = sortByMergeKey(original, key) as Any[];
  const ms = sortByMergeKey(modified, key) as Any[];
  const patch: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const oi = i < os.length;
    const mj = j < ms.length;
    if (oi && !Object.hasOwn(os[i], key)) throw noMergeKey(os[i], key);
    if (mj && !Object.hasOwn(ms[j], key)) throw noMergeKey(ms[j], key);
    const a = oi ? goValue(os[i][key]) : '';
    const b = mj ? goValue(ms[j][key]) : '';
    if (oi && mj && a === b) {
      const value = diffMaps(os[i], ms[j], schema, o);
      if (Object.keys(value).length > 0) {
        value[key] = ms[j][key];
        patch.push(value);
      }
      i++;
      j++;
    } else if (!oi || (mj && a > b)) {
      if (!o.ignoreChangesAndAdditions) patch.push(ms[j]);
      j++;
    } else {
      if (!o.ignoreDeletions) del.push({ [key]: os[i][key], [DIRECTIVE]: 'delete' });
      i++;
    }
  }
  return [patch, del];
}

/**
 * CreateThreeWayMergePatch(original = last applied, modified = the file with its new
 * last-applied annotation, current = live) with overwrite (kubectl apply's default), as a map.
 * Throws PatchError where kubectl fails to compute one (a merge-list item without its key).
 */
export function threeWayPatch(
  original: Record<string, unknown>,
  modified: Record<string, unknown>,
  current: Record<string, unknown>,
  kind: string,
): Record<string, unknown> {
  const schema = ROOT_SCHEMAS[kind];
  const o = structuredClone(original);
  const m = structuredClone(modified);
  // The live object as kubectl reads it (JSON): a key whose value is undefined is no key at all.
  const c = JSON.parse(JSON.stringify(current));
  const delta = diffMaps(c, m, schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: true,
    buildRetainKeys: false,
  });
  const deletions = diffMaps(o, m, schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: true,
    ignoreDeletions: false,
    buildRetainKeys: false,
  });
  return mergeMap(deletions, delta, schema, { parallel: false });
}

/**
 * CreateTwoWayMergePatch(original, modified) with the built-in type's patch metadata
 * [APIMACH v0.34.9 util/strategicpatch/patch.go CreateTwoWayMergeMapPatchUsingLookupPatchMeta:
 * diffMaps with only SetElementOrder]: what `kubectl edit` sends. Throws PatchError where the
 * library fails (a merge-list item without its key).
 */
export function twoWayPatch(
  original: Record<string, unknown>,
  modified: Record<string, unknown>,
  kind: string,
): Record<string, unknown> {
  return diffMaps(structuredClone(original), structuredClone(modified), ROOT_SCHEMAS[kind], {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: false,
    buildRetainKeys: false,
  });
}
