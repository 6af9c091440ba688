// Traffic, drawn in its own SVG layer inside React Flow's viewport (ViewportPortal), so a packet
// never re-renders or repaints the 700 structural edges: each hop is a marker moved by SVG
// <animateMotion> along a curve between two node centres, timed by SMIL itself (beginElementAt),
// so a playing trace costs React nothing after it mounts. 'numbered' hops (reduced motion, or earlier
// hops in step mode) are static lines with their number. The hop labels of the trace shown are laid out
// together so none covers another (label-layout.ts). The verdict callout points at where the packet
// stopped; it is drawn in screen space (Callout), so it keeps its size and stays inside the canvas.
import { type ReactFlowState, useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { layoutLabels } from './label-layout';
import type { TrafficStep } from './trace-steps';
import { CALLOUT_INSETS, placeCallout, type Rect } from './viewport';

export interface XY {
  x: number;
  y: number;
}

export interface TrafficHopView {
  step: TrafficStep;
  mode: 'motion' | 'numbered';
  delayMs: number;
  /** Draw the line and the label (the trace being shown); other traces draw only their packet. */
  detailed: boolean;
}

export interface TrafficTraceView {
  key: string;
  hops: TrafficHopView[];
  /**
   * Auto mode: the whole trace is ONE marker moving along all its hops (keyPoints/keyTimes keep each
   * hop's timing), so 20 traces a second stay a few dozen animated elements, not hundreds.
   */
  compact: boolean;
  totalMs: number;
  callout?: { at: string; title: string; reason: string; ok: boolean; delayMs: number };
}

function useReadableScale(): number {
  return useFlowStore((s) => {
    const zoom = s.transform[2];
    return zoom < 1 ? Math.min(1 / zoom, 2) : 1;
  });
}

interface Geometry {
  d: string;
  mid: XY;
  end: XY;
  /** Path length, for the compact marker's keyPoints. */
  len: number;
}

function geometry(a: XY, b: XY, self: boolean, returning: boolean): Geometry {
  if (self) {
    // a rule evaluated on one node: a small loop above its centre
    const d = `M ${a.x - 14} ${a.y} a 14 14 0 1 1 28 0 a 14 14 0 1 1 -28 0`;
    const mid = { x: a.x, y: a.y - 30 };
    return { d, mid, end: mid, len: 2 * Math.PI * 14 };
  }
  // bend requests and replies to opposite sides so a query and its answer do not overlap
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const dist = Math.hypot(dx, dy) || 1;
  const bend = returning ? -28 : 28;
  const c = { x: (a.x + b.x) / 2 + (-dy / dist) * bend, y: (a.y + b.y) / 2 + (dx / dist) * bend };
  // quadratic Bézier length, by an 8-segment polyline (plenty for timing a marker)
  let len = 0;
  let prev = a;
  for (let i = 1; i <= 8; i++) {
    const t = i / 8;
    const u = 1 - t;
    const p = {
      x: u * u * a.x + 2 * u * t * c.x + t * t * b.x,
      y: u * u * a.y + 2 * u * t * c.y + t * t * b.y,
    };
    len += Math.hypot(p.x - prev.x, p.y - prev.y);
    prev = p;
  }
  return {
    d: `M ${a.x} ${a.y} Q ${c.x} ${c.y} ${b.x} ${b.y}`,
    mid: { x: (a.x + 2 * c.x + b.x) / 4, y: (a.y + 2 * c.y + b.y) / 4 },
    end: b,
    len,
  };
}

/**
 * One marker for a whole trace, node centre to node centre, each hop reached at its own time. It is
 * an HTML dot moved by a Web Animations transform animation, which Chromium runs on the compositor:
 * 40 packets in flight cost the main thread no paint per frame (an SVG/SMIL marker repaints).
 */
const TracePacket = memo(function TracePacket({
  trace,
  centres,
}: {
  trace: TrafficTraceView;
  centres: ReadonlyMap<string, XY>;
}) {
  const dot = useRef<HTMLDivElement>(null);
  const failed = trace.hops.some((h) => h.step.failed);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the animation is set up once, at mount
  useEffect(() => {
    const el = dot.current;
    if (!el || typeof el.animate !== 'function') return;
    const total = Math.max(1, trace.totalMs);
    const frames: Keyframe[] = [];
    for (const h of trace.hops) {
      const a = h.step.from ? centres.get(h.step.from) : undefined;
      const b = h.step.to ? centres.get(h.step.to) : undefined;
      if (!a || !b) continue;
      const start = Math.min(0.97, h.step.startMs / total);
      const end = Math.min(0.97, (h.step.startMs + h.step.durMs) / total);
      const last = frames[frames.length - 1];
      const lastOffset = typeof last?.offset === 'number' ? last.offset : -1;
      frames.push({
        transform: `translate(${a.x}px, ${a.y}px) scale(1)`,
        offset: Math.max(start, lastOffset),
      });
      frames.push({
        transform: `translate(${b.x}px, ${b.y}px) scale(1)`,
        offset: Math.max(end, start, lastOffset),
      });
    }
    const tail = frames[frames.length - 1];
    if (!tail) return;
    // hidden before the first hop and after the last by scale(0), not opacity: one animated property
    const hidden = (f: Keyframe) => String(f.transform).replace('scale(1)', 'scale(0)');
    frames.push({ transform: hidden(tail), offset: 1 });
    const first = frames[0];
    if (first && first.offset !== 0) frames.unshift({ transform: hidden(first), offset: 0 });
    const anim = el.animate(frames, { duration: total, fill: 'forwards', easing: 'linear' });
    return () => anim.cancel();
  }, []);
  return <div ref={dot} className={`traffic-packet traffic-dot${failed ? ' is-failed' : ''}`} />;
});

const Hop = memo(function Hop({
  hop,
  a,
  b,
  compact,
}: {
  hop: TrafficHopView;
  a: XY;
  b: XY;
  compact: boolean;
}) {
  const motion = useRef<SVGAnimateMotionElement>(null);
  const show = useRef<SVGSetElement>(null);
  const { step, mode, delayMs } = hop;
  useEffect(() => {
    // begin="indefinite" + beginElementAt: SMIL times are document-relative, so an element mounted
    // later would otherwise start "in the past".
    if (mode !== 'motion' || compact) return;
    motion.current?.beginElementAt(delayMs / 1000);
    show.current?.beginElementAt(delayMs / 1000);
  }, [mode, delayMs, compact]);
  const g = geometry(a, b, step.from === step.to, step.returning);
  const cls = `traffic traffic-${step.kind}${step.failed ? ' is-failed' : ''}${step.returning ? ' is-return' : ''}`;
  return (
    <g className={cls} data-testid="traffic-hop" data-hop={step.n} data-kind={step.kind}>
      {hop.detailed ? (
        <path
          d={g.d}
          className="traffic-path"
          style={{ animationDelay: `${mode === 'motion' ? delayMs : 0}ms` }}
          fill="none"
        />
      ) : null}
      {mode === 'motion' && !compact ? (
        <circle r={7} className="traffic-packet" visibility="hidden">
          <set
            ref={show}
            attributeName="visibility"
            to="visible"
            begin="indefinite"
            dur={`${step.durMs}ms`}
          />
          <animateMotion ref={motion} dur={`${step.durMs}ms`} begin="indefinite" fill="freeze" path={g.d} />
        </circle>
      ) : null}
    </g>
  );
});

const TraceGroup = memo(function TraceGroup({
  trace,
  centres,
}: {
  trace: TrafficTraceView;
  centres: ReadonlyMap<string, XY>;
}) {
  // compact traces draw their hop lines only when detailed (the trace being shown)
  const lines = trace.compact ? trace.hops.filter((h) => h.detailed) : trace.hops;
  return (
    <g>
      {lines.map((h) => {
        const a = h.step.from ? centres.get(h.step.from) : undefined;
        const b = h.step.to ? centres.get(h.step.to) : undefined;
        return a && b ? <Hop key={h.step.n} hop={h} a={a} b={b} compact={trace.compact} /> : null;
      })}
    </g>
  );
});

/**
 * The labels of the trace being shown, laid out together (layoutLabels): measured, then each put at the
 * free spot nearest its hop's midpoint, so a query and its answer, a ping's requests or kube-proxy's rule
 * hops on one node never cover each other. A label moved off its line gets a leader line back to it.
 */
function Labels({
  trace,
  centres,
  avoid,
}: {
  trace: TrafficTraceView;
  centres: ReadonlyMap<string, XY>;
  /** The verdict callout's screen box, "x,y,w,h" ('' when there is none): no label goes under it. */
  avoid: string;
}) {
  const scale = useReadableScale();
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const drawn = useMemo(() => {
    const out: { hop: TrafficHopView; g: Geometry }[] = [];
    for (const h of trace.hops) {
      const a = h.detailed && h.step.from ? centres.get(h.step.from) : undefined;
      const b = h.detailed && h.step.to ? centres.get(h.step.to) : undefined;
      if (a && b) out.push({ hop: h, g: geometry(a, b, h.step.from === h.step.to, h.step.returning) });
    }
    return out;
  }, [trace, centres]);
  const obstacleKey = useFlowStore((s) => traceNodeBoxes(s.nodeLookup, drawn));
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const [sizes, setSizes] = useState<string>('');
  useLayoutEffect(() => {
    const now = refs.current
      .slice(0, drawn.length)
      .map((el) => (el ? `${el.offsetWidth}x${el.offsetHeight}` : '0x0'))
      .join(',');
    if (now !== sizes) setSizes(now);
  });
  const placed = useMemo(() => {
    const k = scale * zoom;
    const dims = sizes === '' ? [] : sizes.split(',').map((d) => d.split('x').map(Number));
    const obstacles: Rect[] = [];
    for (const r of obstacleKey === '' ? [] : obstacleKey.split(';')) {
      const [x = 0, y = 0, w = 0, h = 0] = r.split(',').map(Number);
      obstacles.push({ x: x * zoom + tx, y: y * zoom + ty, width: w * zoom, height: h * zoom });
    }
    const [cx = 0, cy = 0, cw = 0, ch = 0] = avoid === '' ? [] : avoid.split(',').map(Number);
    const blocked: Rect[] = avoid === '' ? [] : [{ x: cx, y: cy, width: cw, height: ch }];
    return layoutLabels(
      drawn.map(({ g }, i) => ({
        anchor: { x: g.mid.x * zoom + tx, y: g.mid.y * zoom + ty },
        w: (dims[i]?.[0] ?? 0) * k,
        h: (dims[i]?.[1] ?? 0) * k,
      })),
      { canvas: { width, height }, insets: CALLOUT_INSETS, gap: 3, obstacles, blocked },
    );
  }, [drawn, sizes, obstacleKey, avoid, scale, tx, ty, zoom, width, height]);
  const toFlow = (p: XY): XY => ({ x: (p.x - tx) / zoom, y: (p.y - ty) / zoom });
  return (
    <>
      <svg className="traffic-leaders" aria-hidden="true" width={1} height={1}>
        {drawn.map(({ hop, g }, i) => {
          const p = placed[i];
          if (!p?.displaced) return null;
          const end = toFlow(p.attach);
          const delay = `${hop.mode === 'motion' ? hop.delayMs : 0}ms`;
          return (
            <g
              key={hop.step.n}
              className={`traffic-leader${hop.step.failed ? ' is-failed' : ''}`}
              style={{ animationDelay: delay }}
            >
              <line x1={g.mid.x} y1={g.mid.y} x2={end.x} y2={end.y} vectorEffect="non-scaling-stroke" />
              <circle cx={g.mid.x} cy={g.mid.y} r={3 / zoom} />
            </g>
          );
        })}
      </svg>
      {drawn.map(({ hop }, i) => {
        const { step, mode, delayMs } = hop;
        const p = placed[i];
        const c = p ? toFlow({ x: p.x + p.w / 2, y: p.y + p.h / 2 }) : { x: 0, y: 0 };
        return (
          <div
            key={step.n}
            ref={(el) => {
              refs.current[i] = el;
            }}
            className={`traffic-label${step.failed ? ' is-failed' : ''}`}
            data-hop={step.n}
            style={{
              transform: `translate(${c.x}px, ${c.y}px) scale(${scale}) translate(-50%, -50%)`,
              animationDelay: `${mode === 'motion' ? delayMs : 0}ms`,
            }}
          >
            <span className="traffic-number">{step.n}</span>
            {step.label ? <span className="traffic-text">{step.label}</span> : null}
          </div>
        );
      })}
    </>
  );
}

/**
 * Flow-space boxes ("x,y,w,h;…", a string so the selector's result compares by value) of the nodes the
 * shown hops join: a label should not hide the Pod or Service the packet goes through. The cluster Node
 * group is left out: it holds the Pods, so every spot near them is "on" it.
 */
function traceNodeBoxes(
  lookup: ReactFlowState['nodeLookup'],
  drawn: readonly { hop: TrafficHopView }[],
): string {
  const ids = new Set<string>();
  for (const { hop } of drawn) {
    if (hop.step.from) ids.add(hop.step.from);
    if (hop.step.to) ids.add(hop.step.to);
  }
  const out: string[] = [];
  for (const id of [...ids].sort()) {
    const n = lookup.get(id);
    if (!n || n.type === 'clusterNode') continue;
    const w = n.measured.width ?? n.width ?? 0;
    const h = n.measured.height ?? n.height ?? 0;
    const p = n.internals.positionAbsolute;
    out.push(`${p.x},${p.y},${w},${h}`);
  }
  return out.join(';');
}

function Callout({
  c,
  at,
  onPlace,
}: {
  c: NonNullable<TrafficTraceView['callout']>;
  at: XY;
  /** Where it went on screen ("x,y,w,h"), so the labels keep out from under it. */
  onPlace: (box: string) => void;
}) {
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    if (w !== box.w || h !== box.h) setBox({ w, h });
  });
  const p = placeCallout({ x: at.x * zoom + tx, y: at.y * zoom + ty }, box, { width, height });
  const placed = box.w > 0 ? `${p.x},${p.y},${box.w},${box.h}` : '';
  useLayoutEffect(() => onPlace(placed), [onPlace, placed]);
  return (
    <div
      ref={ref}
      className={`traffic-callout${c.ok ? ' is-ok' : ' is-failed'}`}
      data-testid="traffic-callout"
      style={{ transform: `translate(${p.x}px, ${p.y}px)`, animationDelay: `${c.delayMs}ms` }}
    >
      <strong>{c.title}</strong>
      <span>{c.reason}</span>
    </div>
  );
}

