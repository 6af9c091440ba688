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
        this.rebuild(key);
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
        this.rebuild(slot.key);
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
          // Most Pod updates keep the IP it already owns: no key string is built for those.
          const cur = this.podByIP.get(ip);
          if (cur === undefined || cur.name !== name || cur.ns !== ns)
            this.podByIP.set(ip, { key: `${ns}/${name}`, ns, name });
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
      slot = { key: `${ns}/${svcName}`, slices: new Map() };
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
    this.rebuild(slot.key);
  }

  private rebuild(key: string): void {
    const old = this.models.peek(key);
    const svc = this.services.get(key);
    // Only a headless Service's DNS records come from its slices; for the others, and for every
    // lookup map, the Service alone decides: a slice change only makes the model stale, and it is
    // rebuilt when someone reads it (a trace, iptables-save), as kube-proxy batches its syncs.
    if (old !== undefined && svc !== undefined && old.svc === svc && old.mode !== 'headless') {
      this.models.markStale(key);
      return;
    }
    if (old) this.unindex(old);
    if (!svc) {
      this.models.delete(key);
      return;
    }
    const model = buildServiceModel(svc, this.slicesBySvc.get(key)?.values() ?? [], this.profile);
    this.models.set(key, model);
    this.index(model);
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
