// The controller manager: watch event → controller.keysFor → one stingy FIFO queue of
// (controller, key) → reconcile, until nothing is queued. Like kube-controller-manager's informers
// and workqueues, collapsed into one deterministic single-threaded loop.
import type { KindName } from '../api/types';
import { refArray } from './arrays';
import {
  type ApiWriter,
  type Clock,
  type Controller,
  type ControllerContext,
  type EventRecorder,
  type HeldKeys,
  heldEntry,
  type KeyEntry,
  keepEntry,
  type NameRef,
  NO_KEYS,
  PHASE_CHANGED,
  type QuietKeys,
  type Rng,
  type StoreReader,
  type Timers,
  type WatchEvent,
  type WatchEventType,
} from './interfaces';

export interface ManagerDeps {
  store: StoreReader;
  api: ApiWriter;
  clock: Clock;
  timers: Timers;
  rng: Rng;
  events: EventRecorder;
  /** Reconciles allowed in one `runUntilIdle` before we call it a loop. */
  maxIterations?: number;
}

/**
 * One (controller, key) the manager has queued: kept after it runs, so the next enqueue of the
 * same key finds it with one map lookup and queues it again with no map write, and running it
 * needs no map write either (`at`, not a set's membership, says whether it is waiting).
 */
interface Queued extends KeyEntry {
  /** Absolute queue position of its last enqueue: waiting while it has not been reached. */
  at: number;
  /** Every event that queued it since it last ran was quiet (QuietKeys): reaching it runs nothing. */
  quiet: boolean;
  /** The controller's (KeyEntry): what its reconciles of the key keep of what they read. */
  refs: NameRef | undefined;
  readonly index: number;
  readonly key: string;
  /** The manager's `generation` when made: a HeldKeys answer keeps it only while they agree. */
  readonly generation: number;
}

/**
 * A new Queued, as an object literal rather than a class instance: entries live as long as the
 * cluster (~16,000 in the benchmark), and V8 allocates a literal's objects straight in the old
 * generation once its allocation site has seen them survive (pretenuring), where instances of a
 * class are always made young and copied by the next scavenges.
 */
function queued(index: number, key: string, generation: number): Queued {
  return { at: -1, quiet: false, refs: undefined, index, key, generation };
}

/**
 * What moved the queue, for a test that compares two runs (testing/placement-log.ts): every watch
 * event the manager is handed, every placement and every reconcile reached, in the order they
 * happen. The queue's order is the order of all controller writes, so two runs whose placements
 * agree write in the same order, and the first placement that differs names the key, the
 * controller and the write that queued it, where the version stream shows only the later write
 * that moved. Off unless a sink is set (ControllerManager.setPlacementLog): the hot paths then
 * check one field.
 */
export interface PlacementSink {
  /** A watch event reached the manager; the placements it makes are reported next. */
  watched(ev: WatchEvent): void;
  /** A requeueAfter timer fired (`requeue`) or a caller queued a key (`direct`, enqueueFor). */
  queued(by: 'requeue' | 'direct'): void;
  /**
   * One enqueue of (controller, key): `new` when it was appended at position `at`, `absorbed`
   * when its entry was still waiting at `at` (it keeps that earlier place). `quiet`: this
   * enqueue's own answer was QuietKeys.
   */
  placed(controller: number, key: string, how: 'new' | 'absorbed', quiet: boolean, at: number): void;
  /** The entry at position `at` was reached; `quiet`: only quiet enqueues queued it, so nothing ran. */
  ran(controller: number, key: string, at: number, quiet: boolean): void;
}

/**
 * The controllers one watch event is handed to, in registration order, with each one's `keysFor`
 * as registered: `onWatch` calls it on its controller (`keysFor[n].call(controllers[n], ev)`)
 * rather than looking the method up on a controller of one of a dozen classes per event (a
 * megamorphic load on every write and target: ~50 instructions each).
 */
interface Targets {
  indexes: number[];
  controllers: Controller[];
  keysFor: Controller['keysFor'][];
}

