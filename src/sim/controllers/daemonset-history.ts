// A user's DaemonSet's history, as the 1.34 daemon controller keeps it in ControllerRevisions
// (pkg/controller/daemon/update.go constructHistory, controlledHistories, Match, getPatch, snapshot,
// dedupCurHistories, cleanupHistory; bound late with ./daemonset-sync):
// - the revisions are claimed first (ClaimControllerRevisions: orphans the selector matches are
//   adopted, owned ones it no longer matches released); one without the controller-revision-hash
//   label gets its own name as the label;
// - getPatch: `{"spec":{"template":{…,"$patch":"replace"}}}`, the template as json.Marshal writes the
//   typed apps/v1 object and then again from a map (keys sorted; every container's `resources`
//   present, `{}` when empty; creationTimestamp is omitzero in 1.34 and so absent); a revision whose
//   data equals it byte for byte is the current one (Match);
// - none: snapshot creates `<ds>-<hash>` with hash = ComputeHash(template, collisionCount) (the same
//   FNV hash the Pods' controller-revision-hash label carries), the template's labels plus that
//   label, the DaemonSet's annotations, its controller reference, the patch and revision max(old)+1;
//   a name taken by a revision of another template bumps status.collisionCount and the sync stops;
// - several: the one with the highest revision is kept, the Pods relabelled to its hash, the
//   others deleted; its revision raised to max(old)+1 when lower;
// - cleanupHistory: old revisions beyond revisionHistoryLimit go, lowest revision first, except
//   those whose hash a Pod still carries.
import { matchesLabelSelector } from '../api/labels';
import { controllerRef, ownerRefTo } from '../api/owners';
import type { ControllerRevision, K8sObject, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { ControllerContext } from '../runtime/interfaces';
import { adopt, release } from './claim';
import { computeHash } from './deployment-hash';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export const HASH_LABEL = 'controller-revision-hash';

/**
 * encoding/json of a map[string]interface{}: keys sorted, at every depth (undefined left out); the
 * getPatch of both the daemon and the StatefulSet controller (./statefulset-history) writes so.
 */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sortKeys(x);
  }
  return out;
}

/**
 * What json.Marshal of the typed template adds: metadata and each container's resources (the
 * daemon controller's and stateful_set_utils.go's getPatch both marshal the typed template first).
 */
export function typedTemplate(t: Any): Any {
  const tpl = structuredClone(t ?? {});
  tpl.metadata ??= {};
  tpl.spec ??= {};
  for (const key of ['initContainers', 'containers']) for (const c of tpl.spec[key] ?? []) c.resources ??= {};
  return tpl;
}

/** getPatch (the kubectl rollbacker's getDaemonSetPatch is the same code). */
export function daemonSetPatch(ds: K8sObject): Any {
  const template = sortKeys(typedTemplate(ds.spec?.template)) as Any;
  // "$patch" sorts before every letter, as Go's map key order puts it.
  return { spec: { template: { $patch: 'replace', ...template } } };
}

/** The patch's bytes, to compare as Match does (bytes.Equal). */
export function patchBytes(data: unknown): string {
  return JSON.stringify(sortKeys(data));
}

const byRevision = (a: ControllerRevision, b: ControllerRevision) => a.revision - b.revision;

/** controlledHistories: the namespace's revisions claimed for `ds`. */
function controlledHistories(api: ApiServer, ds: Any, ctx: ControllerContext): ControllerRevision[] {
  const uid = ds.metadata.uid;
  const out: ControllerRevision[] = [];
  for (const cr of [
    ...api.store.byNamespace('ControllerRevision', ds.metadata.namespace),
  ] as ControllerRevision[]) {
    const ref = controllerRef(cr);
    const match = matchesLabelSelector(ds.spec.selector, cr.metadata.labels);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (match) out.push(cr);
      else release(ctx, ds, cr);
    } else if (match && !cr.metadata.deletionTimestamp && !ds.metadata.deletionTimestamp) {
      const adopted = adopt(ctx, ds, cr);
      if (adopted) out.push(adopted);
    }
  }
  return out;
}

export interface History {
  cur: ControllerRevision;
  old: ControllerRevision[];
}

