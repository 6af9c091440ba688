// Test helper of the fuzz tests (*.fuzz*.test.ts): put an arbitrary value at a path in a document,
// making the objects on the way where they are missing or not objects.

/** Sets `value` at `path` (non-empty) in `doc`, in place, and returns `doc`. */
export function setPath<T extends object>(doc: T, path: readonly (string | number)[], value: unknown): T {
  // biome-ignore lint/suspicious/noExplicitAny: building arbitrary documents.
  let cur: any = doc;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string | number;
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k];
  }
  cur[path[path.length - 1] as string | number] = value;
  return doc;
}
