// The controller manager: watch event → controller.keysFor → one stingy FIFO queue of
// (controller, key) → reconcile, until nothing is queued. Like kube-controller-manager's informers
// and workqueues, collapsed into one deterministic single-threaded loop.
import type { KindName } from '../api/types';
import type {
  ApiWriter,
  Clock,
  Controller,
  ControllerContext,
  EventRecorder,
  Rng,
  StoreReader,
  Timers,
  WatchEvent,
} from './interfaces';
import { WorkQueue } from './workqueue';

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

export class ControllerManager {
  private readonly controllers: Controller[] = [];
  private readonly contexts: ControllerContext[] = [];
  private readonly byKind = new Map<KindName, number[]>();
  private readonly queue = new WorkQueue<string>();
  private readonly maxIterations: number;
  private running = false;

  constructor(private readonly deps: ManagerDeps) {
    this.maxIterations = deps.maxIterations ?? 2_000_000;
  }

  register(controller: Controller): void {
    const index = this.controllers.length;
    this.controllers.push(controller);
    const ctx: ControllerContext = {
      store: this.deps.store,
      api: this.deps.api,
      clock: this.deps.clock,
      timers: this.deps.timers,
      rng: this.deps.rng.fork(`controller:${controller.name}`),
      events: this.deps.events,
      requeueAfter: (key, delayMs) => {
        this.deps.timers.after(delayMs, () => this.enqueue(index, key));
      },
    };
    this.contexts.push(ctx);
    for (const kind of controller.watches) {
      const list = this.byKind.get(kind) ?? [];
      list.push(index);
      this.byKind.set(kind, list);
    }
  }

  /** Queue a key for a controller by name (used at boot and by tests). */
  enqueueFor(name: string, key: string): void {
    const index = this.controllers.findIndex((c) => c.name === name);
    if (index < 0) throw new Error(`no controller named ${name}`);
    this.enqueue(index, key);
  }

  /** Synchronous watch fan-out; the work runs later in `runUntilIdle`. */
  onWatch(ev: WatchEvent): void {
    const indexes = this.byKind.get(ev.kind);
    if (!indexes) return;
    for (const i of indexes) {
      const controller = this.controllers[i] as Controller;
      for (const key of controller.keysFor(ev)) this.enqueue(i, key);
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Reconcile until the queue is empty. Returns the number of reconciles run. */
  runUntilIdle(): number {
    if (this.running) return 0; // re-entrant call from inside a reconcile: the outer loop continues
    this.running = true;
    let n = 0;
    try {
      for (;;) {
        const item = this.queue.get();
        if (item === undefined) return n;
        if (++n > this.maxIterations) {
          throw new Error(
            `controller manager: more than ${this.maxIterations} reconciles without settling (last: ${item}); a controller is probably looping`,
          );
        }
        const sep = item.indexOf('\u0000');
        const index = Number(item.slice(0, sep));
        const key = item.slice(sep + 1);
        const controller = this.controllers[index] as Controller;
        controller.reconcile(key, this.contexts[index] as ControllerContext);
      }
    } finally {
      this.running = false;
    }
  }

  private enqueue(index: number, key: string): void {
    this.queue.add(`${index}\u0000${key}`);
  }
}
