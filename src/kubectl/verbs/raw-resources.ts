// `/api/v1` and `/apis/<group>/<version>`: the APIResourceList of one group/version, as a 1.34
// API server writes it for kubectl's plain `Accept: application/json`.
// - Encoding: APIVersionHandler.ServeHTTP → WriteObjectNegotiated of metav1.APIResourceList
//   [apiserver v0.34.9 endpoints/discovery/version.go]: compact JSON with a newline (indented
//   for ?pretty, as every negotiated body). The core group's handler strips apiVersion
//   (keepUnversioned: group "" or "extensions", discovery/util.go), so `/api/v1` starts
//   `{"kind":"APIResourceList","groupVersion":"v1",…` and `/apis/apps/v1` with
//   `{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps/v1",…` (a real `-v=8`
//   log of /apis/discovery.k8s.io/v1 shows these bytes, storageVersionHash last).
// - Order: APIInstaller.Install registers the storage paths (resources and `resource/sub`)
//   after sort.Strings and appends one APIResource per path [endpoints/installer.go]; each
//   resource's verbs are sorted too.
// - Fields in apimachinery v0.34.9 meta/v1 types.go APIResource order: name, singularName,
//   namespaced, group/version (omitempty: set only for a subresource of another group's kind,
//   e.g. pods/eviction → policy/v1 Eviction, */scale → autoscaling/v1 Scale), kind, verbs,
//   shortNames, categories, storageVersionHash (omitempty). A subresource's singularName is "".
// - storageVersionHash: discovery.StorageVersionHash(group, version, kind) of the storage
//   version [endpoints/discovery/storageversionhash.go: base64 of the first 8 bytes of
//   sha256("<group>/<version>/<kind>")], set when the storage has a storage version (not for
//   bindings, componentstatuses and the review kinds). Most resources store their own
//   group/version; events.k8s.io/v1 events are stored as core v1 Events, both autoscaling
//   versions as autoscaling/v2, CRDs still as apiextensions.k8s.io/v1beta1. The values are pinned
//   upstream in kubernetes/kubernetes pkg/controlplane/storageversionhashdata/data.go (e.g.
//   discovery.k8s.io/v1/endpointslices qgS0xkrxYAI=, events.k8s.io/v1/events r2yiGXH7wu8=); the
//   two aggregated-server ones (apiservices InPBPD7+PqM=, customresourcedefinitions
//   jfWCUB31mvA=) come from a real server's `-v=8` discovery log.
// The top-level resources (names, short names, verbs, categories, scope, kind) are
// ./api-resources-data's, what `kubectl api-resources` prints (autoscaling/v1 lists the same
// HorizontalPodAutoscaler as the preferred v2). The subresources, their kinds and verbs are
// copied from the real server's dumps in kubernetes/kubernetes api/discovery (api__v1.json,
// apis__apps__v1.json, apis__batch__v1.json, apis__policy__v1.json, aggregated_v2.json) and
// the `-v=8` log (apiservices/status, certificatesigningrequests/approval, the flowcontrol
// statuses …), plus pods/resize: kube-apiserver 1.34 registers it while
// InPlacePodVerticalScaling is on (beta, on by default since 1.33; pkg/registry/core/rest
// storage_core.go), served like pods/ephemeralcontainers (kind Pod; get, patch, update).
// Left out (get-raw answers with a notice): networking.k8s.io/v1 (ipaddresses and servicecidrs,
// GA in 1.33, were still stored as v1beta1 there and as v1 later: 1.34's is not established),
// storage.k8s.io/v1 (volumeattributesclasses, GA in 1.34, likewise) and resource.k8s.io/v1 (new
// in 1.34), and k3s's CRD and metrics-server groups.
import type { ProfileName } from '../../sim/contract';
import { sha256 } from '../../sim/net/hash';
import { type ApiResource, apiResourcesFor } from './api-resources-data';

