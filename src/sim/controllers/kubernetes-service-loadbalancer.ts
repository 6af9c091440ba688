// LoadBalancer status per profile (the cloud-provider / ServiceLB part): Docker Desktop publishes
// every LB on the host's `localhost` (a hostname ingress); k3s ServiceLB gives the node IPs with
// ipMode VIP (servers ≥1.30 default it); kind has no LB controller, so status stays empty and
// kubectl shows `<pending>` (§C3, §D).

import { splitKey } from '../api/owners';
import type { LoadBalancerIngress, Service } from '../api/types';
import { deepEqual } from '../apiserver/json';
import type { Store } from '../apiserver/store';
import type { Profile } from '../profiles';
import type { Controller, ControllerContext, WatchEvent } from '../runtime/interfaces';

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
  return {
    name: 'service-lb-controller',
    watches: ['Service'],
    keysFor: (ev: WatchEvent) =>
      ev.type === 'DELETED' ? [] : [`${ev.object.metadata.namespace}/${ev.object.metadata.name}`],
    reconcile(key: string, ctx: ControllerContext) {
      const [ns, name] = splitKey(key);
      const svc = store.get('Service', ns, name) as Service | undefined;
      if (!svc) return;
      const ingress = svc.spec.type === 'LoadBalancer' ? loadBalancerIngress(profile) : undefined;
      const want = ingress ? { loadBalancer: { ingress } } : { loadBalancer: {} };
      if (!deepEqual(svc.status, want)) ctx.api.updateStatus({ ...svc, status: want });
    },
  };
}
