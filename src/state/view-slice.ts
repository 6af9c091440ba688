// Layout and view settings (persisted with the scenario, but not part of it).
import { DEFAULT_LAYOUT, defaultLayoutFor, type Layout, type SplitId, sameLayout } from './layout';
import type { Slice } from './types';

export type PanelId = 'editor' | 'graph' | 'terminal' | 'inspector' | 'browser';
export const PANEL_IDS: readonly PanelId[] = ['editor', 'graph', 'terminal', 'inspector', 'browser'];
export type Lang = 'en' | 'ko';
export type NoticeKind = 'restoreVersion' | 'restoreCorrupt' | 'storageFull';

export interface ViewSettings {
  panels: Record<PanelId, boolean>;
  lang: Lang;
  largeText: boolean;
  /**
   * The splitters' positions as the student set them (see ./layout), or null until a splitter is moved:
   * then the window's size decides (defaultLayoutFor), on every resize. Read the shares in effect with
   * `currentLayout`.
   */
  layout: Layout | null;
  /** The graph's "Last packet" list folded (false) or unfolded (true) by the student's hand; null until
   * then: it follows the traffic (folded until the first packet, src/ui/graph/hop-fold.ts). */
  hopListOpen: boolean | null;
}

export interface ViewSlice extends ViewSettings {
  notice: NoticeKind | null;
  /** The window's inner size (px), kept by AppShell; not saved. */
  windowSize: { width: number; height: number };
  setWindowSize(width: number, height: number): void;
  togglePanel(id: PanelId): void;
  setLang(lang: Lang): void;
  setLargeText(on: boolean): void;
  /** The student moves a splitter: the layout is theirs from now on (saved, and kept on resize). */
  setSplit(id: SplitId, share: number): void;
  /**
   * A splitter put back (double click): its share becomes the window's default again; once all three
   * are, the layout follows the window again as if never moved.
   */
  resetSplit(id: SplitId): void;
  setHopListOpen(open: boolean): void;
  showNotice(kind: NoticeKind): void;
  dismissNotice(): void;
}

export const DEFAULT_VIEW: ViewSettings = {
  panels: { editor: true, graph: true, terminal: true, inspector: true, browser: false },
  lang: 'en',
  largeText: false,
  layout: null,
  hopListOpen: null,
};

/** The shares in effect: the student's, else the window's default. */
export function currentLayout(s: Pick<ViewSlice, 'layout' | 'windowSize'>): Layout {
  return s.layout ?? defaultFor(s.windowSize.width, s.windowSize.height);
}

// The frame loop updates the store every frame and each splitter reads its share through
// currentLayout: the default is remembered for the last size instead of built anew each time.
let lastDefault = { width: Number.NaN, height: Number.NaN, layout: DEFAULT_LAYOUT };
function defaultFor(width: number, height: number): Layout {
  if (lastDefault.width !== width || lastDefault.height !== height)
    lastDefault = { width, height, layout: defaultLayoutFor(width, height) };
  return lastDefault.layout;
}

export const createViewSlice: Slice<ViewSlice> = (set) => ({
  ...DEFAULT_VIEW,
  notice: null,
  // 1280×720 until AppShell measures the window (before the first paint)
  windowSize: { width: 1280, height: 720 },
  setWindowSize: (width, height) =>
    set((s) =>
      s.windowSize.width === width && s.windowSize.height === height ? s : { windowSize: { width, height } },
    ),
  togglePanel: (id) => set((s) => ({ panels: { ...s.panels, [id]: !s.panels[id] } })),
  setLang: (lang) => set({ lang }),
  setLargeText: (largeText) => set({ largeText }),
  setSplit: (id, share) =>
    set((s) => (s.layout?.[id] === share ? s : { layout: { ...currentLayout(s), [id]: share } })),
  resetSplit: (id) =>
    set((s) => {
      if (s.layout === null) return s;
      const fallback = defaultFor(s.windowSize.width, s.windowSize.height);
      const layout = { ...s.layout, [id]: fallback[id] };
      return { layout: sameLayout(layout, fallback) ? null : layout };
    }),
  setHopListOpen: (hopListOpen) => set({ hopListOpen }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
