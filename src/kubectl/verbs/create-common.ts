// What every `kubectl create <subcommand>` does before and after building its object, in
// kubectl's order [cobra Command.execute; kubectl pkg/cmd/create/create.go NameFromCommandArgs,
// create_deployment.go / create_service.go / create_namespace.go Complete and Run]:
//   1. pflag parses the subcommand's flags (unknown flag, bad int value: `See '… --help' for usage.`);
//   2. cobra checks the required flags (`error: required flag(s) "image" not set`);
//   3. Complete: exactly one NAME (before `--`), the --dry-run strategy, the printer;
//   4. Validate (the subcommand's own checks), then Run: build, send unless --dry-run=client, print.
// The dispatcher parses `kubectl create`'s flags as one set (every subcommand's flags); step 1
// rejects, in the order they were given, the ones this subcommand does not have.
import type { K8sObject } from '../../sim/api/types';
import type { ApiError } from '../../sim/contract';
import { printErrors } from '../errors';
import { str } from '../flags';
import { warningLine } from '../warnings';
import { CreatePrinter, type DryRun, parseCreateOutput } from './create-output';
import { goParseInt } from './create-parse';
import { clusterDryRun, getDryRunStrategy } from './dryrun';
import type { KubectlContext, ParsedArgs } from './registry';

export interface Subcommand {
  /** The command path after `kubectl create`: `deployment`, `service clusterip`. */
  path: string;
  /** Flags this subcommand has (long names), besides the global -n and -h. */
  flags: readonly string[];
  /** pflag int flags: name → [bit size, the name pflag's error shows]. */
  ints?: Readonly<Record<string, [number, string]>>;
  /** cobra MarkFlagRequired (several: cobra names every missing one, in flag-name order). */
  required?: string | readonly string[];
}

export interface Prepared {
  name: string;
  dryRun: DryRun;
  printer: CreatePrinter;
  ints: Record<string, number>;
}

function fail(ctx: KubectlContext, text: string): { ok: false; code: number } {
  ctx.proc.err(text.endsWith('\n') ? text : `${text}\n`);
  return { ok: false, code: 1 };
}

/**
 * Steps 1–3. `nameArgs` = the positional words after the subcommand path (all before `--`: the
 * flag parser hands what follows `--` over as dashArgs).
 */
export function prepare(
  args: ParsedArgs,
  ctx: KubectlContext,
  sub: Subcommand,
  nameArgs: readonly string[],
): { ok: true; p: Prepared } | { ok: false; code: number } {
  const ints: Record<string, number> = {};
  for (const k of Object.keys(args.flags)) {
    if (!sub.flags.includes(k)) {
      return fail(ctx, `error: unknown flag: --${k}\nSee 'kubectl create ${sub.path} --help' for usage.`);
    }
    const int = sub.ints?.[k];
    const v = args.flags[k];
    if (int && typeof v === 'string') {
      const n = goParseInt(v, int[0]);
      if (!n.ok) {
        return fail(
          ctx,
          `error: invalid argument "${v}" for "${int[1]}" flag: ${n.message}\nSee 'kubectl create ${sub.path} --help' for usage.`,
        );
      }
      ints[k] = n.value;
    }
  }
  const missing = [sub.required ?? []].flat().filter((f) => args.flags[f] === undefined);
  if (missing.length > 0) {
    return fail(ctx, `error: required flag(s) "${missing.join('", "')}" not set`);
  }
  if (nameArgs.length !== 1) {
    return fail(
      ctx,
      `error: exactly one NAME is required, got ${nameArgs.length}\nSee 'kubectl create ${sub.path} -h' for help and examples`,
    );
  }
  const dry = getDryRunStrategy(args.flags, { err: ctx.proc.err, now: ctx.cluster.now() });
  if (!dry.ok) return fail(ctx, dry.message);
  const out = parseCreateOutput(str(args.flags, 'output'), true);
  if (!out.ok) return fail(ctx, out.message.replace(/\n$/, ''));
  return {
    ok: true,
    p: {
      name: nameArgs[0] as string,
      dryRun: dry.strategy,
      printer: new CreatePrinter(out.format, dry.strategy),
      ints,
    },
  };
}

/**
 * Step 4's send and print. A client dry run sends nothing and prints the built object (with the
 * namespace kubectl puts on it only when -n was given); otherwise the API server's answer is
 * printed. `wrap` turns a server error into the subcommand's own message (`failed to create
 * deployment: …`), or undefined to print it as CheckErr prints an API status.
 */
export function send(
  obj: K8sObject,
  type: string,
  p: Prepared,
  ctx: KubectlContext,
  wrap: (e: ApiError) => string | undefined,
): number {
  const { proc, cluster } = ctx;
  let shown = obj;
  if (p.dryRun !== 'client') {
    const r = cluster.create(obj, { namespace: ctx.namespace, ...clusterDryRun(p.dryRun) });
    if (!r.ok) {
      const msg = wrap(r.error);
      if (msg !== undefined) proc.err(`error: ${msg}\n`);
      else printErrors([r.error], proc.err);
      return 1;
    }
    for (const w of r.warnings ?? []) proc.err(warningLine(proc, w));
    shown = r.object;
  }
  const printed = p.printer.print(shown, type);
  proc.out(printed.out);
  if (p.dryRun === 'none') cluster.runUntilIdle();
  if (printed.error) {
    proc.err(printed.error.endsWith('\n') ? printed.error : `${printed.error}\n`);
    return 1;
  }
  return 0;
}
