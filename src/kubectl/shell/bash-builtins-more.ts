// More of the builtins of a bash in a container (Debian's nginx image): type, source / ., alias,
// unalias and shopt, and the alias expansion an interactive bash does as it reads a line. Texts as
// Debian bookworm's bash 5.2.15 prints them (checked against that bash on a pty and through pipes):
// builtins/type.def (describe_command: alias, keyword, builtin, file; `is hashed (PATH)` once
// the shell has run the program; `type: NAME: not found`), builtins/source.def (`filename
// argument required`, the file's errno text, `is a directory`), builtins/alias.def (sorted
// `alias NAME='VALUE'`, `invalid alias name`, `not found`), builtins/shopt.def (`%-15s\t%s`, -p as
// `shopt -s NAME`, `invalid shell option name`), parse.y alias expansion (the first word of a
// simple command; a value ending in a blank makes the next word one too).
import { bashPrintf } from './bash-builtins-printf';
import { invalidOption, options } from './bash-getopt';
import { logicalPath } from './cd';
import type { Shell } from './exec';
import type { ProcContext } from './types';

/** builtins/*.def's short usage lines, printed after an invalid option. */
const USAGE: Record<string, string> = {
  type: 'type: usage: type [-afptP] name [name ...]\n',
  alias: 'alias: usage: alias [-p] [name[=value] ... ]\n',
  unalias: 'unalias: usage: unalias [-a] name [name ...]\n',
  shopt: 'shopt: usage: shopt [-pqsu] [-o] [optname ...]\n',
  source: 'source: usage: source filename [arguments]\n',
  '.': '.: usage: . filename [arguments]\n',
};

/** bash 5.2's builtins (`compgen -b`). */
export const BUILTINS = new Set(
  (
    '. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare ' +
    'dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill ' +
    'let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt ' +
    'source suspend test times trap true type typeset ulimit umask unalias unset wait'
  ).split(' '),
);

/** Its reserved words (`compgen -k`). */
const KEYWORDS = new Set(
  'if then else elif fi case esac for select while until do done in function time { } ! [[ ]] coproc'.split(
    ' ',
  ),
);

/** Reserved words after which the next word is again a command's first word (parse.y). */
const COMMAND_AFTER = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);

/**
 * shopt's options and their values in an interactive bash started as `kubectl exec -it … bash`
 * starts (bash 5.2.15's defaults; /etc/bash.bashrc's `shopt -s checkwinsize` keeps that on;
 * expand_aliases is on only when interactive).
 */
const SHOPT_DEFAULTS: [string, boolean][] = (
  'autocd:0 assoc_expand_once:0 cdable_vars:0 cdspell:0 checkhash:0 checkjobs:0 checkwinsize:1 ' +
  'cmdhist:1 compat31:0 compat32:0 compat40:0 compat41:0 compat42:0 compat43:0 compat44:0 ' +
  'complete_fullquote:1 direxpand:0 dirspell:0 dotglob:0 execfail:0 expand_aliases:0 extdebug:0 ' +
  'extglob:0 extquote:1 failglob:0 force_fignore:1 globasciiranges:1 globskipdots:1 globstar:0 ' +
  'gnu_errfmt:0 histappend:0 histreedit:0 histverify:0 hostcomplete:1 huponexit:0 ' +
  'inherit_errexit:0 interactive_comments:1 lastpipe:0 lithist:0 localvar_inherit:0 ' +
  'localvar_unset:0 login_shell:0 mailwarn:0 no_empty_cmd_completion:0 nocaseglob:0 nocasematch:0 ' +
  'noexpand_translation:0 nullglob:0 patsub_replacement:1 progcomp:1 progcomp_alias:0 promptvars:1 ' +
  'restricted_shell:0 shift_verbose:0 sourcepath:1 varredir_close:0 xpg_echo:0'
)
  .split(' ')
  .map((s) => [s.slice(0, s.indexOf(':')), s.endsWith('1')]);

interface BashExtras {
  aliases: Map<string, string>;
  /**
   * Programs found on $PATH and run by this shell itself (hashcmd.c: remembered after use), in the
   * order they were hashed: [hits, path].
   */
  hashed: Map<string, [number, string]>;
  shopt: Map<string, boolean>;
}

