// A deleted Pod's last status, written when its containers have stopped [K8S 1.34 pkg/kubelet:
// kubelet.go SyncTerminatingPod (killPod, then generateAPIPodStatus with podIsTerminal) and
// SyncTerminatedPod, kubelet_pods.go getPhase, status/generate.go, status/status_manager.go
// canBeDeleted]. Bound late: pod-worker.ts kill calls it through lifecycle.ts's `terminate`.
import type { Container, ContainerState, ContainerStatus, Pod } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import { checkImage } from './images';
import type { Any, LifecycleDeps } from './lifecycle-deps';
import type { PodRuntime } from './pod-runtime';
import { INITIALIZED, INITIALIZED_COMPLETED, SANDBOX_GONE, TERMINAL } from './run-status';

/**
 * The state of a run whose process has ended now with `exitCode` (its own exit, or the kill of a
 * probe failure or of a stopping sidecar): terminated with reason Completed for 0, else Error, as
 * the runtime reports it and kubelet_pods.go convertToAPIContainerStatuses copies it. Shared by
 * lifecycle.ts (containers), init-start.ts (init containers) and sidecar-stop.ts.
 */
export function exitedState(
  run: { readonly startedMs: number; readonly containerID: string },
  exitCode: number,
  nowMs: number,
): ContainerState {
  return {
    terminated: {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt: rfc3339(run.startedMs),
      finishedAt: rfc3339(nowMs),
      containerID: run.containerID,
    },
  };
}

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
export function terminatePod(
  d: LifecycleDeps,
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
}