/**
 * Per watched kind, its controllers for each kind of write: by event type for every write but a
 * status-only one (`ADDED`, `MODIFIED`, `DELETED`: those that did not leave the type out,
 * Controller.eventTypes), a status-only write (`status`: those that take MODIFIED and declared
 * statusWrites 'all'), one that also changed the phase (`phase`: also 'phase'). Each list keeps
 * registration order, so the keys of one event are queued in the same order as if every
 * controller had been asked.
 */
interface Fanout {
  ADDED: Targets;
  MODIFIED: Targets;
  DELETED: Targets;
  status: Targets;
  phase: Targets;
}

/** The event types of a kind a controller did not name in Controller.eventTypes. */
const ALL_TYPES: readonly WatchEventType[] = ['ADDED', 'MODIFIED', 'DELETED'];

/** The next ControllerManager.generation. */
let nextGeneration = 0;

/** Entries kept past their run before an idle queue forgets them all (see `forget`). */
const KEEP_ENTRIES = 1 << 16;

export class ControllerManager {
  private readonly controllers: Controller[] = [];
  /**
   * Each controller's `reconcile` as registered: `runUntilIdle` calls it on its controller rather
   * than looking the method up on a controller of one of a dozen classes per reconcile (a
   * megamorphic load), as `onWatch` does with keysFor (Targets).
   */
  private readonly reconciles: Controller['reconcile'][] = [];
  private readonly contexts: ControllerContext[] = [];
  private readonly byKind = new Map<KindName, Fanout>();
  /**
   * The kind of the last watch event and its Fanout (undefined: none watches it): half the
   * benchmark's writes follow one of the same kind (a Pod's after a Pod's), which then need no
   * lookup in byKind. Forgotten when a controller registers.
   */
  private lastKind: KindName | undefined = undefined;
  private lastFan: Fanout | undefined = undefined;
  // One stingy FIFO of (controller index, key) (client-go workqueue semantics, see ./workqueue):
  // the entries, with a map per controller from key to its entry, so no composite string is built
  // per event. Positions are absolute: q[i] is position qBase + i, for i below qTail (the
  // array's slots past it are stale or empty: the array is reused, never sliced); qBase + qHead is
  // the next to run.
  private readonly q: Queued[] = refArray();
  private qHead = 0;
  private qTail = 0;
  private qBase = 0;
  private readonly entries: Map<string, Queued>[] = [];
  /** Entries made since the maps were last emptied. */
  private made = 0;
  /**
   * Moves when the maps are emptied: an entry a HeldKeys answer kept from before is not used.
   * Drawn from one count for all managers, so an answer kept by another manager's entry (of
   * another cluster) is never taken for one of this manager's.
   */
  private generation = nextGeneration++;
  /** Pending requeueAfter timers by (controller, due, key). */
  private readonly requeues = new Set<string>();
  private readonly maxIterations: number;
  private running = false;
  /** The placement log's sink, when a test set one (see PlacementSink). */
  private log: PlacementSink | undefined = undefined;

  // The deps a requeue reads, as fields of the manager: the ManagerDeps object is a literal made
  // once per cluster, whose fields V8 stops tracking when its boilerplate is made (the second
  // fresh cluster), throwing away optimised code that read through it.
  private readonly clock: Clock;
  private readonly timers: Timers;

  constructor(private readonly deps: ManagerDeps) {
    this.maxIterations = deps.maxIterations ?? 2_000_000;
    this.clock = deps.clock;
    this.timers = deps.timers;
  }

