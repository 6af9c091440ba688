// kubectl delete (reference §B9) [KUBECTL delete.go, delete_flags.go]: names, TYPE/NAME, -l,
// --all, -f, --cascade. Prints `<kind>[.group] "<name>" deleted from <ns> namespace` (1.34) as
// each DELETE returns, then waits (--wait=true) until every deleted object is gone, letting
// simulated time pass.
import { isKindName } from '../../sim/api/kinds';
import type { K8sObject, KindName } from '../../sim/api/types';
import { ENDPOINTS_WARNING } from '../../sim/apiserver/server';
import type { ApiError } from '../../sim/contract';
import { formatError, formatErrorRaw, printErrors, withSource } from '../errors';
import { bool, str, strs } from '../flags';
import {
  kindPrefix,
  notFoundMessage,
  parseResourceArgs,
  type ResourceType,
  resourceTypeByKind,
} from '../resources';
import { warningLine } from '../warnings';
import { readDocs } from './apply';
import { DRY_RUN_FLAG, DRY_RUN_HELP, type DryRunStrategy, dryRunSuffix, getDryRunStrategy } from './dryrun';
import { listType, visitErrorLines } from './get-list';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { waitUntil } from './util';

const HELP = `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or
resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are
forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to
set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be
acknowledged immediately.

Examples:
  # Delete a pod using the type and name specified in pod.json
  kubectl delete -f ./pod.json
  
  # Delete pods and services with same names "baz" and "foo"
  kubectl delete pod,service baz foo
  
  # Delete pods and services with label name=myLabel
  kubectl delete pods,services -l name=myLabel
  
  # Delete a pod with minimal delay
  kubectl delete pod foo --now
  
  # Delete all pods
  kubectl delete pods --all

Options:
    --all=false:
	Delete all resources, in the namespace of the specified resource types.

    -A, --all-namespaces=false:
	If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even
	if specified with --namespace.

    --cascade='background':
	Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents
	(e.g. Pods created by a ReplicationController). Defaults to background.

${DRY_RUN_HELP}
    --field-selector='':
	Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector
	key1=value1,key2=value2). The server only supports a limited number of field queries per type.

    -f, --filename=[]:
	containing the resource to delete.

    --force=false:
	If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of
	some resources may result in inconsistency or data loss and requires confirmation.

    --grace-period=-1:
	Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for
	immediate shutdown. Can only be set to 0 when --force is true (force deletion).

    --ignore-not-found=false:
	Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.

    --now=false:
	If true, resources are signaled for immediate shutdown (same as --grace-period=1).

    -o, --output='':
	Output mode. Use "-o name" for shorter output (resource/name).

    -R, --recursive=false:
	Process the directory used in -f, --filename recursively.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2).
	Matching objects must satisfy all of the specified label constraints.

    --wait=true:
	If true, wait for resources to be gone before returning. This waits for finalizers.

Usage:
  kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** The longest kubectl delete waits here for objects to go (its own default is a week). */
const MAX_WAIT_MS = 5 * 60_000;

type Propagation = 'Background' | 'Foreground' | 'Orphan';

// strconv.ParseBool's spellings: the deprecated boolean forms of --cascade.
const TRUE_WORDS = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE_WORDS = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/**
 * --cascade as parseCascadingFlag reads it [KUBECTL delete_flags.go]: the three strategies by
 * name; a boolean (deprecated) maps true→background, false→orphan with a warning on stderr;
 * anything else is an error. It runs in ToOptions, before any argument is looked at.
 */
function parseCascade(value: string, err: (s: string) => void): Propagation | { error: string } {
  if (TRUE_WORDS.includes(value) || FALSE_WORDS.includes(value)) {
    const to = TRUE_WORDS.includes(value) ? 'background' : 'orphan';
    err(
      `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${to}.\n`,
    );
    return to === 'background' ? 'Background' : 'Orphan';
  }
  if (value === 'orphan') return 'Orphan';
  if (value === 'foreground') return 'Foreground';
  if (value === 'background') return 'Background';
  return { error: `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"` };
}

