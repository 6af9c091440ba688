// The student's terminal: one bash-like shell on the host with a working directory, variables,
// history, job control (`&`, `jobs`, `kill %N`, Ctrl-C) and the kubectl port-forward registry.
// A command that keeps running (port-forward, get -w, an interactive `exec -it … sh`) becomes
// the foreground job: the prompt disappears until it ends, and its later output arrives through
// `onOutput` / `poll()` as the simulated clock moves. Everything is synchronous and pure: time
// only passes through `cluster.advance` (sleep, wait, delete, ping …).

import { CH03_DIR, CH03_FILES } from '../scenarios/ch03/index';
import type { Pod } from '../sim/api/types';
import type { Cluster, Trace } from '../sim/contract';
import { workdir } from '../sim/workloads/busybox/info';
import { podHostname } from '../sim/workloads/hosts';
import type { HttpResult } from '../sim/workloads/http/types';
import { makeProc, podFiles, processEnv } from '../sim/workloads/proc';
import { trackServiceLinks } from '../sim/workloads/servicelinks';
import { completeLine } from './complete';
import { completeInPod } from './complete-pod';
import type { HostEnv, JobInfo } from './host/env';
import { fileCommands } from './host/files';
import { hostFetch, httpCommands } from './host/http';
import { jobLine, jobMarkers, miscCommands } from './host/misc';
import { textCommands } from './host/text';
import { kubectlCommand } from './kubectl';
import { shellPrompt } from './shell/cd';
import { type Continuation, type ListItem, parse, Shell } from './shell/index';
import { type PodLineEditing, podLineEditing, rememberLine, shellExited } from './shell/line-editing';
import { abandonBashInput, bashPrompt, containerBash, readBashLine } from './shell/pod-bash';
import type { CommandTable, OutputChunk, ProcContext, RunResult } from './shell/types';
import { defaultKubeconfig, type Kubeconfig } from './verbs/config-model';
import { execShellTable, podShellTable } from './verbs/podcommands';
import type {
  JobHandle,
  JobSpec,
  KubectlHost,
  PodShellOptions,
  PortForward,
  PortForwardRegistry,
} from './verbs/registry';
import { glob, HOME, resolvePath, tildify, Vfs, type VfsJSON } from './vfs';

/** Most text one `run()` may print; the rest is dropped with a note (hostile input guard). */
export const MAX_RUN_OUTPUT = 2_000_000;

export interface TerminalResult extends RunResult {
  /** The terminal should clear its screen (the `clear` command) before showing `output`. */
  clear: boolean;
  /** A foreground job owns the terminal (no prompt; Ctrl-C → `interrupt()`). */
  busy: boolean;
  /** The prompt to show next (`~/ch03$ `, or `/ # ` inside `kubectl exec -it … sh`). */
  prompt: string;
  /**
   * The line was read by a Pod's shell (`kubectl exec -it … sh|bash`), not the host's: it is that
   * shell's history (./shell/line-editing.ts), not the host's.
   */
  podShell?: true;
}

export interface Completion {
  /** Replace `line.slice(start, end)` with a candidate. */
  start: number;
  end: number;
  candidates: string[];
  /** The longest common prefix of the candidates (what a single Tab inserts). */
  common: string;
}

export interface TerminalSessionOptions {
  cluster: Cluster;
  /** The file system; by default a new one holding the chapter folder. */
  fs?: Vfs;
  cwd?: string;
  /**
   * A scripted editor for `kubectl edit` (tests, headless runs): gets the temp file's path and text
   * and returns the text the student would save. Without it the edit waits for `finishEdit`.
   */
  editor?: (path: string, text: string) => string;
}

/** The temp file `kubectl edit` has open in the editor. */
export interface OpenEdit {
  path: string;
  /** The file as kubectl wrote it (what "Cancel edit" leaves). */
  text: string;
}

export interface SessionSnapshot {
  cwd: string;
  history: string[];
  fs: VfsJSON;
}

