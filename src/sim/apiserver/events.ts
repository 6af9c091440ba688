// Event recording (client-go record.EventRecorder): one v1 Event per (object and its fieldPath,
// type, reason, message, source) — client-go events_cache.go getEventKey, whose key includes
// involvedObject.fieldPath — a repeat bumps count and lastTimestamp instead of adding a new Event.
// Event names are `<object>.<16 hex digits>` as the real recorder makes them.
//
// The recorder stores each Event as a RecordedEvent, a lazy store entry of a few fields that the
// store turns into the whole v1 Event on its first read (see LazyObject): at the benchmark's
// 31,000 Events, building and copying full objects nobody reads was most of the recording cost
// and a quarter of the heap. No controller watches Events, so their writes reach only the
// change collector (Store.addLazy / touchLazy), and each waits unnamed until something reads it.
//
// Once the late parts are loaded (src/sim/late.ts: with kubectl on the page, always headless),
// every Event goes through client-go's EventCorrelator instead (./events-correlator: the similar-
// event aggregator and the per-object spam filter); until then, i.e. for the boot's Events (all
// removed at CLUSTER_START, as --event-ttl would have), only repeats are merged, as below.
import type { K8sObject } from '../api/types';
import { late, latePartsLoaded } from '../late';
import { rfc3339 } from '../runtime/clock';
import type { Clock, EventRecorder, Rng } from '../runtime/interfaces';
import { flat, LazyWords, uuidOf } from '../runtime/rng';
import { LazyObject, StatusVersion, type Store } from './store';

export type Source = { component: string; host?: string };

/** The involved object's reference fields, shared by the Events of one object. */
interface Involved {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  uid: string;
}

/**
 * What the Events of one kind share — type, reason, source and the involved object's fieldPath —
 * held once per recorder (`Recorder.kindOf`) instead of as four fields in every entry: the kubelet's
 * "Normal Started kubelet/node-1 spec.containers{web}" is one EventKind for all its Pods' Events.
 * Interned by the source object's identity (callers pass one constant per component or node), so
 * the Event built from it holds the very `source` object it was recorded with, as before.
 */
export class EventKind {
  /** `source.host ?? ''`, the form every key compares. */
  readonly host: string;
  constructor(
    readonly type: 'Normal' | 'Warning',
    readonly reason: string,
    readonly source: Source,
    readonly fieldPath: string | undefined,
    /** The recorder's uid words (each Event keeps its position in them, not the words). */
    readonly uids: LazyWords,
  ) {
    this.host = source.host ?? '';
  }
}

/**
 * The involved object's resourceVersion as an entry keeps it: the store's are decimal integers,
 * kept as a small integer (spelled again on read) — as a string it would be one more heap object
 * per Event, which the Event alone keeps alive once the object has moved on; anything else as is.
 */
export function compactRv(rv: string | undefined): string | number | undefined {
  if (rv === undefined) return rv;
  const n = rv.length;
  if (n === 0 || n > 9) return rv;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = rv.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (d === 0 && i === 0 && n > 1)) return rv;
    v = v * 10 + d;
  }
  return v;
}

/**
 * `x` as a small integer (int32) when it is one. The correlator's times are differences of Unix
 * ms, computed in floating point: stored as they come, V8 gives the entries' fields a double
 * representation, i.e. a boxed number per field per entry (three per Event); `| 0` gives the
 * small integer V8 keeps in the field itself. Any other value is returned as is.
 */
export function smallInt(x: number): number {
  const i = x | 0;
  return i === x ? i : x;
}

/**
 * compactRv of the involved object's resourceVersion, read from the record when `o` is a status
 * version's view (the kubelet records Events on the Pod views it reads: store.ts StatusVersion).
 */
export function involvedRv(o: K8sObject): string | number | undefined {
  if (o instanceof StatusVersion) {
    const rv = o.rv;
    return rv < 1e9 ? rv : String(rv);
  }
  return compactRv(o.metadata.resourceVersion);
}

/** The fields an Event is compared on when the recorder looks for one to aggregate into. */
interface StoredEvent {
  involvedObject?: { uid?: string; fieldPath?: string };
  type?: string;
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  count?: number;
}

