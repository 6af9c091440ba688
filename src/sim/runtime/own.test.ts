import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOwn } from './own';

describe('isOwn', () => {
  it('answers as Object.hasOwn, in a for-in loop over the object and outside one', () => {
    const proto = { inherited: 1 };
    const withProto = Object.create(proto) as Record<string, unknown>;
    withProto.own = 2;
    const dunder = JSON.parse('{"__proto__": 1, "a": 2}') as object;
    const arr = ['x', 'y'];
    const cases: [object, PropertyKey][] = [
      [withProto, 'own'],
      [withProto, 'inherited'],
      [withProto, 'missing'],
      [dunder, '__proto__'],
      [{}, '__proto__'],
      [{}, 'hasOwnProperty'],
      [{ hasOwnProperty: () => true }, 'other'],
      [arr, 0],
      [arr, '1'],
      [arr, 'length'],
      [arr, 2],
      [{ [Symbol.iterator]: 1 }, Symbol.iterator],
      [Object.create(null) as object, 'a'],
    ];
    for (const [o, k] of cases) expect(isOwn(o, k), String(k)).toBe(Object.hasOwn(o, k));
    // Every key a for-in loop visits, on objects with inherited enumerable keys as well.
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.integer()),
        fc.dictionary(fc.string(), fc.integer()),
        (own, inh) => {
          const o = Object.assign(Object.create(inh) as object, own) as Record<string, number>;
          const seen: string[] = [];
          const want: string[] = [];
          for (const k in o) {
            if (isOwn(o, k)) seen.push(k);
            if (Object.hasOwn(o, k)) want.push(k);
          }
          expect(seen).toEqual(want);
        },
      ),
    );
  });
});
