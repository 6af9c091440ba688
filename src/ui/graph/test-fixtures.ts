// Object builders for the graph's unit tests: the shapes the simulated API server stores.
import type { Deployment, Endpoints, K8sObject, Node, Pod, ReplicaSet, Service } from '../../sim/api/types';

let uid = 0;
const meta = (name: string, namespace: string | undefined, extra: Partial<K8sObject['metadata']> = {}) => ({
  name,
  ...(namespace === undefined ? {} : { namespace }),
  uid: `uid-${name}-${++uid}`,
  resourceVersion: '1',
  creationTimestamp: '2026-01-01T00:00:00Z',
  ...extra,
});

export function node(name = 'docker-desktop', ip = '192.168.65.3'): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined),
    spec: { podCIDR: '10.1.0.0/16', podCIDRs: ['10.1.0.0/16'] },
    status: { addresses: [{ type: 'InternalIP', address: ip }], conditions: [], nodeInfo: {} },
  };
}

export function deployment(name: string, ns = 'default'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, ns),
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'x' }] } },
      strategy: { type: 'RollingUpdate' },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: { readyReplicas: 1, replicas: 1 },
  };
}

export function replicaSet(d: Deployment, hash: string): ReplicaSet {
  const ns = d.metadata.namespace ?? 'default';
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(`${d.metadata.name}-${hash}`, ns, {
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: d.metadata.name,
          uid: d.metadata.uid,
          controller: true,
        },
      ],
    }),
    spec: { replicas: 1, selector: d.spec.selector, template: d.spec.template },
    status: { replicas: 1, readyReplicas: 1 },
  };
}

export interface PodOpts {
  ip?: string;
  labels?: Record<string, string>;
  owner?: ReplicaSet;
  nodeName?: string;
  ready?: boolean;
  waiting?: string;
  deleting?: boolean;
  ns?: string;
}

export function pod(name: string, o: PodOpts = {}): Pod {
  const ready = o.ready ?? true;
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, o.ns ?? 'default', {
      labels: o.labels ?? {},
      ...(o.owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: o.owner.metadata.name,
                uid: o.owner.metadata.uid,
                controller: true,
              },
            ],
          }
        : {}),
      ...(o.deleting ? { deletionTimestamp: '2026-01-01T00:01:00Z' } : {}),
    }),
    spec: { containers: [{ name: 'c', image: 'x' }], nodeName: o.nodeName ?? 'docker-desktop' },
    status: {
      phase: o.waiting ? 'Pending' : 'Running',
      containerStatuses: [
        {
          name: 'c',
          image: 'x',
          imageID: '',
          ready: ready && !o.waiting,
          started: !o.waiting,
          restartCount: 0,
          state: o.waiting
            ? { waiting: { reason: o.waiting } }
            : { running: { startedAt: '2026-01-01T00:00:00Z' } },
          lastState: {},
        },
      ],
    },
  };
  if (o.ip) p.status.podIP = o.ip;
  return p;
}

export function service(
  name: string,
  selector: Record<string, string> | undefined,
  extra: Partial<Service['spec']> = {},
  ns = 'default',
): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, ns),
    spec: {
      type: 'ClusterIP',
      ...(selector ? { selector } : {}),
      ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
      clusterIP: '10.98.2.165',
      sessionAffinity: 'None',
      ...extra,
    },
    status: { loadBalancer: {} },
  };
}

export function endpoints(name: string, ips: string[], port = 80, ns = 'default'): Endpoints {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta(name, ns),
    ...(ips.length > 0
      ? { subsets: [{ addresses: ips.map((ip) => ({ ip })), ports: [{ port, protocol: 'TCP' }] }] }
      : {}),
  };
}

/** The chapter's sleep-1 / sleep-2 world plus kube-dns, on Docker Desktop. */
export function sleepWorld(): K8sObject[] {
  const d1 = deployment('sleep-1');
  const d2 = deployment('sleep-2');
  const rs1 = replicaSet(d1, '8f68bd59d');
  const rs2 = replicaSet(d2, 'bd8bc78c7');
  const coredns = pod('coredns-7db6d8ff4d-abcde', {
    ns: 'kube-system',
    ip: '10.1.0.2',
    labels: { 'k8s-app': 'kube-dns' },
  });
  return [
    node(),
    d1,
    d2,
    rs1,
    rs2,
    pod('sleep-1-8f68bd59d-4s7j5', { ip: '10.1.0.28', labels: { app: 'sleep-1' }, owner: rs1 }),
    pod('sleep-2-bd8bc78c7-c7xb2', { ip: '10.1.0.24', labels: { app: 'sleep-2' }, owner: rs2 }),
    coredns,
    service('sleep-2', { app: 'sleep-2' }),
    endpoints('sleep-2', ['10.1.0.24']),
    service(
      'kube-dns',
      { 'k8s-app': 'kube-dns' },
      {
        clusterIP: '10.96.0.10',
        ports: [
          { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
          { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        ],
      },
      'kube-system',
    ),
    endpoints('kube-dns', ['10.1.0.2'], 53, 'kube-system'),
  ];
}
