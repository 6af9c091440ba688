// Per-cluster, per-Pod process state the API objects do not hold: each app's random stream,
// its stdout log, numbers-api's health flag, files a command wrote inside the container.
// Kept in a WeakMap keyed by the Cluster so the facade contract needs no new fields.

import type { Cluster } from '../contract';
import type { Rng } from '../runtime/interfaces';
import { createRng } from '../runtime/rng';

export interface LogLine {
  at: number;
  text: string;
  /** Written to stderr (a container's log holds both streams). */
  stderr?: boolean;
}

export interface PodProcState {
  rng: Rng;
  logs: LogLine[];
  healthy: boolean;
  callCount: number;
  /**
   * Files written inside the container (wget -O, echo > file, touch, rm), each path's writes in
   * time order: a container command runs ahead of the shared clock (oneshot.ts), so what it does at
   * its second 30 is seen from second 30 on. `text` undefined: removed then.
   */
  files: Map<string, FileEntry[]>;
  /** The next file entry's `seq`. */
  fileSeq?: number;
  /**
   * Each container instance's environment (`<container>@<startedAt ms>`), made when it started:
   * Service links and ConfigMap/Secret values are frozen then.
   */
  envs?: Map<string, Map<string, string>>;
  /** The container's PID namespace: next free PID and the init tree's restarted children. */
  pids?: PidState;
  /** Output of containers whose process was run to its end (oneshot.ts), by container ID. */
  runs?: Map<string, LogLine[]>;
  /**
   * Startup lines computed from what the container read when it started (CoreDNS's Corefile), by
   * container name: the first `kubectl logs` fixes them for that container instance.
   */
  startup?: Map<string, { startedAt: number; lines: string[] }>;
}

export interface FileEntry {
  at: number;
  /** The file's text; undefined with `dir` unset: removed then (with what was below it). */
  text: string | undefined;
  /** A directory made then (mkdir, tar's parents). */
  dir?: boolean;
  /** Order among the Pod's entries of the same instant (commands at one simulated time). */
  seq?: number;
  /** The container whose writable layer it is in. */
  container?: string;
  /**
   * chmod: the path's permission bits (07777) from then on. Such an entry changes neither the
   * contents nor the modification time (`text` and `dir` unset; it is not a removal).
   */
  mode?: number;
}

/** PID allocation inside one container instance (busybox/procs.ts). */
export interface PidState {
  /** When the container (re)started; a new start is a new PID namespace. */
  startedAt: number;
  next: number;
  /** How many times the init tree's periodic child (the sleep image's `sleep 1000`) was restarted. */
  restarts: number;
  /** PID of that child now. */
  childPid: number;
}

interface ClusterState {
  root: Rng;
  pods: Map<string, PodProcState>;
}

const states = new WeakMap<Cluster, ClusterState>();

/**
 * Facades over a cluster with their own clock (a container's process run ahead of the shared
 * clock, oneshot.ts) → the cluster: per-cluster state is the real cluster's.
 */
const views = new WeakMap<Cluster, Cluster>();

export function registerClusterView(view: Cluster, cluster: Cluster): void {
  views.set(view, realCluster(cluster));
}

/** The cluster behind `c` (itself unless `c` is a view made by registerClusterView). */
export function realCluster(c: Cluster): Cluster {
  return views.get(c) ?? c;
}

function clusterState(c: Cluster): ClusterState {
  const cluster = realCluster(c);
  let s = states.get(cluster);
  if (!s) {
    s = { root: createRng(cluster.seed).fork('workloads'), pods: new Map() };
    states.set(cluster, s);
  }
  return s;
}

/** The process state of one container instance, keyed by Pod uid (a replaced Pod starts fresh). */
export function procState(cluster: Cluster, uid: string): PodProcState {
  const s = clusterState(cluster);
  let p = s.pods.get(uid);
  if (!p) {
    p = { rng: s.root.fork(`pod:${uid}`), logs: [], healthy: true, callCount: 0, files: new Map() };
    s.pods.set(uid, p);
  }
  return p;
}

/** A random stream for one client-side purpose (ping round-trip times of a Pod, …). */
export function streamFor(cluster: Cluster, name: string): Rng {
  const s = clusterState(cluster);
  let p = s.pods.get(`stream:${name}`);
  if (!p) {
    p = { rng: s.root.fork(`stream:${name}`), logs: [], healthy: true, callCount: 0, files: new Map() };
    s.pods.set(`stream:${name}`, p);
  }
  return p.rng;
}
