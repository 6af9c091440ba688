// `kubectl explain TYPE[.field…] [--recursive]` over the playground's compact schema.
import { explain } from '../explain/explain';
import { bool, type FlagDef } from '../flags';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const FLAGS: FlagDef[] = [
  { name: 'recursive', type: 'bool' },
  { name: 'api-version', type: 'string' },
  { name: 'output', type: 'string' },
];

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const p = ctx.proc;
  if (args.positional.length === 0) {
    p.err(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        "See 'kubectl explain -h' for help and examples\n",
    );
    return 1;
  }
  if (args.positional.length > 1) {
    p.err(
      `error: We accept only this format: explain RESOURCE\n\nSee 'kubectl explain -h' for help and examples\n`,
    );
    return 1;
  }
  const r = explain(args.positional[0] as string, bool(args.flags, 'recursive'));
  if (!r.ok) {
    p.err(`${r.message}\n`);
    return 1;
  }
  p.out(r.text);
  return 0;
}

export const explainVerb: KubectlVerb = {
  name: 'explain',
  short: 'Get documentation for a resource',
  help: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified
via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Get the documentation of the resource and its fields
  kubectl explain pods

  # Get all the fields in the resource
  kubectl explain pods --recursive

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers

Options:
    --recursive=false:
	When true, print the name of all the fields recursively. Otherwise, print the available fields with
	their description.

Usage:
  kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  flags: FLAGS,
  run,
};
