// kubectl taint NODE NAME KEY=VAL:EFFECT … KEY:EFFECT- KEY- [KUBECTL pkg/cmd/taint/taint.go v0.34.9:
// Complete, Validate, validateFlags, RunTaint, updateTaints; parsing in ./taint-parse]. The node's
// spec.taints is replaced by a strategic merge patch (NodeSpec.taints has no merge key, so the
// list is sent whole, or null once empty). The builder continues on errors: every node is tried
// and the errors print at the end as checkErr prints an aggregate.
//
// The NamePrinter's operation is set per node after PrintFlagsWithDryRunStrategy ran in Complete,
// so a dry run prints `node/x tainted` without kubectl's usual ` (dry run)` suffix: kubectl's
// behaviour, kept.
import type { K8sObject } from '../../sim/api/types';
import { formatError, formatErrorRaw } from '../errors';
import { bool, str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { notFoundMessage, type ResourceType, resolveResourceType } from '../resources';
import { listForKubectl } from '../selector';
import { DRY_RUN_FLAG, getDryRunStrategy } from './dryrun';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import { type LabelError, plainError, printAggregate } from './label';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { alreadyExisting, conflictError, parseTaints, reorganizeTaints, type Taint } from './taint-parse';

const HELP = composeHelp({
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  examples: `  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  kubectl taint nodes foo dedicated=special-user:NoSchedule
  
  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  kubectl taint nodes foo dedicated:NoSchedule-
  
  # Remove from node 'foo' all the taints with key 'dedicated'
  kubectl taint nodes foo dedicated-
  
  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule
  
  # Add to node 'foo' a taint with key 'bar' and no value
  kubectl taint nodes foo bar:NoSchedule`,
  flags: [
    { name: 'all', def: 'false', usage: 'Select all nodes in the cluster' },
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    {
      name: 'overwrite',
      def: 'false',
      usage:
        'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
    },
    {
      name: 'selector',
      short: 'l',
      def: "''",
      usage:
        "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    },
  ],
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
});

const NODES = resolveResourceType('nodes') as ResourceType;

/** An error of one node as checkErr prints it alone (`pretty`) or in an aggregate (`raw`). */
function aggregateError(msgs: readonly string[]): LabelError {
  if (msgs.length === 1) return plainError(msgs[0] as string);
  return { pretty: msgs.join('\n'), raw: `[${msgs.join(', ')}]` };
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const fail = (msg: string) => {
    proc.err(`${msg}\n`);
    return 1;
  };
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: cluster.now() });
  if (!dry.ok) return fail(dry.message);
  const strategy = dry.strategy;
  // Complete: resources first, then the taint arguments.
  const resources: string[] = [];
  const specs: string[] = [];
  for (const s of args.positional) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) specs.push(s);
    else if (specs.length > 0)
      return fail(`error: all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  if (resources.length < 1)
    return fail('error: one or more resources must be specified as <resource> <name>');
  if (specs.length < 1) return fail('error: at least one taint update is required');
  const parsed = parseTaints(specs);
  if ('error' in parsed) return fail(`error: ${parsed.error}\nSee 'kubectl taint -h' for help and examples`);
  // Validate: the type must map to Node, no key both changed and removed, then the flags.
  const typed = (resources[0] as string).toLowerCase();
  const t = resolveResourceType(typed);
  if (!t) return fail(`error: the server doesn't have a resource type "${typed}"`);
  if (t !== NODES) return fail(`error: invalid resource type ${typed}, only node types are supported`);
  const conflict = conflictError(parsed.add, parsed.remove);
  if (conflict) return fail(`error: ${conflict}`);
  const selector = str(args.flags, 'selector') ?? '';
  const all = bool(args.flags, 'all');
  if (all && selector !== '')
    return fail("error: setting 'all' parameter with a non empty selector is prohibited");
  if (!all && selector === '' && resources.length < 2) {
    return fail("error: at least one resource name must be specified since 'all' parameter is not set");
  }
  const format = parseOperationOutput(str(args.flags, 'output'));
  const overwrite = bool(args.flags, 'overwrite');
  const errors: LabelError[] = [];
  // The builder's visit order; a name it cannot get is an error in its place.
  let nodes: (K8sObject | string)[] = [];
  if (selector !== '' || all) {
    const r = listForKubectl(cluster, NODES, selector !== '' ? { labelSelector: selector } : {});
    if (r.error !== undefined) return fail(r.error);
    nodes = r.objs;
  } else nodes = resources.slice(1).map((name) => cluster.get('Node', undefined, name) ?? name);
  for (const node of nodes) {
    if (typeof node === 'string') {
      errors.push({ pretty: notFoundMessage(NODES, node), raw: notFoundMessage(NODES, node) });
      continue;
    }
    const name = node.metadata.name;
    const old = ((node.spec as { taints?: Taint[] | null } | undefined)?.taints ?? []) as Taint[];
    if (!overwrite) {
      const exists = alreadyExisting(old, parsed.add);
      if (exists !== '') {
        errors.push(
          plainError(
            `node ${name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`,
          ),
        );
        continue;
      }
    }
    const r = reorganizeTaints(old, overwrite, parsed.add, parsed.remove);
    if (r.errors.length > 0) {
      errors.push(aggregateError(r.errors));
      continue;
    }
    // The node as patched here (a client dry run prints this one).
    const spec: Record<string, unknown> = { ...(node.spec as object) };
    if (r.taints.length > 0) spec.taints = r.taints;
    else delete spec.taints;
    let out: K8sObject = { ...node, spec };
    if (!format.ok) {
      errors.push(plainError(format.message.replace(/^error: /, '')));
      continue;
    }
    if (strategy !== 'client') {
      const body = JSON.stringify({ spec: { taints: r.taints.length ? r.taints.map(ordered) : null } });
      const same = JSON.stringify(old.map(ordered)) === JSON.stringify(r.taints.map(ordered));
      const p = cluster.patch(
        'Node',
        undefined,
        name,
        'strategic',
        same ? '{}' : body,
        strategy === 'server' ? { dryRun: true } : {},
      );
      if (!p.ok) {
        errors.push({ pretty: formatError(p.error), raw: formatErrorRaw(p.error) });
        continue;
      }
      out = p.object;
    }
    const printed = new OperationPrinter(format.format, r.operation).print(out);
    proc.out(printed.out);
    if (printed.error) errors.push(plainError(printed.error.replace(/^error: /, '')));
  }
  return printAggregate(errors, proc.err);
}

/** A taint in Go's field order (key, value, effect, timeAdded) for the patch body. */
function ordered(t: Taint): Taint {
  return {
    key: t.key,
    ...(t.value ? { value: t.value } : {}),
    effect: t.effect,
    ...(t.timeAdded ? { timeAdded: t.timeAdded } : {}),
  };
}

export const taintVerb: KubectlVerb = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  help: HELP,
  flags: [
    { name: 'all', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run,
};
