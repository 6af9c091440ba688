// k3s ServiceLB (Klipper): for every LoadBalancer Service a DaemonSet `svclb-<svc>-<uid[:8]>` in
// kube-system runs one Pod per node whose containers hold the Service's ports as hostPorts. The
// Service's EXTERNAL-IP is the IPs of the nodes whose svclb Pod is Ready; when another Service
// already holds the port on every node, the new svclb Pod stays Pending (the scheduler's NodePorts
// filter) and EXTERNAL-IP stays `<pending>` (§C3). The DaemonSet is stored (a lazy entry built
// late from the Service: ../apiserver/published-build.ts) and its Pods name it as owner; this
// controller plays the DaemonSet controller's part for its Pods (create, replace, clean up) and
// deletes the DaemonSet with the Service's LoadBalancer (deleteDaemonSet).
// [K3S pkg/cloudprovider/servicelb.go]
import type { K8sObject, Pod, Service } from '../api/types';
import { publish } from '../apiserver/published';
import type { ApiServer } from '../apiserver/server';
import type { Store } from '../apiserver/store';
import type { Profile } from '../profiles';
import type { ControllerContext, StoreReader } from '../runtime/interfaces';
import { createRng, uuid } from '../runtime/rng';
import { DAEMON_TOLERATIONS } from './daemonset-tolerations';

export const SVCLB_IMAGE = 'rancher/mirrored-klipper-lb:v0.4.13';
export const SVCNAME_LABEL = 'svccontroller.k3s.cattle.io/svcname';
export const SVCNAMESPACE_LABEL = 'svccontroller.k3s.cattle.io/svcnamespace';

/** The DaemonSet name k3s gives a Service's svclb Pods. */
export const svclbName = (svc: Service) => `svclb-${svc.metadata.name}-${svc.metadata.uid.slice(0, 8)}`;

/** The svclb DaemonSet's uid (seeded from the Service's: the same seed gives the same one). */
export const svclbUid = (svc: Service) => uuid(createRng(0).fork(`svclb/${svc.metadata.uid}`));

function svclbPods(store: StoreReader, ns: string, name: string): Pod[] {
  const out: Pod[] = [];
  for (const p of store.byNamespace('Pod', 'kube-system') as Iterable<Pod>) {
    const l = p.metadata.labels;
    if (l?.[SVCNAME_LABEL] === name && l[SVCNAMESPACE_LABEL] === ns) out.push(p);
  }
  return out;
}

interface LbContainer {
  name: string;
  ports?: { containerPort: number; hostPort?: number; protocol?: string }[];
  env?: { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } }[];
}

/**
 * What a svclb Pod's containers hold of the Service (ports, forwarding target, source ranges): a
 * Pod whose key differs from the one the Service wants now came from an older DaemonSet template
 * and is replaced, as a template update replaces a DaemonSet's Pods.
 */
const templateKey = (containers: readonly LbContainer[]) =>
  containers
    .map(
      (c) =>
        `${c.name}:${(c.ports ?? []).map((p) => `${p.protocol}/${p.containerPort}/${p.hostPort}`).join('+')}:` +
        (c.env ?? []).map((e) => `${e.name}=${e.value ?? e.valueFrom?.fieldRef?.fieldPath}`).join('+'),
    )
    .join(',');

/**
 * servicehelper.GetLoadBalancerSourceRanges as SRC_RANGES spells it: spec.loadBalancerSourceRanges,
 * else the service.beta.kubernetes.io/load-balancer-source-ranges annotation, else 0.0.0.0/0; each
 * CIDR as net.IPNet prints it (the network address), sorted and without duplicates (a string set).
 */
export function sourceRanges(svc: Service): string {
  const spec = (svc.spec.loadBalancerSourceRanges ?? []).map((r) => r.trim()).filter((r) => r !== '');
  const ann = svc.metadata.annotations?.['service.beta.kubernetes.io/load-balancer-source-ranges']?.trim();
  const raw = spec.length > 0 ? spec : ann ? ann.split(',').map((r) => r.trim()) : ['0.0.0.0/0'];
  return [...new Set(raw.map(networkOf))].sort().join(',');
}

/** An IPv4 CIDR's network address with its prefix (`10.1.2.3/8` → `10.0.0.0/8`); others as given. */
function networkOf(cidr: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return cidr;
  const bits = Number(m[5]);
  const ip = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const net = bits === 0 ? 0 : (ip & (0xffffffff << (32 - bits))) >>> 0;
  return `${net >>> 24}.${(net >>> 16) & 255}.${(net >>> 8) & 255}.${net & 255}/${bits}`;
}

export function svclbPod(svc: Service, node: string): K8sObject {
  const ds = svclbName(svc);
  const ranges = sourceRanges(svc);
  const local = svc.spec.externalTrafficPolicy === 'Local';
  const containers = (svc.spec.ports ?? []).map((p) => {
    const proto = p.protocol ?? 'TCP';
    const name = `lb-${proto.toLowerCase()}-${p.port}`;
    return {
      name,
      image: SVCLB_IMAGE,
      imagePullPolicy: 'IfNotPresent',
      env: [
        { name: 'SRC_PORT', value: String(p.port) },
        { name: 'SRC_RANGES', value: ranges },
        { name: 'DEST_PROTO', value: proto },
        // externalTrafficPolicy Local (RequestsOnlyLocalTraffic): to the node's own nodePort, so
        // only this node's endpoints answer; else to the ClusterIP.
        ...(local
          ? [
              { name: 'DEST_PORT', value: String(p.nodePort ?? 0) },
              { name: 'DEST_IPS', valueFrom: { fieldRef: { fieldPath: 'status.hostIPs' } } },
            ]
          : [
              { name: 'DEST_PORT', value: String(p.port) },
              { name: 'DEST_IPS', value: (svc.spec.clusterIPs ?? [svc.spec.clusterIP]).join(',') },
            ]),
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
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: ds,
          uid: svclbUid(svc),
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
      // newDaemonSet's pod security context: forwarding on for the Service's family (IPv4 here).
      securityContext: { sysctls: [{ name: 'net.ipv4.ip_forward', value: '1' }] },
      tolerations: [
        { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        // What the DaemonSet controller appends to every Pod it creates; svclb is off the host
        // network, so without network-unavailable.
        ...DAEMON_TOLERATIONS.slice(0, 6),
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
  const key = want ? templateKey((svclbPod(want, '').spec as { containers: LbContainer[] }).containers) : '';
  const kept: Pod[] = [];
  for (const p of pods) {
    const current =
      want &&
      p.metadata.labels?.app === ds &&
      templateKey((p.spec as { containers: LbContainer[] }).containers) === key &&
      !p.metadata.deletionTimestamp;
    if (current) kept.push(p);
    else if (!p.metadata.deletionTimestamp) {
      ctx.api.delete('Pod', 'kube-system', p.metadata.name);
      if (!want) (ctx.store as Store).remove('DaemonSet', 'kube-system', p.metadata.labels?.app as string);
    }
  }
  if (!want) return [];
  if (!(ctx.store as Store).entry('DaemonSet', 'kube-system', ds))
    publish(ctx.api as ApiServer, 'DaemonSet', 'kube-system', ds, [want, ctx.clock.now()]);
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
