import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clampSplit,
  DEFAULT_LAYOUT,
  MIN_PANE_PX,
  readLayout,
  SPLIT_IDS,
  SPLIT_MAX,
  SPLIT_MIN,
  splitRange,
} from './layout';
import { snapshotForSave } from './persist';
import { useStore } from './store';
import { readView, restoreView, STORAGE_KEY, STORAGE_VERSION } from './view-restore';
import { DEFAULT_VIEW } from './view-slice';

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

describe('the layout in the saved view settings', () => {
  beforeEach(() => useStore.setState({ ...DEFAULT_VIEW }));

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
      layout: DEFAULT_LAYOUT,
      hopListOpen: null,
    });
  });

  it('hostile sizes are ignored and the rest of the view still loads', () => {
    useStore.getState().setSplit('col', 0.7);
    const view = { largeText: true, layout: { col: 'calc(100%)', left: { x: 1 }, right: -1 } };
    restoreView(storageWith(JSON.stringify({ version: STORAGE_VERSION, view })));
    expect(useStore.getState().layout).toEqual(DEFAULT_LAYOUT);
    expect(useStore.getState().largeText).toBe(true);
    expect(STORAGE_KEY).toBe('k8s-service-playground');
  });

  it('setSplit changes one share (a new object) and leaves the state alone when nothing moved', () => {
    const before = useStore.getState().layout;
    useStore.getState().setSplit('right', DEFAULT_LAYOUT.right);
    expect(useStore.getState().layout).toBe(before);
    useStore.getState().setSplit('right', 0.5);
    expect(useStore.getState().layout).toEqual({ ...DEFAULT_LAYOUT, right: 0.5 });
    expect(before).toEqual(DEFAULT_LAYOUT);
  });

  it('is saved with the view settings, and what is saved reads back the same', () => {
    useStore.getState().setSplit('col', 0.58);
    const view = snapshotForSave().view;
    expect(view.layout).toEqual({ ...DEFAULT_LAYOUT, col: 0.58 });
    expect(readView(JSON.parse(JSON.stringify(view)))).toEqual(view);
  });
});
