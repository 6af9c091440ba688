// The builtins of a bash running in a container (`kubectl exec … bash` in a Debian image) whose
// words differ from ash's and dash's: cd, pwd, exit and "command not found". Texts as bash 5.2.15
// (Debian bookworm's 5.2.15-2) prints them, checked against that bash: builtins/cd.def (cd_builtin,
// pwd_builtin: `cd: usage: cd [-L|[-P [-e]] [-@]] [dir]`, `HOME not set`, `OLDPWD not set`,
// `too many arguments`), builtins/exit.def (interactive shells print `exit` on stderr first),
// builtins/common.c (sh_invalidopt, get_exitstat's `numeric argument required` with status 2),
// execute_cmd.c (`command not found` 127; a path naming nothing: the errno text, 127; a
// directory: `Is a directory`, 126) and error.c (error_prolog: `$0: line N: ` unless interactive).
import { moreBashBuiltin } from './bash-builtins-more';
import { invalidOption, options } from './bash-getopt';
import { hashBuiltin, helpBuiltin } from './bash-help';
import { logicalPath } from './cd';
import type { Shell } from './exec';
import { bashHistory, bashHistoryBase, clearBashHistory } from './line-editing';
import { sourceBuiltin } from './pod-bash-source';
import type { ProcContext } from './types';

/** The usage lines bash prints after an invalid option (builtins' short docs). */
const USAGE: Record<string, string> = {
  cd: 'cd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n',
  pwd: 'pwd: usage: pwd [-LP]\n',
};

function invalid(shell: Shell, name: string, c: string, ctx: ProcContext): number {
  return invalidOption(shell, USAGE, name, c, ctx);
}

/** bash's own builtins that answer differently from the other shells; undefined: not one of them. */
export function bashBuiltin(shell: Shell, argv: string[], ctx: ProcContext): number | undefined {
  switch (argv[0]) {
    case 'cd':
      return cd(shell, argv, ctx);
    case 'pwd':
      return pwd(shell, argv, ctx);
    case 'exit':
      return exit(shell, argv, ctx);
    case 'history':
      return history(shell, argv, ctx);
    case 'source':
    case '.':
      return sourceBuiltin(shell, argv, ctx);
    case 'help':
      return helpBuiltin(shell, argv, ctx);
    case 'hash':
      return hashBuiltin(shell, argv, ctx);
    default:
      return moreBashBuiltin(shell, argv, ctx);
  }
}

/**
 * cd [-L|-P] [DIR]: no DIR is $HOME (an empty HOME stays put), `-` is $OLDPWD and prints where it
 * went, "" stays put. The new directory is the logical one (-L) unless -P; OLDPWD and PWD follow.
 * A directory it cannot enter: `cd: DIR: <errno text>`, status 1.
 */
function cd(shell: Shell, argv: string[], ctx: ProcContext): number {
  const o = options(argv, 'LPe@');
  if ('bad' in o) return invalid(shell, 'cd', o.bad, ctx);
  const fail = (msg: string): number => {
    ctx.err(`${shell.errPrefix()}cd: ${msg}\n`);
    return 1;
  };
  const vars = shell.state.vars;
  const operands = argv.slice(o.next);
  if (operands.length > 1) return fail('too many arguments');
  let dest = operands[0];
  let print = false;
  if (dest === undefined) {
    dest = vars.HOME;
    if (dest === undefined) return fail('HOME not set');
  } else if (dest === '-') {
    dest = vars.OLDPWD;
    if (dest === undefined) return fail('OLDPWD not set');
    print = true;
  }
  if (dest === '') return 0;
  const cwd = shell.state.cwd ?? '/';
  const target = logicalPath(dest, cwd);
  const why = shell.opts.files?.cdError?.(target);
  if (why !== undefined) return fail(`${dest}: ${why}`);
  const physical = o.opts.lastIndexOf('P') > o.opts.lastIndexOf('L');
  const now = physical ? (shell.opts.files?.realpath?.(target) ?? target) : target;
  shell.state.cwd = now;
  shell.exportVar('OLDPWD', cwd);
  shell.exportVar('PWD', now);
  if (print) ctx.out(`${now}\n`);
  return 0;
}

