// bash 5.2.15's help and hash builtins for the Pod bash (builtins/help.def, builtins/hash.def,
// hashcmd.c), checked against bookworm's bash on the host:
// - `help`: the version line, the preamble and every builtin's synopsis in two columns of half
//   the screen (COLUMNS, else 80; at most 128, dispcolumn's `>` where one is cut); `help PATTERN`:
//   exact or glob matches, else prefix matches, each `NAME: SYNOPSIS` and its text indented by 4;
//   -d `NAME - DESCRIPTION`, -s the synopsis; none: `no help topics match`.
// - `hash`: the programs this shell ran or hashed (`hits\tcommand`, `%4d\t%s` in the order of
//   its 256-bucket table, newest first in a bucket), `hash: hash table empty`, -r, -d, -t, -l, -p.
import { BUILTINS, bashExtras, hashLookup } from './bash-builtins-more';
import { invalidOption, options } from './bash-getopt';
import { HELP_ENTRIES, HELP_LONG } from './bash-help-data';
import { bashHash } from './environ';
import type { Shell } from './exec';
import type { ProcContext } from './types';

const USAGE: Record<string, string> = {
  help: 'help: usage: help [-dms] [pattern ...]\n',
  hash: 'hash: usage: hash [-lr] [-p pathname] [-dt] [name ...]\n',
};

const PREAMBLE =
  "These shell commands are defined internally.  Type `help' to see this list.\n" +
  "Type `help name' to find out more about the function `name'.\n" +
  "Use `info bash' to find out more about the shell in general.\n" +
  "Use `man -k' or `info' to find out more about commands not in this list.\n\n" +
  'A star (*) next to a name means that the command is disabled.\n\n';

/**
 * bash's MACHTYPE in Debian's build for the node's architecture (config.guess: x86_64-pc-linux-gnu
 * on amd64, checked on bookworm; aarch64-unknown-linux-gnu on arm64).
 */
function machtype(ctx: ProcContext): string {
  const node = ctx.cluster.list('Node')[0] as
    | { status?: { nodeInfo?: { architecture?: string } } }
    | undefined;
  return node?.status?.nodeInfo?.architecture === 'arm64'
    ? 'aarch64-unknown-linux-gnu'
    : 'x86_64-pc-linux-gnu';
}

/** show_builtin_command_help: the entries in two columns (dispcolumn, one-byte locale). */
export function helpColumns(width0: number): string {
  let width = Math.trunc(width0 / 2);
  if (width > 128) width = 128;
  if (width <= 3) width = 40;
  const n = HELP_ENTRIES.length;
  const height = Math.trunc((n + 1) / 2);
  // strncpy(buf + 1, doc, room); buf[cut] = '>'; buf[cut + 1] = '\0': a doc that fills the room is cut.
  const cell = (doc: string, cut: number) => {
    const s = ` ${doc}`;
    return s.length > cut ? `${s.slice(0, cut)}>` : s;
  };
  let out = '';
  for (let i = 0; i < height; i++) {
    const first = cell((HELP_ENTRIES[i] as [string, string, string])[1], width - 2);
    out += first;
    if (i << 1 >= n || i + height >= n) {
      out += '\n';
      continue;
    }
    out += ' '.repeat(Math.max(0, width - first.length));
    out += `${cell((HELP_ENTRIES[i + height] as [string, string, string])[1], width - 3)}\n`;
  }
  return out;
}

