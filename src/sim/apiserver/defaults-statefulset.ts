// A user's apps/v1 StatefulSet as the 1.34 API server stores it, bound late (../late: only a user's
// write creates or updates a StatefulSet):
// - SetDefaults_StatefulSet (pkg/apis/apps/v1/defaults.go): podManagementPolicy OrderedReady; an
//   empty updateStrategy.type becomes RollingUpdate with a rollingUpdate (only then is one added);
//   a RollingUpdate's rollingUpdate gets partition 0; persistentVolumeClaimRetentionPolicy
//   Retain/Retain (StatefulSetAutoDeletePVC is GA); replicas 1; revisionHistoryLimit 10. The
//   MaxUnavailableStatefulSet gate is off in 1.34 (alpha), so no maxUnavailable default, and
//   statefulSetStrategy's dropStatefulSetDisabledFields drops a maxUnavailable the input brings
//   unless the stored object already had one;
// - serviceName has no omitempty (apps/v1 types.go), so a StatefulSet without one is served with
//   `serviceName: ""`;
// - the pod template gets the PodSpec defaults a Deployment's template gets (./defaults
//   defaultPodSpec); each volumeClaimTemplate gets SetDefaults_PersistentVolumeClaim's volumeMode
//   Filesystem and its status phase Pending, and is served with apiVersion v1 and kind
//   PersistentVolumeClaim (pkg/apis/apps/v1/conversion.go); PVCs are otherwise not simulated;
// - statefulSetStrategy (pkg/registry/apps/statefulset/strategy.go): PrepareForCreate clears the
//   status (StatefulSetStatus{}: replicas and availableReplicas have no omitempty, so 0 each);
//   PrepareForUpdate keeps the stored status (the generation is ./server's).
// The spec's keys are laid out in StatefulSetSpec's field order (what `-o json` prints).
import type { K8sObject } from '../api/types';
import { isOwn } from '../runtime/own';
import { copyOwn } from './copy';
import { defaultPodSpec } from './defaults';

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks decoded JSON.
type Any = any;

const SPEC_ORDER = [
  'replicas',
  'selector',
  'template',
  'volumeClaimTemplates',
  'serviceName',
  'podManagementPolicy',
  'updateStrategy',
  'revisionHistoryLimit',
  'minReadySeconds',
  'persistentVolumeClaimRetentionPolicy',
  'ordinals',
];

function defaultStrategy(st: Any, oldSt: Any): Any {
  const out: Any = copyOwn(st);
  if (!out.type) {
    out.type = 'RollingUpdate';
    out.rollingUpdate ??= {};
  }
  if (out.rollingUpdate != null) {
    const ru: Any = copyOwn(out.rollingUpdate);
    if (out.type === 'RollingUpdate' && ru.partition == null) ru.partition = 0;
    // dropStatefulSetDisabledFields: maxUnavailable only while the stored object uses it.
    if (oldSt?.rollingUpdate?.maxUnavailable == null) delete ru.maxUnavailable;
    out.rollingUpdate = ru;
  }
  return out;
}

function defaultClaimTemplate(c: Any): Any {
  // Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec serves each template with apiVersion v1
  // and kind PersistentVolumeClaim (issue 87583: the < 1.17 behaviour kept).
  const out: Any = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...c };
  const spec: Any = copyOwn(c?.spec);
  spec.volumeMode ??= 'Filesystem';
  out.metadata ??= {};
  out.spec = spec;
  out.status = { ...c?.status, phase: c?.status?.phase || 'Pending' };
  return out;
}

/**
 * Default `o` (a top-level copy the API server owns) in place; `old`: the stored StatefulSet of an
 * update. Only `o`'s own fields are reassigned.
 */
export function defaultStatefulSet(o: Any, old?: K8sObject): void {
  const s: Any = o.spec ?? {};
  const spec: Any = {};
  spec.replicas = s.replicas ?? 1;
  spec.selector = s.selector;
  const t = s.template;
  const template: Any = copyOwn(t);
  template.metadata = t?.metadata ?? {};
  template.spec = defaultPodSpec(t?.spec);
  spec.template = template;
  if (Array.isArray(s.volumeClaimTemplates))
    spec.volumeClaimTemplates = s.volumeClaimTemplates.map(defaultClaimTemplate);
  spec.serviceName = s.serviceName ?? '';
  spec.podManagementPolicy = s.podManagementPolicy || 'OrderedReady';
  spec.updateStrategy = defaultStrategy(s.updateStrategy, old?.spec?.updateStrategy);
  spec.revisionHistoryLimit = s.revisionHistoryLimit ?? 10;
  if (s.minReadySeconds != null && s.minReadySeconds !== 0) spec.minReadySeconds = s.minReadySeconds;
  const pvc: Any = copyOwn(s.persistentVolumeClaimRetentionPolicy);
  pvc.whenDeleted ||= 'Retain';
  pvc.whenScaled ||= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy = pvc;
  if (s.ordinals != null) spec.ordinals = { ...s.ordinals, start: s.ordinals.start ?? 0 };
  for (const k in s) if (isOwn(s, k) && !SPEC_ORDER.includes(k)) spec[k] = s[k];
  o.spec = spec;
  o.status = old ? old.status : { replicas: 0, availableReplicas: 0 };
}
