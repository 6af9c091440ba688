// Stable automatic layout. The first time, dagre (rank direction left→right: host | Services |
// Endpoints | cluster Nodes with their Pods | ReplicaSets | Deployments) places everything. After
// that, nodes that already have a position keep it; only new nodes are placed (at dagre's column,
// moved down until they overlap nothing). Pods sit in fixed slots inside their Node's group, so a
// new Pod takes a free slot and never moves another Pod. dagre itself loads after the first paint
// (./dagre-late): until then a layout that needs it is answered only for the first paint's input.
import { type DagreInput, runDagre } from './dagre-late';
import type { DerivedEdge, DerivedGraph, DerivedNode } from './derive';
import {
  GAP,
  GROUP_COLS,
  GROUP_HEADER,
  GROUP_PAD,
  groupHeight,
  nodeSize,
  type Size,
  slotPosition,
} from './sizes';

export interface XY {
  x: number;
  y: number;
}

/** Serialisable (persisted with the rest of the workspace). */
export interface LayoutState {
  /** Top-left of each top-level node, absolute. */
  positions: Record<string, XY>;
  /** Pod key → `<group id>#<slot>`. */
  slots: Record<string, string>;
}

export const EMPTY_LAYOUT: LayoutState = { positions: {}, slots: {} };

export interface PlacedNode extends DerivedNode {
  /** Relative to the parent for children (React Flow sub-flow convention), else absolute. */
  position: XY;
  width: number;
  height: number;
}

export interface LayoutResult {
  nodes: PlacedNode[];
  state: LayoutState;
}

/** The layout; throws if it needs dagre before ./dagre-late has loaded it (tests load it first). */
export function layoutGraph(graph: DerivedGraph, prev: LayoutState = EMPTY_LAYOUT): LayoutResult {
  const r = tryLayoutGraph(graph, prev);
  if (!r) throw new Error('the layout needs dagre, which is not loaded yet (dagre-late.ts loadDagre)');
  return r;
}

/** The layout, or null when it needs dagre and dagre is not loaded yet (./layout-queue waits for it). */
export function tryLayoutGraph(graph: DerivedGraph, prev: LayoutState = EMPTY_LAYOUT): LayoutResult | null {
  const children = new Map<string, DerivedNode[]>();
  const topLevel: DerivedNode[] = [];
  for (const n of graph.nodes) {
    if (n.parentId) {
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    } else topLevel.push(n);
  }

  // ---- children: fixed slots inside each group
  const slots: Record<string, string> = {};
  const childPos = new Map<string, XY>();
  const groupSize = new Map<string, Size>();
  for (const [groupId, kids] of children) {
    const taken = new Set<number>();
    const pending: DerivedNode[] = [];
    for (const k of kids) {
      if (k.type !== 'pod') continue;
      const old = prev.slots[k.id];
      const [g, s] = old ? splitSlot(old) : ['', -1];
      if (g === groupId && s >= 0 && !taken.has(s)) {
        taken.add(s);
        slots[k.id] = old as string;
      } else pending.push(k);
    }
    let next = 0;
    for (const k of pending) {
      while (taken.has(next)) next++;
      taken.add(next);
      slots[k.id] = `${groupId}#${next}`;
    }
    let maxSlot = -1;
    for (const k of kids) {
      if (k.type === 'kubeProxy') {
        childPos.set(k.id, { x: GROUP_PAD, y: GROUP_HEADER });
        continue;
      }
      const s = splitSlot(slots[k.id] ?? '')[1];
      maxSlot = Math.max(maxSlot, s);
      childPos.set(k.id, slotPosition(s));
    }
    const size = nodeSize({ id: groupId, type: 'clusterNode', data: { key: groupId, name: '' } });
    groupSize.set(groupId, { width: size.width, height: groupHeight(Math.ceil((maxSlot + 1) / GROUP_COLS)) });
  }

  const sizeOf = (n: DerivedNode): Size => groupSize.get(n.id) ?? nodeSize(n);

  // ---- top level: keep known positions, place new ones
  const positions: Record<string, XY> = {};
  const fresh = topLevel.filter((n) => !prev.positions[n.id]);
  if (fresh.length > 0) {
    const placed: Array<XY & Size & { type: string }> = [];
    for (const n of topLevel) {
      const p = prev.positions[n.id];
      if (p) {
        positions[n.id] = p;
        placed.push({ ...p, ...sizeOf(n), type: n.type });
      }
    }
    // A new node joins the bottom of its kind's column (cheap, predictable); dagre runs only for the
    // first layout or a kind not yet on the graph (a full dagre pass on 200 nodes costs ~200 ms).
    let ideal: Map<string, XY> | undefined;
    const firstLayout = placed.length === 0;
    const dagreFor = (n: DerivedNode): XY | undefined => {
      if (!ideal) {
        const parentOf = new Map<string, string>();
        for (const m of graph.nodes) if (m.parentId) parentOf.set(m.id, m.parentId);
        ideal = dagrePositions(topLevel, graph.edges, parentOf, sizeOf);
        if (!ideal) return undefined;
        if (firstLayout) groupsSideBySide(ideal, topLevel, sizeOf);
      }
      return ideal.get(n.id) ?? { x: 0, y: 0 };
    };
    for (const n of fresh) {
      const size = sizeOf(n);
      const start = firstLayout ? dagreFor(n) : (columnOf(n.type, placed) ?? dagreFor(n));
      if (!start) return null;
      const p = { x: start.x, y: start.y };
      for (let guard = 0; guard < 10_000; guard++) {
        const hit = placed.find((r) => overlaps(r, { ...p, ...size }));
        if (!hit) break;
        p.y = hit.y + hit.height + GAP;
      }
      positions[n.id] = p;
      placed.push({ ...p, ...size, type: n.type });
    }
  } else {
    for (const n of topLevel) positions[n.id] = prev.positions[n.id] as XY;
  }

  const nodes: PlacedNode[] = graph.nodes.map((n) => {
    const size = sizeOf(n);
    const position = n.parentId
      ? (childPos.get(n.id) ?? { x: 0, y: 0 })
      : (positions[n.id] ?? { x: 0, y: 0 });
    return { ...n, position, width: size.width, height: size.height };
  });
  return { nodes, state: { positions, slots } };
}

