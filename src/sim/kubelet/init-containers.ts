// spec.initContainers, as the kubelet runs them before a Pod's containers [K8S 1.34 pkg/kubelet:
// kuberuntime/kuberuntime_manager.go computePodActions → computeInitContainerActions (one init
// container at a time, in order, each to exit 0 before the next; a restartable one — a sidecar,
// restartPolicy Always, GA in 1.33 — once started, then the next), kubelet_pods.go getPhase (Pending
// while initialising; Failed when one fails under restartPolicy Never) and
// convertToAPIContainerStatuses (containers without a status yet wait with reason PodInitializing
// when the Pod has init containers), prober/prober_manager.go UpdatePodStatus (a completed init
// container is ready and not started; a running one started, not ready; a sidecar ready once
// started), status/generate.go GeneratePodInitializedCondition (`containers with incomplete status:
// [a b]`, reason ContainersNotInitialized) and GenerateContainersReadyCondition (sidecars count)].
//
// Bound late (src/sim/late): the boot's Pods have no init containers. kubelet.ts hands over at
// admission (the first status) and once the sandbox is up; when every init container is done the
// Pod's containers go on through kubelet.ts's own pull/start path (`resume`).
//
// What each init container runs comes from its command as for the Pod's containers (program.ts:
// a server never ends — the Pod stays Init:N/M, as a real one does —, `sleep N` ends after N s,
// anything else is run once through the workloads' command table for its exit code and duration).
// Timing as in lifecycle.ts: an exit is seen at once, the sync acting on it comes SYNC_MS later.
// A sidecar's probes run as lifecycle.ts runs a container's (probes.ts): it is started once its
// startup probe passes, ready once its readiness probe does, killed and restarted when either
// startup or liveness fails.
// Not modelled: a pull waiting for the same image's fetch in flight on the node (each pull takes
// its own time), ErrImageNeverPull retries, Init:Signal:N (no container signals).
import type { Container, ContainerState, ContainerStatus, Pod } from '../api/types';
import type { Cluster } from '../contract';
import { late, latePartsLoaded } from '../late';
import { rfc3339 } from '../runtime/clock';
import { registerClusterView } from '../workloads/state';
import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, crashLoop, SYNC_MS } from './back-off';
import { configRetryMs, envError } from './config-refs';
import {
  CACHED_PULL_MS,
  checkImage,
  drawMs,
  imageId,
  parseImage,
  presentMessage,
  pulledMessage,
} from './images';
import type { LifecycleDeps } from './lifecycle-deps';
import { containerId, type PodRuntime } from './pod-runtime';
import { containerProbes, hasProbes, type ProbeKind, type ProbeSet, stopProbes } from './probes';
import { type Program, programOf, SERVER } from './program';
import {
  type CondSpec,
  condSpec,
  containerFieldPath,
  EMPTY_STATE,
  runningState,
  waitingStatus,
} from './status-parts';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
export type Any = any;

/** kubelet.ts's pull of the Pod's containers from `index` (the init containers are all done). */
export type Resume = (pod: Pod, rt: PodRuntime, index: number, pending: Any | undefined) => void;

/** A container ending sooner after its start is first reported terminated (lifecycle.ts). */
const RELIST_MS = 1000;
const PULL_BACKOFF_MS = [10_000, 20_000, 40_000, 80_000, 160_000, 300_000];

const SANDBOX_NOT_READY = condSpec('PodReadyToStartContainers', 'False');
const SANDBOX_READY = condSpec('PodReadyToStartContainers', 'True');
const INITIALIZED = condSpec('Initialized', 'True');
const FAILED = [condSpec('Ready', 'False', 'PodFailed'), condSpec('ContainersReady', 'False', 'PodFailed')];

