// kube-controller-manager's PersistentVolume controller of 1.34 (pkg/controller/volume/
// persistentvolume/pv_controller.go) with the pvc-protection and pv-protection controllers
// (pkg/controller/volume/pvcprotection, pvprotection), riding on the publishers controller (bound
// late: ../late-impl). The external provisioners themselves are ./pv-provisioner.
// - An unbound claim: a PersistentVolume pre-bound to it or the smallest Available one that
//   matches (class, access modes, volume mode, capacity) is bound; else, with a class whose
//   volumeBindingMode is WaitForFirstConsumer and no `volume.kubernetes.io/selected-node`,
//   WaitForFirstConsumer "waiting for first consumer to be created before binding"; with no class,
//   FailedBinding "no persistent volumes available for this claim and no storage class is set";
//   with a class that does not exist, ProvisioningFailed `storageclass.storage.k8s.io "x" not
//   found`; else the claim gets the provisioner annotations (setClaimProvisioner) and
//   ExternalProvisioning "Waiting for a volume to be created either by the external provisioner
//   '…' or manually by the system administrator. If volume creation is delayed, please verify
//   that the provisioner is running and correctly registered.". A Pending claim is synced again
//   every 15 s (the controller's resync period), repeating its Event as the real one does.
// - bind(): the volume's claimRef (with pv.kubernetes.io/bound-by-controller when the controller
//   set it), its phase Bound; the claim's volumeName with pv.kubernetes.io/bind-completed and
//   pv.kubernetes.io/bound-by-controller "yes", its status Bound with the volume's access modes
//   and capacity.
// - A volume whose claim is gone is Released; with reclaim policy Delete, the provisioner that made
//   it deletes it (./pv-provisioner); Retain keeps it Released.
// - The scheduler's VolumeBinding plugin writes volume.kubernetes.io/selected-node on a
//   WaitForFirstConsumer claim when it places a Pod using it (PreBind: ../kubelet/scheduler-volumes);
//   a Pod bound by spec.nodeName alone leaves such a claim Pending, as in a real cluster.
// - pvc-protection: a claim marked for deletion loses kubernetes.io/pvc-protection once no Pod
//   scheduled to a node uses it (podUsesPVC); pv-protection: a volume loses
//   kubernetes.io/pv-protection once it is not Bound.
import type { K8sObject, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import { wakeClaimWaiters } from '../kubelet/scheduler-volumes';
import { rfc3339 } from '../runtime/clock';
import type { ControllerContext, WatchEvent } from '../runtime/interfaces';
import {
  PROVISION_KEY,
  provisionerFor,
  provisionerSync,
  provisionKeySync,
  releasedVolumeSync,
} from './pv-provisioner';

// biome-ignore lint/suspicious/noExplicitAny: controllers write loosely typed copies.
type Any = any;

export const SOURCE = { component: 'persistentvolume-controller' };
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
const PV_PROTECTION = 'kubernetes.io/pv-protection';
/** The PV controller's resync period (kube-controller-manager --pvclaimbinder-sync-period, 15 s). */
export const RESYNC_MS = 15_000;

const PVC_KEY = 'PersistentVolumeClaim/';
const PV_KEY = 'PersistentVolume/';

/** Claim names a Pod's volumes use (cheap for the Pods with none: one loop over their volumes). */
export function claimNames(pod: K8sObject): string[] | undefined {
  const vols: Any[] | undefined = pod.spec?.volumes;
  if (!vols) return undefined;
  let out: string[] | undefined;
  for (let i = 0; i < vols.length; i++) {
    const c = vols[i]?.persistentVolumeClaim?.claimName;
    if (typeof c !== 'string') continue;
    if (out) out.push(c);
    else out = [c];
  }
  return out;
}

/** Keys for the storage kinds' events and for Pods that use claims; undefined for anything else. */
export function pvKeys(ev: WatchEvent): string[] | undefined {
  const o = ev.view;
  if (o.kind === 'PersistentVolumeClaim') {
    const keys = [`${PVC_KEY}${o.metadata.namespace}/${o.metadata.name}`];
    const v = o.spec?.volumeName;
    if (v) keys.push(`${PV_KEY}${v}`);
    return keys;
  }
  if (o.kind === 'PersistentVolume') {
    const keys = [`${PV_KEY}${o.metadata.name}`];
    const r = o.spec?.claimRef;
    if (r?.name) keys.push(`${PVC_KEY}${r.namespace}/${r.name}`);
    return keys;
  }
  if (o.kind !== 'Pod' || ev.type !== 'DELETED') return undefined;
  const names = claimNames(o);
  if (!names) return undefined;
  // (A Pod matters to pvc-protection only when it goes.)
  return names.map((n) => `${PVC_KEY}${o.metadata.namespace}/${n}`);
}

/** `base` (the other controllers' keys for `ev`) with the PV controller's. */
export function withPvKeys(ev: WatchEvent, base: string[]): string[] {
  const k = pvKeys(ev);
  return k ? (base.length ? [...base, ...k] : k) : base;
}

export function isPvKey(key: string): boolean {
  return key.startsWith(PVC_KEY) || key.startsWith(PV_KEY) || key.startsWith(PROVISION_KEY);
}

export function pvSync(api: ApiServer, key: string, ctx: ControllerContext): void {
  if (key.startsWith(PVC_KEY)) {
    const rest = key.slice(PVC_KEY.length);
    const i = rest.indexOf('/');
    syncClaim(api, rest.slice(0, i), rest.slice(i + 1), ctx);
  } else if (key.startsWith(PROVISION_KEY)) provisionKeySync(api, key, ctx);
  else syncVolume(api, key.slice(PV_KEY.length), ctx);
}

/** Scheduled Pods in `ns` whose volumes name the claim (pvcprotection podUsesPVC). */
export function podsUsing(ctx: ControllerContext, ns: string, claim: string): K8sObject[] {
  const out: K8sObject[] = [];
  for (const p of ctx.store.byNamespace('Pod', ns))
    if (p.spec?.nodeName && claimNames(p)?.includes(claim)) out.push(p);
  return out;
}

function withoutFinalizer(o: K8sObject, f: string): K8sObject {
  const finalizers = (o.metadata.finalizers ?? []).filter((x) => x !== f);
  const meta: Any = { ...o.metadata, finalizers };
  if (finalizers.length === 0) delete meta.finalizers;
  return { ...o, metadata: meta };
}

function syncClaim(api: ApiServer, ns: string, name: string, ctx: ControllerContext): void {
  // The scheduler's VolumeBinding queueing hint: Pods it parked on this claim are retried.
  wakeClaimWaiters(api, ns, name);
  const c = ctx.store.get('PersistentVolumeClaim', ns, name) as PersistentVolumeClaim | undefined;
  if (!c) return;
  if (c.metadata.deletionTimestamp) {
    if (c.metadata.finalizers?.includes(PVC_PROTECTION) && podsUsing(ctx, ns, name).length === 0)
      ctx.api.update(withoutFinalizer(c, PVC_PROTECTION));
    return;
  }
  if (c.spec.volumeName) syncBoundClaim(c, ctx);
  else syncUnboundClaim(api, c, ctx);
}

function setClaimStatus(
  c: PersistentVolumeClaim,
  ctx: ControllerContext,
  status: Any,
): PersistentVolumeClaim {
  const r = ctx.api.updateStatus({ ...c, status } as K8sObject);
  return (r.ok ? r.object : c) as PersistentVolumeClaim;
}

function setVolumePhase(pv: PersistentVolume, phase: string, ctx: ControllerContext): PersistentVolume {
  if (pv.status?.phase === phase) return pv;
  const status: Any = { ...(pv.status ?? {}), phase, lastPhaseTransitionTime: rfc3339(ctx.clock.now()) };
  delete status.reason;
  delete status.message;
  const r = ctx.api.updateStatus({ ...pv, status } as K8sObject);
  return (r.ok ? r.object : pv) as PersistentVolume;
}

function syncBoundClaim(c: PersistentVolumeClaim, ctx: ControllerContext): void {
  const pv = ctx.store.get('PersistentVolume', undefined, c.spec.volumeName as string) as
    | PersistentVolume
    | undefined;
  if (!pv) {
    if (c.status?.phase !== 'Lost') {
      setClaimStatus(c, ctx, { ...(c.status ?? {}), phase: 'Lost' });
      ctx.events.record(
        c,
        'Warning',
        'ClaimLost',
        'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!',
        SOURCE,
      );
    }
    return;
  }
  const ref = pv.spec.claimRef;
  if (!ref || (ref.uid && ref.uid !== c.metadata.uid)) return;
  bind(pv, c, ctx);
}

/** The class of a claim: the beta annotation first (GetPersistentVolumeClaimClass). */
function claimClass(o: K8sObject): string {
  return (
    o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? o.spec?.storageClassName ?? ''
  );
}

function quantityBytes(q: unknown): number {
  const m = /^(\d+(?:\.\d+)?)([KMGTPE]i|[kMGTPE])?$/.exec(String(q ?? ''));
  if (!m) return Number.NaN;
  const bin = 'KMGTPE';
  const u = m[2];
  const f = !u
    ? 1
    : u.endsWith('i')
      ? 1024 ** (bin.indexOf(u[0] as string) + 1)
      : 1000 ** ('kMGTPE'.indexOf(u) + 1);
  return Number(m[1]) * f;
}

/** findBestMatchForClaim: pre-bound to this claim, else the smallest Available volume that fits. */
function findMatch(c: PersistentVolumeClaim, ctx: ControllerContext): PersistentVolume | undefined {
  const want = quantityBytes(c.spec.resources?.requests?.storage);
  const cls = claimClass(c);
  const modes = c.spec.accessModes ?? [];
  let best: PersistentVolume | undefined;
  for (const o of ctx.store.list('PersistentVolume')) {
    const pv = o as PersistentVolume;
    if (pv.metadata.deletionTimestamp) continue;
    const ref = pv.spec.claimRef;
    if (ref?.name === c.metadata.name && ref.namespace === c.metadata.namespace) {
      if (!ref.uid || ref.uid === c.metadata.uid) return pv;
      continue;
    }
    if (ref || pv.status?.phase !== 'Available') continue;
    if ((pv.spec.storageClassName ?? '') !== cls) continue;
    if ((pv.spec.volumeMode ?? 'Filesystem') !== (c.spec.volumeMode ?? 'Filesystem')) continue;
    if (!modes.every((m) => pv.spec.accessModes?.includes(m))) continue;
    const size = quantityBytes(pv.spec.capacity?.storage);
    if (!(size >= want)) continue;
    if (!best || size < quantityBytes(best.spec.capacity?.storage)) best = pv;
  }
  return best;
}

/** bind(): the volume to the claim, both phases Bound, the claim's annotations and status. */
function bind(pv: PersistentVolume, c: PersistentVolumeClaim, ctx: ControllerContext): void {
  if (!pv.spec.claimRef) {
    const meta: Any = {
      ...pv.metadata,
      annotations: { ...(pv.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' },
    };
    const claimRef = {
      kind: 'PersistentVolumeClaim',
      namespace: c.metadata.namespace,
      name: c.metadata.name,
      uid: c.metadata.uid,
      apiVersion: 'v1',
      resourceVersion: c.metadata.resourceVersion,
    };
    const r = ctx.api.update({ ...pv, metadata: meta, spec: { ...pv.spec, claimRef } } as K8sObject);
    if (!r.ok) return;
    pv = r.object as PersistentVolume;
  }
  pv = setVolumePhase(pv, 'Bound', ctx);
  const ann = c.metadata.annotations ?? {};
  if (c.spec.volumeName !== pv.metadata.name || ann[ANN_BIND_COMPLETED] !== 'yes') {
    const annotations: Record<string, string> = { ...ann, [ANN_BIND_COMPLETED]: 'yes' };
    if (c.spec.volumeName !== pv.metadata.name) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    const r = ctx.api.update({
      ...c,
      metadata: { ...c.metadata, annotations },
      spec: { ...c.spec, volumeName: pv.metadata.name },
    } as K8sObject);
    if (!r.ok) return;
    c = r.object as PersistentVolumeClaim;
  }
  const st = c.status ?? {};
  if (st.phase !== 'Bound' || !st.capacity)
    setClaimStatus(c, ctx, {
      ...st,
      phase: 'Bound',
      accessModes: pv.spec.accessModes,
      capacity: pv.spec.capacity,
    });
}

function syncUnboundClaim(api: ApiServer, c: PersistentVolumeClaim, ctx: ControllerContext): void {
  const key = `${PVC_KEY}${c.metadata.namespace}/${c.metadata.name}`;
  const cls = claimClass(c);
  const sc = cls ? (ctx.store.get('StorageClass', undefined, cls) as StorageClass | undefined) : undefined;
  const delayed = sc?.volumeBindingMode === 'WaitForFirstConsumer';
  const ann = c.metadata.annotations ?? {};
  const pv = findMatch(c, ctx);
  if (pv && (!delayed || pv.spec.claimRef || ann[ANN_SELECTED_NODE])) {
    bind(pv, c, ctx);
    return;
  }
  if (delayed && !ann[ANN_SELECTED_NODE])
    ctx.events.record(
      c,
      'Normal',
      'WaitForFirstConsumer',
      'waiting for first consumer to be created before binding',
      SOURCE,
    );
  else if (!cls)
    ctx.events.record(
      c,
      'Normal',
      'FailedBinding',
      'no persistent volumes available for this claim and no storage class is set',
      SOURCE,
    );
  else if (!sc)
    ctx.events.record(
      c,
      'Warning',
      'ProvisioningFailed',
      `storageclass.storage.k8s.io "${cls}" not found`,
      SOURCE,
    );
  else {
    const prov = sc.provisioner;
    // setClaimProvisioner; the write's own event syncs the claim again (one Event per sync).
    if (ann[ANN_STORAGE_PROVISIONER] !== prov || ann[ANN_BETA_STORAGE_PROVISIONER] !== prov) {
      const r = ctx.api.update({
        ...c,
        metadata: {
          ...c.metadata,
          annotations: { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: prov, [ANN_STORAGE_PROVISIONER]: prov },
        },
      } as K8sObject);
      if (r.ok) return;
    }
    ctx.events.record(
      c,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${prov}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      SOURCE,
    );
    const p = provisionerFor(api, prov);
    if (p) provisionerSync(api, p, c, sc, ctx);
  }
  if (c.status?.phase !== 'Pending') setClaimStatus(c, ctx, { ...(c.status ?? {}), phase: 'Pending' });
  ctx.requeueAfter(key, RESYNC_MS);
}

function syncVolume(api: ApiServer, name: string, ctx: ControllerContext): void {
  let pv = ctx.store.get('PersistentVolume', undefined, name) as PersistentVolume | undefined;
  if (!pv) return;
  const ref = pv.spec.claimRef;
  const c = ref ? ctx.store.get('PersistentVolumeClaim', ref.namespace, ref.name ?? '') : undefined;
  if (!ref) pv = setVolumePhase(pv, 'Available', ctx);
  else if (ref.uid && !(c && c.metadata.uid === ref.uid)) {
    // The claim is gone: Released, then the reclaim policy.
    pv = setVolumePhase(pv, pv.status?.phase === 'Failed' ? 'Failed' : 'Released', ctx);
    if (pv.spec.persistentVolumeReclaimPolicy === 'Delete' && !pv.metadata.deletionTimestamp)
      releasedVolumeSync(api, pv, ctx);
  }
  // (A claimRef without uid is pre-bound to a claim not made yet; a live claim's sync binds it.)
  // pv-protection: a volume marked for deletion goes once it is not Bound.
  pv = ctx.store.get('PersistentVolume', undefined, name) as PersistentVolume | undefined;
  if (
    pv?.metadata.deletionTimestamp &&
    pv.metadata.finalizers?.includes(PV_PROTECTION) &&
    pv.status?.phase !== 'Bound'
  )
    ctx.api.update(withoutFinalizer(pv, PV_PROTECTION));
}
