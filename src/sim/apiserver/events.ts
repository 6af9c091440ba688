// Event recording (client-go record.EventRecorder): one v1 Event per (object, type, reason,
// message, source); a repeat bumps count and lastTimestamp instead of adding a new Event.
// Event names are `<object>.<16 hex digits>` as the real recorder makes them.
import type { K8sObject } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import type { Clock, EventRecorder, Rng } from '../runtime/interfaces';
import { flat, uuid } from '../runtime/rng';
import type { Store } from './store';

/** FNV-1a over a string's UTF-16 code units, continuing from `h`, then a 0 separator. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h, 0x01000193); // the separator (h ^ 0)
}

interface StoredEvent {
  involvedObject?: { uid?: string };
  type?: string;
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  count?: number;
}

export class Recorder implements EventRecorder {
  /**
   * Hash of (object uid, type, reason, message, component, host) → names of the Events recorded
   * with that hash. A hit is confirmed against the stored Event's own fields, so this behaves
   * exactly like a map keyed by the whole tuple without holding 30,000 long key strings.
   */
  private readonly seen = new Map<number, string | string[]>(); // one name, or several on a collision
  /** The last creation instant handed out, in Unix nanoseconds (see nanosHex). */
  private lastNanos = -1n;
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  /**
   * client-go's recorder names an Event `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`. The
   * simulated clock ticks in milliseconds, so two Events can share an instant; each later one
   * takes the next nanosecond (a per-recorder counter) so names stay unique and sort by creation.
   */
  private nanosHex(): string {
    let ns = BigInt(this.clock.now()) * 1_000_000n;
    if (ns <= this.lastNanos) ns = this.lastNanos + 1n;
    this.lastNanos = ns;
    return ns.toString(16).padStart(16, '0');
  }

  /**
   * One flat copy of each recent message and fieldPath: callers build them with template literals
   * (cons-string trees), and most repeat across Pods ("Started container web").
   */
  private readonly interned = new Map<string, string>();
  private intern(s: string): string {
    let v = this.interned.get(s);
    if (v === undefined) {
      if (this.interned.size >= 4096) this.interned.clear();
      v = flat(s);
      this.interned.set(v, v);
    }
    return v;
  }

  record(
    obj: K8sObject,
    type: 'Normal' | 'Warning',
    reason: string,
    rawMessage: string,
    source: { component: string; host?: string },
  ): void {
    const message = this.intern(rawMessage);
    const ns = obj.metadata.namespace ?? 'default';
    const now = rfc3339(this.clock.now());
    const uid = obj.metadata.uid;
    const host = source.host ?? '';
    let h = fnv(0x811c9dc5, uid);
    h = fnv(h, type);
    h = fnv(h, reason);
    h = fnv(h, message);
    h = fnv(h, source.component);
    h = fnv(h, host) >>> 0;
    const entry = this.seen.get(h);
    const bucket = typeof entry === 'string' ? [entry] : entry;
    if (bucket) {
      for (const existingName of bucket) {
        const existing = this.store.get('Event', ns, existingName);
        const e = existing as unknown as StoredEvent | undefined;
        if (
          e &&
          e.involvedObject?.uid === uid &&
          e.type === type &&
          e.reason === reason &&
          e.message === message &&
          e.source?.component === source.component &&
          (e.source?.host ?? '') === host
        ) {
          this.store.put({ ...existing, count: (e.count ?? 1) + 1, lastTimestamp: now } as K8sObject);
          return;
        }
      }
    }
    const name = flat(`${obj.metadata.name}.${this.nanosHex()}`);
    if (bucket) this.seen.set(h, [...bucket, name]);
    else this.seen.set(h, name);
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
          ? { fieldPath: this.intern(`spec.containers{${obj.spec?.containers?.[0]?.name ?? ''}}`) }
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
