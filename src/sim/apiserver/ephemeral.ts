// The Pod's `ephemeralcontainers` subresource (PATCH pods/NAME/ephemeralcontainers, what `kubectl
// debug` sends) [K8S 1.34 pkg/registry/core/pod/storage/storage.go EphemeralContainersREST,
// pkg/registry/core/pod/strategy.go podEphemeralContainersStrategy]: the patch is applied to the
// whole stored Pod, then PrepareForUpdate (dropNonEphemeralContainerUpdates) keeps only the new
// spec.ephemeralContainers — every other change the body makes is dropped, status and metadata
// are the stored ones —, the defaulting runs (SetDefaults_EphemeralContainer), updatePodGeneration
// bumps metadata.generation when the spec changed, and ValidatePodEphemeralContainersUpdate
// (./validation-ephemeral) decides. A missing Pod is the NotFound of any Pod request.
// Bound late (src/sim/late): only kubectl debug reaches it.
import type { K8sObject } from '../api/types';
import type { ApiResult, PatchType } from '../contract';
import { copyOwn, copyTop } from './copy';
import { applyDefaultsInto } from './defaults';
import { badRequest, invalidError, notFound } from './errors';
import { deepEqual } from './json';
import { goJsonParse, goJsonType, isPlainObject, mergePatch } from './patch-json';
import { applyJsonPatch } from './patch-jsonpatch';
import { PatchError, strategicMergePatch } from './patch-strategic';
import type { ApiServer } from './server';
import { orderKeys } from './server-keys';
import { ephemeralUpdateErrors } from './validation-ephemeral';

// biome-ignore lint/suspicious/noExplicitAny: patched objects are loosely typed.
type Any = any;

/** The Pod the body makes of the stored one, or the handler's error. */
function patched(live: K8sObject, type: PatchType, body: string): { ok: true; obj: Any } | ApiResult {
  const parsed = goJsonParse(body);
  const prefix = type === 'strategic' ? '' : 'error decoding patch: ';
  if (!parsed.ok) return { ok: false, error: badRequest(`${prefix}${parsed.message}`) };
  const current = structuredClone(live) as Any;
  if (type === 'json') {
    const r = applyJsonPatch(current, Array.isArray(parsed.value) ? parsed.value : []);
    if (!r.ok)
      return {
        ok: false,
        error: {
          code: 422,
          reason: 'Invalid',
          message: 'the server rejected our request due to an error in our request',
          details: {},
        },
      };
    return { ok: true, obj: r.doc };
  }
  const value = parsed.value ?? {};
  if (!isPlainObject(value))
    return {
      ok: false,
      error: badRequest(
        `${prefix}json: cannot unmarshal ${goJsonType(value)} into Go value of type map[string]interface {}`,
      ),
    };
  if (type === 'merge') return { ok: true, obj: mergePatch(current, value) };
  try {
    return { ok: true, obj: strategicMergePatch(current, value, 'Pod') };
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    return {
      ok: false,
      error:
        e.status === 'BadRequest'
          ? badRequest(e.message)
          : { code: 500, reason: 'Unknown', message: e.message },
    };
  }
}

/** PATCH pods/NAME/ephemeralcontainers; `dryRun` answers without writing. */
export function patchEphemeralContainers(
  api: ApiServer,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  body: string,
  opts: { dryRun?: boolean } = {},
): ApiResult {
  const ns = namespace || 'default';
  const live = api.store.get('Pod', ns, name);
  if (!live) return { ok: false, error: notFound('Pod', name) };
  const p = patched(live, type, body);
  if (!('obj' in p)) return p;
  const next: Any = isPlainObject(p.obj?.spec) ? p.obj.spec.ephemeralContainers : undefined;
  // dropNonEphemeralContainerUpdates: the stored Pod with the new list (omitempty: none is none).
  const spec: Any = copyOwn(live.spec);
  if (Array.isArray(next) && next.length > 0) spec.ephemeralContainers = next;
  else delete spec.ephemeralContainers;
  const obj: Any = copyTop(live);
  obj.metadata = { ...live.metadata };
  obj.spec = spec;
  applyDefaultsInto(obj, true);
  const errs = ephemeralUpdateErrors(obj, live);
  if (errs.length > 0) return { ok: false, error: invalidError('Pod', name, errs) };
  if (deepEqual(obj.spec, live.spec)) return { ok: true, object: live };
  // updatePodGeneration: the spec changed.
  obj.metadata.generation = (live.metadata.generation ?? 1) + 1;
  if (opts.dryRun) return { ok: true, object: orderKeys(obj) };
  return { ok: true, object: api.store.put(orderKeys(obj)) };
}
