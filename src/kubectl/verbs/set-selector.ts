// kubectl set selector (TYPE NAME | TYPE/NAME | TYPE --all) EXPRESSIONS [--resource-version=V]
// [KUBECTL cmd/set/set_selector.go v0.34.9]: the last argument is parsed with
// metav1.ParseToLabelSelector and becomes a Service's spec.selector (only Services have one this
// command may set; only matchLabels fit it). The change is a strategic merge patch of the
// selector map (removed keys null), sent even when nothing changes; the line is `selector updated`.
import { tryParseSelector } from '../../sim/api/selector-parse';
import type { K8sObject } from '../../sim/api/types';
import { bool, str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { warningLine } from '../warnings';
import { dryRunSuffix, getDryRunStrategy } from './dryrun';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import { type LabelError, plainError, resolveTargets } from './label';
import { MISSING_RESOURCE } from './patch';
import { patchErrorPretty, patchErrorRaw } from './patch-errors';
import { filenameHelpFlags, fileTargets, hasFilenames } from './patch-files';
import type { KubectlContext, ParsedArgs } from './registry';
import { printAggregate, withChangeCause } from './set-common';
import { CHANGE_CAUSE, RECORD_HELP_FLAG, recordCause } from './set-record';

export const SET_SELECTOR_HELP = composeHelp({
  long: `Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation of 'set selector'.

 A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used. Note: currently selectors can only be set on Service objects.`,
  examples: `  # Set the labels and selector before creating a deployment/service pair
  kubectl create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | kubectl set selector --local -f - 'environment=qa' -o yaml | kubectl create -f -
  kubectl create deployment my-dep -o yaml --dry-run=client | kubectl label --local -f - environment=qa -o yaml | kubectl create -f -`,
  flags: [
    {
      name: 'all',
      def: 'false',
      usage: 'Select all resources in the namespace of the specified resource types',
    },
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    ...filenameHelpFlags('identifying the resource.'),
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    RECORD_HELP_FLAG,
    {
      name: 'resource-version',
      def: "''",
      usage:
        'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
  ],
  usage: 'kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]',
});

export const SET_SELECTOR_FLAGS = [
  'all',
  'dry-run',
  'filename',
  'output',
  'record',
  'recursive',
  'resource-version',
];

interface Expression {
  key: string;
  operator: string;
  values: string[];
}

/** metav1.ParseToLabelSelector: `=`/`==` become matchLabels, the set operators expressions. */
function parseToLabelSelector(
  text: string,
):
  | { ok: true; matchLabels: Record<string, string>; expressions: Expression[] }
  | { ok: false; message: string } {
  const parsed = tryParseSelector(text);
  if (!parsed.ok)
    return { ok: false, message: `couldn't parse the selector string "${text}": ${parsed.error}` };
  const matchLabels: Record<string, string> = {};
  const expressions: Expression[] = [];
  for (const r of parsed.selector) {
    switch (r.op) {
      case 'eq':
        matchLabels[r.key] = r.value;
        break;
      case 'neq':
        return { ok: false, message: '"!=" is not a valid label selector operator' };
      case 'gt':
      case 'lt':
        return { ok: false, message: `"${r.op}" isn't supported in label selectors` };
      case 'in':
      case 'notin':
        expressions.push({
          key: r.key,
          operator: r.op === 'in' ? 'In' : 'NotIn',
          values: [...new Set(r.values)].sort(),
        });
        break;
      default:
        expressions.push({ key: r.key, operator: r.op === 'exists' ? 'Exists' : 'DoesNotExist', values: [] });
    }
  }
  return { ok: true, matchLabels, expressions };
}

/** The two-way merge patch of the selector map (and the resourceVersion to require). */
function selectorPatch(
  old: Record<string, string> | undefined,
  next: Record<string, string>,
  rv: string,
  cause: string | undefined,
): string {
  const sel: Record<string, string | null> = {};
  for (const k of Object.keys(next)) if (old?.[k] !== next[k]) sel[k] = next[k] as string;
  for (const k of Object.keys(old ?? {})) if (!(k in next)) sel[k] = null;
  const patch: Record<string, unknown> = {};
  const meta: Record<string, unknown> = {};
  if (cause !== undefined) meta.annotations = { [CHANGE_CAUSE]: cause };
  if (rv !== '') meta.resourceVersion = rv;
  if (Object.keys(meta).length > 0) patch.metadata = meta;
  if (Object.keys(next).length === 0 && old !== undefined) patch.spec = { selector: null };
  else if (Object.keys(sel).length > 0) patch.spec = { selector: sel };
  return JSON.stringify(patch);
}

export function runSetSelector(args: ParsedArgs, ctx: KubectlContext, words: string[]): number {
  const { proc } = ctx;
  const fail = (m: string) => {
    proc.err(`${m}\n`);
    return 1;
  };
  // Complete: the dry-run strategy, the arguments (the last one is the selector), the printer.
  const cause = recordCause(args, ctx, 'set');
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: ctx.cluster.now() });
  if (!dry.ok) return fail(dry.message);
  const resources = words.slice(0, -1);
  const text = words[words.length - 1];
  const sel = text === undefined ? undefined : parseToLabelSelector(text);
  if (sel && !sel.ok) return fail(`error: ${sel.message}`);
  const format = parseOperationOutput(str(args.flags, 'output'));
  if (!format.ok) return fail(format.message);
  // Validate.
  if (!sel) return fail('error: one selector is required');
  // RunSelector: every object visited, errors gathered.
  if (resources.length === 0 && !hasFilenames(args)) {
    return fail(
      bool(args.flags, 'all')
        ? 'error: at least one resource must be specified to use a selector'
        : MISSING_RESOURCE,
    );
  }
  const errors: LabelError[] = [];
  const resolved = hasFilenames(args)
    ? fileTargets(ctx, args, resources, errors, true)
    : resolveTargets(args, ctx, resources, errors, 'set');
  if (!resolved.ok) return fail(resolved.message);
  const rv = str(args.flags, 'resource-version') ?? '';
  const printer = new OperationPrinter(format.format, `selector updated${dryRunSuffix(dry.strategy)}`);
  for (const { obj } of resolved.targets) {
    if (obj.kind !== 'Service') {
      errors.push(plainError('setting a selector is only supported for Services'));
      continue;
    }
    if (sel.expressions.length > 0) {
      const v = sel.expressions.map((e) => `{${e.key} ${e.operator} [${e.values.join(' ')}]}`).join(' ');
      errors.push(plainError(`match expression [${v}] not supported on this object`));
      continue;
    }
    let out: K8sObject;
    if (dry.strategy === 'client') {
      const spec = { ...obj.spec };
      if (Object.keys(sel.matchLabels).length > 0) spec.selector = { ...sel.matchLabels };
      else delete spec.selector;
      const recorded = withChangeCause(obj, cause);
      out = {
        ...recorded,
        spec,
        metadata: rv !== '' ? { ...recorded.metadata, resourceVersion: rv } : recorded.metadata,
      };
    } else {
      const recordedCause = withChangeCause(obj, cause) === obj ? undefined : cause;
      const body = selectorPatch(obj.spec?.selector, sel.matchLabels, rv, recordedCause);
      const r = ctx.cluster.patch('Service', obj.metadata.namespace, obj.metadata.name, 'strategic', body, {
        ...(dry.strategy === 'server' ? { dryRun: true } : {}),
      });
      if (!r.ok) {
        errors.push({ pretty: patchErrorPretty(r.error), raw: patchErrorRaw(r.error) });
        continue;
      }
      for (const w of r.warnings ?? []) proc.err(warningLine(proc, w));
      out = r.object;
    }
    const p = printer.print(out);
    proc.out(p.out);
    if (p.error) errors.push({ pretty: p.error, raw: p.error.replace(/^error: /, '') });
  }
  return printAggregate(ctx, errors);
}
