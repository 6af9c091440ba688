// What a fresh cluster of each profile already holds: the four namespaces, the node(s), the
// `kubernetes` Service, CoreDNS (Deployment `coredns`, Service `kube-dns`) and, on k3s, the
// metrics-server and traefik Services; then (bootAddons) the distro's other system Pods and add-on
// Deployments. [kubeadm CoreDNS manifest; §B12, §C3, §C6]
import type { K8sObject } from '../api/types';
import { kubernetesService } from '../controllers/kubernetes-service';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import type { Clock, Rng } from '../runtime/interfaces';
import type { ControllerManager } from '../runtime/manager';
import { publish } from './published';
import type { ApiServer } from './server';
import type { Store } from './store';
import { bootSystemPods } from './system-pods';

// kubeadm 1.34's CoreDNS (constants.go CoreDNSVersion v1.12.1; Docker Desktop and kind run kubeadm's).
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.1';

/** Each distro's default StorageClass (./storage-classes). */
const STORAGE_CLASS = { 'docker-desktop': 'hostpath', kind: 'standard', k3s: 'local-path' };

function node(profile: Profile, n: Profile['nodes'][number], maxPods: number): K8sObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  };
  if (n.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const taints =
    profile.distro === 'kind' && n.controlPlane
      ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]
      : undefined;
  const runtime = profile.distro === 'k3s' ? 'containerd://2.0.5-k3s1' : 'containerd://1.7.27';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels },
    spec: { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR], ...(taints ? { taints } : {}) },
    status: {
      addresses: [
        { type: 'InternalIP', address: n.ip },
        { type: 'Hostname', address: n.name },
      ],
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: runtime,
        kernelVersion: '6.10.14-linuxkit',
        kubeProxyVersion: profile.serverVersion,
        kubeletVersion: profile.serverVersion,
        operatingSystem: 'linux',
        osImage: profile.distro === 'docker-desktop' ? 'Docker Desktop' : 'Debian GNU/Linux 12 (bookworm)',
      },
      capacity: { cpu: '8', 'ephemeral-storage': '1055762868Ki', memory: '8024788Ki', pods: String(maxPods) },
      allocatable: {
        cpu: '8',
        'ephemeral-storage': '972991057538',
        memory: '7922388Ki',
        pods: String(maxPods),
      },
    },
  } as unknown as K8sObject;
}

function kubeDnsService(profile: Profile): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: profile.dnsServiceIP,
      clusterIPs: [profile.dnsServiceIP],
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  } as unknown as K8sObject;
}

/** k3s packages its own CoreDNS build and runs a single replica. [K3S manifests/coredns.yaml] */
export const K3S_COREDNS_IMAGE = 'rancher/mirrored-coredns-coredns:1.12.3';

/**
 * CoreDNS as each distro deploys it. kubeadm 1.34 (Docker Desktop, kind): the CoreDNSDeployment
 * template of cmd/kubeadm/app/phases/addons/dns/manifests.go (2 replicas, named probe ports since
 * kubernetes#131587, the control-plane taint tolerated without an operator). k3s:
 * manifests/coredns.yaml (one replica, revisionHistoryLimit 0, the master taint tolerated too,
 * NodeHosts in the config volume and the optional coredns-custom ConfigMap, its own probe timings,
 * capabilities dropped as `all`). What the API server defaults is spelt out (SetDefaults_Probe's
 * timeouts, periods and thresholds; a ConfigMap volume's defaultMode 420), so the defaulting bound
 * late finds nothing to add to a boot template. kubeadm's preferred podAntiAffinity is in the
 * template, so its pod-template-hash is a real 1.34 cluster's (ReplicaSet coredns-66bc5c9577);
 * the simulated scheduler does not weigh it. Left out for the page's boot budget: k3s's
 * topologySpreadConstraints (maxSkew 1 by hostname, DoNotSchedule). The kubelet starts these Pods Ready at once on its own
 * path while its facade is unbound, whether or not the late parts are loaded (no probe workers
 * through the boot's simulated days); a CoreDNS Pod started later with the prober bound runs them, and the image answers /health on 8080 and /ready on 8181 (net/listeners.ts,
 * workloads/apps/misc.ts serveCoreDns).
 */
