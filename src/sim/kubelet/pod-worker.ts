// The kubelet's work on one Pod, stage by stage on the simulated clock's timer of its Pod (schedule →
// fire), as a pod worker runs it [K8S 1.34 pkg/kubelet: pod_workers.go (SyncPod until the Pod is
// deleted, then SyncTerminatingPod), kubelet.go HandlePodAdditions/SyncPod (admission: phase
// Pending, hostIP, startTime, every container ContainerCreating), volumemanager (a configMap/secret
// volume that cannot be set up holds the sandbox back: config-refs.ts),
// kuberuntime/kuberuntime_manager.go SyncPod (createPodSandbox: the Pod IP, or the node's for
// hostNetwork; then each container to start in turn: images/image_manager.go EnsureImageExists —
// Pulled `already present on machine`, Pulling/Pulled, ErrImageNeverPull, ErrImagePull — then
// kuberuntime_container.go startContainer: Created, Started), status_manager (one status write per
// sync), killPod (Killing on each container, its SIGTERM behaviour within the grace period)].
// kubelet.ts makes one for all Pods and hands it each Pod to admit or kill. What is bound late is
// reached through late(): init containers (init-containers.ts), mounts and env (config-refs.ts),
// containers whose process ends or that have probes (lifecycle.ts), containers waiting on their
// image (pull-waits.ts), the stopped containers' status (terminate.ts).
import type { Container, ContainerStatus, Pod } from '../api/types';
import { copyOwn, keysAre } from '../apiserver/copy';
import type { ApiServer } from '../apiserver/server';
import { late, latePartsLoaded } from '../late';
import { exact, setAt } from '../runtime/arrays';
import { rfc3339 } from '../runtime/clock';
import type { Rng } from '../runtime/interfaces';
import { flat } from '../runtime/rng';
import { CACHED_PULL_MS, checkImage, drawMs, type ImageRef, pulledMessage } from './images';
import type { Lifecycle } from './lifecycle';
import type { Any, LifecycleDeps } from './lifecycle-deps';
import { containerId, type PodRuntime, type Stage } from './pod-runtime';
import {
  type ContainerTemplate,
  condSpec,
  EMPTY_STATE,
  type ListSite,
  listSite,
  type PodConditions,
  runningState,
} from './status-parts';

// The usual statuses' keys, in order: the scheduler's (BootScheduler.bind), admission's (admit),
// the sandbox's (sandboxReady), whose next versions are built as literals (copy.ts keysAre).
const BOUND_STATUS: readonly string[] = ['phase', 'qosClass', 'conditions'];
const ADMITTED_STATUS: readonly string[] = [
  ...BOUND_STATUS,
  'hostIP',
  'hostIPs',
  'startTime',
  'containerStatuses',
];
const SANDBOX_STATUS: readonly string[] = [...ADMITTED_STATUS, 'podIP', 'podIPs'];

/** Sandbox (pause container + CNI ADD) before the first image pull starts. */
const SANDBOX_MS: [number, number] = [250, 600];

// The conditions the kubelet sets that do not depend on the Pod's containers.
const SANDBOX_NOT_READY = condSpec('PodReadyToStartContainers', 'False');
const SANDBOX_READY = condSpec('PodReadyToStartContainers', 'True');
const INITIALIZED = condSpec('Initialized', 'True');
const READY = condSpec('Ready', 'True');
const CONTAINERS_READY = condSpec('ContainersReady', 'True');

/** spec.initContainers run first (init-containers.ts, bound late: the boot's Pods have none). */
const hasInits = (pod: Pod) => (pod.spec as Any).initContainers?.length && latePartsLoaded();

/** What the pod worker gets of its kubelet: LifecycleDeps, the sandbox IPs and the condition lists. */
export interface WorkerHost extends LifecycleDeps {
  /** CNI ADD: the IP a Pod's sandbox gets (kubelet.ts). */
  sandboxIp(pod: Pod, rt: PodRuntime): string | undefined;
  /** The kubelet's condition lists, shared per call site (`site`). */
  conditionsAt: PodConditions;
}

