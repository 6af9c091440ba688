// The panel grid's proportions (the splitters' positions), saved with the view settings. Each is the
// share of its first pane: `col` the left column's share of the width, `left` the editor's share of the
// left column, `right` the graph's share of the right column. Pure: the UI measures, this decides.

export type SplitId = 'col' | 'left' | 'right';
export type Layout = Record<SplitId, number>;
export const SPLIT_IDS: readonly SplitId[] = ['col', 'left', 'right'];

/**
 * At 1280×720 the graph needs its column ≥ ~695 px (e2e/graph-readable.spec.ts: its toolbar on one line,
 * the hop list unscrolled, Pods on screen; all fail from 46%), which leaves the terminal at most ~69
 * columns of 13 px text: 45% gives 69 (68 at the old 44%), so the chapter's first `kubectl get svc`
 * (kubernetes + sleep-2: 69 columns, AGE 6d22h) fits. The widest (82, numbers-web's LoadBalancer row)
 * needs 53%: the student drags the splitter for it. The terminal gets 45% of its column (~12 rows as
 * before); the graph 70% of its own (as before: 2.4 : 1).
 */
export const DEFAULT_LAYOUT: Layout = { col: 0.45, left: 0.55, right: 0.7 };

/**
 * What the width-aware default is made of (px, measured in Chromium with 13 px terminal text; e2e/
 * qa-layout-wide.spec.ts checks the result). The workspace loses 8 px of padding and the 6 px column
 * splitter; the terminal's column loses 34 px to borders, padding and xterm's scrollbar before its
 * 7.83 px cells. The graph's column needs ~696 px to show the chapter's graph whole at a readable zoom
 * (45% of 1280: e2e/graph-readable.spec.ts, e2e/qa-graph-fit.spec.ts); the left column needs 990 px
 * for the chapter's widest line, `kubectl get pods -o wide` after the sleep apply (122 columns).
 */
export const WORKSPACE_CHROME_PX = 14;
export const TERMINAL_CHROME_PX = 34;
export const TERMINAL_CELL_PX = 7.83;
export const WIDEST_LINE_COLS = 122;
/** The graph's column at 1280×720 with the left column at 45%: 696.3 px. */
export const GRAPH_WHOLE_PX = (1 - DEFAULT_LAYOUT.col) * (1280 - WORKSPACE_CHROME_PX);
/** At or below this width the panels stack (app.css's narrow layout): the shares do not apply. */
export const STACKED_MAX_PX = 720;

/**
 * The layout a window of this size starts with, until the student moves a splitter. The left column
 * gets the room the graph can spare beyond what it needs to be whole, up to what the widest line of the
 * chapter needs (more columns than that buy nothing), and never less than the 1280×720 share (45%),
 * which it keeps at and below 1280 (no room for both there) and again on very wide screens (2200 px
 * and up, where 45% is already more than 122 columns). At 1920 that is 52%: a 991 px left column
 * and 915 px of graph. The shares along the height (`left`, `right`) are the same at every size: 45% of the left
 * column is ~12 terminal rows at 720 px and more on a taller window. Pure: the caller measures.
 */
export function defaultLayoutFor(width: number, _height: number): Layout {
  const avail = width - WORKSPACE_CHROME_PX;
  if (!(width > STACKED_MAX_PX) || !Number.isFinite(avail)) return DEFAULT_LAYOUT;
  const widest = Math.ceil(WIDEST_LINE_COLS * TERMINAL_CELL_PX) + TERMINAL_CHROME_PX;
  const left = Math.max(DEFAULT_LAYOUT.col * avail, Math.min(widest, avail - GRAPH_WHOLE_PX));
  // rounded up to 0.1% as saved shares are (down could cost the last column; 1e-9: float noise)
  const col = Math.min(SPLIT_MAX, Math.ceil((left / avail) * 1000 - 1e-9) / 1000);
  return col === DEFAULT_LAYOUT.col ? DEFAULT_LAYOUT : { ...DEFAULT_LAYOUT, col };
}

/** No saved or dragged share goes beyond these, whatever the window. */
export const SPLIT_MIN = 0.1;
export const SPLIT_MAX = 0.9;
/** A panel keeps at least this much room along the split's axis (px): a title bar and a few lines. */
export const MIN_PANE_PX: Record<SplitId, number> = { col: 300, left: 90, right: 90 };
/** One arrow key press moves a splitter by this share. */
export const SPLIT_STEP = 0.02;

/** The allowed range of a share when the two panes have `total` px between them. */
export function splitRange(id: SplitId, total: number): [number, number] {
  const min = MIN_PANE_PX[id];
  // too small for both: an even split (CSS keeps what it can)
  if (!(total >= 2 * min)) return [0.5, 0.5];
  return [Math.max(SPLIT_MIN, min / total), Math.min(SPLIT_MAX, 1 - min / total)];
}

/** `share` kept inside the range, rounded to 0.1% (the saved data stays short). */
export function clampSplit(id: SplitId, share: number, total: number): number {
  const [lo, hi] = splitRange(id, total);
  const v = Number.isFinite(share) ? Math.min(hi, Math.max(lo, share)) : DEFAULT_LAYOUT[id];
  return Math.round(v * 1000) / 1000;
}

/** Saved proportions: each a finite number within [SPLIT_MIN, SPLIT_MAX], else its default. */
export function readLayout(v: unknown): Layout {
  const out = { ...DEFAULT_LAYOUT };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  const rec = v as Record<string, unknown>;
  for (const id of SPLIT_IDS) {
    // own properties only: a saved value cannot reach the shares through a prototype
    const x = Object.hasOwn(rec, id) ? rec[id] : undefined;
    if (typeof x === 'number' && Number.isFinite(x) && x >= SPLIT_MIN && x <= SPLIT_MAX) out[id] = x;
  }
  return out;
}

/**
 * The student's own layout as saved, or null: none (the window's default applies). Every version
 * before the width-aware default saved the shares whether or not a splitter was moved, so the old
 * default itself (all three shares) is read as no choice; so is data with no valid share.
 */
export function readSavedLayout(v: unknown): Layout | null {
  if (v === null || v === undefined) return null;
  const l = readLayout(v);
  return sameLayout(l, DEFAULT_LAYOUT) ? null : l;
}

/** Whether two layouts have the same shares. */
export function sameLayout(a: Layout, b: Layout): boolean {
  return SPLIT_IDS.every((id) => a[id] === b[id]);
}
