import { describe, expect, it } from 'vitest';
import { doubleArray, refArray } from './arrays';

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
