// The REST identity of the storage kinds, registered into ./kinds (and the store's scope table)
// when the late parts load (../late-impl): the page's first chunk has no room for them, and no
// object of these kinds is read or written before kubectl loads, except the boot's default
// StorageClass, a lazy store entry whose scope (cluster) and key need no table entry.
// [k8s.io/api core/v1 and storage/v1 register.go; `kubectl api-resources` of 1.34]
import type { KindInfo } from './kinds';
import { KIND_NAMES, KINDS } from './kinds';
import type { KindName } from './types';

export const STORAGE_KINDS: Record<'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass', KindInfo> =
  {
    PersistentVolumeClaim: {
      kind: 'PersistentVolumeClaim',
      apiVersion: 'v1',
      group: '',
      version: 'v1',
      resource: 'persistentvolumeclaims',
      namespaced: true,
    },
    PersistentVolume: {
      kind: 'PersistentVolume',
      apiVersion: 'v1',
      group: '',
      version: 'v1',
      resource: 'persistentvolumes',
      namespaced: false,
    },
    StorageClass: {
      kind: 'StorageClass',
      apiVersion: 'storage.k8s.io/v1',
      group: 'storage.k8s.io',
      version: 'v1',
      resource: 'storageclasses',
      namespaced: false,
    },
  };

/** Add the storage kinds to KINDS, KIND_NAMES and `namespaced` (the store's table); idempotent. */
export function registerStorageKinds(namespaced: Record<string, boolean>): void {
  for (const [k, info] of Object.entries(STORAGE_KINDS)) {
    if (Object.hasOwn(KINDS, k)) continue;
    KINDS[k as KindName] = info;
    KIND_NAMES.push(k as KindName);
    namespaced[k] = info.namespaced;
  }
}
