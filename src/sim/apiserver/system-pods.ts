// The kube-system Pods a fresh cluster of each distro already runs besides CoreDNS, so that
// `kubectl get pods -n kube-system` looks like the real thing (§B12, §D):
//   Docker Desktop (kubeadm): etcd / kube-apiserver / kube-controller-manager / kube-scheduler
//     static Pods `<component>-docker-desktop`, `kube-proxy-<5>`, `storage-provisioner`,
//     `vpnkit-controller`;
//   kind: the same static Pods `-kind-control-plane`, `kindnet-<5>` and `kube-proxy-<5>` per node.
// They have been running since boot, so they are written as running snapshots that the kubelet
// adopts (as a restarted kubelet adopts running containers) without pulling or drawing from the
// kubelet's streams: names, uids and container IDs come from their own rng fork, so the chapter's
// Pod names, timings and IPs are the same as without them. Static Pods and DaemonSet Pods use the
// host network (podIP = node IP). The static Pods' manifests are not simulated (a deleted mirror
// Pod is not recreated); the DaemonSets are stored (lazy entries, see ./published) and a deleted
// DaemonSet Pod is recreated by ../controllers/daemonset-sync. The DaemonSet Pods carry their
// manifests' containers and volumes (kubeadm's kube-proxy: command, NODE_NAME, privileged, the
// kube-proxy ConfigMap (./kubeadm-config) and host paths; kind's kindnet-cni: env, capabilities,
// host paths), written defaulted since the late defaulting has not loaded at boot.
// [kubeadm static Pod manifests; kubelet mirror Pods (kubernetes.io/config.mirror); kind kindnetd]
import type { K8sObject, Node } from '../api/types';
import { DAEMON_TOLERATIONS } from '../controllers/daemonset-tolerations';
import { imageId, parseImage } from '../kubelet/images';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import type { Rng } from '../runtime/interfaces';
import { hexDigit, uuid } from '../runtime/rng';
import { publish } from './published';
import type { ApiServer } from './server';

// biome-ignore lint/suspicious/noExplicitAny: Pod specs are loosely typed JSON here.
type Any = any;

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

interface SystemPod {
  name: string;
  namespace: string;
  node: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
  image: string;
  container: string;
  hostNetwork: boolean;
  priorityClassName: string;
  /** The container's resources as the real manifest has them (they decide the QoS class). */
  resources?: Any;
  serviceAccountName?: string;
  /** The rest of the manifest's container (command, env, securityContext, volumeMounts) and Pod spec (volumes, nodeSelector). */
  c?: Any;
  s?: Any;
  /** Pod-network Pods only: the address the kubelet leased to it before the chapter began. */
  podIP?: string;
}

export interface SystemPodDeps {
  api: ApiServer;
  profile: Profile;
  rng: Rng;
  /** Boot instant (epoch ms) the Pods were started at. */
  startedAt: number;
  /** A pod-network address for a Pod on this node that the chapter's own Pods never reach. */
  leaseIP: (node: string) => string | undefined;
}

const suffix = (rng: Rng) => {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHABET[rng.int(ALPHABET.length)];
  return s;
};

function staticPods(profile: Profile, node: Node, ver: string): SystemPod[] {
  const name = node.metadata.name;
  const owner = { apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid };
  // kubeadm's requests: etcd 100m CPU and 100Mi memory (phases/etcd/local.go), the others a CPU
  // share only (staticpodutil.ComponentResources): Burstable, as `kubectl describe` shows them.
  const cpu = (c: string) => ({ requests: { cpu: c } });
  const components: [string, string, Any][] = [
    ['etcd', 'registry.k8s.io/etcd:3.6.4-0', { requests: { cpu: '100m', memory: '100Mi' } }],
    ['kube-apiserver', `registry.k8s.io/kube-apiserver:${ver}`, cpu('250m')],
    ['kube-controller-manager', `registry.k8s.io/kube-controller-manager:${ver}`, cpu('200m')],
    ['kube-scheduler', `registry.k8s.io/kube-scheduler:${ver}`, cpu('100m')],
  ];
  const nodeIP = profile.nodes.find((n) => n.name === name)?.ip ?? '';
  return components.map(([component, image, resources]) => ({
    name: `${component}-${name}`,
    namespace: 'kube-system',
    node: name,
    labels: { component, tier: 'control-plane' },
    annotations: {
      ...(component === 'etcd'
        ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${nodeIP}:2379` }
        : {}),
      ...(component === 'kube-apiserver'
        ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${nodeIP}:6443` }
        : {}),
      'kubernetes.io/config.source': 'file',
      'kubernetes.io/config.mirror': hex32(name + component),
    },
    owner,
    image,
    container: component,
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    resources,
  }));
}

