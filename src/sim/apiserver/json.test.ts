// stableStringify writes most values through a sorted copy and the native JSON.stringify; these
// pin it to the piece-by-piece form (Go's sorted-key json.Marshal as the annotation stores it)
// exactly where the two could part: array-index keys, __proto__, Dates, undefined, -0, NaN.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual, deepEqualScalarsFirst, exactlyEqual, stableStringify } from './json';

/** The piece-by-piece reference: sorted keys, undefined values skipped, undefined in arrays null. */
function reference(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(',')}}`;
}

describe('stableStringify', () => {
  it('sorts keys the way a sort of the key strings does, also for array-index keys', () => {
    // V8 enumerates "10" before "9" and both before "a" in insertion-ordered objects; a sort of
    // strings puts "10" < "9" < "a" as well, but "80-tcp" and "9" compare as strings.
    const v = { b: 1, a: { '9': 'x', '10': 'y', '80-tcp': 'z' }, '2': [3, undefined] };
    expect(stableStringify(v)).toBe('{"2":[3,null],"a":{"10":"y","80-tcp":"z","9":"x"},"b":1}');
    expect(stableStringify(v)).toBe(reference(v));
  });

  it('writes a Date as its (empty) own keys, -0 as 0, NaN as null, and skips undefined values', () => {
    const v = { d: new Date(0), z: -0, n: Number.NaN, u: undefined, a: [undefined, -0] };
    expect(stableStringify(v)).toBe('{"a":[null,0],"d":{},"n":null,"z":0}');
    // Also inside values that are otherwise printed as they are (sorted keys, nothing to drop).
    const nested = { a: [new Date(0), 1], b: { c: new Date(0) }, c: [[1, 2], { x: 1 }] };
    expect(stableStringify(nested)).toBe('{"a":[{},1],"b":{"c":{}},"c":[[1,2],{"x":1}]}');
    expect(stableStringify(Object.assign(Object.create(null), { a: 1 }))).toBe('{"a":1}');
  });

  it('keeps a __proto__ key as an ordinary key', () => {
    const v = JSON.parse('{"b":1,"__proto__":{"x":2}}');
    expect(stableStringify(v)).toBe('{"__proto__":{"x":2},"b":1}');
  });

  it('is a flat string equal to the reference on random JSON-like values', () => {
    const key = fc.constantFrom('a', 'b', 'é', '"', '0', '10', '9', '80-tcp', '__proto__', 'toJSON', '');
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, 0, -0, 1.5, Number.NaN, 'a', '', '\u2028'),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(key, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(stableStringify(v)).toBe(reference(v));
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });
});

describe('deepEqualScalarsFirst', () => {
  it('answers as deepEqual does on random pairs (shared parts, undefined, NaN, arrays vs objects)', () => {
    const leaf = fc.constantFrom(null, undefined, 0, 1, Number.NaN, 'a', 'b', true);
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('phase', 'podIP', 'conditions', 'x'), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, b, share) => {
        // Half the pairs share most of their structure, as a status and its next version do.
        const other =
          share && a && typeof a === 'object' && !Array.isArray(a) ? { ...a, ...(b as object) } : b;
        expect(deepEqualScalarsFirst(a, other)).toBe(deepEqual(a, other));
        expect(deepEqualScalarsFirst(a, structuredClone(a))).toBe(deepEqual(a, structuredClone(a)));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });
});

describe('exactlyEqual', () => {
  it('is true exactly when the values print alike with their key order and undefined keys kept', () => {
    // The reference: each object as its [key, value] entries in order, undefined spelled out.
    const spell = (v: unknown): unknown =>
      v === undefined
        ? '<undefined>'
        : Object.is(v, -0)
          ? '<-0>'
          : typeof v === 'number' && Number.isNaN(v)
            ? '<NaN>'
            : Array.isArray(v)
              ? v.map(spell)
              : v && typeof v === 'object'
                ? { entries: Object.entries(v).map(([k, x]) => [k, spell(x)]) }
                : v;
    const leaf = fc.constantFrom(null, undefined, 0, -0, 1, Number.NaN, 'a', '', true);
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        const same = JSON.stringify(spell(a)) === JSON.stringify(spell(b));
        expect(exactlyEqual(a, b)).toBe(same);
        expect(exactlyEqual(a, structuredClone(a))).toBe(true);
      }),
      { seed: 20261126, numRuns: 3000 },
    );
    expect(exactlyEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(exactlyEqual({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    const holey = [1, 2, 3];
    delete holey[1];
    expect(exactlyEqual(holey, [1, undefined, 3])).toBe(false);
    expect(exactlyEqual(new Date(0), new Date(0))).toBe(false);
  });

  it('tells a value from a copy with one object changed: a key added, dropped or moved, at any depth', () => {
    // Independent pairs rarely differ by one key of one nested object (the case where a compare of
    // key lists could stop at the shorter one), so here b is a copy of a with one such change.
    const spell = (v: unknown): string => JSON.stringify(v, (_k, x) => (x === undefined ? '<undefined>' : x));
    const entries = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(entries)
        : v && typeof v === 'object'
          ? { entries: Object.entries(v).map(([k, x]) => [k, entries(x)]) }
          : v;
    const leaf = fc.constantFrom(null, undefined, 0, 1, 'a', true);
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('v'), { minKeys: 1, maxKeys: 4 }),
      ),
    })).v;
    const objectsIn = (v: unknown, out: Record<string, unknown>[]): Record<string, unknown>[] => {
      if (Array.isArray(v)) for (const x of v) objectsIn(x, out);
      else if (v && typeof v === 'object') {
        out.push(v as Record<string, unknown>);
        for (const x of Object.values(v)) objectsIn(x, out);
      }
      return out;
    };
    let changed = 0;
    fc.assert(
      fc.property(
        value,
        fc.nat(),
        fc.constantFrom('add', 'drop', 'move'),
        fc.boolean(),
        (a, at, how, flip) => {
          const b = structuredClone(a);
          const objs = objectsIn(b, []);
          if (objs.length === 0) return;
          const o = objs[at % objs.length] as Record<string, unknown>;
          const keys = Object.keys(o);
          if (how === 'add') o.e = 1;
          else if (how === 'drop') delete o[keys[keys.length - 1] as string];
          else if (keys.length > 1) {
            const k = keys[0] as string;
            const x = o[k];
            delete o[k];
            o[k] = x;
          }
          const same = spell(entries(a)) === spell(entries(b));
          if (!same) changed++;
          expect(flip ? exactlyEqual(b, a) : exactlyEqual(a, b)).toBe(same);
        },
      ),
      { seed: 20261128, numRuns: 3000 },
    );
    expect(changed).toBeGreaterThan(1000);
    // Sibling objects at one depth: the second compare must not read the first one's keys.
    expect(exactlyEqual({ x: { p: 1, q: 2 }, y: { p: 1 } }, { x: { p: 1, q: 2 }, y: { p: 1, q: 2 } })).toBe(
      false,
    );
    expect(exactlyEqual({ x: { p: 1, q: 2 }, y: { p: 1, q: 2 } }, { x: { p: 1, q: 2 }, y: { p: 1 } })).toBe(
      false,
    );
    expect(exactlyEqual({ x: { p: 1, q: 2 }, y: [{ p: 1 }] }, { x: { p: 1, q: 2 }, y: [{ p: 1 }] })).toBe(
      true,
    );
  });
});
