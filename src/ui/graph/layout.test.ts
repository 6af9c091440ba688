import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../../sim/api/types';
import { loadDagre } from './dagre-late';
import { deriveGraph } from './derive';
import { layoutGraph, type PlacedNode } from './layout';
import { deployment, node, pod, replicaSet, service, sleepWorld } from './test-fixtures';

function absolute(nodes: PlacedNode[]): Map<string, { x: number; y: number; w: number; h: number }> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const n of nodes) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    out.set(n.id, {
      x: n.position.x + (parent?.position.x ?? 0),
      y: n.position.y + (parent?.position.y ?? 0),
      w: n.width,
      h: n.height,
    });
  }
  return out;
}

function noOverlap(nodes: PlacedNode[]) {
  // siblings (same parent, or both top level) must not overlap
  for (const a of nodes) {
    for (const b of nodes) {
      if (a === b || (a.parentId ?? '') !== (b.parentId ?? '')) continue;
      const hit =
        a.position.x < b.position.x + b.width &&
        b.position.x < a.position.x + a.width &&
        a.position.y < b.position.y + b.height &&
        b.position.y < a.position.y + a.height;
      if (hit) throw new Error(`${a.id} overlaps ${b.id}`);
    }
  }
}

// dagre loads late in the page (./dagre-late); these layouts are not the first paint's
beforeAll(() => loadDagre());