const extras = new WeakMap<Shell, BashExtras>();

/** A program the shell ran after a $PATH search: phash_insert with a hit, a hit per later run. */
export function hashHit(shell: Shell, name: string, path = `/usr/bin/${name}`): void {
  const t = bashExtras(shell).hashed;
  const e = t.get(name);
  if (e) e[0]++;
  else t.set(name, [1, path]);
}

/** phash_search, as type and hash -t do it: the hashed path, counting a hit. */
export function hashLookup(shell: Shell, name: string): string | undefined {
  const e = bashExtras(shell).hashed.get(name);
  if (!e) return undefined;
  e[0]++;
  return e[1];
}

export function bashExtras(shell: Shell): BashExtras {
  let e = extras.get(shell);
  if (!e) {
    const shopt = new Map(SHOPT_DEFAULTS);
    if (shell.opts.interactive) shopt.set('expand_aliases', true);
    e = { aliases: new Map(), hashed: new Map(), shopt };
    extras.set(shell, e);
  }
  return e;
}

function invalid(shell: Shell, name: string, c: string, ctx: ProcContext): number {
  return invalidOption(shell, USAGE, name, c, ctx);
}

/**
 * How an interactive bash starts a nested interactive one (./pod-bash.ts registers it; kept here
 * so that this file need not import that one, which imports this).
 */
export const nestedBash = new WeakMap<Shell, (argv0: string) => number>();

const BASH_NAMES = new Set(['bash', '/bin/bash', '/usr/bin/bash']);

/** The builtins of this file; undefined: not one of them. */
export function moreBashBuiltin(shell: Shell, argv: string[], ctx: ProcContext): number | undefined {
  const name = argv[0] as string;
  // `bash` alone reading the terminal (not a pipe or a file): another interactive shell.
  const nest = nestedBash.get(shell);
  if (nest && argv.length === 1 && BASH_NAMES.has(name) && ctx.tty === true && ctx.stdin === '') {
    if (name === 'bash') hashHit(shell, name);
    return nest(name);
  }
  switch (name) {
    case 'type':
      return type(shell, argv, ctx);
    case 'alias':
      return alias(shell, argv, ctx);
    case 'unalias':
      return unalias(shell, argv, ctx);
    case 'shopt':
      return shopt(shell, argv, ctx);
    case 'printf':
      return bashPrintf(shell, argv, ctx);
    default:
      return undefined;
  }
}

/**
 * Where a program of the container is on $PATH: Debian's images keep every program the model
 * has (coreutils, curl, bash, dash) in /usr/bin, which /bin links to (merged /usr), so the default
 * PATH (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin) finds it as /usr/bin/NAME
 * and then /bin/NAME. (A PATH the student changes is not followed.)
 */
function programPaths(shell: Shell, name: string): string[] {
  if (name.includes('/')) {
    const abs = logicalPath(name, shell.state.cwd ?? '/');
    const m = /^\/(?:usr\/)?bin\/([^/]+)$/.exec(abs);
    const known =
      Object.hasOwn(shell.table, abs) || (m !== null && Object.hasOwn(shell.table, m[1] as string));
    return known ? [name] : [];
  }
  return Object.hasOwn(shell.table, name) ? [`/usr/bin/${name}`, `/bin/${name}`] : [];
}

