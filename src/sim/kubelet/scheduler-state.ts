// The scheduler cache's NodeInfo aggregates (pkg/scheduler/backend/cache, framework.NodeInfo), kept
// incrementally from the Pod watch so a scheduling decision is O(nodes): per node the Pods bound to
// it, their summed requests (Requested) and non-zero requests (NonZeroRequested), the host ports in
// use, and the Pods with (anti-)affinity terms. The scheduler's Pod informer leaves out Succeeded
// and Failed Pods (its field selector `status.phase!=Succeeded,status.phase!=Failed`,
// pkg/scheduler/scheduler.go newPodInformer), so a Pod that ends leaves its node's NodeInfo.
// Updates are idempotent by uid: seeing the same Pod twice changes nothing.
import type { Labels, Pod } from '../api/types';
import { hostPortsOf, podRequests, type Req } from './scheduler-resources';

// biome-ignore lint/suspicious/noExplicitAny: the Pod spec is loosely typed decoded JSON.
type Any = any;

export interface Entry {
  pod: Pod;
  /**
   * `pod.spec` and `pod.metadata.labels`, kept beside it: a watch event compares the new version's
   * with these without reading the previous version's objects again.
   */
  spec: Pod['spec'];
  labels: Labels | undefined;
  node: string;
  req: Req;
  nz: Req;
  ports: string[] | undefined;
  /** Any pod affinity or anti-affinity term (NodeInfo.PodsWithAffinity). */
  affinity: boolean;
  /** Required anti-affinity terms (NodeInfo.PodsWithRequiredAntiAffinity). */
  requiredAnti: boolean;
}

/** A node's summed requests (a class for the reason NodeAgg is one). */
class ReqSum implements Req {
  cpu = 0;
  mem = 0;
  eph = 0;
}

/**
 * A class, not an object literal: a literal made once per node per cluster gets V8's boilerplate
 * on its second run (the second fresh cluster), which forgets what its fields hold and throws away
 * the optimised code that relied on it (the filters reading `req`).
 */
export class NodeAgg {
  pods = 0;
  readonly req: Req = new ReqSum();
  readonly nz: Req = new ReqSum();
  readonly entries = new Set<Entry>();
  /** Host ports held (`protocol/hostIP/port`, one per Pod asking), NodeInfo.UsedPorts. */
  readonly ports: string[] = [];
  /** `namespace\0key\0value` → the entries with that label, built on first use. */
  byLabel: Map<string, Set<Entry>> | undefined = undefined;
}

const labelKey = (ns: string | undefined, k: string, v: string) => `${ns ?? ''}\u0000${k}\u0000${v}`;

