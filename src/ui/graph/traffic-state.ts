// What the lazily loaded traffic controller (TrafficController.tsx) tells the graph panel. Kept in a
// file of its own so the panel can hold it without importing the traffic code into the boot chunk.
import type { Trace } from '../../sim/contract';
import type { TrafficPlan } from './trace-steps';

export interface TrafficState {
  /** The trace whose hops the hop list shows (newest, or the one being stepped). */
  shown: { trace: Trace; plan: TrafficPlan } | null;
  /** Hops of `shown` revealed so far (all in auto mode). */
  revealed: number;
  /** Step mode: a trace is waiting for `next()`. */
  canStep: boolean;
  next(): void;
  clear(): void;
  /** external:<host> nodes the traces name (drawn on the graph while they play). */
  externals: string[];
}

const noop = () => {};

/** Before the traffic chunk has loaded: nothing played, nothing to step or clear. */
export const NO_TRAFFIC: TrafficState = {
  shown: null,
  revealed: 0,
  canStep: false,
  next: noop,
  clear: noop,
  externals: [],
};
