// Small helpers shared by the workload controllers (owner refs, readiness, int-or-percent).

import type { Store } from '../apiserver/store';
import type { K8sObject, OwnerReference, Pod } from './types';

export function controllerRef(o: K8sObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
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

/** Objects of `kind` whose controller ownerReference is `owner` (indexed lookup, no scan). */
export function ownedBy(store: Store, owner: K8sObject, kind: string): K8sObject[] {
  const out: K8sObject[] = [];
  for (const o of store.byOwner(owner.metadata.uid)) {
    if (o.kind === kind && controllerRef(o)?.uid === owner.metadata.uid) out.push(o);
  }
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
