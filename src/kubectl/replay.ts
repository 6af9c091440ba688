// Headless replay: play command lines against a fresh cluster and produce the transcript the
// terminal would show (`$ <line>` then stdout+stderr in order). The browser terminal and the
// golden tests run this same session code. A line typed while a foreground job (port-forward,
// get -w) still runs is preceded by Ctrl-C, as the student would have to.
import { createCluster } from '../sim/cluster';
import type { ClusterOptions } from '../sim/contract';
import { createTerminalSession, defaultFs, type TerminalSession } from './session';
import type { OutputChunk, RunResult } from './shell/types';
import { normalize, resolvePath, type Vfs } from './vfs';

export interface ReplayOptions extends ClusterOptions {
  /** Simulated time between two lines (the student reading and typing). Default 2000. */
  thinkMs?: number;
  /** Files to place in the virtual file system before starting: virtual path → text. */
  mounts?: { dir: string; files: Record<string, string> }[];
}

export interface ReplayStep {
  line: string;
  output: OutputChunk[];
  exitCode: number;
  traces: RunResult['traces'];
}

export interface Replay {
  session: TerminalSession;
  steps: ReplayStep[];
  transcript: string;
}

/** Lines to play: blank lines and `#` comment lines are skipped. */
export function scriptLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

export function mountInto(fs: Vfs, dir: string, files: Record<string, string>, cwd = '/home/student'): void {
  const base = normalize(resolvePath(cwd, dir));
  fs.mkdirp(base);
  for (const [rel, text] of Object.entries(files)) fs.write(`${base}/${rel}`, text, { createParents: true });
}

export function replay(script: string, opts: ReplayOptions): Replay {
  const cluster = createCluster(opts);
  const fs = defaultFs(() => cluster.now());
  for (const m of opts.mounts ?? []) mountInto(fs, m.dir, m.files);
  const session = createTerminalSession({ cluster, fs });
  const think = opts.thinkMs ?? 2000;
  const steps: ReplayStep[] = [];
  let transcript = '';
  const lines = scriptLines(script);
  lines.forEach((line, i) => {
    // Lines of a here-document are pasted with their command: no reading time between them.
    if (i > 0 && session.prompt() !== '> ') cluster.advance(think);
    let pre: OutputChunk[] = session.poll();
    if (session.busy()) {
      const r = session.interrupt();
      pre = [...pre, ...r.output];
    }
    transcript += pre.map((c) => c.text).join('');
    // Inside `kubectl exec -it … sh` the line is typed at the Pod shell's prompt.
    const prompt = session.prompt();
    const shown = prompt.endsWith('$ ') ? '$ ' : prompt;
    const r = session.run(line);
    const after = session.poll();
    const output = [...r.output, ...after];
    transcript += `${shown}${line}\n${output.map((c) => c.text).join('')}`;
    steps.push({ line, output, exitCode: r.exitCode, traces: r.traces });
  });
  return { session, steps, transcript };
}
