// Builds the core the store drives: the simulated cluster, the student's file system (the chapter
// folder ~/ch03, shared by the editor tabs and the terminal), and the terminal session (bash-like shell
// with kubectl).
//
// The session and everything behind it (kubectl, its printers, the shell, js-yaml) is a separate chunk
// loaded after the first paint: the graph needs only the cluster, and this keeps the JS that must
// load before it small. `loadSession()` resolves when the chunk is in; until then the session
// answers that the terminal is still starting (the UI keeps Apply disabled and the terminal waits).

import type { SessionSnapshot, TerminalSessionOptions } from '../kubectl/session';
import type { OutputChunk } from '../kubectl/shell/types';
import type { Vfs } from '../kubectl/vfs';
import { CH03_DIR, CH03_FILES } from '../scenarios/ch03';
import { createCluster } from '../sim/cluster-core';
import type { Cluster } from '../sim/contract';
import type { Core, CoreOptions, FileStore, TerminalResult, TerminalSession } from './core-types';

type SessionModule = { createTerminalSession(opts: TerminalSessionOptions): TerminalSession };
type VfsModule = { Vfs: typeof Vfs };

let sessionModule: SessionModule | undefined;
let vfsModule: VfsModule | undefined;

let loading: Promise<void> | undefined;

/**
 * Load kubectl and the shell (idempotent). Cores created before it resolves attach their session on
 * first use. The app calls it once the first frame is painted.
 */
export function loadSession(): Promise<void> {
  // The core's late parts (tracer, DNS, rule printers, apply: src/sim/late) come with it.
  loading ??= Promise.all([
    import('../kubectl/session'),
    import('../kubectl/vfs'),
    import('../sim/late-impl'),
  ]).then(([m, v]) => {
    sessionModule = m;
    vfsModule = v;
  });
  return loading;
}

/** A file operation made before the VFS existed, with the simulated time it happened at. */
type EarlyOp = { at: number; path: string; text?: string };

/**
 * The student's file system, created with the kubectl chunk (the Vfs class lives there). Until then the
 * chapter files live in a Map, and every write/remove is logged with its simulated time; the Vfs
 * replays the log on creation, so `ls -l` shows the same mtimes as if it had existed from the start.
 */
class LazyVfs {
  private vfs: Vfs | undefined;
  private readonly early = new Map<string, string>();
  private readonly log: EarlyOp[] = [];
  private readonly startedAt: number;

  constructor(private readonly cluster: Cluster) {
    this.startedAt = cluster.now();
    for (const [p, text] of Object.entries(CH03_FILES)) this.early.set(`${CH03_DIR}/${p}`, text);
  }

  /** The real Vfs, or undefined while the kubectl chunk is not loaded. */
  get(): Vfs | undefined {
    if (!this.vfs && vfsModule) {
      let pinned: number | undefined = this.startedAt;
      const fs = new vfsModule.Vfs(() => pinned ?? this.cluster.now());
      fs.mkdirp(CH03_DIR);
      for (const [p, text] of Object.entries(CH03_FILES))
        fs.write(`${CH03_DIR}/${p}`, text, { createParents: true });
      for (const op of this.log) {
        pinned = op.at;
        if (op.text === undefined) fs.remove(op.path);
        else fs.write(op.path, op.text, { createParents: true });
      }
      pinned = undefined;
      this.vfs = fs;
      this.log.length = 0;
    }
    return this.vfs;
  }

  /** The files before the Vfs exists (a snapshot taken that early). */
  earlyFiles(): ReadonlyMap<string, string> {
    return this.early;
  }
  files(): string[] {
    return this.get()?.files() ?? [...this.early.keys()].sort();
  }
  read(p: string): string | undefined {
    const fs = this.get();
    return fs ? fs.read(p) : this.early.get(p);
  }
  write(p: string, text: string): void {
    const fs = this.get();
    if (fs) fs.write(p, text, { createParents: true });
    else {
      this.early.set(p, text);
      this.log.push({ at: this.cluster.now(), path: p, text });
    }
  }
  remove(p: string): void {
    const fs = this.get();
    if (fs) fs.remove(p);
    else if (this.early.delete(p)) this.log.push({ at: this.cluster.now(), path: p });
  }
}

