// createCluster without its late parts bound (tracer, DNS, rule printers, apply: the page binds them
// with the kubectl chunk, see ./late); everything else imports ./cluster, which binds them.
// createCluster: the facade (contract.ts) over the API server, the controller manager, the
// kubelet and the networking layer. All time is simulated: `advance(ms)` fires timers in (due, seq)
// order and runs controllers until idle after each; subscribers get one ChangeBatch per settled
// advance / apply / create / update / delete.
import { objectKey } from './api/kinds';
import type { K8sObject, KindName } from './api/types';
import { bootAddons, bootCluster } from './apiserver/bootstrap';
import { Recorder } from './apiserver/events';
import { ApiServer } from './apiserver/server';
import { type KeyWatcher, keyOf, type LazyObject, Store, type StoreWatcher } from './apiserver/store';
import type {
  ApiResult,
  ApplyOutcome,
  ChangeBatch,
  Cluster,
  ClusterOptions,
  DeleteOptions,
  Listener,
  ListOptions,
  ObjectKey,
  ObjectWatchEvent,
  PatchOptions,
  PatchType,
} from './contract';
import { createControlPlaneControllers } from './controllers/index';
import type { Kubelet } from './kubelet/kubelet';
import { late } from './late';
import { createNetworking, type Networking } from './net/index';
import { getProfile, type Profile } from './profiles';
import { BOOT_AGE_MS, CLUSTER_START_MS, ManualClock } from './runtime/clock';
import type { Controller, Rng, WatchEvent, WatchEventType } from './runtime/interfaces';
import { ControllerManager } from './runtime/manager';
import { createRng } from './runtime/rng';
import { TimerHeap } from './runtime/timers';

/**
 * The store's listener for the cluster's own parts, in this order: a class, not an arrow made per
 * cluster, so the store's `emit` finds the same function in every fresh cluster (StoreWatcher).
 */
class ClusterWatcher implements StoreWatcher {
  constructor(
    private readonly manager: ControllerManager,
    private readonly networking: Networking,
    private readonly collector: ChangeCollector,
  ) {}
  onWatch(ev: WatchEvent): void {
    this.manager.onWatch(ev);
    this.networking.onWatch(ev);
    this.collector.onWatch(ev);
  }
}

/**
 * Collects watch events into one ChangeBatch (added then removed cancels out, and so on). Also the
 * store's key listener (KeyWatcher, the recorder's Events).
 */
class ChangeCollector implements KeyWatcher {
  private readonly state = new Map<ObjectKey, 'added' | 'updated' | 'removed'>();
  /**
   * Off for the length of a cluster operation that starts with nobody subscribed: its batch would
   * reach no one (a listener is only ever added between operations), so its changes are not kept.
   */
  private collecting = true;
  onWatch(ev: WatchEvent): void {
    if (this.collecting) this.change(ev.type, ev.key);
  }
  /** A lazy write (the recorder's Events): its name is spelled only if a batch will carry it. */
  onKey(type: WatchEventType, kind: KindName, ns: string, entry: LazyObject): void {
    if (this.collecting) this.change(type, keyOf(kind, ns, entry.key()));
  }
  private change(type: WatchEventType, key: ObjectKey): void {
    const prev = this.state.get(key);
    if (type === 'ADDED') this.state.set(key, prev === 'removed' ? 'updated' : 'added');
    else if (type === 'MODIFIED') this.state.set(key, prev === 'added' ? 'added' : 'updated');
    else if (prev === 'added') this.state.delete(key);
    else this.state.set(key, 'removed');
  }
  /** At the start of an operation: with no listener, forget what is pending and keep nothing. */
  begin(listening: boolean): void {
    if (listening) return;
    this.collecting = false;
    this.state.clear();
  }
  /** A listener was added: changes from here on are kept. */
  listen(): void {
    this.collecting = true;
  }
  take(at: number): ChangeBatch | undefined {
    this.collecting = true;
    if (this.state.size === 0) return undefined;
    const batch: ChangeBatch = { at, added: [], updated: [], removed: [] };
    for (const [k, v] of this.state) batch[v].push(k);
    this.state.clear();
    batch.added.sort();
    batch.updated.sort();
    batch.removed.sort();
    return batch;
  }
}

export interface ClusterInternals {
  store: Store;
  api: ApiServer;
  manager: ControllerManager;
  timers: TimerHeap;
  clock: ManualClock;
  profile: Profile;
}

export interface SimCluster extends Cluster {
  /** For tests and tools in sim/: the pieces behind the facade. */
  readonly internals: ClusterInternals;
  readonly net: Networking['net'];
}

