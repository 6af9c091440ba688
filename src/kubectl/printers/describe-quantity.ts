// resource.Quantity as kubectl describe prints it: Quantity.String() of what it decoded from the
// API server, which stored Quantity.String() of the user's value. ParseQuantity keeps the string
// it was given only when that string is already canonical, so the stored (and printed) text is
// the user's when kept, else the canonical form (`1024Mi` → `1Gi`, `0.5` → `500m`). A container's
// requests and limits (a ResourceList) are first rounded up to milli units by the API server's
// SetDefaults_ResourceList (Quantity.RoundUp(-3), which drops the kept string when it changes the
// scale: `100u` → `1m`). [APIMACH v0.34.9 pkg/api/resource quantity.go ParseQuantity,
// CanonicalizeBytes, RoundUp; amount.go AsCanonicalBytes; suffix.go. K8S pkg/apis/core/v1
// defaults.go SetDefaults_ResourceList] The same rules as src/sim/controllers/spew-quantity.ts,
// which dumps the parsed value instead of printing it; its tests cross-check this module.

type Format = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** A parsed quantity: the value n·10^e, its format, the kept string, and the int64 path's scale. */
interface Parsed {
  n: bigint;
  e: number;
  format: Format;
  kept?: string;
  /** The int64Amount's scale; undefined when the value is an inf.Dec. */
  scale?: number;
}

const MAX_INT64 = (1n << 63n) - 1n;
const DEC: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const pow10 = (k: number): bigint => 10n ** BigInt(k);

/** parseQuantityString: sign, the number text (for inf.Dec), numerator, fraction, suffix. */
function split(s: string): { neg: boolean; num: string; denom: string; suffix: string } | undefined {
  let pos = 0;
  const neg = s[0] === '-';
  if (neg || s[0] === '+') pos++;
  while (s[pos] === '0') pos++;
  if (pos >= s.length) return { neg, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (isDigit(s[i])) i++;
  const num = s.slice(pos, i) || '0';
  let denom = '';
  if (s[i] === '.') {
    let j = i + 1;
    while (isDigit(s[j])) j++;
    denom = s.slice(i + 1, j);
    i = j;
  }
  let k = i;
  while (k < s.length && 'eEinumkKMGTP'.includes(s[k] as string)) k++;
  if (s[k] === '-' || s[k] === '+') k++;
  while (isDigit(s[k])) k++;
  if (k < s.length) return undefined; // ErrFormatWrong
  return { neg, num, denom, suffix: s.slice(i) };
}

/** ParseQuantity. */
function parse(s: string): Parsed | undefined {
  if (s === '') return undefined;
  if (s === '0') return { n: 0n, e: 0, format: 'DecimalSI', kept: s, scale: 0 };
  const q = split(s);
  if (!q) return undefined;
  const { neg, num, denom, suffix } = q;
  let format: Format = 'DecimalSI';
  let exp = DEC[suffix];
  let base = 10;
  if (exp === undefined) {
    const b = BIN.indexOf(suffix);
    if (b > 0) [base, exp, format] = [2, 10 * b, 'BinarySI'];
    else if (/^[eE][-+]?\d+$/.test(suffix)) [exp, format] = [Number(suffix.slice(1)), 'DecimalExponent'];
    else return undefined; // ErrSuffix
  }
  const sign = neg ? -1n : 1n;
  // The int64 fast path: few enough digits, no finer than nano, no binary fraction.
  const precision =
    base === 10
      ? 18 - (num.length + denom.length)
      : denom === ''
        ? 14 - num.length - Math.trunc((exp * 3) / 10)
        : -1;
  const scale = (base === 10 ? exp : 0) - denom.length;
  if (precision >= 0 && scale >= -9) {
    const shifted = num + denom;
    const v = BigInt(shifted);
    const result = base === 2 ? v << BigInt(exp) : v;
    if (result <= MAX_INT64) {
      const keep =
        format === 'BinarySI'
          ? (v & 7n) !== 0n
          : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
      return { n: sign * result, e: scale, format, scale, ...(keep ? { kept: s } : {}) };
    }
  }
  // inf.Dec: a non-zero value rounded up to nano; a binary one capped at MaxInt64 and shown in
  // decimal when below one.
  let n = BigInt(num + denom) * (base === 2 ? 1n << BigInt(exp) : 1n);
  let e = -denom.length + (base === 10 ? exp : 0);
  if (n !== 0n) {
    if (e < -9) n = (n + pow10(-9 - e) - 1n) / pow10(-9 - e);
    else n *= pow10(e + 9);
    e = -9;
  }
  if (format === 'BinarySI') {
    if (n > MAX_INT64 * pow10(9)) n = MAX_INT64 * pow10(9);
    if (n > 0n && n < pow10(9)) format = 'DecimalSI';
  }
  return { n: sign * n, e, format };
}

/** Divided by 10^k, rounded away from zero. */
function divUp(n: bigint, k: number): bigint {
  const d = pow10(k);
  const q = n / d;
  return q * d === n ? q : n < 0n ? q - 1n : q + 1n;
}

/** Quantity.RoundUp(-3) (SetDefaults_ResourceList). */
function roundUpMilli(p: Parsed): Parsed {
  const scale = p.scale ?? p.e;
  if (p.scale !== undefined && scale >= -3) return p;
  if (p.e >= -3) return { n: p.n, e: p.e, format: p.format };
  return { n: divUp(p.n, -3 - p.e), e: -3, format: p.format };
}

/** CanonicalizeBytes: the shortest mantissa with an SI suffix (or 1024-power, or exponent). */
function canonical(p: Parsed): string {
  let { n, e } = p;
  if (n === 0n) return '0';
  const sign = n < 0n ? '-' : '';
  if (n < 0n) n = -n;
  let format = p.format;
  if (format === 'BinarySI') {
    // Under 1024 in magnitude, or not a whole number: shown in decimal.
    const whole = e >= 0 ? n * pow10(e) : n % pow10(-e) === 0n ? n / pow10(-e) : -1n;
    if (whole < 1024n) format = 'DecimalSI';
    else {
      let k = 0;
      let m = whole;
      while (m >= 1024n && m % 1024n === 0n) [m, k] = [m / 1024n, k + 1];
      return `${sign}${m}${BIN[k] ?? ''}`;
    }
  }
  while (n >= 10n && n % 10n === 0n) [n, e] = [n / 10n, e + 1];
  while (e % 3 !== 0) [n, e] = [n * 10n, e - 1];
  const suffix =
    format === 'DecimalSI' ? (Object.keys(DEC).find((k) => DEC[k] === e) ?? '') : e === 0 ? '' : `e${e}`;
  return `${sign}${n}${suffix}`;
}

/** The text of a JSON value the API server decoded as a Quantity (a YAML number included). */
const text = (v: unknown): string => (typeof v === 'number' ? String(v) : String(v ?? '')).trim();

/**
 * How kubectl prints a stored quantity. `resourceList`: a requests/limits value, rounded up to
 * milli units first. A value that is not a quantity (the real API server would have refused
 * the object) is printed as written.
 */
export function quantityString(v: unknown, resourceList: boolean): string {
  const s = text(v);
  const p = parse(s);
  if (!p) return s;
  const r = resourceList ? roundUpMilli(p) : p;
  return r.kept ?? canonical(r);
}

/** A decoded Quantity: its value n·10^e, format and kept string (undefined: the zero Quantity{}). */
export interface Quantity {
  n: bigint;
  e: number;
  format: Format | '';
  kept?: string;
}

export const ZERO: Quantity = { n: 0n, e: 0, format: '' };

/** The Quantity kubectl decodes from a stored value (a ResourceList's rounded up to milli). */
export function quantityOf(v: unknown, resourceList: boolean): Quantity {
  const p = parse(text(v));
  if (!p) return ZERO;
  const r = resourceList ? roundUpMilli(p) : p;
  return { n: r.n, e: r.e, format: r.format, ...(r.kept !== undefined ? { kept: r.kept } : {}) };
}

const aligned = (a: Quantity, b: Quantity): [bigint, bigint, number] => {
  const e = Math.min(a.e, b.e);
  return [a.n * pow10(a.e - e), b.n * pow10(b.e - e), e];
};

/** Quantity.Add: the kept string is dropped; a zero receiver takes the other's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const [x, y, e] = aligned(a, b);
  return { n: x + y, e, format: a.n === 0n ? b.format : a.format };
}

/** Quantity.Cmp. */
export function cmpQuantity(a: Quantity, b: Quantity): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Quantity.String(): the kept string, else the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.kept !== undefined) return q.kept;
  if (q.n === 0n) return '0';
  return canonical({ n: q.n, e: q.e, format: q.format === '' ? 'DecimalExponent' : q.format });
}

