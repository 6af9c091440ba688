// A deleted Pod's last status, written when its containers have stopped [K8S 1.34 pkg/kubelet:
// kubelet.go SyncTerminatingPod (killPod, then generateAPIPodStatus with podIsTerminal) and
// SyncTerminatedPod, kubelet_pods.go getPhase, status/generate.go, status/status_manager.go
// canBeDeleted]. Bound late: pod-worker.ts kill calls it through lifecycle.ts's `terminate`.
import type { Container, ContainerState, ContainerStatus, Pod } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import { checkImage, drawMs } from './images';
import type { Any, LifecycleDeps } from './lifecycle-deps';
import { pid1Stop } from './pid1';
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
 * The exit code of container `c` when its process ends on SIGTERM within the grace period (one
 * SIGKILLed at its end exits 137 instead). It is the process's own: the image's ImageSpec.termExit
 * when the container runs the image's ENTRYPOINT/CMD (no command/args), else 0.
 * - kiamol/ch03-sleep: 143. Its PID 1 is BusyBox 1.34.1 ash running `trap : TERM INT; (…) & wait`
 *   [BUSYBOX 1_34_1 shell/ash.c]: the trap installs signal_handler, which sets pending_sig; waitcmd's
 *   dowait(DOWAIT_BLOCK_OR_SIG) returns on it and wait returns `128 | pending_sig`; evaltree's
 *   closing dotrap() runs `:` and then restores exitstatus to that 143; the -c string was
 *   evaluated with EV_EXIT, so the shell exits (exitshell, `_exit(exitstatus)`) with 143.
 * - nginx: 0. ngx_master_process_cycle calls ngx_master_process_exit, `exit(0)`, once its workers
 *   are gone after SIGTERM or the image's STOPSIGNAL SIGQUIT [nginx src/os/unix/ngx_process_cycle.c;
 *   docker-nginx Dockerfile, whose entrypoint ends with `exec "$@"`].
 * - CoreDNS: 0 (caddy sigtrap_posix.go: SIGTERM → os.Exit(executeShutdownCallbacks(…)), 0 unless
 *   a callback or Stop fails) [coredns/caddy].
 * - the .NET 6 numbers apps: 0. Host.CreateDefaultBuilder's ConsoleLifetime cancels SIGTERM's
 *   default termination (PosixSignalRegistration, context.Cancel; dotnet/runtime#56057, .NET 6)
 *   and stops the host, so `void Main` returns normally [Microsoft.Extensions.Hosting
 *   ConsoleLifetime; kiamol ch03 Numbers.Api, Numbers.Web Program.cs].
 * A process without a SIGTERM handler (sh or sleep as PID 1) is not ended by it: its stopMs is the
 * grace period and it is SIGKILLed (137). A container's own command/args: its PID 1's (pid1.ts),
 * else 0.
 */
export function sigtermExit(c: Pick<Container, 'image' | 'command' | 'args'> | undefined): number {
  const own = c && pid1Stop(c);
  if (own) return own.termExit;
  if (!c || (c.command?.length ?? 0) > 0 || (c.args?.length ?? 0) > 0) return 0;
  const check = checkImage(c.image);
  return check.ok ? (check.spec.termExit ?? 0) : 0;
}

/**
 * kubelet.go SyncTerminatingPod after killPod: generateAPIPodStatus(pod, stoppedPodStatus,
 * podIsTerminal=true) at `at` ms from now, the kill's end — every container terminated (the
 * process's own exit code for one that ended on SIGTERM within the grace period, sigtermExit: 0
 * `Completed`, or 143 `Error` for the sleep image; 137 `Error` for one SIGKILLed at its end, as
 * killForProbe), not ready, not started; getPhase with podIsTerminal gives Succeeded when all
 * exited 0, else Failed, whatever the restartPolicy (1.27+) — so a deleted sleep Pod ends Failed,
 * which kubectl prints as `Error`, not `Terminating` (printPod: a terminal phase); the
 * conditions of a terminal Pod (sandbox stopped, Ready/ContainersReady PodCompleted or
 * PodFailed). The status manager then deletes the Pod (canBeDeleted, once SyncTerminatedPod
 * has torn its volumes down: `gap` ms later); the delay to that delete is returned.
 * `stops[i]`: how long container i takes to exit after SIGTERM (uncapped), drawn from its image;
 * a container whose own command/args make another program PID 1 takes that one's (pid1.ts: a
 * BusyBox `sleep` ignores SIGTERM, so the Pod's deletion waits for the SIGKILL at the grace
 * period), and the kill then ends at `at` recomputed. A Pod with a container that is not running
 * nor terminated (waiting, back-off) is left as it was.
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
  [stops, at] = ownStops(d, pod, rt, stops, grace, at, gap);
  d.timers().after(at, () => {
    const p = d.get(rt);
    if (!p || p.metadata.uid !== rt.uid) return;
    const status = p.status as Any;
    const stop = (s: ContainerStatus, ms: number | undefined, c: Container | undefined): ContainerStatus => {
      const run = s.state?.running;
      if (!run) return s;
      const killed = ms === undefined || ms > grace;
      const exitCode = killed ? 137 : sigtermExit(c);
      return {
        ...s,
        ready: false,
        started: false,
        state: {
          terminated: {
            exitCode,
            reason: exitCode === 0 ? 'Completed' : 'Error',
            startedAt: run.startedAt,
            finishedAt: rfc3339(killedAt + Math.min(ms ?? grace, grace, at)),
            ...(s.containerID ? { containerID: s.containerID } : undefined),
          },
        },
      };
    };
    const index = new Map(p.spec.containers.map((c, i) => [c.name, i]));
    const statuses = (status.containerStatuses as ContainerStatus[]).map((s) => {
      const i = index.get(s.name) ?? -1;
      return stop(s, stops[i], p.spec.containers[i]);
    });
    const inits = status.initContainerStatuses as ContainerStatus[] | undefined;
    const spec = (p.spec as Any).initContainers as Container[] | undefined;
    const stopInit = (s: ContainerStatus) => {
      const c = spec?.find((x) => x.name === s.name);
      const check = c ? checkImage(c.image) : undefined;
      return stop(s, check?.ok ? check.spec.stopMs[0] : undefined, c);
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
      ...(inits ? { initContainerStatuses: inits.map(stopInit) } : undefined),
      containerStatuses: statuses,
    });
  });
  return at + gap;
}

/**
 * The stop times of `pod`'s containers with their PID 1's behaviour (pid1.ts) in place of the
 * image's, and when the last has stopped: from the kill's start (`gap`: pod-worker.ts's minimum)
 * without init containers; with them `at` (which counts their stops, init-containers.ts initKill)
 * can only grow. Unchanged when no container has a program of its own that is known.
 */
function ownStops(
  d: LifecycleDeps,
  pod: Pod,
  rt: PodRuntime,
  stops: readonly number[],
  grace: number,
  at: number,
  gap: number,
): [readonly number[], number] {
  let own: number[] | undefined;
  pod.spec.containers.forEach((c, i) => {
    const p = pid1Stop(c);
    const was = stops[i];
    if (!p || was === undefined) return;
    const [lo, hi] = p.stopMs;
    if (was >= lo && was <= hi) return;
    own ??= [...stops];
    own[i] = drawMs(d.rng.pulls.fork(`pid1-stop/${rt.uid}/${i}`), p.stopMs);
  });
  if (!own) return [stops, at];
  const inits = ((pod.spec as Any).initContainers?.length ?? 0) > 0;
  let end = inits ? at : gap;
  for (const ms of own) end = Math.max(end, Math.min(ms, grace));
  return [own, end];
}
