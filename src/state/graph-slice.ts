// Graph view state, shared by the graph, the inspector and the terminal (traces from commands).
// The graph helper may extend this slice (add fields + actions here); keep actions beside their state.
import type { ObjectKey, Trace } from '../sim/contract';
import type { Slice } from './types';

export interface GraphSlice {
  /** The object shown in the inspector (a React Flow node id = object key). */
  selected: ObjectKey | null;
  /** Traces waiting to be animated, oldest first. The graph takes the head with `shiftTrace`. */
  traceQueue: readonly Trace[];
  /** Animation speed multiplier for traces (1 = normal). */
  traceSpeed: number;
  /** Step mode: one hop per key press instead of a timed animation. */
  stepMode: boolean;
  /** Namespace filter for the graph; null = all. The kube-system DNS pieces show unless showDns is off. */
  namespaceFilter: string | null;
  /** Draw the kube-dns Service and the CoreDNS Pods whatever the namespace filter. */
  showDns: boolean;
  /** The newest trace the graph took from the queue (hop list, inspector's matched-rule highlight). */
  lastTrace: Trace | null;
  select(key: ObjectKey | null): void;
  enqueueTraces(traces: readonly Trace[]): void;
  shiftTrace(): Trace | undefined;
  setTraceSpeed(speed: number): void;
  setStepMode(on: boolean): void;
  setNamespaceFilter(ns: string | null): void;
  setShowDns(on: boolean): void;
  /** The graph takes every queued trace at once (they animate side by side); the newest becomes lastTrace. */
  takeTraces(): readonly Trace[];
  clearLastTrace(): void;
}

const QUEUE_MAX = 100;

export const createGraphSlice: Slice<GraphSlice> = (set, get) => ({
  selected: null,
  traceQueue: [],
  traceSpeed: 1,
  stepMode: false,
  namespaceFilter: 'default',
  showDns: true,
  lastTrace: null,
  select: (key) => set({ selected: key }),
  enqueueTraces: (traces) => set((s) => ({ traceQueue: [...s.traceQueue, ...traces].slice(-QUEUE_MAX) })),
  shiftTrace() {
    const [head, ...rest] = get().traceQueue;
    if (head) set({ traceQueue: rest });
    return head;
  },
  setTraceSpeed: (traceSpeed) => set({ traceSpeed }),
  setStepMode: (stepMode) => set({ stepMode }),
  setNamespaceFilter: (namespaceFilter) => set({ namespaceFilter }),
  setShowDns: (showDns) => set({ showDns }),
  takeTraces() {
    const queue = get().traceQueue;
    if (queue.length === 0) return queue;
    set({ traceQueue: [], lastTrace: queue[queue.length - 1] ?? null });
    return queue;
  },
  clearLastTrace: () => set({ lastTrace: null }),
});
