// Controller.statusWrites: the manager does not ask a controller about the status-only writes it
// declared it ignores. Here every such write is handed to it anyway (before the manager's own
// fan-out), and its answer must be no keys; the version-stream golden checks that leaving it
// out changes no write. Scenarios: the benchmark's shape, chapter 3, generated sequences (Pods
// that fail, end, are deleted, relabelled, scaled).
import { describe, expect, it } from 'vitest';
import type { Store } from '../apiserver/store';
import { createCluster, type SimCluster } from '../cluster';
import { type Controller, PHASE_CHANGED, type WatchEvent } from '../runtime/interfaces';
import {
  benchScenario,
  ch03Scenario,
  generatedSequences,
  type ScenarioOptions,
  sequenceScenario,
} from './version-stream-scenarios';

interface Seen {
  /** Status-only writes handed to a controller that declared it ignores them. */
  asked: number;
  /** Those it answered with keys: must stay empty. */
  keyed: string[];
}

function check(opts: ScenarioOptions, run: (c: SimCluster) => void): Seen {
  const seen: Seen = { asked: 0, keyed: [] };
  let declared: Controller[] = [];
  const onEvent = (ev: WatchEvent) => {
    const w = ev.statusWrite ?? 0;
    if (w === 0) return;
    for (const c of declared) {
      if (!c.watches.includes(ev.kind)) continue;
      if (c.statusWrites === 'phase' && (w & PHASE_CHANGED) !== 0) continue;
      seen.asked++;
      const keys = c.keysFor(ev);
      if (keys.length > 0) seen.keyed.push(`${c.name} ${ev.kind} ${keys.join(',')}`);
    }
  };
  const c = createCluster({ ...opts, onStore: (store: Store) => store.watch(onEvent) });
  const all = (c.internals.manager as unknown as { controllers: Controller[] }).controllers;
  declared = all.filter((x) => x.statusWrites === 'none' || x.statusWrites === 'phase');
  expect(declared.map((x) => x.name).sort()).toEqual(['default-scheduler', 'garbage-collector']);
  run(c);
  return seen;
}

describe('status-only writes left out of a controller (Controller.statusWrites)', () => {
  it('would have queued nothing in the scenarios of the version-stream golden', () => {
    const runs: [ScenarioOptions, (c: SimCluster) => void][] = [
      [{ seed: 42, maxPodsPerNode: 1000 }, benchScenario],
      [{ seed: 42, profile: 'kind', proxyMode: 'ipvs', maxPodsPerNode: 1000 }, benchScenario],
      [{ seed: 9 }, ch03Scenario],
      ...generatedSequences().map(
        (cmds, i) =>
          [{ seed: 100 + i }, sequenceScenario(cmds)] as [ScenarioOptions, (c: SimCluster) => void],
      ),
    ];
    let asked = 0;
    for (const [opts, run] of runs) {
      const seen = check(opts, run);
      expect(seen.keyed).toEqual([]);
      asked += seen.asked;
    }
    // The check saw writes to leave out (the kubelet's status writes in every scenario).
    expect(asked).toBeGreaterThan(1000);
  });
});
