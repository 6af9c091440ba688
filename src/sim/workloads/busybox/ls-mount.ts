// BusyBox 1.34.1 ls of a configMap, secret, projected or downwardAPI volume's mount (volumes.ts):
// the atomic writer's layout [K8S 1.34 pkg/volume/util/atomic_writer.go] — the timestamped
// directory, `..data -> <it>`, and `<name> -> ..data/<name>` per top-level path — as ls prints it
// (coreutils/ls.c display_single: `%-10s %4lu %-8.8s %-8.8s %9u `, ctime's `mmm dd hh:mm`, then
// `name -> target`; `total` is (1 + the entries' 512-byte blocks) / 2; names in byte order; -a
// adds `.` and `..` and the dot names, -A the dot names).
//
// The file systems: a configMap volume is a disk emptyDir under the kubelet's directory (ext4:
// directories 4096 bytes, 8 blocks), mode 0777; secret, projected and downwardAPI volumes are
// tmpfs (medium Memory; the mount keeps tmpfs's sticky 1777, which setupDir's Perm() check leaves
// as it is): a directory's size is 40 plus 20 per entry, no blocks. Symlinks are short (no
// blocks); a file takes a 4 KiB block per 4 KiB begun. `..` is the container's own directory
// (overlayfs, 4096 bytes; nlink 1 for a directory of the image, else runc made it for the mount).
// Times: the timestamped directory, `..data` and `.` are from the last write, the per-name links
// from the first; `..` from the container's start.
import type { ProcContext } from '../../../kubectl/shell/types';
import { imageLayout } from '../image-fs';
import type { PodProc } from '../proc';
import { containerStartedAt } from '../proc';
import {
  isDataVolume,
  mountAt,
  setUpAt,
  timestampDir,
  type VolFile,
  volumeFiles,
  writtenAt,
} from '../volumes';

interface Entry {
  name: string;
  mode: string;
  nlink: number;
  size: number;
  blocks: number;
  time: number;
  target?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime's `mmm dd hh:mm` (UTC, the containers' zone), or `mmm dd  yyyy` when 6 months old. */