export interface TerminalSession {
  readonly cluster: Cluster;
  readonly fs: Vfs;
  /** Run one command line (or, inside `exec -it … sh`, one line of the Pod's shell). */
  run(line: string): TerminalResult;
  /**
   * Run a line in the host shell even while a foreground program (an exec shell, port-forward)
   * owns the terminal — for the graph's quick actions and the editor's Apply, which act like a
   * second terminal. Not added to history. Meant for commands that do not block.
   */
  runDetached(line: string): TerminalResult;
  /** Ctrl-C: ends the foreground job (its output starts with the `^C` the terminal echoes). */
  interrupt(): TerminalResult;
  /** The file `kubectl edit` waits on, if any. */
  editing(): OpenEdit | undefined;
  /**
   * The student left the editor with `text` in the file: kubectl reads it and goes on (its output
   * arrives through `onOutput` / `poll()`, like a job's). Nothing happens when no edit is open.
   */
  finishEdit(text: string): void;
  /** Output written while no `run()` was active (jobs, after `cluster.advance`); drains it. */
  poll(): OutputChunk[];
  /** Called with each chunk written outside `run()`/`interrupt()`, and when busy/prompt change. */
  onOutput(
    listener: (chunk: OutputChunk | undefined, state: { busy: boolean; prompt: string }) => void,
  ): () => void;
  /** Tab completion at `cursor`. */
  complete(line: string, cursor?: number): Completion;
  readonly history: readonly string[];
  prompt(): string;
  /** Inside `exec -it … sh`: the Pod shell's own line editing (Ctrl-R), not bash's (./shell/line-editing). */
  podLineEditing?(): PodLineEditing | undefined;
  busy(): boolean;
  cwd(): string;
  jobs(): JobInfo[];
  /** The UI's browser pane fetching `http://localhost:…` as the student's machine. */
  browse(url: string, opts?: { method?: string; body?: string }): HttpResult;
  snapshot(): SessionSnapshot;
  /** Stop every job and unsubscribe from the cluster. */
  dispose(): void;
}

interface Job {
  id: number;
  pid: number;
  command: string;
  background: boolean;
  state: JobInfo['state'];
  exitCode: number;
  spec?: JobSpec;
  handle?: JobHandle;
  rest?: Continuation;
  /** Interactive shell inside a Pod (`kubectl exec -it … sh`). */
  podShell?: {
    shell: Shell;
    podKey: string;
    /** `kubectl run -it`: what kubectl prints and returns once the shell exits (PodShellOptions). */
    onExit?: (code: number, h: JobHandle) => number;
    stopWatching?: () => void;
  };
  signal?: 'Interrupt' | 'Terminated';
  /** `kubectl edit` waiting for its editor. */
  editor?: OpenEdit & { done: (text: string) => void };
  /** A background job whose commands slept: it ends when the clock reaches this time. */
  doneAt?: number;
  pendingCode?: number;
}

export function defaultFs(clock: () => number = () => 0): Vfs {
  const fs = new Vfs(clock);
  fs.mkdirp(CH03_DIR);
  for (const [p, text] of Object.entries(CH03_FILES))
    fs.write(`${CH03_DIR}/${p}`, text, { createParents: true });
  return fs;
}

class Session implements TerminalSession {
  readonly cluster: Cluster;
  readonly fs: Vfs;
  private cwdPath: string;
  private readonly historyList: string[] = [];
  private readonly jobList: Job[] = [];
  private fg: Job | undefined;
  private bgJob: Job | undefined;
  private currentItem = '';
  private nextPid = 4211;
  private sink: { chunks: OutputChunk[]; traces: Trace[]; size: number; truncated: boolean } | undefined;
  private pending: OutputChunk[] = [];
  private listeners = new Set<(c: OutputChunk | undefined, s: { busy: boolean; prompt: string }) => void>();
  private clearRequested = false;
  /** Lines typed so far of a command still reading its here-doc body. */
  private continued: string | undefined;
  private notices: string[] = [];
  private readonly forwardMap = new Map<number, PortForward>();
  /**
   * ~/.kube/config of this terminal (`kubectl config` changes it in place). Not saved: the page
   * replays the commands that changed it.
   */
  readonly kubeconfig: Kubeconfig;
  private readonly shell: Shell;
  private readonly table: CommandTable;
  private readonly scriptedEditor: TerminalSessionOptions['editor'];

