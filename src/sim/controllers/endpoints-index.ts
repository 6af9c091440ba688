// Informer-style indexes for the Endpoints / EndpointSlice / mirroring controllers, kept current
// from watch events (net/index.ts feeds them), so that one Pod or Service change costs work
// proportional to what it touches instead of a scan of the namespace:
// - Pods by `key=value` label (a selector reconcile visits only Pods carrying its rarest label),
//   with a record per Pod holding its current object and the entries last built for it (the
//   informer cache: a reconcile reads no store entry per Pod);
// - selector Services by one of their selector labels (Pod → Services without testing every
//   Service, like the real controller's cached selectors in pkg/controller/util/endpoint), and
//   by workqueue key with what the controllers derive from the Service object alone;
// - EndpointSlices by (Service name, managed-by), the current objects (the real controllers'
//   slice tracker).
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSlice,
  EndpointSliceEndpoint,
  Labels,
  ObjectReference,
  Pod,
  Service,
} from '../api/types';
import type { WatchEvent } from '../runtime/interfaces';
import {
  isPodReady,
  isTerminal,
  isTerminating,
  MANAGED_BY,
  SERVICE_NAME_LABEL,
  sameLabelSet,
  selectorMatches,
  sortSmall,
} from './endpoints-util';

/** A set of names with a stamp that moves whenever a name is added or removed. */
class NameSet extends Set<string> {
  stamp = 0;
  /** Still filed under its label (false once emptied and dropped). */
  live = true;
}

/** Names by namespace → label key → label value, in nested maps (no key strings built per lookup). */
class LabelSets {
  private readonly byNs = new Map<string, Map<string, Map<string, NameSet>>>();
  /** Stamps are drawn from one counter, so a set emptied, dropped and made again gets a new one. */
  private stamps = 0;

  get(ns: string, k: string, v: string): NameSet | undefined {
    return this.byNs.get(ns)?.get(k)?.get(v);
  }

  add(ns: string, k: string, v: string, name: string): void {
    let byKey = this.byNs.get(ns);
    if (!byKey) {
      byKey = new Map();
      this.byNs.set(ns, byKey);
    }
    let byValue = byKey.get(k);
    if (!byValue) {
      byValue = new Map();
      byKey.set(k, byValue);
    }
    let set = byValue.get(v);
    if (!set) {
      set = new NameSet();
      byValue.set(v, set);
    }
    set.add(name);
    set.stamp = ++this.stamps;
  }

