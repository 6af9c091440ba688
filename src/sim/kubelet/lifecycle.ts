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
// Pods whose containers are all servers never come here (pod-worker.ts keeps its own path for them),
// except when deleted: `terminate` writes every Pod's stopped containers before its removal.
// This file holds the runs' start, exit, restart and probe kill; the status written from them is
// run-status.ts's, the back-off's timing back-off.ts's, the deleted Pod's last status terminate.ts's.
//
// Timing simplifications (deterministic, each a choice within what a real kubelet does): the
// kubelet notices an exit at once (PLEG relists every second), a container that ends within its
// first second is never reported Running (the relist would find it exited already), the next sync
// after an exit is SYNC_MS later, and the pod worker re-syncs exactly when a back-off expires. One
// BackOff Event is recorded per back-off (a real kubelet records one per sync in back-off).
import type { Container, Pod } from '../api/types';
import type { Cluster } from '../contract';
import { late, latePartsLoaded } from '../late';
import { rfc3339 } from '../runtime/clock';
import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, crashLoop, RELIST_MS, SYNC_MS } from './back-off';
import { CACHED_PULL_MS, checkImage, drawMs, pulledMessage } from './images';
import { initStateOf } from './init-status';
import type { Any, ContainerRun, LifecycleDeps } from './lifecycle-deps';
import { pid1Stop } from './pid1';
import { containerId, type PodRuntime } from './pod-runtime';
import { containerProbes, type ProbeKind, type ProbeSet, stopProbes } from './probes';
import { type Program, SERVER } from './program';
import { isRunning, writeRuns } from './run-status';
import { initKillPod, initPodEnded } from './sidecar-stop';
import { type ContainerTemplate, EMPTY_STATE, runningState } from './status-parts';
import { exitedState, sigtermExit, terminatePod } from './terminate';

/**
 * The Pods with a container that keeps stdin open (a shell a terminal attaches to: kubectl debug
 * --copy-to and node/NAME, kubectl attach), per cluster facade and Pod key: how to end its process.
 */
const attachable = new WeakMap<
  Cluster,
  Map<string, { rt: PodRuntime; end(name: string, code: number): boolean }>
>();

/**
 * The process of container `container` of Pod `podKey` (`Pod/ns/name`) ended with `exitCode`: the
 * attached shell exited. It is Terminated (Completed, or Error with the code) and the Pod's
 * restartPolicy applies as to any exit (Never: the Pod completes, as kubectl debug node/NAME's
 * does; Always: restarted, with the back-off). False when that container is not running here.
 * The caller lets the cluster settle (`runUntilIdle`).
 */
export function endContainerProcess(
  cluster: Cluster,
  podKey: string,
  container: string,
  exitCode: number,
): boolean {
  return attachable.get(cluster)?.get(podKey)?.end(container, exitCode) ?? false;
}

