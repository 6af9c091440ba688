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
