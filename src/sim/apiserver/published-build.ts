// The objects behind ./published's lazy entries, built on their first read (bound late: nothing
// before the kubectl chunk reads a ConfigMap or a ServiceAccount). Each is what a fresh 1.34
// cluster holds:
// - ConfigMap kube-root-ca.crt in every namespace, from kube-controller-manager's
//   root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher/publisher.go: data
//   key ca.crt, the kubernetes.io/description annotation below), created with the namespace;
// - ServiceAccount default in every namespace, from the serviceaccount controller (no `secrets`:
//   token Secrets are no longer created since 1.24);
// - ConfigMap coredns in kube-system: kubeadm's CoreDNSConfigMap (cmd/kubeadm/app/phases/addons/
//   dns/manifests.go, rendered with DNSDomain cluster.local) on Docker Desktop and kind, k3s's
//   manifests/coredns.yaml with the NodeHosts its node controller writes on k3s.
// The uids come from the namespace's uid (itself from the seed), so the same seed gives the same
// objects whenever they are first read.
import type { K8sObject } from '../api/types';
import { createRng, uuid } from '../runtime/rng';
import type { Published } from './published';
import { rootCaPem } from './root-ca';

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
  const ns = e.ns.metadata.name;
  const kind = e.name === 'default' ? 'ServiceAccount' : 'ConfigMap';
  const rng = createRng(0).fork(`published/${e.ns.metadata.uid}/${kind}/${e.name}`);
  const metadata: Any = { name: e.name, namespace: ns, uid: uuid(rng), resourceVersion };
  metadata.creationTimestamp = e.ns.metadata.creationTimestamp;
  if (kind === 'ServiceAccount') return { apiVersion: 'v1', kind, metadata };
  const profile = e.api.profile;
  let data: Record<string, string>;
  if (e.name === 'kube-root-ca.crt') {
    metadata.annotations = { 'kubernetes.io/description': ROOT_CA_DESCRIPTION };
    data = { 'ca.crt': rootCaPem(e.api.store, profile) };
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
