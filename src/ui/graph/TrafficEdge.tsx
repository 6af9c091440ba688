// Traffic as a custom edge (the xyflow habit): one edge per hop, drawn centre to centre between the
// two nodes, with a packet that moves along it by SVG <animateMotion>. Timing is SMIL's own
// (beginElementAt), so a playing trace costs React nothing after it mounts. In 'numbered' mode
// (prefers-reduced-motion, or earlier hops in step mode) the hop is a static line with its number.
import {
  type Edge,
  EdgeLabelRenderer,
  type EdgeProps,
  type EdgeTypes,
  type InternalNode,
  useStore as useFlowStore,
  useInternalNode,
} from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import type { TrafficStep } from './trace-steps';

export interface TrafficEdgeData extends Record<string, unknown> {
  step: TrafficStep;
  /** 'motion': animate after delayMs; 'numbered': static with its number. */
  mode: 'motion' | 'numbered';
  delayMs: number;
  durMs: number;
  /** Show the hop's label beside it (the newest trace only, to keep a busy graph readable). */
  showLabel: boolean;
  /** The verdict callout, on the trace's last drawn hop. */
  callout?: { title: string; reason: string; ok: boolean };
}

export type TrafficEdgeType = Edge<TrafficEdgeData, 'traffic'>;

function centre(n: InternalNode): { x: number; y: number } {
  const p = n.internals.positionAbsolute;
  return {
    x: p.x + (n.measured.width ?? n.width ?? 0) / 2,
    y: p.y + (n.measured.height ?? n.height ?? 0) / 2,
  };
}

/** Callouts and labels keep a readable size when the graph is zoomed out to fit a small panel. */
function useReadableScale(): number {
  return useFlowStore((s) => {
    const zoom = s.transform[2];
    return zoom < 1 ? Math.min(1 / zoom, 3) : 1;
  });
}

const TrafficEdge = memo(function TrafficEdge({ source, target, data }: EdgeProps<TrafficEdgeType>) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  const motion = useRef<SVGAnimateMotionElement>(null);
  const scale = useReadableScale();
  const mode = data?.mode ?? 'numbered';
  const delayMs = data?.delayMs ?? 0;
  useEffect(() => {
    // begin="indefinite" + beginElementAt: SMIL times are document-relative, so an element mounted
    // later would otherwise start "in the past".
    if (mode === 'motion') motion.current?.beginElementAt(delayMs / 1000);
  }, [mode, delayMs]);
  if (!s || !t || !data) return null;
  const a = centre(s);
  const b = centre(t);
  const { step } = data;
  const cls = `traffic traffic-${step.kind}${step.failed ? ' is-failed' : ''}${step.returning ? ' is-return' : ''}`;
  const appear = { animationDelay: `${mode === 'motion' ? delayMs : 0}ms` };
  const calloutDelay = { animationDelay: `${mode === 'motion' ? delayMs + data.durMs : 0}ms` };

  let d: string;
  let mid: { x: number; y: number };
  if (source === target) {
    // a rule evaluated on one node: a small loop above it
    d = `M ${a.x - 14} ${a.y} a 14 14 0 1 1 28 0 a 14 14 0 1 1 -28 0`;
    mid = { x: a.x, y: a.y - 30 };
  } else {
    // bend requests and replies to opposite sides so a DNS query and its answer do not overlap
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const bend = step.returning ? -28 : 28;
    const c = { x: (a.x + b.x) / 2 + (-dy / len) * bend, y: (a.y + b.y) / 2 + (dx / len) * bend };
    d = `M ${a.x} ${a.y} Q ${c.x} ${c.y} ${b.x} ${b.y}`;
    mid = { x: (a.x + 2 * c.x + b.x) / 4, y: (a.y + 2 * c.y + b.y) / 4 };
  }
  const end = source === target ? mid : b;
  return (
    <g className={cls} data-testid="traffic-hop" data-hop={step.n} data-kind={step.kind}>
      <path d={d} className="traffic-path" style={appear} fill="none" />
      {mode === 'motion' ? (
        <circle r={7} className="traffic-packet" style={{ ...appear, animationDuration: `${data.durMs}ms` }}>
          <animateMotion ref={motion} dur={`${data.durMs}ms`} begin="indefinite" fill="freeze" path={d} />
        </circle>
      ) : null}
      <EdgeLabelRenderer>
        {mode === 'numbered' || data.showLabel ? (
          <div
            className={`traffic-label${step.failed ? ' is-failed' : ''}`}
            style={{
              transform: `translate(${mid.x}px, ${mid.y}px) scale(${scale}) translate(-50%, -50%)`,
              transformOrigin: '0 0',
              ...appear,
            }}
          >
            <span className="traffic-number">{step.n}</span>
            {step.label ? <span className="traffic-text">{step.label}</span> : null}
          </div>
        ) : null}
        {data.callout ? (
          <div
            className={`traffic-callout${data.callout.ok ? ' is-ok' : ' is-failed'}`}
            data-testid="traffic-callout"
            style={{
              transform: `translate(${end.x}px, ${end.y}px) scale(${scale}) translate(-50%, 12px)`,
              transformOrigin: '0 0',
              ...calloutDelay,
            }}
          >
            <strong>{data.callout.title}</strong>
            <span>{data.callout.reason}</span>
          </div>
        ) : null}
      </EdgeLabelRenderer>
    </g>
  );
});

export const edgeTypes: EdgeTypes = { traffic: TrafficEdge as EdgeTypes[string] };