interface InitRun {
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

interface InitState {
  readonly runs: InitRun[];
  /** Every init container done and Initialized True: only a sidecar's own changes are written. */
  initialized: boolean;
  pullFailures: number;
  /** The init container the sequence waits on. */
  waitingOn: InitRun | undefined;
  resume: Resume | undefined;
}

const states = new WeakMap<PodRuntime, InitState>();

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
const sidecarStarted = (r: InitRun) => r.state.running !== undefined && (r.probes?.started ?? true);
/** Done for the Initialized condition and the sequence: exited 0, or a sidecar started. */
const isDone = (r: InitRun) => (r.sidecar ? sidecarStarted(r) : r.state.terminated?.exitCode === 0);

const failedRun = (r: InitRun) => !r.sidecar && (r.state.terminated?.exitCode ?? 0) !== 0;

function stateOf(pod: Pod, rt: PodRuntime): InitState {
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

/** The Pod's status while it initialises, over `status` (`sandbox`: the sandbox condition). */
function compose(d: LifecycleDeps, pod: Pod, st: InitState, status: Any, sandboxUp: boolean): Any {
  const init = st.runs.map(statusOf);
  if (st.initialized) return placed(status, init, status.containerStatuses);
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

/** The first status of a Pod with init containers (kubelet.ts admit): all wait PodInitializing. */
export function initAdmit(d: LifecycleDeps, pod: Pod, rt: PodRuntime, status: Any): Any {
  return compose(d, pod, stateOf(pod, rt), status, false);
}

/**
 * The sandbox is up (`pending`: its status, not written yet): run the init containers, then hand
 * the Pod's containers back to kubelet.ts (`resume`).
 */
export function initRun(d: LifecycleDeps, pod: Pod, rt: PodRuntime, pending: Any, resume: Resume): void {
  const st = stateOf(pod, rt);
  st.resume = resume;
  const fx = effects(d, rt, st);
  fx.next(pod, pending);
}

function effects(d: LifecycleDeps, rt: PodRuntime, st: InitState) {
  const now = () => d.clock.now();
  const live = (pod: Pod | undefined): pod is Pod =>
    !!pod && pod.metadata.uid === rt.uid && !pod.metadata.deletionTimestamp && !rt.killing;
  /** A timer of the Pod's sequence (rt.timer: kubelet.ts cancels it on deletion) or of a sidecar. */
  const after = (ms: number, fn: (pod: Pod) => void, own?: InitRun) => {
    const id = d.timers().after(ms, () => {
      if (own) own.timer = undefined;
      else rt.timer = undefined;
      const pod = d.get(rt);
      if (live(pod)) fn(pod);
    });
    if (own) own.timer = id;
    else rt.timer = id;
  };
  const write = (pod: Pod, base?: Any) => d.writeStatus(pod, compose(d, pod, st, base ?? pod.status, true));
  const policyOf = (pod: Pod) => pod.spec.restartPolicy ?? 'Always';
  // Stop times of sidecars killed for a probe: their own stream (per Pod), as lifecycle.ts's.
  let stopStream: ReturnType<LifecycleDeps['rng']['pulls']['fork']> | undefined;

  /** computeInitContainerActions: start the first init container not done, or the Pod's containers. */
  const next = (pod: Pod, base?: Any) => {
    const run = st.runs.find((r) => !isDone(r));
    if (!run) {
      if (!st.initialized) {
        pod = write(pod, base);
        st.initialized = true;
      }
      st.resume?.(pod, rt, 0, undefined);
      return;
    }
    st.waitingOn = run;
    // A sidecar that has run and exited is restarted by its own back-off; its next start resumes.
    if (run.sidecar && run.containerID !== '') {
      if (base) write(pod, base);
      return;
    }
    pull(pod, run, base);
  };

  /** The image is on the node and not pulled again (imagePullPolicy): Pulled says so, then start. */
  const launchPresent = (pod: Pod, run: InitRun, base?: Any) => {
    d.record(pod, 'Normal', 'Pulled', presentMessage(run.container.image), rt, run.path);
    launch(pod, run, base);
  };

  /** EnsureImageExists for one init container, then create and start it. */
  const pull = (pod: Pod, run: InitRun, base?: Any) => {
    const c = run.container;
    const ref = parseImage(c.image);
    const present = rt.node.images?.has(ref.fullName) ?? false;
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    if (present && policy !== 'Always') {
      launchPresent(pod, run, base);
      return;
    }
    if (!present && policy === 'Never') {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      d.record(pod, 'Warning', 'ErrImageNeverPull', msg, rt, run.path);
      run.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
      write(pod, base);
      return;
    }
    if (base) pod = write(pod, base);
    d.record(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, rt, run.path);
    const check = checkImage(c.image);
    if (!check.ok) {
      after(drawMs(d.rng.pulls, [800, 1600]), (pod) => pullFailed(pod, run, check.message));
      return;
    }
    const ms = drawMs(d.rng.pulls, present ? CACHED_PULL_MS : check.spec.pullMs);
    after(ms, (pod) => {
      rt.node.images?.add(ref.fullName);
      d.record(pod, 'Normal', 'Pulled', pulledMessage(c.image, ms, check.spec.size), rt, run.path);
      launch(pod, run);
    });
  };

  // As kubelet.ts pullFailed/inBackOff, on the init container (STATUS Init:ErrImagePull, then
  // Init:ImagePullBackOff).
  const pullFailed = (pod: Pod, run: InitRun, message: string) => {
    const image = run.container.image;
    d.record(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${message}`, rt, run.path);
    d.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', rt, run.path);
    run.state = { waiting: { reason: 'ErrImagePull', message } };
    write(pod);
    const backoff = PULL_BACKOFF_MS[Math.min(st.pullFailures, PULL_BACKOFF_MS.length - 1)] as number;
    st.pullFailures++;
    after(1000, (pod) => {
      d.formDns(pod, rt);
      d.record(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, rt, run.path);
      d.record(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', rt, run.path);
      run.state = {
        waiting: {
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${image}": ErrImagePull: ${message}`,
        },
      };
      write(pod);
      after(backoff - 1000, (pod) => {
        d.formDns(pod, rt);
        pull(pod, run);
      });
    });
  };

