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
import type { Pod, PodCondition } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { Cluster } from '../contract';
import { late, latePartsLoaded } from '../late';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import type { Clock, Controller, ControllerContext, Rng, WatchEvent } from '../runtime/interfaces';
import { parseImage } from './images';
import { NodeIpam } from './ipam';
import type { LifecycleDeps } from './lifecycle-deps';
import { type NodeState, PodRuntime } from './pod-runtime';
import { createPodWorker } from './pod-worker';
import {
  type CondSpec,
  type ContainerTemplate,
  conditionAt,
  conditionOf,
  type ListSite,
  type PodConditions,
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

const NO_KEYS: readonly string[] = Object.freeze([]);

/** kubetypes.PodConditionsByKubelet (with PodReadyToStartContainers, on by default in 1.34). */
const BY_KUBELET = new Set([
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
]);
export function createKubelet({ api, profile, clock, rng }: KubeletDeps): Kubelet {
  const nodes = new Map<string, NodeState>();
  const nodeState = (name: string): NodeState => {
    let n = nodes.get(name);
    if (!n) {
      let p: Profile['nodes'][number] | undefined;
      for (const x of profile.nodes) if (x.name === name) p = x; // the last entry of a name wins
      n = {
        name,
        ip: p?.ip ?? '',
        hostIPs: Object.freeze([Object.freeze({ ip: p?.ip ?? '' })]),
        ipam: p ? new NodeIpam(p.podCIDR) : undefined,
        images: p ? new Set() : undefined,
        fetching: new Map(),
        source: { component: 'kubelet', host: name },
      };
      nodes.set(name, n);
    }
    return n;
  };
  for (const n of profile.nodes) nodeState(n.name);
  const runtimes = new Map<string, PodRuntime>(); // pod uid → runtime
  const byKey = new Map<string, PodRuntime>(); // pod key → runtime of the Pod the kubelet runs
  // Pod key → IP its sandbox holds, leased from the node of the runtime under that key (an IP is
  // held only while that runtime is the key's, and released when it stops being so).
  const ips = new Map<string, string>();
  const pullRng = rng.fork('image-pulls');
  const stopRng = rng.fork('container-stop');
  const idRng = rng.fork('container-ids');
  let ctxRef: ControllerContext | undefined;
  let facade: Cluster | undefined;
  // The last condition list lifecycle.ts's writes built, shared by the next one with the same.
  const exited: ListSite = { last: undefined };
  // The kubelet reads the Pods it runs as views (Store.view): its own status writes are status
  // versions (ApiServer.putStatus) that nothing else may ever read whole, and none is built here.
  // A view's metadata.resourceVersion is an earlier version's: the Events recorded on it read the
  // version's (events.ts involvedRv), and nothing else here reads it.
  const get = (key: string) => {
    const i = key.indexOf('/');
    return api.store.view('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
  };
  // `fieldPath`: the container the Event is about (ContainerTemplate.fieldPaths), as the kubelet's
  // container Events carry it; none for the Pod-level ones (see containerFieldPath).
  const record: LifecycleDeps['record'] = (pod, type, reason, msg, rt, fieldPath) =>
    ctxRef?.events.record(pod, type, reason, msg, rt.node.source, fieldPath);

  // The Pod a runtime runs, as a view, read through the slot the runtime keeps (Store.slot): no
  // name lookup while the slot is live, looked up again once the name's object was removed (a
  // Pod created again under the name has a new slot).
  const podOf = (rt: PodRuntime): Pod | undefined => {
    let s = rt.slot;
    if (s === undefined || !s.live) {
      s = api.store.slot('Pod', rt.namespace, rt.name);
      rt.slot = s;
      if (s === undefined) return api.store.view('Pod', rt.namespace, rt.name) as Pod | undefined;
    }
    return s.view() as Pod;
  };

  // updateStatus of `{ ...pod, status }`, written as a status version (its object built when
  // something reads it); the Pod's view after it. Through the runtime's slot while it is live
  // (then the entry under the Pod's name: `rt` runs the Pod of that name).
  const writeStatus = (pod: Pod, status: Any, rt?: PodRuntime): Pod => {
    const s = rt?.slot;
    if (s?.live) return api.putStatusIn(s, 'Pod', (rt as PodRuntime).namespace, status) as Pod;
    return (
      (api.putStatus('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, status) as
        | Pod
        | undefined) ?? pod
    );
  };

  const templateFor = (rt: PodRuntime, pod: Pod): ContainerTemplate => {
    const cs = pod.spec.containers;
    if (rt.tplOf === cs && rt.tpl) return rt.tpl;
    const t = templateOf(cs);
    rt.tplOf = cs;
    rt.tpl = t;
    return t;
  };

  const now = () => rfc3339(clock.now());
  /**
   * The Pod's conditions in the kubelet's order, each given spec set (keeping its
   * lastTransitionTime when the status does not change) and the others as they were; PodScheduled
   * (the scheduler's) always as it was. A condition the kubelet does not own (DisruptionTarget from
   * an eviction, a readiness gate's) is kept, ahead of the kubelet's own: status_manager.go
   * mergePodStatus (PodConditionByKubelet).
   */
  const conditions: PodConditions = (prev, site, sandbox, initialized, ready, containersReady) => {
    const own = sharedList(
      site,
      condition(prev, 'PodReadyToStartContainers', sandbox),
      condition(prev, 'Initialized', initialized),
      condition(prev, 'Ready', ready),
      condition(prev, 'ContainersReady', containersReady),
      conditionOf(prev, 'PodScheduled'),
    );
    // Usually every condition is the kubelet's (or PodScheduled): no array is built to find none.
    if (prev === undefined || prev === null) return own;
    let others: PodCondition[] | undefined;
    for (let i = 0; i < prev.length; i++) {
      const c = prev[i] as PodCondition;
      if (BY_KUBELET.has(c.type)) continue;
      others ??= [];
      others.push(c);
    }
    return others ? [...others, ...own] : own;
  };
  const condition = (
    prev: readonly PodCondition[] | undefined,
    type: PodCondition['type'],
    want: CondSpec | undefined,
  ): PodCondition | undefined => {
    const old = conditionOf(prev, type);
    if (!want) return old;
    return conditionAt(want, old && old.status === want.status ? old.lastTransitionTime : now());
  };

  // What the parts bound late (src/sim/late) get of the kubelet.
  const lifecycleDeps: LifecycleDeps = {
    clock,
    rng: { ids: idRng, pulls: pullRng },
    timers: () => (ctxRef as ControllerContext).timers,
    facade: () => facade,
    get: podOf,
    record,
    formDns: (pod, rt) => formDns(pod, rt),
    writeStatus,
    conditions: (prev, sandbox, initialized, ready, containersReady) =>
      conditions(prev, exited, sandbox, initialized, ready, containersReady),
    template: templateFor,
  };

  // GetPodDNS (pkg/kubelet/network/dns/dns.go) records DNSConfigForming Warnings on the Pod (no
  // fieldPath) each time the kubelet forms the Pod's DNS config: createPodSandbox, then every
  // SyncPod's generatePodSandboxConfig before it starts containers (kuberuntime_manager.go, "Get
  // podSandboxConfig for containers to start", unconditional): the first start, each image
  // pull back-off sync and retry here, each container restart or back-off sync in lifecycle.ts.
  // (The periodic resync of a Pod with nothing to do, every minute or so, is not simulated.)
  // Only a spec.dnsConfig can overflow the limits.
  const formDns = (pod: Pod, rt: PodRuntime) => {
    if ((pod.spec as Any).dnsConfig && latePartsLoaded())
      for (const m of late().CoreDns.configFormingMessages(pod, profile))
        record(pod, 'Warning', 'DNSConfigForming', m, rt);
  };

  // The sandbox IP each Pod holds, by Pod key (CNI ADD and DEL on host-local IPAM, ipam.ts).
  const holdIp = (key: string, ip: string) => {
    ips.set(key, ip);
  };
  // Sandbox torn down: the IP goes back to the pool (not reused at once: next-free cursor).
  // `rt`: the runtime that held it (none under the key: nothing is held).
  const releaseIp = (key: string, rt: PodRuntime | undefined) => {
    const held = rt && ips.get(key);
    if (held) {
      rt.node.ipam?.release(held);
      ips.delete(key);
    }
  };

  // A Pod already running when the kubelet first sees it (the boot's system Pods, like the
  // containers a restarted kubelet finds): take over its sandbox IP and images, write nothing.
  const adopt = (pod: Pod, rt: PodRuntime) => {
    const ip = pod.status?.podIP;
    const node = rt.node;
    if (ip && ip !== node.ip && node.ipam) {
      node.ipam.reserve(ip); // false when the boot already reserved it: either way it is held now
      holdIp(rt.key, ip);
    }
    for (const c of pod.spec.containers) node.images?.add(parseImage(c.image).fullName);
  };

  // CNI ADD: the IP the Pod's sandbox holds already, else a new one from its node's range.
  const sandboxIp = (pod: Pod, rt: PodRuntime) => {
    let ip = pod.spec.hostNetwork ? rt.node.ip : ips.get(rt.key);
    if (!ip) {
      ip = rt.node.ipam?.allocate();
      if (ip) holdIp(rt.key, ip);
    }
    return ip;
  };
  const worker = createPodWorker(lifecycleDeps, api, sandboxIp, stopRng, conditions);
  const { admit, fire, kill, cancel } = worker;

  return {
    name: 'kubelet',
    watches: ['Pod'],
    ips,
    ipamFor: (node) => nodes.get(node)?.ipam,
    bindFacade(cluster: Cluster) {
      facade = cluster;
    },
    keysFor(ev: WatchEvent): string[] {
      const p = ev.view as Pod;
      if (ev.type !== 'DELETED' && !p.spec?.nodeName) return NO_KEYS as string[];
      // A Pod the kubelet runs already: its key, without building the string again.
      const rt = runtimes.get(p.metadata.uid);
      if (rt === undefined) return [`${p.metadata.namespace}/${p.metadata.name}`];
      // Quiet (the key keeps its queue place, but no sync runs unless another event asks for one)
      // when reconcile would find nothing to do on the Pod as this event leaves it: it is not gone,
      // its key's runtime is this one, a deletion is being handled already, no ephemeral container
      // to sync. It reads nothing else that changes without an event queueing the key: byKey and
      // runtimes under this key change only in this key's reconcile, and `killing` never reverts.
      // Mostly the kubelet's own status writes (~15,000 in the benchmark).
      if (
        ev.type !== 'DELETED' &&
        byKey.get(rt.key) === rt &&
        (rt.killing || !p.metadata.deletionTimestamp) &&
        !(p.spec as Any).ephemeralContainers
      )
        return rt.quiet;
      return rt.keys as string[];
    },
    reconcile(key: string, ctx: ControllerContext) {
      ctxRef = ctx;
      // The key of a Pod the kubelet ran already is split once, in its runtime.
      const known = byKey.get(key);
      const pod = known ? podOf(known) : get(key);
      if (!pod) {
        releaseIp(key, known);
        if (known) {
          cancel(known);
          runtimes.delete(known.uid);
        }
        byKey.delete(key);
        return;
      }
      const uid = pod.metadata.uid;
      if (known && known.uid !== uid) {
        // The Pod the kubelet ran under this name is gone and another took the name within one
        // sync: tear the old sandbox down (its IP goes back to the pool, as on a deletion) before
        // the new Pod is admitted with its own sandbox and a new IP, as syncPod does per pod UID.
        cancel(known);
        known.killing = true;
        runtimes.delete(known.uid);
        byKey.delete(key);
        releaseIp(key, known);
      }
      const node = pod.spec.nodeName;
      if (!node) return;
      let rt = known?.uid === uid ? known : runtimes.get(uid);
      if (!rt) {
        const r = new PodRuntime(key, uid, nodeState(node), pod);
        r.fire = () => fire(r);
        rt = r;
        runtimes.set(uid, rt);
        byKey.set(key, rt);
        if (pod.metadata.deletionTimestamp) return kill(pod, rt);
        if (pod.status?.phase === 'Running') return adopt(pod, rt);
        admit(pod, rt);
        return;
      }
      if (pod.metadata.deletionTimestamp && !rt.killing) kill(pod, rt);
      // kubectl debug's ephemeral containers (ephemeral.ts, bound late; only kubectl adds one).
      if ((pod.spec as Any).ephemeralContainers) late().syncEphemeral(lifecycleDeps, pod, rt);
    },
  };
}
