// One container's file system as every command sees it (ls, cat, find, mkdir, rm, touch, a shell's
// `>`, wget -O, kubectl cp's tar): the image's tree (./image-fs.ts) under what the container
// wrote (overlayfs's upper layer: state.ts keeps each path's writes, removals and mkdirs in time
// order, so a command running ahead of the shared clock is seen from its own instant on), the
// volumes runc mounted (./volumes.ts), and the three files the kubelet bind-mounts into /etc.
// A removed directory takes what was below it with it (the image's entries too).
import type { Container, ContainerStatus, Pod } from '../api/types';
import { DIR_SIZE, type ImageEntry, imageLayout, type Layout } from './image-fs';
import { parseTime } from './pods';
import type { PodProc } from './proc';
import { type FileEntry, procState } from './state';
import { isDataVolume, mountAt, mountedFile } from './volumes';

/** The kubelet's bind mounts in /etc (hosts.ts, the cluster's resolv.conf, the Pod's hostname). */
export const KUBELET_FILES = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];

/** conf.d/default.conf: 10-listen-on-ipv6-by-default.sh rewrites it at the container's start. */
const NGINX_DEFAULT_PATH = '/etc/nginx/conf.d/default.conf';

export interface FsNode {
  kind: 'file' | 'dir' | 'link';
  /** A file's text; undefined when the image's file is not modelled (or for a directory). */
  text?: string;
  size: number;
  mode: number;
  /** Modification time (ms), undefined when it is not established. */
  mtime?: number;
  nlink: number;
  target?: string;
  /** A directory whose entries are all modelled (ls -l can total and count it). `nlink` 0: unknown. */
  complete: boolean;
}

export function containerStartedAt(pod: Pod, container: Container): number | undefined {
  const cs =
    pod.status?.containerStatuses?.find((s) => s.name === container.name) ??
    (
      pod.status as { ephemeralContainerStatuses?: ContainerStatus[] } | undefined
    )?.ephemeralContainerStatuses?.find((s) => s.name === container.name);
  return (
    parseTime(cs?.state?.running?.startedAt) ??
    parseTime(pod.status?.startTime) ??
    parseTime(pod.metadata.creationTimestamp)
  );
}