  constructor(opts: TerminalSessionOptions) {
    this.cluster = opts.cluster;
    this.scriptedEditor = opts.editor;
    this.kubeconfig = defaultKubeconfig(opts.cluster.profile, opts.cluster.seed);
    this.fs = opts.fs ?? defaultFs(() => opts.cluster.now());
    this.cwdPath = opts.cwd ?? (this.fs.isDir(CH03_DIR) ? CH03_DIR : HOME);
    if (!this.fs.isDir(this.cwdPath)) this.fs.mkdirp(this.cwdPath);
    const env = this.hostEnv();
    const host = this.kubectlHost();
    this.table = {
      ...fileCommands(env),
      ...textCommands(env),
      ...miscCommands(env),
      ...httpCommands(env),
      kubectl: kubectlCommand(() => host),
    };
    this.shell = new Shell(
      this.table,
      {
        dialect: 'bash',
        files: {
          read: (p) => this.fs.read(resolvePath(this.cwdPath, p)),
          write: (p, text, append) => {
            const e = this.fs.write(resolvePath(this.cwdPath, p), text, { append });
            return e ? `bash: ${e}\n` : undefined;
          },
        },
        background: (item, run) => this.runBackground(item, run),
        glob: (pattern) => glob(this.fs, this.cwdPath, pattern),
        suspended: () => this.fg !== undefined && this.fg.state === 'Running',
        beforeItem: (item) => {
          this.currentItem = item.text;
        },
      },
      {
        HOME,
        USER: 'student',
        SHELL: '/bin/bash',
        PATH: '/usr/local/bin:/usr/bin:/bin',
        PWD: this.cwdPath,
        TERM: 'xterm-256color',
      },
    );
  }

  // ------------------------------------------------------------------ output plumbing

  private emit(stream: OutputChunk['stream'], text: string): void {
    if (text === '') return;
    const chunk: OutputChunk = { stream, text, at: this.cluster.now() };
    const s = this.sink;
    if (s) {
      if (s.size + text.length > MAX_RUN_OUTPUT) {
        if (!s.truncated) s.chunks.push({ stream: 'stderr', text: '\n[output truncated]\n', at: chunk.at });
        s.truncated = true;
        return;
      }
      s.size += text.length;
      s.chunks.push(chunk);
      return;
    }
    this.pending.push(chunk);
    if (this.pending.length > 10_000) this.pending.splice(0, this.pending.length - 10_000);
    for (const l of this.listeners) l(chunk, { busy: this.busy(), prompt: this.prompt() });
  }

  private ctx(): ProcContext {
    return {
      cluster: this.cluster,
      stdin: '',
      env: this.shell.state.vars,
      out: (t) => this.emit('stdout', t),
      err: (t) => this.emit('stderr', t),
      trace: (t) => {
        if (this.sink) this.sink.traces.push(t);
      },
      sleep: (ms) => this.cluster.advance(ms),
      tty: true,
      // The terminal is also stderr: kubectl colours its warnings here (./warnings).
      errTty: true,
    };
  }

  /** Run `fn` with output collected; `fn` may return the exit code to report (default: `$?`). */
  private collect(fn: () => unknown): TerminalResult {
    const outer = this.sink;
    const sink = { chunks: [] as OutputChunk[], traces: [] as Trace[], size: 0, truncated: false };
    this.sink = sink;
    this.clearRequested = false;
    let exitCode = this.shell.state.lastExit;
    try {
      const code = fn();
      exitCode = typeof code === 'number' ? code : this.shell.state.lastExit;
      this.tick();
      this.flushNotices();
    } catch (e) {
      // A bug must never take the terminal down: report it like a crashed program would.
      this.emit('stderr', `playground: internal error: ${(e as Error).message}\n`);
      exitCode = 1;
      this.shell.state.lastExit = 1;
    } finally {
      this.sink = outer;
    }
    return {
      output: sink.chunks,
      traces: sink.traces,
      exitCode,
      clear: this.clearRequested,
      busy: this.busy(),
      prompt: this.prompt(),
    };
  }

