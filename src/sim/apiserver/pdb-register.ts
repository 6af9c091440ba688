// Registers policy/v1 PodDisruptionBudget when the late parts load (../late-impl calls it once):
// its REST identity (../api/kinds-policy) in KINDS and the store's scope table, and its Go type in
// the strict decoder's ROOT_SCHEMAS. Nothing in the boot chunk names it.
import { registerPolicyKinds } from '../api/kinds-policy';
import { PDB_SCHEMAS } from './pdb-schema';
import { ROOT_SCHEMAS } from './schema';
import { NAMESPACED } from './store';

export function registerPolicy(): void {
  registerPolicyKinds(NAMESPACED);
  Object.assign(ROOT_SCHEMAS, PDB_SCHEMAS);
}
