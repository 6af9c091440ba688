// Incremental indexes over the store, fed synchronously with every watch event, so a resolve +
// trace is a handful of Map lookups and a Pod change costs O(1) (a Service or EndpointSlice
// change recomputes that one Service's model). Pods matter to the data plane only through
// EndpointSlices (like kube-proxy and CoreDNS), and through "who owns this IP" for delivery.
import type { EndpointSlice, K8sObject, Node, Pod, Service } from '../api/types';
import type { DnsRecord } from '../contract';
import type { Profile } from '../profiles';
import type { StoreReader, WatchEvent } from '../runtime/interfaces';
import { buildServiceModel, type ServiceModel } from './model';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const nsName = (o: K8sObject) => `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;

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

  constructor(private readonly store: StoreReader) {}

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
 * Whether a Pod state owns the IP it shows (given it shows one): a terminal Pod's sandbox is gone
 * and its IP released (host-local IPAM); a hostNetwork Pod shows its node's IP.
 */
function ownsIP(pod: Pod): boolean {
  return !pod.spec?.hostNetwork && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

export class NetState {
  readonly services = new Map<string, Service>();
  readonly slicesBySvc = new Map<string, Map<string, EndpointSlice>>();
  /** The same slice maps by namespace → Service name, with their key. */
  private readonly sliceSlots = new Map<string, Map<string, SliceSlot>>();
  // A stale model is rebuilt from the Service and slices it has when read: the Service is the one
  // the stale model was built from (a Service change rebuilds at once), and so are its DNS records.
  readonly models = new Models((key, old) =>
    buildServiceModel(
      this.services.get(key) as Service,
      this.slicesBySvc.get(key)?.values() ?? [],
      this.profile,
      old.dns,
    ),
  );
  readonly pods: PodLookup;
  /** IP → the Pod owning it (its `ns/name` key and parts, built when it takes the IP). */
  readonly podByIP = new Map<string, PodRef>();
  /**
   * How many times an IP went from one Pod's podByIP entry straight to another Pod (two Pods that
   * show the same IP and both own it, which the kubelet's IPAM never hands out). While none has,
   * a Pod whose previous state owned the IP it still owns is already podByIP's owner of it.
   */
  private handovers = 0;
  /** IPs of Pods that were deleted (for the "old IP" explanation); cleared when an IP is reused. */
  readonly formerPodIP = new Map<string, string>();
  readonly nodes = new Map<string, Node>();
  readonly nodeByIP = new Map<string, string>();
  readonly namespaces = new Set<string>();
  readonly svcByClusterIP = new Map<string, string>();
  /** `<nodePort>/<PROTO>` → service key. */
  readonly svcByNodePort = new Map<string, string>();
  /** `<ip>:<port>/<PROTO>` → service key, for LoadBalancer ingress IPs. */
  readonly svcByLBAddr = new Map<string, string>();
  /** `<port>/<PROTO>` → service key, for LoadBalancers published on the host's localhost (Docker Desktop). */
  readonly svcByLocalhostPort = new Map<string, string>();
  /** DNS name → records (service-derived only; pod A records are synthesised on query). */
  readonly dnsByName = new Map<string, DnsRecord[]>();

  constructor(
    readonly profile: Profile,
    store: StoreReader,
  ) {
    this.pods = new PodLookup(store);
  }

  apply(ev: WatchEvent): void {
    const o = ev.object;
    switch (ev.kind) {
      case 'Service': {
        const key = nsName(o);
        if (ev.type === 'DELETED') this.services.delete(key);
        else this.services.set(key, o as Service);
        this.rebuild(key, this.sliceSlots.get(o.metadata.namespace ?? 'default')?.get(o.metadata.name));
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
        // What rebuild would find (see SliceSlot.lazy), without reading its model and Service.
        if (slot.lazy) this.models.markStale(slot.key);
        else this.rebuild(slot.key, slot);
        return;
      }
      case 'Pod': {
        this.pods.changed();
        // The Pods themselves are read from the store (`pods`); only who owns which IP is kept.
        // The previous state comes with the event (MODIFIED: old; DELETED: the last state).
        const ns = o.metadata.namespace ?? 'default';
        const name = o.metadata.name;
        const prev = ev.type === 'MODIFIED' ? ev.old : ev.type === 'DELETED' ? o : undefined;
        const oldIP = (prev as Pod | undefined)?.status?.podIP;
        if (ev.type === 'DELETED') {
          if (!oldIP) return;
          const key = `${ns}/${name}`;
          if (this.podByIP.get(oldIP)?.key === key) this.podByIP.delete(oldIP);
          this.formerPodIP.set(oldIP, key);
          return;
        }
        const pod = o as Pod;
        const ip = pod.status?.podIP;
        // A terminal Pod's sandbox is gone and its IP released (host-local IPAM). A hostNetwork
        // Pod shows its node's IP: that address belongs to the node, not to the Pod.
        const owns =
          ip && !pod.spec?.hostNetwork && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
        if (oldIP && (oldIP !== ip || !owns)) {
          const cur = this.podByIP.get(oldIP);
          if (cur !== undefined && cur.name === name && cur.ns === ns) this.podByIP.delete(oldIP);
        }
        if (owns) {
          // Most Pod updates keep the IP the Pod already owned: podByIP names it already (see
          // handovers), and its entry (a cold lookup and a cold PodRef among 5,000) is not read.
          if (oldIP !== ip || this.handovers > 0 || !ownsIP(prev as Pod)) {
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

  /** A Service's slices by namespace and name (its key string built once, not per slice event). */
  private slot(ns: string, svcName: string): SliceSlot {
    let byName = this.sliceSlots.get(ns);
    if (!byName) {
      byName = new Map();
      this.sliceSlots.set(ns, byName);
    }
    let slot = byName.get(svcName);
    if (!slot) {
      slot = { key: `${ns}/${svcName}`, slices: new Map(), lazy: false };
      byName.set(svcName, slot);
      this.slicesBySvc.set(slot.key, slot.slices);
    }
    return slot;
  }

  private removeSlice(ns: string, svcName: string, name: string): void {
    const byName = this.sliceSlots.get(ns);
    const slot = byName?.get(svcName);
    if (!byName || !slot) return;
    slot.slices.delete(name);
    if (slot.slices.size === 0) {
      this.slicesBySvc.delete(slot.key);
      byName.delete(svcName);
      if (byName.size === 0) this.sliceSlots.delete(ns);
    }
    this.rebuild(slot.key, slot);
  }

  /** Brings the Service's model up to date; `slot`, its slices' slot if it has one, learns `lazy`. */
  private rebuild(key: string, slot?: SliceSlot): void {
    const old = this.models.peek(key);
    const svc = this.services.get(key);
    // Only a headless Service's DNS records come from its slices; for the others, and for every
    // lookup map, the Service alone decides: a slice change only makes the model stale, and it is
    // rebuilt when someone reads it (a trace, iptables-save), as kube-proxy batches its syncs.
    if (old !== undefined && svc !== undefined && old.svc === svc && old.mode !== 'headless') {
      this.models.markStale(key);
      if (slot !== undefined) slot.lazy = true;
      return;
    }
    if (old) this.unindex(old);
    if (!svc) {
      this.models.delete(key);
      if (slot !== undefined) slot.lazy = false;
      return;
    }
    const model = buildServiceModel(svc, this.slicesBySvc.get(key)?.values() ?? [], this.profile);
    this.models.set(key, model);
    this.index(model);
    if (slot !== undefined) slot.lazy = model.svc === svc && model.mode !== 'headless';
  }

  private index(m: ServiceModel): void {
    if (m.clusterIP) this.svcByClusterIP.set(m.clusterIP, m.key);
    for (const p of m.ports) {
      if (p.nodePort !== undefined) this.svcByNodePort.set(`${p.nodePort}/${p.protocol}`, m.key);
      for (const ip of m.lbIPs) this.svcByLBAddr.set(`${ip}:${p.port}/${p.protocol}`, m.key);
      if (m.lbLocalhost) this.svcByLocalhostPort.set(`${p.port}/${p.protocol}`, m.key);
    }
    for (const r of m.dns) {
      let l = this.dnsByName.get(r.name);
      if (!l) {
        l = [];
        this.dnsByName.set(r.name, l);
      }
      l.push(r);
    }
  }

  private unindex(m: ServiceModel): void {
    const drop = (map: Map<string, string>, k: string) => {
      if (map.get(k) === m.key) map.delete(k);
    };
    if (m.clusterIP) drop(this.svcByClusterIP, m.clusterIP);
    for (const p of m.ports) {
      if (p.nodePort !== undefined) drop(this.svcByNodePort, `${p.nodePort}/${p.protocol}`);
      for (const ip of m.lbIPs) drop(this.svcByLBAddr, `${ip}:${p.port}/${p.protocol}`);
      if (m.lbLocalhost) drop(this.svcByLocalhostPort, `${p.port}/${p.protocol}`);
    }
    for (const r of m.dns) {
      const l = this.dnsByName.get(r.name);
      if (!l) continue;
      const rest = l.filter((x) => x.owner !== m.ref);
      if (rest.length) this.dnsByName.set(r.name, rest);
      else this.dnsByName.delete(r.name);
    }
  }
}

interface SliceSlot {
  key: string;
  slices: Map<string, EndpointSlice>;
  /**
   * The Service's model was built from the stored Service and is not headless, so a slice change
   * only marks it stale (rebuild's first case). Only rebuild changes what decides it: a Service
   * event rebuilds (and tells the slot), and a stale model is rebuilt on read from the same Service.
   */
  lazy: boolean;
}

/** Service models by key; a stale one is rebuilt on its next read (by `rebuild(key, stale model)`). */
export class Models {
  private readonly built = new Map<string, ServiceModel>();
  private readonly stale = new Set<string>();

  constructor(private readonly rebuild: (key: string, old: ServiceModel) => ServiceModel) {}

  get(key: string): ServiceModel | undefined {
    const old = this.built.get(key);
    if (old !== undefined && this.stale.delete(key)) {
      const model = this.rebuild(key, old);
      this.built.set(key, model);
      return model;
    }
    return old;
  }

  /** The last model built, possibly stale (its Service-derived fields are current). */
  peek(key: string): ServiceModel | undefined {
    return this.built.get(key);
  }

  values(): IterableIterator<ServiceModel> {
    for (const key of [...this.stale.keys()]) this.get(key);
    return this.built.values();
  }

  set(key: string, model: ServiceModel): void {
    this.stale.delete(key);
    this.built.set(key, model);
  }

  delete(key: string): void {
    this.stale.delete(key);
    this.built.delete(key);
  }

  /** Only a built model can be stale. */
  markStale(key: string): void {
    this.stale.add(key);
  }
}
