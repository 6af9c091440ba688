// What discovery (ServerPreferredResources / ServerGroups) answers on a 1.34 cluster of each
// profile. Sources:
// - core v1: kubernetes/kubernetes api/discovery/api__v1.json (names, short names, verbs,
//   categories; subresources are not listed by api-resources).
// - the other built-in groups: kubernetes/kubernetes api/discovery/aggregated_v2.json (short names,
//   categories, scope and verbs of every resource, e.g. ip, vac, crd/crds, pc, api-extensions),
//   keeping only the group/versions kube-apiserver 1.34 enables by default: the GA ones (beta APIs
//   are off by default since KEP-3136), with the promotions up to 1.34 (ipaddresses/servicecidrs
//   networking.k8s.io/v1 in 1.33; volumeattributesclasses storage.k8s.io/v1 and resource.k8s.io/v1
//   in 1.34, the latter checked against api/discovery/apis__resource.k8s.io__v1.json).
// - k3s: the CRDs k3s 1.34 installs: helm-controller's HelmChart/HelmChartConfig (helm.cattle.io,
//   namespaced), k3s's Addon (namespaced) and ETCDSnapshotFile (cluster) in k3s.cattle.io (wrangler
//   crd.NamespacedType/NonNamespacedType: no short names, no categories), Traefik v3's traefik.io
//   CRDs (no short names), and metrics-server's aggregated metrics.k8s.io/v1beta1 (get, list). A
//   CRD's discovery verbs are apiextensions' fixed list (delete, deletecollection, get, list,
//   patch, create, update, watch).
// Docker Desktop (kubeadm) and kind install no CRDs and no aggregated API.
import type { ProfileName } from '../../sim/contract';

export interface ApiResource {
  name: string;
  shortNames: string[];
  group: string;
  version: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  categories: string[];
}

const STD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE = ['create'];
const CRD = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

function r(
  name: string,
  gv: string,
  namespaced: boolean,
  kind: string,
  shortNames: string[] = [],
  categories: string[] = [],
  verbs: string[] = STD,
): ApiResource {
  const slash = gv.indexOf('/');
  return {
    name,
    shortNames,
    group: slash < 0 ? '' : gv.slice(0, slash),
    version: slash < 0 ? gv : gv.slice(slash + 1),
    namespaced,
    kind,
    verbs,
    categories,
  };
}

const ALL = ['all'];
const EXT = ['api-extensions'];

