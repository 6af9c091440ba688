// The process model shared by the host shell (kubectl, ls, cat, grep …) and the in-Pod shells
// (BusyBox sh, ping, nslookup, wget, curl …). A command writes ordered output chunks stamped with
// simulated time, may advance the clock (ping waits 1 s per packet), and returns an exit code.
import type { Cluster, Trace } from '../../sim/contract';

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
  /** Simulated epoch ms when it was written (lets the UI reveal output as the clock runs). */
  at: number;
}

export interface ProcContext {
  cluster: Cluster;
  /** Whole stdin (pipes are run stage by stage, each stage's stdout becomes the next stage's stdin). */
  stdin: string;
  env: Record<string, string>;
  out(text: string): void;
  err(text: string): void;
  /** Record a packet/DNS trace so the UI can animate it. */
  trace(t: Trace): void;
  /** Let simulated time pass (runs controllers and timers). */
  sleep(ms: number): void;
  /** stdout is the terminal itself (not a pipe or a `$( )`): ls lays out columns. Absent = false. */
  tty?: boolean;
  /**
   * stderr is the terminal itself (not redirected to a file, /dev/null or a pipe): kubectl
   * colours its `Warning:` prefix there (../warnings). Absent = false.
   */
  errTty?: boolean;
  /**
   * The working directory an in-Pod shell passes to its commands (relative paths resolve against
   * it). Absent: the container's own (the image's WORKDIR or the Pod's workingDir).
   */
  cwd?: string;
}

/** A command: argv[0] is its name. Returns the exit code. */
export type CommandFn = (argv: string[], ctx: ProcContext) => number;

export type CommandTable = Record<string, CommandFn>;

export interface RunResult {
  output: OutputChunk[];
  exitCode: number;
  traces: Trace[];
}
