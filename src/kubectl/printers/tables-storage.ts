// The server-side table columns of the storage kinds in 1.34 (kubernetes pkg/printers/
// internalversion/printers.go printPersistentVolume, printPersistentVolumeClaim, printStorageClass):
// - PersistentVolume: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS
//   VOLUMEATTRIBUTESCLASS REASON AGE, wide VOLUMEMODE; STATUS is Terminating once deleted, CLAIM
//   `<namespace>/<name>` of the claimRef, VOLUMEATTRIBUTESCLASS/VOLUMEMODE `<unset>` when nil;
// - PersistentVolumeClaim: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS
//   VOLUMEATTRIBUTESCLASS AGE, wide VOLUMEMODE; CAPACITY and ACCESS MODES (from status) only once
//   spec.volumeName is set;
// - StorageClass: NAME (with ` (default)` when storageutil.IsDefaultAnnotation) PROVISIONER
//   RECLAIMPOLICY (Delete when nil) VOLUMEBINDINGMODE (Immediate when nil) ALLOWVOLUMEEXPANSION AGE.
// ACCESS MODES is helper.GetAccessModesAsString (RWO, ROX, RWX, RWOP in that order, joined by
// commas); the class is GetPersistentVolume(Claim)Class (the beta annotation first).
import type { K8sObject, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../sim/api/types';
import { formatQuantity, quantityOf } from './describe-quantity';
import { translateTimestampSince } from './duration';
import type { TableDef } from './tables';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetAccessModesAsString. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const m = modes ?? [];
  const out: string[] = [];
  if (m.includes('ReadWriteOnce')) out.push('RWO');
  if (m.includes('ReadOnlyMany')) out.push('ROX');
  if (m.includes('ReadWriteMany')) out.push('RWX');
  if (m.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** helper.GetPersistentVolumeClaimClass / GetPersistentVolumeClass. */
export function storageClassOf(o: K8sObject): string {
  const beta = o.metadata.annotations?.[BETA_CLASS];
  if (beta !== undefined) return beta;
  return (o.spec?.storageClassName as string | undefined) ?? '';
}

/** Quantity.String() of a stored storage quantity ("0" when absent: the zero Quantity). */
export function storageString(v: unknown): string {
  return formatQuantity(quantityOf(v, false));
}

/** storageutil.IsDefaultAnnotation. */
export function isDefaultClass(o: K8sObject): boolean {
  const a = o.metadata.annotations;
  return (
    a?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

export const persistentVolumeTable: TableDef = {
  headers: [
    'NAME',
    'CAPACITY',
    'ACCESS MODES',
    'RECLAIM POLICY',
    'STATUS',
    'CLAIM',
    'STORAGECLASS',
    'VOLUMEATTRIBUTESCLASS',
    'REASON',
    'AGE',
  ],
  wideHeaders: ['VOLUMEMODE'],
  row(obj, now, wide) {
    const pv = obj as PersistentVolume;
    const ref = pv.spec?.claimRef;
    const cells = [
      pv.metadata.name,
      storageString(pv.spec?.capacity?.storage),
      accessModesString(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      storageClassOf(pv),
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      translateTimestampSince(pv.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(pv.spec?.volumeMode ?? '<unset>');
    return cells;
  },
};

export const persistentVolumeClaimTable: TableDef = {
  headers: [
    'NAME',
    'STATUS',
    'VOLUME',
    'CAPACITY',
    'ACCESS MODES',
    'STORAGECLASS',
    'VOLUMEATTRIBUTESCLASS',
    'AGE',
  ],
  wideHeaders: ['VOLUMEMODE'],
  row(obj, now, wide) {
    const pvc = obj as PersistentVolumeClaim;
    const bound = (pvc.spec?.volumeName ?? '') !== '';
    const cells = [
      pvc.metadata.name,
      pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? storageString(pvc.status?.capacity?.storage) : '',
      bound ? accessModesString(pvc.status?.accessModes) : '',
      storageClassOf(pvc),
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      translateTimestampSince(pvc.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(pvc.spec?.volumeMode ?? '<unset>');
    return cells;
  },
};

export const storageClassTable: TableDef = {
  headers: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
  wideHeaders: [],
  row(obj, now) {
    const sc = obj as StorageClass;
    return [
      isDefaultClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false),
      translateTimestampSince(sc.metadata.creationTimestamp, now),
    ];
  },
};
