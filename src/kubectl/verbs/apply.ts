// kubectl apply -f (reference §B1, §C8) [KUBECTL apply.go]: every object is attempted; one line
// per success in file then document order; server warnings to stderr as they arrive, without
// repeats; errors collected and printed after the successes (one: pretty, several: raw).
import { isKindName } from '../../sim/api/kinds';
import type { K8sObject } from '../../sim/api/types';
import { applyPatchFor, clientDryRunOne, infoString } from '../../sim/apiserver/apply';
import type { ApiError, ApplyOutcome } from '../../sim/contract';
import { isClientSide, printErrors, withAppliedPatch, withSource } from '../errors';
import { bool, str, strs } from '../flags';
import { OperationPrinter, parseOperationOutput, printObjectsList } from '../printers/operation';
import { resourceTypeByKind } from '../resources';
import { warningLine } from '../warnings';
import { DRY_RUN_FLAG, DRY_RUN_HELP, dryRunSuffix, getDryRunStrategy } from './dryrun';
import { collectFiles, parseDocs } from './filenames';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

Examples:
  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json
  
  # Apply resources from a directory
  kubectl apply -f dir/
  
  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -

Options:
${DRY_RUN_HELP}
    -f, --filename=[]:
	The files that contain the configurations to apply.

    -o, --output='':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath,
	jsonpath-as-json, jsonpath-file).

    -R, --recursive=false:
	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests
	organized within the same directory.

