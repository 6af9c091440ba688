// bash's builtin option parsing (builtins/bashgetopt.c internal_getopt) and its "invalid option"
// report (builtins/common.c sh_invalidopt + builtin_usage), shared by the Pod bash's builtins.
import type { Shell } from './exec';
import type { ProcContext } from './types';

/**
 * Options of a builtin (internal_getopt): `-` words up to `--` or the first other word. Returns
 * the index of the first operand and the options seen, or the invalid option's letter.
 */
export function options(argv: string[], allowed: string): { next: number; opts: string } | { bad: string } {
  let opts = '';
  let k = 1;
  for (; k < argv.length; k++) {
    const a = argv[k] as string;
    if (a === '--') return { next: k + 1, opts };
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (!allowed.includes(c)) return { bad: c };
      opts += c;
    }
  }
  return { next: k, opts };
}

/** `bash: NAME: -C: invalid option` and the builtin's usage line (from `usage`); status 2. */
export function invalidOption(
  shell: Shell,
  usage: Readonly<Record<string, string>>,
  name: string,
  c: string,
  ctx: ProcContext,
): number {
  ctx.err(`${shell.errPrefix()}${name}: -${c}: invalid option\n${usage[name] ?? ''}`);
  return 2;
}
