// The graph's layouts in the order the panel asks for them. A layout that needs dagre before it has
// loaded (./dagre-late: anything but the first paint's graph) waits, and so does every later one, so
// the same graphs are laid out in the same order, from the same state, as if dagre had been there:
// the positions never depend on when it arrived. Meanwhile the panel keeps the last nodes it placed.
import { useEffect, useMemo, useState } from 'react';
import { loadDagre } from './dagre-late';
import type { DerivedGraph } from './derive';
import { EMPTY_LAYOUT, type LayoutState, type PlacedNode, tryLayoutGraph } from './layout';

export class LayoutQueue {
  private state: LayoutState = EMPTY_LAYOUT;
  private nodes: PlacedNode[] = [];
  private readonly queue: DerivedGraph[] = [];

  /** Forget everything (a new cluster gets a fresh layout). */
  reset(): void {
    this.state = EMPTY_LAYOUT;
    this.nodes = [];
    this.queue.length = 0;
  }

  /** True while a graph waits for dagre. */
  waiting(): boolean {
    return this.queue.length > 0;
  }

  /** Lay out `graph` after any graphs still waiting; the last nodes placed while dagre is missing. */
  place(graph: DerivedGraph): PlacedNode[] {
    // asked again for the graph that waits (dagre has arrived): it is not a new one
    if (this.queue[this.queue.length - 1] !== graph) this.queue.push(graph);
    for (let next = this.queue[0]; next; next = this.queue[0]) {
      const r = tryLayoutGraph(next, this.state);
      if (!r) break;
      this.queue.shift();
      this.state = r.state;
      this.nodes = r.nodes;
    }
    return this.nodes;
  }
}

/** The placed nodes of `graph`; loads dagre (and places again) when the layout waits for it. */
export function usePlacedNodes(layouts: LayoutQueue, graph: DerivedGraph): PlacedNode[] {
  const [loads, setLoads] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a load of dagre places the waiting graphs
  const placed = useMemo(() => layouts.place(graph), [layouts, graph, loads]);
  const waiting = layouts.waiting();
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    loadDagre().then(
      () => {
        if (live) setLoads((n) => n + 1);
      },
      (err: unknown) => console.warn('the graph layout (dagre) did not load:', err),
    );
    return () => {
      live = false;
    };
  }, [waiting]);
  return placed;
}
