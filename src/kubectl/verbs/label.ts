// kubectl label (TYPE NAME… | TYPE/NAME… | TYPE -l SEL | TYPE --all) KEY=VAL… KEY-… [--overwrite]
// [KUBECTL cmd/label/label.go, cmd/util/helpers.go GetResourcesAndPairs / checkErr].
// The Services chapter uses it to take a Pod out of a Service: relabelled with --overwrite, the
// ReplicaSet releases it and makes a replacement, and the Endpoints drop it. The change goes to
// the apiserver as a user write, so the server validates the keys (kubectl checks only values).
import { goQuote, labelValueErrors } from '../../sim/api/labels';
import type { K8sObject } from '../../sim/api/types';
import { formatError, formatErrorRaw } from '../errors';
import { bool, str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { notFoundMessage, parseResourceArgs, type ResourceType } from '../resources';
import { DRY_RUN_FLAG, DRY_RUN_HELP, type DryRunStrategy, dryRunSuffix, getDryRunStrategy } from './dryrun';
import { listType, visitErrorLines } from './get-list';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and
underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will
result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing
resource-version will be used.

Examples:
  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true
  
  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy
  
  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy
  
  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-

Options:
    --all=false:
	Select all resources, in the namespace of the specified resource types

    -A, --all-namespaces=false:
	If true, check the specified action in all namespaces.

${DRY_RUN_HELP}
    --field-selector='':
	Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector
	key1=value1,key2=value2). The server only supports a limited number of field queries per type.

    --list=false:
	If true, display the labels for a given resource.

    -o, --output='':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath,
	jsonpath-as-json, jsonpath-file).

    --overwrite=false:
	If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2).
	Matching objects must satisfy all of the specified label constraints.

Usage:
  kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]
[options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/**
 * One error as checkErr would print it: `pretty` when it is the only one (an aggregate of
 * several causes prints one line each), `raw` as one line of MultipleErrors.
 */
export interface LabelError {
  pretty: string;
  raw: string;
}

export function plainError(msg: string): LabelError {
  return { pretty: `error: ${msg}`, raw: msg };
}

/** cmdutil.GetResourcesAndPairs: resources first, then `KEY=VAL` / `KEY-` arguments. */
export function resourcesAndPairs(
  args: readonly string[],
  pairType = 'label',
): { ok: true; resources: string[]; pairs: string[] } | { ok: false; message: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (pair) pairs.push(s);
    else if (pairs.length > 0) {
      return { ok: false, message: `all resources must be specified before ${pairType} changes: ${s}` };
    } else resources.push(s);
  }
  return { ok: true, resources, pairs };
}

/** label.go parseLabels: values are checked here, keys only by the server. */
function parseLabels(
  spec: readonly string[],
): { ok: true; add: [string, string][]; remove: string[] } | { ok: false; message: string } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes('=')) {
      const parts = s.split('=');
      if (parts.length !== 2) return { ok: false, message: `invalid label spec: ${s}` };
      const [key, value] = parts as [string, string];
      const errs = labelValueErrors(value);
      if (errs.length > 0) {
        return { ok: false, message: `invalid label value: ${goQuote(s)}: ${errs.join(';')}` };
      }
      add.set(key, value);
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else return { ok: false, message: `unknown label spec: ${s}` };
  }
  if (remove.some((k) => add.has(k))) {
    return { ok: false, message: 'can not both modify and remove a label in the same command' };
  }
  return { ok: true, add: [...add], remove };
}

/** The labels as they appear in the object's JSON (absent, or a map; Go sorts map keys). */
function labelsJson(labels: Record<string, string> | undefined): string {
  if (labels === undefined) return '';
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => [k, labels[k]]);
  return `"labels":${JSON.stringify(Object.fromEntries(sorted))}`;
}

export interface Target {
  t: ResourceType;
  obj: K8sObject;
}

/**
 * The builder's ResourceTypeOrNameArgs + LabelSelectorParam, continuing on per-name errors
 * (shared with annotate and set, whose builders are the same; `verb` names the command in the
 * resource/name hint).
 */
