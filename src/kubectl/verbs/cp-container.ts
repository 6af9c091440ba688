// The container's side of `kubectl cp`: the exec of `test -d`, `tar -xmf - -C DIR` or
// `tar cf - PATH` in a container, on the file model the container's shell already has
// (src/sim/workloads/proc.ts: what commands wrote, per Pod, plus the files the image and the
// kubelet put there), so `kubectl exec -- cat` sees what cp wrote and cp reads what `echo > f` wrote.
// tar itself is the image's:
// - BusyBox 1.34.1 (the sleep, .NET Alpine and busybox images) [busybox archival/tar.c,
//   libarchive/unsafe_prefix.c strip_unsafe_prefix, libbb/recursive_action.c]:
//   `tar: removing leading '/' from member names` once, `tar: PATH: No such file or directory`
//   then `tar: error exit delayed from previous errors` (exit 1), and for extraction
//   `tar: can't change directory to 'DIR': STRERROR` (xchdir, exit 1).
// - GNU tar 1.34 (Debian's nginx): ./cp-gnu.ts.
// - none (distroless CoreDNS, pause, unknown images): the runtime's exec error (./exec's lookup).
// The tree is the container's (src/sim/workloads/fs.ts): the image's directories and files, what
// was written, mounts. Extraction makes each member's missing parent directories, as both tars do.
// The image's files whose text is not modelled cannot be archived: a playground notice says so.
import type { ContainerStatus, Pod } from '../../sim/api/types';
import type { Cluster } from '../../sim/contract';
import { workdir } from '../../sim/workloads/busybox/info';
import type { ExecLookup } from '../../sim/workloads/commands';
import {
  cleanPath,
  listDir,
  lstatPath,
  missingReason,
  mkdirAll,
  resolvePath,
  statPath,
} from '../../sim/workloads/fs';
import { makeProc, type PodProc, readPodFile, writePodFile } from '../../sim/workloads/proc';
import { findExecutable } from './podcommands';

export type TarKind = 'busybox' | 'gnu' | 'none';

export function tarOf(p: PodProc): TarKind {
  const t = p.info.tools;
  if (t === 'alpine' || t === 'alpine-curl') return 'busybox';
  return t === 'debian-curl' ? 'gnu' : 'none';
}

/** path.Clean of an absolute or working-directory-relative container path. */
export function containerPath(p: PodProc, path: string): string {
  return cleanPath(path, workdir(p));
}

/** Every file below directory `dir` (links not followed), depth first in name order. */
function filesUnder(p: PodProc, dir: string): string[] {
  const out: string[] = [];
  for (const n of listDir(p, dir) ?? []) {
    const path = dir === '/' ? `/${n}` : `${dir}/${n}`;
    const node = lstatPath(p, path);
    if (node?.kind === 'dir') out.push(...filesUnder(p, path));
    else if (node?.kind === 'file') out.push(path);
  }
  return out;
}

/** `test -d`: a directory, links followed. */
export function isContainerDir(p: PodProc, norm: string): boolean {
  return statPath(p, norm)?.kind === 'dir';
}

/** One file or directory of the tar stream: path relative to the extraction directory. */
export interface TarEntry {
  name: string;
  dir: boolean;
  text: string;
  /** A symbolic link's target (GNU tar archives links as links). */
  link?: string;
}

/** The playground's notice for an image file whose text (or directory whose entries) is not modelled. */
export function unmodelled(path: string): string {
  return path.endsWith('/')
    ? `tar: ${path.slice(0, -1)}: the entries of this image directory are not all modelled in this playground\n`
    : `tar: ${path}: the text of this image file is not modelled in this playground\n`;
}

/** strerror of a directory that cannot be entered: ENOTDIR for a file, else the lookup's. */
export function chdirError(p: PodProc, abs: string): string {
  const node = statPath(p, abs);
  return node && node.kind !== 'dir' ? 'Not a directory' : missingReason(p, abs);
}

