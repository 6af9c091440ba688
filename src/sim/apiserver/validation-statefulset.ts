// ValidateStatefulSet / ValidateStatefulSetUpdate of 1.34 (pkg/apis/apps/validation/validation.go)
// as statefulSetStrategy runs them (pkg/registry/apps/statefulset/strategy.go), bound late (../late:
// only a user's write validates a StatefulSet):
// - the name is a DNS-1123 label (ValidateStatefulSetName: NameIsDNSLabel, the Pods' hostnames);
// - ValidateStatefulSetSpec: podManagementPolicy, updateStrategy (rollingUpdate only for
//   RollingUpdate; partition >= 0), the PVC retention policy, replicas, minReadySeconds,
//   ordinals.start, the selector (required; ValidateLabelSelector; not empty), the template's
//   labels against it, the template's labels and annotations, restartPolicy Always and no
//   activeDeadlineSeconds. The pod spec itself is NOT validated here (the source's TODO in
//   ValidatePodTemplateSpecForStatefulSet): an invalid one is refused when the controller creates
//   each Pod (a FailedCreate Event on the StatefulSet);
// - an update runs ValidateObjectMetaUpdate (labels, annotations), the spec again, then forbids
//   a change to anything but replicas, ordinals, template, updateStrategy, revisionHistoryLimit,
//   persistentVolumeClaimRetentionPolicy and minReadySeconds (i.e. selector, serviceName,
//   podManagementPolicy, volumeClaimTemplates). ValidatePodSpecificAnnotations is left out.

import { matchesLabelSelector } from '../api/labels';
import type { K8sObject } from '../api/types';
import { type FieldError, forbidden, invalid, required, unsupported } from './errors';
import { deepEqual } from './json';
import { pushLabelErrors, validateName } from './validation';
import { pushAnnotationErrors } from './validation-annotations';
import {
  labelSelectorJson,
  pushAlwaysRestartErrors,
  pushSelectorErrors,
  pushTemplateAnnotationErrors,
} from './validation-deployment';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const NEGATIVE = 'must be greater than or equal to 0';
const FORBIDDEN_UPDATE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/** The internal apps.RollingUpdateStatefulSetStrategy as json.Marshal writes it (no json tags). */
function rollingJson(ru: Any): string {
  if (ru == null) return 'null';
  const mu = ru.maxUnavailable == null ? 'null' : JSON.stringify(ru.maxUnavailable);
  return `{"Partition":${ru.partition ?? 0},"MaxUnavailable":${mu}}`;
}

function pushNonNegative(out: FieldError[], v: unknown, field: string): void {
  if (typeof v === 'number' && v < 0) out.push(invalid(field, v, NEGATIVE));
}

/** ValidatePersistentVolumeClaimRetentionPolicyType for whenDeleted and whenScaled. */
function pushRetentionErrors(out: FieldError[], p: Any): void {
  if (p == null) return;
  for (const k of ['whenDeleted', 'whenScaled'])
    if (p[k] !== 'Retain' && p[k] !== 'Delete')
      out.push(
        unsupported(`spec.persistentVolumeClaimRetentionPolicy.${k}`, p[k] ?? '', ['Retain', 'Delete']),
      );
}

/** ValidateStatefulSetSpec. */
function pushSpecErrors(out: FieldError[], spec: Any): void {
  const pmp = spec?.podManagementPolicy;
  if (!pmp) out.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel')
    out.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const st = spec?.updateStrategy ?? {};
  const ru = st.rollingUpdate;
  if (!st.type) out.push(required('spec.updateStrategy'));
  else if (st.type === 'OnDelete') {
    if (ru != null)
      out.push({
        field: 'spec.updateStrategy.rollingUpdate',
        message: `Invalid value: ${rollingJson(ru)}: only allowed for updateStrategy 'RollingUpdate'`,
      });
  } else if (st.type === 'RollingUpdate') {
    if (ru != null) pushNonNegative(out, ru.partition ?? 0, 'spec.updateStrategy.rollingUpdate.partition');
  } else
    out.push({
      field: 'spec.updateStrategy',
      message: `Invalid value: {"Type":${JSON.stringify(st.type)},"RollingUpdate":${rollingJson(ru)}}: must be 'RollingUpdate' or 'OnDelete'`,
    });
  pushRetentionErrors(out, spec?.persistentVolumeClaimRetentionPolicy);
  pushNonNegative(out, spec?.replicas, 'spec.replicas');
  pushNonNegative(out, spec?.minReadySeconds, 'spec.minReadySeconds');
  if (spec?.ordinals != null) pushNonNegative(out, spec.ordinals.start, 'spec.ordinals.start');
  const sel = spec?.selector;
  const t = spec?.template ?? {};
  const labels = t.metadata?.labels;
  // ValidateLabelSelector's own causes; LabelSelectorAsSelector fails on the inputs it rejects,
  // and then the template is not compared (nor its labels and annotations validated).
  let parsed = true;
  if (sel == null) out.push(required('spec.selector'));
  else {
    const errs: FieldError[] = [];
    parsed = pushSelectorErrors(errs, sel);
    for (const e of errs) if (e.field !== 'spec.selector') out.push(e);
    if (!Object.keys(sel.matchLabels ?? {}).length && !sel.matchExpressions?.length)
      out.push({
        field: 'spec.selector',
        message: `Invalid value: ${labelSelectorJson(sel)}: empty selector is invalid for statefulset`,
      });
  }
  if (!parsed) out.push({ field: 'spec.selector', message: `Invalid value: ${labelSelectorJson(sel)}: ` });
  else {
    // A nil selector selects nothing (labels.Nothing, never empty); an empty one is skipped.
    const empty = sel != null && !Object.keys(sel.matchLabels ?? {}).length && !sel.matchExpressions?.length;
    if (!empty && (sel == null || !matchesLabelSelector(sel, labels ?? {})))
      out.push(
        invalid(
          'spec.template.metadata.labels',
          labels ?? null,
          '`selector` does not match template `labels`',
        ),
      );
    pushLabelErrors(out, labels, 'spec.template.labels');
    pushTemplateAnnotationErrors(out, t.metadata?.annotations);
  }
  pushAlwaysRestartErrors(out, t.spec, 'StatefulSet');
}

/** The spec fields ValidateStatefulSetUpdate does not put back from the stored object. */
const FIXED = ['selector', 'volumeClaimTemplates', 'serviceName', 'podManagementPolicy'];

/** The causes of a StatefulSet create, or (with `old`) update, in the order the server lists them. */
export function validateStatefulSet(obj: K8sObject, old?: K8sObject): FieldError[] {
  const out: FieldError[] = [];
  const m = obj.metadata ?? ({} as K8sObject['metadata']);
  if (!old) {
    // ValidateObjectMeta with ValidateStatefulSetName (NameIsDNSLabel).
    if (!m.name)
      out.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
    else out.push(...validateName(m.name, 'label'));
  }
  pushLabelErrors(out, m.labels, 'metadata.labels');
  pushAnnotationErrors(out, m.annotations);
  pushSpecErrors(out, obj.spec);
  if (!old) return out;
  const a = obj.spec ?? {};
  const b = old.spec ?? {};
  if (FIXED.some((k) => !deepEqual(a[k] ?? null, b[k] ?? null)))
    out.push(forbidden('spec', FORBIDDEN_UPDATE));
  return out;
}