/** Options beyond the contract's, for tools in sim/ (the benchmark's 5,000 Pods need room). */
export interface SimClusterOptions extends ClusterOptions {
  /** The kubelet's --max-pods on every node (default 110, as kubelet's default). */
  maxPodsPerNode?: number;
  /**
   * For test tools (testing/version-stream.ts): called with the new, empty store before anything
   * is written, so a watcher registered here hears the boot's writes too.
   */
  onStore?: (store: Store) => void;
  /**
   * For test tools (testing/placement-log.ts): called with the controller manager before any
   * controller is registered or anything is queued, so a PlacementSink set here sees the boot too.
   */
  onManager?: (manager: ControllerManager) => void;
  /**
   * For tests: take the general path wherever a fast path stands in for it (controllers run the
   * syncs they know would write nothing, the API server builds every Pod from a template through
   * create's general path, apply decodes, defaults and validates every document the general way),
   * so a test can check both leave the same history.
   */
  generalPaths?: boolean;
}

/** CoreDNS is up well within this; the other system Pods and add-ons are created after it. */
const ADDONS_AFTER_MS = 60_000;

export function createCluster(opts: SimClusterOptions): SimCluster {
  const profile = getProfile(opts.profile ?? 'docker-desktop', opts.proxyMode ?? 'iptables');
  const rng: Rng = createRng(opts.seed);
  // Boot ~6d22h before the fixed start instant so the system objects have that AGE (§B6, §B12).
  const clock = new ManualClock(CLUSTER_START_MS - BOOT_AGE_MS);
  const timers = new TimerHeap(clock);
  const store = new Store();
  opts.onStore?.(store);
  const api = new ApiServer(store, clock, rng.fork('apiserver'), profile);
  api.general = opts.generalPaths === true;
  const events = new Recorder(store, clock, rng.fork('events'));
  const manager = new ControllerManager({ store, api, clock, timers, rng: rng.fork('controllers'), events });
  opts.onManager?.(manager);
  const collector = new ChangeCollector();
  const listeners = new Set<Listener>();

  const networking = createNetworking({ profile, store, rng: rng.fork('net'), clock });
  const controllers: Controller[] = [
    ...createControlPlaneControllers({
      store,
      api,
      profile,
      clock,
      rng: rng.fork('kubelet'),
      general: opts.generalPaths === true,
    }),
    ...networking.controllers,
  ];
  for (const c of controllers) manager.register(c);
  // The recorder's Events are written as lazy entries that only the collector hears of
  // (Store.addLazy): fine while, as in kube-controller-manager, no controller watches Events.
  const eventWatcher = controllers.find((c) => c.watches.includes('Event'));
  if (eventWatcher)
    throw new Error(`${eventWatcher.name} watches Events, which reach only the change collector`);

  store.watch(new ClusterWatcher(manager, networking, collector));
  store.watchKeys(collector);

  const settle = () => {
    manager.runUntilIdle();
  };

  const advanceTo = (target: number) => advanceClusterTo(manager, timers, clock, target);

  const begin = () => collector.begin(listeners.size > 0);
  // Deliveries to open watches (Cluster.watch), queued by the writes and run once they settled
  // (a listener never runs inside a controller's write).
  const watched: (() => void)[] = [];
  const publish = () => {
    for (const f of watched.splice(0)) f();
    const batch = collector.take(clock.now());
    if (!batch) return;
    for (const l of [...listeners]) l(batch);
  };

  bootCluster({
    api,
    store,
    profile,
    clock,
    manager,
    ...(opts.maxPodsPerNode !== undefined ? { maxPods: opts.maxPodsPerNode } : {}),
  });
  // CoreDNS first (it holds the first Pod IPs), then the rest of the system Pods and add-ons.
  advanceTo(CLUSTER_START_MS - BOOT_AGE_MS + ADDONS_AFTER_MS);
  const kubelet = controllers.find((c) => c.name === 'kubelet') as Kubelet | undefined;
  bootAddons({
    api,
    profile,
    rng: rng.fork('system-pods'),
    now: clock.now(),
    leaseIP: (node) => {
      const ipam = kubelet?.ipamFor(node);
      const ip = ipam?.topFree();
      if (ip) ipam?.reserve(ip);
      return ip;
    },
  });
  advanceTo(CLUSTER_START_MS);
  // Events expire after an hour on a real cluster (--event-ttl=1h): the boot's are long gone.
  for (const e of store.list('Event')) store.remove('Event', e.metadata.namespace, e.metadata.name);
  collector.take(clock.now());

  const net = networking.net;

  const cluster: SimCluster = {
    seed: opts.seed,
    profile: profile.name,
    proxyMode: profile.proxyMode,
    net,
    internals: { store, api, manager, timers, clock, profile },
    now: () => clock.now(),
    advance(ms: number) {
      begin();
      advanceTo(clock.now() + Math.max(0, ms));
      publish();
    },
    runUntilIdle() {
      begin();
      settle();
      publish();
    },
    apply(
      docs: unknown[],
      o: { namespace?: string; source?: string; dryRun?: boolean } = {},
    ): ApplyOutcome[] {
      // A dry run writes nothing: no controller has work and no batch is published.
      if (o.dryRun) return docs.map((d, i) => late().applyOne(api, d, i, o));
      begin();
      const { applyOne } = late();
      const out = docs.map((d, i) => applyOne(api, d, i, o));
      settle();
      publish();
      return out;
    },
    create(doc: unknown, o: { namespace?: string; dryRun?: boolean } = {}): ApiResult {
      if (o.dryRun) return createDoc(api, doc, o.namespace, true);
      begin();
      const r = createDoc(api, doc, o.namespace, false);
      settle();
      publish();
      return r;
    },
    replace(doc: unknown, o: { namespace?: string; dryRun?: boolean; saveConfig?: boolean } = {}): ApiResult {
      if (o.dryRun) return createDoc(api, doc, o.namespace, true, o.saveConfig ?? false);
      begin();
      const r = createDoc(api, doc, o.namespace, false, o.saveConfig ?? false);
      settle();
      publish();
      return r;
    },
    update(obj: K8sObject, o?: { dryRun?: boolean }): ApiResult {
      if (o?.dryRun) return api.update(obj, { external: true, dryRun: true });
      begin();
      const r = api.update(obj, { external: true });
      settle();
      publish();
      return r;
    },
    patch(
      kind: KindName,
      namespace: string | undefined,
      name: string,
      type: PatchType,
      body: string,
      o?: PatchOptions,
    ): ApiResult {
      const { patchOne } = late();
      if (o?.dryRun) return patchOne(api, kind, namespace, name, type, body, o);
      begin();
      const r = patchOne(api, kind, namespace, name, type, body, o);
      settle();
      publish();
      return r;
    },
    delete(kind: KindName, namespace: string | undefined, name: string, o?: DeleteOptions): ApiResult {
      // An eviction (POST pods/NAME/eviction) is refused when the Pod's PodDisruptionBudget does
      // not allow it, dry run or not (late: apiserver/eviction evictPod).
      const del = () =>
        o?.eviction
          ? late().evictPod(api, clock.now(), namespace, name, o)
          : api.delete(kind, namespace, name, o);
      if (o?.dryRun) return del();
      begin();
      const r = del();
      settle();
      publish();
      return r;
    },
    get: (kind, namespace, name) => store.get(kind, namespace, name),
    list: (kind: KindName, o?: ListOptions) => store.list(kind, o),
    subscribe(listener: Listener) {
      listeners.add(listener);
      collector.listen();
      return () => listeners.delete(listener);
    },
    watch(kind, fn) {
      // The store hears of this listener only while the watch is open (no cost to writes otherwise).
      let open = true;
      const send = (type: WatchEventType, k: KindName, object: K8sObject, old?: K8sObject) => {
        if (k !== kind) return;
        const ev: ObjectWatchEvent = { type, object, old, at: clock.now() };
        watched.push(() => open && fn(ev));
      };
      const a = store.watch((e) => send(e.type, e.kind, e.object, e.old));
      // Lazy entries (Events) are built only for a watch of their kind.
      const b = store.watchKeys((t, k, _, e) => k === kind && send(t, k, e.object()));
      return () => {
        open = false;
        a();
        b();
      };
    },
  };
  // The kubelet runs a container's process that ends through the workloads layer, on the facade.
  kubelet?.bindFacade(cluster);
  return cluster;
}

