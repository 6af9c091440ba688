// Each profile's default StorageClass, present from boot (a lazy store entry added by ./bootstrap,
// built here on its first read, bound late):
// - Docker Desktop: `hostpath`, provisioner docker.io/hostpath (its storage-provisioner Pod),
//   Immediate binding (docker/for-win#4466: a PV is made for a claim no Pod uses);
// - kind: `standard`, rancher.io/local-path, WaitForFirstConsumer, reclaimPolicy Delete, applied by
//   `kubectl apply` from the node image's default-storage.yaml (kind pkg/build/nodeimage/
//   const_storage.go; installstorage/storage.go), so it carries kubectl's last-applied annotation
//   (the manifest's namespace dropped for a cluster-scoped object: resource.FilterNamespace);
// - k3s: `local-path`, rancher.io/local-path, WaitForFirstConsumer, Delete, with k3s's
//   `defaultVolumeType: local` annotation (k3s manifests/local-storage.yaml). k3s's deploy
//   controller also stamps objectset.rio.cattle.io/* annotations and a hash label (one holds the
//   gzipped applied object): not reproduced.
// Each carries storageclass.kubernetes.io/is-default-class: "true".
import type { K8sObject } from '../api/types';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import { createRng, uuid } from '../runtime/rng';
import type { Published } from './published';
import { DEFAULT_CLASS_ANNOTATION } from './storage-api';

// biome-ignore lint/suspicious/noExplicitAny: built JSON.
type Any = any;

export interface ClassSpec {
  name: string;
  provisioner: string;
  volumeBindingMode: 'Immediate' | 'WaitForFirstConsumer';
}

export function profileClass(profile: Profile): ClassSpec {
  if (profile.distro === 'docker-desktop')
    return { name: 'hostpath', provisioner: 'docker.io/hostpath', volumeBindingMode: 'Immediate' };
  return {
    name: profile.distro === 'kind' ? 'standard' : 'local-path',
    provisioner: 'rancher.io/local-path',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}

/** The boot StorageClass behind ./published's entry (`x` is its creation instant). */
export function buildStorageClass(e: Published, resourceVersion: string): K8sObject {
  const profile = e.api.profile;
  const c = profileClass(profile);
  const rng = createRng(0).fork(`published/${e.ns.metadata.uid}/StorageClass/${c.name}`);
  const annotations: Record<string, string> = {};
  if (profile.distro === 'k3s') annotations.defaultVolumeType = 'local';
  if (profile.distro === 'kind')
    annotations['kubectl.kubernetes.io/last-applied-configuration'] = `${JSON.stringify({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' }, name: c.name },
      provisioner: c.provisioner,
      reclaimPolicy: 'Delete',
      volumeBindingMode: c.volumeBindingMode,
    })}\n`;
  annotations[DEFAULT_CLASS_ANNOTATION] = 'true';
  const o: Any = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      annotations,
      creationTimestamp: rfc3339(e.x as number),
      name: c.name,
      resourceVersion,
      uid: uuid(rng),
    },
    provisioner: c.provisioner,
    reclaimPolicy: 'Delete',
    volumeBindingMode: c.volumeBindingMode,
  };
  return o;
}
