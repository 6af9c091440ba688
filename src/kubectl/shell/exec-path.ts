// A container shell running a file by its path (`./x.sh`, `/tmp/run`): what execve(2) does with
// it and what each shell says when it fails. uid 0 may execute a file with any x bit. A file with
// `#!INTERP [ARG]` runs INTERP with [ARG], the path and the arguments (binfmt_script); one without
// is ENOEXEC, and the shell runs it as a script itself:
// - bash: a subshell of itself (execute_cmd.c, initialize_subshell): $0 the path, only exported
//   variables kept, errors `PATH: line N: `;
// - dash: execs /bin/sh PATH ARGS (exec.c tryexec), errors `PATH: N: `;
// - BusyBox ash: execs itself as `ash PATH ARGS` (ash.c tryexec), errors `PATH: line N: `.
// Failures (checked against bash 5.2.15 and dash 0.5.12 on bookworm; ash from ash.c shellexec of
// BusyBox 1.34.1, errmsg: ENOENT and ENOTDIR are `not found`, the rest strerror):
//   missing        bash `No such file or directory` 127   dash/ash `not found` 127
//   ENOTDIR        bash `Not a directory` 126             dash/ash `not found` 127
//   a directory    bash `Is a directory` 126              dash/ash `Permission denied` 126
//   no x bit       `Permission denied` 126 in all three
//   bad #! line    bash `cannot execute: required file not found` 127, dash/ash `not found` 127
import { hashHit } from './bash-builtins-more';
import type { Shell } from './exec';
import { runBashScript } from './pod-bash';
import type { ProcContext } from './types';

export function execPath(
  shell: Shell,
  argv: string[],
  env: Record<string, string>,
  ctx: ProcContext,
): number {
  const name = argv[0] as string;
  const files = shell.opts.files;
  const cwd = shell.state.cwd ?? '/';
  const target = files?.execve?.(name, cwd) ?? { errno: 'ENOENT' as const };
  const bash = shell.opts.container !== undefined;
  const prefix = bash
    ? shell.errPrefix()
    : shell.opts.flavor === 'dash'
      ? shell.dashPrefix()
      : shell.ashPrefix();
  const fail = (why: string, code: number): number => {
    ctx.err(`${prefix}${name}: ${why}\n`);
    return code;
  };
  if ('errno' in target) {
    if (target.errno === 'ENOENT') return fail(bash ? 'No such file or directory' : 'not found', 127);
    if (target.errno === 'ENOTDIR') return bash ? fail('Not a directory', 126) : fail('not found', 127);
    return fail(bash && target.dir ? 'Is a directory' : 'Permission denied', 126);
  }
  if (target.text === undefined)
    return fail('the text of this image file is not modelled in this playground', 126);
  const args = argv.slice(1);
  const run: ProcContext = { ...ctx, env, cwd };
  const table = shell.table;
  const text = target.text;
  const shebang = text.startsWith('#!')
    ? /^[ \t]*([^ \t\n]+)[ \t]*([^\n]*?)[ \t]*(?:\n|$)/.exec(text.slice(2))
    : null;
  if (shebang) {
    const interp = shebang[1] as string;
    const fn = Object.hasOwn(table, interp) ? table[interp] : undefined;
    if (!fn) return fail(bash ? 'cannot execute: required file not found' : 'not found', 127);
    const extra = shebang[2] ? [shebang[2]] : [];
    return fn([interp, ...extra, name, ...args], run);
  }
  if (bash) {
    const c = shell.opts.container;
    return runBashScript(
      text,
      table,
      run,
      { argv0: name, hostname: c?.hostname ?? '', called: c?.called ?? c?.argv0 ?? 'bash', args, fork: true },
      files,
    );
  }
  // dash re-runs /bin/sh with the file; ash runs itself as `ash` (the BusyBox images have /bin/ash).
  const sh = shell.opts.flavor === 'dash' ? '/bin/sh' : Object.hasOwn(table, 'ash') ? 'ash' : 'sh';
  const fn = Object.hasOwn(table, sh) ? table[sh] : undefined;
  if (!fn) return fail('not found', 127);
  return fn([sh, name, ...args], run);
}

/**
 * A command name without a slash that is none of the image's programs: the first executable file
 * of that name in a $PATH directory (a script the student put in /usr/local/bin) runs as by its
 * full path ($0 is that path). A non-executable one and nothing better: bash execs it anyway
 * (`bash: line 1: /DIR/NAME: Permission denied`, 126), dash reports it from its lookup
 * (`sh: 1: NAME: Permission denied`, 127), ash from its exec (`sh: NAME: Permission denied`, 126).
 * Checked against bash 5.2.15 and dash 0.5.12 (ash: ash.c find_command and shellexec).
 * Undefined: no such file anywhere (the caller says `not found`).
 */
export function execSearch(
  shell: Shell,
  argv: string[],
  assigns: Record<string, string>,
  ctx: ProcContext,
): number | undefined {
  const name = argv[0] as string;
  const files = shell.opts.files;
  const cwd = shell.state.cwd ?? '/';
  let denied: string | undefined;
  for (const dir of (shell.state.vars.PATH ?? '').split(':')) {
    const full = `${dir === '' ? '.' : dir}/${name}`;
    const t = files?.execve?.(full, cwd);
    if (!t || ('errno' in t && (t.errno !== 'EACCES' || t.dir))) continue;
    if ('errno' in t) {
      denied ??= full;
      continue;
    }
    const bash = shell.opts.container !== undefined;
    if (bash) hashHit(shell, name, full);
    return execPath(shell, [full, ...argv.slice(1)], shell.environ(assigns, bash ? full : undefined), ctx);
  }
  if (denied === undefined) return undefined;
  if (shell.opts.container) {
    ctx.err(`${shell.errPrefix()}${denied}: Permission denied\n`);
    return 126;
  }
  if (shell.opts.flavor === 'dash') {
    ctx.err(`${shell.dashPrefix()}${name}: Permission denied\n`);
    return 127;
  }
  ctx.err(`${shell.ashPrefix()}${name}: Permission denied\n`);
  return 126;
}
