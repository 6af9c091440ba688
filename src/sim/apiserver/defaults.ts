// Defaulting as the API server does it after decoding. [K8S pkg/apis/core/v1/defaults.go,
// pkg/apis/apps/v1/defaults.go, plus the ServiceAccount/DefaultTolerationSeconds admission for Pods]
// Each function returns a new object; inputs are never mutated.
import type { K8sObject } from '../api/types';

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks loosely typed decoded JSON.
type Any = any;

/** `:latest` or no tag → Always, else IfNotPresent (a digest counts as a tag). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Any): Any {
  const out: Any = { ...c };
  if (Array.isArray(c.ports)) out.ports = c.ports.map((p: Any) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
  if (out.resources === undefined) out.resources = {};
  if (out.terminationMessagePath === undefined) out.terminationMessagePath = '/dev/termination-log';
  if (out.terminationMessagePolicy === undefined) out.terminationMessagePolicy = 'File';
  if (out.imagePullPolicy === undefined && typeof c.image === 'string')
    out.imagePullPolicy = defaultPullPolicy(c.image);
  return out;
}

export function defaultPodSpec(spec: Any): Any {
  const out: Any = { ...(spec ?? {}) };
  if (Array.isArray(out.containers)) out.containers = out.containers.map(defaultContainer);
  if (Array.isArray(out.initContainers)) out.initContainers = out.initContainers.map(defaultContainer);
  if (out.restartPolicy === undefined) out.restartPolicy = 'Always';
  if (out.terminationGracePeriodSeconds === undefined) out.terminationGracePeriodSeconds = 30;
  if (out.dnsPolicy === undefined) out.dnsPolicy = 'ClusterFirst';
  if (out.securityContext === undefined) out.securityContext = {};
  if (out.schedulerName === undefined) out.schedulerName = 'default-scheduler';
  return out;
}

/**
 * DefaultTolerationSeconds admission: the same two tolerations on every Pod that states none, so
 * every such Pod shares this one frozen array (stored objects are immutable snapshots).
 */
const DEFAULT_TOLERATIONS = deepFreeze(
  ['not-ready', 'unreachable'].map((t) => ({
    effect: 'NoExecute',
    key: `node.kubernetes.io/${t}`,
    operator: 'Exists',
    tolerationSeconds: 300,
  })),
);

/** Fields only real Pods get (SetDefaults_Pod, ServiceAccount and DefaultTolerationSeconds admission). */
const SYSTEM_PRIORITIES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

function defaultPod(obj: K8sObject): K8sObject {
  const spec: Any = defaultPodSpec(obj.spec);
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = 'PreemptLowerPriority';
  // Priority admission resolves the built-in PriorityClasses (scheduling/types.go).
  if (spec.priority === undefined) spec.priority = SYSTEM_PRIORITIES[spec.priorityClassName] ?? 0;
  // The ServiceAccount plugin leaves mirror Pods (static manifests) without an account.
  if (!obj.metadata?.annotations?.['kubernetes.io/config.mirror']) {
    if (spec.serviceAccountName === undefined) spec.serviceAccountName = 'default';
    if (spec.serviceAccount === undefined) spec.serviceAccount = spec.serviceAccountName;
  }
  if (spec.tolerations === undefined) spec.tolerations = DEFAULT_TOLERATIONS;
  return { ...obj, spec, status: obj.status ?? { phase: 'Pending', qosClass: 'BestEffort' } };
}

function defaultTemplate(t: Any): Any {
  return { ...(t ?? {}), metadata: t?.metadata ?? {}, spec: defaultPodSpec(t?.spec) };
}

function defaultDeployment(obj: K8sObject): K8sObject {
  const s: Any = { ...(obj.spec ?? {}) };
  if (s.replicas === undefined) s.replicas = 1;
  const strategy: Any = { ...(s.strategy ?? {}) };
  if (strategy.type === undefined) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru: Any = { ...(strategy.rollingUpdate ?? {}) };
    if (ru.maxUnavailable === undefined) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined) ru.maxSurge = '25%';
    strategy.rollingUpdate = ru;
  }
  s.strategy = strategy;
  if (s.revisionHistoryLimit === undefined) s.revisionHistoryLimit = 10;
  if (s.progressDeadlineSeconds === undefined) s.progressDeadlineSeconds = 600;
  s.template = defaultTemplate(s.template);
  return { ...obj, spec: s, status: obj.status ?? {} };
}

