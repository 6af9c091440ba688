import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LabelRequest, layoutLabels, type PlacedLabel } from './label-layout';
import { CALLOUT_INSETS, type Rect } from './viewport';

const canvas = { width: 520, height: 360 };
const opts = { canvas, insets: CALLOUT_INSETS, gap: 3 };

function overlap(a: PlacedLabel, b: PlacedLabel): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function pairsOverlapping(ls: readonly PlacedLabel[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ls.length; i++)
    for (let j = i + 1; j < ls.length; j++) {
      const a = ls[i] as PlacedLabel;
      const b = ls[j] as PlacedLabel;
      if (overlap(a, b)) out.push(`${i + 1}×${j + 1}`);
    }
  return out;
}

function inside(l: PlacedLabel): boolean {
  return (
    l.x >= CALLOUT_INSETS.left - 1e-9 &&
    l.y >= CALLOUT_INSETS.top - 1e-9 &&
    l.x + l.w <= canvas.width - CALLOUT_INSETS.right + 1e-9 &&
    l.y + l.h <= canvas.height - CALLOUT_INSETS.bottom + 1e-9
  );
}

describe('layoutLabels', () => {
  it('puts a lone label centred on its hop, not displaced', () => {
    const [l] = layoutLabels([{ anchor: { x: 200, y: 150 }, w: 120, h: 16 }], opts);
    expect(l).toEqual({ x: 140, y: 142, w: 120, h: 16, displaced: false, attach: { x: 200, y: 150 } });
  });

  it('separates the twelve tries of a DNS search list that all share one midpoint', () => {
    // nslookup sleep-2: A?/AAAA? for each search domain, every query and answer between the same two nodes
    const reqs: LabelRequest[] = Array.from({ length: 12 }, (_, i) => ({
      anchor: { x: 260, y: 180 },
      w: 150 + (i % 4) * 20,
      h: 16,
    }));
    const out = layoutLabels(reqs, opts);
    expect(pairsOverlapping(out)).toEqual([]);
    expect(out.every(inside)).toBe(true);
    // the first keeps its spot; the rest are stacked off it and tied back by a leader line
    expect(out[0]?.displaced).toBe(false);
    expect(out.slice(1).every((l) => l.displaced)).toBe(true);
  });

  it('stacks labels that share a spot downwards in hop order while there is room below', () => {
    const reqs: LabelRequest[] = Array.from({ length: 8 }, (_, i) => ({
      // a query and its answer bend to opposite sides of one line: midpoints 14 px apart
      anchor: { x: 260, y: i % 2 === 0 ? 60 : 74 },
      w: 140 + (i % 3) * 30,
      h: 16,
    }));
    const out = layoutLabels(reqs, opts);
    expect(pairsOverlapping(out)).toEqual([]);
    const tops = out.map((l) => l.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(out[0]?.y).toBe(52);
  });

  it('keeps every label out from under the verdict callout', () => {
    // ping sleep-2: the last hop's label and the callout both sit at the Service where the packet stopped
    const callout: Rect = { x: 70, y: 215, width: 250, height: 70 };
    const [l] = layoutLabels([{ anchor: { x: 195, y: 240 }, w: 180, h: 16 }], {
      ...opts,
      blocked: [callout],
    });
    const under =
      (l?.x ?? 0) < callout.x + callout.width &&
      callout.x < (l?.x ?? 0) + 180 &&
      (l?.y ?? 0) < callout.y + callout.height &&
      callout.y < (l?.y ?? 0) + 16;
    expect(under).toBe(false);
    expect(l?.displaced).toBe(true);
  });

  it('keeps at least the gap between two labels', () => {
    const out = layoutLabels(
      [
        { anchor: { x: 200, y: 100 }, w: 100, h: 16 },
        { anchor: { x: 210, y: 104 }, w: 100, h: 16 },
      ],
      { ...opts, gap: 4 },
    );
    const [a, b] = out as [PlacedLabel, PlacedLabel];
    const dy = Math.max(b.y - (a.y + a.h), a.y - (b.y + b.h));
    const dx = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w));
    expect(Math.max(dx, dy)).toBeGreaterThanOrEqual(4);
  });

  it('moves a label at the canvas edge inside it, clear of the zoom controls', () => {
    const [right, left] = layoutLabels(
      [
        { anchor: { x: 510, y: 40 }, w: 160, h: 16 },
        { anchor: { x: 20, y: 300 }, w: 160, h: 16 },
      ],
      opts,
    );
    expect(right && inside(right)).toBe(true);
    expect(left?.x).toBe(CALLOUT_INSETS.left);
  });

  it('leaves a label whose hop is well off the canvas where it is, out of sight', () => {
    const [l] = layoutLabels([{ anchor: { x: -300, y: 100 }, w: 100, h: 16 }], opts);
    expect(l).toMatchObject({ x: -350, y: 92, displaced: false });
  });

  it('pulls in the label of a hop whose midpoint is just off the canvas, tied to it by a leader', () => {
    // kube-proxy's rules on a Service at the canvas' left edge: midpoints at x = -27 and -59
    const out = layoutLabels(
      [
        { anchor: { x: -27, y: 113 }, w: 198, h: 17 },
        { anchor: { x: -59, y: 122 }, w: 141, h: 17 },
        { anchor: { x: -27, y: 113 }, w: 224, h: 17 },
      ],
      opts,
    );
    expect(pairsOverlapping(out)).toEqual([]);
    expect(out.every(inside)).toBe(true);
    expect(out.every((l) => l.displaced && l.attach.x === CALLOUT_INSETS.left)).toBe(true);
  });

  it('never cuts a label of a hop far off the canvas by its edge', () => {
    // five labels above the canvas, sharing a spot: those stacked downwards must not poke into view
    const reqs = Array.from({ length: 5 }, () => ({ anchor: { x: 200, y: -60 }, w: 150, h: 16 }));
    const out = layoutLabels(reqs, opts);
    expect(pairsOverlapping(out)).toEqual([]);
    for (const l of out) expect(l.y + l.h <= 0 || l.y >= canvas.height, `label at y=${l.y}`).toBe(true);
  });

  it('steps off a node the packet travels through when a free spot is near', () => {
    const node: Rect = { x: 150, y: 110, width: 200, height: 30 };
    const [l] = layoutLabels([{ anchor: { x: 250, y: 130 }, w: 100, h: 16 }], {
      ...opts,
      obstacles: [node],
    });
    const box: Rect = { x: l?.x ?? 0, y: l?.y ?? 0, width: 100, height: 16 };
    const covers =
      box.x < node.x + node.width &&
      node.x < box.x + box.width &&
      box.y < node.y + node.height &&
      node.y < box.y + box.height;
    expect(covers).toBe(false);
    expect(l?.displaced).toBe(true);
    // the leader line ends on the box's edge nearest the anchor
    expect(l?.attach.x).toBe(250);
    expect([l?.y, (l?.y ?? 0) + 16]).toContain(l?.attach.y);
  });

  it('still never overlaps when the canvas is full: the rest go below it, none cut by its edge', () => {
    const tiny = { width: 200, height: 100 };
    // insets pinned here (CALLOUT_INSETS follows the zoom controls' place): 88 px of height, 4 rows
    const ins = { top: 6, right: 6, bottom: 6, left: 52 };
    const reqs = Array.from({ length: 10 }, () => ({ anchor: { x: 100, y: 50 }, w: 150, h: 16 }));
    const out = layoutLabels(reqs, { canvas: tiny, insets: ins, gap: 2, maxRows: 1 });
    expect(pairsOverlapping(out)).toEqual([]);
    // whole inside, or wholly below the canvas (the hop list still names it)
    for (const l of out) {
      const whole = l.y >= ins.top && l.y + l.h <= tiny.height - ins.bottom;
      expect(whole || l.y >= tiny.height, `label at y=${l.y}`).toBe(true);
    }
    expect(out.filter((l) => l.y < tiny.height).length).toBe(4);
  });

  it('is deterministic, and a later hop never moves an earlier label (step mode adds hops one by one)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            anchor: fc.record({
              x: fc.integer({ min: -50, max: 570 }),
              y: fc.integer({ min: -50, max: 410 }),
            }),
            w: fc.integer({ min: 20, max: 240 }),
            h: fc.integer({ min: 12, max: 24 }),
          }),
          { minLength: 1, maxLength: 14 },
        ),
        (reqs) => {
          const all = layoutLabels(reqs, opts);
          expect(layoutLabels(reqs, opts)).toEqual(all);
          const k = Math.ceil(reqs.length / 2);
          expect(layoutLabels(reqs.slice(0, k), opts)).toEqual(all.slice(0, k));
        },
      ),
      { seed: 9, numRuns: 150 },
    );
  });

  it('never returns two intersecting boxes, and keeps on-canvas labels inside when there is room', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            anchor: fc.record({ x: fc.integer({ min: 0, max: 520 }), y: fc.integer({ min: 0, max: 360 }) }),
            w: fc.integer({ min: 20, max: 220 }),
            h: fc.integer({ min: 12, max: 22 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 500 }),
            y: fc.integer({ min: 0, max: 340 }),
            width: fc.integer({ min: 10, max: 200 }),
            height: fc.integer({ min: 10, max: 90 }),
          }),
          { maxLength: 4 },
        ),
        (reqs, obstacles) => {
          const out = layoutLabels(reqs, { ...opts, obstacles });
          expect(out).toHaveLength(reqs.length);
          expect(pairsOverlapping(out)).toEqual([]);
          // 8 labels of ≤ 22 px fit in the 354 px between the insets: none is pushed off the canvas
          expect(out.every(inside)).toBe(true);
          out.forEach((l, i) => {
            expect([l.w, l.h]).toEqual([reqs[i]?.w, reqs[i]?.h]);
          });
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});
