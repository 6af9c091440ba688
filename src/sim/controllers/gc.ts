// Garbage collector: when an owner disappears, its dependents are deleted in the background
// (Deployment → ReplicaSets → Pods; DaemonSet, StatefulSet and Job → Pods; CronJob → Jobs; Service → EndpointSlices). A dependent is deleted only when
// none of its owners exists any more. Nothing owns Services or Endpoints, so deleting a
// Deployment never touches them (§B9, §C5). An owner deleted in the foreground stays, with the
// foregroundDeletion finalizer, while its dependents are deleted (in the foreground themselves
// when they have dependents); once none is left the finalizer goes and the owner with it.
// [K8S pkg/controller/garbagecollector]
import { isKindName } from '../api/kinds';
import { FOREGROUND_DELETION } from '../api/owners';
import type { K8sObject, KindName, OwnerReference } from '../api/types';
import { LazyObject, type Store } from '../apiserver/store';
import { type Controller, type ControllerContext, NO_KEYS, type WatchEvent } from '../runtime/interfaces';

/**
 * Some owner exists (or is of a kind the simulator does not serve, which is taken to exist). The
 * uid index holds no lazy entry (the boot DaemonSets, ../apiserver/published): one under the
 * owner's name is it (the GC's isDangling looks the owner up by name too).
 */
function anOwnerExists(store: Store, refs: readonly OwnerReference[], ns?: string): boolean {
  for (const r of refs) {
    // By uid first: the usual owner exists (and the kind check is then not needed).
    if (store.getByUid(r.uid) || !isKindName(r.kind)) return true;
    // An object written whole under that name is in the uid index: another uid is not the owner.
    const e = store.entry(r.kind, ns, r.name);
    if (e instanceof LazyObject && e.live) return true;
  }
  return false;
}

/** Marked for deletion and waiting for its dependents (deletingDependents in the GC's graph). */
function deletingDependents(o: K8sObject | undefined): boolean {
  return !!o?.metadata.deletionTimestamp && !!o.metadata.finalizers?.includes(FOREGROUND_DELETION);
}

export function createGarbageCollector(store: Store): Controller {
  return new GarbageCollector(store);
}

const GC_WATCHES: readonly KindName[] = [
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'Service',
  'Pod',
  'EndpointSlice',
  'Endpoints',
];

/**
 * A class, not a closure per cluster: every cluster's collector shares the methods, so V8's
 * feedback and optimized code for keysFor carry over to a fresh cluster.
 */
class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  readonly watches: readonly KindName[] = GC_WATCHES;
  // A status-only write keeps the metadata object, so keysFor's answer for it is always none
  // (below): the manager need not ask.
  readonly statusWrites = 'none';
  constructor(private readonly store: Store) {}

  keysFor(ev: WatchEvent): string[] {
    const store = this.store;
    const o = ev.view;
    if (ev.type === 'DELETED') {
      // The owner is gone: look at each dependent (indexed by owner uid). A dependent gone
      // may be the last one an owner deleting in the foreground waits for: look at it too.
      const deps = store.byOwner(o.metadata.uid);
      let keys = deps.length === 0 ? NO_KEYS : deps.map((d) => d.metadata.uid);
      for (const r of o.metadata.ownerReferences ?? []) {
        if (!deletingDependents(store.getByUid(r.uid))) continue;
        keys = keys === NO_KEYS ? [r.uid] : [...keys, r.uid];
      }
      return keys;
    }
    // The metadata read once (this site sees every kind: each read is a megamorphic load).
    const meta = o.metadata;
    const marked = meta.deletionTimestamp;
    // An update queues the object only when it is newly marked for foreground deletion (owners
    // are looked at only when added): one with no deletion mark, most writes, needs no more reads.
    const added = ev.type === 'ADDED';
    if (!added && !marked) return NO_KEYS;
    // A write that kept the metadata object (a status write: a status version's view shares its
    // base's) changes nothing read below: no new mark, and owners are looked at only when added.
    const old = ev.oldView;
    if (old !== undefined && old.metadata === meta) return NO_KEYS;
    // Marked for foreground deletion: its dependents are to go.
    if (marked && meta.finalizers?.includes(FOREGROUND_DELETION) && !deletingDependents(old))
      return [meta.uid];
    // A new object may name an owner that is already gone. One whose owner exists needs no
    // look: the reconcile would find the owner and stop, and should that owner go later, its
    // DELETED event queues this object then (the graph builder's "virtual" owner check happens
    // only for owners it has not observed). [K8S garbagecollector/graph_builder.go]
    const refs = added ? meta.ownerReferences : undefined;
    if (!refs?.length || anOwnerExists(store, refs, ev.namespace)) return NO_KEYS;
    return [meta.uid];
  }

  reconcile(uid: string, ctx: ControllerContext): void {
    const store = this.store;
    const o = store.getByUid(uid);
    if (!o) return;
    if (deletingDependents(o)) {
      deleteDependents(store, ctx, o);
      return;
    }
    if (o.metadata.deletionTimestamp) return;
    const refs = o.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    // An owner of a kind the simulator does not serve (the DaemonSet behind kube-proxy's Pods)
    // cannot be looked up, so it is taken to exist, as the real GC finds it does.
    if (anOwnerExists(store, refs, o.metadata.namespace)) return;
    if (!isKindName(o.kind)) return;
    ctx.api.delete(o.kind as KindName, o.metadata.namespace, o.metadata.name, {
      propagationPolicy: 'Background',
    });
  }
}

/**
 * An owner deleting in the foreground: delete each dependent not yet being deleted (in the
 * foreground if it has dependents of its own, as attemptToDeleteItem does for a dependent whose
 * owner waits for it), and once none is left remove the finalizer, which deletes the owner.
 */
function deleteDependents(store: Store, ctx: ControllerContext, owner: K8sObject): void {
  const deps = store.byOwner(owner.metadata.uid);
  if (deps.length === 0) {
    const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_DELETION);
    const meta = { ...owner.metadata, finalizers };
    if (finalizers.length === 0) delete (meta as { finalizers?: string[] }).finalizers;
    ctx.api.update({ ...owner, metadata: meta });
    return;
  }
  for (const d of deps) {
    if (d.metadata.deletionTimestamp || !isKindName(d.kind)) continue;
    const policy = store.byOwner(d.metadata.uid).length > 0 ? 'Foreground' : 'Background';
    ctx.api.delete(d.kind as KindName, d.metadata.namespace, d.metadata.name, { propagationPolicy: policy });
  }
}
