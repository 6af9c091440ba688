// BusyBox text applets the chapter pipes through: cat, echo, grep (BRE by default, -E ERE, -F),
// head, tail, wc. Files come from the container (proc.ts); no file argument means stdin.
import type { ProcContext } from '../../../kubectl/shell/types';
import { cleanPath, missingReason, statPath } from '../fs';
import type { PodProc } from '../proc';
import { readPodFile } from '../proc';
import { parseOpts } from './getopt';
import { workdir } from './info';
import { usageText } from './usage';

/** GNU coreutils 9.1 / grep 3.8's line for a file that cannot be opened. */
function gnuMissing(applet: string, f: string, why: string): string {
  if (applet === 'head' || applet === 'tail') return `${applet}: cannot open '${f}' for reading: ${why}\n`;
  return `${applet}: ${f}: ${why}\n`;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Inputs in order: stdin for no files or `-`; an error line for a missing file. */
function inputs(
  applet: string,
  files: string[],
  ctx: ProcContext,
  p: PodProc,
): { name: string; text: string }[] | { error: number; partial: { name: string; text: string }[] } {
  if (files.length === 0) return [{ name: '-', text: ctx.stdin }];
  const out: { name: string; text: string }[] = [];
  let error = 0;
  for (const f of files) {
    if (f === '-') {
      out.push({ name: '-', text: ctx.stdin });
      continue;
    }
    const text = readPodFile(p, cleanPath(f, workdir(p, ctx)));
    if (text !== undefined) {
      out.push({ name: f, text });
      continue;
    }
    error = 1;
    const node = statPath(p, cleanPath(f, workdir(p, ctx)));
    const gnu = p.info.tools === 'debian-curl';
    if (node?.kind === 'file')
      // The image has the file but its text is not modelled (../image-fs.ts).
      ctx.err(`${applet}: ${f}: the text of this image file is not modelled in this playground\n`);
    else if (node && applet === 'cat')
      // BusyBox's bb_copyfd: `read error`; GNU cat names the file.
      ctx.err(gnu ? `cat: ${f}: Is a directory\n` : 'cat: read error: Is a directory\n');
    else if (gnu) ctx.err(gnuMissing(applet, f, missingReason(p, cleanPath(f, workdir(p, ctx)))));
    else ctx.err(`${applet}: can't open '${f}': ${missingReason(p, cleanPath(f, workdir(p, ctx)))}\n`);
  }
  return error ? { error, partial: out } : out;
}

export function cat(argv: string[], ctx: ProcContext, p: PodProc): number {
  const files = argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
  const r = inputs('cat', files, ctx, p);
  const list = Array.isArray(r) ? r : r.partial;
  for (const i of list) ctx.out(i.text);
  return Array.isArray(r) ? 0 : r.error;
}

export function echo(argv: string[], ctx: ProcContext): number {
  const args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    const f = args.shift() ?? '';
    if (f.includes('n')) newline = false;
    if (f.includes('e')) escapes = true;
    if (f.includes('E')) escapes = false;
  }
  let text = args.join(' ');
  if (escapes) {
    const stop = text.indexOf('\\c');
    if (stop >= 0) {
      text = text.slice(0, stop);
      newline = false;
    }
    text = text.replace(/\\([nt\\abfrv])/g, (_, c: string) => {
      const map: Record<string, string> = {
        n: '\n',
        t: '\t',
        '\\': '\\',
        a: '\x07',
        b: '\b',
        f: '\f',
        r: '\r',
        v: '\v',
      };
      return map[c] ?? c;
    });
  }
  ctx.out(newline ? `${text}\n` : text);
  return 0;
}

/** POSIX basic regular expression → JavaScript: `\( \) \{ \} \| \+ \?` are the operators. */
export function breToJs(bre: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i] ?? '';
    if (inBracket) {
      if (c === ']' && !/\[\^?$/.test(out)) inBracket = false;
      out += c === '\\' ? '\\\\' : c;
      continue;
    }
    if (c === '[') {
      inBracket = true;
      out += c;
      continue;
    }
    if (c === '\\') {
      const n = bre[i + 1] ?? '';
      i++;
      if ('(){}|+?'.includes(n)) out += n;
      else out += `\\${n}`;
      continue;
    }
    if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (out === '' || out === '^')) out += '\\*';
    else out += c;
  }
  return out;
}

