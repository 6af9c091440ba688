// Plays the store's trace queue on the graph. Auto mode: every queued trace starts at once and its
// hops play one after another (SMIL does the timing); finished traces are pruned, except the newest,
// which stays (faded path + callout) until the next one so a class can read it. Step mode: one trace
// at a time, one hop per `next()`. Reduced motion: the newest trace as a numbered path, no motion.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Trace } from '../../sim/contract';
import { useStore } from '../../state/store';
import type { MessageKey, TFn } from '../i18n';
import type { TrafficHopView, TrafficTraceView } from './TrafficLayer';
import { HOP_MS, type TrafficPlan, traceToPlan } from './trace-steps';
import { type TraceTFn, useTraceT } from './use-trace-text';

interface Active {
  seq: number;
  trace: Trace;
  plan: TrafficPlan;
  /** performance.now() when it was added. */
  born: number;
}

/** How long a finished (non-newest) trace lingers, ms. */
const LINGER_MS = 600;
/** At most this many traces animate at once (a benchmark pushes 20 per second). */
const MAX_ACTIVE = 40;
const TAKE_EVERY_MS = 200;
/** Finished traces are removed in batches too. */
const PRUNE_EVERY_MS = 250;
const endsAt = (a: { born: number; plan: TrafficPlan }) => a.born + a.plan.totalMs + LINGER_MS;
/** In auto mode a long trace (a DNS search list) is played faster: at most this long in all. */
const MAX_TRACE_MS = 3000;

export function autoHopMs(hops: number, speed: number): number {
  return Math.min(HOP_MS, MAX_TRACE_MS / Math.max(1, hops)) / speed;
}

export function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const m = matchMedia(query);
    const on = () => setReduced(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return reduced;
}

export interface TrafficView {
  traces: TrafficTraceView[];
  /** The trace whose hops the hop list shows (newest, or the one being stepped). */
  shown: Active | null;
  /** Hops of `shown` revealed so far (all in auto mode). */
  revealed: number;
  /** Step mode: a trace is waiting for `next()`. */
  canStep: boolean;
  next(): void;
  clear(): void;
  externals: string[];
}

