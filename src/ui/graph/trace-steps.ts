// Pure: a Trace from the core → the animation plan the graph plays. One step per hop, each with its
// start time (hops play one after another), the graph nodes it joins, and where the verdict callout
// goes. Kept apart from React so the mapping is unit-tested in node.
import type { Hop, HopKind, TextCode, Trace, Verdict } from '../../sim/contract';

/** Hops that end the journey badly; drawn in the failure colour. */
const FAILED_KINDS: ReadonlySet<HopKind> = new Set(['dns-nxdomain', 'no-rule', 'reject', 'drop']);
/** Hops travelling back to the client; drawn on the other side of the line so they do not overlap. */
const RETURN_KINDS: ReadonlySet<HopKind> = new Set(['dns-answer', 'reply', 'reject', 'dns-nxdomain']);

export const HOP_MS = 700;
/** A hop that stays on one node (a kube-proxy rule, a DNAT) is a short pulse. */
export const PULSE_MS = 450;

export interface TrafficStep {
  /** 1-based, as shown in the numbered path and the hop list. */
  n: number;
  kind: HopKind;
  /** Graph node ids; null when the hop's end is not drawn (a filtered-out namespace). */
  from: string | null;
  to: string | null;
  label: string;
  /** `label` in machine form, for the page's language (use-trace-text). */
  textCode?: TextCode;
  rule?: string;
  startMs: number;
  durMs: number;
  failed: boolean;
  returning: boolean;
}

export interface TrafficPlan {
  traceId: string;
  steps: TrafficStep[];
  verdict: Verdict;
  ok: boolean;
  reason: string;
  reasonCode?: TextCode;
  /** The node the verdict callout points at (the last drawn hop's end, else the source). */
  calloutAt: string | null;
  totalMs: number;
}

export function sourceRef(trace: Trace): string {
  switch (trace.source.kind) {
    case 'pod':
      return trace.source.key;
    case 'node':
      return `Node/${trace.source.name}`;
    default:
      return 'host';
  }
}

/**
 * @param has whether the graph draws a node with this id. `Node/<n>` (a node's host network) is drawn
 *   as the cluster Node group.
 */
export function traceToPlan(trace: Trace, has: (id: string) => boolean, hopMs = HOP_MS): TrafficPlan {
  const resolve = (ref: string): string | null => (has(ref) ? ref : null);
  let t = 0;
  const steps: TrafficStep[] = trace.hops.map((h: Hop, i) => {
    const from = resolve(h.from);
    const to = resolve(h.to);
    const durMs = h.from === h.to ? Math.round((hopMs * PULSE_MS) / HOP_MS) : hopMs;
    const step: TrafficStep = {
      n: i + 1,
      kind: h.kind,
      from,
      to,
      label: h.label,
      startMs: t,
      durMs,
      failed: FAILED_KINDS.has(h.kind),
      returning: RETURN_KINDS.has(h.kind),
    };
    if (h.rule !== undefined) step.rule = h.rule;
    if (h.textCode) step.textCode = h.textCode;
    t += durMs;
    return step;
  });
  const drawn = steps.filter((s) => s.from !== null && s.to !== null);
  const last = drawn[drawn.length - 1];
  const calloutAt = last ? last.to : resolve(sourceRef(trace));
  const plan: TrafficPlan = {
    traceId: trace.id,
    steps,
    verdict: trace.verdict,
    ok: trace.verdict === 'delivered',
    reason: trace.reason,
    calloutAt,
    totalMs: t,
  };
  if (trace.reasonCode) plan.reasonCode = trace.reasonCode;
  return plan;
}

/** `external:<host>` refs a trace touches, so the graph can draw nodes for them. */
export function externalRefs(trace: Trace): string[] {
  const out = new Set<string>();
  for (const h of trace.hops) {
    if (h.from.startsWith('external:')) out.add(h.from);
    if (h.to.startsWith('external:')) out.add(h.to);
  }
  return [...out];
}

/** The last iptables rule a trace matched (for the inspector's highlight). */
export function matchedRule(trace: Trace | null | undefined): string | undefined {
  if (!trace) return undefined;
  for (let i = trace.hops.length - 1; i >= 0; i--) {
    const r = trace.hops[i]?.rule;
    if (r) return r;
  }
  return undefined;
}
