// System Pods on the host network (kube-proxy, kindnet, the static control-plane Pods) report
// their node's IP as podIP. That address is the node's: traffic to it must reach the node (the
// API server behind the `kubernetes` Service listens there), not a Pod.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { sleep1 as SLEEP } from '../../scenarios/ch03/sleep';
import type { Pod } from '../api/types';
import type { ProfileName } from '../contract';
import { drive } from '../testing/driver';

// biome-ignore lint/suspicious/noExplicitAny: Endpoints and EndpointSlices read loosely.
type Any = any;

describe.each<[ProfileName, string]>([
  ['docker-desktop', '192.168.65.3:6443'],
  ['kind', '172.18.0.2:6443'],
])('hostNetwork system Pods on %s', (profile, apiServer) => {
  const setup = () => {
    const c = drive({ seed: 3, profile }).apply(SLEEP, { source: 'sleep1.yaml' }).advance(30_000).cluster;
    const pod = c.list('Pod', { namespace: 'default', labelSelector: 'app=sleep-1' })[0] as Pod;
    return { c, key: `Pod/default/${pod.metadata.name}` };
  };

  it('share the node IP', () => {
    const { c } = setup();
    const hostPods = (c.list('Pod', { namespace: 'kube-system' }) as Pod[]).filter((p) => p.spec.hostNetwork);
    expect(hostPods.length).toBeGreaterThan(0);
    const nodeIPs = new Set(
      c.list('Node').flatMap((n) => (n.status.addresses as { address: string }[]).map((a) => a.address)),
    );
    for (const p of hostPods) expect(nodeIPs.has(p.status.podIP as string)).toBe(true);
  });

  it('do not capture traffic to the kubernetes Service: it reaches the API server on the node', () => {
    const { c, key } = setup();
    const t = c.net.trace({
      source: { kind: 'pod', key },
      destination: 'kubernetes',
      protocol: 'TCP',
      port: 443,
    });
    expect(t.verdict).toBe('delivered');
    expect(`${t.endpoint?.ip}:${t.endpoint?.port}`).toBe(apiServer);
    expect(t.endpoint?.pod).toBeUndefined();
  });

  it('get no pod A record of their own', () => {
    const { c } = setup();
    const nodeIP = apiServer.split(':')[0] as string;
    const podRecords = c.net.dnsRecords().filter((r) => r.name.includes('.pod.') && r.value === nodeIP);
    expect(podRecords).toEqual([]);
  });
});

// A Pod the student writes with `hostNetwork: true`: the kubelet gives it the node's IP from its
// first status (generateAPIPodStatus), CNI is never asked for one, and everything that reads the
// Pod's IP (kubectl -o wide, Endpoints, EndpointSlices, kube-proxy's DNAT) sees the node's.
const HOST_NGINX = `apiVersion: v1
kind: Pod
metadata:
  name: hn
  labels: {app: hn}
spec:
  hostNetwork: true
  nodeName: kind-worker
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: hn
spec:
  selector: {app: hn}
  ports:
  - port: 8080
    targetPort: 80
`;

const PLAIN = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: kind-worker
  containers:
  - name: c
    image: kiamol/ch03-sleep