  /** The process of `run`'s new instance: how long it runs (undefined: until stopped), its exit. */
  const runProcess = (pod: Pod, run: InitRun, at: number) => {
    const p = run.program;
    if (p.kind === 'sleep') return { ms: p.ms as number | undefined, code: 0, startError: undefined };
    const facade = d.facade();
    if (p === SERVER || p.kind === 'server' || !facade || !latePartsLoaded())
      return { ms: undefined, code: 0, startError: undefined };
    const key = `Pod/${rt.namespace}/${rt.name}`;
    const r = late().runContainerProcess(
      initView(facade, pod, run.container),
      key,
      run.name,
      p.argv,
      at,
      run.containerID,
    );
    return { ms: r.durationMs, code: r.exitCode, startError: r.startError };
  };

  /** The probe workers of a sidecar's instance started at `startedMs` (lifecycle.ts containerProbes). */
  const probesFor = (run: InitRun, startedMs: number): ProbeSet => {
    const id = run.containerID;
    const c = run.container;
    return containerProbes(d, rt, c, startedMs, {
      pod: () => {
        const pod = d.get(rt);
        return live(pod) && run.containerID === id && run.state.running !== undefined ? pod : undefined;
      },
      probe: (facade, pod, probe) => {
        const as: Pod = { ...pod, spec: { ...pod.spec, containers: [c] } };
        return late().runProbe(initView(facade, pod, c), as, c, probe, d.clock.now());
      },
      path: () => run.path,
      changed: (pod) => {
        pod = write(pod);
        // Started now: the sequence waiting on it goes on in this sync.
        if (!st.initialized && st.waitingOn === run && isDone(run)) next(pod);
      },
      kill: (pod, kind) => killForProbe(pod, run, kind),
    });
  };

