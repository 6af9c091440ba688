// How `kubectl drain` removes a node's Pods and waits for them [KUBECTL pkg/drain/drain.go v0.34.9:
// evictPods, deletePods, waitForDelete, shouldSkipPod]. The waits run on the simulated clock:
// kubectl polls each second (PollUntilContextTimeout, immediate), and a Pod is done when it is
// gone or another Pod (another uid) has its name.
//
// The Eviction subresource [kubernetes pkg/registry/core/pod/storage/eviction.go EvictionREST.Create]
// deletes the Pod with the Eviction's DeleteOptions (--grace-period, else the Pod's own) once no
// PodDisruptionBudget objects; this simulator has no PodDisruptionBudgets, so an eviction is that
// delete (after the DisruptionTarget condition, Cluster.delete's `eviction`) and never answers 429
// (TooManyRequests). A wait kubectl would never end (--timeout=0) is cut at one hour
// of simulated time, as if --timeout=1h had been given.
import type { K8sObject } from '../../sim/api/types';
import { formatError } from '../errors';
import type { DryRunStrategy } from './dryrun';
import type { KubectlContext } from './registry';

/** waitForDelete's poll interval. */
const INTERVAL_MS = 1000;
/** The bound on a wait kubectl would never end. */
export const UNBOUNDED_MS = 60 * 60_000;

interface PodRef {
  namespace: string;
  name: string;
  uid: string | undefined;
}

/** What the drain of one node failed with: the error's text, and checkErr's lines when alone. */
export interface NodeError {
  text: string;
  lines: string[];
}

const ref = (p: K8sObject): PodRef => ({
  namespace: p.metadata.namespace ?? 'default',
  name: p.metadata.name,
  uid: p.metadata.uid,
});

/** shouldSkipPod: --skip-wait-for-delete-timeout > 0 and a deletionTimestamp more seconds ago. */
export function shouldSkipPod(pod: K8sObject, skipSeconds: number, nowMs: number): boolean {
  const ts = pod.metadata.deletionTimestamp;
  return skipSeconds > 0 && ts !== undefined && Math.trunc((nowMs - Date.parse(ts)) / 1000) > skipSeconds;
}

/**
 * waitForDelete: `pod/x <verb>` for each Pod as it goes, `pod "x" has DeletionTimestamp older
 * than N seconds, skipping` for one it stops waiting for; the Pods still there at the deadline.
 */
function waitForDelete(
  ctx: KubectlContext,
  pods: readonly PodRef[],
  verb: 'evicted' | 'deleted',
  limitMs: number,
  skipSeconds: number,
): PodRef[] {
  const { proc, cluster } = ctx;
  let pending = [...pods];
  let waited = 0;
  for (;;) {
    const still: PodRef[] = [];
    for (const p of pending) {
      const now = cluster.get('Pod', p.namespace, p.name);
      if (!now || now.metadata.uid !== p.uid) proc.out(`pod/${p.name} ${verb}\n`);
      else if (shouldSkipPod(now, skipSeconds, cluster.now())) {
        proc.out(`pod "${p.name}" has DeletionTimestamp older than ${skipSeconds} seconds, skipping\n`);
      } else still.push(p);
    }
    pending = still;
    if (pending.length === 0) return pending;
    // The deadline wins a tie with the next tick (loopConditionUntilContext checks ctx.Err first).
    if (waited + INTERVAL_MS >= limitMs) {
      if (limitMs > waited) proc.sleep(limitMs - waited);
      return pending;
    }
    proc.sleep(INTERVAL_MS);
    waited += INTERVAL_MS;
  }
}

/**
 * evictPods: per Pod `evicting pod ns/x`, the eviction, then its wait (all on one global
 * deadline); a Pod already gone needs no wait and prints nothing more. Returns the members of
 * the aggregate error.
 */
export function evictPods(
  ctx: KubectlContext,
  pods: readonly K8sObject[],
  grace: number,
  timeoutMs: number,
  strategy: DryRunStrategy,
  skipSeconds: number,
): string[] {
  const { proc, cluster } = ctx;
  const errors: string[] = [];
  const waiting: PodRef[] = [];
  for (const pod of pods) {
    const { namespace: ns, name } = ref(pod);
    proc.out(`evicting pod ${ns}/${name}${strategy === 'server' ? ' (server dry run)' : ''}\n`);
    // A negative --timeout: the global context is already done when the goroutine checks it.
    if (timeoutMs < 0) {
      errors.push(
        `error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${goDuration(timeoutMs)}`,
      );
      continue;
    }
    const r = cluster.delete('Pod', ns, name, {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      ...(strategy === 'server' ? { dryRun: true } : {}),
      eviction: true,
    });
    if (!r.ok) {
      if (r.error.reason !== 'NotFound')
        errors.push(`error when evicting pods/"${name}" -n "${ns}": ${r.error.message}`);
      continue;
    }
    if (strategy !== 'server') waiting.push(ref(pod));
  }
  if (waiting.length === 0) return errors;
  cluster.runUntilIdle();
  const pending = waitForDelete(
    ctx,
    waiting,
    'evicted',
    timeoutMs === 0 ? UNBOUNDED_MS : timeoutMs,
    skipSeconds,
  );
  for (const p of pending) {
    errors.push(
      `error when waiting for pod "${p.name}" in namespace "${p.namespace}" to terminate: context deadline exceeded`,
    );
  }
  return errors;
}

/**
 * deletePods (--disable-eviction): every DELETE first (the first refusal other than NotFound ends
 * it), then one wait for them all, `pod/x deleted` as each goes. A server dry run deletes
 * nothing, so kubectl waits for Pods that stay, until the deadline.
 */
export function deletePods(
  ctx: KubectlContext,
  pods: readonly K8sObject[],
  grace: number,
  timeoutMs: number,
  strategy: DryRunStrategy,
  skipSeconds: number,
): NodeError | undefined {
  const { cluster } = ctx;
  for (const pod of pods) {
    const r = cluster.delete('Pod', pod.metadata.namespace, pod.metadata.name, {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      ...(strategy === 'server' ? { dryRun: true } : {}),
    });
    if (!r.ok && r.error.reason !== 'NotFound')
      return { text: r.error.message, lines: [formatError(r.error)] };
  }
  cluster.runUntilIdle();
  const limit = timeoutMs === 0 ? UNBOUNDED_MS : timeoutMs;
  const pending = waitForDelete(ctx, pods.map(ref), 'deleted', limit, skipSeconds);
  if (pending.length === 0) return undefined;
  return { text: 'context deadline exceeded', lines: ['error: context deadline exceeded'] };
}

/** Go's time.Duration.String for whole milliseconds (`-1m30s`, `1h0m0s`, `500ms`, `0s`). */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let u = Math.abs(ms);
  if (u < 1000) return `${sign}${u}ms`;
  const h = Math.floor(u / 3_600_000);
  u -= h * 3_600_000;
  const m = Math.floor(u / 60_000);
  u -= m * 60_000;
  const frac =
    u % 1000
      ? `.${String(u % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
      : '';
  const s = `${Math.floor(u / 1000)}${frac}s`;
  if (h > 0) return `${sign}${h}h${m}m${s}`;
  if (m > 0) return `${sign}${m}m${s}`;
  return `${sign}${s}`;
}
