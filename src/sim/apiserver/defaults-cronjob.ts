// A user's batch/v1 CronJob as the 1.34 API server stores it, bound late (../late: only a user's
// write creates or updates a CronJob):
// - SetDefaults_CronJob (pkg/apis/batch/v1/defaults.go): concurrencyPolicy Allow, suspend false,
//   successfulJobsHistoryLimit 3, failedJobsHistoryLimit 1;
// - the generated SetObjectDefaults_CronJob defaults the job template's PodSpec (./defaults
//   defaultPodSpec: an unset restartPolicy becomes Always, which ValidateJobTemplateSpec then
//   rejects) but not its JobSpec (SetDefaults_Job takes a *Job: a CronJob's jobTemplate.spec keeps
//   no completions/parallelism/backoffLimit of its own; the Job made from it gets them);
// - cronJobStrategy.PrepareForCreate (pkg/registry/batch/cronjob/strategy.go): the status cleared
//   (CronJobStatus{}: `status: {}`); PrepareForUpdate keeps the stored status (./server).
// The spec's keys are laid out in CronJobSpec's field order (what `-o json` prints).
import type { K8sObject } from '../api/types';
import { isOwn } from '../runtime/own';
import { copyOwn } from './copy';
import { defaultPodSpec } from './defaults';

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks decoded JSON.
type Any = any;

const SPEC_ORDER = [
  'schedule',
  'timeZone',
  'startingDeadlineSeconds',
  'concurrencyPolicy',
  'suspend',
  'jobTemplate',
  'successfulJobsHistoryLimit',
  'failedJobsHistoryLimit',
];

function ordered(s: Any, order: readonly string[]): Any {
  const out: Any = {};
  for (const k of order) if (s[k] !== undefined) out[k] = s[k];
  for (const k in s) if (isOwn(s, k) && !order.includes(k)) out[k] = s[k];
  return out;
}

/** Default `o` (a top-level copy the API server owns) in place; `old`: the stored CronJob of an update. */
export function defaultCronJob(o: Any, old?: K8sObject): void {
  const spec: Any = { ...o.spec };
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jt = spec.jobTemplate;
  const js: Any = copyOwn(jt?.spec);
  // metadata before spec (JobTemplateSpec's and PodTemplateSpec's field order).
  js.template = {
    ...copyOwn(js.template),
    metadata: js.template?.metadata ?? {},
    spec: defaultPodSpec(js.template?.spec),
  };
  js.template = { metadata: js.template.metadata, ...js.template };
  spec.jobTemplate = { metadata: jt?.metadata ?? {}, ...copyOwn(jt), spec: js };
  o.spec = ordered(spec, SPEC_ORDER);
  if (!old) o.status = {};
}
