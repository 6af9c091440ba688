// The terminal: commands run through the kubectl session in the core; every run is recorded for replay,
// and the traces it returns are queued for the graph to animate.
import type { OutputChunk, TerminalResult } from './core-types';
import type { Slice } from './types';

export type CommandSource = 'terminal' | 'editor' | 'graph';

/** A command run from outside the terminal (Apply button, graph quick action), echoed in the terminal. */
export interface FeedEntry {
  id: number;
  line: string;
  output: OutputChunk[];
}

export interface TerminalSlice {
  /** Oldest first. */
  history: readonly string[];
  feed: readonly FeedEntry[];
  runCommand(line: string, source?: CommandSource): TerminalResult;
  /** Ctrl-C: ends the foreground job (port-forward); its output starts with the echoed `^C`. */
  interruptCommand(): TerminalResult;
}

const HISTORY_MAX = 500;
const FEED_MAX = 50;

export const createTerminalSlice: Slice<TerminalSlice> = (set, get) => ({
  history: [],
  feed: [],

  runCommand(line, source = 'terminal') {
    const s = get();
    s.record({ t: s.core.cluster.now() - s.startedAt, op: 'run', line });
    const result = s.core.session.run(line);
    const st = get();
    st.syncFilesFromVfs();
    st.flush();
    // Files the command wrote are what a replay will see too: no write ops needed for them.
    set((x) => ({ recordedFiles: new Map(x.files) }));
    if (result.traces.length > 0) st.enqueueTraces(result.traces);
    const trimmed = line.trim();
    if (source === 'terminal' && trimmed !== '') {
      set((x) =>
        x.history[x.history.length - 1] === trimmed
          ? {}
          : { history: [...x.history, trimmed].slice(-HISTORY_MAX) },
      );
    }
    if (source !== 'terminal') {
      set((x) => ({
        feed: [
          ...x.feed,
          { id: (x.feed[x.feed.length - 1]?.id ?? 0) + 1, line, output: result.output },
        ].slice(-FEED_MAX),
      }));
    }
    return result;
  },

  interruptCommand() {
    const s = get();
    s.record({ t: s.core.cluster.now() - s.startedAt, op: 'interrupt' });
    const out = s.core.session.interrupt();
    s.flush();
    if (out.traces.length > 0) s.enqueueTraces(out.traces);
    return out;
  },
});
