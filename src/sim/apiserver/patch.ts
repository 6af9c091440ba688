// PATCH on the API server [K8S apiserver endpoints/handlers/patch.go v0.34.9]: read the stored
// object, apply the body (JSON patch, JSON merge patch or strategic merge patch), decode the
// result with field validation `Warn` (the default when the client sends none: unknown fields
// are dropped and answered as warnings), check the name, namespace and resourceVersion, then the
// ordinary update (defaulting, validation, immutable fields, Pod spec rules, allocation). The
// errors keep the handler's shapes:
// - a body that is not JSON: 400 with encoding/json's text (`error decoding patch: …` for the
//   JSON and merge types, which first decode it strictly);
// - a JSON patch operation that fails: 422 from NewGenericServerResponse, whose message is the
//   generic `the server rejected our request due to an error in our request`;
// - a strategic patch whose list item lacks the merge key: a plain error, so 500 with reason ""
//   (`Error from server: map: map[image:x] does not contain declared merge key: name`).
import { KINDS } from '../api/kinds';
import type { K8sObject, KindName } from '../api/types';
import type { ApiError, ApiResult, PatchType } from '../contract';
import { decodeStrict } from './decode';
import { badRequest, conflict, formatValue, notFound } from './errors';
import { stableStringify } from './json';
import { convertCheck } from './patch-convert';
import { goJsonParse, goJsonType, isPlainObject, mergePatch } from './patch-json';
import { applyJsonPatch } from './patch-jsonpatch';
import { goValue, PatchError, strategicMergePatch } from './patch-strategic';
import { type FieldType, ROOT_SCHEMAS, type StructDef } from './schema';
import type { ApiServer } from './server';

// biome-ignore lint/suspicious/noExplicitAny: patched objects are loosely typed.
type Any = any;

/** metav1.Status from NewGenericServerResponse(422, …): no kind, no name, no causes. */
const GENERIC_422: ApiError = {
  code: 422,
  reason: 'Invalid',
  message: 'the server rejected our request due to an error in our request',
  details: {},
};

/** A plain (non-Status) error from the handler: ErrorToAPIStatus makes it a 500 with no reason. */
function internal(message: string): ApiError {
  return { code: 500, reason: 'Unknown', message };
}

/** NewInvalid(schema.GroupKind{}, "", [Invalid(patch, value, detail)]). */
function invalidPatch(value: string, detail: string): ApiError {
  const cause = { field: 'patch', message: `Invalid value: ${formatValue(value)}: ${detail}` };
  return {
    code: 422,
    reason: 'Invalid',
    message: ` "" is invalid: patch: ${cause.message}`,
    details: { causes: [cause] },
  };
}

/**
 * Drop the fields the kind's Go type does not have, returning their paths as the strict decoder
 * names them (decode.ts): with field validation Warn they become warnings, not errors.
 */
function pruneUnknown(s: StructDef, v: Any, path: string[], unknown: string[]): Any {
  if (!isPlainObject(v)) return v;
  const out: Any = {};
  for (const k of Object.keys(v)) {
    const f = Object.hasOwn(s.fields, k) ? s.fields[k] : undefined;
    if (!f) {
      unknown.push([...path, k].join('.'));
      continue;
    }
    out[k] = pruneValue(f, v[k], [...path, k], unknown);
  }
  return out;
}

function pruneValue(f: FieldType, v: unknown, path: string[], unknown: string[]): unknown {
  if (f.t === 'struct') return pruneUnknown(f.s, v, path, unknown);
  if (f.t === 'array' && f.elem.t === 'struct' && Array.isArray(v)) {
    const s = f.elem.s;
    // sigs.k8s.io/json's strict field stack: `containers[0].imagee`.
    const last = path[path.length - 1] ?? '';
    return v.map((x, i) => pruneUnknown(s, x, [...path.slice(0, -1), `${last}[${i}]`], unknown));
  }
  return v;
}

