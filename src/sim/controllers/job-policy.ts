// A Job's podFailurePolicy, successPolicy and per-index failure counts as the 1.34 Job controller
// reads them (pkg/controller/job: pod_failure_policy.go matchPodFailurePolicy, success_policy.go
// matchSuccessPolicy, indexed_job_utils.go isIndexFailed / getNewIndexFailureCounts). The rules
// are read defensively: the API server stores them as given (a malformed rule matches nothing).
import type { Job, Pod } from '../api/types';
import { INDEX_FAILURE_COUNT, INDEX_IGNORED_FAILURE_COUNT, parseIndexes } from './job-indexed';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export type PolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

export interface PolicyMatch {
  /** The Job failure message of a FailJob rule. */
  message?: string;
  /** Whether the failure counts toward backoffLimit (and backoffLimitPerIndex): not for Ignore. */
  countFailed: boolean;
  action?: PolicyAction;
}

const NO_MATCH: PolicyMatch = { countFailed: true };

/** getMatchingContainerFromList: the first terminated container with a non-zero code the rule matches. */
function matchingContainer(statuses: Any, req: Any): Any {
  if (!Array.isArray(statuses)) return undefined;
  const values: unknown[] = Array.isArray(req.values) ? req.values : [];
  for (const cs of statuses) {
    const t = cs?.state?.terminated;
    if (!t) continue;
    if (req.containerName != null && req.containerName !== cs.name) continue;
    const code = t.exitCode ?? 0;
    if (code === 0) continue;
    const listed = values.includes(code);
    if (req.operator === 'In' ? listed : req.operator === 'NotIn' ? !listed : false) return cs;
  }
  return undefined;
}

/** matchOnPodConditions: the first Pod condition (in the Pod's order) any pattern names. */
function matchingCondition(conditions: Any, patterns: Any[]): Any {
  if (!Array.isArray(conditions)) return undefined;
  for (const c of conditions)
    for (const p of patterns) if (c?.type === p?.type && c?.status === (p?.status ?? 'True')) return c;
  return undefined;
}

/**
 * matchPodFailurePolicy: the first rule the failed Pod matches decides. onExitCodes looks at the
 * containers, then the init containers; a rule whose action is unknown lets the next rule try.
 */
export function matchPodFailurePolicy(job: Job, pod: Pod): PolicyMatch {
  const policy: Any = job.spec.podFailurePolicy;
  if (policy == null) return NO_MATCH;
  const rules: Any[] = Array.isArray(policy.rules) ? policy.rules : [];
  const st: Any = pod.status ?? {};
  const ns = pod.metadata.namespace ?? '';
  const name = pod.metadata.name;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index];
    if (rule == null || typeof rule !== 'object') continue;
    let failJob: string | undefined;
    if (rule.onExitCodes != null && typeof rule.onExitCodes === 'object') {
      const cs =
        matchingContainer(st.containerStatuses, rule.onExitCodes) ??
        matchingContainer(st.initContainerStatuses, rule.onExitCodes);
      if (!cs) continue;
      failJob = `Container ${cs.name} for pod ${ns}/${name} failed with exit code ${cs.state.terminated.exitCode} matching FailJob rule at index ${index}`;
    } else if (Array.isArray(rule.onPodConditions)) {
      const c = matchingCondition(st.conditions, rule.onPodConditions);
      if (!c) continue;
      failJob = `Pod ${ns}/${name} has condition ${c.type} matching FailJob rule at index ${index}`;
    } else continue;
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' };
      case 'FailIndex':
        return { countFailed: true, action: 'FailIndex' };
      case 'Count':
        return { countFailed: true, action: 'Count' };
      case 'FailJob':
        return { message: failJob, countFailed: true, action: 'FailJob' };
    }
  }
  return NO_MATCH;
}

/**
 * matchSuccessPolicy: `Matched rules at index N` for the first rule met by the succeeded indexes
 * (succeededIndexes all succeeded, or at least succeededCount of them; succeededCount alone: that
 * many succeeded indexes); undefined when none is (or nothing succeeded yet).
 */
export function matchSuccessPolicy(job: Job, succeeded: Set<number>): string | undefined {
  const policy: Any = job.spec.successPolicy;
  if (policy == null || succeeded.size === 0) return undefined;
  const rules: Any[] = Array.isArray(policy.rules) ? policy.rules : [];
  const completions = job.spec.completions ?? 0;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index];
    if (rule == null || typeof rule !== 'object') continue;
    const count = typeof rule.succeededCount === 'number' ? rule.succeededCount : undefined;
    if (typeof rule.succeededIndexes === 'string') {
      const required = parseIndexes(rule.succeededIndexes, completions);
      if (required.size === 0) continue;
      let contains = 0;
      for (const i of required) if (succeeded.has(i)) contains++;
      if (contains === required.size || (count !== undefined && contains >= count))
        return `Matched rules at index ${index}`;
    } else if (count !== undefined && succeeded.size >= count) return `Matched rules at index ${index}`;
  }
  return undefined;
}

/** parseInt32 of an index-failure annotation: 0 when absent, unparsable, negative or past int32. */
function countAnnotation(pod: Pod | undefined, key: string): number {
  const v = pod?.metadata.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n < 0 || n > 2147483647 ? 0 : n;
}

export const indexFailureCount = (p: Pod | undefined) => countAnnotation(p, INDEX_FAILURE_COUNT);
/** getIndexAbsoluteFailureCount: the counted and the ignored failures. */
export const indexAbsoluteFailureCount = (p: Pod | undefined) =>
  countAnnotation(p, INDEX_FAILURE_COUNT) + countAnnotation(p, INDEX_IGNORED_FAILURE_COUNT);

/** getNewIndexFailureCounts: the counts a replacement of `replaced` (or a first Pod) starts with. */
export function newIndexFailureCounts(job: Job, replaced: Pod | undefined): [number, number] {
  if (!replaced) return [0, 0];
  let failed = indexFailureCount(replaced);
  let ignored = countAnnotation(replaced, INDEX_IGNORED_FAILURE_COUNT);
  if (matchPodFailurePolicy(job, replaced).countFailed) failed++;
  else ignored++;
  return [failed, ignored];
}
