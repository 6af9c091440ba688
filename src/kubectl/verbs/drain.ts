// kubectl drain NODE [KUBECTL pkg/cmd/drain/drain.go v0.34.9 RunDrain, deleteOrEvictPodsSimple]:
// cordon, list what must go (./drain-pods), then evict each Pod through the policy/v1 Eviction
// subresource — or DELETE it with --disable-eviction — and wait, on the simulated clock, until
// they are gone (./drain-evict: the eviction, the waits, the deadline).
import { bool, str } from '../flags';
import { selectorParseError } from '../selector';
import { warningLine } from '../warnings';
import { completeNodes, cordonNodes } from './cordon';
import { deletePods, evictPods, type NodeError } from './drain-evict';
import { DRAIN_HELP } from './drain-help';
import { aggregateText, type DrainOptions, podsForDeletion } from './drain-pods';
import type { DryRunStrategy } from './dryrun';
import { DRY_RUN_FLAG } from './dryrun';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { parseGoDuration } from './wait';

/** The wait and removal flags. */
interface Removal {
  grace: number;
  timeoutMs: number;
  strategy: DryRunStrategy;
  disableEviction: boolean;
  skipSeconds: number;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
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
  const int = (name: string, def: number) =>
    typeof args.flags[name] === 'number' ? (args.flags[name] as number) : def;
  const removal: Removal = {
    grace: int('grace-period', -1),
    timeoutMs,
    strategy: c.strategy,
    disableEviction: bool(args.flags, 'disable-eviction'),
    skipSeconds: int('skip-wait-for-delete-timeout', 0),
  };
  const opts: DrainOptions = {
    force: bool(args.flags, 'force'),
    ignoreDaemonSets: bool(args.flags, 'ignore-daemonsets'),
    deleteEmptyDirData: bool(args.flags, 'delete-emptydir-data'),
    podSelector: podSelector || undefined,
    skipWaitSeconds: removal.skipSeconds,
    now: () => cluster.now(),
  };
  const { strategy } = c;
  const suffix = strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
  cordonNodes(ctx, c.nodes, true, strategy);
  const fatal: NodeError[] = [];
  const remaining: string[] = [];
  for (const node of c.nodes) {
    const name = node.metadata.name;
    const e = drainOne(ctx, name, opts, removal);
    if (!e) {
      proc.out(`node/${name} drained${suffix}\n`);
      continue;
    }
    proc.err(`error: unable to drain node "${name}" due to error: ${e.text}, continuing command...\n`);
    fatal.push(e);
    remaining.push(name);
  }
  if (remaining.length === 0) return 0;
  proc.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  // CheckErr(NewAggregate(fatal)): an aggregate of one is unwrapped to that node's error (an
  // aggregate prints its errors one a line without `error: `, MultipleErrors); several nodes'
  // errors print one line each.
  const lines = fatal.length === 1 ? (fatal[0] as NodeError).lines : fatal.map((e) => e.text);
  proc.err(lines.map((l) => `${l}\n`).join(''));
  return 1;
}

/** deleteOrEvictPodsSimple: the node's error, undefined when it was drained. */
function drainOne(ctx: KubectlContext, node: string, opts: DrainOptions, r: Removal): NodeError | undefined {
  const { proc, cluster } = ctx;
  const list = podsForDeletion(cluster, node, opts);
  if (list.errors.length > 0) return { text: aggregateText(list.errors), lines: list.errors };
  // printers.WarningPrinter (no colour: the terminal is not asked for it).
  if (list.warnings !== '') proc.err(warningLine(proc, list.warnings));
  if (r.strategy === 'client') {
    for (const p of list.pods)
      proc.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return undefined;
  }
  let e: NodeError | undefined;
  if (r.disableEviction || list.pods.length === 0) {
    e = list.pods.length
      ? deletePods(ctx, list.pods, r.grace, r.timeoutMs, r.strategy, r.skipSeconds)
      : undefined;
  } else {
    const errs = evictPods(ctx, list.pods, r.grace, r.timeoutMs, r.strategy, r.skipSeconds);
    e = errs.length ? { text: aggregateText(errs), lines: errs } : undefined;
  }
  if (!e) return undefined;
  const pending = podsForDeletion(cluster, node, opts);
  if (pending.pods.length > 0) {
    proc.err(`There are pending pods in node "${node}" when an error occurred: ${e.text}\n`);
    for (const p of pending.pods) proc.err(`pod/${p.metadata.name}\n`);
  }
  if (pending.errors.length > 0) {
    proc.err(
      `Following errors occurred while getting the list of pods to delete:\n${aggregateText(pending.errors)}`,
    );
  }
  return e;
}

export const drainVerb: KubectlVerb = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  help: DRAIN_HELP,
  flags: [
    // Accepted, without effect: the simulated API server answers a list in one piece.
    { name: 'chunk-size', type: 'int' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'disable-eviction', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'pod-selector', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'skip-wait-for-delete-timeout', type: 'int' },
    { name: 'timeout', type: 'string' },
  ],
  run,
};