export function TrafficLayer({
  traces,
  centres,
}: {
  traces: readonly TrafficTraceView[];
  centres: ReadonlyMap<string, XY>;
}) {
  const detailed = traces.filter((t) => t.callout !== undefined || t.hops.some((h) => h.detailed));
  // the verdict callout's screen box, per trace: its hop labels are laid out around it
  const traceKeys = useRef(new Set<string>());
  traceKeys.current = new Set(detailed.map((t) => t.key));
  const [callouts, setCallouts] = useState<ReadonlyMap<string, string>>(new Map());
  const onPlace = useCallback(
    (key: string, box: string) =>
      setCallouts((m) => {
        if (m.get(key) === box) return m;
        const next = new Map([...m].filter(([k]) => traceKeys.current.has(k)));
        next.set(key, box);
        return next;
      }),
    [],
  );
  return (
    <>
      <ViewportPortal>
        <svg className="traffic-layer" aria-hidden="true" width={1} height={1}>
          {traces.map((t) =>
            // a compact trace that is not shown in detail draws no line: no empty <g> per packet
            t.compact && !t.hops.some((h) => h.detailed) ? null : (
              <TraceGroup key={t.key} trace={t} centres={centres} />
            ),
          )}
        </svg>
        {traces.map((t) => (t.compact ? <TracePacket key={t.key} trace={t} centres={centres} /> : null))}
        {detailed.map((t) => (
          <Labels key={t.key} trace={t} centres={centres} avoid={callouts.get(t.key) ?? ''} />
        ))}
      </ViewportPortal>
      {detailed.map((t) => {
        const at = t.callout ? centres.get(t.callout.at) : undefined;
        return t.callout && at ? (
          <Callout key={t.key} c={t.callout} at={at} onPlace={(box) => onPlace(t.key, box)} />
        ) : null;
      })}
    </>
  );
}
