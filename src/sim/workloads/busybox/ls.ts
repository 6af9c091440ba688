// ls over the container's file system (../fs.ts): BusyBox 1.34+ in the Alpine and busybox images
// (coreutils/ls.c), GNU coreutils 9.1 in Debian's nginx (src/ls.c); a data volume's mount has its
// own listing (./ls-mount.ts). What both print the same way: names in byte order (no locale in
// these images), one a line into a pipe, `.`/`..` and dot names with -a, dot names with -A;
// arguments that are not directories first, then each directory, headed `NAME:` when there are
// several arguments or -R, a blank line before each header but a first one with nothing before it;
// -R descends into each listed directory's subdirectories (not links) depth first, naming them
// PARENT/NAME; -d lists a directory as itself; -F marks `/` directories, `@` links, `*` executables;
// -l: mode, links, owner, group, size, time, name (`-> target` for a link), a directory's listing
// headed `total` (1 KiB blocks: ext4 4 KiB per block begun, 4 KiB a directory). With -l, -d or
// -F a link named on the command line is shown, not followed.
// Where they differ: a missing name is `ls: NAME: No such file or directory` and exit 1 in
// BusyBox (bb_simple_perror_msg), `ls: cannot access 'NAME': No such file or directory` and exit 2
// in GNU (LS_FAILURE for a command-line argument); -l's columns are BusyBox's fixed
// `%-10s %4lu %-8.8s %-8.8s %9u ` and GNU's widest-entry widths, one space apart.
// Not established, so -l refuses with a notice: times of the image's own entries that no source
// gives (most directories, the kubelet's /etc files), and directories whose entries are not all
// modelled (../image-fs.ts). A listing of an image directory with none of its entries modelled
// (/bin, /usr/lib, /app) adds a notice on stderr instead of looking empty (exit status 0).
import type { ProcContext } from '../../../kubectl/shell/types';
import { cleanPath, type FsNode, listDir, lstatPath, missingReason, resolvePath } from '../fs';
import type { PodProc } from '../proc';
import { permString } from './chmod-mode';
import { workdir } from './info';
import { lsFlags, lsMount, lsTime } from './ls-mount';
import { columns } from './system';

interface Shown {
  /** The name as printed (the argument as typed, or the entry's name). */
  name: string;
  /** The absolute path, links in the directories before it followed. */
  path: string;
  node: FsNode;
}

const NOT_MODELLED = (name: string) =>
  `ls: ${name}: the times or entries of the image's own files are not modelled in this playground (-l)\n`;

function modeString(n: FsNode): string {
  if (n.kind === 'link') return 'lrwxrwxrwx';
  // bb_mode_string and GNU's filemodestring alike: s/S for set-id, t/T for the sticky bit.
  return (n.kind === 'dir' ? 'd' : '-') + permString(n.mode);
}

const blocks = (n: FsNode) => (n.kind === 'dir' ? 8 : n.kind === 'link' ? 0 : Math.ceil(n.size / 4096) * 8);

/** -l's rows: established only when every entry's time (and a directory's links) is known. */
function longRows(list: Shown[], gnu: boolean, now: number): string | undefined {
  if (list.some((e) => e.node.mtime === undefined || (e.node.kind === 'dir' && e.node.nlink === 0)))
    return undefined;
  const cells = list.map((e) => ({
    mode: modeString(e.node),
    nlink: String(e.node.nlink),
    size: String(e.node.size),
    time: lsTime(e.node.mtime as number, now),
    name: e.node.kind === 'link' ? `${e.name} -> ${e.node.target}` : e.name,
  }));
  if (!gnu)
    return cells
      .map(
        (c) =>
          `${c.mode.padEnd(10)} ${c.nlink.padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${c.size.padStart(9)} ${c.time} ${c.name}\n`,
      )
      .join('');
  const wl = Math.max(...cells.map((c) => c.nlink.length));
  const ws = Math.max(...cells.map((c) => c.size.length));
  return cells
    .map((c) => `${c.mode} ${c.nlink.padStart(wl)} root root ${c.size.padStart(ws)} ${c.time} ${c.name}\n`)
    .join('');
}

function classify(e: Shown): string {
  if (e.node.kind === 'dir') return `${e.name}/`;
  if (e.node.kind === 'link') return `${e.name}@`;
  return e.node.mode & 0o111 ? `${e.name}*` : e.name;
}

