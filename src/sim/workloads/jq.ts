// A minimal jq 1.6 (Alpine 3.15's package, installed in the sleep image): path filters `.`,
// `.a.b`, `.[N]`, `.[]`, `.a[]`; -r raw strings, -c compact. Pretty output uses two spaces.
import type { ProcContext } from '../../kubectl/shell/types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function pretty(v: Json, compact: boolean, indent = ''): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const next = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (compact) return `[${v.map((x) => pretty(x, true)).join(',')}]`;
    return `[\n${v.map((x) => next + pretty(x, false, next)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  if (compact) return `{${keys.map((k) => `${JSON.stringify(k)}:${pretty(v[k] ?? null, true)}`).join(',')}}`;
  return `{\n${keys.map((k) => `${next}${JSON.stringify(k)}: ${pretty(v[k] ?? null, false, next)}`).join(',\n')}\n${indent}}`;
}

type Step = { key: string } | { index: number } | { each: true };

function parseFilter(f: string): Step[] | undefined {
  if (f === '.') return [];
  const steps: Step[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_]*)|\.?\[(-?\d+)?\]/gy;
  let pos = 0;
  while (pos < f.length) {
    re.lastIndex = pos;
    const m = re.exec(f);
    if (!m) return undefined;
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else steps.push({ each: true });
    pos = re.lastIndex;
  }
  return f.startsWith('.') ? steps : undefined;
}

function typeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function apply(v: Json, steps: Step[]): Json[] {
  let cur: Json[] = [v];
  for (const s of steps) {
    const out: Json[] = [];
    for (const x of cur) {
      if ('key' in s) {
        if (x === null) out.push(null);
        else if (typeof x === 'object' && !Array.isArray(x)) out.push(x[s.key] ?? null);
        else throw new Error(`Cannot index ${typeName(x)} with "${s.key}"`);
      } else if ('index' in s) {
        if (x === null) out.push(null);
        else if (Array.isArray(x)) out.push(x[s.index < 0 ? x.length + s.index : s.index] ?? null);
        else throw new Error(`Cannot index ${typeName(x)} with number`);
      } else if (Array.isArray(x)) out.push(...x);
      else if (x !== null && typeof x === 'object') out.push(...Object.values(x));
      else
        throw new Error(`Cannot iterate over ${typeName(x)}${x === null ? '' : ` (${JSON.stringify(x)})`}`);
    }
    cur = out;
  }
  return cur;
}

/** Split stdin into whitespace-separated JSON texts, as jq reads a stream. */
function parseStream(text: string): Json[] {
  const values: Json[] = [];
  let rest = text.trim();
  if (!rest) return values;
  try {
    return [JSON.parse(rest) as Json];
  } catch {
    // several values in a row (`curl …; curl …`): peel them off one by one below
  }
  if (rest.length > 20_000) throw new Error('parse error: Invalid numeric literal at line 1, column 1');
  while (rest) {
    let end = rest.length;
    for (; end > 0; end--) {
      try {
        values.push(JSON.parse(rest.slice(0, end)) as Json);
        break;
      } catch {
        // keep shrinking until a prefix parses
      }
    }
    if (end === 0) throw new Error('parse error: Invalid numeric literal at line 1, column 1');
    rest = rest.slice(end).trim();
  }
  return values;
}

export function jq(argv: string[], ctx: ProcContext): number {
  const args = argv.slice(1);
  let raw = false;
  let compact = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const a = args.shift() ?? '';
    if (a === '-r' || a === '--raw-output') raw = true;
    else if (a === '-c' || a === '--compact-output') compact = true;
    else if (a === '-M' || a === '--monochrome-output') continue;
    else {
      ctx.err(
        `jq: Unknown option: ${a}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`,
      );
      return 2;
    }
  }
  const filter = args[0] ?? '.';
  const steps = parseFilter(filter.trim());
  if (!steps) {
    ctx.err(
      `jq: error: syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`,
    );
    return 3;
  }
  let inputs: Json[];
  try {
    inputs = parseStream(ctx.stdin);
  } catch (e) {
    ctx.err(`${(e as Error).message}\n`);
    return 2;
  }
  for (const v of inputs) {
    try {
      for (const r of apply(v, steps)) ctx.out(`${raw && typeof r === 'string' ? r : pretty(r, compact)}\n`);
    } catch (e) {
      ctx.err(`jq: error (at <stdin>:${ctx.stdin.split('\n').length - 1}): ${(e as Error).message}\n`);
      return 5;
    }
  }
  return 0;
}