interface Sub {
  name: string;
  kind?: string;
  /** `group/version` of a kind from another group. */
  gv?: string;
  verbs: string[];
}

const GPU = ['get', 'patch', 'update'];
const PROXY = ['create', 'delete', 'get', 'patch', 'update'];
const CREATE = ['create'];
const STATUS: Sub = { name: 'status', verbs: GPU };
const SCALE: Sub = { name: 'scale', kind: 'Scale', gv: 'autoscaling/v1', verbs: GPU };

/** Subresources per `group/version/resource` (the core group as `v1/resource`). */
const SUBRESOURCES: Record<string, Sub[]> = {
  'v1/namespaces': [{ name: 'finalize', verbs: ['update'] }, STATUS],
  'v1/nodes': [{ name: 'proxy', kind: 'NodeProxyOptions', verbs: PROXY }, STATUS],
  'v1/persistentvolumeclaims': [STATUS],
  'v1/persistentvolumes': [STATUS],
  'v1/pods': [
    { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    { name: 'binding', kind: 'Binding', verbs: CREATE },
    { name: 'ephemeralcontainers', verbs: GPU },
    { name: 'eviction', kind: 'Eviction', gv: 'policy/v1', verbs: CREATE },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'log', verbs: ['get'] },
    { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    { name: 'proxy', kind: 'PodProxyOptions', verbs: PROXY },
    { name: 'resize', verbs: GPU },
    STATUS,
  ],
  'v1/replicationcontrollers': [SCALE, STATUS],
  'v1/resourcequotas': [STATUS],
  'v1/serviceaccounts': [
    { name: 'token', kind: 'TokenRequest', gv: 'authentication.k8s.io/v1', verbs: CREATE },
  ],
  'v1/services': [{ name: 'proxy', kind: 'ServiceProxyOptions', verbs: PROXY }, STATUS],
  'apps/v1/daemonsets': [STATUS],
  'apps/v1/deployments': [SCALE, STATUS],
  'apps/v1/replicasets': [SCALE, STATUS],
  'apps/v1/statefulsets': [SCALE, STATUS],
  'batch/v1/cronjobs': [STATUS],
  'batch/v1/jobs': [STATUS],
  'policy/v1/poddisruptionbudgets': [STATUS],
  'admissionregistration.k8s.io/v1/validatingadmissionpolicies': [STATUS],
  'apiextensions.k8s.io/v1/customresourcedefinitions': [STATUS],
  'apiregistration.k8s.io/v1/apiservices': [STATUS],
  'autoscaling/v1/horizontalpodautoscalers': [STATUS],
  'autoscaling/v2/horizontalpodautoscalers': [STATUS],
  'certificates.k8s.io/v1/certificatesigningrequests': [{ name: 'approval', verbs: GPU }, STATUS],
  'flowcontrol.apiserver.k8s.io/v1/flowschemas': [STATUS],
  'flowcontrol.apiserver.k8s.io/v1/prioritylevelconfigurations': [STATUS],
};

/** The group/versions whose lists are established (see the header). */
export const LISTED_GROUP_VERSIONS = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'apiextensions.k8s.io/v1',
  'apiregistration.k8s.io/v1',
  'apps/v1',
  'authentication.k8s.io/v1',
  'authorization.k8s.io/v1',
  'autoscaling/v1',
  'autoscaling/v2',
  'batch/v1',
  'certificates.k8s.io/v1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'events.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1',
  'node.k8s.io/v1',
  'policy/v1',
  'rbac.authorization.k8s.io/v1',
  'scheduling.k8s.io/v1',
];

/** Resources without a storage version (storageversionhashdata NoStorageVersionHash). */
const NO_STORAGE = new Set([
  'v1/bindings',
  'v1/componentstatuses',
  'authentication.k8s.io/v1/selfsubjectreviews',
  'authentication.k8s.io/v1/tokenreviews',
  'authorization.k8s.io/v1/localsubjectaccessreviews',
  'authorization.k8s.io/v1/selfsubjectaccessreviews',
  'authorization.k8s.io/v1/selfsubjectrulesreviews',
  'authorization.k8s.io/v1/subjectaccessreviews',
]);

