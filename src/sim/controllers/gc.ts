// Garbage collector: when an owner disappears, its dependents are deleted in the background
// (Deployment → ReplicaSets → Pods; Service → EndpointSlices). A dependent is deleted only when
// none of its owners exists any more. Nothing owns Services or Endpoints, so deleting a
// Deployment never touches them (§B9, §C5). [K8S pkg/controller/garbagecollector]
import { isKindName } from '../api/kinds';
import type { KindName, OwnerReference } from '../api/types';
import type { Store } from '../apiserver/store';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';

/** The answer for events that queue nothing: shared, never modified (the manager only reads it). */
const NO_KEYS = Object.freeze([]) as readonly string[] as string[];

/** Some owner exists (or is of a kind the simulator does not serve, which is taken to exist). */
function anOwnerExists(store: Store, refs: readonly OwnerReference[]): boolean {
  for (const r of refs) if (!isKindName(r.kind) || store.getByUid(r.uid)) return true;
  return false;
}

export function createGarbageCollector(store: Store): Controller {
  return {
    name: 'garbage-collector',
    watches: ['Deployment', 'ReplicaSet', 'Service', 'Pod', 'EndpointSlice', 'Endpoints'],
    keysFor(ev: WatchEvent): string[] {
      if (ev.type === 'DELETED') {
        // The owner is gone: look at each dependent (indexed by owner uid).
        const deps = store.byOwner(ev.object.metadata.uid);
        return deps.length === 0 ? NO_KEYS : deps.map((d) => d.metadata.uid);
      }
      // A new object may name an owner that is already gone. One whose owner exists needs no
      // look: the reconcile would find the owner and stop, and should that owner go later, its
      // DELETED event queues this object then (the graph builder's "virtual" owner check happens
      // only for owners it has not observed). [K8S garbagecollector/graph_builder.go]
      const refs = ev.type === 'ADDED' ? ev.object.metadata.ownerReferences : undefined;
      if (!refs?.length || anOwnerExists(store, refs)) return NO_KEYS;
      return [ev.object.metadata.uid];
    },
    reconcile(uid: string, ctx: ControllerContext) {
      const o = store.getByUid(uid);
      if (!o || o.metadata.deletionTimestamp) return;
      const refs = o.metadata.ownerReferences ?? [];
      if (refs.length === 0) return;
      // An owner of a kind the simulator does not serve (the DaemonSet behind kube-proxy's Pods)
      // cannot be looked up, so it is taken to exist, as the real GC finds it does.
      if (anOwnerExists(store, refs)) return;
      if (!isKindName(o.kind)) return;
      ctx.api.delete(o.kind as KindName, o.metadata.namespace, o.metadata.name, {
        propagationPolicy: 'Background',
      });
    },
  };
}
