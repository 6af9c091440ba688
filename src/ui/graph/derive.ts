// Pure: cluster objects in, graph structure out (no positions; see ./layout). Node ids are object
// keys so e2e finds `[data-id="Pod/default/x"]` and Trace hops (HopRef) name graph nodes directly.
// Node objects are cached per source object identity (objects in the store are immutable
// snapshots), so an unchanged Pod yields the identical node object and memoised components skip.
import type {
  Deployment,
  EndpointSlice,
  Endpoints,
  Node as K8sNode,
  K8sObject,
  Pod,
  ReplicaSet,
  Service,
} from '../../sim/api/types';
import { HOST_KEY, kubeProxyKey, nodeKey, objectKey } from './keys';
import { type PodStatusView, podStatus } from './pod-status';
import { selects } from './selectors';

export type GraphNodeType =
  | 'clusterNode'
  | 'kubeProxy'
  | 'pod'
  | 'deployment'
  | 'replicaSet'
  | 'daemonSet'
  | 'statefulSet'
  | 'job'
  | 'cronJob'
  | 'service'
  | 'endpoints'
  | 'endpointSlice'
  | 'host'
  | 'external';

interface BaseData extends Record<string, unknown> {
  key: string;
  name: string;
  namespace?: string;
  /** Part of the cluster DNS (kube-dns Service, CoreDNS Pods, their Endpoints). */
  dns?: boolean;
}
export interface PodData extends BaseData {
  ip?: string;
  nodeName?: string;
  view: PodStatusView;
  labels: Record<string, string>;
}
export interface ServiceData extends BaseData {
  type: string;
  clusterIP: string;
  /** kubectl's PORT(S) cell: `80/TCP`, `8080:30122/TCP`. */
  ports: string;
  /** kubectl's EXTERNAL-IP cell: `<none>`, `localhost`, `<pending>`, or the ExternalName target. */
  external: string;
}
export interface EndpointAddressView {
  ip: string;
  ports: number[];
  ready: boolean;
}
export interface EndpointsData extends BaseData {
  addresses: EndpointAddressView[];
}
export interface WorkloadData extends BaseData {
  /** `ready/desired`. */
  replicas: string;
}
export interface ClusterNodeData extends BaseData {
  ip: string;
}
export type GraphNodeData = BaseData | PodData | ServiceData | EndpointsData | WorkloadData | ClusterNodeData;

export interface DerivedNode {
  id: string;
  type: GraphNodeType;
  data: GraphNodeData;
  /** Pods (and kube-proxy) live inside their cluster Node's group. */
  parentId?: string;
}

export type EdgeKind = 'owns' | 'selects' | 'endpoints' | 'exposes';
export interface DerivedEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
}

export interface GraphViewOptions {
  /** Namespaces whose objects are drawn. The kube-system DNS pieces are drawn when showDns is set. */
  namespaces: readonly string[];
  showDns: boolean;
  showEndpointSlices: boolean;
  /** `external:<host>` refs to draw, collected from traces that reach outside the cluster. */
  externals: readonly string[];
}

export const DEFAULT_VIEW: GraphViewOptions = {
  namespaces: ['default'],
  showDns: true,
  showEndpointSlices: false,
  externals: [],
};

export interface DerivedGraph {
  nodes: DerivedNode[];
  edges: DerivedEdge[];
}

const DNS_LABEL = 'k8s-app';
const isDnsService = (s: Service) => s.metadata.namespace === 'kube-system' && s.metadata.name === 'kube-dns';
const isDnsPod = (p: Pod) =>
  p.metadata.namespace === 'kube-system' && p.metadata.labels?.[DNS_LABEL] === 'kube-dns';

/** kubectl's PORT(S) column (printers.go formatPorts / makePortString). */
export function servicePorts(svc: Service): string {
  const ports = svc.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',');
}

