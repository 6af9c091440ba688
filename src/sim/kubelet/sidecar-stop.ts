// The sidecars of a Pod that is done: computePodActions's KillPod while a sidecar still runs
// [K8S 1.34 pkg/kubelet/kuberuntime: kuberuntime_manager.go computePodActions (keepCount 0 and no
// container to start: KillPod, and InitContainersToStart emptied `to prevent the restartable init
// containers to keep pod alive`), computeInitContainerActions (an init container failed under
// restartPolicy Never: KillPod), SyncPod → killPodWithSyncResult → killContainer (`Stopping
// container NAME`, SIGKILL at the grace period, 2 s at least); kubelet_pods.go getPhase (a running sidecar keeps
// the phase Running; stopped ones are ignored)]. Bound late with init-containers.ts: reached from
// lifecycle.ts (the Pod's containers all ended) and init-start.ts (an init container failed).
import type { Pod } from '../api/types';
import { checkImage, drawMs } from './images';
import { compose, initStateOf } from './init-status';
import type { Any, LifecycleDeps } from './lifecycle-deps';
import { pid1Stop } from './pid1';
import type { PodRuntime } from './pod-runtime';
import { stopProbes } from './probes';
import { exitedState, sigtermExit } from './terminate';

/**
 * The Pod's last container has ended for good (or an init container failed under Never): the sync
 * that notices it empties InitContainersToStart, so from now on no sidecar is started again (a
 * back-off restart, a pull, the sequence's next step). Its running sidecars are killed by that
 * sync (initKillPod, SYNC_MS on).
 */
export function initPodEnded(d: LifecycleDeps, rt: PodRuntime): void {
  const st = initStateOf(rt);
  if (!st || st.killed) return;
  st.killed = true;
  if (st.timer !== undefined) d.timers().cancel(st.timer);
  st.timer = undefined;
  for (const r of st.runs) {
    if (r.state.running !== undefined) continue;
    if (r.timer !== undefined) d.timers().cancel(r.timer);
    r.timer = undefined;
  }
}

/**
 * computePodActions KillPod with the sidecars still running: every container of the Pod has ended
 * and none restarts (keepCount 0, nothing to start: restartPolicy Never, or OnFailure after
 * success), or an init container failed under restartPolicy Never (computeInitContainerActions).
 * InitContainersToStart is emptied — no sidecar restarts any more — and killPodWithSyncResult
 * stops the running ones (`Stopping container NAME` on each, in reverse order, KEP-753), each after
 * its image's stop time (its exit code: terminate.ts sigtermExit) or SIGKILL at the Pod's grace
 * period (exit 137). `written(pod, base)` writes the Pod's status over `base` (the init
 * containers' statuses composed) once one has stopped: lifecycle.ts's, whose phase counts a
 * running sidecar (getPhase), else the init one's.
 */
export function initKillPod(
  d: LifecycleDeps,
  pod: Pod,
  rt: PodRuntime,
  written?: (pod: Pod, base: Any) => void,
): void {
  const st = initStateOf(rt);
  if (!st || st.stopping) return;
  st.stopping = true;
  initPodEnded(d, rt);
  for (const r of st.runs) {
    if (r.timer !== undefined) d.timers().cancel(r.timer);
    r.timer = undefined;
  }
  const sidecars = st.runs.filter((r) => r.sidecar && r.state.running !== undefined).reverse();
  if (sidecars.length === 0) return;
  // killContainer without a grace period override: the Pod's, at least minimumGracePeriodInSeconds (2).
  const grace = Math.max(2, pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  const rng = d.rng.pulls.fork(`init-killpod-stop/${rt.uid}`);
  for (const r of sidecars) {
    stopProbes(r.probes, d.timers());
    d.record(pod, 'Normal', 'Killing', `Stopping container ${r.name}`, rt, r.path);
    const check = checkImage(r.container.image);
    const stop = check.ok ? drawMs(rng, pid1Stop(r.container)?.stopMs ?? check.spec.stopMs) : grace;
    const killed = stop > grace;
    const id = r.containerID;
    r.timer = d.timers().after(Math.min(stop, grace), () => {
      r.timer = undefined;
      const now = d.get(rt);
      if (!now || now.metadata.uid !== rt.uid || now.metadata.deletionTimestamp || rt.killing) return;
      if (r.containerID !== id || r.state.running === undefined) return;
      r.state = exitedState(r, killed ? 137 : sigtermExit(r.container), d.clock.now());
      const base = compose(d, now, st, now.status, true);
      if (written && st.initialized) written(now, base);
      else d.writeStatus(now, base);
    });
  }
}
