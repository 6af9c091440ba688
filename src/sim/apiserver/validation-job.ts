// ValidateJob / ValidateJobUpdate of 1.34 (pkg/apis/batch/validation/validation.go) as jobStrategy
// runs them (pkg/registry/batch/job/strategy.go: Validate, ValidateUpdate = ValidateJob +
// ValidateJobUpdate, whose ValidateJobSpecUpdate runs ValidateJobSpec again; the apiserver's
// message is ErrorList.ToAggregate's, which drops repeated causes), bound late (../late: only a
// user's write validates a Job):
// - ValidateObjectMeta with ValidateReplicationControllerName (a DNS-1123 subdomain), labels,
//   annotations;
// - validateGeneratedSelector (not with manualSelector): the template's labels `controller-uid`
//   and `job-name`, and (RequirePrefixedLabels: on create, and on an update of a Job that had both)
//   `batch.kubernetes.io/controller-uid` and `batch.kubernetes.io/job-name` (ValidateHasLabel:
//   `Required value: must be '<v>'` when absent, `Invalid value: <labels>: must be '<v>'` when
//   different), then the selector must match those labels ("`selector` not auto-generated");
// - validateJobSpec: parallelism, completions, activeDeadlineSeconds, backoffLimit,
//   ttlSecondsAfterFinished, backoffLimitPerIndex, maxFailedIndexes non-negative; completionMode
//   NonIndexed or Indexed (Indexed needs completions); backoffLimitPerIndex/maxFailedIndexes need
//   Indexed; podReplacementPolicy; the template (its labels and pod spec); restartPolicy: Always
//   or empty is `Required value: valid values: "OnFailure", "Never"` (the template's restartPolicy
//   was defaulted to Always), another is Unsupported; then the selector (required,
//   ValidateLabelSelector) and the selector against the template's labels;
// - an Indexed Job's last Pod hostname `<name>-<completions-1>` must be a DNS label;
// - an update: completions (immutable unless Indexed and changed in tandem with parallelism:
//   ElasticIndexedJob is GA), selector, template (scheduling directives of a suspended Job never
//   started aside), completionMode, podFailurePolicy, backoffLimitPerIndex, managedBy and
//   successPolicy are immutable (`field is immutable`).
// - validatePodFailurePolicy (rules, actions, onExitCodes operator/containerName/values, onPodConditions
//   type/status, one requirement per rule) and, for an Indexed Job, validateSuccessPolicy
//   (validateIndexesFormat's errors, succeededCount bounds); maxFailedIndexes <= completions;
// Not established here: a successPolicy on a NonIndexed Job (the source prints the internal
// batch.SuccessPolicy value, whose JSON form is not established; the controller ignores it there),
// managedBy's checks, and the exact value ValidateImmutableField prints for a changed template (Go prints the internal
// core.PodTemplateSpec, which has no json tags): the versioned template's JSON is printed instead.
import { matchesLabelSelector, qualifiedNameErrors } from '../api/labels';
import type { K8sObject } from '../api/types';
import { duplicate, type FieldError, invalid, tooLong, unsupported } from './errors';
import { deepEqual } from './json';
import { pushLabelErrors, validateName, validatePodSpec } from './validation';
import { pushAnnotationErrors } from './validation-annotations';
import { pushSelectorErrors } from './validation-deployment';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const NEGATIVE = 'must be greater than or equal to 0';
const IMMUTABLE = 'field is immutable';
const UID = 'batch.kubernetes.io/controller-uid';
const NAME = 'batch.kubernetes.io/job-name';

/** ValidateHasLabel at spec.template.metadata.labels[key]. */
function pushHasLabel(out: FieldError[], labels: Any, key: string, want: string): void {
  const field = `spec.template.metadata.labels[${key}]`;
  if (!labels || !Object.hasOwn(labels, key))
    out.push({ field, message: `Required value: must be '${want}'` });
  else if (labels[key] !== want) out.push(invalid(field, labels, `must be '${want}'`));
}