/** kubectl's EXTERNAL-IP column (printers.go getServiceExternalIP). */
export function serviceExternal(svc: Service): string {
  const spec = svc.spec;
  const ext = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ExternalName':
      return spec.externalName ?? '<none>';
    case 'LoadBalancer': {
      const ingress = (svc.status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip ?? i.hostname ?? '')
        .filter((x) => x !== '');
      const all = [...new Set(ingress)].sort().concat(ext);
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    default:
      return ext.length > 0 ? ext.join(',') : '<none>';
  }
}

function byName<T extends K8sObject>(a: T, b: T): number {
  const ka = objectKey(a);
  const kb = objectKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Incremental deriver: keeps the node built for each source object and reuses it while the object is
 * the same reference. `derive` is still a pure function of (objects, options) in its output.
 */
export class GraphDeriver {
  private cache = new WeakMap<object, DerivedNode>();

  private cached(obj: object, extraKey: string, build: () => DerivedNode): DerivedNode {
    const hit = this.cache.get(obj);
    if (hit && (hit.parentId ?? '') === extraKey) return hit;
    const node = build();
    this.cache.set(obj, node);
    return node;
  }

  derive(objects: Iterable<K8sObject>, options: GraphViewOptions = DEFAULT_VIEW): DerivedGraph {
    const shown = new Set(options.namespaces);
    const clusterNodes: K8sNode[] = [];
    const pods: Pod[] = [];
    const deployments: Deployment[] = [];
    const replicaSets: ReplicaSet[] = [];
    /** The other workloads that own Pods (DaemonSet, StatefulSet, Job): a node each, like a Deployment's. */
    const others: K8sObject[] = [];
    const services: Service[] = [];
    const endpoints: Endpoints[] = [];
    const slices: EndpointSlice[] = [];
    for (const o of objects) {
      const ns = o.metadata.namespace;
      const inNs = ns !== undefined && shown.has(ns);
      switch (o.kind) {
        case 'Node':
          clusterNodes.push(o as K8sNode);
          break;
        case 'Pod':
          if (inNs || (options.showDns && isDnsPod(o as Pod))) pods.push(o as Pod);
          break;
        case 'Deployment':
          if (inNs) deployments.push(o as Deployment);
          break;
        case 'ReplicaSet':
          if (inNs) replicaSets.push(o as ReplicaSet);
          break;
        case 'DaemonSet':
        case 'StatefulSet':
        case 'Job':
        case 'CronJob':
          if (inNs) others.push(o);
          break;
        case 'Service':
          if (inNs || (options.showDns && isDnsService(o as Service))) services.push(o as Service);
          break;
        case 'Endpoints':
          if (inNs || (options.showDns && ns === 'kube-system' && o.metadata.name === 'kube-dns'))
            endpoints.push(o as Endpoints);
          break;
        case 'EndpointSlice':
          if (options.showEndpointSlices && inNs) slices.push(o as EndpointSlice);
          break;
      }
    }
    for (const list of [clusterNodes, pods, deployments, replicaSets, others, services, endpoints, slices]) {
      (list as K8sObject[]).sort(byName);
    }

    const nodes: DerivedNode[] = [];
    const edges: DerivedEdge[] = [];
    const nodeNames = new Set(clusterNodes.map((n) => n.metadata.name));

    nodes.push(HOST_NODE);
    for (const ext of [...new Set(options.externals)].sort()) {
      nodes.push({ id: ext, type: 'external', data: { key: ext, name: ext.slice('external:'.length) } });
    }

    // Cluster Nodes first: React Flow wants a parent before its children.
    for (const n of clusterNodes) {
      const key = nodeKey(n.metadata.name);
      nodes.push(
        this.cached(n, '', () => ({
          id: key,
          type: 'clusterNode',
          data: {
            key,
            name: n.metadata.name,
            ip: n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
          } satisfies ClusterNodeData,
        })),
      );
      const kp = kubeProxyKey(n.metadata.name);
      nodes.push({ id: kp, type: 'kubeProxy', parentId: key, data: { key: kp, name: n.metadata.name } });
    }

    for (const d of deployments) {
      const key = objectKey(d);
      nodes.push(
        this.cached(d, '', () => ({
          id: key,
          type: 'deployment',
          data: workloadData(key, d, d.status?.readyReplicas ?? 0, d.spec.replicas),
        })),
      );
    }
    for (const o of others) {
      const key = objectKey(o);
      nodes.push(this.cached(o, '', () => otherWorkloadNode(key, o)));
    }
    const uidToKey = new Map<string, string>();
    for (const o of [...deployments, ...replicaSets, ...others]) uidToKey.set(o.metadata.uid, objectKey(o));
    // A CronJob owns its Jobs.
    for (const o of others) ownerEdge(o, objectKey(o), uidToKey, edges);
    for (const rs of replicaSets) {
      const key = objectKey(rs);
      nodes.push(
        this.cached(rs, '', () => ({
          id: key,
          type: 'replicaSet',
          data: workloadData(key, rs, rs.status?.readyReplicas ?? 0, rs.spec.replicas),
        })),
      );
      ownerEdge(rs, key, uidToKey, edges);
    }
    for (const p of pods) {
      const key = objectKey(p);
      const nodeName = p.spec.nodeName;
      const parent = nodeName && nodeNames.has(nodeName) ? nodeKey(nodeName) : '';
      nodes.push(
        this.cached(p, parent, () => {
          const data: PodData = {
            key,
            name: p.metadata.name,
            namespace: p.metadata.namespace ?? 'default',
            view: podStatus(p),
            labels: p.metadata.labels ?? {},
          };
          if (p.status?.podIP) data.ip = p.status.podIP;
          if (nodeName) data.nodeName = nodeName;
          if (isDnsPod(p)) data.dns = true;
          const node: DerivedNode = { id: key, type: 'pod', data };
          if (parent) node.parentId = parent;
          return node;
        }),
      );
      ownerEdge(p, key, uidToKey, edges);
    }

    for (const s of services) {
      const key = objectKey(s);
      nodes.push(
        this.cached(s, '', () => {
          const data: ServiceData = {
            key,
            name: s.metadata.name,
            namespace: s.metadata.namespace ?? 'default',
            type: s.spec.type,
            clusterIP: s.spec.clusterIP ?? '<none>',
            ports: servicePorts(s),
            external: serviceExternal(s),
          };
          if (isDnsService(s)) data.dns = true;
          return { id: key, type: 'service', data };
        }),
      );
      for (const p of pods) {
        if (p.metadata.namespace === s.metadata.namespace && selects(s.spec.selector, p.metadata.labels)) {
          const pk = objectKey(p);
          edges.push({ id: `selects:${key}->${pk}`, source: key, target: pk, kind: 'selects' });
        }
      }
      if (s.spec.type === 'LoadBalancer' || s.spec.type === 'NodePort') {
        edges.push({ id: `exposes:${key}`, source: HOST_KEY, target: key, kind: 'exposes' });
      }
    }
    const serviceKeys = new Set(services.map(objectKey));
    for (const e of endpoints) {
      const key = objectKey(e);
      nodes.push(
        this.cached(e, '', () => {
          const data: EndpointsData = { key, name: e.metadata.name, addresses: endpointAddresses(e) };
          if (e.metadata.namespace) data.namespace = e.metadata.namespace;
          if (e.metadata.namespace === 'kube-system') data.dns = true;
          return { id: key, type: 'endpoints', data };
        }),
      );
      const svcKey = `Service/${e.metadata.namespace}/${e.metadata.name}`;
      if (serviceKeys.has(svcKey)) {
        edges.push({ id: `endpoints:${svcKey}`, source: svcKey, target: key, kind: 'endpoints' });
      }
    }
    for (const sl of slices) {
      const key = objectKey(sl);
      nodes.push(
        this.cached(sl, '', () => ({
          id: key,
          type: 'endpointSlice',
          data: {
            key,
            name: sl.metadata.name,
            namespace: sl.metadata.namespace ?? 'default',
            addresses: (sl.endpoints ?? []).map((ep) => ({
              ip: ep.addresses[0] ?? '',
              ports: (sl.ports ?? []).map((p) => p.port),
              ready: ep.conditions.ready,
            })),
          } satisfies EndpointsData,
        })),
      );
      const svcName = sl.metadata.labels?.['kubernetes.io/service-name'];
      const svcKey = `Service/${sl.metadata.namespace}/${svcName}`;
      if (svcName && serviceKeys.has(svcKey)) {
        edges.push({ id: `endpoints:${key}`, source: svcKey, target: key, kind: 'endpoints' });
      }
    }
    return { nodes, edges };
  }
}

const HOST_NODE: DerivedNode = { id: HOST_KEY, type: 'host', data: { key: HOST_KEY, name: 'localhost' } };

function workloadData(key: string, o: K8sObject, ready: number, desired: number): WorkloadData {
  return {
    key,
    name: o.metadata.name,
    namespace: o.metadata.namespace ?? 'default',
    replicas: `${ready}/${desired ?? 0}`,
  };
}

/**
 * A DaemonSet, StatefulSet, Job or CronJob as a workload node: ready over desired as `kubectl get`
 * shows them (DaemonSet READY/DESIRED, StatefulSet READY, Job COMPLETIONS, CronJob ACTIVE).
 */
function otherWorkloadNode(key: string, o: K8sObject): DerivedNode {
  // biome-ignore lint/suspicious/noExplicitAny: the three kinds' spec and status fields.
  const x = o as any;
  if (o.kind === 'DaemonSet')
    return {
      id: key,
      type: 'daemonSet',
      data: workloadData(key, o, x.status?.numberReady ?? 0, x.status?.desiredNumberScheduled ?? 0),
    };
  if (o.kind === 'StatefulSet')
    return {
      id: key,
      type: 'statefulSet',
      data: workloadData(key, o, x.status?.readyReplicas ?? 0, x.spec?.replicas ?? 1),
    };
  // A CronJob: its active Jobs (kubectl's ACTIVE) over themselves.
  if (o.kind === 'CronJob') {
    const n = x.status?.active?.length ?? 0;
    return { id: key, type: 'cronJob', data: workloadData(key, o, n, n) };
  }
  return {
    id: key,
    type: 'job',
    data: workloadData(key, o, x.status?.succeeded ?? 0, x.spec?.completions ?? 1),
  };
}

function ownerEdge(o: K8sObject, key: string, uidToKey: Map<string, string>, edges: DerivedEdge[]) {
  const owner = o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
  if (!owner) return;
  // Owners outside the shown namespaces (CoreDNS's ReplicaSet) have no node, so no edge.
  const ownerKey = uidToKey.get(owner.uid);
  if (ownerKey === undefined) return;
  edges.push({ id: `owns:${ownerKey}->${key}`, source: ownerKey, target: key, kind: 'owns' });
}

function endpointAddresses(e: Endpoints): EndpointAddressView[] {
  const out: EndpointAddressView[] = [];
  for (const subset of e.subsets ?? []) {
    const ports = (subset.ports ?? []).map((p) => p.port);
    for (const a of subset.addresses ?? []) out.push({ ip: a.ip, ports, ready: true });
    for (const a of subset.notReadyAddresses ?? []) out.push({ ip: a.ip, ports, ready: false });
  }
  return out;
}

/** One-shot form of GraphDeriver for tests and callers that keep no cache. */
export function deriveGraph(
  objects: Iterable<K8sObject>,
  options: GraphViewOptions = DEFAULT_VIEW,
): DerivedGraph {
  return new GraphDeriver().derive(objects, options);
}