/** type [-afptP] NAME…: what each name would run as (type.def describe_command). */
function type(shell: Shell, argv: string[], ctx: ProcContext): number {
  const o = options(argv, 'afptP');
  if ('bad' in o) return invalid(shell, 'type', o.bad, ctx);
  const all = o.opts.includes('a');
  const kind = o.opts.includes('t');
  const pathOnly = o.opts.includes('P');
  const path = o.opts.includes('p') || pathOnly;
  const { aliases, hashed } = bashExtras(shell);
  let status = 0;
  for (const name of argv.slice(o.next)) {
    let found = false;
    const say = (t: string, text: string) => {
      found = true;
      if (kind) ctx.out(`${t}\n`);
      else if (!path) ctx.out(`${text}\n`);
    };
    if (!pathOnly) {
      const a = aliases.get(name);
      if (a !== undefined) say('alias', `${name} is aliased to \`${a}'`);
      if (!(found && !all) && KEYWORDS.has(name)) say('keyword', `${name} is a shell keyword`);
      if (!(found && !all) && BUILTINS.has(name)) say('builtin', `${name} is a shell builtin`);
    }
    if (!(found && !all && !pathOnly)) {
      const paths = programPaths(shell, name);
      const first = paths[0];
      const h = !all && hashed.has(name) && !name.includes('/');
      if (h) {
        found = true;
        const at = hashLookup(shell, name) ?? first;
        if (kind) ctx.out('file\n');
        else ctx.out(path ? `${at}\n` : `${name} is hashed (${at})\n`);
      } else {
        for (const p of all ? paths : paths.slice(0, 1)) {
          found = true;
          if (kind) ctx.out('file\n');
          else ctx.out(path ? `${p}\n` : `${name} is ${p}\n`);
        }
      }
    }
    if (!found) {
      if (!kind && !path) ctx.err(`${shell.errPrefix()}type: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
}

/** sh_single_quote: the value between single quotes, each ' as '\''. */
const quote = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;

/** alias [-p] [NAME[=VALUE]…]: defines, or prints as `alias NAME='VALUE'` (all: sorted). */
function alias(shell: Shell, argv: string[], ctx: ProcContext): number {
  const o = options(argv, 'p');
  if ('bad' in o) return invalid(shell, 'alias', o.bad, ctx);
  const { aliases } = bashExtras(shell);
  const operands = argv.slice(o.next);
  if (operands.length === 0 || o.opts.includes('p')) {
    const names = [...aliases.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of names) ctx.out(`alias ${n}=${quote(aliases.get(n) as string)}\n`);
  }
  let status = 0;
  for (const a of operands) {
    const eq = a.indexOf('=');
    if (eq > 0) {
      const name = a.slice(0, eq);
      // legal_alias_name: no blanks, quotes, shell metacharacters, `/`, `$`, `` ` `` or `=`.
      if (/[\s'"\\|&;()<>/$`=]/.test(name)) {
        ctx.err(`${shell.errPrefix()}alias: \`${name}': invalid alias name\n`);
        status = 1;
      } else aliases.set(name, a.slice(eq + 1));
      continue;
    }
    const v = aliases.get(a);
    if (v === undefined) {
      ctx.err(`${shell.errPrefix()}alias: ${a}: not found\n`);
      status = 1;
    } else ctx.out(`alias ${a}=${quote(v)}\n`);
  }
  return status;
}

/** unalias [-a] NAME…: removes them (-a: all). */
function unalias(shell: Shell, argv: string[], ctx: ProcContext): number {
  const o = options(argv, 'a');
  if ('bad' in o) return invalid(shell, 'unalias', o.bad, ctx);
  const { aliases } = bashExtras(shell);
  if (o.opts.includes('a')) {
    aliases.clear();
    return 0;
  }
  const operands = argv.slice(o.next);
  if (operands.length === 0) {
    ctx.err(USAGE.unalias as string);
    return 2;
  }
  let status = 0;
  for (const n of operands) {
    if (!aliases.delete(n)) {
      ctx.err(`${shell.errPrefix()}unalias: ${n}: not found\n`);
      status = 1;
    }
  }
  return status;
}

/**
 * shopt [-pqsu] [NAME…]: lists options (`%-15s\t%s`), -p as commands, -q by status only; -s/-u
 * set and unset them. Of their effects only expand_aliases' is modelled (the others change what
 * shopt reports, not how this bash behaves). `-o` (set -o's options) is not modelled.
 */
function shopt(shell: Shell, argv: string[], ctx: ProcContext): number {
  const o = options(argv, 'pqsuo');
  if ('bad' in o) return invalid(shell, 'shopt', o.bad, ctx);
  const opts = bashExtras(shell).shopt;
  const set = o.opts.includes('s');
  const unset = o.opts.includes('u');
  const quiet = o.opts.includes('q');
  const asCommand = o.opts.includes('p');
  if (set && unset) {
    ctx.err(`${shell.errPrefix()}shopt: cannot set and unset shell options simultaneously\n`);
    return 1;
  }
  if (o.opts.includes('o')) return 0;
  const line = (n: string, on: boolean) =>
    asCommand ? `shopt ${on ? '-s' : '-u'} ${n}\n` : `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n`;
  const names = argv.slice(o.next);
  let status = 0;
  if (names.length === 0) {
    if (quiet) return 0;
    let out = '';
    for (const [n, on] of opts) if ((!set && !unset) || on === set) out += line(n, on);
    ctx.out(out);
    return 0;
  }
  for (const n of names) {
    const on = opts.get(n);
    if (on === undefined) {
      ctx.err(`${shell.errPrefix()}shopt: ${n}: invalid shell option name\n`);
      status = 1;
      continue;
    }
    if (set || unset) opts.set(n, set);
    else {
      if (!on) status = 1;
      if (!quiet) ctx.out(line(n, on));
    }
  }
  return status;
}

/** Characters that end a word (shell metacharacters and blanks). */
const BREAK = /[\s;&|()<>]/;

/**
 * An interactive bash's alias expansion of a line it has read (parse.y: a simple command's first
 * word, or one after an alias whose value ends in a blank, unquoted and naming an alias, is
 * replaced by the alias's value and read again; an alias is not expanded inside its own value).
 * Aliases defined on the line take effect from the next line, as in bash. A here-document's
 * lines are left alone.
 */
export function expandAliases(shell: Shell, text: string): string {
  const { aliases, shopt } = bashExtras(shell);
  if (aliases.size === 0 || !shopt.get('expand_aliases')) return text;
  let out = '';
  let i = 0;
  let command = true;
  let redirect = false;
  let heredoc = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\n') {
      if (heredoc) return out + text.slice(i);
      out += c;
      i++;
      command = true;
      continue;
    }
    if (c === ' ' || c === '\t') {
      out += c;
      i++;
      continue;
    }
    if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (/[;&|()]/.test(c)) {
      out += c;
      i++;
      command = c !== ')';
      continue;
    }
    if (c === '<' || c === '>') {
      const m = /^[<>]+[&|-]?/.exec(text.slice(i)) as RegExpExecArray;
      if (m[0].startsWith('<<')) heredoc = true;
      out += m[0];
      i += m[0].length;
      redirect = true;
      continue;
    }
    // A word: up to an unquoted break character.
    let j = i;
    let plain = true;
    while (j < text.length && !BREAK.test(text[j] as string)) {
      const ch = text[j] as string;
      if (ch === '\\') {
        plain = false;
        j += 2;
      } else if (ch === "'" || ch === '"' || ch === '`') {
        plain = false;
        const close = text.indexOf(ch, j + 1);
        j = close < 0 ? text.length : close + 1;
      } else {
        if (ch === '$') plain = false;
        j++;
      }
    }
    const word = text.slice(i, Math.min(j, text.length));
    i = j;
    if (redirect) {
      redirect = false;
      out += word;
      continue;
    }
    if (command && plain && aliases.has(word)) {
      const { value, blank } = aliasValue(aliases, word);
      out += value;
      command = blank;
      continue;
    }
    out += word;
    if (command && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue;
    command = command && COMMAND_AFTER.has(word);
  }
  return out;
}

/** An alias's value with its first word expanded again (not an alias already being expanded). */
function aliasValue(
  aliases: Map<string, string>,
  name: string,
  seen = new Set<string>(),
): { value: string; blank: boolean } {
  seen.add(name);
  const v = aliases.get(name) ?? '';
  const blank = /[ \t]$/.test(v);
  const m = /^(\s*)([^\s;&|()<>'"\\$`]+)(?=$|[\s;&|()<>])/.exec(v);
  const next = m?.[2];
  if (!m || next === undefined || !aliases.has(next) || seen.has(next)) return { value: v, blank };
  const inner = aliasValue(aliases, next, seen);
  const rest = v.slice(m[0].length);
  return { value: `${m[1] ?? ''}${inner.value}${rest}`, blank: rest === '' ? inner.blank : blank };
}
