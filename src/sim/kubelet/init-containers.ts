// spec.initContainers, as the kubelet runs them before a Pod's containers [K8S 1.34 pkg/kubelet:
// kuberuntime/kuberuntime_manager.go computePodActions → computeInitContainerActions (one init
// container at a time, in order, each to exit 0 before the next; a restartable one — a sidecar,
// restartPolicy Always, GA in 1.33 — once started, then the next), killContainersWithSyncResult
// (on deletion the sidecars stop after the containers, in reverse order: KEP-753)].
//
// Bound late (src/sim/late): the boot's Pods have no init containers. pod-worker.ts hands over at
// admission (the first status: initAdmit), once the sandbox is up (initRun) and on deletion
// (initKill); when every init container is done the Pod's containers go on through pod-worker.ts's
// own pull/start path (`resume`). This file holds those entry points and the context of one sync
// (syncOf); what the kubelet keeps per init container and the status composed from it are
// init-status.ts's, the sequence and the image pulls init-pull.ts's, the instances' starts, exits
// and restarts init-start.ts's, the sidecars of a Pod whose containers are done sidecar-stop.ts's.
// The sequence keeps one pending step on its own timer (a sidecar, its own): a sync that moves it
// on replaces what was pending, so no step runs twice.
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
import type { Pod } from '../api/types';
import type { Rng } from '../runtime/interfaces';
import { checkImage, drawMs } from './images';
import { pullSteps } from './init-pull';
import { startSteps } from './init-start';
import { compose, type InitRun, type InitState, initStateOf, type Resume, stateOf } from './init-status';
import type { Any, LifecycleDeps } from './lifecycle-deps';
import { pid1Stop } from './pid1';
import type { PodRuntime } from './pod-runtime';
import { stopProbes } from './probes';

/**
 * One sync of a Pod's init containers, from the sandbox up (initRun): its context and its steps,
 * the sequence and the pulls (init-pull.ts), the starts and exits (init-start.ts).
 */
export interface InitSync {
  readonly d: LifecycleDeps;
  readonly rt: PodRuntime;
  readonly st: InitState;
  now(): number;
  live(pod: Pod | undefined): pod is Pod;
  /** A timer of the Pod's sequence (st.timer: initKill cancels it on deletion) or of a sidecar. */
  after(ms: number, fn: (pod: Pod) => void, own?: InitRun): void;
  /** Write the Pod's status (over `base`, a status not written yet). */
  write(pod: Pod, base?: Any): Pod;
  /** Stop times of sidecars killed for a probe: their own stream (per Pod), as lifecycle.ts's. */
  stopStream: Rng | undefined;
  /** computeInitContainerActions: start the first init container not done, or the Pod's containers. */
  next(pod: Pod, base?: Any): void;
  pull(pod: Pod, run: InitRun, base?: Any): void;
  restart(pod: Pod, run: InitRun): void;
  launch(pod: Pod, run: InitRun, base?: Any): void;
}

/** The first status of a Pod with init containers (pod-worker.ts admit): all wait PodInitializing. */
export function initAdmit(d: LifecycleDeps, pod: Pod, rt: PodRuntime, status: Any): Any {
  return compose(d, pod, stateOf(pod, rt), status, false);
}

/**
 * The sandbox is up (`pending`: its status, not written yet): run the init containers, then hand
 * the Pod's containers back to pod-worker.ts (`resume`).
 */
export function initRun(d: LifecycleDeps, pod: Pod, rt: PodRuntime, pending: Any, resume: Resume): void {
  const st = stateOf(pod, rt);
  st.resume = resume;
  rt.initPart = (pod, status) => compose(d, pod, st, status, true);
  const fx = syncOf(d, rt, st);
  fx.next(pod, pending);
}

function syncOf(d: LifecycleDeps, rt: PodRuntime, st: InitState): InitSync {
  const live = (pod: Pod | undefined): pod is Pod =>
    !!pod && pod.metadata.uid === rt.uid && !pod.metadata.deletionTimestamp && !rt.killing;
  const x = {
    d,
    rt,
    st,
    now: () => d.clock.now(),
    live,
    after: (ms: number, fn: (pod: Pod) => void, own?: InitRun) => {
      // One pending step per owner (the sequence, or a sidecar's own): a new one replaces it. The
      // sequence's timer is its own, not the pod worker's rt.timer, which the Pod's containers
      // use once the sequence hands them over (resume).
      const owner: { timer: number | undefined } = own ?? st;
      if (owner.timer !== undefined) d.timers().cancel(owner.timer);
      const id = d.timers().after(ms, () => {
        if (owner.timer === id) owner.timer = undefined;
        const pod = d.get(rt);
        // Killed with every container done (sidecar-stop.ts): nothing of the sequence runs again.
        if (live(pod) && !st.killed) fn(pod);
      });
      owner.timer = id;
    },
    write: (pod: Pod, base?: Any) => d.writeStatus(pod, compose(d, pod, st, base ?? pod.status, true)),
    stopStream: undefined,
  } as InitSync;
  return Object.assign(x, pullSteps(x), startSteps(x));
}

/**
 * The Pod is being deleted (pod-worker.ts kill, after its containers' Killing; `delay`: when they
 * have stopped): a running init container is stopped with them, the sidecars after them in reverse
 * order (killContainersWithSyncResult, KEP-753), each `Stopping container NAME` on its own
 * fieldPath, within what is left of the grace period. Returns when the last one has stopped.
 */
export function initKill(d: LifecycleDeps, pod: Pod, rt: PodRuntime, delay: number, grace: number): number {
  const st = initStateOf(rt);
  if (!st) return delay;
  const rng = d.rng.pulls.fork(`init-kill-stop/${rt.uid}`);
  const stopOf = (r: InitRun) => {
    const check = checkImage(r.container.image);
    return Math.min(
      check.ok ? drawMs(rng, pid1Stop(r.container)?.stopMs ?? check.spec.stopMs) : grace,
      grace,
    );
  };
  if (st.timer !== undefined) d.timers().cancel(st.timer);
  st.timer = undefined;
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
