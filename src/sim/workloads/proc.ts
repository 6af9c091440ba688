// The container a command runs in: its Pod, image, environment and the few files the chapter
// reads (`cat /etc/resolv.conf`, `/etc/hosts`), plus what commands wrote there.
import type { CommandTable, ProcContext } from '../../kubectl/shell/types';
import type { Container, Pod, Service } from '../api/types';
import type { Cluster, ObjectKey } from '../contract';
import { workdir } from './busybox/info';
import { containerEnv } from './config-env';
import {
  cleanPath,
  containerStartedAt,
  lstatPath,
  missingReason,
  recordEntry,
  resolvePath,
  statPath,
} from './fs';
import { podGlob } from './fs-glob';
import { podHostname, podHostsFile } from './hosts';
import { type ImageInfo, imageInfo } from './images';
import { servicesAt } from './servicelinks';
import { procState } from './state';

export { containerStartedAt } from './fs';

/** Files a shell's redirections read and write (`echo ok > /tmp/healthy`). */
export interface PodFileAccess {
  /** `cwd`: the shell's working directory (relative paths); absent: the container's. */
  read(path: string, cwd?: string): string | undefined;
  /** Returns the shell's error text, or undefined on success. */
  write(path: string, text: string, append: boolean, cwd?: string): string | undefined;
  /** Why `cd` cannot enter the absolute `dir` (chdir's errno text), undefined when it can. */
  cdError(dir: string): string | undefined;
  /** The shell's pathname expansion against this file system (./fs-glob.ts). */
  glob(pattern: string, cwd: string): string[];
  /** `dir` with the image's symbolic links followed (getcwd's answer in it). */
  realpath(dir: string): string;
  /** execve(2) of `path`: its errno, or the file's text (undefined: not modelled). */
  execve(
    path: string,
    cwd?: string,
  ): { errno: 'ENOENT' | 'ENOTDIR' | 'EACCES'; dir?: boolean } | { text: string | undefined };
}

/** The BusyBox shell, injected by the caller so src/sim never imports src/kubectl at runtime. */
export type RunScript = (
  script: string,
  table: CommandTable,
  ctx: ProcContext,
  files?: PodFileAccess,
  /**
   * Debian images run dash (its error prefixes), the rest BusyBox ash; Debian's bash gets its $0,
   * the Pod's host name, where its script came from (`-c`) and the name it was run by (`called`).
   */
  flavor?: 'ash' | 'dash' | { argv0: string; hostname: string; source?: string; called?: string },
  /**
   * dash's $0 (`sh`, `/bin/sh`, `dash`; `sh -c SCRIPT NAME`'s NAME; `sh FILE`'s FILE): its errors
   * start with it. ash: FILE or NAME only (its arg0 and commandname), else undefined.
   */
  argv0?: string,
  /** The positional parameters ($1 …). */
  args?: string[],
) => number;

export interface WorkloadDeps {
  runScript?: RunScript;
  /** ping without -c/-w runs until Ctrl-C; stop after this many packets if nothing interrupts it. */
  maxUnboundedPackets?: number;
}

/** A running process of one `kubectl exec` (its PID and argv as /proc/PID/cmdline has them). */
export interface ExecProcess {
  pid: number;
  ppid: number;
  argv: string[];
}

/** The processes one `kubectl exec` started that are still running (the exec'd one first). */
export interface ExecSession {
  live: ExecProcess[];
  /** PIDs were allocated for this exec already (the first process gets runc's extra PIDs). */
  started: boolean;
}

export interface PodProc {
  cluster: Cluster;
  podKey: ObjectKey;
  pod: Pod;
  container: Container;
  info: ImageInfo;
  deps: WorkloadDeps;
  /** Set by the command table: the exec this process belongs to (for `ps`). */
  session?: ExecSession;
}

export function makeProc(
  cluster: Cluster,
  podKey: ObjectKey,
  pod: Pod,
  deps: WorkloadDeps,
  containerName?: string,
): PodProc | undefined {
  // An ephemeral container (kubectl debug) runs in the same Pod: its image, the Pod's namespaces.
  const container =
    containerName === undefined
      ? pod.spec.containers[0]
      : (pod.spec.containers.find((c) => c.name === containerName) ??
        (pod.spec as { ephemeralContainers?: Container[] }).ephemeralContainers?.find(
          (c) => c.name === containerName,
        ));
  if (!container) return undefined;
  return { cluster, podKey, pod, container, info: imageInfo(container.image), deps };
}