/** path.Clean of an absolute path, or of one relative to `cwd`. */
export function cleanPath(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const s of abs.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const under = (dir: string) => (dir === '/' ? '/' : `${dir}/`);

const layoutOf = (p: PodProc): Layout => imageLayout(p.info);

/**
 * The entries recorded for `path` at or before the process's now, oldest first: this container's
 * own (each container has its own writable layer) since this instance of it started (a restarted
 * container gets a new one: what the last instance wrote is gone), but for a volume's paths.
 */
function history(p: PodProc, path: string): FileEntry[] {
  const h = procState(p.cluster, p.pod.metadata.uid).files.get(path);
  if (!h) return [];
  const now = p.cluster.now();
  // A volume's files (emptyDir and the like) outlive the container and are the Pod's.
  if (mountPaths(p.container).some((m) => m !== '/' && (path === m || path.startsWith(`${m}/`))))
    return h.filter((e) => e.at <= now);
  const started = containerStartedAt(p.pod, p.container) ?? Number.NEGATIVE_INFINITY;
  const name = p.container.name;
  return h.filter((e) => e.at <= now && e.at >= started && (e.container ?? name) === name);
}

/** The last write, mkdir or removal of `path` at or before now (a chmod is none of them). */
export function entryAt(p: PodProc, path: string): FileEntry | undefined {
  const h = history(p, path);
  for (let i = h.length - 1; i >= 0; i--) if ((h[i] as FileEntry).mode === undefined) return h[i];
  return undefined;
}

/**
 * The permission bits a chmod gave `path` and that still hold: a write keeps a file's mode
 * (open(2) with O_TRUNC leaves it), a removal or a new directory there (or a removed ancestor)
 * ends it. Undefined: the mode it was made with.
 */
function chmodded(p: PodProc, path: string): number | undefined {
  const h = history(p, path);
  for (let i = h.length - 1; i >= 0; i--) {
    const e = h[i] as FileEntry;
    if (e.mode !== undefined) return ancestorRemovedAfter(p, path, e) ? undefined : e.mode;
    if (isRemoval(e) || e.dir) return undefined;
  }
  return undefined;
}

/** chmod(2) of `path` (links already followed) at now: its contents and times stay. */
export function recordMode(p: PodProc, path: string, mode: number): void {
  const state = procState(p.cluster, p.pod.metadata.uid);
  const h = state.files.get(path) ?? [];
  const at = p.cluster.now();
  let i = h.length;
  while (i > 0 && (h[i - 1] as FileEntry).at > at) i--;
  const seq = state.fileSeq ?? 0;
  state.fileSeq = seq + 1;
  h.splice(i, 0, { at, text: undefined, seq, container: p.container.name, mode: mode & 0o7777 });
  state.files.set(path, h);
}

/** Record a write (`text`), a mkdir (`dir`) or a removal (neither) of `path` at now. */
export function recordEntry(p: PodProc, path: string, text: string | undefined, dir = false): void {
  const state = procState(p.cluster, p.pod.metadata.uid);
  const files = state.files;
  const h = files.get(path) ?? [];
  const at = p.cluster.now();
  let i = h.length;
  while (i > 0 && (h[i - 1] as FileEntry).at > at) i--;
  const seq = state.fileSeq ?? 0;
  state.fileSeq = seq + 1;
  const e: FileEntry = { at, text, seq, container: p.container.name };
  if (dir) e.dir = true;
  h.splice(i, 0, e);
  files.set(path, h);
}

const isRemoval = (e: FileEntry) => e.text === undefined && !e.dir && e.mode === undefined;

/** `a` happened after `b`: a later instant, or the same one recorded later. */
const after = (a: FileEntry, b: FileEntry | undefined) =>
  b === undefined || a.at > b.at || (a.at === b.at && (a.seq ?? 0) > (b.seq ?? 0));

/** A proper ancestor of `path` was removed after `since` (ever, with none), by now. */
function ancestorRemovedAfter(p: PodProc, path: string, since: FileEntry | undefined): boolean {
  for (let a = parentOf(path); a !== '/'; a = parentOf(a))
    if (history(p, a).some((e) => isRemoval(e) && after(e, since))) return true;
  return false;
}

function mountPaths(c: Container): string[] {
  const mounts = ((c as { volumeMounts?: { mountPath?: string }[] }).volumeMounts ?? []) as {
    mountPath?: string;
  }[];
  return mounts.map((m) => cleanPath(String(m.mountPath ?? '/')));
}

/** Written paths (existing or not) strictly below `dir`. */
function writtenBelow(p: PodProc, dir: string): string[] {
  const prefix = under(dir);
  const out: string[] = [];
  for (const k of procState(p.cluster, p.pod.metadata.uid).files.keys())
    if (k.startsWith(prefix) && k !== dir) out.push(k);
  return out;
}

/** The image's entry at `path`, unless a removal hides it. */
function imageEntry(p: PodProc, path: string): ImageEntry | undefined {
  const e = layoutOf(p).get(path);
  if (!e || ancestorRemovedAfter(p, path, undefined)) return undefined;
  return e;
}

/**
 * Follow the symlinks of the image in every component but the last (and the last too with
 * `followLast`), as path resolution does: `/bin/x` on Debian is `/usr/bin/x`.
 */
export function resolvePath(p: PodProc, path: string, followLast = false): string {
  let cur = cleanPath(path);
  for (let hops = 0; hops < 8; hops++) {
    const parts = cur.split('/').filter(Boolean);
    let changed = false;
    for (let i = 0; i < parts.length; i++) {
      if (i === parts.length - 1 && !followLast) break;
      const at = `/${parts.slice(0, i + 1).join('/')}`;
      const e = entryAt(p, at) ? undefined : imageEntry(p, at);
      if (e?.kind === 'link' && e.target !== undefined) {
        const base = e.target.startsWith('/') ? e.target : `${parentOf(at)}/${e.target}`;
        cur = cleanPath([base, ...parts.slice(i + 1)].join('/'));
        changed = true;
        break;
      }
    }
    if (!changed) return cur;
  }
  return cur;
}

/** Whether `path` (no links followed) exists: written, mounted, the kubelet's, the image's. */
export function lstatPath(p: PodProc, path: string): FsNode | undefined {
  return lookup(p, path, true);
}

/** lstatPath; a directory's listing-derived fields (mtime, nlink) only when `full`. */
function lookup(p: PodProc, path: string, full: boolean): FsNode | undefined {
  const node = lookupMade(p, path, full);
  if (!node || node.kind === 'link') return node;
  const mode = chmodded(p, path);
  if (mode !== undefined) node.mode = mode;
  return node;
}

/** lookup with the mode each node was made with. */
function lookupMade(p: PodProc, path: string, full: boolean): FsNode | undefined {
  const dirNode = (at: string, img: ImageEntry | undefined, createdAt?: number): FsNode =>
    full
      ? dirMeta(p, at, img, createdAt)
      : { kind: 'dir', size: DIR_SIZE, mode: 0o755, nlink: 2, complete: false };
  if (path === '/') return dirNode('/', layoutOf(p).get('/'));
  const e = entryAt(p, path);
  if (e) {
    if (isRemoval(e) || ancestorRemovedAfter(p, path, e)) return undefined;
    if (e.dir) return dirNode(path, undefined, e.at);
    const text = e.text as string;
    return { kind: 'file', text, size: utf8(text), mode: 0o644, mtime: e.at, nlink: 1, complete: true };
  }
  const now = p.cluster.now();
  const started = containerStartedAt(p.pod, p.container) ?? now;
  const mounted = mountedFile(p, path, now, started);
  if (mounted)
    return {
      kind: 'file',
      text: mounted.text,
      size: mounted.size,
      mode: mounted.mode,
      nlink: 1,
      complete: true,
    };
  if (mountPaths(p.container).includes(path)) {
    const m = mountAt(p.pod, p.container, path);
    // A subPath mount of a data volume's file is a file; the rest are directories.
    if (!(m && isDataVolume(m.vol) && m.subPath)) return dirNode(path, undefined);
  }
  if (mounted === null) return undefined;
  if (KUBELET_FILES.includes(path)) return { kind: 'file', size: 0, mode: 0o644, nlink: 1, complete: true };
  const img = imageEntry(p, path);
  if (img?.kind === 'file') {
    const node: FsNode = { kind: 'file', size: img.size ?? 0, mode: img.mode, nlink: 1, complete: true };
    if (img.text !== undefined) node.text = img.text;
    if (img.mtime !== undefined) node.mtime = img.mtime;
    if (p.info.app === 'nginx' && path === NGINX_DEFAULT_PATH) node.mtime = started;
    return node;
  }
  if (img?.kind === 'link') {
    const target = img.target as string;
    return { kind: 'link', size: utf8(target), mode: 0o777, nlink: 1, target, complete: true };
  }
  if (img) return dirNode(path, img);
  // A directory runc made for a mount below it, or one a write implies.
  if (mountPaths(p.container).some((m) => m.startsWith(under(path)))) return dirNode(path, undefined);
  if (writtenBelow(p, path).some((k) => lookup(p, k, false))) return dirNode(path, undefined, undefined);
  return undefined;
}

/** stat(2): links followed. */
export function statPath(p: PodProc, path: string): FsNode | undefined {
  return lstatPath(p, resolvePath(p, path, true));
}

/** strerror of a failed lookup of `path`: ENOTDIR when a component before the last is not a directory. */
export function missingReason(p: PodProc, path: string): string {
  const parts = resolvePath(p, path).split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const n = statPath(p, `/${parts.slice(0, i).join('/')}`);
    if (!n) break;
    if (n.kind !== 'dir') return 'Not a directory';
  }
  return 'No such file or directory';
}

