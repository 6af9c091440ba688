// Tab inside `kubectl exec -it POD -- sh`: the container's shell completes against the container's
// files, not the student's. BusyBox ash's line editor (libbb/lineedit.c, 1.34,
// complete_cmd_dir_file): a word is a path, relative to the shell's directory; a dot file only for a
// word whose last component starts with `.`; a directory is completed with a trailing `/`; `cd`
// takes directories only (FIND_DIR_ONLY). One match is inserted,
// several are listed (the terminal does that part). Debian's dash (the nginx image) is built without
// line editing: Tab completes nothing there.
// Debian's bash (nginx, `-- bash`) completes with readline's defaults (the image's /etc/bash.bashrc
// leaves bash-completion commented out, so no programmable completions): dot files for an empty
// word too (match-hidden-files; `.` and `..` only for a word starting with a dot), `cd` any file,
// and a path as the first word only executables and directories (bashline.c
// command_word_completion_function: executable_or_directory). Checked on bash 5.2.15 on a pty.
import type { Pod } from '../sim/api/types';
import type { Cluster } from '../sim/contract';
import { cleanPath, listDir, resolvePath, statPath } from '../sim/workloads/fs';
import type { PodProc } from '../sim/workloads/proc';
import { makeProc } from '../sim/workloads/proc';
import { commonPrefix, currentWord } from './complete';
import type { Completion } from './session';
import type { Shell } from './shell/index';
import { activeBash } from './shell/pod-bash';

/** Which entries a word completes to: all, directories (ash's cd), executables and directories. */
type Only = 'all' | 'dirs' | 'programs';

/** The entries of directory `dir` (as typed, `dirPart` ends with `/` or is empty) that start with `base`. */
function matches(
  p: PodProc,
  cwd: string,
  dirPart: string,
  base: string,
  only: Only = 'all',
  hidden = false,
): string[] {
  const dir = resolvePath(p, cleanPath(dirPart === '' ? '.' : dirPart, cwd), true);
  const names = listDir(p, dir);
  if (!names) return [];
  // readdir also returns . and .., which only a word starting with a dot matches.
  const all = base.startsWith('.') ? ['.', '..', ...names] : names;
  const out: string[] = [];
  for (const n of all) {
    if (!n.startsWith(base) || (base === '' && n.startsWith('.') && !hidden)) continue;
    const node = statPath(p, dir === '/' ? `/${n}` : `${dir}/${n}`);
    const isDir = node?.kind === 'dir';
    if (only === 'dirs' && !isDir) continue;
    if (only === 'programs' && !isDir && ((node?.mode ?? 0) & 0o111) === 0) continue;
    out.push(`${dirPart}${n}${isDir ? '/' : ''}`);
  }
  return out;
}

export function completeInPod(
  cluster: Cluster,
  podKey: string,
  shell: Shell,
  line: string,
  cursor: number,
): Completion {
  const { word, start, words } = currentWord(line, cursor);
  const none = { start, end: cursor, candidates: [], common: '' };
  if (shell.opts.flavor === 'dash') return none;
  const [, namespace = '', name = ''] = podKey.split('/');
  const pod = cluster.get('Pod', namespace, name);
  const p = pod ? makeProc(cluster, podKey, pod as Pod, {}) : undefined;
  if (!p) return none;
  const bash = shell.opts.container !== undefined;
  const cwd = (bash ? activeBash(shell) : shell).state.cwd ?? '/';
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  // A command name is looked up in the $PATH directories, whose entries (the applets' links in /bin)
  // the image models do not hold: no candidates rather than a made-up list. A path (`./run.sh`,
  // `/bin/ca`) completes as a path.
  if (words.length === 0 && slash < 0) return none;
  const only: Only = bash
    ? words.length === 0
      ? 'programs'
      : 'all'
    : words[0] === 'cd' && words.length === 1
      ? 'dirs'
      : 'all';
  let candidates = matches(p, cwd, dirPart, base, only, bash);
  candidates = [...new Set(candidates)].sort();
  return { start, end: cursor, candidates, common: commonPrefix(candidates) };
}
