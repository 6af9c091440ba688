// `source FILE` / `. FILE` in a container's bash (./pod-bash.ts), and the command-at-a-time
// reading that it shares with `bash -c` and `bash FILE`. Texts as Debian bookworm's bash 5.2.15
// prints them (checked against that bash on a pty and through pipes). Kept apart from
// ./pod-bash.ts, whose shell class extends ./exec's, so that the builtins can import it.
import type { ListItem } from './ast';
import { logicalPath } from './cd';
import type { Shell } from './exec';
import { parse, syntaxMessage } from './parse';
import type { ProcContext } from './types';

/**
 * The last command of a `bash -c` script, when bash would exec it without forking: a simple
 * command, last of the list and of its && / || chain, not in a pipeline, not negated, without
 * redirections (checked on bookworm's bash: `env`, `: ; env`, `true && env`, `X=1 env` print
 * SHLVL one lower; `env | cat`, `env >/dev/stdout` do not).
 */
function markNoFork(shell: Shell, items: ListItem[]): void {
  const last = items[items.length - 1];
  if (!last || last.background) return;
  const p = last.andOr.rest.length > 0 ? last.andOr.rest[last.andOr.rest.length - 1]?.p : last.andOr.first;
  const cmd = p?.cmds.length === 1 && !p.bang ? p.cmds[0] : undefined;
  if (cmd && !cmd.loop && cmd.redirects.length === 0) shell.state.noFork = cmd;
}

/**
 * A script run a command at a time (each complete command before the next is read; parse.y
 * shell_getc): the commands before a syntax error run, the error names its line (`where`).
 * Returns the exit status.
 */
export function runChunked(
  shell: Shell,
  script: string,
  ctx: ProcContext,
  where: (line: number) => string,
  warn: (line: number) => string,
  /** `bash -c`: its last simple command is exec'd without a fork (ShellState.noFork). */
  oneShot = false,
): number {
  const lines = script.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let chunk: string[] = [];
  let first = 1;
  let code = 0;
  const runChunk = (items: ListItem[]): boolean => {
    shell.state.lineBase = first - 1;
    const r = shell.runParsed(items, ctx);
    code = r.exitCode;
    return shell.state.exitRequested !== undefined;
  };
  for (let n = 1; n <= lines.length; n++) {
    chunk.push(lines[n - 1] as string);
    const parsed = parse(chunk.join('\n'));
    if (!parsed.ok) {
      const p = parsed.problem;
      if (p.kind === 'eof' || p.kind === 'eof-quote') continue;
      if (p.kind === 'token') {
        const at = where(n);
        ctx.err(`${at}syntax error near unexpected token \`${p.bash ?? p.token}'\n${at}\`${lines[n - 1]}'\n`);
      } else ctx.err(syntaxMessage(p, 'bash'));
      return 2;
    }
    if (parsed.heredocEof !== undefined && n < lines.length) continue;
    if (parsed.heredocEof !== undefined) {
      ctx.err(
        `${warn(n)}warning: here-document at line ${first} delimited by end-of-file (wanted \`${parsed.heredocEof}')\n`,
      );
    }
    if (oneShot && n === lines.length) markNoFork(shell, parsed.script);
    // A blank or comment-only line runs nothing and leaves the status as it is.
    if (parsed.script.length > 0 && runChunk(parsed.script)) return shell.state.exitRequested ?? code;
    chunk = [];
    first = n + 1;
  }
  if (chunk.length > 0) {
    const parsed = parse(chunk.join('\n'));
    if (!parsed.ok && parsed.problem.kind === 'eof-quote') {
      ctx.err(`${where(lines.length)}unexpected EOF while looking for matching \`${parsed.problem.quote}'\n`);
    } else ctx.err(`${where(lines.length + 1)}syntax error: unexpected end of file\n`);
    return 2;
  }
  return code;
}

/**
 * source FILE / . FILE (builtins/source.def): the file's commands run in this shell, a command at
 * a time; its errors name the file and line where bash's do (`FILE: line N: ` when not reading a
 * terminal, syntax errors `bash: FILE: line N: ` when it is). The file is looked for in the
 * working directory (sourcepath's $PATH search finds nothing there in these images). Its
 * arguments are not modelled (the shell keeps no positional parameters), nor is `return`.
 */
export function sourceBuiltin(shell: Shell, argv: string[], ctx: ProcContext): number {
  const name = argv[0] as string;
  const k = argv[1] === '--' ? 2 : 1;
  const file = argv[k];
  const prefix = shell.errPrefix();
  if (file === undefined) {
    ctx.err(`${prefix}${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const files = shell.opts.files;
  const abs = logicalPath(file, shell.state.cwd ?? '/');
  const why = files?.cdError?.(abs);
  if (files?.cdError && why === undefined) {
    ctx.err(`${prefix}${name}: ${file}: is a directory\n`);
    return 1;
  }
  const text = files?.read(abs);
  if (text === undefined) {
    const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
    const exists = why === 'Not a directory' && files?.cdError?.(parent) === undefined;
    ctx.err(
      `${prefix}${file}: ${exists ? 'the text of this image file is not modelled in this playground' : 'No such file or directory'}\n`,
    );
    return 1;
  }
  const c = shell.opts.container;
  const saved = { argv0: c?.argv0, line: shell.state.line, lineBase: shell.state.lineBase };
  // error.c get_name_for_error: BASH_SOURCE[0], the file, when not interactive.
  if (c && !shell.opts.interactive) c.argv0 = file;
  try {
    const where = (n: number) => `${shell.opts.interactive ? 'bash: ' : ''}${file}: line ${n}: `;
    return runChunked(shell, text, ctx, where, where);
  } finally {
    if (c && saved.argv0 !== undefined) c.argv0 = saved.argv0;
    if (saved.line === undefined) delete shell.state.line;
    else shell.state.line = saved.line;
    if (saved.lineBase === undefined) delete shell.state.lineBase;
    else shell.state.lineBase = saved.lineBase;
  }
}
