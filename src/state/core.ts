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
import { Vfs } from '../kubectl/vfs';
import { CH03_DIR, CH03_FILES } from '../scenarios/ch03';
import { createCluster } from '../sim/cluster';
import type { Cluster } from '../sim/contract';
import type { Core, CoreOptions, FileStore, TerminalResult, TerminalSession } from './core-types';

type SessionModule = { createTerminalSession(opts: TerminalSessionOptions): TerminalSession };

let sessionModule: SessionModule | undefined;

let loading: Promise<void> | undefined;

/**
 * Load kubectl and the shell (idempotent). Cores created before it resolves attach their session on
 * first use. The app calls it once the first frame is painted.
 */
export function loadSession(): Promise<void> {
  loading ??= import('../kubectl/session').then((m) => {
    sessionModule = m;
  });
  return loading;
}

/** The editor sees paths relative to the chapter folder (`sleep/sleep1.yaml`), the shell absolute ones. */
function chapterFiles(vfs: Vfs): FileStore {
  const prefix = `${CH03_DIR}/`;
  return {
    list: () =>
      vfs
        .files()
        .filter((p) => p.startsWith(prefix))
        .map((p) => p.slice(prefix.length)),
    read: (p) => vfs.read(prefix + p),
    write: (p, t) => void vfs.write(prefix + p, t, { createParents: true }),
    remove: (p) => void vfs.remove(prefix + p),
  };
}

const NOT_READY = 'the terminal is still starting; try again in a moment\n';

/** The session for one core, created on first use once the kubectl chunk is loaded. */
function lazySession(cluster: Cluster, fs: Vfs): TerminalSession {
  let real: TerminalSession | undefined;
  const listeners = new Set<Parameters<TerminalSession['onOutput']>[0]>();
  const detach = new Map<Parameters<TerminalSession['onOutput']>[0], () => void>();
  const get = (): TerminalSession | undefined => {
    if (!real && sessionModule) {
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
    fs,
    run: (line) => get()?.run(line) ?? notReady(),
    interrupt: () => get()?.interrupt() ?? notReady(),
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
    busy: () => get()?.busy() ?? false,
    cwd: () => get()?.cwd() ?? CH03_DIR,
    jobs: () => get()?.jobs() ?? [],
    browse(url, opts) {
      const s = get();
      if (s) return s.browse(url, opts);
      return {
        error: { kind: 'refused', message: NOT_READY.trim() },
        traces: [],
        durationMs: 0,
        port: 0,
        connectMs: 0,
      };
    },
    snapshot: (): SessionSnapshot => get()?.snapshot() ?? { cwd: CH03_DIR, history: [], fs: fs.toJSON() },
    dispose: () => get()?.dispose(),
  };
}

export function createCore(opts: CoreOptions): Core {
  const cluster = createCluster({ seed: opts.seed, profile: opts.profile, proxyMode: opts.proxyMode });
  const fs = new Vfs(() => cluster.now());
  fs.mkdirp(CH03_DIR);
  for (const [p, text] of Object.entries(CH03_FILES))
    fs.write(`${CH03_DIR}/${p}`, text, { createParents: true });
  return { cluster, files: chapterFiles(fs), session: lazySession(cluster, fs) };
}