/** Any pod (anti-)affinity term (ANY), required anti-affinity terms (ANY | REQUIRED_ANTI), or 0. */
const ANY = 1;
const REQUIRED_ANTI = 2;
function podAffinityOf(spec: Any): number {
  const a = spec?.affinity;
  if (!a) return 0;
  const pa = a.podAffinity;
  const anti = a.podAntiAffinity;
  if ((anti?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0) return ANY | REQUIRED_ANTI;
  return (pa?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0 ||
    (pa?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0 ||
    (anti?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0
    ? ANY
    : 0;
}

export class SchedState {
  readonly nodes = new Map<string, NodeAgg>();
  readonly byUid = new Map<string, Entry>();
  /** Bound Pods with any pod (anti-)affinity term; usually empty. */
  readonly withAffinity = new Set<Entry>();
  /** Bound Pods with required anti-affinity terms (CoreDNS's are only preferred): usually empty. */
  readonly withRequiredAnti = new Set<Entry>();

  agg(node: string): NodeAgg {
    let a = this.nodes.get(node);
    if (!a) {
      a = new NodeAgg();
      this.nodes.set(node, a);
    }
    return a;
  }

  /**
   * The Pod's current state from a watch event (or a scan); `deleted` when it left the store.
   * `old` is its entry before (looked up unless given); returns its entry now.
   */
  observe(
    pod: Pod,
    deleted: boolean,
    old: Entry | undefined = this.byUid.get(pod.metadata.uid as string),
  ): Entry | undefined {
    const uid = pod.metadata.uid as string;
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    const gone = deleted || !node || phase === 'Succeeded' || phase === 'Failed';
    if (gone) {
      if (old) this.remove(old);
      return undefined;
    }
    if (old) {
      if (old.pod === pod) return old;
      if (old.node === node && old.spec === pod.spec && old.labels === pod.metadata.labels) {
        old.pod = pod;
        return old;
      }
      this.remove(old);
    }
    const aff = podAffinityOf(pod.spec);
    const affinity = aff !== 0;
    const requiredAnti = (aff & REQUIRED_ANTI) !== 0;
    this.requests(pod.spec);
    const e: Entry = {
      pod,
      spec: pod.spec,
      labels: pod.metadata.labels,
      node: node as string,
      req: this.req,
      nz: this.nz,
      ports: this.ports,
      affinity,
      requiredAnti,
    };
    this.byUid.set(uid, e);
    if (affinity) this.withAffinity.add(e);
    if (requiredAnti) this.withRequiredAnti.add(e);
    const a = this.agg(e.node);
    a.pods++;
    a.req.cpu += e.req.cpu;
    a.req.mem += e.req.mem;
    a.req.eph += e.req.eph;
    a.nz.cpu += e.nz.cpu;
    a.nz.mem += e.nz.mem;
    a.entries.add(e);
    if (e.ports) a.ports.push(...e.ports);
    if (a.byLabel) this.indexLabels(a.byLabel, e, 1);
    return e;
  }

  // What podRequests and hostPortsOf read of the last Pod entered (each container's resources and
  // ports, then the spec's initContainers, resources and overhead: parts of stored objects, never
  // changed), and what they gave. The Pods of one template (a ReplicaSet's, bound one after
  // another) share these parts (stampPodSpec copies each container but keeps its resources and
  // ports), so each sum is computed once per run of them; entries share the answers, which nothing
  // changes.
  private readonly reqParts: unknown[] = [];
  private req: Req = { cpu: 0, mem: 0, eph: 0 };
  private nz: Req = { cpu: 0, mem: 0, eph: 0 };
  private ports: string[] | undefined = undefined;
  /** Sets req, nz and ports for `spec` (podRequests both ways and hostPortsOf, or the last ones). */
  private requests(spec: Any): void {
    const cs: Any[] | undefined = spec?.containers;
    const parts = this.reqParts;
    if (Array.isArray(cs) && parts.length === 2 * cs.length + 3) {
      let same = true;
      for (let i = 0; same && i < cs.length; i++) {
        const c = cs[i];
        same = c?.resources === parts[2 * i] && c?.ports === parts[2 * i + 1];
      }
      const j = 2 * cs.length;
      if (
        same &&
        spec.initContainers === parts[j] &&
        spec.resources === parts[j + 1] &&
        spec.overhead === parts[j + 2]
      )
        return;
    }
    this.req = podRequests(spec, false);
    this.nz = podRequests(spec, true);
    this.ports = hostPortsOf({ spec } as Pod);
    parts.length = 0;
    if (!Array.isArray(cs)) return; // nothing kept: the next Pod is computed afresh
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      parts.push(c?.resources, c?.ports);
    }
    parts.push(spec.initContainers, spec.resources, spec.overhead);
  }

  private remove(e: Entry): void {
    this.byUid.delete(e.pod.metadata.uid as string);
    this.withAffinity.delete(e);
    this.withRequiredAnti.delete(e);
    const a = this.agg(e.node);
    a.pods--;
    a.req.cpu -= e.req.cpu;
    a.req.mem -= e.req.mem;
    a.req.eph -= e.req.eph;
    a.nz.cpu -= e.nz.cpu;
    a.nz.mem -= e.nz.mem;
    a.entries.delete(e);
    for (const p of e.ports ?? []) a.ports.splice(a.ports.indexOf(p), 1);
    if (a.byLabel) this.indexLabels(a.byLabel, e, -1);
  }

  private indexLabels(index: Map<string, Set<Entry>>, e: Entry, d: 1 | -1): void {
    const labels: Labels = e.pod.metadata.labels ?? {};
    for (const k of Object.keys(labels)) {
      const key = labelKey(e.pod.metadata.namespace, k, labels[k] as string);
      let s = index.get(key);
      if (d > 0) {
        if (!s) {
          s = new Set();
          index.set(key, s);
        }
        s.add(e);
      } else if (s) {
        s.delete(e);
        if (s.size === 0) index.delete(key);
      }
    }
  }

  /**
   * The entries on `node` in `ns` that carry label `k=v` (the label index, built the first time a
   * spreading score needs it and kept up to date from then on).
   */
  withLabel(node: string, ns: string, k: string, v: string): ReadonlySet<Entry> | undefined {
    const a = this.nodes.get(node);
    if (!a) return undefined;
    if (!a.byLabel) {
      a.byLabel = new Map();
      for (const e of a.entries) this.indexLabels(a.byLabel, e, 1);
    }
    return a.byLabel.get(labelKey(ns, k, v));
  }
}
