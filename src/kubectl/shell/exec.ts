// Runs a parsed script: expansion (variables, command substitution, field splitting), pipelines
// stage by stage (each stage's stdout is the next one's stdin), && / || / ;, redirections and `&`.
// The same executor serves the student's host shell (bash dialect) and BusyBox `sh -c` in a Pod.
import type { AndOr, ListItem, Loop, Pipeline, Script, SimpleCommand, Word } from './ast';
import { bashBuiltin, bashNotFound } from './bash-builtins';
import { cdBuiltin } from './cd';
import { exportList, orderedEnviron } from './environ';
import { execPath, execSearch } from './exec-path';
import { type Dialect, parse, type SyntaxProblem, syntaxMessage } from './parse';
import { type BashStart, bashVariable, runBashScript } from './pod-bash';
import { testBuiltin } from './test-builtin';
import type { CommandTable, ProcContext } from './types';

/** Largest stdout a command substitution or pipe stage may hold (bytes of text). */
export const MAX_CAPTURE = 1_000_000;
/** `sh -c` inside `kubectl exec` inside `sh -c` …: deepest nesting of shells. */
export const MAX_SHELL_DEPTH = 16;
/**
 * A loop that would run forever in a real shell (`while true; do …; done`) stops after this many
 * rounds or this much simulated time, as if the student had pressed Ctrl-C.
 */
export const MAX_LOOP_ROUNDS = 1000;
export const MAX_LOOP_MS = 3_600_000;

export interface FileAccess {
  /** `cwd`: the in-Pod shell's working directory, against which a relative path resolves. */
  read(path: string, cwd?: string): string | undefined;
  /** Returns an error text (`bash: x: Is a directory`) or undefined on success. */
  write(path: string, text: string, append: boolean, cwd?: string): string | undefined;
  /** Why `cd` cannot enter the absolute `dir` (`No such file or directory`), undefined if it can. */
  cdError?(dir: string): string | undefined;
  /** The absolute `dir` with its symbolic links followed (getcwd's answer once there). */
  realpath?(dir: string): string;
  /** Pathname expansion against the files (see ExecOptions.glob), relative to `cwd`. */
  glob?(pattern: string, cwd: string): string[];
  /**
   * What execve(2) of `path` finds (links followed; uid 0, so any x bit will do): its errno, or
   * the file's text (undefined: an image file whose text is not modelled).
   */
  execve?(path: string, cwd?: string): ExecTarget;
}

/** execve(2)'s view of a path: ENOENT, ENOTDIR, EACCES (a directory, or no x bit), or the file. */
export type ExecTarget =
  | { errno: 'ENOENT' | 'ENOTDIR' | 'EACCES'; dir?: boolean }
  | { text: string | undefined };

export interface ExecOptions {
  dialect: Dialect;
  files?: FileAccess;
  /** `cmd &`: hand the item to job control. Absent: the item runs in the foreground. */
  background?(item: ListItem, run: (ctx: ProcContext) => number): void;
  /** Checked after each foreground pipeline: a job has taken over the terminal (port-forward). */
  suspended?(): boolean;
  /** Called before each top-level list item runs (job control names jobs after it). */
  beforeItem?(item: ListItem): void;
  /**
   * Pathname expansion: the paths matching a pattern (`*`, `?`, `[…]`; a backslash quotes the
   * next character), sorted; empty when nothing matches (the word then stays as typed, as in bash).
   */
  glob?(pattern: string): string[];
  /**
   * The `sh` dialect's shell: BusyBox ash (Alpine, busybox) or Debian's dash (nginx). They differ
   * in their error prefixes (ash `sh: cd: line 1: `, dash `sh: 1: cd: `). Absent: ash.
   */
  flavor?: 'ash' | 'dash';
  /**
   * dash's $0 (`sh`, `/bin/sh`, `dash`, or `sh -c SCRIPT NAME`'s NAME): its error lines start with
   * it (error.c exvwarning2 prints arg0, then the line). Absent: `sh`.
   */
  argv0?: string;
  /** Reads the terminal (`kubectl exec -it … sh`): ash drops `line N: ` from its errors then. */
  interactive?: boolean;
  /**
   * ash's arg0 and commandname when it runs a script file (`sh FILE`, `./FILE`) or `sh -c S NAME`:
   * its errors start `NAME: line N: ` (ash.c ash_vmsg) instead of `sh: `; also its $0.
   */
  script?: string;
  /**
   * The bash dialect running in a container (`kubectl exec … bash`, Debian images; ./pod-bash.ts):
   * it keeps its own working directory, runs cd and pwd itself and words its errors as bash 5.2
   * does there. `argv0` is $0 (and, when not interactive, the name its errors start with);
   * `hostname` is the prompt's \h.
   */
  container?: BashStart;
}

