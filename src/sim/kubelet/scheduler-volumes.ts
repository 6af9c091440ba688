// kube-scheduler 1.34's VolumeBinding plugin for the full profile (pkg/scheduler/framework/plugins/
// volumebinding/volume_binding.go, binder.go), bound late with ./scheduler-full:
// - PreFilter: a Pod without claims is skipped (one loop over its volumes); a claim that does not
//   exist fails with `persistentvolumeclaim "x" not found`, one being deleted with
//   `persistentvolumeclaim "x" is being deleted` (podHasPVCs), then any unbound claim whose class
//   binds Immediately (no class, a missing class, or volumeBindingMode Immediate) with `pod has
//   unbound immediate PersistentVolumeClaims` (UnschedulableAndUnresolvable);
// - Filter: a bound claim's volume with required node affinity rules out the nodes it does not
//   match, `node(s) had volume node affinity conflict` (ErrReasonNodeConflict);
// - the queueing hint: a Pod VolumeBinding rejected is retried when one of its claims changes
//   (the PV controller wakes it: wakeClaimWaiters), not only by the 5-minute flush.
// Not modelled: PreBind's wait for the volumes to bind (the Pod is bound to its node at once and
// the provisioner's volume follows), and Filter's search for a static volume on each node.
import type { K8sObject, Node, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { claimNames } from '../controllers/pv-controller';
import { requiredNodeAffinity } from './scheduler-match';

// biome-ignore lint/suspicious/noExplicitAny: loosely typed decoded JSON.
type Any = any;

export const REASON_VOLUME_NODE_CONFLICT = 'node(s) had volume node affinity conflict';

export interface VolumePre {
  /** PreFilter's refusal, the FitError's PreFilter message. */
  message?: string;
  /** The bound volumes' node selectors, as a Pod spec's required node affinity. */
  affinities: Any[];
}

/** VolumeBinding PreFilter; undefined for a Pod with no claims (Skip). */
export function volumePreFilter(api: ApiServer, pod: Pod): VolumePre | undefined {
  const names = claimNames(pod as K8sObject);
  if (!names) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const claims: K8sObject[] = [];
  for (const n of names) {
    const c = api.store.get('PersistentVolumeClaim', ns, n);
    if (!c) return { message: `persistentvolumeclaim "${n}" not found`, affinities: [] };
    if (c.metadata.deletionTimestamp)
      return { message: `persistentvolumeclaim "${n}" is being deleted`, affinities: [] };
    claims.push(c);
  }
  const affinities: Any[] = [];
  let immediate = false;
  for (const c of claims) {
    const v = c.spec?.volumeName;
    if (v) {
      const req = (api.store.get('PersistentVolume', undefined, v) as Any)?.spec?.nodeAffinity?.required;
      if (req)
        affinities.push({
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: req } },
        });
      continue;
    }
    const cls =
      c.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? c.spec?.storageClassName;
    const sc: Any = cls ? api.store.get('StorageClass', undefined, cls) : undefined;
    if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') immediate = true;
  }
  if (immediate) return { message: 'pod has unbound immediate PersistentVolumeClaims', affinities };
  return { affinities };
}

/** VolumeBinding Filter: the node must match every bound volume's node affinity. */
export function volumeNodeConflict(pre: VolumePre | undefined, node: Node): boolean {
  if (!pre) return false;
  for (const a of pre.affinities) if (!requiredNodeAffinity(a, node)) return true;
  return false;
}

/** Pods VolumeBinding rejected, per cluster: `ns/claim` → pod key → how to move it. */
const waiters = new WeakMap<ApiServer, Map<string, Map<string, () => void>>>();

/** Park a rejected Pod on its claims (the QueueingHint for PVC events). */
export function waitOnClaims(api: ApiServer, pod: Pod, podKey: string, wake: () => void): void {
  let m = waiters.get(api);
  if (!m) {
    m = new Map();
    waiters.set(api, m);
  }
  const ns = pod.metadata.namespace ?? 'default';
  for (const n of claimNames(pod as K8sObject) ?? []) {
    const k = `${ns}/${n}`;
    let s = m.get(k);
    if (!s) {
      s = new Map();
      m.set(k, s);
    }
    s.set(podKey, wake);
  }
}

/** A claim was added or changed: move the Pods waiting on it (each once). */
export function wakeClaimWaiters(api: ApiServer, ns: string, claim: string): void {
  const m = waiters.get(api);
  const s = m?.get(`${ns}/${claim}`);
  if (!m || !s) return;
  m.delete(`${ns}/${claim}`);
  for (const wake of s.values()) wake();
}
