// Fixed node sizes shared by the layout and the node components: React Flow gets explicit
// width/height, so fitView and the minimap are right before the DOM is measured.
import type { DerivedNode, EndpointsData } from './derive';

export const POD_W = 176;
export const POD_H = 64;
export const GROUP_PAD = 16;
export const GROUP_HEADER = 40;
export const KUBE_PROXY_H = 44;
export const GAP = 14;
/**
 * Pods per row inside a cluster Node. Fixed, so a new Pod never moves an existing one. Two, not
 * three: the Node is the widest box on the graph, and a narrower one lets the graph fit a 16:9 canvas
 * at a readable zoom (a Node that fills up grows downwards, where there is room).
 */
export const GROUP_COLS = 2;
export const GROUP_MIN_ROWS = 2;
export const GROUP_W = GROUP_PAD * 2 + GROUP_COLS * POD_W + (GROUP_COLS - 1) * GAP;
/** Endpoints list at most this many addresses, then "+N". */
export const ENDPOINT_LINES = 6;

export interface Size {
  width: number;
  height: number;
}

export function groupHeight(rows: number): number {
  const r = Math.max(rows, GROUP_MIN_ROWS);
  return GROUP_HEADER + KUBE_PROXY_H + GAP + r * (POD_H + GAP) + GROUP_PAD - GAP;
}

export function slotPosition(slot: number): { x: number; y: number } {
  const col = slot % GROUP_COLS;
  const row = Math.floor(slot / GROUP_COLS);
  return { x: GROUP_PAD + col * (POD_W + GAP), y: GROUP_HEADER + KUBE_PROXY_H + GAP + row * (POD_H + GAP) };
}

export function nodeSize(n: DerivedNode): Size {
  switch (n.type) {
    case 'pod':
      return { width: POD_W, height: POD_H };
    case 'kubeProxy':
      return { width: GROUP_W - GROUP_PAD * 2, height: KUBE_PROXY_H };
    case 'service':
      return { width: 196, height: 84 };
    case 'endpoints':
    case 'endpointSlice': {
      const count = (n.data as EndpointsData).addresses.length;
      const lines = Math.max(1, Math.min(count, ENDPOINT_LINES + 1));
      return { width: 196, height: 44 + lines * 17 };
    }
    case 'deployment':
    case 'replicaSet':
    case 'daemonSet':
    case 'statefulSet':
    case 'job':
    case 'cronJob':
      return { width: 180, height: 56 };
    case 'host':
      return { width: 150, height: 64 };
    case 'external':
      return { width: 200, height: 52 };
    case 'clusterNode':
      return { width: GROUP_W, height: groupHeight(GROUP_MIN_ROWS) };
  }
}
