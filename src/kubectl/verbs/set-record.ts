// The deprecated `--record` flag of annotate, patch, set image and set selector [cli-runtime
// genericclioptions/record_flags.go v0.34.9]. pflag prints the deprecation when the flag is
// given; only `--record=true` records (ToRecorder: the default false is a NoopRecorder). The
// change-cause is parseCommandArguments: `kubectl`, the words that are not flags (the command
// path included, as os.Args[1:] is parsed), then ` --name=value` for each flag in the order
// given. The global -n is taken out of the arguments before the verb sees them, so it is
// written last here.
import type { FlagDef, FlagValue } from '../flags';
import type { KubectlContext, ParsedArgs } from './registry';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const RECORD_FLAG: FlagDef = { name: 'record', type: 'bool' };

export const RECORD_HELP_FLAG = {
  name: 'record',
  def: 'false',
  usage:
    'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.',
};

function flagText(name: string, v: FlagValue): string {
  if (Array.isArray(v)) return v.map((x) => ` --${name}=${x}`).join('');
  return ` --${name}=${String(v)}`;
}

/**
 * RecordFlags.Complete + ToRecorder: the change-cause to record, or undefined (no --record=true).
 * Prints pflag's deprecation line when the flag was given at all.
 */
export function recordCause(args: ParsedArgs, ctx: KubectlContext, verb: string): string | undefined {
  const v = args.flags.record;
  if (v === undefined) return undefined;
  ctx.proc.err('Flag --record has been deprecated, --record will be removed in the future\n');
  if (v !== true) return undefined;
  const words = [verb, ...args.positional];
  let flags = '';
  for (const [name, value] of Object.entries(args.flags)) flags += flagText(name, value);
  if (ctx.namespaceExplicit) flags += ` --namespace=${ctx.namespace}`;
  return `kubectl ${words.join(' ')}${flags}`;
}
