// kubectl drain NODE [KUBECTL pkg/cmd/drain/drain.go v0.34.9 RunDrain, deleteOrEvictPodsSimple;
// pkg/drain/drain.go evictPods, waitForDelete]: cordon, list what must go (./drain-pods), then
// evict each Pod through the policy/v1 Eviction subresource and wait, on the simulated clock,
// until every evicted Pod is gone (or replaced by a Pod of another uid under its name).
//
// The Eviction subresource [kubernetes pkg/registry/core/pod/storage/eviction.go EvictionREST.Create]
// deletes the Pod with the Eviction's DeleteOptions (--grace-period, or the Pod's own) once no
// PodDisruptionBudget objects to it; this simulator has no PodDisruptionBudgets, so an eviction is
// that delete and never answers 429. kubectl polls each Pod every second (waitForDelete); the
// global --timeout (0: none) ends the wait with `context deadline exceeded`. An unbounded wait is
// cut at one hour of simulated time here, as if --timeout=1h had been given.
import { bool, str } from '../flags';
import { selectorParseError } from '../selector';
import { completeNodes, cordonNodes } from './cordon';
import { DRAIN_HELP } from './drain-help';
import { aggregateText, type DrainOptions, podsForDeletion } from './drain-pods';
import type { DryRunStrategy } from './dryrun';
import { DRY_RUN_FLAG } from './dryrun';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { parseGoDuration } from './wait';

/** waitForDelete's poll interval. */
const INTERVAL_MS = 1000;
/** The bound on a wait kubectl would never end (--timeout=0). */
const UNBOUNDED_MS = 60 * 60_000;

interface Evicted {
  namespace: string;
  name: string;
  uid: string | undefined;
}

/**
 * evictPods: `evicting pod ns/x` then the eviction per Pod; a Pod already gone needs no wait and
 * prints nothing more. Returns the per-Pod errors (utilerrors aggregate members).
 */