/** pwd [-LP]: the logical directory, or with -P the physical one; operands are ignored. */
function pwd(shell: Shell, argv: string[], ctx: ProcContext): number {
  const o = options(argv, 'LP');
  if ('bad' in o) return invalid(shell, 'pwd', o.bad, ctx);
  const cwd = shell.state.cwd ?? '/';
  const physical = o.opts.lastIndexOf('P') > o.opts.lastIndexOf('L');
  ctx.out(`${physical ? (shell.opts.files?.realpath?.(cwd) ?? cwd) : cwd}\n`);
  return 0;
}

/**
 * exit [N]: an interactive bash says `exit` first. A non-number ends the shell with status 2 after
 * its error; more than one argument is an error that does not end it (status 1).
 */
function exit(shell: Shell, argv: string[], ctx: ProcContext): number {
  if (shell.opts.interactive) ctx.err('exit\n');
  const arg = argv[1];
  let code = shell.state.lastExit;
  if (arg !== undefined) {
    if (!/^[ \t]*[-+]?[0-9]+[ \t]*$/.test(arg)) {
      ctx.err(`${shell.errPrefix()}exit: ${arg}: numeric argument required\n`);
      code = 2;
    } else if (argv.length > 2) {
      ctx.err(`${shell.errPrefix()}exit: too many arguments\n`);
      return 1;
    } else code = Number(BigInt.asUintN(8, BigInt(arg.trim())));
  }
  shell.state.exitRequested = code;
  return code;
}

/**
 * history [N] | history -c (builtins/history.def): the entries numbered from history_base
 * (`%5d  %s`), the last N of them, or none after -c. A shell not reading a terminal keeps no
 * history. Its other options (-a, -d, -r, -w, -p, -s) are not modelled: they print nothing.
 */
function history(shell: Shell, argv: string[], ctx: ProcContext): number {
  if (!shell.opts.interactive) return 0;
  const arg = argv[1];
  if (arg === '-c') {
    clearBashHistory(shell);
    return 0;
  }
  if (arg?.startsWith('-') && arg !== '--') return 0;
  const h = bashHistory(shell);
  let from = 0;
  if (arg !== undefined && arg !== '--') {
    if (!/^[0-9]+$/.test(arg)) {
      ctx.err(`${shell.errPrefix()}history: ${arg}: numeric argument required\n`);
      return 1;
    }
    from = Math.max(0, h.length - Number(arg));
  }
  const base = bashHistoryBase(shell);
  let out = '';
  for (let i = from; i < h.length; i++) out += `${String(base + i).padStart(5)}  ${h[i]}\n`;
  ctx.out(out);
  return 0;
}

/**
 * A command the container does not have. A name with a slash is a path: bash reports the errno
 * of its execve: `No such file or directory` or `Not a directory` (127), a directory `Is a
 * directory` (126), a file that is not one of the image's programs `Permission denied` (126: the
 * files modelled are mode 644, but for the entrypoint scripts, which a real bash would run).
 */
export function bashNotFound(shell: Shell, name: string, ctx: ProcContext): number {
  const prefix = shell.errPrefix();
  if (!name.includes('/')) {
    ctx.err(`${prefix}${name}: command not found\n`);
    return 127;
  }
  const files = shell.opts.files;
  const path = logicalPath(name, shell.state.cwd ?? '/');
  const why = files?.cdError?.(path);
  if (why === undefined && files?.cdError) {
    ctx.err(`${prefix}${name}: Is a directory\n`);
    return 126;
  }
  if (files?.read(path) !== undefined) {
    ctx.err(`${prefix}${name}: Permission denied\n`);
    return 126;
  }
  ctx.err(
    `${prefix}${name}: ${why === 'Not a directory' ? 'Not a directory' : 'No such file or directory'}\n`,
  );
  return 127;
}
