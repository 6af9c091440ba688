// The Pods `kubectl drain` would remove from a node and the ones that stop it
// [KUBECTL pkg/drain/filters.go v0.34.9: makeFilters, PodDeleteList.Pods/Warnings/errors;
// pkg/drain/drain.go GetPodsForDeletion]. Every Pod with spec.nodeName=NODE (all namespaces,
// --pod-selector applied) runs through the filters in order — deleted (--skip-wait-for-delete-timeout),
// DaemonSet, mirror, local storage, unreplicated — and the last status a filter gave it stands
// (a filter that refuses stops the chain, so the local-storage warning is always overwritten by
// the unreplicated filter's verdict, as in kubectl). Go groups warnings and errors through maps
// (random order between different messages); here they keep the order first met.
import type { Pod } from '../../sim/api/types';
import type { Cluster } from '../../sim/contract';
import { shouldSkipPod } from './drain-evict';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  podSelector: string | undefined;
  /** --skip-wait-for-delete-timeout (0: off) and the clock it compares deletionTimestamps with. */
  skipWaitSeconds: number;
  now: () => number;
}

type Status =
  | { reason: 'Okay'; del: true }
  | { reason: 'Skip'; del: false }
  | { reason: 'Warning'; del: boolean; message: string }
  | { reason: 'Error'; del: false; message: string };

const OKAY: Status = { reason: 'Okay', del: true };

export interface PodDeleteList {
  /** Pods() : the ones to evict, in list order (namespace, then name). */
  pods: Pod[];
  /** Warnings(): `message: ns/a, ns/b` joined by `; `, or ''. */
  warnings: string;
  /** errors(): `cannot delete <message>: ns/a, ns/b` per message. */
  errors: string[];
}

function finished(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function controllerOf(pod: Pod) {
  return pod.metadata.ownerReferences?.find((r) => r.controller === true);
}

function filterPod(cluster: Cluster, pod: Pod, o: DrainOptions): Status {
  // skipDeletedFilter: a Pod deleted more than --skip-wait-for-delete-timeout seconds ago.
  if (shouldSkipPod(pod, o.skipWaitSeconds, o.now())) return { reason: 'Skip', del: false };
  const ref = controllerOf(pod);
  // daemonSetFilter: apps/v1 DaemonSet controllers only; a finished Pod may go.
  if (ref?.kind === 'DaemonSet' && ref.apiVersion === 'apps/v1' && !finished(pod)) {
    if (!cluster.get('DaemonSet', pod.metadata.namespace, ref.name)) {
      // The DaemonSet Get's NotFound error text.
      const msg = `daemonsets.apps "${ref.name}" not found`;
      return o.force
        ? { reason: 'Warning', del: true, message: msg }
        : { reason: 'Error', del: false, message: msg };
    }
    if (!o.ignoreDaemonSets) return { reason: 'Error', del: false, message: DAEMONSET_FATAL };
    return { reason: 'Warning', del: false, message: DAEMONSET_WARNING };
  }
  // mirrorPodFilter: a static Pod's mirror cannot be deleted through the API server.
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined)
    return { reason: 'Skip', del: false };
  // localStorageFilter: its warning (`deleting Pods with local storage`) is always overwritten by
  // the next filter's status (kubectl's TODO), so only its refusal shows.
  const volumes = (pod.spec as { volumes?: { emptyDir?: unknown }[] | null }).volumes ?? [];
  if (volumes.some((v) => v.emptyDir != null) && !finished(pod) && !o.deleteEmptyDirData) {
    return { reason: 'Error', del: false, message: LOCAL_STORAGE_FATAL };
  }
  // unreplicatedFilter.
  if (finished(pod) || ref !== undefined) return OKAY;
  if (o.force) return { reason: 'Warning', del: true, message: UNMANAGED_WARNING };
  return { reason: 'Error', del: false, message: UNMANAGED_FATAL };
}

/** GetPodsForDeletion (after the list and the --pod-selector parse, checked by the caller). */
export function podsForDeletion(cluster: Cluster, nodeName: string, o: DrainOptions): PodDeleteList {
  const all = cluster.list('Pod', {
    fieldSelector: `spec.nodeName=${nodeName}`,
    ...(o.podSelector ? { labelSelector: o.podSelector } : {}),
  }) as Pod[];
  const pods: Pod[] = [];
  const warned = new Map<string, string[]>();
  const failed = new Map<string, string[]>();
  for (const pod of all) {
    const s = filterPod(cluster, pod, o);
    const who = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (s.del) pods.push(pod);
    if (s.reason === 'Warning') warned.set(s.message, [...(warned.get(s.message) ?? []), who]);
    if (s.reason === 'Error') failed.set(s.message, [...(failed.get(s.message) ?? []), who]);
  }
  return {
    pods,
    warnings: [...warned].map(([m, ps]) => `${m}: ${ps.join(', ')}`).join('; '),
    errors: [...failed].map(([m, ps]) => `cannot delete ${m}: ${ps.join(', ')}`),
  };
}

/** utilerrors.NewAggregate(errs).Error(): one message alone, several as `[a, b]` (duplicates once). */
export function aggregateText(errs: readonly string[]): string {
  const uniq = [...new Set(errs)];
  return uniq.length === 1 ? (uniq[0] as string) : `[${uniq.join(', ')}]`;
}