/** Environment baked into each image (Dockerfile ENV lines of the chapter's images and bases). */
function imageEnv(info: ImageInfo): [string, string][] {
  const path: [string, string] = ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
  const dotnet: [string, string][] = [
    ['ASPNETCORE_URLS', 'http://+:80'],
    ['DOTNET_RUNNING_IN_CONTAINER', 'true'],
    ['DOTNET_SYSTEM_GLOBALIZATION_INVARIANT', 'true'],
  ];
  switch (info.app) {
    case 'numbers-api':
      return [path, ...dotnet, ['FailAfterCallCount', '0']];
    case 'numbers-web':
      return [
        path,
        ...dotnet,
        ['RngApi__Url', 'http://numbers-api/sixeyed/kiamol/master/ch03/numbers/rng'],
        ['RngApi__RetryHost', 'raw.githubusercontent.com'],
      ];
    case 'nginx':
      return [path, ['NGINX_VERSION', '1.27.3'], ['NJS_VERSION', '0.8.7'], ['PKG_RELEASE', '1~bookworm']];
    default:
      return [path];
  }
}

/** makeEnvVariableName: upper case, `-` → `_` (envvars.go). */
function envName(svc: string): string {
  return svc.toUpperCase().replace(/-/g, '_');
}

/** v1helper.IsServiceIPSet: a ClusterIP that is neither empty nor `None` (so not ExternalName/headless). */
const hasClusterIP = (s: Service) => !!s.spec.clusterIP && s.spec.clusterIP !== 'None';

/**
 * Docker-link style variables, exactly as kubelet's envvars.FromServices writes them: per Service
 * `_SERVICE_HOST`, `_SERVICE_PORT` (the first port), `_SERVICE_PORT_<NAME>` for each named port,
 * `_PORT` (the first port's URL), and per port `_PORT_<port>_<PROTO>` with `_PROTO`, `_PORT`, `_ADDR`.
 */
export function serviceLinkEnv(services: Service[]): [string, string][] {
  const out: [string, string][] = [];
  for (const svc of services) {
    const ip = svc.spec.clusterIP;
    if (!ip || !hasClusterIP(svc)) continue;
    const name = envName(svc.metadata.name);
    const ports = svc.spec.ports ?? [];
    const first = ports[0];
    if (!first) continue;
    out.push([`${name}_SERVICE_HOST`, ip], [`${name}_SERVICE_PORT`, String(first.port)]);
    for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
    ports.forEach((p, i) => {
      const protocol = p.protocol || 'TCP';
      const proto = protocol.toLowerCase();
      const url = `${proto}://${ip}:${p.port}`;
      if (i === 0) out.push([`${name}_PORT`, url]);
      const pre = `${name}_PORT_${p.port}_${protocol.toUpperCase()}`;
      out.push([pre, url], [`${pre}_PROTO`, proto], [`${pre}_PORT`, String(p.port)], [`${pre}_ADDR`, ip]);
    });
  }
  return out;
}

/**
 * getServiceEnvVarMap: the master Service (`kubernetes` in `default`) always, even with
 * enableServiceLinks false; with links on, every Service of the Pod's namespace — one of them
 * named `kubernetes` there replaces the master's. Only Services with a ClusterIP count.
 */
export function linkedServices(all: Service[], ns: string, enableServiceLinks: boolean): Service[] {
  const byName = new Map<string, Service>();
  for (const s of all) {
    if (!hasClusterIP(s)) continue;
    const name = s.metadata.name;
    if (s.metadata.namespace === 'default' && name === 'kubernetes') {
      if (!byName.has(name)) byName.set(name, s);
    } else if (s.metadata.namespace === ns && enableServiceLinks) byName.set(name, s);
  }
  return [...byName.values()];
}

/**
 * The process environment, in the order `env` prints it (PATH, HOSTNAME, the image's, the
 * container's env and envFrom as the kubelet made them when it started this instance of the
 * container (config-env.ts), the Service links, HOME). A restarted container's is made again.
 */