/** constructHistory; undefined when the sync must stop (a hash collision, or a failed write). */
export function constructHistory(api: ApiServer, ds: Any, ctx: ControllerContext): History | undefined {
  const want = patchBytes(daemonSetPatch(ds));
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let cr of controlledHistories(api, ds, ctx)) {
    if (!Object.hasOwn(cr.metadata.labels ?? {}, HASH_LABEL)) {
      const labels = { ...(cr.metadata.labels ?? {}), [HASH_LABEL]: cr.metadata.name };
      const r = ctx.api.update({ ...cr, metadata: { ...cr.metadata, labels } });
      if (!r.ok) return undefined;
      cr = r.object as ControllerRevision;
    }
    (patchBytes(cr.data) === want ? current : old).push(cr);
  }
  const next = old.reduce((m, cr) => Math.max(m, cr.revision), 0) + 1;
  if (current.length === 0) {
    const cur = snapshot(api, ds, next, want, ctx);
    return cur ? { cur, old } : undefined;
  }
  let cur = dedup(api, ds, current, ctx);
  if (cur.revision < next) {
    const r = ctx.api.update({ ...cur, revision: next } as K8sObject);
    if (!r.ok) return undefined;
    cur = r.object as ControllerRevision;
  }
  return { cur, old };
}

function snapshot(
  api: ApiServer,
  ds: Any,
  revision: number,
  want: string,
  ctx: ControllerContext,
): ControllerRevision | undefined {
  const hash = computeHash(ds.spec.template, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const metadata: Any = {
    name,
    namespace: ds.metadata.namespace,
    labels: { ...(ds.spec.template.metadata?.labels ?? {}), [HASH_LABEL]: hash },
  };
  if (ds.metadata.annotations) metadata.annotations = { ...ds.metadata.annotations };
  metadata.ownerReferences = [ownerRefTo(ds)];
  const cr = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata,
    data: daemonSetPatch(ds),
    revision,
  } as unknown as K8sObject;
  const r = ctx.api.create(cr);
  if (r.ok) return r.object as ControllerRevision;
  if (r.error.reason !== 'AlreadyExists') return undefined;
  const existing = api.store.get('ControllerRevision', ds.metadata.namespace, name) as
    | ControllerRevision
    | undefined;
  if (existing && patchBytes(existing.data) === want) return existing;
  // A revision of another template holds the name: bump collisionCount (the next sync hashes anew).
  const fresh = api.store.get('DaemonSet', ds.metadata.namespace, ds.metadata.name) as Any;
  if (!fresh || fresh.status?.collisionCount !== ds.status?.collisionCount) return undefined;
  ctx.api.updateStatus({
    ...fresh,
    status: { ...fresh.status, collisionCount: (fresh.status?.collisionCount ?? 0) + 1 },
  });
  return undefined;
}

/** dedupCurHistories: the highest revision kept, the Pods relabelled to its hash, the rest deleted. */
function dedup(
  api: ApiServer,
  ds: Any,
  list: ControllerRevision[],
  ctx: ControllerContext,
): ControllerRevision {
  if (list.length === 1) return list[0] as ControllerRevision;
  let keep = list[0] as ControllerRevision;
  for (const cr of list) if (cr.revision >= keep.revision) keep = cr;
  const hash = keep.metadata.labels?.[HASH_LABEL] ?? keep.metadata.name;
  for (const p of api.store.byOwner(ds.metadata.uid) as Pod[]) {
    if (p.kind !== 'Pod' || p.metadata.labels?.[HASH_LABEL] === hash) continue;
    ctx.api.update({
      ...p,
      metadata: { ...p.metadata, labels: { ...(p.metadata.labels ?? {}), [HASH_LABEL]: hash } },
    });
  }
  for (const cr of list)
    if (cr !== keep) ctx.api.delete('ControllerRevision', cr.metadata.namespace, cr.metadata.name);
  return keep;
}

/** cleanupHistory: `livePods` are the DaemonSet's Pods, terminal deleted ones included. */
export function cleanupHistory(
  ds: Any,
  old: ControllerRevision[],
  livePods: readonly Pod[],
  ctx: ControllerContext,
): void {
  let toKill = old.length - (ds.spec.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return;
  const live = new Set<string>();
  for (const p of livePods) {
    const h = p.metadata.labels?.[HASH_LABEL];
    if (h) live.add(h);
  }
  for (const cr of [...old].sort(byRevision)) {
    if (toKill <= 0) break;
    if (live.has(cr.metadata.labels?.[HASH_LABEL] ?? '')) continue;
    ctx.api.delete('ControllerRevision', cr.metadata.namespace, cr.metadata.name);
    toKill--;
  }
}