/** strmatch with the pattern characters help's names can meet: * ? […]. */
function globMatch(pattern: string, name: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`, 's').test(name);
  } catch {
    return false;
  }
}

export function helpBuiltin(shell: Shell, argv: string[], ctx: ProcContext): number {
  const o = options(argv, 'dms');
  if ('bad' in o) return invalidOption(shell, USAGE, 'help', o.bad, ctx);
  const patterns = argv.slice(o.next);
  if (patterns.length === 0) {
    const cols = Number.parseInt(shell.state.vars.COLUMNS ?? '', 10);
    ctx.out(
      `GNU bash, version 5.2.15(1)-release (${machtype(ctx)})\n${PREAMBLE}${helpColumns(cols > 0 ? cols : 80)}`,
    );
    return 0;
  }
  let out = '';
  if (/[*?[]/.test(patterns[0] as string))
    out += `Shell commands matching keyword${patterns.length > 1 ? 's' : ''} \`${patterns.join(', ')}'\n\n`;
  let found = 0;
  let pattern = '';
  const missing: string[] = [];
  for (pattern of patterns) {
    for (let pass = 1; pass < 3; pass++) {
      let here = false;
      for (const [name, synopsis, desc] of HELP_ENTRIES) {
        const m = pass === 1 ? pattern === name || globMatch(pattern, name) : name.startsWith(pattern);
        if (!m) continue;
        here = true;
        found++;
        if (o.opts.includes('d')) out += `${name} - ${desc}\n`;
        else if (o.opts.includes('m')) missing.push(name);
        else {
          out += `${name}: ${synopsis}\n`;
          if (!o.opts.includes('s')) {
            const long = HELP_LONG[name];
            if (long === undefined) missing.push(name);
            else
              out += long
                .split('\n')
                .slice(0, -1)
                .map((l) => `    ${l}\n`)
                .join('');
          }
        }
      }
      if (pass === 1 && here) break;
    }
  }
  ctx.out(out);
  if (found === 0) {
    ctx.err(
      `${shell.errPrefix()}help: no help topics match \`${pattern}'.  Try \`help help' or \`man -k ${pattern}' or \`info ${pattern}'.\n`,
    );
    return 1;
  }
  for (const name of missing)
    ctx.err(`${shell.errPrefix()}help: ${name}: this help text is not included in this playground\n`);
  return 0;
}

function table(shell: Shell): Map<string, [number, string]> {
  return bashExtras(shell).hashed;
}

function walk(t: Map<string, [number, string]>): [string, [number, string]][] {
  const items = [...t.entries()].map((e, i) => ({ e, b: bashHash(e[0]) & 255, i }));
  items.sort((a, b) => a.b - b.b || b.i - a.i);
  return items.map((x) => x.e);
}

export function hashBuiltin(shell: Shell, argv: string[], ctx: ProcContext): number {
  const t = table(shell);
  let k = 1;
  const flags = new Set<string>();
  let pathname: string | undefined;
  for (; k < argv.length; k++) {
    const a = argv[k] as string;
    if (a === '--') {
      k++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (c === 'p') {
        pathname = a.length > j + 1 ? a.slice(j + 1) : argv[++k];
        if (pathname === undefined) {
          ctx.err(`${shell.errPrefix()}hash: -p: option requires an argument\n${USAGE.hash}`);
          return 2;
        }
        break;
      }
      if (!'dlrt'.includes(c)) return invalidOption(shell, USAGE, 'hash', c, ctx);
      flags.add(c);
    }
  }
  const names = argv.slice(k);
  if (names.length === 0 && (flags.has('d') || flags.has('t'))) {
    ctx.err(`${shell.errPrefix()}hash: ${flags.has('d') ? '-d' : '-t'}: option requires an argument\n`);
    return 1;
  }
  const portable = flags.has('l');
  if (names.length === 0 && !flags.has('r')) {
    if (t.size === 0) {
      if (!portable) ctx.out('hash: hash table empty\n');
      return 0;
    }
    const rows = walk(t);
    ctx.out(
      portable
        ? rows.map(([n, [, p]]) => `builtin hash -p ${p} ${n}\n`).join('')
        : `hits\tcommand\n${rows.map(([, [h, p]]) => `${String(h).padStart(4)}\t${p}\n`).join('')}`,
    );
    return 0;
  }
  const notFound = (n: string) => ctx.err(`${shell.errPrefix()}hash: ${n}: not found\n`);
  if (flags.has('r')) {
    t.clear();
  }
  if (flags.has('t')) {
    let ok = true;
    let out = '';
    for (const n of names) {
      const p = hashLookup(shell, n);
      if (p === undefined) {
        ok = false;
        notFound(n);
        continue;
      }
      out += portable ? `builtin hash -p ${p} ${n}\n` : names.length > 1 ? `${n}\t${p}\n` : `${p}\n`;
    }
    ctx.out(out);
    return ok ? 0 : 1;
  }
  let code = 0;
  for (const n of names) {
    if (n.includes('/')) continue;
    if (pathname !== undefined) {
      t.delete(n);
      t.set(n, [0, pathname]);
    } else if (flags.has('d')) {
      if (!t.delete(n)) {
        notFound(n);
        code = 1;
      }
    } else if (!BUILTINS.has(n)) {
      t.delete(n);
      bashExtras(shell).hashed.delete(n);
      if (Object.hasOwn(shell.table, n)) {
        t.set(n, [0, `/usr/bin/${n}`]);
      } else {
        notFound(n);
        code = 1;
      }
    }
  }
  return code;
}