const GLOB_CHARS = /[*?[]/;
const escapeGlob = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

/** What is left of a line when a foreground job took over the terminal. */
export interface Continuation {
  chain: AndOr['rest'];
  items: Script;
}

export interface ShellState {
  vars: Record<string, string>;
  lastExit: number;
  exitRequested?: number;
  /** How many loops enclose the running command (for `break` / `continue`). */
  loopDepth?: number;
  /** A pending `break N` / `continue N`, unwinding to its loop. */
  loopCtl?: { kind: 'break' | 'continue'; n: number };
  /** The `sh` dialect's working directory (ash's curdir); set when the first line runs. */
  cwd?: string;
  /** Lines an interactive shell has read (dash counts them in its error prefix). */
  linesRead?: number;
  /** The line of the script the running command is on. */
  line?: number;
  /** Lines of a `bash -c` script before the part being run (./pod-bash.ts runs it a command at a time). */
  lineBase?: number;
  /**
   * A container shell's exported names (the environment it started with, `export`, cd's PWD and
   * OLDPWD): only these (and a command's own assignments) reach the commands it runs. Absent
   * (the host shell): every variable is passed on.
   */
  exported?: Set<string>;
  /** $1 … (`sh FILE ARGS`, `./script ARGS`). */
  positional?: string[];
  /**
   * `bash -c`'s last simple command (no redirection, not in a pipeline): bash execs it in place
   * of itself, one shell level down (evalstring.c should_suppress_fork; adjust_shell_level(-1)).
   */
  noFork?: SimpleCommand;
}

let shellDepth = 0;
/** A `$( )` subshell is being made: a fork of its shell, which does not start over (SHLVL). */
let forking = false;

export class Shell {
  readonly state: ShellState;
  /** Exit code of the last `$( … )` in the command being expanded (for `X=$(cmd)`). */
  private subExit: number | undefined;
  constructor(
    readonly table: CommandTable,
    readonly opts: ExecOptions,
    vars: Record<string, string>,
  ) {
    this.state = { vars, lastExit: 0 };
    // ash, dash and bash all export PWD from the start (and OLDPWD once cd sets it).
    if (opts.dialect === 'sh' || opts.container !== undefined)
      this.state.exported = new Set([...Object.keys(vars), 'PWD', 'OLDPWD']);
    // BusyBox ash (ASH_BASH_COMPAT: BASH_SHLVL_VAR) exports SHLVL one above the one it was given
    // as it starts (ash.c init); a subshell is no new shell.
    if (opts.dialect === 'sh' && opts.flavor !== 'dash' && !forking) {
      vars.SHLVL = String((Number.parseInt(vars.SHLVL ?? '', 10) || 0) + 1);
      this.state.exported?.add('SHLVL');
    }
  }

  /** Set and export a variable (cd's PWD and OLDPWD, `export NAME=V`). */
  exportVar(name: string, value?: string): void {
    if (value !== undefined) this.state.vars[name] = value;
    this.state.exported?.add(name);
  }

  /**
   * The environment a command gets: the exported variables and its own assignments, in the order
   * the shell builds it (./environ.ts); bash's `_` is `program`, the path of the program it runs.
   */
  environ(assigns: Record<string, string> = {}, program?: string): Record<string, string> {
    const ex = this.state.exported;
    if (!ex) return { ...this.state.vars, ...assigns };
    const env = orderedEnviron(this, ex, assigns, program);
    if (this.execing && env.SHLVL !== undefined) {
      const n = Number.parseInt(env.SHLVL, 10);
      env.SHLVL = String((Number.isFinite(n) ? n : 0) - 1);
    }
    return env;
  }

  /** The command being run is bash -c's last, exec'd without a fork (ShellState.noFork). */
  private execing = false;

  get name(): string {
    return this.opts.dialect;
  }

  /** Parse and run a whole line; returns the exit code and, if a job suspended it, the rest. */
  runLine(line: string, ctx: ProcContext): { exitCode: number; rest?: Continuation } {
    delete this.state.exitRequested; // an `exit` on an earlier line ended that line only
    this.startCwd(ctx);
    this.state.linesRead = (this.state.linesRead ?? 0) + 1;
    const parsed = parse(line);
    if (!parsed.ok) {
      ctx.err(
        (this.opts.flavor === 'dash' && this.dashSyntax(parsed.problem, line)) ||
          syntaxMessage(parsed.problem, this.opts.dialect),
      );
      this.state.lastExit = 2;
      return { exitCode: 2 };
    }
    // dash says nothing when the input ends inside a here-document (checked: dash 0.5.12-2).
    if (parsed.heredocEof !== undefined && this.opts.flavor !== 'dash') {
      ctx.err(
        this.opts.dialect === 'bash'
          ? `bash: warning: here-document at line 1 delimited by end-of-file (wanted \`${parsed.heredocEof}')\n`
          : `sh: warning: here-document delimited by end-of-file (wanted '${parsed.heredocEof}')\n`,
      );
    }
    if (shellDepth >= MAX_SHELL_DEPTH) {
      ctx.err(`${this.name}: too many nested shells (limit ${MAX_SHELL_DEPTH})\n`);
      return { exitCode: 2 };
    }
    shellDepth++;
    try {
      return this.runItems(parsed.script, ctx);
    } finally {
      shellDepth--;
    }
  }

  /** A shell in a container (ash, dash, or bash there): it keeps its own working directory. */
  get inContainer(): boolean {
    return this.opts.dialect === 'sh' || this.opts.container !== undefined;
  }

  /**
   * How a container bash starts its error lines: `bash: ` reading the terminal, else $0 and the
   * line (`bash: line 1: `; error.c error_prolog). Other shells: their name.
   */
  errPrefix(): string {
    const c = this.opts.container;
    if (!c) return `${this.name}: `;
    if (this.opts.interactive) return 'bash: ';
    return `${c.argv0}: line ${this.state.line ?? 1}: `;
  }

  /**
   * dash's parser errors (parser.c synexpect/synerror: `Syntax error: %s unexpected` with the
   * token's quoted name or `end of file`, `(expecting "X")`; `Unterminated quoted string`,
   * `Missing '}'` for `${`), after `$0: N: `. Checked against dash 0.5.12-2. Undefined where the
   * line or dash's words are not established here (a token error inside a script of several
   * lines, `newline`, a `(` after a lone first word): the ash text stays.
   */
  private dashSyntax(p: SyntaxProblem, script: string): string | undefined {
    const lines = script.split('\n').length;
    const at = (n: number) =>
      `${this.opts.argv0 ?? 'sh'}: ${this.opts.interactive ? (this.state.linesRead ?? 1) : n}: Syntax error: `;
    const expecting = (x: string | undefined) => (x === undefined ? '' : ` (expecting "${x}")`);
    switch (p.kind) {
      case 'eof-quote':
        return p.quote === ')' || p.quote === '}'
          ? `${at(lines)}end of file unexpected${expecting(p.quote)}\n`
          : `${at(lines)}Unterminated quoted string\n`;
      case 'eof':
        return `${at(lines)}end of file unexpected${expecting(p.expecting)}\n`;
      case 'token':
        if (lines > 1 || p.token === 'newline' || p.bash !== undefined) return undefined;
        return `${at(1)}"${p.token}" unexpected\n`;
      default:
        return undefined;
    }
  }

  /**
   * dash's error prefix `$0: N: ` (error.c exvwarning2: `%s: %d: ` with arg0 and errlinno): N is
   * the script's line, or in an interactive dash the lines it has read so far. Checked against
   * bookworm's dash 0.5.12-2 (`sh -c foo` → `sh: 1: foo: not found`).
   */
  /**
   * BusyBox ash's error prefix (ash_vmsg): arg0, then `line N: ` when it runs a script file or
   * `sh -c S NAME` (commandname set); plain `sh -c` and the interactive shell: `sh: `.
   */
  ashPrefix(): string {
    const s = this.opts.script;
    return s === undefined
      ? 'sh: '
      : `${s}: ${this.opts.interactive ? '' : `line ${this.state.line ?? 1}: `}`;
  }

  dashPrefix(): string {
    const n = this.opts.interactive ? (this.state.linesRead ?? 1) : (this.state.line ?? 1);
    return `${this.opts.argv0 ?? 'sh'}: ${n}: `;
  }

  /** Run parsed items (a `bash -c` script a command at a time), within the nesting limit. */
  runParsed(items: Script, ctx: ProcContext): { exitCode: number; rest?: Continuation } {
    this.startCwd(ctx);
    if (shellDepth >= MAX_SHELL_DEPTH) {
      ctx.err(`${this.name}: too many nested shells (limit ${MAX_SHELL_DEPTH})\n`);
      return { exitCode: 2 };
    }
    shellDepth++;
    try {
      return this.runItems(items, ctx);
    } finally {
      shellDepth--;
    }
  }

  /**
   * ash and dash start in the process's working directory and export it as PWD (ash.c init():
   * setpwd(NULL, 0), dash likewise); an inherited PWD naming another directory is replaced.
   * bash too (variables.c set_pwd: PWD when it names the working directory, else getcwd()).
   */
  private startCwd(ctx: ProcContext): void {
    if (!this.inContainer || this.state.cwd !== undefined) return;
    this.state.cwd = ctx.cwd ?? '/';
    this.exportVar('PWD', this.state.cwd);
  }

  /** The file access with relative paths resolved against the shell's working directory. */
  private files(): FileAccess | undefined {
    const f = this.opts.files;
    const cwd = this.state.cwd;
    if (!f || cwd === undefined) return f;
    return {
      read: (path) => f.read(path, cwd),
      write: (path, text, append) => f.write(path, text, append, cwd),
    };
  }

  /** Continue a line after its foreground job ended with `exitCode`. */
  resume(rest: Continuation, exitCode: number, ctx: ProcContext): { exitCode: number; rest?: Continuation } {
    this.state.lastExit = exitCode;
    const r = this.runChain(rest.chain, exitCode, ctx);
    if (r.rest) return { exitCode: r.exitCode, rest: { chain: r.rest, items: rest.items } };
    if (this.state.exitRequested !== undefined) return { exitCode: this.state.exitRequested };
    return this.runItems(rest.items, ctx);
  }

  runItems(items: Script, ctx: ProcContext): { exitCode: number; rest?: Continuation } {
    let code = this.state.lastExit;
    for (let k = 0; k < items.length; k++) {
      const item = items[k] as ListItem;
      this.opts.beforeItem?.(item);
      if (item.background && this.opts.background) {
        this.opts.background(item, (jobCtx) => this.runAndOr(item.andOr, jobCtx).exitCode);
        code = 0;
        this.state.lastExit = 0;
        continue;
      }
      const r = this.runAndOr(item.andOr, ctx);
      code = r.exitCode;
      if (r.rest) return { exitCode: code, rest: { chain: r.rest, items: items.slice(k + 1) } };
      if (this.state.exitRequested !== undefined) return { exitCode: this.state.exitRequested };
      if (this.state.loopCtl) return { exitCode: code };
    }
    return { exitCode: code };
  }

  runAndOr(a: AndOr, ctx: ProcContext): { exitCode: number; rest?: AndOr['rest'] } {
    const code = this.runPipeline(a.first, ctx);
    if (this.opts.suspended?.()) return { exitCode: code, rest: a.rest };
    return this.runChain(a.rest, code, ctx);
  }

  runChain(
    chain: AndOr['rest'],
    start: number,
    ctx: ProcContext,
  ): { exitCode: number; rest?: AndOr['rest'] } {
    let code = start;
    for (let k = 0; k < chain.length; k++) {
      if (this.state.exitRequested !== undefined || this.state.loopCtl) break;
      const { op, p } = chain[k] as AndOr['rest'][number];
      if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
      code = this.runPipeline(p, ctx);
      if (this.opts.suspended?.()) return { exitCode: code, rest: chain.slice(k + 1) };
    }
    return { exitCode: code };
  }

  runPipeline(p: Pipeline, ctx: ProcContext): number {
    let stdin = ctx.stdin;
    let code = 0;
    for (let k = 0; k < p.cmds.length; k++) {
      const last = k === p.cmds.length - 1;
      const cmd = p.cmds[k] as SimpleCommand;
      if (last) {
        code = this.runSimple(cmd, { ...ctx, stdin });
      } else {
        const cap = capture(ctx, stdin);
        code = this.runSimple(cmd, cap.ctx);
        stdin = cap.text();
      }
      if (this.state.exitRequested !== undefined && p.cmds.length === 1) break;
    }
    if (p.cmds.length > 1) delete this.state.exitRequested; // `exit` in a pipeline runs in a subshell
    if (p.bang) code = code === 0 ? 1 : 0;
    this.state.lastExit = code;
    return code;
  }

  /** Expand a word into fields (bash word splitting on unquoted expansions, then globbing). */
  expandWord(word0: Word, ctx: ProcContext): string[] {
    const word = this.tilde(word0);
    const fields: string[] = [];
    let cur = '';
    let pat = '';
    let have = false;
    let globbable = false;
    const flush = () => {
      if (have) {
        const matches = globbable ? this.glob(pat) : [];
        if (matches.length > 0) fields.push(...matches);
        else fields.push(cur);
      }
      cur = '';
      pat = '';
      have = false;
      globbable = false;
    };
    const add = (text: string, quoted: boolean) => {
      cur += text;
      pat += quoted ? escapeGlob(text) : text;
      if (!quoted && GLOB_CHARS.test(text)) globbable = true;
    };
    for (const part of word) {
      if (part.t === 'lit') {
        add(part.v, part.q);
        if (part.q || part.v !== '') have = true;
        continue;
      }
      const value = part.t === 'var' ? this.lookup(part.name) : this.substitute(part.body, ctx);
      if (part.q) {
        add(value, true);
        have = true;
        continue;
      }
      const pieces = value.split(/[ \t\n]+/).filter((s) => s !== '');
      if (pieces.length === 0) {
        if (value !== '') flush();
        continue;
      }
      if (/^[ \t\n]/.test(value)) flush();
      pieces.forEach((piece, idx) => {
        if (idx > 0) flush();
        add(piece, false);
        have = true;
      });
      if (/[ \t\n]$/.test(value)) flush();
    }
    flush();
    return fields;
  }

  /**
   * A container bash's tilde prefix: an unquoted `~` alone or before `/` is $HOME (subst.c
   * expand_word_internal → bash_tilde_expand), not split or globbed. (`~user` is not modelled.)
   */
  private tilde(word: Word): Word {
    const first = word[0];
    if (!this.opts.container || first?.t !== 'lit' || first.q || !first.v.startsWith('~')) return word;
    if (first.v.length > 1 ? first.v[1] !== '/' : word.length > 1) return word;
    const home = this.state.vars.HOME;
    if (home === undefined) return word;
    return [{ t: 'lit', v: home, q: true }, { t: 'lit', v: first.v.slice(1), q: false }, ...word.slice(1)];
  }

  private glob(pattern: string): string[] {
    if (this.opts.glob) return this.opts.glob(pattern);
    const f = this.opts.files;
    return f?.glob && this.state.cwd !== undefined ? f.glob(pattern, this.state.cwd) : [];
  }

  /** Expand without splitting (assignment values, redirection targets). */
  expandFlat(word: Word, ctx: ProcContext): string {
    let s = '';
    for (const part of this.tilde(word)) {
      if (part.t === 'lit') s += part.v;
      else if (part.t === 'var') s += this.lookup(part.name);
      else s += this.substitute(part.body, ctx);
    }
    return s;
  }

  lookup(name: string): string {
    if (name === '?') return String(this.state.lastExit);
    if (name === '$') return '1';
    if (name === '#') return String(this.state.positional?.length ?? 0);
    if (name === '0' && this.opts.container) return this.opts.container.argv0;
    if (name === '0' && this.opts.dialect === 'sh')
      return this.opts.script ?? (this.opts.flavor === 'dash' ? this.opts.argv0 : undefined) ?? 'sh';
    const pos = this.state.positional;
    if (pos && /^[1-9]$/.test(name)) return pos[Number(name) - 1] ?? '';
    if (pos && (name === '@' || name === '*')) return pos.join(' ');
    return this.state.vars[name] ?? (this.opts.container ? bashVariable(this.opts.container, name) : '');
  }

  /** `$( … )`: run the body with stdout captured; trailing newlines are removed, as in sh. */
  substitute(body: Script, ctx: ProcContext): string {
    const cap = capture(ctx, '');
    const saved = this.state.exitRequested;
    try {
      const { dialect, files, glob, flavor, interactive, container, script, argv0 } = this.opts;
      forking = true;
      const sub = new Shell(
        this.table,
        {
          dialect,
          ...(files ? { files } : {}),
          ...(glob ? { glob } : {}),
          ...(flavor ? { flavor } : {}),
          ...(interactive ? { interactive } : {}),
          ...(container ? { container } : {}),
          ...(script !== undefined ? { script } : {}),
          ...(argv0 !== undefined ? { argv0 } : {}),
        },
        {
          ...this.state.vars,
        },
      );
      forking = false;
      sub.state.lastExit = this.state.lastExit;
      if (this.state.exported) sub.state.exported = new Set(this.state.exported);
      if (this.state.positional) sub.state.positional = this.state.positional;
      // A subshell starts where its parent is; its `cd` does not move the parent.
      if (this.state.cwd !== undefined) sub.state.cwd = this.state.cwd;
      if (this.state.line !== undefined) sub.state.line = this.state.line;
      const r = sub.runItems(body, cap.ctx);
      this.state.lastExit = r.exitCode;
      this.subExit = r.exitCode;
    } finally {
      if (saved === undefined) delete this.state.exitRequested;
      else this.state.exitRequested = saved;
    }
    return cap.text().replace(/\n+$/, '');
  }

  /** for / while / until / if. A foreground job started inside a body ends the loop there. */
  runLoop(loop: Loop, ctx: ProcContext): number {
    const start = ctx.cluster.now();
    let rounds = 0;
    let code = 0;
    const stop = (): boolean => this.state.exitRequested !== undefined || this.opts.suspended?.() === true;
    // After a body (or condition) ran: 'break' / 'continue' when a `break`/`continue` targets
    // this loop, 'out' when it targets an outer one (or exit / a job ended the line).
    const control = (): 'break' | 'continue' | 'out' | undefined => {
      if (stop()) return 'out';
      const c = this.state.loopCtl;
      if (!c) return undefined;
      if (c.n > 1) {
        c.n--;
        return 'out';
      }
      delete this.state.loopCtl;
      return c.kind;
    };
    const capped = (): boolean => {
      if (++rounds <= MAX_LOOP_ROUNDS && ctx.cluster.now() - start <= MAX_LOOP_MS) return false;
      ctx.err('^C\n');
      code = 130;
      return true;
    };
    if (loop.kind === 'if') {
      for (const b of loop.branches) {
        const c = this.runItems(b.cond, ctx).exitCode;
        if (stop()) return c;
        if (c === 0) return this.runItems(b.body, ctx).exitCode;
      }
      return loop.otherwise ? this.runItems(loop.otherwise, ctx).exitCode : 0;
    }
    this.state.loopDepth = (this.state.loopDepth ?? 0) + 1;
    try {
      if (loop.kind === 'for') {
        const values = loop.items ? loop.items.flatMap((w) => this.expandWord(w, ctx)) : [];
        for (const v of values) {
          if (capped()) break;
          this.state.vars[loop.name] = v;
          code = this.runItems(loop.body, ctx).exitCode;
          const k = control();
          if (k === 'break' || k === 'out') break;
        }
        return code;
      }
      for (;;) {
        if (capped()) break;
        const c = this.runItems(loop.cond, ctx).exitCode;
        const kc = control();
        if (kc === 'break' || kc === 'out') break;
        if (kc === 'continue') continue;
        if ((c === 0) !== (loop.kind === 'while')) break;
        code = this.runItems(loop.body, ctx).exitCode;
        const k = control();
        if (k === 'break' || k === 'out') break;
      }
      return code;
    } finally {
      this.state.loopDepth = (this.state.loopDepth ?? 1) - 1;
    }
  }

  runSimple(cmd: SimpleCommand, ctx0: ProcContext): number {
    this.subExit = undefined;
    if (cmd.line !== undefined) this.state.line = cmd.line + (this.state.lineBase ?? 0);
    const argv: string[] = [];
    for (const w of cmd.words) argv.push(...this.expandWord(w, ctx0));
    const assigns: Record<string, string> = {};
    for (const a of cmd.assigns) assigns[a.name] = this.expandFlat(a.value, ctx0);
    const subExit = this.subExit ?? 0;

    // Redirections.
    let ctx = ctx0;
    const pending: { path: string; append: boolean; cap: ReturnType<typeof capture> }[] = [];
    for (const r of cmd.redirects) {
      if (r.op === '<<') {
        ctx = { ...ctx, stdin: r.bodyWord ? this.expandFlat(r.bodyWord, ctx0) : (r.body ?? '') };
        continue;
      }
      const target = this.expandFlat(r.target, ctx0);
      const res = this.applyRedirect(r.fd, r.op, target, ctx);
      if (typeof res === 'string') {
        ctx0.err(res);
        // dash: a failed redirection is status 2 (`sh -c 'cat < /nope; echo $?'` prints 2).
        return this.opts.flavor === 'dash' ? 2 : 1;
      }
      ctx = res.ctx;
      if (res.file) pending.push(res.file);
    }

    let code: number;
    const name = argv[0];
    if (cmd.loop) {
      code = this.runLoop(cmd.loop, ctx);
    } else if (name === undefined) {
      Object.assign(this.state.vars, assigns);
      code = subExit;
    } else {
      this.execing = this.state.noFork === cmd && this.opts.container !== undefined;
      try {
        code = this.runCommand(argv, assigns, ctx);
      } finally {
        this.execing = false;
      }
    }
    // execute_cmd.c bind_lastarg: once a command has run, bash's `_` is its last argument and no
    // longer exported (an inherited `_` stands in its hash place only until then).
    if (this.opts.container) this.state.exported?.delete('_');
    for (const p of pending) {
      const e = this.files()?.write(p.path, p.cap.text(), p.append);
      if (e) {
        ctx0.err(e);
        code = 1;
      }
    }
    return code;
  }

  applyRedirect(
    fd: number,
    op: string,
    target: string,
    ctx: ProcContext,
  ):
    | string
    | { ctx: ProcContext; file?: { path: string; append: boolean; cap: ReturnType<typeof capture> } } {
    const sh = this.errPrefix();
    if (op === '>&') {
      // 2>&1: stderr is whatever stdout is, a terminal only if stdout is one.
      if (target === '1') return { ctx: fd === 2 ? { ...ctx, err: ctx.out, errTty: ctx.tty === true } : ctx };
      if (target === '2') return { ctx: fd === 1 ? { ...ctx, out: ctx.err } : ctx };
      return `${sh}${target}: ambiguous redirect\n`;
    }
    if (target === '/dev/null') {
      if (op === '<') return { ctx: { ...ctx, stdin: '' } };
      const drop = () => {};
      return { ctx: fd === 2 ? { ...ctx, err: drop, errTty: false } : { ...ctx, out: drop } };
    }
    const files = this.files();
    if (!files) return `${sh}${target}: Read-only file system\n`;
    if (op === '<') {
      const text = files.read(target);
      if (text === undefined)
        // dash: `sh: 1: cannot open /nope: No such file` (redir.c openredirect, errmsg E_OPEN).
        return this.opts.flavor === 'dash'
          ? `${this.dashPrefix()}cannot open ${target}: No such file\n`
          : `${sh}${target}: No such file or directory\n`;
      return { ctx: { ...ctx, stdin: text } };
    }
    const cap = capture(ctx, ctx.stdin);
    const redirected = fd === 2 ? { ...ctx, err: cap.ctx.out, errTty: false } : { ...ctx, out: cap.ctx.out };
    return { ctx: redirected, file: { path: target, append: op === '>>', cap } };
  }

  runCommand(argv: string[], assigns: Record<string, string>, ctx: ProcContext): number {
    const name = argv[0] as string;
    if (this.opts.container) {
      const code = bashBuiltin(this, argv, ctx);
      if (code !== undefined) return code;
    }
    switch (name) {
      case 'exit': {
        const n = argv[1] === undefined ? this.state.lastExit : Number.parseInt(argv[1], 10);
        if (this.opts.flavor === 'dash' && argv[1] !== undefined && !/^[0-9]+$/.test(argv[1])) {
          // dash: `sh: 1: exit: Illegal number: x`, status 2; an error in a special builtin ends a
          // script, an interactive dash goes on (0.5.12-2).
          ctx.err(`${this.dashPrefix()}exit: Illegal number: ${argv[1]}\n`);
          if (!this.opts.interactive) this.state.exitRequested = 2;
          return 2;
        }
        const code = Number.isFinite(n) ? ((n % 256) + 256) % 256 : 2;
        this.state.exitRequested = code;
        return code;
      }
      case 'break':
      case 'continue': {
        const n = argv[1] === undefined ? 1 : Number(argv[1]);
        if (!Number.isInteger(n) || n < 1) {
          ctx.err(
            this.opts.dialect === 'bash'
              ? `bash: ${name}: ${argv[1]}: ${Number.isInteger(n) ? 'loop count out of range' : 'numeric argument required'}\n`
              : `${this.opts.flavor === 'dash' ? this.dashPrefix() : 'sh: '}${name}: Illegal number: ${argv[1]}\n`,
          );
          return this.opts.dialect === 'bash' && !Number.isInteger(n) ? 128 : Number.isInteger(n) ? 1 : 2;
        }
        const depth = this.state.loopDepth ?? 0;
        if (depth === 0) {
          if (this.opts.dialect === 'bash')
            ctx.err(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`);
          return 0;
        }
        this.state.loopCtl = { kind: name, n: Math.min(n, depth) };
        return 0;
      }
      case 'test':
      case '[':
        return testBuiltin(argv, ctx, this.opts.dialect, this.files());
      case 'true':
      case ':':
        return 0;
      case 'false':
        return 1;
      case 'export':
        if (this.state.exported && argv.slice(1).every((a) => a === '-p')) {
          ctx.out(exportList(this, this.state.exported));
          return 0;
        }
        if (
          this.opts.container &&
          argv[1]?.startsWith('-') &&
          !/^-[fnp]+$/.test(argv[1]) &&
          argv[1] !== '--'
        ) {
          ctx.err(
            `${this.errPrefix()}export: ${argv[1].slice(0, 2)}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`,
          );
          return 2;
        }
        for (const a of argv.slice(1)) {
          const eq = a.indexOf('=');
          if (eq > 0) this.exportVar(a.slice(0, eq), a.slice(eq + 1));
          else if (eq < 0 && !a.startsWith('-')) this.exportVar(a);
        }
        Object.assign(this.state.vars, assigns);
        return 0;
      case 'unset':
        for (const a of argv.slice(1)) {
          delete this.state.vars[a];
          this.state.exported?.delete(a);
        }
        return 0;
    }
    if (this.opts.dialect === 'sh' && this.state.cwd !== undefined) {
      if (name === 'cd' || name === 'chdir') return cdBuiltin(this, argv, ctx);
      if (name === 'pwd' && argv.slice(1).every((a) => /^-[LP]+$/.test(a))) {
        // pwdcmd: curdir, or with -P (cdopt: the last of -L/-P counts) getcwd's physical path.
        const physical = argv.slice(1).join('').endsWith('P');
        const cwd = this.state.cwd;
        ctx.out(`${physical ? (this.opts.files?.realpath?.(cwd) ?? cwd) : cwd}\n`);
        return 0;
      }
    }
    const fn = Object.hasOwn(this.table, name) ? this.table[name] : undefined;
    // A path to a file of the container's (a script the student wrote): execve's rules.
    if (!fn && name.includes('/') && this.inContainer && this.opts.files?.execve)
      return execPath(this, argv, this.environ(assigns), ctx);
    // A name the image's programs do not have: a file of the student's in a $PATH directory.
    if (!fn && this.inContainer && this.opts.files?.execve) {
      const code = execSearch(this, argv, assigns, ctx);
      if (code !== undefined) return code;
    }
    if (!fn && this.opts.container) return bashNotFound(this, name, ctx);
    if (!fn) {
      // dash: `sh: 1: foo: not found` (exec.c shellexec → exerror "%s: %s", errmsg ENOENT); ash: `sh: foo: not found`.
      ctx.err(
        this.opts.dialect === 'bash'
          ? `bash: ${name}: command not found\n`
          : this.opts.flavor === 'dash'
            ? `${this.dashPrefix()}${name}: not found\n`
            : `${this.ashPrefix()}${name}: not found\n`,
      );
      return 127;
    }
    const env = this.environ(
      assigns,
      this.opts.container ? (name.includes('/') ? name : `/usr/bin/${name}`) : undefined,
    );
    const code = fn(argv, { ...ctx, env, ...(this.state.cwd !== undefined ? { cwd: this.state.cwd } : {}) });
    return Number.isInteger(code) ? code : 1;
  }
}

/** A ProcContext whose stdout goes into a bounded buffer. */
export function capture(ctx: ProcContext, stdin: string): { ctx: ProcContext; text(): string } {
  const chunks: string[] = [];
  let size = 0;
  let truncated = false;
  const out = (t: string) => {
    if (size + t.length > MAX_CAPTURE) {
      if (!truncated) ctx.err('output truncated: more than 1000000 bytes\n');
      truncated = true;
      const room = MAX_CAPTURE - size;
      if (room > 0) chunks.push(t.slice(0, room));
      size = MAX_CAPTURE;
      return;
    }
    chunks.push(t);
    size += t.length;
  };
  return { ctx: { ...ctx, stdin, out, tty: false }, text: () => chunks.join('') };
}

/**
 * BusyBox `sh -c SCRIPT` for the in-Pod command tables: runs the script with `table`, writing
 * through `ctx`, and returns the exit code. Never throws on any input. A `bash` flavour is a
 * Debian image's bash (./pod-bash.ts; `source`: `-c` or the script file's name).
 */
export function runScript(
  script: string,
  table: CommandTable,
  ctx: ProcContext,
  files?: FileAccess,
  flavor?: 'ash' | 'dash' | (BashStart & { source?: string }),
  argv0?: string,
  /** The positional parameters, $1 on. */
  args?: string[],
): number {
  if (typeof flavor === 'object') {
    const { source, ...start } = flavor;
    return runBashScript(script, table, ctx, args ? { ...start, args } : start, files, source);
  }
  const shell = new Shell(
    table,
    {
      dialect: 'sh',
      ...(files ? { files } : {}),
      ...(flavor ? { flavor } : {}),
      ...(flavor === 'dash' && argv0 !== undefined ? { argv0 } : {}),
      // ash: a script file's name or `sh -c S NAME`'s NAME (its arg0 and commandname).
      ...(flavor !== 'dash' && argv0 !== undefined ? { script: argv0 } : {}),
    },
    { ...ctx.env },
  );
  if (args) shell.state.positional = args;
  return shell.runLine(script, ctx).exitCode;
}
