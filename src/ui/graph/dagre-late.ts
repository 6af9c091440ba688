// dagre (@dagrejs/dagre, ~15.5 KiB gzip) is not in the page's boot chunk: src/main.tsx loads it after
// the graph's first paint, with the terminal session. The first paint's own layout (the docker-desktop
// cluster the page boots, drawn with the graph's default view) is dagre's answer for that exact input,
// kept in ./layout-boot; dagre-late.test.ts recomputes it with dagre and fails, printing the new entry,
// when a change to the boot cluster, the graph or the node sizes makes it stale. Any other input
// before dagre has arrived gets no answer: ./layout-queue then keeps the graphs in order and lays them
// out once it has, so a layout never depends on whether dagre had arrived (only the paint waits).
// Once loaded, dagre lays out the first paint's graph once while the page is idle (warmUpDagre): its
// first run compiles its code, which took ~10 ms of the student's first Apply (bench:ui
// apply_to_graph_ms 60 -> 70 ms when dagre left the boot chunk, whose first graph had paid for it).
import type * as Dagre from '@dagrejs/dagre';
import type { XY } from './layout';
import { BOOT_LAYOUTS } from './layout-boot';

/** What the layout hands dagre: the top-level nodes with their sizes and the edges, in order. */
export interface DagreInput {
  nodes: Array<[id: string, width: number, height: number]>;
  edges: Array<[from: string, to: string]>;
}

let dagre: typeof Dagre | undefined;
let loading: Promise<void> | undefined;
let missed: DagreInput | undefined;
/** True once dagre has laid out a graph (a warm-up after that would only cost time). */
let laidOut = false;

/** Load dagre (idempotent; a failed load is tried again on the next call). */
export function loadDagre(): Promise<void> {
  loading ??= import('@dagrejs/dagre').then(
    (m) => {
      dagre = m;
      // no idle callbacks (Node, the unit tests): no warm-up; a browser without them gets a task
      if (typeof requestIdleCallback === 'function') requestIdleCallback(warmUpDagre, { timeout: 1000 });
      else if (typeof window !== 'undefined') setTimeout(warmUpDagre, 0);
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

export function dagreLoaded(): boolean {
  return dagre !== undefined;
}

/** The last input that found dagre missing and was not the first paint's (tests print its entry). */
export function lastMiss(): DagreInput | undefined {
  return missed;
}

/**
 * Lay out the first paint's graph(s) with dagre and throw the answer away, so the first layout a
 * student waits for (a new kind on the graph: the first Apply) runs compiled code. dagre keeps no
 * state between layouts that changes an answer (dagre-warm.test.ts). False when dagre is not loaded
 * or has already laid out a graph.
 */
export function warmUpDagre(): boolean {
  if (!dagre || laidOut) return false;
  for (const [input] of BOOT_LAYOUTS) runDagre(input);
  return true;
}

/** dagre's top-left corners (rounded), or undefined if dagre is not loaded and the input is not known. */
export function runDagre(input: DagreInput): Map<string, XY> | undefined {
  if (!dagre) {
    const key = JSON.stringify(input);
    const known = BOOT_LAYOUTS.find(([boot]) => JSON.stringify(boot) === key)?.[1];
    if (!known) {
      missed = input;
      return undefined;
    }
    return new Map(input.nodes.map(([id], i) => [id, { x: known[2 * i] ?? 0, y: known[2 * i + 1] ?? 0 }]));
  }
  const g = new dagre.Graph();
  // tight: every pixel of width the graph saves is zoom on a 16:9 canvas (viewport.ts)
  g.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 36, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const [id, width, height] of input.nodes) g.setNode(id, { width, height });
  for (const [from, to] of input.edges) g.setEdge(from, to);
  dagre.layout(g);
  laidOut = true;
  const out = new Map<string, XY>();
  for (const id of g.nodes()) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number } | undefined;
    if (n) out.set(id, { x: Math.round(n.x - n.width / 2), y: Math.round(n.y - n.height / 2) });
  }
  return out;
}
