// The API server's `kubernetes` Service keeper: every 10 s (DefaultEndpointReconcilerInterval) it
// makes sure default/kubernetes exists, re-creating it with the same ClusterIP — the first address
// of the service CIDR — after `kubectl delete svc --all` (§B9). Its Endpoints and EndpointSlice
// are written by the networking layer's kubernetes-endpoints reconciler.
import type { K8sObject, KindName } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { Profile } from '../profiles';
import { type Controller, type ControllerContext, NO_KEYS, type WatchEvent } from '../runtime/interfaces';

export const KUBERNETES_SERVICE_INTERVAL_MS = 10_000;

export function kubernetesService(profile: Profile): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: profile.kubernetesServiceIP,
      clusterIPs: [profile.kubernetesServiceIP],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  } as unknown as K8sObject;
}

/**
 * `phaseMs` is when the reconcile loop started; ticks fall on phase + k·10 s, so a deleted Service
 * comes back at the next tick (between 0 and 10 s later).
 */
export function createKubernetesServiceController(
  api: ApiServer,
  profile: Profile,
  phaseMs: number,
): Controller {
  return new KubernetesServiceController(api, profile, phaseMs);
}

const SERVICE_WATCHES: readonly KindName[] = ['Service'];
// Only the kubernetes Service's deletion brings it back (keysFor): no other type needs asking.
const DELETED_SERVICES: NonNullable<Controller['eventTypes']> = { Service: ['DELETED'] };

/** A class, not a closure per cluster: every cluster's controller shares the methods. */
class KubernetesServiceController implements Controller {
  readonly name = 'kubernetes-service-controller';
  readonly watches: readonly KindName[] = SERVICE_WATCHES;
  readonly eventTypes = DELETED_SERVICES;
  private scheduled = false;
  constructor(
    private readonly api: ApiServer,
    private readonly profile: Profile,
    private readonly phaseMs: number,
  ) {}

  keysFor(ev: WatchEvent): string[] {
    const m = ev.object.metadata;
    return ev.type === 'DELETED' && m.namespace === 'default' && m.name === 'kubernetes' ? ['tick'] : NO_KEYS;
  }

  reconcile(_key: string, ctx: ControllerContext): void {
    const api = this.api;
    if (api.store.get('Service', 'default', 'kubernetes')) return;
    if (!this.scheduled) {
      this.scheduled = true;
      const since = (ctx.clock.now() - this.phaseMs) % KUBERNETES_SERVICE_INTERVAL_MS;
      ctx.timers.after(KUBERNETES_SERVICE_INTERVAL_MS - since, () => {
        this.scheduled = false;
        if (!api.store.get('Service', 'default', 'kubernetes')) api.create(kubernetesService(this.profile));
      });
    }
  }
}
