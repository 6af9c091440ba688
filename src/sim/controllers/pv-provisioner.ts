// The profiles' external provisioners, as sig-storage-lib-external-provisioner drives them
// (controller.go provisionClaimOperation / deleteVolumeOperation), bound late with ./pv-controller:
// - docker.io/hostpath: Docker Desktop's `storage-provisioner` Pod in kube-system; its volumes are
//   hostPath directories `/var/lib/k8s-pvs/<claim>/<pv>` (docker/for-mac#7370 names
//   /var/lib/k8s-pvs; the `<claim>/<pv>` layout and the `docker.io/hostpath: <path>` annotation
//   are those of its PVs in docker/for-win#1758 and #4466), no node affinity;
// - rancher.io/local-path: the `local-path-provisioner` Deployment's Pod (kind: namespace
//   local-path-storage, base path /var/local-path-provisioner; k3s: kube-system,
//   /var/lib/rancher/k3s/storage); a volume is the directory `<pv>_<namespace>_<claim>` under it on
//   the claim's selected node, hostPath DirectoryOrCreate (kind) or `local` (k3s's class annotation
//   defaultVolumeType: local), with required node affinity kubernetes.io/hostname In [node]
//   (local-path-provisioner provisioner.go Provision). Its helper Pod runs first: the volume
//   appears 3 s after Provisioning (as in a kind cluster's Events), not modelled as a Pod.
// A provisioner acts only while its Pod runs. The PV is `pvc-<claim uid>` (the library's
// PVName), pre-bound to the claim (claimRef with the claim's resourceVersion), with the class's
// reclaim policy, the claim's access modes and request as capacity, the class name and
// pv.kubernetes.io/provisioned-by. Events on the claim, from `<provisioner>_<its Pod>_<uuid>` (the
// library's identity): Provisioning `External provisioner is provisioning volume for claim
// "ns/name"`, ProvisioningSucceeded `Successfully provisioned volume pvc-…`. A Released volume with
// reclaim policy Delete that it provisioned is deleted (the directory with it).
// Not reproduced: local-path-provisioner's own PV annotations (which versions write them is not
// established), its access-mode refusals, Docker Desktop's provisioner's checks.
import type { K8sObject, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { ControllerContext } from '../runtime/interfaces';
import { createRng, uuid } from '../runtime/rng';

// biome-ignore lint/suspicious/noExplicitAny: built JSON.
type Any = any;

export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const LOCAL_PATH_HELPER_MS = 3000;
export const PROVISION_KEY = 'Provision/';

export interface Provisioner {
  name: string;
  /** The Event source component: `<name>_<pod>_<uuid>`. */
  component: string;
  kind: 'hostpath' | 'local-path';
}

/** The provisioner `name` if this profile runs it and its Pod is Running. */
export function provisionerFor(api: ApiServer, name: string): Provisioner | undefined {
  const distro = api.profile.distro;
  let pod: K8sObject | undefined;
  if (name === 'docker.io/hostpath' && distro === 'docker-desktop')
    pod = api.store.get('Pod', 'kube-system', 'storage-provisioner');
  else if (name === 'rancher.io/local-path' && distro !== 'docker-desktop') {
    const ns = distro === 'kind' ? 'local-path-storage' : 'kube-system';
    for (const p of api.store.byNamespace('Pod', ns))
      if (p.metadata.labels?.app === 'local-path-provisioner' && !p.metadata.deletionTimestamp) pod = p;
  }
  const running = pod?.status?.phase === 'Running' ? pod : undefined;
  if (!running) return undefined;
  const id = uuid(createRng(0).fork(`provisioner/${running.metadata.uid}`));
  return {
    name,
    component: `${name}_${running.metadata.name}_${id}`,
    kind: name === 'docker.io/hostpath' ? 'hostpath' : 'local-path',
  };
}

/** Claims whose provisioning has started: claim uid → the instant the volume is ready (per cluster). */
const inFlight = new WeakMap<ApiServer, Map<string, number>>();

function flights(api: ApiServer): Map<string, number> {
  let m = inFlight.get(api);
  if (!m) {
    m = new Map();
    inFlight.set(api, m);
  }
  return m;
}

/**
 * shouldProvision and provisionClaimOperation for a claim the PV controller handed to `p`: the
 * Provisioning Event at the start, the PersistentVolume and ProvisioningSucceeded once ready.
 */
export function provisionerSync(
  api: ApiServer,
  p: Provisioner,
  c: PersistentVolumeClaim,
  sc: StorageClass,
  ctx: ControllerContext,
): void {
  if (c.spec.volumeName || c.metadata.deletionTimestamp) return;
  const ann = c.metadata.annotations ?? {};
  if (ann['volume.kubernetes.io/storage-provisioner'] !== p.name) return;
  const node = ann[ANN_SELECTED_NODE];
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node) return;
  const pvName = `pvc-${c.metadata.uid}`;
  if (ctx.store.get('PersistentVolume', undefined, pvName)) return;
  const m = flights(api);
  const now = ctx.clock.now();
  const ref = `${c.metadata.namespace}/${c.metadata.name}`;
  let due = m.get(c.metadata.uid);
  if (due === undefined) {
    ctx.events.record(
      c,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${ref}"`,
      {
        component: p.component,
      },
    );
    due = now + (p.kind === 'local-path' ? LOCAL_PATH_HELPER_MS : 0);
    m.set(c.metadata.uid, due);
  }
  if (now < due) {
    ctx.requeueAfter(`${PROVISION_KEY}${ref}`, due - now);
    return;
  }
  const r = ctx.api.create(buildVolume(api, p, c, sc, pvName, node));
  m.delete(c.metadata.uid);
  if (r.ok)
    ctx.events.record(c, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, {
      component: p.component,
    });
}

