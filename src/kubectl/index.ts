// Public entry of the kubectl layer: the terminal session the UI drives, the headless replay,
// and the pieces other layers reuse (the BusyBox shell for Pods, the VFS).
//
// Driving a terminal:
//   const s = createTerminalSession({ cluster });            // fs defaults to ~/ch03 with the book's folders
//   const r = s.run('kubectl get pods');                      // { output: [{stream, text, at}], exitCode, traces,
//                                                             //   clear, busy, prompt }
//   r.busy → a foreground job (port-forward, get -w, logs -f) owns the terminal: show no prompt;
//            Ctrl-C → s.interrupt() (its output starts with the echoed `^C`).
//   s.onOutput((chunk, {busy, prompt}) => …)                  // output written outside run(): jobs, Pods dying;
//                                                             // chunk undefined = only busy/prompt changed
//   s.poll()                                                  // the same output, drained (headless callers)
//   s.prompt()                                                // `~/ch03$ `, `/ # ` inside exec -it, `> ` in a here-doc
//   s.complete(line, cursor) → { start, end, candidates, common }
//   s.browse(url, { method, body })                           // the UI's browser pane, as the host (port-forwards
//                                                             // print `Handling connection for N`)

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
