// The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring), reference §C4:
// a user-written Endpoints object for a selectorless Service is copied into EndpointSlices
// managed by `endpointslicemirroring-controller.k8s.io`, one per subset, owned by the Endpoints.
// Endpoints labelled `endpointslice.kubernetes.io/skip-mirror=true` (the endpoints controller's
// own, and the apiserver's `kubernetes`) are not mirrored.
// Its sync is bound late (./endpointslice-mirroring-sync): before the late parts load, every
// Endpoints object is the boot's own and skips mirroring.

import type { KindName } from '../api/types';
import { late, latePartsLoaded } from '../late';
import { type Controller, type ControllerContext, NO_KEYS, type WatchEvent } from '../runtime/interfaces';
import type { EndpointsIndex } from './endpoints-index';
import { MANAGED_BY, MIRROR_CONTROLLER, SERVICE_NAME_LABEL, SKIP_MIRROR } from './endpoints-util';
import { OwnSliceWrites } from './endpointslice';

const skipsMirror = (e: WatchEvent['object'] | undefined): boolean =>
  e?.metadata.labels?.[SKIP_MIRROR] === 'true';

export function mirroringKeysFor(ev: WatchEvent): string[] {
  const o = ev.object;
  if (ev.kind === 'Service') return [`${o.metadata.namespace ?? 'default'}/${o.metadata.name}`];
  if (ev.kind === 'Endpoints') {
    // onEndpointsAdd/Update/Delete: Endpoints labelled skip-mirror (before and after) are not queued.
    if (skipsMirror(o) && (ev.old === undefined || skipsMirror(ev.old))) return NO_KEYS;
    return [`${o.metadata.namespace ?? 'default'}/${o.metadata.name}`];
  }
  if (ev.kind === 'EndpointSlice') {
    const l = o.metadata.labels;
    const svcName = l?.[SERVICE_NAME_LABEL];
    if (svcName && l[MANAGED_BY] === MIRROR_CONTROLLER)
      return [`${o.metadata.namespace ?? 'default'}/${svcName}`];
  }
  return NO_KEYS;
}

export function createEndpointSliceMirroringController(index?: EndpointsIndex): Controller {
  return new EndpointSliceMirroringController(index);
}

const MIRRORING_WATCHES: readonly KindName[] = ['Service', 'Endpoints', 'EndpointSlice'];

/**
 * A class, not a closure per cluster: every cluster's controller shares the methods, so V8's
 * feedback and optimized code for keysFor carry over to a fresh cluster.
 */
class EndpointSliceMirroringController implements Controller {
  readonly name = 'endpointslicemirroring-controller';
  readonly watches: readonly KindName[] = MIRRORING_WATCHES;
  private readonly own = new OwnSliceWrites();
  constructor(private readonly index: EndpointsIndex | undefined) {}

  keysFor(ev: WatchEvent): string[] {
    return this.own.isOwn(ev) ? NO_KEYS : mirroringKeysFor(ev);
  }

  reconcile(key: string, ctx: ControllerContext): void {
    if (latePartsLoaded()) late().reconcileMirroring(key, this.own.wrap(ctx), this.index);
  }
}