function corednsDeployment(profile: Profile): K8sObject {
  const k3s = profile.distro === 'k3s';
  const sel = { 'k8s-app': 'kube-dns' };
  const common = {
    name: 'coredns',
    imagePullPolicy: 'IfNotPresent',
    args: ['-conf', '/etc/coredns/Corefile'],
    resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
  };
  const spec = k3s
    ? {
        tolerations: [
          { key: 'CriticalAddonsOnly', operator: 'Exists' },
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
          { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
        ],
        containers: [
          {
            ...common,
            image: K3S_COREDNS_IMAGE,
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
            ],
            volumeMounts: [
              { name: 'config-volume', mountPath: '/etc/coredns', readOnly: true },
              { name: 'custom-config-volume', mountPath: '/etc/coredns/custom', readOnly: true },
            ],
            livenessProbe: {
              httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
              initialDelaySeconds: 60,
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            readinessProbe: {
              httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' },
              timeoutSeconds: 1,
              periodSeconds: 2,
              successThreshold: 1,
              failureThreshold: 3,
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { add: ['NET_BIND_SERVICE'], drop: ['all'] },
              readOnlyRootFilesystem: true,
            },
          },
        ],
        volumes: [
          {
            name: 'config-volume',
            configMap: {
              name: 'coredns',
              items: [
                { key: 'Corefile', path: 'Corefile' },
                { key: 'NodeHosts', path: 'NodeHosts' },
              ],
              defaultMode: 420,
            },
          },
          {
            name: 'custom-config-volume',
            configMap: { name: 'coredns-custom', optional: true, defaultMode: 420 },
          },
        ],
      }
    : {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                podAffinityTerm: {
                  labelSelector: {
                    matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }],
                  },
                  topologyKey: 'kubernetes.io/hostname',
                },
              },
            ],
          },
        },
        tolerations: [
          { key: 'CriticalAddonsOnly', operator: 'Exists' },
          { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        ],
        containers: [
          {
            ...common,
            image: COREDNS_IMAGE,
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' },
              { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' },
            ],
            volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
            livenessProbe: {
              httpGet: { path: '/health', port: 'liveness-probe', scheme: 'HTTP' },
              initialDelaySeconds: 60,
              timeoutSeconds: 5,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 5,
            },
            readinessProbe: {
              httpGet: { path: '/ready', port: 'readiness-probe', scheme: 'HTTP' },
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
              readOnlyRootFilesystem: true,
            },
          },
        ],
        volumes: [
          {
            name: 'config-volume',
            configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }], defaultMode: 420 },
          },
        ],
      };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'coredns',
      namespace: 'kube-system',
      labels: k3s ? { ...sel, 'kubernetes.io/name': 'CoreDNS' } : sel,
    },
    spec: {
      ...(k3s ? { revisionHistoryLimit: 0 } : { replicas: 2 }),
      selector: { matchLabels: sel },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: sel },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          serviceAccount: 'coredns', // the alias conversion writes (pkg/apis/core/v1/conversion.go)
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          dnsPolicy: 'Default',
          ...spec,
        },
      },
    },
  } as unknown as K8sObject;
}

function k3sExtras(): K8sObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'metrics-server', namespace: 'kube-system', labels: { 'k8s-app': 'metrics-server' } },
      spec: {
        selector: { 'k8s-app': 'metrics-server' },
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'traefik',
        namespace: 'kube-system',
        labels: { 'app.kubernetes.io/name': 'traefik' },
      },
      spec: {
        type: 'LoadBalancer',
        selector: { 'app.kubernetes.io/name': 'traefik' },
        ports: [
          { name: 'web', port: 80, protocol: 'TCP', targetPort: 'web' },
          { name: 'websecure', port: 443, protocol: 'TCP', targetPort: 'websecure' },
        ],
      },
    },
  ] as unknown as K8sObject[];
}

/** A single-replica add-on Deployment whose Pods the controllers and kubelet start as usual. */
function addonDeployment(a: {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  image: string;
  ports?: { containerPort: number; name: string; protocol: 'TCP' }[];
  priorityClassName: string;
  serviceAccountName: string;
}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: a.name, namespace: a.namespace, labels: a.labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: a.labels },
      template: {
        metadata: { labels: a.labels },
        spec: {
          priorityClassName: a.priorityClassName,
          serviceAccountName: a.serviceAccountName,
          serviceAccount: a.serviceAccountName,
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
          ],
          containers: [
            {
              name: a.name,
              image: a.image,
              imagePullPolicy: 'IfNotPresent',
              ...(a.ports ? { ports: a.ports } : {}),
            },
          ],
        },
      },
    },
  } as unknown as K8sObject;
}

/**
 * The add-ons each distro deploys next to CoreDNS: k3s's local-path-provisioner, metrics-server
 * and traefik (in kube-system; ServiceLB adds traefik's svclb Pod), kind's local-path-provisioner
 * in its own `local-path-storage` namespace. [K3S manifests; KIND local-path-storage] k3s v1.34.1+k3s1
 * ships local-path-provisioner v0.0.32 (its air-gap image list; v0.0.31 was 1.33's).
 */
