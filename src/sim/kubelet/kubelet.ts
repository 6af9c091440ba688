// The kubelets of all nodes, as a table of stages on the simulated clock (kwok-style):
//   bound → ContainerCreating (sandbox: Pod IP from host-local IPAM) → [spec.initContainers, one
//   at a time: init-containers.ts] → per container, in order: pull (first pull slow, cached pulls
//   ~1 s), create, start → Running/Ready;  bad image → that container ErrImagePull ⇄
//   ImagePullBackOff with backoff (pull-waits.ts), the others started;
//   deletionTimestamp → Killing → after the image's SIGTERM behaviour (≤ grace period) the
//   stopped containers and terminal phase are written (lifecycle.ts terminate, bound late), then
//   the Pod is removed, releasing the IP. Events carry the real reasons and messages. [K8S pkg/kubelet]
// A container whose process ends (a command, busybox's own `sh`: program.ts) is run, restarted
// and backed off by lifecycle.ts; Pods whose containers are all servers never leave the boot path.
// This file is the controller [K8S 1.34 pkg/kubelet: kubelet.go syncLoop/HandlePodAdditions and
// HandlePodRemoves, per pod UID]: what it keeps per node (NodeState) and per Pod (PodRuntime), the
// sandbox IPs, the Events, status writes and condition lists every stage uses, and which Pod goes to
// the pod worker (pod-worker.ts: admit, kill) or is adopted as it runs.
import type { KindName, Pod, PodCondition } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { Slot } from '../apiserver/store';
import type { Cluster } from '../contract';
import { late, latePartsLoaded } from '../late';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import {
  type Clock,
  type Controller,
  type ControllerContext,
  NO_KEYS,
  type Rng,
  type Timers,
  type WatchEvent,
} from '../runtime/interfaces';
import { parseImage } from './images';
import { NodeIpam } from './ipam';
import type { LifecycleDeps } from './lifecycle-deps';
import { NodeState, type PodRuntime, podRuntime } from './pod-runtime';
import { PodWorker, type WorkerHost } from './pod-worker';
import {
  type CondSpec,
  type ContainerTemplate,
  conditionAt,
  conditionOf,
  type ListSite,
  listSite,
  sharedList,
  templateOf,
} from './status-parts';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

export interface KubeletDeps {
  api: ApiServer;
  profile: Profile;
  clock: Clock;
  rng: Rng;
}

export interface Kubelet extends Controller {
  /** Pod key → IP currently held (for tests / the networking layer). */
  readonly ips: ReadonlyMap<string, string>;
  ipamFor(node: string): NodeIpam | undefined;
  /**
   * The cluster facade, for running a container's process that ends through the workloads layer
   * (which works on the facade). Until it is bound every container runs until stopped.
   */
  bindFacade(cluster: Cluster): void;
}

/** kubetypes.PodConditionsByKubelet (with PodReadyToStartContainers, on by default in 1.34). */
const BY_KUBELET = new Set([
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
]);
export function createKubelet(deps: KubeletDeps): Kubelet {
  return new KubeletController(deps);
}

/**
 * The kubelet as a class rather than a closure per cluster: a fresh cluster (the page's reset, a
 * lesson's replay) runs the same methods, whose feedback and optimised code the earlier clusters
 * left, instead of new closures that V8 compiles again for their own context. It is also what the
 * parts bound late get as their LifecycleDeps.
 */
class KubeletController implements Kubelet, LifecycleDeps, WorkerHost {
  readonly name = 'kubelet';
  readonly watches: readonly KindName[] = ['Pod'];
  // Pod key → IP its sandbox holds, leased from the node of the runtime under that key (an IP is
  // held only while that runtime is the key's, and released when it stops being so).
  readonly ips = new Map<string, string>();
  readonly clock: Clock;
  readonly rng: { ids: Rng; pulls: Rng };
  private readonly api: ApiServer;
  private readonly profile: Profile;
  private readonly nodes = new Map<string, NodeState>();
  private readonly runtimes = new Map<string, PodRuntime>(); // pod uid → runtime
  private readonly byKey = new Map<string, PodRuntime>(); // pod key → runtime of the Pod the kubelet runs
  private ctxRef: ControllerContext | undefined = undefined;
  private facadeRef: Cluster | undefined = undefined;
  // The last condition list lifecycle.ts's writes built, shared by the next one with the same.
  private readonly exited: ListSite = listSite();
  private readonly worker: PodWorker;

