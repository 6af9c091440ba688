// Text filters the book pipes kubectl and nslookup output into: echo, grep, head, tail, wc, sort.
// Messages and exit codes follow GNU coreutils / grep 3.x, which a student's Linux or macOS
// (with GNU tools) terminal prints.
import type { CommandTable, ProcContext } from '../shell/types';
import { resolvePath } from '../vfs';
import type { HostEnv } from './env';
import { posixToJs } from './regex';

type Source = { name: string; text: string };

/** Read the named files (or stdin when none / `-`); reports missing ones like coreutils. */
function inputs(
  cmd: string,
  paths: string[],
  env: HostEnv,
  ctx: ProcContext,
  missing: (p: string) => string,
): { sources: Source[]; failed: boolean } {
  if (paths.length === 0) return { sources: [{ name: '(standard input)', text: ctx.stdin }], failed: false };
  const sources: Source[] = [];
  let failed = false;
  for (const p of paths) {
    if (p === '-') {
      sources.push({ name: '(standard input)', text: ctx.stdin });
      continue;
    }
    const abs = resolvePath(env.cwd(), p);
    const st = env.fs.stat(abs);
    if (!st) {
      ctx.err(`${missing(p)}\n`);
      failed = true;
    } else if (st.type === 'dir') {
      ctx.err(`${cmd}: ${p}: Is a directory\n`);
      failed = true;
    } else sources.push({ name: p, text: st.content ?? '' });
  }
  return { sources, failed };
}

function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (text.endsWith('\n')) ls.pop();
  return ls;
}

const withNl = (ls: string[]) => ls.map((l) => `${l}\n`).join('');

