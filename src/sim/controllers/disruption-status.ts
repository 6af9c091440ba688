// The PodDisruptionBudget status helpers the disruption controller and the Eviction API share
// [K8S component-helpers apps/poddisruptionbudget/helpers.go UpdateDisruptionAllowedCondition,
// ConditionsAreUpToDate; APIMACH v0.34.9 pkg/api/meta/conditions.go SetStatusCondition]:
// - DisruptionAllowed is True/SufficientPods when disruptionsAllowed > 0, else
//   False/InsufficientPods, with an empty message and the status's observedGeneration;
// - SetStatusCondition keeps lastTransitionTime unless the status changes (a new condition gets now).
import type { MetaCondition, Pod, PodDisruptionBudget } from '../api/types';
import { rfc3339 } from '../runtime/clock';

export type PdbStatus = NonNullable<PodDisruptionBudget['status']>;

/** apimeta.SetStatusCondition on a copy: the new list. */
export function setStatusCondition(
  conditions: readonly MetaCondition[] | undefined,
  c: Omit<MetaCondition, 'lastTransitionTime'>,
  nowMs: number,
): MetaCondition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((x) => x.type === c.type);
  const old = i >= 0 ? list[i] : undefined;
  const next: MetaCondition = {
    type: c.type,
    status: c.status,
    ...(c.observedGeneration ? { observedGeneration: c.observedGeneration } : {}),
    lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : rfc3339(nowMs),
    reason: c.reason,
    message: c.message,
  };
  if (i >= 0) list[i] = next;
  else list.push(next);
  return list;
}

/** pdbhelper.UpdateDisruptionAllowedCondition on a status copy. */
export function withDisruptionAllowedCondition(st: PdbStatus, nowMs: number): PdbStatus {
  const ok = st.disruptionsAllowed > 0;
  const conditions = setStatusCondition(
    st.conditions,
    {
      type: 'DisruptionAllowed',
      status: ok ? 'True' : 'False',
      ...(st.observedGeneration ? { observedGeneration: st.observedGeneration } : {}),
      reason: ok ? 'SufficientPods' : 'InsufficientPods',
      message: '',
    },
    nowMs,
  );
  return { ...st, conditions };
}

/** pdbhelper.ConditionsAreUpToDate. */
export function conditionsAreUpToDate(pdb: PodDisruptionBudget): boolean {
  const st = pdb.status;
  const c = st?.conditions?.find((x) => x.type === 'DisruptionAllowed');
  if (!st || !c) return false;
  if ((st.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  if (st.disruptionsAllowed > 0) return c.status === 'True' && c.reason === 'SufficientPods';
  return c.status === 'False' && c.reason === 'InsufficientPods';
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}
