// The objects behind ./published's lazy entries, built on their first read (bound late: nothing
// before the kubectl chunk reads a ConfigMap or a ServiceAccount). Each is what a fresh 1.34
// cluster holds:
// - ConfigMap kube-root-ca.crt in every namespace, from kube-controller-manager's
//   root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher/publisher.go: data
//   key ca.crt, the kubernetes.io/description annotation below), created with the namespace;
// - ServiceAccount default in every namespace, from the serviceaccount controller (no `secrets`:
//   token Secrets are no longer created since 1.24);
// - ConfigMap kube-proxy in kube-system and cluster-info in kube-public on the kubeadm profiles,
//   and kube-apiserver's legacy-token-tracking ConfigMap in kube-system (./kubeadm-config);
// - ConfigMap coredns in kube-system: kubeadm's CoreDNSConfigMap (cmd/kubeadm/app/phases/addons/
//   dns/manifests.go, rendered with DNSDomain cluster.local) on Docker Desktop and kind, k3s's
//   manifests/coredns.yaml with the NodeHosts its node controller writes on k3s.
// The uids come from the namespace's uid (itself from the seed), so the same seed gives the same
// objects whenever they are first read.

import { ownerRefTo } from '../api/owners';
import type { K8sObject, Service } from '../api/types';
import { daemonSetPatch, HASH_LABEL } from '../controllers/daemonset-history';
import { daemonSetStatus } from '../controllers/daemonset-sync';
import { SVCNAME_LABEL, SVCNAMESPACE_LABEL, svclbPod, svclbUid } from '../controllers/servicelb';
import { rfc3339 } from '../runtime/clock';
import { createRng, uuid } from '../runtime/rng';
import { defaultPodSpec } from './defaults';
import { clusterInfoKubeconfig, kubeProxyConfigMapData, LEGACY_TOKEN_TRACKING } from './kubeadm-config';
import { Published } from './published';
import { rootCaPem } from './root-ca';
import { buildStorageClass } from './storage-classes';

// biome-ignore lint/suspicious/noExplicitAny: built JSON objects.
type Any = any;

