// kubectl set SUBCOMMAND [KUBECTL cmd/set/set.go v0.34.9]: `image` (set-image.ts), `env`
// (set-env.ts) and `selector` (set-selector.ts) are here; resources, serviceaccount and subject
// are listed as kubectl lists them and answer that they are not available. `kubectl set` alone is
// cmdutil.DefaultSubCommandRun: the help on stderr and exit code 1; extra words are
// RequireNoArguments' usage error.
import type { FlagValue } from '../flags';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { runSetEnv, SET_ENV_FLAGS, SET_ENV_HELP } from './set-env';
import { runSetImage, SET_IMAGE_FLAGS, SET_IMAGE_HELP } from './set-image';
import { runSetSelector, SET_SELECTOR_FLAGS, SET_SELECTOR_HELP } from './set-selector';

/** cobra lists subcommands by name, padded to the longest name (serviceaccount), then 3 spaces. */
const SUBCOMMANDS: [string, string][] = [
  ['env', 'Update environment variables on a pod template'],
  ['image', 'Update the image of a pod template'],
  ['resources', 'Update resource requests/limits on objects with pod templates'],
  ['selector', 'Set the selector on a resource'],
  ['serviceaccount', 'Update the service account of a resource'],
  ['subject', 'Update the user, group, or service account in a role binding or cluster role binding'],
];

const SET_HELP = `Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
${SUBCOMMANDS.map(([n, s]) => `  ${n.padEnd(14)}   ${s}`).join('\n')}

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** A flag parsed for `set` that this subcommand does not have: pflag's error for it. */
function unknownFlag(
  ctx: KubectlContext,
  flags: Record<string, FlagValue>,
  own: string[],
  sub: string,
): boolean {
  const first = Object.keys(flags).find((k) => !own.includes(k));
  if (first === undefined) return false;
  ctx.proc.err(`error: unknown flag: --${first}\nSee 'kubectl set ${sub} --help' for usage.\n`);
  return true;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const [sub, ...rest] = args.positional;
  switch (sub) {
    case 'image':
      if (unknownFlag(ctx, args.flags, SET_IMAGE_FLAGS, 'image')) return 1;
      return runSetImage(args, ctx, rest);
    case 'env':
      if (unknownFlag(ctx, args.flags, SET_ENV_FLAGS, 'env')) return 1;
      return runSetEnv(args, ctx, rest);
    case 'selector':
      if (unknownFlag(ctx, args.flags, SET_SELECTOR_FLAGS, 'selector')) return 1;
      return runSetSelector(args, ctx, rest);
    case undefined:
      ctx.proc.err(SET_HELP);
      return 1;
    default:
      if (SUBCOMMANDS.some(([n]) => n === sub)) {
        ctx.proc.err(
          `error: "kubectl set ${sub}" is not available in this playground; run 'help' to see what is.\n`,
        );
        return 1;
      }
      ctx.proc.err(
        `error: unknown command "${args.positional.join(' ')}"\nSee 'kubectl set -h' for help and examples\n`,
      );
      return 1;
  }
}

export const setVerb: KubectlVerb & { helpFor(words: readonly string[]): string } = {
  name: 'set',
  short: 'Set specific features on objects',
  help: SET_HELP,
  helpFor(words) {
    if (words[0] === 'image') return SET_IMAGE_HELP;
    if (words[0] === 'env') return SET_ENV_HELP;
    if (words[0] === 'selector') return SET_SELECTOR_HELP;
    return SET_HELP;
  },
  // One flag set for set and its subcommands (the dispatcher parses before the subcommand is
  // known); each subcommand refuses the ones it does not have.
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' },
    { name: 'env', short: 'e', type: 'stringArray' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'list', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    { name: 'record', type: 'bool' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'resource-version', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run,
};