/**
 * Several cluster Nodes (kind: a control plane and two workers) go side by side in one row rather
 * than dagre's stack, so a Node that fills up with Pods grows downwards into free space and never
 * runs into the next one. Whatever dagre put to the right of them moves right to make room.
 */
function groupsSideBySide(ideal: Map<string, XY>, topLevel: DerivedNode[], sizeOf: (n: DerivedNode) => Size) {
  const groups = topLevel.filter((n) => n.type === 'clusterNode').sort((a, b) => (a.id < b.id ? -1 : 1));
  if (groups.length < 2) return;
  const at = groups.map((g) => ideal.get(g.id) ?? { x: 0, y: 0 });
  const x0 = Math.min(...at.map((p) => p.x));
  const y0 = Math.min(...at.map((p) => p.y));
  const width = Math.max(...groups.map((g) => sizeOf(g).width));
  const step = width + 3 * GAP;
  const shift = (groups.length - 1) * step;
  const rowEnd = x0 + shift + width;
  const ids = new Set(groups.map((g) => g.id));
  const widths = new Map(topLevel.map((n) => [n.id, sizeOf(n).width]));
  for (const [id, p] of ideal) {
    if (ids.has(id) || p.x + (widths.get(id) ?? 0) <= x0) continue;
    // right of the Nodes' column: keep the gap; in it (dagre stacked it with them): just past the row
    ideal.set(id, { x: p.x >= x0 + width ? p.x + shift : rowEnd + 3 * GAP, y: p.y });
  }
  groups.forEach((g, i) => {
    ideal.set(g.id, { x: x0 + i * step, y: y0 });
  });
}

/** Where the next node of this kind goes: the kind's most used x, below its lowest node there. */
function columnOf(type: string, placed: Array<XY & Size & { type: string }>): XY | undefined {
  const same = placed.filter((p) => p.type === type);
  if (same.length === 0) return undefined;
  const counts = new Map<number, number>();
  for (const p of same) counts.set(p.x, (counts.get(p.x) ?? 0) + 1);
  let x = same[0]?.x ?? 0;
  let best = -1;
  for (const [cx, c] of counts) {
    if (c > best || (c === best && cx < x)) {
      best = c;
      x = cx;
    }
  }
  const bottom = Math.max(...same.filter((p) => p.x === x).map((p) => p.y + p.height));
  return { x, y: bottom + GAP };
}

function splitSlot(s: string): [string, number] {
  const i = s.lastIndexOf('#');
  if (i < 0) return ['', -1];
  return [s.slice(0, i), Number(s.slice(i + 1))];
}

function overlaps(a: XY & Size, b: XY & Size): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * dagre over the top-level nodes, with edges projected onto them (a Pod stands for its group) and
 * oriented so traffic reads left to right: host → Service → Endpoints → Node ← … and ownership
 * reversed (Pod's group → ReplicaSet → Deployment) so controllers sit to the right of the Pods.
 * Undefined while dagre is not loaded (./dagre-late) and the input is not the first paint's.
 */
function dagrePositions(
  topLevel: DerivedNode[],
  edges: DerivedEdge[],
  parentOf: Map<string, string>,
  sizeOf: (n: DerivedNode) => Size,
): Map<string, XY> | undefined {
  const input: DagreInput = { nodes: [], edges: [] };
  const ids = new Set(topLevel.map((n) => n.id));
  for (const n of topLevel) {
    const { width, height } = sizeOf(n);
    input.nodes.push([n.id, width, height]);
  }
  const lift = (id: string) => parentOf.get(id) ?? id;
  // graphlib's setEdge of an edge it has is a no-op: each edge once, in first-added order
  const added = new Set<string>();
  const add = (a: string, b: string) => {
    const key = `${a}\n${b}`;
    if (a === b || !ids.has(a) || !ids.has(b) || added.has(key)) return;
    added.add(key);
    input.edges.push([a, b]);
  };
  const selectedGroups = new Map<string, Set<string>>();
  for (const e of edges) {
    const s = lift(e.source);
    const t = lift(e.target);
    if (e.kind === 'owns') add(t, s);
    else add(s, t);
    if (e.kind === 'selects') {
      const set = selectedGroups.get(e.source) ?? new Set<string>();
      set.add(t);
      selectedGroups.set(e.source, set);
    }
  }
  // Endpoints → the groups its Service's Pods run in, so Endpoints get their own column.
  for (const e of edges) {
    if (e.kind !== 'endpoints') continue;
    for (const grp of selectedGroups.get(e.source) ?? []) add(e.target, grp);
  }
  return runDagre(input);
}