/** Ended for good (computePodActions keeps nothing, starts nothing): not restarted under `policy`. */
const ended = (r: ContainerRun, policy: string) =>
  r.state.terminated !== undefined && (policy === 'Never' || r.state.terminated.exitCode === 0);

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

  /** Write the Pod's status from its containers' states (over `base`, a status not written yet). */
  const write = (pod: Pod, rt: PodRuntime, base?: Any) => writeRuns(d, pod, rt, base);

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
   * probe's or Pod's grace period) the instance is terminated — the process's own exit code for
   * one that ends on SIGTERM (terminate.ts sigtermExit: 0 Completed for nginx and the .NET apps,
   * 143 Error for the sleep image's trapping shell), 137 (Error) for one killed — and
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
    const stop = check.ok ? drawMs(probeStopRng, pid1Stop(c)?.stopMs ?? check.spec.stopMs) : grace;
    const killed = stop > grace;
    if (run.timer !== undefined) d.timers().cancel(run.timer);
    stopProbes(run.probes, d.timers());
    write(pod, rt);
    after(rt, run, Math.min(stop, grace), (pod) => {
      run.state = exitedState(run, killed ? 137 : sigtermExit(c), d.clock.now());
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
    run.state = exitedState(run, exitCode, d.clock.now());
    write(pod, rt);
    afterExit(pod, rt, run);
  };

  /** computePodActions + doBackOff for an exited container. */
  const afterExit = (pod: Pod, rt: PodRuntime, run: ContainerRun, restartAnyway = false) => {
    const term = run.state.terminated;
    if (!term) return;
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (!restartAnyway && (policy === 'Never' || (policy === 'OnFailure' && term.exitCode === 0))) {
      // The last of them to end: the next sync kills the Pod, its running sidecars with it.
      if (initStateOf(rt) && (rt.runs ?? []).every((r) => ended(r, policy))) {
        initPodEnded(d, rt);
        after(rt, run, SYNC_MS, (pod) => initKillPod(d, pod, rt, (pod, base) => write(pod, rt, base)));
      }
      return;
    }
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

  /** endContainerProcess for one of this kubelet's runs. */
  const endProcess = (rt: PodRuntime, name: string, exitCode: number): boolean => {
    const pod = d.get(rt);
    if (!pod || pod.metadata.uid !== rt.uid || pod.metadata.deletionTimestamp || rt.killing) return false;
    const run = rt.runs?.find((r) => r.name === name);
    if (!run?.state.running) return false;
    if (run.timer !== undefined) d.timers().cancel(run.timer);
    run.timer = undefined;
    exited(pod, rt, run, exitCode);
    return true;
  };

  return {
    /**
     * A SyncPod of a Pod with at least one ending process begins: its runs, none started yet
     * (pod-worker.ts then starts each once its image is there: launchAt, and ends the sync: end).
     */
    begin(pod: Pod, rt: PodRuntime, programs: Program[]): void {
      const tpl = d.template(rt, pod);
      const facade = d.facade();
      if (facade && programs.some((p, i) => p === SERVER && pod.spec.containers[i]?.stdin === true)) {
        let m = attachable.get(facade);
        if (!m) {
          m = new Map();
          attachable.set(facade, m);
        }
        m.set(`Pod/${rt.namespace}/${rt.name}`, { rt, end: (name, code) => endProcess(rt, name, code) });
      }
      const prev = pod.status?.containerStatuses;
      rt.runs = programs.map((program, index) => {
        // Started by an earlier sync that did not track it (one whose other container's config
        // failed: config-refs.ts, pull-waits.ts): running as it is, not started again.
        const old = rt.at?.[index] !== undefined ? prev?.find((s) => s.name === tpl.names[index]) : undefined;
        const running = old?.state?.running && old.containerID ? old : undefined;
        return {
          index,
          name: tpl.names[index] as string,
          program,
          restartCount: running?.restartCount ?? 0,
          containerID: running?.containerID ?? '',
          startedMs: running ? Date.parse(running.state.running?.startedAt ?? '') || d.clock.now() : 0,
          state: running?.state ?? EMPTY_STATE,
          lastState: running?.lastState ?? EMPTY_STATE,
          timer: undefined,
          backoff: 0,
          backoffUpdated: undefined,
          probes: undefined,
        };
      });
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
     * yet: pod-worker.ts sandboxReady). A process that ended before the relist is first seen exited:
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
    /** Write the Pod's status with the runs as they are (pull-waits.ts: over `base`). */
    write(pod: Pod, rt: PodRuntime, base?: Any): void {
      write(pod, rt, base);
    },
    /** The stopped containers' status, then the delete's delay (terminate.ts). */
    terminate(
      pod: Pod,
      rt: PodRuntime,
      stops: readonly number[],
      grace: number,
      at: number,
      gap: number,
    ): number {
      return terminatePod(d, pod, rt, stops, grace, at, gap);
    },
    /** The Pod is being deleted or replaced: no container restarts any more. */
    cancel(rt: PodRuntime): void {
      fresh.delete(rt);
      const facade = d.facade();
      const m = facade && attachable.get(facade);
      const key = `Pod/${rt.namespace}/${rt.name}`;
      if (m?.get(key)?.rt === rt) m.delete(key);
      for (const r of rt.runs ?? []) {
        stopProbes(r.probes, d.timers());
        if (r.timer !== undefined) d.timers().cancel(r.timer);
        r.timer = undefined;
      }
    },
  };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