/** Resources stored in another group/version than the one served: [group, version]. */
const STORED_AS: Record<string, [string, string]> = {
  'events.k8s.io/v1/events': ['', 'v1'],
  'autoscaling/v1/horizontalpodautoscalers': ['autoscaling', 'v2'],
  'apiextensions.k8s.io/v1/customresourcedefinitions': ['apiextensions.k8s.io', 'v1beta1'],
};

/** Group/versions that serve another version's resources (discovery data lists the preferred). */
const SAME_AS: Record<string, string> = { 'autoscaling/v1': 'autoscaling/v2' };

/** discovery.StorageVersionHash. */
export function storageVersionHash(group: string, version: string, kind: string): string {
  const digest = sha256(`${group}/${version}/${kind}`);
  let bin = '';
  for (const b of digest.subarray(0, 8)) bin += String.fromCharCode(b);
  return btoa(bin);
}

export interface ListedResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  storageVersionHash?: string;
}

const gvOf = (r: ApiResource) => (r.group ? `${r.group}/${r.version}` : r.version);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The APIResources of a group/version in the installer's order, or undefined when not listed. */
export function listedResources(profile: ProfileName, gv: string): ListedResource[] | undefined {
  if (!LISTED_GROUP_VERSIONS.includes(gv)) return undefined;
  const out: ListedResource[] = [];
  const source = SAME_AS[gv] ?? gv;
  for (const r of apiResourcesFor(profile)) {
    if (gvOf(r) !== source) continue;
    const key = `${gv}/${r.name}`;
    const [sg, sv] = STORED_AS[key] ?? [r.group, r.version];
    out.push({
      name: r.name,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: [...r.verbs].sort(cmp),
      shortNames: r.shortNames,
      categories: r.categories,
      ...(NO_STORAGE.has(key) ? {} : { storageVersionHash: storageVersionHash(sg, sv, r.kind) }),
    });
    for (const s of SUBRESOURCES[key] ?? []) {
      const slash = s.gv?.indexOf('/') ?? -1;
      out.push({
        name: `${r.name}/${s.name}`,
        singularName: '',
        namespaced: r.namespaced,
        ...(s.gv ? { group: s.gv.slice(0, slash), version: s.gv.slice(slash + 1) } : {}),
        kind: s.kind ?? r.kind,
        verbs: [...s.verbs].sort(cmp),
        shortNames: [],
        categories: [],
      });
    }
  }
  return out.sort((a, b) => cmp(a.name, b.name));
}

function resourceJson(r: ListedResource): string {
  const q = JSON.stringify;
  let s = `{"name":${q(r.name)},"singularName":${q(r.singularName)},"namespaced":${r.namespaced}`;
  if (r.group) s += `,"group":${q(r.group)}`;
  if (r.version) s += `,"version":${q(r.version)}`;
  s += `,"kind":${q(r.kind)},"verbs":${q(r.verbs)}`;
  if (r.shortNames.length) s += `,"shortNames":${q(r.shortNames)}`;
  if (r.categories.length) s += `,"categories":${q(r.categories)}`;
  if (r.storageVersionHash) s += `,"storageVersionHash":${q(r.storageVersionHash)}`;
  return `${s}}`;
}

/** The APIResourceList's compact line (with its newline), or undefined when not listed. */
export function apiResourceList(profile: ProfileName, gv: string): string | undefined {
  const list = listedResources(profile, gv);
  if (!list) return undefined;
  const apiVersion = gv.includes('/') ? `"apiVersion":"v1",` : '';
  return `{"kind":"APIResourceList",${apiVersion}"groupVersion":${JSON.stringify(gv)},"resources":[${list.map(resourceJson).join(',')}]}\n`;
}
