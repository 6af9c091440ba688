import { beforeAll, describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject, KindName } from '../../sim/api/types';
import type { Trace } from '../../sim/contract';
import { loadDagre } from './dagre-late';
import { deriveGraph } from './derive';
import { layoutGraph } from './layout';
import { traceToPlan } from './trace-steps';
import {
  CALLOUT_INSETS,
  CONTROLS_STRIP,
  clusterFocus,
  FIT_INSETS,
  fitsAt,
  fitViewport,
  keepLabelInside,
  MIN_READABLE_ZOOM,
  MIN_READABLE_ZOOM_LARGE,
  placeCallout,
  type Rect,
  showsAll,
  TRACE_INSETS,
  traceEssentials,
  traceRects,
  unionRect,
} from './viewport';

// the graph canvas at 1280×720 with every panel shown (measured: 538×307)
const SMALL = { width: 538, height: 307 };
const KINDS: KindName[] = ['Node', 'Pod', 'Deployment', 'ReplicaSet', 'Service', 'Endpoints'];
const opts = { minZoom: MIN_READABLE_ZOOM, maxZoom: 1.25 };

function onScreen(r: Rect, vp: { x: number; y: number; zoom: number }) {
  return {
    left: r.x * vp.zoom + vp.x,
    top: r.y * vp.zoom + vp.y,
    right: (r.x + r.width) * vp.zoom + vp.x,
    bottom: (r.y + r.height) * vp.zoom + vp.y,
  };
}

// dagre loads late in the page (./dagre-late); these layouts are not the first paint's
beforeAll(() => loadDagre());

describe('fitViewport', () => {
  it('centres a graph that fits, at the largest zoom up to the maximum', () => {
    const vp = fitViewport({ x: 0, y: 0, width: 200, height: 100 }, SMALL, opts);
    expect(vp.zoom).toBe(1.25);
    const s = onScreen({ x: 0, y: 0, width: 200, height: 100 }, vp);
    const availW = SMALL.width - FIT_INSETS.left - FIT_INSETS.right;
    expect(s.left - FIT_INSETS.left).toBeCloseTo(availW - (s.right - FIT_INSETS.left), 5);
  });

  it('never zooms below the readable minimum: a wide graph shows its left part, clear of the controls', () => {
    const bounds = { x: 20, y: 20, width: 1800, height: 300 };
    const vp = fitViewport(bounds, SMALL, opts);
    expect(vp.zoom).toBe(MIN_READABLE_ZOOM);
    const s = onScreen(bounds, vp);
    expect(s.left).toBe(FIT_INSETS.left);
    expect(s.right).toBeGreaterThan(SMALL.width);
  });

  it('keeps the focus in view when the start of the bounds would hide it', () => {
    const bounds = { x: 0, y: 0, width: 2000, height: 2000 };
    const focus = { x: 1500, y: 1200, width: 200, height: 100 };
    const vp = fitViewport(bounds, SMALL, { ...opts, focus });
    const s = onScreen(focus, vp);
    expect(s.left).toBeGreaterThanOrEqual(FIT_INSETS.left);
    expect(s.right).toBeLessThanOrEqual(SMALL.width - FIT_INSETS.right + 1e-9);
    expect(s.top).toBeGreaterThanOrEqual(FIT_INSETS.top);
    expect(s.bottom).toBeLessThanOrEqual(SMALL.height - FIT_INSETS.bottom + 1e-9);
  });

  it('a focus already in view leaves the start of the bounds shown', () => {
    const bounds = { x: 0, y: 0, width: 2000, height: 200 };
    const vp = fitViewport(bounds, SMALL, { ...opts, focus: { x: 10, y: 10, width: 50, height: 50 } });
    expect(onScreen(bounds, vp).left).toBe(FIT_INSETS.left);
  });
});

/** Absolute boxes of a layout's nodes (children are placed relative to their group), as GraphPanel. */
function absoluteRects(objects: K8sObject[]): Map<string, Rect> {
  const { nodes } = layoutGraph(deriveGraph(objects));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rects = new Map<string, Rect>();
  for (const n of nodes) {
    const p = n.parentId ? byId.get(n.parentId) : undefined;
    rects.set(n.id, {
      x: n.position.x + (p?.position.x ?? 0),
      y: n.position.y + (p?.position.y ?? 0),
      width: n.width,
      height: n.height,
    });
  }
  return rects;
}

