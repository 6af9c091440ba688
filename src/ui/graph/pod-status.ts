// The STATUS and READY columns exactly as `kubectl get pods` computes them (reference §B3, from
// printers.go printPod), so the graph and the terminal never disagree about a Pod.
import type { Pod } from '../../sim/api/types';

export type StatusTone = 'ok' | 'progress' | 'warn' | 'error' | 'terminating';

export interface PodStatusView {
  /** kubectl's STATUS cell: Running, ContainerCreating, Terminating, ErrImagePull, Completed… */
  status: string;
  /** kubectl's READY cell: `readyContainers/totalContainers`. */
  ready: string;
  /** Colour family; the text above always accompanies it (never colour alone). */
  tone: StatusTone;
}

const TERMINAL_PHASES = new Set(['Succeeded', 'Failed']);
const ERROR_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'CrashLoopBackOff', 'Error', 'OOMKilled']);

export function podStatus(pod: Pod): PodStatusView {
  const containers = pod.spec?.containers ?? [];
  const statuses = pod.status?.containerStatuses ?? [];
  const readyCount = statuses.filter((s) => s.ready).length;
  const ready = `${readyCount}/${containers.length}`;

  // 1. phase, or status.reason when set
  let status: string = pod.status?.reason ?? pod.status?.phase ?? 'Pending';
  // 2./3. a container's waiting or terminated reason overrides it (last container wins, as in printPod)
  for (const s of statuses) {
    const waiting = s.state?.waiting?.reason;
    const terminated = s.state?.terminated?.reason;
    if (waiting) status = waiting;
    else if (terminated) status = terminated;
  }
  // 5. Terminating once deletionTimestamp is set and the phase is not terminal
  const phase = pod.status?.phase ?? 'Pending';
  if (pod.metadata.deletionTimestamp && !TERMINAL_PHASES.has(phase)) status = 'Terminating';

  let tone: StatusTone;
  if (status === 'Terminating') tone = 'terminating';
  else if (ERROR_REASONS.has(status) || phase === 'Failed') tone = 'error';
  else if (status === 'Running' && readyCount === containers.length && containers.length > 0) tone = 'ok';
  else if (status === 'Running') tone = 'warn';
  else if (status === 'Completed') tone = 'ok';
  else tone = 'progress';
  return { status, ready, tone };
}