  private flushNotices(): void {
    const done = this.jobList.filter((j) => j.background && j.state !== 'Running');
    if (done.length === 0 && this.notices.length === 0) return;
    const marks = jobMarkers(this.jobList);
    for (const j of done) this.emit('stdout', `${jobLine(j, marks.get(j.id) ?? ' ')}\n`);
    for (const n of this.notices) this.emit('stdout', n);
    this.notices = [];
    for (const j of done) this.jobList.splice(this.jobList.indexOf(j), 1);
  }

  private notifyState(): void {
    for (const l of this.listeners) l(undefined, { busy: this.busy(), prompt: this.prompt() });
  }

  // ------------------------------------------------------------------ jobs

  private newJob(command: string, background: boolean): Job {
    const used = new Set(this.jobList.map((j) => j.id));
    let id = 1;
    while (used.has(id)) id++;
    const job: Job = { id, pid: this.nextPid, command, background, state: 'Running', exitCode: 0 };
    this.nextPid += 17;
    return job;
  }

  private runBackground(item: ListItem, run: (ctx: ProcContext) => number): void {
    const job = this.newJob(item.text, true);
    this.jobList.push(job);
    this.emit('stderr', `[${job.id}] ${job.pid}\n`);
    const prev = this.bgJob;
    this.bgJob = job;
    try {
      // A background job does not hold up the prompt: its sleeps do not move the clock. Their
      // total is when the job ends (`sleep 5 &` stays Running in `jobs` for 5 s).
      let slept = 0;
      const code = run({
        ...this.ctx(),
        sleep: (ms: number) => {
          slept += Math.max(0, ms);
        },
        tty: true,
      });
      if (!job.spec) {
        if (slept > 0) {
          job.doneAt = this.cluster.now() + slept;
          job.pendingCode = code;
        } else {
          job.state = code === 0 ? 'Done' : 'Exit';
          job.exitCode = code;
        }
      }
    } finally {
      this.bgJob = prev;
    }
  }

  private startJob(spec: JobSpec): JobHandle {
    const job = this.bgJob ?? this.newJob(this.currentItem, false);
    job.spec = spec;
    if (!this.bgJob) this.fg = job;
    return this.makeHandle(job);
  }

  private makeHandle(job: Job): JobHandle {
    const handle: JobHandle = {
      id: job.id,
      pid: job.pid,
      out: (t) => this.emit('stdout', t),
      err: (t) => this.emit('stderr', t),
      finish: (code) => this.finishJob(job, code),
      get done() {
        return job.state !== 'Running';
      },
    };
    job.handle = handle;
    return handle;
  }

  private finishJob(job: Job, code: number): void {
    if (job.state !== 'Running') return;
    if (job.state === 'Running') job.state = code === 0 ? 'Done' : 'Exit';
    if (job.signal) job.state = job.signal;
    job.exitCode = code;
    job.spec?.onEnd?.();
    if (this.fg === job) {
      this.fg = undefined;
      const rest = job.rest;
      delete job.rest;
      this.shell.state.lastExit = code;
      if (rest) this.resume(rest, code);
      if (!this.sink) this.notifyState();
    }
  }

  private resume(rest: Continuation, code: number): void {
    const r = this.shell.resume(rest, code, this.ctx());
    if (r.rest && this.fg) this.fg.rest = r.rest;
  }

  private signal(job: Job, sig: 'INT' | 'TERM'): void {
    job.signal = sig === 'INT' ? 'Interrupt' : 'Terminated';
    if (job.spec && job.handle) job.spec.onSignal(sig, job.handle);
    if (job.state === 'Running') this.finishJob(job, sig === 'INT' ? 130 : 143);
  }

  // ------------------------------------------------------------------ host services

  private hostEnv(): HostEnv {
    return {
      fs: this.fs,
      cwd: () => this.cwdPath,
      setCwd: (p) => {
        this.shell.state.vars.OLDPWD = this.cwdPath;
        this.cwdPath = p;
        this.shell.state.vars.PWD = p;
      },
      history: () => this.historyList,
      jobs: () => this.jobs(),
      killJob: (id, by) => {
        const job = this.jobList.find(
          (j) => (by === 'job' ? j.id === id : j.pid === id) && j.state === 'Running',
        );
        if (!job) return false;
        this.signal(job, 'TERM');
        return true;
      },
      clear: () => {
        this.clearRequested = true;
      },
      forwards: this.forwardRegistry(),
      commandNames: () => Object.keys(this.table).sort(),
    };
  }

