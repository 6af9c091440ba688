// The parts of ValidateDeploymentSpec (and ValidateReplicaSetSpec's selector) only a user's write
// can fail, bound late (../late): the label selector's own checks, the strategy, minReadySeconds,
// revisionHistoryLimit and progressDeadlineSeconds. The cluster's own writes before the kubectl
// chunk loads are valid. The checks apps/validation's DaemonSet and StatefulSet specs share with it
// (IntOrString, template annotations, restartPolicy Always) are here too, for
// ./validation-daemonset and ./validation-statefulset. [K8S pkg/apis/apps/validation/validation.go
// ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment; APIMACH
// pkg/apis/meta/v1/validation ValidateLabelSelector]
import { labelValueErrors, qualifiedNameErrors } from '../api/labels';
import { duplicate, type FieldError, forbidden, invalid, required, unsupported } from './errors';
import { pushLabelErrors } from './validation';
import { pushAnnotationErrors } from './validation-annotations';
import { portNameErrors } from './validation-pod-fields';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

export const NEGATIVE = 'must be greater than or equal to 0';
const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
export const PERCENT = /^[0-9]+%$/;

/** A metav1.LabelSelector as json.Marshal writes it: struct field order, map keys sorted. */
export function labelSelectorJson(sel: Any): string {
  const parts: string[] = [];
  const ml = sel?.matchLabels;
  if (ml && Object.keys(ml).length > 0)
    parts.push(
      `"matchLabels":{${Object.keys(ml)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${JSON.stringify(ml[k])}`)
        .join(',')}}`,
    );
  const me = sel?.matchExpressions;
  if (Array.isArray(me) && me.length > 0)
    parts.push(
      `"matchExpressions":[${me
        .map((r: Any) => {
          const v =
            Array.isArray(r?.values) && r.values.length > 0 ? `,"values":${JSON.stringify(r.values)}` : '';
          return `{"key":${JSON.stringify(r?.key ?? '')},"operator":${JSON.stringify(r?.operator ?? '')}${v}}`;
        })
        .join(',')}]`,
    );
  return `{${parts.join(',')}}`;
}

/**
 * spec.selector of a Deployment or ReplicaSet (present): ValidateLabelSelector, the empty check
 * (whose text says deployment for both kinds), and LabelSelectorAsSelector, which fails on the
 * same inputs ValidateLabelSelector rejects; then the template is not validated at all. Returns
 * whether the template is to be validated.
 */
export function pushSelectorErrors(out: FieldError[], sel: Any): boolean {
  const before = out.length;
  if (sel?.matchLabels) pushLabelErrors(out, sel.matchLabels, 'spec.selector.matchLabels');
  const exprs: Any[] = Array.isArray(sel?.matchExpressions) ? sel.matchExpressions : [];
  exprs.forEach((r, i) => {
    const path = `spec.selector.matchExpressions[${i}]`;
    const values: Any[] = Array.isArray(r?.values) ? r.values : [];
    const op = r?.operator;
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0)
        out.push({
          field: `${path}.values`,
          message: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
        });
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0)
        out.push(
          forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
    } else out.push(invalid(`${path}.operator`, op ?? '', 'not a valid selector operator'));
    for (const m of qualifiedNameErrors(String(r?.key ?? '')))
      out.push(invalid(`${path}.key`, r?.key ?? '', m));
    values.forEach((v, j) => {
      for (const m of labelValueErrors(String(v))) out.push(invalid(`${path}.values[${j}]`, v, m));
    });
  });
  const bad = out.length > before;
  const empty = !(sel?.matchLabels && Object.keys(sel.matchLabels).length > 0) && exprs.length === 0;
  if (empty)
    out.push({
      field: 'spec.selector',
      message: `Invalid value: ${labelSelectorJson(sel)}: empty selector is invalid for deployment`,
    });
  if (bad)
    out.push({
      field: 'spec.selector',
      message: `Invalid value: ${labelSelectorJson(sel)}: invalid label selector`,
    });
  return !bad;
}

/**
 * validateContainerPorts' name checks for ports[j] (named): IsValidPortName's causes, else a
 * Duplicate when an earlier port of the container has the name.
 */
export function pushContainerPortNameErrors(out: FieldError[], ports: Any[], j: number, field: string): void {
  const name = String(ports[j]?.name);
  const errs = portNameErrors(name);
  for (const m of errs) out.push(invalid(field, name, m));
  if (errs.length === 0 && ports.findIndex((p: Any) => p?.name === name) < j)
    out.push(duplicate(field, name));
}

/** An IntOrString as json.Marshal writes it (absent: the internal zero value, 0). */
export const intOrString = (v: unknown): string => (v === undefined || v === null ? '0' : JSON.stringify(v));

/** getIntOrPercentValue: a valid percent's number, else IntValue() (Atoi of a string, 0 if none). */
export function intOrPercent(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return 0;
  if (PERCENT.test(v)) return Number(v.slice(0, -1));
  return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
}

/** ValidatePositiveIntOrPercent (ValidateRollingUpdateDeployment and ValidateRollingUpdateDaemonSet call it). */
export function pushIntOrPercentErrors(out: FieldError[], v: unknown, field: string): void {
  if (typeof v === 'string') {
    if (!PERCENT.test(v)) out.push({ field, message: `Invalid value: ${intOrString(v)}: ${PERCENT_MSG}` });
  } else if (typeof v === 'number' && v < 0) out.push(invalid(field, v, NEGATIVE));
}

/**
 * ValidatePodTemplateSpec's ValidateAnnotations at spec.template.annotations (its causes are written
 * for metadata), as ValidateDaemonSetSpec and ValidateStatefulSetSpec reach it.
 */
export function pushTemplateAnnotationErrors(out: FieldError[], annotations: Any): void {
  const errs: FieldError[] = [];
  pushAnnotationErrors(errs, annotations);
  for (const e of errs) out.push({ ...e, field: e.field.replace(/^metadata/, 'spec.template') });
}

/**
 * ValidateDaemonSetSpec's and ValidateStatefulSetSpec's template checks: restartPolicy must be
 * Always, activeDeadlineSeconds unset ("activeDeadlineSeconds in <Kind> is not Supported").
 */
export function pushAlwaysRestartErrors(
  out: FieldError[],
  podSpec: Any,
  kind: 'DaemonSet' | 'StatefulSet',
): void {
  const rp = podSpec?.restartPolicy;
  if (rp !== 'Always') out.push(unsupported('spec.template.spec.restartPolicy', rp ?? '', ['Always']));
  if (podSpec?.activeDeadlineSeconds != null)
    out.push(
      forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
}

/** IsNotMoreThan100Percent (a valid percent only). */
export function push100PercentError(out: FieldError[], v: unknown, field: string): void {
  if (typeof v === 'string' && PERCENT.test(v) && intOrPercent(v) > 100)
    out.push({ field, message: `Invalid value: ${intOrString(v)}: must not be greater than 100%` });
}

/**
 * The internal apps.DeploymentStrategy as json.Marshal writes it (no json tags);
 * apps.DaemonSetUpdateStrategy's fields (Type, RollingUpdate{MaxUnavailable, MaxSurge}) write the same.
 */
export function strategyJson(st: Any): string {
  const ru = st?.rollingUpdate;
  const r =
    ru === undefined || ru === null
      ? 'null'
      : `{"MaxUnavailable":${intOrString(ru.maxUnavailable)},"MaxSurge":${intOrString(ru.maxSurge)}}`;
  return `{"Type":${JSON.stringify(st?.type ?? '')},"RollingUpdate":${r}}`;
}

/**
 * ValidateDeploymentSpec after the template: strategy, minReadySeconds, revisionHistoryLimit,
 * progressDeadlineSeconds; then, on update (`oldSpec`), the apps/v1 strategy's selector
 * immutability (ValidateImmutableField: nil and empty compare equal).
 */
export function pushDeploymentTailErrors(out: FieldError[], spec: Any, oldSpec?: Any): void {
  const st: Any = spec?.strategy ?? {};
  if (st.type === 'Recreate') {
    if (st.rollingUpdate != null)
      out.push(
        forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"),
      );
  } else if (st.type === 'RollingUpdate') {
    const ru = st.rollingUpdate;
    if (ru == null) out.push(required('spec.strategy.rollingUpdate'));
    else {
      const mu = 'spec.strategy.rollingUpdate.maxUnavailable';
      pushIntOrPercentErrors(out, ru.maxUnavailable, mu);
      pushIntOrPercentErrors(out, ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge');
      if (intOrPercent(ru.maxUnavailable) === 0 && intOrPercent(ru.maxSurge) === 0)
        out.push({
          field: mu,
          message: `Invalid value: ${intOrString(ru.maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`,
        });
      push100PercentError(out, ru.maxUnavailable, mu);
    }
  } else {
    // The whole strategy is the value, at spec.strategy.
    out.push({
      field: 'spec.strategy',
      message: `Unsupported value: ${strategyJson(st)}: supported values: "Recreate", "RollingUpdate"`,
    });
  }
  const mrs = spec?.minReadySeconds ?? 0;
  if (mrs < 0) out.push(invalid('spec.minReadySeconds', mrs, NEGATIVE));
  const rhl = spec?.revisionHistoryLimit;
  if (typeof rhl === 'number' && rhl < 0) out.push(invalid('spec.revisionHistoryLimit', rhl, NEGATIVE));
  const pds = spec?.progressDeadlineSeconds;
  if (typeof pds === 'number') {
    if (pds < 0) out.push(invalid('spec.progressDeadlineSeconds', pds, NEGATIVE));
    if (pds <= mrs)
      out.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  if (oldSpec && spec?.selector !== oldSpec.selector) {
    const now = spec?.selector == null ? 'null' : labelSelectorJson(spec.selector);
    const before = oldSpec.selector == null ? 'null' : labelSelectorJson(oldSpec.selector);
    if (now !== before)
      out.push({ field: 'spec.selector', message: `Invalid value: ${now}: field is immutable` });
  }
}