export function processEnv(p: PodProc): [string, string][] {
  const state = procState(p.cluster, p.pod.metadata.uid);
  const started = containerStartedAt(p.pod, p.container) ?? p.cluster.now();
  const key = `${p.container.name}@${started}`;
  const cached = state.envs?.get(key);
  if (cached) return [...cached.entries()];
  const ns = p.pod.metadata.namespace ?? 'default';
  // The Services as kubelet's informer had them when the container started.
  const links = linkedServices(servicesAt(p.cluster, started), ns, p.pod.spec.enableServiceLinks !== false);
  const env = new Map<string, string>();
  const img = imageEnv(p.info);
  const [pathVar, ...restImage] = img;
  if (pathVar) env.set(pathVar[0], pathVar[1]);
  env.set('HOSTNAME', podHostname(p.cluster, p.pod));
  for (const [k, v] of restImage) env.set(k, v);
  const linkVars = serviceLinkEnv(links).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const own = containerEnv(p.cluster, p.pod, p.container, started, new Map(linkVars));
  for (const [k, v] of own) env.set(k, v);
  for (const [k, v] of linkVars) if (!own.has(k)) env.set(k, v);
  if (p.info.tools !== 'none') env.set('HOME', '/root');
  state.envs ??= new Map();
  state.envs.set(key, env);
  return [...env.entries()];
}

/** The /etc/hosts the kubelet mounted into the container (hosts.ts). */
export function hostsFile(p: PodProc): string {
  return podHostsFile(p.cluster, p.pod);
}

/**
 * Read a file inside the container (./fs.ts: written, mounted, the kubelet's, the image's);
 * undefined when there is none, it is a directory, or the image's text is not modelled.
 */
export function readPodFile(p: PodProc, path: string): string | undefined {
  const norm = resolvePath(p, cleanPath(path), true);
  const node = lstatPath(p, norm);
  if (node?.kind !== 'file') return undefined;
  if (node.text !== undefined) return node.text;
  switch (norm) {
    case '/etc/resolv.conf':
      return p.cluster.net.resolvConf(p.podKey);
    case '/etc/hosts':
      return hostsFile(p);
    case '/etc/hostname':
      return `${podHostname(p.cluster, p.pod)}\n`;
    default:
      return undefined;
  }
}

/** Write a file's text (its directory must exist: callers check or make it). */
export function writePodFile(p: PodProc, path: string, content: string): void {
  recordEntry(p, resolvePath(p, cleanPath(path)), content);
}

/**
 * The container's file system as a shell's redirections see it (paths from `/`, the working
 * directory). BusyBox ash's openredirect errors: `sh: can't create /tmp: Is a directory`, and
 * errmsg's `nonexistent directory` for ENOENT and ENOTDIR (a missing or non-directory parent).
 */
export function podFiles(p: PodProc): PodFileAccess {
  return {
    read: (path, cwd) => readPodFile(p, cleanPath(path, cwd ?? workdir(p))),
    write: (path, text, append, cwd) => {
      const norm = resolvePath(p, cleanPath(path, cwd ?? workdir(p)));
      const node = statPath(p, norm);
      if (norm === '/' || node?.kind === 'dir') return `sh: can't create ${path}: Is a directory\n`;
      if (statPath(p, norm.slice(0, norm.lastIndexOf('/')) || '/')?.kind !== 'dir')
        return `sh: can't create ${path}: nonexistent directory\n`;
      writePodFile(p, norm, append ? (readPodFile(p, norm) ?? '') + text : text);
      return undefined;
    },
    // chdir(2): ENOENT for a missing name, ENOTDIR for a file on the way or at the end.
    cdError: (dir) => {
      const node = statPath(p, resolvePath(p, dir, true));
      if (node?.kind === 'dir') return undefined;
      return node ? 'Not a directory' : missingReason(p, dir);
    },
    glob: (pattern, cwd) => podGlob(p, pattern, cwd),
    realpath: (dir) => resolvePath(p, dir, true),
    // execve(2) as root: any x bit lets it run; a directory or a file without one is EACCES.
    execve: (path, cwd) => {
      const abs = cleanPath(path, cwd ?? workdir(p));
      const norm = resolvePath(p, abs, true);
      const node = lstatPath(p, norm);
      if (!node) return { errno: missingReason(p, abs) === 'Not a directory' ? 'ENOTDIR' : 'ENOENT' };
      if (node.kind === 'dir') return { errno: 'EACCES', dir: true };
      if (!(node.mode & 0o111)) return { errno: 'EACCES' };
      return { text: readPodFile(p, norm) };
    },
  };
}

/** Remove a file or directory (from the process's now on); false when there is none. */
export function removePodFile(p: PodProc, path: string): boolean {
  const norm = resolvePath(p, cleanPath(path));
  if (!lstatPath(p, norm)) return false;
  recordEntry(p, norm, undefined);
  return true;
}

export function podFileExists(p: PodProc, path: string): boolean {
  return statPath(p, path) !== undefined;
}
