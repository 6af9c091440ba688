// What the controllers publish into every namespace as it is created (kube-controller-manager's
// root-ca-cert-publisher: ConfigMap kube-root-ca.crt; its serviceaccount controller: ServiceAccount
// default) and kube-system's coredns ConfigMap (the installer's). kubeadm's kube-proxy ConfigMap
// is not published: its config.conf (the defaulted KubeProxyConfiguration of 1.34) is not
// established here. They are lazy store entries: the boot holds only their names, and their contents (a
// PEM certificate, the Corefile, kube-proxy's configuration) are built on the first read by code
// bound late (./published-build), which only kubectl and the kubelet's late parts ever read.
import type { K8sObject, KindName } from '../api/types';
import { late } from '../late';
import type { Profile } from '../profiles';
import { LazyObject, type Store } from './store';

export class Published extends LazyObject {
  constructor(
    readonly kind: KindName,
    readonly name: string,
    /** The Namespace it was published into (its uid seeds the object's; its creation time is the object's). */
    readonly ns: K8sObject,
    readonly profile: Profile,
    readonly store: Store,
  ) {
    super();
  }
  key(): string {
    return this.name;
  }
  protected build(resourceVersion: string): K8sObject {
    return late().buildPublished(this, resourceVersion);
  }
}

/** Publish a new Namespace's objects (and, for kube-system, CoreDNS's ConfigMap). */
export function publishInto(store: Store, ns: K8sObject, profile: Profile): void {
  const n = ns.metadata.name;
  const add = (kind: KindName, name: string) =>
    store.addLazy(kind, n, new Published(kind, name, ns, profile, store));
  add('ConfigMap', 'kube-root-ca.crt');
  add('ServiceAccount', 'default');
  if (n === 'kube-system') add('ConfigMap', 'coredns');
}
