// bash in a container (Debian's images: nginx): the host shell's bash dialect in the container's
// context (its file system, environment, working directory and host name, uid 0) with none of the
// host's programs (no kubectl there). Texts as Debian bookworm's bash 5.2.15 prints them.
// - `bash -c SCRIPT` reads and runs its script a command at a time (parse.y shell_getc): the
//   commands before a syntax error run; the error names `-c` and the line
//   (`bash: -c: line 2: syntax error near unexpected token `)'` and the line itself); an
//   unfinished script is `unexpected end of file` on the line after its last, an unclosed quote
//   `unexpected EOF while looking for matching` on its last.
// - The interactive prompt: /etc/bash.bashrc sets PS1='${debian_chroot:+($debian_chroot)}\u@\h:\w\$ '
//   (bash 5.2.15-2's debian/etc.bash.bashrc); root's ~/.bashrc (base-files' dot.bashrc) keeps it.
import { BUILTINS, expandAliases, hashHit, nestedBash } from './bash-builtins-more';
import { logicalPath } from './cd';
import { type FileAccess, Shell } from './exec';
import { amendLastLine, podLineEditing, rememberLine, shellExited } from './line-editing';
import { parse } from './parse';
import { runChunked } from './pod-bash-source';
import type { CommandFn, CommandTable, ProcContext } from './types';

export interface BashStart {
  /** $0: how bash was named (`bash`, `/bin/bash`). */
  argv0: string;
  /** gethostname(): the Pod's host name (the prompt's \h). */
  hostname: string;
  /** The name bash was run by when $0 is a script's (`bash FILE`). */
  called?: string;
  /** The positional parameters ($1 …) of `bash FILE ARGS` or `./script ARGS`. */
  args?: string[];
  /** A subshell (a script without #! that bash runs itself): no new shell level. */
  fork?: boolean;
}

/**
 * Redirections as bash words their failures (`bash: /nope/f: No such file or directory`,
 * `Is a directory`, `Not a directory`): open(2)'s errno after the shell's prefix.
 */
export function bashFiles(files: FileAccess, prefix: () => string): FileAccess {
  return {
    ...files,
    write: (path, text, append, cwd) => {
      const abs = logicalPath(path, cwd ?? '/');
      if (files.cdError && abs !== '/') {
        if (files.cdError(abs) === undefined) return `${prefix()}${path}: Is a directory\n`;
        const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
        const why = files.cdError(parent);
        if (why !== undefined) return `${prefix()}${path}: ${why}\n`;
      } else if (abs === '/') return `${prefix()}${path}: Is a directory\n`;
      return files.write(path, text, append, cwd);
    },
  };
}

/**
 * bash itself remembers a program it finds on $PATH and runs (hash.c), so `type` then says
 * `is hashed`; not one run in a pipeline's or a command substitution's subshell, whose table dies
 * with it. The shell's pipelines and substitutions are counted to tell them apart. (Methods are
 * wrapped on the instance: ./exec imports this file, so a subclass of its Shell cannot be made
 * while the modules load.)
 */
function rememberPrograms(shell: Shell, table: CommandTable): void {
  let subshells = 0;
  const inSubshell = <T>(run: () => T): T => {
    subshells++;
    try {
      return run();
    } finally {
      subshells--;
    }
  };
  const runPipeline = shell.runPipeline.bind(shell);
  const substitute = shell.substitute.bind(shell);
  shell.runPipeline = (p, ctx) =>
    p.cmds.length < 2 ? runPipeline(p, ctx) : inSubshell(() => runPipeline(p, ctx));
  shell.substitute = (body, ctx) => inSubshell(() => substitute(body, ctx));
  for (const [name, fn] of Object.entries(table)) {
    // A path is not hashed, nor a name bash runs as its builtin (echo, printf, true, pwd …).
    if (name.includes('/') || BUILTINS.has(name)) continue;
    const run: CommandFn = (argv, ctx) => {
      if (subshells === 0) hashHit(shell, name);
      return fn(argv, ctx);
    };
    table[name] = run;
  }
}

