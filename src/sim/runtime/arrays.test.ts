import { describe, expect, it } from 'vitest';
import { doubleArray, exact, refArray, setAt } from './arrays';

describe('refArray and doubleArray', () => {
  it('make a new empty array on every call that holds what is pushed', () => {
    const a = refArray<{ n: number }>();
    const b = refArray<{ n: number }>();
    expect(a).not.toBe(b);
    expect(a).toEqual([]);
    a.push({ n: 1 });
    expect(a).toEqual([{ n: 1 }]);
    expect(b).toEqual([]);
    const d = doubleArray();
    expect(d).not.toBe(doubleArray());
    expect(d).toEqual([]);
    d.push(1767864600000, 0.25, 3);
    expect(d).toEqual([1767864600000, 0.25, 3]);
    expect(doubleArray()).toEqual([]);
  });
});

describe('exact and setAt', () => {
  it('exact copies the elements, in order, into a new array', () => {
    for (const a of [[], [{ n: 1 }], [1, 2, 3], ['a', undefined, 'c']] as unknown[][]) {
      const b = exact(a);
      expect(b).not.toBe(a);
      expect(b).toEqual(a);
      expect(b.length).toBe(a.length);
    }
  });

  it('setAt writes into the array it is given, or makes one of length i + 1', () => {
    const a = ['x'];
    expect(setAt(a, 1, 'y')).toBe(a);
    expect(a).toEqual(['x', 'y']);
    expect(setAt(undefined, 0, 'z')).toEqual(['z']);
    const b = setAt<string | undefined>(undefined, 2, 'w');
    expect(b.length).toBe(3);
    expect(b[2]).toBe('w');
    expect(b[0]).toBeUndefined();
    expect(0 in b).toBe(false); // a hole, as `[]` then `b[2] = w` gives
  });
});