`;

const WORKER_IP = '172.18.0.3';

describe('a hostNetwork Pod the student creates (kind)', () => {
  const setup = () => kdrive({ seed: 3, profile: 'kind' }).applyOk(HOST_NGINX);

  it('shows the node IP from its first kubelet status, while ContainerCreating', () => {
    const d = setup().advance(100); // admitted; the sandbox is still being created
    const pod = d.get('Pod', 'hn') as Pod;
    expect(pod.status.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(pod.status.podIP).toBe(WORKER_IP);
    expect(pod.status.podIPs).toEqual([{ ip: WORKER_IP }]);
    expect(pod.status.hostIP).toBe(WORKER_IP);
  });

  it('kubectl get pods -o wide shows the node IP; the Endpoints and the EndpointSlice point at it', () => {
    const d = setup().advance(30_000);
    const wide = d.kubectl('get pod hn -o wide').stdout().split('\n');
    expect(wide[1]).toMatch(
      new RegExp(
        `^hn +1/1 +Running +0 +\\d+s +${WORKER_IP.replaceAll('.', '\\.')} +kind-worker +<none> +<none>$`,
      ),
    );
    const ep = d.get('Endpoints', 'hn') as Any;
    expect(ep.subsets).toEqual([
      {
        addresses: [
          {
            ip: WORKER_IP,
            nodeName: 'kind-worker',
            targetRef: {
              kind: 'Pod',
              name: 'hn',
              namespace: 'default',
              uid: (d.get('Pod', 'hn') as Pod).metadata.uid,
            },
          },
        ],
        ports: [{ port: 80, protocol: 'TCP' }],
      },
    ]);
    const slices = d.cluster.list('EndpointSlice', {
      namespace: 'default',
      labelSelector: 'kubernetes.io/service-name=hn',
    }) as Any[];
    expect(slices.flatMap((s) => s.endpoints.map((e: Any) => e.addresses))).toEqual([[WORKER_IP]]);
    // SetDefaults_Pod: on the host network a container port's hostPort is its containerPort.
    expect((d.get('Pod', 'hn') as Pod).spec.containers[0]?.ports).toEqual([
      { containerPort: 80, hostPort: 80, protocol: 'TCP' },
    ]);
  });

  it('takes no address from the node’s pod range, and gives none back when deleted', () => {
    // The same Pods on the same node with and without the hostNetwork Pod get the same addresses.
    const ips = (withHost: boolean) => {
      const d = kdrive({ seed: 3, profile: 'kind' });
      if (withHost) d.applyOk(HOST_NGINX);
      d.applyOk(PLAIN('a')).advance(30_000);
      if (withHost) d.delete('Pod', 'hn').advance(5_000);
      d.applyOk(PLAIN('b')).advance(30_000);
      return ['a', 'b'].map((n) => (d.get('Pod', n) as Pod).status.podIP);
    };
    const without = ips(false);
    expect(without[0]).toMatch(/^10\.244\.1\.\d+$/);
    expect(ips(true)).toEqual(without);
  });

  it('a Service over it DNATs to the node IP, where the node hands it to the Pod on its network', () => {
    const d = setup().applyOk(PLAIN('client')).advance(30_000);
    const t = d.cluster.net.trace({
      source: { kind: 'pod', key: 'Pod/default/client' },
      destination: 'hn',
      protocol: 'TCP',
      port: 8080,
    });
    expect(t.endpoint).toEqual({ ip: WORKER_IP, port: 80, pod: 'Pod/default/hn' });
    expect(t.hops.find((h) => h.kind === 'dnat' && h.from === 'Service/default/hn')?.label).toBe(
      `DNAT → ${WORKER_IP}:80`,
    );
    // No Pod sandbox owns the node IP: the node receives the packet, and the hostNetwork Pod's
    // socket on it answers (hostnetwork-trace.test.ts has the hops in full).
    expect(t.verdict).toBe('delivered');
    expect(t.hops.find((h) => h.kind === 'deliver')?.to).toBe('Pod/default/hn');
  });

  it('CoreDNS (pods insecure) answers its dashed name with the node IP; it adds no pod record of its own', () => {
    const d = setup().applyOk(PLAIN('client')).advance(30_000);
    const out = d.kubectl(
      `exec client -- nslookup ${WORKER_IP.replaceAll('.', '-')}.default.pod.cluster.local`,
    );
    expect(out.stdout()).toContain(`Address: ${WORKER_IP}\n`);
    expect(d.cluster.net.dnsRecords().filter((r) => r.owner === 'Pod/default/hn')).toEqual([]);
  });
});
