// kubectl annotate (TYPE NAME… | TYPE/NAME… | TYPE -l SEL | TYPE --all) KEY=VAL… KEY-…
// [--overwrite] [--resource-version=V] [--list] [-o] [--dry-run] [KUBECTL cmd/annotate/annotate.go
// v0.34.9]. It shares label's builder (resolveTargets) and argument split, and differs where
// annotate.go does: values are free text (cmdutil.ParsePairs), an existing key may be set to the
// same value without --overwrite and `kubernetes.io/change-cause` may always be overwritten, the
// printer's operation is always `annotated`, a removed key that is absent is not reported, and
// the change goes to the server as a JSON merge patch (CreateMergePatch of the object before and
// after), so the server merges it into the object it has.
import type { K8sObject } from '../../sim/api/types';
import { bool, str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { notFoundMessage } from '../resources';
import { warningLine } from '../warnings';
import { DRY_RUN_FLAG, dryRunSuffix, getDryRunStrategy } from './dryrun';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import { visitErrorLines } from './get-list';
import { type LabelError, plainError, resolveTargets, resourcesAndPairs, type Target } from './label';
import { patchErrorPretty, patchErrorRaw } from './patch-errors';
import { FILENAME_FLAGS, filenameHelpFlags, fileTargets, hasFilenames } from './patch-files';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { CHANGE_CAUSE, RECORD_FLAG, RECORD_HELP_FLAG, recordCause } from './set-record';

const SELECTOR_USAGE =
  "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.";

const HELP = composeHelp({
  long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  kubectl annotate pods foo description='my frontend'
  
  # Update a pod identified by type and name in "pod.json"
  kubectl annotate -f pod.json description='my frontend'
  
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  kubectl annotate --overwrite pods foo description='my frontend running nginx'
  
  # Update all pods in the namespace
  kubectl annotate pods --all description='my frontend running nginx'
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1
  
  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  kubectl annotate pods foo description-`,
  flags: [
    {
      name: 'all',
      def: 'false',
      usage: 'Select all resources, in the namespace of the specified resource types.',
    },
    {
      name: 'all-namespaces',
      short: 'A',
      def: 'false',
      usage: 'If true, check the specified action in all namespaces.',
    },
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    {
      name: 'field-selector',
      def: "''",
      usage:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    },
    ...filenameHelpFlags(
      'Filename, directory, or URL to files identifying the resource to update the annotation',
    ),
    { name: 'list', def: 'false', usage: 'If true, display the annotations for a given resource.' },
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    {
      name: 'overwrite',
      def: 'false',
      usage:
        'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.',
    },
    RECORD_HELP_FLAG,
    {
      name: 'resource-version',
      def: "''",
      usage:
        'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
    { name: 'selector', short: 'l', def: "''", usage: SELECTOR_USAGE },
  ],
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
});

/** cmdutil.ParsePairs(…, "annotation", true): the last value of a repeated key wins. */
function parseAnnotations(
  pairs: readonly string[],
): { ok: true; add: Map<string, string>; remove: string[] } | { ok: false; message: string } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      add.set(p.slice(0, i), p.slice(i + 1));
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length > 0) return { ok: false, message: `invalid annotation format: ${invalid.join(', ')}` };
  return { ok: true, add, remove };
}

/** updateAnnotations on a copy: validateNoAnnotationOverwrites, then the changes. */
function reannotate(
  old: Record<string, string> | undefined,
  add: Map<string, string>,
  remove: string[],
  overwrite: boolean,
): { annotations: Record<string, string> } | { error: string } {
  if (!overwrite) {
    // Go ranges over a map (random order); the command line's order here, for a stable replay.
    const clash = [...add]
      .filter(([k, v]) => k !== CHANGE_CAUSE && old?.[k] !== undefined && old[k] !== v)
      .map(([k]) => `'${k}' already has a value (${old?.[k]})`);
    if (clash.length > 0) {
      return {
        error: `--overwrite is false but found the following declared annotation(s): ${clash.join('; ')}`,
      };
    }
  }
  const annotations: Record<string, string> = { ...old };
  for (const [k, v] of add) annotations[k] = v;
  for (const k of remove) delete annotations[k];
  return { annotations };
}

/** jsonpatch.CreateMergePatch of the object before and after (only metadata changes here). */
function mergePatchBody(
  old: Record<string, string> | undefined,
  next: Record<string, string>,
  resourceVersion: string,
): string {
  const changes: Record<string, string | null> = {};
  for (const k of Object.keys(next)) if (old?.[k] !== next[k]) changes[k] = next[k] as string;
  for (const k of Object.keys(old ?? {})) if (!(k in next)) changes[k] = null;
  const meta: Record<string, unknown> = {};
  if (Object.keys(changes).length > 0) meta.annotations = changes;
  if (resourceVersion !== '') meta.resourceVersion = resourceVersion;
  return JSON.stringify(Object.keys(meta).length > 0 ? { metadata: meta } : {});
}

function listText(t: Target['t'], obj: K8sObject, annotations: Record<string, string>, one: boolean): string {
  // Go prints the map in random order; sorted here, so a replay prints the same.
  const indent = one ? '' : ' ';
  let text = one ? '' : `Listing annotations for ${t.kind}.${t.group}/${obj.metadata.name}:\n`;
  for (const k of Object.keys(annotations).sort()) text += `${indent}${k}=${annotations[k]}\n`;
  return text;
}

function fail(ctx: KubectlContext, message: string): number {
  ctx.proc.err(`${message}\n`);
  return 1;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  // ToOptions: --record, the dry-run strategy and the printer first, then the arguments.
  const cause = recordCause(args, ctx, 'annotate');
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: ctx.cluster.now() });
  if (!dry.ok) return fail(ctx, dry.message);
  const output = str(args.flags, 'output') ?? '';
  const format = parseOperationOutput(output);
  if (!format.ok) return fail(ctx, format.message);
  const split = resourcesAndPairs(args.positional, 'annotation');
  if (!split.ok) return fail(ctx, `error: ${split.message}`);
  const changes = parseAnnotations(split.pairs);
  if (!changes.ok) return fail(ctx, `error: ${changes.message}`);
  const list = bool(args.flags, 'list');
  if (list && output !== '') return fail(ctx, 'error: --list and --output may not be specified together');
  if (bool(args.flags, 'all') && (str(args.flags, 'selector') ?? '') !== '') {
    return fail(ctx, 'error: cannot set --all and --selector at the same time');
  }
  // ToOptions compares the flags' lengths untrimmed (a blank --field-selector counts here).
  if (bool(args.flags, 'all') && (str(args.flags, 'field-selector') ?? '') !== '') {
    return fail(ctx, 'error: cannot set --all and --field-selector at the same time');
  }
  if (split.resources.length === 0 && !hasFilenames(args)) {
    return fail(
      ctx,
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  }
  if (changes.add.size === 0 && changes.remove.length === 0 && !list) {
    return fail(ctx, 'error: at least one annotation update is required');
  }
  const both = changes.remove.filter((k) => changes.add.has(k));
  if (both.length > 0) {
    return fail(
      ctx,
      `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    );
  }

  // RunAnnotate.
  const errors: LabelError[] = [];
  const listErrors: string[] = [];
  const resolved = hasFilenames(args)
    ? fileTargets(ctx, args, split.resources, errors, true)
    : resolveTargets(args, ctx, split.resources, errors, 'annotate', listErrors);
  if (!resolved.ok) return fail(ctx, resolved.message);
  const resourceVersion = str(args.flags, 'resource-version') ?? '';
  if (!resolved.one && resourceVersion !== '') {
    return fail(ctx, 'error: --resource-version may only be used with a single resource');
  }
  const overwrite = bool(args.flags, 'overwrite');
  const printer = new OperationPrinter(format.format, `annotated${dryRunSuffix(dry.strategy)}`);
  for (const { t, obj: seen } of resolved.targets) {
    // Latest(): the object as the server has it now.
    const obj = t.simulated
      ? ctx.cluster.get(t.simulated, seen.metadata.namespace, seen.metadata.name)
      : undefined;
    if (!obj || !t.simulated) {
      const line = notFoundMessage(t, seen.metadata.name);
      errors.push({ pretty: line, raw: line });
      continue;
    }
    // The recorder writes the change-cause before the changes (only on the path that sends them).
    const recording = cause !== undefined && dry.strategy !== 'client' && !list;
    const base = recording
      ? { ...obj.metadata.annotations, [CHANGE_CAUSE]: cause }
      : obj.metadata.annotations;
    const r = reannotate(base, changes.add, changes.remove, overwrite);
    if ('error' in r) {
      errors.push(plainError(r.error));
      continue;
    }
    let out: K8sObject;
    if (dry.strategy === 'client' || list) {
      const meta = { ...obj.metadata, annotations: r.annotations };
      if (resourceVersion !== '') meta.resourceVersion = resourceVersion;
      out = { ...obj, metadata: meta };
    } else {
      const body = mergePatchBody(obj.metadata.annotations, r.annotations, resourceVersion);
      const res = ctx.cluster.patch(t.simulated, obj.metadata.namespace, obj.metadata.name, 'merge', body, {
        ...(dry.strategy === 'server' ? { dryRun: true } : {}),
      });
      if (!res.ok) {
        errors.push({ pretty: patchErrorPretty(res.error), raw: patchErrorRaw(res.error) });
        continue;
      }
      for (const w of res.warnings ?? []) proc.err(warningLine(proc, w));
      out = res.object;
    }
    if (list) {
      proc.out(listText(t, out, out.metadata.annotations ?? {}, resolved.one));
      continue;
    }
    const p = printer.print(out);
    proc.out(p.out);
    if (p.error) errors.push({ pretty: p.error, raw: p.error.replace(/^error: /, '') });
  }
  for (const line of visitErrorLines(errors, listErrors)) proc.err(`${line}\n`);
  return errors.length > 0 || listErrors.length > 0 ? 1 : 0;
}

export const annotateVerb: KubectlVerb = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  help: HELP,
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'field-selector', type: 'string' },
    ...FILENAME_FLAGS,
    { name: 'list', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    RECORD_FLAG,
    { name: 'resource-version', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run,
};
