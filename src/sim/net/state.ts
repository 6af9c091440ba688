// Incremental indexes over the store, fed synchronously with every watch event, so a resolve +
// trace is a handful of Map lookups and a Pod change costs O(1) (a Service or EndpointSlice
// change recomputes that one Service's model). Pods matter to the data plane only through
// EndpointSlices (like kube-proxy and CoreDNS), and through "who owns this IP" for delivery.
import type { EndpointSlice, Node, Pod, Service } from '../api/types';
import type { DnsRecord } from '../contract';
import type { Profile } from '../profiles';
import { refArray } from '../runtime/arrays';
import type { StoreReader, WatchEvent } from '../runtime/interfaces';
import { buildServiceModel, type ServiceModel } from './model';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The Pod owning an IP: its `ns/name` key, and the parts to read it from the store by. */
export interface PodRef {
  key: string;
  ns: string;
  name: string;
}

/**
 * Pods by `ns/name`, read from the store (the networking layer sees every write as it happens).
 * A trace and its DNS lookups ask about their source Pod several times: the last answer is kept
 * until the next Pod event (`changed`), which NetState gets for every Pod write.
 */
export class PodLookup {
  private lastKey: string | undefined;
  private lastPod: Pod | undefined;

  constructor(readonly store: StoreReader) {}

  /** A Pod was written: forget the kept answer. */
  changed(): void {
    this.lastKey = undefined;
    this.lastPod = undefined;
  }