/** A bash in a container: interactive (`kubectl exec -it … bash`) or running a script. */
export function containerBash(
  table: CommandTable,
  env: Record<string, string>,
  start: BashStart,
  opts: { files?: FileAccess; interactive?: boolean; cwd?: string },
): Shell {
  let shell: Shell | undefined;
  const prefix = () => shell?.errPrefix() ?? 'bash: ';
  const own = { ...table };
  shell = new Shell(
    own,
    {
      dialect: 'bash',
      container: { ...start },
      ...(opts.files ? { files: bashFiles(opts.files, prefix) } : {}),
      ...(opts.interactive ? { interactive: true } : {}),
    },
    env,
  );
  rememberPrograms(shell, own);
  // An interactive bash has run its startup files' commands: its `_` is no longer exported.
  if (opts.interactive) shell.state.exported?.delete('_');
  if (start.args) shell.state.positional = start.args;
  if (opts.cwd !== undefined) {
    shell.state.cwd = opts.cwd;
    shell.exportVar('PWD', opts.cwd);
  }
  // variables.c adjust_shell_level: SHLVL one above the environment's, exported (after PWD).
  if (!start.fork) {
    const n = Number.parseInt(env.SHLVL ?? '', 10);
    shell.exportVar('SHLVL', String((Number.isFinite(n) ? n : 0) + 1));
  }
  if (opts.interactive) nestable(shell, table, start, opts.files);
  return shell;
}

/** An interactive bash's nested interactive bash (`bash` typed at its prompt), while it runs. */
const nested = new WeakMap<Shell, Shell>();

/** The shell reading the terminal: the innermost nested bash. */
export function activeBash(shell: Shell): Shell {
  let s = shell;
  for (let c = nested.get(s); c !== undefined; c = nested.get(s)) s = c;
  return s;
}

/**
 * `bash` typed at an interactive bash's prompt starts another interactive bash on the terminal
 * (a child process: it starts in the parent's directory with its environment, reads the history
 * file afresh, and its own `exit N` prints `exit` and returns to the parent, whose $? is then N).
 * The parent's lines go to the child while it runs. It gets the variables the parent exports
 * (SHLVL one higher), not the others.
 */
function nestable(shell: Shell, table: CommandTable, start: BashStart, files: FileAccess | undefined): void {
  nestedBash.set(shell, (argv0) => {
    // A child process: only what the parent exports, with `_` the program's path.
    const child = containerBash(
      table,
      shell.environ({}, argv0.includes('/') ? argv0 : '/usr/bin/bash'),
      { argv0, hostname: start.hostname },
      { interactive: true, cwd: shell.state.cwd ?? '/', ...(files ? { files } : {}) },
    );
    podLineEditing(child).history();
    nested.set(shell, child);
    return 0;
  });
  const runLine = shell.runLine.bind(shell);
  shell.runLine = (line, ctx) => {
    const child = nested.get(shell);
    if (!child) return runLine(line, ctx);
    const r = child.runLine(line, ctx);
    const code = child.state.exitRequested;
    if (code === undefined) return r;
    // The child exits: it writes its history file (bashhist.c) and the parent reads on.
    shellExited(child);
    nested.delete(shell);
    shell.state.lastExit = code;
    return { exitCode: code };
  };
}

/**
 * `bash -c SCRIPT` / `bash FILE` / `bash` reading stdin: the script run a command at a time (each
 * complete command before the next is read), as bash does. Returns the exit status.
 */
export function runBashScript(
  script: string,
  table: CommandTable,
  ctx: ProcContext,
  start: BashStart,
  files?: FileAccess,
  /** Where the script came from, for syntax errors: `-c` or the file's name (undefined: stdin). */
  source?: string,
): number {
  const shell = containerBash(table, { ...ctx.env }, start, {
    ...(files ? { files } : {}),
    ...(ctx.cwd !== undefined ? { cwd: ctx.cwd } : {}),
  });
  const where = (n: number) => `${start.argv0}: ${source === undefined ? '' : `${source}: `}line ${n}: `;
  const warn = (n: number) => `${start.argv0}: line ${n}: `;
  return runChunked(shell, script, ctx, where, warn, source === '-c');
}

/**
 * Variables bash sets itself when the environment has none (variables.c initialize_shell_variables:
 * BASH, the shell's full path, found on $PATH as /usr/bin/bash in merged /usr; BASH_VERSION;
 * SHELL, the user's login shell, /bin/bash for root in Debian's base-passwd). Not exported.
 */