/** Quantity.ScaledValue(scale): ceil(q / 10^scale), away from zero. */
export function scaledQuantity(q: Quantity, scale: number): bigint {
  const shift = q.e - scale;
  return shift >= 0 ? q.n * pow10(shift) : divUp(q.n, -shift);
}

/** ceil(q / 10^scale) as Quantity.ScaledValue computes it (Value: 0, MilliValue: -3). */
function scaledValue(v: unknown, scale: number, resourceList: boolean): number {
  const p0 = parse(text(v));
  if (!p0) return 0;
  const p = resourceList ? roundUpMilli(p0) : p0;
  const shift = p.e - scale;
  const x = shift >= 0 ? p.n * pow10(shift) : divUp(p.n, -shift);
  return Number(x);
}

/**
 * A resourceFieldRef's value as kubectl describe shows it (ExtractContainerResourceValue of the
 * container being described): ceil(value / divisor) with cpu in milli units, a zero divisor
 * meaning 1; undefined for a resource it does not support. [kubectl pkg/util/resource]
 */
export function resourceFieldValue(
  resource: string,
  divisor: unknown,
  resources: { limits?: Record<string, unknown>; requests?: Record<string, unknown> } | undefined,
): string | undefined {
  const dot = resource.indexOf('.');
  const list = resource.slice(0, dot);
  const name = resource.slice(dot + 1);
  if (dot < 0 || (list !== 'limits' && list !== 'requests')) return undefined;
  if (!['cpu', 'memory', 'ephemeral-storage'].includes(name) && !name.startsWith('hugepages-')) {
    return undefined;
  }
  const value = resources?.[list]?.[name];
  const zeroDivisor = scaledValue(divisor, -9, false) === 0;
  const scale = name === 'cpu' ? -3 : 0;
  const d = zeroDivisor ? (name === 'cpu' ? 1000 : 1) : scaledValue(divisor, scale, false);
  const q = value === undefined ? 0 : scaledValue(value, scale, true);
  return String(Math.ceil(q / d));
}
