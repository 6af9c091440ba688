// mkdir, rm and touch over the container's file system (../fs.ts), as BusyBox 1.34+ words them
// (coreutils/mkdir.c + libbb/make_directory.c, coreutils/rm.c + libbb/remove_file.c,
// coreutils/touch.c) in the Alpine and busybox images, and as GNU coreutils 9.1 does in Debian's
// nginx (C locale: names in ASCII single quotes). Exit 1 on any failure in both.
import type { ProcContext } from '../../../kubectl/shell/types';
import { cleanPath, lstatPath, missingReason, mkdirAll, recordEntry, resolvePath, statPath } from '../fs';
import { type PodProc, readPodFile, writePodFile } from '../proc';
import { workdir } from './info';
import { usageText } from './usage';

const isGnu = (p: PodProc) => p.info.tools === 'debian-curl';
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';

function split(argv: string[]): { flags: string; operands: string[] } {
  const operands: string[] = [];
  let flags = '';
  let options = true;
  for (const a of argv.slice(1)) {
    if (options && a === '--') options = false;
    else if (options && a.startsWith('-') && a !== '-') flags += a.slice(1);
    else operands.push(a);
  }
  return { flags, operands };
}

/** mkdir [-p] DIR...: bb_make_directory's `can't create directory 'DIR': <errno>`. */
export function mkdir(argv: string[], ctx: ProcContext, p: PodProc): number {
  const gnu = isGnu(p);
  const { flags, operands } = split(argv);
  if (operands.length === 0) {
    if (gnu) ctx.err("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    else ctx.err(usageText('mkdir'));
    return 1;
  }
  const parents = flags.includes('p');
  let code = 0;
  const fail = (dir: string, why: string) => {
    ctx.err(
      gnu
        ? `mkdir: cannot create directory '${dir}': ${why}\n`
        : `mkdir: can't create directory '${dir}': ${why}\n`,
    );
    code = 1;
  };
  for (const d of operands) {
    const path = resolvePath(p, cleanPath(d, workdir(p, ctx)));
    const node = statPath(p, path);
    if (node) {
      if (!parents || node.kind !== 'dir') fail(d, 'File exists');
      continue;
    }
    const parent = statPath(p, parentOf(path));
    if (!parents && parent?.kind !== 'dir') fail(d, parent ? 'Not a directory' : missingReason(p, path));
    else if (parents) {
      // -p: each missing component; a file in the way stops it.
      const parts = path.split('/').filter(Boolean);
      let blocked = false;
      for (let i = 1; i < parts.length && !blocked; i++) {
        const at = `/${parts.slice(0, i).join('/')}`;
        const n = statPath(p, at);
        if (n && n.kind !== 'dir') blocked = true;
      }
      if (blocked) fail(d, 'Not a directory');
      else mkdirAll(p, path);
    } else recordEntry(p, path, undefined, true);
  }
  return code;
}

/** rm [-f] [-r] FILE...: remove_file's messages; a directory needs -r. */
export function rm(argv: string[], ctx: ProcContext, p: PodProc): number {
  const gnu = isGnu(p);
  const { flags, operands } = split(argv);
  const force = flags.includes('f');
  const recursive = flags.includes('r') || flags.includes('R');
  if (operands.length === 0 && !force) {
    ctx.err(gnu ? "rm: missing operand\nTry 'rm --help' for more information.\n" : 'rm: missing operand\n');
    return 1;
  }
  let code = 0;
  for (const f of operands) {
    const path = resolvePath(p, cleanPath(f, workdir(p, ctx)));
    const node = lstatPath(p, path);
    if (!node) {
      // remove_file: lstat's ENOENT is quiet under -f, any other errno is `can't stat`; GNU's
      // -f ignores ENOTDIR too (ignorable_missing).
      const why = missingReason(p, path);
      const enoent = why === 'No such file or directory';
      if (force && (enoent || gnu)) continue;
      ctx.err(
        gnu
          ? `rm: cannot remove '${f}': ${why}\n`
          : `rm: can't ${enoent ? 'remove' : 'stat'} '${f}': ${why}\n`,
      );
      code = 1;
      continue;
    }
    if (node.kind === 'dir' && !recursive) {
      ctx.err(gnu ? `rm: cannot remove '${f}': Is a directory\n` : `rm: '${f}' is a directory\n`);
      code = 1;
      continue;
    }
    recordEntry(p, path, undefined);
  }
  return code;
}

/** touch FILE...: creates each missing file empty, sets a file's time to now. */
export function touch(argv: string[], ctx: ProcContext, p: PodProc): number {
  const gnu = isGnu(p);
  const { operands } = split(argv);
  if (operands.length === 0) {
    ctx.err(
      gnu
        ? "touch: missing file operand\nTry 'touch --help' for more information.\n"
        : 'touch: missing operand\n',
    );
    return 1;
  }
  let code = 0;
  for (const f of operands) {
    const path = resolvePath(p, cleanPath(f, workdir(p, ctx)), true);
    const node = lstatPath(p, path);
    if (node?.kind === 'dir') continue;
    const parent = statPath(p, parentOf(path));
    if (!node && parent?.kind !== 'dir') {
      const why = parent ? 'Not a directory' : missingReason(p, path);
      ctx.err(gnu ? `touch: cannot touch '${f}': ${why}\n` : `touch: ${f}: ${why}\n`);
      code = 1;
      continue;
    }
    const text = readPodFile(p, path);
    // A file whose text is not modelled keeps it (and its unknown time).
    if (node && text === undefined) continue;
    writePodFile(p, path, text ?? '');
  }
  return code;
}
