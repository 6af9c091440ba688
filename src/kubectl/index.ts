// Public entry of the kubectl layer: the terminal session the UI drives, the headless replay,
// and the pieces other layers reuse (the BusyBox shell for Pods, the VFS).

export type { JobInfo } from './host/env';
export { type Replay, type ReplayOptions, type ReplayStep, replay, scriptLines } from './replay';
export {
  type Completion,
  createTerminalSession,
  defaultFs,
  type SessionSnapshot,
  type TerminalResult,
  type TerminalSession,
  type TerminalSessionOptions,
} from './session';
export { joinOutput, parse, runLine, runScript } from './shell/index';
export type { CommandFn, CommandTable, OutputChunk, ProcContext, RunResult } from './shell/types';
export { HOME, resolvePath, tildify, Vfs, type VfsJSON } from './vfs';
