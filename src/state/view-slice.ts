// Layout and view settings (persisted with the scenario, but not part of it).
import { DEFAULT_LAYOUT, type Layout, type SplitId } from './layout';
import type { Slice } from './types';

export type PanelId = 'editor' | 'graph' | 'terminal' | 'inspector' | 'browser';
export const PANEL_IDS: readonly PanelId[] = ['editor', 'graph', 'terminal', 'inspector', 'browser'];
export type Lang = 'en' | 'ko';
export type NoticeKind = 'restoreVersion' | 'restoreCorrupt' | 'storageFull';

export interface ViewSettings {
  panels: Record<PanelId, boolean>;
  lang: Lang;
  largeText: boolean;
  /** The splitters' positions (see ./layout). */
  layout: Layout;
  /** The graph's "Last packet" list folded (false) or unfolded (true) by the student's hand; null until
   * then: it follows the traffic (folded until the first packet, src/ui/graph/hop-fold.ts). */
  hopListOpen: boolean | null;
}

export interface ViewSlice extends ViewSettings {
  notice: NoticeKind | null;
  togglePanel(id: PanelId): void;
  setLang(lang: Lang): void;
  setLargeText(on: boolean): void;
  setSplit(id: SplitId, share: number): void;
  setHopListOpen(open: boolean): void;
  showNotice(kind: NoticeKind): void;
  dismissNotice(): void;
}

export const DEFAULT_VIEW: ViewSettings = {
  panels: { editor: true, graph: true, terminal: true, inspector: true, browser: false },
  lang: 'en',
  largeText: false,
  layout: DEFAULT_LAYOUT,
  hopListOpen: null,
};

export const createViewSlice: Slice<ViewSlice> = (set) => ({
  ...DEFAULT_VIEW,
  notice: null,
  togglePanel: (id) => set((s) => ({ panels: { ...s.panels, [id]: !s.panels[id] } })),
  setLang: (lang) => set({ lang }),
  setLargeText: (largeText) => set({ largeText }),
  setSplit: (id, share) =>
    set((s) => (s.layout[id] === share ? s : { layout: { ...s.layout, [id]: share } })),
  setHopListOpen: (hopListOpen) => set({ hopListOpen }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