/** A stable 32-hex-digit stand-in for the static manifest's hash (kubernetes.io/config.mirror). */
function hex32(s: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ round, 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

// The manifests' pieces as the API server stores them (defaulted: a hostPath's type "", a
// configMap's defaultMode 420, a fieldRef's apiVersion v1; `readOnly: false` omitted), written out
// because the boot runs before the late defaulting loads. Fresh objects for every Pod.
const fieldEnv = (name: string, fieldPath: string) => ({
  name,
  valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } },
});
const mount = (name: string, mountPath: string, readOnly?: true) => ({
  mountPath,
  name,
  ...(readOnly && { readOnly }),
});
const hostPath = (name: string, path: string, type = '') => ({ hostPath: { path, type }, name });
const OS_LINUX = () => ({ 'kubernetes.io/os': 'linux' });
/** kube-proxy's and kindnet's xtables lock and kernel modules. */
const HOST_MOUNTS = () => [
  mount('xtables-lock', '/run/xtables.lock'),
  mount('lib-modules', '/lib/modules', true),
];
const HOST_VOLUMES = () => [
  hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
  hostPath('lib-modules', '/lib/modules'),
];

function daemonSetPods(
  nodes: Node[],
  ds: {
    name: string;
    labels: Record<string, string>;
    image: string;
    uid: string;
    revision: string;
    resources?: Any;
    container: string;
    /** The manifest's container and Pod spec fields besides those above (a fresh copy per Pod). */
    more: () => { c: Any; s: Any };
  },
  rng: Rng,
): SystemPod[] {
  return nodes.map((n) => ({
    ...ds.more(),
    name: `${ds.name}-${suffix(rng)}`,
    namespace: 'kube-system',
    node: n.metadata.name,
    labels: { ...ds.labels, 'controller-revision-hash': ds.revision, 'pod-template-generation': '1' },
    owner: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.name, uid: ds.uid },
    image: ds.image,
    container: ds.container,
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    serviceAccountName: ds.name,
    ...(ds.resources ? { resources: ds.resources } : {}),
  }));
}

