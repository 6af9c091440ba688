// The kubelets of all nodes, as a table of stages on the simulated clock (kwok-style):
//   bound → ContainerCreating (sandbox: Pod IP from host-local IPAM) → [spec.initContainers, one
//   at a time: init-containers.ts] → per container, in order: pull (first pull slow, cached pulls
//   ~1 s), create, start → Running/Ready;  bad image → that container ErrImagePull ⇄
//   ImagePullBackOff with backoff (pull-waits.ts), the others started;
//   deletionTimestamp → Killing → after the image's SIGTERM behaviour (≤ grace period) the
//   stopped containers and terminal phase are written (lifecycle.ts terminate, bound late), then
//   the Pod is removed, releasing the IP. Events carry the real reasons and messages. [K8S pkg/kubelet]
// A container whose process ends (a command, busybox's own `sh`: program.ts) is run, restarted
// and backed off by lifecycle.ts; Pods whose containers are all servers never leave this file.
import type { Container, ContainerStatus, Pod, PodCondition } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { Cluster } from '../contract';
import { late, latePartsLoaded } from '../late';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import type { Clock, Controller, ControllerContext, Rng, WatchEvent } from '../runtime/interfaces';
import { flat } from '../runtime/rng';
import { CACHED_PULL_MS, checkImage, drawMs, type ImageRef, parseImage, pulledMessage } from './images';
import { NodeIpam } from './ipam';
import type { Lifecycle } from './lifecycle';
import type { LifecycleDeps } from './lifecycle-deps';
import { containerId, type NodeState, PodRuntime, type Stage } from './pod-runtime';
import {
  type CondSpec,
  type ContainerTemplate,
  conditionAt,
  conditionOf,
  condSpec,
  EMPTY_STATE,
  type ListSite,
  runningState,
  sharedList,
  templateOf,
} from './status-parts';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

/** Sandbox (pause container + CNI ADD) before the first image pull starts. */
const SANDBOX_MS: [number, number] = [250, 600];

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

