// Event recording (client-go record.EventRecorder): one v1 Event per (object, type, reason,
// message, source); a repeat bumps count and lastTimestamp instead of adding a new Event.
// Event names are `<object>.<16 hex digits>` as the real recorder makes them.
//
// The recorder stores each Event as a RecordedEvent, a lazy store entry of a few fields that the
// store turns into the whole v1 Event on its first read (see LazyObject): at the benchmark's
// 31,000 Events, building and copying full objects nobody reads was most of the recording cost
// and a quarter of the heap. No controller watches Events, so their writes reach only the
// change collector (Store.addLazy / touchLazy), and each waits unnamed until something reads it.
import type { K8sObject } from '../api/types';
import { rfc3339 } from '../runtime/clock';
import type { Clock, EventRecorder, Rng } from '../runtime/interfaces';
import { flat, uuid, word32 } from '../runtime/rng';
import { LazyObject, type Store } from './store';

type Source = { component: string; host?: string };

/**
 * The events stream's uids, drawn when an Event is first read instead of when it is recorded:
 * nothing else draws from the recorder's rng, so the k-th Event recorded takes the k-th four
 * words of the stream whenever they are drawn, and reading any Event draws (and keeps) the words
 * of every Event recorded before it that has none yet. Recording 31,000 Events no one reads then
 * draws nothing and keeps one number per Event instead of four.
 */
class UidStream {
  private words = new Int32Array(0);
  /** How many Events' words are drawn (they are, in order, for Events 0 … drawn - 1). */
  private drawn = 0;
  constructor(private readonly rng: Rng) {}
  uid(seq: number): string {
    if (seq >= this.drawn) {
      if (4 * (seq + 1) > this.words.length) {
        const grown = new Int32Array(Math.max(4 * (seq + 1), 2 * this.words.length));
        grown.set(this.words);
        this.words = grown;
      }
      const w = this.words;
      for (let i = 4 * this.drawn, end = 4 * (seq + 1); i < end; i++) w[i] = word32(this.rng) | 0;
      this.drawn = seq + 1;
    }
    const w = this.words;
    const i = 4 * seq;
    return uuid(new Replay([w[i] as number, w[i + 1] as number, w[i + 2] as number, w[i + 3] as number]));
  }
}

/**
 * The involved object's reference fields, shared by the Events of one object; the one the
 * recorder holds for a uid also heads that uid's chain of Events.
 */
interface Involved {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  uid: string;
  /** Where these Events' uids come from (the recorder's stream): shared, not kept per Event. */
  uids: UidStream;
  /** The uid's Events, oldest first (chained by `next`), while this is the one held for it. */
  head: RecordedEvent | undefined;
  tail: RecordedEvent | undefined;
  /** A bit (reasonBit) for every reason among them: no bit, no Event to aggregate into. */
  reasons: number;
}

/** What the recorder keeps per reason: its bit in Involved.reasons, and its last message. */
interface ReasonState {
  readonly bit: number;
  message: string | undefined;
}

