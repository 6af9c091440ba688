// Builds the core the store drives: the simulated cluster, the terminal session (bash-like shell with
// kubectl), and its file system holding the chapter folder ~/ch03, shared with the editor tabs.

import { createTerminalSession, defaultFs } from '../kubectl/session';
import type { Vfs } from '../kubectl/vfs';
import { CH03_DIR } from '../scenarios/ch03';
import { createCluster } from '../sim/cluster';
import type { Core, CoreOptions, FileStore } from './core-types';

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

export function createCore(opts: CoreOptions): Core {
  const cluster = createCluster({ seed: opts.seed, profile: opts.profile, proxyMode: opts.proxyMode });
  const fs = defaultFs(() => cluster.now());
  const session = createTerminalSession({ cluster, fs, cwd: CH03_DIR });
  return { cluster, files: chapterFiles(fs), session };
}