  private forwardRegistry(): PortForwardRegistry {
    return {
      get: (p) => this.forwardMap.get(p),
      add: (f) => {
        this.forwardMap.set(f.localPort, f);
      },
      remove: (p) => {
        this.forwardMap.delete(p);
      },
      list: () => [...this.forwardMap.values()].sort((a, b) => a.localPort - b.localPort),
    };
  }

  private kubectlHost(): KubectlHost {
    return {
      readFile: (p) => this.fs.read(resolvePath(this.cwdPath, p)),
      stat: (p) => this.fs.stat(resolvePath(this.cwdPath, p))?.type,
      readDir: (p) => this.fs.list(resolvePath(this.cwdPath, p)),
      startJob: (spec) => this.startJob(spec),
      forwards: this.forwardRegistry(),
      kubeconfig: this.kubeconfig,
      openPodShell: (podKey, container, command, opts) => this.openPodShell(podKey, container, command, opts),
      editFile: (path, text, done) => this.openEditor(path, text, done),
      removeFile: (p) => {
        this.fs.remove(resolvePath(this.cwdPath, p));
      },
      writeFile: (p, text) => {
        this.fs.write(resolvePath(this.cwdPath, p), text);
      },
      mkdir: (p) => {
        this.fs.mkdirp(resolvePath(this.cwdPath, p));
      },
    };
  }

  /** `kubectl edit`'s editor: the temp file written, then the editor tab (or the scripted editor). */
  private openEditor(path: string, text: string, done: (text: string) => void): void {
    const abs = resolvePath(this.cwdPath, path);
    this.fs.write(abs, text, { createParents: true });
    const job = this.bgJob ?? this.fg;
    if (this.scriptedEditor || !job) {
      const saved = this.scriptedEditor ? this.scriptedEditor(abs, text) : text;
      this.fs.write(abs, saved, { createParents: true });
      done(saved);
      return;
    }
    job.editor = { path: abs, text, done };
    if (!this.sink) this.notifyState();
  }

  editing(): OpenEdit | undefined {
    const job = [...(this.fg ? [this.fg] : []), ...this.jobList].find(
      (j) => j.editor && j.state === 'Running',
    );
    return job?.editor ? { path: job.editor.path, text: job.editor.text } : undefined;
  }

  finishEdit(text: string): void {
    const job = [...(this.fg ? [this.fg] : []), ...this.jobList].find(
      (j) => j.editor && j.state === 'Running',
    );
    const ed = job?.editor;
    if (!job || !ed) return;
    delete job.editor;
    // Output goes where a job's does (the terminal's onOutput), not into a run's result.
    const outer = this.sink;
    this.sink = undefined;
    try {
      this.fs.write(ed.path, text, { createParents: true });
      ed.done(text);
    } catch (e) {
      this.emit('stderr', `playground: internal error: ${(e as Error).message}\n`);
      this.finishJob(job, 1);
    } finally {
      this.sink = outer;
    }
    // The editor opened again (the file had errors): tell the terminal and the editor panel.
    if (job.editor && !this.sink) this.notifyState();
  }