export interface ExecOut {
  stdout: string;
  stderr: string;
  code: number;
}

/** BusyBox `tar -xmf - -C DIR` with the entries kubectl's makeTar wrote. */
export function tarExtract(p: PodProc, dir: string, entries: TarEntry[]): ExecOut {
  const abs = containerPath(p, dir);
  if (!isContainerDir(p, abs)) {
    const stderr = `tar: can't change directory to '${dir}': ${chdirError(p, abs)}\n`;
    return { stdout: '', stderr, code: 1 };
  }
  extractEntries(p, abs, entries);
  return { stdout: '', stderr: '', code: 0 };
}

/** Write the members below directory `abs` (which exists), making missing parents. */
export function extractEntries(p: PodProc, abs: string, entries: TarEntry[]): void {
  const base = resolvePath(p, abs, true);
  for (const e of entries) {
    const target = containerPath(p, `${base}/${e.name}`);
    if (e.dir) mkdirAll(p, target);
    else {
      mkdirAll(p, target.slice(0, target.lastIndexOf('/')) || '/');
      writePodFile(p, target, e.text);
    }
  }
}

export interface TarCreate extends ExecOut {
  /** The archive's members as they come out of the stream (names without the leading `/`). */
  entries: TarEntry[];
}

/** BusyBox `tar cf - PATH`: the members, and what tar wrote on stderr. */
export function tarCreate(p: PodProc, path: string): TarCreate {
  const abs = containerPath(p, path);
  const node = statPath(p, abs);
  if (!node) {
    const stderr = `tar: ${path}: No such file or directory\ntar: error exit delayed from previous errors\n`;
    return { stdout: '', stderr, code: 1, entries: [] };
  }
  // strip_unsafe_prefix: leading slashes leave the member names, said once.
  const lead = /^\/+/.exec(path)?.[0] ?? '';
  const stderr = lead ? `tar: removing leading '${lead}' from member names\n` : '';
  const member = path.slice(lead.length).replace(/\/+$/, '');
  const entries: TarEntry[] = [];
  const real = resolvePath(p, abs, true);
  const files = node.kind === 'dir' ? filesUnder(p, real) : [real];
  // The image's files whose text is not modelled cannot be archived here.
  const opaque = files.find((f) => readPodFile(p, f) === undefined);
  if (opaque !== undefined) return { stdout: '', stderr: unmodelled(opaque), code: 1, entries: [] };
  if (node.kind !== 'dir') entries.push({ name: member, dir: false, text: readPodFile(p, real) ?? '' });
  else {
    entries.push({ name: `${member}/`, dir: true, text: '' });
    for (const f of files)
      entries.push({
        name: `${member}/${f.slice(real.length + 1)}`,
        dir: false,
        text: readPodFile(p, f) ?? '',
      });
  }
  return { stdout: '', stderr, code: 0, entries };
}

/** The kubelet's findContainer: a running container of the Pod by name. */
export function containerRunning(pod: Pod, name: string): boolean {
  const st = pod.status as
    | {
        containerStatuses?: ContainerStatus[];
        initContainerStatuses?: ContainerStatus[];
        ephemeralContainerStatuses?: ContainerStatus[];
      }
    | undefined;
  for (const list of [st?.containerStatuses, st?.initContainerStatuses, st?.ephemeralContainerStatuses])
    for (const s of list ?? []) if (s.name === name) return s.state?.running !== undefined;
  return false;
}

/** The container's process context (undefined for a container the Pod does not have). */
export function procFor(cluster: Cluster, pod: Pod, container: string): PodProc | undefined {
  const key = `Pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  return makeProc(cluster, key, pod, {}, container);
}

/** The runtime's answer to exec'ing `command` when the image lacks it (tools `none`). */
export function missingExecutable(
  cluster: Cluster,
  pod: Pod,
  container: string,
  command: string,
): ExecLookup {
  const key = `Pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  return findExecutable(cluster, key, command, container);
}