interface Target {
  type: ResourceType;
  kind: KindName;
  namespace: string | undefined;
  name: string;
  source?: string;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const cascade = parseCascade(str(args.flags, 'cascade') ?? 'background', proc.err);
  if (typeof cascade !== 'string') {
    proc.err(`error: ${cascade.error}\n`);
    return 1;
  }
  const selector = str(args.flags, 'selector');
  const rawFieldSelector = str(args.flags, 'field-selector') ?? '';
  // FieldSelectorParam: trimmed, and an empty one is none.
  const fieldSelector = rawFieldSelector.trim() || undefined;
  const all = bool(args.flags, 'all');
  const allNamespaces = bool(args.flags, 'all-namespaces');
  const files = strs(args.flags, 'filename');
  const force = bool(args.flags, 'force');
  // delete.go Complete: --now is a grace period of 1 (refused with an explicit one), 0 without
  // --force becomes 1, and --force without a grace period is 0 (a force deletion).
  let grace = typeof args.flags['grace-period'] === 'number' ? (args.flags['grace-period'] as number) : -1;
  if (bool(args.flags, 'now')) {
    if (grace !== -1) {
      proc.err('error: --now and --grace-period cannot be specified together\n');
      return 1;
    }
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const wait = args.flags.wait !== false;
  // --ignore-not-found, true by default with --all, -l or --field-selector (delete.go Complete): a
  // NotFound is then skipped silently (the Result's IgnoreErrors), the object still counting as found.
  const ignoreNotFound =
    'ignore-not-found' in args.flags
      ? bool(args.flags, 'ignore-not-found')
      : all || selector !== undefined || rawFieldSelector !== '';
  // Complete: the dry-run strategy; Validate: -o.
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: cluster.now() });
  if (!dry.ok) {
    proc.err(`${dry.message}\n`);
    return 1;
  }
  const strategy: DryRunStrategy = dry.strategy;
  // The builder's SelectAllParam, after Label/FieldSelectorParam (Complete, before Validate's -o).
  if (all && ((selector ?? '').trim() !== '' || fieldSelector !== undefined)) {
    proc.err("error: setting 'all' parameter but found a non empty selector. \n");
    return 1;
  }
  const output = str(args.flags, 'output') ?? '';
  if (output !== '' && output !== 'name') {
    proc.err(`error: unexpected -o output mode: ${output}. We only support '-o name'\n`);
    return 1;
  }
  // The rest of Validate: --all against the flags as given (a blank -l passed the builder).
  if (all && (selector ?? '') !== '') {
    proc.err('error: cannot set --all and --selector at the same time\n');
    return 1;
  }
  if (all && rawFieldSelector !== '') {
    proc.err('error: cannot set --all and --field-selector at the same time\n');
    return 1;
  }
  if (force && grace === 0) {
    proc.err(
      warningLine(
        proc,
        'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
      ),
    );
  } else if (force && grace > 0) {
    proc.err('error: --force and --grace-period greater than 0 cannot be specified together\n');
    return 1;
  }

  const targets: Target[] = [];
  const errors: string[] = [];
  // Failed list requests: visitErrorLines puts them after every other error.
  const listErrors: string[] = [];
  let noneFound = false;
  let visitedMissing = false; // a name kubectl visited that the server does not have, ignored

  if (files.length > 0) {
    if (args.positional.length > 0) {
      proc.err(
        'error: Unexpected args: [' +
          args.positional.join(' ') +
          "]\nSee 'kubectl delete -h' for help and examples\n",
      );
      return 1;
    }
    const { docs, error } = readDocs(ctx, args);
    if (error) {
      proc.err(`${error}\n`);
      return 1;
    }
    for (const { doc, source } of docs) {
      const d = doc as { kind?: string; metadata?: { name?: string; namespace?: string } };
      const t = resourceTypeByKindName(d.kind);
      if (!t || !d.metadata?.name) continue;
      targets.push({
        type: t,
        kind: t.simulated as KindName,
        namespace: t.namespaced ? (d.metadata.namespace ?? ctx.namespace) : undefined,
        name: d.metadata.name,
        source,
      });
    }
  } else {
    if (args.positional.length === 0) {
      proc.err(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      );
      return 1;
    }
    const parsed = parseResourceArgs(args.positional, 'delete');
    if (!parsed.ok) {
      proc.err(`${parsed.message}\n`);
      return 1;
    }
    for (const req of parsed.requests) {
      const t = req.type;
      if (req.names) {
        if (selector !== undefined || fieldSelector !== undefined || all) {
          proc.err('error: name cannot be provided when a selector is specified\n');
          return 1;
        }
        for (const name of req.names) {
          if (!t.simulated) {
            if (ignoreNotFound) visitedMissing = true;
            else errors.push(notFoundMessage(t, name));
            continue;
          }
          // visitByName / visitByResource with AllNamespaces(true): the namespace is empty.
          if (allNamespaces && t.namespaced) {
            proc.err('error: a resource cannot be retrieved by name across all namespaces\n');
            return 1;
          }
          const ns = t.namespaced ? ctx.namespace : undefined;
          targets.push({ type: t, kind: t.simulated, namespace: ns, name });
        }
        continue;
      }
      if (selector === undefined && fieldSelector === undefined && !all) {
        proc.err('error: resource(s) were provided, but no name was specified\n');
        return 1;
      }
      const ns = t.namespaced && !allNamespaces ? ctx.namespace : undefined;
      const r = listType(cluster, t, { namespace: ns, labelSelector: selector, fieldSelector });
      if (r.error !== undefined) {
        // The builder has ContinueOnError [KUBECTL v0.34.9 delete.go Complete]: the other types
        // are still listed and deleted; the refusals end up in Visit's error (./get-list).
        listErrors.push(r.error);
        continue;
      }
      if (!t.simulated) continue;
      for (const o of r.objs)
        targets.push({
          type: t,
          kind: t.simulated,
          namespace: t.namespaced ? (o.metadata.namespace ?? ctx.namespace) : undefined,
          name: o.metadata.name,
        });
    }
    if (targets.length === 0 && errors.length === 0 && listErrors.length === 0 && !visitedMissing)
      noneFound = true;
  }

  if (noneFound) {
    proc.out('No resources found\n');
    return 0;
  }

  const deleted: { t: Target; uid: string }[] = [];
  const apiErrors: ApiError[] = [];
  // What existed when kubectl built its list: an object a controller removed in between (the
  // Endpoints of a Service deleted a line earlier) still reads as deleted, as it would on a real
  // cluster where the controller has not caught up by the time kubectl sends the next DELETE.
  const seenWarnings = new Set<string>();
  const existed = new Map(targets.map((t) => [t, cluster.get(t.kind, t.namespace, t.name)]));
  // delete.go PrintObj: `<kind>[.group] "<name>" deleted from <ns> namespace (dry run)`, or the
  // short `<kind>[.group]/<name>` for -o name.
  const printDeleted = (t: Target) => {
    if (output === 'name') {
      proc.out(`${kindPrefix(t.type)}/${t.name}\n`);
      return;
    }
    const op = grace === 0 && force ? 'force deleted' : 'deleted';
    const where = t.namespace !== undefined ? ` from ${t.namespace} namespace` : '';
    proc.out(`${kindPrefix(t.type)} "${t.name}" ${op}${where}${dryRunSuffix(strategy)}\n`);
  };
  // DeleteResult: with -n given (enforceNamespace) and not -A, the first cluster-scoped object
  // deleted is preceded by the WarningPrinter's notice, once.
  let warnClusterScope = ctx.namespaceExplicit && !allNamespaces;
  for (const t of targets) {
    if (warnClusterScope && !t.type.namespaced) {
      proc.err(warningLine(proc, 'deleting cluster-scoped resources, not scoped to the provided namespace'));
      warnClusterScope = false;
    }
    if (strategy === 'client') {
      // Nothing is sent, and the builder fetched nothing for a name (RequireObject(false)).
      printDeleted(t);
      continue;
    }
    const before = existed.get(t);
    const r = cluster.delete(t.kind, t.namespace, t.name, {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      // The sim removes an Orphan owner's ownerReferences from its dependents; Foreground is
      // not modelled there and deletes at once, the dependents going as with Background.
      propagationPolicy: cascade,
      ...(strategy === 'server' ? { dryRun: true } : {}),
    });
    const vanished = !r.ok && r.error.reason === 'NotFound' && before !== undefined;
    if (!r.ok && !vanished) {
      if (r.error.reason === 'NotFound' && ignoreNotFound) continue;
      if (r.error.reason === 'NotFound' && !t.source) {
        errors.push(`Error from server (NotFound): ${r.error.message}`);
      } else apiErrors.push(t.source ? withSource(r.error, 'deleting', t.source) : r.error);
      continue;
    }
    // Every v1 Endpoints request carries the server's deprecation warning (server ≥ 1.33).
    const warnings = r.ok ? (r.warnings ?? []) : t.kind === 'Endpoints' ? [ENDPOINTS_WARNING] : [];
    for (const w of warnings) {
      if (seenWarnings.has(w)) continue;
      seenWarnings.add(w);
      proc.err(warningLine(proc, w));
    }
    printDeleted(t);
    deleted.push({ t, uid: (before as K8sObject | undefined)?.metadata.uid ?? '' });
  }
  // A dry run changed nothing and is not waited for.
  if (strategy === 'none') cluster.runUntilIdle();
  // DeleteResult returns Visit's error before it waits: one failed DELETE or list, and kubectl
  // does not wait for the objects it did delete.
  const failed = errors.length > 0 || apiErrors.length > 0 || listErrors.length > 0;
  if (wait && deleted.length && strategy === 'none' && !failed) {
    // Wait for these objects (by uid: a re-created `kubernetes` Service is a new object).
    waitUntil(
      ctx,
      () =>
        deleted.every(({ t, uid }) => {
          const o = cluster.get(t.kind, t.namespace, t.name);
          return !o || o.metadata.uid !== uid;
        }),
      MAX_WAIT_MS,
    );
  }
  if (listErrors.length > 0) {
    const fnErrors = [
      ...errors.map((e) => ({ pretty: e, raw: e })),
      ...apiErrors.map((e) => ({ pretty: formatError(e), raw: formatErrorRaw(e) })),
    ];
    for (const line of visitErrorLines(fnErrors, listErrors)) proc.err(`${line}\n`);
    return 1;
  }
  for (const e of errors) proc.err(`${e}\n`);
  if (apiErrors.length) {
    if (apiErrors.length === 1 && errors.length === 0) proc.err(`${formatError(apiErrors[0] as ApiError)}\n`);
    else printErrors(apiErrors, proc.err);
  }
  return errors.length || apiErrors.length ? 1 : 0;
}

function resourceTypeByKindName(kind: string | undefined): ResourceType | undefined {
  // Every kind the API server serves (ConfigMap, Secret, ServiceAccount and DaemonSet included).
  return kind && isKindName(kind) ? resourceTypeByKind(kind) : undefined;
}

export const deleteVerb: KubectlVerb = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  help: HELP,
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    // NoOptDefVal "background" as kubectl's: a bare --cascade is background, and in `--cascade
    // orphan` the word after it is a resource argument, not the flag's value.
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    DRY_RUN_FLAG,
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'wait', type: 'bool' },
  ],
  run,
};