function echo(argv: string[], ctx: ProcContext): number {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) {
      if (f === 'n') newline = false;
      if (f === 'e') escapes = true;
      if (f === 'E') escapes = false;
    }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    text = text.replace(/\\([nt\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
  }
  ctx.out(newline ? `${text}\n` : text);
  return 0;
}

function grep(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const opts = { v: false, i: false, E: false, F: false, c: false, n: false, q: false, o: false, w: false };
    const patterns: string[] = [];
    const rest: string[] = [];
    let i = 1;
    for (; i < argv.length; i++) {
      const a = argv[i] as string;
      if (a === '--') {
        rest.push(...argv.slice(i + 1));
        break;
      }
      if (a === '-e') {
        const p = argv[++i];
        if (p === undefined) {
          ctx.err(
            "grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
          );
          return 2;
        }
        patterns.push(p);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (const f of a.slice(1)) {
          if (!(f in opts)) {
            ctx.err(
              `grep: invalid option -- '${f}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
            );
            return 2;
          }
          opts[f as keyof typeof opts] = true;
        }
        continue;
      }
      rest.push(a);
    }
    if (patterns.length === 0) {
      const p = rest.shift();
      if (p === undefined) {
        ctx.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        return 2;
      }
      patterns.push(...p.split('\n'));
    }
    const sources: string[] = [];
    for (const p of patterns) {
      if (opts.F) sources.push(p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
      else {
        const r = posixToJs(p, opts.E);
        if ('error' in r) {
          ctx.err(`${r.error}\n`);
          return 2;
        }
        sources.push(r.source);
      }
    }
    let src = sources.map((s) => `(?:${s})`).join('|');
    if (opts.w) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    const re = new RegExp(src, opts.i ? 'i' : '');
    const reG = new RegExp(src, opts.i ? 'gi' : 'g');
    const { sources: ins, failed } = inputs(
      'grep',
      rest,
      env,
      ctx,
      (p) => `grep: ${p}: No such file or directory`,
    );
    const prefix = ins.length > 1;
    let matched = false;
    for (const s of ins) {
      let count = 0;
      lines(s.text).forEach((line, idx) => {
        const hit = re.test(line) !== opts.v;
        if (!hit) return;
        count++;
        matched = true;
        if (opts.q || opts.c) return;
        const pre = `${prefix ? `${s.name}:` : ''}${opts.n ? `${idx + 1}:` : ''}`;
        if (opts.o && !opts.v) {
          for (const m of line.matchAll(reG)) if (m[0] !== '') ctx.out(`${pre}${m[0]}\n`);
        } else ctx.out(`${pre}${line}\n`);
      });
      if (opts.c && !opts.q) ctx.out(`${prefix ? `${s.name}:` : ''}${count}\n`);
    }
    if (opts.q && matched) return 0;
    if (failed) return 2;
    return matched ? 0 : 1;
  };
}

/** `-n N`, `-nN`, `-N`, `--lines=N`; tail also takes `+N` (from line N). */
function countArg(
  cmd: string,
  argv: string[],
  ctx: ProcContext,
): { n: number; from: boolean; files: string[] } | undefined {
  let n = 10;
  let from = false;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    let v: string | undefined;
    if (a === '-n') v = argv[++i];
    else if (a.startsWith('--lines=')) v = a.slice(8);
    else if (/^-n.+/.test(a)) v = a.slice(2);
    else if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (a.startsWith('-') && a !== '-') {
      ctx.err(`${cmd}: invalid option -- '${a.slice(1, 2)}'\nTry '${cmd} --help' for more information.\n`);
      return undefined;
    } else {
      files.push(a);
      continue;
    }
    if (v === undefined) {
      ctx.err(`${cmd}: option requires an argument -- 'n'\nTry '${cmd} --help' for more information.\n`);
      return undefined;
    }
    if (cmd === 'tail' && v.startsWith('+')) {
      from = true;
      v = v.slice(1);
    }
    if (!/^-?\d+$/.test(v)) {
      ctx.err(`${cmd}: invalid number of lines: '${v}'\n`);
      return undefined;
    }
    n = Number.parseInt(v, 10);
  }
  return { n, from, files };
}

function headTail(cmd: 'head' | 'tail', env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const a = countArg(cmd, argv, ctx);
    if (!a) return 1;
    const { sources, failed } = inputs(cmd, a.files, env, ctx, (p) =>
      cmd === 'head'
        ? `head: cannot open '${p}' for reading: No such file or directory`
        : `tail: cannot open '${p}' for reading: No such file or directory`,
    );
    sources.forEach((s, k) => {
      if (sources.length > 1) ctx.out(`${k > 0 ? '\n' : ''}==> ${s.name} <==\n`);
      const ls = lines(s.text);
      const trailing = s.text.endsWith('\n') || s.text === '';
      let pick: string[];
      if (cmd === 'head') pick = a.n >= 0 ? ls.slice(0, a.n) : ls.slice(0, Math.max(0, ls.length + a.n));
      else if (a.from) pick = ls.slice(Math.max(0, a.n - 1));
      else pick = a.n === 0 ? [] : ls.slice(-Math.abs(a.n));
      const includesLast =
        pick.length > 0 &&
        pick[pick.length - 1] === ls[ls.length - 1] &&
        (cmd === 'tail' || pick.length === ls.length);
      ctx.out(includesLast && !trailing ? `${pick.join('\n')}` : withNl(pick));
    });
    return failed ? 1 : 0;
  };
}

/**
 * Clustered short options (`-lw`) from `allowed`, and the operands; `-` alone is an operand
 * (standard input). On the first unknown letter, GNU's "invalid option" message and undefined.
 */
function shortFlags(
  cmd: string,
  argv: string[],
  allowed: string,
  ctx: ProcContext,
): { flags: Set<string>; files: string[] } | undefined {
  const flags = new Set<string>();
  const files: string[] = [];
  for (const a of argv.slice(1)) {
    if (a.startsWith('-') && a !== '-') {
      for (const f of a.slice(1)) {
        if (!allowed.includes(f)) {
          ctx.err(`${cmd}: invalid option -- '${f}'\nTry '${cmd} --help' for more information.\n`);
          return undefined;
        }
        flags.add(f);
      }
    } else files.push(a);
  }
  return { flags, files };
}

function wc(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const parsed = shortFlags('wc', argv, 'lwcm', ctx);
    if (!parsed) return 1;
    const { flags, files } = parsed;
    // -m (characters) is printed in the -c column: this wc keeps one count for both.
    if (flags.delete('m')) flags.add('c');
    const show = flags.size === 0 ? ['l', 'w', 'c'] : ['l', 'w', 'c'].filter((f) => flags.has(f));
    const { sources, failed } = inputs('wc', files, env, ctx, (p) => `wc: ${p}: No such file or directory`);
    const counts = sources.map((s) => ({
      name: files.length ? s.name : '',
      l: (s.text.match(/\n/g) ?? []).length,
      w: s.text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(s.text).length,
    }));
    if (counts.length > 1) {
      counts.push({
        name: 'total',
        l: counts.reduce((x, c) => x + c.l, 0),
        w: counts.reduce((x, c) => x + c.w, 0),
        c: counts.reduce((x, c) => x + c.c, 0),
      });
    }
    // GNU wc: one number alone is unpadded; several are padded to the width of the total byte
    // count for files, and to 7 for standard input.
    const width =
      show.length === 1 && counts.length === 1
        ? 1
        : files.length === 0
          ? 7
          : String(counts[counts.length - 1]?.c ?? 0).length;
    for (const c of counts) {
      const cells = show.map((f) => String(c[f as 'l' | 'w' | 'c']).padStart(width));
      ctx.out(`${cells.join(' ')}${c.name ? ` ${c.name}` : ''}\n`);
    }
    return failed ? 1 : 0;
  };
}

function sort(env: HostEnv) {
  return (argv: string[], ctx: ProcContext): number => {
    const parsed = shortFlags('sort', argv, 'rnuf', ctx);
    if (!parsed) return 2;
    const { flags, files } = parsed;
    const { sources, failed } = inputs(
      'sort',
      files,
      env,
      ctx,
      (p) => `sort: cannot read: ${p}: No such file or directory`,
    );
    if (failed) return 2;
    let all = sources.flatMap((s) => lines(s.text));
    const key = (s: string) => (flags.has('f') ? s.toUpperCase() : s);
    all.sort((a, b) => {
      if (flags.has('n')) {
        const d = (Number.parseFloat(a) || 0) - (Number.parseFloat(b) || 0);
        if (d !== 0) return d;
      }
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    if (flags.has('r')) all.reverse();
    if (flags.has('u')) all = all.filter((l, i) => i === 0 || key(l) !== key(all[i - 1] as string));
    ctx.out(withNl(all));
    return 0;
  };
}

export function textCommands(env: HostEnv): CommandTable {
  return {
    echo,
    grep: grep(env),
    head: headTail('head', env),
    tail: headTail('tail', env),
    wc: wc(env),
    sort: sort(env),
  };
}
