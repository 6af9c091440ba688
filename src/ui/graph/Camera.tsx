// The graph's camera (viewport.ts decides where it goes): the whole graph when it fits at a readable
// zoom, else the cluster Node with its Pods whole and as much of the left part (where traffic starts)
// as fits beside it; while a packet is shown, the nodes it travels
// through, with the node where it stopped in view, or, when they do not all fit at the readable zoom,
// the node it starts from, the one where it stopped and every hop's line (viewport.ts
// traceEssentials), clear of the selected Pod's action form. It follows the graph as it grows, the canvas as it
// resizes and "Large text", until the user pans or zooms; the fit-view button hands control back.
// In the traffic chunk (re-exported by TrafficController.tsx), mounted after the graph's first paint:
// that paint uses React Flow's own fitView, clamped to the same readable zoom.
import { useStore as useFlowStore, useReactFlow } from '@xyflow/react';
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { useStore } from '../../state/store';
import type { TrafficPlan } from './trace-steps';
import {
  clusterFocus,
  fitsAt,
  fitViewport,
  type Insets,
  MAX_FIT_ZOOM,
  MIN_READABLE_ZOOM,
  MIN_READABLE_ZOOM_LARGE,
  type Rect,
  showsAll,
  TRACE_INSETS,
  traceEssentials,
  traceRects,
  unionRect,
} from './viewport';

/** The verdict callout hangs below its node (screen px, whatever the zoom): frame room for it. */
const CALLOUT_ROOM = { width: 280, height: 110 };

/**
 * How far down the canvas the selected Pod's action form reaches (screen px from the canvas's top; 0
 * without one): it sits over the canvas's top-right corner (GraphPanel.tsx), and a trace framed under
 * it hid the DNS hop's Service at 1280×720.
 */
function overlayBottom(dom: HTMLDivElement | null): number {
  const form = dom?.querySelector('.react-flow__panel.top.right');
  if (!dom || !form) return 0;
  return Math.ceil(form.getBoundingClientRect().bottom - dom.getBoundingClientRect().top) + 6;
}

