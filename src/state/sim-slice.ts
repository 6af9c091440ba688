// The cluster and what the UI sees of it. Objects are immutable snapshots from `cluster.get`; on every
// settled change batch the store gets a NEW Map (so selectors and React see the change), built from the
// previous one plus the keys the batch named.
import type { K8sObject, KindName } from '../sim/api/types';
import type { ChangeBatch, ObjectKey, ProfileName, ProxyMode, TraceRequest } from '../sim/contract';
import { latePartsLoaded } from '../sim/late';
import { createCore, loadSession } from './core';
import type { Core } from './core-types';
import { replayInto } from './replay';
import type { Scenario, ScenarioOp } from './scenario';
import { SCENARIO_VERSION } from './scenario';
import type { AppState, Slice } from './types';

export interface SimSlice {
  core: Core;
  seed: number;
  profile: ProfileName;
  proxyMode: ProxyMode;
  /** Every object in the cluster by key (`Pod/default/sleep-1-…`, `Node/docker-desktop`). */
  objects: ReadonlyMap<ObjectKey, K8sObject>;
  /** The last settled batch (the graph uses it to animate what changed). */
  lastBatch: ChangeBatch | null;
  /** Bumped on every batch. */
  revision: number;
  /** True once the terminal session (kubectl) is loaded and any saved playground is restored. */
  sessionReady: boolean;
  /** Simulated epoch ms, published on every change batch and at least once per simulated second. */
  simNow: number;
  /** Simulated epoch ms when this cluster started (scenario times are relative to it). */
  startedAt: number;
  /** Operations performed since the start; replaying them rebuilds the cluster. */
  ops: readonly ScenarioOp[];
  /** Files as the replay would see them (to record editor edits lazily, just before an operation). */
  recordedFiles: ReadonlyMap<string, string>;

  /** A fresh cluster with these settings; files are kept. */
  resetCluster(opts?: Partial<{ seed: number; profile: ProfileName; proxyMode: ProxyMode }>): void;
  /** Record pending file edits, then an operation. */
  record(op: ScenarioOp): void;
  /** Move simulated time forward and publish the changes. */
  advanceClock(ms: number): void;
  /** Follow one packet (the graph's quick actions); recorded so replay draws the same endpoints. */
  requestTrace(req: TraceRequest): void;
  /** Pull the cluster's pending changes into `objects` (called after every core call). */
  flush(): void;
  serializeScenario(): Scenario;
  loadScenario(s: Scenario): void;
}

const DEFAULT_SEED = 1;

function parseKey(key: ObjectKey): { kind: KindName; ns: string | undefined; name: string } {
  const parts = key.split('/');
  if (parts.length >= 3) return { kind: parts[0] as KindName, ns: parts[1], name: parts.slice(2).join('/') };
  return { kind: parts[0] as KindName, ns: undefined, name: parts[1] ?? '' };
}

const KINDS: KindName[] = [
  'Namespace',
  'Node',
  'Pod',
  'Deployment',
  'ReplicaSet',
  // Not DaemonSet: the boot's (kube-proxy, kindnet, svclb) are built on read by the late parts; a
  // student's arrives with its change batch like any write.
  'StatefulSet',
  'Job',
  'CronJob',
  'Service',
  'Endpoints',
  'EndpointSlice',
];

export function objectKey(o: K8sObject): ObjectKey {
  const ns = o.metadata.namespace;
  return ns ? `${o.kind}/${ns}/${o.metadata.name}` : `${o.kind}/${o.metadata.name}`;
}

function snapshot(core: Core): Map<ObjectKey, K8sObject> {
  const m = new Map<ObjectKey, K8sObject>();
  for (const kind of KINDS) for (const o of core.cluster.list(kind)) m.set(objectKey(o), o);
  return m;
}

/** Batches arrive synchronously inside core calls; they are queued here and folded in by `flush`. */
const pending = new WeakMap<Core, ChangeBatch[]>();

function wire(core: Core): Core {
  const queue: ChangeBatch[] = [];
  pending.set(core, queue);
  core.cluster.subscribe((b) => queue.push(b));
  return core;
}

export function freshCore(seed: number, profile: ProfileName, proxyMode: ProxyMode): Core {
  return wire(createCore({ seed, profile, proxyMode }));
}

export function filesOf(core: Core): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of core.files.list()) m.set(p, core.files.read(p) ?? '');
  return m;
}

