// BusyBox 1.34.1 printf (coreutils/printf.c): the FORMAT is reused until the arguments run out;
// `\` escapes (bb_process_escape_sequence: \a \b \e \f \n \r \t \v \\, octal \NNN, hex \xHH),
// `%b` with `\c`; directives d i o u x X c s f e E g G with one of the flags `-+ #`, width and
// precision (digits or `*`); a missing argument is "" (0 for numbers). Ash's builtin is the same
// code, so `printf 'GET / HTTP/1.1\r\n\r\n' | nc …` works inside `sh -c` as in the real image.
import type { ProcContext } from '../../../kubectl/shell/types';
import { usageText } from './usage';

const CHARMAP: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** bb_process_escape_sequence at s[i] (just after the backslash): the character and where it ends. */
function escapeSequence(s: string, i: number): [string, number] {
  let j = i;
  let base = 8;
  if (s[j] === 'x') {
    base = 16;
    j++;
  }
  let n = 0;
  let digits = 0;
  while (digits < (base === 16 ? 2 : 3)) {
    const d = Number.parseInt(s[j] ?? '', base);
    if (Number.isNaN(d) || n * base + d > 255) break;
    n = n * base + d;
    j++;
    digits++;
  }
  if (base === 16 && digits === 0) return ['\\', i];
  if (digits > 0) return [String.fromCharCode(n), j];
  const c = s[i] ?? '';
  const mapped = CHARMAP[c];
  return mapped !== undefined ? [mapped, i + 1] : ['\\', i];
}

/** %b: escapes in the argument; true when `\c` stops all output. */
function escString(arg: string): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i] ?? '';
    if (c !== '\\') {
      text += c;
      continue;
    }
    let k = i + 1;
    if (arg[k] === 'c') return { text, stop: true };
    // %b also accepts \0NNN.
    if (arg[k] === '0' && /[0-7]/.test(arg[k + 1] ?? '')) k++;
    const [ch, next] = escapeSequence(arg, k);
    text += ch;
    i = next - 1;
  }
  return { text, stop: false };
}

interface Spec {
  flag: string;
  width?: number;
  precision?: number;
  conv: string;
}

function pad(body: string, spec: Spec, zeroOk: boolean, zero: boolean): string {
  const w = spec.width ?? 0;
  if (body.length >= Math.abs(w)) return body;
  if (spec.flag === '-' || w < 0) return body.padEnd(Math.abs(w), ' ');
  if (zero && zeroOk) {
    const sign = /^[+ -]/.test(body) ? (body[0] ?? '') : '';
    return sign + body.slice(sign.length).padStart(w - sign.length, '0');
  }
  return body.padStart(w, ' ');
}

/** Number conversion like multiconvert: 'c or "c is the character's code; else strtoll base 0. */
function toNumber(arg: string): number | undefined {
  const a = arg.trimStart();
  if (a === '') return 0;
  if (a[0] === '"' || a[0] === "'") return a.charCodeAt(1) || 0;
  const m = /^([+-]?)(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.exec(a);
  if (!m?.[2]) return undefined;
  const v = m[2].toLowerCase().startsWith('0x')
    ? Number.parseInt(m[2], 16)
    : m[2].startsWith('0')
      ? Number.parseInt(m[2], 8)
      : Number(m[2]);
  return m[1] === '-' ? -v : v;
}

function formatOne(spec: Spec, zero: boolean, arg: string, err: (m: string) => void): string {
  const { conv } = spec;
  if (conv === 's') {
    const s = spec.precision !== undefined ? arg.slice(0, spec.precision) : arg;
    return pad(s, spec, false, zero);
  }
  if (conv === 'c') return pad(arg.slice(0, 1), spec, false, zero);
  if ('diouxX'.includes(conv)) {
    let n = toNumber(arg);
    if (n === undefined) {
      err(`invalid number '${arg}'`);
      n = 0;
    }
    let digits: string;
    if (conv === 'd' || conv === 'i') digits = String(Math.abs(n));
    else {
      const u = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n);
      digits = u.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
      if (conv === 'X') digits = digits.toUpperCase();
      if (spec.flag === '#' && u !== 0n)
        digits = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + digits;
    }
    if (spec.precision !== undefined) digits = digits.padStart(spec.precision, '0');
    const sign =
      (conv === 'd' || conv === 'i') && n < 0 ? '-' : spec.flag === '+' ? '+' : spec.flag === ' ' ? ' ' : '';
    return pad(sign + digits, spec, spec.precision === undefined, zero);
  }
  // f e E g G
  let v = Number(arg.trim());
  if (arg.trim() === '') v = 0;
  if (Number.isNaN(v)) {
    err(`invalid number '${arg}'`);
    v = 0;
  }
  const p = spec.precision ?? 6;
  let body: string;
  if (conv === 'f') body = Math.abs(v).toFixed(p);
  else if (conv === 'e' || conv === 'E') {
    body = Math.abs(v)
      .toExponential(p)
      .replace(/e([+-])(\d)$/, 'e$10$2');
    if (conv === 'E') body = body.toUpperCase();
  } else {
    const prec = p === 0 ? 1 : p;
    const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    body =
      exp < -4 || exp >= prec
        ? Math.abs(v)
            .toExponential(prec - 1)
            .replace(/\.?0+e/, 'e')
            .replace(/e([+-])(\d)$/, 'e$10$2')
        : String(Number(Math.abs(v).toPrecision(prec)));
    if (conv === 'G') body = body.toUpperCase();
  }
  const sign = v < 0 || Object.is(v, -0) ? '-' : spec.flag === '+' ? '+' : spec.flag === ' ' ? ' ' : '';
  return pad(sign + body, spec, true, zero);
}

