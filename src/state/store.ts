// The one bound zustand store of the playground, made of slices (zustand "slices pattern"):
//
//   sim       (sim-slice.ts)      core {cluster, files VFS, terminal session}, seed, profile, proxyMode,
//                                 objects: Map<ObjectKey, K8sObject> (a NEW Map per change batch),
//                                 lastBatch, revision, simNow, ops (scenario log), resetCluster,
//                                 advanceClock, requestTrace(req) (graph quick actions: ping/curl),
//                                 serializeScenario / loadScenario
//   files     (files-slice.ts)    files: Map<path, text> mirroring the VFS, activeFile, applyResult,
//                                 setFileText, createFile, renameFile, deleteFile, applyActiveFile
//   terminal  (terminal-slice.ts) history, feed (commands run from elsewhere, echoed in the terminal),
//                                 runCommand(line, source) — use it for graph quick actions
//                                 (`kubectl delete pod x`) so they are recorded and replayable
//   graph     (graph-slice.ts)    selected, traceQueue (+ enqueueTraces / shiftTrace), traceSpeed,
//                                 stepMode, namespaceFilter — the graph helper may extend this slice
//   playback  (playback-slice.ts) playing, speed, togglePlaying, setSpeed, stepClock
//   view      (view-slice.ts)     panels, lang, largeText, notice
//
// Rules: objects in the store are immutable snapshots from the cluster; never mutate them. Select
// narrowly; for derived arrays/objects use `useShallow` (re-exported below) so a component re-renders
// only when what it shows changed. Non-React code (frame loop, tests) uses `useStore.getState()`.
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createFilesSlice } from './files-slice';
import { createGraphSlice } from './graph-slice';
import { createPlaybackSlice } from './playback-slice';
import { createSimSlice, filesOf } from './sim-slice';
import { createTerminalSlice } from './terminal-slice';
import type { AppState } from './types';
import { createViewSlice } from './view-slice';

export type { AppState } from './types';
export { useShallow };

/** The chapter starts with `kubectl apply -f sleep/sleep1.yaml`: open that file first. */
const FIRST_FILE = 'sleep/sleep1.yaml';

export const useStore = create<AppState>()((...a) => {
  const sim = createSimSlice(...a);
  const files = filesOf(sim.core);
  return {
    ...sim,
    ...createFilesSlice(...a),
    ...createTerminalSlice(...a),
    ...createGraphSlice(...a),
    ...createPlaybackSlice(...a),
    ...createViewSlice(...a),
    files,
    activeFile: files.has(FIRST_FILE) ? FIRST_FILE : ([...files.keys()][0] ?? ''),
  };
});

/** The scenario `{ seed, profile, proxyMode, files, commands }` as plain JSON (share links, lessons, storage). */
export const serializeScenario = () => useStore.getState().serializeScenario();
/** Rebuild the playground from a scenario by replaying its commands on a fresh cluster. */
export const loadScenario: AppState['loadScenario'] = (s) => useStore.getState().loadScenario(s);