/** An Rng that hands back four recorded 32-bit words: `uuid` over it spells the uid drawn then. */
class Replay implements Rng {
  private i = 0;
  constructor(private readonly words: readonly number[]) {}
  next(): number {
    return ((this.words[this.i++] as number) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  fork(): Rng {
    throw new Error('Replay cannot fork');
  }
}

/** The fields an Event is compared on when the recorder looks for one to aggregate into. */
interface StoredEvent {
  involvedObject?: { uid?: string };
  type?: string;
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  count?: number;
}

export class RecordedEvent extends LazyObject {
  // The fields the recorder compares when it walks an object's Events come first (one cache line
  // of an object the walk finds cold, at the benchmark's scale), `reason` before the rest.
  // `declare`d and assigned in the constructor, in this order: a class field would be defined
  // (as undefined) on every entry before the constructor's own assignment.
  /** The next Event recorded for the same object uid (the recorder's per-object chain). */
  declare next: RecordedEvent | undefined;
  declare readonly reason: string;
  declare readonly type: 'Normal' | 'Warning';
  declare readonly message: string;
  declare readonly source: Source;
  declare count: number;
  declare last: string;
  declare readonly involved: Involved;
  /** The Event's place in the recorder's uid stream (see UidStream). */
  declare private readonly seq: number;
  /** The creation nanoseconds as int32 halves (small integers stay unboxed); spelled on read. */
  declare private readonly nhi: number;
  declare private readonly nlo: number;
  /** Spelled from the creation nanoseconds (nhi, nlo) on the first `key()` unless given. */
  declare private name: string | undefined;
  declare readonly involvedRv: string | undefined;
  declare readonly fieldPath: string | undefined;
  declare readonly first: string;
  constructor(
    name: string | undefined,
    nhi: number,
    nlo: number,
    involved: Involved,
    involvedRv: string | undefined,
    fieldPath: string | undefined,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: Source,
    now: string,
    seq: number,
  ) {
    super();
    this.next = undefined;
    this.reason = reason;
    this.type = type;
    this.message = message;
    this.source = source;
    this.count = 1;
    this.last = now;
    this.involved = involved;
    this.seq = seq;
    this.nhi = nhi;
    this.nlo = nlo;
    this.name = name;
    this.involvedRv = involvedRv;
    this.fieldPath = fieldPath;
    this.first = now;
  }

  /** `<object>.<creation Unix nanoseconds in 16 hex digits>`. */
  key(): string {
    let n = this.name;
    if (n === undefined) {
      n = nameOf(this.involved.name, this.nhi >>> 0, this.nlo >>> 0);
      this.name = n;
    }
    return n;
  }

  /** Field for field (and key order) the object the recorder used to write. */
  protected build(resourceVersion: string): K8sObject {
    const inv = this.involved;
    const involvedObject: Record<string, unknown> = {
      apiVersion: inv.apiVersion,
      kind: inv.kind,
      name: inv.name,
    };
    if (inv.namespace !== undefined) involvedObject.namespace = inv.namespace;
    involvedObject.uid = inv.uid;
    involvedObject.resourceVersion = this.involvedRv;
    if (this.fieldPath !== undefined) involvedObject.fieldPath = this.fieldPath;
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: this.key(),
        namespace: inv.namespace ?? 'default',
        uid: inv.uids.uid(this.seq),
        resourceVersion,
        creationTimestamp: this.first,
      },
      involvedObject,
      reason: this.reason,
      message: this.message,
      source: this.source,
      firstTimestamp: this.first,
      lastTimestamp: this.last,
      count: this.count,
      type: this.type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    };
    return event as unknown as K8sObject;
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
   * as it now stands, so this behaves exactly like a map keyed by the whole (object, type, reason,
   * message, source) tuple.
   */
  private readonly byObject = new Map<string, Involved>();
  /** The last object recorded for and its chain: a ReplicaSet's 5 creations, a Pod's Created + Started. */
  private lastUid: string | undefined = undefined;
  private lastChain: Involved | undefined = undefined;
  /** Reason → its bit in Involved.reasons (the 31st and later reasons share the top bit), last message. */
  private readonly reasons = new Map<string, ReasonState>();
  /** The last creation instant handed out, as Unix ms and the nanoseconds beyond it. */
  private lastMs = Number.NEGATIVE_INFINITY;
  private lastSub = 0;
  private lastNanos = -1n; // the BigInt path's, for clocks outside the fast range
  /** The uids of the Events recorded here, drawn from `rng` on first read (UidStream). */
  private readonly uids: UidStream;
  /** How many Events were created here: the next one's place in `uids`. */
  private created = 0;
  /** The object last recorded for (often recorded for again at once) and its Involved. */
  private lastObj: K8sObject | undefined = undefined;
  private lastInvolved: Involved | undefined = undefined;
  /** lastObj's first container name, once read (undefined: not yet). */
  private lastContainer: string | undefined = undefined;
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    rng: Rng,
  ) {
    this.uids = new UidStream(rng);
  }