/** The names in directory `dir` (resolved), byte order; undefined when it is not a directory. */
export function listDir(p: PodProc, dir: string): string[] | undefined {
  const node = lstatPath(p, dir);
  if (node?.kind !== 'dir') return undefined;
  return childNames(p, dir);
}

function childNames(p: PodProc, dir: string): string[] {
  const names = new Set<string>();
  const prefix = under(dir);
  const first = (k: string) => k.slice(prefix.length).split('/')[0] as string;
  for (const k of layoutOf(p).keys()) if (k.startsWith(prefix) && k !== '/') names.add(first(k));
  for (const k of writtenBelow(p, dir)) names.add(first(k));
  for (const m of mountPaths(p.container)) if (m.startsWith(prefix) && m !== dir) names.add(first(m));
  if (dir === '/etc') for (const f of KUBELET_FILES) names.add(baseOf(f));
  return [...names]
    .filter((n) => n && lookup(p, prefix + n, false))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * When `path`'s existence last changed (created, removed) by now, from the container's writes;
 * undefined when it never did.
 */
function lastFlip(p: PodProc, path: string): number | undefined {
  let exists = layoutOf(p).has(path);
  let last: number | undefined;
  for (const e of history(p, path)) {
    const now = !isRemoval(e);
    if (now !== exists) last = e.at;
    exists = now;
  }
  return last;
}

function dirMeta(p: PodProc, path: string, img: ImageEntry | undefined, createdAt?: number): FsNode {
  const kids = childNames(p, path);
  const prefix = under(path);
  let mtime = img ? img.mtime : createdAt;
  // An entry made or removed in it since (overlayfs copies the directory up then).
  const kidNames = new Set([
    ...kids,
    ...writtenBelow(p, path).map((k) => k.slice(prefix.length).split('/')[0]),
  ]);
  // Anything written below it copies it up (overlayfs copies a file's directories up with it).
  // A chmod of the directory itself copies it up too.
  let touched =
    history(p, path).some((e) => e.mode !== undefined) ||
    writtenBelow(p, path).some((k) => history(p, k).length > 0);
  for (const k of kidNames) {
    const t = lastFlip(p, prefix + k);
    if (t !== undefined && (mtime === undefined || t > mtime)) mtime = t;
    if (t !== undefined) touched = true;
  }
  if (p.info.app === 'nginx' && path === '/etc/nginx/conf.d') {
    const started = containerStartedAt(p.pod, p.container);
    if (started !== undefined && (mtime === undefined || started > mtime)) mtime = started;
    touched = true;
  }
  const subdirs = kids.filter((k) => lookup(p, prefix + k, false)?.kind === 'dir').length;
  const node: FsNode = {
    kind: 'dir',
    size: DIR_SIZE,
    mode: img?.mode ?? 0o755,
    // overlayfs reports 1 link for a merged (copied-up) directory of the image; a directory
    // whose entries are not all modelled has an unknown count (0).
    nlink: img && touched ? 1 : img && !img.complete ? 0 : 2 + subdirs,
    complete: img ? img.complete === true : true,
  };
  if (mtime !== undefined) node.mtime = mtime;
  return node;
}

function utf8(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Create each missing directory of `dir` (tar's and mkdir -p's parents). */
export function mkdirAll(p: PodProc, dir: string): void {
  const parts = dir.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const at = `/${parts.slice(0, i).join('/')}`;
    if (!statPath(p, at)) recordEntry(p, resolvePath(p, at), undefined, true);
  }
}

/** Remove `path` and, for a directory, everything below it (from now on). */
export function removeTree(p: PodProc, path: string): void {
  recordEntry(p, path, undefined);
}