  private openPodShell(
    podKey: string,
    container: string,
    command: string[],
    opts?: PodShellOptions,
  ): JobHandle {
    const table = opts?.attached
      ? podShellTable(this.cluster, podKey, container)
      : execShellTable(this.cluster, podKey, command, container);
    const [, namespace, name] = podKey.split('/') as [string, string, string];
    const pod = this.cluster.get('Pod', namespace, name);
    const proc = pod ? makeProc(this.cluster, podKey, pod as Pod, {}, container) : undefined;
    const env = proc ? Object.fromEntries(processEnv(proc)) : { HOME: '/root' };
    // Redirections write into the container (`echo ok > /tmp/healthy`), as `sh -c` scripts do.
    // BusyBox ash in the Alpine/busybox images, dash in Debian's (nginx); it reads the terminal.
    // `bash` (Debian's images have it) is bash itself: ./shell/pod-bash.ts.
    const flavor = proc?.info.tools === 'debian-curl' ? 'dash' : 'ash';
    const cwd = proc ? workdir(proc) : '/';
    const argv0 = command[0] ?? 'sh';
    const isBash = pod !== undefined && argv0.split('/').pop() === 'bash' && Object.hasOwn(table, argv0);
    const shell = isBash
      ? containerBash(
          table,
          env,
          { argv0, hostname: podHostname(this.cluster, pod as Pod) },
          { interactive: true, cwd, ...(proc ? { files: podFiles(proc) } : {}) },
        )
      : new Shell(
          table,
          {
            dialect: 'sh',
            interactive: true,
            flavor,
            // dash's errors start with the name it was run by (`/bin/sh: 1: foo: not found`).
            ...(flavor === 'dash' ? { argv0 } : {}),
            ...(proc ? { files: podFiles(proc) } : {}),
          },
          env,
        );
    // It starts in the container's working directory (WORKDIR or the Pod's workingDir), as PWD.
    shell.state.cwd = cwd;
    shell.state.vars.PWD = cwd;
    // bash reads its history file when it starts (shell.c: load_history), ash when it first edits a line.
    if (isBash) podLineEditing(shell).history();
    const uid = pod?.metadata.uid;
    let unsubscribe: (() => void) | undefined;
    const handle = this.startJob({
      onSignal: () => {
        // Ctrl-C inside the Pod's shell only abandons the line being typed.
      },
      onEnd: () => unsubscribe?.(),
    });
    // The container is killed under the shell when its Pod goes: SIGKILL after the grace period.
    unsubscribe = this.cluster.subscribe(() => {
      if (handle.done) return;
      const cur = this.cluster.get('Pod', namespace, name);
      if (!cur || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp) {
        handle.err('command terminated with exit code 137\n');
        handle.finish(137);
      }
    });
    const job = this.fg;
    if (job) {
      job.podShell = { shell, podKey };
      if (opts?.onExit) {
        job.podShell.onExit = opts.onExit;
        job.podShell.stopWatching = () => unsubscribe?.();
      }
    }
    return handle;
  }

  // ------------------------------------------------------------------ public API

  run(line: string): TerminalResult {
    const fg = this.fg;
    if (fg?.podShell) {
      const { shell, onExit, stopWatching } = fg.podShell;
      const result = this.collect(() => {
        const ctx = { ...this.ctx(), env: shell.state.vars };
        // ash keeps the line in its own history (and its file) before running it; bash reads on
        // at its `> ` prompt until the command is whole (shell/pod-bash.ts).
        const text = shell.opts.container ? readBashLine(shell, line) : line;
        if (!shell.opts.container) rememberLine(shell, line);
        if (text === undefined) return shell.state.lastExit;
        const r = shell.runLine(text, ctx);
        if (shell.state.exitRequested !== undefined) {
          // bash writes this session's lines to its history file as it exits.
          shellExited(shell);
          // `exit N` ends `kubectl exec -it`, which reports a non-zero status like any exec.
          const code = shell.state.exitRequested;
          if (onExit && fg.handle) {
            // kubectl run -it: the session's end is reported by run.go, not as an exec status.
            stopWatching?.();
            const final = onExit(code, fg.handle);
            fg.handle.finish(final);
            return final;
          }
          if (code !== 0) this.emit('stderr', `command terminated with exit code ${code}\n`);
          fg.handle?.finish(code);
          return code;
        }
        return r.exitCode;
      });
      return { ...result, podShell: true };
    }
    if (fg) {
      // Typed into a program that does not read its input (port-forward, get -w): ignored.
      return this.collect(() => {});
    }
    // A here-document (`kubectl apply -f - <<EOF`), an open loop (`for … do` without `done`) or a
    // trailing `|` / `&&` keeps reading lines at the `> ` prompt, as interactive bash does.
    const text = this.continued === undefined ? line : `${this.continued}\n${line}`;
    const parsed = parse(text);
    if ((parsed.ok && parsed.heredocEof !== undefined) || (!parsed.ok && parsed.problem.kind === 'eof')) {
      this.continued = text;
      return this.collect(() => {});
    }
    this.continued = undefined;
    if (text.trim() !== '') this.historyList.push(text);
    return this.collect(() => {
      const r = this.shell.runLine(text, this.ctx());
      if (r.rest && this.fg) this.fg.rest = r.rest;
    });
  }