/** The camera's whole-graph framing (Camera.tsx): top-level bounds, the cluster Nodes as focus. */
function frameWhole(rects: Map<string, Rect>, canvas: { width: number; height: number }, minZoom: number) {
  const top = [...rects].filter(([id]) => !id.startsWith('Pod/') && !id.startsWith('kube-proxy/'));
  const groups = top.filter(([id]) => id.startsWith('Node/')).map(([, r]) => r);
  const focus = clusterFocus(groups, canvas, minZoom);
  return fitViewport(unionRect(top.map(([, r]) => r)) as Rect, canvas, { minZoom, maxZoom: 1.25, focus });
}

// The canvas beside the "Last packet" list at 1280×720 with every panel shown (measured in
// e2e/qa-graph-fit.spec.ts: 512×360), and with the list folded to its strip (668×360). React Flow's
// pane is that canvas: the list is its flex sibling, so the visible area is the whole pane.
const BESIDE_LIST = { width: 512, height: 360 };
const LIST_FOLDED = { width: 668, height: 360 };

describe('clusterFocus: the whole graph at 1280×720 keeps the Node and its Pods in view', () => {
  const d = kdrive({ seed: 1 });
  d.kubectl('apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml');
  const objects = (): K8sObject[] => KINDS.flatMap((k) => d.cluster.list(k));

  for (const [name, canvas] of [
    ['beside the open list', BESIDE_LIST],
    ['with the list folded', LIST_FOLDED],
  ] as const) {
    for (const minZoom of [MIN_READABLE_ZOOM, MIN_READABLE_ZOOM_LARGE]) {
      it(`${name}, zoom ≥ ${minZoom}: every Pod is whole inside the canvas, clear of the insets`, () => {
        const rects = absoluteRects(objects());
        const top = [...rects].filter(([id]) => !id.startsWith('Pod/') && !id.startsWith('kube-proxy/'));
        const all = unionRect(top.map(([, r]) => r)) as Rect;
        // the case this is about: the graph is wider than the canvas at the readable zoom
        expect(all.width * minZoom).toBeGreaterThan(canvas.width);
        const vp = frameWhole(rects, canvas, minZoom);
        expect(vp.zoom).toBeGreaterThanOrEqual(minZoom);
        const pods = [...rects].filter(([id]) => id.startsWith('Pod/'));
        expect(pods.length).toBe(4);
        for (const [id, r] of [...pods, ...top.filter(([id]) => id.startsWith('Node/'))]) {
          const s = onScreen(r, vp);
          expect(s.left, id).toBeGreaterThanOrEqual(FIT_INSETS.left - 1e-9);
          expect(s.right, id).toBeLessThanOrEqual(canvas.width - FIT_INSETS.right + 1e-9);
          expect(s.top, id).toBeGreaterThanOrEqual(FIT_INSETS.top - 1e-9);
          expect(s.bottom, id).toBeLessThanOrEqual(canvas.height - FIT_INSETS.bottom + 1e-9);
        }
        // as much of the left as fits beside it: the Node's right edge sits at the canvas's
        expect(onScreen(top.find(([id]) => id.startsWith('Node/'))?.[1] as Rect, vp).right).toBeCloseTo(
          canvas.width - FIT_INSETS.right,
          6,
        );
      });
    }
  }

  // React Flow's Controls in a row at the bottom-left corner (graph.css): three 26 px buttons
  const controlsBox = (canvas: { width: number; height: number }) => ({
    left: CONTROLS_STRIP.margin,
    right: CONTROLS_STRIP.margin + 3 * CONTROLS_STRIP.height,
    top: canvas.height - CONTROLS_STRIP.margin - CONTROLS_STRIP.height,
    bottom: canvas.height - CONTROLS_STRIP.margin,
  });
  for (const [name, canvas] of [
    ['beside the open list', BESIDE_LIST],
    ['with the list folded', LIST_FOLDED],
  ] as const) {
    for (const minZoom of [MIN_READABLE_ZOOM, MIN_READABLE_ZOOM_LARGE]) {
      it(`${name}, zoom ≥ ${minZoom}: the framing keeps the controls' strip free, no node under the buttons`, () => {
        const rects = absoluteRects(objects());
        const vp = frameWhole(rects, canvas, minZoom);
        const c = controlsBox(canvas);
        // the strip is reserved: the inset is below no node, and above the buttons' top edge
        expect(canvas.height - FIT_INSETS.bottom).toBeLessThan(c.top);
        const under: string[] = [];
        for (const [id, r] of rects) {
          const s = onScreen(r, vp);
          // the sleep-2 Service sits bottom-left of the graph: it was the node the buttons hid
          if (s.left < c.right && s.right > c.left && s.top < c.bottom && s.bottom > c.top) under.push(id);
          expect(s.bottom, id).toBeLessThanOrEqual(canvas.height - FIT_INSETS.bottom + 1e-9);
        }
        expect(under).toEqual([]);
        expect(
          rects.has('Service/default/sleep-2') || [...rects.keys()].some((k) => k.includes('sleep-2')),
        ).toBe(true);
      });
    }
  }

  it('the left part alone (no focus) cuts the Node at the edge: the framing the fix replaces', () => {
    const rects = absoluteRects(objects());
    const top = [...rects].filter(([id]) => !id.startsWith('Pod/') && !id.startsWith('kube-proxy/'));
    const vp = fitViewport(unionRect(top.map(([, r]) => r)) as Rect, BESIDE_LIST, opts);
    const node = rects.get('Node/docker-desktop') as Rect;
    expect(onScreen(node, vp).right).toBeGreaterThan(BESIDE_LIST.width);
  });

  it('a graph that fits is centred whole; the focus changes nothing', () => {
    const rects = absoluteRects(objects());
    const big = { width: 2000, height: 900 };
    const vp = frameWhole(rects, big, MIN_READABLE_ZOOM);
    const top = [...rects].filter(([id]) => !id.startsWith('Pod/') && !id.startsWith('kube-proxy/'));
    const all = unionRect(top.map(([, r]) => r)) as Rect;
    expect(vp).toEqual(fitViewport(all, big, opts));
  });
});