Usage:
  kubectl apply (-f FILENAME | -k DIRECTORY) [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

interface Doc {
  doc: unknown;
  source: string;
}

/** Read and parse every -f argument; stops at the first unreadable or malformed file. */
export function readDocs(ctx: KubectlContext, args: ParsedArgs): { docs: Doc[]; error?: string } {
  const paths = strs(args.flags, 'filename');
  const files = collectFiles(ctx, paths, bool(args.flags, 'recursive'));
  if (!files.ok) return { docs: [], error: files.message };
  const docs: Doc[] = [];
  for (const f of files.files) {
    const parsed = parseDocs(f.text, f.source);
    if (!parsed.ok) return { docs, error: parsed.message };
    for (const doc of parsed.docs) docs.push({ doc, source: f.source });
  }
  return { docs };
}

function identity(doc: unknown, namespace: string): { kind?: string; name?: string; ns?: string } {
  if (!doc || typeof doc !== 'object') return {};
  const d = doc as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  const kind = typeof d.kind === 'string' ? d.kind : undefined;
  const name = typeof d.metadata?.name === 'string' ? d.metadata.name : undefined;
  const ns = typeof d.metadata?.namespace === 'string' ? d.metadata.namespace : namespace;
  return { ...(kind ? { kind } : {}), ...(name ? { name } : {}), ns };
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Why kubectl could not compute the patch for an existing object (CreateThreeWayMergePatch). */
function unpatchableReason(
  outcome: ApplyOutcome,
  doc: unknown,
  live: K8sObject | undefined,
): string | undefined {
  const kind = outcome.kind;
  if (outcome.result.ok || !outcome.result.error.message.startsWith('error when applying patch:\n\nto:\n'))
    return undefined;
  if (!live || !kind || !isKindName(kind) || typeof doc !== 'object' || doc === null) return undefined;
  const p = applyPatchFor(doc as Record<string, unknown>, live, kind, outcome.namespace);
  return p.ok ? undefined : p.message;
}

/**
 * A refused PATCH of an existing object, as applyOneObject wraps it: `error when applying
 * patch:` with the patch kubectl sent (the same computation as the apply: same file, same live
 * object), `to:` the resource.Info, `for:` the file.
 */
function patchError(
  outcome: ApplyOutcome,
  doc: unknown,
  live: K8sObject | undefined,
  source: string,
): ApiError {
  if (outcome.result.ok) throw new Error('patchError of a success');
  const e = outcome.result.error;
  const kind = outcome.kind;
  if (isClientSide(e) || !live || !kind || !isKindName(kind) || outcome.name === undefined) return e;
  const p = applyPatchFor(doc as Record<string, unknown>, live, kind, outcome.namespace);
  if (!p.ok) return e;
  return withAppliedPatch(e, p.patch, infoString(kind, outcome.name, outcome.namespace), source);
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  // ToOptions: the arguments, then --dry-run, then -f (RequireFilenameOrKustomize).
  if (args.positional.length > 0) {
    proc.err(
      `error: Unexpected args: [${args.positional.join(' ')}]\nSee 'kubectl apply -h' for help and examples\n`,
    );
    return 1;
  }
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: ctx.cluster.now() });
  if (!dry.ok) {
    proc.err(`${dry.message}\n`);
    return 1;
  }
  const strategy = dry.strategy;
  if (strs(args.flags, 'filename').length === 0) {
    proc.err("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples\n");
    return 1;
  }
  // The printer is built when something is printed: a bad -o fails after the writes.
  const output = str(args.flags, 'output') ?? '';
  const format = parseOperationOutput(output);
  // shouldPrintObject: any -o but name prints the objects once, at the end (printObjects).
  const printAtEnd = output !== '' && output !== 'name';
  const { docs, error } = readDocs(ctx, args);
  if (docs.length === 0 && !error) {
    proc.err('error: no objects passed to apply\n');
    return 1;
  }
  const errors: ApiError[] = [];
  const printed: K8sObject[] = [];
  const seenWarnings = new Set<string>();
  const nsOpt = ctx.namespaceExplicit ? { namespace: ctx.namespace } : {};
  for (const { doc, source } of docs) {
    const id = identity(doc, ctx.namespace);
    const live =
      id.kind && id.name && isKindName(id.kind) ? ctx.cluster.get(id.kind, id.ns, id.name) : undefined;
    const existed = live !== undefined;
    // apply.go: patching an object that kubectl apply did not create (kubectl create, a
    // controller's Endpoints) warns once, after the server's own warnings for the GET. A client
    // dry run patches nothing and does not warn.
    const unannotated =
      strategy !== 'client' &&
      live &&
      id.kind &&
      isKindName(id.kind) &&
      live.metadata.annotations?.[LAST_APPLIED] === undefined
        ? `Warning: resource ${resourceTypeByKind(id.kind).resource}/${live.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`
        : undefined;
    // A client dry run sends nothing: kubectl's own checks and the GET only.
    const outcome: ApplyOutcome | undefined =
      strategy === 'client'
        ? clientDryRunOne((k, ns, n) => ctx.cluster.get(k, ns, n), doc, 0, { ...nsOpt, source })
        : ctx.cluster.apply([doc], {
            ...nsOpt,
            source,
            ...(strategy === 'server' ? { dryRun: true } : {}),
          })[0];
    if (!outcome) continue;
    for (const w of outcome.warnings) {
      if (seenWarnings.has(w)) continue;
      seenWarnings.add(w);
      proc.err(warningLine(proc, w));
    }
    if (unannotated) proc.err(unannotated);
    // patcher.go patchSimple: a patch that cannot be computed from OpenAPI v3, then v2, is
    // warned about twice before the built-in types fail it the same way.
    const unpatchable = !outcome.result.ok && existed ? unpatchableReason(outcome, doc, live) : undefined;
    if (unpatchable !== undefined) {
      proc.err(`warning: error calculating patch from openapi v3 spec: ${unpatchable}\n`);
      proc.err(`warning: error calculating patch from openapi spec: ${unpatchable}\n`);
    }
    if (outcome.result.ok) {
      const obj = outcome.result.object;
      printed.push(obj);
      if (printAtEnd) continue;
      // -o name (short) or the default NamePrinter with the operation.
      const printer = new OperationPrinter(
        format.ok ? format.format : { kind: 'default' },
        `${outcome.result.op}${dryRunSuffix(strategy)}`,
      );
      proc.out(printer.print(obj).out);
    } else if (!existed) {
      errors.push(withSource(outcome.result.error, 'creating', source));
    } else {
      errors.push(patchError(outcome, doc, live, source));
    }
  }
  // Let the controllers react at this instant (the Deployment makes its ReplicaSet) so a `get`
  // typed next sees what a real cluster shows a moment after apply. A dry run changed nothing.
  if (strategy === 'none') ctx.cluster.runUntilIdle();
  if (errors.length) printErrors(errors, proc.err);
  if (error) proc.err(`${error}\n`);
  if (errors.length || error) return 1;
  // The PostProcessorFn (printObjects) runs only when every object was applied.
  if (printAtEnd && printed.length > 0) {
    if (!format.ok) {
      proc.err(`${format.message}\n`);
      return 1;
    }
    const r = printObjectsList(format.format, printed);
    proc.out(r.out);
    if (r.error) {
      proc.err(`${r.error}\n`);
      return 1;
    }
  }
  return 0;
}

export const applyVerb: KubectlVerb = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  help: HELP,
  flags: [
    DRY_RUN_FLAG,
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'validate', type: 'string' },
  ],
  run,
};