export function grep(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'HhnlLoqvsrRiwxcFEm:A:B:C:e:f:');
  if (!parsed.ok) {
    ctx.err(`grep: ${parsed.error}\n${usageText('grep')}`);
    return 2;
  }
  const o = parsed.opts;
  const args = [...parsed.args];
  const patterns: string[] = [];
  if (o.has('e')) patterns.push(o.get('e') ?? '');
  else {
    const first = args.shift();
    if (first === undefined) {
      ctx.err(usageText('grep'));
      return 2;
    }
    patterns.push(first);
  }
  const flags = o.has('i') ? 'i' : '';
  let regexes: RegExp[];
  try {
    regexes = patterns.map((pat) => {
      let src = o.has('F') ? pat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : o.has('E') ? pat : breToJs(pat);
      if (o.has('w')) src = `\\b(?:${src})\\b`;
      if (o.has('x')) src = `^(?:${src})$`;
      return new RegExp(src, flags);
    });
  } catch {
    ctx.err(`grep: bad regex '${patterns[0]}'\n`);
    return 2;
  }
  const r = inputs('grep', args, ctx, p);
  const list = Array.isArray(r) ? r : r.partial;
  const many = list.length > 1 && !o.has('h');
  const max = o.has('m') ? Number(o.get('m')) : Number.POSITIVE_INFINITY;
  let any = false;
  let out = '';
  for (const input of list) {
    let count = 0;
    splitLines(input.text).forEach((line, idx) => {
      if (count >= max) return;
      const hit = regexes.some((re) => re.test(line)) !== o.has('v');
      if (!hit) return;
      count++;
      any = true;
      if (o.has('q') || o.has('c') || o.has('l')) return;
      const prefix = `${many || o.has('H') ? `${input.name === '-' ? '(standard input)' : input.name}:` : ''}${o.has('n') ? `${idx + 1}:` : ''}`;
      if (o.has('o') && !o.has('v')) {
        for (const re of regexes) {
          const g = new RegExp(re.source, `${flags}g`);
          for (const m of line.matchAll(g)) if (m[0]) out += `${prefix}${m[0]}\n`;
        }
      } else out += `${prefix}${line}\n`;
    });
    if (o.has('c')) out += `${many ? `${input.name}:` : ''}${count}\n`;
    if (o.has('l') && count > 0) out += `${input.name === '-' ? '(standard input)' : input.name}\n`;
  }
  if (!o.has('q')) ctx.out(out);
  if (!Array.isArray(r) && !o.has('s')) return 2;
  return any ? 0 : 1;
}

function lineCount(o: Map<string, string>, args: string[]): { n: number; plus: boolean; bad?: string } {
  let v = o.get('n');
  if (v === undefined) {
    const legacy = args.find((a) => /^-\d+$/.test(a));
    v = legacy ? legacy.slice(1) : '10';
  }
  const plus = v.startsWith('+');
  const digits = v.replace(/^[+-]/, '');
  if (!/^\d+$/.test(digits)) return { n: 0, plus, bad: v };
  return { n: Number(digits), plus };
}

/**
 * `-c N` (BusyBox 1.34 head.c / tail.c): a byte count with the b/k/m suffixes (512, 1024, 1048576,
 * xatoul_sfx's head_suffixes and bkm_suffixes); head takes `-N` for "all but the last N bytes", tail
 * takes `+N` for "from byte N on".
 */
function byteCount(v: string): { n: number; plus: boolean; minus: boolean; bad?: string } {
  const m = /^([+-]?)(\d+)([bkm]?)$/.exec(v);
  if (!m) return { n: 0, plus: false, minus: false, bad: v };
  const mult = m[3] === 'b' ? 512 : m[3] === 'k' ? 1024 : m[3] === 'm' ? 1024 * 1024 : 1;
  return { n: Number(m[2]) * mult, plus: m[1] === '+', minus: m[1] === '-' };
}

