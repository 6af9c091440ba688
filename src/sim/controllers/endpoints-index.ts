// Informer-style indexes for the Endpoints / EndpointSlice / mirroring controllers, kept current
// from watch events (net/index.ts feeds them), so that one Pod or Service change costs work
// proportional to what it touches instead of a scan of the namespace:
// - Pods by `key=value` label (a selector reconcile visits only Pods carrying its rarest label);
// - selector Services by one of their selector labels (Pod → Services without testing every
//   Service, like the real controller's cached selectors in pkg/controller/util/endpoint);
// - EndpointSlices by (Service name, managed-by) (the real controllers' slice tracker).
import type { Labels, Service } from '../api/types';
import type { WatchEvent } from '../runtime/interfaces';
import { MANAGED_BY, SERVICE_NAME_LABEL, sameLabelSet } from './endpoints-util';

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

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * Pod names by namespace and `key=value` label, kept current from watch events, so a selector
 * reconcile touches only the Pods carrying its rarest label instead of the whole namespace.
 */
export class PodLabelIndex {
  private readonly byLabel = new LabelSets();
  private readonly labelsOf = new Map<string, Labels>();

  apply(ev: WatchEvent): void {
    if (ev.kind !== 'Pod') return;
    const ns = ev.object.metadata.namespace ?? 'default';
    const name = ev.object.metadata.name;
    const id = `${ns}/${name}`;
    const labels = ev.type === 'DELETED' ? undefined : (ev.object.metadata.labels ?? {});
    const old = this.labelsOf.get(id);
    if (old !== undefined && labels !== undefined && sameLabelSet(old, labels)) {
      this.labelsOf.set(id, labels);
      return; // most Pod updates are status-only
    }
    for (const [k, v] of Object.entries(old ?? {})) this.byLabel.remove(ns, k, v, name);
    this.labelsOf.delete(id);
    if (labels === undefined) return;
    this.labelsOf.set(id, labels);
    for (const [k, v] of Object.entries(labels)) this.byLabel.add(ns, k, v, name);
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

  apply(ev: WatchEvent): void {
    if (ev.kind !== 'Service') return;
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
    const entry: Entry = { seq: prev?.seq ?? this.seq++, selector };
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

  /** Names of the selector Services in `ns` whose selector matches `labels`, in store order. */
  matching(ns: string, labels: Labels | undefined, into: Map<string, number>): void {
    const inNs = this.entries.get(ns);
    if (!labels || !inNs) return;
    for (const k in labels) {
      const set = this.byLabel.get(ns, k, labels[k] as string);
      if (!set) continue;
      for (const name of set) {
        const e = inNs.get(name);
        if (e && !into.has(name) && selects(e.selector, labels)) into.set(name, e.seq);
      }
    }
  }
}

function selects(selector: Labels, labels: Labels): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

/** EndpointSlice names by namespace, `kubernetes.io/service-name` and managed-by. */
export class SliceIndex {
  private readonly byOwner = new Map<string, Set<string>>();

  private static key(ns: string, labels: Labels | undefined): string | undefined {
    const svc = labels?.[SERVICE_NAME_LABEL];
    const manager = labels?.[MANAGED_BY];
    return svc !== undefined && manager !== undefined ? `${ns}\u0000${svc}\u0000${manager}` : undefined;
  }

  apply(ev: WatchEvent): void {
    if (ev.kind !== 'EndpointSlice') return;
    const ns = ev.object.metadata.namespace ?? 'default';
    const name = ev.object.metadata.name;
    const before = ev.old ? SliceIndex.key(ns, ev.old.metadata.labels) : undefined;
    const after = SliceIndex.key(ns, ev.object.metadata.labels);
    if (before !== undefined) removeFrom(this.byOwner, before, name);
    if (after === undefined) return;
    if (ev.type === 'DELETED') removeFrom(this.byOwner, after, name);
    else addTo(this.byOwner, after, name);
  }

  names(ns: string, svcName: string, manager: string): ReadonlySet<string> {
    return this.byOwner.get(`${ns}\u0000${svcName}\u0000${manager}`) ?? EMPTY;
  }
}

/** The three indexes, fed together. */
export class EndpointsIndex {
  readonly pods = new PodLabelIndex();
  readonly services = new ServiceSelectorIndex();
  readonly slices = new SliceIndex();

  apply(ev: WatchEvent): void {
    this.pods.apply(ev);
    this.services.apply(ev);
    this.slices.apply(ev);
  }
}