  /**
   * A sidecar's liveness or startup probe failed (computePodActions/killContainer): Killing, and
   * after the image's stop time (SIGKILL at the grace period) it is terminated and restarted like
   * any exited sidecar (back-off included), whatever the Pod's restartPolicy.
   */
  const killForProbe = (pod: Pod, run: InitRun, kind: Exclude<ProbeKind, 'Readiness'>) => {
    const c = run.container;
    const what = kind === 'Liveness' ? 'liveness' : 'startup';
    d.record(
      pod,
      'Normal',
      'Killing',
      `Container ${run.name} failed ${what} probe, will be restarted`,
      rt,
      run.path,
    );
    const probe = kind === 'Liveness' ? c.livenessProbe : c.startupProbe;
    const grace =
      (probe?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const check = checkImage(c.image);
    stopStream ??= d.rng.pulls.fork(`init-probe-kill-stop/${rt.uid}`);
    const stop = check.ok ? drawMs(stopStream, check.spec.stopMs) : grace;
    const killed = stop > grace;
    if (run.timer !== undefined) d.timers().cancel(run.timer);
    run.timer = undefined;
    stopProbes(run.probes, d.timers());
    write(pod);
    after(
      Math.min(stop, grace),
      (pod) => {
        run.state = {
          terminated: {
            exitCode: killed ? 137 : 0,
            reason: killed ? 'Error' : 'Completed',
            startedAt: rfc3339(run.startedMs),
            finishedAt: rfc3339(now()),
            containerID: run.containerID,
          },
        };
        write(pod);
        afterExit(pod, run);
      },
      run,
    );
  };

  /** Create and start one instance of `run` now. */
  const launch = (pod: Pod, run: InitRun, base?: Any) => {
    // startContainer's generateContainerConfig (makeEnvironmentVariables) fails before the
    // container is created: Warning Failed `Error: …` on it, Init:CreateContainerConfigError, and
    // the pod worker's next sync pulls and tries again (config-refs.ts).
    const facade = d.facade();
    const envErr = facade ? envError(facade, rt.namespace, run.container) : undefined;
    if (envErr !== undefined) {
      d.record(pod, 'Warning', 'Failed', `Error: ${envErr}`, rt, run.path);
      run.state = { waiting: { reason: 'CreateContainerConfigError', message: envErr } };
      write(pod, base);
      after(configRetryMs(d, rt), (pod) => {
        d.formDns(pod, rt);
        pull(pod, run);
      });
      return;
    }
    const at = now();
    const shownId = run.containerID;
    const shown = run.state;
    if (run.state.terminated) run.lastState = run.state;
    if (run.containerID !== '') run.restartCount++;
    run.containerID = containerId(d.rng.ids);
    run.startedMs = at;
    d.record(pod, 'Normal', 'Created', `Created container: ${run.name}`, rt, run.path);
    const r = runProcess(pod, run, at);
    const own = run.sidecar ? run : undefined;
    if (r.startError !== undefined) {
      d.record(pod, 'Warning', 'Failed', `Error: ${r.startError}`, rt, run.path);
      run.state = {
        terminated: {
          exitCode: r.code,
          reason: 'StartError',
          message: r.startError,
          startedAt: '1970-01-01T00:00:00Z',
          finishedAt: rfc3339(at),
          containerID: run.containerID,
        },
      };
      write(pod, base);
      afterExit(pod, run);
      return;
    }
    d.record(pod, 'Normal', 'Started', `Started container ${run.name}`, rt, run.path);
    run.state = runningState(rfc3339(at));
    run.probes =
      run.sidecar && hasProbes(run.container) && latePartsLoaded() ? probesFor(run, at) : undefined;
    if (r.ms !== undefined && r.ms < RELIST_MS) {
      // Ended before the relist: never reported Running; its exit is the next status written.
      if (base) {
        const id = run.containerID;
        const state = run.state;
        run.containerID = shownId;
        run.state = shown;
        write(pod, base);
        run.containerID = id;
        run.state = state;
      }
    } else write(pod, base);
    const code = r.code;
    if (r.ms !== undefined) after(r.ms, (pod) => exited(pod, run, code), own);
    // A sidecar the sequence waits on: the next sync finds it started and goes on (with a startup
    // probe, once it passes: probesFor's changed).
    if (run.sidecar && st.waitingOn === run && !st.initialized && sidecarStarted(run))
      after(SYNC_MS, (pod) => next(pod));
  };

  const exited = (pod: Pod, run: InitRun, exitCode: number) => {
    stopProbes(run.probes, d.timers());
    run.state = {
      terminated: {
        exitCode,
        reason: exitCode === 0 ? 'Completed' : 'Error',
        startedAt: rfc3339(run.startedMs),
        finishedAt: rfc3339(now()),
        containerID: run.containerID,
      },
    };
    write(pod);
    afterExit(pod, run);
  };

  /** computeInitContainerActions + doBackOff for an exited init container. */
  const afterExit = (pod: Pod, run: InitRun) => {
    const term = run.state.terminated;
    if (!term) return;
    const own = run.sidecar ? run : undefined;
    if (!run.sidecar && term.exitCode === 0) {
      after(SYNC_MS, (pod) => {
        d.formDns(pod, rt);
        next(pod);
      });
      return;
    }
    // A failed init container under restartPolicy Never fails the Pod (written with the exit).
    if (!run.sidecar && policyOf(pod) === 'Never') return;
    const finished = now();
    const expired = run.backoffUpdated === undefined || finished - run.backoffUpdated > 2 * BACKOFF_MAX_MS;
    if (expired) {
      after(
        SYNC_MS,
        (pod) => {
          run.backoff = BACKOFF_INITIAL_MS;
          run.backoffUpdated = now();
          d.formDns(pod, rt);
          restart(pod, run);
        },
        own,
      );
      return;
    }
    after(
      SYNC_MS,
      (pod) => {
        crashLoop(d, pod, rt, run, run.path);
        write(pod);
        after(
          finished + run.backoff - now(),
          (pod) => {
            run.backoff = Math.min(run.backoff * 2, BACKOFF_MAX_MS);
            run.backoffUpdated = now();
            d.formDns(pod, rt);
            restart(pod, run);
          },
          own,
        );
      },
      own,
    );
  };

  /** Pull (per imagePullPolicy) and start the init container's next instance. */
  const restart = (pod: Pod, run: InitRun) => {
    const c = run.container;
    if ((c.imagePullPolicy ?? 'IfNotPresent') !== 'Always') {
      launchPresent(pod, run);
      return;
    }
    d.record(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, rt, run.path);
    const ms = drawMs(d.rng.pulls, CACHED_PULL_MS);
    const check = checkImage(c.image);
    after(
      ms,
      (pod) => {
        const size = check.ok ? check.spec.size : 0;
        d.record(pod, 'Normal', 'Pulled', pulledMessage(c.image, ms, size), rt, run.path);
        launch(pod, run);
      },
      run.sidecar ? run : undefined,
    );
  };

  return { next };
}

/**
 * The cluster as the init container's process sees it: the workloads' command table finds the
 * container it runs in among the Pod's containers, so this view shows the Pod with the init
 * container in their place (the logs kept are the real cluster's: registerClusterView).
 */
function initView(facade: Cluster, pod: Pod, c: Container): Cluster {
  const as: Pod = { ...pod, spec: { ...pod.spec, containers: [c] } };
  const view = Object.create(facade) as Cluster;
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name;
  Object.defineProperty(view, 'get', {
    value: (kind: Parameters<Cluster['get']>[0], namespace: string | undefined, n: string) =>
      kind === 'Pod' && namespace === ns && n === name ? as : facade.get(kind, namespace, n),
  });
  registerClusterView(view, facade);
  return view;
}

/**
 * The Pod is being deleted (kubelet.ts kill, after its containers' Killing; `delay`: when they
 * have stopped): a running init container is stopped with them, the sidecars after them in reverse
 * order (killContainersWithSyncResult, KEP-753), each `Stopping container NAME` on its own
 * fieldPath, within what is left of the grace period. Returns when the last one has stopped.
 */
export function initKill(d: LifecycleDeps, pod: Pod, rt: PodRuntime, delay: number, grace: number): number {
  const st = states.get(rt);
  if (!st) return delay;
  const rng = d.rng.pulls.fork(`init-kill-stop/${rt.uid}`);
  const stopOf = (r: InitRun) => {
    const check = checkImage(r.container.image);
    return Math.min(check.ok ? drawMs(rng, check.spec.stopMs) : grace, grace);
  };
  let main = delay;
  for (const r of st.runs) {
    if (r.timer !== undefined) d.timers().cancel(r.timer);
    r.timer = undefined;
    stopProbes(r.probes, d.timers());
    if (r.sidecar || r.state.running === undefined) continue;
    d.record(pod, 'Normal', 'Killing', `Stopping container ${r.name}`, rt, r.path);
    main = Math.max(main, stopOf(r));
  }
  const sidecars = st.runs.filter((r) => r.sidecar && r.state.running !== undefined).reverse();
  if (sidecars.length === 0) return main;
  let end = main;
  for (const r of sidecars) end = Math.max(end, Math.min(main + stopOf(r), grace));
  // Recorded when the containers have stopped (its timer is set before the Pod's removal).
  d.timers().after(main, () => {
    for (const r of sidecars) d.record(pod, 'Normal', 'Killing', `Stopping container ${r.name}`, rt, r.path);
  });
  return end;
}
