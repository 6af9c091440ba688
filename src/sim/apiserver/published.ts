// What the controllers publish into every namespace as it is created (kube-controller-manager's
// root-ca-cert-publisher: ConfigMap kube-root-ca.crt; its serviceaccount controller: ServiceAccount
// default), kube-system's coredns and (kubeadm) kube-proxy ConfigMaps (the installer's), the ServiceAccounts the boot's
// system Pods run as, the boot DaemonSets (kube-proxy, kindnet) and k3s's svclb DaemonSets
// (../controllers/servicelb). ../controllers/daemonset-sync re-creates a deleted kube-root-ca.crt or
// default, and keeps the DaemonSets' Pods and status in step. They are lazy store entries: the
// boot holds only their names, and their contents (a PEM certificate, the Corefile) are built on
// the first read by code bound late (./published-build), which only kubectl and the kubelet's late
// parts ever read. kubeadm's kube-proxy ConfigMap is one too (./kubeadm-config).
import type { K8sObject, KindName } from '../api/types';
import { late } from '../late';
import type { ApiServer } from './server';
import { LazyObject } from './store';

/**
 * One published object: `default` is the ServiceAccount, every other name a ConfigMap, unless `x`
 * says otherwise (1: a ServiceAccount an installer made; an array: a DaemonSet, [its first Pod,
 * that Pod's spec] from ./system-pods or [the Service, creation time] from ServiceLB).
 */
export class Published extends LazyObject {
  constructor(
    readonly name: string,
    /** The Namespace it was published into (its uid seeds the object's; its creation time is the object's). */
    readonly ns: K8sObject,
    readonly api: ApiServer,
    // biome-ignore lint/suspicious/noExplicitAny: read by the late builder only.
    readonly x?: any,
  ) {
    super();
  }
  /**
   * Set by a build whose object shows live state nothing has fixed yet (a boot DaemonSet's status
   * before its first sync, ./published-build liveStatus): that object is not kept as the state's
   * snapshot (LazyObject.keepBuilt). Cleared after each build.
   */
  transient = false;
  key(): string {
    return this.name;
  }
  protected build(resourceVersion: string): K8sObject {
    return late().buildPublished(this, resourceVersion);
  }
  protected override keepBuilt(): boolean {
    if (!this.transient) return true;
    this.transient = false;
    return false;
  }
}

/**
 * Add a lazy entry `name` of `kind` (x as Published's) to namespace `ns`: the boot's ServiceAccounts
 * (x = 1) and DaemonSets. The boot adds each name once (no two boot Deployments or system Pods
 * share a ServiceAccount but a DaemonSet's Pods), so no name is looked up first.
 */
export function publish(api: ApiServer, kind: KindName, ns: string, name: string, x: unknown): void {
  api.store.addLazy(kind, ns, new Published(name, api.store.get('Namespace', '', ns) as K8sObject, api, x));
}
