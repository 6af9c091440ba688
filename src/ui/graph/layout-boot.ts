// dagre's layout of the first paint's graph (see ./dagre-late), so the page draws it before dagre has
// loaded. Generated: dagre-late.test.ts prints the entry to put here when it is stale.
import type { DagreInput } from './dagre-late';

/** [dagre's input, the nodes' top-left corners x0, y0, x1, y1, … in input order]. */
export const BOOT_LAYOUTS: ReadonlyArray<readonly [DagreInput, readonly number[]]> = [
  // docker-desktop, seed 1, the default namespace with the cluster DNS (the graph's default view)
  [
    {
      nodes: [
        ['host', 150, 64],
        ['Node/docker-desktop', 398, 256],
        ['Service/default/kubernetes', 196, 84],
        ['Service/kube-system/kube-dns', 196, 84],
        ['Endpoints/default/kubernetes', 196, 61],
        ['Endpoints/kube-system/kube-dns', 196, 78],
      ],
      edges: [
        ['Service/kube-system/kube-dns', 'Node/docker-desktop'],
        ['Service/default/kubernetes', 'Endpoints/default/kubernetes'],
        ['Service/kube-system/kube-dns', 'Endpoints/kube-system/kube-dns'],
        ['Endpoints/kube-system/kube-dns', 'Node/docker-desktop'],
      ],
    },
    [43, 20, 484, 126, 20, 96, 20, 212, 252, 108, 252, 188],
  ],
];
