// Saves the playground in localStorage and restores it on reload. What is saved: the scenario (seed,
// profile, files, the operations performed — replaying them rebuilds the cluster deterministically),
// terminal history, the active file, and the view settings. Versioned: data from another version or
// unreadable data never blanks the page — the user gets a notice and a fresh start, keeping the files
// that can still be read.
import { readFiles, SCENARIO_VERSION, type Scenario, validateScenario } from './scenario';
import { syncVfs } from './sim-slice';
import { useStore } from './store';
import { isRecord, readRaw, STORAGE_KEY, STORAGE_VERSION } from './view-restore';
import type { ViewSettings } from './view-slice';

// This module (and the scenario validation behind it) is loaded after the first paint, with the terminal
// session; the layout is restored before the first paint by ./view-restore.
export { restoreView, STORAGE_KEY, STORAGE_VERSION } from './view-restore';

export interface SavedState {
  version: number;
  scenario: Scenario;
  history: string[];
  activeFile: string;
  view: ViewSettings;
  playing: boolean;
  speed: number;
}

export function snapshotForSave(): SavedState {
  const s = useStore.getState();
  return {
    version: STORAGE_VERSION,
    scenario: s.serializeScenario(),
    history: [...s.history],
    activeFile: s.activeFile,
    view: {
      panels: s.panels,
      lang: s.lang,
      largeText: s.largeText,
      layout: s.layout,
      hopListOpen: s.hopListOpen,
    },
    playing: s.playing,
    speed: s.speed,
  };
}

/** Keep only the files of unusable saved data: write them into the fresh VFS. */
function keepFiles(files: Record<string, string> | undefined) {
  if (!files) return;
  const s = useStore.getState();
  const merged = new Map(s.files);
  for (const [p, text] of Object.entries(files)) merged.set(p, text);
  syncVfs(s.core, merged);
  s.syncFilesFromVfs();
}

/** The files, the cluster (by replaying the saved operations) and the terminal history. */
export function restoreSaved(storage: Storage = window.localStorage): void {
  const raw = readRaw(storage);
  if (raw === null) return;
  const s = useStore.getState();
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    s.showNotice('restoreCorrupt');
    return;
  }
  if (!isRecord(data)) {
    s.showNotice('restoreCorrupt');
    return;
  }
  const scenarioFiles = readFiles(data.scenario);
  if (data.version !== STORAGE_VERSION) {
    keepFiles(scenarioFiles);
    s.showNotice('restoreVersion');
    return;
  }
  const checked = validateScenario(data.scenario);
  if (!checked.ok) {
    keepFiles(scenarioFiles);
    s.showNotice(checked.reason === 'version' ? 'restoreVersion' : 'restoreCorrupt');
    return;
  }
  try {
    s.loadScenario(checked.scenario);
  } catch (err) {
    // A replay that throws (a bug, or data edited by hand) must not blank the page.
    console.warn('restore failed:', err);
    useStore.getState().resetCluster();
    keepFiles(checked.scenario.files);
    useStore.getState().showNotice('restoreCorrupt');
    return;
  }
  const history = Array.isArray(data.history)
    ? data.history.filter((h): h is string => typeof h === 'string')
    : [];
  const st = useStore.getState();
  useStore.setState({
    history,
    activeFile:
      typeof data.activeFile === 'string' && st.files.has(data.activeFile) ? data.activeFile : st.activeFile,
    playing: data.playing !== false,
    speed: typeof data.speed === 'number' && data.speed > 0 && data.speed <= 100 ? data.speed : 1,
  });
}

const SAVE_DELAY_MS = 400;

/** Save shortly after any change that matters, and when the page is hidden or closed. */
export function startAutosave(storage: Storage = window.localStorage): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(snapshotForSave()));
    } catch {
      if (useStore.getState().notice === null) useStore.getState().showNotice('storageFull');
    }
  };
  // Serialising the scenario and writing localStorage take milliseconds that must not land between a
  // key press and its output being painted: after the delay, wait for idle time (at most 2 s more).
  let idleId: number | undefined;
  const saveWhenIdle = () => {
    if (typeof requestIdleCallback !== 'function') return save();
    idleId = requestIdleCallback(
      () => {
        idleId = undefined;
        save();
      },
      { timeout: 2000 },
    );
  };
  const unsub = useStore.subscribe((s, prev) => {
    // The clock ticks every frame; only save for changes a reload would miss (time is saved with them
    // and on pagehide).
    if (
      s.ops === prev.ops &&
      s.files === prev.files &&
      s.history === prev.history &&
      s.activeFile === prev.activeFile &&
      s.panels === prev.panels &&
      s.lang === prev.lang &&
      s.largeText === prev.largeText &&
      s.layout === prev.layout &&
      s.hopListOpen === prev.hopListOpen &&
      s.playing === prev.playing &&
      s.speed === prev.speed &&
      s.seed === prev.seed &&
      s.profile === prev.profile &&
      s.proxyMode === prev.proxyMode
    )
      return;
    if (timer === undefined) timer = setTimeout(saveWhenIdle, SAVE_DELAY_MS);
  });
  const onHide = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (idleId !== undefined) cancelIdleCallback(idleId);
    idleId = undefined;
    save();
  };
  window.addEventListener('pagehide', onHide);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    if (idleId !== undefined) cancelIdleCallback(idleId);
    unsub();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

export { SCENARIO_VERSION };
