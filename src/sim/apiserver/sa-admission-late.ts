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
  const sa = serviceAccountOf(store, ns, spec);
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
  if (takesPullSecrets(sa, spec))
    obj.spec = { ...spec, imagePullSecrets: sa.imagePullSecrets.map((r: Any) => ({ name: r?.name })) };
  if (!automount(sa, spec)) return;
  return mount(obj, suffix);
}

function serviceAccountOf(store: Store, ns: string, spec: Any): Any {
  return store.get('ServiceAccount', ns, spec.serviceAccountName || 'default');
}

/** A Pod without imagePullSecrets gets the ServiceAccount's (names only). */
function takesPullSecrets(sa: Any, spec: Any): boolean {
  const pulls = sa.imagePullSecrets;
  return Array.isArray(pulls) && pulls.length > 0 && !(spec.imagePullSecrets?.length > 0);
}

/** shouldAutomount: the Pod's preference wins, then the ServiceAccount's, else true. */
function automount(sa: Any, spec: Any): boolean {
  return (spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true) !== false;
}

/**
 * Whether admitting a Pod of `ns` with `spec` only mounts the token (its ServiceAccount exists,
 * gives it no imagePullSecrets, and automounts), which then, for a spec podStamp accepts
 * (defaults.ts), is withServiceAccountToken's usual build.
 */
export function admitsUsualToken(store: Store, ns: string, spec: Any): boolean {
  const sa = serviceAccountOf(store, ns, spec);
  return sa !== undefined && !takesPullSecrets(sa, spec) && automount(sa, spec);
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
