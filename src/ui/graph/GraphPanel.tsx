// The cluster graph panel (slot: src/ui/app/slots.tsx). Store objects → deriveGraph (cached per
// object) → stable layout (only new nodes are placed) → React Flow nodes (cached per derived node),
// plus the traffic edges of the traces being played. Nothing here runs per animation frame.
import '@xyflow/react/dist/style.css';
import './graph.css';
import {
  Background,
  BackgroundVariant,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  type NodeChange,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useStore as useFlowStore,
} from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../state/store';
import { useAfterFirstPaint } from '../app/idle';
import { useT } from '../i18n';
import { type DerivedEdge, GraphDeriver, type GraphViewOptions } from './derive';
import { HopList } from './HopList';
import type { PlacedNode } from './layout';
import { LayoutQueue, usePlacedNodes } from './layout-queue';
import { edgeLabel, nodeLabel } from './node-label';
import { nodeTypes } from './nodes';
import type { XY } from './TrafficLayer';
import { NO_TRAFFIC, type TrafficState } from './traffic-state';
import type { Rect } from './viewport';
import { MAX_FIT_ZOOM, MIN_READABLE_ZOOM } from './zoom';

// Not needed for the first paint, so not in the boot chunk: the traffic player and its layer (mounted
// once the graph is painted; traces only come from the session, which loads after that paint too)
// and the quick-action form (shown once a Pod is selected).
const TrafficController = lazy(() => import('./TrafficController'));
// The toolbar's controls too (a row of the same height stands in for them until then).
const GraphToolbar = lazy(() => import('./TrafficController').then((m) => ({ default: m.GraphToolbar })));
const Camera = lazy(() => import('./TrafficController').then((m) => ({ default: m.Camera })));
const QuickActions = lazy(() => import('./QuickActions'));

// Kept across remounts (panel hidden and shown again) so nothing jumps.
const layouts = new LayoutQueue();
let layoutCore: unknown = null;
const deriver = new GraphDeriver();
// id → the React Flow node last handed out; reused while nothing it shows changed, so React Flow
// keeps its internal node and the memoised component is not even asked.
const rfCache = new Map<string, Node>();
const edgeCache = new WeakMap<DerivedEdge, Edge>();

/**
 * What a screen reader calls a graph element, in the page's language. React Flow's own
 * aria-roledescription is the English "node" / "edge" in every language, and "node" says Kubernetes
 * Node here (graphNodeAria): an object and a line, as graphNodeHelp / graphEdgeHelp call them.
 * React Flow spreads `domAttributes` after its own attributes (@xyflow/react 12.12.1, NodeWrapper /
 * EdgeWrapper), so these win.
 */
function toRfNode(n: PlacedNode, selected: boolean, ariaLabel: string, role: string): Node {
  const hit = rfCache.get(n.id);
  if (
    hit &&
    hit.data === n.data &&
    hit.ariaLabel === ariaLabel &&
    hit.domAttributes?.['aria-roledescription'] === role &&
    (hit.selected ?? false) === selected &&
    hit.position.x === n.position.x &&
    hit.position.y === n.position.y &&
    hit.width === n.width &&
    hit.height === n.height &&
    hit.parentId === n.parentId
  )
    return hit;
  const node: Node = {
    id: n.id,
    type: n.type,
    data: n.data,
    position: n.position,
    width: n.width,
    height: n.height,
    selected,
    draggable: false,
    connectable: false,
    ariaLabel,
    domAttributes: { 'aria-roledescription': role },
  };
  if (n.parentId) node.parentId = n.parentId;
  if (n.type === 'clusterNode') {
    node.selectable = true;
    node.zIndex = -1;
  }
  rfCache.set(n.id, node);
  return node;
}

function toRfEdge(e: DerivedEdge, ariaLabel: string, role: string): Edge {
  const hit = edgeCache.get(e);
  if (hit?.ariaLabel === ariaLabel && hit.domAttributes?.['aria-roledescription'] === role) return hit;
  const edge: Edge = {
    id: e.id,
    ariaLabel,
    domAttributes: { 'aria-roledescription': role },
    source: e.source,
    target: e.target,
    className: `gedge gedge-${e.kind}`,
    selectable: false,
    focusable: false,
  };
  edgeCache.set(e, edge);
  return edge;
}

declare global {
  interface Window {
    /** e2e / bench hook: what the graph draws, and replaying the newest trace as new packets. */
    __playgroundGraph?: {
      stats(): { nodes: number; edges: number };
      repeatLastTrace(times?: number): number;
    };
  }
}