/** The system Pods of `profile` besides CoreDNS and the Deployment-managed add-ons. */
export function systemPods(
  profile: Profile,
  nodes: Node[],
  rng: Rng,
  leaseIP: SystemPodDeps['leaseIP'],
): SystemPod[] {
  const ver = profile.serverVersion.replace(/\+.*$/, '');
  const cp = nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined);
  // controller-revision-hash: ComputeHash of the template as ../apiserver/published-build stores
  // it, which needs the spew printer, bound late; the boot runs before it loads, so the values are
  // kept here and ../controllers/daemonset-boot-history.test.ts recomputes them. The 8 draws stay
  // so that the Pods' names and uids are what they were when the label was drawn.
  const revision = (hash: string) => {
    for (let i = 0; i < 8; i++) rng.int(27);
    return hash;
  };
  const out: SystemPod[] = [];
  if (profile.distro === 'k3s' || !cp) return out; // k3s runs its control plane and kube-proxy in the k3s binary
  out.push(...staticPods(profile, cp, ver));
  if (profile.distro === 'kind') {
    out.push(
      ...daemonSetPods(
        nodes,
        {
          name: 'kindnet',
          labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' },
          image: 'docker.io/kindest/kindnetd:v20250512-df8de77b',
          uid: uuid(rng),
          revision: revision('5fd5c5f695'),
          // kind's kindnet manifest: limits equal to requests, so Guaranteed.
          resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
          container: 'kindnet-cni',
          // kind v0.30.0 (the release of node v1.34.0) pkg/build/nodeimage/const_cni.go, its
          // {{ .PodSubnet }} rendered and CONTROL_PLANE_ENDPOINT appended by installcni's patch
          // (the docker provider's GetAPIServerInternalEndpoint: <control-plane node>:6443).
          more: () => ({
            c: {
              env: [
                fieldEnv('HOST_IP', 'status.hostIP'),
                fieldEnv('POD_IP', 'status.podIP'),
                { name: 'POD_SUBNET', value: profile.clusterCIDR },
                { name: 'CONTROL_PLANE_ENDPOINT', value: `${cp.metadata.name}:6443` },
              ],
              securityContext: { capabilities: { add: ['NET_RAW', 'NET_ADMIN'] }, privileged: false },
              volumeMounts: [
                mount('cni-cfg', '/etc/cni/net.d'),
                ...HOST_MOUNTS(),
                mount('nri-plugin', '/var/run/nri'),
              ],
            },
            s: {
              nodeSelector: OS_LINUX(),
              volumes: [
                hostPath('cni-cfg', '/etc/cni/net.d'),
                ...HOST_VOLUMES(),
                hostPath('nri-plugin', '/var/run/nri'),
              ],
            },
          }),
        },
        rng,
      ),
    );
  }
  out.push(
    ...daemonSetPods(
      nodes,
      {
        // kubeadm's kube-proxy DaemonSet states no resources (phases/addons/proxy/manifests.go):
        // BestEffort.
        name: 'kube-proxy',
        labels: { 'k8s-app': 'kube-proxy' },
        image: `registry.k8s.io/kube-proxy:${ver}`,
        uid: uuid(rng),
        // kind's is v1.34.0, Docker Desktop's v1.34.1.
        revision: revision(profile.distro === 'kind' ? '6f475c7966' : '66486579fc'),
        container: 'kube-proxy',
        // kubeadm's KubeProxyDaemonSet19 (phases/addons/proxy/manifests.go), defaulted.
        more: () => ({
          c: {
            command: [
              '/usr/local/bin/kube-proxy',
              '--config=/var/lib/kube-proxy/config.conf',
              '--hostname-override=$(NODE_NAME)',
            ],
            env: [fieldEnv('NODE_NAME', 'spec.nodeName')],
            securityContext: { privileged: true },
            volumeMounts: [mount('kube-proxy', '/var/lib/kube-proxy'), ...HOST_MOUNTS()],
          },
          s: {
            nodeSelector: OS_LINUX(),
            volumes: [
              { configMap: { defaultMode: 420, name: 'kube-proxy' }, name: 'kube-proxy' },
              ...HOST_VOLUMES(),
            ],
          },
        }),
      },
      rng,
    ),
  );
  if (profile.distro === 'docker-desktop') {
    // Docker Desktop's own manifests are not published: no resources are modelled for these two,
    // so their class is the one their spec as shown gives (BestEffort).
    const node = cp.metadata.name;
    for (const [name, image] of [
      ['storage-provisioner', 'docker/desktop-storage-provisioner:v2.0'],
      ['vpnkit-controller', 'docker/desktop-vpnkit-controller:dc331cb22850be0cdd97c84a9cfecaf44a1afb6e'],
    ] as const) {
      const ip = leaseIP(node);
      out.push({
        name,
        namespace: 'kube-system',
        node,
        labels: { component: name },
        image,
        container: name,
        hostNetwork: false,
        priorityClassName: 'system-cluster-critical',
        serviceAccountName: name,
        ...(ip ? { podIP: ip } : {}),
      });
    }
  }
  return out;
}

/**
 * A static Pod's tolerations: the kubelet gives every Pod it reads from a file `operator: Exists,
 * effect: NoExecute` (pkg/kubelet/config/common.go applyDefaults), which covers the not-ready and
 * unreachable taints, so DefaultTolerationSeconds adds nothing to the mirror Pod. The others keep
 * their manifests' `operator: Exists` (kube-proxy, kindnet; Docker Desktop's two are unpublished),
 * which covers them too; the DaemonSet controller appends its node-condition tolerations to its
 * Pods' (DAEMON_TOLERATIONS; every boot DaemonSet Pod is on the host network).
 */