export function ls(argv: string[], ctx: ProcContext, p: PodProc): number {
  const gnu = p.info.tools === 'debian-curl';
  const flags = lsFlags(argv);
  const long = flags.includes('l');
  const all = flags.includes('a');
  const almost = all || flags.includes('A');
  const recursive = flags.includes('R');
  const asSelf = flags.includes('d');
  const mark = flags.includes('F');
  const args = argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  const cwd = workdir(p, ctx);
  const targets = args.length ? args : ['.'];
  const now = p.cluster.now();
  const print = (names: string[]) => (ctx.tty && !long ? columns(names) : `${names.join('\n')}\n`);
  let code = 0;
  const fail = (text: string, c: number) => {
    ctx.err(text);
    code = Math.max(code, c);
  };

  // A data volume's mount lists through ls-mount (its atomic writer's layout); one such argument
  // on its own keeps that listing.
  if (targets.length === 1 && !recursive && !asSelf) {
    const t = targets[0] as string;
    const norm = resolvePath(p, cleanPath(t, cwd));
    const mounted = lsMount(p, ctx, t, norm, flags, (names) =>
      ctx.tty ? columns(names) : `${names.join('\n')}\n`,
    );
    if (mounted) return mounted.code;
  }

  const files: Shown[] = [];
  const dirs: Shown[] = [];
  for (const t of targets) {
    const lexical = cleanPath(t, cwd);
    const path = resolvePath(p, lexical, !(long || asSelf || mark));
    let node = lstatPath(p, path);
    // A trailing slash follows a link to a directory.
    if (node?.kind === 'link' && t.endsWith('/')) {
      const real = resolvePath(p, lexical, true);
      const target = lstatPath(p, real);
      if (target) node = target;
    }
    if (!node) {
      const why = missingReason(p, lexical);
      fail(gnu ? `ls: cannot access '${t}': ${why}\n` : `ls: ${t}: ${why}\n`, gnu ? 2 : 1);
      continue;
    }
    const real = node.kind === 'dir' ? resolvePath(p, lexical, true) : path;
    (node.kind === 'dir' && !asSelf ? dirs : files).push({ name: t, path: real, node });
  }
  const byName = (a: Shown, b: Shown) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const names = (list: Shown[]) => list.map((e) => (mark ? classify(e) : e.name));

  let out = '';
  if (files.length) {
    files.sort(byName);
    if (long) {
      const rows = longRows(files, gnu, now);
      if (rows === undefined) {
        for (const f of files) fail(NOT_MODELLED(f.name), 1);
      } else out += rows;
    } else out += print(names(files));
  }
  let first = files.length === 0;
  const headed = targets.length > 1 || recursive;
  const showDir = (d: Shown) => {
    if (headed) {
      if (!first) out += '\n';
      out += `${d.name}:\n`;
    }
    first = false;
    // A data volume's mount inside a longer listing: its own layout (ls-mount.ts).
    if (!recursive) {
      if (out) ctx.out(out);
      out = '';
      const mounted = lsMount(p, ctx, d.name, d.path, flags, print);
      if (mounted) {
        code = Math.max(code, mounted.code);
        return;
      }
    }
    const entries: Shown[] = [];
    const under = d.path === '/' ? '/' : `${d.path}/`;
    if (all) {
      const up = d.path === '/' ? '/' : d.path.slice(0, d.path.lastIndexOf('/')) || '/';
      entries.push({ name: '.', path: d.path, node: d.node });
      const upNode = lstatPath(p, up);
      if (upNode) entries.push({ name: '..', path: up, node: upNode });
    }
    for (const n of listDir(p, d.path) ?? []) {
      if (n.startsWith('.') && !almost) continue;
      const node = lstatPath(p, under + n);
      if (node) entries.push({ name: n, path: under + n, node });
    }
    entries.sort(byName);
    if (long) {
      const rows = d.node.complete ? longRows(entries, gnu, now) : undefined;
      if (rows === undefined) {
        ctx.out(out);
        out = '';
        fail(NOT_MODELLED(d.name), 1);
      } else {
        const total = entries.reduce((s, e) => s + blocks(e.node), 0);
        out += `total ${gnu ? total / 2 : (total + 1) >> 1}\n${rows}`;
      }
    } else if (entries.length) out += print(names(entries));
    else if (!d.node.complete) {
      // An image directory none of whose entries is modelled (/bin's applets, /app's
      // assemblies): say so rather than answer as if it were empty.
      if (out) ctx.out(out);
      out = '';
      ctx.err(`ls: ${d.name}: the image's own files here are not modelled in this playground\n`);
    }
    if (recursive) {
      const join = (n: string) => (d.name.endsWith('/') ? `${d.name}${n}` : `${d.name}/${n}`);
      for (const e of entries)
        if (e.node.kind === 'dir' && e.name !== '.' && e.name !== '..')
          showDir({ name: join(e.name), path: e.path, node: e.node });
    }
  };
  for (const d of dirs.sort(byName)) showDir(d);
  if (out) ctx.out(out);
  return code;
}
