// kubectl cordon / uncordon NODE [KUBECTL pkg/cmd/drain/drain.go v0.34.9: NewCmdCordon,
// NewCmdUncordon, DrainCmdOptions.Complete and RunCordonOrUncordon; pkg/drain/cordon.go]. The
// node is found by the builder (names or -l), then spec.unschedulable is set by a strategic merge
// patch (CordonHelper.PatchOrReplace: `{"spec":{"unschedulable":true}}`, or `null` to clear it, as
// CreateTwoWayMergePatch writes for a field that became its omitempty zero). A node already in the
// wanted state is `already cordoned` and nothing is sent. drain shares completeNodes and
// cordonNodes (drain.ts).
import type { K8sObject } from '../../sim/api/types';
import { str } from '../flags';
import { notFoundMessage, type ResourceType, resolveResourceType } from '../resources';
import { listForKubectl } from '../selector';
import { CORDON_HELP, UNCORDON_HELP } from './drain-help';
import { DRY_RUN_FLAG, type DryRunStrategy, dryRunSuffix, getDryRunStrategy } from './dryrun';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const NODES = resolveResourceType('nodes') as ResourceType;

/** cli-runtime's missingResourceError. */
const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** The node the builder found (info.Object), as fetched. */
export type NodeObj = K8sObject & { spec?: { unschedulable?: boolean } };

export type Completed = { ok: true; nodes: NodeObj[]; strategy: DryRunStrategy } | { ok: false };

/**
 * DrainCmdOptions.Complete: the usage checks, the dry-run strategy, then the builder
 * (ResourceNames("nodes", args…) or -l with ResourceTypes("nodes")), which stops at the first
 * node it cannot get. `extra` runs between the strategy and the builder (drain's --pod-selector).
 */
export function completeNodes(
  use: 'cordon' | 'uncordon' | 'drain',
  args: ParsedArgs,
  ctx: KubectlContext,
  extra?: () => string | undefined,
): Completed {
  const { proc, cluster } = ctx;
  const selector = str(args.flags, 'selector');
  const names = args.positional;
  const fail = (msg: string): Completed => {
    proc.err(`${msg}\n`);
    return { ok: false };
  };
  // cmdutil.UsageErrorf: the message, then `See 'kubectl <verb> -h' for help and examples`.
  const usage = (msg: string) => `${msg}\nSee 'kubectl ${use} -h' for help and examples`;
  // `cmd.Flags().Changed("selector")`: an explicit `-l ''` counts as given.
  if (names.length === 0 && selector === undefined) return fail(usage(`error: USAGE: ${use} NODE [flags]`));
  if (names.length > 0 && (selector ?? '') !== '') {
    return fail(usage('error: cannot specify both a node name and a --selector option'));
  }
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: cluster.now() });
  if (!dry.ok) return fail(dry.message);
  const bad = extra?.();
  if (bad !== undefined) return fail(bad);
  const nodes: NodeObj[] = [];
  for (const arg of names) {
    // ResourceNames accepts TYPE/NAME too; the Visit then refuses what is not a node.
    const slash = arg.indexOf('/');
    const t = slash < 0 ? NODES : resolveResourceType(arg.slice(0, slash));
    const name = slash < 0 ? arg : arg.slice(slash + 1);
    if (!t) return fail(`error: the server doesn't have a resource type "${arg.slice(0, slash)}"`);
    const obj = t.simulated
      ? cluster.get(t.simulated, t.namespaced ? ctx.namespace : undefined, name)
      : undefined;
    if (!obj) return fail(notFoundMessage(t, name));
    if (t !== NODES) {
      return fail(
        `error: expected resource of type node, got "${t.group}/${t.version}, Resource=${t.resource}"`,
      );
    }
    nodes.push(obj as NodeObj);
  }
  if (selector !== undefined && names.length === 0) {
    // The builder ignores a blank selector (LabelSelectorParam trims it): nothing is left to visit.
    if (selector === '') return fail(`error: ${MISSING_RESOURCE}`);
    if (selector.trim() === '') return fail('error: resource(s) were provided, but no name was specified');
    const r = listForKubectl(cluster, NODES, { labelSelector: selector.trim() });
    if (r.error !== undefined) return fail(r.error);
    nodes.push(...(r.objs as NodeObj[]));
  }
  return { ok: true, nodes, strategy: dry.strategy };
}

/**
 * RunCordonOrUncordon: per node, `already cordoned` or the patch and `cordoned`; a failed patch
 * is printed (`error: unable to cordon node "x": …`) and the loop goes on; the command's own
 * result is always success. A client dry run sends nothing.
 */
export function cordonNodes(
  ctx: KubectlContext,
  nodes: readonly NodeObj[],
  desired: boolean,
  strategy: DryRunStrategy,
): void {
  const { proc, cluster } = ctx;
  const verb = desired ? 'cordon' : 'uncordon';
  const suffix = dryRunSuffix(strategy);
  for (const node of nodes) {
    const name = node.metadata.name;
    if ((node.spec?.unschedulable === true) === desired) {
      proc.out(`node/${name} already ${verb}ed${suffix}\n`);
      continue;
    }
    if (strategy !== 'client') {
      const body = JSON.stringify({ spec: { unschedulable: desired ? true : null } });
      const r = cluster.patch(
        'Node',
        undefined,
        name,
        'strategic',
        body,
        strategy === 'server' ? { dryRun: true } : {},
      );
      if (!r.ok) {
        proc.err(`error: unable to ${verb} node "${name}": ${r.error.message}\n`);
        continue;
      }
    }
    proc.out(`node/${name} ${verb}ed${suffix}\n`);
  }
}

function cordonRun(desired: boolean) {
  return (args: ParsedArgs, ctx: KubectlContext): number => {
    const c = completeNodes(desired ? 'cordon' : 'uncordon', args, ctx);
    if (!c.ok) return 1;
    cordonNodes(ctx, c.nodes, desired, c.strategy);
    return 0;
  };
}

const FLAGS = [DRY_RUN_FLAG, { name: 'selector', short: 'l', type: 'string' as const }];

export const cordonVerb: KubectlVerb = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  help: CORDON_HELP,
  flags: FLAGS,
  run: cordonRun(true),
};

export const uncordonVerb: KubectlVerb = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  help: UNCORDON_HELP,
  flags: FLAGS,
  run: cordonRun(false),
};
