// client-go's EventCorrelator as every Event broadcaster of a 1.34 cluster runs it
// (k8s.io/client-go v0.34.9 tools/record/events_cache.go, event.go recordToSink/recordEvent),
// with NewEventCorrelatorWithOptions' defaults (every component below passes no options):
//
// 1. EventAggregator: Events alike but for the message — same source, involved object, type and
//    reason (EventAggregatorByReasonFunc; no fieldPath) — are tracked as a set of messages that
//    starts afresh when the last alike Event is more than 600 s old. While the set, with this
//    message, holds fewer than 10, the Event goes on as it is; otherwise it becomes the aggregate
//    Event `(combined from similar events): <message>`, named `<object>.<UnixNano now>`, whose
//    cache key is the aggregate key, and one message leaves the set (PopAny).
// 2. eventLogger: an Event whose key (getEventKey, or the aggregate key) was seen before takes
//    that first occurrence's name and firstTimestamp and count+1, and is sent as a patch (count,
//    lastTimestamp, message); a patch that finds nothing creates the Event under that name.
// 3. EventSourceObjectSpamFilter: a token bucket per source + involved object + type (getSpamKey;
//    no reason), burst 25, refilled at float32(1/300) tokens per second (x/time/rate AllowN): an
//    Event with no token is dropped, yet 1 and 2 have already counted it, so the next Event that
//    is written carries the whole count.
//
// One correlator per broadcaster: kube-controller-manager's deployment, replicaset and daemonset
// controllers each make their own (record.NewBroadcaster in NewDeploymentController,
// NewReplicaSetController, NewDaemonSetsController), the kubelet one per node
// (cmd/kubelet/app/server.go makeEventRecorder). Every key above starts with the source's
// component and host, which tell those apart, so keeping the state on the recorder's per-object
// chains is keeping it per broadcaster. The scheduler's Events go through events.k8s.io
// (events.NewEventBroadcasterAdapterWithContext, tools/events), which has none of this: repeats
// only. Not modelled: the caches' LRU bound (4096 keys per correlator), and PopAny's random pick —
// Go's map order picks any member; here it is always the message just added, so the set keeps
// the window's first nine messages.
//
// Entries recorded before the late parts were loaded (the boot's) have no correlator state: they
// count for repeats but not toward a set or a bucket, all of which have long lapsed by CLUSTER_START.
import type { K8sObject } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import { type EventKind, involvedRv, NamedEvent, RecordedEvent, type Recorder, smallInt } from './events';

/** Milliseconds per token: 1 s / float32(1/300) (defaultSpamQPS is a float32; 299999.9927… ms). */
const PERIOD_MS = 1000 / Math.fround(1 / 300);
/** defaultSpamBurst. */
const BURST = 25;
/** defaultAggregateMaxEvents. */
const MAX_EVENTS = 10;
/** defaultAggregateIntervalInSeconds, in ms. */
const MAX_INTERVAL_MS = 600_000;
/** x/time/rate truncates the wait for a token's deficit to whole nanoseconds: below 1 ns is none. */
const NANOSECOND_MS = 1e-6;
/** EventAggregatorByReasonMessageFunc. */
export const COMBINED_PREFIX = '(combined from similar events): ';
/** The only source here whose recorder has no EventCorrelator (tools/events). */
const UNCORRELATED = 'default-scheduler';

/**
 * An entry the plain recorder never makes: the aggregate Event (`latest` set), or an Event created
 * after its first occurrence (`created` set) — dropped by the spam filter then, or deleted since.
 */
export class SpecialEvent extends NamedEvent {
  /** The aggregate's message as last written, without the prefix. */
  latest: string | undefined = undefined;
  /** creationTimestamp, when it is not firstTimestamp. */
  created: string | undefined = undefined;

  protected override build(resourceVersion: string): K8sObject {
    const o = super.build(resourceVersion) as unknown as Record<string, unknown> & {
      metadata: Record<string, unknown>;
    };
    if (this.latest !== undefined) {
      // EventAggregate's eventCopy sets no reportingController/Instance (and the JSON tags have no
      // omitempty, so they read back as "").
      o.message = COMBINED_PREFIX + this.latest;
      o.reportingComponent = '';
      o.reportingInstance = '';
    }
    if (this.created !== undefined) o.metadata.creationTimestamp = this.created;
    return o as unknown as K8sObject;
  }
}

/** Same type and source (component and host) as `kind`: the spam filter's key, less the object. */
function sameTypeSource(k: EventKind, kind: EventKind): boolean {
  return (
    k === kind ||
    (k.type === kind.type &&
      (k.source === kind.source || (k.source.component === kind.source.component && k.host === kind.host)))
  );
}

/**
 * Would the aggregator's set, with `message`, reach 10? Its members are the messages of the group's
 * plain entries that occurred since the window began (`start`); the aggregate's own entry is none.
 */
function setIsFull(
  first: RecordedEvent | undefined,
  kind: EventKind,
  message: string,
  start: number,
): boolean {
  const seen = new Set<string>();
  for (let e = first; e !== undefined; e = e.next) {
    if (e.occ < start || e.kind.reason !== kind.reason || !sameTypeSource(e.kind, kind)) continue;
    if (e instanceof SpecialEvent && e.latest !== undefined) continue;
    if (e.message === message) return false; // already a member: the set does not grow
    seen.add(e.message);
  }
  return seen.size >= MAX_EVENTS - 1;
}

