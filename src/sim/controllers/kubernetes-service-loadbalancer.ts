// LoadBalancer status per profile (the cloud-provider / ServiceLB part): Docker Desktop publishes
// every LB on the host's `localhost` (a hostname ingress); k3s ServiceLB gives the IPs of the nodes
// whose svclb Pod is Ready, with ipMode VIP (servers ≥1.30 default it; servicelb.ts); kind has no LB controller, so status stays empty and
// kubectl shows `<pending>` (§C3, §D).

import { splitKey } from '../api/owners';
import type { KindName, LoadBalancerIngress, Service } from '../api/types';
import { deepEqual } from '../apiserver/json';
import type { Store } from '../apiserver/store';
import type { Profile } from '../profiles';
import { type Controller, type ControllerContext, NO_KEYS, type WatchEvent } from '../runtime/interfaces';
import { SVCNAME_LABEL, SVCNAMESPACE_LABEL, syncServiceLB } from './servicelb';

export function loadBalancerIngress(profile: Profile): LoadBalancerIngress[] | undefined {
  switch (profile.loadBalancer) {
    case 'localhost':
      return [{ hostname: 'localhost' }];
    case 'node-ip':
      return profile.nodes.map((n) => ({ ip: n.ip, ipMode: 'VIP' as const }));
    default:
      return undefined;
  }
}

export function createServiceLoadBalancerController(store: Store, profile: Profile): Controller {
  return new ServiceLoadBalancerController(store, profile);
}

const SERVICE_WATCHES: readonly KindName[] = ['Service'];
const SERVICE_AND_POD_WATCHES: readonly KindName[] = ['Service', 'Pod'];

/**
 * A class, not a closure per cluster: every cluster's controller shares the methods, so V8's
 * feedback and optimized code for keysFor carry over to a fresh cluster.
 */
class ServiceLoadBalancerController implements Controller {
  readonly name = 'service-lb-controller';
  readonly watches: readonly KindName[];
  /** k3s: ServiceLB's svclb Pods decide the ingress (see servicelb.ts). */
  private readonly serviceLB: boolean;
  constructor(
    private readonly store: Store,
    private readonly profile: Profile,
  ) {
    this.serviceLB = profile.loadBalancer === 'node-ip';
    this.watches = this.serviceLB ? SERVICE_AND_POD_WATCHES : SERVICE_WATCHES;
  }

  keysFor(ev: WatchEvent): string[] {
    const m = ev.view.metadata;
    if (ev.view.kind === 'Pod') {
      const svc = m.namespace === 'kube-system' ? m.labels?.[SVCNAME_LABEL] : undefined;
      return svc ? [`${m.labels?.[SVCNAMESPACE_LABEL]}/${svc}`] : NO_KEYS;
    }
    return ev.type === 'DELETED' && !this.serviceLB ? NO_KEYS : [`${m.namespace}/${m.name}`];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const profile = this.profile;
    const [ns, name] = splitKey(key);
    const svc = this.store.get('Service', ns, name) as Service | undefined;
    if (this.serviceLB) {
      const ingress = syncServiceLB(ctx, profile, ns, name, svc);
      if (!svc) return;
      const want = ingress.length > 0 ? { loadBalancer: { ingress } } : { loadBalancer: {} };
      if (!deepEqual(svc.status, want)) ctx.api.updateStatus({ ...svc, status: want });
      return;
    }
    if (!svc) return;
    const ingress = svc.spec.type === 'LoadBalancer' ? loadBalancerIngress(profile) : undefined;
    const want = ingress ? { loadBalancer: { ingress } } : { loadBalancer: {} };
    if (!deepEqual(svc.status, want)) ctx.api.updateStatus({ ...svc, status: want });
  }
}
