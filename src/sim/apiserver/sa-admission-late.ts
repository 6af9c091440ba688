// The ServiceAccount admission plugin in full (see ./sa-admission; bound late: src/sim/late.ts).
import type { ApiError } from '../contract';
import { SA_TOKEN_MOUNT_PATH, SA_TOKEN_PROJECTION, withServiceAccountToken } from './defaults';
import type { Store } from './store';

// biome-ignore lint/suspicious/noExplicitAny: a Pod being created is loosely typed JSON.
type Any = any;

const PREFIX = 'kube-api-access-';

export function admitServiceAccount(
  store: Store,
  obj: Any,
  requestName: string | undefined,
  suffix: () => string,
): ApiError | undefined {
  const spec = obj.spec ?? {};
  const meta = obj.metadata;
  const ns: string = meta.namespace ?? 'default';
  const saName: string = spec.serviceAccountName || 'default';
  const sa = store.get('ServiceAccount', ns, saName) as Any;
  if (!sa) {
    // admission.NewForbidden: the request's name, else (name generation has not happened yet)
    // the object's generateName.
    const name: string = requestName || meta.generateName || 'Unknown';
    return {
      code: 403,
      reason: 'Forbidden',
      message: `pods "${name}" is forbidden: error looking up service account ${ns}/${saName}: serviceaccount "${saName}" not found`,
      details: { name, kind: 'pods' },
    };
  }
  // A Pod without imagePullSecrets gets the ServiceAccount's (names only).
  const pulls = sa.imagePullSecrets;
  if (Array.isArray(pulls) && pulls.length > 0 && !(spec.imagePullSecrets?.length > 0))
    obj.spec = { ...spec, imagePullSecrets: pulls.map((r: Any) => ({ name: r?.name })) };
  // shouldAutomount: the Pod's preference wins, then the ServiceAccount's, else true.
  const auto = spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;
  if (auto === false) return;
  return mount(obj, suffix);
}

/** mountServiceAccountToken on obj.spec. */
function mount(obj: Any, suffix: () => string): undefined {
  const spec = obj.spec;
  if (!spec || typeof spec !== 'object') return;
  const volumes: Any[] = Array.isArray(spec.volumes) ? spec.volumes : [];
  const existing = volumes.find((v) => typeof v?.name === 'string' && v.name.startsWith(PREFIX));
  const inits: Any[] = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  const containers: Any[] = Array.isArray(spec.containers) ? spec.containers : [];
  const mountsThere = (c: Any) =>
    Array.isArray(c?.volumeMounts) && c.volumeMounts.some((m: Any) => m?.mountPath === SA_TOKEN_MOUNT_PATH);
  // The usual Pod (a fresh volume, no init containers, nothing mounted there): defaults.ts's
  // compact build, which draws the same name.
  if (!existing && inits.length === 0 && containers.length > 0 && !containers.some(mountsThere)) {
    obj.spec = withServiceAccountToken(spec, suffix, true);
    return;
  }
  const name: string = existing ? existing.name : `${PREFIX}${suffix()}`;
  const mount = { mountPath: SA_TOKEN_MOUNT_PATH, name, readOnly: true };
  let needed = false;
  const mountIn = (list: Any[]) => {
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (!c || typeof c !== 'object' || mountsThere(c)) continue;
      list[i] = { ...c, volumeMounts: [...(Array.isArray(c.volumeMounts) ? c.volumeMounts : []), mount] };
      needed = true;
    }
  };
  const out = { ...spec };
  if (inits.length > 0) {
    out.initContainers = [...inits];
    mountIn(out.initContainers);
  }
  if (containers.length > 0) {
    out.containers = [...containers];
    mountIn(out.containers);
  }
  if (!existing && needed) out.volumes = [...volumes, { name, projected: SA_TOKEN_PROJECTION }];
  obj.spec = out;
}