  register(controller: Controller): void {
    const index = this.controllers.length;
    this.controllers.push(controller);
    this.reconciles.push(controller.reconcile);
    const ctx: ControllerContext = {
      store: this.deps.store,
      api: this.deps.api,
      clock: this.deps.clock,
      timers: this.deps.timers,
      rng: this.deps.rng.fork(`controller:${controller.name}`),
      events: this.deps.events,
      requeueAfter: (key, delayMs) => {
        // A second requeue of the same key for the same instant is redundant: every timer due
        // at an instant fires before the controllers run, so the first one's enqueue already
        // holds the key. Skipping it keeps e.g. one progress-deadline timer per Deployment
        // instead of one per sync.
        const due = this.clock.now() + Math.max(0, delayMs);
        const id = `${index}\u0000${due}\u0000${key}`;
        if (this.requeues.has(id)) return;
        this.requeues.add(id);
        this.timers.at(due, () => {
          this.requeues.delete(id);
          if (this.log !== undefined) this.log.queued('requeue');
          this.enqueue(index, key, false);
        });
      },
    };
    this.contexts.push(ctx);
    this.entries.push(new Map());
    this.lastKind = undefined;
    this.lastFan = undefined;
    const statusWrites = controller.statusWrites ?? 'all';
    for (const kind of controller.watches) {
      let fan = this.byKind.get(kind);
      if (fan === undefined) {
        fan = {
          ADDED: targets(),
          MODIFIED: targets(),
          DELETED: targets(),
          status: targets(),
          phase: targets(),
        };
        this.byKind.set(kind, fan);
      }
      const types = controller.eventTypes?.[kind] ?? ALL_TYPES;
      for (const type of types) addTarget(fan[type], index, controller);
      if (!types.includes('MODIFIED')) continue;
      if (statusWrites !== 'none') addTarget(fan.phase, index, controller);
      if (statusWrites === 'all') addTarget(fan.status, index, controller);
    }
  }

  /** Queue a key for a controller by name (used at boot and by tests). */
  enqueueFor(name: string, key: string): void {
    const index = this.controllers.findIndex((c) => c.name === name);
    if (index < 0) throw new Error(`no controller named ${name}`);
    if (this.log !== undefined) this.log.queued('direct');
    this.enqueue(index, key, false);
  }

  /**
   * Report every watch event, placement and run to `sink` from now on (undefined: stop). For
   * tests (testing/placement-log.ts): set it before the boot to see the whole run.
   */
  setPlacementLog(sink: PlacementSink | undefined): void {
    this.log = sink;
  }

  /** The registered controller's name (a PlacementSink's controller index, read back). */
  controllerName(index: number): string {
    const c = this.controllers[index];
    if (c === undefined) throw new Error(`no controller at index ${index}`);
    return c.name;
  }

  /** Synchronous watch fan-out; the work runs later in `runUntilIdle`. */
  onWatch(ev: WatchEvent): void {
    if (this.log !== undefined) this.log.watched(ev);
    const kind = ev.kind;
    let fan: Fanout | undefined;
    if (kind === this.lastKind) fan = this.lastFan;
    else {
      fan = this.byKind.get(kind);
      this.lastKind = kind;
      this.lastFan = fan;
    }
    if (!fan) return;
    // A status-only write reaches only the controllers that asked for it (Controller.statusWrites),
    // any other write those that asked for its type (Controller.eventTypes).
    const w = ev.statusWrite;
    // The type's list by name, not `fan[ev.type]`: a keyed load by a string is a megamorphic
    // keyed load (~100 instructions) at this site, which every write passes.
    const t = ev.type;
    const list = w
      ? (w & PHASE_CHANGED) !== 0
        ? fan.phase
        : fan.status
      : t === 'MODIFIED'
        ? fan.MODIFIED
        : t === 'ADDED'
          ? fan.ADDED
          : fan.DELETED;
    const { indexes, controllers, keysFor } = list;
    // Indexed loops: this runs for every write (~50,000 in the benchmark), and for-of allocates an
    // iterator result per step until the optimising tier has seen enough of it.
    for (let n = 0; n < indexes.length; n++) {
      const keys = (keysFor[n] as Controller['keysFor']).call(controllers[n] as Controller, ev);
      // The shared answer of no keys by identity first: most answers are it, and reading an
      // answer's length here is a megamorphic load (answers come in many array shapes).
      if (keys === NO_KEYS || keys.length === 0) continue;
      const i = indexes[n] as number;
      const held = (keys as Partial<HeldKeys>).held;
      if (held !== undefined) {
        // One key, whose entry this answer keeps (HeldKeys): no lookup by the key string.
        let e = heldEntry(held, i) as Queued | undefined;
        if (e === undefined || e.generation !== this.generation) {
          e = this.entry(i, keys[0] as string);
          keepEntry(held, i, e);
        }
        this.place(e, (keys as Partial<QuietKeys>).quiet === true);
        continue;
      }
      for (let k = 0; k < keys.length; k++) this.enqueue(i, keys[k] as string, false);
    }
  }