const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 140, height: 90 };
/** The first paint's fit (before the camera, Camera.tsx, loads): never below the readable zoom. */
const FIT_VIEW_OPTIONS = { padding: 0.04, minZoom: MIN_READABLE_ZOOM, maxZoom: MAX_FIT_ZOOM };
/** Below this canvas size the mini-map would cover the graph it maps; panning still works. */
const MINIMAP_MIN = { width: 760, height: 420 };

let repeatSeq = 0;
function installHook(get: () => { nodes: number; edges: number }) {
  window.__playgroundGraph = {
    stats: get,
    repeatLastTrace(times = 1) {
      const s = useStore.getState();
      const last = s.lastTrace;
      if (!last) return 0;
      s.enqueueTraces(Array.from({ length: times }, () => ({ ...last, id: `${last.id}~${++repeatSeq}` })));
      return times;
    },
  };
}

export default function GraphPanel() {
  return (
    <ReactFlowProvider>
      <GraphView />
    </ReactFlowProvider>
  );
}

function GraphView() {
  const t = useT();
  const objects = useStore((s) => s.objects);
  const nsFilter = useStore((s) => s.namespaceFilter);
  const showDns = useStore((s) => s.showDns);
  const selected = useStore((s) => s.selected);
  const [showSlices, setShowSlices] = useState(false);

  const namespaces = useMemo(() => {
    const set = new Set<string>(['default']);
    for (const o of objects.values()) if (o.kind === 'Namespace') set.add(o.metadata.name);
    for (const o of objects.values()) if (o.metadata.namespace) set.add(o.metadata.namespace);
    return [...set].sort();
  }, [objects]);

  const nodeIds = useRef(new Set<string>());
  const has = useCallback((id: string) => nodeIds.current.has(id), []);
  const [traffic, setTraffic] = useState<TrafficState>(NO_TRAFFIC);
  const painted = useAfterFirstPaint();
  const externalsKey = traffic.externals.join('\n');

  const view: GraphViewOptions = useMemo(
    () => ({
      namespaces: nsFilter === null ? namespaces : [nsFilter],
      showDns,
      showEndpointSlices: showSlices,
      externals: externalsKey === '' ? [] : externalsKey.split('\n'),
    }),
    [nsFilter, namespaces, showDns, externalsKey, showSlices],
  );

  // a new cluster (Reset, profile switch, restored scenario) gets a fresh layout: kind's three Nodes
  // are laid out side by side from the start instead of being squeezed into the old picture
  const core = useStore((s) => s.core);
  if (core !== layoutCore) {
    layoutCore = core;
    layouts.reset();
  }
  const derived = useMemo(() => deriver.derive(objects.values(), view), [objects, view]);
  const placed = usePlacedNodes(layouts, derived);
  nodeIds.current = new Set(placed.map((n) => n.id));

  const rfNodes = useMemo(() => {
    const role = t('graphNodeRole');
    const out = placed.map((n) =>
      toRfNode(n, n.id === selected, nodeLabel(t, n.type, String(n.data.name)), role),
    );
    if (rfCache.size > out.length * 2 + 64) {
      const live = new Set(out.map((n) => n.id));
      for (const id of rfCache.keys()) if (!live.has(id)) rfCache.delete(id);
    }
    return out;
  }, [placed, selected, t]);
  const baseEdges = useMemo(() => {
    const names = new Map(derived.nodes.map((n) => [n.id, nodeLabel(t, n.type, String(n.data.name))]));
    const name = (id: string) => names.get(id) ?? id;
    const role = t('graphEdgeRole');
    return derived.edges.map((e) => toRfEdge(e, edgeLabel(t, e.kind, name(e.source), name(e.target)), role));
  }, [derived, t]);
  const edges = baseEdges;
  // absolute node boxes and centres for the camera and the traffic layer (children are placed
  // relative to their group)
  const { rects, centres } = useMemo(() => {
    const byId = new Map(placed.map((n) => [n.id, n]));
    const rects = new Map<string, Rect>();
    const centres = new Map<string, XY>();
    for (const n of placed) {
      const parent = n.parentId ? byId.get(n.parentId) : undefined;
      const x = n.position.x + (parent?.position.x ?? 0);
      const y = n.position.y + (parent?.position.y ?? 0);
      rects.set(n.id, { x, y, width: n.width, height: n.height });
      centres.set(n.id, { x: x + n.width / 2, y: y + n.height / 2 });
    }
    return { rects, centres };
  }, [placed]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    // keyboard selection (Enter/Space on a focused node) arrives as a select change
    for (const c of changes) if (c.type === 'select' && c.selected) useStore.getState().select(c.id);
  }, []);
  const onNodeClick = useCallback((_: unknown, n: Node) => useStore.getState().select(n.id), []);
  const onPaneClick = useCallback(() => useStore.getState().select(null), []);

  const statsRef = useRef({ nodes: 0, edges: 0 });
  statsRef.current = { nodes: rfNodes.length, edges: edges.length };
  useEffect(() => {
    installHook(() => statsRef.current);
    return () => {
      delete window.__playgroundGraph;
    };
  }, []);

  // The camera (Camera.tsx) follows the graph as it grows and frames the trace shown, at a readable
  // zoom, until the user pans or zooms; the fit-view button hands control back.
  const userMoved = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new cluster hands the view back to the camera
  useEffect(() => {
    userMoved.current = false;
  }, [core]);
  const topKey = useMemo(
    () =>
      placed
        .filter((n) => !n.parentId)
        .map((n) => n.id)
        .join('|'),
    [placed],
  );
  const canvasW = useFlowStore((s) => s.width);
  const canvasH = useFlowStore((s) => s.height);
  // set by the camera (Camera.tsx, loaded with the traffic chunk)
  const fitRef = useRef<((duration: number) => void) | null>(null);
  const onMoveStart = useCallback((e: MouseEvent | TouchEvent | null) => {
    if (e) userMoved.current = true;
  }, []);
  const ariaLabelConfig = useMemo(
    () => ({
      // React Flow reads keyboardDisabled's text while keyboard use is on (A11yDescriptions); nodes
      // here can be selected, not moved or removed, and edges neither
      'node.a11yDescription.default': t('graphNodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('graphNodeHelp'),
      'edge.a11yDescription.default': t('graphEdgeHelp'),
      'controls.ariaLabel': t('graphControls'),
      'controls.zoomIn.ariaLabel': t('graphZoomIn'),
      'controls.zoomOut.ariaLabel': t('graphZoomOut'),
      'controls.fitView.ariaLabel': t('graphFitView'),
      'minimap.ariaLabel': t('graphMinimap'),
    }),
    [t],
  );

  // Stable elements: a packet arriving re-renders this component, and React then skips these
  // subtrees (the minimap alone draws every node) because their element objects did not change.
  const onFitView = useCallback(() => {
    userMoved.current = false;
    fitRef.current?.(200);
  }, []);
  const showMinimap = canvasW >= MINIMAP_MIN.width && canvasH >= MINIMAP_MIN.height;
  const chrome = useMemo(
    () => (
      <>
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} />
        {/* the fit button fits as at first paint, then the camera (Camera.tsx) frames in its own way */}
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} onFitView={onFitView} />
        {showMinimap ? <MiniMap pannable zoomable style={MINIMAP_STYLE} /> : null}
      </>
    ),
    [onFitView, showMinimap],
  );

  const selectedIsPod = selected?.startsWith('Pod/') && nodeIds.current.has(selected);

  const actions = useMemo(
    () =>
      selectedIsPod && selected ? (
        <Panel position="top-right">
          <Suspense fallback={null}>
            <QuickActions key={selected} podKey={selected} />
          </Suspense>
        </Panel>
      ) : null,
    [selectedIsPod, selected],
  );

  return (
    <div className="graph-panel">
      {painted ? (
        <Suspense fallback={<div className="graph-toolbar" />}>
          <GraphToolbar
            namespaces={namespaces}
            showSlices={showSlices}
            onShowSlices={setShowSlices}
            canStep={traffic.canStep}
            onNext={traffic.next}
          />
        </Suspense>
      ) : (
        <div className="graph-toolbar" />
      )}
      <div className="graph-main">
        <div className="graph-canvas" data-testid="graph-canvas">
          <ReactFlow
            nodes={rfNodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeClick={onNodeClick}
            onPaneClick={onPaneClick}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable
            fitView
            fitViewOptions={FIT_VIEW_OPTIONS}
            minZoom={0.1}
            maxZoom={2}
            proOptions={PRO_OPTIONS}
            onMoveStart={onMoveStart}
            ariaLabelConfig={ariaLabelConfig}
          >
            {chrome}
            {painted && (
              <Suspense fallback={null}>
                <TrafficController has={has} centres={centres} onChange={setTraffic} />
                <Camera
                  rects={rects}
                  topKey={topKey}
                  plan={traffic.shown?.plan ?? null}
                  userMoved={userMoved}
                  fitRef={fitRef}
                />
              </Suspense>
            )}
            {actions}
          </ReactFlow>
        </div>
        <HopList
          trace={traffic.shown?.trace ?? null}
          plan={traffic.shown?.plan ?? null}
          revealed={traffic.revealed}
          onClear={traffic.clear}
        />
      </div>
    </div>
  );
}
