// The part of persistence the first paint needs: the storage key, and the layout, language and text
// size read from the saved playground (so the page does not flash the default layout). The rest
// (./persist: restoring files, cluster and history; autosave) is loaded after the first paint.
import { readSavedLayout } from './layout';
import { useStore } from './store';
import { DEFAULT_VIEW, type Lang, PANEL_IDS, type PanelId, type ViewSettings } from './view-slice';

export const STORAGE_KEY = 'k8s-service-playground';
export const STORAGE_VERSION = 1;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readView(v: unknown): ViewSettings {
  if (!isRecord(v)) return DEFAULT_VIEW;
  const panels = { ...DEFAULT_VIEW.panels };
  if (isRecord(v.panels))
    for (const id of PANEL_IDS) if (typeof v.panels[id] === 'boolean') panels[id as PanelId] = v.panels[id];
  const lang: Lang = v.lang === 'ko' ? 'ko' : 'en';
  // `layout` came later (optional, same STORAGE_VERSION): missing or hostile values give the defaults;
  // null (or the shares every earlier version saved untouched) leaves the layout to the window's size.
  // `hopListOpen` came later still: anything but a boolean (missing, hostile) leaves the list to follow
  // the traffic.
  const hopListOpen = typeof v.hopListOpen === 'boolean' ? v.hopListOpen : null;
  return { panels, lang, largeText: v.largeText === true, layout: readSavedLayout(v.layout), hopListOpen };
}

export function readRaw(storage: Storage): string | null {
  try {
    return storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Layout, language and text size, applied before the first paint (no flash of the default layout). */
export function restoreView(storage: Storage = window.localStorage): void {
  const raw = readRaw(storage);
  if (raw === null) return;
  try {
    const data: unknown = JSON.parse(raw);
    if (!isRecord(data)) return;
    const view = readView(data.view);
    useStore.setState({
      panels: view.panels,
      lang: view.lang,
      largeText: view.largeText,
      layout: view.layout,
      hopListOpen: view.hopListOpen,
    });
  } catch {
    // restoreSaved reports unreadable data.
  }
}
