// k3s ServiceLB (Klipper): for every LoadBalancer Service a DaemonSet `svclb-<svc>-<uid[:8]>` in
// kube-system runs one Pod per node whose containers hold the Service's ports as hostPorts. The
// Service's EXTERNAL-IP is the IPs of the nodes whose svclb Pod is Ready; when another Service
// already holds the port on every node, the new svclb Pod stays Pending (the scheduler's NodePorts
// filter) and EXTERNAL-IP stays `<pending>` (§C3). The DaemonSet object itself is not simulated:
// its Pods name it as owner and this controller plays its part (create, replace, clean up).
// [K3S pkg/cloudprovider/servicelb.go]
import type { K8sObject, Pod, Service } from '../api/types';
import type { Profile } from '../profiles';
import type { ControllerContext, StoreReader } from '../runtime/interfaces';

export const SVCLB_IMAGE = 'rancher/mirrored-klipper-lb:v0.4.13';
export const SVCNAME_LABEL = 'svccontroller.k3s.cattle.io/svcname';
export const SVCNAMESPACE_LABEL = 'svccontroller.k3s.cattle.io/svcnamespace';

/** The DaemonSet name k3s gives a Service's svclb Pods. */
export const svclbName = (svc: Service) => `svclb-${svc.metadata.name}-${svc.metadata.uid.slice(0, 8)}`;

function svclbPods(store: StoreReader, ns: string, name: string): Pod[] {
  const out: Pod[] = [];
  for (const p of store.byNamespace('Pod', 'kube-system') as Iterable<Pod>) {
    const l = p.metadata.labels;
    if (l?.[SVCNAME_LABEL] === name && l[SVCNAMESPACE_LABEL] === ns) out.push(p);
  }
  return out;
}

const portsKey = (svc: Service) =>
  (svc.spec.ports ?? []).map((p) => `${p.protocol ?? 'TCP'}/${p.port}/${p.nodePort ?? ''}`).join(',');

function svclbPod(svc: Service, node: string): K8sObject {
  const ds = svclbName(svc);
  const containers = (svc.spec.ports ?? []).map((p) => {
    const proto = p.protocol ?? 'TCP';
    const name = `lb-${proto.toLowerCase()}-${p.port}`;
    return {
      name,
      image: SVCLB_IMAGE,
      imagePullPolicy: 'IfNotPresent',
      env: [
        { name: 'SRC_PORT', value: String(p.port) },
        { name: 'SRC_RANGES', value: '0.0.0.0/0' },
        { name: 'DEST_PROTO', value: proto },
        { name: 'DEST_PORT', value: String(p.port) },
        { name: 'DEST_IPS', value: (svc.spec.clusterIPs ?? [svc.spec.clusterIP]).join(',') },
      ],
      ports: [{ containerPort: p.port, hostPort: p.port, name, protocol: proto }],
      securityContext: { capabilities: { add: ['NET_ADMIN'] } },
    };
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds}-`,
      namespace: 'kube-system',
      labels: {
        app: ds,
        'pod-template-generation': '1',
        [SVCNAME_LABEL]: svc.metadata.name,
        [SVCNAMESPACE_LABEL]: svc.metadata.namespace ?? 'default',
      },
      annotations: { [`${SVCNAME_LABEL}.ports`]: portsKey(svc) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: ds,
          uid: svc.metadata.uid, // stands in for the DaemonSet's own uid
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      automountServiceAccountToken: false,
      serviceAccountName: 'svclb',
      priorityClassName: 'system-node-critical',
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
          },
        },
      },
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      ],
      containers,
    },
  } as unknown as K8sObject;
}

const ready = (p: Pod) =>
  p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/**
 * Keep one svclb Pod per node for a LoadBalancer Service (none otherwise) and return the ingress
 * the Service should show: the node IPs whose svclb Pod is Ready.
 */
export function syncServiceLB(
  ctx: ControllerContext,
  profile: Profile,
  ns: string,
  name: string,
  svc: Service | undefined,
): { ip: string; ipMode: 'VIP' }[] {
  const pods = svclbPods(ctx.store, ns, name);
  const want = svc && svc.spec.type === 'LoadBalancer' ? svc : undefined;
  const ds = want ? svclbName(want) : '';
  const ports = want ? portsKey(want) : '';
  const kept: Pod[] = [];
  for (const p of pods) {
    const current =
      want &&
      p.metadata.labels?.app === ds &&
      p.metadata.annotations?.[`${SVCNAME_LABEL}.ports`] === ports &&
      !p.metadata.deletionTimestamp;
    if (current) kept.push(p);
    else if (!p.metadata.deletionTimestamp) ctx.api.delete('Pod', 'kube-system', p.metadata.name);
  }
  if (!want) return [];
  const ingress: { ip: string; ipMode: 'VIP' }[] = [];
  for (const n of profile.nodes) {
    const mine = kept.filter((p) => {
      const terms = (
        p.spec as {
          affinity?: {
            nodeAffinity?: Record<
              string,
              { nodeSelectorTerms?: { matchFields?: { values?: string[] }[] }[] }
            >;
          };
        }
      ).affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
      return terms?.[0]?.matchFields?.[0]?.values?.[0] === n.name;
    });
    if (mine.length === 0) ctx.api.create(svclbPod(want, n.name));
    if (mine.some(ready)) ingress.push({ ip: n.ip, ipMode: 'VIP' });
  }
  return ingress;
}
