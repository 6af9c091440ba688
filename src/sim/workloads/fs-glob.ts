// Pathname expansion in a container's shell, as BusyBox ash's internal glob (ash.c expmeta, on by
// default: ASH_INTERNAL_GLOB; pmatch is fnmatch) and dash's expmeta do it: each `/`-separated
// component with an unquoted `*`, `?` or `[…]` is matched against readdir's names of the
// directory reached so far — a name starting with `.` only by a component that starts with one,
// and then `.` and `..` too (readdir returns them); components without one are taken as
// written, and the whole path must exist (lstat). The matches keep the pattern's own prefix
// (`./`, `../`, relative or absolute) and are sorted byte-wise (expsort: strcmp, or strcoll in
// musl's C.UTF-8, the same order). No match: the caller keeps the word as typed.
// Not modelled: bracket classes such as `[[:digit:]]`.
import { cleanPath, listDir, lstatPath, resolvePath, statPath } from './fs';
import type { PodProc } from './proc';

/** Most paths one pattern may expand to (hostile input guard). */
export const MAX_GLOB_MATCHES = 10_000;

/** A pattern component as a RegExp; undefined when it has no unquoted wildcard. */
export function componentRegExp(seg: string): RegExp | undefined {
  let re = '';
  let wild = false;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === '\\' && i + 1 < seg.length) {
      re += escapeRe(seg[++i] as string);
    } else if (c === '*') {
      re += '[^]*';
      wild = true;
    } else if (c === '?') {
      re += '[^]';
      wild = true;
    } else if (c === '[') {
      const cls = bracket(seg, i);
      if (cls) {
        re += cls.re;
        i = cls.end;
        wild = true;
      } else re += '\\[';
    } else re += escapeRe(c);
  }
  return wild ? new RegExp(`^${re}$`, 'u') : undefined;
}

/** Escaped for a `u` RegExp: outside a class (where `\-` is invalid), and inside one. */
const escapeRe = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const escapeCls = (c: string) => c.replace(/[\\\][^-]/g, '\\$&');

/** `[…]` from `seg[i]`: `!` or `^` negates, `a-z` ranges, `]` first is literal. Unclosed: none. */
function bracket(seg: string, i: number): { re: string; end: number } | undefined {
  let j = i + 1;
  let neg = false;
  if (seg[j] === '!' || seg[j] === '^') {
    neg = true;
    j++;
  }
  let body = '';
  let first = true;
  for (; j < seg.length; j++) {
    let c = seg[j] as string;
    if (c === ']' && !first) return { re: `[${neg ? '^' : ''}${body}]`, end: j };
    first = false;
    if (c === '\\' && j + 1 < seg.length) c = seg[++j] as string;
    if (seg[j + 1] === '-' && seg[j + 2] !== undefined && seg[j + 2] !== ']') {
      let hi = seg[j + 2] as string;
      j += 2;
      if (hi === '\\' && j + 1 < seg.length) hi = seg[++j] as string;
      if (hi >= c) body += `${escapeCls(c)}-${escapeCls(hi)}`;
      continue;
    }
    body += escapeCls(c);
  }
  return undefined;
}

const unquote = (seg: string) => seg.replace(/\\(.)/g, '$1');

/**
 * The paths in `p`'s file system matching `pattern` (relative ones against `cwd`), sorted; empty
 * when nothing matches or the pattern has no unquoted wildcard.
 */
export function podGlob(p: PodProc, pattern: string, cwd: string): string[] {
  const segs = pattern.split('/');
  if (!segs.some((s) => componentRegExp(s))) return [];
  const absolute = pattern.startsWith('/');
  // Each candidate: the text as it will be printed, and the directory it names in the container.
  let cands: { text: string; path: string }[] = [{ text: absolute ? '/' : '', path: absolute ? '/' : cwd }];
  const start = absolute ? 1 : 0;
  for (let k = start; k < segs.length; k++) {
    const seg = segs[k] as string;
    const last = k === segs.length - 1;
    const join = (text: string, name: string) =>
      text === '' || text.endsWith('/') ? text + name : `${text}/${name}`;
    if (seg === '') {
      // `a//b` or a trailing `/`: the slash stays; a trailing one asks for directories.
      cands = cands.filter((c) => !last || statPath(p, resolvePath(p, c.path, true))?.kind === 'dir');
      cands = cands.map((c) => ({ text: c.text.endsWith('/') ? c.text : `${c.text}/`, path: c.path }));
      continue;
    }
    const re = componentRegExp(seg);
    const next: { text: string; path: string }[] = [];
    for (const c of cands) {
      if (!re) {
        const name = unquote(seg);
        const path = cleanPath(name, c.path);
        // A literal component is only checked at the end (ash: lstat of the whole path).
        if (!last || lstatPath(p, resolvePath(p, path))) next.push({ text: join(c.text, name), path });
        continue;
      }
      const listed = listDir(p, resolvePath(p, c.path, true));
      if (!listed) continue;
      const matchdot = seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of matchdot ? ['.', '..', ...listed] : listed) {
        if (name.startsWith('.') && !matchdot) continue;
        if (!re.test(name)) continue;
        const path = cleanPath(name, c.path);
        // A component that is not the last must be a directory to go on.
        if (!last && statPath(p, resolvePath(p, path, true))?.kind !== 'dir') continue;
        next.push({ text: join(c.text, name), path });
        if (next.length > MAX_GLOB_MATCHES) break;
      }
    }
    cands = next;
    if (cands.length === 0) return [];
  }
  const out = cands.map((c) => c.text).filter((t) => t !== '');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
