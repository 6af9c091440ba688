// What the kubelet keeps of a Pod's init containers, and the Pod's status composed from it while it
// initialises [K8S 1.34 pkg/kubelet: kubelet_pods.go getPhase (Pending while initialising; Failed
// when one fails under restartPolicy Never) and convertToAPIContainerStatuses (initContainerStatuses
// before containerStatuses; containers without a status yet wait with reason PodInitializing),
// prober/prober_manager.go UpdatePodStatus (a completed init container is ready and not started; a
// running one started, not ready; a sidecar ready once started), status/generate.go
// GeneratePodInitializedCondition (`containers with incomplete status: [a b]`, reason
// ContainersNotInitialized) and GenerateContainersReadyCondition (sidecars count)]. Bound late with
// init-containers.ts.
import type { Container, ContainerState, ContainerStatus, Pod } from '../api/types';
import { imageId, parseImage } from './images';
import type { Any, LifecycleDeps } from './lifecycle-deps';
import type { PodRuntime } from './pod-runtime';
import type { ProbeSet } from './probes';
import { type Program, programOf } from './program';
import { type CondSpec, condSpec, containerFieldPath, EMPTY_STATE, waitingStatus } from './status-parts';

const SANDBOX_NOT_READY = condSpec('PodReadyToStartContainers', 'False');
const SANDBOX_READY = condSpec('PodReadyToStartContainers', 'True');
const INITIALIZED = condSpec('Initialized', 'True');
const FAILED = [condSpec('Ready', 'False', 'PodFailed'), condSpec('ContainersReady', 'False', 'PodFailed')];

/** pod-worker.ts's pull of the Pod's containers from `index` (the init containers are all done). */
export type Resume = (pod: Pod, rt: PodRuntime, index: number, pending: Any | undefined) => void;

export interface InitRun {
  readonly index: number;
  readonly name: string;
  readonly container: Container;
  readonly program: Program;
  /** A restartable init container (restartPolicy Always): started, then it keeps running. */
  readonly sidecar: boolean;
  readonly path: string;
  restartCount: number;
  containerID: string;
  startedMs: number;
  state: ContainerState;
  lastState: ContainerState;
  /** flowcontrol.Backoff entry: current back-off and when it was last moved (ms). */
  backoff: number;
  backoffUpdated: number | undefined;
  /** A sidecar's own timer (its exit or restart) once the Pod's sequence has moved on. */
  timer: number | undefined;
  /** A sidecar instance's probe workers (probes.ts); undefined: it has none. */
  probes: ProbeSet | undefined;
}

export interface InitState {
  readonly runs: InitRun[];
  /** Every init container done and Initialized True: only a sidecar's own changes are written. */
  initialized: boolean;
  pullFailures: number;
  /** The init container the sequence waits on. */
  waitingOn: InitRun | undefined;
  /**
   * The sequence's one pending step (a pull, an exit, the sync after a sidecar's start): a new step
   * replaces it, as the pod worker collapses the syncs queued for one Pod into the next.
   */
  timer: number | undefined;
  resume: Resume | undefined;
  /** The Pod was killed with every container done (sidecar-stop.ts): no sidecar starts again. */
  killed: boolean;
  /** Its running sidecars are being stopped (sidecar-stop.ts initKillPod). */
  stopping: boolean;
}

const states = new WeakMap<PodRuntime, InitState>();

/** The Pod's init containers' state, when its init containers have been admitted. */
export const initStateOf = (rt: PodRuntime): InitState | undefined => states.get(rt);

/** The Pod's init containers (not in the shared types: only the student's Pods have them). */
const initContainersOf = (pod: Pod): Container[] => ((pod.spec as Any).initContainers ?? []) as Container[];

const specCache = new Map<string, CondSpec>();
function cached(type: 'Initialized' | 'Ready' | 'ContainersReady', reason: string, msg: string): CondSpec {
  const key = `${type}\u0000${msg}`;
  let c = specCache.get(key);
  if (!c) {
    c = condSpec(type, 'False', reason, msg);
    if (specCache.size >= 512) specCache.clear();
    specCache.set(key, c);
  }
  return c;
}

/** A sidecar running and past its startup probe (prober_manager UpdatePodStatus's started). */
export const sidecarStarted = (r: InitRun) => r.state.running !== undefined && (r.probes?.started ?? true);
/** Done for the Initialized condition and the sequence: exited 0, or a sidecar started. */
export const isDone = (r: InitRun) => (r.sidecar ? sidecarStarted(r) : r.state.terminated?.exitCode === 0);

const failedRun = (r: InitRun) => !r.sidecar && (r.state.terminated?.exitCode ?? 0) !== 0;

export function stateOf(pod: Pod, rt: PodRuntime): InitState {
  let st = states.get(rt);
  if (!st) {
    st = {
      runs: initContainersOf(pod).map((c, index) => ({
        index,
        name: c.name,
        container: c,
        program: programOf(c),
        sidecar: (c as Any).restartPolicy === 'Always',
        path: containerFieldPath('initContainers', c.name, index),
        restartCount: 0,
        containerID: '',
        startedMs: 0,
        state: EMPTY_STATE,
        lastState: EMPTY_STATE,
        backoff: 0,
        backoffUpdated: undefined,
        timer: undefined,
        probes: undefined,
      })),
      initialized: false,
      pullFailures: 0,
      waitingOn: undefined,
      resume: undefined,
      timer: undefined,
      killed: false,
      stopping: false,
    };
    states.set(rt, st);
  }
  return st;
}