/** Recorder.record once the late parts are loaded: EventCorrelate, then recordToSink. */
export function correlateEvent(rec: Recorder, obj: K8sObject, kind: EventKind, message: string): void {
  const { reason, fieldPath } = kind;
  const ms = rec.clock.now();
  const t = smallInt(ms - rec.t0 + 1); // the entries' time: ms since the recorder started, + 1
  const now = rfc3339(ms);
  const uid = obj.metadata.uid;
  const correlated = kind.source.component !== UNCORRELATED;
  const first = uid === rec.lastUid ? rec.lastFirst : rec.byObject.get(uid);
  // One walk of the object's chain: the entry of this Event's key (the last, as the logger's cache
  // holds the latest), the group's aggregate, the group's last occurrence and window, the bucket.
  let tail: RecordedEvent | undefined;
  let match: RecordedEvent | undefined;
  let matchPrev: RecordedEvent | undefined;
  let agg: SpecialEvent | undefined;
  let aggPrev: RecordedEvent | undefined;
  let bucket: RecordedEvent | undefined;
  let tat = 0;
  let last = 0;
  let since = 0;
  let others = 0;
  for (let e = first; e !== undefined; e = e.next) {
    const prev = tail;
    tail = e;
    const k = e.kind;
    if (!sameTypeSource(k, kind)) continue;
    if (e.tk !== 0) {
      // The bucket's theoretical arrival time (GCRA): when it would be full again.
      const v = e.tb + e.tk * PERIOD_MS;
      if (bucket === undefined || v > tat) {
        tat = v;
        bucket = e;
      }
    }
    if (k.reason !== reason) continue;
    if (e.occ > last) last = e.occ;
    if (e.since > since) since = e.since;
    // (An aggregate's own message has the prefix, so it never matches a plain one.)
    if (e.message === message && k.fieldPath === fieldPath) {
      match = e;
      matchPrev = prev;
    } else if (e instanceof SpecialEvent && e.latest !== undefined) {
      agg = e;
      aggPrev = prev;
    } else others++;
  }

  // EventAggregate: a window more than 600 s quiet starts afresh (interval > maxInterval).
  const start = last === 0 || t - last > MAX_INTERVAL_MS ? t : since;
  const combine = correlated && others >= MAX_EVENTS - 1 && setIsFull(first, kind, message, start);
  let e = combine ? agg : match;
  const prev = combine ? aggPrev : matchPrev;

  // EventSourceObjectSpamFilter.Filter (rate.Limiter.AllowN(now, 1)) as a GCRA: the bucket has a
  // token unless it would be full only more than 24 periods from now.
  let accept = true;
  let tb = 0;
  let tk = 0;
  if (correlated) {
    if (bucket === undefined || t >= tat) {
      tb = t;
      tk = 1;
    } else if (tat - t - (BURST - 1) * PERIOD_MS < NANOSECOND_MS) {
      tb = bucket.tb;
      tk = bucket.tk + 1;
    } else accept = false;
  }

  const ns = obj.metadata.namespace ?? 'default';
  const shown = combine ? COMBINED_PREFIX + message : message;
  if (e === undefined) {
    // A key not seen before: a new Event (dropped by the filter, it is only remembered).
    e = rec.create(obj, kind, shown, now, first, tail, combine ? SpecialEvent : RecordedEvent);
    if (combine) (e as SpecialEvent).latest = message;
    if (accept) rec.store.addLazy('Event', ns, e);
    else {
      e.count = 0;
      e.skipped = 1;
    }
  } else if (!accept) e.skipped += 1;
  else {
    const count = e.count + e.skipped + 1;
    if (e.live) {
      e.count = count;
      e.skipped = 0;
      e.last = now;
      if (combine) (e as SpecialEvent).latest = message;
      rec.store.touchLazy('Event', ns, e);
    } else {
      const stored = e.rv === 0 ? undefined : rec.store.get('Event', ns, e.key());
      if (stored) {
        // Replaced through the API: the patch (count, lastTimestamp, message) applies to it as it is.
        rec.store.put({ ...stored, count, lastTimestamp: now, message: shown } as K8sObject);
        e.count = count;
        e.skipped = 0;
        e.last = now;
        if (combine) (e as SpecialEvent).latest = message;
      } else {
        // Never written, or deleted since: the patch finds nothing, so recordEvent creates the
        // Event under the remembered name and firstTimestamp, with this occurrence's fields.
        const x = recreate(rec, e, obj, kind, shown, now, count);
        if (combine) x.latest = message;
        x.next = e.next;
        if (prev) prev.next = x;
        else {
          rec.byObject.set(uid, x);
          if (rec.lastUid === uid) rec.lastFirst = x;
        }
        e = x;
        rec.store.addLazy('Event', ns, e);
      }
    }
  }
  if (correlated) {
    e.occ = t;
    e.since = start;
    if (accept) {
      e.tb = tb;
      e.tk = tk;
    }
  }
}

/** The Event recordEvent creates when its patch finds none: `e`'s name and first, a new uid. */
function recreate(
  rec: Recorder,
  e: RecordedEvent,
  obj: K8sObject,
  kind: EventKind,
  message: string,
  now: string,
  count: number,
): SpecialEvent {
  const meta = obj.metadata;
  const inv = e.involved;
  const involved =
    inv.apiVersion === obj.apiVersion &&
    inv.kind === obj.kind &&
    inv.name === meta.name &&
    inv.namespace === meta.namespace
      ? inv
      : {
          apiVersion: obj.apiVersion,
          kind: obj.kind,
          name: meta.name,
          namespace: meta.namespace,
          uid: meta.uid,
        };
  const x = new SpecialEvent(
    0,
    0,
    involved,
    involvedRv(obj),
    kind,
    message,
    e.first,
    now,
    count,
    rec.uids.take(4),
  );
  x.name = e.key();
  x.created = now;
  return x;
}
