// Own-key checks for `for (const k in o)` loops.
//
// Under Node 20 the optimizing compiler drops `Object.prototype.hasOwnProperty.call(o, k)` when `k`
// is the key of a for-in loop over `o` (the loop's enum cache already says the key is own: the
// check costs nothing then), but keeps `Object.hasOwn(o, k)` as a builtin call per key (~100
// instructions each). At the benchmark's size a build made ~660,000 such calls, most of them from
// loops like these (copyTop's on every stored copy), ~70 M instructions. The helper is small
// enough to be inlined, and inlined into such a loop the call is dropped as if written there.

/**
 * Object.hasOwn(o, k): whether `k` is an own property of `o` (not null or undefined). Use it for
 * the key of a for-in loop over the same `o` (there it costs nothing once optimized); anywhere
 * else it is a plain builtin call, as Object.hasOwn is.
 */
export function isOwn(o: object, k: PropertyKey): boolean {
  // biome-ignore lint/suspicious/noPrototypeBuiltins: the compiler drops this call in a for-in loop over `o`, not Object.hasOwn's (see the header).
  return Object.prototype.hasOwnProperty.call(o, k);
}