/** The status of one init container (waiting PodInitializing until it has been created). */
function statusOf(r: InitRun): ContainerStatus {
  const c = r.container;
  if (r.containerID === '') {
    const w = r.state.waiting;
    return waitingStatus(c, w?.reason ?? 'PodInitializing', w?.message);
  }
  const running = r.state.running !== undefined;
  const ref = parseImage(c.image);
  return {
    name: r.name,
    image: ref.fullName,
    imageID: imageId(ref.repository),
    containerID: r.containerID,
    // UpdatePodStatus: a regular init container is ready once it exited 0; a sidecar once started.
    ready: r.sidecar ? sidecarStarted(r) && (r.probes?.ready ?? true) : r.state.terminated?.exitCode === 0,
    started: r.sidecar ? sidecarStarted(r) : running,
    restartCount: r.restartCount,
    state: r.state,
    lastState: r.lastState,
  };
}

/** `status` with initContainerStatuses placed before containerStatuses (PodStatus field order). */
function placed(status: Any, init: ContainerStatus[], containers: unknown): Any {
  const out: Any = {};
  for (const k of Object.keys(status)) {
    if (k === 'initContainerStatuses') continue;
    if (k === 'containerStatuses') {
      out.initContainerStatuses = init;
      out.containerStatuses = containers;
    } else out[k] = status[k];
  }
  if (!('containerStatuses' in out)) {
    out.initContainerStatuses = init;
    out.containerStatuses = containers;
  }
  return out;
}

const READY = [condSpec('Ready', 'True'), condSpec('ContainersReady', 'True')] as const;

/**
 * The sidecars' readiness is part of Ready and ContainersReady once the Pod runs
 * (GenerateContainersReadyCondition: the restartable init containers not ready, then the
 * containers): `names` the Pod's containers not ready. undefined: every one is.
 */
export function unreadySidecars(st: InitState | undefined, names: string[]): string[] {
  const side = (st?.runs ?? []).filter((r) => r.sidecar && !statusOf(r).ready).map((r) => r.name);
  return side.length ? [...side, ...names] : names;
}

/** `status` with Ready/ContainersReady from the sidecars' and the containers' readiness (not terminal). */
function readyOver(d: LifecycleDeps, st: InitState, status: Any): Any {
  if (status?.phase === 'Succeeded' || status?.phase === 'Failed') return status;
  const cs = (status?.containerStatuses ?? []) as ContainerStatus[];
  const names = unreadySidecars(
    st,
    cs.filter((c) => !c.ready).map((c) => c.name),
  );
  const msg = `containers with unready status: [${names.join(' ')}]`;
  const [ready, containersReady] = names.length
    ? [cached('Ready', 'ContainersNotReady', msg), cached('ContainersReady', 'ContainersNotReady', msg)]
    : READY;
  const keep = undefined as unknown as CondSpec; // as they are (kubelet.ts conditions)
  return { ...status, conditions: d.conditions(status?.conditions, keep, keep, ready, containersReady) };
}

/** The Pod's status while it initialises, over `status` (`sandbox`: the sandbox condition). */
export function compose(d: LifecycleDeps, pod: Pod, st: InitState, status: Any, sandboxUp: boolean): Any {
  const init = st.runs.map(statusOf);
  if (st.initialized) return placed(readyOver(d, st, status), init, status.containerStatuses);
  const policy = pod.spec.restartPolicy ?? 'Always';
  const failed = policy === 'Never' && st.runs.some(failedRun);
  // GeneratePodInitializedCondition: every init container not ready (a sidecar: not started).
  const incomplete = st.runs.filter((r) => !isDone(r)).map((r) => r.name);
  const initialized =
    incomplete.length === 0
      ? INITIALIZED
      : cached(
          'Initialized',
          'ContainersNotInitialized',
          `containers with incomplete status: [${incomplete.join(' ')}]`,
        );
  // GenerateContainersReadyCondition: sidecars not ready, then the Pod's containers (none runs yet).
  const unready = [
    ...st.runs.filter((r) => r.sidecar && !statusOf(r).ready).map((r) => r.name),
    ...pod.spec.containers.map((c) => c.name),
  ].join(' ');
  const msg = `containers with unready status: [${unready}]`;
  const [ready, containersReady] = failed
    ? FAILED
    : [cached('Ready', 'ContainersNotReady', msg), cached('ContainersReady', 'ContainersNotReady', msg)];
  const containers = pod.spec.containers.map((c) => waitingStatus(c, 'PodInitializing'));
  return placed(
    {
      ...status,
      phase: failed ? 'Failed' : 'Pending',
      conditions: d.conditions(
        status?.conditions,
        // A Pod that failed has its sandbox killed (computePodActions KillPod).
        sandboxUp && !failed ? SANDBOX_READY : SANDBOX_NOT_READY,
        initialized,
        ready as CondSpec,
        containersReady as CondSpec,
      ),
    },
    init,
    containers,
  );
}