function pushGeneratedSelectorErrors(out: FieldError[], obj: Any, prefixed: boolean): void {
  const spec = obj.spec ?? {};
  if (spec.manualSelector === true || spec.selector == null) return;
  const { name, uid } = obj.metadata;
  if (!uid) out.push({ field: 'metadata.uid', message: 'Required value' });
  const labels = spec.template?.metadata?.labels;
  pushHasLabel(out, labels, 'controller-uid', uid ?? '');
  pushHasLabel(out, labels, 'job-name', name ?? '');
  const expected: Record<string, string> = {};
  if (prefixed) {
    pushHasLabel(out, labels, UID, uid ?? '');
    pushHasLabel(out, labels, NAME, name ?? '');
    expected[UID] = uid ?? '';
    expected[NAME] = name ?? '';
  }
  expected['controller-uid'] = uid ?? '';
  expected['job-name'] = name ?? '';
  const probe: FieldError[] = [];
  if (pushSelectorErrors(probe, spec.selector) && !matchesLabelSelector(spec.selector, expected))
    out.push(invalid('spec.selector', spec.selector, '`selector` not auto-generated'));
}

function pushNonNegative(out: FieldError[], spec: Any, k: string): void {
  const v = spec[k];
  if (typeof v === 'number' && v < 0) out.push(invalid(`spec.${k}`, v, NEGATIVE));
}

const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const OPERATORS = ['In', 'NotIn'];
const STATUSES = ['False', 'True', 'Unknown'];
/** Go's %q of a []string: `["a" "b"]`. */
const quotedList = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;
const tooMany = (field: string, n: number, max: number): FieldError => ({
  field,
  message: `Too many: ${n}: must have at most ${max} items`,
});

function pushOnExitCodesErrors(out: FieldError[], req: Any, path: string, names: Set<string>): void {
  const op = req.operator;
  if (op == null || op === '')
    out.push({
      field: `${path}.operator`,
      message: `Required value: valid values: ${quotedList(OPERATORS)}`,
    });
  else if (!OPERATORS.includes(op)) out.push(unsupported(`${path}.operator`, op, OPERATORS));
  if (req.containerName != null && !names.has(req.containerName))
    out.push(
      invalid(
        `${path}.containerName`,
        req.containerName,
        'must be one of the container or initContainer names in the pod template',
      ),
    );
  const values: Any[] = Array.isArray(req.values) ? req.values : [];
  if (values.length === 0)
    out.push(invalid(`${path}.values`, req.values ?? null, 'at least one value is required'));
  else if (values.length > 255) out.push(tooMany(`${path}.values`, values.length, 255));
  let ordered = true;
  const seen = new Set<unknown>();
  values.forEach((v, j) => {
    if (op === 'In' && v === 0)
      out.push(invalid(`${path}.values[${j}]`, v, 'must not be 0 for the In operator'));
    if (seen.has(v)) out.push(duplicate(`${path}.values[${j}]`, v));
    else seen.add(v);
    if (j > 0 && values[j - 1] > v) ordered = false;
  });
  if (!ordered) out.push(invalid(`${path}.values`, values, 'must be ordered'));
}