export function bashVariable(start: BashStart, name: string): string {
  switch (name) {
    case 'BASH': {
      const called = start.called ?? start.argv0;
      return called.includes('/') ? called : '/usr/bin/bash';
    }
    case 'BASH_VERSION':
      return '5.2.15(1)-release';
    case 'SHELL':
      return '/bin/bash';
    default:
      return '';
  }
}

/** What an interactive bash has read of a command it has not finished (its `> ` prompt is up). */
const pending = new WeakMap<Shell, string>();

/**
 * A line typed at an interactive bash: the whole command once it is complete; undefined while it
 * needs more (an open quote, loop, `|`, `&&` or here-document: parse.y reads on at PS2, `> `).
 * The first line is a history entry of its own, later ones join it (cmdhist, on by default).
 */
export function readBashLine(outer: Shell, line: string): string | undefined {
  const shell = activeBash(outer);
  const before = pending.get(shell);
  if (before === undefined) rememberLine(shell, line);
  else if (line.trim() !== '') amendLastLine(shell, `${historyDelimiter(before)}${line}`);
  const text = before === undefined ? line : `${before}\n${line}`;
  const parsed = parse(text);
  const more = parsed.ok
    ? parsed.heredocEof !== undefined
    : parsed.problem.kind === 'eof' || parsed.problem.kind === 'eof-quote';
  if (more) pending.set(shell, text);
  else pending.delete(shell);
  // A here-document's lines keep their newline in the entry, its delimiter's too (bash_add_history).
  if (!more && before !== undefined) {
    const was = parse(before);
    if (was.ok && was.heredocEof !== undefined) amendLastLine(shell, '\n');
  }
  return more ? undefined : expandAliases(shell, text);
}

/**
 * Ctrl-C at bash's prompt: the line (at `> `, the unfinished command) is dropped, its lines
 * staying in history, and $? is 130 (128 + SIGINT), as on a pty.
 */
export function abandonBashInput(outer: Shell): void {
  const shell = activeBash(outer);
  pending.delete(shell);
  shell.state.lastExit = 130;
}

/** Reserved words after which bash joins the next line with a space (parse.y no_semi_successors). */
const NO_SEMI_WORDS = new Set(['case', 'do', 'else', 'if', 'then', 'until', 'while', 'in']);

/**
 * What joins a command's next line to its history entry (parse.y history_delimiting_chars): a
 * newline inside quotes or a here-document, a space after an operator (`|`, `&&`, `;`, `(`, `{`)
 * or a reserved word such as `do`, else `; `.
 */
function historyDelimiter(before: string): string {
  const parsed = parse(before);
  if (parsed.ok ? parsed.heredocEof !== undefined : parsed.problem.kind === 'eof-quote') return '\n';
  const last = (before.split('\n').pop() ?? '').trimEnd();
  // `)` closing a subshell takes `; `, but `()` of a function definition a space.
  if (last === '' || /[{(;&|]$/.test(last) || /\(\s*\)$/.test(last)) return ' ';
  const word = /(?:^|[\s;&|])([a-z]+)$/.exec(last)?.[1];
  return word !== undefined && NO_SEMI_WORDS.has(word) ? ' ' : '; ';
}

/**
 * The prompt: PS1 `${debian_chroot:+($debian_chroot)}\u@\h:\w\$ ` expanded for root (uid 0):
 * \u the user's name, \h the host name up to its first dot, \w $PWD with $HOME shown as `~`
 * (polite_directory_format: a HOME of `/` is not abbreviated), \$ `#` for uid 0.
 */
export function bashPrompt(outer: Shell): string {
  const shell = activeBash(outer);
  const vars = shell.state.vars;
  if (pending.has(shell)) return vars.PS2 ?? '> ';
  const chroot = vars.debian_chroot ? `(${vars.debian_chroot})` : '';
  const host = (shell.opts.container?.hostname ?? '').split('.')[0];
  const pwd = vars.PWD ?? shell.state.cwd ?? '/';
  const home = vars.HOME;
  let w = pwd;
  if (home && home.length > 1 && pwd.startsWith(home)) {
    const rest = pwd.slice(home.length);
    if (rest === '' || rest.startsWith('/')) w = `~${rest}`;
  }
  return `${chroot}root@${host}:${w}# `;
}
