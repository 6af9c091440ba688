// READY, STATUS and RESTARTS of `kubectl get pods`, as printPod computes them [K8S 1.34
// pkg/printers/internalversion/printers.go printPod]: init containers first — while one is not
// done STATUS is `Init:N/M`, `Init:<waiting reason>` or `Init:<terminated reason>` and only the init
// containers' restarts count —; a sidecar (an init container with restartPolicy Always) counts in
// READY's total, and in READY once started and ready; then the Pod's containers, last one first.
import type { ContainerStatus, Pod } from '../../sim/api/types';
import { translateTimestampSince } from './duration';

// biome-ignore lint/suspicious/noExplicitAny: init containers are not in the shared Pod type.
type Any = any;

export interface PodCells {
  ready: string;
  reason: string;
  restarts: string;
}

export function printPodCells(pod: Pod, now: number): PodCells {
  // lastState.terminated.finishedAt by its instant (the latest is printed as it was written).
  const finishedAt = new Map<number, string>();
  const finishedMs = (s: ContainerStatus): number => {
    const fin = s.lastState?.terminated?.finishedAt;
    if (!fin) return Number.NEGATIVE_INFINITY;
    const t = Date.parse(fin);
    finishedAt.set(t, fin);
    return t;
  };
  const st = pod.status ?? ({} as Pod['status']);
  const spec = (pod.spec ?? {}) as Any;
  let restarts = 0;
  let lastRestart = Number.NEGATIVE_INFINITY;
  let readyContainers = 0;
  let total = (spec.containers ?? []).length as number;
  let reason: string = st.reason || st.phase || '';
  for (const c of st.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const sidecars = new Set<string>();
  for (const c of (spec.initContainers ?? []) as Any[]) {
    if (c?.restartPolicy === 'Always') {
      sidecars.add(c.name);
      total++;
    }
  }
  let sidecarRestarts = 0;
  let lastSidecarRestart = Number.NEGATIVE_INFINITY;
  let initializing = false;
  const inits = ((st as Any).initContainerStatuses ?? []) as ContainerStatus[];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i] as ContainerStatus;
    restarts += c.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, finishedMs(c));
    const sidecar = sidecars.has(c.name);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = Math.max(lastSidecarRestart, finishedMs(c));
    }
    const s = c.state ?? {};
    if (s.terminated && s.terminated.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (s.terminated) {
      // Signal is not modelled: a terminated state always has a reason or an exit code.
      reason = s.terminated.reason ? `Init:${s.terminated.reason}` : `Init:ExitCode:${s.terminated.exitCode}`;
    } else if (s.waiting?.reason && s.waiting.reason !== 'PodInitializing')
      reason = `Init:${s.waiting.reason}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    initializing = true;
    break;
  }
  const initialized = (st.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = st.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      if (!c) continue;
      restarts += c.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, finishedMs(c));
      const s = c.state ?? {};
      if (s.waiting?.reason) reason = s.waiting.reason;
      else if (s.terminated?.reason) reason = s.terminated.reason;
      else if (s.terminated) reason = `ExitCode:${s.terminated.exitCode}`;
      else if (c.ready && s.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (st.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
        ? 'Running'
        : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed')
    reason = 'Terminating';
  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart !== Number.NEGATIVE_INFINITY)
    restartsStr = `${restarts} (${translateTimestampSince(finishedAt.get(lastRestart) as string, now)} ago)`;
  return { ready: `${readyContainers}/${total}`, reason, restarts: restartsStr };
}
