// A StatefulSet's revisions as the 1.34 controller keeps them in ControllerRevisions
// (pkg/controller/statefulset/stateful_set_control.go getStatefulSetRevisions, truncateHistory;
// stateful_set_utils.go getPatch, newRevision, ApplyRevision; pkg/controller/history
// controller_history.go NewControllerRevision, HashControllerRevision, EqualRevision,
// CreateControllerRevision), bound late with ./statefulset-controller:
// - getPatch: `{"spec":{"template":{"$patch":"replace",…}}}`, the template as json.Marshal writes the
//   typed apps/v1 object and again from a map[string]interface{} (keys sorted at every depth,
//   <, > and & escaped; every container's `resources` present; metadata `{}` at least;
//   creationTimestamp is omitzero in 1.34 and so absent);
// - the hash: FNV-1 (hash/fnv New32, not 32a) of the patch's bytes, then of the decimal
//   collisionCount (getStatefulSetRevisions always passes a pointer, so "0" is always written),
//   its decimal Sum32 encoded with rand.SafeEncodeString (each digit to one of "4".."9","b","c",
//   "d","f"); the revision is `<set>-<hash>` (the set's name cut to 223 bytes), labelled with the
//   template's labels and controller.kubernetes.io/hash, annotated with the set's annotations;
//   that name is also the Pods' controller-revision-hash label and status.updateRevision;
// - the update revision: an equal revision (same hash label and data) that is the newest is kept;
//   an older equal one gets the next revision number (a rollback); otherwise a new one is created
//   (a name taken by other data bumps collisionCount and tries again);
// - the current revision: the one named by status.currentRevision, else the update revision;
// - truncateHistory: revisions no live Pod, nor the current or update revision, uses are deleted
//   beyond revisionHistoryLimit, lowest revision first.
import { matchesLabelSelector } from '../api/labels';
import { controllerRef, ownerRefTo } from '../api/owners';
import type { K8sObject, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { ControllerContext } from '../runtime/interfaces';
import { adopt } from './claim';
import { sortKeys, typedTemplate } from './daemonset-history';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export const REVISION_LABEL = 'controller-revision-hash';
const HISTORY_HASH_LABEL = 'controller.kubernetes.io/hash';
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** json.Marshal's bytes for decoded JSON: sorted keys and HTMLEscape's \u003c \u003e \u0026. */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** getPatch's object: the template (what the typed encoding always writes added) to replace. */
export function statefulSetPatch(set: K8sObject): Any {
  return { spec: { template: { $patch: 'replace', ...typedTemplate(set.spec?.template) } } };
}

/** HashControllerRevision(revision with Data.Raw = patch, &collisionCount). */
export function revisionHash(patchJson: string, collisionCount: number): string {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(patchJson + String(collisionCount));
  for (const b of bytes) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ b) >>> 0;
  }
  let s = '';
  for (const d of String(h)) s += SAFE[d.charCodeAt(0) % SAFE.length];
  return s;
}

export const revisionName = (set: K8sObject, hash: string): string =>
  `${set.metadata.name.slice(0, 223)}-${hash}`;

/** ApplyRevision: the set with the revision's template (the replace directive dropped). */
export function applyRevision(set: Any, cr: Any): Any {
  const { $patch: _, ...template } = cr.data?.spec?.template ?? {};
  return { ...set, spec: { ...set.spec, template } };
}

const byRevision = (a: Any, b: Any): number =>
  a.revision - b.revision ||
  (a.metadata.creationTimestamp < b.metadata.creationTimestamp
    ? -1
    : a.metadata.creationTimestamp > b.metadata.creationTimestamp
      ? 1
      : a.metadata.name < b.metadata.name
        ? -1
        : 1);

/**
 * ListRevisions after adoptOrphanRevisions: the namespace's revisions the selector matches that
 * this set controls, orphans adopted first; sorted by revision (SortControllerRevisions).
 */
export function listRevisions(api: ApiServer, set: Any, ctx: ControllerContext): Any[] {
  const out: Any[] = [];
  for (const cr of [...api.store.byNamespace('ControllerRevision', set.metadata.namespace)] as Any[]) {
    if (!matchesLabelSelector(set.spec.selector, cr.metadata.labels)) continue;
    const ref = controllerRef(cr);
    if (!ref) {
      if (set.metadata.deletionTimestamp || cr.metadata.deletionTimestamp) continue;
      const adopted = adopt(ctx, set, cr);
      if (adopted) out.push(adopted);
    } else if (ref.uid === set.metadata.uid) out.push(cr);
  }
  return out.sort(byRevision);
}

export interface Revisions {
  current: Any;
  update: Any;
  collisionCount: number;
  all: Any[];
}

/** getStatefulSetRevisions; undefined when a write failed (the sync stops). */
export function statefulSetRevisions(
  api: ApiServer,
  set: Any,
  ctx: ControllerContext,
): Revisions | undefined {
  const all = listRevisions(api, set, ctx);
  let collisionCount = set.status?.collisionCount ?? 0;
  const data = statefulSetPatch(set);
  const raw = goJson(data);
  const next = all.length ? (all[all.length - 1].revision ?? 0) + 1 : 1;
  // FindEqualRevisions against the new revision: EqualRevision compares the hash labels only
  // when both parse as base-10 int32 (SafeEncodeString's letters rarely allow it), then the bytes.
  const equal = all.filter((cr) => goJson(cr.data) === raw);
  let update: Any;
  const last = all[all.length - 1];
  if (equal.length && equal[equal.length - 1] === last) update = last;
  else if (equal.length) {
    const r = ctx.api.update({ ...equal[equal.length - 1], revision: next } as K8sObject);
    if (!r.ok) return undefined;
    update = r.object;
  } else {
    for (;;) {
      const hash = revisionHash(raw, collisionCount);
      const name = revisionName(set, hash);
      const cr = {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: {
          name,
          namespace: set.metadata.namespace,
          labels: { ...set.spec.template?.metadata?.labels, [HISTORY_HASH_LABEL]: hash },
          annotations: { ...set.metadata.annotations },
          ownerReferences: [ownerRefTo(set)],
        },
        data,
        revision: next,
      } as unknown as K8sObject;
      const r = ctx.api.create(cr);
      if (r.ok) {
        update = r.object;
        all.push(update);
        break;
      }
      if (r.error.code !== 409) return undefined;
      const exists = api.store.get('ControllerRevision', set.metadata.namespace, name) as Any;
      if (exists && goJson(exists.data) === raw) {
        update = exists;
        break;
      }
      collisionCount++;
    }
  }
  const current = all.find((cr) => cr.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, all };
}

/** truncateHistory: the non-live revisions beyond revisionHistoryLimit go, oldest first. */
export function truncateHistory(set: Any, pods: Pod[], revs: Revisions, ctx: ControllerContext): void {
  const live = new Set<string>([revs.current.metadata.name, revs.update.metadata.name]);
  for (const p of pods) {
    const h = p.metadata.labels?.[REVISION_LABEL];
    if (h) live.add(h);
  }
  const history = revs.all.filter((cr) => !live.has(cr.metadata.name));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  for (const cr of history.slice(0, Math.max(0, history.length - limit)))
    ctx.api.delete('ControllerRevision', cr.metadata.namespace, cr.metadata.name);
}