export class RecordedEvent extends LazyObject {
  // Declared and set in the constructor, in one order, with no initializers (see LazyObject): one
  // entry per Event, all of one shape.
  /** The creation instant in Unix ns, its 32-bit halves (as int32): the name is spelled from them. */
  declare private readonly nhi: number;
  declare private readonly nlo: number;
  declare readonly involved: Involved;
  /** The involved object's resourceVersion then, through `compactRv`. */
  declare readonly involvedRv: string | number | undefined;
  declare readonly kind: EventKind;
  declare readonly message: string;
  declare readonly first: string;
  declare last: string;
  declare count: number;
  /** The position of the uid's four words in `kind.uids`: drawn and spelled when read. */
  declare private readonly uidAt: number;
  /** The next Event recorded for the same object uid (the recorder's per-object chain). */
  declare next: RecordedEvent | undefined;
  // The correlator's state (./events-correlator), in ms since the recorder's start + 1 (small
  // integers, see `smallInt`; 0 = none): occurrences not yet written (the spam filter dropped
  // them), the last occurrence and the similar-event window's start then, and the spam token
  // bucket then.
  declare skipped: number;
  declare occ: number;
  declare since: number;
  declare tb: number;
  declare tk: number;
  constructor(
    nhi: number,
    nlo: number,
    involved: Involved,
    involvedRv: string | number | undefined,
    kind: EventKind,
    message: string,
    first: string,
    last: string,
    count: number,
    uidAt: number,
  ) {
    super();
    this.nhi = nhi;
    this.nlo = nlo;
    this.involved = involved;
    this.involvedRv = involvedRv;
    this.kind = kind;
    this.message = message;
    this.first = first;
    this.last = last;
    this.count = count;
    this.uidAt = uidAt;
    this.next = undefined;
    this.skipped = 0;
    this.occ = 0;
    this.since = 0;
    this.tb = 0;
    this.tk = 0;
  }

  get type(): 'Normal' | 'Warning' {
    return this.kind.type;
  }
  get reason(): string {
    return this.kind.reason;
  }
  get source(): Source {
    return this.kind.source;
  }
  get fieldPath(): string | undefined {
    return this.kind.fieldPath;
  }

  /**
   * `<object>.<creation Unix nanoseconds in 16 hex digits>`, spelled on each call: the store keys
   * an entry once, when something first reads its namespace, and a build spells it once, so a
   * field keeping it would cost every Event 8 bytes for the few that are read twice.
   */
  key(): string {
    return nameOf(this.involved.name, this.nhi >>> 0, this.nlo >>> 0);
  }

  /** metadata.uid: the four words at the Event's position in the recorder's uid stream. */
  private uid(): string {
    const w = this.kind.uids;
    const i = this.uidAt;
    return uuidOf(w.at(i), w.at(i + 1), w.at(i + 2), w.at(i + 3));
  }

  /** Field for field (and key order) the object the recorder used to write. */
  protected build(resourceVersion: string): K8sObject {
    const inv = this.involved;
    const kind = this.kind;
    const involvedObject: Record<string, unknown> = {
      apiVersion: inv.apiVersion,
      kind: inv.kind,
      name: inv.name,
    };
    if (inv.namespace !== undefined) involvedObject.namespace = inv.namespace;
    involvedObject.uid = inv.uid;
    const rv = this.involvedRv;
    involvedObject.resourceVersion = typeof rv === 'number' ? String(rv) : rv;
    if (kind.fieldPath !== undefined) involvedObject.fieldPath = kind.fieldPath;
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: this.key(),
        namespace: inv.namespace ?? 'default',
        uid: this.uid(),
        resourceVersion,
        creationTimestamp: this.first,
      },
      involvedObject,
      reason: kind.reason,
      message: this.message,
      source: kind.source,
      firstTimestamp: this.first,
      lastTimestamp: this.last,
      count: this.count,
      type: kind.type,
      eventTime: null,
      reportingComponent: kind.source.component,
      reportingInstance: kind.host,
    };
    return event as unknown as K8sObject;
  }
}

/**
 * An entry whose name, once set, is not spelled from its creation instant (nhi and nlo then mean
 * nothing): one created off the fast range (`Recorder.creation`), or one the correlator creates
 * again under an earlier occurrence's name (./events-correlator `recreate`). The correlator's
 * aggregate Events are of this class too (SpecialEvent), named by their instant unless off range.
 */
export class NamedEvent extends RecordedEvent {
  /** Set right after construction by whoever makes the entry; undefined: spelled as any entry's. */
  declare name: string | undefined;
  constructor(...entry: ConstructorParameters<typeof RecordedEvent>) {
    super(...entry);
    this.name = undefined;
  }
  override key(): string {
    return this.name ?? super.key();
  }
}

const NAME_CODES: number[] = [];
const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));

/** Writes the 8 hex digits of a 32-bit unsigned integer into NAME_CODES from index i. */
function putHex8(i: number, n: number): void {
  for (let shift = 28; shift >= 0; shift -= 4) NAME_CODES[i++] = HEX_CODES[(n >>> shift) & 15] as number;
}

