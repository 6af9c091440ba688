// resource.Quantity in the pod-template-hash's dump (./spew): the value the controller's informer
// decoded, i.e. ParseQuantity of the string the API server stored, which is the user's string when
// ParseQuantity kept it (its `s`), else the canonical form. [APIMACH pkg/api/resource quantity.go,
// quantity_proto.go, amount.go, suffix.go]

/** The dump of a Quantity held as int64Amount{value, scale} (its d.Dec nil). */
export function quantityDump(value: string, scale: number, s: string, format: string): string {
  return `{i:(resource.int64Amount){value:(int64)${value} scale:(resource.Scale)${scale}} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)${s} Format:(resource.Format)${format}}`;
}

type Format = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** What ParseQuantity returns: an int64Amount (`s` kept when `cached`), or an inf.Dec worth n·10^e. */
export type Parsed =
  | { int: true; value: bigint; scale: number; format: Format; cached: boolean }
  | { int: false; n: bigint; e: number; format: Format };

const MAX_INT64 = (1n << 63n) - 1n;
const DEC_SUFFIX: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BIN_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const digitsFrom = (s: string, i: number): number => {
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return i;
};

/** parseQuantityString's split of a quantity: sign, numerator, fraction, suffix. */
function split(str: string): { neg: boolean; num: string; denom: string; suffix: string } | undefined {
  let pos = 0;
  const neg = str[0] === '-';
  if (neg || str[0] === '+') pos++;
  while (pos < str.length && str[pos] === '0') pos++;
  if (pos >= str.length) return { neg, num: '0', denom: '', suffix: '' };
  let i = digitsFrom(str, pos);
  const num = str.slice(pos, i) || '0';
  let denom = '';
  if (str[i] === '.') {
    const j = digitsFrom(str, i + 1);
    denom = str.slice(i + 1, j);
    i = j;
  }
  let k = i;
  while (k < str.length && 'eEinumkKMGTP'.includes(str[k] as string)) k++;
  if (k < str.length && (str[k] === '-' || str[k] === '+')) k++;
  if (digitsFrom(str, k) < str.length) return undefined; // ErrFormatWrong
  return { neg, num, denom, suffix: str.slice(i) };
}

/** ParseQuantity. [APIMACH pkg/api/resource/quantity.go, suffix.go] */
export function parse(str: string): Parsed | undefined {
  if (str === '0') return { int: true, value: 0n, scale: 0, format: 'DecimalSI', cached: true };
  const q = split(str);
  if (!q || str === '') return undefined;
  const { neg, num, denom, suffix } = q;
  let base = 10;
  let exp = DEC_SUFFIX[suffix];
  let format: Format = 'DecimalSI';
  if (exp === undefined) {
    const b = BIN_SUFFIX.indexOf(suffix);
    if (b > 0) [base, exp, format] = [2, b * 10, 'BinarySI'];
    else if (/^[eE][-+]?\d+$/.test(suffix)) [exp, format] = [Number(suffix.slice(1)), 'DecimalExponent'];
    else return undefined; // ErrSuffix
  }
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (base === 10) {
    scale = exp;
    precision = 18 - (num.length + denom.length);
  } else if (denom === '') {
    mantissa = 1n << BigInt(exp);
    precision = 14 - num.length - Math.trunc((exp * 3) / 10);
  } else precision = -1;
  if (precision >= 0 && scale - denom.length >= -9) {
    scale -= denom.length;
    const shifted = num + denom;
    const v = BigInt(shifted);
    const result = v * mantissa;
    if (result <= MAX_INT64) {
      const cached =
        format === 'BinarySI'
          ? (v & 7n) !== 0n
          : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
      return { int: true, value: neg ? -result : result, scale, format, cached };
    }
  }
  // The inf.Dec path: unscaled n, scale -e; a non-zero value is rounded up (away from zero) to
  // scale 9 (nano), which rescales it when it has fewer decimals; BinarySI is capped at MaxInt64.
  let n = BigInt(`${num}${denom}`) * (base === 2 ? 1n << BigInt(exp) : 1n);
  let e = -denom.length + (base === 10 ? exp : 0);
  if (n !== 0n) {
    const d = 10n ** BigInt(Math.abs(e + 9));
    n = e < -9 ? (n + d - 1n) / d : n * d;
    e = -9;
  }
  if (format === 'BinarySI') {
    // n·10^e against MaxInt64 and 1, without fractions.
    const [lhs, unit] = e >= 0 ? [n * 10n ** BigInt(e), 1n] : [n, 10n ** BigInt(-e)];
    if (lhs > MAX_INT64 * unit) [n, e] = [MAX_INT64, 0];
    else if (n > 0n && lhs < unit) format = 'DecimalSI';
  }
  return { int: false, n: neg ? -n : n, e, format };
}

