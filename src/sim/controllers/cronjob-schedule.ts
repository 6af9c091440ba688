// Cron schedules as the 1.34 CronJob controller and ValidateCronJob read them: robfig/cron v3's
// ParseStandard (parser.go: a standard 5-field spec or a descriptor, an optional `TZ=`/`CRON_TZ=`
// prefix) and Next (spec.go SpecSchedule.Next, constantdelay.go for `@every`), with the parse
// errors' exact texts; and pkg/controller/cronjob/utils.go's mostRecentScheduleTime and
// nextScheduleTimeDuration (the 100 ms nextScheduleDelta).
// Times are epoch ms. A schedule's wall clock is UTC (the controller's time.Local: UTC here)
// unless a time zone is given; other zones' offsets come from Intl (DST gaps are not modelled the
// way Go's time.Date normalises them).

export interface CronSchedule {
  /** The next activation strictly after `t` (ms), or undefined (Go's zero time: none within 5 years). */
  next(t: number): number | undefined;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const minutes: Bounds = { min: 0, max: 59 };
const hours: Bounds = { min: 0, max: 23 };
const dom: Bounds = { min: 1, max: 31 };
const months: Bounds = { min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) };
const dow: Bounds = { min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) };

/** A field's bits as a set of values, plus robfig's star bit (`*`/`?` with step 1). */
interface Field {
  set: Set<number>;
  star: boolean;
}

class CronError extends Error {}

/** strconv.Atoi's accepted text and its error (strconv.Quote of ASCII input). */
function atoi(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr))
    throw new CronError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`,
    );
  const big = BigInt(expr);
  if (big >= 2n ** 63n || big < -(2n ** 63n))
    throw new CronError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`,
    );
  const n = Number(big);
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function intOrName(expr: string, r: Bounds): number {
  const named = r.names?.[expr.toLowerCase()];
  return named ?? atoi(expr);
}

/** getRange: number | number "-" number [ "/" number ]. */
function getRange(expr: string, r: Bounds, into: Field): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] as string).split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = intOrName(lowAndHigh[0] as string, r);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = intOrName(lowAndHigh[1] as string, r);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = atoi(rangeAndStep[1] as string);
    // "N/step" means "N-max/step".
    if (single) end = r.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  for (let i = start; i <= end; i += step) into.set.add(i);
  if (star) into.star = true;
}

function getField(field: string, r: Bounds): Field {
  const f: Field = { set: new Set(), star: false };
  for (const expr of field.split(',').filter((x) => x !== '')) getRange(expr, r, f);
  return f;
}

// ---- time zones -------------------------------------------------------------------------------

interface Wall {
  y: number;
  mo: number; // 1-12
  d: number;
  h: number;
  mi: number;
  s: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `ms`, in ms (0 for UTC). */
function offsetAt(zone: string, ms: number): number {
  if (zone === 'UTC') return 0;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Whether Go's time.LoadLocation would find `zone` (Intl's IANA database stands in for tzdata). */
export function knownZone(zone: string): boolean {
  if (zone === 'UTC' || zone === '') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    // Go's lookup is a file path: case matters (Intl's does not; zone names are capitalised).
    return zone !== zone.toLowerCase();
  } catch {
    return false;
  }
}

function toWall(zone: string, ms: number): Wall {
  const d = new Date(ms + offsetAt(zone, ms));
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}

/** time.Date in the zone: the wall time's instant (the offset looked up twice across a change). */
function fromWall(zone: string, w: Wall): number {
  const local = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  const guess = local - offsetAt(zone, local);
  return local - offsetAt(zone, guess);
}

// ---- schedules --------------------------------------------------------------------------------

class SpecSchedule implements CronSchedule {
  constructor(
    private readonly minute: Field,
    private readonly hour: Field,
    private readonly dom: Field,
    private readonly month: Field,
    private readonly dow: Field,
    private readonly zone: string,
  ) {}

  /** dayMatches: with a star in either day field both must match, else either. */
  private dayMatches(w: Wall): boolean {
    const domMatch = this.dom.set.has(w.d);
    const dowMatch = this.dow.set.has(new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay());
    if (this.dom.star || this.dow.star) return domMatch && dowMatch;
    return domMatch || dowMatch;
  }

