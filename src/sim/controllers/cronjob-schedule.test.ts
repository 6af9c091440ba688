// robfig/cron v3 ParseStandard and Next as the 1.34 CronJob controller uses them: standard 5-field
// specs, names, ranges and steps, descriptors, @every, the day-of-month/day-of-week rule, a time
// zone, the parser's error texts; mostRecentScheduleTime's missed counts and nextScheduleDelay.
import { describe, expect, it } from 'vitest';
import {
  type CronSchedule,
  mostRecentScheduleTime,
  nextScheduleDelay,
  parseGoDuration,
  parseStandard,
} from './cronjob-schedule';

const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? 'none' : new Date(ms).toISOString());
function sched(spec: string): CronSchedule {
  const s = parseStandard(spec);
  if (typeof s === 'string') throw new Error(s);
  return s;
}
/** The next `n` activations after `from`. */
function nexts(spec: string, from: string, n: number): string[] {
  const s = sched(spec);
  const out: string[] = [];
  let t: number | undefined = at(from);
  for (let i = 0; i < n && t !== undefined; i++) {
    t = s.next(t);
    out.push(iso(t));
  }
  return out;
}

describe('ParseStandard / Next (robfig/cron v3)', () => {
  it('*/1 and */15: every minute / quarter, strictly after the given time', () => {
    expect(nexts('*/1 * * * *', '2026-01-08T09:30:00.000Z', 2)).toEqual([
      '2026-01-08T09:31:00.000Z',
      '2026-01-08T09:32:00.000Z',
    ]);
    expect(nexts('*/15 * * * *', '2026-01-08T09:30:20.500Z', 3)).toEqual([
      '2026-01-08T09:45:00.000Z',
      '2026-01-08T10:00:00.000Z',
      '2026-01-08T10:15:00.000Z',
    ]);
  });

  it('ranges, lists, names and N/step', () => {
    expect(nexts('0 9-17/4 * * mon-fri', '2026-01-09T14:00:00Z', 3)).toEqual([
      '2026-01-09T17:00:00.000Z', // Friday
      '2026-01-12T09:00:00.000Z', // Monday
      '2026-01-12T13:00:00.000Z',
    ]);
    expect(nexts('30 2 1,15 JAN *', '2026-01-01T03:00:00Z', 2)).toEqual([
      '2026-01-15T02:30:00.000Z',
      '2027-01-01T02:30:00.000Z',
    ]);
    expect(nexts('5/20 * * * *', '2026-01-08T09:30:00Z', 3)).toEqual([
      '2026-01-08T09:45:00.000Z',
      '2026-01-08T10:05:00.000Z',
      '2026-01-08T10:25:00.000Z',
    ]);
  });

  it('day of month and day of week: either matches when neither is a star', () => {
    // 13th of the month or a Friday.
    expect(nexts('0 0 13 * 5', '2026-02-10T00:00:00Z', 3)).toEqual([
      '2026-02-13T00:00:00.000Z', // Friday the 13th
      '2026-02-20T00:00:00.000Z',
      '2026-02-27T00:00:00.000Z',
    ]);
    // A star in day of week: both must match (every 13th).
    expect(nexts('0 0 13 * *', '2026-02-14T00:00:00Z', 1)).toEqual(['2026-03-13T00:00:00.000Z']);
  });

  it('descriptors and @every', () => {
    const from = '2026-01-08T09:30:10.250Z';
    expect(nexts('@hourly', from, 1)).toEqual(['2026-01-08T10:00:00.000Z']);
    expect(nexts('@daily', from, 1)).toEqual(['2026-01-09T00:00:00.000Z']);
    expect(nexts('@midnight', from, 1)).toEqual(['2026-01-09T00:00:00.000Z']);
    expect(nexts('@weekly', from, 1)).toEqual(['2026-01-11T00:00:00.000Z']); // Sunday
    expect(nexts('@monthly', from, 1)).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(nexts('@yearly', from, 1)).toEqual(['2027-01-01T00:00:00.000Z']);
    expect(nexts('@annually', from, 1)).toEqual(['2027-01-01T00:00:00.000Z']);
    // ConstantDelaySchedule: the delay from the given time's whole second.
    expect(nexts('@every 1h30m', from, 2)).toEqual(['2026-01-08T11:00:10.000Z', '2026-01-08T12:30:10.000Z']);
    // Under a second becomes a second; fractions of a second are dropped.
    expect(nexts('@every 10ms', from, 1)).toEqual(['2026-01-08T09:30:11.000Z']);
    expect(nexts('@every 1.5s', from, 1)).toEqual(['2026-01-08T09:30:11.000Z']);
  });

  it('a date that never comes (31 February) is no activation (Go zero time)', () => {
    expect(sched('0 0 31 2 *').next(at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('a time zone: the wall clock of the zone', () => {
    expect(nexts('TZ=Asia/Tokyo 0 9 * * *', '2026-01-08T00:30:00Z', 1)).toEqual(['2026-01-09T00:00:00.000Z']);
    expect(nexts('CRON_TZ=America/New_York 0 9 * * *', '2026-07-08T12:00:00Z', 1)).toEqual([
      '2026-07-08T13:00:00.000Z',
    ]);
  });

  it("the parser's error texts", () => {
    const cases: [string, string][] = [
      ['', 'empty spec string'],
      ['x', 'expected exactly 5 fields, found 1: [x]'],
      ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
      ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
      ['60 * * * *', 'end of range (60) above maximum (59): 60'],
      ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
      ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
      ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
      ['* * * * 7', 'end of range (7) above maximum (6): 7'],
      ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
      ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
      ['*/2/3 * * * *', 'too many slashes: */2/3'],
      ['*/0 * * * *', 'step of range should be a positive number: */0'],
      ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
      ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
      ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
      ['@every x', 'failed to parse duration @every x: time: invalid duration "x"'],
      ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
      ['@every 5d', 'failed to parse duration @every 5d: time: unknown unit "d" in duration "5d"'],
      ['TZ=Nowhere/Land * * * * *', 'provided bad location Nowhere/Land: unknown time zone Nowhere/Land'],
    ];
    for (const [spec, msg] of cases) expect(parseStandard(spec), spec).toBe(msg);
  });

  it('time.ParseDuration', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('2.5s')).toBe(2500);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('')).toBe('time: invalid duration ""');
  });
});

describe('mostRecentScheduleTime / nextScheduleDelay (utils.go)', () => {
  const every = sched('*/1 * * * *');
  const created = at('2026-01-08T09:30:00Z');

  it('none before the first activation; the one activation before the second', () => {
    let r = mostRecentScheduleTime(created, undefined, undefined, at('2026-01-08T09:30:59Z'), every, true);
    expect([r.mostRecent, r.missed]).toEqual([undefined, 'none']);
    r = mostRecentScheduleTime(created, undefined, undefined, at('2026-01-08T09:31:30Z'), every, true);
    expect([iso(r.mostRecent), r.missed]).toEqual(['2026-01-08T09:31:00.000Z', 'none']);
  });

  it('several missed: the latest of them, "few"; over 100: "many"', () => {
    let r = mostRecentScheduleTime(created, undefined, undefined, at('2026-01-08T09:40:30Z'), every, true);
    expect([iso(r.mostRecent), r.missed]).toEqual(['2026-01-08T09:40:00.000Z', 'few']);
    r = mostRecentScheduleTime(created, undefined, undefined, at('2026-01-08T11:30:30Z'), every, true);
    expect([iso(r.mostRecent), r.missed]).toEqual(['2026-01-08T11:30:00.000Z', 'many']);
  });

  it('startingDeadlineSeconds moves the earliest time to now - deadline', () => {
    const r = mostRecentScheduleTime(created, undefined, 30, at('2026-01-08T11:30:40Z'), every, true);
    expect([iso(r.earliest), r.missed]).toEqual(['2026-01-08T11:30:10.000Z', 'none']);
    expect(r.mostRecent).toBeUndefined();
  });

  it('nextScheduleDelay: to the next activation plus 100 ms', () => {
    expect(nextScheduleDelay(created, undefined, at('2026-01-08T09:30:20Z'), every)).toBe(40_100);
    expect(
      nextScheduleDelay(created, at('2026-01-08T09:31:00Z'), at('2026-01-08T09:31:00.100Z'), every),
    ).toBe(60_000);
  });
});