describe('layoutGraph', () => {
  it('lays out the sleep world without overlaps, traffic left to right', () => {
    const { nodes } = layoutGraph(deriveGraph(sleepWorld()));
    noOverlap(nodes);
    const abs = absolute(nodes);
    const x = (id: string) => abs.get(id)?.x ?? Number.NaN;
    expect(x('Service/default/sleep-2')).toBeLessThan(x('Node/docker-desktop'));
    expect(x('Node/docker-desktop')).toBeLessThan(x('ReplicaSet/default/sleep-2-bd8bc78c7'));
    expect(x('ReplicaSet/default/sleep-2-bd8bc78c7')).toBeLessThan(x('Deployment/default/sleep-2'));
  });

  it('is narrow enough to read on a 16:9 canvas: Services to the Pods fit 900 px (zoom 0.75 → 675 px on screen)', () => {
    // the old layout (3 Pods a row, wide rank gaps) needed ~1100 px here and fitted at zoom ~0.35
    const { nodes } = layoutGraph(deriveGraph(sleepWorld()));
    const abs = absolute(nodes);
    const path = [...abs].filter(([id]) => /^(Service|Endpoints|Node)\//.test(id)).map(([, r]) => r);
    const left = Math.min(...path.map((r) => r.x));
    const right = Math.max(...path.map((r) => r.x + r.w));
    expect(right - left).toBeLessThanOrEqual(900);
    // and the whole graph is no wider than twice the canvas it is drawn in at 1280×720
    const all = [...abs.values()];
    const width = Math.max(...all.map((r) => r.x + r.w)) - Math.min(...all.map((r) => r.x));
    expect(width).toBeLessThanOrEqual(1400);
  });

  it('is deterministic', () => {
    expect(layoutGraph(deriveGraph(sleepWorld())).state).toEqual(
      layoutGraph(deriveGraph(sleepWorld())).state,
    );
  });

  it('a new Pod (and its replacement) does not move any existing node', () => {
    const world = sleepWorld();
    const first = layoutGraph(deriveGraph(world));
    const rs = world.find((o) => o.kind === 'ReplicaSet' && o.metadata.name === 'sleep-2-bd8bc78c7');
    const extra = pod('sleep-2-bd8bc78c7-zzzzz', {
      ip: '10.1.0.27',
      labels: { app: 'sleep-2' },
      owner: rs as never,
    });
    const second = layoutGraph(deriveGraph([...world, extra]), first.state);
    const before = absolute(first.nodes);
    const after = absolute(second.nodes);
    for (const [id, p] of before) {
      if (id === 'Node/docker-desktop') {
        expect({ x: after.get(id)?.x, y: after.get(id)?.y }).toEqual({ x: p.x, y: p.y });
      } else expect(after.get(id)).toEqual(p);
    }
    expect(after.has('Pod/default/sleep-2-bd8bc78c7-zzzzz')).toBe(true);
    noOverlap(second.nodes);
  });

  it('a new Service joins the bottom of the Services column (no full re-layout)', () => {
    const world = sleepWorld();
    const first = layoutGraph(deriveGraph(world));
    const second = layoutGraph(deriveGraph([...world, service('zz-new', { app: 'sleep-1' })]), first.state);
    const abs = absolute(second.nodes);
    const svc = abs.get('Service/default/zz-new');
    const old = abs.get('Service/default/sleep-2');
    expect(svc?.x).toBe(old?.x);
    const services = [...abs].filter(([id]) => id.startsWith('Service/') && id !== 'Service/default/zz-new');
    for (const [, p] of services) if (p.x === svc?.x) expect(svc?.y).toBeGreaterThanOrEqual(p.y + p.h);
    noOverlap(second.nodes);
  });

  it('several cluster Nodes sit side by side, so filling one with Pods never runs into another', () => {
    const nodes = [
      node('kind-control-plane', '172.18.0.2'),
      node('kind-worker', '172.18.0.3'),
      node('kind-worker2', '172.18.0.4'),
    ];
    const d = deployment('web');
    const rs = replicaSet(d, 'h');
    const first = layoutGraph(deriveGraph([...nodes, d, rs]));
    const groups = first.nodes.filter((n) => n.type === 'clusterNode');
    expect(new Set(groups.map((g) => g.position.y)).size).toBe(1);
    const pods = Array.from({ length: 60 }, (_, i) =>
      pod(`web-h-${i}`, {
        nodeName: i % 2 ? 'kind-worker' : 'kind-worker2',
        owner: rs,
        labels: { app: 'web' },
      }),
    );
    const second = layoutGraph(deriveGraph([...nodes, d, rs, ...pods]), first.state);
    noOverlap(second.nodes);
    const before = absolute(first.nodes);
    const after = absolute(second.nodes);
    for (const [id, p] of before) expect([after.get(id)?.x, after.get(id)?.y]).toEqual([p.x, p.y]);
  });

  it('property: any sequence of Pod adds/removes and Service adds never moves a surviving node', () => {
    const base: K8sObject[] = [node(), ...[0, 1, 2].map((i) => deployment(`d${i}`))];
    const rss = base.slice(1).map((d, i) => replicaSet(d as never, `h${i}`));
    const op = fc.oneof(
      fc.record({ t: fc.constant('addPod' as const), rs: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ t: fc.constant('removePod' as const), i: fc.nat() }),
      fc.record({ t: fc.constant('addSvc' as const), rs: fc.integer({ min: 0, max: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let objs: K8sObject[] = [...base, ...rss];
        let state = layoutGraph(deriveGraph(objs)).state;
        let prev = absolute(layoutGraph(deriveGraph(objs), state).nodes);
        let n = 0;
        for (const o of ops) {
          if (o.t === 'addPod') {
            const rs = rss[o.rs];
            objs = [
              ...objs,
              pod(`${rs?.metadata.name}-p${n++}`, { labels: { app: `d${o.rs}` }, owner: rs as never }),
            ];
          } else if (o.t === 'removePod') {
            const pods = objs.filter((x) => x.kind === 'Pod');
            const victim = pods[o.i % Math.max(1, pods.length)];
            objs = objs.filter((x) => x !== victim);
          } else {
            objs = [...objs, service(`s${n++}`, { app: `d${o.rs}` })];
          }
          const out = layoutGraph(deriveGraph(objs), state);
          const now = absolute(out.nodes);
          for (const [id, p] of prev) {
            const q = now.get(id);
            if (!q) continue;
            if (id.startsWith('Node/')) expect([q.x, q.y]).toEqual([p.x, p.y]);
            else expect(q).toEqual(p);
          }
          noOverlap(out.nodes);
          state = out.state;
          prev = now;
        }
      }),
      { seed: 20261125, numRuns: 60 },
    );
  });
});