  /** SpecSchedule.Next on the zone's wall clock (Second fixed at 0: standard specs). */
  next(t: number): number | undefined {
    const z = this.zone;
    // The upcoming second.
    let w = toWall(z, t - (((t % 1000) + 1000) % 1000) + 1000);
    let added = false;
    const yearLimit = w.y + 5;
    const norm = (x: Wall): Wall => toWall('UTC', Date.UTC(x.y, x.mo - 1, x.d, x.h, x.mi, x.s));
    for (;;) {
      if (w.y > yearLimit) return undefined;
      let wrapped = false;
      while (!this.month.set.has(w.mo)) {
        if (!added) {
          added = true;
          w = { ...w, d: 1, h: 0, mi: 0, s: 0 };
        }
        w = norm({ ...w, mo: w.mo + 1 });
        if (w.mo === 1) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      while (!this.dayMatches(w)) {
        if (!added) {
          added = true;
          w = { ...w, h: 0, mi: 0, s: 0 };
        }
        w = norm({ ...w, d: w.d + 1 });
        if (w.d === 1) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      while (!this.hour.set.has(w.h)) {
        if (!added) {
          added = true;
          w = { ...w, mi: 0, s: 0 };
        }
        w = norm({ ...w, h: w.h + 1 });
        if (w.h === 0) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      while (!this.minute.set.has(w.mi)) {
        if (!added) {
          added = true;
          w = { ...w, s: 0 };
        }
        w = norm({ ...w, mi: w.mi + 1 });
        if (w.mi === 0) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      while (w.s !== 0) {
        if (!added) added = true;
        w = norm({ ...w, s: w.s + 1 });
        if (w.s === 0) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      return fromWall(z, w);
    }
  }
}

/** constantdelay.go: every `delay` (whole seconds, at least one), from the given time's second. */
class ConstantDelay implements CronSchedule {
  constructor(private readonly delayMs: number) {}
  next(t: number): number {
    return t + this.delayMs - (((t % 1000) + 1000) % 1000);
  }
}

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60000,
  h: 3600000,
};

/** time.ParseDuration (ms), or its error text. */
export function parseGoDuration(s: string): number | string {
  const orig = s;
  const quote = JSON.stringify(orig);
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return `time: invalid duration ${quote}`;
  let total = 0;
  while (s !== '') {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(s) as RegExpExecArray;
    const text = num[0];
    if (text === '' || text === '.') return `time: invalid duration ${quote}`;
    s = s.slice(text.length);
    const unit = /^[^0-9.]*/.exec(s)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration ${quote}`;
    const mul = UNITS[unit];
    if (mul === undefined) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quote}`;
    s = s.slice(unit.length);
    total += Number(text) * mul;
  }
  return neg ? -total : total;
}

function descriptor(spec: string, zone: string): CronSchedule {
  const f = (set: number[], star = false): Field => ({ set: new Set(set), star });
  const all = (r: Bounds): Field => {
    const s: number[] = [];
    for (let i = r.min; i <= r.max; i++) s.push(i);
    return f(s, true);
  };
  switch (spec) {
    case '@yearly':
    case '@annually':
      return new SpecSchedule(f([0]), f([0]), f([1]), f([1]), all(dow), zone);
    case '@monthly':
      return new SpecSchedule(f([0]), f([0]), f([1]), all(months), all(dow), zone);
    case '@weekly':
      return new SpecSchedule(f([0]), f([0]), all(dom), all(months), f([0]), zone);
    case '@daily':
    case '@midnight':
      return new SpecSchedule(f([0]), f([0]), all(dom), all(months), all(dow), zone);
    case '@hourly':
      return new SpecSchedule(f([0]), all(hours), all(dom), all(months), all(dow), zone);
  }
  const every = '@every ';
  if (spec.startsWith(every)) {
    const d = parseGoDuration(spec.slice(every.length));
    if (typeof d === 'string') throw new CronError(`failed to parse duration ${spec}: ${d}`);
    // Every: at least a second, rounded down to whole seconds.
    const ms = Math.max(d, 1000);
    return new ConstantDelay(ms - (ms % 1000));
  }
  throw new CronError(`unrecognized descriptor: ${spec}`);
}

/** cron.ParseStandard: the schedule, or the parser's error text. `zone`: the controller's Local. */
export function parseStandard(spec: string, zone = 'UTC'): CronSchedule | string {
  try {
    if (spec.length === 0) throw new CronError('empty spec string');
    if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
      const i = spec.indexOf(' ');
      const eq = spec.indexOf('=');
      const name = spec.slice(eq + 1, i < 0 ? undefined : i);
      if (!knownZone(name)) throw new CronError(`provided bad location ${name}: unknown time zone ${name}`);
      zone = name === '' ? 'UTC' : name;
      spec = spec.slice(i < 0 ? spec.length : i).trim();
    }
    if (spec.startsWith('@')) return descriptor(spec, zone);
    const fields = spec.split(/\s+/).filter((x) => x !== '');
    if (fields.length !== 5)
      throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
    const [mi, h, d, mo, w] = fields as [string, string, string, string, string];
    return new SpecSchedule(
      getField(mi, minutes),
      getField(h, hours),
      getField(d, dom),
      getField(mo, months),
      getField(w, dow),
      zone,
    );
  } catch (e) {
    if (e instanceof CronError) return e.message;
    throw e;
  }
}

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  earliest: number;
  mostRecent: number | undefined;
  missed: Missed;
  error?: string;
}

/**
 * mostRecentScheduleTime (utils.go): the last schedule time (or the creation time, or with
 * startingDeadlineSeconds the deadline's start if later), the most recent activation in (that, now],
 * and how many were missed (over 100: many).
 */
export function mostRecentScheduleTime(
  creation: number,
  lastSchedule: number | undefined,
  startingDeadlineSeconds: number | undefined,
  now: number,
  sched: CronSchedule,
  includeDeadline: boolean,
): MostRecent {
  let earliest = lastSchedule ?? creation;
  if (includeDeadline && startingDeadlineSeconds != null) {
    const deadline = now - startingDeadlineSeconds * 1000;
    if (deadline > earliest) earliest = deadline;
  }
  const t1 = sched.next(earliest);
  const t2 = t1 === undefined ? undefined : sched.next(t1);
  if (t1 !== undefined && now < t1) return { earliest, mostRecent: undefined, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (t1 === undefined || between < 1)
    return {
      earliest,
      mostRecent: undefined,
      missed: 'none',
      error: 'time difference between two schedules is less than 1 second',
    };
  const elapsed = Math.trunc((now - t1) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  let mostRecent: number | undefined;
  for (let t = sched.next(potentialEarliest); t !== undefined && t <= now; t = sched.next(t)) mostRecent = t;
  const missed: Missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** The requeue delay to the next activation, plus nextScheduleDelta (100 ms). */
export function nextScheduleDelay(
  creation: number,
  lastSchedule: number | undefined,
  now: number,
  sched: CronSchedule,
): number | undefined {
  const r = mostRecentScheduleTime(creation, lastSchedule, undefined, now, sched, false);
  let from: number;
  if (r.error) from = now;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : now;
  else from = r.mostRecent;
  const next = sched.next(from);
  return next === undefined ? undefined : next + 100 - now;
}
