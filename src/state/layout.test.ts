import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clampSplit,
  DEFAULT_LAYOUT,
  defaultLayoutFor,
  GRAPH_WHOLE_PX,
  MIN_PANE_PX,
  readLayout,
  readSavedLayout,
  SPLIT_IDS,
  SPLIT_MAX,
  SPLIT_MIN,
  splitRange,
  TERMINAL_CELL_PX,
  TERMINAL_CHROME_PX,
  WIDEST_LINE_COLS,
  WORKSPACE_CHROME_PX,
} from './layout';
import { snapshotForSave } from './persist';
import { useStore } from './store';
import { readView, restoreView, STORAGE_KEY, STORAGE_VERSION } from './view-restore';
import { currentLayout, DEFAULT_VIEW } from './view-slice';

/** Only what restoreView reads (the test environment is node, without localStorage). */
const storageWith = (raw: string | null) => ({ getItem: () => raw }) as unknown as Storage;

describe('splitRange / clampSplit', () => {
  it('keeps each column at least 300 px wide', () => {
    const [lo, hi] = splitRange('col', 1000);
    expect(lo).toBeCloseTo(0.3);
    expect(hi).toBeCloseTo(0.7);
    expect(clampSplit('col', 0.05, 1000)).toBe(0.3);
    expect(clampSplit('col', 0.95, 1000)).toBe(0.7);
    expect(clampSplit('col', 0.512345, 1000)).toBe(0.512);
  });

  it('on a wide screen the share, not the pixels, is the limit', () => {
    expect(splitRange('left', 2000)).toEqual([SPLIT_MIN, SPLIT_MAX]);
    expect(clampSplit('left', 0, 2000)).toBe(SPLIT_MIN);
    expect(clampSplit('left', 1, 2000)).toBe(SPLIT_MAX);
  });

  it('too little room for both panes: an even split; nonsense input: the default', () => {
    expect(splitRange('col', 500)).toEqual([0.5, 0.5]);
    expect(splitRange('col', 0)).toEqual([0.5, 0.5]);
    expect(splitRange('col', Number.NaN)).toEqual([0.5, 0.5]);
    expect(clampSplit('col', 0.9, 500)).toBe(0.5);
    expect(clampSplit('right', Number.NaN, 1000)).toBe(DEFAULT_LAYOUT.right);
    expect(clampSplit('right', Number.POSITIVE_INFINITY, 1000)).toBe(DEFAULT_LAYOUT.right);
  });

  it('any share and size: within the bounds, and both panes keep their minimum (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SPLIT_IDS),
        fc.double(),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (id, share, total) => {
          const v = clampSplit(id, share, total);
          expect(v).toBeGreaterThanOrEqual(SPLIT_MIN);
          expect(v).toBeLessThanOrEqual(SPLIT_MAX);
          if (total >= 2 * MIN_PANE_PX[id]) {
            // rounding to 0.1% may cost a fraction of a pixel
            expect(v * total).toBeGreaterThanOrEqual(MIN_PANE_PX[id] - total / 1000);
            expect((1 - v) * total).toBeGreaterThanOrEqual(MIN_PANE_PX[id] - total / 1000);
          }
        },
      ),
      { seed: 20261126 },
    );
  });
});

describe('readLayout (saved data)', () => {
  it('keeps valid shares and replaces each bad one by its default', () => {
    expect(readLayout({ col: 0.62, left: 0.4, right: 0.75 })).toEqual({ col: 0.62, left: 0.4, right: 0.75 });
    expect(readLayout({ col: 0.62, left: '0.4', right: 5 })).toEqual({
      ...DEFAULT_LAYOUT,
      col: 0.62,
    });
    // JSON.parse('1e999') is Infinity; -0.2 and 0.95 are beyond the bounds
    expect(readLayout(JSON.parse('{"col":1e999,"left":-0.2,"right":0.95}'))).toEqual(DEFAULT_LAYOUT);
    for (const v of [undefined, null, 3, 'x', [0.3, 0.4, 0.5], { __proto__: { col: 0.3 } }])
      expect(readLayout(v)).toEqual(DEFAULT_LAYOUT);
  });

  it('never throws and never returns a share out of bounds, whatever the JSON (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.record({ col: fc.jsonValue(), left: fc.jsonValue() }), (a, b) => {
        for (const v of [a, b]) {
          const l = readLayout(v);
          for (const id of SPLIT_IDS) {
            expect(Number.isFinite(l[id])).toBe(true);
            expect(l[id]).toBeGreaterThanOrEqual(SPLIT_MIN);
            expect(l[id]).toBeLessThanOrEqual(SPLIT_MAX);
          }
        }
      }),
      { seed: 20261126 },
    );
  });
});