// The conditions the kubelet sets that do not depend on the Pod's containers.
const SANDBOX_NOT_READY = condSpec('PodReadyToStartContainers', 'False');
const SANDBOX_READY = condSpec('PodReadyToStartContainers', 'True');
const INITIALIZED = condSpec('Initialized', 'True');
const READY = condSpec('Ready', 'True');
const CONTAINERS_READY = condSpec('ContainersReady', 'True');
const NO_KEYS: readonly string[] = Object.freeze([]);

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
  const ips = new Map<string, { node: string; ip: string }>(); // pod key → IP
  const ipView = new Map<string, string>();
  const pullRng = rng.fork('image-pulls');
  const stopRng = rng.fork('container-stop');
  const idRng = rng.fork('container-ids');
  let ctxRef: ControllerContext | undefined;
  let facade: Cluster | undefined;
  // Each call site's last condition list, shared by the next Pod that needs the same one.
  const admitted: ListSite = { last: undefined };
  const sandboxed: ListSite = { last: undefined };
  const started: ListSite = { last: undefined };
  const exited: ListSite = { last: undefined };

  const now = () => rfc3339(clock.now());
  const get = (key: string) => {
    const i = key.indexOf('/');
    return api.store.get('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
  };
  // `fieldPath`: the container the Event is about (ContainerTemplate.fieldPaths), as the kubelet's
  // container Events carry it; none for the Pod-level ones (see containerFieldPath).
  const record: LifecycleDeps['record'] = (pod, type, reason, msg, rt, fieldPath) =>
    ctxRef?.events.record(pod, type, reason, msg, rt.node.source, fieldPath);

  const writeStatus = (pod: Pod, status: Any) => {
    const r = api.updateStatus({ ...pod, status });
    return r.ok ? (r.object as Pod) : pod;
  };

  const templateFor = (rt: PodRuntime, pod: Pod): ContainerTemplate => {
    const cs = pod.spec.containers;
    if (rt.tplOf === cs && rt.tpl) return rt.tpl;
    const t = templateOf(cs);
    rt.tplOf = cs;
    rt.tpl = t;
    return t;
  };

  /**
   * The Pod's conditions in the kubelet's order, each given spec set (keeping its
   * lastTransitionTime when the status does not change) and the others as they were; PodScheduled
   * (the scheduler's) always as it was. A type not in this list is dropped.
   */
  const conditions = (
    prev: readonly PodCondition[] | undefined,
    site: ListSite,
    sandbox: CondSpec | undefined,
    initialized: CondSpec | undefined,
    ready: CondSpec | undefined,
    containersReady: CondSpec | undefined,
  ): PodCondition[] => {
    return sharedList(
      site,
      condition(prev, 'PodReadyToStartContainers', sandbox),
      condition(prev, 'Initialized', initialized),
      condition(prev, 'Ready', ready),
      condition(prev, 'ContainersReady', containersReady),
      conditionOf(prev, 'PodScheduled'),
    );
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

  // Bound late (src/sim/late) with the workloads that run the processes: the page's first graph
  // has only servers, and until the kubectl chunk is in, every container is one.
  let lifecycle: Lifecycle | undefined;
  const lifecycleDeps: LifecycleDeps = {
    clock,
    rng: { ids: idRng, pulls: pullRng },
    timers: () => (ctxRef as ControllerContext).timers,
    facade: () => facade,
    get: (rt) => api.store.get('Pod', rt.namespace, rt.name) as Pod | undefined,
    record,
    formDns: (pod, rt) => formDns(pod, rt),
    writeStatus,
    conditions: (prev, sandbox, initialized, ready, containersReady) =>
      conditions(prev, exited, sandbox, initialized, ready, containersReady),
    template: templateFor,
  };

  // spec.initContainers run first (init-containers.ts, bound late: the boot's Pods have none).
  const inits = (pod: Pod) => (pod.spec as Any).initContainers?.length && latePartsLoaded();

  const schedule = (rt: PodRuntime, delay: number, next: Stage) => {
    rt.next = next;
    rt.timer = (ctxRef as ControllerContext).timers.after(delay, rt.fire);
  };
  const fire = (rt: PodRuntime) => {
    rt.timer = undefined;
    const next = rt.next as Stage;
    rt.next = undefined;
    const pod = api.store.get('Pod', rt.namespace, rt.name) as Pod | undefined;
    // Another Pod under the same name (the old one deleted and a new one created before the
    // kubelet saw the deletion) is not this runtime's: its own runtime starts it from admission.
    if (!pod || pod.metadata.uid !== rt.uid || pod.metadata.deletionTimestamp || rt.killing) return;
    next(pod, rt);
  };

  // Stage 1: the kubelet admits the Pod and starts creating the sandbox.
  const admit = (pod: Pod, rt: PodRuntime) => {
    const node = rt.node;
    const tpl = templateFor(rt, pod);
    const status: Any = {
      ...pod.status,
      phase: 'Pending',
      conditions: conditions(
        pod.status?.conditions,
        admitted,
        SANDBOX_NOT_READY,
        INITIALIZED,
        tpl.notReady,
        tpl.containersNotReady,
      ),
      hostIP: node.ip,
      hostIPs: node.hostIPs,
      // generateAPIPodStatus: "HostNetwork Pods inherit the node IPs as PodIPs", from the first
      // status that has the host IPs. [K8S 1.34 pkg/kubelet/kubelet_pods.go]
      ...(pod.spec.hostNetwork ? { podIP: node.ip, podIPs: node.hostIPs } : undefined),
      startTime: now(),
      containerStatuses: tpl.creating,
      // qosClass: the API server's, kept from the status it wrote at create.
    };
    writeStatus(pod, inits(pod) ? late().initAdmit(lifecycleDeps, pod, rt, status) : status);
    // A configMap/secret volume whose object does not exist: SetUp is retried, the sandbox never
    // made (config-refs.ts; the volume reconciler's first pass comes within 100 ms).
    if (latePartsLoaded() && late().mountFailures(pod, api)) return schedule(rt, 100, mountAgain);
    createSandbox(pod, rt);
  };
  const mountAgain = (pod: Pod, rt: PodRuntime) => {
    const ms = late().failMounts(lifecycleDeps, pod, rt, api);
    if (ms !== undefined) schedule(rt, ms, mountAgain);
    else createSandbox(pod, rt);
  };
  const createSandbox = (pod: Pod, rt: PodRuntime) => {
    formDns(pod, rt);
    schedule(rt, drawMs(pullRng, SANDBOX_MS), sandboxReady);
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

  // Stage 2: sandbox up, CNI gave it an IP; image pulls start. A hostNetwork Pod's sandbox
  // joins the node's network namespace without CNI (containerd's NamespaceMode_NODE): its IP is
  // the node's (see admit), nothing is leased from the node's range or released on deletion.
  const sandboxReady = (pod: Pod, rt: PodRuntime) => {
    let ip = pod.spec.hostNetwork ? rt.node.ip : ips.get(rt.key)?.ip;
    if (!ip) {
      ip = rt.node.ipam?.allocate();
      if (ip) {
        ips.set(rt.key, { node: rt.node.name, ip });
        ipView.set(rt.key, ip);
      }
    }
    // Not written yet: when every image is already present the containers start in this same
    // sync, and the kubelet's status manager sends one update (IP, sandbox condition, Running,
    // Ready) rather than two at the same instant. A pull that takes time writes it first (the pod
    // shows its IP while ContainerCreating, §C2).
    const status: Any = {
      ...pod.status,
      conditions: conditions(
        pod.status?.conditions,
        sandboxed,
        SANDBOX_READY,
        undefined,
        undefined,
        undefined,
      ),
    };
    if (ip) {
      status.podIP = ip;
      status.podIPs = [{ ip }];
    }
    formDns(pod, rt);
    if (inits(pod)) late().initRun(lifecycleDeps, pod, rt, status, pull);
    else pull(pod, rt, 0, status);
  };

  // Stage 3: SyncPod starts each container to start in turn (kuberuntime_manager.go SyncPod →
  // startContainer): its image (serialised pulls, as the kubelet's default), then create and start
  // it, then the next. A container whose image cannot be had waits (ErrImagePull,
  // ErrImageNeverPull) and the next one still starts; the retry sync starts only those not running.
  // `pending` is a status not written yet (see sandboxReady); the Pod's metadata is current.
  const pull = (pod: Pod, rt: PodRuntime, index: number, pending: Any | undefined): void => {
    if (index === 0) begin(pod, rt);
    const c = pod.spec.containers[index];
    if (!c) {
      start(pod, rt, pending);
      return;
    }
    // Running already (started by an earlier sync): not started again.
    if (rt.at?.[index] !== undefined) {
      pull(pod, rt, index + 1, pending);
      return;
    }
    const tpl = templateFor(rt, pod);
    const node = rt.node;
    const ref = tpl.refs[index] as ImageRef;
    const cached = node.images?.has(ref.fullName) ?? false;
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    if (cached && policy !== 'Always') {
      record(pod, 'Normal', 'Pulled', tpl.presentMsg[index] as string, rt, tpl.fieldPaths[index]);
      made(pod, rt, index);
      pull(pod, rt, index + 1, pending);
      return;
    }
    if (!cached && policy === 'Never') {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      record(pod, 'Warning', 'ErrImageNeverPull', msg, rt, tpl.fieldPaths[index]);
      rt.waits ??= [];
      rt.waits[index] = { reason: 'ErrImageNeverPull', message: msg };
      pull(pod, rt, index + 1, pending);
      return;
    }
    if (pending) pod = writeStatus(pod, pending);
    record(pod, 'Normal', 'Pulling', tpl.pullingMsg[index] as string, rt, tpl.fieldPaths[index]);
    rt.pullTpl = tpl;
    rt.pullIndex = index;
    const check = checkImage(c.image);
    if (!check.ok) {
      rt.failedImage = c.image;
      rt.failedMessage = check.message;
      schedule(rt, drawMs(pullRng, [800, 1600]), pullFailed);
      return;
    }
    let ms = drawMs(pullRng, cached ? CACHED_PULL_MS : check.spec.pullMs);
    if (!cached) {
      // containerd fetches one image once per node: a Pod asking for an image already being
      // pulled there waits for that fetch and gets it when it lands (the draw above is still
      // taken, so the pull stream stays the same for every later Pod).
      const t = clock.now();
      const landing = node.fetching.get(ref.fullName);
      if (landing !== undefined && landing > t) ms = landing - t;
      else node.fetching.set(ref.fullName, t + ms);
    }
    rt.pullMs = ms;
    rt.pullSize = check.spec.size;
    rt.pullFullName = ref.fullName;
    schedule(rt, ms, pulled);
  };

  // The start of a SyncPod: which containers wait on their config (config-refs.ts starts them at
  // its end), and the runs of containers whose process ends or that have probes (lifecycle.ts).
  // A Pod's boot-time start (before the facade is bound) is Ready at once, so no probe worker ticks
  // through the boot's simulated days.
  const begin = (pod: Pod, rt: PodRuntime) => {
    rt.waits = undefined;
    rt.env = latePartsLoaded() ? late().envFailures(pod, api) : undefined;
    if (rt.env || rt.runs || !facade || !latePartsLoaded()) return;
    const programs = late().programsOf(pod.spec.containers);
    if (!programs) return;
    lifecycle ??= late().createLifecycle(lifecycleDeps);
    lifecycle.begin(pod, rt, programs);
  };

  // Container `i`'s image is there: create and start it (its Events now, in SyncPod's order).
  const made = (pod: Pod, rt: PodRuntime, i: number) => {
    if (rt.env) return;
    rt.at ??= [];
    rt.at[i] = now();
    if (rt.runs) {
      lifecycle?.launchAt(pod, rt, i);
      return;
    }
    const tpl = templateFor(rt, pod);
    record(pod, 'Normal', 'Created', tpl.createdMsg[i] as string, rt, tpl.fieldPaths[i]);
    record(pod, 'Normal', 'Started', tpl.startedMsg[i] as string, rt, tpl.fieldPaths[i]);
  };

  const pulled = (pod: Pod, rt: PodRuntime) => {
    const tpl = rt.pullTpl as ContainerTemplate;
    const index = rt.pullIndex;
    const ms = rt.pullMs;
    rt.node.images?.add(rt.pullFullName);
    const msgs = tpl.pulledMsg[index] as Map<number, string>;
    let msg = msgs.get(ms);
    if (msg === undefined) {
      msg = flat(pulledMessage(tpl.images[index] as string, ms, rt.pullSize));
      if (msgs.size >= 2048) msgs.clear();
      msgs.set(ms, msg);
    }
    record(pod, 'Normal', 'Pulled', msg, rt, tpl.fieldPaths[index]);
    made(pod, rt, index);
    pull(pod, rt, index + 1, undefined);
  };

  // The image manager's Events and startContainer's `Error: …` are on the container whose image
  // it is (EnsureImageExists gets GenerateContainerRef's ref; images/image_manager.go,
  // kuberuntime_container.go startContainer). The back-off that follows: pull-waits.ts.
  const pullFailed = (pod: Pod, rt: PodRuntime) => {
    const image = rt.failedImage;
    const message = rt.failedMessage;
    const index = rt.pullIndex;
    const path = rt.pullTpl?.fieldPaths[index];
    record(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${message}`, rt, path);
    record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', rt, path);
    rt.waits ??= [];
    rt.waits[index] = { reason: 'ErrImagePull', message };
    pull(pod, rt, index + 1, undefined);
  };

  // The pod worker's next sync: SyncPod forms the DNS config again before it starts containers.
  const pullAgain = (pod: Pod, rt: PodRuntime) => {
    formDns(pod, rt);
    pull(pod, rt, 0, undefined);
  };

  // Stage 4: the end of the SyncPod that started them; no probes, so Ready at once.
  const start = (pod: Pod, rt: PodRuntime, pending: Any | undefined) => {
    // Containers waiting on their image: pull-waits.ts writes them and backs the pull off.
    if (rt.waits) {
      late().pullWaits(lifecycleDeps, pod, rt, pending, lifecycle, schedule, pullAgain);
      return;
    }
    // A container whose env reads a missing ConfigMap/Secret or key: CreateContainerConfigError,
    // and the pod worker's next sync pulls and tries again (config-refs.ts).
    if (rt.env) {
      const ms = late().startWithConfigErrors(lifecycleDeps, pod, rt, pending, rt.env);
      return schedule(rt, ms, pullAgain);
    }
    // A container whose process ends (a command, busybox's own sh) or has probes: lifecycle.ts.
    if (rt.runs) {
      lifecycle?.end(pod, rt, pending);
      return;
    }
    const tpl = templateFor(rt, pod);
    const status = pending ?? pod.status;
    const prev = status?.containerStatuses;
    const n = tpl.names.length;
    const statuses: ContainerStatus[] = [];
    for (let i = 0; i < n; i++) {
      const old = prev?.[i];
      // Started by an earlier sync (before another one's image could be had): as it is.
      if (old?.state?.running && old.name === tpl.names[i] && old.containerID) {
        statuses.push(old);
        continue;
      }
      statuses.push({
        name: tpl.names[i] as string,
        image: (tpl.refs[i] as ImageRef).fullName, // containerd reports the normalised reference
        imageID: tpl.imageIds[i] as string,
        containerID: containerId(idRng),
        ready: true,
        started: true,
        restartCount: 0,
        state: runningState(rt.at?.[i] ?? now()),
        lastState: EMPTY_STATE,
      });
    }
    writeStatus(pod, {
      ...status,
      phase: 'Running',
      conditions: conditions(
        status?.conditions,
        started,
        SANDBOX_READY,
        INITIALIZED,
        READY,
        CONTAINERS_READY,
      ),
      containerStatuses: statuses,
    });
  };

  // A Pod already running when the kubelet first sees it (the boot's system Pods, like the
  // containers a restarted kubelet finds): take over its sandbox IP and images, write nothing.
  const adopt = (pod: Pod, rt: PodRuntime) => {
    const ip = pod.status?.podIP;
    const node = rt.node;
    if (ip && ip !== node.ip && node.ipam) {
      node.ipam.reserve(ip); // false when the boot already reserved it: either way it is held now
      ips.set(rt.key, { node: node.name, ip });
      ipView.set(rt.key, ip);
    }
    for (const c of pod.spec.containers) node.images?.add(parseImage(c.image).fullName);
  };

  const kill = (pod: Pod, rt: PodRuntime) => {
    rt.killing = true;
    if (rt.timer !== undefined) ctxRef?.timers.cancel(rt.timer);
    if (rt.runs) lifecycle?.cancel(rt);
    const running = pod.status?.containerStatuses?.some((s) => s.state?.running) ?? false;
    const grace =
      (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    let delay = 200 + stopRng.int(200);
    const gap = delay;
    const stops: number[] = [];
    if (running) {
      // killContainer's Killing is on the container it stops (recordContainerEvent).
      const paths = templateFor(rt, pod).fieldPaths;
      for (let i = 0; i < pod.spec.containers.length; i++) {
        const c = pod.spec.containers[i] as Container;
        record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, rt, paths[i]);
        const check = checkImage(c.image);
        const stop = check.ok ? drawMs(stopRng, check.spec.stopMs) : grace;
        stops[i] = stop;
        delay = Math.max(delay, Math.min(stop, grace));
      }
    }
    if (inits(pod)) delay = late().initKill(lifecycleDeps, pod, rt, delay, grace);
    // The stopped containers' status, then the delete (lifecycle.ts terminate).
    if (running && latePartsLoaded()) {
      lifecycle ??= late().createLifecycle(lifecycleDeps);
      delay = lifecycle.terminate(pod, rt, stops, grace, delay, gap);
    }
    (ctxRef as ControllerContext).timers.after(delay, () => {
      const p = get(rt.key);
      if (p && p.metadata.uid === pod.metadata.uid)
        api.delete('Pod', p.metadata.namespace, p.metadata.name, { gracePeriodSeconds: 0 });
    });
  };

  return {
    name: 'kubelet',
    watches: ['Pod'],
    ips: ipView,
    ipamFor: (node) => nodes.get(node)?.ipam,
    bindFacade(cluster: Cluster) {
      facade = cluster;
    },
    keysFor(ev: WatchEvent): string[] {
      const p = ev.object as Pod;
      if (ev.type !== 'DELETED' && !p.spec?.nodeName) return NO_KEYS as string[];
      // A Pod the kubelet runs already: its key, without building the string again.
      const rt = runtimes.get(p.metadata.uid);
      if (rt) return rt.keys as string[];
      return [`${p.metadata.namespace}/${p.metadata.name}`];
    },
    reconcile(key: string, ctx: ControllerContext) {
      ctxRef = ctx;
      // The key of a Pod the kubelet ran already is split once, in its runtime.
      const known = byKey.get(key);
      const pod = known ? (api.store.get('Pod', known.namespace, known.name) as Pod | undefined) : get(key);
      if (!pod) {
        // Sandbox torn down: the IP goes back to the pool (not reused at once: next-free cursor).
        const held = ips.get(key);
        if (held) {
          nodes.get(held.node)?.ipam?.release(held.ip);
          ips.delete(key);
          ipView.delete(key);
        }
        if (known) {
          if (known.timer !== undefined) ctx.timers.cancel(known.timer);
          if (known.runs) lifecycle?.cancel(known);
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
        if (known.timer !== undefined) ctx.timers.cancel(known.timer);
        if (known.runs) lifecycle?.cancel(known);
        known.killing = true;
        runtimes.delete(known.uid);
        byKey.delete(key);
        const held = ips.get(key);
        if (held) {
          nodes.get(held.node)?.ipam?.release(held.ip);
          ips.delete(key);
          ipView.delete(key);
        }
      }
      const node = pod.spec.nodeName;
      if (!node) return;
      let rt = known?.uid === uid ? known : runtimes.get(uid);
      if (!rt) {
        const r = new PodRuntime(key, uid, nodeState(node));
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
    },
  };
}
