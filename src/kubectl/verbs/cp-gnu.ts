// GNU tar 1.34 (the Debian nginx image) under `kubectl cp`, on the container's file model
// (src/sim/workloads/fs.ts); its texts and their sources: src/sim/workloads/gnu-tar.ts.
// - `tar cf - PATH` [tar src/create.c dump_file0, dump_dir]: the member name is
//   safer_name_suffix's (the prefix announced once, before anything is looked at, so a missing
//   path says it too); a missing PATH is `Cannot stat` (an ERROR: the archive is still written,
//   empty, and tar ends with `Exiting with failure status…`, exit 2); a directory is archived
//   with a trailing `/`, then its entries (directories, files, and symbolic links as links: no
//   -h). tar 1.34 reads a directory unsorted (--sort=none, the file system's readdir order,
//   which is not established for overlayfs): here the entries come in byte order.
// - `tar -xmf - -C DIR`: chdir_do's openat of DIR failing is open_fatal: `DIR: Cannot open:
//   ENOENT/ENOTDIR`, then `Error is not recoverable: exiting now`, exit 2.
import { listDir, lstatPath, missingReason, resolvePath } from '../../sim/workloads/fs';
import {
  cannot,
  EXITING_WITH_FAILURE,
  GNU_TAR_FAILURE,
  NOT_RECOVERABLE,
  removingLeading,
  saferNameSuffix,
} from '../../sim/workloads/gnu-tar';
import { type PodProc, readPodFile } from '../../sim/workloads/proc';
import {
  chdirError,
  containerPath,
  type ExecOut,
  extractEntries,
  isContainerDir,
  type TarCreate,
  type TarEntry,
  unmodelled,
} from './cp-container';

/** GNU `tar -xmf - -C DIR`: DIR must open as a directory (fatal, exit 2), then the members. */
export function gnuTarExtract(p: PodProc, dir: string, entries: TarEntry[]): ExecOut {
  const abs = containerPath(p, dir);
  if (!isContainerDir(p, abs)) {
    const stderr = cannot('open', dir, chdirError(p, abs)) + NOT_RECOVERABLE;
    return { stdout: '', stderr, code: GNU_TAR_FAILURE };
  }
  extractEntries(p, abs, entries);
  return { stdout: '', stderr: '', code: 0 };
}

/** GNU `tar cf - PATH`: the members and what tar wrote on stderr. */
export function gnuTarCreate(p: PodProc, path: string): TarCreate {
  const { prefix, member } = saferNameSuffix(path);
  let stderr = prefix ? removingLeading(prefix) : '';
  const abs = containerPath(p, path);
  // fstatat without AT_SYMLINK_FOLLOW: links before the last component are followed.
  const real = resolvePath(p, abs);
  const node = lstatPath(p, real);
  if (!node) {
    stderr += cannot('stat', path, missingReason(p, abs)) + EXITING_WITH_FAILURE;
    return { stdout: '', stderr, code: GNU_TAR_FAILURE, entries: [] };
  }
  const entries: TarEntry[] = [];
  const opaque: string[] = [];
  const add = (at: string, name: string) => {
    const n = lstatPath(p, at);
    if (!n) return;
    if (n.kind === 'link') entries.push({ name, dir: false, text: '', link: n.target ?? '' });
    else if (n.kind === 'file') {
      const text = readPodFile(p, at);
      if (text === undefined) opaque.push(at);
      entries.push({ name, dir: false, text: text ?? '' });
    } else {
      // ensure_slash, then the directory's entries below it.
      const dirName = name.endsWith('/') ? name : `${name}/`;
      entries.push({ name: dirName, dir: true, text: '' });
      if (!n.complete) opaque.push(`${at}/`);
      for (const child of listDir(p, at) ?? [])
        add(at === '/' ? `/${child}` : `${at}/${child}`, dirName + child);
    }
  };
  add(real, member);
  // The image's files whose text (or directories whose entries) are not modelled cannot be archived.
  if (opaque.length)
    return { stdout: '', stderr: stderr + unmodelled(opaque[0] as string), code: 1, entries: [] };
  return { stdout: '', stderr, code: 0, entries };
}