export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** kubeadm's Corefile (1.32+: the cache plugin does not cache the cluster domain, kubernetes#128359). */
export function kubeadmCorefile(domain: string): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${domain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${domain}
       disable denial ${domain}
    }
    loop
    reload
    loadbalance
}
`;
}

/** k3s's Corefile (manifests/coredns.yaml): NodeHosts and the coredns-custom imports. */
export function k3sCorefile(domain: string): string {
  return `.:53 {
    errors
    health
    ready
    kubernetes ${domain} in-addr.arpa ip6.arpa {
      pods insecure
      fallthrough in-addr.arpa ip6.arpa
    }
    hosts /etc/coredns/NodeHosts {
      ttl 60
      reload 15s
      fallthrough
    }
    prometheus :9153
    forward . /etc/resolv.conf
    cache 30
    loop
    reload
    loadbalance
    import /etc/coredns/custom/*.override
}
import /etc/coredns/custom/*.server
`;
}

export function buildPublished(e: Published, resourceVersion: string): K8sObject {
  if (Array.isArray(e.x)) return buildDaemonSet(e, resourceVersion);
  // The default StorageClass (x: its creation instant, > 1).
  if (typeof e.x === 'number' && e.x > 1) return buildStorageClass(e, resourceVersion);
  const ns = e.ns.metadata.name;
  const kind = e.x === 1 || e.name === 'default' ? 'ServiceAccount' : 'ConfigMap';
  // A re-created object (../controllers/daemonset-sync Republished) is a new one: created then,
  // its uid seeded from that instant too.
  const at: string | undefined = (e as Any).at;
  const rng = createRng(0).fork(`published/${e.ns.metadata.uid}/${kind}/${e.name}${at ? `/${at}` : ''}`);
  const metadata: Any = { name: e.name, namespace: ns, uid: uuid(rng), resourceVersion };
  metadata.creationTimestamp = at ?? e.ns.metadata.creationTimestamp;
  if (kind === 'ServiceAccount') return { apiVersion: 'v1', kind, metadata };
  const profile = e.api.profile;
  let data: Record<string, string>;
  if (e.name === 'kube-root-ca.crt') {
    metadata.annotations = { 'kubernetes.io/description': ROOT_CA_DESCRIPTION };
    data = { 'ca.crt': rootCaPem(e.api.store, profile) };
  } else if (e.name === 'kube-proxy') {
    metadata.labels = { app: 'kube-proxy' };
    data = kubeProxyConfigMapData(profile);
  } else if (e.name === 'cluster-info') {
    data = { kubeconfig: clusterInfoKubeconfig(profile, rootCaPem(e.api.store, profile)) };
  } else if (e.name === LEGACY_TOKEN_TRACKING) {
    data = { since: metadata.creationTimestamp.slice(0, 10) };
  } else {
    const domain = profile.clusterDomain;
    data =
      profile.distro === 'k3s'
        ? {
            Corefile: k3sCorefile(domain),
            NodeHosts: profile.nodes.map((n) => `${n.ip} ${n.name}\n`).join(''),
          }
        : { Corefile: kubeadmCorefile(domain) };
  }
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data } as K8sObject;
}

/** Labels the DaemonSet controller adds to its Pods (not the template's). */
const POD_ONLY_LABELS = new Set(['controller-revision-hash', 'pod-template-generation']);

/**
 * A boot DaemonSet (./system-pods): `x` holds its first Pod as system-pods describes it and the
 * spec that Pod was created with. The template is that spec without what the controller adds per
 * Pod (nodeName, AddOrUpdateDaemonPodTolerations' tolerations), defaulted as the API server
 * defaults a template; the selector is the manifests' (kubeadm's kube-proxy: k8s-app; kind's
 * kindnet: app), the labels the template's. Created with kube-system (at boot), generation 1, the
 * update strategy and history limit defaulted (SetDefaults_DaemonSet: RollingUpdate, maxUnavailable
 * 1, maxSurge 0, revisionHistoryLimit 10). The status is the one ../controllers/daemonset-sync last
 * wrote, else computed from the Pods now.
 */
function buildDaemonSet(e: Published, resourceVersion: string): K8sObject {
  if (e.x[0].kind === 'Service') return buildSvclb(e, resourceVersion);
  const [pod, podSpec] = e.x as [Any, Any];
  // ../apiserver/system-pods publishes the DaemonSet's ControllerRevision with the same `x`.
  if (e.name !== pod.owner.name) return buildBootRevision(e, resourceVersion);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(pod.labels as Record<string, string>))
    if (!POD_ONLY_LABELS.has(k)) labels[k] = v;
  const { nodeName: _, ...rest } = podSpec;
  rest.tolerations = podSpec.tolerations.filter((t: Any) => t.key === undefined);
  const spec = templateSpec(rest);
  const sel = labels.app ? 'app' : 'k8s-app';
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      annotations: { 'deprecated.daemonset.template.generation': '1' },
      creationTimestamp: e.ns.metadata.creationTimestamp,
      generation: 1,
      labels,
      name: pod.owner.name,
      namespace: 'kube-system',
      resourceVersion,
      uid: pod.owner.uid,
    },
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: { [sel]: labels[sel] as string } },
      template: { metadata: { labels }, spec },
      updateStrategy: UPDATE_STRATEGY,
    },
    status: (e as Any).st ?? liveStatus(e, pod.owner.uid),
  } as K8sObject;
}

/**
 * The status of a DaemonSet its controller has not synced yet, from its Pods now: the entry keeps
 * no snapshot of it (Published.transient), so a read before that sync cannot pin an older status
 * than the one the sync compares with (../controllers/daemonset-sync pins it).
 */
