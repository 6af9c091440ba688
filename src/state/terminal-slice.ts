// The terminal: commands run through the kubectl session in the core; every run is recorded for replay,
// and the traces it returns are queued for the graph to animate.
import type { OutputChunk, TerminalResult } from './core-types';
import { pendingWriteOps } from './sim-slice';
import type { AppState, Slice } from './types';

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
const QUEUE_MAX = 100;

/** The VFS's chapter files as a new Map when they differ from the store's, else undefined. */
function readVfs(s: AppState): Map<string, string> | undefined {
  const next = new Map<string, string>();
  for (const p of s.core.files.list()) next.set(p, s.core.files.read(p) ?? '');
  if (next.size !== s.files.size) return next;
  for (const [p, text] of next) if (s.files.get(p) !== text) return next;
  return undefined;
}

export const createTerminalSlice: Slice<TerminalSlice> = (set, get) => ({
  history: [],
  feed: [],

  runCommand(line, source = 'terminal') {
    // One store update per command (plus `flush` when the cluster changed): every subscriber, and the
    // graph has hundreds, runs its selector once per update.
    const s = get();
    const t = s.core.cluster.now() - s.startedAt;
    // Graph and editor actions act like a second terminal window: they run in the host shell even
    // while the terminal is inside `kubectl exec -it … sh` or blocked by a port-forward.
    const detached = source !== 'terminal';
    const ops = [
      ...s.ops,
      ...pendingWriteOps(s),
      detached ? { t, op: 'run' as const, line, detached } : { t, op: 'run' as const, line },
    ];
    const result = detached ? s.core.session.runDetached(line) : s.core.session.run(line);
    const files = readVfs(s);
    const patch: Partial<AppState> = { ops };
    // Files the command wrote are what a replay will see too: no write ops needed for them. The maps are
    // copy-on-write, so the store's own map is shared rather than copied on every command.
    const recordedFiles = files ?? s.files;
    if (recordedFiles !== s.recordedFiles) patch.recordedFiles = recordedFiles;
    if (files) {
      patch.files = files;
      if (!files.has(s.activeFile)) patch.activeFile = [...files.keys()][0] ?? '';
    }
    if (result.traces.length > 0) patch.traceQueue = [...s.traceQueue, ...result.traces].slice(-QUEUE_MAX);
    const trimmed = line.trim();
    // A line a Pod's shell read (`kubectl exec -it … bash`) is that shell's history, not the host's:
    // ↑ back in the host shell shows host commands only.
    if (
      source === 'terminal' &&
      !result.podShell &&
      trimmed !== '' &&
      s.history[s.history.length - 1] !== trimmed
    )
      patch.history = [...s.history, trimmed].slice(-HISTORY_MAX);
    if (source !== 'terminal')
      patch.feed = [
        ...s.feed,
        { id: (s.feed[s.feed.length - 1]?.id ?? 0) + 1, line, output: result.output },
      ].slice(-FEED_MAX);
    set(patch);
    get().flush();
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
