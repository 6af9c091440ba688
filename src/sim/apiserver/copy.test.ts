import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyOwn, copyTop, copyWith, keysAre } from './copy';

// copyOwn stands in for `{ ...x }` on the write path: same keys, same order, same values.
const entries = (o: object) => Object.entries(o);

describe('copyOwn', () => {
  it('copies own keys in spread order: array-index keys first, then insertion order', () => {
    const x = { b: 1, '10': 2, a: undefined, '9': 3 };
    expect(entries(copyOwn(x))).toEqual(entries({ ...x }));
    expect(Object.keys(copyOwn(x))).toEqual(['9', '10', 'b', 'a']);
  });

  it('keeps a __proto__ key as an own data property and leaves the prototype alone', () => {
    const x = JSON.parse('{"__proto__":{"polluted":true},"k":1}');
    const c = copyOwn(x);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(entries(c)).toEqual(entries({ ...x }));
  });

  it('skips inherited keys, copies nothing from null/undefined, indexes from strings', () => {
    const x = Object.create({ inherited: 1 });
    x.own = 2;
    expect(copyOwn(x)).toEqual({ own: 2 });
    expect(copyOwn(undefined)).toEqual({});
    expect(copyOwn(null)).toEqual({});
    expect(copyOwn('ab')).toEqual({ 0: 'a', 1: 'b' }); // as { ...'ab' }
  });

  it('matches a spread on random objects', () => {
    const key = fc.constantFrom('a', 'b', 'spec', 'status', '0', '7', '12', '__proto__', '');
    fc.assert(
      fc.property(fc.dictionary(key, fc.anything(), { maxKeys: 6 }), (x) => {
        const c = copyOwn(x);
        expect(c).not.toBe(x);
        expect(Reflect.ownKeys(c)).toEqual(Reflect.ownKeys({ ...x }));
        for (const k of Object.keys(x)) expect(c[k]).toBe((x as Record<string, unknown>)[k]);
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });
});

describe('copyWith', () => {
  it('matches `{ ...x, [key]: value }`: keys, order and values, a key x had keeping its place', () => {
    const key = fc.constantFrom('a', 'b', 'pod-template-hash', '0', '7', '');
    fc.assert(
      fc.property(
        fc.option(fc.dictionary(key, fc.string(), { maxKeys: 5 }), { nil: undefined }),
        key,
        fc.string(),
        (x, k, v) => {
          const before = x === undefined ? undefined : { ...x };
          const c = copyWith(x, k, v);
          const spread = { ...(x ?? {}), [k]: v };
          expect(c).not.toBe(x);
          expect(Reflect.ownKeys(c)).toEqual(Reflect.ownKeys(spread));
          for (const j of Object.keys(spread)) expect(c[j]).toBe((spread as Record<string, unknown>)[j]);
          expect(x).toEqual(before); // x itself is left as it was
        },
      ),
      { seed: 20261127, numRuns: 300 },
    );
  });
});

describe('copyTop', () => {
  it('copies the usual object shapes and any other one like a spread', () => {
    const shapes = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {}, status: undefined },
      { apiVersion: 'v1', kind: 'Endpoints', metadata: {}, subsets: [] },
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {},
        addressType: 'IPv4',
        endpoints: [],
        ports: [],
      },
      { kind: 'Pod', apiVersion: 'v1', metadata: {}, spec: {}, status: {} },
      { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: {} },
      { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: {}, status: {}, extra: 1 },
    ];
    for (const o of shapes) {
      const c = copyTop(o);
      expect(c).not.toBe(o);
      expect(Reflect.ownKeys(c)).toEqual(Reflect.ownKeys({ ...o }));
      for (const k of Object.keys(o)) expect(c[k]).toBe((o as Record<string, unknown>)[k]);
    }
  });
});

describe('keysAre', () => {
  it('is true only for exactly these own keys in this order', () => {
    const keys = ['phase', 'qosClass'];
    expect(keysAre({ phase: 'Pending', qosClass: 'BestEffort' }, keys)).toBe(true);
    expect(keysAre({ phase: 'Pending', qosClass: undefined }, keys)).toBe(true);
    expect(keysAre({ qosClass: 'BestEffort', phase: 'Pending' }, keys)).toBe(false);
    expect(keysAre({ phase: 'Pending' }, keys)).toBe(false);
    expect(keysAre({ phase: 'Pending', qosClass: 'BestEffort', conditions: [] }, keys)).toBe(false);
    expect(keysAre({}, [])).toBe(true);
    // An inherited enumerable key is not an own one.
    const proto = { phase: 'Pending' };
    const o = Object.create(proto);
    o.qosClass = 'BestEffort';
    expect(keysAre(o, ['qosClass'])).toBe(false);
    // An own __proto__ key (a spread keeps it) is a key like any other.
    const p = JSON.parse('{"__proto__": 1, "phase": "Pending"}');
    expect(keysAre(p, keys)).toBe(false);
    expect(keysAre(p, ['__proto__', 'phase'])).toBe(true);
  });
});
