// ValidateDaemonSet / ValidateDaemonSetUpdate of 1.34 (pkg/apis/apps/validation/validation.go) as
// daemonSetStrategy runs them (pkg/registry/apps/daemonset/strategy.go), bound late (../late: only a
// user's write validates a DaemonSet). An update runs ValidateDaemonSet and then
// ValidateDaemonSetUpdate, which validates the metadata's labels and annotations and the whole
// spec again: an invalid update's causes are sent twice, as a real API server sends them (kubectl's
// statusCausesToAggrError prints each once); then the apps/v1 selector immutability.
import { matchesLabelSelector } from '../api/labels';
import type { K8sObject } from '../api/types';
import { type FieldError, invalid, required } from './errors';
import { pushLabelErrors, validate, validatePodSpec } from './validation';
import { pushAnnotationErrors } from './validation-annotations';
// apps/validation's IntOrString checks (ValidatePositiveIntOrPercent, getIntOrPercentValue,
// IsNotMoreThan100Percent), the strategy's JSON and ValidatePodTemplateSpec's annotations are
// validation-deployment's: ValidateDaemonSetSpec and ValidateDeploymentSpec share them.
import {
  intOrPercent,
  intOrString,
  labelSelectorJson,
  NEGATIVE,
  push100PercentError,
  pushAlwaysRestartErrors,
  pushIntOrPercentErrors,
  pushSelectorErrors,
  pushTemplateAnnotationErrors,
  strategyJson,
} from './validation-deployment';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const RU = 'spec.updateStrategy.rollingUpdate';

/** ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet. */
function pushStrategyErrors(out: FieldError[], st: Any): void {
  if (st?.type === 'OnDelete') return;
  if (st?.type !== 'RollingUpdate') {
    out.push({
      field: 'spec.updateStrategy',
      message: `Unsupported value: ${strategyJson(st)}: supported values: "RollingUpdate", "OnDelete"`,
    });
    return;
  }
  const ru = st.rollingUpdate;
  if (ru == null) {
    out.push(required(RU));
    return;
  }
  pushIntOrPercentErrors(out, ru.maxUnavailable, `${RU}.maxUnavailable`);
  pushIntOrPercentErrors(out, ru.maxSurge, `${RU}.maxSurge`);
  push100PercentError(out, ru.maxUnavailable, `${RU}.maxUnavailable`);
  push100PercentError(out, ru.maxSurge, `${RU}.maxSurge`);
  const unavailable = intOrPercent(ru.maxUnavailable) !== 0;
  const surge = intOrPercent(ru.maxSurge) !== 0;
  if (unavailable && surge)
    out.push({
      field: `${RU}.maxSurge`,
      message: `Invalid value: ${intOrString(ru.maxSurge)}: may not be set when maxUnavailable is non-zero`,
    });
  else if (!unavailable && !surge)
    out.push({ field: `${RU}.maxUnavailable`, message: 'Required value: cannot be 0 when maxSurge is 0' });
}

/** ValidateDaemonSetSpec. */
function pushSpecErrors(out: FieldError[], spec: Any): void {
  const sel = spec?.selector;
  const t = spec?.template ?? {};
  const labels = t.metadata?.labels;
  // ValidateLabelSelector's own causes (a nil selector has none); LabelSelectorAsSelector fails on
  // the inputs it rejects, and then the template's labels are not compared.
  let parsed = true;
  if (sel != null) {
    const errs: FieldError[] = [];
    parsed = pushSelectorErrors(errs, sel);
    for (const e of errs) if (e.field !== 'spec.selector') out.push(e);
  }
  // A nil selector selects nothing (labels.Nothing), an empty one everything.
  const empty = sel != null && !Object.keys(sel.matchLabels ?? {}).length && !sel.matchExpressions?.length;
  if (parsed && (sel == null || (!empty && !matchesLabelSelector(sel, labels ?? {}))))
    out.push(
      invalid('spec.template.metadata.labels', labels ?? null, '`selector` does not match template `labels`'),
    );
  if (empty)
    out.push({
      field: 'spec.selector',
      message: `Invalid value: ${labelSelectorJson(sel)}: empty selector is invalid for daemonset`,
    });
  // ValidatePodTemplateSpec: labels and annotations at spec.template.*, then the pod spec.
  pushLabelErrors(out, labels, 'spec.template.labels');
  pushTemplateAnnotationErrors(out, t.metadata?.annotations);
  out.push(...validatePodSpec(t.spec, 'spec.template.spec'));
  pushAlwaysRestartErrors(out, t.spec, 'DaemonSet');
  const mrs = spec?.minReadySeconds ?? 0;
  if (mrs < 0) out.push(invalid('spec.minReadySeconds', mrs, NEGATIVE));
  pushStrategyErrors(out, spec?.updateStrategy);
  const rhl = spec?.revisionHistoryLimit;
  if (typeof rhl === 'number' && rhl < 0) out.push(invalid('spec.revisionHistoryLimit', rhl, NEGATIVE));
}

/** The causes of a DaemonSet create, or (with `old`) update, in the order the server lists them. */
export function validateDaemonSet(obj: K8sObject, old?: K8sObject): FieldError[] {
  // ValidateObjectMeta with NameIsDNSSubdomain: ./validation's metadata checks for this kind.
  const out = validate(obj);
  pushSpecErrors(out, obj.spec);
  if (!old) return out;
  // ValidateObjectMetaUpdate's labels and annotations, then ValidateDaemonSetSpec again.
  pushLabelErrors(out, obj.metadata?.labels, 'metadata.labels');
  pushAnnotationErrors(out, obj.metadata?.annotations);
  pushSpecErrors(out, obj.spec);
  const now = obj.spec?.selector == null ? 'null' : labelSelectorJson(obj.spec.selector);
  const before = old.spec?.selector == null ? 'null' : labelSelectorJson(old.spec.selector);
  if (now !== before)
    out.push({ field: 'spec.selector', message: `Invalid value: ${now}: field is immutable` });
  return out;
}
