// `kubectl apply` semantics per document: resolve kind/apiVersion, then create (`created`, the
// document strict-decoded by the server) or, for an object that exists, kubectl's three-way
// strategic merge patch against the last-applied-configuration annotation (apply-patch.ts) sent
// to the server's PATCH (`configured`), or nothing sent when that patch is `{}` (`unchanged`).
// Each document stands alone; an error in one never stops the others.
// [KUBECTL apply.go applyOneObject, patcher.go; APIMACH strategicpatch]
import { isKindName, KINDS } from '../api/kinds';
import type { K8sObject, KindName } from '../api/types';
import type { ApiError, ApplyOutcome } from '../contract';
import { usualDeployment, usualService } from './apply-create';
import { goJsonMarshal, threeWayPatch } from './apply-patch';
import { copyOwn, keysAre } from './copy';
import { decodeStrict } from './decode';
import { badRequest, conflict, formatValue, notFound } from './errors';
import { patchOne } from './patch';
import { convertCheck } from './patch-convert';
import { goValue, PatchError, strategicMergePatch } from './patch-strategic';
import { ROOT_SCHEMAS } from './schema';
import type { ApiServer } from './server';

// biome-ignore lint/suspicious/noExplicitAny: apply handles arbitrary user documents.
type Any = any;

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Kinds users may apply (Nodes and Events are written by the system only in this simulator). */
const APPLYABLE = new Set<string>([
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'PodDisruptionBudget',
  'Namespace',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'Service',
  'Endpoints',
  'EndpointSlice',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `{ index, ...base, result, warnings }` written out: a spread followed by new keys is V8's slow
 * path (copy.ts), and every applied document gets one of these.
 */
function outcome(
  index: number,
  base: { kind: string; name: string; namespace?: string },
  result: ApplyOutcome['result'],
  warnings: string[],
): ApplyOutcome {
  return base.namespace !== undefined
    ? { index, kind: base.kind, name: base.name, namespace: base.namespace, result, warnings }
    : { index, kind: base.kind, name: base.name, result, warnings };
}

function fail(index: number, error: ApiError, extra: Partial<ApplyOutcome> = {}): ApplyOutcome {
  return { index, ...extra, result: { ok: false, error }, warnings: [] };
}

/** The annotation kubectl stores: the applied document as sorted-key JSON plus a newline. */
export function lastAppliedFor(doc: Record<string, unknown>, namespace: string | undefined): string {
  // The usual document (apiVersion, kind, metadata, spec; a metadata of a name and maybe labels):
  // the same keys and values as the copies below, written as literals with their keys already in
  // sorted order, so sortedCopy copies nothing of the top level or the metadata either.
  const m: Any = doc.metadata;
  if (keysAre(doc, USUAL_DOC_KEYS) && m !== null && typeof m === 'object') {
    let meta: Any;
    if (keysAre(m, NAME_KEY))
      meta =
        namespace !== undefined
          ? { annotations: NO_ANNOTATIONS, name: m.name, namespace }
          : { annotations: NO_ANNOTATIONS, name: m.name };
    else if (keysAre(m, NAME_LABELS_KEYS))
      meta =
        namespace !== undefined
          ? { annotations: NO_ANNOTATIONS, labels: m.labels, name: m.name, namespace }
          : { annotations: NO_ANNOTATIONS, labels: m.labels, name: m.name };
    if (meta !== undefined)
      return `${goJsonMarshal({ apiVersion: doc.apiVersion, kind: doc.kind, metadata: meta, spec: doc.spec })}\n`;
  }
  // copyOwn, not spreads: these copies gain keys (copy.ts).
  const meta: Any = copyOwn(doc.metadata);
  const annotations: Any = copyOwn(meta.annotations);
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  if (namespace !== undefined) meta.namespace = namespace;
  const top: Any = copyOwn(doc);
  top.metadata = meta;
  return `${goJsonMarshal(top)}\n`;
}

const USUAL_DOC_KEYS: readonly string[] = ['apiVersion', 'kind', 'metadata', 'spec'];
const NAME_KEY: readonly string[] = ['name'];
const NAME_LABELS_KEYS: readonly string[] = ['name', 'labels'];
/** The annotations a document without any has in its last-applied JSON (only ever stringified). */
const NO_ANNOTATIONS = Object.freeze({});

/** A document that passed kubectl's client-side checks: its kind, name and namespace resolved. */
interface Resolved {
  doc: Record<string, unknown>;
  kind: KindName;
  name: string;
  namespace: string | undefined;
  base: { kind: string; name: string; namespace?: string };
}

/**
 * What kubectl checks before it sends anything: the document decodes to an object with kind and
 * apiVersion, the kind is mapped, the namespace agrees with --namespace, and the name is not
 * empty (the GET of the current configuration needs one).
 */
function resolveDoc(
  doc: unknown,
  index: number,
  opts: { namespace?: string; source?: string; createOnly?: boolean },
): { ok: false; outcome: ApplyOutcome } | ({ ok: true } & Resolved) {
  const source = opts.source ?? 'STDIN';
  const no = (outcome: ApplyOutcome) => ({ ok: false as const, outcome });
  if (!isPlainObject(doc)) {
    const t = Array.isArray(doc) ? 'array' : doc === null ? 'null' : typeof doc;
    return no(
      fail(
        index,
        badRequest(
          `unable to decode "${source}": json: cannot unmarshal ${t} into Go value of type map[string]interface {}`,
        ),
      ),
    );
  }
  const kindText = doc.kind;
  const apiVersion = doc.apiVersion;
  if (typeof kindText !== 'string' || kindText === '') {
    return no(
      fail(index, badRequest(`unable to decode "${source}": Object 'Kind' is missing in '${safeJson(doc)}'`)),
    );
  }
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    return no(
      fail(
        index,
        badRequest(`unable to decode "${source}": Object 'apiVersion' is missing in '${safeJson(doc)}'`),
      ),
    );
  }
  const meta: Any = isPlainObject(doc.metadata) ? doc.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const docNs = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (!isKindName(kindText) || KINDS[kindText].apiVersion !== apiVersion || !APPLYABLE.has(kindText)) {
    return no(
      fail(
        index,
        {
          code: 404,
          reason: 'NotFound',
          message: `resource mapping not found for name: "${name}" namespace: "${docNs}" from "${source}": no matches for kind "${kindText}" in version "${apiVersion}"\nensure CRDs are installed first`,
        },
        { kind: kindText, name },
      ),
    );
  }
  const kind: KindName = kindText;
  const info = KINDS[kind];
  const namespace = info.namespaced ? docNs || opts.namespace || 'default' : undefined;
  const base: { kind: string; name: string; namespace?: string } =
    namespace !== undefined ? { kind, name, namespace } : { kind, name };
  if (info.namespaced && docNs && opts.namespace && docNs !== opts.namespace) {
    return no(
      fail(
        index,
        badRequest(
          `the namespace from the provided object "${docNs}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${docNs}' to perform this operation.`,
        ),
        base,
      ),
    );
  }
  // `kubectl create` POSTs without a GET, so an object with only `generateName` gets its name from
  // the server (and one with neither gets the server's "name or generateName is required"); only
  // apply's GET of the current object needs a name. [KUBECTL create.go RunCreate, apply.go]
  if (name === '' && !opts.createOnly) {
    return no(
      fail(
        index,
        badRequest(
          `error when retrieving current configuration of:\n${infoString(kind, '', namespace)}\nfrom server for: "${source}": resource name may not be empty`,
        ),
        base,
      ),
    );
  }
  return { ok: true, doc, kind, name, namespace, base };
}

export function applyOne(
  api: ApiServer,
  doc: unknown,
  index: number,
  /** `dryRun`: every write is a server-side dry run (see ApiServer.create / update). */
  opts: {
    namespace?: string;
    source?: string;
    createOnly?: boolean;
    dryRun?: boolean;
    /** `kubectl replace`: a PUT of the document (`saveConfig`: --save-config). */
    replace?: { saveConfig: boolean };
  },
): ApplyOutcome {
  const dry = opts.dryRun ? { dryRun: true } : {};
  const r0 = resolveDoc(doc, index, opts);
  if (!r0.ok) return r0.outcome;
  const { kind, name, namespace, base } = r0;
  const live = api.store.get(kind, namespace, name);
  if (opts.replace) return replaceExisting(api, r0, live, index, opts.replace.saveConfig, dry);
  if (live && !opts.createOnly) return patchExisting(api, r0, live, index, opts);
  // The usual new Deployment or Service: decoded, defaulted and validated in one pass
  // (./apply-create).
  const usualOf = kind === 'Deployment' ? usualDeployment : kind === 'Service' ? usualService : undefined;
  const usual =
    usualOf && !opts.createOnly && !opts.dryRun && namespace !== undefined && !api.general
      ? usualOf(r0.doc, name, namespace, lastAppliedFor(r0.doc, namespace))
      : undefined;
  if (usual) {
    const r = api.create(usual, { prepared: true });
    if (!r.ok) return fail(index, r.error, base);
    return outcome(index, base, { ok: true, op: 'created', object: r.object }, r.warnings ?? []);
  }
  const decoded = decodeStrict(kind, r0.doc);
  if (!decoded.ok) return fail(index, badRequest(decoded.message), base);
  const desired: Any = copyOwn(decoded.value);
  desired.metadata = copyOwn(decoded.value.metadata);
  if (namespace !== undefined) desired.metadata.namespace = namespace;
  const annotations: Any = copyOwn(desired.metadata.annotations);
  annotations[LAST_APPLIED] = lastAppliedFor(r0.doc, namespace);
  desired.metadata.annotations = annotations;
  if (opts.createOnly) {
    // `kubectl create` stores no last-applied annotation and refuses an existing object.
    const r = api.create(
      {
        ...decoded.value,
        metadata: { ...desiredMetaWithoutAnnotation(desired) },
      } as K8sObject,
      dry,
    );
    if (!r.ok) return fail(index, r.error, base);
    return outcome(index, base, { ok: true, op: 'created', object: r.object }, r.warnings ?? []);
  }
  const r = api.create(desired as K8sObject, dry);
  if (!r.ok) return fail(index, r.error, base);
  return outcome(index, base, { ok: true, op: 'created', object: r.object }, r.warnings ?? []);
}

/**
 * `kubectl replace -f`: a PUT of the document as written (kubectl replace.go, resource.Helper
 * Replace with overwrite): kubectl fills in the stored resourceVersion when the file has none, so
 * the update is unconditional; a file that names another resourceVersion fails the storage's
 * precondition with the optimistic-lock Conflict (apiserver registry/generic/registry/store.go).
 * The last-applied annotation is written only with --save-config or when the file carries one
 * (util.CreateOrUpdateAnnotation); otherwise the PUT drops it with every other key the file lacks.
 */
function replaceExisting(
  api: ApiServer,
  r0: Resolved,
  live: K8sObject | undefined,
  index: number,
  saveConfig: boolean,
  dry: { dryRun?: boolean },
): ApplyOutcome {
  const { kind, name, namespace, base } = r0;
  if (!live) return fail(index, notFound(kind, name), base);
  const decoded = decodeStrict(kind, r0.doc);
  if (!decoded.ok) return fail(index, badRequest(decoded.message), base);
  const desired: Any = copyOwn(decoded.value);
  const meta: Any = copyOwn(decoded.value.metadata);
  desired.metadata = meta;
  if (namespace !== undefined) meta.namespace = namespace;
  if (saveConfig || meta.annotations?.[LAST_APPLIED] !== undefined) {
    meta.annotations = { ...(meta.annotations ?? {}), [LAST_APPLIED]: lastAppliedFor(r0.doc, namespace) };
  }
  const rv = meta.resourceVersion;
  if (rv === undefined || rv === '') meta.resourceVersion = live.metadata.resourceVersion;
  else if (rv !== live.metadata.resourceVersion)
    return fail(
      index,
      conflict(
        kind,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      ),
      base,
    );
  const r = api.update(desired as K8sObject, { external: true, ...dry });
  if (!r.ok) return fail(index, r.error, base);
  return outcome(index, base, { ok: true, op: 'configured', object: r.object }, r.warnings ?? []);
}

/**
 * The file as kubectl sends it (GetModifiedConfiguration): the document with its namespace and
 * the new last-applied annotation; and that annotation's text.
 */
export function modifiedFor(
  doc: Record<string, unknown>,
  namespace: string | undefined,
): Record<string, unknown> {
  const top: Any = copyOwn(doc);
  const meta: Any = copyOwn(isPlainObject(doc.metadata) ? doc.metadata : {});
  if (namespace !== undefined) meta.namespace = namespace;
  const annotations: Any = copyOwn(isPlainObject(meta.annotations) ? meta.annotations : {});
  annotations[LAST_APPLIED] = lastAppliedFor(doc, namespace);
  meta.annotations = annotations;
  top.metadata = meta;
  return top;
}

/** The last-applied configuration kubectl reads back (GetOriginalConfiguration), as a map. */
function originalOf(live: K8sObject): { text: string; map: Record<string, unknown> } | { error: string } {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (text === undefined || text === '') return { text: text ?? '', map: {} };
  try {
    const v = JSON.parse(text);
    // json.Unmarshal into a map: `null` leaves the map empty, anything else is ErrBadJSONDoc.
    if (v === null) return { text, map: {} };
    if (isPlainObject(v)) return { text, map: v };
  } catch {
    // ErrBadJSONDoc below.
  }
  return { error: 'invalid JSON document' };
}

/** resource.Info's String(): the mapping, then the name and namespace. */
export function infoString(kind: KindName, name: string, namespace: string | undefined): string {
  const info = KINDS[kind];
  // GroupVersionResource.String() / GroupVersionKind.String(): `/v1` for the core group.
  const gv = `${info.group}/${info.version}`;
  return `Resource: "${gv}, Resource=${info.resource}", GroupVersionKind: "${gv}, Kind=${kind}"\nName: "${name}", Namespace: "${namespace ?? ''}"`;
}

/**
 * The patch kubectl apply computes for `doc` against `live` (patcher.go patchSimple), as the
 * JSON it sends; an error text where it cannot compute one.
 */
export function applyPatchFor(
  doc: Record<string, unknown>,
  live: K8sObject,
  kind: KindName,
  namespace: string | undefined,
): { ok: true; patch: string } | { ok: false; modified: string; original: string; message: string } {
  const modified = modifiedFor(doc, namespace);
  const original = originalOf(live);
  try {
    if ('error' in original) throw new PatchError(original.error, 'BadRequest');
    const patch = threeWayPatch(original.map, modified, live as unknown as Record<string, unknown>, kind);
    return { ok: true, patch: goJsonMarshal(patch) };
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    return {
      ok: false,
      modified: `${goJsonMarshal(modified)}\n`,
      original: 'error' in original ? (live.metadata.annotations?.[LAST_APPLIED] ?? '') : original.text,
      message: e.message,
    };
  }
}

/**
 * An existing object: kubectl's three-way patch, PATCHed as a strategic merge patch with field
 * validation Strict (apply's default), or nothing sent when the patch is `{}` (`unchanged`).
 * Any other patch is `configured`, whatever the server makes of it. [KUBECTL apply.go
 * applyOneObject, patcher.go Patch]
 */
function patchExisting(
  api: ApiServer,
  r0: Resolved,
  live: K8sObject,
  index: number,
  opts: { source?: string; dryRun?: boolean },
): ApplyOutcome {
  const { kind, name, namespace, base } = r0;
  const source = opts.source ?? 'STDIN';
  const computed = applyPatchFor(r0.doc, live, kind, namespace);
  if (!computed.ok) {
    // createPatchErrFormat, wrapped by Patch ("patching") and applyOneObject (no patch bytes).
    const message = `error when applying patch:\n\nto:\n${infoString(kind, name, namespace)}\nfor: "${source}": error when patching "${source}": creating patch with:\noriginal:\n${computed.original}\nmodified:\n${computed.modified}\ncurrent:\n${goJsonMarshal(live)}\n\nfor: ${computed.message}`;
    return fail(index, { code: 400, reason: 'BadRequest', message }, base);
  }
  if (computed.patch === '{}') {
    return outcome(
      index,
      base,
      { ok: true, op: 'unchanged', object: live },
      kind === 'Endpoints' ? [ENDPOINTS_WARN] : [],
    );
  }
  const strict = strictFieldErrors(live, computed.patch, kind);
  if (strict) return fail(index, strict, base);
  const r = patchOne(
    api,
    kind,
    namespace,
    name,
    'strategic',
    computed.patch,
    opts.dryRun ? { dryRun: true } : {},
  );
  if (!r.ok) return fail(index, r.error, base);
  return outcome(index, base, { ok: true, op: 'configured', object: r.object }, r.warnings ?? []);
}

/**
 * Field validation Strict on the PATCH (applyPatchToObject): unknown fields of the merged object
 * fail it as an Invalid `patch` (NewInvalid(GroupKind{}, "")) instead of becoming warnings. The
 * patch handler (patchOne) answers every other failure itself.
 */
export function strictFieldErrors(live: K8sObject, patchText: string, kind: KindName): ApiError | undefined {
  const root = ROOT_SCHEMAS[kind];
  if (!root) return undefined;
  const patch = JSON.parse(patchText) as Record<string, unknown>;
  let merged: Record<string, unknown>;
  try {
    merged = strategicMergePatch(live as unknown as Record<string, unknown>, patch, kind);
  } catch {
    return undefined;
  }
  const c = convertCheck(root, merged);
  if ('error' in c || c.unknown.length === 0) return undefined;
  const detail = `strict decoding error: ${c.unknown.map((f) => `unknown field "${f}"`).join(', ')}`;
  const cause = { field: 'patch', message: `Invalid value: ${formatValue(goValue(patch))}: ${detail}` };
  return {
    code: 422,
    reason: 'Invalid',
    message: ` "" is invalid: patch: ${cause.message}`,
    details: { causes: [cause] },
  };
}

/**
 * `kubectl apply --dry-run=client` for one document: kubectl's own checks (resolveDoc) and the GET
 * of the current object, and nothing sent. A new object is reported `created` as kubectl would
 * send it (namespace set, the last-applied annotation added, then nulls pruned); an existing one
 * is always `configured` (no patch is computed) and reported as the server has it (info.Get
 * refreshed it). The server's strict field validation never runs. [KUBECTL apply.go
 * applyOneObject with DryRunClient]
 */
export function clientDryRunOne(
  get: (kind: KindName, namespace: string | undefined, name: string) => K8sObject | undefined,
  doc: unknown,
  index: number,
  opts: { namespace?: string; source?: string },
): ApplyOutcome {
  const r0 = resolveDoc(doc, index, opts);
  if (!r0.ok) return r0.outcome;
  const { kind, name, namespace, base } = r0;
  const live = get(kind, namespace, name);
  if (live) return outcome(index, base, { ok: true, op: 'configured', object: live }, []);
  const obj: Any = copyOwn(r0.doc);
  const meta: Any = copyOwn(isPlainObject(r0.doc.metadata) ? r0.doc.metadata : {});
  if (namespace !== undefined) meta.namespace = namespace;
  const annotations: Any = copyOwn(isPlainObject(meta.annotations) ? meta.annotations : {});
  annotations[LAST_APPLIED] = lastAppliedFor(r0.doc, namespace);
  meta.annotations = annotations;
  obj.metadata = meta;
  return outcome(index, base, { ok: true, op: 'created', object: pruneNulls(obj) as K8sObject }, []);
}

/** pruneNullsFromMap: a copy without the map entries whose value is null (recursively). */
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isPlainObject(v)) return v;
  const out: Any = {};
  for (const k of Object.keys(v)) if (v[k] !== null) out[k] = pruneNulls(v[k]);
  return out;
}

const ENDPOINTS_WARN = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

function safeJson(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s.length > 2000 ? `${s.slice(0, 2000)}…` : s;
  } catch {
    return '{}';
  }
}

function desiredMetaWithoutAnnotation(desired: Any): Any {
  const meta: Any = { ...desired.metadata, annotations: { ...desired.metadata.annotations } };
  delete meta.annotations[LAST_APPLIED];
  if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  return meta;
}