export function lsTime(t: number, now: number): string {
  const d = new Date(t);
  const md = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}`;
  const age = (now - t) / 1000;
  if (age < (3600 * 24 * 365) / 2 && age > -15 * 60)
    return `${md} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${md}  ${d.getUTCFullYear()}`;
}

/** bb_mode_string of a regular file's permission bits. */
export function fileMode(mode: number): string {
  const rwx = (b: number) => `${b & 4 ? 'r' : '-'}${b & 2 ? 'w' : '-'}${b & 1 ? 'x' : '-'}`;
  return `-${rwx((mode >> 6) & 7)}${rwx((mode >> 3) & 7)}${rwx(mode & 7)}`;
}

const blocksOf = (size: number) => Math.ceil(size / 4096) * 8;

function line(e: Entry, now: number): string {
  const head = `${e.mode.padEnd(10)} ${String(e.nlink).padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${String(e.size).padStart(9)} `;
  return `${head}${lsTime(e.time, now)} ${e.name}${e.target !== undefined ? ` -> ${e.target}` : ''}\n`;
}

/**
 * `ls` of a path in a data volume's mount: true when handled (output written, `code` set by the
 * caller from the return), false when no such mount is there.
 */
export function lsMount(
  p: PodProc,
  ctx: ProcContext,
  shown: string,
  norm: string,
  flags: string,
  columns: (names: string[]) => string,
): { code: number } | undefined {
  const m = mountAt(p.pod, p.container, norm);
  if (!m || !isDataVolume(m.vol) || m.subPath) return undefined;
  const now = p.cluster.now();
  const started = containerStartedAt(p.pod, p.container) ?? now;
  const at = setUpAt(p, '', now, started);
  const files = volumeFiles(p, m.vol, at);
  const written = writtenAt(p, m.vol, at, started);
  const first = writtenAt(p, m.vol, started, started);
  const ts = timestampDir(p, m.vol.name, written);
  const tmpfs = !m.vol.configMap;
  const dirSize = (n: number) => (tmpfs ? 40 + 20 * n : 4096);
  const dirBlocks = tmpfs ? 0 : 8;
  const long = flags.includes('l');
  const all = flags.includes('a');
  const almost = flags.includes('A') || all;

  const children = (dir: string) => {
    const names = new Set<string>();
    for (const path of files.keys())
      if (path.startsWith(dir)) names.add(path.slice(dir.length).split('/')[0] as string);
    return [...names];
  };
  const dirEntry = (name: string, path: string, time: number): Entry => {
    const kids = children(path);
    const subdirs = kids.filter((k) => !files.has(path + k)).length;
    return {
      name,
      mode: 'drwxr-xr-x',
      nlink: 2 + subdirs,
      size: dirSize(kids.length),
      blocks: dirBlocks,
      time,
    };
  };
  const fileEntry = (name: string, f: VolFile): Entry => ({
    name,
    mode: fileMode(f.mode),
    nlink: 1,
    size: f.size,
    blocks: blocksOf(f.size),
    time: written,
  });
  const link = (name: string, target: string, time: number): Entry => ({
    name,
    mode: 'lrwxrwxrwx',
    nlink: 1,
    size: target.length,
    blocks: 0,
    time,
  });
  const withTarget = (e: Entry, target: string): Entry => ({ ...e, target });

  let rel = m.rel;
  let entries: Entry[];
  let self: Entry;
  let parent: Entry;
  const top = children('');
  const root: Entry = {
    name: '.',
    mode: tmpfs ? 'drwxrwxrwt' : 'drwxrwxrwx',
    nlink: 3,
    size: dirSize(top.length + 2),
    blocks: dirBlocks,
    time: written,
  };
  if (rel === '') {
    self = root;
    // The container's directory the mount is in (see the header).
    const up = m.mountPath.slice(0, m.mountPath.lastIndexOf('/')) || '/';
    const imageDir = imageLayout(p.info).get(up)?.kind === 'dir';
    parent = {
      name: '..',
      mode: 'drwxr-xr-x',
      nlink: imageDir ? 1 : 3,
      size: 4096,
      blocks: 8,
      time: started,
    };
    entries = [
      dirEntry(ts, '', written),
      withTarget(link('..data', ts, written), ts),
      ...top.map((n) => withTarget(link(n, `..data/${n}`, first), `..data/${n}`)),
    ];
  } else {
    const head = rel.split('/')[0] as string;
    if (head === '..data' || head === ts) {
      if (head === '..data' && rel === '..data' && !shown.endsWith('/') && long) {
        ctx.out(line(withTarget(link(shown, ts, written), ts), now));
        return { code: 0 };
      }
      rel = rel.slice(head.length + 1);
    } else if (!rel.includes('/') && top.includes(rel)) {
      // A per-name symlink: -l shows the link itself, a plain ls its name (or the directory's
      // contents when it links to a directory and the path ends in /).
      if (long) {
        ctx.out(line(withTarget(link(shown, `..data/${rel}`, first), `..data/${rel}`), now));
        return { code: 0 };
      }
    }
    const f = files.get(rel);
    if (f) {
      ctx.out(long ? line(fileEntry(shown, f), now) : `${shown}\n`);
      return { code: 0 };
    }
    const dir = rel === '' ? '' : `${rel}/`;
    const kids = children(dir);
    if (rel !== '' && kids.length === 0) {
      ctx.err(`ls: ${shown}: No such file or directory\n`);
      return { code: 1 };
    }
    self = dirEntry('.', dir, written);
    const up = rel.includes('/') ? `${rel.slice(0, rel.lastIndexOf('/'))}/` : undefined;
    parent = up === undefined ? { ...root, name: '..' } : dirEntry('..', up, written);
    entries = kids.map((k) => {
      const sub = files.get(dir + k);
      return sub ? fileEntry(k, sub) : dirEntry(k, `${dir + k}/`, written);
    });
  }
  let list = entries.filter((e) => almost || !e.name.startsWith('.'));
  if (all) list = [self, parent, ...list];
  list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!long) {
    const names = list.map((e) => e.name);
    if (names.length) ctx.out(columns(names));
    return { code: 0 };
  }
  const total = (1 + list.reduce((s, e) => s + e.blocks, 0)) >> 1;
  ctx.out(`total ${total}\n${list.map((e) => line(e, now)).join('')}`);
  return { code: 0 };
}

/** The option letters of an ls command line (`-la`, `-l -a`). */
export const lsFlags = (argv: readonly string[]) =>
  argv
    .slice(1)
    .filter((a) => a.startsWith('-') && a !== '-')
    .map((a) => a.slice(1))
    .join('');
