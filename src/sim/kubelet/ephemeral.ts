// The kubelet's ephemeral containers (what `kubectl debug` adds to a running Pod) [K8S 1.34
// pkg/kubelet: kuberuntime/kuberuntime_manager.go computePodActions (an ephemeral container is
// started once, when it has no status yet and the sandbox is up; it is never restarted, whatever
// the Pod's restartPolicy) and SyncPod (each one started in turn: EnsureImageExists — Pulling /
// Pulled, ErrImagePull and the image back-off —, then Created and Started, the Events on
// `spec.ephemeralContainers{NAME}`); kubelet_pods.go convertToAPIContainerStatuses for
// status.ephemeralContainerStatuses (ContainerCreating — PodInitializing when the Pod has init
// containers — until it runs; ready false; no `started`: the probe manager sets it only for the
// containers and init containers)].
// Its process: program.ts's rules (busybox's `sh` with stdin open — kubectl debug -i — waits on
// the attached terminal, whose `exit N` ends it through endAttachedProcess; a command runs through the
// in-Pod command table and ends). A container that ends is Terminated (Completed / Error) and stays so.
// Bound late (src/sim/late): only kubectl debug adds ephemeral containers.
import type { Container, ContainerState, ContainerStatus, Pod } from '../api/types';
import type { Cluster } from '../contract';
import { late } from '../late';
import { rfc3339 } from '../runtime/clock';
import { pullBackOffMs, RELIST_MS } from './back-off';
import {
  CACHED_PULL_MS,
  checkImage,
  drawMs,
  imageId,
  parseImage,
  presentMessage,
  pulledMessage,
} from './images';
import { endContainerProcess } from './lifecycle';
import type { Any, LifecycleDeps } from './lifecycle-deps';
import { containerId, type PodRuntime } from './pod-runtime';
import { programOf } from './program';
import { containerFieldPath, EMPTY_STATE } from './status-parts';

/** One ephemeral container the kubelet has started (or is starting). */
interface EphemeralRun {
  readonly name: string;
  readonly image: string;
  readonly path: string;
  state: ContainerState;
  containerID: string;
  pullFailures: number;
  timer: number | undefined;
  /** Killing recorded (the Pod is being deleted). */
  killed?: boolean;
}

const runsOf = new WeakMap<PodRuntime, Map<string, EphemeralRun>>();

const ecList = (pod: Pod): Container[] => ((pod.spec as Any).ephemeralContainers ?? []) as Container[];

/** The sandbox is up (PodReadyToStartContainers True): containers can be started in it. */
const sandboxReady = (pod: Pod) =>
  pod.status?.conditions?.some((c) => c.type === 'PodReadyToStartContainers' && c.status === 'True') ?? false;

function statusOf(run: EphemeralRun | undefined, c: Container, initializing: boolean): ContainerStatus {
  const ref = parseImage(c.image);
  const started = run !== undefined && run.containerID !== '';
  const s: Any = {
    name: c.name,
    image: started ? ref.fullName : c.image,
    imageID: started ? imageId(ref.repository) : '',
    ready: false,
    restartCount: 0,
    state: run?.state ?? { waiting: { reason: initializing ? 'PodInitializing' : 'ContainerCreating' } },
    lastState: EMPTY_STATE,
  };
  if (started) s.containerID = run.containerID;
  return s as ContainerStatus;
}

/** Write status.ephemeralContainerStatuses as the runs are now (the rest of the status kept). */
function write(d: LifecycleDeps, pod: Pod, rt: PodRuntime): Pod {
  const runs = runsOf.get(rt);
  const init = ((pod.spec as Any).initContainers?.length ?? 0) > 0;
  const list = ecList(pod).map((c) => statusOf(runs?.get(c.name), c, init));
  return d.writeStatus(pod, { ...pod.status, ephemeralContainerStatuses: list });
}

/** The Pod as stored now, if it is still this runtime's and not being deleted. */
function current(d: LifecycleDeps, rt: PodRuntime): Pod | undefined {
  const pod = d.get(rt);
  if (!pod || pod.metadata.uid !== rt.uid || pod.metadata.deletionTimestamp || rt.killing) return undefined;
  return pod;
}

function later(d: LifecycleDeps, rt: PodRuntime, run: EphemeralRun, ms: number, fn: (pod: Pod) => void) {
  run.timer = d.timers().after(ms, () => {
    run.timer = undefined;
    const pod = current(d, rt);
    if (pod) fn(pod);
  });
}

