// kubectl api-versions [KUBECTL pkg/cmd/apiresources/apiversions.go v0.34.9]: every group/version
// the server serves (./api-resources-data), sorted, one per line. Extra words are Complete's
// UsageErrorf.

import { apiVersionsFor } from './api-resources-data';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = `Print the supported API versions on the server, in the form of "group/version".

Examples:
  # Print the supported API versions
  kubectl api-versions

Usage:
  kubectl api-versions

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function run(args: ParsedArgs, ctx: KubectlContext): number {
  if (args.positional.length > 0) {
    ctx.proc.err(
      `error: unexpected arguments: [${args.positional.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples\n`,
    );
    return 1;
  }
  ctx.proc.out(
    apiVersionsFor(ctx.cluster.profile)
      .map((v) => `${v}\n`)
      .join(''),
  );
  return 0;
}

export const apiVersionsVerb: KubectlVerb = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  help: HELP,
  flags: [],
  run,
};
