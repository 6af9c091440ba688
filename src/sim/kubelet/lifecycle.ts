// Containers whose process ends, as the kubelet runs them [K8S 1.34 pkg/kubelet:
// kuberuntime_manager.go computePodActions/doBackOff, kubelet_pods.go getPhase and
// convertToAPIContainerStatuses, status/generate.go, flowcontrol.Backoff]:
//   start → (process runs; its log and exit code come from the workloads layer) → exit:
//   state.terminated {exitCode, reason Completed|Error, startedAt, finishedAt, containerID};
//   restartPolicy Never (or OnFailure after success) leaves it so — all containers ended ⇒ phase
//   Succeeded/Failed, Ready/ContainersReady False with reason PodCompleted/PodFailed;
//   Always/OnFailure restart it with the kubelet's back-off: the first exit restarts at the next
//   sync; a later one within the back-off shows waiting CrashLoopBackOff (`back-off 10s restarting
//   failed container=NAME pod=NAME_NS(UID)`, Warning BackOff) until finishedAt + back-off, which
//   doubles from 10 s to 5m0s and starts again at 10 s once the last restart is 10 min old
//   (flowcontrol hasExpired: 2 × the 5 min maximum).
// Pods whose containers are all servers never come here (kubelet.ts keeps its own path for them),
// except when deleted: `terminate` writes every Pod's stopped containers before its removal.
//
// Timing simplifications (deterministic, each a choice within what a real kubelet does): the
// kubelet notices an exit at once (PLEG relists every second), a container that ends within its
// first second is never reported Running (the relist would find it exited already), the next sync
// after an exit is SYNC_MS later, and the pod worker re-syncs exactly when a back-off expires. One
// BackOff Event is recorded per back-off (a real kubelet records one per sync in back-off).
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, Probe } from '../api/types';
import type { Cluster } from '../contract';
import { late, latePartsLoaded } from '../late';
import { rfc3339 } from '../runtime/clock';
import type { Clock, Rng, Timers } from '../runtime/interfaces';
import { CACHED_PULL_MS, checkImage, drawMs, goDuration, type ImageRef, pulledMessage } from './images';
import { containerId, type PodRuntime } from './pod-runtime';
import { type ProbeHooks, type ProbeKind, type ProbeSet, startProbes, stopProbes } from './probes';
import type { Program } from './program';
import { type CondSpec, type ContainerTemplate, condSpec, EMPTY_STATE, runningState } from './status-parts';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

/** From an exit to the sync that acts on it (PLEG relist period). */
export const SYNC_MS = 1000;
/** A container ending sooner after its start is first reported terminated. */
const RELIST_MS = 1000;
/** kubelet's crash-loop back-off: containerBackOffPeriod 10 s, MaxContainerBackOff 300 s. */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

/** One container of a Pod with an ending process, as the kubelet tracks it. */
export interface ContainerRun {
  readonly index: number;
  readonly name: string;
  readonly program: Program;
  restartCount: number;
  containerID: string;
  /** ms of the current instance's start. */
  startedMs: number;
  state: ContainerState;
  lastState: ContainerState;
  timer: number | undefined;
  /** flowcontrol.Backoff entry: current back-off and when it was last moved (ms). */
  backoff: number;
  backoffUpdated: number | undefined;
  /** The current instance's probe workers (probes.ts); undefined: the container has none. */
  probes: ProbeSet | undefined;
}

export interface LifecycleDeps {
  clock: Clock;
  rng: { ids: Rng; pulls: Rng };
  timers(): Timers;
  facade(): Cluster | undefined;
  get(rt: PodRuntime): Pod | undefined;
  /** `fieldPath`: the container the Event is about (ContainerTemplate.fieldPaths). */
  record(
    pod: Pod,
    type: 'Normal' | 'Warning',
    reason: string,
    msg: string,
    rt: PodRuntime,
    fieldPath?: string,
  ): void;
  /** A pod sync forms the Pod's DNS config again (DNSConfigForming, kubelet.ts formDns). */
  formDns(pod: Pod, rt: PodRuntime): void;
  writeStatus(pod: Pod, status: Any): Pod;
  /** The Pod's conditions in the kubelet's order (see kubelet.ts). */
  conditions(
    prev: readonly PodCondition[] | undefined,
    sandbox: CondSpec,
    initialized: CondSpec,
    ready: CondSpec,
    containersReady: CondSpec,
  ): PodCondition[];
  template(rt: PodRuntime, pod: Pod): ContainerTemplate;
}