const BUILTIN: ApiResource[] = [
  r('bindings', 'v1', true, 'Binding', [], [], CREATE),
  r('componentstatuses', 'v1', false, 'ComponentStatus', ['cs'], [], ['get', 'list']),
  r('configmaps', 'v1', true, 'ConfigMap', ['cm']),
  r('endpoints', 'v1', true, 'Endpoints', ['ep']),
  r('events', 'v1', true, 'Event', ['ev']),
  r('limitranges', 'v1', true, 'LimitRange', ['limits']),
  r(
    'namespaces',
    'v1',
    false,
    'Namespace',
    ['ns'],
    [],
    ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  ),
  r('nodes', 'v1', false, 'Node', ['no']),
  r('persistentvolumeclaims', 'v1', true, 'PersistentVolumeClaim', ['pvc']),
  r('persistentvolumes', 'v1', false, 'PersistentVolume', ['pv']),
  r('pods', 'v1', true, 'Pod', ['po'], ALL),
  r('podtemplates', 'v1', true, 'PodTemplate'),
  r('replicationcontrollers', 'v1', true, 'ReplicationController', ['rc'], ALL),
  r('resourcequotas', 'v1', true, 'ResourceQuota', ['quota']),
  r('secrets', 'v1', true, 'Secret'),
  r('serviceaccounts', 'v1', true, 'ServiceAccount', ['sa']),
  r('services', 'v1', true, 'Service', ['svc'], ALL),
  r(
    'mutatingwebhookconfigurations',
    'admissionregistration.k8s.io/v1',
    false,
    'MutatingWebhookConfiguration',
    [],
    EXT,
  ),
  r(
    'validatingadmissionpolicies',
    'admissionregistration.k8s.io/v1',
    false,
    'ValidatingAdmissionPolicy',
    [],
    EXT,
  ),
  r(
    'validatingadmissionpolicybindings',
    'admissionregistration.k8s.io/v1',
    false,
    'ValidatingAdmissionPolicyBinding',
    [],
    EXT,
  ),
  r(
    'validatingwebhookconfigurations',
    'admissionregistration.k8s.io/v1',
    false,
    'ValidatingWebhookConfiguration',
    [],
    EXT,
  ),
  r(
    'customresourcedefinitions',
    'apiextensions.k8s.io/v1',
    false,
    'CustomResourceDefinition',
    ['crd', 'crds'],
    EXT,
  ),
  r('apiservices', 'apiregistration.k8s.io/v1', false, 'APIService', [], EXT),
  r('controllerrevisions', 'apps/v1', true, 'ControllerRevision'),
  r('daemonsets', 'apps/v1', true, 'DaemonSet', ['ds'], ALL),
  r('deployments', 'apps/v1', true, 'Deployment', ['deploy'], ALL),
  r('replicasets', 'apps/v1', true, 'ReplicaSet', ['rs'], ALL),
  r('statefulsets', 'apps/v1', true, 'StatefulSet', ['sts'], ALL),
  r('selfsubjectreviews', 'authentication.k8s.io/v1', false, 'SelfSubjectReview', [], [], CREATE),
  r('tokenreviews', 'authentication.k8s.io/v1', false, 'TokenReview', [], [], CREATE),
  r('localsubjectaccessreviews', 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', [], [], CREATE),
  r('selfsubjectaccessreviews', 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', [], [], CREATE),
  r('selfsubjectrulesreviews', 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', [], [], CREATE),
  r('subjectaccessreviews', 'authorization.k8s.io/v1', false, 'SubjectAccessReview', [], [], CREATE),
  r('horizontalpodautoscalers', 'autoscaling/v2', true, 'HorizontalPodAutoscaler', ['hpa'], ALL),
  r('cronjobs', 'batch/v1', true, 'CronJob', ['cj'], ALL),
  r('jobs', 'batch/v1', true, 'Job', [], ALL),
  r('certificatesigningrequests', 'certificates.k8s.io/v1', false, 'CertificateSigningRequest', ['csr']),
  r('leases', 'coordination.k8s.io/v1', true, 'Lease'),
  r('endpointslices', 'discovery.k8s.io/v1', true, 'EndpointSlice'),
  r('events', 'events.k8s.io/v1', true, 'Event', ['ev']),
  r('flowschemas', 'flowcontrol.apiserver.k8s.io/v1', false, 'FlowSchema'),
  r('prioritylevelconfigurations', 'flowcontrol.apiserver.k8s.io/v1', false, 'PriorityLevelConfiguration'),
  r('ingressclasses', 'networking.k8s.io/v1', false, 'IngressClass'),
  r('ingresses', 'networking.k8s.io/v1', true, 'Ingress', ['ing']),
  r('ipaddresses', 'networking.k8s.io/v1', false, 'IPAddress', ['ip']),
  r('networkpolicies', 'networking.k8s.io/v1', true, 'NetworkPolicy', ['netpol']),
  r('servicecidrs', 'networking.k8s.io/v1', false, 'ServiceCIDR'),
  r('runtimeclasses', 'node.k8s.io/v1', false, 'RuntimeClass'),
  r('poddisruptionbudgets', 'policy/v1', true, 'PodDisruptionBudget', ['pdb']),
  r('clusterrolebindings', 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding'),
  r('clusterroles', 'rbac.authorization.k8s.io/v1', false, 'ClusterRole'),
  r('rolebindings', 'rbac.authorization.k8s.io/v1', true, 'RoleBinding'),
  r('roles', 'rbac.authorization.k8s.io/v1', true, 'Role'),
  r('deviceclasses', 'resource.k8s.io/v1', false, 'DeviceClass'),
  r('resourceclaims', 'resource.k8s.io/v1', true, 'ResourceClaim'),
  r('resourceclaimtemplates', 'resource.k8s.io/v1', true, 'ResourceClaimTemplate'),
  r('resourceslices', 'resource.k8s.io/v1', false, 'ResourceSlice'),
  r('priorityclasses', 'scheduling.k8s.io/v1', false, 'PriorityClass', ['pc']),
  r('csidrivers', 'storage.k8s.io/v1', false, 'CSIDriver'),
  r('csinodes', 'storage.k8s.io/v1', false, 'CSINode'),
  r('csistoragecapacities', 'storage.k8s.io/v1', true, 'CSIStorageCapacity'),
  r('storageclasses', 'storage.k8s.io/v1', false, 'StorageClass', ['sc']),
  r('volumeattachments', 'storage.k8s.io/v1', false, 'VolumeAttachment'),
  r('volumeattributesclasses', 'storage.k8s.io/v1', false, 'VolumeAttributesClass', ['vac']),
];

const K3S: ApiResource[] = [
  r('helmchartconfigs', 'helm.cattle.io/v1', true, 'HelmChartConfig', [], [], CRD),
  r('helmcharts', 'helm.cattle.io/v1', true, 'HelmChart', [], [], CRD),
  r('addons', 'k3s.cattle.io/v1', true, 'Addon', [], [], CRD),
  r('etcdsnapshotfiles', 'k3s.cattle.io/v1', false, 'ETCDSnapshotFile', [], [], CRD),
  r('nodes', 'metrics.k8s.io/v1beta1', false, 'NodeMetrics', [], [], ['get', 'list']),
  r('pods', 'metrics.k8s.io/v1beta1', true, 'PodMetrics', [], [], ['get', 'list']),
  r('ingressroutes', 'traefik.io/v1alpha1', true, 'IngressRoute', [], [], CRD),
  r('ingressroutetcps', 'traefik.io/v1alpha1', true, 'IngressRouteTCP', [], [], CRD),
  r('ingressrouteudps', 'traefik.io/v1alpha1', true, 'IngressRouteUDP', [], [], CRD),
  r('middlewares', 'traefik.io/v1alpha1', true, 'Middleware', [], [], CRD),
  r('middlewaretcps', 'traefik.io/v1alpha1', true, 'MiddlewareTCP', [], [], CRD),
  r('serverstransports', 'traefik.io/v1alpha1', true, 'ServersTransport', [], [], CRD),
  r('serverstransporttcps', 'traefik.io/v1alpha1', true, 'ServersTransportTCP', [], [], CRD),
  r('tlsoptions', 'traefik.io/v1alpha1', true, 'TLSOption', [], [], CRD),
  r('tlsstores', 'traefik.io/v1alpha1', true, 'TLSStore', [], [], CRD),
  r('traefikservices', 'traefik.io/v1alpha1', true, 'TraefikService', [], [], CRD),
];

/** The preferred resources discovery reports for the profile (unsorted). */
export function apiResourcesFor(profile: ProfileName): ApiResource[] {
  return profile === 'k3s' ? [...BUILTIN, ...K3S] : BUILTIN;
}

/**
 * `kubectl api-versions`: every served group/version (ServerGroups, all versions of each group,
 * sorted by sort.Strings). autoscaling serves v1 beside its preferred v2.
 */
export function apiVersionsFor(profile: ProfileName): string[] {
  const gvs = new Set<string>(['autoscaling/v1']);
  for (const x of apiResourcesFor(profile)) gvs.add(x.group ? `${x.group}/${x.version}` : x.version);
  return [...gvs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
