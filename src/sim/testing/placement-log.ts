// The controller manager's placement log (docs/workload-engine.md §5, step 0): every watch event
// the manager is handed, every queue placement it makes and every entry it reaches, in order. The
// queue orders every controller write, so the log is the run's causal skeleton: two runs whose
// logs agree made their writes in the same order for the same reasons. Compared between two
// clusters, the first differing entry names the write, the key and the controller where they
// parted, which the version stream shows only at the next write that moved (an absorbed enqueue
// the other run appended moves a write many rounds later). The workload engine's predict mode
// checks its transition table against this log.
//
// What is read is only what changes nothing: the event's type, kind, key and status-write bits,
// and the store's revision (a counter), never `object` (a status version would be built early:
// records-port.md, "Read-timing hazards"). placement-log.test.ts checks the stream is the same
// with the log on and off.
import type { Store } from '../apiserver/store';
import { createCluster, type SimCluster, type SimClusterOptions } from '../cluster';
import type { ControllerManager, PlacementSink } from '../runtime/manager';
import { recordVersions, type Version } from './version-stream';

/** A watch event the manager was handed (the placements it made follow it in the log). */
export interface WatchedEntry {
  op: 'watch';
  type: string;
  kind: string;
  /** The store key, `Kind/namespace/name`. */
  key: string;
  /** The store's revision when it was handed over: the event's resourceVersion. */
  rv: number;
  /** WatchEvent.statusWrite (0: not a status-only write). */
  status: number;
}

/** A requeueAfter timer fired, or a caller queued a key by name: the placement that follows is its. */
export interface QueuedEntry {
  op: 'requeue' | 'direct';
  rv: number;
}

export interface PlacedEntry {
  op: 'place';
  controller: string;
  key: string;
  /** Appended at `at`, or absorbed by the entry still waiting at `at`. */
  how: 'new' | 'absorbed';
  quiet: boolean;
  at: number;
}

export interface RanEntry {
  op: 'run';
  controller: string;
  key: string;
  at: number;
  /** Queued by quiet enqueues only: the manager reached it and ran nothing. */
  quiet: boolean;
  /** The store's revision before the reconcile (its writes take the next ones). */
  rv: number;
}

export type PlacementEntry = WatchedEntry | QueuedEntry | PlacedEntry | RanEntry;

/** One entry as a line, for messages and for comparing logs. */
export function placementLine(e: PlacementEntry): string {
  switch (e.op) {
    case 'watch':
      return `watch rv ${e.rv} ${e.type} ${e.key}${e.status ? ` status ${e.status}` : ''}`;
    case 'requeue':
    case 'direct':
      return `${e.op} rv ${e.rv}`;
    case 'place':
      return `place ${e.controller} ${e.key} ${e.how}${e.quiet ? ' quiet' : ''} @${e.at}`;
    case 'run':
      return `run ${e.controller} ${e.key} @${e.at}${e.quiet ? ' quiet' : ''} rv ${e.rv}`;
  }
}

export interface PlacementLog {
  readonly entries: PlacementEntry[];
  stop(): void;
}

/**
 * Records the manager's placement log from now on. `store`: the cluster's store, whose revision
 * dates each entry (SimClusterOptions.onStore gives it before the manager exists).
 */
export function recordPlacements(manager: ControllerManager, store: Store): PlacementLog {
  const entries: PlacementEntry[] = [];
  // Controller names by index, read once: the sink runs for every placement.
  const names: string[] = [];
  const name = (i: number) => {
    let n = names[i];
    if (n === undefined) {
      n = manager.controllerName(i);
      names[i] = n;
    }
    return n;
  };
  const sink: PlacementSink = {
    watched(ev) {
      entries.push({
        op: 'watch',
        type: ev.type,
        kind: ev.kind,
        key: ev.key,
        rv: store.revision,
        status: ev.statusWrite ?? 0,
      });
    },
    queued(by) {
      entries.push({ op: by, rv: store.revision });
    },
    placed(controller, key, how, quiet, at) {
      entries.push({ op: 'place', controller: name(controller), key, how, quiet, at });
    },
    ran(controller, key, at, quiet) {
      entries.push({ op: 'run', controller: name(controller), key, at, quiet, rv: store.revision });
    },
  };
  manager.setPlacementLog(sink);
  return {
    entries,
    stop() {
      manager.setPlacementLog(undefined);
    },
  };
}

/** What a run recorded: its version stream and, when asked for, its placement log. */
export interface LoggedRun {
  cluster: SimCluster;
  versions: Version[];
  log: PlacementEntry[] | undefined;
}

/**
 * A cluster with the version recorder (and, with `log`, the placement log) attached before the
 * boot, driven by `run`: the counterpart of recordScenario (version-stream-scenarios.ts).
 */
export function runLogged(
  opts: Omit<SimClusterOptions, 'onStore' | 'onManager'>,
  run: (c: SimCluster) => void,
  log: boolean,
): LoggedRun {
  let store: Store | undefined;
  let rec: ReturnType<typeof recordVersions> | undefined;
  let placements: PlacementLog | undefined;
  const cluster = createCluster({
    ...opts,
    onStore: (s) => {
      store = s;
      rec = recordVersions(s);
    },
    onManager: (m) => {
      if (log && store) placements = recordPlacements(m, store);
    },
  });
  run(cluster);
  if (!rec) throw new Error('onStore was not called');
  if (log && !placements) throw new Error('onManager was not called');
  rec.stop();
  placements?.stop();
  return { cluster, versions: rec.versions(), log: placements?.entries };
}

/** Where two logs part: the first entry that differs, with the entries before it for context. */
export interface PlacementDiff {
  /** Index in both logs (0-based). */
  index: number;
  a: PlacementEntry | undefined;
  b: PlacementEntry | undefined;
  /** The last watch/requeue/direct entry before `index` (the write whose placements differ, if any). */
  cause: PlacementEntry | undefined;
  message: string;
}

const CONTEXT = 6;

/** The first entry where two logs differ, described, or undefined when they are equal. */
export function firstDivergence(
  a: readonly PlacementEntry[],
  b: readonly PlacementEntry[],
): PlacementDiff | undefined {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    const lx = x === undefined ? undefined : placementLine(x);
    const ly = y === undefined ? undefined : placementLine(y);
    if (lx === ly) continue;
    let cause: PlacementEntry | undefined;
    for (let j = i - 1; j >= 0 && cause === undefined; j--) {
      const e = a[j] as PlacementEntry;
      if (e.op === 'watch' || e.op === 'requeue' || e.op === 'direct') cause = e;
    }
    const message = [
      `placement logs differ at entry #${i}`,
      ...a.slice(Math.max(0, i - CONTEXT), i).map((e) => `    ${placementLine(e)}`),
      `  a: ${lx ?? '(log ended)'}`,
      `  b: ${ly ?? '(log ended)'}`,
      `  after: ${cause ? placementLine(cause) : '(start)'}`,
    ].join('\n');
    return { index: i, a: x, b: y, cause, message };
  }
  return undefined;
}
