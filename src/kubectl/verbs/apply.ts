// kubectl apply -f (reference §B1, §C8) [KUBECTL apply.go]: every object is attempted; one line
// per success in file then document order; server warnings to stderr as they arrive, without
// repeats; errors collected and printed after the successes (one: pretty, several: raw).
import { isKindName } from '../../sim/api/kinds';
import type { ApiError } from '../../sim/contract';
import { printErrors, withSource } from '../errors';
import { bool, strs } from '../flags';
import { kindPrefix, resourceTypeByKind } from '../resources';
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
    -f, --filename=[]:
	The files that contain the configurations to apply.

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

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  if (strs(args.flags, 'filename').length === 0) {
    proc.err("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples\n");
    return 1;
  }
  if (args.positional.length > 0) {
    proc.err(
      `error: Unexpected args: [${args.positional.join(' ')}]\nSee 'kubectl apply -h' for help and examples\n`,
    );
    return 1;
  }
  const { docs, error } = readDocs(ctx, args);
  if (docs.length === 0 && !error) {
    proc.err('error: no objects passed to apply\n');
    return 1;
  }
  const errors: ApiError[] = [];
  const seenWarnings = new Set<string>();
  for (const { doc, source } of docs) {
    const id = identity(doc, ctx.namespace);
    const live =
      id.kind && id.name && isKindName(id.kind) ? ctx.cluster.get(id.kind, id.ns, id.name) : undefined;
    const existed = live !== undefined;
    // apply.go: patching an object that kubectl apply did not create (kubectl create, a
    // controller's Endpoints) warns once, after the server's own warnings for the GET.
    const unannotated =
      live && id.kind && isKindName(id.kind) && live.metadata.annotations?.[LAST_APPLIED] === undefined
        ? `Warning: resource ${resourceTypeByKind(id.kind).resource}/${live.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`
        : undefined;
    const [outcome] = ctx.cluster.apply([doc], {
      ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
      source,
    });
    if (!outcome) continue;
    for (const w of outcome.warnings) {
      if (seenWarnings.has(w)) continue;
      seenWarnings.add(w);
      proc.err(`Warning: ${w}\n`);
    }
    if (unannotated) proc.err(unannotated);
    if (outcome.result.ok) {
      const obj = outcome.result.object;
      const prefix = isKindName(obj.kind) ? kindPrefix(resourceTypeByKind(obj.kind)) : obj.kind.toLowerCase();
      proc.out(`${prefix}/${obj.metadata.name} ${outcome.result.op}\n`);
    } else {
      errors.push(existed ? outcome.result.error : withSource(outcome.result.error, 'creating', source));
    }
  }
  // Let the controllers react at this instant (the Deployment makes its ReplicaSet) so a `get`
  // typed next sees what a real cluster shows a moment after apply.
  ctx.cluster.runUntilIdle();
  if (errors.length) printErrors(errors, proc.err);
  if (error) proc.err(`${error}\n`);
  return errors.length || error ? 1 : 0;
}

export const applyVerb: KubectlVerb = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  help: HELP,
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'validate', type: 'string' },
  ],
  run,
};