export function resolveTargets(
  args: ParsedArgs,
  ctx: KubectlContext,
  resources: string[],
  errors: LabelError[],
  verb = 'label',
  listErrors?: string[],
): { ok: true; targets: Target[]; one: boolean } | { ok: false; message: string } {
  const parsed = parseResourceArgs(resources, verb);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  // LabelSelectorParam / FieldSelectorParam: a blank selector is no selector. --field-selector
  // and -A are label's and annotate's (set's builders have neither flag).
  const selector = str(args.flags, 'selector')?.trim() || undefined;
  const fieldSelector = str(args.flags, 'field-selector')?.trim() || undefined;
  const selecting = selector !== undefined || fieldSelector !== undefined;
  const allNamespaces = bool(args.flags, 'all-namespaces');
  const all = bool(args.flags, 'all');
  if (selecting && resources.some((r) => r.includes('/'))) {
    return {
      ok: false,
      message: 'error: selectors and the all flag cannot be used when passing resource/name arguments',
    };
  }
  const targets: Target[] = [];
  for (const { type: t, names } of parsed.requests) {
    const ns = t.namespaced && !allNamespaces ? ctx.namespace : undefined;
    if (names) {
      if (selecting) {
        return { ok: false, message: 'error: name cannot be provided when a selector is specified' };
      }
      // visitByName / visitByResource with AllNamespaces(true): the namespace is empty.
      if (allNamespaces && t.namespaced) {
        return { ok: false, message: 'error: a resource cannot be retrieved by name across all namespaces' };
      }
      for (const name of names) {
        const obj = t.simulated ? ctx.cluster.get(t.simulated, ns, name) : undefined;
        if (obj) targets.push({ t, obj });
        else {
          const line = notFoundMessage(t, name);
          errors.push({ pretty: line, raw: line });
        }
      }
      continue;
    }
    if (!selecting && !all) {
      return { ok: false, message: 'error: resource(s) were provided, but no name was specified' };
    }
    const r = listType(ctx.cluster, t, { namespace: ns, labelSelector: selector, fieldSelector });
    if (r.error !== undefined) {
      // ContinueOnError (label.go / annotate.go RunLabel, RunAnnotate): the other types are
      // still listed and changed; the caller prints the failures last (./get-list).
      if (listErrors) {
        listErrors.push(r.error);
        continue;
      }
      return { ok: false, message: r.error };
    }
    for (const obj of r.objs) targets.push({ t, obj });
  }
  // IntoSingleItemImplied: one resource named (TYPE NAME or TYPE/NAME), not a selection.
  const first = parsed.requests[0];
  const one = parsed.requests.length === 1 && first?.names?.length === 1;
  return { ok: true, targets, one };
}

/** labelFunc on a copy: validateNoOverwrites (any present key is refused without --overwrite, even
 * with the same value), then the additions and removals. */
function relabel(
  old: Record<string, string> | undefined,
  add: [string, string][],
  remove: string[],
  overwrite: boolean,
): { labels: Record<string, string> } | { error: LabelError } {
  if (!overwrite) {
    const clash = add
      .filter(([k]) => old?.[k] !== undefined)
      .map(([k]) => `'${k}' already has a value (${old?.[k]}), and --overwrite is false`);
    if (clash.length === 1) return { error: plainError(clash[0] as string) };
    if (clash.length > 1) return { error: { pretty: clash.join('\n'), raw: `[${clash.join(', ')}]` } };
  }
  const labels: Record<string, string> = { ...old };
  for (const [k, v] of add) labels[k] = v;
  for (const k of remove) delete labels[k];
  return { labels };
}

/**
 * `--list`: labelFunc runs on the local copy only (nothing is sent), then its labels print one
 * `KEY=VALUE` per line, under a `Listing labels for Kind.group/name:` header with a one-space
 * indent when more than one object could be meant. Go prints the map in random order; sorted
 * here, so a replay prints the same.
 */
function listOne(
  { t, obj }: Target,
  add: [string, string][],
  remove: string[],
  overwrite: boolean,
  one: boolean,
): { text: string } | { error: LabelError } {
  const r = relabel(obj.metadata.labels, add, remove, overwrite);
  if ('error' in r) return r;
  const { labels } = r;
  const indent = one ? '' : ' ';
  let text = one ? '' : `Listing labels for ${t.kind}.${t.group}/${obj.metadata.name}:\n`;
  for (const k of Object.keys(labels).sort()) text += `${indent}${k}=${labels[k]}\n`;
  return { text };
}

/**
 * labelFunc + the PATCH for one object; returns the object as labelled here (info.Object, what
 * -o prints whatever the answer) and the NamePrinter's message, or an error. A client dry run
 * sends nothing and does not report missing labels; a server dry run sends the PATCH as a dry run.
 */
