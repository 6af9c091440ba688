// Validation of the storage kinds as 1.34 runs it (bound late):
// - PersistentVolumeClaim: pkg/apis/core/validation ValidatePersistentVolumeClaim (ObjectMeta with
//   ValidatePersistentVolumeName, a DNS-1123 subdomain; ValidatePersistentVolumeClaimSpec: at least
//   one access mode, the supported ones, ReadWriteOncePod alone, resources[storage] required and
//   positive, storageClassName a subdomain, volumeMode Block/Filesystem, dataSource's name/kind) and
//   ValidatePersistentVolumeClaimUpdate (the spec is immutable except volumeName set once, a nil
//   storageClassName set, and a bound claim's storage request; a smaller request than
//   status.capacity is refused);
// - PersistentVolume: ValidatePersistentVolume(Spec) (access modes, capacity with storage only and
//   positive, reclaim policy, exactly one volume source: hostPath/local/nfs/csi … with hostPath's
//   and local's path required and local's node affinity, storageClassName, volumeMode) and
//   ValidatePersistentVolumeUpdate (source and volumeMode immutable);
// - StorageClass: pkg/apis/storage/validation ValidateStorageClass (ValidateClassName, provisioner
//   required and a qualified name, parameters, reclaimPolicy Delete/Retain, volumeBindingMode
//   Immediate/WaitForFirstConsumer) and ValidateStorageClassUpdate (parameters, provisioner and
//   reclaimPolicy forbidden, volumeBindingMode immutable).
// The immutable-spec refusals of 1.34 end with a go-cmp diff of the two specs (cmp.Diff), whose
// text is not reproduced here: the message stops before it.
import { qualifiedNameErrors } from '../api/labels';
import type { K8sObject } from '../api/types';
import { type FieldError, forbidden, invalid, required, tooLong, unsupported } from './errors';
import { deepEqual } from './json';
import { quantityNano } from './qos';
import { pushLabelErrors, validateName } from './validation';
import { pushAnnotationErrors } from './validation-annotations';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const PV_RECLAIM = ['Delete', 'Recycle', 'Retain'];
const SC_RECLAIM = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
const POSITIVE = 'must be greater than zero';
const IMMUTABLE = 'field is immutable';
const PVC_SPEC_IMMUTABLE =
  'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';
/** The PersistentVolumeSource members, in ValidatePersistentVolumeSpec's order. */
const PV_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'flocker',
  'nfs',
  'rbd',
  'quobyte',
  'cephfs',
  'iscsi',
  'cinder',
  'fc',
  'flexVolume',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'scaleIO',
  'local',
  'storageos',
  'csi',
];

const isObj = (x: unknown): x is Any => typeof x === 'object' && x !== null && !Array.isArray(x);

/** ValidateObjectMeta with a DNS-1123 subdomain name (ValidatePersistentVolumeName, ValidateClassName). */
function metaErrors(o: Any, old: K8sObject | undefined): FieldError[] {
  const out: FieldError[] = [];
  const m = o.metadata ?? {};
  if (!old) {
    if (!m.name)
      out.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
    else out.push(...validateName(m.name, 'subdomain'));
  }
  pushLabelErrors(out, m.labels, 'metadata.labels');
  if (m.annotations) pushAnnotationErrors(out, m.annotations);
  return out;
}

function pushClassNameErrors(out: FieldError[], field: string, v: unknown): void {
  if (typeof v !== 'string' || v === '') return;
  for (const e of validateName(v, 'subdomain', field)) out.push(e);
}

function pushAccessModeErrors(out: FieldError[], modes: unknown, field: string, requiredMsg: string): void {
  const list: unknown[] = Array.isArray(modes) ? modes : [];
  if (list.length === 0)
    out.push(requiredMsg ? { field, message: `Required value: ${requiredMsg}` } : required(field));
  let rwop = false;
  let other = false;
  for (const m of list) {
    if (!ACCESS_MODES.includes(m as string)) out.push(unsupported(field, m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m as string)) other = true;
  }
  if (rwop && other) out.push(forbidden(field, 'may not use ReadWriteOncePod with other access modes'));
}

/** ValidatePositiveQuantityValue at `field`. */
function pushPositive(out: FieldError[], field: string, q: unknown): void {
  const n = quantityNano(q);
  if (n !== undefined && n <= 0n) out.push(invalid(field, String(q), POSITIVE));
}

