import { describe, expect, it } from 'vitest';
import { ManualClock, rfc3339 } from './clock';
import type { Controller } from './interfaces';
import { ControllerManager } from './manager';
import { createRng, uuid } from './rng';
import { TimerHeap } from './timers';
import { WorkQueue } from './workqueue';

describe('rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
  });

  it('fork streams do not depend on draws made elsewhere', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 1000; i++) a.next();
    a.fork('other').next();
    const fa = a.fork('pod-names');
    const fb = b.fork('pod-names');
    expect(Array.from({ length: 10 }, () => fa.int(27))).toEqual(
      Array.from({ length: 10 }, () => fb.int(27)),
    );
  });

  it('int stays in range and covers it', () => {
    const r = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(27);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(27);
      seen.add(v);
    }
    expect(seen.size).toBe(27);
  });

  it('makes v4 UUIDs', () => {
    expect(uuid(createRng(3))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('clock', () => {
  it('formats RFC 3339 at second precision and refuses to go back', () => {
    const c = new ManualClock(Date.UTC(2026, 0, 1, 0, 0, 0, 999));
    expect(rfc3339(c.now())).toBe('2026-01-01T00:00:00Z');
    expect(() => c.set(0)).toThrow(/backwards/);
  });
});

describe('timers', () => {
  it('fires by (due, seq) and honours cancel', () => {
    const clock = new ManualClock(0);
    const t = new TimerHeap(clock);
    const fired: string[] = [];
    t.at(20, () => fired.push('b'));
    t.at(10, () => fired.push('a1'));
    const x = t.at(10, () => fired.push('x'));
    t.at(10, () => fired.push('a2'));
    t.at(5, () => fired.push('first'));
    t.cancel(x);
    for (;;) {
      const due = t.peekDue();
      if (due === undefined) break;
      clock.set(due);
      const fn = t.popDue(clock.now());
      fn?.();
    }
    expect(fired).toEqual(['first', 'a1', 'a2', 'b']);
  });
});

describe('workqueue', () => {
  it('is FIFO and stingy', () => {
    const q = new WorkQueue<string>();
    for (const k of ['a', 'b', 'a', 'c', 'b', 'a']) q.add(k);
    expect(q.length).toBe(3);
    expect([q.get(), q.get()]).toEqual(['a', 'b']);
    q.add('a'); // may be added again once it has been taken
    expect([q.get(), q.get(), q.get()]).toEqual(['c', 'a', undefined]);
  });
});

describe('controller manager', () => {
  const deps = () => {
    const clock = new ManualClock(0);
    const noop = () => ({ ok: true as const, object: {} as never });
    return {
      clock,
      store: { get: () => undefined, list: () => [], byNamespace: () => [] },
      api: { create: noop, update: noop, updateStatus: noop, delete: noop },
      timers: new TimerHeap(clock),
      rng: createRng(1),
      events: { record: () => {} },
    };
  };

  it('maps watch events to keys and runs a key queued twice once', () => {
    const runs: string[] = [];
    const c: Controller = {
      name: 'c',
      watches: ['Pod'],
      keysFor: (ev) => [ev.object.metadata.name],
      reconcile: (k) => {
        runs.push(k);
      },
    };
    const m = new ControllerManager(deps());
    m.register(c);
    const ev = (name: string) =>
      ({ type: 'ADDED', kind: 'Pod', key: name, object: { metadata: { name } } }) as never;
    m.onWatch(ev('x'));
    m.onWatch(ev('y'));
    m.onWatch(ev('x'));
    m.onWatch({ ...(ev('z') as object), kind: 'Service' } as never);
    expect(m.runUntilIdle()).toBe(2);
    expect(runs).toEqual(['x', 'y']);
  });

  it('throws a clear error when a controller loops', () => {
    const m = new ControllerManager({ ...deps(), maxIterations: 50 });
    let self: ControllerManager | undefined;
    m.register({
      name: 'looper',
      watches: [],
      keysFor: () => [],
      reconcile: (k) => self?.enqueueFor('looper', `${k}+`),
    });
    self = m;
    m.enqueueFor('looper', 'k');
    expect(() => m.runUntilIdle()).toThrow(/more than 50 reconciles without settling/);
  });
});
