// The in-Pod shell's `cd` and its prompt, after BusyBox 1.34/1.36 shell/ash.c (cdcmd, docd,
// updatepwd, setpwd, ash_vmsg; initvar's PS1) and libbb/lineedit.c (the prompt's \w), and, for
// Debian images (nginx), dash 0.5.12 (cd.c cdcmd: `can't cd to DIR` without the errno text;
// error.c exvwarning2: `sh: LINE: cd: `). CDPATH is not consulted (none of the images sets it).
import type { Shell } from './exec';
import type { ProcContext } from './types';

/** path.Clean-like logical resolution of `dir` against `cwd` (ash's updatepwd: `..` drops a name). */
export function logicalPath(dir: string, cwd: string): string {
  const out: string[] = [];
  for (const s of (dir.startsWith('/') ? dir : `${cwd}/${dir}`).split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

/**
 * The prefix of a builtin's error: ash `sh: cd: ` (`line N: ` after it when not reading a
 * terminal, ash_vmsg), dash `sh: N: cd: ` (exvwarning2; N counts the lines an interactive dash
 * has read, or the script's line).
 */
export function builtinErrorPrefix(shell: Shell, name: string): string {
  const line = shell.state.line ?? 1;
  if (shell.opts.flavor === 'dash') {
    const n = shell.opts.interactive ? (shell.state.linesRead ?? 1) : line;
    return `sh: ${n}: ${name}: `;
  }
  return shell.opts.interactive ? `sh: ${name}: ` : `sh: ${name}: line ${line}: `;
}

/**
 * cd [-L|-P] [DIR]: no DIR is $HOME, `-` is $OLDPWD and prints the new directory. On success
 * OLDPWD and PWD are exported (setpwd). A missing or non-directory target is an error with exit
 * status 2 (ash_msg_and_raise_perror / dash sh_error), the shell going on with the next command.
 */
export function cdBuiltin(shell: Shell, argv: string[], ctx: ProcContext): number {
  const vars = shell.state.vars;
  const dash = shell.opts.flavor === 'dash';
  const fail = (msg: string): number => {
    ctx.err(`${builtinErrorPrefix(shell, argv[0] ?? 'cd')}${msg}\n`);
    return 2;
  };
  // nextopt("LP"): options up to the first non-option word, `--` or a lone `-`.
  let k = 1;
  for (; k < argv.length; k++) {
    const a = argv[k] as string;
    if (a === '--') {
      k++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (c !== 'L' && c !== 'P') return fail(`${dash ? 'Illegal' : 'illegal'} option -${c}`);
    }
  }
  let dest = argv[k];
  let print = false;
  if (dest === undefined) dest = vars.HOME;
  else if (dest === '-') {
    dest = vars.OLDPWD;
    print = true;
  }
  dest ??= '';
  const cwd = shell.state.cwd ?? '/';
  const target = logicalPath(dest === '' ? '.' : dest, cwd);
  const why = shell.opts.files?.cdError?.(target);
  if (why !== undefined) return fail(dash ? `can't cd to ${dest}` : `can't cd to ${dest}: ${why}`);
  shell.state.cwd = target;
  vars.OLDPWD = cwd;
  vars.PWD = target;
  if (print) ctx.out(`${target}\n`);
  return 0;
}

/**
 * The prompt an interactive shell prints. BusyBox (FEATURE_EDITING_FANCY_PROMPT, on in Alpine's
 * and the busybox image's builds) defaults PS1 to `\w \$ `: the directory with $HOME shown as `~`,
 * then `#` for root. dash's default PS1 for root is `# ` (var.c).
 */
export function shellPrompt(shell: Shell): string {
  if (shell.opts.flavor === 'dash') return '# ';
  const cwd = shell.state.cwd ?? '/';
  const home = shell.state.vars.HOME;
  let w = cwd;
  const after = home ? cwd.slice(home.length) : undefined;
  if (home && cwd.startsWith(home) && (after === '' || after?.startsWith('/'))) w = `~${after}`;
  return `${w} # `;
}