function pushTypedRefErrors(out: FieldError[], ref: Any, field: string): void {
  if (!isObj(ref)) return;
  if (!ref.name) out.push(required(`${field}.name`));
  if (!ref.kind) out.push(required(`${field}.kind`));
  const group = ref.apiGroup ?? '';
  if (group === '' && ref.kind !== 'PersistentVolumeClaim')
    out.push(
      invalid(field, ref.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"),
    );
}

/** ValidatePersistentVolumeClaimSpec. */
export function pushClaimSpecErrors(out: FieldError[], spec: Any, path: string): void {
  const s: Any = isObj(spec) ? spec : {};
  pushAccessModeErrors(out, s.accessModes, `${path}.accessModes`, 'at least 1 access mode is required');
  const requests = s.resources?.requests;
  const field = `${path}.resources[storage]`;
  if (!isObj(requests) || !Object.hasOwn(requests, 'storage')) out.push(required(field));
  else pushPositive(out, field, requests.storage);
  pushClassNameErrors(out, `${path}.storageClassName`, s.storageClassName);
  if (s.volumeMode != null && !VOLUME_MODES.includes(s.volumeMode))
    out.push(unsupported(`${path}.volumeMode`, s.volumeMode, VOLUME_MODES));
  pushTypedRefErrors(out, s.dataSource, `${path}.dataSource`);
  pushTypedRefErrors(out, s.dataSourceRef, `${path}.dataSourceRef`);
  pushClassNameErrors(out, `${path}.volumeAttributesClassName`, s.volumeAttributesClassName);
}

function validateClaim(o: Any, old: Any): FieldError[] {
  const out = metaErrors(o, old);
  pushClaimSpecErrors(out, o.spec, 'spec');
  if (!old) return out;
  const a: Any = { ...(old.spec ?? {}) };
  const b: Any = { ...(o.spec ?? {}) };
  if (!a.volumeName) a.volumeName = b.volumeName;
  // validateStorageClassUpgradeFromNil (no beta annotation on our claims): nil may become a name.
  if (a.storageClassName == null && b.storageClassName != null) a.storageClassName = b.storageClassName;
  if (o.status?.phase === 'Bound' && isObj(b.resources?.requests))
    b.resources = {
      ...b.resources,
      requests: { ...b.resources.requests, storage: a.resources?.requests?.storage },
    };
  b.volumeAttributesClassName = a.volumeAttributesClassName;
  if (b.volumeAttributesClassName === undefined) delete b.volumeAttributesClassName;
  if (!deepEqual(a, b)) out.push(forbidden('spec', PVC_SPEC_IMMUTABLE));
  const newSize = quantityNano(o.spec?.resources?.requests?.storage);
  const oldSize = quantityNano(old.spec?.resources?.requests?.storage);
  const statusSize = quantityNano(old.status?.capacity?.storage) ?? 0n;
  // RecoverVolumeExpansionFailure (on in 1.34): down to, not below or at, status.capacity.
  if (newSize !== undefined && oldSize !== undefined && newSize < oldSize && newSize <= statusSize)
    out.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  if ((o.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null))
    out.push(invalid('volumeMode', o.spec?.volumeMode ?? null, IMMUTABLE));
  return out;
}

function validateVolume(o: Any, old: Any): FieldError[] {
  const out = metaErrors(o, old);
  const s: Any = isObj(o.spec) ? o.spec : {};
  pushAccessModeErrors(out, s.accessModes, 'spec.accessModes', '');
  const cap = s.capacity;
  const keys = isObj(cap) ? Object.keys(cap) : [];
  if (keys.length === 0) out.push(required('spec.capacity'));
  if (!keys.includes('storage') || keys.length > 1)
    out.push(unsupported('spec.capacity', cap ?? null, ['storage']));
  for (const k of keys.sort()) pushPositive(out, `spec.capacity[${k}]`, cap[k]);
  const rp = s.persistentVolumeReclaimPolicy;
  if (rp && !PV_RECLAIM.includes(rp))
    out.push(unsupported('spec.persistentVolumeReclaimPolicy', rp, PV_RECLAIM));
  let n = 0;
  for (const src of PV_SOURCES) {
    if (s[src] == null) continue;
    if (n > 0 && src !== 'flexVolume') {
      out.push(forbidden(`spec.${src}`, 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    if ((src === 'hostPath' || src === 'local') && !s[src].path) out.push(required(`spec.${src}.path`));
    if (src === 'local' && s.nodeAffinity == null)
      out.push({
        field: 'spec.nodeAffinity',
        message: 'Required value: Local volume requires node affinity',
      });
  }
  if (n === 0) out.push({ field: 'spec', message: 'Required value: must specify a volume type' });
  pushClassNameErrors(out, 'spec.storageClassName', s.storageClassName);
  if (s.volumeMode != null && !VOLUME_MODES.includes(s.volumeMode))
    out.push(unsupported('spec.volumeMode', s.volumeMode, VOLUME_MODES));
  if (!old) return out;
  const os: Any = old.spec ?? {};
  if (PV_SOURCES.some((k) => !deepEqual(s[k], os[k])))
    out.push(
      forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'),
    );
  if ((s.volumeMode ?? null) !== (os.volumeMode ?? null))
    out.push(invalid('volumeMode', s.volumeMode ?? null, IMMUTABLE));
  return out;
}

function validateClass(o: Any, old: Any): FieldError[] {
  const out = metaErrors(o, old);
  const p = o.provisioner;
  if (!p) out.push(required('provisioner'));
  else for (const m of qualifiedNameErrors(String(p).toLowerCase())) out.push(invalid('provisioner', p, m));
  if (isObj(o.parameters) && Object.keys(o.parameters).length > 512) out.push(tooLong('parameters', '', 512));
  if (o.reclaimPolicy && !SC_RECLAIM.includes(o.reclaimPolicy))
    out.push(unsupported('reclaimPolicy', o.reclaimPolicy, SC_RECLAIM));
  if (o.volumeBindingMode == null) out.push(required('volumeBindingMode'));
  else if (!BINDING_MODES.includes(o.volumeBindingMode))
    out.push(unsupported('volumeBindingMode', o.volumeBindingMode, BINDING_MODES));
  if (!old) return out;
  if (!deepEqual(o.parameters ?? null, old.parameters ?? null))
    out.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (o.provisioner !== old.provisioner)
    out.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (o.reclaimPolicy !== old.reclaimPolicy)
    out.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (o.volumeBindingMode !== old.volumeBindingMode)
    out.push(invalid('volumeBindingMode', o.volumeBindingMode ?? null, IMMUTABLE));
  return out;
}

/** The causes of a create (or, with `old`, update) of a PersistentVolumeClaim, PersistentVolume or StorageClass. */
export function validateStorage(obj: K8sObject, old?: K8sObject): FieldError[] {
  if (obj.kind === 'PersistentVolumeClaim') return validateClaim(obj, old);
  if (obj.kind === 'PersistentVolume') return validateVolume(obj, old);
  return validateClass(obj, old);
}