export function printf(argv: string[], ctx: ProcContext): number {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  const format = args[0];
  if (format === undefined) {
    ctx.err(usageText('printf'));
    return 1;
  }
  const rest = args.slice(1);
  let out = '';
  let failed = false;
  // stderr is unbuffered, stdout (not a tty) is flushed at exit: errors come out first.
  const err = (m: string) => {
    ctx.err(`printf: ${m}\n`);
    failed = true;
  };
  const flushOut = () => {
    if (out) ctx.out(out);
    out = '';
  };
  // One pass over FORMAT: 'stop' after \c, 'error' after an invalid directive.
  const pass = (): 'more' | 'stop' | 'error' => {
    for (let i = 0; i < format.length; i++) {
      const c = format[i] ?? '';
      if (c === '\\') {
        if (format[i + 1] === 'c') return 'stop';
        const [ch, next] = escapeSequence(format, i + 1);
        out += ch;
        i = next - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const start = i;
      i++;
      if (format[i] === '%') {
        out += '%';
        continue;
      }
      if (format[i] === 'b') {
        const a = rest.shift();
        if (a !== undefined) {
          const r = escString(a);
          out += r.text;
          if (r.stop) return 'stop';
        }
        continue;
      }
      const spec: Spec = { flag: '', conv: '' };
      if ('-+ #'.includes(format[i] ?? 'x') && format[i] !== undefined) spec.flag = format[i++] ?? '';
      let zero = false;
      if (format[i] === '*') {
        i++;
        const a = rest.shift();
        if (a !== undefined) spec.width = Number.parseInt(a, 10) || 0;
      } else {
        let w = '';
        while (/\d/.test(format[i] ?? '')) w += format[i++];
        if (w) {
          zero = w.startsWith('0');
          spec.width = Number(w);
        }
      }
      if (format[i] === '.') {
        i++;
        if (format[i] === '*') {
          i++;
          const a = rest.shift();
          spec.precision = a !== undefined ? Number.parseInt(a, 10) || 0 : 0;
        } else {
          let p = '';
          while (/\d/.test(format[i] ?? '')) p += format[i++];
          spec.precision = Number(p || '0');
        }
      }
      while (/[lLhz]/.test(format[i] ?? '')) i++;
      const conv = format[i] ?? '';
      if (!conv || !'diouxXfeEgGcs'.includes(conv)) {
        err(`${format.slice(start)}: invalid format`);
        return 'error';
      }
      spec.conv = conv;
      out += formatOne(spec, zero, rest.shift() ?? '', err);
    }
    return 'more';
  };
  for (;;) {
    const before = rest.length;
    const r = pass();
    if (r !== 'more') {
      flushOut();
      return r === 'error' ? 1 : failed ? 1 : 0;
    }
    // Reuse FORMAT while it consumed arguments and some are left.
    if (rest.length === 0 || rest.length === before) break;
  }
  flushOut();
  return failed ? 1 : 0;
}
