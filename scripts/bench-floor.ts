// The write floor of the core benchmark: what only *storing* the object versions a faithful
// cluster writes for that manifest costs, with no simulator logic at all (no defaulting or
// validation, no controller deciding anything, no scheduler, IPAM, clock, DNS or proxy state).
//
// From the same YAML text (parsed here, as apply_settle parses it), per Deployment it writes what
// the simulated cluster writes for a 5-replica rollout, in objects of the same shape and size
// (a Pod is ~2.9 KB of JSON, a 5-endpoint EndpointSlice ~1.9 KB):
//   creates: Deployment, ReplicaSet, Service, Endpoints, EndpointSlice
//   per Pod: create, bind, 3 kubelet status writes (ContainerCreating, sandbox ready with the IP,
//            Running and Ready), then one Endpoints and one EndpointSlice update
//   5 ReplicaSet and 5 Deployment status writes, and 31 Events (compact records, as ours are).
// Each write is a store write as ours makes it: a copy of the object and its metadata stamped with
// the next resourceVersion, a Map set, and a watch fan-out to six listeners that only note the key.
// That is ~50,000 writes and ~31,000 Events, the counts of the real run (~48,000 and ~31,000).
//
// Any implementation that materialises each version (as ours and a real API server do) costs at
// least this; only a design that never builds the intermediate versions could go below it.
import { loadAll } from 'js-yaml';

// biome-ignore lint/suspicious/noExplicitAny: plain JSON objects of several shapes.
type Any = any;

const TS = '2026-01-08T09:30:00Z';
const NODE = 'docker-desktop';
const HOST_IP = '192.168.65.3';

class FloorStore {
  readonly objects = new Map<string, Any>();
  private rv = 1000;
  private readonly queues: Set<string>[] = [0, 1, 2, 3, 4, 5].map(() => new Set<string>());
  writes = 0;
  put(key: string, o: Any): Any {
    this.rv += 1;
    this.writes += 1;
    const metadata = { ...o.metadata };
    metadata.resourceVersion = String(this.rv);
    const stored = { ...o };
    stored.metadata = metadata;
    this.objects.set(key, stored);
    for (const q of this.queues) {
      q.add(key);
      if (q.size > 64) q.clear(); // a controller draining its queue
    }
    return stored;
  }
}

const conditions = (sandbox: string, ready: string) =>
  ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
    type,
    status:
      type === 'Ready' || type === 'ContainersReady'
        ? ready
        : type === 'PodReadyToStartContainers'
          ? sandbox
          : 'True',
    lastProbeTime: null,
    lastTransitionTime: TS,
  }));