function labelOne(
  ctx: KubectlContext,
  { obj }: Target,
  add: [string, string][],
  remove: string[],
  overwrite: boolean,
  strategy: DryRunStrategy,
): { obj: K8sObject; msg: string } | { error: LabelError } {
  const old = obj.metadata.labels;
  if (strategy !== 'client') {
    for (const k of remove) {
      if (old?.[k] === undefined) ctx.proc.out(`label ${goQuote(k)} not found.\n`);
    }
  }
  const r0 = relabel(old, add, remove, overwrite);
  if ('error' in r0) return r0;
  const { labels } = r0;
  // updateDataChangeMsg compares the object's JSON before and after.
  const before = labelsJson(old);
  const after = labelsJson(labels);
  let msg = 'not labeled';
  if (before !== after) msg = !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
  const labelled: K8sObject = { ...obj, metadata: { ...obj.metadata, labels } };
  // An empty patch changes nothing on the server (and `labels: {}` reads back as no labels).
  if (strategy !== 'client' && labelsJson(old ?? {}) !== after) {
    const r = ctx.cluster.update(labelled, strategy === 'server' ? { dryRun: true } : {});
    if (!r.ok) return { error: { pretty: formatError(r.error), raw: formatErrorRaw(r.error) } };
  }
  return { obj: labelled, msg };
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  // Complete: -o and the dry-run strategy, split the arguments and parse the changes; Validate:
  // the flag combinations.
  const output = str(args.flags, 'output') ?? '';
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: ctx.cluster.now() });
  if (!dry.ok) {
    proc.err(`${dry.message}\n`);
    return 1;
  }
  const strategy = dry.strategy;
  const split = resourcesAndPairs(args.positional);
  if (!split.ok) {
    proc.err(`error: ${split.message}\n`);
    return 1;
  }
  const changes = parseLabels(split.pairs);
  if (!changes.ok) {
    proc.err(`error: ${changes.message}\n`);
    return 1;
  }
  if (bool(args.flags, 'list') && output !== '') {
    proc.err('error: --list and --output may not be specified together\n');
    return 1;
  }
  if (bool(args.flags, 'all') && (str(args.flags, 'selector') ?? '') !== '') {
    proc.err('error: cannot set --all and --selector at the same time\n');
    return 1;
  }
  // Validate compares the flags' lengths untrimmed (a blank --field-selector counts here).
  if (bool(args.flags, 'all') && (str(args.flags, 'field-selector') ?? '') !== '') {
    proc.err('error: cannot set --all and --field-selector at the same time\n');
    return 1;
  }
  if (split.resources.length === 0) {
    proc.err('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    return 1;
  }
  const list = bool(args.flags, 'list');
  if (changes.add.length === 0 && changes.remove.length === 0 && !list) {
    proc.err('error: at least one label update is required\n');
    return 1;
  }
  const errors: LabelError[] = [];
  const listErrors: string[] = [];
  const resolved = resolveTargets(args, ctx, split.resources, errors, 'label', listErrors);
  if (!resolved.ok) {
    proc.err(`${resolved.message}\n`);
    return 1;
  }
  const overwrite = bool(args.flags, 'overwrite');
  // ToPrinter runs per object, after its write: a bad -o fails each object once it is labelled.
  const format = parseOperationOutput(output);
  for (const target of resolved.targets) {
    // Latest(): the object as the server has it now (an earlier write may have touched it).
    const t = target.t;
    const fresh = t.simulated
      ? ctx.cluster.get(t.simulated, target.obj.metadata.namespace, target.obj.metadata.name)
      : undefined;
    if (!fresh) {
      const line = notFoundMessage(t, target.obj.metadata.name);
      errors.push({ pretty: line, raw: line });
      continue;
    }
    if (list) {
      const l = listOne({ t, obj: fresh }, changes.add, changes.remove, overwrite, resolved.one);
      if ('error' in l) errors.push(l.error);
      else proc.out(l.text);
      continue;
    }
    const r = labelOne(ctx, { t, obj: fresh }, changes.add, changes.remove, overwrite, strategy);
    if ('error' in r) {
      errors.push(r.error);
      continue;
    }
    if (!format.ok) {
      errors.push({ pretty: format.message, raw: format.message.replace(/^error: /, '') });
      continue;
    }
    const p = new OperationPrinter(format.format, `${r.msg}${dryRunSuffix(strategy)}`).print(r.obj);
    proc.out(p.out);
    if (p.error) errors.push({ pretty: p.error, raw: p.error.replace(/^error: /, '') });
  }
  for (const line of visitErrorLines(errors, listErrors)) proc.err(`${line}\n`);
  return errors.length > 0 || listErrors.length > 0 ? 1 : 0;
}

/**
 * ContinueOnError: every object was attempted; checkErr prints one error pretty, several (an
 * aggregate) raw. Returns the exit code.
 */
export function printAggregate(errors: readonly LabelError[], err: (text: string) => void): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) err(`${(errors[0] as LabelError).pretty}\n`);
  else for (const e of errors) err(`${e.raw}\n`);
  return 1;
}

export const labelVerb: KubectlVerb = {
  name: 'label',
  short: 'Update the labels on a resource',
  help: HELP,
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'field-selector', type: 'string' },
    { name: 'list', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run,
};
