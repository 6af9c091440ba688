// kubectl create -f (and `create namespace NAME`): like apply's create path, but an existing
// object is an AlreadyExists error [KUBECTL create.go].
import { isKindName } from '../../sim/api/kinds';
import type { ApiError } from '../../sim/contract';
import { printErrors, withSource } from '../errors';
import { strs } from '../flags';
import { kindPrefix, resourceTypeByKind } from '../resources';
import { readDocs } from './apply';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.

Examples:
  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -

Available Commands:
  namespace             Create a namespace with the specified name

Options:
    -f, --filename=[]:
	Filename, directory, or URL to files to use to create the resource

    -R, --recursive=false:
	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests
	organized within the same directory.

Usage:
  kubectl create -f FILENAME [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  const [sub, name, ...extra] = args.positional;
  if ((sub === 'namespace' || sub === 'ns') && strs(args.flags, 'filename').length === 0) {
    if (!name || extra.length) {
      proc.err(
        'error: exactly one NAME is required, got ' +
          (name ? 1 + extra.length : 0) +
          "\nSee 'kubectl create namespace -h' for help and examples\n",
      );
      return 1;
    }
    const r = ctx.cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    if (!r.ok) {
      printErrors([r.error], proc.err);
      return 1;
    }
    proc.out(`namespace/${name} created\n`);
    return 0;
  }
  if (sub !== undefined) {
    proc.err(
      `error: unknown command "${sub}" for "kubectl create"\nSee 'kubectl create -h' for help and examples\n`,
    );
    return 1;
  }
  if (strs(args.flags, 'filename').length === 0) {
    proc.err("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples\n");
    return 1;
  }
  const { docs, error } = readDocs(ctx, args);
  if (docs.length === 0 && !error) {
    proc.err('error: no objects passed to create\n');
    return 1;
  }
  const errors: ApiError[] = [];
  for (const { doc, source } of docs) {
    const r = ctx.cluster.create(doc, ctx.namespaceExplicit ? { namespace: ctx.namespace } : {});
    if (r.ok) {
      const obj = r.object;
      const prefix = isKindName(obj.kind) ? kindPrefix(resourceTypeByKind(obj.kind)) : obj.kind.toLowerCase();
      proc.out(`${prefix}/${obj.metadata.name} created\n`);
      for (const w of r.warnings ?? []) proc.err(`Warning: ${w}\n`);
    } else errors.push(withSource(r.error, 'creating', source));
  }
  ctx.cluster.runUntilIdle();
  if (errors.length) printErrors(errors, proc.err);
  if (error) proc.err(`${error}\n`);
  return errors.length || error ? 1 : 0;
}

export const createVerb: KubectlVerb = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  help: HELP,
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run,
};