const SANDBOX_READY = condSpec('PodReadyToStartContainers', 'True');
const SANDBOX_GONE = condSpec('PodReadyToStartContainers', 'False');
const INITIALIZED = condSpec('Initialized', 'True');
const INITIALIZED_COMPLETED = condSpec('Initialized', 'True', 'PodCompleted');
const READY = condSpec('Ready', 'True');
const CONTAINERS_READY = condSpec('ContainersReady', 'True');
const TERMINAL = {
  Succeeded: [
    condSpec('Ready', 'False', 'PodCompleted'),
    condSpec('ContainersReady', 'False', 'PodCompleted'),
  ],
  Failed: [condSpec('Ready', 'False', 'PodFailed'), condSpec('ContainersReady', 'False', 'PodFailed')],
} as const;
const unready = new Map<string, [CondSpec, CondSpec]>();

/**
 * Ready/ContainersReady False for these unready containers (`[a b]`, Go's %s of a []string), one
 * pair per message shared by every sync that writes it (here, pull-waits.ts, config-refs.ts).
 */
export function notReady(names: string[]): [CondSpec, CondSpec] {
  const msg = `containers with unready status: [${names.join(' ')}]`;
  let c = unready.get(msg);
  if (!c) {
    c = [
      condSpec('Ready', 'False', 'ContainersNotReady', msg),
      condSpec('ContainersReady', 'False', 'ContainersNotReady', msg),
    ];
    if (unready.size >= 256) unready.clear();
    unready.set(msg, c);
  }
  return c;
}

const isRunning = (r: ContainerRun) => r.state.running !== undefined;
/** Running and past its startup probe. */
const isStarted = (r: ContainerRun) => isRunning(r) && (r.probes?.started ?? true);
/** Started and passing its readiness probe (a container without one is ready once started). */
const isReady = (r: ContainerRun) => isStarted(r) && (r.probes?.ready ?? true);

