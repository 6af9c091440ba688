// Garbage collector: when an owner disappears, its dependents are deleted in the background
// (Deployment → ReplicaSets → Pods; Service → EndpointSlices). A dependent is deleted only when
// none of its owners exists any more. Nothing owns Services or Endpoints, so deleting a
// Deployment never touches them (§B9, §C5). [K8S pkg/controller/garbagecollector]
import { isKindName } from '../api/kinds';
import type { KindName } from '../api/types';
import type { Store } from '../apiserver/store';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';

export function createGarbageCollector(store: Store): Controller {
  return {
    name: 'garbage-collector',
    watches: ['Deployment', 'ReplicaSet', 'Service', 'Pod', 'EndpointSlice', 'Endpoints'],
    keysFor(ev: WatchEvent): string[] {
      if (ev.type === 'DELETED') {
        // The owner is gone: look at each dependent (indexed by owner uid).
        return [...store.byOwner(ev.object.metadata.uid)].map((d) => d.metadata.uid);
      }
      // A new object may name an owner that is already gone.
      if (ev.type === 'ADDED' && ev.object.metadata.ownerReferences?.length) return [ev.object.metadata.uid];
      return [];
    },
    reconcile(uid: string, ctx: ControllerContext) {
      const o = store.getByUid(uid);
      if (!o || o.metadata.deletionTimestamp) return;
      const refs = o.metadata.ownerReferences ?? [];
      if (refs.length === 0) return;
      // An owner of a kind the simulator does not serve (the DaemonSet behind kube-proxy's Pods)
      // cannot be looked up, so it is taken to exist, as the real GC finds it does.
      if (refs.some((r) => !isKindName(r.kind) || store.getByUid(r.uid))) return;
      if (!isKindName(o.kind)) return;
      ctx.api.delete(o.kind as KindName, o.metadata.namespace, o.metadata.name, {
        propagationPolicy: 'Background',
      });
    },
  };
}
