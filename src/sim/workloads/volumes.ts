// The files of a container's configMap, secret, projected and downwardAPI volumes [K8S 1.34
// pkg/volume/configmap, secret, projected, downwardapi (MakePayload / collectData) and
// pkg/volume/util/atomic_writer.go]. Each mount directory holds a timestamped directory
// `..YYYY_MM_DD_HH_MM_SS.<random uint32>` (os.MkdirTemp, UTC) with the files, a symlink `..data`
// to it, and per top-level path a symlink `<name> -> ..data/<name>`. A file's mode is its item's
// `mode`, else the volume's `defaultMode` (the API server defaults it to 420, -rw-r--r--).
//
// Updates: the kubelet sets the volumes up again on each sync of the Pod (its syncFrequency, 1 min;
// the watch-based managers see a write at once). Modelled: the contents at time t are the objects
// as they were at the last such sync, every 60 s from the Pod's startTime (the pod worker's
// resync jitter is not modelled), and never older than the container's start; a new timestamped
// directory is written when a referenced object's version changed. A subPath mount is never
// updated. A serviceAccountToken source's token is not modelled (no file).
import type { ConfigMap, Container, Pod, Secret } from '../api/types';
import { base64Decode } from '../apiserver/go-base64';
import { fieldValue } from './config-env';
import { configObjectAt, configVersionSince } from './config-history';
import { parseTime } from './pods';
import type { PodProc } from './proc';
import { procState } from './state';

// biome-ignore lint/suspicious/noExplicitAny: Pod specs are loosely typed JSON here.
type Any = any;

export interface VolFile {
  text: string;
  size: number;
  mode: number;
}

/** kubelet's syncFrequency: each Pod sync sets its volumes up again. */
export const RESYNC_MS = 60_000;

const latin1 = (b: Uint8Array) => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
};
const utf8 = new TextDecoder();
const utf8Size = (s: string) => new TextEncoder().encode(s).length;

/** One volume's mount in the container (the longest mountPath containing `norm`). */
interface Mount {
  vol: Any;
  mountPath: string;
  subPath: string;
  /** `norm` under the mount ('' for the mount directory itself). */
  rel: string;
}

export function mountAt(pod: Pod, c: Container, norm: string): Mount | undefined {
  let best: Mount | undefined;
  for (const m of ((c as Any).volumeMounts ?? []) as Any[]) {
    const mp = String(m?.mountPath ?? '').replace(/\/+$/, '') || '/';
    if (norm !== mp && !norm.startsWith(mp === '/' ? '/' : `${mp}/`)) continue;
    if (best && best.mountPath.length >= mp.length) continue;
    const vol = ((pod.spec as Any).volumes ?? []).find((v: Any) => v?.name === m.name);
    if (!vol) continue;
    const rel = norm === mp ? '' : norm.slice(mp === '/' ? 1 : mp.length + 1);
    best = { vol, mountPath: mp, subPath: String(m.subPath ?? ''), rel };
  }
  return best;
}

type Source = { kind: 'ConfigMap' | 'Secret'; name: string; src: Any };

/** The ConfigMaps and Secrets a volume reads. */
function sourcesOf(vol: Any): Source[] {
  if (vol.configMap)
    return [{ kind: 'ConfigMap', name: String(vol.configMap.name ?? ''), src: vol.configMap }];
  if (vol.secret) return [{ kind: 'Secret', name: String(vol.secret.secretName ?? ''), src: vol.secret }];
  const out: Source[] = [];
  for (const s of (vol.projected?.sources ?? []) as Any[]) {
    if (s?.configMap) out.push({ kind: 'ConfigMap', name: String(s.configMap.name ?? ''), src: s.configMap });
    else if (s?.secret) out.push({ kind: 'Secret', name: String(s.secret.name ?? ''), src: s.secret });
  }
  return out;
}

/** Whether this module models the volume's files. */
export const isDataVolume = (vol: Any) =>
  !!(vol?.configMap || vol?.secret || vol?.projected || vol?.downwardAPI);

/** A source's files (MakePayload): every key, or its items (a missing key skipped: optional). */
function addSource(out: Map<string, VolFile>, s: Source, obj: Any, defaultMode: number): void {
  const all = new Map<string, { text: string; size: number }>();
  if (obj) {
    const cm = obj as ConfigMap;
    if (s.kind === 'ConfigMap') {
      for (const [k, v] of Object.entries(cm.data ?? {})) all.set(k, { text: v, size: utf8Size(v) });
      for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
        const r = base64Decode(v);
        if (r.ok) all.set(k, { text: latin1(r.bytes), size: r.bytes.length });
      }
    } else
      for (const [k, v] of Object.entries((obj as Secret).data ?? {})) {
        const r = base64Decode(v);
        if (r.ok) all.set(k, { text: utf8.decode(r.bytes), size: r.bytes.length });
      }
  }
  const items = s.src.items as Any[] | undefined;
  if (!items?.length) {
    for (const [k, f] of all) out.set(k, { ...f, mode: defaultMode });
    return;
  }
  for (const it of items) {
    const f = all.get(String(it?.key));
    if (f) out.set(String(it.path), { ...f, mode: typeof it.mode === 'number' ? it.mode : defaultMode });
  }
}

