// How `kubectl drain` removes a node's Pods and waits for them [KUBECTL pkg/drain/drain.go v0.34.9:
// evictPods, deletePods, waitForDelete, shouldSkipPod]. The waits run on the simulated clock:
// kubectl polls each second (PollUntilContextTimeout, immediate), and a Pod is done when it is
// gone or another Pod (another uid) has its name.
//
// evictPods runs one goroutine per Pod, all on one global deadline (--timeout; 0 is no deadline,
// cut here at one hour of simulated time, as if --timeout=1h had been given): each prints
// `evicting pod ns/x`, gives up with `global timeout reached: <timeout>` once the deadline has
// passed, and POSTs the Eviction (Cluster.delete's `eviction`: apiserver/eviction evictPod, which
// honours the Pod's PodDisruptionBudget). A 429 TooManyRequests prints `error when evicting
// pods/"x" -n "ns" (will retry after 5s): <message>` on stderr, sleeps 5 s and starts over (the
// `evicting pod` line again); NotFound ends it quietly; any other refusal (the 500 of a Pod with
// two budgets) ends it with `error when evicting pods/"x" -n "ns": <message>`. An accepted
// eviction waits for its Pod (`pod/x evicted`). Goroutines run in the list's order at each instant:
// the `evicting pod` lines, then the requests and their answers, then the waits' polls. --disable-eviction (deletePods) DELETEs instead, so budgets
// do not apply.
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

/** The retry delay after a 429 (time.Sleep(5 * time.Second)). */
const RETRY_MS = 5000;

interface Goroutine {
  ref: PodRef;
  /** Elapsed ms of its next step. */
  at: number;
  /** Evicting, or polling its Pod (waitForDelete) since `since`. */
  phase: 'evict' | 'wait';
  since: number;
}

/**
 * evictPods: the goroutines on the simulated clock until each has answered. Returns the members
 * of the aggregate error, in the order the goroutines answered.
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
  const deadline = timeoutMs === 0 ? UNBOUNDED_MS : timeoutMs;
  const global = goDuration(deadline);
  const suffix = strategy === 'server' ? ' (server dry run)' : '';
  let active: Goroutine[] = pods.map((pod) => ({ ref: ref(pod), at: 0, phase: 'evict', since: 0 }));
  let now = 0;
  while (active.length > 0) {
    const next = Math.min(...active.map((g) => g.at));
    if (next > now) {
      proc.sleep(next - now);
      now = next;
    }
    const done = new Set<Goroutine>();
    let evicted = false;
    // Each goroutine prints its line before its request goes out: the lines of an instant first.
    const due = active.filter((g) => g.at === now && g.phase === 'evict');
    for (const g of due) proc.out(`evicting pod ${g.ref.namespace}/${g.ref.name}${suffix}\n`);
    for (const g of due) {
      const { namespace: ns, name } = g.ref;
      if (now >= deadline) {
        errors.push(`error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${global}`);
        done.add(g);
        continue;
      }
      const r = cluster.delete('Pod', ns, name, {
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        ...(strategy === 'server' ? { dryRun: true } : {}),
        eviction: true,
      });
      if (r.ok) {
        evicted = true;
        if (strategy === 'server') done.add(g);
        else {
          g.phase = 'wait';
          g.since = now;
        }
      } else if (r.error.reason === 'NotFound') done.add(g);
      else if (r.error.reason === 'TooManyRequests') {
        proc.err(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${r.error.message}\n`);
        g.at = now + RETRY_MS;
      } else {
        errors.push(`error when evicting pods/"${name}" -n "${ns}": ${r.error.message}`);
        done.add(g);
      }
    }
    if (evicted) cluster.runUntilIdle();
    for (const g of active) {
      if (g.at !== now || g.phase !== 'wait' || done.has(g)) continue;
      // loopConditionUntilContext: the immediate poll runs even past the deadline; later ones
      // only before it (the deadline wins a tie with the next tick).
      if (now > g.since && now >= deadline) {
        errors.push(
          `error when waiting for pod "${g.ref.name}" in namespace "${g.ref.namespace}" to terminate: context deadline exceeded`,
        );
        done.add(g);
        continue;
      }
      const p = cluster.get('Pod', g.ref.namespace, g.ref.name);
      if (!p || p.metadata.uid !== g.ref.uid) {
        proc.out(`pod/${g.ref.name} evicted\n`);
        done.add(g);
      } else if (shouldSkipPod(p, skipSeconds, cluster.now())) {
        proc.out(`pod "${g.ref.name}" has DeletionTimestamp older than ${skipSeconds} seconds, skipping\n`);
        done.add(g);
      } else g.at = Math.min(now + INTERVAL_MS, deadline);
    }
    active = active.filter((g) => !done.has(g));
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
