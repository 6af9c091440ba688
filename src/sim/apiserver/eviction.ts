// The Eviction subresource (evictPod) and the DisruptionTarget condition the control plane writes
// on a Pod before it deletes it to disrupt it (PodDisruptionConditions, GA since 1.31), bound
// late: only a user's `kubectl drain` or NoExecute taint reaches them.
// - evictPod [K8S pkg/registry/core/pod/storage/eviction.go EvictionREST.Create, checkAndDecrement,
//   getPodDisruptionBudgets; the copy read is the PodDisruptionConditions-gated one of 1.27-1.30,
//   whose PDB logic 1.34 keeps]: a Pod that is Pending, Succeeded, Failed or already being deleted
//   is deleted without looking at budgets (canIgnorePDB). Else the PodDisruptionBudgets of its
//   namespace whose selector matches its labels (nil matches nothing, `{}` everything): more than
//   one answers a 500 "This pod has more than one PodDisruptionBudget, which the eviction
//   subresource does not support." and nothing is deleted; none lets the delete through. With
//   one: a Pod that is not Ready is deleted without touching the budget when the budget's
//   unhealthyPodEvictionPolicy is AlwaysAllow, or (unset / IfHealthyBudget) when currentHealthy >=
//   desiredHealthy > 0. Otherwise checkAndDecrement: status.observedGeneration behind the
//   generation answers 429 "Cannot evict pod as it would violate the pod's disruption budget."
//   with the DisruptionBudget cause "The disruption budget x is still being processed by the
//   server."; disruptionsAllowed 0 the same 429 with "The disruption budget x needs D healthy pods
//   and has C currently"; else disruptionsAllowed goes down by one (the DisruptionAllowed condition
//   turns InsufficientPods when it reaches 0) and, unless it is a dry run, the Pod's name goes into
//   status.disruptedPods with the current time (UpdateStatus), then the Pod is deleted.
// - The Eviction subresource [K8S 1.34 pkg/registry/core/pod/storage/eviction.go
//   addConditionAndDeletePod]: Reason EvictionByEvictionAPI, "Eviction API: evicting", written
//   through the status store on the latest Pod, then the delete with the Eviction's options. A
//   Pod already Succeeded or Failed is deleted without it (canIgnorePDB). A dry run writes none.
// - The taint manager [K8S 1.34 pkg/controller/tainteviction/taint_eviction.go
//   addConditionAndDeletePod]: Reason DeletionByTaintManager, "Taint manager: deleting due to
//   NoExecute taint".
// podutil.UpdatePodCondition: an existing condition of the type keeps its lastTransitionTime when
// its status does not change; a new one is appended with the current time and no probe time.
import type { K8sObject, Pod, PodCondition, PodDisruptionBudget } from '../api/types';
import type { ApiError, ApiResult, DeleteOptions } from '../contract';
import { isPodReady, withDisruptionAllowedCondition } from '../controllers/disruption-status';
import { rfc3339 } from '../runtime/clock';
import { notFound } from './errors';
import { pdbSelects } from './pdb-selector';
import type { ApiServer } from './server';

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

const VIOLATES = "Cannot evict pod as it would violate the pod's disruption budget.";
/** MaxDisruptedPodSize. */
const MAX_DISRUPTED = 2000;

function tooManyRequests(cause: string): ApiError {
  return {
    code: 429,
    reason: 'TooManyRequests',
    message: VIOLATES,
    details: { causes: [{ reason: 'DisruptionBudget', field: '', message: cause }] },
  };
}

/** errors.NewForbidden(policy.Resource("poddisruptionbudget"), name, err). */
function forbiddenPdb(name: string, why: string): ApiError {
  return {
    code: 403,
    reason: 'Forbidden',
    message: `poddisruptionbudget.policy "${name}" is forbidden: ${why}`,
    details: { kind: 'poddisruptionbudget', group: 'policy', name },
  };
}

/** The budgets guarding a Pod (getPodDisruptionBudgets), by name. */
export function budgetsFor(api: Pick<ApiServer, 'store'>, pod: Pod): PodDisruptionBudget[] {
  const out: PodDisruptionBudget[] = [];
  const ns = pod.metadata.namespace ?? 'default';
  for (const o of api.store.byNamespace('PodDisruptionBudget', ns)) {
    const pdb = o as PodDisruptionBudget;
    if (pdbSelects(pdb.spec?.selector, pod.metadata.labels)) out.push(pdb);
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** checkAndDecrement: the refusal, or undefined once the budget has taken the disruption. */
function checkAndDecrement(
  api: ApiServer,
  pdb: PodDisruptionBudget,
  podName: string,
  nowMs: number,
  dryRun: boolean,
): ApiError | undefined {
  const st = pdb.status ?? { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  const name = pdb.metadata.name;
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0))
    return tooManyRequests(`The disruption budget ${name} is still being processed by the server.`);
  if (st.disruptionsAllowed < 0) return forbiddenPdb(name, 'pdb disruptions allowed is negative');
  if (Object.keys(st.disruptedPods ?? {}).length > MAX_DISRUPTED)
    return forbiddenPdb(
      name,
      'DisruptedPods map too big - too many evictions not confirmed by PDB controller',
    );
  if (st.disruptionsAllowed === 0)
    return tooManyRequests(
      `The disruption budget ${name} needs ${st.desiredHealthy} healthy pods and has ${st.currentHealthy} currently`,
    );
  let next = { ...st, disruptionsAllowed: st.disruptionsAllowed - 1 };
  if (next.disruptionsAllowed === 0) next = withDisruptionAllowedCondition(next, nowMs);
  if (dryRun) return undefined;
  next.disruptedPods = { ...(st.disruptedPods ?? {}), [podName]: rfc3339(nowMs) };
  const r = api.updateStatus({ ...pdb, status: next } as K8sObject);
  return r.ok ? undefined : r.error;
}

/**
 * POST pods/NAME/eviction (Cluster.delete with `eviction`): the budget check, then the
 * DisruptionTarget condition (not on a dry run) and the delete with the Eviction's options.
 */
export function evictPod(
  api: ApiServer,
  nowMs: number,
  namespace: string | undefined,
  name: string,
  opts: DeleteOptions,
): ApiResult {
  const ns = namespace || 'default';
  const pod = api.store.get('Pod', ns, name) as Pod | undefined;
  if (!pod) return { ok: false, error: notFound('Pod', name) };
  const dryRun = opts.dryRun === true;
  const { eviction: _, ...del } = opts;
  const remove = (): ApiResult => {
    if (!dryRun) addDisruptionTarget(api, nowMs, ns, name, 'api');
    return api.delete('Pod', ns, name, del);
  };
  const phase = pod.status?.phase;
  if (phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed' || pod.metadata.deletionTimestamp)
    return remove();
  const pdbs = budgetsFor(api, pod);
  if (pdbs.length > 1)
    return {
      ok: false,
      error: {
        code: 500,
        reason: 'Unknown',
        message:
          'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      },
    };
  const pdb = pdbs[0];
  if (!pdb) return remove();
  if (!isPodReady(pod)) {
    if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return remove();
    const st = pdb.status;
    if (st && st.currentHealthy >= st.desiredHealthy && st.desiredHealthy > 0) return remove();
  }
  const refused = checkAndDecrement(api, pdb, name, nowMs, dryRun);
  return refused ? { ok: false, error: refused } : remove();
}