/**
 * Fire every timer due up to `target` in (due, seq) order, letting the controllers settle after each
 * instant's timers, and move the clock to `target`. A function of the module rather than a closure
 * per cluster: its loop is the hottest code a build runs outside the controllers, and a fresh
 * cluster (a reset, a lesson's replay) runs the code the earlier clusters optimised.
 */
function advanceClusterTo(
  manager: ControllerManager,
  timers: TimerHeap,
  clock: ManualClock,
  target: number,
): void {
  manager.runUntilIdle();
  for (;;) {
    const due = timers.peekDue();
    if (due === undefined || due > target) break;
    if (due > clock.now()) clock.set(due);
    // Fire everything due at this instant, then let controllers settle.
    for (;;) {
      const fn = timers.popDue(clock.now());
      if (!fn) break;
      fn();
    }
    manager.runUntilIdle();
  }
  if (target > clock.now()) clock.set(target);
  manager.runUntilIdle();
}

/**
 * `kubectl create`: like apply's create path (strict decoding, AlreadyExists if present); with
 * `saveConfig` given, `kubectl replace`: a PUT of the document (apply.ts replaceExisting).
 */
function createDoc(
  api: ApiServer,
  doc: unknown,
  namespace: string | undefined,
  dryRun: boolean,
  saveConfig?: boolean,
): ApiResult {
  const o = late().applyOne(api, doc, 0, {
    ...(namespace !== undefined ? { namespace } : {}),
    ...(saveConfig === undefined ? { createOnly: true } : { replace: { saveConfig } }),
    ...(dryRun ? { dryRun } : {}),
  });
  if (!o.result.ok) return { ok: false, error: o.result.error };
  return { ok: true, object: o.result.object, ...(o.warnings.length ? { warnings: o.warnings } : {}) };
}

export { objectKey };
