import { describe, expect, it } from 'vitest';
import { humanDuration, translateTimestampSince } from './duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (apimachinery util/duration, reference §B0)', () => {
  it.each([
    [0, '0s'],
    [95 * S, '95s'],
    [119 * S, '119s'],
    [119 * S + 999, '119s'],
    [2 * M, '2m'],
    [3 * M + 10 * S, '3m10s'],
    [5 * M, '5m'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 30 * S, '10m'],
    [38 * M, '38m'],
    [179 * M, '179m'],
    [179 * M + 59 * S, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [23 * H, '23h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [4 * D + 4 * H, '4d4h'],
    [6 * D + 22 * H, '6d22h'],
    [8 * D, '8d'],
    [39 * D, '39d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [740 * D, '2y10d'],
    [8 * 365 * D, '8y'],
    [20 * 365 * D + 5 * D, '20y'],
  ])('%i ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('treats less than 2 s in the future as now, more as <invalid>', () => {
    expect(humanDuration(-1)).toBe('0s');
    expect(humanDuration(-1999)).toBe('0s');
    expect(humanDuration(-2000)).toBe('<invalid>');
  });

  it('reads RFC 3339 creation timestamps against the simulated clock', () => {
    const now = Date.parse('2026-01-01T00:05:12Z');
    expect(translateTimestampSince('2026-01-01T00:00:00Z', now)).toBe('5m12s');
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
    expect(translateTimestampSince('2026-01-01T00:05:20Z', now)).toBe('<invalid>');
  });
});
