// kubelet.ts conditionsAt answers a call site's last list again when it is asked for the same
// previous list, second and specs (ListSite): these check that the answer is always the list the
// inputs make, whichever of them changed since the site's last call.
import { describe, expect, it } from 'vitest';
import type { PodCondition } from '../api/types';
import { createCluster } from '../cluster';
import { createRng } from '../runtime/rng';
import { createKubelet } from './kubelet';
import { conditionAt, condSpec, listSite, type PodConditions } from './status-parts';

const READY = condSpec('Ready', 'True');
const NOT_READY = condSpec('Ready', 'False', 'ContainersNotReady', 'm');
const SANDBOX = condSpec('PodReadyToStartContainers', 'True');

function kubeletAt(ms: { now: number }) {
  const { api, profile } = createCluster({ seed: 3 }).internals;
  const k = createKubelet({ api, profile, clock: { now: () => ms.now }, rng: createRng(1) });
  return (k as unknown as { conditionsAt: PodConditions }).conditionsAt.bind(k);
}

const brief = (list: readonly PodCondition[]) =>
  list.map((c) => `${c.type}=${c.status}@${c.lastTransitionTime}`);

describe('conditionsAt on one call site', () => {
  it('answers what the inputs make, reusing the list only for the same inputs', () => {
    const clock = { now: Date.UTC(2026, 0, 8, 9, 30, 0) };
    const at = kubeletAt(clock);
    const site = listSite();
    const scheduledA = [conditionAt(condSpec('PodScheduled', 'True'), '2026-01-08T09:29:00Z')];
    const scheduledB = [conditionAt(condSpec('PodScheduled', 'True'), '2026-01-08T09:29:30Z')];
    const first = at(scheduledA, site, SANDBOX, undefined, NOT_READY, undefined);
    expect(brief(first)).toEqual([
      'PodReadyToStartContainers=True@2026-01-08T09:30:00Z',
      'Ready=False@2026-01-08T09:30:00Z',
      'PodScheduled=True@2026-01-08T09:29:00Z',
    ]);
    // Same inputs within the second: the same list.
    clock.now += 400;
    expect(at(scheduledA, site, SANDBOX, undefined, NOT_READY, undefined)).toBe(first);
    // Another previous list: its own PodScheduled.
    expect(brief(at(scheduledB, site, SANDBOX, undefined, NOT_READY, undefined))[2]).toBe(
      'PodScheduled=True@2026-01-08T09:29:30Z',
    );
    // Another spec: Ready True.
    expect(brief(at(scheduledA, site, SANDBOX, undefined, READY, undefined))[1]).toBe(
      'Ready=True@2026-01-08T09:30:00Z',
    );
    // The next second: new conditions get its time.
    clock.now += 1_000;
    expect(brief(at(scheduledA, site, SANDBOX, undefined, NOT_READY, undefined))).toEqual([
      'PodReadyToStartContainers=True@2026-01-08T09:30:01Z',
      'Ready=False@2026-01-08T09:30:01Z',
      'PodScheduled=True@2026-01-08T09:29:00Z',
    ]);
    // A condition the kubelet does not own stays ahead, in a list of its own each time.
    const other = { type: 'DisruptionTarget', status: 'True' } as unknown as PodCondition;
    const withOther = [other, ...scheduledA];
    const a = at(withOther, site, SANDBOX, undefined, NOT_READY, undefined);
    const b = at(withOther, site, SANDBOX, undefined, NOT_READY, undefined);
    expect(a[0]).toBe(other);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    // And after it, the plain list again.
    expect(brief(at(scheduledA, site, SANDBOX, undefined, NOT_READY, undefined))).toHaveLength(3);
  });

  it('keeps an unchanged condition’s transition time from the previous list', () => {
    const clock = { now: Date.UTC(2026, 0, 8, 9, 30, 0) };
    const at = kubeletAt(clock);
    const site = listSite();
    const prev = [conditionAt(condSpec('Ready', 'False', 'ContainersNotReady', 'm'), '2026-01-08T09:00:00Z')];
    const first = at(prev, site, undefined, undefined, NOT_READY, undefined);
    expect(brief(first)).toEqual(['Ready=False@2026-01-08T09:00:00Z']);
    const flipped = at(prev, site, undefined, undefined, READY, undefined);
    expect(brief(flipped)).toEqual(['Ready=True@2026-01-08T09:30:00Z']);
  });
});