/** kubelet_pods.go getPhase for regular containers (no init containers here). */
function phaseOf(pod: Pod, runs: ContainerRun[]): Pod['status']['phase'] {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const r of runs) {
    if (r.state.running) running++;
    else if (r.state.terminated) {
      stopped++;
      if (r.state.terminated.exitCode === 0) succeeded++;
    } else if (r.lastState.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  if (policy === 'Never') return 'Failed';
  // OnFailure with a failed container: it is being restarted.
  return 'Running';
}

/**
 * The sync that finds an exited container still in back-off (an app container here, a sidecar or
 * init container in init-containers.ts): SyncPod forms the sandbox config, doBackOff records
 * BackOff on the container (kuberuntime_manager.go: GenerateContainerRef; format.Pod's
 * NAME_NAMESPACE(UID)), and the container waits in CrashLoopBackOff. The caller writes the status.
 */
export function crashLoop(
  d: LifecycleDeps,
  pod: Pod,
  rt: PodRuntime,
  run: Pick<ContainerRun, 'name' | 'state' | 'lastState' | 'backoff'>,
  path: string | undefined,
): void {
  const ref = `${rt.name}_${rt.namespace}(${rt.uid})`;
  d.formDns(pod, rt);
  d.record(
    pod,
    'Warning',
    'BackOff',
    `Back-off restarting failed container ${run.name} in pod ${ref}`,
    rt,
    path,
  );
  run.lastState = run.state;
  run.state = {
    waiting: {
      reason: 'CrashLoopBackOff',
      message: `back-off ${goDuration(run.backoff)} restarting failed container=${run.name} pod=${ref}`,
    },
  };
}

/**
 * The probe workers of one container instance started at `startedMs`, an app container's
 * (createLifecycle) or a sidecar's (init-containers.ts). The workers were added with the Pod (its
 * startTime); a restart keeps their schedule. A failure is prober.go's `%s probe failed: %s` with
 * the probe type's name, on the container probed (prober.recordContainerEvent → GenerateContainerRef).
 */
export function containerProbes(
  d: LifecycleDeps,
  rt: PodRuntime,
  c: Container,
  startedMs: number,
  h: Pick<ProbeHooks, 'pod' | 'changed' | 'kill'> & {
    /** Runs `probe` as the container sees the cluster (only called while the facade exists). */
    probe(facade: Cluster, pod: Pod, probe: Probe): { ok: boolean; output: string };
    /** The Event's fieldPath: the container probed. */
    path(pod: Pod): string | undefined;
  },
): ProbeSet {
  const added = Date.parse(d.get(rt)?.status?.startTime ?? '');
  return startProbes(c, startedMs, Number.isNaN(added) ? startedMs : added, {
    timers: d.timers,
    now: () => d.clock.now(),
    pod: h.pod,
    run: (pod, probe) => {
      const facade = d.facade();
      return facade ? h.probe(facade, pod, probe) : { ok: true, output: '' };
    },
    unhealthy: (pod, kind, output) =>
      d.record(pod, 'Warning', 'Unhealthy', `${kind} probe failed: ${output}`, rt, h.path(pod)),
    changed: h.changed,
    kill: h.kill,
  });
}

export function createLifecycle(d: LifecycleDeps) {
  /** The runs the current SyncPod of each Pod started (launchAt), until it ends (end). */
  const fresh = new Map<PodRuntime, { run: ContainerRun; quick: boolean; failed: boolean }[]>();
  /** The fieldPath of `run`'s Events: the kubelet's container ref (pkg/kubelet/container/ref.go). */
  const pathOf = (rt: PodRuntime, run: ContainerRun, pod: Pod) => d.template(rt, pod).fieldPaths[run.index];
  // Stop times of containers killed for a probe: their own stream, so a kill does not move the
  // image pulls of every later Pod.
  const probeStopRng = d.rng.pulls.fork('probe-kill-stop');
  const after = (rt: PodRuntime, run: ContainerRun, ms: number, fn: (pod: Pod) => void) => {
    run.timer = d.timers().after(ms, () => {
      run.timer = undefined;
      const pod = d.get(rt);
      if (!pod || pod.metadata.uid !== rt.uid || pod.metadata.deletionTimestamp || rt.killing) return;
      fn(pod);
    });
  };

  const statusOf = (r: ContainerRun, tpl: ContainerTemplate): ContainerStatus => {
    if (r.containerID === '') {
      // Not created yet: waiting on its image (kubelet.ts pull-waits), else ContainerCreating.
      const w = r.state.waiting;
      const c = tpl.creating[r.index] as ContainerStatus;
      return w ? { ...c, state: { waiting: w } } : c;
    }
    return {
      name: r.name,
      image: (tpl.refs[r.index] as ImageRef).fullName,
      imageID: tpl.imageIds[r.index] as string,
      containerID: r.containerID,
      ready: isReady(r),
      started: isStarted(r),
      restartCount: r.restartCount,
      state: r.state,
      lastState: r.lastState,
    };
  };

  /** Write the Pod's status from its containers' states (over `base`, a status not written yet). */
  const write = (pod: Pod, rt: PodRuntime, base?: Any) => {
    const runs = rt.runs as ContainerRun[];
    const tpl = d.template(rt, pod);
    const status = base ?? pod.status;
    const phase = phaseOf(pod, runs);
    const terminal = phase === 'Succeeded' || phase === 'Failed';
    let ready: CondSpec;
    let containersReady: CondSpec;
    if (terminal) [ready, containersReady] = TERMINAL[phase];
    else {
      const names = runs.filter((r) => !isReady(r)).map((r) => r.name);
      [ready, containersReady] = names.length === 0 ? [READY, CONTAINERS_READY] : notReady(names);
    }
    d.writeStatus(pod, {
      ...status,
      phase,
      conditions: d.conditions(
        status?.conditions,
        // A terminal Pod's sandbox is stopped.
        terminal ? SANDBOX_GONE : SANDBOX_READY,
        phase === 'Succeeded' ? INITIALIZED_COMPLETED : INITIALIZED,
        ready,
        containersReady,
      ),
      containerStatuses: runs.map((r) => statusOf(r, tpl)),
    });
  };

  /** The probe workers of the instance of `run` started at `startedMs`. */
  const probesFor = (rt: PodRuntime, run: ContainerRun, c: Container, startedMs: number): ProbeSet => {
    const id = run.containerID;
    return containerProbes(d, rt, c, startedMs, {
      pod: () => {
        const pod = d.get(rt);
        if (!pod || pod.metadata.uid !== rt.uid || pod.metadata.deletionTimestamp || rt.killing)
          return undefined;
        return run.containerID === id && isRunning(run) ? pod : undefined;
      },
      probe: (facade, pod, probe) => late().runProbe(facade, pod, c, probe, d.clock.now()),
      path: (pod) => pathOf(rt, run, pod),
      changed: (pod) => write(pod, rt),
      kill: (pod, kind) => killForProbe(pod, rt, run, c, kind),
    });
  };

  /**
   * kuberuntime computePodActions/killContainer for a failed liveness or startup probe: Killing
   * `Container NAME failed liveness probe, will be restarted` (without the tail when the Pod's
   * restartPolicy does not restart it), SIGTERM, and after the image's stop time (SIGKILL at the
   * probe's or Pod's grace period) the instance is terminated — exit code 0 (Completed) for a
   * process that exits on SIGTERM (nginx, the .NET apps), 137 (Error) for one killed — and
   * restarted like any exited container (back-off included).
   */
  const killForProbe = (pod: Pod, rt: PodRuntime, run: ContainerRun, c: Container, kind: ProbeKind) => {
    const policy = pod.spec.restartPolicy ?? 'Always';
    const restart = policy !== 'Never';
    const what = kind === 'Liveness' ? 'liveness' : 'startup';
    d.record(
      pod,
      'Normal',
      'Killing',
      `Container ${run.name} failed ${what} probe${restart ? ', will be restarted' : ''}`,
      rt,
      pathOf(rt, run, pod),
    );
    const probe = kind === 'Liveness' ? c.livenessProbe : c.startupProbe;
    const grace =
      (probe?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const check = checkImage(c.image);
    const stop = check.ok ? drawMs(probeStopRng, check.spec.stopMs) : grace;
    const killed = stop > grace;
    if (run.timer !== undefined) d.timers().cancel(run.timer);
    stopProbes(run.probes, d.timers());
    write(pod, rt);
    after(rt, run, Math.min(stop, grace), (pod) => {
      run.state = {
        terminated: {
          exitCode: killed ? 137 : 0,
          reason: killed ? 'Error' : 'Completed',
          startedAt: rfc3339(run.startedMs),
          finishedAt: rfc3339(d.clock.now()),
          containerID: run.containerID,
        },
      };
      write(pod, rt);
      // OnFailure restarts a container the kubelet killed for its probe whatever its exit code.
      afterExit(pod, rt, run, restart);
    });
  };

  /** Start one instance of `run` now (Created/Started Events; the process runs to its end). */
  const launch = (
    pod: Pod,
    rt: PodRuntime,
    run: ContainerRun,
    tpl: ContainerTemplate,
  ): number | undefined => {
    const now = d.clock.now();
    run.containerID = containerId(d.rng.ids);
    run.startedMs = now;
    const path = tpl.fieldPaths[run.index];
    d.record(pod, 'Normal', 'Created', tpl.createdMsg[run.index] as string, rt, path);
    const p = run.program;
    let ms: number | undefined;
    let exitCode = 0;
    if (p.kind === 'sleep') ms = p.ms;
    else if (p.kind === 'run') {
      const facade = d.facade();
      if (facade && latePartsLoaded()) {
        const key = `Pod/${rt.namespace}/${rt.name}`;
        const r = late().runContainerProcess(facade, key, run.name, p.argv, now, run.containerID);
        if (r.startError !== undefined) {
          // The runtime could not start the process: StartError, and the Failed Event instead of Started.
          d.record(pod, 'Warning', 'Failed', `Error: ${r.startError}`, rt, path);
          run.state = {
            terminated: {
              exitCode: r.exitCode,
              reason: 'StartError',
              message: r.startError,
              startedAt: '1970-01-01T00:00:00Z',
              finishedAt: rfc3339(now),
              containerID: run.containerID,
            },
          };
          return 0;
        }
        ms = r.durationMs;
        exitCode = r.exitCode;
      }
    }
    d.record(pod, 'Normal', 'Started', tpl.startedMsg[run.index] as string, rt, path);
    run.state = runningState(rfc3339(now));
    const c = pod.spec.containers[run.index];
    if (c && (c.livenessProbe || c.readinessProbe || c.startupProbe) && latePartsLoaded())
      run.probes = probesFor(rt, run, c, now);
    if (ms !== undefined) {
      const code = exitCode;
      after(rt, run, ms, (pod) => exited(pod, rt, run, code));
    }
    return ms;
  };

  const exited = (pod: Pod, rt: PodRuntime, run: ContainerRun, exitCode: number) => {
    stopProbes(run.probes, d.timers());
    run.state = {
      terminated: {
        exitCode,
        reason: exitCode === 0 ? 'Completed' : 'Error',
        startedAt: rfc3339(run.startedMs),
        finishedAt: rfc3339(d.clock.now()),
        containerID: run.containerID,
      },
    };
    write(pod, rt);
    afterExit(pod, rt, run);
  };

  /** computePodActions + doBackOff for an exited container. */
  const afterExit = (pod: Pod, rt: PodRuntime, run: ContainerRun, restartAnyway = false) => {
    const term = run.state.terminated;
    if (!term) return;
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (!restartAnyway && (policy === 'Never' || (policy === 'OnFailure' && term.exitCode === 0))) return;
    const finished = d.clock.now();
    const expired = run.backoffUpdated === undefined || finished - run.backoffUpdated > 2 * BACKOFF_MAX_MS;
    if (expired) {
      // Not in back-off: restarted by the next sync, which starts the entry at 10 s.
      after(rt, run, SYNC_MS, (pod) => {
        run.backoff = BACKOFF_INITIAL_MS;
        run.backoffUpdated = d.clock.now();
        d.formDns(pod, rt);
        restart(pod, rt, run);
      });
      return;
    }
    after(rt, run, SYNC_MS, (pod) => {
      crashLoop(d, pod, rt, run, pathOf(rt, run, pod));
      write(pod, rt);
      after(rt, run, finished + run.backoff - d.clock.now(), (pod) => {
        run.backoff = Math.min(run.backoff * 2, BACKOFF_MAX_MS);
        run.backoffUpdated = d.clock.now();
        d.formDns(pod, rt);
        restart(pod, rt, run);
      });
    });
  };

  /** Pull (per imagePullPolicy) and start the container's next instance. */
  const restart = (pod: Pod, rt: PodRuntime, run: ContainerRun) => {
    const tpl = d.template(rt, pod);
    const c = pod.spec.containers[run.index];
    if (!c) return;
    const go = (pod: Pod) => {
      if (run.state.terminated) run.lastState = run.state;
      run.restartCount++;
      const ms = launch(pod, rt, run, tpl);
      // Ended before the relist: never reported Running; its exit is the next status written.
      if (ms !== undefined && ms < RELIST_MS && run.state.running) return;
      write(pod, rt);
      if (run.state.terminated) afterExit(pod, rt, run);
    };
    const path = tpl.fieldPaths[run.index];
    if ((c.imagePullPolicy ?? 'IfNotPresent') !== 'Always') {
      d.record(pod, 'Normal', 'Pulled', tpl.presentMsg[run.index] as string, rt, path);
      go(pod);
      return;
    }
    d.record(pod, 'Normal', 'Pulling', tpl.pullingMsg[run.index] as string, rt, path);
    const ms = drawMs(d.rng.pulls, CACHED_PULL_MS);
    const check = checkImage(c.image);
    after(rt, run, ms, (pod) => {
      d.record(pod, 'Normal', 'Pulled', pulledMessage(c.image, ms, check.ok ? check.spec.size : 0), rt, path);
      go(pod);
    });
  };

  return {
    /**
     * A SyncPod of a Pod with at least one ending process begins: its runs, none started yet
     * (kubelet.ts then starts each once its image is there: launchAt, and ends the sync: end).
     */
    begin(pod: Pod, rt: PodRuntime, programs: Program[]): void {
      const tpl = d.template(rt, pod);
      rt.runs = programs.map((program, index) => ({
        index,
        name: tpl.names[index] as string,
        program,
        restartCount: 0,
        containerID: '',
        startedMs: 0,
        state: EMPTY_STATE,
        lastState: EMPTY_STATE,
        timer: undefined,
        backoff: 0,
        backoffUpdated: undefined,
        probes: undefined,
      }));
    },
    /** Create and start container `index` now (its Events in SyncPod's order). */
    launchAt(pod: Pod, rt: PodRuntime, index: number): void {
      const run = rt.runs?.[index];
      if (!run) return;
      run.state = EMPTY_STATE;
      const ms = launch(pod, rt, run, d.template(rt, pod));
      let list = fresh.get(rt);
      if (!list) {
        list = [];
        fresh.set(rt, list);
      }
      // Not started (StartError): its back-off follows the sync's status (end).
      list.push({
        run,
        quick: ms !== undefined && ms < RELIST_MS,
        failed: run.state.terminated !== undefined,
      });
    },
    /**
     * The SyncPod ends: write the status of what it started (over `pending`, a status not written
     * yet: kubelet.ts sandboxReady). A process that ended before the relist is first seen exited:
     * until then it shows as it was.
     */
    end(pod: Pod, rt: PodRuntime, pending: Any | undefined): void {
      const started = fresh.get(rt) ?? [];
      fresh.delete(rt);
      const quick = started.filter((s) => s.quick && s.run.state.running !== undefined).map((s) => s.run);
      const shown = quick.map((r) => [r, r.containerID, r.state] as const);
      for (const r of quick) {
        r.containerID = '';
        r.state = EMPTY_STATE;
      }
      write(pod, rt, pending);
      for (const [r, id, state] of shown) {
        r.containerID = id;
        r.state = state;
      }
      for (const s of started) if (s.failed) afterExit(pod, rt, s.run);
    },
    /** Write the Pod's status with the runs as they are (kubelet.ts pull-waits: over `base`). */
    write(pod: Pod, rt: PodRuntime, base?: Any): void {
      write(pod, rt, base);
    },
    /**
     * kubelet.go SyncTerminatingPod after killPod: generateAPIPodStatus(pod, stoppedPodStatus,
     * podIsTerminal=true) at `at` ms from now, the kill's end — every container terminated (exit 0
     * `Completed` for a process that ended on SIGTERM within the grace period, 137 `Error` for one
     * SIGKILLed at its end, as killForProbe), not ready, not started; getPhase with podIsTerminal
     * gives Succeeded when all exited 0, else Failed, whatever the restartPolicy (1.27+); the
     * conditions of a terminal Pod (sandbox stopped, Ready/ContainersReady PodCompleted or
     * PodFailed). The status manager then deletes the Pod (canBeDeleted, once SyncTerminatedPod
     * has torn its volumes down: `gap` ms later); the delay to that delete is returned.
     * `stops[i]`: how long container i takes to exit after SIGTERM (uncapped). A Pod with a
     * container that is not running nor terminated (waiting, back-off) is left as it was.
     * [K8S 1.34 pkg/kubelet/kubelet.go, kubelet_pods.go getPhase, status/generate.go]
     */
    terminate(
      pod: Pod,
      rt: PodRuntime,
      stops: readonly number[],
      grace: number,
      at: number,
      gap: number,
    ): number {
      const killedAt = d.clock.now();
      const before = pod.status?.containerStatuses;
      if (!before || before.some((s) => !s.state?.running && !s.state?.terminated)) return at;
      d.timers().after(at, () => {
        const p = d.get(rt);
        if (!p || p.metadata.uid !== rt.uid) return;
        const status = p.status as Any;
        const stop = (s: ContainerStatus, ms: number | undefined): ContainerStatus => {
          const run = s.state?.running;
          if (!run) return s;
          const killed = ms === undefined || ms > grace;
          return {
            ...s,
            ready: false,
            started: false,
            state: {
              terminated: {
                exitCode: killed ? 137 : 0,
                reason: killed ? 'Error' : 'Completed',
                startedAt: run.startedAt,
                finishedAt: rfc3339(killedAt + Math.min(ms ?? grace, grace, at)),
                ...(s.containerID ? { containerID: s.containerID } : undefined),
              },
            },
          };
        };
        const index = new Map(p.spec.containers.map((c, i) => [c.name, i]));
        const statuses = (status.containerStatuses as ContainerStatus[]).map((s) =>
          stop(s, stops[index.get(s.name) ?? -1]),
        );
        const inits = status.initContainerStatuses as ContainerStatus[] | undefined;
        const spec = (p.spec as Any).initContainers as Container[] | undefined;
        const initStop = (s: ContainerStatus) => {
          const c = spec?.find((x) => x.name === s.name);
          const check = c ? checkImage(c.image) : undefined;
          return check?.ok ? check.spec.stopMs[0] : undefined;
        };
        const failed = statuses.some((s) => s.state?.terminated?.exitCode !== 0);
        const phase = failed ? 'Failed' : 'Succeeded';
        const [ready, containersReady] = TERMINAL[phase];
        d.writeStatus(p, {
          ...status,
          phase,
          conditions: d.conditions(
            status.conditions,
            SANDBOX_GONE,
            failed ? INITIALIZED : INITIALIZED_COMPLETED,
            ready,
            containersReady,
          ),
          ...(inits ? { initContainerStatuses: inits.map((s) => stop(s, initStop(s))) } : undefined),
          containerStatuses: statuses,
        });
      });
      return at + gap;
    },
    /** The Pod is being deleted or replaced: no container restarts any more. */
    cancel(rt: PodRuntime): void {
      fresh.delete(rt);
      for (const r of rt.runs ?? []) {
        stopProbes(r.probes, d.timers());
        if (r.timer !== undefined) d.timers().cancel(r.timer);
        r.timer = undefined;
      }
    },
  };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
