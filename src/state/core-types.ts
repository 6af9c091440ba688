// The shapes the store needs from the pure core (src/sim, src/kubectl). The store talks to the core only
// through these, so `./core.ts` is the one place that wires the real cluster and terminal session.
import type { Completion, TerminalResult, TerminalSession } from '../kubectl/session';
import type { OutputChunk, RunResult } from '../kubectl/shell/types';
import type { Cluster, ProfileName, ProxyMode } from '../sim/contract';

export type { Completion, OutputChunk, RunResult, TerminalResult, TerminalSession };

/** The chapter folder of the VFS as the editor sees it: paths relative to ~/ch03 (`sleep/sleep1.yaml`). */
export interface FileStore {
  /** Every file path under the chapter folder, sorted. */
  list(): string[];
  read(path: string): string | undefined;
  write(path: string, text: string): void;
  remove(path: string): void;
}

export interface CoreOptions {
  seed: number;
  profile: ProfileName;
  proxyMode: ProxyMode;
}

export interface Core {
  cluster: Cluster;
  /** The same VFS the terminal session reads (`cat`, `kubectl apply -f`). */
  files: FileStore;
  session: TerminalSession;
}