export const createSimSlice: Slice<SimSlice> = (set, get) => {
  const core = freshCore(DEFAULT_SEED, 'docker-desktop', 'iptables');
  const files = filesOf(core);
  return {
    core,
    seed: DEFAULT_SEED,
    profile: 'docker-desktop',
    proxyMode: 'iptables',
    objects: snapshot(core),
    lastBatch: null,
    revision: 0,
    sessionReady: false,
    simNow: core.cluster.now(),
    startedAt: core.cluster.now(),
    ops: [],
    recordedFiles: files,

    resetCluster(opts) {
      const s = get();
      const seed = opts?.seed ?? s.seed;
      const profile = opts?.profile ?? s.profile;
      const proxyMode = opts?.proxyMode ?? s.proxyMode;
      const next = freshCore(seed, profile, proxyMode);
      // Replay starts from the chapter's files; the student's files are written over them and recorded
      // as write ops before the next operation.
      const defaults = filesOf(next);
      syncVfs(next, s.files);
      set({
        core: next,
        seed,
        profile,
        proxyMode,
        objects: snapshot(next),
        lastBatch: null,
        revision: s.revision + 1,
        simNow: next.cluster.now(),
        startedAt: next.cluster.now(),
        ops: [],
        recordedFiles: defaults,
        traceQueue: [],
        selected: null,
      });
    },

    record(op) {
      pendingWrites(get, set);
      set((s) => ({ ops: [...s.ops, op] }));
    },

    advanceClock(ms) {
      if (ms <= 0) return;
      get().core.cluster.advance(ms);
      get().flush();
    },

    requestTrace(req) {
      // The tracer arrives with the kubectl chunk (src/sim/late): a request before then waits for it.
      if (!latePartsLoaded()) {
        void loadSession().then(() => get().requestTrace(req));
        return;
      }
      // One store update per packet (the graph may ask for 20 a second).
      const s = get();
      const ops = [
        ...s.ops,
        ...pendingWriteOps(s),
        { t: s.core.cluster.now() - s.startedAt, op: 'trace' as const, req },
      ];
      const trace = s.core.cluster.net.trace(req);
      set({ ops, recordedFiles: s.files, traceQueue: [...s.traceQueue, trace].slice(-100) });
      get().flush();
    },

    flush() {
      const s = get();
      const queue = pending.get(s.core);
      const now = s.core.cluster.now();
      if (!queue || queue.length === 0) {
        // The frame loop advances the clock every frame; publishing each step would wake every selector
        // 60 times a second. What shows time (toolbar clock, AGE) reads whole seconds, so publish those.
        if (Math.floor(now / 1000) !== Math.floor(s.simNow / 1000)) set({ simNow: now });
        return;
      }
      const batches = queue.splice(0, queue.length);
      const objects = new Map(s.objects);
      const merged: ChangeBatch = { at: now, added: [], updated: [], removed: [] };
      for (const b of batches) {
        for (const key of [...b.added, ...b.updated]) {
          const { kind, ns, name } = parseKey(key);
          const o = s.core.cluster.get(kind, ns, name);
          if (o) objects.set(key, o);
          else objects.delete(key);
        }
        for (const key of b.removed) objects.delete(key);
        merged.added.push(...b.added);
        merged.updated.push(...b.updated);
        merged.removed.push(...b.removed);
      }
      set({ objects, lastBatch: merged, revision: s.revision + 1, simNow: now });
    },

    serializeScenario() {
      const s = get();
      return {
        version: SCENARIO_VERSION,
        seed: s.seed,
        profile: s.profile,
        proxyMode: s.proxyMode,
        files: Object.fromEntries(s.files),
        commands: [...s.ops],
        elapsedMs: s.core.cluster.now() - s.startedAt,
      };
    },

    loadScenario(sc) {
      const next = freshCore(sc.seed, sc.profile, sc.proxyMode);
      const startedAt = next.cluster.now();
      replayInto(next, sc);
      const queue = pending.get(next);
      if (queue) queue.length = 0;
      const recordedFiles = filesOf(next);
      syncVfs(next, new Map(Object.entries(sc.files)));
      const files = filesOf(next);
      set((s) => ({
        core: next,
        seed: sc.seed,
        profile: sc.profile,
        proxyMode: sc.proxyMode,
        objects: snapshot(next),
        lastBatch: null,
        revision: s.revision + 1,
        simNow: next.cluster.now(),
        startedAt,
        ops: [...sc.commands],
        recordedFiles,
        files,
        activeFile: files.has(s.activeFile) ? s.activeFile : ([...files.keys()][0] ?? ''),
        markers: new Map(),
        applyResult: null,
        traceQueue: [],
        selected: null,
      }));
    },
  };
};

/** Make the VFS hold exactly these files. */
export function syncVfs(core: Core, files: ReadonlyMap<string, string>) {
  for (const p of core.files.list()) if (!files.has(p)) core.files.remove(p);
  for (const [p, text] of files) if (core.files.read(p) !== text) core.files.write(p, text);
}

/** write/remove ops for editor edits the replay has not seen yet, so a replay reads the same files. */
export function pendingWriteOps(s: AppState): ScenarioOp[] {
  const t = s.core.cluster.now() - s.startedAt;
  const ops: ScenarioOp[] = [];
  for (const [path, text] of s.files)
    if (s.recordedFiles.get(path) !== text) ops.push({ t, op: 'write', path, text });
  for (const path of s.recordedFiles.keys()) if (!s.files.has(path)) ops.push({ t, op: 'remove', path });
  return ops;
}

export function pendingWrites(get: () => AppState, set: (p: Partial<AppState>) => void) {
  const s = get();
  const ops = pendingWriteOps(s);
  if (ops.length > 0) set({ ops: [...s.ops, ...ops], recordedFiles: new Map(s.files) });
}
