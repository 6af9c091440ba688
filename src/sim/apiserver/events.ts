// Event recording (client-go record.EventRecorder): one v1 Event per (object, type, reason,
// message, source); a repeat bumps count and lastTimestamp instead of adding a new Event.
// Event names are `<object>.<16 hex digits>` as the real recorder makes them.
import type { K8sObject } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import type { Clock, EventRecorder, Rng } from '../runtime/interfaces';
import { hexDigits, uuid, word32 } from '../runtime/rng';
import type { Store } from './store';

export class Recorder implements EventRecorder {
  private readonly seen = new Map<string, string>(); // dedupe key → event name
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  record(
    obj: K8sObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: { component: string; host?: string },
  ): void {
    const ns = obj.metadata.namespace ?? 'default';
    const now = rfc3339(this.clock.now());
    const dedupe = `${obj.metadata.uid}\u0000${type}\u0000${reason}\u0000${message}\u0000${source.component}\u0000${source.host ?? ''}`;
    const existingName = this.seen.get(dedupe);
    const existing = existingName ? this.store.get('Event', ns, existingName) : undefined;
    if (existing) {
      const e = existing as K8sObject & { count: number };
      this.store.put({ ...e, count: (e.count ?? 1) + 1, lastTimestamp: now } as K8sObject);
      return;
    }
    const first = hexDigits(word32(this.rng), 8);
    const hex = first + hexDigits(word32(this.rng), 8);
    const name = `${obj.metadata.name}.${hex}`;
    this.seen.set(dedupe, name);
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns, uid: uuid(this.rng), resourceVersion: '', creationTimestamp: now },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: obj.metadata.name,
        ...(obj.metadata.namespace !== undefined ? { namespace: obj.metadata.namespace } : {}),
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        ...(obj.kind === 'Pod' && reason !== 'Scheduled' && source.component === 'kubelet'
          ? { fieldPath: `spec.containers{${obj.spec?.containers?.[0]?.name ?? ''}}` }
          : {}),
      },
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    this.store.put(event as unknown as K8sObject);
  }
}
