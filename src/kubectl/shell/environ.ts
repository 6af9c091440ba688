// The environment a container shell hands a program, in the order the shell builds it (what `env`
// then prints). Each shell walks its variable hash table bucket by bucket:
// - bash 5.2 (variables.c maybe_make_export_env, flatten; hashlib.c): 1024 buckets by FNV-1 of the
//   name, each bucket newest first (hash_search inserts at the head). A command's own assignments
//   come first, from their own 4-bucket table (TEMPENV_HASH_BUCKETS), then the exported variables
//   not among them; `_` (the program's path, put_command_name_into_env) replaces an exported `_`
//   where it stands or goes last.
// - dash 0.5.12 and BusyBox ash (var.c / ash.c hashvar): 39 buckets by the first byte × 16 plus
//   the name's bytes; a new variable goes at its bucket's end, after the shell's own initial ones
//   (varinit: dash appends them, ash puts each at its bucket's head). A command's assignments are
//   set in the child like any variable.
// Creation order is the order of the shell's variables object (the environment it started with,
// then what it set), as JavaScript keeps it. Checked against bookworm's bash 5.2.15 and dash
// 0.5.12 on generated environments (`env -i NAME=v … bash -c 'env; :'`, `dash -c 'env; :'`, and
// with prefix assignments): 200 each, no difference. ash's from BusyBox 1.34.1's ash.c.
import type { Shell } from './exec';

/** bash's hash_string: FNV-1, 32 bits, over the name's (signed) chars. */
export function bashHash(name: string): number {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(name)) {
    h = Math.imul(h, 16777619) >>> 0;
    h = (h ^ (b >= 128 ? b | 0xffffff00 : b)) >>> 0;
  }
  return h;
}

/** ash's and dash's hashvar bucket. */
function ashBucket(name: string): number {
  const bytes = new TextEncoder().encode(name);
  let h = (bytes[0] ?? 0) << 4;
  for (const b of bytes) h += b;
  return h % 39;
}

/** dash 0.5.12's varinit (Debian's build), appended in this order before the environment. */
const DASH_VARINIT = ['IFS', 'MAIL', 'MAILPATH', 'PATH', 'PS1', 'PS2', 'PS4', 'OPTIND', 'LINENO'];
/** BusyBox 1.34.1 ash's varinit (Alpine's options), each put at its bucket's head. */
const ASH_VARINIT = [
  'IFS',
  'MAIL',
  'MAILPATH',
  'PATH',
  'PS1',
  'PS2',
  'PS4',
  'OPTIND',
  'LINENO',
  'RANDOM',
  'EPOCHSECONDS',
  'EPOCHREALTIME',
  'LC_ALL',
  'LC_CTYPE',
  'HISTFILE',
];

function sortBy(names: string[], key: (n: string, i: number) => [number, number]): string[] {
  const keyed = names.map((n, i) => ({ n, k: key(n, i) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1]);
  return keyed.map((e) => e.n);
}

/**
 * The environment `shell` passes a program: its exported variables and the command's own
 * assignments, in the shell's order; bash adds `_` (`program`: the path it runs, if any).
 */
export function orderedEnviron(
  shell: Shell,
  exported: Set<string>,
  assigns: Record<string, string>,
  program?: string,
): Record<string, string> {
  const vars = shell.state.vars;
  const names = Object.keys(vars).filter((k) => exported.has(k));
  const env: Record<string, string> = {};
  if (shell.opts.container) {
    const temp = Object.keys(assigns);
    for (const n of sortBy(temp, (n, i) => [bashHash(n) & 3, -i])) env[n] = assigns[n] as string;
    const rest = names.filter((n) => !Object.hasOwn(assigns, n));
    for (const n of sortBy(rest, (n, i) => [bashHash(n) & 1023, -i])) env[n] = vars[n] as string;
    if (program !== undefined) env._ = program;
    return env;
  }
  const all = [...names, ...Object.keys(assigns).filter((n) => !names.includes(n))];
  const dash = shell.opts.flavor === 'dash';
  const init = dash ? DASH_VARINIT : ASH_VARINIT;
  // Rank: the initial variables first (dash in their order, ash newest first), then creation order.
  const rank = (n: string, i: number) => {
    const k = init.indexOf(n);
    if (k < 0) return i;
    return dash ? k - init.length : -k - 1;
  };
  for (const n of sortBy(all, (n, i) => [ashBucket(n), rank(n, i)]))
    env[n] = Object.hasOwn(assigns, n) ? (assigns[n] as string) : (vars[n] as string);
  return env;
}

/** bash's sh_double_quote (`"` `$` `` ` `` `\` escaped), or $'…' (ansic_quote) for control characters. */
function bashQuote(v: string): string {
  const control = [...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (!control) return `"${v.replace(/["$`\\]/g, '\\$&')}"`;
  const esc: Record<string, string> = {
    '\x07': '\\a',
    '\b': '\\b',
    '\x1b': '\\E',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
    '\\': '\\\\',
    "'": "\\'",
  };
  let out = '';
  for (const c of v) {
    const code = c.charCodeAt(0);
    out += esc[c] ?? (code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : c);
  }
  return `$'${out}'`;
}

/**
 * `export` / `export -p`: every exported variable sorted by name (C locale): bash `declare -x
 * NAME="VALUE"` (OLDPWD, exported from the start, without a value until cd sets it), dash and ash
 * `export NAME='VALUE'` (an embedded ' as '"'"'). Checked against bookworm's bash 5.2.15 and dash.
 */
export function exportList(shell: Shell, exported: Set<string>): string {
  const vars = shell.state.vars;
  const names = [...exported].filter((n) => n !== '_' || !shell.opts.container);
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = '';
  for (const n of names) {
    const v = Object.hasOwn(vars, n) ? vars[n] : undefined;
    if (shell.opts.container)
      out += v === undefined ? `declare -x ${n}\n` : `declare -x ${n}=${bashQuote(v)}\n`;
    else if (v !== undefined) out += `export ${n}='${v.replace(/'/g, `'"'"'`)}'\n`;
    else if (n !== 'OLDPWD') out += `export ${n}\n`;
  }
  return out;
}