describe('clusterFocus', () => {
  const canvas = { width: 512, height: 360 };
  const maxW = (canvas.width - FIT_INSETS.left - FIT_INSETS.right) / MIN_READABLE_ZOOM;
  const maxH = (canvas.height - FIT_INSETS.top - FIT_INSETS.bottom) / MIN_READABLE_ZOOM;
  it('is null without a cluster Node', () => {
    expect(clusterFocus([], canvas, MIN_READABLE_ZOOM)).toBeNull();
  });
  it('is every Node when they fit together at the minimum zoom', () => {
    const a = { x: 500, y: 20, width: 200, height: 150 };
    const b = { x: 500, y: 200, width: 200, height: 150 };
    expect(clusterFocus([b, a], canvas, MIN_READABLE_ZOOM)).toEqual({
      x: 500,
      y: 20,
      width: 200,
      height: 330,
    });
  });
  it('else the top-most Node, and of one too big its top-left part (its name and first Pods)', () => {
    const a = { x: 500, y: 20, width: 398, height: 256 };
    const b = { x: 500, y: 300, width: 398, height: 256 };
    expect(clusterFocus([b, a], canvas, MIN_READABLE_ZOOM)).toEqual(a);
    const tall = { x: 484, y: 179, width: 398, height: 880 };
    expect(clusterFocus([tall], canvas, MIN_READABLE_ZOOM)).toEqual({ ...tall, height: maxH });
    const wide = { x: 10, y: 10, width: 2000, height: 100 };
    expect(clusterFocus([wide], canvas, MIN_READABLE_ZOOM)).toEqual({ ...wide, width: maxW });
  });
  it('a larger minimum zoom ("Large text") leaves less room', () => {
    const tall = { x: 0, y: 0, width: 300, height: 600 };
    const small = clusterFocus([tall], canvas, MIN_READABLE_ZOOM_LARGE) as Rect;
    const big = clusterFocus([tall], canvas, MIN_READABLE_ZOOM) as Rect;
    expect(small.height).toBeCloseTo(canvas.height - FIT_INSETS.top - FIT_INSETS.bottom, 9);
    expect(small.height).toBeLessThan(big.height);
  });
});

