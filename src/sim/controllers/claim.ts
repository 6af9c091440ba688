// What the controllers that claim objects share (controller_ref_manager.go: ReplicaSets claim Pods,
// Deployments claim ReplicaSets): the orphan index, label helpers, and the release / adopt writes.
import { ownerRefTo } from '../api/owners';
import type { K8sObject, OwnerReference } from '../api/types';
import type { ControllerContext } from '../runtime/interfaces';
import { isOwn } from '../runtime/own';

export type Labels = Record<string, string> | undefined;

/**
 * Namespace → names of the objects there with no controller ownerReference, in the order they
 * became orphans. Adoption looks only at these: the real controllers list every object of the
 * namespace on each sync, which at the simulator's scale would make every sync O(objects).
 */
export type Orphans = Map<string, Set<string>>;

export function noteOrphan(orphans: Orphans, ns: string, name: string): void {
  let set = orphans.get(ns);
  if (!set) {
    set = new Set();
    orphans.set(ns, set);
  }
  set.add(name);
}

export function forgetOrphan(orphans: Orphans, ns: string, name: string): void {
  orphans.get(ns)?.delete(name);
}

/** Whether `adoptable` finds an orphan of `ns` its controller would adopt (a sync would write). */
export function anyAdoptable(orphans: Orphans, ns: string, adoptable: (name: string) => unknown): boolean {
  const names = orphans.get(ns);
  if (names) for (const name of names) if (adoptable(name)) return true;
  return false;
}

export function sameLabels(a: K8sObject, b: K8sObject): boolean {
  const la = a.metadata.labels;
  const lb = b.metadata.labels;
  return la === lb || JSON.stringify(la ?? {}) === JSON.stringify(lb ?? {});
}

export function hasKeys(o: object | undefined): boolean {
  if (!o) return false;
  for (const k in o) if (isOwn(o, k)) return true;
  return false;
}

/** Every key of `want` is in `labels` with the same value (labels.Set(want).AsSelector()). */
export function hasAll(labels: Labels, want: Record<string, string>): boolean {
  const l = labels ?? {};
  for (const k in want) {
    if (!isOwn(want, k)) continue;
    if (!Object.hasOwn(l, k) || l[k] !== want[k]) return false;
  }
  return true;
}

/**
 * ReleasePod / ReleaseReplicaSet: the strategic-merge patch `{"$patch":"delete","uid":<owner uid>}`
 * on ownerReferences. An object gone or changed meanwhile is left to the next sync (NotFound is
 * ignored).
 */
export function release(ctx: ControllerContext, owner: K8sObject, o: K8sObject): void {
  const uid = owner.metadata.uid;
  const { ownerReferences, ...rest } = o.metadata;
  const refs = (ownerReferences ?? []).filter((r) => r.uid !== uid);
  // An emptied list is omitted (omitempty), as the API returns it.
  const metadata = refs.length > 0 ? { ...rest, ownerReferences: refs } : rest;
  ctx.api.update({ ...o, metadata } as K8sObject);
}

/**
 * AdoptPod / AdoptReplicaSet: the strategic-merge patch of ownerReferences (merge key uid) with a
 * controller reference to `owner`: appended, or merged into an existing reference to the same uid.
 */
export function adopt<T extends K8sObject>(ctx: ControllerContext, owner: K8sObject, o: T): T | undefined {
  const ref = ownerRefTo(owner);
  const refs = o.metadata.ownerReferences ?? [];
  const at = refs.findIndex((r) => r.uid === ref.uid);
  const ownerReferences = at < 0 ? [...refs, ref] : refs.map((r, i) => (i === at ? { ...r, ...ref } : r));
  const r = ctx.api.update({ ...o, metadata: { ...o.metadata, ownerReferences } });
  return r.ok ? (r.object as T) : undefined;
}

/** The controller reference among `refs` (controllerRef without a closure per event). */
export function controllerOf(refs: readonly OwnerReference[] | undefined): OwnerReference | undefined {
  if (refs === undefined) return undefined;
  for (let i = 0; i < refs.length; i++) if ((refs[i] as OwnerReference).controller) return refs[i];
  return undefined;
}
