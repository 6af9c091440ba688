// Traffic, drawn in its own SVG layer inside React Flow's viewport (ViewportPortal), so a packet
// never re-renders or repaints the 700 structural edges: each hop is a marker moved by SVG
// <animateMotion> along a curve between two node centres, timed by SMIL itself (beginElementAt),
// so a playing trace costs React nothing after it mounts. 'numbered' hops (reduced motion, or earlier
// hops in step mode) are static lines with their number. The verdict callout points at where the packet
// stopped; it is drawn in screen space (Callout), so it keeps its size and stays inside the canvas.
import { useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TrafficStep } from './trace-steps';
import { keepLabelInside, placeCallout } from './viewport';

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

const HopLabel = memo(function HopLabel({
  hop,
  a,
  b,
  scale,
}: {
  hop: TrafficHopView;
  a: XY;
  b: XY;
  scale: number;
}) {
  const { step, mode, delayMs } = hop;
  const g = geometry(a, b, step.from === step.to, step.returning);
  // a label whose hop is on screen stays whole inside the canvas, clear of the zoom controls
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && (el.offsetWidth !== box.w || el.offsetHeight !== box.h))
      setBox({ w: el.offsetWidth, h: el.offsetHeight });
  });
  const k = scale * zoom;
  const c = keepLabelInside(
    { x: g.mid.x * zoom + tx, y: g.mid.y * zoom + ty },
    { w: box.w * k, h: box.h * k },
    { width, height },
  );
  return (
    <div
      ref={ref}
      className={`traffic-label${step.failed ? ' is-failed' : ''}`}
      style={{
        transform: `translate(${(c.x - tx) / zoom}px, ${(c.y - ty) / zoom}px) scale(${scale}) translate(-50%, -50%)`,
        animationDelay: `${mode === 'motion' ? delayMs : 0}ms`,
      }}
    >
      <span className="traffic-number">{step.n}</span>
      {step.label ? <span className="traffic-text">{step.label}</span> : null}
    </div>
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

function Labels({ trace, centres }: { trace: TrafficTraceView; centres: ReadonlyMap<string, XY> }) {
  const scale = useReadableScale();
  return (
    <>
      {trace.hops
        .filter((h) => h.detailed)
        .map((h) => {
          const a = h.step.from ? centres.get(h.step.from) : undefined;
          const b = h.step.to ? centres.get(h.step.to) : undefined;
          return a && b ? <HopLabel key={h.step.n} hop={h} a={a} b={b} scale={scale} /> : null;
        })}
    </>
  );
}

function Callout({ c, at }: { c: NonNullable<TrafficTraceView['callout']>; at: XY }) {
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
          <Labels key={t.key} trace={t} centres={centres} />
        ))}
      </ViewportPortal>
      {detailed.map((t) => {
        const at = t.callout ? centres.get(t.callout.at) : undefined;
        return t.callout && at ? <Callout key={t.key} c={t.callout} at={at} /> : null;
      })}
    </>
  );
}