/**
 * A watch event of a Pod the kubelet runs, with ephemeral containers in its spec: start the ones
 * it has not seen (once the sandbox is up and while the Pod is not terminal).
 */
export function syncEphemeral(d: LifecycleDeps, pod: Pod, rt: PodRuntime): void {
  if (pod.metadata.deletionTimestamp) {
    kill(d, pod, rt);
    return;
  }
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' || !sandboxReady(pod)) return;
  let runs = runsOf.get(rt);
  const fresh: Container[] = [];
  for (const c of ecList(pod)) if (!runs?.has(c.name)) fresh.push(c);
  if (fresh.length === 0) return;
  if (!runs) {
    runs = new Map();
    runsOf.set(rt, runs);
    const facade = d.facade();
    if (facade) {
      let m = attached.get(facade);
      if (!m) {
        m = new Map();
        attached.set(facade, m);
      }
      m.set(`Pod/${rt.namespace}/${rt.name}`, { d, rt });
    }
  }
  const made: EphemeralRun[] = [];
  const list = ecList(pod);
  const reason =
    ((pod.spec as Any).initContainers?.length ?? 0) > 0 ? 'PodInitializing' : 'ContainerCreating';
  for (const c of fresh) {
    const run: EphemeralRun = {
      name: c.name,
      image: c.image,
      path: containerFieldPath('ephemeralContainers', c.name, list.indexOf(c)),
      state: { waiting: { reason } },
      containerID: '',
      pullFailures: 0,
      timer: undefined,
    };
    runs.set(c.name, run);
    made.push(run);
  }
  // The sync's status (generateAPIPodStatus runs before the runtime starts anything): waiting.
  const written = write(d, pod, rt);
  for (const run of made) pull(d, written, rt, run);
}

/**
 * The Pod is being deleted (killPod stops every container in the sandbox, its ephemeral ones
 * too): Killing on each one still running, once; none of them is started or pulled any more.
 * (Its SIGTERM is not modelled: busybox's sh ignores it, so on a node the Pod's deletion waits
 * out the grace period for it; here the Pod goes when its own containers have stopped.)
 */
function kill(d: LifecycleDeps, pod: Pod, rt: PodRuntime): void {
  for (const run of runsOf.get(rt)?.values() ?? []) {
    if (run.timer !== undefined) d.timers().cancel(run.timer);
    run.timer = undefined;
    if (!run.state.running || run.killed) continue;
    run.killed = true;
    d.record(pod, 'Normal', 'Killing', `Stopping container ${run.name}`, rt, run.path);
  }
}

function specOf(pod: Pod, name: string): Container | undefined {
  return ecList(pod).find((c) => c.name === name);
}

