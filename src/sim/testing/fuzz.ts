// Test helper of the fuzz tests (*.fuzz*.test.ts): put an arbitrary value at a path in a document,
// making the objects on the way where they are missing or not objects; and count what apply said.
import { expect } from 'vitest';
import type { ApplyOutcome } from '../contract';

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

/**
 * Counts an apply's result as accepted or refused; a refusal must be an API error as the server
 * sends it (a message, a 4xx code of the ones apply can meet), never a crash's.
 */
export function tallyApplyResult(
  seen: { accepted: number; refused: number },
  r: ApplyOutcome['result'],
): void {
  if (r.ok) seen.accepted++;
  else {
    seen.refused++;
    expect(typeof r.error.message).toBe('string');
    expect([400, 403, 404, 409, 422]).toContain(r.error.code);
  }
}
