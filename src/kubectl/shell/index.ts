// Public face of the shell: parse, run a line into a RunResult, and BusyBox `sh -c` for Pods.
import type { Trace } from '../../sim/contract';
import { type ExecOptions, Shell } from './exec';
import type { Dialect } from './parse';
import type { CommandTable, OutputChunk, ProcContext, RunResult } from './types';

export type { AndOr, ListItem, Pipeline, Script, SimpleCommand, Word } from './ast';
export { type Continuation, capture, type ExecOptions, type FileAccess, runScript, Shell } from './exec';
export { type Dialect, MAX_LINE_LENGTH, MAX_SUBST_DEPTH, parse, syntaxMessage } from './parse';
export type { CommandFn, CommandTable, OutputChunk, ProcContext, RunResult } from './types';

export type BaseContext = Pick<ProcContext, 'cluster' | 'env' | 'sleep'>;

/** Run one line with a fresh shell and collect stdout/stderr in order (tests, simple callers). */
export function runLine(
  line: string,
  table: CommandTable,
  base: BaseContext,
  opts: Partial<ExecOptions> & { dialect?: Dialect } = {},
): RunResult {
  const output: OutputChunk[] = [];
  const traces: Trace[] = [];
  const push = (stream: OutputChunk['stream'], text: string) => {
    if (text === '') return;
    output.push({ stream, text, at: base.cluster.now() });
  };
  const ctx: ProcContext = {
    ...base,
    stdin: '',
    out: (t) => push('stdout', t),
    err: (t) => push('stderr', t),
    trace: (t) => traces.push(t),
  };
  const shell = new Shell(table, { dialect: 'bash', ...opts }, { ...base.env });
  const { exitCode } = shell.runLine(line, ctx);
  return { output, exitCode, traces };
}

/** stdout and stderr joined in the order they were written. */
export function joinOutput(r: RunResult): string {
  return r.output.map((c) => c.text).join('');
}