/** validatePodFailurePolicy: at most 20 rules, each with a known action and one requirement. */
function pushPodFailurePolicyErrors(out: FieldError[], spec: Any): void {
  const rules: Any[] = Array.isArray(spec.podFailurePolicy.rules) ? spec.podFailurePolicy.rules : [];
  const path = 'spec.podFailurePolicy.rules';
  if (rules.length > 20) out.push(tooMany(path, rules.length, 20));
  const ps = spec.template?.spec ?? {};
  const names = new Set<string>();
  for (const c of [...(ps.containers ?? []), ...(ps.initContainers ?? [])])
    if (c?.name != null) names.add(c.name);
  rules.forEach((rule: Any, i: number) => {
    const rp = `${path}[${i}]`;
    const r = rule ?? {};
    const action = r.action;
    if (action == null || action === '')
      out.push({ field: `${rp}.action`, message: `Required value: valid values: ${quotedList(ACTIONS)}` });
    else if (action === 'FailIndex') {
      if (spec.backoffLimitPerIndex == null)
        out.push(invalid(`${rp}.action`, action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!ACTIONS.includes(action)) out.push(unsupported(`${rp}.action`, action, ACTIONS));
    const onExit = r.onExitCodes;
    const onConds: Any[] = Array.isArray(r.onPodConditions) ? r.onPodConditions : [];
    if (onExit != null) pushOnExitCodesErrors(out, onExit, `${rp}.onExitCodes`, names);
    if (onConds.length > 0) {
      if (onConds.length > 20) out.push(tooMany(`${rp}.onPodConditions`, onConds.length, 20));
      onConds.forEach((c: Any, j: number) => {
        const cp = `${rp}.onPodConditions[${j}]`;
        const type = String(c?.type ?? '');
        for (const msg of qualifiedNameErrors(type)) out.push(invalid(`${cp}.type`, type, msg));
        const st = c?.status;
        if (st == null || st === '')
          out.push({
            field: `${cp}.status`,
            message: `Required value: valid values: ${quotedList(STATUSES)}`,
          });
        else if (!STATUSES.includes(st)) out.push(unsupported(`${cp}.status`, st, STATUSES));
      });
    }
    if (onExit != null && onConds.length > 0)
      out.push({
        field: rp,
        message: 'Invalid value: specifying both OnExitCodes and OnPodConditions is not supported',
      });
    if (onExit == null && onConds.length === 0)
      out.push({
        field: rp,
        message: 'Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
      });
  });
}

/** validateIndexesFormat: the number of indexes, or parseIndexInterval's error. */
function indexesFormat(s: string, completions: number): number | string {
  if (s.length === 0) return 0;
  let last: number | undefined;
  let total = 0;
  for (const part of s.split(',')) {
    const limits = part.split('-');
    if (limits.length > 2)
      return `the fragment ${JSON.stringify(part)} violates the requirement that an index interval can have at most two parts separated by '-'`;
    const nums: number[] = [];
    for (const l of limits) {
      if (!/^[+-]?\d+$/.test(l)) return `cannot convert string to integer for index: ${JSON.stringify(l)}`;
      const n = Number(l);
      if (n >= completions) return `too large index: ${JSON.stringify(l)}`;
      nums.push(n);
    }
    const x = nums[0] as number;
    const y = nums[1] ?? x;
    if (nums.length > 1 && x >= y) return `non-increasing order, previous: ${x}, current: ${y}`;
    if (last !== undefined && last >= x) return `non-increasing order, previous: ${last}, current: ${x}`;
    total += y - x + 1;
    last = y;
  }
  return total;
}

/** validateSuccessPolicy (an Indexed Job's): 1 to 20 rules, each with succeededIndexes or succeededCount. */
function pushSuccessPolicyErrors(out: FieldError[], spec: Any): void {
  const rules: Any[] = Array.isArray(spec.successPolicy.rules) ? spec.successPolicy.rules : [];
  const path = 'spec.successPolicy.rules';
  if (rules.length === 0)
    out.push({
      field: path,
      message: 'Required value: at least one rules must be specified when the successPolicy is specified',
    });
  if (rules.length > 20) out.push(tooMany(path, rules.length, 20));
  const completions = typeof spec.completions === 'number' ? spec.completions : 0;
  rules.forEach((rule: Any, i: number) => {
    const rp = `${path}[${i}]`;
    const idx = rule?.succeededIndexes;
    const count = rule?.succeededCount;
    if (idx == null && count == null)
      out.push({
        field: rp,
        message: 'Required value: at least one of succeededCount or succeededIndexes must be specified',
      });
    let total = 0;
    if (typeof idx === 'string') {
      if (idx.length > 65536) out.push(tooLong(`${rp}.succeededIndexes`, idx, 65536));
      const r = indexesFormat(idx, completions);
      if (typeof r === 'string')
        out.push(invalid(`${rp}.succeededIndexes`, idx, `error parsing succeededIndexes: ${r}`));
      else total = r;
    }
    if (typeof count === 'number') {
      const cp = `${rp}.succeededCount`;
      if (count < 0) out.push(invalid(cp, count, NEGATIVE));
      if (count > completions)
        out.push(
          invalid(
            cp,
            count,
            `must be less than or equal to ${completions} (the number of specified completions)`,
          ),
        );
      if (idx != null && count > total)
        out.push(
          invalid(
            cp,
            count,
            `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`,
          ),
        );
    }
  });
}

/** validateJobSpec then ValidateJobSpec's selector checks. */
export function pushSpecErrors(out: FieldError[], spec: Any): void {
  for (const k of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
    'maxFailedIndexes',
  ])
    pushNonNegative(out, spec, k);
  if (spec.maxFailedIndexes != null && spec.backoffLimitPerIndex == null)
    out.push({
      field: 'spec.backoffLimitPerIndex',
      message: 'Required value: when maxFailedIndexes is specified',
    });
  const mode = spec.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed')
      out.push(unsupported('spec.completionMode', mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed' && spec.completions == null)
      out.push({ field: 'spec.completions', message: 'Required value: when completion mode is Indexed' });
    if (mode === 'Indexed' && typeof spec.parallelism === 'number' && spec.parallelism > 100000)
      out.push(
        invalid(
          'spec.parallelism',
          spec.parallelism,
          'must be less than or equal to 100000 when completion mode is Indexed',
        ),
      );
    const mfi = spec.maxFailedIndexes;
    if (mode === 'Indexed' && typeof mfi === 'number') {
      if (typeof spec.completions === 'number' && mfi > spec.completions)
        out.push(invalid('spec.maxFailedIndexes', mfi, 'must be less than or equal to completions'));
      if (mfi > 100000)
        out.push(invalid('spec.maxFailedIndexes', mfi, 'must be less than or equal to 100000'));
    }
  }
  if (mode == null || mode === 'NonIndexed')
    for (const k of ['backoffLimitPerIndex', 'maxFailedIndexes'])
      if (spec[k] != null) out.push(invalid(`spec.${k}`, spec[k], 'requires indexed completion mode'));
  if (spec.podFailurePolicy != null) pushPodFailurePolicyErrors(out, spec);
  if (spec.successPolicy != null && mode === 'Indexed') pushSuccessPolicyErrors(out, spec);
  const prp = spec.podReplacementPolicy;
  if (prp != null) {
    if (spec.podFailurePolicy != null) {
      if (prp !== 'Failed') out.push(unsupported('spec.podReplacementPolicy', prp, ['Failed']));
    } else if (prp !== 'Failed' && prp !== 'TerminatingOrFailed')
      out.push(unsupported('spec.podReplacementPolicy', prp, ['Failed', 'TerminatingOrFailed']));
  }
  // ValidatePodTemplateSpec: the template's labels, annotations and pod spec.
  const t = spec.template ?? {};
  pushLabelErrors(out, t.metadata?.labels, 'spec.template.labels');
  if (t.metadata?.annotations) {
    const errs: FieldError[] = [];
    pushAnnotationErrors(errs, t.metadata.annotations);
    for (const e of errs) out.push({ ...e, field: e.field.replace(/^metadata/, 'spec.template') });
  }
  out.push(...validatePodSpec(t.spec, 'spec.template.spec'));
  const rp = t.spec?.restartPolicy;
  if (rp === 'Always' || !rp)
    out.push({
      field: 'spec.template.spec.restartPolicy',
      message: 'Required value: valid values: "OnFailure", "Never"',
    });
  else if (rp !== 'OnFailure' && rp !== 'Never')
    out.push(unsupported('spec.template.spec.restartPolicy', rp, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy != null && rp !== 'Never')
    out.push(
      invalid(
        'spec.template.spec.restartPolicy',
        rp,
        'only "Never" is supported when podFailurePolicy is specified',
      ),
    );
  const sel = spec.selector;
  let parsed = true;
  if (sel == null) out.push({ field: 'spec.selector', message: 'Required value' });
  else parsed = pushSelectorErrors(out, sel);
  // A nil selector is labels.Nothing (matches nothing); one that does not parse is not compared.
  if (parsed && (sel == null || !matchesLabelSelector(sel, t.metadata?.labels ?? {})))
    out.push(
      invalid(
        'spec.template.metadata.labels',
        t.metadata?.labels ?? null,
        '`selector` does not match template `labels`',
      ),
    );
}

function immutable(out: FieldError[], a: Any, b: Any, k: string): void {
  if (!deepEqual(a[k] ?? null, b[k] ?? null)) out.push(invalid(`spec.${k}`, a[k] ?? null, IMMUTABLE));
}

/** validatePodTemplateUpdate: a suspended Job never started may change its scheduling directives. */
function pushTemplateUpdate(out: FieldError[], spec: Any, old: Any): void {
  const t = spec.template ?? {};
  let o = old.spec?.template ?? {};
  if (old.spec?.suspend === true && old.status?.startTime == null) {
    const os: Any = { ...o.spec, nodeSelector: t.spec?.nodeSelector, tolerations: t.spec?.tolerations };
    os.schedulingGates = t.spec?.schedulingGates;
    if (t.spec?.affinity != null || o.spec?.affinity != null) {
      const aff: Any = { ...o.spec?.affinity, nodeAffinity: t.spec?.affinity?.nodeAffinity };
      os.affinity = Object.values(aff).some((v) => v != null) ? aff : undefined;
    }
    o = {
      ...o,
      metadata: { ...o.metadata, labels: t.metadata?.labels, annotations: t.metadata?.annotations },
    };
    o.spec = os;
  }
  const strip = (x: Any): Any => JSON.parse(JSON.stringify(x ?? null));
  if (!deepEqual(strip(t), strip(o))) out.push(invalid('spec.template', t, IMMUTABLE));
}

/** The causes of a Job create, or (with `old`) update, in the server's order, repeats dropped. */
export function validateJob(obj: K8sObject, old?: K8sObject): FieldError[] {
  const out: FieldError[] = [];
  const o: Any = obj;
  const m = o.metadata ?? {};
  const spec: Any = o.spec ?? {};
  if (!old) {
    if (!m.name)
      out.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
    else out.push(...validateName(m.name, 'subdomain'));
  }
  pushLabelErrors(out, m.labels, 'metadata.labels');
  if (m.annotations) pushAnnotationErrors(out, m.annotations);
  const ol: Any = old?.spec;
  const prefixed =
    !old ||
    (Object.hasOwn(ol?.template?.metadata?.labels ?? {}, NAME) &&
      Object.hasOwn(ol?.template?.metadata?.labels ?? {}, UID));
  pushGeneratedSelectorErrors(out, o, prefixed);
  pushSpecErrors(out, spec);
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    const host = `${m.name}-${spec.completions - 1}`;
    if (validateName(host, 'label').length > 0)
      out.push(
        invalid('metadata.name', m.name, `will not able to create pod with invalid DNS label: ${host}`),
      );
  }
  if (old) {
    const b: Any = old.spec ?? {};
    pushSpecErrors(out, spec);
    const indexed = spec.completionMode === 'Indexed';
    if (!indexed) immutable(out, spec, b, 'completions');
    else if (
      spec.completions != null &&
      !deepEqual(spec.completions, b.completions ?? null) &&
      spec.completions !== spec.parallelism
    )
      out.push(
        invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism'),
      );
    immutable(out, spec, b, 'selector');
    pushTemplateUpdate(out, spec, old);
    for (const k of [
      'completionMode',
      'podFailurePolicy',
      'backoffLimitPerIndex',
      'managedBy',
      'successPolicy',
    ])
      immutable(out, spec, b, k);
  }
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.field}: ${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
