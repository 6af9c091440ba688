// The `default/kubernetes` Service's Endpoints and EndpointSlice are written by the API server's
// endpoint reconciler (pkg/controlplane/reconcilers), not by the controllers: Endpoints labelled
// skip-mirror, and a slice named exactly `kubernetes` (reference §B7) with port `https` 6443.
import type { EndpointSlice, Endpoints, KindName } from '../api/types';
import type { Profile } from '../profiles';
import { type Controller, type ControllerContext, NO_KEYS, type WatchEvent } from '../runtime/interfaces';
import { SERVICE_NAME_LABEL, SKIP_MIRROR, sameJSON } from './endpoints-util';

export function reconcileKubernetesEndpoints(
  profile: Profile,
  ctx: Pick<ControllerContext, 'store' | 'api'>,
): void {
  if (!ctx.store.get('Service', 'default', 'kubernetes')) return;
  const { ip, port } = profile.apiServerEndpoint;
  const ports = [{ name: 'https', port, protocol: 'TCP' as const }];
  const subsets = [{ addresses: [{ ip }], ports }];
  const labels = { [SKIP_MIRROR]: 'true' };
  const ep = ctx.store.get('Endpoints', 'default', 'kubernetes') as Endpoints | undefined;
  if (!ep) {
    ctx.api.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels },
      subsets,
    } as unknown as Endpoints);
  } else if (!sameJSON(ep.subsets ?? [], subsets)) {
    ctx.api.update({ ...ep, subsets } as Endpoints);
  }
  const endpoints = [{ addresses: [ip], conditions: { ready: true, serving: true, terminating: false } }];
  const slice = ctx.store.get('EndpointSlice', 'default', 'kubernetes') as EndpointSlice | undefined;
  if (!slice) {
    ctx.api.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { [SERVICE_NAME_LABEL]: 'kubernetes' } },
      addressType: 'IPv4',
      endpoints,
      ports,
    } as unknown as EndpointSlice);
  } else if (!sameJSON(slice.endpoints, endpoints) || !sameJSON(slice.ports, ports)) {
    ctx.api.update({ ...slice, endpoints, ports } as EndpointSlice);
  }
}

const OWN_KEY: readonly string[] = ['default/kubernetes']; // shared: never modified

export function createKubernetesEndpointsController(profile: Profile): Controller {
  return new KubernetesEndpointsController(profile);
}

const KUBERNETES_ENDPOINTS_WATCHES: readonly KindName[] = ['Service', 'Endpoints', 'EndpointSlice'];

/**
 * A class, not a closure per cluster: every cluster's controller shares the methods, so V8's
 * feedback and optimized code for keysFor (asked about every Service and Endpoints event) carry
 * over to a fresh cluster.
 */
class KubernetesEndpointsController implements Controller {
  readonly name = 'kubernetes-endpoints-reconciler';
  readonly watches: readonly KindName[] = KUBERNETES_ENDPOINTS_WATCHES;
  constructor(private readonly profile: Profile) {}

  keysFor(ev: WatchEvent): string[] {
    // The metadata read once, and the name asked first (every Service, Endpoints and slice write
    // comes here; in the benchmark every one is in default, and only one is named kubernetes).
    const m = ev.object.metadata;
    return m.name === 'kubernetes' && (m.namespace ?? 'default') === 'default'
      ? (OWN_KEY as string[])
      : (NO_KEYS as string[]);
  }

  reconcile(_key: string, ctx: ControllerContext): void {
    reconcileKubernetesEndpoints(this.profile, ctx);
  }
}
