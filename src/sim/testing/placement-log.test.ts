// The placement log (placement-log.ts, ControllerManager.setPlacementLog): deterministic per seed,
// invisible to the version stream, and able to say where two runs part. The workload engine's
// predict mode and differential runs compare against it (docs/workload-engine.md §5).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimCluster } from '../cluster';
import { parseManifests } from '../yaml';
import { benchManifest } from './bench-manifest';
import {
  firstDivergence,
  type PlacedEntry,
  type PlacementEntry,
  placementLine,
  runLogged,
} from './placement-log';
import { compareStream, parseGolden, streamHash } from './version-stream';
import { generatedSequences, sequenceScenario, settle } from './version-stream-scenarios';

const N = 3;
const OPTS = { seed: 42, maxPodsPerNode: 1000 };

/** The controllers of one bench-shape chain (docs/workload-engine.md §1), by their names. */
const CHAIN = [
  'deployment-controller',
  'replicaset-controller',
  'default-scheduler',
  'kubelet',
  'endpoints-controller',
  'endpointslice-controller',
];

function applyText(c: SimCluster, text: string): void {
  const parsed = parseManifests(text, 'bench.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  for (const o of c.apply(parsed.docs, { source: 'bench.yaml' }))
    if (!o.result.ok) throw new Error(o.result.error.message);
}

/** The bench shape at N, applied and settled. */
const bench = (text: string) => (c: SimCluster) => {
  applyText(c, text);
  settle(c);
};

const places = (log: readonly PlacementEntry[]) => log.filter((e): e is PlacedEntry => e.op === 'place');

describe('placement log', () => {
  it('is the same for two clusters of one seed and manifest, and covers every controller of the chain', () => {
    const a = runLogged(OPTS, bench(benchManifest(N)), true);
    const b = runLogged(OPTS, bench(benchManifest(N)), true);
    const la = a.log ?? [];
    const lb = b.log ?? [];
    const diff = firstDivergence(la, lb);
    if (diff) expect.fail(diff.message);
    expect(la.length).toBe(lb.length);
    // Not trivially equal: every chain's Deployment, ReplicaSet, Pods and Service keys were placed
    // by its controllers, some enqueues were absorbed, and some entries were reached quiet.
    const placed = places(la);
    for (let i = 0; i < N; i++)
      for (const controller of CHAIN) {
        const own = placed.filter(
          (e) => e.controller === controller && (e.key.includes(`/app-${i}`) || e.key.endsWith(`/svc-${i}`)),
        );
        expect(own.length, `${controller} app-${i}`).toBeGreaterThan(0);
      }
    expect(placed.some((e) => e.controller === 'deployment-controller' && e.how === 'absorbed')).toBe(true);
    expect(placed.some((e) => e.controller === 'kubelet' && e.quiet)).toBe(true);
    expect(la.some((e) => e.op === 'run' && e.quiet)).toBe(true);
    expect(la.some((e) => e.op === 'requeue')).toBe(true);
    // Every entry reached was placed new at that position before, and positions only grow.
    const at = new Map<number, string>();
    let last = -1;
    for (const e of la) {
      if (e.op === 'place' && e.how === 'new') {
        expect(e.at).toBeGreaterThan(last);
        last = e.at;
        at.set(e.at, `${e.controller} ${e.key}`);
      }
      if (e.op === 'run') expect(at.get(e.at), placementLine(e)).toBe(`${e.controller} ${e.key}`);
    }
  });

  it('pins the chain facts the engine design reads from the code (one chain, §1)', () => {
    const log = runLogged(OPTS, bench(benchManifest(N)), true).log ?? [];
    // The writes and their placements, grouped: the placements after a watch entry are its.
    const placedBy = (pred: (e: PlacementEntry) => boolean) => {
      const i = log.findIndex(pred);
      expect(i, 'write not found').toBeGreaterThanOrEqual(0);
      const out: string[] = [];
      for (let j = i + 1; j < log.length && (log[j] as PlacementEntry).op === 'place'; j++) {
        const p = log[j] as PlacedEntry;
        out.push(`${p.controller} ${p.how}${p.quiet ? ' quiet' : ''}`);
      }
      return out;
    };
    // The ReplicaSet's create: the Deployment re-placed (its sync is running) and the ReplicaSet.
    expect(
      placedBy(
        (e) => e.op === 'watch' && e.type === 'ADDED' && e.key.startsWith('ReplicaSet/default/app-0-'),
      ),
    ).toEqual(['deployment-controller new', 'replicaset-controller new']);
    // The revision annotation's update right after: absorbed by the Deployment's waiting entry.
    const rs = log.findIndex(
      (e) => e.op === 'watch' && e.type === 'ADDED' && e.key.startsWith('ReplicaSet/default/app-0-'),
    );
    const next = log.slice(rs + 1).find((e) => e.op === 'watch') as PlacementEntry;
    expect(placementLine(next)).toMatch(/^watch rv \d+ MODIFIED Deployment\/default\/app-0$/);
    expect(placedBy((e) => e === next)).toEqual(['deployment-controller absorbed']);
    // A Pod's create: its ReplicaSet, the scheduler, then the Service's Endpoints and slice. The
    // first re-places the ReplicaSet (its sync is running, so its entry is not waiting); the second
    // finds that entry waiting and is absorbed by it.
    const podAdds = log.filter(
      (e) => e.op === 'watch' && e.type === 'ADDED' && e.key.startsWith('Pod/default/app-0-'),
    );
    expect(podAdds).toHaveLength(5);
    expect(placedBy((e) => e === podAdds[0])).toEqual([
      'replicaset-controller new',
      'default-scheduler new',
      'endpoints-controller new',
      'endpointslice-controller new',
    ]);
    expect(placedBy((e) => e === podAdds[1])).toEqual([
      'replicaset-controller absorbed',
      'default-scheduler new',
      'endpoints-controller absorbed',
      'endpointslice-controller absorbed',
    ]);
  });

  it('changes no version: the stream with the log on equals the stream with it off', () => {
    const on = runLogged(OPTS, bench(benchManifest(N)), true);
    const off = runLogged(OPTS, bench(benchManifest(N)), false);
    expect(off.log).toBeUndefined();
    expect((on.log ?? []).length).toBeGreaterThan(0);
    expect(on.versions.length).toBe(off.versions.length);
    expect(streamHash(on.versions)).toBe(streamHash(off.versions));
    // And a golden scenario with the log on still equals its golden, byte for byte.
    const cmds = parseGolden(
      readFileSync(join(__dirname, 'golden-versions', 'seq-01.txt'), 'utf8'),
    ).header.find((h) => h.startsWith('commands '));
    const seq = cmds ? JSON.parse(cmds.slice('commands '.length)) : generatedSequences()[0];
    const logged = runLogged({ seed: 100 }, sequenceScenario(seq), true);
    const diff = compareStream(
      parseGolden(readFileSync(join(__dirname, 'golden-versions', 'seq-01.txt'), 'utf8')),
      logged.versions,
    );
    if (diff) expect.fail(diff.message);
  });

  it('parts where the runs part: one extra Pod label on one Deployment', () => {
    const text = benchManifest(N);
    // app-1's Pod template gains a label: its ReplicaSet's name (the template hash) and its Pods'
    // labels differ, nothing else in the manifest does.
    const marker = '      labels:\n        app: app-1\n';
    expect(text).toContain(marker);
    const changed = text.replace(marker, `${marker}        tier: web\n`);
    const a = runLogged(OPTS, bench(text), true).log ?? [];
    const b = runLogged(OPTS, bench(changed), true).log ?? [];
    const diff = firstDivergence(a, b);
    expect(diff, 'the logs should differ').toBeDefined();
    if (!diff) return;
    // Everything before it agrees (the boot and the apply's own writes), and it names app-1.
    expect(diff.index).toBeGreaterThan(0);
    expect(a.slice(0, diff.index).map(placementLine)).toEqual(b.slice(0, diff.index).map(placementLine));
    const lines = [diff.a, diff.b].map((e) => (e ? placementLine(e) : ''));
    for (const l of lines) expect(l, diff.message).toContain('/app-1-');
    // The first thing that differs is app-1's ReplicaSet create, named by its template hash.
    expect(lines[0], diff.message).toMatch(/^watch rv \d+ ADDED ReplicaSet\/default\/app-1-/);
    // Identical logs report nothing; a log cut short reports where it ended.
    expect(firstDivergence(a, a)).toBeUndefined();
    expect(firstDivergence(a, a.slice(0, 10))?.index).toBe(10);
  });
});
