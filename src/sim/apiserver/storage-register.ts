// Registers the storage kinds when the late parts load (../late-impl calls it once): their REST
// identity (../api/kinds-storage) in KINDS and the store's scope table, and their Go types in the
// strict decoder's ROOT_SCHEMAS. Nothing in the boot chunk names them (see ../api/kinds-storage).
import { registerStorageKinds } from '../api/kinds-storage';
import { ROOT_SCHEMAS } from './schema';
import { STORAGE_SCHEMAS } from './schema-storage';
import { NAMESPACED } from './store';

export function registerStorage(): void {
  registerStorageKinds(NAMESPACED);
  Object.assign(ROOT_SCHEMAS, STORAGE_SCHEMAS);
}
