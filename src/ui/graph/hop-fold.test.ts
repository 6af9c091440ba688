import { describe, expect, it } from 'vitest';
import { crampedForList, hopListOpen, stillTraced } from './hop-fold';

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

  it('with Large text on a narrow graph area the first packet leaves it folded; a choice still wins', () => {
    // 1280×720 with Large text: the graph area is ~694 px (460 px canvas + the 13rem list at 18 px)
    expect(crampedForList(true, 694, 18)).toBe(true);
    expect(hopListOpen(null, true, crampedForList(true, 694, 18))).toBe(false);
    expect(hopListOpen(true, true, true)).toBe(true);
    // the same area without Large text, and a 1920×1080 projector's (~900 px) with it, unfold it
    expect(crampedForList(false, 694, 14)).toBe(false);
    expect(crampedForList(true, 900, 18)).toBe(false);
    expect(hopListOpen(null, true, crampedForList(true, 900, 18))).toBe(true);
    // not measured yet: not cramped
    expect(crampedForList(true, 0, 18)).toBe(false);
  });
});
