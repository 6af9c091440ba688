// The fluent test driver with a kubectl step (STYLE habit 7):
//   kdrive({ seed: 1 }).apply(yaml).advance(5000).kubectl('get pods')
// `kubectl(line)` runs any terminal line through a real TerminalSession (same code as the
// browser) and keeps its output in `last`; `text()` is stdout+stderr in order.

import type { ClusterOptions } from '../sim/contract';
import { Driver } from '../sim/testing/driver';
import { createTerminalSession, defaultFs, type TerminalResult, type TerminalSession } from './session';

export class KubectlDriver extends Driver {
  readonly session: TerminalSession;
  last: TerminalResult | undefined;

  constructor(opts: ClusterOptions) {
    super(opts);
    this.session = createTerminalSession({ cluster: this.cluster, fs: defaultFs(() => this.cluster.now()) });
  }

  /** Run a terminal line (`kubectl get pods`, `kubectl get pods | wc -l`). */
  kubectl(line: string): this {
    const full = /^\s*kubectl(\s|$)/.test(line) ? line : `kubectl ${line}`;
    this.last = this.session.run(full);
    return this;
  }

  /** Run a raw shell line. */
  sh(line: string): this {
    this.last = this.session.run(line);
    return this;
  }

  text(): string {
    return (this.last?.output ?? []).map((c) => c.text).join('');
  }

  stdout(): string {
    return (this.last?.output ?? [])
      .filter((c) => c.stream === 'stdout')
      .map((c) => c.text)
      .join('');
  }

  stderr(): string {
    return (this.last?.output ?? [])
      .filter((c) => c.stream === 'stderr')
      .map((c) => c.text)
      .join('');
  }

  exitCode(): number {
    return this.last?.exitCode ?? 0;
  }
}

export function kdrive(opts: ClusterOptions = { seed: 1 }): KubectlDriver {
  return new KubectlDriver(opts);
}

/** The terminal's working folder, where `kubectl … -f name.yaml` finds `name.yaml`. */
export const STUDENT_DIR = '/home/student/ch03';

/** A driver and a writer of files into the terminal's working folder. */
export function kdriveWithFiles(opts: ClusterOptions = { seed: 1 }) {
  const d = kdrive(opts);
  const write = (name: string, text: string) => d.session.fs.write(`${STUDENT_DIR}/${name}`, text);
  return { d, write };
}