// The stages a Pod's timer runs (PodRuntime.next), on the worker of the Pod's runtime: functions
// of the module, not of one worker, so every cluster's Pods run the same ones.
const mountAgain: Stage = (pod, rt) => workerOf(rt).mountAgain(pod, rt);
const sandboxReady: Stage = (pod, rt) => workerOf(rt).sandboxReady(pod, rt);
const pulled: Stage = (pod, rt) => workerOf(rt).pulled(pod, rt);
const pullFailed: Stage = (pod, rt) => workerOf(rt).pullFailed(pod, rt);
const pullAgain: Stage = (pod, rt) => workerOf(rt).pullAgain(pod, rt);

const workerOf = (rt: PodRuntime) => rt.worker as PodWorker;

/**
 * The kubelet's pod worker: `d` its kubelet (what the parts bound late get as their deps), `stopRng`
 * the stream of its containers' stop times. A class rather than closures per kubelet, so a fresh
 * cluster runs code optimised for the earlier ones (see kubelet.ts).
 */
export class PodWorker {
  private readonly idRng: Rng;
  private readonly pullRng: Rng;
  // Containers whose process ends or that have probes (lifecycle.ts), bound late with the
  // workloads that run the processes: the page's first graph has only servers, and until the
  // kubectl chunk is in, every container is one. Made with the first Pod that needs it.
  private lifecycle: Lifecycle | undefined = undefined;
  // Each call site's last condition list, shared by the next Pod that needs the same one.
  private readonly admitted: ListSite = listSite();
  private readonly sandboxed: ListSite = listSite();
  private readonly started: ListSite = listSite();

  constructor(
    private readonly d: WorkerHost,
    private readonly api: ApiServer,
    private readonly stopRng: Rng,
  ) {
    this.idRng = d.rng.ids;
    this.pullRng = d.rng.pulls;
  }

  private now(): string {
    return rfc3339(this.d.clock.now());
  }

  /** Run `next` on the Pod as it is in `delay` ms (the runtime's one timer callback, PodRuntime.fire). */
  private schedule(rt: PodRuntime, delay: number, next: Stage): void {
    rt.next = next;
    rt.timer = this.d.timers().after(delay, rt.fire);
  }

  /** The runtime's timer is due: its stage runs on the Pod as it is now. */
  fire(rt: PodRuntime): void {
    rt.timer = undefined;
    const next = rt.next as Stage;
    rt.next = undefined;
    const pod = this.d.get(rt);
    // Another Pod under the same name (the old one deleted and a new one created before the
    // kubelet saw the deletion) is not this runtime's: its own runtime starts it from admission.
    if (!pod || pod.metadata.uid !== rt.uid || pod.metadata.deletionTimestamp || rt.killing) return;
    next(pod, rt);
  }

  // Stage 1: the kubelet admits the Pod and starts creating the sandbox.
  admit(pod: Pod, rt: PodRuntime): void {
    const d = this.d;
    const node = rt.node;
    const tpl = d.template(rt, pod);
    // `{ ...pod.status, phase, conditions, hostIP, … }` built by assignment (copy.ts: a spread
    // that gains keys takes V8's slow path); the same keys in the same order.
    const old: Any = pod.status;
    const conditions = d.conditionsAt(
      old?.conditions,
      this.admitted,
      SANDBOX_NOT_READY,
      INITIALIZED,
      tpl.notReady,
      tpl.containersNotReady,
    );
    let status: Any;
    // The scheduler's status (BootScheduler.bind) gaining the admission's keys, as a literal.
    if (!pod.spec.hostNetwork && old != null && keysAre(old, BOUND_STATUS))
      status = {
        phase: 'Pending',
        qosClass: old.qosClass,
        conditions,
        hostIP: node.ip,
        hostIPs: node.hostIPs,
        startTime: this.now(),
        containerStatuses: tpl.creating,
      };
    else {
      status = copyOwn(old);
      status.phase = 'Pending';
      status.conditions = conditions;
      status.hostIP = node.ip;
      status.hostIPs = node.hostIPs;
      // generateAPIPodStatus: "HostNetwork Pods inherit the node IPs as PodIPs", from the first
      // status that has the host IPs. [K8S 1.34 pkg/kubelet/kubelet_pods.go]
      if (pod.spec.hostNetwork) {
        status.podIP = node.ip;
        status.podIPs = node.hostIPs;
      }
      status.startTime = this.now();
      status.containerStatuses = tpl.creating;
    }
    // qosClass: the API server's, kept from the status it wrote at create.
    d.writeStatus(pod, hasInits(pod) ? late().initAdmit(d, pod, rt, status) : status, rt);
    // A configMap/secret volume whose object does not exist: SetUp is retried, the sandbox never
    // made (config-refs.ts; the volume reconciler's first pass comes within 100 ms).
    if (latePartsLoaded() && late().mountFailures(pod, this.api)) this.schedule(rt, 100, mountAgain);
    else this.createSandbox(pod, rt);
  }

