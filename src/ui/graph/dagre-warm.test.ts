// dagre's warm-up (dagre-late.ts warmUpDagre): the first paint's graph laid out once, while the page
// is idle, so the first Apply does not pay for dagre's first run. Its answer is thrown away, so it
// must change no later answer: dagre numbers its dummy nodes and reversed edges from one module-wide
// counter that a warm-up advances. This file runs in its own module instance (vitest isolates files),
// so dagre starts out not loaded here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DagreInput, loadDagre, runDagre, warmUpDagre } from './dagre-late';
import { BOOT_LAYOUTS } from './layout-boot';

/** Not the first paint's graph; a long edge (dummy nodes) and a cycle (a reversed edge) included. */
const APPLY: DagreInput = {
  nodes: [
    ['host', 150, 64],
    ['Node/docker-desktop', 398, 380],
    ['Service/default/numbers-api', 196, 84],
    ['Service/kube-system/kube-dns', 196, 84],
    ['Endpoints/default/numbers-api', 196, 61],
    ['Endpoints/kube-system/kube-dns', 196, 78],
    ['ReplicaSet/default/numbers-api-6d4b8f9c7b', 200, 70],
    ['Deployment/default/numbers-api', 200, 70],
  ],
  edges: [
    ['host', 'Service/default/numbers-api'],
    ['Service/default/numbers-api', 'Endpoints/default/numbers-api'],
    ['Service/kube-system/kube-dns', 'Endpoints/kube-system/kube-dns'],
    ['Endpoints/default/numbers-api', 'Node/docker-desktop'],
    ['Endpoints/kube-system/kube-dns', 'Node/docker-desktop'],
    ['Node/docker-desktop', 'ReplicaSet/default/numbers-api-6d4b8f9c7b'],
    ['ReplicaSet/default/numbers-api-6d4b8f9c7b', 'Deployment/default/numbers-api'],
    ['host', 'Deployment/default/numbers-api'],
    ['Deployment/default/numbers-api', 'Service/default/numbers-api'],
  ],
};

const asObject = (m: Map<string, { x: number; y: number }> | undefined) => Object.fromEntries(m ?? []);

describe('dagre warm-up', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('does nothing while dagre is not loaded', () => {
    expect(warmUpDagre()).toBe(false);
  });

  it('once dagre is loaded, runs once (the first paint graph), then never again', async () => {
    await loadDagre();
    expect(warmUpDagre()).toBe(true);
    expect(warmUpDagre()).toBe(false);
  });

  it('changes no later answer: a layout is the same after any number of earlier ones', () => {
    const first = asObject(runDagre(APPLY));
    expect(Object.keys(first)).toHaveLength(APPLY.nodes.length);
    for (let i = 0; i < 3; i++) for (const [input] of BOOT_LAYOUTS) runDagre(input);
    runDagre(APPLY);
    expect(asObject(runDagre(APPLY))).toEqual(first);
    // and the first paint's graph still gets the answer the page drew without dagre
    for (const [input, xy] of BOOT_LAYOUTS) {
      const at = runDagre(input);
      expect(input.nodes.flatMap(([id]) => [at?.get(id)?.x, at?.get(id)?.y])).toEqual(xy);
    }
  });

  it('is queued as an idle callback when dagre loads, and skipped once dagre has laid out a graph', async () => {
    vi.resetModules();
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (cb: () => void, opts: { timeout: number }) => {
      expect(opts.timeout).toBeGreaterThan(0);
      idle.push(cb);
      return idle.length;
    });
    const fresh = await import('./dagre-late');
    await fresh.loadDagre();
    expect(idle).toHaveLength(1);
    idle[0]?.();
    // the idle callback was the warm-up: nothing left to warm
    expect(fresh.warmUpDagre()).toBe(false);

    vi.resetModules();
    const other = await import('./dagre-late');
    await other.loadDagre();
    other.runDagre(APPLY);
    expect(other.warmUpDagre()).toBe(false);
  });
});