/** EnsureImageExists for one ephemeral container, then its start. */
function pull(d: LifecycleDeps, pod: Pod, rt: PodRuntime, run: EphemeralRun): void {
  const c = specOf(pod, run.name);
  if (!c) return;
  const ref = parseImage(c.image);
  const node = rt.node;
  const cached = node.images?.has(ref.fullName) ?? false;
  const policy = c.imagePullPolicy ?? 'IfNotPresent';
  if (cached && policy !== 'Always') {
    d.record(pod, 'Normal', 'Pulled', presentMessage(c.image), rt, run.path);
    start(d, pod, rt, run, c);
    return;
  }
  if (!cached && policy === 'Never') {
    const msg = `Container image "${c.image}" is not present with pull policy of Never`;
    d.record(pod, 'Warning', 'ErrImageNeverPull', msg, rt, run.path);
    run.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
    write(d, pod, rt);
    return;
  }
  d.record(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, rt, run.path);
  const check = checkImage(c.image);
  if (!check.ok) {
    later(d, rt, run, drawMs(d.rng.pulls, [800, 1600]), (p) => {
      d.record(p, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${check.message}`, rt, run.path);
      d.record(p, 'Warning', 'Failed', 'Error: ErrImagePull', rt, run.path);
      run.state = { waiting: { reason: 'ErrImagePull', message: check.message } };
      const backoff = pullBackOffMs(run.pullFailures);
      run.pullFailures++;
      write(d, p, rt);
      // The next sync (about a second on) finds the image in back-off; the one after it pulls again.
      later(d, rt, run, 1000, (q) => {
        d.record(q, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, rt, run.path);
        d.record(q, 'Warning', 'Failed', 'Error: ImagePullBackOff', rt, run.path);
        run.state = {
          waiting: {
            reason: 'ImagePullBackOff',
            message: `Back-off pulling image "${c.image}": ErrImagePull: ${check.message}`,
          },
        };
        write(d, q, rt);
        later(d, rt, run, backoff - 1000, (r) => pull(d, r, rt, run));
      });
    });
    return;
  }
  const ms = drawMs(d.rng.pulls, cached ? CACHED_PULL_MS : check.spec.pullMs);
  later(d, rt, run, ms, (p) => {
    node.images?.add(ref.fullName);
    d.record(p, 'Normal', 'Pulled', pulledMessage(c.image, ms, check.spec.size), rt, run.path);
    start(d, p, rt, run, c);
  });
}

const terminated = (exitCode: number, startedAt: string, finishedAt: string, id: string): ContainerState =>
  ({
    terminated: {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt,
      finishedAt,
      containerID: id,
    },
  }) as ContainerState;

/** startContainer: Created, Started, and what its process does. */
function start(d: LifecycleDeps, pod: Pod, rt: PodRuntime, run: EphemeralRun, c: Container): void {
  const now = d.clock.now();
  const at = rfc3339(now);
  run.containerID = containerId(d.rng.ids);
  d.record(pod, 'Normal', 'Created', `Created container: ${c.name}`, rt, run.path);
  const p = programOf(c);
  let ms: number | undefined;
  let exitCode = 0;
  if (p.kind === 'sleep') ms = p.ms;
  else if (p.kind === 'run') {
    const facade = d.facade();
    if (facade) {
      const key = `Pod/${rt.namespace}/${rt.name}`;
      const r = late().runContainerProcess(facade, key, c.name, p.argv, now, run.containerID);
      if (r.startError !== undefined) {
        d.record(pod, 'Warning', 'Failed', `Error: ${r.startError}`, rt, run.path);
        run.state = {
          terminated: {
            exitCode: r.exitCode,
            reason: 'StartError',
            message: r.startError,
            startedAt: '1970-01-01T00:00:00Z',
            finishedAt: at,
            containerID: run.containerID,
          },
        } as ContainerState;
        write(d, pod, rt);
        return;
      }
      ms = r.durationMs;
      exitCode = r.exitCode;
    }
  }
  d.record(pod, 'Normal', 'Started', `Started container ${c.name}`, rt, run.path);
  if (ms === undefined) {
    run.state = { running: { startedAt: at } };
    write(d, pod, rt);
    return;
  }
  const end = () => {
    run.state = terminated(exitCode, at, rfc3339(now + (ms as number)), run.containerID);
  };
  // A process that ends before the next PLEG relist is first reported terminated.
  if (ms >= RELIST_MS) {
    run.state = { running: { startedAt: at } };
    write(d, pod, rt);
  }
  later(d, rt, run, ms, (q) => {
    end();
    write(d, q, rt);
  });
}

/** The kubelets' runtimes of the Pods with ephemeral containers, per cluster facade and Pod key. */
const attached = new WeakMap<Cluster, Map<string, { d: LifecycleDeps; rt: PodRuntime }>>();

/**
 * The process of container `container` of Pod `podKey` (`Pod/ns/name`) ended with `exitCode`: the
 * shell a terminal drives through `kubectl debug -it` or `kubectl attach -it` exited. An ephemeral
 * container is Terminated (Completed, or Error with the code) and never restarted; one of the
 * Pod's own containers follows the restartPolicy (lifecycle.ts endContainerProcess). The caller
 * lets the cluster settle (`runUntilIdle`). Nothing happens unless that container is running.
 */
export function endAttachedProcess(
  cluster: Cluster,
  podKey: string,
  container: string,
  exitCode: number,
): void {
  const entry = attached.get(cluster)?.get(podKey);
  const run = entry && runsOf.get(entry.rt)?.get(container);
  if (!entry || !run) {
    // One of the Pod's own containers (kubectl debug --copy-to, node/NAME; kubectl attach).
    endContainerProcess(cluster, podKey, container, exitCode);
    return;
  }
  const { d, rt } = entry;
  const pod = current(d, rt);
  const startedAt = (run.state as Any)?.running?.startedAt;
  if (!pod || startedAt === undefined) return;
  if (run.timer !== undefined) d.timers().cancel(run.timer);
  run.timer = undefined;
  run.state = terminated(exitCode, startedAt, rfc3339(d.clock.now()), run.containerID);
  write(d, pod, rt);
}
