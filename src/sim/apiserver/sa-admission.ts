// The ServiceAccount admission plugin on a Pod create, as the API server runs it (mutating
// admission, before the registry validates and stores the Pod).
// [K8S 1.34 plugin/pkg/admission/serviceaccount/admission.go Admit, getServiceAccount,
// shouldAutomount, mountServiceAccountToken; apiserver pkg/admission/errors.go NewForbidden]
//   - mirror Pods are not changed;
//   - the Pod's ServiceAccount (spec.serviceAccountName, defaulted to `default`) must exist:
//     else 403 `pods "NAME" is forbidden: error looking up service account NS/SA: serviceaccount
//     "SA" not found`, NAME the Pod's name or, before name generation, its generateName;
//   - the token volume is mounted unless the Pod's automountServiceAccountToken (which wins) or
//     else the ServiceAccount's is false: `kube-api-access-<5>` (the name of a volume already
//     prefixed `kube-api-access-` when there is one, that volume then not added again), mounted
//     read-only at /var/run/secrets/kubernetes.io/serviceaccount in every init container, then
//     every container, that does not mount something there already; the volume is added when a
//     container got the mount;
//   - a Pod without imagePullSecrets gets the ServiceAccount's.
// Not modelled: the mountable-secrets enforcement annotation (kubernetes.io/enforce-mountable-secrets).
// The boot's Pods take this path only once the late parts are in (late.ts); before that
// defaults.ts withServiceAccountToken gives them the same volume (their ServiceAccounts exist and
// they have no init containers nor mounts there).
import type { ApiError } from '../contract';
import { late, latePartsLoaded } from '../late';
import { withServiceAccountToken } from './defaults';
import type { Store } from './store';

// biome-ignore lint/suspicious/noExplicitAny: a Pod being created is loosely typed JSON.
type Any = any;

/**
 * Admit the Pod `obj` (its spec and containers the defaulting's fresh copies, changed in place):
 * the error to answer, or undefined with obj.spec mounted. `requestName`: the name the client
 * sent (a generated one comes after admission).
 */
export function admitPod(
  store: Store,
  obj: Any,
  requestName: string | undefined,
  bootAt: number | undefined,
  suffix: () => string,
): ApiError | undefined {
  if (obj.metadata.annotations?.['kubernetes.io/config.mirror']) return;
  // `bootAt`: a system Pod the boot writes as its node had it (system-pods.ts), whose ServiceAccount
  // its installer made and the boot may publish after it: not looked up.
  if (latePartsLoaded() && bootAt === undefined)
    return late().admitServiceAccount(store, obj, requestName, suffix);
  obj.spec = withServiceAccountToken(obj.spec, suffix, true);
}
