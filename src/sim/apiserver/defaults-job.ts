// A user's batch/v1 Job as the 1.34 API server stores it, bound late (../late: only a user's
// write creates or updates a Job):
// - SetDefaults_Job (pkg/apis/batch/v1/defaults.go): completions and parallelism 1 when both are
//   unset, else parallelism 1 when unset; backoffLimit 6 (MaxInt32 with backoffLimitPerIndex); a
//   Job without labels gets the template's (the same map, so with the generated ones); completionMode NonIndexed; suspend false;
//   podReplacementPolicy Failed with a podFailurePolicy, else TerminatingOrFailed; an onPodConditions
//   pattern's status "True" when unset;
//   (JobPodReplacementPolicy is GA in 1.34); manualSelector false;
// - the template gets the PodSpec defaults a Deployment's template gets (./defaults defaultPodSpec:
//   an unset restartPolicy becomes Always, which ValidateJob then rejects);
// - jobStrategy.PrepareForCreate (pkg/registry/batch/job/strategy.go): generateSelector unless
//   manualSelector — the template labels `batch.kubernetes.io/controller-uid` and
//   `controller-uid` (the uid), `batch.kubernetes.io/job-name` and `job-name` (the name), each
//   only when absent, and the selector's matchLabels `batch.kubernetes.io/controller-uid: <uid>`;
//   the status cleared (JobStatus{}: every field omitempty, so `status: {}`);
//   PrepareForUpdate keeps the stored status (the generation is ./server's).
// The spec's keys are laid out in JobSpec's field order (what `-o json` prints).
import type { K8sObject } from '../api/types';
import { isOwn } from '../runtime/own';
import { uuid } from '../runtime/rng';
import { copyOwn } from './copy';
import { defaultPodSpec } from './defaults';
import type { ApiServer } from './server';

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks decoded JSON.
type Any = any;

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';

const SPEC_ORDER = [
  'parallelism',
  'completions',
  'activeDeadlineSeconds',
  'podFailurePolicy',
  'successPolicy',
  'backoffLimit',
  'backoffLimitPerIndex',
  'maxFailedIndexes',
  'selector',
  'manualSelector',
  'template',
  'ttlSecondsAfterFinished',
  'completionMode',
  'suspend',
  'podReplacementPolicy',
  'managedBy',
];

/** Go marshals a map[string]string with its keys sorted. */
function sorted(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k] as string;
  return out;
}

/** generateSelector of jobStrategy (pkg/registry/batch/job/strategy.go). */
function generateSelector(spec: Any, name: string, uid: string): void {
  const labels: Record<string, string> = { ...spec.template.metadata?.labels };
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!Object.hasOwn(labels, k)) labels[k] = name;
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL])
    if (!Object.hasOwn(labels, k)) labels[k] = uid;
  spec.template.metadata = { ...spec.template.metadata, labels: sorted(labels) };
  const sel: Any = copyOwn(spec.selector);
  const ml: Record<string, string> = { ...sel.matchLabels };
  if (!Object.hasOwn(ml, CONTROLLER_UID_LABEL)) ml[CONTROLLER_UID_LABEL] = uid;
  sel.matchLabels = sorted(ml);
  spec.selector = sel;
}

/**
 * A created Job: its uid is drawn here, where the server would draw it after validation (the
 * same stream: the boot's uid, the dry-run stream for a dry run), since the generated selector
 * needs it; the server's create options come back with it.
 */
export function defaultNewJob<T extends { uid?: string }>(o: Any, opts: T, api: ApiServer, dry: boolean): T {
  const uid = opts.uid ?? (dry ? uuid((api as Any).dryRunRng) : api.newUid());
  defaultJob(o, undefined, uid);
  return { ...opts, uid };
}

/** SetDefaults_Job: an onPodConditions pattern without a status matches status "True". */
function defaultPodFailurePolicy(pfp: Any): Any {
  if (pfp == null || typeof pfp !== 'object' || !Array.isArray(pfp.rules)) return pfp;
  const rules = pfp.rules.map((r: Any) =>
    r != null && typeof r === 'object' && Array.isArray(r.onPodConditions)
      ? {
          ...r,
          onPodConditions: r.onPodConditions.map((c: Any) =>
            c != null && typeof c === 'object' && (c.status == null || c.status === '')
              ? { ...c, status: 'True' }
              : c,
          ),
        }
      : r,
  );
  return { ...pfp, rules };
}

/**
 * Default `o` (a top-level copy the API server owns) in place; `old`: the stored Job of an update.
 * A create gets the uid the Job will have (the generated selector needs it).
 */
export function defaultJob(o: Any, old?: K8sObject, uid = ''): void {
  const s: Any = o.spec ?? {};
  const spec: Any = {};
  for (const k of SPEC_ORDER) if (s[k] !== undefined) spec[k] = s[k];
  for (const k in s) if (isOwn(s, k) && !SPEC_ORDER.includes(k)) spec[k] = s[k];
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? 2147483647 : 6;
  const t = s.template;
  const template: Any = copyOwn(t);
  template.metadata = t?.metadata ?? {};
  template.spec = defaultPodSpec(t?.spec);
  spec.template = template;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy != null ? 'Failed' : 'TerminatingOrFailed';
  spec.podFailurePolicy = defaultPodFailurePolicy(spec.podFailurePolicy);
  spec.manualSelector ??= false;
  if (!old && !spec.manualSelector) generateSelector(spec, o.metadata.name ?? '', uid);
  // SetDefaults_Job shares the template's label map with a Job that has no labels, so the Job
  // shows the generated labels too (the stored object is defaulted again on every read).
  const tl = spec.template.metadata.labels;
  if (tl != null && Object.keys(o.metadata?.labels ?? {}).length === 0) o.metadata.labels = { ...tl };
  const out: Any = {};
  for (const k of SPEC_ORDER) if (spec[k] !== undefined) out[k] = spec[k];
  for (const k in spec) if (!SPEC_ORDER.includes(k)) out[k] = spec[k];
  o.spec = out;
  if (!old) {
    o.status = {};
    // FillObjectMetaSystemFields runs before the strategy's validation: the uid is there.
    o.metadata.uid = uid;
  }
}
