// What the host commands (ls, cd, jobs, curl …) need from the terminal session.

import type { PortForwardRegistry } from '../verbs/registry';
import type { Vfs } from '../vfs';

export interface JobInfo {
  id: number;
  pid: number;
  command: string;
  state: 'Running' | 'Done' | 'Exit' | 'Terminated' | 'Interrupt';
  exitCode: number;
}

export interface HostEnv {
  fs: Vfs;
  cwd(): string;
  setCwd(path: string): void;
  history(): readonly string[];
  jobs(): JobInfo[];
  /** `kill %N` / `kill PID`: send TERM to a job; false if no such job. */
  killJob(id: number, by: 'job' | 'pid'): boolean;
  /** Ask the terminal to clear its screen. */
  clear(): void;
  forwards: PortForwardRegistry;
  /** Names of every command the host shell knows (for `help`). */
  commandNames(): string[];
}
