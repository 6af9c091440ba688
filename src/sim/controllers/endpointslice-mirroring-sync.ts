// The EndpointSlice mirroring controller's sync (pkg/controller/endpointslicemirroring
// reconciler.go), bound late: only a student's Endpoints for a selectorless Service are mirrored
// (the boot's own Endpoints carry endpointslice.kubernetes.io/skip-mirror), so before the late
// parts load the controller (./endpointslice-mirroring) has nothing to write.
import type { EndpointSliceEndpoint, Endpoints, Service } from '../api/types';
import type { ControllerContext } from '../runtime/interfaces';
import type { EndpointsIndex } from './endpoints-index';
import { MANAGED_BY, MIRROR_CONTROLLER, SERVICE_NAME_LABEL, SKIP_MIRROR, splitKey } from './endpoints-util';
import { type SliceContent, slicesOf, syncSlices } from './endpointslice';

export function mirroredSlices(ep: Endpoints): SliceContent[] {
  const out: SliceContent[] = [];
  for (const subset of ep.subsets ?? []) {
    const endpoints: EndpointSliceEndpoint[] = [];
    const add =
      (ready: boolean) => (a: { ip: string; hostname?: string; nodeName?: string; targetRef?: unknown }) => {
        const e: EndpointSliceEndpoint = {
          addresses: [a.ip],
          conditions: { ready, serving: ready, terminating: false },
        };
        if (a.hostname) e.hostname = a.hostname;
        if (a.nodeName) e.nodeName = a.nodeName;
        if (a.targetRef) e.targetRef = a.targetRef as EndpointSliceEndpoint['targetRef'] & object;
        endpoints.push(e);
      };
    (subset.addresses ?? []).forEach(add(true));
    (subset.notReadyAddresses ?? []).forEach(add(false));
    if (!endpoints.length) continue;
    const ports = (subset.ports ?? []).map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol,
      port: p.port,
    }));
    out.push({ ports, endpoints });
  }
  return out;
}

function shouldMirror(svc: Service | undefined, ep: Endpoints | undefined): ep is Endpoints {
  if (!svc || !ep) return false;
  if (Object.keys(svc.spec.selector ?? {}).length > 0) return false;
  return ep.metadata.labels?.[SKIP_MIRROR] !== 'true';
}

export function reconcileMirroring(
  key: string,
  ctx: Pick<ControllerContext, 'store' | 'api' | 'clock' | 'rng'>,
  index?: EndpointsIndex,
): void {
  const [ns, name] = splitKey(key);
  const svc = ctx.store.get('Service', ns, name) as Service | undefined;
  const ep = ctx.store.get('Endpoints', ns, name) as Endpoints | undefined;
  const existing = slicesOf(ctx.store, ns, name, MIRROR_CONTROLLER, index);
  if (!shouldMirror(svc, ep)) {
    for (const s of existing) ctx.api.delete('EndpointSlice', ns, s.metadata.name);
    return;
  }
  const labels: Record<string, string> = { ...(ep.metadata.labels ?? {}) };
  labels[SERVICE_NAME_LABEL] = name;
  labels[MANAGED_BY] = MIRROR_CONTROLLER;
  const owner = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    name: ep.metadata.name,
    uid: ep.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  // No endpoints at all: the mirroring controller keeps no slice (unlike the placeholder above).
  syncSlices(ctx, ns, name, existing, mirroredSlices(ep), { labels, ownerReferences: () => [owner] });
}