/** The volume's files as the objects were at `at`. */
export function volumeFiles(p: PodProc, vol: Any, at: number): Map<string, VolFile> {
  const ns = p.pod.metadata.namespace ?? 'default';
  const src = vol.configMap ?? vol.secret ?? vol.projected ?? vol.downwardAPI ?? {};
  const defaultMode = typeof src.defaultMode === 'number' ? src.defaultMode : 420;
  const out = new Map<string, VolFile>();
  for (const s of sourcesOf(vol))
    addSource(out, s, configObjectAt(p.cluster, s.kind, ns, s.name, at), defaultMode);
  const downward: Any[] = [
    ...((vol.downwardAPI?.items ?? []) as Any[]),
    ...((vol.projected?.sources ?? []) as Any[]).flatMap((s: Any) => (s?.downwardAPI?.items ?? []) as Any[]),
  ];
  for (const it of downward) {
    if (!it?.fieldRef) continue;
    const text = fieldValue(p.pod, String(it.fieldRef.fieldPath ?? ''));
    out.set(String(it.path), {
      text,
      size: utf8Size(text),
      mode: typeof it.mode === 'number' ? it.mode : defaultMode,
    });
  }
  return out;
}

/** When the container's volumes were last set up at or before `now` (see the header). */
export function setUpAt(p: PodProc, subPath: string, now: number, started: number): number {
  if (subPath) return started;
  const start = parseTime(p.pod.status?.startTime) ?? started;
  const sync = start + Math.max(0, Math.floor((now - start) / RESYNC_MS)) * RESYNC_MS;
  return Math.max(sync, started);
}

/**
 * When the atomic writer wrote the timestamped directory live at `at`: the first set-up at or after
 * the newest version of the objects it reads (the Pod's start at the earliest).
 */
export function writtenAt(p: PodProc, vol: Any, at: number, started: number): number {
  const ns = p.pod.metadata.namespace ?? 'default';
  const start = parseTime(p.pod.status?.startTime) ?? started;
  let since = start;
  for (const s of sourcesOf(vol))
    since = Math.max(since, configVersionSince(p.cluster, s.kind, ns, s.name, at) ?? 0);
  if (since <= start) return start;
  // Live before the container started: set up for its start (before it, at the latest).
  if (since <= started) return since;
  return start + Math.ceil((since - start) / RESYNC_MS) * RESYNC_MS;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The timestamped directory's name: `..2006_01_02_15_04_05.` and MkdirTemp's random uint32. */
export function timestampDir(p: PodProc, volName: string, written: number): string {
  const d = new Date(written);
  const stamp = `${d.getUTCFullYear()}_${two(d.getUTCMonth() + 1)}_${two(d.getUTCDate())}_${two(d.getUTCHours())}_${two(d.getUTCMinutes())}_${two(d.getUTCSeconds())}`;
  const rnd = procState(p.cluster, p.pod.metadata.uid)
    .rng.fork(`atomic-writer/${volName}/${written}`)
    .int(2 ** 32);
  return `..${stamp}.${rnd}`;
}

/**
 * A file under a data volume's mount: its contents, or null when the path is under such a mount
 * but names no file there; undefined when no data volume is mounted there.
 */
export function mountedFile(
  p: PodProc,
  norm: string,
  now: number,
  started: number,
): VolFile | null | undefined {
  const m = mountAt(p.pod, p.container, norm);
  if (!m || !isDataVolume(m.vol)) return undefined;
  let rel = m.subPath ? (m.rel ? `${m.subPath}/${m.rel}` : m.subPath) : m.rel;
  const at = setUpAt(p, m.subPath, now, started);
  // Through `..data/` or the timestamped directory itself.
  const slash = rel.indexOf('/');
  if (slash > 0 && rel.startsWith('..')) {
    const head = rel.slice(0, slash);
    if (head === '..data' || head === timestampDir(p, m.vol.name, writtenAt(p, m.vol, at, started)))
      rel = rel.slice(slash + 1);
    else return null;
  }
  return volumeFiles(p, m.vol, at).get(rel) ?? null;
}

/** The names in `dir` that are mount points of the container's volumes (runc made them). */
export function mountsUnder(c: Container, dir: string): string[] {
  const out: string[] = [];
  for (const m of ((c as Any).volumeMounts ?? []) as Any[]) {
    const mp = String(m?.mountPath ?? '').replace(/\/+$/, '');
    const i = mp.lastIndexOf('/');
    if (i >= 0 && (mp.slice(0, i) || '/') === dir && mp.length > i + 1) out.push(mp.slice(i + 1));
  }
  return out;
}
