// A StatefulSet's PersistentVolumeClaims, as the 1.34 controller makes and keeps them
// (pkg/controller/statefulset/stateful_pod_control.go createPersistentVolumeClaims,
// recordClaimEvent, UpdatePodClaimForRetentionPolicy; stateful_set_utils.go
// getPersistentVolumeClaims, updateClaimOwnerRefForSetAndPod), used by ./statefulset-controller:
// - before each Pod is created, every volumeClaimTemplate's claim `<template>-<set>-<ordinal>` is
//   made if missing: the template (its labels, annotations and spec) in the set's namespace, with
//   the set's selector.matchLabels added to its labels; Events SuccessfulCreate "create Claim
//   www-web-0 Pod web-0 in StatefulSet web success" or FailedCreate "create Claim … for Pod … in
//   StatefulSet … failed error: …"; a claim that exists is kept as it is, one being deleted
//   stops the Pod's create (`pvc www-web-0 is being deleted`), which records FailedCreate for the
//   Pod with the errors joined (utilerrors.NewAggregate);
// - a Pending Pod's missing claims are made again (createMissingPersistentVolumeClaims);
// - persistentVolumeClaimRetentionPolicy (StatefulSetAutoDeletePVC, GA): with whenDeleted Delete
//   each claim of a Pod in range gets an owner reference to the set (the garbage collector deletes
//   it with the set); with whenScaled Delete a claim of a Pod beyond the replicas gets one to that
//   Pod instead (deleted once the scaled-down Pod is gone); Retain/Retain removes both. The
//   references are plain ones (no controller, no blockOwnerDeletion: setOwnerRef).
// Claims are never deleted by the controller itself: scaling down or deleting a Pod keeps them.
import type { K8sObject, OwnerReference, Pod } from '../api/types';
import type { ControllerContext } from '../runtime/interfaces';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

const SOURCE = { component: 'statefulset-controller' };

/** getPersistentVolumeClaims: the claims of the Pod at `ordinal`, in template order. */
export function setClaims(set: Any, ordinal: number): K8sObject[] {
  const out: K8sObject[] = [];
  for (const t of (set.spec.volumeClaimTemplates ?? []) as Any[]) {
    const tm: Any = t.metadata ?? {};
    const metadata: Any = {
      name: `${tm.name}-${set.metadata.name}-${ordinal}`,
      namespace: set.metadata.namespace,
      labels: { ...(tm.labels ?? {}), ...(set.spec.selector?.matchLabels ?? {}) },
    };
    if (tm.annotations) metadata.annotations = { ...tm.annotations };
    out.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata,
      spec: structuredClone(t.spec ?? {}),
    });
  }
  return out;
}

function claimEvent(ctx: ControllerContext, set: Any, pod: string, claim: string, err?: string): void {
  if (err === undefined)
    ctx.events.record(
      set,
      'Normal',
      'SuccessfulCreate',
      `create Claim ${claim} Pod ${pod} in StatefulSet ${set.metadata.name} success`,
      SOURCE,
    );
  else
    ctx.events.record(
      set,
      'Warning',
      'FailedCreate',
      `create Claim ${claim} for Pod ${pod} in StatefulSet ${set.metadata.name} failed error: ${err}`,
      SOURCE,
    );
}

/**
 * createPersistentVolumeClaims for the Pod `pod` at `ordinal`: the error text the Pod's create
 * fails with (utilerrors.NewAggregate of the claims' errors), or undefined.
 */
export function createClaims(
  set: Any,
  pod: string,
  ordinal: number,
  ctx: ControllerContext,
): string | undefined {
  const errs: string[] = [];
  for (const c of setClaims(set, ordinal)) {
    const have = ctx.store.get('PersistentVolumeClaim', c.metadata.namespace, c.metadata.name);
    if (have) {
      if (have.metadata.deletionTimestamp) errs.push(`pvc ${c.metadata.name} is being deleted`);
      continue;
    }
    const r = ctx.api.create(c);
    if (r.ok) claimEvent(ctx, set, pod, c.metadata.name);
    else {
      errs.push(`failed to create PVC ${c.metadata.name}: ${r.error.message}`);
      if (r.error.code !== 409) claimEvent(ctx, set, pod, c.metadata.name, r.error.message);
    }
  }
  if (errs.length === 0) return undefined;
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

const refTo = (o: K8sObject, apiVersion: string, kind: string): OwnerReference => ({
  apiVersion,
  kind,
  name: o.metadata.name,
  uid: o.metadata.uid,
});

/**
 * UpdatePodClaimForRetentionPolicy for one Pod (`inRange`: its ordinal is within the replicas):
 * the owner references its claims should carry, written where they differ.
 */
export function claimRetention(
  set: Any,
  pod: Pod,
  ordinal: number,
  inRange: boolean,
  ctx: ControllerContext,
): void {
  const policy = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
  const delWhenDeleted = policy.whenDeleted === 'Delete';
  const delWhenScaled = policy.whenScaled === 'Delete';
  const wantSet = delWhenDeleted && (inRange || !delWhenScaled);
  const wantPod = delWhenScaled && !inRange;
  for (const c of setClaims(set, ordinal)) {
    const claim = ctx.store.get('PersistentVolumeClaim', c.metadata.namespace, c.metadata.name);
    if (!claim || claim.metadata.deletionTimestamp) continue;
    const refs = claim.metadata.ownerReferences ?? [];
    let next = refs.filter(
      (r) => (r.uid !== set.metadata.uid || wantSet) && (r.uid !== pod.metadata.uid || wantPod),
    );
    if (wantSet && !next.some((r) => r.uid === set.metadata.uid))
      next = [...next, refTo(set, 'apps/v1', 'StatefulSet')];
    if (wantPod && !next.some((r) => r.uid === pod.metadata.uid)) next = [...next, refTo(pod, 'v1', 'Pod')];
    if (next.length === refs.length && next.every((r, i) => r === refs[i])) continue;
    const meta: Any = { ...claim.metadata, ownerReferences: next };
    if (next.length === 0) delete meta.ownerReferences;
    ctx.api.update({ ...claim, metadata: meta });
  }
}
