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
// - PreBind: the chosen node is written on the Pod's unbound WaitForFirstConsumer claims
//   (volume.kubernetes.io/selected-node) and the Pod is bound only once they are (the provisioner
//   makes the volume on that node); after bindTimeout (600 s) the attempt fails with `running
//   PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded`.
// Not modelled: Filter's search for a static volume on each node (a matching one is bound by the
// PV controller), and the node's resources are not held while PreBind waits.
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
  /** Unbound claims of WaitForFirstConsumer classes: bound in PreBind, before the Pod. */
  delayed: K8sObject[];
}

export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** The VolumeBinding plugin's bindTimeout (--bind-timeout-seconds default, 600 s). */
export const BIND_TIMEOUT_MS = 600_000;
export const PREBIND_TIMEOUT_MESSAGE =
  'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded';

/** VolumeBinding PreFilter; undefined for a Pod with no claims (Skip). */
export function volumePreFilter(api: ApiServer, pod: Pod): VolumePre | undefined {
  const names = claimNames(pod as K8sObject);
  if (!names) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const claims: K8sObject[] = [];
  for (const n of names) {
    const c = api.store.get('PersistentVolumeClaim', ns, n);
    if (!c) return { message: `persistentvolumeclaim "${n}" not found`, affinities: [], delayed: [] };
    if (c.metadata.deletionTimestamp)
      return { message: `persistentvolumeclaim "${n}" is being deleted`, affinities: [], delayed: [] };
    claims.push(c);
  }
  const affinities: Any[] = [];
  const delayed: K8sObject[] = [];
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
    else delayed.push(c);
  }
  if (immediate) return { message: 'pod has unbound immediate PersistentVolumeClaims', affinities, delayed };
  return { affinities, delayed };
}

/**
 * AssumePodVolumes + BindPodVolumes' first step for dynamic provisioning: each delayed claim gets
 * volume.kubernetes.io/selected-node (the provisioner then makes its volume on that node).
 */
export function selectNode(api: ApiServer, claims: readonly K8sObject[], node: string): void {
  for (const c of claims) {
    if (c.metadata.annotations?.[ANN_SELECTED_NODE] === node) continue;
    api.update({
      ...c,
      metadata: { ...c.metadata, annotations: { ...c.metadata.annotations, [ANN_SELECTED_NODE]: node } },
    });
  }
}

/** BindPodVolumes' wait (checkBindings): every claim of the Pod bound (bind-completed). */
export function podVolumesBound(api: ApiServer, pod: Pod): boolean {
  const ns = pod.metadata.namespace ?? 'default';
  for (const n of claimNames(pod as K8sObject) ?? []) {
    const c = api.store.get('PersistentVolumeClaim', ns, n);
    if (!c?.spec?.volumeName || c.metadata.annotations?.['pv.kubernetes.io/bind-completed'] !== 'yes')
      return false;
  }
  return true;
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
