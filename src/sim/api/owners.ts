// Small helpers shared by the workload controllers (owner refs, readiness, int-or-percent).

import type { Store } from '../apiserver/store';
import type { K8sObject, OwnerReference, Pod } from './types';

export function controllerRef(o: K8sObject): OwnerReference | undefined {
  // A loop, not find with a callback: the publishers ask on every Pod write.
  const refs = o.metadata.ownerReferences;
  if (refs === undefined) return undefined;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i] as OwnerReference;
    if (r.controller) return r;
  }
  return undefined;
}

export function ownerRefTo(owner: K8sObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** `o`'s controller ownerReference names `uid` (controllerRef without a closure per object). */
export function controlledBy(o: K8sObject, uid: string): boolean {
  const refs = o.metadata.ownerReferences;
  if (!refs) return false;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i] as OwnerReference;
    if (r.controller) return r.uid === uid;
  }
  return false;
}

/**
 * Objects of `kind` whose controller ownerReference is `owner`, least recently written first
 * (indexed lookup, no scan). Compacts byOwner's fresh array in place: the controllers call this on
 * every sync. `views`: as views (Store.byOwner), for a reader of fields only.
 */
export function ownedBy(store: Store, owner: K8sObject, kind: string, views = false): K8sObject[] {
  const uid = owner.metadata.uid;
  const out = store.byOwner(uid, views);
  let n = 0;
  for (let i = 0; i < out.length; i++) {
    const o = out[i] as K8sObject;
    if (o.kind === kind && controlledBy(o, uid)) out[n++] = o;
  }
  if (n !== out.length) out.length = n;
  return out;
}

export function isPodReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function isPodActive(p: Pod): boolean {
  return !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  const raw = (pct * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** metav1.FinalizerDeleteDependents: held by an owner deleted in the foreground. */
export const FOREGROUND_DELETION = 'foregroundDeletion';
