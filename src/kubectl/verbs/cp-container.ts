// The container's side of `kubectl cp`: the exec of `test -d`, `tar -xmf - -C DIR` or
// `tar cf - PATH` in a container, on the file model the container's shell already has
// (src/sim/workloads/proc.ts: what commands wrote, per Pod, plus the files the image and the
// kubelet put there), so `kubectl exec -- cat` sees what cp wrote and cp reads what `echo > f` wrote.
// tar itself is the image's:
// - BusyBox 1.34.1 (the sleep, .NET Alpine and busybox images) [busybox archival/tar.c,
//   libarchive/unsafe_prefix.c strip_unsafe_prefix, libbb/recursive_action.c]:
//   `tar: removing leading '/' from member names` once, `tar: PATH: No such file or directory`
//   then `tar: error exit delayed from previous errors` (exit 1), and for extraction
//   `tar: can't change directory to 'DIR': No such file or directory` (xchdir, exit 1).
// - GNU tar (Debian's nginx): its messages differ between releases (the quoting of
//   ``Removing leading `/'``) and were not established for bookworm's tar: not simulated.
// - none (distroless CoreDNS, pause, unknown images): the runtime's exec error (./exec's lookup).
// Known gaps: directories the image has below its top level (/usr/share/…, /etc/nginx) are not
// in the model, so they do not exist here; a copied directory's files exist, but `ls` lists
// only files directly inside a top-level directory.
import type { ContainerStatus, Pod } from '../../sim/api/types';
import type { Cluster } from '../../sim/contract';
import { workdir } from '../../sim/workloads/busybox/info';
import type { ExecLookup } from '../../sim/workloads/commands';
import {
  makeProc,
  type PodProc,
  ROOT_DIRS,
  readPodFile,
  writePodFile,
  writtenPaths,
} from '../../sim/workloads/proc';
import { mountsUnder } from '../../sim/workloads/volumes';
import { findExecutable } from './podcommands';

export type TarKind = 'busybox' | 'gnu' | 'none';

export function tarOf(p: PodProc): TarKind {
  const t = p.info.tools;
  if (t === 'alpine' || t === 'alpine-curl') return 'busybox';
  return t === 'debian-curl' ? 'gnu' : 'none';
}

/** path.Clean of an absolute or working-directory-relative container path. */
export function containerPath(p: PodProc, path: string): string {
  const abs = path.startsWith('/') ? path : `${workdir(p)}/${path}`;
  const out: string[] = [];
  for (const s of abs.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

/** Files the model knows in the container: written ones and the image's/kubelet's few. */
function knownFiles(p: PodProc): string[] {
  const files = new Set(writtenPaths(p));
  for (const f of [
    '/etc/resolv.conf',
    '/etc/hosts',
    '/etc/hostname',
    '/etc/os-release',
    '/etc/alpine-release',
  ])
    if (readPodFile(p, f) !== undefined) files.add(f);
  return [...files].sort();
}

/** `test -d`: the root, its top-level directories, the working directory, a file's parents. */
export function isContainerDir(p: PodProc, norm: string): boolean {
  if (norm === '/' || norm === workdir(p)) return true;
  const parts = norm.split('/').filter(Boolean);
  if (parts.length === 1 && ROOT_DIRS.includes(parts[0] as string)) return true;
  const prefix = `${norm}/`;
  if (knownFiles(p).some((f) => f.startsWith(prefix))) return true;
  const parent = norm.slice(0, norm.lastIndexOf('/')) || '/';
  return mountsUnder(p.container, parent).includes(norm.slice(parent.length + (parent === '/' ? 0 : 1)));
}

/** One file or directory of the tar stream: path relative to the extraction directory. */
export interface TarEntry {
  name: string;
  dir: boolean;
  text: string;
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
    return {
      stdout: '',
      stderr: `tar: can't change directory to '${dir}': No such file or directory\n`,
      code: 1,
    };
  }
  for (const e of entries) if (!e.dir) writePodFile(p, containerPath(p, `${abs}/${e.name}`), e.text);
  return { stdout: '', stderr: '', code: 0 };
}

export interface TarCreate extends ExecOut {
  /** The archive's members as they come out of the stream (names without the leading `/`). */
  entries: TarEntry[];
}

/** BusyBox `tar cf - PATH`: the members, and what tar wrote on stderr. */
export function tarCreate(p: PodProc, path: string): TarCreate {
  const abs = containerPath(p, path);
  const text = readPodFile(p, abs);
  const under = knownFiles(p).filter((f) => f.startsWith(`${abs === '/' ? '' : abs}/`));
  if (text === undefined && under.length === 0 && !isContainerDir(p, abs)) {
    const stderr = `tar: ${path}: No such file or directory\ntar: error exit delayed from previous errors\n`;
    return { stdout: '', stderr, code: 1, entries: [] };
  }
  // strip_unsafe_prefix: leading slashes leave the member names, said once.
  const lead = /^\/+/.exec(path)?.[0] ?? '';
  const stderr = lead ? `tar: removing leading '${lead}' from member names\n` : '';
  const member = path.slice(lead.length).replace(/\/+$/, '');
  const entries: TarEntry[] = [];
  if (text !== undefined) entries.push({ name: member, dir: false, text });
  else {
    entries.push({ name: `${member}/`, dir: true, text: '' });
    for (const f of under)
      entries.push({
        name: `${member}/${f.slice(abs.length + 1)}`,
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
