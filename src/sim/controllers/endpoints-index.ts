// Informer-style indexes for the Endpoints / EndpointSlice / mirroring controllers, kept current
// from watch events (net/index.ts feeds them), so that one Pod or Service change costs work
// proportional to what it touches instead of a scan of the namespace:
// - Pods by `key=value` label (a selector reconcile visits only Pods carrying its rarest label);
// - selector Services by one of their selector labels (Pod → Services without testing every
//   Service, like the real controller's cached selectors in pkg/controller/util/endpoint);
// - EndpointSlices by (Service name, managed-by) (the real controllers' slice tracker).
import type { Labels, Pod, Service } from '../api/types';
import { refArray } from '../runtime/arrays';
import { heldKeys, NO_KEYS, type StoreReader, type WatchEvent } from '../runtime/interfaces';
import type { PodKeysMemo } from './endpoints';
import { eventPodNamespace, podLabels, sameLabelSet } from './endpoints-pod';
import { ServiceStates } from './endpoints-state';
import { MANAGED_BY, SERVICE_NAME_LABEL, selectorMatches, sortSmall } from './endpoints-util';

/** Names by namespace → label key → label value, in nested maps (no key strings built per lookup). */
class LabelSets {
  private readonly byNs = new Map<string, Map<string, Map<string, Set<string>>>>();