/** A `Provision/ns/name` key: the provisioner's own retry once its helper has run. */
export function provisionKeySync(api: ApiServer, key: string, ctx: ControllerContext): void {
  const rest = key.slice(PROVISION_KEY.length);
  const i = rest.indexOf('/');
  const c = ctx.store.get('PersistentVolumeClaim', rest.slice(0, i), rest.slice(i + 1)) as
    | PersistentVolumeClaim
    | undefined;
  const cls = c?.spec.storageClassName;
  const sc = cls ? (ctx.store.get('StorageClass', undefined, cls) as StorageClass | undefined) : undefined;
  if (!c || !sc) return;
  const p = provisionerFor(api, sc.provisioner);
  if (p) provisionerSync(api, p, c, sc, ctx);
}

function buildVolume(
  api: ApiServer,
  p: Provisioner,
  c: PersistentVolumeClaim,
  sc: StorageClass,
  name: string,
  node: string | undefined,
): K8sObject {
  const annotations: Record<string, string> = {};
  const spec: Any = {
    accessModes: c.spec.accessModes,
    capacity: { storage: c.spec.resources?.requests?.storage },
    claimRef: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      name: c.metadata.name,
      namespace: c.metadata.namespace,
      resourceVersion: c.metadata.resourceVersion,
      uid: c.metadata.uid,
    },
    persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    storageClassName: sc.metadata.name,
    volumeMode: 'Filesystem',
  };
  if (p.kind === 'hostpath') {
    const path = `/var/lib/k8s-pvs/${c.metadata.name}/${name}`;
    annotations['docker.io/hostpath'] = path;
    spec.hostPath = { path };
  } else {
    const k3s = api.profile.distro === 'k3s';
    const base = k3s ? '/var/lib/rancher/k3s/storage' : '/var/local-path-provisioner';
    const path = `${base}/${name}_${c.metadata.namespace}_${c.metadata.name}`;
    const type = sc.metadata.annotations?.defaultVolumeType ?? 'hostPath';
    if (c.metadata.annotations?.volumeType?.toLowerCase() === 'local' || type.toLowerCase() === 'local')
      spec.local = { path };
    else spec.hostPath = { path, type: 'DirectoryOrCreate' };
    spec.nodeAffinity = {
      required: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node ?? ''] }] },
        ],
      },
    };
  }
  annotations[ANN_PROVISIONED_BY] = p.name;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations },
    spec,
  } as K8sObject;
}

/** deleteVolumeOperation: a Released volume with reclaim policy Delete that this provisioner made. */
export function releasedVolumeSync(api: ApiServer, pv: PersistentVolume, ctx: ControllerContext): void {
  const by = pv.metadata.annotations?.[ANN_PROVISIONED_BY];
  if (!by || !provisionerFor(api, by)) return;
  ctx.api.delete('PersistentVolume', undefined, pv.metadata.name);
}