/** `Vfs#toJSON` of the early files: every parent directory, sorted, then the files. */
function earlyJson(lazyFs: LazyVfs): SessionSnapshot['fs'] {
  const dirs = new Set<string>();
  const files: Record<string, string> = {};
  for (const [p, text] of [...lazyFs.earlyFiles()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files[p] = text;
    for (let i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
  }
  return { version: 1, dirs: [...dirs].sort(), files };
}

/** The editor sees paths relative to the chapter folder (`sleep/sleep1.yaml`), the shell absolute ones. */
function chapterFiles(vfs: LazyVfs): FileStore {
  const prefix = `${CH03_DIR}/`;
  return {
    list: () =>
      vfs
        .files()
        .filter((p) => p.startsWith(prefix))
        .map((p) => p.slice(prefix.length)),
    read: (p) => vfs.read(prefix + p),
    write: (p, t) => vfs.write(prefix + p, t),
    remove: (p) => vfs.remove(prefix + p),
  };
}

const NOT_READY = 'the terminal is still starting; try again in a moment\n';

/** The session for one core, created on first use once the kubectl chunk is loaded. */
function lazySession(cluster: Cluster, lazyFs: LazyVfs): TerminalSession {
  let real: TerminalSession | undefined;
  const listeners = new Set<Parameters<TerminalSession['onOutput']>[0]>();
  const detach = new Map<Parameters<TerminalSession['onOutput']>[0], () => void>();
  const get = (): TerminalSession | undefined => {
    const fs = lazyFs.get();
    if (!real && sessionModule && fs) {
      real = sessionModule.createTerminalSession({ cluster, fs, cwd: CH03_DIR });
      for (const l of listeners) detach.set(l, real.onOutput(l));
    }
    return real;
  };
  const notReady = (): TerminalResult => ({
    output: [{ stream: 'stderr', text: NOT_READY, at: cluster.now() }],
    exitCode: 1,
    traces: [],
    clear: false,
    busy: false,
    prompt: '~/ch03$ ',
  });
  return {
    cluster,
    get fs(): Vfs {
      const fs = lazyFs.get();
      if (!fs) throw new Error('the file system is created with the terminal session (loadSession)');
      return fs;
    },
    run: (line) => get()?.run(line) ?? notReady(),
    runDetached: (line) => get()?.runDetached(line) ?? notReady(),
    interrupt: () => get()?.interrupt() ?? notReady(),
    editing: () => get()?.editing(),
    finishEdit: (text) => get()?.finishEdit(text),
    poll: (): OutputChunk[] => get()?.poll() ?? [],
    onOutput(listener) {
      const s = get();
      if (s) return s.onOutput(listener);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        detach.get(listener)?.();
      };
    },
    complete: (line, cursor) =>
      get()?.complete(line, cursor) ?? { start: 0, end: 0, candidates: [], common: '' },
    get history() {
      return get()?.history ?? [];
    },
    prompt: () => get()?.prompt() ?? '~/ch03$ ',
    podLineEditing: () => get()?.podLineEditing?.(),
    busy: () => get()?.busy() ?? false,
    cwd: () => get()?.cwd() ?? CH03_DIR,
    jobs: () => get()?.jobs() ?? [],
    browse(url, opts) {
      const s = get();
      if (s) return s.browse(url, opts);
      return {
        error: { kind: 'refused', message: NOT_READY.trim(), code: { key: 'appNotReady', params: {} } },
        traces: [],
        durationMs: 0,
        port: 0,
        connectMs: 0,
      };
    },
    snapshot: (): SessionSnapshot =>
      get()?.snapshot() ?? { cwd: CH03_DIR, history: [], fs: lazyFs.get()?.toJSON() ?? earlyJson(lazyFs) },
    dispose: () => get()?.dispose(),
  };
}

export function createCore(opts: CoreOptions): Core {
  const cluster = createCluster({ seed: opts.seed, profile: opts.profile, proxyMode: opts.proxyMode });
  const fs = new LazyVfs(cluster);
  return { cluster, files: chapterFiles(fs), session: lazySession(cluster, fs) };
}
