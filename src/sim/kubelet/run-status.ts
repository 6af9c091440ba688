// The Pod status the kubelet writes from the runs of its containers [K8S 1.34 pkg/kubelet:
// kubelet_pods.go getPhase and convertToAPIContainerStatuses, prober/prober_manager.go
// UpdatePodStatus (started: running and past the startup probe; ready: started and past the
// readiness probe), status/generate.go GenerateContainersReadyCondition (`containers with unready
// status: [a b]`; PodCompleted/PodFailed once terminal)]. Bound late with lifecycle.ts; the
// conditions are shared with terminate.ts, notReady with pull-waits.ts and config-refs.ts.
import type { ContainerStatus, Pod } from '../api/types';
import type { ImageRef } from './images';
import { initStateOf, unreadySidecars } from './init-status';
import type { Any, ContainerRun, LifecycleDeps } from './lifecycle-deps';
import type { PodRuntime } from './pod-runtime';
import { type CondSpec, type ContainerTemplate, condSpec } from './status-parts';

export const SANDBOX_READY = condSpec('PodReadyToStartContainers', 'True');
export const SANDBOX_GONE = condSpec('PodReadyToStartContainers', 'False');
export const INITIALIZED = condSpec('Initialized', 'True');
export const INITIALIZED_COMPLETED = condSpec('Initialized', 'True', 'PodCompleted');
const READY = condSpec('Ready', 'True');
const CONTAINERS_READY = condSpec('ContainersReady', 'True');
export const TERMINAL = {
  Succeeded: [
    condSpec('Ready', 'False', 'PodCompleted'),
    condSpec('ContainersReady', 'False', 'PodCompleted'),
  ],
  Failed: [condSpec('Ready', 'False', 'PodFailed'), condSpec('ContainersReady', 'False', 'PodFailed')],
} as const;
const unready = new Map<string, [CondSpec, CondSpec]>();

/**
 * Ready/ContainersReady False for these unready containers (`[a b]`, Go's %s of a []string), one
 * pair per message shared by every sync that writes it (writeRuns, pull-waits.ts, config-refs.ts).
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

export const isRunning = (r: ContainerRun) => r.state.running !== undefined;
/** Running and past its startup probe. */
const isStarted = (r: ContainerRun) => isRunning(r) && (r.probes?.started ?? true);
/** Started and passing its readiness probe (a container without one is ready once started). */
const isReady = (r: ContainerRun) => isStarted(r) && (r.probes?.ready ?? true);

/**
 * kubelet_pods.go getPhase once the Pod is initialised: its containers, and its sidecars — a
 * running one counts as running (the Pod stays Running until KillPod has stopped it:
 * sidecar-stop.ts), a stopped one is ignored.
 */
function phaseOf(pod: Pod, rt: PodRuntime, runs: ContainerRun[]): Pod['status']['phase'] {
  let running = 0;
  for (const r of initStateOf(rt)?.runs ?? []) if (r.sidecar && r.state.running) running++;
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

function statusOf(r: ContainerRun, tpl: ContainerTemplate): ContainerStatus {
  if (r.containerID === '') {
    // Not created yet: waiting on its image (pull-waits.ts), else ContainerCreating.
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
}

/** Write the Pod's status from its containers' states (over `base`, a status not written yet). */
export function writeRuns(d: LifecycleDeps, pod: Pod, rt: PodRuntime, base?: Any): void {
  const runs = rt.runs as ContainerRun[];
  const tpl = d.template(rt, pod);
  const status = base ?? pod.status;
  const phase = phaseOf(pod, rt, runs);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  let ready: CondSpec;
  let containersReady: CondSpec;
  if (terminal) [ready, containersReady] = TERMINAL[phase];
  else {
    // The sidecars count too (GenerateContainersReadyCondition), before the containers.
    const names = unreadySidecars(
      initStateOf(rt),
      runs.filter((r) => !isReady(r)).map((r) => r.name),
    );
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
}