function defaultReplicaSet(obj: K8sObject): K8sObject {
  const s: Any = { ...(obj.spec ?? {}) };
  if (s.replicas === undefined) s.replicas = 1;
  s.template = defaultTemplate(s.template);
  return { ...obj, spec: s, status: obj.status ?? { replicas: 0 } };
}

function defaultService(obj: K8sObject): K8sObject {
  const s: Any = { ...(obj.spec ?? {}) };
  if (s.type === undefined || s.type === '') s.type = 'ClusterIP';
  if (s.sessionAffinity === undefined) s.sessionAffinity = 'None';
  if (Array.isArray(s.ports)) {
    s.ports = s.ports.map((p: Any) => {
      const q: Any = { ...p };
      if (q.protocol === undefined) q.protocol = 'TCP';
      // targetPort defaults to port (0 when port was omitted, hence the second validation cause).
      if (q.targetPort === undefined || q.targetPort === 0 || q.targetPort === '') q.targetPort = q.port ?? 0;
      return q;
    });
  }
  if (s.type !== 'ExternalName') {
    if (s.internalTrafficPolicy === undefined) s.internalTrafficPolicy = 'Cluster';
    if ((s.type === 'NodePort' || s.type === 'LoadBalancer') && s.externalTrafficPolicy === undefined) {
      s.externalTrafficPolicy = 'Cluster';
    }
    if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === undefined) {
      s.allocateLoadBalancerNodePorts = true;
    }
  }
  return { ...obj, spec: s, status: obj.status ?? { loadBalancer: {} } };
}

function defaultEndpoints(obj: K8sObject): K8sObject {
  const o: Any = { ...obj };
  if (Array.isArray(o.subsets)) {
    o.subsets = o.subsets.map((ss: Any) => ({
      ...ss,
      ...(Array.isArray(ss.ports)
        ? { ports: ss.ports.map((p: Any) => ({ ...p, protocol: p.protocol ?? 'TCP' })) }
        : {}),
    }));
  }
  return o;
}

function defaultNamespace(obj: K8sObject): K8sObject {
  // The NamespaceDefaultLabelName admission: every namespace carries its own name as a label.
  const labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
  return {
    ...obj,
    metadata: { ...obj.metadata, labels },
    spec: obj.spec ?? { finalizers: ['kubernetes'] },
    status: obj.status ?? { phase: 'Active' },
  };
}

export function applyDefaults(obj: K8sObject): K8sObject {
  switch (obj.kind) {
    case 'Pod':
      return defaultPod(obj);
    case 'Deployment':
      return defaultDeployment(obj);
    case 'ReplicaSet':
      return defaultReplicaSet(obj);
    case 'Service':
      return defaultService(obj);
    case 'Endpoints':
      return defaultEndpoints(obj);
    case 'Namespace':
      return defaultNamespace(obj);
    default:
      return obj;
  }
}

/** Where the ServiceAccount admission plugin mounts the token in every container. */
export const SA_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The token volume's sources, the same for every Pod. Stored objects are immutable snapshots, so
 * every Pod shares this one (frozen) object instead of carrying its own copy (5,000 Pods: ~3 MB).
 */
const SA_TOKEN_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    {
      downwardAPI: {
        items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
      },
    },
  ],
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/**
 * The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount): a projected volume
 * `kube-api-access-<5>` (token, the kube-root-ca.crt ConfigMap, the namespace) mounted read-only
 * at /var/run/secrets/kubernetes.io/serviceaccount in every container, unless the Pod opts out
 * (automountServiceAccountToken: false) or a container already mounts something there.
 */
export function withServiceAccountToken(spec: Any, suffix: () => string): Any {
  if (spec?.automountServiceAccountToken === false) return spec;
  const containers: Any[] = spec?.containers ?? [];
  const mountsThere = (c: Any) =>
    (c.volumeMounts ?? []).some((m: Any) => m.mountPath === SA_TOKEN_MOUNT_PATH);
  if (containers.length === 0 || containers.some(mountsThere)) return spec;
  const name = `kube-api-access-${suffix()}`;
  const volume = { name, projected: SA_TOKEN_PROJECTION };
  const mount = { mountPath: SA_TOKEN_MOUNT_PATH, name, readOnly: true };
  return {
    ...spec,
    containers: containers.map((c) => ({ ...c, volumeMounts: [...(c.volumeMounts ?? []), mount] })),
    volumes: [...(spec.volumes ?? []), volume],
  };
}