const STATIC_TOLERATIONS = [{ operator: 'Exists', effect: 'NoExecute' }];

/** Create the Pods and give each its running status in the same instant (before any sync). */
export function bootSystemPods(deps: SystemPodDeps): void {
  const { api, profile, rng, startedAt } = deps;
  const nodes = [...api.store.byNamespace('Node', '')] as Node[];
  const now = rfc3339(startedAt);
  const nodeIP = new Map(profile.nodes.map((n) => [n.name, n.ip]));
  let last = '';
  for (const p of systemPods(profile, nodes, rng, deps.leaseIP)) {
    const spec: Any = {
      nodeName: p.node,
      priorityClassName: p.priorityClassName,
      ...(p.serviceAccountName ? { serviceAccountName: p.serviceAccountName } : {}),
      ...(p.hostNetwork ? { hostNetwork: true, dnsPolicy: 'ClusterFirst' } : {}),
      containers: [
        {
          name: p.container,
          image: p.image,
          imagePullPolicy: 'IfNotPresent',
          ...(p.resources ? { resources: p.resources } : {}),
          ...p.c,
        },
      ],
      ...p.s,
      tolerations:
        p.owner?.kind === 'Node'
          ? STATIC_TOLERATIONS
          : [{ operator: 'Exists' }, ...(p.owner ? DAEMON_TOLERATIONS : [])],
    };
    // The ServiceAccount the Pods run as and the DaemonSet they name as owner (its name too): lazy
    // entries (./published), the DaemonSet holding its first Pod's template, built late
    // (published-build.ts) and kept in step by ../controllers/daemonset-sync.
    const sa = p.serviceAccountName;
    if (sa && sa !== last) {
      last = sa;
      publish(api, 'ServiceAccount', 'kube-system', sa, 1);
      // Its ControllerRevision `<ds>-<hash>` too (built from the same first Pod).
      if (p.owner) {
        const x = [p, spec];
        publish(api, 'DaemonSet', 'kube-system', sa, x);
        publish(api, 'ControllerRevision', 'kube-system', `${sa}-${p.labels['controller-revision-hash']}`, x);
        // kubeadm's kube-proxy ConfigMap, which its Pods mount (./kubeadm-config).
        if (sa === 'kube-proxy') publish(api, 'ConfigMap', 'kube-system', sa, 0);
      }
    }
    const created = api.create(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: p.name,
          namespace: p.namespace,
          labels: p.labels,
          ...(p.annotations ? { annotations: p.annotations } : {}),
          ...(p.owner
            ? {
                // Written out, not `{ ...p.owner, controller, ... }`: a spread given new keys makes
                // a map of its own per call (see copyWith in ./copy).
                ownerReferences: [
                  {
                    apiVersion: p.owner.apiVersion,
                    kind: p.owner.kind,
                    name: p.owner.name,
                    uid: p.owner.uid,
                    controller: true,
                    blockOwnerDeletion: true,
                  },
                ],
              }
            : {}),
        },
        spec,
      } as unknown as K8sObject,
      { createdAt: startedAt, uid: uuid(rng) },
    );
    if (!created.ok) throw new Error(`boot: ${created.error.message}`);
    const hostIP = nodeIP.get(p.node) ?? '';
    const ip = p.hostNetwork ? hostIP : p.podIP;
    const ref = parseImage(p.image);
    const cond = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: now });
    let id = '';
    for (let i = 0; i < 64; i++) id += hexDigit(rng.int(16));
    const r = api.updateStatus({
      ...created.object,
      status: {
        phase: 'Running',
        conditions: [
          'PodReadyToStartContainers',
          'Initialized',
          'Ready',
          'ContainersReady',
          'PodScheduled',
        ].map(cond),
        hostIP,
        hostIPs: [{ ip: hostIP }],
        ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
        startTime: now,
        containerStatuses: [
          {
            name: p.container,
            image: ref.fullName,
            imageID: imageId(ref.repository),
            containerID: `containerd://${id}`,
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt: now } },
            lastState: {},
          },
        ],
        qosClass: created.object.status?.qosClass, // the API server's, from the resources above
      },
    } as unknown as K8sObject);
    if (!r.ok) throw new Error(`boot: ${r.error.message}`);
  }
}
