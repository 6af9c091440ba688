// kubectl's --dry-run flag, shared by every mutating verb [KUBECTL pkg/cmd/util/helpers.go v0.34.9:
// AddDryRunFlag, GetDryRunStrategy, PrintFlagsWithDryRunStrategy].
//
// Exported API (the verbs read only this):
//   DRY_RUN_FLAG: FlagDef          `--dry-run`, a string flag with pflag NoOptDefVal "unchanged"
//                                  (a bare `--dry-run` never takes the next word as its value).
//   DRY_RUN_HELP: string           its `--help` block in kubectl's layout (default 'none'), to paste
//                                  into a verb's Options in flag-name order.
//   type DryRunStrategy            'none' | 'client' | 'server'.
//   getDryRunStrategy(flags, io)   the strategy the parsed flags ask for, or { ok: false, message }
//                                  with kubectl's exact line (`error: Invalid dry-run value (x). …`,
//                                  exit code 1, printed before anything else is done). The
//                                  deprecated forms (bare `--dry-run`, `--dry-run=unchanged`, any
//                                  strconv.ParseBool value such as `true`/`false`/`1`) write kubectl's
//                                  klog warning to io.err themselves and answer client / none.
//                                  io = { err, now: simulated epoch ms (cluster.now()), pid? }.
//   dryRunSuffix(strategy)         '' | ' (dry run)' | ' (server dry run)': what PrintFlags.Complete
//                                  appends to the success operation (`deployment.apps/x created (dry run)`,
//                                  `pod "x" deleted (server dry run)`).
//   clusterDryRun(strategy)        `{ dryRun: true }` for 'server', `{}` otherwise: spread into the
//                                  facade's apply / create / update / delete options (contract.ts
//                                  DryRunOption). A 'client' dry run must not call the cluster's
//                                  writers at all: kubectl sends nothing.
import type { FlagDef, FlagValue } from '../flags';

export type DryRunStrategy = 'none' | 'client' | 'server';

/** The pflag NoOptDefVal AddDryRunFlag sets: what a bare `--dry-run` stands for. */
export const DRY_RUN_NO_OPT = 'unchanged';

export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', type: 'string', noOptDefVal: DRY_RUN_NO_OPT };

/** AddDryRunFlag's usage, wrapped as kubectl's help printer wraps it on a wide terminal (110). */
export const DRY_RUN_HELP = `    --dry-run='none':
\tMust be "none", "server", or "client". If client strategy, only print the object that would be sent, without
\tsending it. If server strategy, submit server-side request without persisting the resource.
`;

/** The pid klog prints for a foreground kubectl when the caller has none (the shell gives it none). */
export const DEFAULT_KUBECTL_PID = 4210;

// The lines of helpers.go (v0.34.9) where GetDryRunStrategy logs: klog prints `file:line]`.
const LINE_NO_OPT = 731;
const LINE_BOOL_TRUE = 745;
const LINE_BOOL_FALSE = 748;

/** strconv.ParseBool's accepted spellings. */
const PARSE_BOOL: Readonly<Record<string, boolean>> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

/** klog's header for a warning: `W1126 00:05:00.123000    4210 helpers.go:731] `. */
export function klogWarningHeader(nowMs: number, pid: number, line: number): string {
  const d = new Date(nowMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return (
    `W${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:` +
    `${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')} ` +
    `${String(pid).padStart(7, ' ')} helpers.go:${line}] `
  );
}

export interface DryRunIo {
  err(text: string): void;
  /** Simulated epoch ms (cluster.now()), for the klog header. */
  now: number;
  pid?: number;
}

export type DryRunParse = { ok: true; strategy: DryRunStrategy } | { ok: false; message: string };

/** GetDryRunStrategy: the strategy for the parsed flags (absent flag = its default, "none"). */
export function getDryRunStrategy(flags: Record<string, FlagValue>, io: DryRunIo): DryRunParse {
  const v = flags['dry-run'];
  const value = typeof v === 'string' ? v : 'none';
  const warn = (line: number, msg: string) =>
    io.err(`${klogWarningHeader(io.now, io.pid ?? DEFAULT_KUBECTL_PID, line)}${msg}\n`);
  const b = PARSE_BOOL[value];
  if (b === undefined) {
    switch (value) {
      case DRY_RUN_NO_OPT:
        warn(LINE_NO_OPT, '--dry-run is deprecated and can be replaced with --dry-run=client.');
        return { ok: true, strategy: 'client' };
      case 'client':
      case 'server':
      case 'none':
        return { ok: true, strategy: value };
      default:
        return {
          ok: false,
          message: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`,
        };
    }
  }
  if (b) {
    warn(
      LINE_BOOL_TRUE,
      `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=client.`,
    );
    return { ok: true, strategy: 'client' };
  }
  warn(
    LINE_BOOL_FALSE,
    `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=none.`,
  );
  return { ok: true, strategy: 'none' };
}

/** PrintFlagsWithDryRunStrategy: the suffix of the success operation. */
export function dryRunSuffix(strategy: DryRunStrategy): string {
  return strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
}

/** The facade option for a strategy (only 'server' reaches the cluster as a dry run). */
export function clusterDryRun(strategy: DryRunStrategy): { dryRun?: true } {
  return strategy === 'server' ? { dryRun: true } : {};
}