  mountAgain(pod: Pod, rt: PodRuntime): void {
    const ms = late().failMounts(this.d, pod, rt, this.api);
    if (ms !== undefined) this.schedule(rt, ms, mountAgain);
    else this.createSandbox(pod, rt);
  }

  private createSandbox(pod: Pod, rt: PodRuntime): void {
    this.d.formDns(pod, rt);
    this.schedule(rt, drawMs(this.pullRng, SANDBOX_MS), sandboxReady);
  }

  // Stage 2: sandbox up, CNI gave it an IP; image pulls start. A hostNetwork Pod's sandbox
  // joins the node's network namespace without CNI (containerd's NamespaceMode_NODE): its IP is
  // the node's (see admit), nothing is leased from the node's range or released on deletion.
  sandboxReady(pod: Pod, rt: PodRuntime): void {
    const d = this.d;
    const ip = d.sandboxIp(pod, rt);
    // Not written yet: when every image is already present the containers start in this same
    // sync, and the kubelet's status manager sends one update (IP, sandbox condition, Running,
    // Ready) rather than two at the same instant. A pull that takes time writes it first (the pod
    // shows its IP while ContainerCreating, §C2).
    const old: Any = pod.status;
    const conditions = d.conditionsAt(
      old?.conditions,
      this.sandboxed,
      SANDBOX_READY,
      undefined,
      undefined,
      undefined,
    );
    let status: Any;
    // The admission's status (admit) gaining podIP and podIPs, as a literal.
    if (ip && old != null && keysAre(old, ADMITTED_STATUS))
      status = {
        phase: old.phase,
        qosClass: old.qosClass,
        conditions,
        hostIP: old.hostIP,
        hostIPs: old.hostIPs,
        startTime: old.startTime,
        containerStatuses: old.containerStatuses,
        podIP: ip,
        podIPs: [{ ip }],
      };
    else {
      status = copyOwn(old); // gains podIP and podIPs (copy.ts)
      status.conditions = conditions;
      if (ip) {
        status.podIP = ip;
        status.podIPs = [{ ip }];
      }
    }
    d.formDns(pod, rt);
    if (hasInits(pod)) late().initRun(d, pod, rt, status, this.resume);
    else this.pull(pod, rt, 0, status);
  }

  /** pull as init-containers.ts resumes it once the init containers are done (its Resume). */
  private readonly resume = (pod: Pod, rt: PodRuntime, index: number, pending: Any | undefined) =>
    this.pull(pod, rt, index, pending);