/** The two 32-bit halves of ms × 10⁶ + sub (0 ≤ ms < 2⁴², 0 ≤ sub < 10⁶), exact, in HI and LO. */
let HI = 0;
let LO = 0;
function splitNanos(ms: number, sub: number): void {
  const lowSum = (ms % 4294967296) * 1_000_000 + sub; // < 2^52: exact
  LO = lowSum % 4294967296;
  HI = Math.floor(ms / 4294967296) * 1_000_000 + Math.floor(lowSum / 4294967296);
}

/** `<prefix>.<hi and lo in 8 hex digits each>` as one flat string (no cons-string tree). */
function nameOf(prefix: string, hi: number, lo: number): string {
  const n = prefix.length;
  NAME_CODES.length = n + 17;
  for (let i = 0; i < n; i++) NAME_CODES[i] = prefix.charCodeAt(i);
  NAME_CODES[n] = 46; // '.'
  putHex8(n + 1, hi);
  putHex8(n + 9, lo);
  return String.fromCharCode.apply(null, NAME_CODES);
}

/**
 * `<prefix>.<16 hex digits of ms × 10⁶ + sub>` (Unix nanoseconds) for 0 ≤ ms < 2⁴², 0 ≤ sub <
 * 10⁶: what `${prefix}.${BigInt(ns).toString(16).padStart(16, '0')}` gives.
 */
export function eventName(prefix: string, ms: number, sub: number): string {
  splitNanos(ms, sub);
  return nameOf(prefix, HI, LO);
}

/** Up to 2^42 ms (year 2109) the high half stays below 2^32; beyond, the BigInt path. */
const FAST_MS_LIMIT = 2 ** 42;

export class Recorder implements EventRecorder {
  /**
   * Object uid → the first of the Events recorded for it (chained by `next`, oldest first). A
   * candidate still held by the store (`live`) is bumped; one replaced through the API is checked
   * as it now stands, so this behaves exactly like a map keyed by the whole (object, fieldPath,
   * type, reason, message, source) tuple.
   */
  readonly byObject = new Map<string, RecordedEvent>();
  /** The last object recorded for and its chain: a ReplicaSet's 5 creations, a Pod's Created + Started. */
  lastUid: string | undefined = undefined;
  lastFirst: RecordedEvent | undefined = undefined;
  /** The clock when the recorder started, the origin of the entries' correlator times. */
  readonly t0: number;
  /**
   * The Events' uids: four words of `rng` each, in creation order, drawn only when an Event is
   * read (LazyWords; nothing else draws from `rng`).
   */
  readonly uids: LazyWords;
  /** The last creation instant handed out, as Unix ms and the nanoseconds beyond it. */
  private lastMs = Number.NEGATIVE_INFINITY;
  private lastSub = 0;
  private lastNanos = -1n; // the BigInt path's, for clocks outside the fast range
  /** `lastNanos < 0n`, kept as a boolean: the fast path asks it per Event. */
  private nanosNegative = true;
  constructor(
    readonly store: Store,
    readonly clock: Clock,
    readonly rng: Rng,
  ) {
    this.t0 = clock.now();
    this.uids = new LazyWords(rng);
  }

  /**
   * client-go's recorder names an Event `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`. The
   * simulated clock ticks in milliseconds, so two Events can share an instant; each later one
   * takes the next nanosecond (a per-recorder counter) so names stay unique and sort by creation.
   * Leaves the instant in HI, LO; returns the whole name only off the fast range.
   */
  private creation(prefix: string): string | undefined {
    const ms = this.clock.now();
    if (Number.isInteger(ms) && ms >= 0 && ms < FAST_MS_LIMIT && this.nanosNegative) {
      if (ms > this.lastMs) {
        this.lastMs = ms;
        this.lastSub = 0;
      } else if (++this.lastSub === 1_000_000) {
        this.lastMs += 1;
        this.lastSub = 0;
      }
      splitNanos(this.lastMs, this.lastSub); // the name is spelled from HI, LO when read
      return undefined;
    }
    // Outside the fast range (never with the simulated clock): exact BigInt arithmetic, carrying
    // on from the last instant handed out either way.
    if (this.lastNanos < 0n && this.lastMs >= 0)
      this.lastNanos = BigInt(this.lastMs) * 1_000_000n + BigInt(this.lastSub);
    let ns = BigInt(ms) * 1_000_000n;
    if (ns <= this.lastNanos) ns = this.lastNanos + 1n;
    this.lastNanos = ns;
    this.nanosNegative = ns < 0n;
    return flat(`${prefix}.${ns.toString(16).padStart(16, '0')}`);
  }

  /**
   * Per reason: the last message, as one flat copy — callers build messages with template literals
   * (cons-string trees), and one reason's Events mostly repeat one message ("Started container
   * web" for every Pod), which then costs a string compare instead of a hash lookup — and the
   * EventKinds recorded with it (a handful: one per source, type and container). One lookup each.
   */
  private readonly reasons = new Map<string, { message: string; kinds: EventKind[] }>();