export function useTraffic(has: (id: string) => boolean, t: TFn): TrafficView {
  // whether anything waits, not how much: 20 packets a second must not re-render the graph 20 times
  const queued = useStore((s) => s.traceQueue.length > 0);
  const stepMode = useStore((s) => s.stepMode);
  const speed = useStore((s) => s.traceSpeed);
  const reduced = usePrefersReducedMotion();
  const [active, setActive] = useState<Active[]>([]);
  const [stepIndex, setStepIndex] = useState(0);
  const seq = useRef(0);
  const lastTake = useRef(Number.NEGATIVE_INFINITY);
  const [, setTick] = useState(0);
  const hasRef = useRef(has);
  hasRef.current = has;

  // take traces from the store's queue
  useEffect(() => {
    if (!queued) return;
    const s = useStore.getState();
    if (stepMode) {
      // one at a time: the rest stay queued; Next on a finished trace brings the next one
      if (active.length > 0) return;
      const head = s.shiftTrace();
      if (!head) return;
      useStore.setState({ lastTrace: head });
      setActive([make(head)]);
      setStepIndex(0);
      return;
    }
    // Batch arrivals (at most 5 a second): every DOM change repaints a 400-node graph, so 20 packets
    // a second are mounted 4 at a time. A lone trace (a typed command) starts at once.
    const wait = lastTake.current + TAKE_EVERY_MS - performance.now();
    if (wait > 0) {
      const id = setTimeout(() => setTick((x) => x + 1), wait);
      return () => clearTimeout(id);
    }
    const taken = s.takeTraces();
    if (taken.length === 0) return;
    lastTake.current = performance.now();
    setActive((prev) => [...prev, ...taken.map(make)].slice(-MAX_ACTIVE));
    // external:<host> nodes are added to the graph for the traces that name them
    function drawable(id: string) {
      return id.startsWith('external:') || hasRef.current(id);
    }
    function make(trace: Trace): Active {
      return {
        seq: ++seq.current,
        trace,
        plan: traceToPlan(trace, drawable, stepMode ? HOP_MS / speed : autoHopMs(trace.hops.length, speed)),
        born: performance.now(),
      };
    }
  });

  // The trace shown in detail (lines, labels, hop list, callout) changes only when the one shown has
  // finished playing: at 20 packets a second the text would otherwise be rewritten 20 times a second.
  const [shownSeq, setShownSeq] = useState(0);
  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => {
    if (stepMode) return;
    const newest = active[active.length - 1];
    if (!newest) return;
    const cur = active.find((a) => a.seq === shownSeq);
    if (!cur) {
      setShownSeq(newest.seq);
      return;
    }
    if (cur === newest) return;
    const id = setTimeout(
      () => setShownSeq(activeRef.current[activeRef.current.length - 1]?.seq ?? 0),
      Math.max(0, endsAt(cur) - performance.now()),
    );
    return () => clearTimeout(id);
  }, [active, shownSeq, stepMode]);

  // prune finished traces (auto mode), keeping the one shown
  useEffect(() => {
    if (stepMode || active.length <= 1) return;
    const now = performance.now();
    const due = active.filter((a) => a.seq !== shownSeq).map((a) => endsAt(a) - now);
    if (due.length === 0) return;
    const wait = Math.max(PRUNE_EVERY_MS, Math.min(...due));
    const id = setTimeout(() => {
      const at = performance.now();
      setActive((prev) => {
        const keep = prev.filter((a) => a.seq === shownSeq || endsAt(a) > at);
        return keep.length === prev.length ? prev : keep;
      });
    }, wait);
    return () => clearTimeout(id);
  }, [active, stepMode, shownSeq]);

  const shown = stepMode
    ? (active[0] ?? null)
    : (active.find((a) => a.seq === shownSeq) ?? active[active.length - 1] ?? null);
  const total = shown?.plan.steps.length ?? 0;

  const next = useCallback(() => {
    if (!shown) return;
    if (stepIndex + 1 < total) {
      setStepIndex((i) => i + 1);
      return;
    }
    // finished: the next queued trace (if any) comes in through the queue effect
    const rest = useStore.getState().traceQueue.length;
    if (rest > 0) setActive([]);
  }, [shown, stepIndex, total]);

  const clear = useCallback(() => {
    setActive([]);
    setStepIndex(0);
    useStore.getState().clearLastTrace();
  }, []);

  // a new cluster (Reset, profile switch, restored scenario): its traces start from nothing
  const core = useStore((s) => s.core);
  const firstCore = useRef(core);
  useEffect(() => {
    if (core === firstCore.current) return;
    firstCore.current = core;
    setActive([]);
    setStepIndex(0);
    useStore.getState().clearLastTrace();
  }, [core]);

  // leaving step mode plays what is left normally
  useEffect(() => {
    if (!stepMode) setStepIndex(0);
  }, [stepMode]);

  // a trace's view keeps its identity while nothing about it changes (memoised layer components skip)
  const viewCache = useRef(new Map<string, TrafficTraceView>());
  // the labels and the callout are in the page's language: a new language (or its catalogue
  // arriving) redraws them
  const tt = useTraceT();
  const viewWords = useRef<[TFn, TraceTFn]>([t, tt]);
  const traces = useMemo(() => {
    const out: TrafficTraceView[] = [];
    if (viewWords.current[0] !== t || viewWords.current[1] !== tt) {
      viewWords.current = [t, tt];
      viewCache.current = new Map();
    }
    const cache = viewCache.current;
    const nextCache = new Map<string, TrafficTraceView>();
    const list = stepMode || reduced ? (shown ? [shown] : []) : active;
    for (const a of list) {
      const isShown = a === shown;
      const cacheKey = `${a.seq}:${isShown}:${stepMode ? stepIndex : 'auto'}:${reduced}`;
      const hit = cache.get(cacheKey);
      if (hit) {
        nextCache.set(cacheKey, hit);
        out.push(hit);
        continue;
      }
      const hops: TrafficHopView[] = [];
      for (const step of a.plan.steps) {
        if (step.from === null || step.to === null) continue;
        const idx = step.n - 1;
        if (stepMode && idx > stepIndex) continue;
        const numbered = reduced || (stepMode && idx < stepIndex);
        hops.push({
          step: step.textCode ? { ...step, label: tt(step.label, step.textCode) } : step,
          mode: numbered ? 'numbered' : 'motion',
          delayMs: stepMode ? 0 : step.startMs,
          detailed: isShown,
        });
      }
      const view: TrafficTraceView = {
        key: `${a.seq}:${stepMode ? stepIndex : 'auto'}`,
        hops,
        compact: !stepMode && !reduced,
        totalMs: a.plan.totalMs,
      };
      const finished = !stepMode || stepIndex >= a.plan.steps.length - 1;
      if (isShown && finished && a.plan.calloutAt) {
        view.callout = {
          at: a.plan.calloutAt,
          title: t('graphVerdict', { verdict: t(`graphVerdict.${a.plan.verdict}` as MessageKey) }),
          reason: tt(a.plan.reason, a.plan.reasonCode),
          ok: a.plan.ok,
          delayMs: stepMode || reduced ? 0 : a.plan.totalMs,
        };
      }
      nextCache.set(cacheKey, view);
      out.push(view);
    }
    viewCache.current = nextCache;
    return out;
  }, [active, shown, stepMode, stepIndex, reduced, t, tt]);

  const externals = useMemo(() => {
    const set = new Set<string>();
    for (const a of active) {
      for (const h of a.trace.hops) {
        if (h.from.startsWith('external:')) set.add(h.from);
        if (h.to.startsWith('external:')) set.add(h.to);
      }
    }
    return [...set].sort();
  }, [active]);

  return {
    traces,
    shown,
    revealed: stepMode ? Math.min(stepIndex + 1, total) : total,
    canStep: stepMode && shown !== null,
    next,
    clear,
    externals,
  };
}
