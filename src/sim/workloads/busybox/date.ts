// BusyBox 1.34.1 date (coreutils/date.c; Alpine: DATE_ISOFMT and DATE_COMPAT on, DATE_NANO off).
// The time is the simulated clock. No TZ is set in the chapter's containers, so musl uses UTC
// (`%Z` is `UTC`, `%z` is `+0000`); -u sets TZ=UTC0, which prints the same.
import type { ProcContext } from '../../../kubectl/shell/types';
import { usageText } from './usage';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

/** strftime in the C locale for a UTC time (the conversions musl supports that matter here). */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  const h12 = H % 12 === 0 ? 12 : H % 12;
  const conv = (c: string): string | undefined => {
    switch (c) {
      case 'a':
        return (DAYS[w] ?? '').slice(0, 3);
      case 'A':
        return DAYS[w] ?? '';
      case 'b':
      case 'h':
        return (MONTHS[m] ?? '').slice(0, 3);
      case 'B':
        return MONTHS[m] ?? '';
      case 'C':
        return pad(Math.floor(Y / 100));
      case 'd':
        return pad(day);
      case 'e':
        return pad(day, 2, ' ');
      case 'D':
        return `${pad(m + 1)}/${pad(day)}/${pad(Y % 100)}`;
      case 'F':
        return `${Y}-${pad(m + 1)}-${pad(day)}`;
      case 'H':
        return pad(H);
      case 'I':
        return pad(h12);
      case 'j':
        return pad(yday, 3);
      case 'k':
        return pad(H, 2, ' ');
      case 'l':
        return pad(h12, 2, ' ');
      case 'm':
        return pad(m + 1);
      case 'M':
        return pad(M);
      case 'n':
        return '\n';
      case 'p':
        return H < 12 ? 'AM' : 'PM';
      case 'R':
        return `${pad(H)}:${pad(M)}`;
      case 's':
        return String(Math.floor(ms / 1000));
      case 'S':
        return pad(S);
      case 't':
        return '\t';
      case 'T':
        return `${pad(H)}:${pad(M)}:${pad(S)}`;
      case 'u':
        return String(w === 0 ? 7 : w);
      case 'w':
        return String(w);
      case 'y':
        return pad(Y % 100);
      case 'Y':
        return String(Y);
      case 'z':
        return '+0000';
      case 'Z':
        return 'UTC';
      case '%':
        return '%';
      default:
        return undefined;
    }
  };
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i] ?? '';
    if (c !== '%') {
      out += c;
      continue;
    }
    const v = conv(fmt[i + 1] ?? '');
    if (v !== undefined) {
      out += v;
      i++;
    } else out += c;
  }
  return out;
}

/** parse_datestr for the forms people type: @SECONDS, hh:mm[:ss], YYYY-MM-DD [hh:mm[:ss]]. */
function parseDate(s: string, nowMs: number): number | undefined {
  const at = /^@(-?\d+)$/.exec(s);
  if (at) return Number(at[1]) * 1000;
  const today = new Date(nowMs);
  const t = /^(\d+):(\d+)(?::(\d+))?$/.exec(s);
  if (t)
    return Date.UTC(
      today.getUTCFullYear(),
      today.getUTCMonth(),
      today.getUTCDate(),
      Number(t[1]),
      Number(t[2]),
      Number(t[3] ?? 0),
    );
  const dt = /^(\d+)-(\d+)-(\d+)(?: (\d+):(\d+)(?::(\d+))?)?$/.exec(s);
  if (dt)
    return Date.UTC(
      Number(dt[1]),
      Number(dt[2]) - 1,
      Number(dt[3]),
      Number(dt[4] ?? 0),
      Number(dt[5] ?? 0),
      Number(dt[6] ?? 0),
    );
  return undefined;
}

const ISO_SPECS = ['date', 'hours', 'minutes', 'seconds', 'ns'];

export function date(argv: string[], ctx: ProcContext): number {
  const usage = (error?: string) => {
    if (error) ctx.err(`date: ${error}\n`);
    ctx.err(usageText('date'));
    return 1;
  };
  let rfc = false;
  let iso = -1;
  let dateStr: string | undefined;
  let set = false;
  const rest: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    // -u sets TZ=UTC0; with no TZ in these containers musl is on UTC already: same output.
    if (a === '-u' || a === '--utc') continue;
    if (a === '-R' || a === '--rfc-2822' || a === '--rfc-822') rfc = true;
    else if (a.startsWith('-I')) {
      // -I[SPEC]: the optional argument must be glued on (getopt "I::").
      iso = a === '-I' ? 0 : ISO_SPECS.indexOf(a.slice(2));
      if (iso < 0) return usage();
    } else if (a === '-d' || a === '-s' || a === '--date' || a === '--set') {
      const v = args[++i];
      if (v === undefined) return usage(`option requires an argument: ${a.replace(/^-+/, '')}`);
      dateStr = v;
      set = a === '-s' || a === '--set';
    } else if (a === '-r' || a === '-D' || a === '--reference') {
      ctx.err(`date: ${a} is not simulated in this playground\n`);
      return 1;
    } else if (a.startsWith('-') && a !== '-') return usage(`unrecognized option: ${a.replace(/^-+/, '')}`);
    else rest.push(a);
  }
  if (rfc && iso >= 0) return usage();
  let fmt: string | undefined;
  if (rest[0]?.startsWith('+')) fmt = rest.shift()?.slice(1);
  if (dateStr === undefined && rest[0] !== undefined) {
    dateStr = rest.shift();
    set = true;
  }
  if (rest.length > 0) return usage();
  let when = ctx.cluster.now();
  if (dateStr !== undefined) {
    const parsed = parseDate(dateStr, when);
    if (parsed === undefined) {
      ctx.err(`date: invalid date '${dateStr}'\n`);
      return 1;
    }
    when = parsed;
    // clock_settime needs CAP_SYS_TIME, which containers do not get: the error, then the date.
    if (set) ctx.err("date: can't set date: Operation not permitted\n");
  }
  if (fmt === undefined) {
    if (iso >= 0) {
      fmt = '%Y-%m-%dT%H:%M:%S'.slice(0, 8 + 3 * Math.min(iso, 3));
      if (iso === 4) fmt += ',000000000';
      if (iso > 0) fmt += '+00:00';
    } else fmt = rfc ? '%a, %d %b %Y %H:%M:%S %z' : '%a %b %e %H:%M:%S %Z %Y';
  }
  ctx.out(`${fmt === '' ? '' : strftime(fmt, when)}\n`);
  return 0;
}
