// The in-Pod shell's `cd` and its prompt, after BusyBox 1.34/1.36 shell/ash.c (cdcmd, docd,
// updatepwd, setpwd, ash_vmsg; initvar's PS1) and libbb/lineedit.c (the prompt's \w), and, for
// Debian images (nginx), dash 0.5.12 (cd.c cdcmd: `can't cd to DIR` without the errno text;
// error.c exvwarning2: `sh: LINE: cd: `). CDPATH is not consulted (none of the images sets it).
import type { Shell } from './exec';
import type { ProcContext } from './types';

/**
 * The logical resolution of `dir` against `cwd` (ash's updatepwd): `.` and empty names go, `..`
 * drops the name before it; a path starting with exactly two slashes keeps them (POSIX leaves
 * `//` implementation-defined; updatepwd preserves it, as the cwd it came from does).
 */
export function logicalPath(dir: string, cwd: string): string {
  const abs = dir.startsWith('/') ? dir : cwd.endsWith('/') ? cwd + dir : `${cwd}/${dir}`;
  const root = abs.startsWith('//') && !abs.startsWith('///') ? '//' : '/';
  const out: string[] = [];
  for (const s of abs.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `${root}${out.join('/')}`;
}

/**
 * The prefix of a builtin's error: ash `sh: cd: ` (`line N: ` after it when not reading a
 * terminal, ash_vmsg), dash `sh: N: cd: ` (exvwarning2; N counts the lines an interactive dash
 * has read, or the script's line).
 */
export function builtinErrorPrefix(shell: Shell, name: string): string {
  const line = shell.state.line ?? 1;
  if (shell.opts.flavor === 'dash') return `${shell.dashPrefix()}${name}: `;
  // ash_vmsg: arg0 (`sh`, or the script's name), the builtin's name, `line N: ` unless interactive.
  const arg0 = shell.opts.script ?? 'sh';
  return shell.opts.interactive ? `${arg0}: ${name}: ` : `${arg0}: ${name}: line ${line}: `;
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
  // cdopt: each switch between -L and -P toggles, so the last one given counts.
  let physical = false;
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
      physical = c === 'P';
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
  // docd: -P chdirs to the name as given and takes getcwd's answer (setpwd(NULL)).
  const now = physical ? (shell.opts.files?.realpath?.(target) ?? target) : target;
  shell.state.cwd = now;
  shell.exportVar('OLDPWD', cwd);
  shell.exportVar('PWD', now);
  if (print) ctx.out(`${now}\n`);
  return 0;
}

/**
 * The prompt an interactive shell prints. BusyBox (FEATURE_EDITING_FANCY_PROMPT, on in Alpine's
 * and the busybox image's builds) defaults PS1 to `\w \$ `: the directory with $HOME shown as `~`,
 * then `#` for root. In 1.34 (the images here) lineedit.c takes \w from getcwd(), the physical
 * directory (`cd /var/run` shows `/run # `; 1.36 shows $PWD). dash's PS1 for root is `# `.
 */
export function shellPrompt(shell: Shell): string {
  if (shell.opts.flavor === 'dash') return '# ';
  const logical = shell.state.cwd ?? '/';
  const cwd = shell.opts.files?.realpath?.(logical) ?? logical;
  const home = shell.state.vars.HOME;
  let w = cwd;
  const after = home ? cwd.slice(home.length) : undefined;
  if (home && cwd.startsWith(home) && (after === '' || after?.startsWith('/'))) w = `~${after}`;
  return `${w} # `;
}
