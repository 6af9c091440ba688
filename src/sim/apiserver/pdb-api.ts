// The API server's handling of a write of a policy/v1 PodDisruptionBudget (bound late: ../late-impl),
// in the order the 1.34 server runs it [K8S pkg/registry/policy/poddisruptionbudget/strategy.go,
// APISERVER pkg/registry/rest/create.go BeforeCreate]:
// - no defaulting (policy/v1 has no SetDefaults for the kind);
// - PrepareForCreate: the status the client sent is dropped (the zero status: 0 allowed, 0 current,
//   0 desired, 0 expected), generation 1; PrepareForUpdate: the stored status is kept, and a change
//   of spec bumps the generation;
// - the strategy's Validate, ValidatePodDisruptionBudget [K8S pkg/apis/policy/validation
//   validation.go]: minAvailable and maxUnavailable not both set (field.Invalid on `spec` with the
//   internal spec as json.Marshal writes it: Go field names, no json tags), each a non-negative int
//   or a valid percent of at most 100% (apps validation ValidatePositiveIntOrPercent,
//   IsNotMoreThan100Percent), the label selector (ValidateLabelSelector; nil is valid and matches
//   no Pod), unhealthyPodEvictionPolicy IfHealthyBudget or AlwaysAllow;
// - only when that passed, ValidateObjectMetaAccessor with path.ValidatePathSegmentName: the name
//   may be anything but `.`/`..` or with `/` or `%` (the kind does not check a DNS name), then the
//   labels and annotations.
// It runs where the server validates (server.ts validateWrite), on the server's own copy.
import type { K8sObject } from '../api/types';
import { type FieldError, invalid, unsupported } from './errors';
import { deepEqual } from './json';
import { pushLabelSelectorErrors } from './pdb-selector';
import { pushLabelErrors } from './validation';
import { pushAnnotationErrors } from './validation-annotations';
import {
  intOrString,
  labelSelectorJson,
  push100PercentError,
  pushIntOrPercentErrors,
} from './validation-deployment';

// biome-ignore lint/suspicious/noExplicitAny: writes handle loosely typed objects.
type Any = any;

const POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** The zero PodDisruptionBudgetStatus as the v1 JSON writes it (four counts are not omitempty). */
export const ZERO_STATUS = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };

/** A pointer to an IntOrString as json.Marshal writes it: null when unset. */
const iosPtr = (v: unknown): string => (v === undefined || v === null ? 'null' : intOrString(v));

/** The internal policy.PodDisruptionBudgetSpec as json.Marshal writes it (no json tags). */
export function internalSpecJson(spec: Any): string {
  const sel = spec?.selector;
  const policy = spec?.unhealthyPodEvictionPolicy;
  return (
    `{"MinAvailable":${iosPtr(spec?.minAvailable)},` +
    `"Selector":${sel === undefined || sel === null ? 'null' : labelSelectorJson(sel)},` +
    `"MaxUnavailable":${iosPtr(spec?.maxUnavailable)},` +
    `"UnhealthyPodEvictionPolicy":${policy === undefined || policy === null ? 'null' : JSON.stringify(policy)}}`
  );
}

/** ValidatePodDisruptionBudgetSpec's causes. */
export function validatePdbSpec(spec: Any): FieldError[] {
  const out: FieldError[] = [];
  const min = spec?.minAvailable;
  const max = spec?.maxUnavailable;
  const has = (v: unknown) => v !== undefined && v !== null;
  if (has(min) && has(max))
    out.push({
      field: 'spec',
      message: `Invalid value: ${internalSpecJson(spec)}: minAvailable and maxUnavailable cannot be both set`,
    });
  if (has(min)) {
    pushIntOrPercentErrors(out, min, 'spec.minAvailable');
    push100PercentError(out, min, 'spec.minAvailable');
  }
  if (has(max)) {
    pushIntOrPercentErrors(out, max, 'spec.maxUnavailable');
    push100PercentError(out, max, 'spec.maxUnavailable');
  }
  if (spec?.selector) pushLabelSelectorErrors(out, spec.selector, 'spec.selector');
  const policy = spec?.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== null && !POLICIES.includes(policy))
    out.push(unsupported('spec.unhealthyPodEvictionPolicy', policy, POLICIES));
  return out;
}

/** IsValidPathSegmentName's messages. */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const out: string[] = [];
  for (const c of ['/', '%']) if (name.includes(c)) out.push(`may not contain '${c}'`);
  return out;
}

/**
 * PrepareForCreate/Update and validation of a PodDisruptionBudget write: the causes of a refusal
 * (the object is the server's own copy, changed in place).
 */
export function admitPdb(obj: K8sObject, old: K8sObject | undefined): FieldError[] {
  const o: Any = obj;
  if (!o.spec || typeof o.spec !== 'object') o.spec = {};
  if (old) {
    o.status = old.status;
    const gen = old.metadata.generation ?? 1;
    o.metadata = { ...o.metadata, generation: deepEqual(old.spec, o.spec) ? gen : gen + 1 };
  } else {
    o.status = { ...ZERO_STATUS };
    o.metadata = { ...o.metadata, generation: 1 };
  }
  const errs = validatePdbSpec(o.spec);
  if (errs.length > 0) return errs;
  const m = o.metadata;
  if (!old) {
    if (!m.name)
      errs.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
    else for (const msg of pathSegmentErrors(m.name)) errs.push(invalid('metadata.name', m.name, msg));
  }
  pushLabelErrors(errs, m.labels, 'metadata.labels');
  if (m.annotations) pushAnnotationErrors(errs, m.annotations);
  return errs;
}