function liveStatus(e: Published, uid: string): Any {
  e.transient = true;
  return daemonSetStatus(e.api, uid);
}

/**
 * A boot DaemonSet's ControllerRevision `<ds>-<hash>`, as the daemon controller's snapshot
 * (pkg/controller/daemon/update.go) wrote it when the cluster came up: revision 1, the template's
 * labels plus controller-revision-hash, the DaemonSet's annotations, its controller reference and
 * getPatch's data (../controllers/daemonset-history). Created with kube-system, as the DaemonSet is.
 */
function buildBootRevision(e: Published, resourceVersion: string): K8sObject {
  const ds = buildDaemonSet(new Published(e.x[0].owner.name, e.ns, e.api, e.x), resourceVersion) as Any;
  const rng = createRng(0).fork(`published/${e.ns.metadata.uid}/ControllerRevision/${e.name}`);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      annotations: { ...ds.metadata.annotations },
      creationTimestamp: ds.metadata.creationTimestamp,
      labels: {
        ...ds.spec.template.metadata.labels,
        [HASH_LABEL]: e.name.slice(ds.metadata.name.length + 1),
      },
      name: e.name,
      namespace: 'kube-system',
      ownerReferences: [ownerRefTo(ds)],
      resourceVersion,
      uid: uuid(rng),
    },
    data: daemonSetPatch(ds),
    revision: 1,
  } as K8sObject;
}

/**
 * A template's spec as the API server returns it: defaulted, and serviceAccount set to
 * serviceAccountName (Convert_core_PodSpec_To_v1_PodSpec sets that alias on every PodSpec it
 * writes out, a template's too; pkg/apis/core/v1/conversion.go).
 */
function templateSpec(spec: Any): Any {
  const out = defaultPodSpec(spec);
  if (out.serviceAccountName) out.serviceAccount = out.serviceAccountName;
  return out;
}

const UPDATE_STRATEGY = { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' };

/**
 * k3s's svclb-<svc>-<uid8> DaemonSet (servicelb.go newDaemonSet) for the Service in `x` (as it is
 * now, if it is still the same Service), created at the instant in `x`: labels nodeselector
 * "false" (no node carries the enablelb label here) and the Service's name and namespace, selector
 * app=<name>, the template ../controllers/servicelb builds the Pods from without what the
 * DaemonSet controller adds per Pod (the node's affinity and its tolerations), defaulted; update
 * strategy RollingUpdate maxUnavailable 1 (maxSurge defaulted to 0). The annotations wrangler's
 * apply adds (objectset.rio.cattle.io/…) are not reproduced: their contents are not established.
 */
function buildSvclb(e: Published, resourceVersion: string): K8sObject {
  const [first, at] = e.x as [Service, number];
  const cur = e.api.store.get('Service', first.metadata.namespace, first.metadata.name) as
    | Service
    | undefined;
  const svc = cur?.metadata.uid === first.metadata.uid ? cur : first;
  const uid = svclbUid(svc);
  const pod = svclbPod(svc, '') as Any;
  const { affinity: _, ...rest } = pod.spec;
  rest.tolerations = rest.tolerations.slice(0, 3);
  const labels: Record<string, string> = { ...pod.metadata.labels };
  delete labels['pod-template-generation'];
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      annotations: { 'deprecated.daemonset.template.generation': '1' },
      creationTimestamp: rfc3339(at),
      generation: 1,
      labels: {
        'svccontroller.k3s.cattle.io/nodeselector': 'false',
        [SVCNAME_LABEL]: svc.metadata.name,
        [SVCNAMESPACE_LABEL]: svc.metadata.namespace ?? 'default',
      },
      name: e.name,
      namespace: 'kube-system',
      resourceVersion,
      uid,
    },
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: e.name } },
      template: { metadata: { labels }, spec: templateSpec(rest) },
      updateStrategy: UPDATE_STRATEGY,
    },
    status: (e as Any).st ?? liveStatus(e, uid),
  } as K8sObject;
}