export function Camera({
  rects,
  topKey,
  plan,
  userMoved,
  fitRef,
}: {
  /** Absolute boxes of every drawn node. */
  rects: ReadonlyMap<string, Rect>;
  /** The top-level node ids, joined by `|` (changes when one comes or goes). */
  topKey: string;
  plan: TrafficPlan | null;
  userMoved: RefObject<boolean>;
  fitRef: RefObject<((duration: number) => void) | null>;
}) {
  const flow = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const domNode = useFlowStore((s) => s.domNode);
  const largeText = useStore((s) => s.largeText);
  const minZoom = largeText ? MIN_READABLE_ZOOM_LARGE : MIN_READABLE_ZOOM;

  const frame = useCallback(
    (duration: number, onlyIfHidden = false, show?: readonly Rect[]) => {
      if (width <= 0 || height <= 0) return;
      const canvas = { width, height };
      let bounds: Rect | null = null;
      let focus: Rect | null = null;
      let insets: Insets | undefined;
      let floor = minZoom;
      if (show) {
        // new Pods: kept in view over the graph's left part (and over an old trace)
        if (onlyIfHidden && showsAll(show, flow.getViewport(), { width, height }, minZoom)) return;
        focus = unionRect(show);
      } else if (plan) {
        const tr = traceRects(plan, rects);
        focus = tr.focus && {
          x: tr.focus.x + tr.focus.width / 2 - CALLOUT_ROOM.width / 2 / minZoom,
          y: tr.focus.y,
          width: CALLOUT_ROOM.width / minZoom,
          height: tr.focus.height / 2 + CALLOUT_ROOM.height / minZoom,
        };
        insets = { ...TRACE_INSETS, top: Math.max(TRACE_INSETS.top, overlayBottom(domNode)) };
        let shown = focus ? [...tr.all, focus] : tr.all;
        const whole = unionRect(shown);
        if (whole && !fitsAt(whole, canvas, minZoom, insets)) {
          // Too big to show whole at a readable zoom (§3.1's `ping sleep-2` at 1280×720): where the
          // packet starts, where it ended and every hop's line, rather than the trace's left part,
          // which cut sleep-1's Pod (the pinging one) at the "Last packet" list.
          const must = traceEssentials(plan, rects);
          const core = unionRect(must);
          if (core && fitsAt(core, canvas, minZoom, insets)) {
            shown = must;
            focus = null;
          } else if (core && minZoom > MIN_READABLE_ZOOM && fitsAt(core, canvas, MIN_READABLE_ZOOM, insets)) {
            // "Large text" on a small canvas (1280×720: 460 px beside the list, ~670 folded): the
            // packet's ends at a zoom a little under 1 (never under the readable one), rather than
            // its source Pod cut off at zoom 1
            shown = must;
            focus = null;
            floor = MIN_READABLE_ZOOM;
          }
        }
        // a trace on nodes already in view leaves the camera alone (20 traces a second do not shake it)
        if (onlyIfHidden && showsAll(shown, flow.getViewport(), canvas, floor, insets)) return;
        bounds = unionRect(shown);
      }
      if (!bounds) {
        const top: Rect[] = [];
        const groups: Rect[] = [];
        for (const id of topKey.split('|')) {
          const r = rects.get(id);
          if (r) top.push(r);
          if (r && id.startsWith('Node/')) groups.push(r);
        }
        bounds = unionRect(top);
        // the whole graph: what does not fit at the readable zoom leaves the cluster Node and its Pods
        // whole in view (the left part otherwise)
        if (!show) focus = clusterFocus(groups, { width, height }, minZoom);
      }
      if (!bounds) return;
      const vp = fitViewport(bounds, canvas, {
        minZoom: floor,
        maxZoom: MAX_FIT_ZOOM,
        focus,
        ...(insets ? { insets } : {}),
      });
      const now = flow.getViewport();
      // already there: no transition (it would repaint the graph for nothing)
      if (Math.abs(now.x - vp.x) < 0.5 && Math.abs(now.y - vp.y) < 0.5 && Math.abs(now.zoom - vp.zoom) < 1e-3)
        return;
      void flow.setViewport(vp, { duration });
    },
    [width, height, minZoom, plan, rects, topKey, flow, domNode],
  );
  const frameRef = useRef(frame);
  frameRef.current = frame;
  useEffect(() => {
    fitRef.current = (d) => frameRef.current(d);
    return () => {
      fitRef.current = null;
    };
  }, [fitRef]);

  // the first picture corrects React Flow's centred fit in place; later ones glide, so the student
  // sees what moved
  const framed = useRef(false);
  const traceId = plan?.traceId ?? '';
  const lastTrace = useRef('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-frame when what is framed changes, not on every layout
  useEffect(() => {
    const newTrace = traceId !== lastTrace.current && traceId !== '';
    lastTrace.current = traceId;
    if (topKey === '' || userMoved.current || width <= 0 || height <= 0) return;
    if (!framed.current) {
      framed.current = true;
      frameRef.current(0);
      return;
    }
    const id = requestAnimationFrame(() => frameRef.current(200, newTrace));
    return () => cancelAnimationFrame(id);
  }, [topKey, traceId, width, height, minZoom]);

  // Pods that appear after the first picture (the replacement of a deleted Pod, a scale-up) are
  // brought into view: the chapter's "delete the Pod, the IP has changed" may put it in a slot below
  // the ones the camera framed.
  const podKey = [...rects.keys()]
    .filter((id) => id.startsWith('Pod/'))
    .sort()
    .join('|');
  const seenPods = useRef<Set<string> | null>(null);
  // the top-level nodes when the Pods last changed: Pods that come with a new graph (another
  // namespace shown, a new cluster) are framed as that graph is (its cluster Node, viewport.ts)
  const topAtPods = useRef(topKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change in the drawn Pods moves the camera here
  useEffect(() => {
    const ids = podKey === '' ? [] : podKey.split('|');
    const seen = seenPods.current;
    seenPods.current = new Set(ids);
    const sameGraph = topAtPods.current === topKey;
    topAtPods.current = topKey;
    if (!seen || !sameGraph || !framed.current || userMoved.current) return;
    const fresh: Rect[] = [];
    for (const id of ids) {
      const r = seen.has(id) ? undefined : rects.get(id);
      if (r) fresh.push(r);
    }
    if (fresh.length === 0) return;
    const id = requestAnimationFrame(() => frameRef.current(200, true, fresh));
    return () => cancelAnimationFrame(id);
  }, [podKey]);
  // declared after the Pods' effect: when both change in one commit, that effect sees the old value
  useEffect(() => {
    topAtPods.current = topKey;
  }, [topKey]);
  return null;
}
