// The Job controller's pod-failure back-off (pkg/controller/job/backoff_utils.go, 1.34): a record
// per Job of the failures since the last success and the last failure's finish time, updated from
// the Pods each sync counts (newBackoffRecord), and the wait before a Pod may be made again
// (getRemainingTime: DefaultJobPodFailureBackOff 10 s doubling per failure, capped at
// MaxJobPodFailureBackOff 10 min). The records live per API server (one cluster's controller
// state, as the source keeps them in the controller's memory).
import type { Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { parseRfc3339 } from '../runtime/clock';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;

/** Back-off records per API server (one cluster's controller state), by Job uid. */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime: number | undefined;
}
const RECORDS = new WeakMap<ApiServer, Map<string, BackoffRecord>>();

export function records(api: ApiServer): Map<string, BackoffRecord> {
  let r = RECORDS.get(api);
  if (!r) {
    r = new Map();
    RECORDS.set(api, r);
  }
  return r;
}

/**
 * getFinishedTime: the latest finishedAt when every container has terminated; else the Ready
 * condition's lastTransitionTime when it is False; else the deletion time (deletionTimestamp less
 * the grace period); else the creation time.
 */
export function finishedTime(p: Pod, now: number): number {
  const statuses: Any[] = (p.status?.containerStatuses as Any[] | undefined) ?? [];
  let t: number | undefined;
  for (const cs of statuses) {
    const f = cs?.state?.terminated?.finishedAt;
    if (!f) {
      t = undefined;
      break;
    }
    t = Math.max(t ?? 0, parseRfc3339(f));
  }
  if (t !== undefined) return t;
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return parseRfc3339(ready.lastTransitionTime);
  const m = p.metadata;
  if (m.deletionTimestamp)
    return parseRfc3339(m.deletionTimestamp) - (m.deletionGracePeriodSeconds ?? 0) * 1000;
  return m.creationTimestamp ? parseRfc3339(m.creationTimestamp) : now;
}

/** newBackoffRecord: the record after this sync's newly counted Pods. */
export function nextBackoff(rec: BackoffRecord, succeeded: number[], failed: number[]): BackoffRecord {
  const s = [...succeeded].sort((a, b) => a - b);
  const f = [...failed].sort((a, b) => a - b);
  if (s.length === 0) {
    if (f.length === 0) return rec;
    return {
      failuresAfterLastSuccess: rec.failuresAfterLastSuccess + f.length,
      lastFailureTime: f[f.length - 1],
    };
  }
  const out: BackoffRecord = { failuresAfterLastSuccess: 0, lastFailureTime: undefined };
  const lastSuccess = s[s.length - 1] as number;
  for (let i = f.length - 1; i >= 0; i--) {
    const t = f[i] as number;
    if (!(t > lastSuccess)) break;
    out.lastFailureTime ??= t;
    out.failuresAfterLastSuccess++;
  }
  return out;
}

/** getRemainingTime: how long before a Pod may be made again (0: now). */
export function remainingBackoff(rec: BackoffRecord, now: number): number {
  if (rec.lastFailureTime === undefined) return 0;
  return remainingBackoffFor(rec.failuresAfterLastSuccess, rec.lastFailureTime, now);
}

/**
 * getRemainingTimeForFailuresCount: 10 s doubling per failure after the first, capped at 10 min,
 * counted from the last failure (getRemainingTimePerIndex passes an index's failures + 1).
 */
export function remainingBackoffFor(failures: number, lastFailureTime: number, now: number): number {
  if (failures === 0) return 0;
  let d = POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= MAX_POD_FAILURE_BACKOFF_MS) {
      d = MAX_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = now - lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}
