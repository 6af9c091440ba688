// Empty arrays made in the elements kind they will hold.
//
// V8 keeps an array's elements in the narrowest kind its values allow (small integers, then
// doubles, then any value) and never narrows them back. A `[]` evaluated often learns from its
// allocation site which kind its arrays end up in and starts there; but a `[]` in a constructor
// that runs once per cluster (the store, the controller manager, the timer heap) runs before that
// constructor has collected any feedback, so every fresh cluster's array starts as small integers
// again. Its first object or fraction then widens it under optimized code that only knew the wide
// kind: that code deoptimizes and is compiled again, in one fresh cluster after another (the UI's
// reset, a lesson's replay). These start in the wide kind, so there is nothing to widen.

/** An empty array for object references (or any mix of values). */
export function refArray<T>(): T[] {
  const a: unknown[] = [undefined];
  a.length = 0;
  return a as T[];
}

/** An empty array for numbers that are not all small integers (epoch milliseconds, fractions). */
export function doubleArray(): number[] {
  const a = [0.5];
  a.length = 0;
  return a;
}

// Arrays that are kept (a stored version's list, a runtime's per-container slots) are better
// made at their length. A `[]` that is pushed to, or written at its end, grows to at least 17
// slots at its first element: a one-element list kept so carries 136 spare bytes, which every
// scavenge that moves it copies (5,000 Pods' container lists in the benchmark). Literals and
// `slice` make arrays of exactly their length, in the elements kind their values need.

/** `a`'s elements in a new array of exactly their number (a literal for one: no copy loop). */
export function exact<T>(a: readonly T[]): T[] {
  return a.length === 1 ? [a[0] as T] : a.slice();
}

/** `a` with `value` at `i`: `a` itself when it has one, else a new array of length `i + 1`. */
export function setAt<T>(a: T[] | undefined, i: number, value: T): T[] {
  if (a !== undefined) {
    a[i] = value;
    return a;
  }
  if (i === 0) return [value];
  const b: T[] = new Array(i + 1);
  b[i] = value;
  return b;
}