  // Stage 3: SyncPod starts each container to start in turn (kuberuntime_manager.go SyncPod →
  // startContainer): its image (serialised pulls, as the kubelet's default), then create and start
  // it, then the next. A container whose image cannot be had waits (ErrImagePull,
  // ErrImageNeverPull) and the next one still starts; the retry sync starts only those not running.
  // `pending` is a status not written yet (see sandboxReady); the Pod's metadata is current.
  private pull(pod: Pod, rt: PodRuntime, index: number, pending: Any | undefined): void {
    const d = this.d;
    if (index === 0) this.begin(pod, rt);
    const c = pod.spec.containers[index];
    if (!c) {
      this.start(pod, rt, pending);
      return;
    }
    // Running already (started by an earlier sync): not started again.
    if (rt.at?.[index] !== undefined) {
      this.pull(pod, rt, index + 1, pending);
      return;
    }
    const tpl = d.template(rt, pod);
    const node = rt.node;
    const ref = tpl.refs[index] as ImageRef;
    const cached = node.images?.has(ref.fullName) ?? false;
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    if (cached && policy !== 'Always') {
      d.record(pod, 'Normal', 'Pulled', tpl.presentMsg[index] as string, rt, tpl.fieldPaths[index]);
      this.made(pod, rt, index);
      this.pull(pod, rt, index + 1, pending);
      return;
    }
    if (!cached && policy === 'Never') {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      d.record(pod, 'Warning', 'ErrImageNeverPull', msg, rt, tpl.fieldPaths[index]);
      rt.waits ??= [];
      rt.waits[index] = { reason: 'ErrImageNeverPull', message: msg };
      this.pull(pod, rt, index + 1, pending);
      return;
    }
    if (pending) pod = d.writeStatus(pod, pending, rt);
    d.record(pod, 'Normal', 'Pulling', tpl.pullingMsg[index] as string, rt, tpl.fieldPaths[index]);
    rt.pullTpl = tpl;
    rt.pullIndex = index;
    const check = checkImage(c.image);
    if (!check.ok) {
      rt.failedImage = c.image;
      rt.failedMessage = check.message;
      this.schedule(rt, drawMs(this.pullRng, [800, 1600]), pullFailed);
      return;
    }
    let ms = drawMs(this.pullRng, cached ? CACHED_PULL_MS : check.spec.pullMs);
    if (!cached) {
      // containerd fetches one image once per node: a Pod asking for an image already being
      // pulled there waits for that fetch and gets it when it lands (the draw above is still
      // taken, so the pull stream stays the same for every later Pod).
      const t = d.clock.now();
      const landing = node.fetching.get(ref.fullName);
      if (landing !== undefined && landing > t) ms = landing - t;
      else node.fetching.set(ref.fullName, t + ms);
    }
    rt.pullMs = ms;
    rt.pullSize = check.spec.size;
    rt.pullFullName = ref.fullName;
    this.schedule(rt, ms, pulled);
  }

  // The start of a SyncPod: which containers wait on their config (config-refs.ts starts them at
  // its end), and the runs of containers whose process ends or that have probes (lifecycle.ts).
  // A Pod's boot-time start (before the facade is bound) is Ready at once, so no probe worker ticks
  // through the boot's simulated days.
  private begin(pod: Pod, rt: PodRuntime): void {
    rt.waits = undefined;
    rt.env = latePartsLoaded() ? late().envFailures(pod, this.api) : undefined;
    if (rt.env || rt.runs || !this.d.facade() || !latePartsLoaded()) return;
    const programs = late().programsOf(pod.spec.containers);
    if (!programs) return;
    this.lifecycle ??= late().createLifecycle(this.d);
    this.lifecycle.begin(pod, rt, programs);
  }

  // Container `i`'s image is there: create and start it (its Events now, in SyncPod's order).
  private made(pod: Pod, rt: PodRuntime, i: number): void {
    if (rt.env) return;
    rt.at = setAt(rt.at, i, this.now());
    if (rt.runs) {
      this.lifecycle?.launchAt(pod, rt, i);
      return;
    }
    const d = this.d;
    const tpl = d.template(rt, pod);
    d.record(pod, 'Normal', 'Created', tpl.createdMsg[i] as string, rt, tpl.fieldPaths[i]);
    d.record(pod, 'Normal', 'Started', tpl.startedMsg[i] as string, rt, tpl.fieldPaths[i]);
  }

  pulled(pod: Pod, rt: PodRuntime): void {
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
    this.d.record(pod, 'Normal', 'Pulled', msg, rt, tpl.fieldPaths[index]);
    this.made(pod, rt, index);
    this.pull(pod, rt, index + 1, undefined);
  }