  /**
   * client-go's recorder names an Event `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`. The
   * simulated clock ticks in milliseconds, so two Events can share an instant; each later one
   * takes the next nanosecond (a per-recorder counter) so names stay unique and sort by creation.
   * Leaves the instant in HI, LO; returns the whole name only off the fast range.
   */
  private creation(prefix: string): string | undefined {
    const ms = this.clock.now();
    if (Number.isInteger(ms) && ms >= 0 && ms < FAST_MS_LIMIT && this.lastNanos < 0n) {
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
    return flat(`${prefix}.${ns.toString(16).padStart(16, '0')}`);
  }

  /**
   * The last message of a reason (`r.message`), as one flat copy: callers build messages with
   * template literals (cons-string trees), and one reason's Events mostly repeat one message
   * ("Started container web" for every Pod), which then costs a string compare instead of a hash
   * lookup.
   */
  private message(r: ReasonState, raw: string): string {
    const prev = r.message;
    if (prev === raw) return prev;
    const v = flat(raw);
    r.message = v;
    return v;
  }

  /** `spec.containers{<name>}` for the last container name seen, shared by that name's Events. */
  private fieldPathName: string | undefined = undefined;
  private fieldPathText = '';
  private fieldPath(container: string): string {
    if (container !== this.fieldPathName) {
      this.fieldPathName = container;
      this.fieldPathText = flat(`spec.containers{${container}}`);
    }
    return this.fieldPathText;
  }

  record(
    obj: K8sObject,
    type: 'Normal' | 'Warning',
    reason: string,
    rawMessage: string,
    source: Source,
  ): void {
    let r = this.reasons.get(reason);
    if (r === undefined) {
      r = { bit: 1 << Math.min(this.reasons.size, 30), message: undefined };
      this.reasons.set(reason, r);
    }
    const bit = r.bit;
    const message = this.message(r, rawMessage);
    // Objects of every kind and shape come here: each of their fields is read once.
    const meta = obj.metadata;
    const ns = meta.namespace ?? 'default';
    const now = rfc3339(this.clock.now());
    const uid = meta.uid;
    const host = source.host ?? '';
    const chain = uid === this.lastUid ? this.lastChain : this.byObject.get(uid);
    // Only a chain holding an Event with this reason can hold one to aggregate into: the walk
    // (through entries long out of cache at the benchmark's scale) is skipped otherwise.
    if (chain !== undefined && (chain.reasons & bit) !== 0)
      for (let e = chain.head; e !== undefined; e = e.next) {
        if (
          e.reason !== reason ||
          e.type !== type ||
          e.message !== message ||
          e.source.component !== source.component ||
          (e.source.host ?? '') !== host
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
    const objName = meta.name;
    const name = this.creation(objName);
    const nhi = HI | 0; // int32 halves stay small integers (unboxed) in the entry
    const nlo = LO | 0;
    let involved: Involved;
    const held = this.lastInvolved;
    if (obj === this.lastObj && held !== undefined && held === chain) involved = held;
    else {
      const apiVersion = obj.apiVersion;
      const kind = obj.kind;
      const objNs = meta.namespace;
      involved =
        chain &&
        chain.apiVersion === apiVersion &&
        chain.kind === kind &&
        chain.name === objName &&
        chain.namespace === objNs
          ? chain
          : {
              apiVersion,
              kind,
              name: objName,
              namespace: objNs,
              uid,
              uids: this.uids,
              // Other reference fields under the same uid: the chain carries on from here.
              head: chain?.head,
              tail: chain?.tail,
              reasons: chain?.reasons ?? 0,
            };
      this.lastObj = obj;
      this.lastInvolved = involved;
      this.lastContainer = undefined;
    }
    // involved.kind is obj.kind (held was made or matched for this very object).
    let fieldPath: string | undefined;
    if (involved.kind === 'Pod' && reason !== 'Scheduled' && source.component === 'kubelet') {
      let c = this.lastContainer; // the first container's name, read once per object
      if (c === undefined) {
        c = (obj.spec?.containers?.[0]?.name ?? '') as string;
        this.lastContainer = c;
      }
      fieldPath = this.fieldPath(c);
    }
    const e = new RecordedEvent(
      name,
      nhi,
      nlo,
      involved,
      meta.resourceVersion,
      fieldPath,
      type,
      reason,
      message,
      source,
      now,
      this.created++,
    );
    const tail = involved.tail;
    if (tail !== undefined) tail.next = e;
    else involved.head = e;
    involved.tail = e;
    involved.reasons |= bit;
    if (involved !== chain) this.byObject.set(uid, involved);
    this.lastUid = uid;
    this.lastChain = involved;
    this.store.addLazy('Event', ns, e);
  }
}
