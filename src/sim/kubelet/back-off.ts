// The kubelet's timing of a container that exits, and its crash-loop back-off [K8S 1.34
// pkg/kubelet: kuberuntime/kuberuntime_manager.go computePodActions/doBackOff, util/flowcontrol
// backoff.go (containerBackOffPeriod 10 s doubling to MaxContainerBackOff 5 min; an entry not moved
// for 2 × the maximum starts again: hasExpired), pleg/generic.go (relist every second)], and the
// image pull back-off. Shared by the app containers (lifecycle.ts, pull-waits.ts) and the init
// containers and sidecars (init-start.ts, init-pull.ts); bound late.
import type { Pod } from '../api/types';
import { goDuration } from './images';
import type { ContainerRun, LifecycleDeps } from './lifecycle-deps';
import type { PodRuntime } from './pod-runtime';

/** From an exit to the sync that acts on it (PLEG relist period). */
export const SYNC_MS = 1000;
/** A container ending sooner after its start is first reported terminated. */
export const RELIST_MS = 1000;
/** kubelet's crash-loop back-off: containerBackOffPeriod 10 s, MaxContainerBackOff 300 s. */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** The image pull back-off (kubelet.go imageBackOff, flowcontrol.NewBackOff: 10 s doubling to 300 s). */
const PULL_BACKOFF_MS = [10_000, 20_000, 40_000, 80_000, 160_000, 300_000];

/** The back-off after a Pod's `failures` earlier failed pulls (kept per Pod here: pull-waits.ts). */
export const pullBackOffMs = (failures: number): number =>
  PULL_BACKOFF_MS[Math.min(failures, PULL_BACKOFF_MS.length - 1)] as number;

/**
 * The sync that finds an exited container still in back-off (an app container in lifecycle.ts, a
 * sidecar or init container in init-start.ts): SyncPod forms the sandbox config, doBackOff records
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