  get pending(): number {
    return this.qTail - this.qHead;
  }

  /** Reconcile until the queue is empty. Returns the number of reconciles run. */
  runUntilIdle(): number {
    if (this.running) return 0; // re-entrant call from inside a reconcile: the outer loop continues
    this.running = true;
    let n = 0;
    try {
      for (;;) {
        const head = this.qHead;
        if (head >= this.qTail) {
          // Drained: every position so far was reached, and the array starts over at its start.
          this.qBase += head;
          this.qHead = 0;
          this.qTail = 0;
          this.forget();
          return n;
        }
        const q = this.q;
        const e = q[head] as Queued;
        const index = e.index;
        const key = e.key;
        this.qHead = head + 1;
        // Compact now and then so a long-lived queue does not grow without bound: the waiting
        // entries move to the array's start, in place.
        if (head >= 1024 && (head + 1) * 2 > this.qTail) {
          const h = head + 1;
          const tail = this.qTail;
          // A loop, not copyWithin (a generic builtin: ~300 instructions an element).
          for (let i = h; i < tail; i++) q[i - h] = q[i] as Queued;
          this.qTail = tail - h;
          this.qBase += h;
          this.qHead = 0;
        }
        if (++n > this.maxIterations) {
          throw new Error(
            `controller manager: more than ${this.maxIterations} reconciles without settling (last: ${index}\u0000${key}); a controller is probably looping`,
          );
        }
        // Queued by quiet events only: the reconcile would find nothing to do. (Still counted
        // above, so a loop is caught after the same number of steps.)
        if (this.log !== undefined) this.log.ran(index, key, e.at, e.quiet);
        if (e.quiet) continue;
        (this.reconciles[index] as Controller['reconcile']).call(
          this.controllers[index] as Controller,
          key,
          this.contexts[index] as ControllerContext,
          e,
        );
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Queue the key unless it waits already (then it keeps its place). `quiet`: this event needs
   * no reconcile of it (QuietKeys); the key still takes its place, and one event that is not
   * quiet before it is reached makes it run there.
   */
  private enqueue(index: number, key: string, quiet: boolean): void {
    this.place(this.entry(index, key), quiet);
  }

  /** The controller's entry for the key (made if new): one per (controller, key) until `forget`. */
  private entry(index: number, key: string): Queued {
    const entries = this.entries[index] as Map<string, Queued>;
    let e = entries.get(key);
    if (e === undefined) {
      e = queued(index, key, this.generation);
      entries.set(key, e);
      this.made++;
    }
    return e;
  }

  /** `enqueue` of the entry: queued at the end unless it waits already (see there). */
  private place(e: Queued, quiet: boolean): void {
    if (e.at >= this.qBase + this.qHead) {
      // still waiting
      if (!quiet) e.quiet = false;
      if (this.log !== undefined) this.log.placed(e.index, e.key, 'absorbed', quiet, e.at);
      return;
    }
    e.quiet = quiet;
    const tail = this.qTail;
    e.at = this.qBase + tail;
    const q = this.q;
    if (tail < q.length) q[tail] = e;
    else q.push(e);
    this.qTail = tail + 1;
    if (this.log !== undefined) this.log.placed(e.index, e.key, 'new', quiet, e.at);
  }

  /**
   * The queue is empty, so no entry is waiting: once many were made (keys of objects long gone
   * among them), drop them all; the next enqueue of a key makes its entry again.
   */
  private forget(): void {
    if (this.made < KEEP_ENTRIES) return;
    for (const m of this.entries) m.clear();
    // The array's stale slots would keep forgotten entries alive.
    this.q.length = 0;
    this.made = 0;
    this.generation = nextGeneration++;
  }
}

function targets(): Targets {
  return { indexes: [], controllers: [], keysFor: [] };
}

function addTarget(t: Targets, index: number, controller: Controller): void {
  t.indexes.push(index);
  t.controllers.push(controller);
  t.keysFor.push(controller.keysFor);
}