/** Quantity.String() of a parse that kept no string: CanonicalizeBytes. */
export function canonical(p: Parsed): string {
  let [n, e] = p.int ? [p.value, p.scale] : [p.n, p.e];
  if (n === 0n) return '0';
  const sign = n < 0n ? '-' : '';
  if (n < 0n) n = -n;
  let format = p.format;
  if (format === 'BinarySI') {
    const pow = 10n ** BigInt(Math.abs(e));
    const whole = e >= 0 ? n * pow : n % pow === 0n ? n / pow : -1n;
    if (whole < 1024n)
      format = 'DecimalSI'; // under 1024, or not whole: shown in decimal
    else {
      let k = 0;
      while (whole >= 1024n ** BigInt(k + 1) && whole % 1024n ** BigInt(k + 1) === 0n) k++;
      return `${sign}${whole / 1024n ** BigInt(k)}${BIN_SUFFIX[k] ?? ''}`;
    }
  }
  while (n >= 10n && n % 10n === 0n) [n, e] = [n / 10n, e + 1];
  while (e % 3 !== 0) [n, e] = [n * 10n, e - 1];
  const suffix =
    format === 'DecimalSI'
      ? (Object.keys(DEC_SUFFIX).find((k) => DEC_SUFFIX[k] === e) ?? '')
      : e === 0
        ? ''
        : `e${e}`;
  return `${sign}${n}${suffix}`;
}

/**
 * The dump of the Quantity the controller decoded: the API server stored the user's string when
 * ParseQuantity kept it, else its canonical form; the informer parsed that string again.
 */
export function spewQuantity(str: string, milli = false): string {
  const key = milli ? `m${str}` : str;
  let dump = memo.get(key);
  if (dump === undefined) {
    // A template's quantities are few and repeat across Deployments; the parse uses BigInt.
    if (memo.size >= 512) memo.clear();
    dump = dumpOf(str, milli);
    memo.set(key, dump);
  }
  return dump;
}

const memo = new Map<string, string>();

/** Divided by 10^k, rounded away from zero (int64Amount.AsScale, inf.Dec's Round with RoundUp). */
export function divUp(n: bigint, k: number): bigint {
  const d = 10n ** BigInt(k);
  const q = n / d;
  return q * d === n ? q : n < 0n ? q - 1n : q + 1n;
}

/**
 * `milli`: a ResourceList value, which SetDefaults_ResourceList rounds up to milli units
 * (Quantity.RoundUp(-3): the kept string is dropped when that changes the scale).
 */
function dumpOf(str: string, milli: boolean): string {
  const s = str.trim();
  let first = parse(s);
  if (!first) return quantityDump('0', 0, '', ''); // invalid: the API server rejects the object
  if (milli && first.int && first.scale < -3)
    first = { ...first, value: divUp(first.value, -3 - first.scale), scale: -3, cached: false };
  else if (milli && !first.int && first.e < -3) first = { ...first, n: divUp(first.n, -3 - first.e), e: -3 };
  const stored = first.int && first.cached ? s : canonical(first);
  const p = parse(stored) as Parsed;
  if (p.int) return quantityDump(String(p.value), p.scale, p.cached ? stored : '', p.format);
  // Beyond int64 (over 18 digits, 2Pi and up): an inf.Dec, its big.Int's magnitude in 64-bit
  // words, least significant first (the controller runs on a 64-bit machine).
  const neg = p.n < 0n;
  let abs = neg ? -p.n : p.n;
  const words: string[] = [];
  for (; abs > 0n; abs >>= 64n) words.push(String(abs & 0xffffffffffffffffn));
  const nat = words.length ? `[${words.join(' ')}]` : '<nil>';
  return `{i:(resource.int64Amount){value:(int64)0 scale:(resource.Scale)0} d:(resource.infDecAmount){Dec:(*inf.Dec){unscaled:(big.Int){neg:(bool)${neg} abs:(big.nat)${nat}} scale:(inf.Scale)${-p.e}}} s:(string) Format:(resource.Format)${p.format}}`;
}