  /** The interned EventKind for these four (the source by identity). */
  private kindOf(
    kinds: EventKind[],
    type: 'Normal' | 'Warning',
    reason: string,
    source: Source,
    fieldPath: string | undefined,
  ): EventKind {
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i] as EventKind;
      if (k.source === source && k.type === type && k.fieldPath === fieldPath) return k;
    }
    const k = new EventKind(type, reason, source, fieldPath, this.uids);
    // A caller making a source object per call (node-taints) would grow the list without end:
    // past a bound, such kinds are simply not shared.
    if (kinds.length < 64) kinds.push(k);
    return k;
  }

  /**
   * `fieldPath` is the involvedObject's: the part of `obj` the Event is about, as the kubelet's
   * container references spell it (`spec.containers{web}`, pkg/kubelet/container/ref.go); left
   * out for an Event about the whole object. Callers pass one shared string per container, so a
   * repeat compares by identity first and the Event holds no copy.
   */
  record(
    obj: K8sObject,
    type: 'Normal' | 'Warning',
    reason: string,
    rawMessage: string,
    source: Source,
    fieldPath?: string,
  ): void {
    let r = this.reasons.get(reason);
    if (r === undefined) {
      r = { message: flat(rawMessage), kinds: [] };
      this.reasons.set(reason, r);
    } else if (r.message !== rawMessage) r.message = flat(rawMessage);
    const message = r.message;
    const kind = this.kindOf(r.kinds, type, reason, source, fieldPath);
    if (latePartsLoaded()) {
      late().correlateEvent(this, obj, kind, message);
      return;
    }
    const ns = obj.metadata.namespace ?? 'default';
    const now = rfc3339(this.clock.now());
    const uid = obj.metadata.uid;
    const host = kind.host;
    const first = uid === this.lastUid ? this.lastFirst : this.byObject.get(uid);
    let tail: RecordedEvent | undefined;
    for (let e = first; e !== undefined; e = e.next) {
      tail = e;
      const k = e.kind;
      if (
        e.message !== message ||
        (k !== kind &&
          (k.type !== type ||
            k.reason !== reason ||
            k.fieldPath !== fieldPath ||
            k.source.component !== source.component ||
            k.host !== host))
      )
        continue;
      if (e.live) {
        e.count += 1;
        e.last = now;
        this.store.touchLazy('Event', ns, e);
        return;
      }
      // Replaced through the API since: aggregate into it only if it still matches.
      const existing = this.store.get('Event', ns, e.key());
      const s = existing as unknown as StoredEvent | undefined;
      if (
        existing &&
        s &&
        s.involvedObject?.uid === uid &&
        s.involvedObject.fieldPath === fieldPath &&
        s.type === type &&
        s.reason === reason &&
        s.message === message &&
        s.source?.component === source.component &&
        (s.source?.host ?? '') === host
      ) {
        this.store.put({ ...existing, count: (s.count ?? 1) + 1, lastTimestamp: now } as K8sObject);
        return;
      }
    }
    this.store.addLazy('Event', ns, this.create(obj, kind, message, now, first, tail));
  }

  /**
   * A new entry (of class `Entry`: RecordedEvent or a NamedEvent class) for an Event first seen
   * now, named for this instant and with the next uid of the stream (its position: drawn when
   * read), chained after `tail` of the object's chain starting at `first`.
   */
  create(
    obj: K8sObject,
    kind: EventKind,
    message: string,
    now: string,
    first: RecordedEvent | undefined,
    tail: RecordedEvent | undefined,
    Entry: typeof RecordedEvent = RecordedEvent,
  ): RecordedEvent {
    const meta = obj.metadata;
    const name = this.creation(meta.name);
    const nhi = HI | 0; // int32 halves stay small integers (unboxed) in the entry
    const nlo = LO | 0;
    const uid = meta.uid;
    const prev = first?.involved;
    const involved: Involved =
      prev &&
      prev.apiVersion === obj.apiVersion &&
      prev.kind === obj.kind &&
      prev.name === meta.name &&
      prev.namespace === meta.namespace
        ? prev
        : { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: meta.namespace, uid };
    // A name off the fast range needs an entry that keeps it (the correlator's own kinds all do).
    const E = name !== undefined && Entry === RecordedEvent ? NamedEvent : Entry;
    const e = new E(nhi, nlo, involved, involvedRv(obj), kind, message, now, now, 1, this.uids.take(4));
    if (name !== undefined) (e as NamedEvent).name = name;
    if (tail) tail.next = e;
    else this.byObject.set(uid, e);
    this.lastUid = uid;
    this.lastFirst = first ?? e;
    return e;
  }
}