export function patchOne(
  api: ApiServer,
  kind: KindName,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  body: string,
  opts: { dryRun?: boolean } = {},
): ApiResult {
  const info = KINDS[kind];
  const ns = info.namespaced ? namespace || 'default' : undefined;
  const live = api.store.get(kind, ns, name);
  if (!live) return { ok: false, error: notFound(kind, name) };
  const current: Any = structuredClone(live);

  const parsed = goJsonParse(body);
  let patched: Any;
  let patchValue: unknown;
  if (type === 'json') {
    if (!parsed.ok) return { ok: false, error: badRequest(`error decoding patch: ${parsed.message}`) };
    const ops = parsed.value;
    if (ops !== null && !Array.isArray(ops)) {
      return {
        ok: false,
        error: badRequest(
          `error decoding patch: json: cannot unmarshal ${goJsonType(ops)} into Go value of type []handlers.jsonPatchOp`,
        ),
      };
    }
    const bad = (ops ?? []).find((o) => o !== null && !isPlainObject(o));
    if (bad !== undefined) {
      return {
        ok: false,
        error: badRequest(
          `error decoding patch: json: cannot unmarshal ${goJsonType(bad)} into Go value of type handlers.jsonPatchOp`,
        ),
      };
    }
    for (const o of (ops ?? []) as Any[]) {
      for (const f of ['op', 'path', 'from']) {
        if (o?.[f] !== undefined && o[f] !== null && typeof o[f] !== 'string') {
          return {
            ok: false,
            error: badRequest(
              `error decoding patch: json: cannot unmarshal ${goJsonType(o[f])} into Go struct field jsonPatchOp.${f} of type string`,
            ),
          };
        }
      }
    }
    // Apply's failure text is dropped by NewGenericServerResponse: the client sees the 422 only.
    const applied = applyJsonPatch(current, (ops ?? []) as unknown[]);
    if (!applied.ok) return { ok: false, error: GENERIC_422 };
    patched = applied.doc;
  } else {
    const prefix = type === 'merge' ? 'error decoding patch: ' : '';
    if (!parsed.ok) return { ok: false, error: badRequest(`${prefix}${parsed.message}`) };
    // jsonpatch.MergePatch refuses a `null` patch (ErrBadJSONPatch, a 400); the strategic
    // merge takes it as an empty one.
    if (type === 'merge' && parsed.value === null)
      return { ok: false, error: badRequest('Invalid JSON Patch') };
    patchValue = parsed.value ?? {};
    if (!isPlainObject(patchValue)) {
      return {
        ok: false,
        error: badRequest(
          `${prefix}json: cannot unmarshal ${goJsonType(patchValue)} into Go value of type map[string]interface {}`,
        ),
      };
    }
    if (type === 'merge') patched = mergePatch(current, patchValue);
    else {
      try {
        patched = strategicMergePatch(current, patchValue, kind);
      } catch (e) {
        if (!(e instanceof PatchError)) throw e;
        return { ok: false, error: e.status === 'BadRequest' ? badRequest(e.message) : internal(e.message) };
      }
    }
  }
  if (!isPlainObject(patched)) return { ok: false, error: GENERIC_422 };

  // Decode with field validation Warn.
  const root = ROOT_SCHEMAS[kind];
  let unknown: string[] = [];
  if (type === 'strategic' && root) {
    // The merged map goes back to the Go type through the unstructured converter.
    const c = convertCheck(root, patched);
    if ('error' in c) return { ok: false, error: invalidPatch(goValue(patchValue), c.error) };
    unknown = c.unknown;
  }
  const pruned = root ? pruneUnknown(root, patched, [], type === 'strategic' ? [] : unknown) : patched;
  const decoded = decodeStrict(kind, pruned);
  if (!decoded.ok) {
    const detail = decoded.message.replace(/^.*? cannot be handled as a \w+: /, '');
    const value = type === 'strategic' ? goValue(patchValue) : stableStringify(patched);
    return { ok: false, error: invalidPatch(value, detail) };
  }
  const obj: Any = decoded.value;
  const meta: Any = obj.metadata ?? {};
  if ((meta.name ?? '') !== name) {
    return {
      ok: false,
      error: badRequest(
        `the name of the object (${meta.name ?? ''}) does not match the name on the URL (${name})`,
      ),
    };
  }
  if (ns !== undefined && meta.namespace && meta.namespace !== ns) {
    return {
      ok: false,
      error: badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      ),
    };
  }
  if (meta.resourceVersion && meta.resourceVersion !== live.metadata.resourceVersion) {
    return {
      ok: false,
      error: conflict(
        kind,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      ),
    };
  }
  obj.metadata = { ...meta, namespace: ns };
  if (ns === undefined) delete obj.metadata.namespace;
  // Go's omitempty: an emptied label or annotation map is no map at all.
  for (const m of ['labels', 'annotations']) {
    const v = obj.metadata[m];
    if (isPlainObject(v) && Object.keys(v).length === 0) delete obj.metadata[m];
  }
  const r = api.update(obj as K8sObject, { external: true, ...(opts.dryRun ? { dryRun: true } : {}) });
  if (!r.ok) return r;
  const warnings = [...(r.warnings ?? []), ...unknown.map((f) => `unknown field "${f}"`)];
  return warnings.length > 0 ? { ok: true, object: r.object, warnings } : { ok: true, object: r.object };
}
