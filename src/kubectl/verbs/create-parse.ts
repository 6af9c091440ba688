// The parsing the create subcommands' flags go through, with Go's messages: pflag's int32/int
// flags (strconv.ParseInt base 0), stringSlice flags (one CSV record per occurrence), and the
// checks create service runs on `--tcp` and `--external-name` (k8s.io/utils/net ParsePort,
// apimachinery util/validation IsValidPortName / IsValidPortNum / IsDNS1123Subdomain).

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv's underscoreOK: `_` only between digits, or between a base prefix and a digit. */
function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1] as string))) {
    i = 2;
    saw = '0';
    hex = lower(s[1] as string) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

type UintResult = { ok: true; value: bigint } | { ok: false; range: boolean; value: bigint };

/** strconv.ParseUint(s, base, bitSize); base 0 reads 0x / 0o / 0b / leading-0 prefixes and `_`. */
function parseUint(s0: string, base0: number, bitSize: number): UintResult {
  if (s0 === '') return { ok: false, range: false, value: 0n };
  let s = s0;
  let base = base0;
  const isBase0 = base0 === 0;
  if (isBase0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? lower(s[1] as string) : '';
      if (p === 'b') base = 2;
      else if (p === 'o') base = 8;
      else if (p === 'x') base = 16;
      else base = 8;
      s = s.slice(base === 8 && p !== 'o' ? 1 : 2);
    }
  }
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    let d: number;
    if (c === '_' && isBase0) {
      underscores = true;
      continue;
    }
    if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (lower(c) >= 'a' && lower(c) <= 'z') d = lower(c).charCodeAt(0) - 87;
    else return { ok: false, range: false, value: 0n };
    if (d >= base) return { ok: false, range: false, value: 0n };
    n = n * BigInt(base) + BigInt(d);
    if (n > maxVal) return { ok: false, range: true, value: maxVal };
  }
  if (underscores && !underscoreOK(s0)) return { ok: false, range: false, value: 0n };
  return { ok: true, value: n };
}

/**
 * strconv.ParseInt(s, 0, bitSize), as pflag's int32 (bitSize 32) and int (64) flags call it. The
 * message is Go's NumError text.
 */
export function goParseInt(s0: string, bitSize: number): Parsed<number> {
  const syntax = { ok: false as const, message: `strconv.ParseInt: parsing "${s0}": invalid syntax` };
  const range = { ok: false as const, message: `strconv.ParseInt: parsing "${s0}": value out of range` };
  if (s0 === '') return syntax;
  let s = s0;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  const u = parseUint(s, 0, bitSize);
  if (!u.ok && !u.range) return syntax;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && u.value >= cutoff) return range;
  if (neg && u.value > cutoff) return range;
  if (!u.ok) return range;
  return { ok: true, value: Number(neg ? -u.value : u.value) };
}

/** k8s.io/utils/net ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16). */
export function parsePort(s: string): Parsed<number> {
  const u = parseUint(s, 10, 16);
  if (u.ok) return { ok: true, value: Number(u.value) };
  return {
    ok: false,
    message: `strconv.ParseUint: parsing "${s}": ${u.range ? 'value out of range' : 'invalid syntax'}`,
  };
}

/** strconv.Atoi: base 10, optional sign, int64 range; undefined when it fails. */
export function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  if (v > 9223372036854775807n || v < -9223372036854775808n) return undefined;
  return Number(v);
}

/** validation.IsValidPortName. */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-')))
    errs.push('must not begin or end with a hyphen');
  return errs;
}

/** validation.IsDNS1123Subdomain reports nothing. */
export function isDNS1123Subdomain(s: string): boolean {
  const label = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
  return s.length <= 253 && new RegExp(`^${label}(\\.${label})*$`).test(s);
}

/**
 * pflag's stringSlice: each occurrence is one CSV record (encoding/csv: `,` separates fields, a
 * field may be double-quoted with `""` for a quote); occurrences append. `--image=` adds nothing.
 */
export function stringSlice(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (v === '') continue;
    let field = '';
    let i = 0;
    while (i <= v.length) {
      if (v[i] === '"' && field === '') {
        // A quoted field runs to the closing quote; `""` inside is one quote.
        i++;
        while (i < v.length) {
          if (v[i] === '"' && v[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (v[i] === '"') {
            i++;
            break;
          } else field += v[i++];
        }
        continue;
      }
      if (i === v.length || v[i] === ',') {
        out.push(field);
        field = '';
        i++;
        continue;
      }
      field += v[i++];
    }
  }
  return out;
}
