// The recorder aggregates repeats of one (object, fieldPath, type, reason, message, source) into one Event,
// stored as a lazy entry that reads back as the whole v1 Event. This file does not load the late
// parts, so it covers the recorder the boot's Events go through; once they are loaded, client-go's
// EventCorrelator takes over (events-correlator.test.ts), which differs for an Event deleted or
// rewritten through the API: it patches, or re-creates, the Event under the name it remembers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { ManualClock } from '../runtime/clock';
import { createRng, uuid } from '../runtime/rng';
import { eventName, Recorder } from './events';
import { Store } from './store';

type Ev = K8sObject & {
  count: number;
  reason: string;
  message: string;
  firstTimestamp: string;
  lastTimestamp: string;
};

function setup() {
  const store = new Store();
  const clock = new ManualClock(Date.UTC(2026, 0, 8, 9, 30, 0));
  const rec = new Recorder(store, clock, createRng(1).fork('events'));
  const pod = (name: string, uid: string) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid, resourceVersion: '7' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
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

  it('aggregates across many reasons (beyond the per-reason bits) and across renamed objects of one uid', () => {
    const { rec, pod, events } = setup();
    const a = pod('a', 'uid-a');
    const src = { component: 'kubelet', host: 'n' };
    const reasons = Array.from({ length: 40 }, (_, i) => `R${i}`);
    for (const r of reasons) rec.record(a, 'Normal', r, 'm', src);
    for (const r of [...reasons].reverse()) rec.record(pod('a', 'uid-a'), 'Normal', r, 'm', src);
    expect(events()).toHaveLength(40);
    expect(new Set(events().map((e) => e.count))).toEqual(new Set([2]));
    // Same uid under another name: one chain, so the repeat still aggregates (the key has no name).
    const b = pod('b', 'uid-a');
    rec.record(b, 'Normal', 'R0', 'm', src);
    rec.record(b, 'Normal', 'New', 'm', src);
    rec.record(a, 'Normal', 'R39', 'm', src);
    rec.record(a, 'Normal', 'New', 'm', src);
    const byReason = new Map(events().map((e) => [e.reason, e]));
    expect(events()).toHaveLength(41);
    expect([byReason.get('R0')?.count, byReason.get('R39')?.count, byReason.get('New')?.count]).toEqual([
      3, 3, 2,
    ]);
    expect((byReason.get('New') as Ev & { involvedObject: { name: string } }).involvedObject.name).toBe('b');
  });

  it('after its Event is gone, a repeat starts a new Event with count 1 (before the late parts load)', () => {
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

describe('Recorder: what an Event reads back as', () => {
  it('a kubelet Event: every field in the order the apiserver returns them, uid from the events rng', () => {
    const { store, rec, pod, events } = setup();
    const source = { component: 'kubelet', host: 'docker-desktop' };
    rec.record(
      pod('web-1', 'uid-a'),
      'Normal',
      'Pulled',
      'Successfully pulled image "nginx"',
      source,
      'spec.containers{web}',
    );
    const e = events()[0] as Ev;
    const uid = uuid(createRng(1).fork('events'));
    // JSON keeps key order, which `kubectl get -o yaml/json` prints.
    expect(JSON.stringify(e)).toBe(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: 'web-1.1888b77cb5fcf000',
          namespace: 'default',
          uid,
          resourceVersion: '1001',
          creationTimestamp: '2026-01-08T09:30:00Z',
        },
        involvedObject: {
          apiVersion: 'v1',
          kind: 'Pod',
          name: 'web-1',
          namespace: 'default',
          uid: 'uid-a',
          resourceVersion: '7',
          fieldPath: 'spec.containers{web}',
        },
        reason: 'Pulled',
        message: 'Successfully pulled image "nginx"',
        source: { component: 'kubelet', host: 'docker-desktop' },
        firstTimestamp: '2026-01-08T09:30:00Z',
        lastTimestamp: '2026-01-08T09:30:00Z',
        count: 1,
        type: 'Normal',
        eventTime: null,
        reportingComponent: 'kubelet',
        reportingInstance: 'docker-desktop',
      }),
    );
    expect(store.revision).toBe(1001);
  });

  it("the k-th Event created takes the stream's k-th uid, whichever Event is read first (repeats draw none)", () => {
    const { store, clock, rec, pod, events } = setup();
    const src = { component: 'kubelet', host: 'n' };
    const objs = [pod('a', 'uid-a'), pod('b', 'uid-b'), pod('c', 'uid-c')];
    // (object, message): the fifth repeats the first, so six records make five Events.
    const script: [number, string][] = [
      [0, 'm0'],
      [1, 'm0'],
      [2, 'm0'],
      [0, 'm1'],
      [0, 'm0'],
      [1, 'm1'],
    ];
    const run = (s: ReturnType<typeof setup>, readAsGoing: boolean) => {
      script.forEach(([o, m], i) => {
        s.rec.record(objs[o] as K8sObject, 'Normal', 'Pulled', m, src);
        s.clock.set(s.clock.now() + 1000);
        if (readAsGoing) expect(s.events()).toHaveLength(i < 4 ? i + 1 : i);
      });
    };
    run({ store, clock, rec, pod, events }, true);
    const stream = createRng(1).fork('events');
    const want = Array.from({ length: 5 }, () => uuid(stream));
    const byName = new Map(events().map((e) => [e.metadata.name, e.metadata.uid]));
    const ns = (n: string) => n.slice(n.indexOf('.') + 1); // the creation time, 16 hex digits
    const inOrder = [...byName.keys()].sort((x, y) => (ns(x) < ns(y) ? -1 : 1));
    expect(inOrder.map((n) => byName.get(n))).toEqual(want);
    // A fresh recorder whose last Event is read first spells the same uids.
    const s2 = setup();
    run(s2, false);
    const last = inOrder[4] as string;
    expect(s2.store.get('Event', 'default', last)?.metadata.uid).toBe(want[4]);
    expect(s2.events().map((e) => e.metadata.uid)).toEqual(events().map((e) => e.metadata.uid));
    expect(s2.events().find((e) => e.metadata.name === inOrder[0])?.count).toBe(2);
  });

  it('a cluster-scoped object: no involvedObject.namespace, the Event in default, no fieldPath off the kubelet', () => {
    const { rec, events } = setup();
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1', uid: 'uid-n' },
    } as unknown as K8sObject;
    rec.record(node, 'Normal', 'Starting', 'Starting kubelet.', { component: 'kubelet', host: 'n1' });
    const e = events()[0] as Ev & { involvedObject: Record<string, unknown> };
    expect(e.metadata.namespace).toBe('default');
    expect(Object.keys(e.involvedObject)).toEqual(['apiVersion', 'kind', 'name', 'uid', 'resourceVersion']);
    expect(e.involvedObject.resourceVersion).toBeUndefined();
  });

  it('reads return one snapshot per state; a repeat makes a new one and leaves the old untouched', () => {
    const { store, clock, rec, pod, events } = setup();
    const a = pod('a', 'uid-a');
    const src = { component: 'kubelet', host: 'n' };
    rec.record(a, 'Warning', 'BackOff', 'Back-off', src);
    const first = events()[0] as Ev;
    expect(store.get('Event', 'default', first.metadata.name)).toBe(first);
    expect(events()[0]).toBe(first);
    clock.set(clock.now() + 10_000);
    rec.record(a, 'Warning', 'BackOff', 'Back-off', src);
    const second = events()[0] as Ev;
    expect(second).not.toBe(first);
    expect([first.count, first.lastTimestamp, first.metadata.resourceVersion]).toEqual([
      1,
      '2026-01-08T09:30:00Z',
      '1001',
    ]);
    expect([second.count, second.lastTimestamp, second.metadata.resourceVersion]).toEqual([
      2,
      '2026-01-08T09:30:10Z',
      '1002',
    ]);
    expect(second.metadata.uid).toBe(first.metadata.uid);
  });

  it("the fieldPath is part of the key (getEventKey): each container's Events aggregate apart", () => {
    const { rec, pod, events } = setup();
    const a = pod('a', 'uid-a');
    const src = { component: 'kubelet', host: 'n' };
    const msg = 'Container image "nginx" already present on machine';
    rec.record(a, 'Normal', 'Pulled', msg, src, 'spec.containers{web}');
    rec.record(a, 'Normal', 'Pulled', msg, src, 'spec.containers{sidecar}');
    rec.record(a, 'Normal', 'Pulled', msg, src, 'spec.initContainers{init}');
    rec.record(a, 'Normal', 'Pulled', msg, src); // about the Pod itself
    // Spelled anew (not the same string object): still the same Event.
    rec.record(a, 'Normal', 'Pulled', msg, src, ['spec.containers{', 'sidecar}'].join(''));
    const got = events().map((e) => [
      (e as unknown as { involvedObject: { fieldPath?: string } }).involvedObject.fieldPath,
      e.count,
    ]);
    expect(got).toEqual([
      ['spec.containers{web}', 1],
      ['spec.containers{sidecar}', 2],
      ['spec.initContainers{init}', 1],
      [undefined, 1],
    ]);
    // No fieldPath: the key is left out of involvedObject, not written empty.
    const whole = events()[3] as unknown as { involvedObject: Record<string, unknown> };
    expect('fieldPath' in whole.involvedObject).toBe(false);
  });

  it('a rewritten Event with another fieldPath is not aggregated into', () => {
    const { store, rec, pod, events } = setup();
    const a = pod('a', 'uid-a');
    const src = { component: 'kubelet', host: 'n' };
    rec.record(a, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    const e = events()[0] as Ev & { involvedObject: Record<string, unknown> };
    store.put({
      ...e,
      involvedObject: { ...e.involvedObject, fieldPath: 'spec.containers{other}' },
    } as K8sObject);
    rec.record(a, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    expect(events().map((x) => x.count)).toEqual([1, 1]);
  });

  it('a repeat aggregates into an Event rewritten through the API while it still matches', () => {
    const { store, rec, pod, events } = setup();
    const a = pod('a', 'uid-a');
    const src = { component: 'kubelet', host: 'n' };
    rec.record(a, 'Warning', 'BackOff', 'Back-off', src);
    const e = events()[0] as Ev;
    store.put({ ...e, metadata: { ...e.metadata, labels: { x: 'y' } } });
    rec.record(a, 'Warning', 'BackOff', 'Back-off', src);
    expect(events()).toHaveLength(1);
    expect(events()[0]?.count).toBe(2);
    expect(events()[0]?.metadata.labels).toEqual({ x: 'y' });
    // Rewritten so it no longer matches: the next repeat starts a new Event.
    store.put({ ...(events()[0] as Ev), message: 'edited' } as K8sObject);
    rec.record(a, 'Warning', 'BackOff', 'Back-off', src);
    expect(events().map((x) => [x.message, x.count])).toEqual([
      ['edited', 2],
      ['Back-off', 1],
    ]);
  });

  it('names follow client-go UnixNano, +1 ns per repeat instant, over any clock steps (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }), (steps) => {
        const { clock, rec, pod, events } = setup();
        const a = pod('a', 'uid-a');
        let last = -1n;
        const want: string[] = [];
        steps.forEach((step, i) => {
          clock.set(clock.now() + step);
          let ns = BigInt(clock.now()) * 1_000_000n;
          if (ns <= last) ns = last + 1n;
          last = ns;
          want.push(`a.${ns.toString(16).padStart(16, '0')}`);
          rec.record(a, 'Normal', 'R', `m${i}`, { component: 'c' });
        });
        expect(events().map((e) => e.metadata.name)).toEqual(want.sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('Recorder: names off the fast range (clocks from 2^42 ms on: NamedEvent entries)', () => {
  it('carry on from the fast range as BigInt does, are read back and aggregate like any other', () => {
    const { clock, rec, pod, events } = setup();
    const a = pod('a', 'uid-a');
    const src = { component: 'c' };
    const want: string[] = [];
    const hex = (ns: bigint) => `a.${ns.toString(16).padStart(16, '0')}`;
    clock.set(2 ** 42 - 1);
    rec.record(a, 'Normal', 'R', 'm0', src);
    rec.record(a, 'Normal', 'R', 'm1', src); // same instant: +1 ns, still in the fast range
    want.push(hex(BigInt(2 ** 42 - 1) * 1_000_000n), hex(BigInt(2 ** 42 - 1) * 1_000_000n + 1n));
    clock.set(2 ** 42 + 7);
    rec.record(a, 'Normal', 'R', 'm2', src);
    rec.record(a, 'Normal', 'R', 'm3', src);
    want.push(hex(BigInt(2 ** 42 + 7) * 1_000_000n), hex(BigInt(2 ** 42 + 7) * 1_000_000n + 1n));
    expect(events().map((e) => e.metadata.name)).toEqual(want.sort());
    // A repeat of an Event named off the range bumps that Event, which keeps its name.
    clock.set(2 ** 42 + 9);
    rec.record(a, 'Normal', 'R', 'm2', src);
    const m2 = events().find((e) => e.message === 'm2') as Ev;
    expect([m2.metadata.name, m2.count]).toEqual([hex(BigInt(2 ** 42 + 7) * 1_000_000n), 2]);
    expect(events()).toHaveLength(4);
  });
});

describe('Recorder: a clock set back after names off the fast range', () => {
  // Once an Event was named off the range (BigInt), every later name carries on from it, even when
  // the clock reads an instant inside the range again (Recorder.creation's nanosNegative: the fast
  // path is taken only while no BigInt name was handed out, or the last one was negative).
  it('keeps naming from the last BigInt instant, and takes the fast path again after negative ones', () => {
    // A clock that may read any instant (the simulated one never goes back; Clock does not say so).
    let t = 0;
    const clock = { now: () => t } as unknown as ManualClock;
    const store = new Store();
    const rec = new Recorder(store, clock, createRng(1).fork('events'));
    const a = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a', namespace: 'default', uid: 'uid-a', resourceVersion: '7' },
    } as unknown as K8sObject;
    const src = { component: 'c' };
    const hex = (ns: bigint) => `a.${ns.toString(16).padStart(16, '0')}`;
    const want: string[] = [];
    let last = -1n;
    const at = (ms: number, i: number) => {
      t = ms;
      let ns = BigInt(ms) * 1_000_000n;
      if (ns <= last) ns = last + 1n;
      last = ns;
      want.push(hex(ns));
      rec.record(a, 'Normal', 'R', `m${i}`, src);
    };
    [-5, -5, 3, 3, 2 ** 42 + 7, 2 ** 42 - 10, 5, 2 ** 42 + 7].forEach(at);
    const names = (store.list('Event') as Ev[]).map((e) => e.metadata.name);
    expect(names).toEqual([...want].sort());
  });
});

describe('eventName', () => {
  it('spells <prefix>.<ms × 10^6 + sub in 16 hex digits> as BigInt does (fast-check, seed printed on failure)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0, max: 2 ** 42 - 1 }),
        fc.integer({ min: 0, max: 999_999 }),
        (prefix, ms, sub) => {
          const ns = BigInt(ms) * 1_000_000n + BigInt(sub);
          expect(eventName(prefix, ms, sub)).toBe(`${prefix}.${ns.toString(16).padStart(16, '0')}`);
        },
      ),
      { numRuns: 2000 },
    );
    expect(eventName('web-1', Date.UTC(2026, 0, 8, 9, 30, 0), 0)).toBe('web-1.1888b77cb5fcf000');
  });
});
