import { describe, expect, it } from 'vitest';
import { hopListOpen, stillTraced } from './hop-fold';

describe('the "Last packet" list fold state', () => {
  it('starts folded with no packet and unfolds by itself with the first', () => {
    expect(hopListOpen(null, false)).toBe(false);
    expect(hopListOpen(null, true)).toBe(true);
  });

  it("the student's choice wins over the traffic, either way", () => {
    expect(hopListOpen(false, true)).toBe(false);
    expect(hopListOpen(true, false)).toBe(true);
  });

  it('a packet shown once keeps it unfolded after the traffic is cleared', () => {
    let traced = false;
    for (const hasTrace of [false, false]) traced = stillTraced(traced, hasTrace);
    expect(hopListOpen(null, traced)).toBe(false);
    for (const hasTrace of [true, false, false]) traced = stillTraced(traced, hasTrace);
    expect(hopListOpen(null, traced)).toBe(true);
  });
});
