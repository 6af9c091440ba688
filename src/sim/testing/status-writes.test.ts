// Controller.statusWrites and Controller.eventTypes: the manager does not ask a controller about
// the status-only writes, or the event types of a kind, it declared it ignores. Here every such
// write is handed to it anyway (before the manager's own fan-out), and its answer must be no keys;
// the version-stream golden checks that leaving it out changes no write. Scenarios: the
// benchmark's shape, chapter 3, generated sequences (Pods that fail, end, are deleted,
// relabelled, scaled; Services and Deployments deleted).
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
  /** Writes of an event type handed to a controller that left the type out (eventTypes). */
  askedByType: number;
  /** Those it answered with keys: must stay empty. */
  keyed: string[];
}

/** Why the manager leaves the write out of the controller's fan-out, if it does. */
function leftOut(c: Controller, ev: WatchEvent): 'type' | 'status' | undefined {
  if (!c.watches.includes(ev.kind)) return undefined;
  const types = c.eventTypes?.[ev.kind];
  if (types !== undefined && !types.includes(ev.type)) return 'type';
  const w = ev.statusWrite ?? 0;
  if (w === 0 || c.statusWrites === undefined || c.statusWrites === 'all') return undefined;
  if (c.statusWrites === 'phase' && (w & PHASE_CHANGED) !== 0) return undefined;
  return 'status';
}

function check(opts: ScenarioOptions, run: (c: SimCluster) => void): Seen {
  const seen: Seen = { asked: 0, askedByType: 0, keyed: [] };
  let declared: Controller[] = [];
  const onEvent = (ev: WatchEvent) => {
    for (const c of declared) {
      const why = leftOut(c, ev);
      if (why === undefined) continue;
      if (why === 'type') seen.askedByType++;
      else seen.asked++;
      const keys = c.keysFor(ev);
      if (keys.length > 0) seen.keyed.push(`${c.name} ${ev.kind} ${ev.type} ${keys.join(',')}`);
    }
  };
  const c = createCluster({ ...opts, onStore: (store: Store) => store.watch(onEvent) });
  const all = (c.internals.manager as unknown as { controllers: Controller[] }).controllers;
  declared = all.filter(
    (x) => x.statusWrites === 'none' || x.statusWrites === 'phase' || x.eventTypes !== undefined,
  );
  expect(declared.map((x) => x.name).sort()).toEqual([
    'default-scheduler',
    'endpoints-controller',
    'garbage-collector',
    'kubernetes-service-controller',
  ]);
  run(c);
  return seen;
}

describe('writes left out of a controller (Controller.statusWrites, Controller.eventTypes)', () => {
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
    let askedByType = 0;
    for (const [opts, run] of runs) {
      const seen = check(opts, run);
      expect(seen.keyed).toEqual([]);
      asked += seen.asked;
      askedByType += seen.askedByType;
    }
    // The check saw writes to leave out: the kubelet's status writes in every scenario, and the
    // Endpoints controller's own writes and every Service's creation by type.
    expect(asked).toBeGreaterThan(1000);
    expect(askedByType).toBeGreaterThan(100);
  });
});