// What every Pod of the benchmark has in common is shared (stored objects are immutable, so a
// simulator may share equal subtrees, as ours does): only what differs per Pod is allocated.
const TOLERATIONS = ['not-ready', 'unreachable'].map((t) => ({
  effect: 'NoExecute',
  key: `node.kubernetes.io/${t}`,
  operator: 'Exists',
  tolerationSeconds: 300,
}));
const TOKEN_SOURCES = [
  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
  { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
  {
    downwardAPI: {
      items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
    },
  },
];
const SECURITY_CONTEXT = {};
const RESOURCES = {};

/** A Pod's spec as defaulting and admission leave it: the token volume's name is the Pod's own. */
function podSpec(template: Any, volume: string): Any {
  const c = template.spec.containers[0];
  return {
    containers: [
      {
        ...c,
        resources: RESOURCES,
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'Always',
        volumeMounts: [
          { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume, readOnly: true },
        ],
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: SECURITY_CONTEXT,
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    serviceAccountName: 'default',
    serviceAccount: 'default',
    tolerations: TOLERATIONS,
    volumes: [{ name: volume, projected: { defaultMode: 420, sources: TOKEN_SOURCES } }],
  };
}

/**
 * An Event as our recorder keeps it until something reads it (a compact record, see
 * src/sim/apiserver/events.ts): the involved object, reason, message, source and time, no v1 object.
 */
function event(s: FloorStore, n: number, o: Any, reason: string): void {
  s.objects.set(`Event/${n}`, {
    n,
    obj: o.metadata,
    reason,
    message: reason,
    source: 'kubelet',
    at: n,
    count: 1,
  });
}

/** One pass over `text`: parse, then every write. Returns the store for the caller to drop. */
export function floorRun(text: string, replicas = 5): FloorStore {
  const s = new FloorStore();
  const docs = loadAll(text) as Any[];
  let events = 0;
  const ev = (o: Any, reason: string) => event(s, ++events, o, reason);
  for (let i = 0; i + 1 < docs.length; i += 2) {
    const d = docs[i];
    const sv = docs[i + 1];
    const name = d.metadata.name;
    const svcName = sv.metadata.name;
    const meta = (m: Any, uid: string) => ({ ...m, namespace: 'default', uid, creationTimestamp: TS });
    const depKey = `Deployment/${name}`;
    let dep = s.put(depKey, {
      ...d,
      metadata: { ...meta(d.metadata, `d-${i}`), generation: 1 },
      spec: {
        ...d.spec,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: {},
    });
    const svc = s.put(`Service/${svcName}`, {
      ...sv,
      metadata: meta(sv.metadata, `s-${i}`),
      spec: {
        ...sv.spec,
        ports: sv.spec.ports.map((p: Any) => ({ protocol: 'TCP', ...p })),
        clusterIP: `10.96.${i >> 8}.${i & 255}`,
        clusterIPs: [`10.96.${i >> 8}.${i & 255}`],
        type: 'ClusterIP',
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    });
    const hash = '7d67c58884';
    const rsName = `${name}-${hash}`;
    const labels = { ...d.spec.template.metadata.labels, 'pod-template-hash': hash };
    const rsKey = `ReplicaSet/${rsName}`;
    let rs = s.put(rsKey, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        ...meta({ name: rsName, labels }, `r-${i}`),
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas) },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name,
            uid: dep.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
        generation: 1,
      },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: d.spec.template.spec },
      },
      status: { replicas: 0 },
    });
    ev(dep, 'ScalingReplicaSet');
    const epMeta = (uid: string) => ({
      ...meta({ name: svcName }, uid),
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': TS },
    });
    const epKey = `Endpoints/${svcName}`;
    let ep = s.put(epKey, {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { ...epMeta(`e-${i}`), labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    });
    const sliceKey = `EndpointSlice/${svcName}-pgkbf`;
    let slice = s.put(sliceKey, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        ...epMeta(`es-${i}`),
        name: `${svcName}-pgkbf`,
        generateName: `${svcName}-`,
        labels: {
          'kubernetes.io/service-name': svcName,
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: svcName,
            uid: svc.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      addressType: 'IPv4',
      endpoints: [],
      ports: [{ name: '', protocol: 'TCP', port: 80 }],
    });
    const addresses: Any[] = [];
    const endpoints: Any[] = [];
    for (let k = 0; k < replicas; k++) {
      const podName = `${rsName}-x${k}abc`;
      const ip = `10.${1 + (i >> 8)}.${i & 255}.${k + 2}`;
      const podKey = `Pod/${podName}`;
      let pod = s.put(podKey, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${rsName}-`,
          ...meta({ name: podName, labels }, `p-${i}-${k}`),
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rsName,
              uid: rs.metadata.uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
          generation: 1,
        },
        spec: podSpec(d.spec.template, `kube-api-access-${k}abcd`),
        status: { phase: 'Pending', qosClass: 'BestEffort' },
      });
      ev(rs, 'SuccessfulCreate');
      pod = s.put(podKey, {
        ...pod,
        spec: { ...pod.spec, nodeName: NODE },
        status: { ...pod.status, conditions: [conditions('True', 'True')[4]] },
      });
      ev(pod, 'Scheduled');
      const waiting = {
        name: 'web',
        image: 'nginx',
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
      };
      pod = s.put(podKey, {
        ...pod,
        status: {
          phase: 'Pending',
          qosClass: 'BestEffort',
          conditions: conditions('False', 'False'),
          hostIP: HOST_IP,
          hostIPs: [{ ip: HOST_IP }],
          startTime: TS,
          containerStatuses: [waiting],
        },
      });
      pod = s.put(podKey, {
        ...pod,
        status: { ...pod.status, conditions: conditions('True', 'False'), podIP: ip, podIPs: [{ ip }] },
      });
      ev(pod, 'Pulling');
      ev(pod, 'Pulled');
      ev(pod, 'Created');
      pod = s.put(podKey, {
        ...pod,
        status: {
          ...pod.status,
          phase: 'Running',
          conditions: conditions('True', 'True'),
          containerStatuses: [
            {
              name: 'web',
              image: 'docker.io/library/nginx:latest',
              imageID: `docker.io/library/nginx@sha256:${'8e'.repeat(32)}`,
              containerID: `containerd://${'3f'.repeat(32)}`,
              ready: true,
              started: true,
              restartCount: 0,
              state: { running: { startedAt: TS } },
              lastState: {},
            },
          ],
        },
      });
      ev(pod, 'Started');
      const targetRef = { kind: 'Pod', namespace: 'default', name: podName, uid: pod.metadata.uid };
      addresses.push({ ip, nodeName: NODE, targetRef });
      ep = s.put(epKey, {
        ...ep,
        subsets: [{ addresses: addresses.slice(), ports: [{ port: 80, protocol: 'TCP' }] }],
      });
      endpoints.push({
        addresses: [ip],
        conditions: { ready: true, serving: true, terminating: false },
        targetRef,
        nodeName: NODE,
      });
      slice = s.put(sliceKey, { ...slice, endpoints: endpoints.slice() });
    }
    for (let k = 1; k <= replicas; k++) {
      rs = s.put(rsKey, {
        ...rs,
        status: {
          replicas,
          fullyLabeledReplicas: replicas,
          readyReplicas: k,
          availableReplicas: k,
          observedGeneration: 1,
        },
      });
      dep = s.put(depKey, {
        ...dep,
        status: {
          observedGeneration: 1,
          replicas,
          updatedReplicas: replicas,
          readyReplicas: k,
          availableReplicas: k,
          unavailableReplicas: replicas - k,
          conditions: [
            {
              type: 'Available',
              status: 'True',
              lastUpdateTime: TS,
              lastTransitionTime: TS,
              reason: 'MinimumReplicasAvailable',
              message: 'Deployment has minimum availability.',
            },
            {
              type: 'Progressing',
              status: 'True',
              lastUpdateTime: TS,
              lastTransitionTime: TS,
              reason: 'ReplicaSetUpdated',
              message: `ReplicaSet "${rsName}" is progressing.`,
            },
          ],
        },
      });
    }
  }
  return s;
}
