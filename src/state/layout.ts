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
