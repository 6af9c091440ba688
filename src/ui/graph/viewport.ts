// Where the graph's camera goes. React Flow's fitView shrinks the whole graph into the canvas however
// small that makes it: at 1280×720 the chapter's cluster came out at zoom ~0.32, Pod names ~5 px tall.
// Here the zoom never drops below a readable minimum (node text is 12 px at zoom 1, so 0.75 keeps Pod
// names at 9 px; more with "Large text"); what does not fit is reached by panning, and the part shown
// is the one that matters: the cluster Node with its Pods whole (what the student's commands change),
// with as much of the graph's left (host, Services, Endpoints: where traffic starts) as fits beside it,
// or, while a packet is shown, the nodes it travels through with the node where it stopped in view.
import type { TrafficPlan } from './trace-steps';

export { MAX_FIT_ZOOM, MIN_READABLE_ZOOM, MIN_READABLE_ZOOM_LARGE } from './zoom';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Screen pixels kept free on each side of the canvas (the zoom controls sit bottom-left). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The zoom controls' strip: React Flow's Controls (three 26 px buttons) laid in a row along the
 * canvas's bottom-left corner (graph.css), 15 px from its edges. A column at the left edge took a
 * 52 px strip off the canvas's width, the short axis whenever the graph is cut (the cluster is wider
 * than tall): at 1280×720 the sleep graph then missed fitting at the readable zoom by ~26 px and the
 * camera, keeping the cluster Node whole, slid the sleep-2 Service under the buttons. A row costs
 * 26 + 15 px of the height, where the graph fits.
 */
export const CONTROLS_STRIP = { height: 26, margin: 15, gap: 6 } as const;
const CONTROLS_BOTTOM = CONTROLS_STRIP.margin + CONTROLS_STRIP.height + CONTROLS_STRIP.gap;

/** The bottom inset clears the zoom controls' strip, so a framed graph never lies under them. */
export const FIT_INSETS: Insets = { top: 12, right: 12, bottom: CONTROLS_BOTTOM, left: 12 };

export function unionRect(rects: Iterable<Rect>): Rect | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return x0 === Number.POSITIVE_INFINITY ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The viewport that shows `bounds` as large as fits in the canvas, zoom clamped to
 * [minZoom, maxZoom]. An axis that does not fit at minZoom shows the start of `bounds` (left / top)
 * unless `focus` is given, which is then kept in view (centred on that axis if it must be).
 */
export function fitViewport(
  bounds: Rect,
  canvas: { width: number; height: number },
  opts: { minZoom: number; maxZoom: number; insets?: Insets; focus?: Rect | null },
): Viewport {
  const ins = opts.insets ?? FIT_INSETS;
  const availW = Math.max(1, canvas.width - ins.left - ins.right);
  const availH = Math.max(1, canvas.height - ins.top - ins.bottom);
  const fit = Math.min(availW / Math.max(1, bounds.width), availH / Math.max(1, bounds.height));
  const zoom = Math.min(opts.maxZoom, Math.max(opts.minZoom, fit));
  const axis = (start: number, size: number, avail: number, inset: number, f?: [number, number]) => {
    const scaled = size * zoom;
    if (scaled <= avail) return inset + (avail - scaled) / 2 - start * zoom;
    // too big: show the start, unless that hides the focus
    let offset = inset - start * zoom;
    if (f) {
      const [fs, fl] = f;
      const lo = fs * zoom + offset;
      const hi = (fs + fl) * zoom + offset;
      if (lo < inset || hi > inset + avail) {
        offset =
          fl * zoom <= avail
            ? inset + avail - (fs + fl) * zoom // just far enough for its far edge
            : inset + (avail - fl * zoom) / 2 - fs * zoom;
        // never past the end of the content
        offset = Math.max(offset, inset + avail - (start + size) * zoom);
      }
    }
    return offset;
  };
  const f = opts.focus;
  return {
    zoom,
    x: axis(bounds.x, bounds.width, availW, ins.left, f ? [f.x, f.width] : undefined),
    y: axis(bounds.y, bounds.height, availH, ins.top, f ? [f.y, f.height] : undefined),
  };
}

/**
 * What framing the whole graph keeps whole in view when the graph is wider or taller than the canvas
 * at the readable zoom: the cluster Nodes with their Pods (what the student's kubectl commands change:
 * §3.1's new Pods, the replacement of a deleted one), all of them if they fit together at `minZoom`,
 * else the first one (top-most, then left-most). A Node taller or wider than the canvas (kube-system's
 * nine Pods) is kept from its top-left corner: its name and first Pods. The canvas here is React Flow's
 * pane, which ends where the "Last packet" list begins (a flex sibling, folded to a strip when closed),
 * so the focus is placed beside the list, never under it. Null when there is no Node.
 */
export function clusterFocus(
  groups: readonly Rect[],
  canvas: { width: number; height: number },
  minZoom: number,
  insets: Insets = FIT_INSETS,
): Rect | null {
  const all = unionRect(groups);
  if (!all) return null;
  const maxW = Math.max(1, canvas.width - insets.left - insets.right) / minZoom;
  const maxH = Math.max(1, canvas.height - insets.top - insets.bottom) / minZoom;
  let f = all;
  if (all.width > maxW || all.height > maxH) {
    f = groups.reduce((a, b) => (b.y < a.y || (b.y === a.y && b.x < a.x) ? b : a));
  }
  return { x: f.x, y: f.y, width: Math.min(f.width, maxW), height: Math.min(f.height, maxH) };
}

