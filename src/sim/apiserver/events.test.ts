// The recorder aggregates repeats of one (object, type, reason, message, source) into one Event.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { ManualClock } from '../runtime/clock';
import { createRng } from '../runtime/rng';
import { Recorder } from './events';
import { Store } from './store';

type Ev = K8sObject & { count: number; message: string; firstTimestamp: string; lastTimestamp: string };

function setup() {
  const store = new Store();
  const clock = new ManualClock(Date.UTC(2026, 0, 8, 9, 30, 0));
  const rec = new Recorder(store, clock, createRng(1).fork('events'));
  const pod = (name: string, uid: string) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid },
    }) as unknown as K8sObject;
  const events = () => store.list('Event') as Ev[];
  return { store, clock, rec, pod, events };
}

describe('Recorder', () => {
  it('a repeat bumps count and lastTimestamp; any differing field makes a new Event', () => {
    const { clock, rec, pod, events } = setup();
    const a = pod('a', 'uid-a');
    const kubelet = { component: 'kubelet', host: 'node-1' };
    rec.record(a, 'Warning', 'BackOff', 'Back-off pulling image "x"', kubelet);
    clock.set(clock.now() + 5000);
    rec.record(a, 'Warning', 'BackOff', 'Back-off pulling image "x"', { ...kubelet });
    expect(events()).toHaveLength(1);
    expect(events()[0]?.count).toBe(2);
    expect(events()[0]?.firstTimestamp).toBe('2026-01-08T09:30:00Z');
    expect(events()[0]?.lastTimestamp).toBe('2026-01-08T09:30:05Z');
    rec.record(a, 'Warning', 'BackOff', 'Back-off pulling image "y"', kubelet);
    rec.record(a, 'Normal', 'BackOff', 'Back-off pulling image "x"', kubelet);
    rec.record(a, 'Warning', 'BackOff', 'Back-off pulling image "x"', {
      component: 'kubelet',
      host: 'node-2',
    });
    rec.record(a, 'Warning', 'BackOff', 'Back-off pulling image "x"', { component: 'kubelet' });
    rec.record(pod('b', 'uid-b'), 'Warning', 'BackOff', 'Back-off pulling image "x"', kubelet);
    expect(events()).toHaveLength(6);
    expect(
      events()
        .map((e) => e.count)
        .sort(),
    ).toEqual([1, 1, 1, 1, 1, 2]);
  });

  it('after its Event is gone, a repeat starts a new Event with count 1', () => {
    const { store, rec, pod, events } = setup();
    const a = pod('a', 'uid-a');
    rec.record(a, 'Normal', 'Pulled', 'done', { component: 'kubelet', host: 'n' });
    const first = events()[0] as Ev;
    store.remove('Event', 'default', first.metadata.name);
    rec.record(a, 'Normal', 'Pulled', 'done', { component: 'kubelet', host: 'n' });
    rec.record(a, 'Normal', 'Pulled', 'done', { component: 'kubelet', host: 'n' });
    expect(events()).toHaveLength(1);
    expect(events()[0]?.metadata.name).not.toBe(first.metadata.name);
    expect(events()[0]?.count).toBe(2);
  });

  it('names an Event <object>.<creation time in Unix ns, 16 hex digits>, unique within one instant', () => {
    const { clock, rec, pod, events } = setup();
    const a = pod('web-1', 'uid-a');
    const kubelet = { component: 'kubelet', host: 'node-1' };
    rec.record(a, 'Normal', 'Pulling', 'Pulling image "x"', kubelet);
    rec.record(a, 'Normal', 'Pulled', 'Pulled image "x"', kubelet);
    clock.set(clock.now() + 1500);
    rec.record(a, 'Normal', 'Started', 'Started container x', kubelet);
    const names = events()
      .map((e) => e.metadata.name)
      .sort();
    // 2026-01-08T09:30:00Z = 1767864600000 ms = 0x1888b77cb5fcf000 ns (client-go: "%v.%x" of UnixNano).
    const t0 = BigInt(Date.UTC(2026, 0, 8, 9, 30, 0)) * 1_000_000n;
    expect(names).toEqual([
      `web-1.${t0.toString(16)}`,
      `web-1.${(t0 + 1n).toString(16)}`,
      `web-1.${(t0 + 1_500_000_000n).toString(16)}`,
    ]);
    for (const n of names) expect(n).toMatch(/^web-1\.[0-9a-f]{16}$/);
  });
});
