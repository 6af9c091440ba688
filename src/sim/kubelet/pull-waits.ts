// Containers waiting on their image at the end of a SyncPod (pod-worker.ts: the others were started),
// and the image pull back-off that follows [K8S 1.34 pkg/kubelet: images/image_manager.go
// EnsureImageExists (ErrImagePull, then in back-off: `Back-off pulling image "X"`, ImagePullBackOff),
// kuberuntime_container.go startContainer (`Error: …`), kuberuntime_manager.go SyncPod (each
// container to start is started in turn; one failing does not stop the next)]:
//   the sync's status: these waiting ErrImagePull/ErrImageNeverPull, the others as started, phase
//   Pending, Ready/ContainersReady False for the ones not running; the next sync (1 s on) finds the
//   image in back-off (BackOff, `Error: ImagePullBackOff`, waiting ImagePullBackOff); the sync after
//   the back-off pulls again, starting only the containers not running. The back-off is the Pod's
//   (10 s doubling to 5 min), not one per image. ErrImageNeverPull is not retried.
// Bound late (src/sim/late): the boot's Pods all have their images.
import type { ContainerStatus, Pod } from '../api/types';
import { setAt } from '../runtime/arrays';
import { rfc3339 } from '../runtime/clock';
import { pullBackOffMs } from './back-off';
import { configRetryMs, startedStatus, writeWaiting } from './config-refs';
import type { Lifecycle } from './lifecycle';
import type { Any, LifecycleDeps } from './lifecycle-deps';
import type { PodRuntime, Stage } from './pod-runtime';
import { waitingStatus } from './status-parts';

type Schedule = (rt: PodRuntime, ms: number, next: Stage) => void;

/** Write the sync's status: the waiting containers as they wait, the others as they run. */
function show(
  d: LifecycleDeps,
  pod: Pod,
  rt: PodRuntime,
  pending: Any | undefined,
  lifecycle: Lifecycle | undefined,
  waits: NonNullable<PodRuntime['waits']>,
): void {
  if (rt.runs && lifecycle) {
    for (const r of rt.runs) {
      const w = waits[r.index];
      if (w && r.containerID === '') r.state = { waiting: w };
    }
    lifecycle.write(pod, rt, pending);
    return;
  }
  const tpl = d.template(rt, pod);
  const status = pending ?? pod.status;
  const prev: readonly ContainerStatus[] = status?.containerStatuses ?? [];
  const notRunning: string[] = [];
  const statuses = pod.spec.containers.map((c, i): ContainerStatus => {
    const w = waits[i];
    const at = rt.at?.[i];
    const old = prev[i];
    if (!w && old?.state?.running && old.containerID && old.name === c.name) return old;
    const err = w ? undefined : rt.env?.[i];
    if (err !== undefined && at === undefined) {
      notRunning.push(c.name);
      return waitingStatus(c, 'CreateContainerConfigError', err);
    }
    if (w || at === undefined) {
      notRunning.push(c.name);
      return w ? waitingStatus(c, w.reason, w.message) : (tpl.creating[i] as ContainerStatus);
    }
    return startedStatus(d, tpl, c, i, at);
  });
  writeWaiting(d, pod, rt, status, statuses, notRunning);
}

/**
 * The SyncPod ends with containers waiting on their image (rt.waits): write it, and back the pull
 * off; `retry` is the kubelet's next sync (it pulls and starts the containers not running).
 */
export function pullWaits(
  d: LifecycleDeps,
  pod: Pod,
  rt: PodRuntime,
  pending: Any | undefined,
  lifecycle: Lifecycle | undefined,
  schedule: Schedule,
  retry: Stage,
): void {
  const waits = rt.waits ?? [];
  // Another container's env that cannot be made (config-refs.ts) holds none of the others back:
  // SyncPod starts each container to start in turn, one failing does not stop the next. Those
  // with their image are started now, those whose config fails say so (`Error: …`).
  if (rt.env && !rt.runs) {
    const tpl = d.template(rt, pod);
    const at = rfc3339(d.clock.now());
    pod.spec.containers.forEach((_c, i) => {
      if (waits[i] || rt.at?.[i] !== undefined) return;
      const err = rt.env?.[i];
      const path = tpl.fieldPaths[i];
      if (err !== undefined) {
        d.record(pod, 'Warning', 'Failed', `Error: ${err}`, rt, path);
        return;
      }
      d.record(pod, 'Normal', 'Created', tpl.createdMsg[i] as string, rt, path);
      d.record(pod, 'Normal', 'Started', tpl.startedMsg[i] as string, rt, path);
      rt.at = setAt(rt.at, i, at);
    });
  }
  show(d, pod, rt, pending, lifecycle, waits);
  if (!waits.some((w) => w?.reason === 'ErrImagePull')) {
    // No pull to back off (ErrImageNeverPull is not retried): the config's retry syncs again.
    if (rt.env) schedule(rt, configRetryMs(d, rt), retry);
    return;
  }
  rt.backoff = pullBackOffMs(rt.pullFailures);
  rt.pullFailures++;
  // The next pod sync (about a second later) finds the image in back-off.
  schedule(rt, 1000, (pod, rt) => {
    d.formDns(pod, rt); // a pod sync: SyncPod forms the sandbox config first
    const paths = d.template(rt, pod).fieldPaths;
    waits.forEach((w, i) => {
      if (w?.reason !== 'ErrImagePull') return;
      const image = pod.spec.containers[i]?.image ?? '';
      d.record(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, rt, paths[i]);
      d.record(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', rt, paths[i]);
      waits[i] = {
        reason: 'ImagePullBackOff',
        message: `Back-off pulling image "${image}": ErrImagePull: ${w.message}`,
      };
    });
    show(d, pod, rt, undefined, lifecycle, waits);
    schedule(rt, rt.backoff - 1000, retry);
  });
}
