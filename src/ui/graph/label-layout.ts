// Pure: where the hop labels of one trace go on screen, so that no two overlap. Each label was put at
// its hop line's midpoint on its own: a query and its answer (the same two nodes), a ping's two echo
// requests, kube-proxy's rule hops (loops on one node) and every try of a DNS search list landed on the
// same spot, one unreadable smear on a projector. Here the labels are placed one after another in hop
// order (an earlier hop keeps its place when a later one appears, as in step mode), each at the free
// spot nearest its anchor: first the anchor itself, then stacked above/below it and shifted sideways,
// kept inside the canvas and, where possible, off the nodes the packet travels through. Labels sharing
// a spot are stacked downwards in hop order, so the class reads them as a numbered list. A label moved
// off its line is `displaced`, so the layer draws a leader line from it back to its hop.
import type { Insets, Rect } from './viewport';

export interface XY {
  x: number;
  y: number;
}

export interface LabelRequest {
  /** Where the label belongs (screen px): the midpoint of its hop's line. */
  anchor: XY;
  /** The label's box, screen px. */
  w: number;
  h: number;
}

export interface PlacedLabel {
  /** Top-left corner and size, screen px. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The anchor lies outside the box: the hop needs a leader line to its label. */
  displaced: boolean;
  /** The point of the box nearest the anchor (where a leader line ends). */
  attach: XY;
}

export interface LabelLayoutOptions {
  canvas: { width: number; height: number };
  /** Screen px kept free at the canvas edges (the zoom controls sit bottom-left). */
  insets: Insets;
  /** Space kept between two labels, px. */
  gap?: number;
  /** Boxes a label should rather not cover (the trace's nodes); a soft rule, unlike other labels. */
  obstacles?: readonly Rect[];
  /** Boxes no label may cover, like another label (the verdict callout). */
  blocked?: readonly Rect[];
  /** Rows tried above and below the anchor before the search leaves the canvas. */
  maxRows?: number;
}

/** Extra cost (px of distance) of a spot that covers a node the packet travels through. */
const OBSTACLE_COST = 24;
/** A sideways shift costs more than a step up or down: labels are wide and short. */
const SHIFT_WEIGHT = 0.6;

interface Candidate {
  cx: number;
  cy: number;
  cost: number;
}

function intersects(a: Rect, b: Rect, pad = 0): boolean {
  return (
    a.x < b.x + b.width + pad &&
    b.x < a.x + a.width + pad &&
    a.y < b.y + b.height + pad &&
    b.y < a.y + a.height + pad
  );
}

function clamp(v: number, lo: number, hi: number): number {
  return hi < lo ? lo : Math.min(hi, Math.max(lo, v));
}

/**
 * Non-overlapping boxes for `labels`, in the same order. Deterministic: the same input gives the same
 * boxes (candidates are tried in a fixed order; ties keep the first). Two placed boxes never intersect,
 * even with `gap` between them; none is cut by the canvas edge: a label is whole inside the canvas (or
 * wholly below it when nothing free is left there), or, when its hop is well off the canvas, out of sight.
 */
export function layoutLabels(labels: readonly LabelRequest[], opts: LabelLayoutOptions): PlacedLabel[] {
  const gap = opts.gap ?? 3;
  const maxRows = opts.maxRows ?? 12;
  const { canvas, insets } = opts;
  const obstacles = opts.obstacles ?? [];
  const placed: Rect[] = [...(opts.blocked ?? [])];
  /** Each placed label's box as if centred on its anchor, and where its centre went. */
  const placedAt: { at: Rect; cy: number }[] = [];
  const out: PlacedLabel[] = [];
  for (const req of labels) {
    const { anchor, w, h } = req;
    // A hop whose midpoint is on the canvas, or just off it (its line still crosses the edge), gets its
    // label whole inside the canvas. One further off is not on screen: its label stays out of sight
    // rather than being cut by the edge or pulled in beside another line.
    const onCanvas =
      anchor.x >= -w / 2 &&
      anchor.y >= -2 * h &&
      anchor.x <= canvas.width + w / 2 &&
      anchor.y <= canvas.height + 2 * h;
    const view: Rect = { x: 0, y: 0, width: canvas.width, height: canvas.height };
    const intoCanvas = (c: XY): XY =>
      onCanvas
        ? {
            x: clamp(c.x, insets.left + w / 2, canvas.width - insets.right - w / 2),
            y: clamp(c.y, insets.top + h / 2, canvas.height - insets.bottom - h / 2),
          }
        : c;
    const rectAt = (c: XY): Rect => ({ x: c.x - w / 2, y: c.y - h / 2, width: w, height: h });
    const free = (r: Rect) => placed.every((p) => !intersects(r, p, gap));

    const candidates: Candidate[] = [];
    const rowStep = h + gap;
    const shifts = [0, -0.5, 0.5, -1, 1];
    for (let row = 0; row <= maxRows; row++) {
      for (const sign of row === 0 ? [1] : [1, -1]) {
        for (const s of shifts) {
          const c = intoCanvas({ x: anchor.x + s * (w + gap), y: anchor.y + sign * row * rowStep });
          const cost = Math.abs(c.y - anchor.y) + SHIFT_WEIGHT * Math.abs(c.x - anchor.x);
          candidates.push({ cx: c.x, cy: c.y, cost });
        }
      }
    }
    // Labels that would cover each other at their anchors (a query and its answer, the tries of a
    // search list) read as a list: a later one goes below the earlier ones while there is room.
    const own = rectAt(anchor);
    const siblings = placedAt.filter((p) => intersects(own, p.at)).map((p) => p.cy);
    const pick = (ordered: boolean) => {
      let best: { rect: Rect; cost: number } | null = null;
      for (const c of candidates) {
        if (ordered && siblings.some((cy) => c.cy <= cy)) continue;
        const r = rectAt({ x: c.cx, y: c.cy });
        if (!free(r) || (!onCanvas && intersects(r, view))) continue;
        let cost = c.cost;
        for (const o of obstacles) if (intersects(r, o)) cost += OBSTACLE_COST;
        if (best === null || cost < best.cost) best = { rect: r, cost };
      }
      return best;
    };
    const best = (siblings.length > 0 ? pick(true) : null) ?? pick(false);
    // Nothing free near the anchor: the first free row below that is not cut by the canvas edge (whole
    // inside, or wholly out of sight, where the hop list still names it). Finitely many boxes are
    // placed, so a row below them all and below the canvas ends the search.
    const cut = (r: Rect) =>
      onCanvas ? r.y < canvas.height && r.y + r.height > canvas.height - insets.bottom : intersects(r, view);
    let rect = best?.rect;
    for (let row = maxRows + 1; rect === undefined; row++) {
      const r = rectAt({ x: anchor.x, y: anchor.y + row * rowStep });
      if (free(r) && !cut(r)) rect = r;
    }
    placed.push(rect);
    placedAt.push({ at: own, cy: rect.y + h / 2 });
    const attach = {
      x: clamp(anchor.x, rect.x, rect.x + rect.width),
      y: clamp(anchor.y, rect.y, rect.y + rect.height),
    };
    out.push({
      x: rect.x,
      y: rect.y,
      w,
      h,
      displaced: attach.x !== anchor.x || attach.y !== anchor.y,
      attach,
    });
  }
  return out;
}
