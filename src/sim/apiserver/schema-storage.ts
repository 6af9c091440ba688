// The Go types behind the storage kinds, for the strict decoder (./decode; the shapes of
// k8s.io/api core/v1 PersistentVolumeClaim/PersistentVolume and storage/v1 StorageClass). Merged
// into ./schema's ROOT_SCHEMAS when the late parts load (../late-impl). Label selectors, node
// affinity and the cloud volume sources are accepted as they are (not modelled).
import { type FieldType, ObjectMeta, type StructDef } from './schema';

const S: FieldType = { t: 'string' };
const B: FieldType = { t: 'bool' };
const ANY: FieldType = { t: 'any' };
const NS = (go: string): FieldType => ({ t: 'string', go });
const struct = (s: StructDef): FieldType => ({ t: 'struct', s });
const STRS: FieldType = { t: 'array', elem: S, go: '[]string' };
const STRMAP: FieldType = { t: 'map', value: S, go: 'map[string]string' };
const RESOURCE_LIST: FieldType = { t: 'map', value: { t: 'quantity' }, go: 'v1.ResourceList' };
const ACCESS_MODES: FieldType = {
  t: 'array',
  elem: NS('v1.PersistentVolumeAccessMode'),
  go: '[]v1.PersistentVolumeAccessMode',
};
const typeMeta = { apiVersion: S, kind: S, metadata: struct(ObjectMeta) };

export const PersistentVolumeClaimSpec: StructDef = {
  go: 'v1.PersistentVolumeClaimSpec',
  fields: {
    accessModes: ACCESS_MODES,
    selector: ANY,
    resources: struct({
      go: 'v1.VolumeResourceRequirements',
      fields: { limits: RESOURCE_LIST, requests: RESOURCE_LIST },
    }),
    volumeName: S,
    storageClassName: S,
    volumeMode: NS('v1.PersistentVolumeMode'),
    dataSource: struct({ go: 'v1.TypedLocalObjectReference', fields: { apiGroup: S, kind: S, name: S } }),
    dataSourceRef: struct({
      go: 'v1.TypedObjectReference',
      fields: { apiGroup: S, kind: S, name: S, namespace: S },
    }),
    volumeAttributesClassName: S,
  },
};

const PersistentVolumeSpec: StructDef = {
  go: 'v1.PersistentVolumeSpec',
  fields: {
    capacity: RESOURCE_LIST,
    accessModes: ACCESS_MODES,
    claimRef: struct({
      go: 'v1.ObjectReference',
      fields: { kind: S, namespace: S, name: S, uid: S, apiVersion: S, resourceVersion: S, fieldPath: S },
    }),
    persistentVolumeReclaimPolicy: NS('v1.PersistentVolumeReclaimPolicy'),
    storageClassName: S,
    mountOptions: STRS,
    volumeMode: NS('v1.PersistentVolumeMode'),
    nodeAffinity: ANY,
    volumeAttributesClassName: S,
    hostPath: struct({ go: 'v1.HostPathVolumeSource', fields: { path: S, type: NS('v1.HostPathType') } }),
    local: struct({ go: 'v1.LocalVolumeSource', fields: { path: S, fsType: S } }),
    nfs: struct({ go: 'v1.NFSVolumeSource', fields: { server: S, path: S, readOnly: B } }),
    csi: ANY,
    gcePersistentDisk: ANY,
    awsElasticBlockStore: ANY,
    glusterfs: ANY,
    flocker: ANY,
    rbd: ANY,
    quobyte: ANY,
    cephfs: ANY,
    iscsi: ANY,
    cinder: ANY,
    fc: ANY,
    flexVolume: ANY,
    azureFile: ANY,
    vsphereVolume: ANY,
    photonPersistentDisk: ANY,
    portworxVolume: ANY,
    azureDisk: ANY,
    scaleIO: ANY,
    storageos: ANY,
  },
};

export const STORAGE_SCHEMAS: Record<string, StructDef> = {
  PersistentVolumeClaim: {
    go: 'v1.PersistentVolumeClaim',
    fields: { ...typeMeta, spec: struct(PersistentVolumeClaimSpec), status: ANY },
  },
  PersistentVolume: {
    go: 'v1.PersistentVolume',
    fields: { ...typeMeta, spec: struct(PersistentVolumeSpec), status: ANY },
  },
  StorageClass: {
    go: 'v1.StorageClass',
    fields: {
      ...typeMeta,
      provisioner: S,
      parameters: STRMAP,
      reclaimPolicy: NS('v1.PersistentVolumeReclaimPolicy'),
      mountOptions: STRS,
      allowVolumeExpansion: B,
      volumeBindingMode: NS('v1.VolumeBindingMode'),
      allowedTopologies: { t: 'array', elem: ANY, go: '[]v1.TopologySelectorTerm' },
    },
  },
};
