// `kubectl apply` semantics per document: resolve kind/apiVersion, strict-decode, then create
// (`created`) or three-way merge against the last-applied-configuration annotation (`configured`
// / `unchanged`). Each document stands alone; an error in one never stops the others.
// [KUBECTL apply.go; APIMACH strategicpatch (simplified: lists merge by their usual keys)]
import { isKindName, KINDS } from '../api/kinds';
import type { K8sObject, KindName } from '../api/types';
import type { ApiError, ApplyOutcome } from '../contract';
import { copyOwn } from './copy';
import { decodeStrict } from './decode';
import { badRequest } from './errors';
import { deepEqual, stableStringify } from './json';
import type { ApiServer } from './server';

// biome-ignore lint/suspicious/noExplicitAny: apply handles arbitrary user documents.
type Any = any;

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Kinds users may apply (Nodes and Events are written by the system only in this simulator). */
const APPLYABLE = new Set<string>([
  'Namespace',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'Service',
  'Endpoints',
  'EndpointSlice',
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
  // copyOwn, not spreads: these copies gain keys (copy.ts).
  const meta: Any = copyOwn(doc.metadata);
  const annotations: Any = copyOwn(meta.annotations);
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  if (namespace !== undefined) meta.namespace = namespace;
  const top: Any = copyOwn(doc);
  top.metadata = meta;
  return `${stableStringify(top)}\n`;
}

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
    const gv = info.group ? `${info.group}/${info.version}` : info.version;
    return no(
      fail(
        index,
        badRequest(
          `error when retrieving current configuration of:\nResource: "${gv}, Resource=${info.resource}", GroupVersionKind: "${gv}, Kind=${kind}"\nName: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${source}": resource name may not be empty`,
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
  opts: { namespace?: string; source?: string; createOnly?: boolean; dryRun?: boolean },
): ApplyOutcome {
  const dry = opts.dryRun ? { dryRun: true } : {};
  const r0 = resolveDoc(doc, index, opts);
  if (!r0.ok) return r0.outcome;
  const { kind, name, namespace, base } = r0;
  const decoded = decodeStrict(kind, r0.doc);
  if (!decoded.ok) return fail(index, badRequest(decoded.message), base);
  const lastApplied = lastAppliedFor(r0.doc, namespace);
  const desired: Any = copyOwn(decoded.value);
  desired.metadata = copyOwn(decoded.value.metadata);
  if (namespace !== undefined) desired.metadata.namespace = namespace;
  const annotations: Any = copyOwn(desired.metadata.annotations);
  annotations[LAST_APPLIED] = lastApplied;
  desired.metadata.annotations = annotations;

  const live = api.store.get(kind, namespace, name);
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
  if (!live) {
    const r = api.create(desired as K8sObject, dry);
    if (!r.ok) return fail(index, r.error, base);
    return outcome(index, base, { ok: true, op: 'created', object: r.object }, r.warnings ?? []);
  }
  let previous: Any;
  try {
    const text = live.metadata.annotations?.[LAST_APPLIED];
    previous = text ? JSON.parse(text) : undefined;
  } catch {
    previous = undefined;
  }
  const previousDecoded =
    previous && isPlainObject(previous) ? (decodeStrict(kind, previous) as Any).value : undefined;
  const merged = threeWayMerge(live, previousDecoded, desired) as K8sObject;
  // Deployment.spec.strategy has patchStrategy retainKeys: kubectl's patch lists the keys the file
  // gives ($retainKeys) and the server drops the others, so a switch to Recreate drops the
  // defaulted rollingUpdate. (threeWayMerge built `merged.spec.strategy` afresh: ours to edit.)
  const strategy: Any = desired.spec?.strategy;
  if (kind === 'Deployment' && isPlainObject(strategy)) {
    const out: Any = (merged as Any).spec?.strategy;
    if (isPlainObject(out)) for (const k of Object.keys(out)) if (!(k in strategy)) delete out[k];
  }
  if (deepEqual(merged, live)) {
    return outcome(
      index,
      base,
      { ok: true, op: 'unchanged', object: live },
      kind === 'Endpoints' ? [ENDPOINTS_WARN] : [],
    );
  }
  const r = api.update(merged, { external: true, ...dry });
  if (!r.ok) return fail(index, r.error, base);
  const op = r.object === live ? 'unchanged' : 'configured';
  return outcome(index, base, { ok: true, op, object: r.object }, r.warnings ?? []);
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

const MERGE_KEYS = ['name', 'containerPort', 'port', 'ip'];

function mergeKeyOf(items: unknown[]): string | undefined {
  if (items.length === 0 || !items.every(isPlainObject)) return undefined;
  return MERGE_KEYS.find((k) => (items as Any[]).every((i) => i[k] !== undefined));
}

/**
 * Merge `desired` into `live`: fields in desired win, fields that were in `previous` (the last
 * applied configuration) but are no longer in desired are removed, everything else in live
 * (defaults, allocations, status, system metadata) stays.
 */
export function threeWayMerge(live: unknown, previous: unknown, desired: unknown): unknown {
  if (isPlainObject(desired)) {
    const l: Any = isPlainObject(live) ? live : {};
    const p: Any = isPlainObject(previous) ? previous : {};
    const out: Any = { ...l };
    for (const k of Object.keys(desired)) out[k] = threeWayMerge(l[k], p[k], desired[k]);
    for (const k of Object.keys(p)) if (!(k in desired)) delete out[k];
    return out;
  }
  if (Array.isArray(desired)) {
    const key = mergeKeyOf(desired);
    if (!key || !Array.isArray(live)) return desired;
    const liveItems = live as Any[];
    const prevItems: Any[] = Array.isArray(previous) ? previous : [];
    return (desired as Any[]).map((d) => {
      const l = liveItems.find((x) => isPlainObject(x) && x[key] === d[key]);
      const p = prevItems.find((x) => isPlainObject(x) && x[key] === d[key]);
      return l ? threeWayMerge(l, p, d) : d;
    });
  }
  return desired;
}

function desiredMetaWithoutAnnotation(desired: Any): Any {
  const meta: Any = { ...desired.metadata, annotations: { ...desired.metadata.annotations } };
  delete meta.annotations[LAST_APPLIED];
  if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  return meta;
}