/** The bytes `-c` selects (UTF-8, as the file holds them). */
function sliceBytes(applet: 'head' | 'tail', text: string, n: number, plus: boolean, minus: boolean): string {
  const b = new TextEncoder().encode(text);
  let pick: Uint8Array;
  if (applet === 'head') pick = minus ? b.subarray(0, Math.max(0, b.length - n)) : b.subarray(0, n);
  else if (plus) pick = b.subarray(Math.max(0, n - 1));
  else pick = n === 0 ? b.subarray(b.length) : b.subarray(Math.max(0, b.length - n));
  return new TextDecoder().decode(pick);
}

export function headTail(argv: string[], ctx: ProcContext, p: PodProc): number {
  const applet = argv[0]?.split('/').pop() === 'tail' ? 'tail' : 'head';
  // Only argv[1] may be the legacy `-N` (head.c/tail.c); later a `-7` is an option argument (`-c -7`).
  const legacyArgs = argv.slice(1).map((a, i) => (i === 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const parsed = parseOpts(legacyArgs, 'n:c:qvfFs:');
  if (!parsed.ok) {
    ctx.err(`${applet}: ${parsed.error}\n${usageText(applet)}`);
    return 1;
  }
  const bytes = parsed.opts.has('c') ? byteCount(parsed.opts.get('c') ?? '') : undefined;
  const { n, plus, bad } = bytes ?? lineCount(parsed.opts, []);
  if (bad !== undefined) {
    ctx.err(`${applet}: invalid number '${bad}'\n`);
    return 1;
  }
  const r = inputs(applet, parsed.args, ctx, p);
  const list = Array.isArray(r) ? r : r.partial;
  const headers = (list.length > 1 && !parsed.opts.has('q')) || parsed.opts.has('v');
  list.forEach((input, i) => {
    if (headers)
      ctx.out(`${i > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    if (bytes) {
      ctx.out(sliceBytes(applet, input.text, n, plus, bytes.minus));
      return;
    }
    const lines = input.text.split('\n');
    const trailing = input.text.endsWith('\n');
    if (trailing) lines.pop();
    let pick: string[];
    if (applet === 'head') pick = lines.slice(0, n);
    else if (plus) pick = lines.slice(Math.max(0, n - 1));
    else pick = n === 0 ? [] : lines.slice(-n);
    const lastIncluded = applet === 'head' ? pick.length === lines.length : true;
    const text = pick.join('\n');
    ctx.out(pick.length === 0 ? '' : text + (lastIncluded && !trailing ? '' : '\n'));
  });
  return Array.isArray(r) ? 0 : 1;
}

export function wc(argv: string[], ctx: ProcContext, p: PodProc): number {
  const parsed = parseOpts(argv.slice(1), 'lwmcL');
  if (!parsed.ok) {
    ctx.err(`wc: ${parsed.error}\n`);
    return 1;
  }
  const o = parsed.opts;
  let kinds = ['l', 'w', 'c'].filter((k) => o.has(k) || (k === 'c' && o.has('m')));
  if (kinds.length === 0) kinds = ['l', 'w', 'c'];
  const r = inputs('wc', parsed.args, ctx, p);
  const list = Array.isArray(r) ? r : r.partial;
  const single = kinds.length === 1 && parsed.args.length <= 1;
  const totals = [0, 0, 0];
  for (const input of list) {
    const counts = [
      (input.text.match(/\n/g) ?? []).length,
      input.text.split(/\s+/).filter(Boolean).length,
      new TextEncoder().encode(input.text).length,
    ];
    counts.forEach((c, i) => {
      totals[i] = (totals[i] ?? 0) + c;
    });
    const picked = kinds.map((k) => counts[['l', 'w', 'c'].indexOf(k)] ?? 0);
    const nums = single
      ? String(picked[0])
      : picked.map((c, i) => (i === 0 ? String(c).padStart(9) : ` ${String(c).padStart(9)}`)).join('');
    ctx.out(input.name === '-' && parsed.args.length === 0 ? `${nums}\n` : `${nums} ${input.name}\n`);
  }
  if (list.length > 1) {
    const picked = kinds.map((k) => totals[['l', 'w', 'c'].indexOf(k)] ?? 0);
    ctx.out(
      `${picked.map((c, i) => (i === 0 ? String(c).padStart(9) : ` ${String(c).padStart(9)}`)).join('')} total\n`,
    );
  }
  return Array.isArray(r) ? 0 : 1;
}
