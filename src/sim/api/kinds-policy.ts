// The REST identity of policy/v1 PodDisruptionBudget, registered into ./kinds (and the store's
// scope table) when the late parts load (../late-impl), like ./kinds-storage: no object of the
// kind exists before a user writes one, so the page's first chunk has no entry for it.
// [k8s.io/api policy/v1 register.go; `kubectl api-resources` of 1.34: poddisruptionbudgets, pdb,
// policy/v1, namespaced]
import type { KindInfo } from './kinds';
import { KIND_NAMES, KINDS } from './kinds';

export const PDB_KIND: KindInfo = {
  kind: 'PodDisruptionBudget',
  apiVersion: 'policy/v1',
  group: 'policy',
  version: 'v1',
  resource: 'poddisruptionbudgets',
  namespaced: true,
};

/** Add PodDisruptionBudget to KINDS, KIND_NAMES and `namespaced` (the store's table); idempotent. */
export function registerPolicyKinds(namespaced: Record<string, boolean>): void {
  if (Object.hasOwn(KINDS, 'PodDisruptionBudget')) return;
  KINDS.PodDisruptionBudget = PDB_KIND;
  KIND_NAMES.push('PodDisruptionBudget');
  namespaced.PodDisruptionBudget = true;
}