  // The image manager's Events and startContainer's `Error: …` are on the container whose image
  // it is (EnsureImageExists gets GenerateContainerRef's ref; images/image_manager.go,
  // kuberuntime_container.go startContainer). The back-off that follows: pull-waits.ts.
  pullFailed(pod: Pod, rt: PodRuntime): void {
    const d = this.d;
    const image = rt.failedImage;
    const message = rt.failedMessage;
    const index = rt.pullIndex;
    const path = rt.pullTpl?.fieldPaths[index];
    d.record(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${message}`, rt, path);
    d.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', rt, path);
    rt.waits ??= [];
    rt.waits[index] = { reason: 'ErrImagePull', message };
    this.pull(pod, rt, index + 1, undefined);
  }

  // The pod worker's next sync: SyncPod forms the DNS config again before it starts containers.
  pullAgain(pod: Pod, rt: PodRuntime): void {
    this.d.formDns(pod, rt);
    this.pull(pod, rt, 0, undefined);
  }

  /** `schedule`, for pull-waits.ts (bound late): its own stages and pullAgain. */
  private readonly scheduleFor = (rt: PodRuntime, ms: number, next: Stage) => this.schedule(rt, ms, next);

  // Stage 4: the end of the SyncPod that started them; no probes, so Ready at once.
  private start(pod: Pod, rt: PodRuntime, pending: Any | undefined): void {
    const d = this.d;
    // Containers waiting on their image: pull-waits.ts writes them and backs the pull off.
    if (rt.waits) {
      late().pullWaits(d, pod, rt, pending, this.lifecycle, this.scheduleFor, pullAgain);
      return;
    }
    // A container whose env reads a missing ConfigMap/Secret or key: CreateContainerConfigError,
    // and the pod worker's next sync pulls and tries again (config-refs.ts).
    if (rt.env) {
      const ms = late().startWithConfigErrors(d, pod, rt, pending, rt.env);
      this.schedule(rt, ms, pullAgain);
      return;
    }
    // A container whose process ends (a command, busybox's own sh) or has probes: lifecycle.ts.
    if (rt.runs) {
      this.lifecycle?.end(pod, rt, pending);
      return;
    }
    const tpl = d.template(rt, pod);
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
        containerID: containerId(this.idRng),
        ready: true,
        started: true,
        restartCount: 0,
        state: runningState(rt.at?.[i] ?? this.now()),
        lastState: EMPTY_STATE,
      });
    }
    const conditions = d.conditionsAt(
      status?.conditions,
      this.started,
      SANDBOX_READY,
      INITIALIZED,
      READY,
      CONTAINERS_READY,
    );
    // The Running status is kept as long as the Pod: its list at its length (runtime/arrays.ts),
    // and, from the sandbox's status (sandboxReady), a literal (pretenurable; copy.ts keysAre).
    const containerStatuses = exact(statuses);
    const out =
      status != null && keysAre(status, SANDBOX_STATUS)
        ? {
            phase: 'Running',
            qosClass: status.qosClass,
            conditions,
            hostIP: status.hostIP,
            hostIPs: status.hostIPs,
            startTime: status.startTime,
            containerStatuses,
            podIP: status.podIP,
            podIPs: status.podIPs,
          }
        : { ...status, phase: 'Running', conditions, containerStatuses };
    // A sidecar not ready keeps the Pod from Ready (init-containers.ts).
    d.writeStatus(pod, rt.initPart ? rt.initPart(pod, out) : out, rt);
  }

  // The Pod is being deleted, or is gone or replaced: its next stage does not run, and none of its
  // containers restarts any more.
  cancel(rt: PodRuntime): void {
    if (rt.timer !== undefined) this.d.timers().cancel(rt.timer);
    if (rt.runs) this.lifecycle?.cancel(rt);
  }

  kill(pod: Pod, rt: PodRuntime): void {
    const d = this.d;
    const stopRng = this.stopRng;
    rt.killing = true;
    this.cancel(rt);
    const running = pod.status?.containerStatuses?.some((s) => s.state?.running) ?? false;
    const grace =
      (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    let delay = 200 + stopRng.int(200);
    const gap = delay;
    const stops: number[] = [];
    if (running) {
      // killContainer's Killing is on the container it stops (recordContainerEvent).
      const paths = d.template(rt, pod).fieldPaths;
      for (let i = 0; i < pod.spec.containers.length; i++) {
        const c = pod.spec.containers[i] as Container;
        d.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, rt, paths[i]);
        const check = checkImage(c.image);
        const stop = check.ok ? drawMs(stopRng, check.spec.stopMs) : grace;
        stops[i] = stop;
        delay = Math.max(delay, Math.min(stop, grace));
      }
    }
    if (hasInits(pod)) delay = late().initKill(d, pod, rt, delay, grace);
    // The stopped containers' status, then the delete (lifecycle.ts terminate).
    if (running && latePartsLoaded()) {
      this.lifecycle ??= late().createLifecycle(d);
      delay = this.lifecycle.terminate(pod, rt, stops, grace, delay, gap);
    }
    const api = this.api;
    d.timers().after(delay, () => {
      const p = d.get(rt);
      if (p && p.metadata.uid === pod.metadata.uid)
        api.delete('Pod', p.metadata.namespace, p.metadata.name, { gracePeriodSeconds: 0 });
    });
  }
}