/** The nodes a packet travels through (and the one its verdict points at), for framing the trace. */
export function traceRects(
  plan: TrafficPlan,
  rects: ReadonlyMap<string, Rect>,
): { all: Rect[]; focus: Rect | null } {
  const all: Rect[] = [];
  for (const s of plan.steps) {
    for (const id of [s.from, s.to]) {
      const r = id ? rects.get(id) : undefined;
      if (r) all.push(r);
    }
  }
  const focus = plan.calloutAt ? (rects.get(plan.calloutAt) ?? null) : null;
  if (focus) all.push(focus);
  return { all, focus };
}

/**
 * Screen pixels kept free around a framed trace: the zoom controls' strip below, and only 6 px at the
 * sides (the callout's own margin). At 1280×720 the canvas beside the "Last packet" list is 512 px
 * wide and §3.1's `ping sleep-2` runs from sleep-1's Pod (right, in the cluster Node) to the sleep-2
 * Service (left column): at the readable zoom its ends take 497 px, which 12 px sides did not leave.
 */
export const TRACE_INSETS: Insets = { top: 12, right: 6, bottom: CONTROLS_BOTTOM, left: 6 };

/** A node drawn as a box around others (a cluster Node): framed by its centre, where hop lines end. */
const isGroup = (id: string) => id.startsWith('Node/');
const centreOf = (r: Rect): Rect => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, width: 0, height: 0 });

/**
 * What of a trace must stay on screen while it plays when the whole of it (every node box it
 * touches, the verdict's room) does not fit at a readable zoom: the node the packet starts from and
 * the node its verdict points at, whole (where it starts and where it ended), and both ends of every
 * hop (the centres its lines join), so each hop's line is seen from end to end. A cluster Node counts
 * by its centre only: its box holds every Pod. Empty when no hop is drawn.
 */
export function traceEssentials(plan: TrafficPlan, rects: ReadonlyMap<string, Rect>): Rect[] {
  const out: Rect[] = [];
  const whole = (id: string | null | undefined) => {
    const r = id ? rects.get(id) : undefined;
    if (r && id) out.push(isGroup(id) ? centreOf(r) : r);
  };
  const first = plan.steps.find((s) => s.from !== null && s.to !== null);
  if (!first) return out;
  whole(first.from);
  whole(plan.calloutAt);
  for (const s of plan.steps) {
    for (const id of [s.from, s.to]) {
      const r = id ? rects.get(id) : undefined;
      if (r) out.push(centreOf(r));
    }
  }
  return out;
}

/** Whether `bounds` fits the canvas inside `insets` at `zoom`. */
export function fitsAt(
  bounds: Rect,
  canvas: { width: number; height: number },
  zoom: number,
  insets: Insets,
): boolean {
  return (
    bounds.width * zoom <= canvas.width - insets.left - insets.right + 1e-6 &&
    bounds.height * zoom <= canvas.height - insets.top - insets.bottom + 1e-6
  );
}

/** Screen pixels the verdict callout keeps from the canvas edges; the bottom one clears the zoom controls. */
export const CALLOUT_INSETS: Insets = { top: 6, right: 6, bottom: CONTROLS_BOTTOM, left: 6 };

/**
 * Where the verdict callout (w×h, screen px) goes: centred under its anchor (screen coordinates),
 * moved to stay inside the canvas, above the anchor when there is no room below it.
 */
export function placeCallout(
  anchor: { x: number; y: number },
  box: { w: number; h: number },
  canvas: { width: number; height: number },
  ins: Insets = CALLOUT_INSETS,
): { x: number; y: number } {
  const maxX = canvas.width - ins.right - box.w;
  const x = Math.max(ins.left, Math.min(anchor.x - box.w / 2, maxX));
  let y = anchor.y + 14;
  if (y + box.h > canvas.height - ins.bottom) y = anchor.y - 14 - box.h;
  y = Math.max(ins.top, Math.min(y, canvas.height - ins.bottom - box.h));
  return { x: Math.round(x), y: Math.round(y) };
}

/**
 * Whether the viewport already shows every rect whole, at zoom ≥ minZoom (then the camera stays);
 * `insets`: screen px along the edges that do not count as shown (under the Pod's action form).
 */
export function showsAll(
  rects: readonly Rect[],
  vp: Viewport,
  canvas: { width: number; height: number },
  minZoom: number,
  insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 },
): boolean {
  if (vp.zoom < minZoom - 1e-6) return false;
  return rects.every((r) => {
    const left = r.x * vp.zoom + vp.x;
    const top = r.y * vp.zoom + vp.y;
    return (
      left >= insets.left &&
      top >= insets.top &&
      left + r.width * vp.zoom <= canvas.width - insets.right &&
      top + r.height * vp.zoom <= canvas.height - insets.bottom
    );
  });
}

/**
 * A hop label's centre (screen px) moved just enough for its box (w×h, screen px) to lie inside the
 * canvas, clear of the zoom controls. A label whose hop midpoint is off the canvas stays where it is
 * (pulling it in would put it beside the wrong line).
 */
export function keepLabelInside(
  centre: { x: number; y: number },
  box: { w: number; h: number },
  canvas: { width: number; height: number },
  ins: Insets = CALLOUT_INSETS,
): { x: number; y: number } {
  if (centre.x < 0 || centre.y < 0 || centre.x > canvas.width || centre.y > canvas.height) return centre;
  const clamp = (v: number, lo: number, hi: number) => (hi < lo ? lo : Math.min(hi, Math.max(lo, v)));
  return {
    x: clamp(centre.x, ins.left + box.w / 2, canvas.width - ins.right - box.w / 2),
    y: clamp(centre.y, ins.top + box.h / 2, canvas.height - ins.bottom - box.h / 2),
  };
}