  get(key: string): Pod | undefined {
    if (key === this.lastKey) return this.lastPod;
    const i = key.indexOf('/');
    const pod = this.store.get('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
    this.lastKey = key;
    this.lastPod = pod;
    return pod;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The Pod an IP owner refers to (no key to split). */
  byRef(ref: PodRef): Pod | undefined {
    return this.store.get('Pod', ref.ns, ref.name) as Pod | undefined;
  }
}

/**
 * Whether the Pod holds its IP: a terminal Pod's sandbox is gone and its IP released (host-local
 * IPAM); a hostNetwork Pod shows its node's IP, which belongs to the node, not to the Pod.
 */
function ownsIP(pod: Pod | undefined): boolean {
  const ip = pod?.status?.podIP;
  return !!ip && !pod.spec?.hostNetwork && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

export class NetState {
  /**
   * Per Service key (`ns/name`): its Service, its EndpointSlices and its model, in one record
   * reached by namespace and name (no key string built per event), so a slice event costs two
   * map lookups and a set.
   */
  private readonly slots = new Map<string, Map<string, ServiceSlot>>();
  private readonly slotsByKey = new Map<string, ServiceSlot>();
  // A stale model is rebuilt from the Service and slices it has when read: the Service is the one
  // the stale model was built from (a Service write is applied, rebuilding it, before any read),
  // and so are its DNS records.
  readonly models = new Models(
    this.slotsByKey,
    (slot, old) => buildServiceModel(slot.svc as Service, slot.slices.values(), this.profile, old.dns),
    () => this.flush(),
  );
  readonly pods: PodLookup;
  /** IP → the Pod owning it (its `ns/name` key and parts, built when it takes the IP). */
  readonly podByIP = new Map<string, PodRef>();
  /** IPs of Pods that were deleted (for the "old IP" explanation); cleared when an IP is reused. */
  readonly formerPodIP = new Map<string, string>();
  /** How many times podByIP gave an IP held by one Pod to another (only hand-written statuses do). */
  private handovers = 0;
  readonly nodes = new Map<string, Node>();
  readonly nodeByIP = new Map<string, string>();
  readonly namespaces = new Set<string>();
  // The Service lookup maps below are brought up to date (`flush`) before each read.
  readonly #svcByClusterIP = new Map<string, string>();
  readonly #svcByNodePort = new Map<string, string>();
  readonly #svcByLBAddr = new Map<string, string>();
  readonly #svcByLocalhostPort = new Map<string, string>();
  readonly #dnsByName = new Map<string, DnsRecord[]>();
  /**
   * Service writes not yet applied to the models and the lookup maps, in write order, each with
   * the Service it wrote (undefined: deleted). A Service's model and index entries are built when
   * something reads them (a trace, a DNS query, iptables-save), not on every write: applying 1,000
   * Services builds nothing until then. They are replayed in order (`flush`), so the maps end up
   * exactly as if each write had been applied as it came (the last writer of a shared key, the
   * order of a name's records). Only writes whose model does not depend on the slices wait
   * (headless Services' DNS records do): anything else flushes first and is applied at once.
   */
  private readonly pending: { slot: ServiceSlot; svc: Service | undefined }[] = refArray();

  get svcByClusterIP(): ReadonlyMap<string, string> {
    this.flush();
    return this.#svcByClusterIP;
  }
  /** `<nodePort>/<PROTO>` → service key. */
  get svcByNodePort(): ReadonlyMap<string, string> {
    this.flush();
    return this.#svcByNodePort;
  }
  /** `<ip>:<port>/<PROTO>` → service key, for LoadBalancer ingress IPs. */
  get svcByLBAddr(): ReadonlyMap<string, string> {
    this.flush();
    return this.#svcByLBAddr;
  }
  /** `<port>/<PROTO>` → service key, for LoadBalancers published on the host's localhost (Docker Desktop). */
  get svcByLocalhostPort(): ReadonlyMap<string, string> {
    this.flush();
    return this.#svcByLocalhostPort;
  }
  /** DNS name → records (service-derived only; pod A records are synthesised on query). */
  get dnsByName(): ReadonlyMap<string, DnsRecord[]> {
    this.flush();
    return this.#dnsByName;
  }

  constructor(
    readonly profile: Profile,
    store: StoreReader,
  ) {
    this.pods = new PodLookup(store);
  }

  apply(ev: WatchEvent): void {
    // A Pod's fields are read on its view (no Pod object is built for this: WatchEvent.view).
    const o = ev.kind === 'Pod' ? ev.view : ev.object;
    switch (ev.kind) {
      case 'Service': {
        const slot = this.slot(o.metadata.namespace ?? 'default', o.metadata.name);
        const svc = ev.type === 'DELETED' ? undefined : (o as Service);
        slot.svc = svc;
        if (svc !== undefined && svc.spec.clusterIP === 'None' && svc.spec.type !== 'ExternalName') {
          // A headless Service's records come from its slices as they are now.
          this.flush();
          this.rebuild(slot, svc, true);
          return;
        }
        // Bounded: a session that never reads the maps keeps at most this many writes.
        if (this.pending.length >= MAX_PENDING) this.flush();
        slot.queued = true;
        this.pending.push({ slot, svc });
        return;
      }
      case 'EndpointSlice': {
        const svcName = o.metadata.labels?.[SERVICE_NAME_LABEL];
        const oldName = ev.old?.metadata.labels?.[SERVICE_NAME_LABEL];
        const ns = o.metadata.namespace ?? 'default';
        if (oldName && oldName !== svcName) this.removeSlice(ns, oldName, o.metadata.name);
        if (!svcName) return;
        if (ev.type === 'DELETED') {
          this.removeSlice(ns, svcName, o.metadata.name);
          return;
        }
        const slot = this.slot(ns, svcName);
        slot.slices.set(o.metadata.name, o as EndpointSlice);
        this.sliceChanged(slot);
        return;
      }
      case 'Pod': {
        this.pods.changed();
        // The Pods themselves are read from the store (`pods`); only who owns which IP is kept.
        // The previous state comes with the event (MODIFIED: old; DELETED: the last state).
        const prev = ev.type === 'MODIFIED' ? ev.oldView : ev.type === 'DELETED' ? o : undefined;
        const oldIP = (prev as Pod | undefined)?.status?.podIP;
        if (ev.type === 'DELETED') {
          if (!oldIP) return;
          const key = `${ev.namespace ?? 'default'}/${ev.name}`;
          if (this.podByIP.get(oldIP)?.key === key) this.podByIP.delete(oldIP);
          this.formerPodIP.set(oldIP, key);
          return;
        }
        const pod = o as Pod;
        const ip = pod.status?.podIP;
        // Neither version has an IP (most writes of a Pod before its sandbox is up): nothing here
        // changes. The name as the store read it (WatchEvent.name/namespace: no metadata load).
        if (!oldIP && !ip) return;
        const ns = ev.namespace ?? 'default';
        const name = ev.name;
        const owns = ownsIP(pod);
        if (oldIP && (oldIP !== ip || !owns)) {
          const cur = this.podByIP.get(oldIP);
          if (cur !== undefined && cur.name === name && cur.ns === ns) this.podByIP.delete(oldIP);
        }
        if (owns && ip) {
          // Most Pod updates keep the IP it already owns. While no IP has passed from one owning
          // Pod to another, an owner stays in podByIP until it lets go, so nothing is looked up.
          const kept = oldIP === ip && this.handovers === 0 && ownsIP(prev as Pod);
          if (!kept) {
            const cur = this.podByIP.get(ip);
            if (cur === undefined || cur.name !== name || cur.ns !== ns) {
              if (cur !== undefined) this.handovers++;
              this.podByIP.set(ip, { key: `${ns}/${name}`, ns, name });
            }
          }
          if (this.formerPodIP.size) this.formerPodIP.delete(ip);
        }
        return;
      }
      case 'Node': {
        const name = o.metadata.name;
        const old = this.nodes.get(name);
        for (const a of old?.status?.addresses ?? [])
          if (this.nodeByIP.get(a.address) === name) this.nodeByIP.delete(a.address);
        if (ev.type === 'DELETED') {
          this.nodes.delete(name);
          return;
        }
        const n = o as Node;
        this.nodes.set(name, n);
        for (const a of n.status?.addresses ?? [])
          if (a.type === 'InternalIP') this.nodeByIP.set(a.address, name);
        return;
      }
      case 'Namespace':
        if (ev.type === 'DELETED') this.namespaces.delete(o.metadata.name);
        else this.namespaces.add(o.metadata.name);
        return;
      default:
        return;
    }
  }

  /** The record for a Service key, made on first use (its key string built once). */
  private slot(ns: string, name: string): ServiceSlot {
    let byName = this.slots.get(ns);
    if (!byName) {
      byName = new Map();
      this.slots.set(ns, byName);
    }
    let slot = byName.get(name);
    if (!slot) {
      slot = {
        key: `${ns}/${name}`,
        ns,
        name,
        svc: undefined,
        slices: new Map(),
        model: undefined,
        stale: false,
        queued: false,
      };
      byName.set(name, slot);
      this.slotsByKey.set(slot.key, slot);
    }
    return slot;
  }

  private removeSlice(ns: string, svcName: string, name: string): void {
    const slot = this.slots.get(ns)?.get(svcName);
    // Only a Service that has slices is touched (as when its slices were kept apart from it).
    if (!slot || slot.slices.size === 0) return;
    slot.slices.delete(name);
    this.sliceChanged(slot);
  }

  private sliceChanged(slot: ServiceSlot): void {
    // A Service write waiting to be applied builds its model from the slices it then has.
    if (slot.queued) return;
    // A rebuild that changes the maps (a headless Service's records) comes after the writes
    // waiting before it.
    const old = slot.model;
    const svc = slot.svc;
    if (svc !== undefined && (old === undefined || old.svc !== svc || old.mode === 'headless')) this.flush();
    this.rebuild(slot, svc, true);
  }

  /** Apply the Service writes waiting in `pending`, in order (see there). */
  private flush(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    for (let i = 0; i < pending.length; i++) {
      const { slot, svc } = pending[i] as { slot: ServiceSlot; svc: Service | undefined };
      slot.queued = false;
      this.rebuild(slot, svc, false);
    }
    // A record forgotten only now: a later write in the list may have been to the same one.
    for (let i = 0; i < pending.length; i++) {
      const slot = (pending[i] as { slot: ServiceSlot }).slot;
      if (slot.svc === undefined && slot.slices.size === 0) this.forget(slot);
    }
    pending.length = 0;
  }

  /** `svc`: the slot's Service as of the write being applied; `forget`: drop an empty record now. */
  private rebuild(slot: ServiceSlot, svc: Service | undefined, forget: boolean): void {
    const old = slot.model;
    // Only a headless Service's DNS records come from its slices; for the others, and for every
    // lookup map, the Service alone decides: a slice change only makes the model stale, and it is
    // rebuilt when someone reads it (a trace, iptables-save), as kube-proxy batches its syncs.
    if (old !== undefined && svc !== undefined && old.svc === svc && old.mode !== 'headless') {
      this.models.markStale(slot);
      return;
    }
    if (old) this.unindex(old);
    if (!svc) {
      this.models.delete(slot);
      if (forget && slot.slices.size === 0) this.forget(slot);
      return;
    }
    const model = buildServiceModel(svc, slot.slices.values(), this.profile);
    this.models.set(slot, model);
    this.index(model);
  }

  /** Nothing left for this key: forget the record. */
  private forget(slot: ServiceSlot): void {
    const byName = this.slots.get(slot.ns);
    if (byName?.get(slot.name) !== slot) return;
    byName.delete(slot.name);
    if (byName.size === 0) this.slots.delete(slot.ns);
    this.slotsByKey.delete(slot.key);
  }

  private index(m: ServiceModel): void {
    if (m.clusterIP) this.#svcByClusterIP.set(m.clusterIP, m.key);
    for (const p of m.ports) {
      if (p.nodePort !== undefined) this.#svcByNodePort.set(`${p.nodePort}/${p.protocol}`, m.key);
      for (const ip of m.lbIPs) this.#svcByLBAddr.set(`${ip}:${p.port}/${p.protocol}`, m.key);
      if (m.lbLocalhost) this.#svcByLocalhostPort.set(`${p.port}/${p.protocol}`, m.key);
    }
    for (const r of m.dns) {
      let l = this.#dnsByName.get(r.name);
      if (!l) {
        l = [];
        this.#dnsByName.set(r.name, l);
      }
      l.push(r);
    }
  }

  private unindex(m: ServiceModel): void {
    const drop = (map: Map<string, string>, k: string) => {
      if (map.get(k) === m.key) map.delete(k);
    };
    if (m.clusterIP) drop(this.#svcByClusterIP, m.clusterIP);
    for (const p of m.ports) {
      if (p.nodePort !== undefined) drop(this.#svcByNodePort, `${p.nodePort}/${p.protocol}`);
      for (const ip of m.lbIPs) drop(this.#svcByLBAddr, `${ip}:${p.port}/${p.protocol}`);
      if (m.lbLocalhost) drop(this.#svcByLocalhostPort, `${p.port}/${p.protocol}`);
    }
    for (const r of m.dns) {
      const l = this.#dnsByName.get(r.name);
      if (!l) continue;
      const rest = l.filter((x) => x.owner !== m.ref);
      if (rest.length) this.#dnsByName.set(r.name, rest);
      else this.#dnsByName.delete(r.name);
    }
  }
}

/** A Service key's Service, slices and model (see NetState.slots). */
interface ServiceSlot {
  readonly key: string;
  readonly ns: string;
  readonly name: string;
  svc: Service | undefined;
  /** Its EndpointSlices by name, in the order they were first seen. */
  readonly slices: Map<string, EndpointSlice>;
  /** The last model built, possibly stale (its Service-derived fields are current). */
  model: ServiceModel | undefined;
  stale: boolean;
  /** Whether a write to it waits in NetState.pending. */
  queued: boolean;
}

const MAX_PENDING = 4096;

/** Service models by key; a stale one is rebuilt on its next read (by `rebuild(slot, stale model)`). */
export class Models {
  /** The built models by key, in the order they were first built (what values() iterates). */
  private readonly built = new Map<string, ServiceModel>();
  private readonly stale = new Set<ServiceSlot>();

  constructor(
    private readonly slots: ReadonlyMap<string, ServiceSlot>,
    private readonly rebuild: (slot: ServiceSlot, old: ServiceModel) => ServiceModel,
    /** Applies the writes waiting to be (NetState.flush): called before every read. */
    private readonly flush: () => void,
  ) {}

  get(key: string): ServiceModel | undefined {
    this.flush();
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    if (slot.stale) this.refresh(slot);
    return slot.model;
  }

  values(): IterableIterator<ServiceModel> {
    this.flush();
    for (const slot of [...this.stale]) this.refresh(slot);
    return this.built.values();
  }

  set(slot: ServiceSlot, model: ServiceModel): void {
    this.fresh(slot);
    slot.model = model;
    this.built.set(slot.key, model);
  }

  delete(slot: ServiceSlot): void {
    this.fresh(slot);
    slot.model = undefined;
    this.built.delete(slot.key);
  }

  /** Only a built model can be stale. */
  markStale(slot: ServiceSlot): void {
    if (slot.stale) return;
    slot.stale = true;
    this.stale.add(slot);
  }

  private fresh(slot: ServiceSlot): void {
    if (!slot.stale) return;
    slot.stale = false;
    this.stale.delete(slot);
  }

  private refresh(slot: ServiceSlot): void {
    const model = this.rebuild(slot, slot.model as ServiceModel);
    this.set(slot, model);
  }
}