describe('framing the chapter ping trace (real core)', () => {
  it('at 1280×720 the node where the packet stopped is on screen at a readable zoom', () => {
    const d = kdrive({ seed: 7 });
    d.kubectl('apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml');
    d.kubectl('wait --for=condition=Ready pod -l app=sleep-1');
    d.kubectl('wait --for=condition=Ready pod -l app=sleep-2');
    d.kubectl('exec deploy/sleep-1 -- ping -c 1 sleep-2');
    const trace = (d.last?.traces ?? []).at(-1) as Trace;
    const objects: K8sObject[] = KINDS.flatMap((k) => d.cluster.list(k));
    const { nodes } = layoutGraph(deriveGraph(objects));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const rects = new Map<string, Rect>();
    for (const n of nodes) {
      const p = n.parentId ? byId.get(n.parentId) : undefined;
      rects.set(n.id, {
        x: n.position.x + (p?.position.x ?? 0),
        y: n.position.y + (p?.position.y ?? 0),
        width: n.width,
        height: n.height,
      });
    }
    const plan = traceToPlan(trace, (id) => rects.has(id));
    const { all, focus } = traceRects(plan, rects);
    expect(focus).not.toBeNull();
    const vp = fitViewport(unionRect(all) as Rect, SMALL, { ...opts, focus });
    expect(vp.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    const s = onScreen(focus as Rect, vp);
    expect(s.left).toBeGreaterThanOrEqual(FIT_INSETS.left);
    expect(s.right).toBeLessThanOrEqual(SMALL.width - FIT_INSETS.right + 1e-9);
    expect(s.top).toBeGreaterThanOrEqual(0);
    expect(s.bottom).toBeLessThanOrEqual(SMALL.height);
  });
});

describe('traceEssentials: a trace too wide for the canvas keeps where it starts and where it ended', () => {
  // the canvas beside the unfolded "Last packet" list at 1280×720 (measured: 512×360)
  const LIST_OPEN = { width: 512, height: 360 };
  it("§3.1's ping sleep-2: sleep-1's Pod, the sleep-2 Service and every hop's ends on screen at a readable zoom", () => {
    const d = kdrive({ seed: 7 });
    d.kubectl('apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml');
    d.kubectl('wait --for=condition=Ready pod -l app=sleep-1');
    d.kubectl('wait --for=condition=Ready pod -l app=sleep-2');
    d.kubectl('exec deploy/sleep-1 -- ping -c 1 sleep-2');
    const trace = (d.last?.traces ?? []).at(-1) as Trace;
    const objects: K8sObject[] = KINDS.flatMap((k) => d.cluster.list(k));
    const { nodes } = layoutGraph(deriveGraph(objects));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const rects = new Map<string, Rect>();
    for (const n of nodes) {
      const p = n.parentId ? byId.get(n.parentId) : undefined;
      rects.set(n.id, {
        x: n.position.x + (p?.position.x ?? 0),
        y: n.position.y + (p?.position.y ?? 0),
        width: n.width,
        height: n.height,
      });
    }
    const plan = traceToPlan(trace, (id) => rects.has(id));
    const source = plan.steps.find((s) => s.from && s.to)?.from ?? '';
    expect(source).toMatch(/^Pod\/default\/sleep-1-/);
    expect(plan.calloutAt).toBe('Service/default/sleep-2');
    const must = traceEssentials(plan, rects);
    // the source and the verdict's node whole, and one point per hop end (a group by its centre)
    expect(must).toContainEqual(rects.get(source));
    expect(must).toContainEqual(rects.get('Service/default/sleep-2'));
    expect(must.filter((r) => r.width === 0 && r.height === 0)).toHaveLength(2 * plan.steps.length);
    const core = unionRect(must) as Rect;
    expect(fitsAt(core, LIST_OPEN, MIN_READABLE_ZOOM, TRACE_INSETS)).toBe(true);
    const vp = fitViewport(core, LIST_OPEN, { ...opts, insets: TRACE_INSETS });
    expect(vp.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    expect(showsAll(must, vp, LIST_OPEN, MIN_READABLE_ZOOM, TRACE_INSETS)).toBe(true);
  });

  it('is empty when no hop is drawn, and frames a cluster Node by its centre', () => {
    const group = { x: 400, y: 100, width: 600, height: 400 };
    const pod = { x: 420, y: 140, width: 176, height: 64 };
    const rects = new Map<string, Rect>([
      ['Node/docker-desktop', group],
      ['Pod/default/a', pod],
    ]);
    const step = {
      n: 1,
      kind: 'send' as const,
      label: '',
      startMs: 0,
      durMs: 700,
      failed: false,
      returning: false,
    };
    const plan = {
      traceId: 't',
      verdict: 'delivered' as const,
      ok: true,
      reason: '',
      totalMs: 700,
      calloutAt: 'Node/docker-desktop',
      steps: [{ ...step, from: 'Pod/default/a', to: 'Node/docker-desktop' }],
    };
    const must = traceEssentials(plan, rects);
    expect(must).toEqual([
      pod,
      { x: 700, y: 300, width: 0, height: 0 },
      { x: 508, y: 172, width: 0, height: 0 },
      { x: 700, y: 300, width: 0, height: 0 },
    ]);
    expect(
      traceEssentials({ ...plan, steps: [{ ...step, from: null, to: 'Pod/default/a' }] }, rects),
    ).toEqual([]);
  });
});

describe('fitsAt', () => {
  it('compares the scaled bounds with the canvas inside the insets', () => {
    const ins = { top: 10, right: 5, bottom: 20, left: 5 };
    expect(fitsAt({ x: 0, y: 0, width: 490, height: 270 }, { width: 500, height: 300 }, 1, ins)).toBe(true);
    expect(fitsAt({ x: 0, y: 0, width: 491, height: 270 }, { width: 500, height: 300 }, 1, ins)).toBe(false);
    expect(fitsAt({ x: 0, y: 0, width: 490, height: 271 }, { width: 500, height: 300 }, 1, ins)).toBe(false);
    expect(fitsAt({ x: 0, y: 0, width: 980, height: 540 }, { width: 500, height: 300 }, 0.5, ins)).toBe(true);
  });
});

describe('showsAll', () => {
  it('does not count what lies inside the insets (under the action form) as shown', () => {
    const r = { x: 100, y: 10, width: 100, height: 50 };
    const vp = { x: 0, y: 0, zoom: 1 };
    expect(showsAll([r], vp, SMALL, MIN_READABLE_ZOOM)).toBe(true);
    expect(showsAll([r], vp, SMALL, MIN_READABLE_ZOOM, { top: 40, right: 0, bottom: 0, left: 0 })).toBe(
      false,
    );
    expect(showsAll([r], vp, SMALL, MIN_READABLE_ZOOM, { top: 10, right: 0, bottom: 0, left: 0 })).toBe(true);
  });

  const r = { x: 100, y: 100, width: 200, height: 100 };
  it('is true only when every rect is whole on the canvas at a readable zoom', () => {
    expect(showsAll([r], { x: 0, y: 0, zoom: 1 }, SMALL, MIN_READABLE_ZOOM)).toBe(true);
    expect(showsAll([r], { x: -150, y: 0, zoom: 1 }, SMALL, MIN_READABLE_ZOOM)).toBe(false);
    expect(showsAll([r], { x: 0, y: 0, zoom: 2 }, SMALL, MIN_READABLE_ZOOM)).toBe(false);
    expect(showsAll([r], { x: 0, y: 0, zoom: 0.5 }, SMALL, MIN_READABLE_ZOOM)).toBe(false);
  });
});

describe('placeCallout', () => {
  const box = { w: 250, h: 70 };
  it('hangs centred below its anchor when there is room', () => {
    expect(placeCallout({ x: 300, y: 100 }, box, SMALL)).toEqual({ x: 175, y: 114 });
  });
  it('stays clear of the zoom controls at the left edge and inside at the right', () => {
    expect(placeCallout({ x: 10, y: 100 }, box, SMALL).x).toBe(CALLOUT_INSETS.left);
    const p = placeCallout({ x: 530, y: 100 }, box, SMALL);
    expect(p.x + box.w).toBe(SMALL.width - CALLOUT_INSETS.right);
  });
  it('goes above its anchor near the bottom, and never leaves the canvas', () => {
    const p = placeCallout({ x: 300, y: 290 }, box, SMALL);
    expect(p.y + box.h).toBeLessThanOrEqual(290 - 14);
    const q = placeCallout({ x: -500, y: -500 }, box, SMALL);
    expect(q.x).toBeGreaterThanOrEqual(0);
    expect(q.y).toBeGreaterThanOrEqual(0);
  });
});

describe('keepLabelInside', () => {
  const box = { w: 160, h: 18 };
  it('moves a label cut by the left edge (or under the zoom controls) inside, and one cut by the right edge', () => {
    expect(keepLabelInside({ x: 30, y: 100 }, box, SMALL).x).toBe(CALLOUT_INSETS.left + 80);
    expect(keepLabelInside({ x: 520, y: 100 }, box, SMALL).x).toBe(SMALL.width - CALLOUT_INSETS.right - 80);
    expect(keepLabelInside({ x: 300, y: 2 }, box, SMALL).y).toBe(CALLOUT_INSETS.top + 9);
  });
  it('leaves a label that fits, or whose hop is off the canvas, where it is', () => {
    expect(keepLabelInside({ x: 300, y: 100 }, box, SMALL)).toEqual({ x: 300, y: 100 });
    expect(keepLabelInside({ x: -40, y: 100 }, box, SMALL)).toEqual({ x: -40, y: 100 });
  });
});