  runDetached(line: string): TerminalResult {
    if (!this.fg) return this.run(line);
    return this.collect(() => {
      this.shell.runLine(line, this.ctx());
    });
  }

  interrupt(): TerminalResult {
    this.continued = undefined;
    return this.collect(() => {
      this.emit('stdout', '^C\n');
      const fg = this.fg;
      if (!fg || fg.podShell) {
        if (!fg) this.shell.state.lastExit = 130;
        if (fg?.podShell?.shell.opts.container) abandonBashInput(fg.podShell.shell);
        return;
      }
      this.signal(fg, 'INT');
    });
  }

  private tick(): void {
    for (const j of this.jobList) {
      if (j.state === 'Running' && j.doneAt !== undefined && this.cluster.now() >= j.doneAt)
        this.finishJob(j, j.pendingCode ?? 0);
    }
    for (const j of [...this.jobList, ...(this.fg ? [this.fg] : [])]) {
      if (j.state === 'Running' && j.handle) j.spec?.onTick?.(j.handle);
    }
  }

  poll(): OutputChunk[] {
    this.tick();
    const out = this.pending;
    this.pending = [];
    return out;
  }

  onOutput(
    listener: (chunk: OutputChunk | undefined, state: { busy: boolean; prompt: string }) => void,
  ): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  complete(line: string, cursor = line.length): Completion {
    // Inside `kubectl exec -it … sh` the container's shell completes, against the container's files.
    const ps = this.fg?.podShell;
    if (ps) return completeInPod(this.cluster, ps.podKey, ps.shell, line, cursor);
    return completeLine(this, line, cursor);
  }

  get history(): readonly string[] {
    return this.historyList;
  }

  prompt(): string {
    // ash's `\w # ` follows its `cd` (`/usr/share/nginx/html # `); dash's is `# ` (cd.ts);
    // bash's `root@web-…:/etc/nginx# ` (shell/pod-bash.ts).
    const podShell = this.fg?.podShell?.shell;
    if (podShell) return podShell.opts.container ? bashPrompt(podShell) : shellPrompt(podShell);
    if (this.continued !== undefined) return '> ';
    return `${tildify(this.cwdPath)}$ `;
  }

  podLineEditing(): PodLineEditing | undefined {
    return this.fg?.podShell ? podLineEditing(this.fg.podShell.shell) : undefined;
  }

  busy(): boolean {
    return this.fg !== undefined && !this.fg.podShell;
  }

  cwd(): string {
    return this.cwdPath;
  }

  jobs(): JobInfo[] {
    return this.jobList
      .filter((j) => j.background)
      .map((j) => ({ id: j.id, pid: j.pid, command: j.command, state: j.state, exitCode: j.exitCode }));
  }

  browse(url: string, opts: { method?: string; body?: string } = {}): HttpResult {
    const r = hostFetch(this.hostEnv(), this.ctx(), {
      url,
      method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
      headers: {},
      ...(opts.body !== undefined ? { body: opts.body } : {}),
    });
    this.tick();
    return r;
  }

  snapshot(): SessionSnapshot {
    return { cwd: this.cwdPath, history: [...this.historyList], fs: this.fs.toJSON() };
  }

  dispose(): void {
    for (const j of [...this.jobList, ...(this.fg ? [this.fg] : [])]) {
      if (j.state === 'Running') this.signal(j, 'TERM');
    }
    this.listeners.clear();
  }

  /** For completion: the host command names. */
  commandNames(): string[] {
    return Object.keys(this.table).sort();
  }
}

export function createTerminalSession(opts: TerminalSessionOptions): TerminalSession {
  // Containers see the Services that existed when they started (kubelet's docker-link env vars):
  // keep each Service's history from now on, so a later `env` in a Pod is exact.
  trackServiceLinks(opts.cluster);
  return new Session(opts);
}