  constructor({ api, profile, clock, rng }: KubeletDeps) {
    this.api = api;
    this.profile = profile;
    this.clock = clock;
    for (const n of profile.nodes) this.nodeState(n.name);
    const pullRng = rng.fork('image-pulls');
    const stopRng = rng.fork('container-stop');
    const idRng = rng.fork('container-ids');
    this.rng = { ids: idRng, pulls: pullRng };
    this.worker = new PodWorker(this, api, stopRng);
  }

  private nodeState(name: string): NodeState {
    let n = this.nodes.get(name);
    if (!n) {
      let p: Profile['nodes'][number] | undefined;
      for (const x of this.profile.nodes) if (x.name === name) p = x; // the last entry of a name wins
      n = new NodeState(
        name,
        p?.ip ?? '',
        p ? new NodeIpam(p.podCIDR) : undefined,
        p ? new Set() : undefined,
      );
      this.nodes.set(name, n);
    }
    return n;
  }

  ipamFor(node: string): NodeIpam | undefined {
    return this.nodes.get(node)?.ipam;
  }

  bindFacade(cluster: Cluster): void {
    this.facadeRef = cluster;
  }

  // The kubelet reads the Pods it runs as views (Store.view): its own status writes are status
  // versions (ApiServer.putStatus) that nothing else may ever read whole, and none is built here.
  // A view's metadata.resourceVersion is an earlier version's: the Events recorded on it read the
  // version's (events.ts involvedRv), and nothing else here reads it.
  private viewOf(key: string): Pod | undefined {
    const i = key.indexOf('/');
    return this.api.store.view('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
  }

  /** The slot under a Pod's key (Store.slot), if a Pod written whole is there. */
  private slotOf(key: string): Slot | undefined {
    const i = key.indexOf('/');
    return this.api.store.slot('Pod', key.slice(0, i), key.slice(i + 1));
  }

  // LifecycleDeps: what the pod worker and the parts bound late (src/sim/late) get of the kubelet.

  timers(): Timers {
    return (this.ctxRef as ControllerContext).timers;
  }

  facade(): Cluster | undefined {
    return this.facadeRef;
  }

  // `fieldPath`: the container the Event is about (ContainerTemplate.fieldPaths), as the kubelet's
  // container Events carry it; none for the Pod-level ones (see containerFieldPath).
  record(
    pod: Pod,
    type: 'Normal' | 'Warning',
    reason: string,
    msg: string,
    rt: PodRuntime,
    fieldPath?: string,
  ): void {
    this.ctxRef?.events.record(pod, type, reason, msg, rt.node.source, fieldPath);
  }

  // The Pod a runtime runs, as a view, read through the slot the runtime keeps (Store.slot): no
  // name lookup while the slot is live, looked up again once the name's object was removed (a
  // Pod created again under the name has a new slot).
  get(rt: PodRuntime): Pod | undefined {
    let s = rt.slot;
    if (s === undefined || !s.live) {
      s = this.api.store.slot('Pod', rt.namespace, rt.name);
      rt.slot = s;
      if (s === undefined) return this.api.store.view('Pod', rt.namespace, rt.name) as Pod | undefined;
    }
    return s.view() as Pod;
  }

  // updateStatus of `{ ...pod, status }`, written as a status version (its object built when
  // something reads it); the Pod's view after it. Through the runtime's slot while it is live
  // (then the entry under the Pod's name: `rt` runs the Pod of that name).
  writeStatus(pod: Pod, status: Any, rt?: PodRuntime): Pod {
    const s = rt?.slot;
    if (s?.live) return this.api.putStatusIn(s, 'Pod', (rt as PodRuntime).namespace, status) as Pod;
    return (
      (this.api.putStatus('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, status) as
        | Pod
        | undefined) ?? pod
    );
  }

  template(rt: PodRuntime, pod: Pod): ContainerTemplate {
    const cs = pod.spec.containers;
    if (rt.tplOf === cs && rt.tpl) return rt.tpl;
    const t = templateOf(cs);
    rt.tplOf = cs;
    rt.tpl = t;
    return t;
  }

  conditions(
    prev: readonly PodCondition[] | undefined,
    sandbox: CondSpec,
    initialized: CondSpec,
    ready: CondSpec,
    containersReady: CondSpec,
  ): PodCondition[] {
    return this.conditionsAt(prev, this.exited, sandbox, initialized, ready, containersReady);
  }

  /**
   * The Pod's conditions in the kubelet's order, each given spec set (keeping its
   * lastTransitionTime when the status does not change) and the others as they were; PodScheduled
   * (the scheduler's) always as it was. A condition the kubelet does not own (DisruptionTarget from
   * an eviction, a readiness gate's) is kept, ahead of the kubelet's own: status_manager.go
   * mergePodStatus (PodConditionByKubelet). `site`: the call site's last list (sharedList).
   */
  conditionsAt(
    prev: readonly PodCondition[] | undefined,
    site: ListSite,
    sandbox: CondSpec | undefined,
    initialized: CondSpec | undefined,
    ready: CondSpec | undefined,
    containersReady: CondSpec | undefined,
  ): PodCondition[] {
    // The site's last answer again when it was for the same list, second and specs (ListSite).
    const time = rfc3339(this.clock.now());
    if (
      site.out !== undefined &&
      site.prev === prev &&
      site.time === time &&
      site.sandbox === sandbox &&
      site.initialized === initialized &&
      site.ready === ready &&
      site.containersReady === containersReady
    )
      return site.out;
    const own = sharedList(
      site,
      this.condition(prev, 'PodReadyToStartContainers', sandbox, time),
      this.condition(prev, 'Initialized', initialized, time),
      this.condition(prev, 'Ready', ready, time),
      this.condition(prev, 'ContainersReady', containersReady, time),
      conditionOf(prev, 'PodScheduled'),
    );
    // Usually every condition is the kubelet's (or PodScheduled): no array is built to find none.
    let others: PodCondition[] | undefined;
    if (prev !== undefined && prev !== null)
      for (let i = 0; i < prev.length; i++) {
        const c = prev[i] as PodCondition;
        if (BY_KUBELET.has(c.type)) continue;
        others ??= [];
        others.push(c);
      }
    if (others) {
      site.out = undefined; // a new array per call, as before: nothing kept to reuse
      return [...others, ...own];
    }
    site.out = own;
    site.prev = prev;
    site.time = time;
    site.sandbox = sandbox;
    site.initialized = initialized;
    site.ready = ready;
    site.containersReady = containersReady;
    return own;
  }

  /** `type`'s condition for `want` (its lastTransitionTime kept while its status is), or as it was. */
  private condition(
    prev: readonly PodCondition[] | undefined,
    type: PodCondition['type'],
    want: CondSpec | undefined,
    time: string,
  ): PodCondition | undefined {
    const old = conditionOf(prev, type);
    if (!want) return old;
    return conditionAt(want, old && old.status === want.status ? old.lastTransitionTime : time);
  }

  // GetPodDNS (pkg/kubelet/network/dns/dns.go) records DNSConfigForming Warnings on the Pod (no
  // fieldPath) each time the kubelet forms the Pod's DNS config: createPodSandbox, then every
  // SyncPod's generatePodSandboxConfig before it starts containers (kuberuntime_manager.go, "Get
  // podSandboxConfig for containers to start", unconditional): the first start, each image
  // pull back-off sync and retry here, each container restart or back-off sync in lifecycle.ts.
  // (The periodic resync of a Pod with nothing to do, every minute or so, is not simulated.)
  // Only a spec.dnsConfig can overflow the limits.
  formDns(pod: Pod, rt: PodRuntime): void {
    if ((pod.spec as Any).dnsConfig && latePartsLoaded())
      for (const m of late().CoreDns.configFormingMessages(pod, this.profile))
        this.record(pod, 'Warning', 'DNSConfigForming', m, rt);
  }

  // The sandbox IP each Pod holds, by Pod key (CNI ADD and DEL on host-local IPAM, ipam.ts).
  private holdIp(key: string, ip: string): void {
    this.ips.set(key, ip);
  }

  // Sandbox torn down: the IP goes back to the pool (not reused at once: next-free cursor).
  // `rt`: the runtime that held it (none under the key: nothing is held).
  private releaseIp(key: string, rt: PodRuntime | undefined): void {
    const held = rt && this.ips.get(key);
    if (held) {
      rt.node.ipam?.release(held);
      this.ips.delete(key);
    }
  }

  // A Pod already running when the kubelet first sees it (the boot's system Pods, like the
  // containers a restarted kubelet finds): take over its sandbox IP and images, write nothing.
  private adopt(pod: Pod, rt: PodRuntime): void {
    const ip = pod.status?.podIP;
    const node = rt.node;
    if (ip && ip !== node.ip && node.ipam) {
      node.ipam.reserve(ip); // false when the boot already reserved it: either way it is held now
      this.holdIp(rt.key, ip);
    }
    for (const c of pod.spec.containers) node.images?.add(parseImage(c.image).fullName);
  }

  // CNI ADD: the IP the Pod's sandbox holds already, else a new one from its node's range.
  sandboxIp(pod: Pod, rt: PodRuntime): string | undefined {
    let ip = pod.spec.hostNetwork ? rt.node.ip : this.ips.get(rt.key);
    if (!ip) {
      ip = rt.node.ipam?.allocate();
      if (ip) this.holdIp(rt.key, ip);
    }
    return ip;
  }

  keysFor(ev: WatchEvent): string[] {
    const p = ev.view as Pod;
    if (ev.type !== 'DELETED' && !p.spec?.nodeName) return NO_KEYS as string[];
    // A Pod the kubelet runs already: its key, without building the string again.
    const rt = this.runtimes.get(p.metadata.uid);
    if (rt === undefined) return [`${ev.namespace}/${ev.name}`];
    // Quiet (the key keeps its queue place, but no sync runs unless another event asks for one)
    // when reconcile would find nothing to do on the Pod as this event leaves it: it is not gone,
    // its key's runtime is this one, a deletion is being handled already, no ephemeral container
    // to sync. It reads nothing else that changes without an event queueing the key: byKey and
    // runtimes under this key change only in this key's reconcile, and `killing` never reverts.
    // Mostly the kubelet's own status writes (~15,000 in the benchmark).
    if (
      ev.type !== 'DELETED' &&
      this.byKey.get(rt.key) === rt &&
      (rt.killing || !p.metadata.deletionTimestamp) &&
      !(p.spec as Any).ephemeralContainers
    )
      return rt.quiet;
    return rt.keys as string[];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    this.ctxRef = ctx;
    const worker = this.worker;
    // The key of a Pod the kubelet ran already is split once, in its runtime. A Pod it does not
    // run yet is read by its slot, which the runtime made for it below keeps (Store.slot), so its
    // next read and its first status write look nothing up by name.
    const known = this.byKey.get(key);
    let found: Slot | undefined;
    let pod: Pod | undefined;
    if (known) pod = this.get(known);
    else {
      found = this.slotOf(key);
      pod = found !== undefined ? (found.view() as Pod) : this.viewOf(key);
    }
    if (!pod) {
      this.releaseIp(key, known);
      if (known) {
        worker.cancel(known);
        this.runtimes.delete(known.uid);
      }
      this.byKey.delete(key);
      return;
    }
    const uid = pod.metadata.uid;
    if (known && known.uid !== uid) {
      // The Pod the kubelet ran under this name is gone and another took the name within one
      // sync: tear the old sandbox down (its IP goes back to the pool, as on a deletion) before
      // the new Pod is admitted with its own sandbox and a new IP, as syncPod does per pod UID.
      worker.cancel(known);
      known.killing = true;
      this.runtimes.delete(known.uid);
      this.byKey.delete(key);
      this.releaseIp(key, known);
    }
    const node = pod.spec.nodeName;
    if (!node) return;
    let rt = known?.uid === uid ? known : this.runtimes.get(uid);
    if (!rt) {
      rt = podRuntime(key, uid, this.nodeState(node), pod, worker, found !== undefined);
      rt.slot = found;
      this.runtimes.set(uid, rt);
      this.byKey.set(key, rt);
      if (pod.metadata.deletionTimestamp) worker.kill(pod, rt);
      else if (pod.status?.phase === 'Running') this.adopt(pod, rt);
      else worker.admit(pod, rt);
      return;
    }
    if (pod.metadata.deletionTimestamp && !rt.killing) worker.kill(pod, rt);
    // kubectl debug's ephemeral containers (ephemeral.ts, bound late; only kubectl adds one).
    if ((pod.spec as Any).ephemeralContainers) late().syncEphemeral(this, pod, rt);
  }
}
