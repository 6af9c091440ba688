// Builds the core the store drives: the simulated cluster, the student's file system (the chapter
// folder ~/ch03), and the terminal session. TEMPORARY (session only): the kubectl terminal session is
// being written in parallel; until it lands a minimal session answers `ls`.

import { Vfs } from '../kubectl/vfs';
import { CH03_DIR, CH03_FILES } from '../scenarios/ch03';
import { createCluster } from '../sim/cluster';
import type { Cluster } from '../sim/contract';
import type { Core, CoreOptions, FileStore, TerminalSession } from './core-types';

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

function placeholderSession(files: FileStore, cluster: Cluster): TerminalSession {
  return {
    run(line) {
      const at = cluster.now();
      const cmd = line.trim().split(/\s+/)[0] ?? '';
      if (cmd === '') return { output: [], exitCode: 0, traces: [] };
      if (cmd === 'ls')
        return {
          output: [{ stream: 'stdout', text: `${files.list().join('\n')}\n`, at }],
          exitCode: 0,
          traces: [],
        };
      return {
        output: [{ stream: 'stderr', text: `${cmd}: command not found\n`, at }],
        exitCode: 127,
        traces: [],
      };
    },
    interrupt: () => [],
    complete: (line, cursor) => ({ line, cursor, candidates: [] }),
    prompt: () => 'student@playground:~/ch03$ ',
    busy: () => false,
    onOutput: () => () => {},
  };
}

export function createCore(opts: CoreOptions): Core {
  const cluster = createCluster({ seed: opts.seed, profile: opts.profile, proxyMode: opts.proxyMode });
  const vfs = new Vfs(() => cluster.now());
  vfs.mkdirp(CH03_DIR);
  const files = chapterFiles(vfs);
  for (const [p, text] of Object.entries(opts.files ?? CH03_FILES)) files.write(p, text);
  return { cluster, files, session: placeholderSession(files, cluster) };
}