  remove(ns: string, k: string, v: string, name: string): void {
    const byKey = this.byNs.get(ns);
    const byValue = byKey?.get(k);
    const set = byValue?.get(v);
    if (!byKey || !byValue || !set) return;
    set.delete(name);
    set.stamp = ++this.stamps;
    if (set.size) return;
    set.live = false;
    byValue.delete(v);
    if (byValue.size) return;
    byKey.delete(k);
    if (byKey.size === 0) this.byNs.delete(ns);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** The Pods a selector matched, with the label sets (and their stamps) the answer came from. */
export interface SelectorAnswer {
  ns: string;
  sets: (NameSet | undefined)[];
  stamps: number[];
  recs: PodRec[];
}

/**
 * One Pod as the watch events last showed it (the store's current object: every write emits one),
 * what the Endpoints and EndpointSlice controllers read of it, and what they last built for it.
 * The facts are read when the event files the Pod (its object was just written, so it is still
 * in the processor's cache) and the reconciles read them instead of the Pod: computed once per
 * Pod event, shared by both controllers and every Service selecting the Pod. The entries depend
 * on the Pod alone (when it has no hostname for the Service), so they are built once per change
 * of what they show and shared by the successive objects written; a change drops them here.
 */
export class PodRec {
  pod: Pod;
  /** status.podIP. */
  ip: string | undefined = undefined;
  /** IsPodReady. */
  ready = false;
  /** deletionTimestamp set. */
  terminating = false;
  /** Phase Succeeded or Failed. */
  terminal = false;
  /** spec.nodeName, undefined when empty. */
  nodeName: string | undefined = undefined;
  /** spec.hostname, undefined when empty, and spec.subdomain (the Service that gives it). */
  hostname: string | undefined = undefined;
  subdomain: string | undefined = undefined;
  uid = '';
  /** The Endpoints address last built for the Pod without a hostname. */
  addr: EndpointAddress | undefined = undefined;
  /** The slice endpoint last built for the Pod without a hostname, and its conditions. */
  ep: EndpointSliceEndpoint | undefined = undefined;
  epConditions: EndpointSliceEndpoint['conditions'] | undefined = undefined;
  /** The targetRef both carry. */
  ref: ObjectReference | undefined = undefined;

  constructor(pod: Pod) {
    this.pod = pod;
    this.readMetadata(pod);
    this.readSpec(pod);
    this.readStatus(pod);
  }

  /**
   * The Pod's next object: the facts are read again from the parts it replaced (a write replaces
   * only what it changes: the kubelet's status updates keep metadata and spec) and entries that
   * no longer hold are dropped.
   */
  set(pod: Pod): void {
    const old = this.pod;
    this.pod = pod;
    if (pod.metadata !== old.metadata) this.readMetadata(pod);
    if (pod.spec !== old.spec) this.readSpec(pod);
    if (pod.status !== old.status) this.readStatus(pod);
  }

  // An address shows the IP, node and targetRef (uid); a slice endpoint also its conditions.
  private readMetadata(pod: Pod): void {
    const uid = pod.metadata.uid;
    const terminating = isTerminating(pod);
    if (uid !== this.uid) {
      this.addr = undefined;
      this.ep = undefined;
      this.ref = undefined;
    }
    if (terminating !== this.terminating) this.ep = undefined;
    this.uid = uid;
    this.terminating = terminating;
  }

  private readSpec(pod: Pod): void {
    const nodeName = pod.spec.nodeName || undefined;
    if (nodeName !== this.nodeName) {
      this.addr = undefined;
      this.ep = undefined;
    }
    this.nodeName = nodeName;
    this.hostname = pod.spec.hostname || undefined;
    this.subdomain = pod.spec.subdomain;
  }

  private readStatus(pod: Pod): void {
    const ip = pod.status?.podIP;
    const ready = isPodReady(pod);
    if (ip !== this.ip) {
      this.addr = undefined;
      this.ep = undefined;
    }
    if (ready !== this.ready) this.ep = undefined;
    this.ip = ip;
    this.ready = ready;
    this.terminal = isTerminal(pod);
  }
}

/**
 * Pod names by namespace and `key=value` label, kept current from watch events, so a selector
 * reconcile touches only the Pods carrying its rarest label instead of the whole namespace. The
 * labels to unfile come from the event itself (a MODIFIED event carries the previous object, a
 * DELETED one the last state). Each Pod's record (PodRec) holds its current object, so a
 * reconcile reads the selected Pods without a store lookup per Pod.
 */
export class PodLabelIndex {
  private readonly byLabel = new LabelSets();
  private readonly recs = new Map<string, Map<string, PodRec>>(); // ns → name → record
  /**
   * The records a selector object matched, with the label sets they were computed from (one per
   * selector pair, in the selector's order) and those sets' stamps then (weak: dropped with the
   * Service). The answer is the intersection of those sets, in the order of the smallest: while
   * none of them has gained or lost a name it stands.
   */
  private readonly bySelector = new WeakMap<Labels, SelectorAnswer>();

  apply(ev: WatchEvent): void {
    if (ev.kind !== 'Pod') return;
    const ns = ev.object.metadata.namespace ?? 'default';
    const name = ev.object.metadata.name;
    let inNs = this.recs.get(ns);
    if (ev.type === 'DELETED') {
      if (inNs?.delete(name) && inNs.size === 0) this.recs.delete(ns);
    } else {
      const rec = inNs?.get(name);
      if (rec !== undefined) rec.set(ev.object as Pod);
      else {
        if (inNs === undefined) {
          inNs = new Map();
          this.recs.set(ns, inNs);
        }
        inNs.set(name, new PodRec(ev.object as Pod));
      }
    }
    const before =
      ev.type === 'ADDED' ? undefined : (ev.type === 'DELETED' ? ev.object : ev.old)?.metadata.labels;
    const after = ev.type === 'DELETED' ? undefined : ev.object.metadata.labels;
    if (before !== undefined && after !== undefined && sameLabelSet(before, after)) return; // most Pod updates are status-only
    if (before) for (const k in before) this.byLabel.remove(ns, k, before[k] as string, name);
    if (after) for (const k in after) this.byLabel.add(ns, k, after[k] as string, name);
  }

  /**
   * Records of the Pods whose labels `selector` matches, in candidate order, kept for that
   * selector object while the label sets it reads are unchanged. Status updates, most Pod
   * events, change no set (a record's `pod` follows them), and Pods of other Services touch other
   * sets, so the Endpoints and EndpointSlice reconciles of a Service share one answer across
   * most Pod updates. The array is shared: never modify it.
   */
  selectedRecs(ns: string, selector: Labels, holder?: { selection?: SelectorAnswer }): readonly PodRec[] {
    // A reconcile passes its Service's entry, which keeps the answer (no WeakMap lookup).
    const cached = holder !== undefined ? holder.selection : this.bySelector.get(selector);
    if (cached !== undefined && cached.ns === ns && this.unchanged(ns, selector, cached)) return cached.recs;
    const recs: PodRec[] = [];
    const sets: (NameSet | undefined)[] = [];
    const stamps: number[] = [];
    let best: NameSet | undefined;
    let none = false;
    for (const k in selector) {
      const set = this.byLabel.get(ns, k, selector[k] as string);
      sets.push(set);
      stamps.push(set?.stamp ?? 0);
      if (!set) none = true;
      else if (!best || set.size < best.size) best = set;
    }
    const inNs = this.recs.get(ns);
    if (!none && best !== undefined && inNs !== undefined) {
      best.forEach((name) => {
        const rec = inNs.get(name);
        if (rec !== undefined && selectorMatches(selector, rec.pod.metadata.labels)) recs.push(rec);
      });
    }
    const answer = { ns, sets, stamps, recs };
    if (holder !== undefined) holder.selection = answer;
    else this.bySelector.set(selector, answer);
    return recs;
  }

  /**
   * Whether the label sets `selector` reads are the ones `answer` was computed from, unchanged: a
   * set still filed is checked by its stamp alone; a pair that had no set is looked up again.
   */
  private unchanged(ns: string, selector: Labels, answer: SelectorAnswer): boolean {
    const sets = answer.sets;
    let missing = false;
    for (let i = 0; i < sets.length; i++) {
      const set = sets[i];
      if (set === undefined) missing = true;
      else if (!set.live || set.stamp !== answer.stamps[i]) return false;
    }
    if (!missing) return true;
    let i = 0;
    for (const k in selector) {
      if (sets[i] === undefined && this.byLabel.get(ns, k, selector[k] as string) !== undefined) return false;
      i++;
    }
    return true;
  }

  /** Names of the Pods carrying the selector's rarest label (a superset of the matches). */
  candidates(ns: string, selector: Labels): ReadonlySet<string> {
    let best: Set<string> | undefined;
    for (const k in selector) {
      const set = this.byLabel.get(ns, k, selector[k] as string);
      if (!set) return EMPTY;
      if (!best || set.size < best.size) best = set;
    }
    return best ?? EMPTY;
  }
}

/**
 * A Service as the index knows it (its current object), with what the controllers derive from
 * that object alone, built on first use and dropped with the entry when the Service changes.
 */
export interface ServiceEntry {
  readonly svc: Service;
  readonly ns: string;
  readonly name: string;
  /** The labels of its Endpoints (never modified: shared by the objects written). */
  endpointsLabels?: Record<string, string>;
  /** The labels of its EndpointSlices. */
  sliceLabels?: Record<string, string>;
  /** The Endpoints subset ports when every target port is a number (shared, never modified). */
  subsetPorts?: EndpointPort[];
  /** The slice ports when every target port is a number (shared, never modified). */
  slicePorts?: EndpointPort[];
  /** numericTargetPorts(svc). */
  numeric?: boolean;
  /** spec.publishNotReadyAddresses === true. */
  publish?: boolean;
  /**
   * The index's map of the Service's own EndpointSlices (SliceIndex.slices), kept while not
   * empty: a map the index has dropped is empty and never written again, so a non-empty one is
   * the live one.
   */
  ownSlices?: ReadonlyMap<string, EndpointSlice>;
  /** The answer of PodLabelIndex.selectedRecs for its selector (kept here, not per selector object). */
  selection?: SelectorAnswer;
}

interface Entry extends ServiceEntry {
  seq: number;
  selector: Labels;
  /** The workqueue key `ns/name`, built once (a Pod event hands it out instead of a new string). */
  key: string;
  /** `[key]`, the answer for a Pod only this Service selects (shared, never modified). */
  only: readonly string[];
  /** The selector pair it is filed under. */
  at?: [string, string];
}

const NO_KEYS: readonly string[] = []; // shared: never modified (not frozen: the workqueue iterates it)

/**
 * Selector Services by namespace and one `key=value` pair of their selector (a Pod they select
 * must carry it), with a sequence number that reproduces the store's iteration order (Map
 * insertion order: kept on update, last after a re-create), so the keys a Pod event enqueues come
 * out in the same order as a scan of the namespace would give.
 */
export class ServiceSelectorIndex {
  private readonly byLabel = new LabelSets();
  private readonly entries = new Map<string, Map<string, Entry>>(); // ns → name → entry
  /** The same entries by workqueue key `ns/name` (what a reconcile is handed). */
  private readonly byKey = new Map<string, Entry>();
  private seq = 0;

  /** Moves on every Service event: answers cached before it are stale. */
  private version = 0;
  /**
   * The last answer per Pod labels object. The Pods of one ReplicaSet share their template's
   * labels object, and a Pod keeps it across its status updates, so almost every Pod event asks
   * about a labels object asked about before (weak: dropped with the last Pod holding it).
   */
  private readonly byLabels = new WeakMap<Labels, { version: number; ns: string; keys: readonly string[] }>();

  apply(ev: WatchEvent): void {
    if (ev.kind !== 'Service') return;
    this.version++;
    const ns = ev.object.metadata.namespace ?? 'default';
    const name = ev.object.metadata.name;
    let inNs = this.entries.get(ns);
    const prev = inNs?.get(name);
    if (prev?.at) this.byLabel.remove(ns, prev.at[0], prev.at[1], name);
    if (ev.type === 'DELETED') {
      inNs?.delete(name);
      if (prev) this.byKey.delete(prev.key);
      return;
    }
    const svc = ev.object as Service;
    const selector = svc.spec.type !== 'ExternalName' ? (svc.spec.selector ?? {}) : {};
    const first = Object.entries(selector)[0];
    const key = prev?.key ?? `${ns}/${name}`;
    const entry: Entry = {
      svc,
      ns,
      name,
      seq: prev?.seq ?? this.seq++,
      selector,
      key,
      only: prev?.only ?? [key],
    };
    if (first) {
      entry.at = first;
      this.byLabel.add(ns, first[0], first[1], name);
    }
    if (!inNs) {
      inNs = new Map();
      this.entries.set(ns, inNs);
    }
    inNs.set(name, entry);
    this.byKey.set(key, entry);
  }

  /** The Service under workqueue key `ns/name`, as the last watch event showed it. */
  entry(key: string): ServiceEntry | undefined {
    return this.byKey.get(key);
  }

  /**
   * Keys (`ns/name`) of the selector Services in `ns` whose selector matches `labels` or
   * `oldLabels`, in store order. The array is shared and must not be modified.
   */
  keysMatching(ns: string, labels: Labels | undefined, oldLabels?: Labels): readonly string[] {
    if (labels === undefined || oldLabels !== undefined) return this.match(ns, labels, oldLabels);
    const cached = this.byLabels.get(labels);
    if (cached !== undefined && cached.version === this.version && cached.ns === ns) return cached.keys;
    const keys = this.match(ns, labels, undefined);
    if (cached !== undefined) {
      cached.version = this.version;
      cached.ns = ns;
      cached.keys = keys;
    } else this.byLabels.set(labels, { version: this.version, ns, keys });
    return keys;
  }

  private match(ns: string, labels: Labels | undefined, oldLabels: Labels | undefined): readonly string[] {
    const inNs = this.entries.get(ns);
    if (!inNs) return NO_KEYS;
    const found = this.found;
    try {
      this.collect(ns, inNs, labels, found);
      if (oldLabels !== undefined) this.collect(ns, inNs, oldLabels, found);
      if (found.length === 0) return NO_KEYS;
      if (found.length === 1) return (found[0] as Entry).only;
      return sortSmall(found, (a, b) => a.seq - b.seq).map((e) => e.key);
    } finally {
      found.length = 0;
    }
  }

  /** Scratch for keysMatching (not re-entered). */
  private readonly found: Entry[] = [];

  private collect(ns: string, inNs: Map<string, Entry>, labels: Labels | undefined, into: Entry[]): void {
    if (!labels) return;
    const c = this.collecting;
    c.inNs = inNs;
    c.labels = labels;
    c.into = into;
    for (const k in labels) {
      // Set.forEach with a reused `this`: no iterator objects per Pod event.
      this.byLabel.get(ns, k, labels[k] as string)?.forEach(collectOne, c);
    }
    c.inNs = undefined;
  }

  private readonly collecting: Collecting = { inNs: undefined, labels: {}, into: [] };
}

interface Collecting {
  inNs: Map<string, Entry> | undefined;
  labels: Labels;
  into: Entry[];
}

function collectOne(this: Collecting, name: string): void {
  const e = this.inNs?.get(name);
  if (e && !this.into.includes(e) && selects(e.selector, this.labels)) this.into.push(e);
}

function selects(selector: Labels, labels: Labels): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

/**
 * EndpointSlices by namespace, `kubernetes.io/service-name` and managed-by: the current objects
 * (kept from the watch events, so a reconcile reads its slices without a store lookup each).
 */
export class SliceIndex {
  // namespace → Service name → manager → slice name → slice (nested maps: no key string per event).
  private readonly byOwner = new Map<string, Map<string, Map<string, Map<string, EndpointSlice>>>>();

  apply(ev: WatchEvent): void {
    if (ev.kind !== 'EndpointSlice') return;
    const ns = ev.object.metadata.namespace ?? 'default';
    const name = ev.object.metadata.name;
    const labels = ev.object.metadata.labels;
    const svc = labels?.[SERVICE_NAME_LABEL];
    const manager = labels?.[MANAGED_BY];
    const old = ev.old?.metadata.labels;
    const oldSvc = old?.[SERVICE_NAME_LABEL];
    const oldManager = old?.[MANAGED_BY];
    if (ev.type === 'MODIFIED' && oldSvc === svc && oldManager === manager) {
      // Most slice updates (new endpoints) keep both labels: the object is replaced in place.
      if (svc !== undefined && manager !== undefined)
        this.byOwner
          .get(ns)
          ?.get(svc)
          ?.get(manager)
          ?.set(name, ev.object as EndpointSlice);
      return;
    }
    if (oldSvc !== undefined && oldManager !== undefined) this.remove(ns, oldSvc, oldManager, name);
    if (svc === undefined || manager === undefined) return;
    if (ev.type === 'DELETED') this.remove(ns, svc, manager, name);
    else this.add(ns, svc, manager, name, ev.object as EndpointSlice);
  }

  private add(ns: string, svc: string, manager: string, name: string, slice: EndpointSlice): void {
    let bySvc = this.byOwner.get(ns);
    if (!bySvc) {
      bySvc = new Map();
      this.byOwner.set(ns, bySvc);
    }
    let byManager = bySvc.get(svc);
    if (!byManager) {
      byManager = new Map();
      bySvc.set(svc, byManager);
    }
    let slices = byManager.get(manager);
    if (!slices) {
      slices = new Map();
      byManager.set(manager, slices);
    }
    slices.set(name, slice);
  }

  private remove(ns: string, svc: string, manager: string, name: string): void {
    const bySvc = this.byOwner.get(ns);
    const byManager = bySvc?.get(svc);
    const slices = byManager?.get(manager);
    if (!bySvc || !byManager || !slices) return;
    slices.delete(name);
    if (slices.size) return;
    byManager.delete(manager);
    if (byManager.size) return;
    bySvc.delete(svc);
    if (bySvc.size === 0) this.byOwner.delete(ns);
  }

  /** The Service's slices written by `manager`, by name (the map is the index's: read only). */
  slices(ns: string, svcName: string, manager: string): ReadonlyMap<string, EndpointSlice> {
    return this.byOwner.get(ns)?.get(svcName)?.get(manager) ?? NO_SLICES;
  }
}

const NO_SLICES: ReadonlyMap<string, EndpointSlice> = new Map();

/** The three indexes, fed together. */
export class EndpointsIndex {
  readonly pods = new PodLabelIndex();
  readonly services = new ServiceSelectorIndex();
  readonly slices = new SliceIndex();
  /**
   * The last Pod event podServiceKeys (./endpoints) answered, and its answer: the Endpoints and
   * EndpointSlice controllers ask about each Pod event in turn (held here, with the cluster).
   */
  readonly podKeys: { ev: WatchEvent | undefined; keys: readonly string[] } = { ev: undefined, keys: [] };

  apply(ev: WatchEvent): void {
    if (ev.kind === 'Pod') this.pods.apply(ev);
    else if (ev.kind === 'Service') this.services.apply(ev);
    else if (ev.kind === 'EndpointSlice') this.slices.apply(ev);
  }
}
