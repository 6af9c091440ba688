// The tests run in order: the first ones before dagre is loaded (as the page's first paint is), the
// last ones after.
import { describe, expect, it } from 'vitest';
import { useStore } from '../../state/store';
import { dagreLoaded, lastMiss, loadDagre, runDagre } from './dagre-late';
import { GraphDeriver, type GraphViewOptions } from './derive';
import { layoutGraph, tryLayoutGraph } from './layout';
import { LayoutQueue } from './layout-queue';
import { deployment, pod, replicaSet, service, sleepWorld } from './test-fixtures';

/** The graph GraphPanel draws first: the store's boot cluster in the graph slice's default view. */
function firstPaintGraph() {
  const s = useStore.getState();
  const namespaces = new Set<string>(['default']);
  for (const o of s.objects.values()) {
    if (o.kind === 'Namespace') namespaces.add(o.metadata.name);
    if (o.metadata.namespace) namespaces.add(o.metadata.namespace);
  }
  const view: GraphViewOptions = {
    namespaces: s.namespaceFilter === null ? [...namespaces].sort() : [s.namespaceFilter],
    showDns: s.showDns,
    showEndpointSlices: false,
    externals: [],
  };
  return new GraphDeriver().derive(s.objects.values(), view);
}

describe('dagre loaded late', () => {
  const boot = firstPaintGraph();
  let beforeDagre: ReturnType<typeof tryLayoutGraph> = null;

  it('lays out the first paint without dagre (ui/graph/layout-boot has its answer)', async () => {
    expect(dagreLoaded()).toBe(false);
    beforeDagre = tryLayoutGraph(boot);
    if (!beforeDagre) {
      const input = lastMiss();
      await loadDagre();
      const at = input && runDagre(input);
      const xy = input?.nodes.flatMap(([id]) => [at?.get(id)?.x, at?.get(id)?.y]);
      expect.fail(
        `layout-boot.ts is stale; its entry for the first paint is:\n[${JSON.stringify(input)}, ${JSON.stringify(xy)}]`,
      );
    }
    expect(beforeDagre.nodes.length).toBeGreaterThan(0);
  });

  it('any other layout that needs dagre waits for it, and so do the graphs after it', () => {
    expect(tryLayoutGraph(boot)).not.toBeNull();
    const world = sleepWorld();
    expect(tryLayoutGraph(deriveOf(world))).toBeNull();
    expect(() => layoutGraph(deriveOf(world))).toThrow(/not loaded/);
  });

  it('a queue answers the last nodes placed while it waits, then the layouts dagre would have given in order', async () => {
    const world = sleepWorld();
    const d = deployment('late');
    const rs = replicaSet(d, '5f7c9d8b6c');
    const g1 = deriveOf(world);
    const g2 = deriveOf([...world, service('late', { app: 'late' }), d, rs, pod('late-5f7c9d8b6c-abcde')]);
    const g3 = deriveOf([...world, service('late', { app: 'late' }), d, rs]);
    const q = new LayoutQueue();
    expect(q.place(boot)).toEqual(beforeDagre?.nodes);
    expect(q.waiting()).toBe(false);
    q.reset();
    expect(q.place(g1)).toEqual([]);
    expect(q.waiting()).toBe(true);
    expect(q.place(g2)).toEqual([]);
    await loadDagre();
    const got = q.place(g3);
    expect(q.waiting()).toBe(false);
    // the same graphs, in the same order, with dagre there from the start
    const s1 = layoutGraph(g1).state;
    const s2 = layoutGraph(g2, s1).state;
    expect(got).toEqual(layoutGraph(g3, s2).nodes);
    // not merely the newest graph laid out afresh
    expect(got).not.toEqual(layoutGraph(g3).nodes);
  });

  it("with dagre loaded, the first paint's layout is dagre's own", async () => {
    await loadDagre();
    expect(layoutGraph(boot)).toEqual(beforeDagre);
  });
});

function deriveOf(objects: Parameters<GraphDeriver['derive']>[0]) {
  return new GraphDeriver().derive(objects);
}