/** The left column's and the graph column's px, and the terminal's columns, for a window width. */
function measure(width: number) {
  const avail = width - WORKSPACE_CHROME_PX;
  const col = defaultLayoutFor(width, 900).col;
  const left = col * avail;
  return { col, left, graph: avail - left, cols: Math.floor((left - TERMINAL_CHROME_PX) / TERMINAL_CELL_PX) };
}

describe('defaultLayoutFor (the layout before the student moves a splitter)', () => {
  it('1280×720 keeps the layout measured there (no room for both: the graph whole, the terminal the rest)', () => {
    expect(defaultLayoutFor(1280, 720)).toEqual(DEFAULT_LAYOUT);
    expect(measure(1280).graph).toBeCloseTo(GRAPH_WHOLE_PX, 6);
    expect(measure(1280).cols).toBeLessThan(WIDEST_LINE_COLS);
  });

  it('1920×1080 fits the 122 columns of `get pods -o wide` beside the whole graph', () => {
    const l = defaultLayoutFor(1920, 1080);
    expect(l).toEqual({ ...DEFAULT_LAYOUT, col: 0.52 });
    const m = measure(1920);
    expect(m.cols).toBeGreaterThanOrEqual(WIDEST_LINE_COLS);
    expect(m.graph).toBeGreaterThanOrEqual(GRAPH_WHOLE_PX);
  });

  it('a very wide window (2560) is back at 45%: more than the widest line and a wide graph', () => {
    expect(defaultLayoutFor(2560, 1440)).toEqual(DEFAULT_LAYOUT);
    expect(measure(2560).cols).toBeGreaterThanOrEqual(140);
    expect(measure(2560).graph).toBeGreaterThan(1300);
  });

  it('stacked (≤ 720 px), narrower than 1280, or not a number: the 1280 shares', () => {
    for (const w of [320, 390, 720, 900, 1000, 1279, Number.NaN, Number.POSITIVE_INFINITY, -5])
      expect(defaultLayoutFor(w, 800)).toEqual(DEFAULT_LAYOUT);
  });

  it('any width: the graph never below what it needs where 45% gave it that, the left never below 45%, the left column never narrower on a wider window, and the widest line fits once there is room for both (fast-check)', () => {
    const wide = Math.ceil(WIDEST_LINE_COLS * TERMINAL_CELL_PX) + TERMINAL_CHROME_PX;
    fc.assert(
      fc.property(fc.integer({ min: 721, max: 6000 }), fc.integer({ min: 1, max: 200 }), (w, dw) => {
        const a = measure(w);
        const b = measure(w + dw);
        const avail = w - WORKSPACE_CHROME_PX;
        expect(a.col).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.col);
        expect(a.col).toBeLessThanOrEqual(SPLIT_MAX);
        // rounding to 0.1% may cost a pixel
        expect(a.graph).toBeGreaterThanOrEqual(Math.min(GRAPH_WHOLE_PX, 0.55 * avail) - avail / 1000);
        expect(b.left).toBeGreaterThanOrEqual(a.left - (w + dw) / 1000);
        if (avail >= wide + GRAPH_WHOLE_PX) expect(a.cols).toBeGreaterThanOrEqual(WIDEST_LINE_COLS);
      }),
      { seed: 20261126 },
    );
  });
});