  get(ns: string, k: string, v: string): Set<string> | undefined {
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
      set = new Set();
      byValue.set(v, set);
    }
    set.add(name);
  }

  remove(ns: string, k: string, v: string, name: string): void {
    const byKey = this.byNs.get(ns);
    const byValue = byKey?.get(k);
    const set = byValue?.get(v);
    if (!byKey || !byValue || !set) return;
    set.delete(name);
    if (set.size) return;
    byValue.delete(v);
    if (byValue.size) return;
    byKey.delete(k);
    if (byKey.size === 0) this.byNs.delete(ns);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Pod names by namespace and `key=value` label, kept current from watch events, so a selector
 * reconcile touches only the Pods carrying its rarest label instead of the whole namespace. The
 * labels to unfile come from the event itself (a MODIFIED event carries the previous object, a
 * DELETED one the last state), so nothing per Pod is kept besides the label sets.
 */
export class PodLabelIndex {
  private readonly byLabel = new LabelSets();
  /** Moves whenever a Pod is filed or unfiled (created, deleted, relabelled). */
  private version = 0;
  /** The names a selector object matched, until the next move (weak: dropped with the Service). */
  private readonly bySelector = new WeakMap<Labels, { version: number; ns: string; names: string[] }>();

  apply(ev: WatchEvent): void {
    // A status-only write (WatchEvent.statusWrite) keeps the previous version's metadata object:
    // the same labels.
    if (ev.kind !== 'Pod' || ev.statusWrite) return;
    // Views: the fields, without building the Pod objects (see WatchEvent.view).
    const pod = ev.view as Pod;
    const was =
      ev.type === 'ADDED' ? undefined : ((ev.type === 'DELETED' ? pod : ev.oldView) as Pod | undefined);
    const before = was && podLabels(was);
    const after = ev.type === 'DELETED' ? undefined : podLabels(pod);
    if (before !== undefined && after !== undefined && sameLabelSet(before, after)) return; // most Pod updates are status-only
    // The name only now, as the store read it (WatchEvent.name/namespace: no metadata load).
    const ns = eventPodNamespace(ev);
    const name = ev.name;
    this.version++;
    if (before) for (const k in before) this.byLabel.remove(ns, k, before[k] as string, name);
    if (after) for (const k in after) this.byLabel.add(ns, k, after[k] as string, name);
  }

  /**
   * Names of the Pods whose labels `selector` matches (read from `store`), in candidate order,
   * kept for that selector object until a Pod is filed or unfiled. Status updates, most Pod
   * events, move nothing, so the Endpoints and EndpointSlice reconciles of a Service share one
   * answer across many Pod updates.
   */
  selectedNames(ns: string, selector: Labels, store: StoreReader): readonly string[] {
    const cached = this.bySelector.get(selector);
    if (cached !== undefined && cached.version === this.version && cached.ns === ns) return cached.names;
    const names: string[] = [];
    this.candidates(ns, selector).forEach((name) => {
      const o = store.view('Pod', ns, name);
      if (o !== undefined && selectorMatches(selector, podLabels(o as Pod))) names.push(name);
    });
    this.bySelector.set(selector, { version: this.version, ns, names });
    return names;
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

interface Entry {
  seq: number;
  selector: Labels;
  /** The workqueue key `ns/name`, built once (a Pod event hands it out instead of a new string). */
  key: string;
  /** `[key]`, the answer for a Pod only this Service selects (shared, never modified; HeldKeys). */
  only: readonly string[];
  /** The selector pair it is filed under. */
  at?: [string, string];
}

/**
 * Selector Services by namespace and one `key=value` pair of their selector (a Pod they select
 * must carry it), with a sequence number that reproduces the store's iteration order (Map
 * insertion order: kept on update, last after a re-create), so the keys a Pod event enqueues come
 * out in the same order as a scan of the namespace would give.
 */
export class ServiceSelectorIndex {
  private readonly byLabel = new LabelSets();
  private readonly entries = new Map<string, Map<string, Entry>>(); // ns → name → entry
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
      return;
    }
    const svc = ev.object as Service;
    const selector = svc.spec.type !== 'ExternalName' ? (svc.spec.selector ?? {}) : {};
    const first = Object.entries(selector)[0];
    const key = prev?.key ?? `${ns}/${name}`;
    const entry: Entry = {
      seq: prev?.seq ?? this.seq++,
      selector,
      key,
      only: prev?.only ?? heldKeys(key),
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
  private readonly found: Entry[] = refArray();

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

/** EndpointSlice names by namespace, `kubernetes.io/service-name` and managed-by. */
export class SliceIndex {
  // namespace → Service name → manager → slice names (nested maps: no key string per event).
  private readonly byOwner = new LabelSets();

  apply(ev: WatchEvent): void {
    if (ev.kind !== 'EndpointSlice') return;
    const labels = ev.object.metadata.labels;
    const svc = labels?.[SERVICE_NAME_LABEL];
    const manager = labels?.[MANAGED_BY];
    const old = ev.old?.metadata.labels;
    const oldSvc = old?.[SERVICE_NAME_LABEL];
    const oldManager = old?.[MANAGED_BY];
    // Most slice updates (new endpoints) keep both labels: nothing moves.
    if (ev.type === 'MODIFIED' && oldSvc === svc && oldManager === manager) return;
    // The name only now, as the store read it (WatchEvent.name/namespace: no metadata load).
    const ns = ev.namespace ?? 'default';
    const name = ev.name;
    if (oldSvc !== undefined && oldManager !== undefined) this.byOwner.remove(ns, oldSvc, oldManager, name);
    if (svc === undefined || manager === undefined) return;
    if (ev.type === 'DELETED') this.byOwner.remove(ns, svc, manager, name);
    else this.byOwner.add(ns, svc, manager, name);
  }

  names(ns: string, svcName: string, manager: string): ReadonlySet<string> {
    return this.byOwner.get(ns, svcName, manager) ?? EMPTY;
  }
}

/** The three indexes, fed together. */
export class EndpointsIndex {
  readonly pods = new PodLabelIndex();
  readonly services = new ServiceSelectorIndex();
  readonly slices = new SliceIndex();
  /** The Endpoints and EndpointSlice controllers' per-Service state (./endpoints-state). */
  readonly states = new ServiceStates();
  /**
   * The last Pod event's Service keys (endpoints.ts podServiceKeys): the Endpoints and
   * EndpointSlice controllers ask in turn about the same event.
   */
  readonly lastPodKeys: PodKeysMemo = { ev: undefined, keys: NO_KEYS, changes: undefined };

  apply(ev: WatchEvent): void {
    if (ev.kind === 'Pod') this.pods.apply(ev);
    else if (ev.kind === 'Service') this.services.apply(ev);
    else if (ev.kind === 'EndpointSlice') this.slices.apply(ev);
  }
}
