// The shapes the store needs from the pure core (src/sim, src/kubectl). The store talks to the core only
// through these, so wiring the real cluster and terminal session in `./core.ts` is the one place to change.
import type { OutputChunk, RunResult } from '../kubectl/shell/types';
import type { Cluster, ProfileName, ProxyMode } from '../sim/contract';

export type { OutputChunk, RunResult };

/** The virtual file system shared by the editor tabs and the terminal (`cat`, `kubectl apply -f`). */
export interface FileStore {
  /** Every file path, relative to the chapter folder (`sleep/sleep1.yaml`), sorted. */
  list(): string[];
  read(path: string): string | undefined;
  write(path: string, text: string): void;
  remove(path: string): void;
}

export interface Completion {
  /** The line after completion (common prefix applied). */
  line: string;
  cursor: number;
  /** When several candidates remain, they are listed (bash prints them on a new line). */
  candidates: string[];
}

export interface TerminalSession {
  run(line: string): RunResult;
  /** Ctrl-C: ends a foreground job (port-forward); returns what the job printed on the way out. */
  interrupt(): OutputChunk[];
  complete(line: string, cursor: number): Completion;
  /** `student@playground:~/ch03$ ` */
  prompt(): string;
  /** True while a foreground job (port-forward) holds the terminal. */
  busy(): boolean;
  /** Output a running job writes after `run` returned (port-forward's `Handling connection for 8080`). */
  onOutput(listener: (chunks: OutputChunk[]) => void): () => void;
}

export interface CoreOptions {
  seed: number;
  profile: ProfileName;
  proxyMode: ProxyMode;
  /** Files to start from (path → text); the chapter's files when omitted. */
  files?: Record<string, string>;
}

export interface Core {
  cluster: Cluster;
  files: FileStore;
  session: TerminalSession;
}
