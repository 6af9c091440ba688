// The DisruptionTarget condition the control plane writes on a Pod before it deletes it to
// disrupt it (PodDisruptionConditions, GA since 1.31), bound late: only a user's `kubectl drain`
// or NoExecute taint reaches it.
// - The Eviction subresource [K8S 1.34 pkg/registry/core/pod/storage/eviction.go
//   addConditionAndDeletePod]: Reason EvictionByEvictionAPI, "Eviction API: evicting", written
//   through the status store on the latest Pod, then the delete with the Eviction's options. A
//   Pod already Succeeded or Failed is deleted without it (canIgnorePDB). A dry run writes none.
// - The taint manager [K8S 1.34 pkg/controller/tainteviction/taint_eviction.go
//   addConditionAndDeletePod]: Reason DeletionByTaintManager, "Taint manager: deleting due to
//   NoExecute taint".
// podutil.UpdatePodCondition: an existing condition of the type keeps its lastTransitionTime when
// its status does not change; a new one is appended with the current time and no probe time.
import type { K8sObject, Pod, PodCondition } from '../api/types';
import { rfc3339 } from '../runtime/clock';

const WHY = {
  api: { reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' },
  taint: { reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' },
};

/** Write the DisruptionTarget condition on a running Pod (before the caller deletes it). */
export function addDisruptionTarget(
  api: {
    store: { get(kind: 'Pod', namespace: string | undefined, name: string): unknown };
    updateStatus(o: K8sObject): unknown;
  },
  nowMs: number,
  namespace: string | undefined,
  name: string,
  /** The Eviction subresource, or the taint manager. */
  by: 'api' | 'taint',
): void {
  const why = WHY[by];
  const pod = api.store.get('Pod', namespace, name) as Pod | undefined;
  const phase = pod?.status?.phase;
  if (!pod || phase === 'Succeeded' || phase === 'Failed') return;
  const conditions = [...(pod.status?.conditions ?? [])] as unknown as Record<string, unknown>[];
  const i = conditions.findIndex((c) => c.type === 'DisruptionTarget');
  const old = i >= 0 ? conditions[i] : undefined;
  const next = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: old?.status === 'True' ? old.lastTransitionTime : rfc3339(nowMs),
    reason: why.reason,
    message: why.message,
  };
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
  api.updateStatus({
    ...pod,
    status: { ...pod.status, conditions: conditions as unknown as PodCondition[] },
  } as unknown as K8sObject);
}