export function addonDeployments(profile: Profile): K8sObject[] {
  if (profile.distro === 'kind')
    return [
      addonDeployment({
        name: 'local-path-provisioner',
        namespace: 'local-path-storage',
        labels: { app: 'local-path-provisioner' },
        image: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a',
        priorityClassName: 'system-node-critical',
        serviceAccountName: 'local-path-provisioner-service-account',
      }),
    ];
  if (profile.distro !== 'k3s') return [];
  return [
    addonDeployment({
      name: 'local-path-provisioner',
      namespace: 'kube-system',
      labels: { app: 'local-path-provisioner' },
      image: 'rancher/local-path-provisioner:v0.0.32',
      priorityClassName: 'system-node-critical',
      serviceAccountName: 'local-path-provisioner-service-account',
    }),
    addonDeployment({
      name: 'metrics-server',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'metrics-server' },
      image: 'rancher/mirrored-metrics-server:v0.8.0',
      ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'metrics-server',
    }),
    addonDeployment({
      name: 'traefik',
      namespace: 'kube-system',
      labels: { 'app.kubernetes.io/instance': 'traefik-kube-system', 'app.kubernetes.io/name': 'traefik' },
      image: 'rancher/mirrored-library-traefik:3.3.6',
      ports: [
        { containerPort: 8000, name: 'web', protocol: 'TCP' },
        { containerPort: 8443, name: 'websecure', protocol: 'TCP' },
      ],
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'traefik',
    }),
  ];
}

export function bootCluster(deps: {
  api: ApiServer;
  store: Store;
  profile: Profile;
  clock: Clock;
  manager: ControllerManager;
  /** The kubelet's --max-pods (default 110), shown as the Node's capacity/allocatable pods. */
  maxPods?: number;
}): void {
  const { api, profile } = deps;
  const must = (o: K8sObject) => bootCreate(api, o);
  const namespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
  if (profile.distro === 'kind') namespaces.push('local-path-storage');
  // The namespaces' uids are drawn first, in the order they are created (as create would draw
  // them), so the CA (root-ca.ts: kube-system's uid and creation time) is fixed before `default`
  // and its kube-root-ca.crt exist: a read of that ConfigMap during the boot finds the same CA.
  const uids = namespaces.map(() => api.newUid());
  const createdAt = deps.clock.now();
  deps.store.caIdentity = {
    uid: uids[namespaces.indexOf('kube-system')] as string,
    creationTimestamp: rfc3339(createdAt),
  };
  namespaces.forEach((ns, i) => {
    const o = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } as unknown as K8sObject;
    const r = api.create(o, { uid: uids[i] as string, createdAt });
    if (!r.ok) throw new Error(`boot: ${r.error.message}`);
  });
  for (const n of profile.nodes) must(node(profile, n, deps.maxPods ?? 110));
  must(kubernetesService(profile));
  must(kubeDnsService(profile));
  must(corednsDeployment(profile));
}

/**
 * The second boot phase, once CoreDNS runs (so it keeps the first Pod IPs): the static and
 * DaemonSet-style system Pods, then the add-on Deployments.
 */
export function bootAddons(deps: {
  api: ApiServer;
  profile: Profile;
  rng: Rng;
  now: number;
  leaseIP: (node: string) => string | undefined;
}): void {
  bootSystemPods({
    api: deps.api,
    profile: deps.profile,
    rng: deps.rng,
    startedAt: deps.now,
    leaseIP: deps.leaseIP,
  });
  // k3s's ServiceLB ensures its ServiceAccount at start (servicelb.go ensureServiceLBServiceAccount).
  if (deps.profile.distro === 'k3s') publish(deps.api, 'ServiceAccount', 'kube-system', 'svclb', 1);
  // The distro's default StorageClass, built on read by the late parts (./storage-classes; x: its
  // creation instant). Its name is the key, so it is spelled here.
  publish(deps.api, 'StorageClass', 'kube-system', STORAGE_CLASS[deps.profile.distro], deps.now);
  for (const d of addonDeployments(deps.profile)) bootCreate(deps.api, d);
  if (deps.profile.distro === 'k3s') for (const o of k3sExtras()) bootCreate(deps.api, o);
  // kube-apiserver's legacy-token-tracking ConfigMap; kubeadm's cluster-info (./kubeadm-config).
  publish(deps.api, 'ConfigMap', 'kube-system', 'kube-apiserver-legacy-service-account-token-tracking', 0);
  if (deps.profile.distro !== 'k3s') publish(deps.api, 'ConfigMap', 'kube-public', 'cluster-info', 0);
}

/**
 * Create a boot object; a Deployment's ServiceAccount first, as its installer creates it (kubeadm's
 * coredns, kind's local-path-provisioner-service-account, k3s's manifests): ./published.
 */
function bootCreate(api: ApiServer, o: K8sObject): void {
  const sa = (o as { spec?: { template?: { spec: { serviceAccountName?: string } } } }).spec?.template?.spec
    .serviceAccountName;
  if (sa) publish(api, 'ServiceAccount', o.metadata.namespace as string, sa, 1);
  const r = api.create(o);
  if (!r.ok) throw new Error(`boot: ${r.error.message}`);
}