function evictPods(
  ctx: KubectlContext,
  pods: readonly { metadata: { namespace?: string; name: string; uid?: string } }[],
  grace: number,
  timeoutMs: number,
  strategy: DryRunStrategy,
): string[] {
  const { proc, cluster } = ctx;
  const errors: string[] = [];
  const waiting: Evicted[] = [];
  for (const pod of pods) {
    const ns = pod.metadata.namespace ?? 'default';
    const name = pod.metadata.name;
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
    });
    if (!r.ok) {
      if (r.error.reason !== 'NotFound')
        errors.push(`error when evicting pods/"${name}" -n "${ns}": ${r.error.message}`);
      continue;
    }
    if (strategy !== 'server') waiting.push({ namespace: ns, name, uid: pod.metadata.uid });
  }
  if (strategy === 'server' || waiting.length === 0) return errors;
  cluster.runUntilIdle();
  const limit = timeoutMs === 0 ? UNBOUNDED_MS : timeoutMs;
  let pending = waiting;
  let waited = 0;
  // PollUntilContextTimeout(immediate): a check now, then one a second until the deadline.
  for (;;) {
    const still: Evicted[] = [];
    for (const p of pending) {
      const now = cluster.get('Pod', p.namespace, p.name);
      if (!now || now.metadata.uid !== p.uid) proc.out(`pod/${p.name} evicted\n`);
      else still.push(p);
    }
    pending = still;
    if (pending.length === 0) break;
    if (waited + INTERVAL_MS >= limit) {
      proc.sleep(limit - waited);
      for (const p of pending) {
        errors.push(
          `error when waiting for pod "${p.name}" in namespace "${p.namespace}" to terminate: context deadline exceeded`,
        );
      }
      break;
    }
    proc.sleep(INTERVAL_MS);
    waited += INTERVAL_MS;
  }
  return errors;
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
  const s = `${Math.floor(u / 1000)}${
    u % 1000
      ? `.${String(u % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
      : ''
  }s`;
  if (h > 0) return `${sign}${h}h${m}m${s}`;
  if (m > 0) return `${sign}${m}m${s}`;
  return `${sign}${s}`;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  // --timeout is a pflag Duration: a bad value fails the flag parsing, before anything else.
  const timeoutText = str(args.flags, 'timeout') ?? '0s';
  const timeoutMs = parseGoDuration(timeoutText);
  if (timeoutMs === undefined) {
    proc.err(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\nSee 'kubectl drain --help' for usage.\n`,
    );
    return 1;
  }
  const podSelector = str(args.flags, 'pod-selector');
  const c = completeNodes('drain', args, ctx, () =>
    podSelector && selectorParseError(podSelector) !== undefined
      ? 'error: --pod-selector=<pod_selector> must be a valid label selector'
      : undefined,
  );
  if (!c.ok) return 1;
  const grace = typeof args.flags['grace-period'] === 'number' ? (args.flags['grace-period'] as number) : -1;
  const opts: DrainOptions = {
    force: bool(args.flags, 'force'),
    ignoreDaemonSets: bool(args.flags, 'ignore-daemonsets'),
    deleteEmptyDirData: bool(args.flags, 'delete-emptydir-data'),
    podSelector: podSelector || undefined,
  };
  const { strategy } = c;
  const suffix = strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
  cordonNodes(ctx, c.nodes, true, strategy);
  // fatal: one aggregate per node that could not be drained; each is printed as its lines.
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of c.nodes) {
    const name = node.metadata.name;
    const errs = drainOne(ctx, name, opts, grace, timeoutMs, strategy);
    if (errs.length === 0) {
      proc.out(`node/${name} drained${suffix}\n`);
      continue;
    }
    proc.err(
      `error: unable to drain node "${name}" due to error: ${aggregateText(errs)}, continuing command...\n`,
    );
    fatal.push(errs);
    remaining.push(name);
  }
  if (remaining.length === 0) return 0;
  proc.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  // CheckErr(NewAggregate(fatal)): an aggregate of one is unwrapped to that node's aggregate,
  // whose errors print one a line without `error: ` (MultipleErrors); several nodes' aggregates
  // print one line each.
  const lines = fatal.length === 1 ? (fatal[0] as string[]) : fatal.map(aggregateText);
  proc.err(lines.map((l) => `${l}\n`).join(''));
  return 1;
}

/** deleteOrEvictPodsSimple: the node's errors, [] when it was drained. */
function drainOne(
  ctx: KubectlContext,
  node: string,
  opts: DrainOptions,
  grace: number,
  timeoutMs: number,
  strategy: DryRunStrategy,
): string[] {
  const { proc, cluster } = ctx;
  const list = podsForDeletion(cluster, node, opts);
  if (list.errors.length > 0) return list.errors;
  // printers.WarningPrinter (no colour: the terminal is not asked for it).
  if (list.warnings !== '') proc.err(`Warning: ${list.warnings}\n`);
  if (strategy === 'client') {
    for (const p of list.pods)
      proc.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return [];
  }
  const errs = evictPods(ctx, list.pods, grace, timeoutMs, strategy);
  if (errs.length === 0) return [];
  const err = aggregateText(errs);
  const pending = podsForDeletion(cluster, node, opts);
  if (pending.pods.length > 0) {
    proc.err(`There are pending pods in node "${node}" when an error occurred: ${err}\n`);
    for (const p of pending.pods) proc.err(`pod/${p.metadata.name}\n`);
  }
  if (pending.errors.length > 0) {
    proc.err(
      `Following errors occurred while getting the list of pods to delete:\n${aggregateText(pending.errors)}`,
    );
  }
  return errs;
}

export const drainVerb: KubectlVerb = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  help: DRAIN_HELP,
  flags: [
    { name: 'delete-emptydir-data', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'pod-selector', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'timeout', type: 'string' },
  ],
  run,
};