describe('the default follows the window until the student moves a splitter', () => {
  beforeEach(() => useStore.setState({ ...DEFAULT_VIEW, windowSize: { width: 1280, height: 720 } }));

  it('a resize before any move follows the width; a move makes the layout the student’s, kept on resize', () => {
    const s = () => useStore.getState();
    expect(currentLayout(s())).toEqual(DEFAULT_LAYOUT);
    s().setWindowSize(1920, 1080);
    expect(currentLayout(s()).col).toBe(0.52);
    expect(s().layout).toBeNull();
    s().setWindowSize(1280, 720);
    expect(currentLayout(s()).col).toBe(0.45);
    s().setWindowSize(1920, 1080);
    s().setSplit('left', 0.4);
    // the other shares are what the student saw when they moved it
    expect(s().layout).toEqual({ col: 0.52, left: 0.4, right: DEFAULT_LAYOUT.right });
    s().setWindowSize(1280, 720);
    expect(currentLayout(s())).toEqual({ col: 0.52, left: 0.4, right: DEFAULT_LAYOUT.right });
  });

  it('a double click puts one share back; all back, the layout follows the window again', () => {
    const s = () => useStore.getState();
    s().setWindowSize(1920, 1080);
    s().resetSplit('col');
    expect(s().layout).toBeNull();
    s().setSplit('col', 0.6);
    s().setSplit('right', 0.5);
    s().resetSplit('col');
    expect(s().layout).toEqual({ col: 0.52, left: DEFAULT_LAYOUT.left, right: 0.5 });
    s().resetSplit('right');
    expect(s().layout).toBeNull();
    s().setWindowSize(2560, 1440);
    expect(currentLayout(s())).toEqual(DEFAULT_LAYOUT);
  });

  it('saved as null and read back as null; the shares every earlier version saved untouched read as no choice', () => {
    const view = snapshotForSave().view;
    expect(view.layout).toBeNull();
    expect(readView(JSON.parse(JSON.stringify(view))).layout).toBeNull();
    expect(readSavedLayout({ col: 0.45, left: 0.55, right: 0.7 })).toBeNull();
    expect(readSavedLayout(undefined)).toBeNull();
    expect(readSavedLayout({ col: 0.46, left: 0.55, right: 0.7 })).toEqual({ ...DEFAULT_LAYOUT, col: 0.46 });
    // restored from an older save that never moved a splitter: a 1920 window gets its default
    useStore.setState({ windowSize: { width: 1920, height: 1080 } });
    restoreView(storageWith(JSON.stringify({ version: STORAGE_VERSION, view: { layout: DEFAULT_LAYOUT } })));
    expect(useStore.getState().layout).toBeNull();
    expect(currentLayout(useStore.getState()).col).toBe(0.52);
  });
});

describe('the layout in the saved view settings', () => {
  beforeEach(() => useStore.setState({ ...DEFAULT_VIEW, windowSize: { width: 1280, height: 720 } }));

  it('is restored before the first paint with the other view settings', () => {
    const view = { panels: { browser: true }, lang: 'en', largeText: true, layout: { col: 0.6, left: 0.3 } };
    restoreView(storageWith(JSON.stringify({ version: STORAGE_VERSION, view })));
    const s = useStore.getState();
    expect(s.layout).toEqual({ ...DEFAULT_LAYOUT, col: 0.6, left: 0.3 });
    expect(s.largeText).toBe(true);
    expect(s.panels.browser).toBe(true);
  });

  it('data saved before sizes existed loads as before, with the default sizes', () => {
    const view = { panels: { terminal: false }, lang: 'ko', largeText: true };
    expect(readView(view)).toEqual({
      panels: { ...DEFAULT_VIEW.panels, terminal: false },
      lang: 'ko',
      largeText: true,
      layout: null,
      hopListOpen: null,
    });
  });

  it('hostile sizes are ignored and the rest of the view still loads', () => {
    useStore.getState().setSplit('col', 0.7);
    const view = { largeText: true, layout: { col: 'calc(100%)', left: { x: 1 }, right: -1 } };
    restoreView(storageWith(JSON.stringify({ version: STORAGE_VERSION, view })));
    expect(useStore.getState().layout).toBeNull();
    expect(currentLayout(useStore.getState())).toEqual(DEFAULT_LAYOUT);
    expect(useStore.getState().largeText).toBe(true);
    expect(STORAGE_KEY).toBe('k8s-service-playground');
  });

  it('setSplit changes one share (a new object) and leaves the state alone when nothing moved', () => {
    useStore.getState().setSplit('right', 0.6);
    const before = useStore.getState().layout;
    useStore.getState().setSplit('right', 0.6);
    expect(useStore.getState().layout).toBe(before);
    useStore.getState().setSplit('right', 0.5);
    expect(useStore.getState().layout).toEqual({ ...DEFAULT_LAYOUT, right: 0.5 });
    expect(before).toEqual({ ...DEFAULT_LAYOUT, right: 0.6 });
  });

  it('is saved with the view settings, and what is saved reads back the same', () => {
    useStore.getState().setSplit('col', 0.58);
    const view = snapshotForSave().view;
    expect(view.layout).toEqual({ ...DEFAULT_LAYOUT, col: 0.58 });
    expect(readView(JSON.parse(JSON.stringify(view)))).toEqual(view);
  });
});
