// kubectl scale --replicas=N (deploy|rs|sts)/NAME … [KUBECTL cmd/scale]: `deployment.apps/x scaled`.
import type { K8sObject } from '../../sim/api/types';
import { formatError } from '../errors';
import { bool, str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { notFoundMessage, parseResourceArgs, type ResourceType } from '../resources';
import { DRY_RUN_FLAG, DRY_RUN_HELP, dryRunSuffix, getDryRunStrategy } from './dryrun';
import { formatErrors } from './get';
import { listType, statusMessage } from './get-list';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is
guaranteed that the precondition holds true when the scale is sent to the server.

Examples:
  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo
  
  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

Options:
    --all=false:
	Select all resources in the namespace of the specified resource types

    --current-replicas=-1:
	Precondition for current size. Requires that the current size of the resource match this value in order to
	scale. -1 (default) for no condition.

${DRY_RUN_HELP}
    -o, --output='':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath,
	jsonpath-as-json, jsonpath-file).

    --replicas=0:
	The new desired number of replicas. Required.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2).
	Matching objects must satisfy all of the specified label constraints.

Usage:
  kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)
[options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const replicas = args.flags.replicas;
  if (replicas === undefined) {
    proc.err('error: required flag(s) "replicas" not set\n');
    return 1;
  }
  // Complete: the dry-run strategy, then the printer (a bad -o fails before anything is sent).
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: cluster.now() });
  if (!dry.ok) {
    proc.err(`${dry.message}\n`);
    return 1;
  }
  const strategy = dry.strategy;
  const format = parseOperationOutput(str(args.flags, 'output'));
  if (!format.ok) {
    proc.err(`${format.message}\n`);
    return 1;
  }
  const printer = new OperationPrinter(format.format, `scaled${dryRunSuffix(strategy)}`);
  if (typeof replicas !== 'number' || replicas < 0) {
    proc.err('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    return 1;
  }
  const current =
    typeof args.flags['current-replicas'] === 'number' ? (args.flags['current-replicas'] as number) : -1;
  const parsed = parseResourceArgs(args.positional, 'scale');
  if (!parsed.ok) {
    proc.err(`${parsed.message}\n`);
    return 1;
  }
  if (parsed.requests.length === 0) {
    proc.err(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    return 1;
  }
  const selector = str(args.flags, 'selector');
  const targets: { t: ResourceType; obj: K8sObject }[] = [];
  // scale.go RunScale: the builder has ContinueOnError, so r.Infos() returns every object it
  // found and the failed requests' error (infoErr) is kept for the end.
  const infoErrors: string[] = [];
  for (const req of parsed.requests) {
    const t = req.type;
    if (t.simulated !== 'Deployment' && t.simulated !== 'ReplicaSet' && t.simulated !== 'StatefulSet') {
      proc.err(`error: no scaler has been implemented for {"${t.group}" "${t.kind}"}\n`);
      return 1;
    }
    if (req.names) {
      for (const n of req.names) {
        const obj = cluster.get(t.simulated, ctx.namespace, n);
        if (obj) targets.push({ t, obj });
        else infoErrors.push(notFoundMessage(t, n));
      }
    } else if (selector !== undefined || bool(args.flags, 'all')) {
      const r = listType(cluster, t, { namespace: ctx.namespace, labelSelector: selector });
      if (r.error !== undefined) infoErrors.push(r.error);
      else for (const obj of r.objs) targets.push({ t, obj });
    } else {
      proc.err('error: resource(s) were provided, but no name was specified\n');
      return 1;
    }
  }
  if (targets.length === 0) {
    // fmt.Errorf("no objects passed to scale %w", infoErr): checkErr prints its Error(), the
    // StatusError's message (an aggregate's `[a, b]`); a selector that matched nothing is an error too.
    proc.err(
      infoErrors.length > 0
        ? `error: no objects passed to scale ${aggregateMessage(infoErrors)}\n`
        : 'error: no objects passed to scale\n',
    );
    return 1;
  }
  for (const { obj } of targets) {
    // The printer gets info.Object: the object as fetched, before the scale.
    const print = (): boolean => {
      const p = printer.print(obj);
      proc.out(p.out);
      if (p.error) proc.err(`${p.error}\n`);
      return !p.error;
    };
    if (strategy === 'client') {
      // nothing sent, no precondition checked; a printer error ends the command
      if (!print()) return 1;
      continue;
    }
    // A failed precondition or update is returned at once: the later objects are not scaled
    // and infoErr is not printed (RunScale `return err`).
    const have = obj.spec?.replicas ?? 1;
    if (current >= 0 && have !== current) {
      proc.err(`error: Expected replicas to be ${current}, was ${have}\n`);
      return 1;
    }
    const r = cluster.update(
      { ...obj, spec: { ...obj.spec, replicas } },
      strategy === 'server' ? { dryRun: true } : {},
    );
    if (!r.ok) {
      proc.err(`${formatError(r.error)}\n`);
      return 1;
    }
    if (!print()) return 1;
  }
  // `return infoErr` after the objects found were scaled: checkErr, one line per error.
  if (infoErrors.length > 0) {
    proc.err(formatErrors(infoErrors));
    return 1;
  }
  return 0;
}

/** An error's Error() as `%w` embeds it: a StatusError's message; several: `[a, b]` (deduplicated). */
function aggregateMessage(errors: readonly string[]): string {
  const msgs = [...new Set(errors.map(statusMessage))];
  return msgs.length === 1 ? (msgs[0] as string) : `[${msgs.join(', ')}]`;
}

export const scaleVerb: KubectlVerb = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  help: HELP,
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'current-replicas', type: 'int' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string' },
    { name: 'replicas', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run,
};
