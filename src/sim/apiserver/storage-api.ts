// The API server's handling of a write of the storage kinds (bound late: ../late-impl), in the order
// the 1.34 server runs it:
// - defaulting (pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaim(Spec): status.phase
//   Pending, spec.volumeMode Filesystem; SetDefaults_PersistentVolume: status.phase Pending,
//   persistentVolumeReclaimPolicy Retain, volumeMode Filesystem; pkg/apis/storage/v1/defaults.go
//   SetDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate);
// - the strategies' PrepareForCreate/Update (pkg/registry/core/persistentvolume(claim)/strategy.go:
//   a created object's status is the default one, a PV's with lastPhaseTransitionTime now; an
//   update keeps the stored status);
// - admission on create: DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault:
//   a claim whose storageClassName is unset — not "" — gets the newest default class,
//   storageutil.GetDefaultClass) and StorageObjectInUseProtection (the kubernetes.io/pvc-protection
//   and kubernetes.io/pv-protection finalizers);
// - validation: ./storage-validation.
// It runs where the server validates (server.ts validateWrite), on the server's own copy of the object.
import type { K8sObject } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import type { Clock } from '../runtime/interfaces';
import type { FieldError } from './errors';
import type { ApiServer } from './server';
import { validateStorage } from './storage-validation';

// biome-ignore lint/suspicious/noExplicitAny: writes handle loosely typed objects.
type Any = any;

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
export const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';

/** storageutil.IsDefaultAnnotation: either annotation is exactly "true". */
export function isDefaultClass(o: K8sObject): boolean {
  const a = o.metadata.annotations;
  return a?.[DEFAULT_CLASS_ANNOTATION] === 'true' || a?.[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
}

/**
 * storageutil.GetDefaultClass (1.28+): of the classes marked default, the newest (creationTimestamp),
 * ties broken by name; undefined when none is.
 */
export function defaultClassName(classes: readonly K8sObject[]): string | undefined {
  let best: K8sObject | undefined;
  for (const c of classes) {
    if (!isDefaultClass(c)) continue;
    if (!best) best = c;
    else {
      const a = c.metadata.creationTimestamp ?? '';
      const b = best.metadata.creationTimestamp ?? '';
      if (a > b || (a === b && c.metadata.name < best.metadata.name)) best = c;
    }
  }
  return best?.metadata.name;
}

/** The server's clock (a private field: reading it here keeps server.ts, in the boot chunk, unchanged). */
function clockOf(api: ApiServer): Clock {
  return (api as unknown as { clock: Clock }).clock;
}

function withFinalizer(meta: Any, f: string): void {
  const fs: string[] = Array.isArray(meta.finalizers) ? meta.finalizers : [];
  if (!fs.includes(f)) meta.finalizers = [...fs, f];
}

/** Defaulting of a storage object in place (the write's own copy; nested objects replaced, never mutated). */
export function defaultStorageObject(o: Any): void {
  if (o.kind === 'StorageClass') {
    if (o.reclaimPolicy == null || o.reclaimPolicy === '') o.reclaimPolicy = 'Delete';
    if (o.volumeBindingMode == null) o.volumeBindingMode = 'Immediate';
    return;
  }
  const spec = o.spec && typeof o.spec === 'object' ? { ...o.spec } : {};
  if (spec.volumeMode == null) spec.volumeMode = 'Filesystem';
  if (o.kind === 'PersistentVolume' && (spec.persistentVolumeReclaimPolicy ?? '') === '')
    spec.persistentVolumeReclaimPolicy = 'Retain';
  o.spec = spec;
}

/**
 * Defaulting, PrepareForCreate/Update, create admission and validation of a write of a storage
 * kind: the causes of a refusal (the object is the server's own copy, changed in place).
 */
export function admitStorage(
  obj: K8sObject,
  old: K8sObject | undefined,
  api: ApiServer | undefined,
): FieldError[] {
  const o: Any = obj;
  defaultStorageObject(o);
  if (o.kind !== 'StorageClass') {
    if (old) o.status = old.status;
    else if (o.kind === 'PersistentVolumeClaim') o.status = { phase: 'Pending' };
    else if (api) o.status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(clockOf(api).now()) };
    else o.status = { phase: 'Pending' };
  }
  if (!old && api) {
    const meta: Any = { ...o.metadata };
    if (o.kind === 'PersistentVolumeClaim') {
      if (o.spec.storageClassName === undefined || o.spec.storageClassName === null) {
        const def = defaultClassName(api.store.list('StorageClass'));
        if (def !== undefined) o.spec = { ...o.spec, storageClassName: def };
      }
      withFinalizer(meta, PVC_PROTECTION);
    } else if (o.kind === 'PersistentVolume') withFinalizer(meta, PV_PROTECTION);
    o.metadata = meta;
  }
  return validateStorage(obj, old);
}
