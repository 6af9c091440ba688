// The tracer and hostNetwork Pods: such a Pod's process listens in its node's network namespace,
// so a connection to the node's address on its port is delivered to it (through a ClusterIP, a
// NodePort, or straight to the node IP), and its own packets leave from the node's address.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';
import type { Trace, TraceRequest } from '../contract';

const CP_IP = '172.18.0.2';
const WORKER_IP = '172.18.0.3';

const hostNginx = (name: string, node?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: hn}
spec:
  hostNetwork: true
${node ? `  nodeName: ${node}\n` : ''}  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

const svc = (policy: 'Cluster' | 'Local' = 'Cluster') => `apiVersion: v1
kind: Service
metadata:
  name: hn
spec:
  type: NodePort
  externalTrafficPolicy: ${policy}
  selector: {app: hn}
  ports:
  - port: 8080
    targetPort: 80
    nodePort: 30080
`;

const sleeper = (name: string, node: string, hostNetwork = false) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${node}
  hostNetwork: ${hostNetwork}
  containers:
  - name: c
    image: kiamol/ch03-sleep
`;

const kindCluster = (policy: 'Cluster' | 'Local' = 'Cluster') =>
  kdrive({ seed: 5, profile: 'kind' })
    .applyOk(hostNginx('hn', 'kind-worker'))
    .applyOk(svc(policy))
    .applyOk(sleeper('client', 'kind-worker'))
    .applyOk(sleeper('far', 'kind-worker2'))
    .advance(30_000);

const trace = (
  d: ReturnType<typeof kdrive>,
  req: Partial<TraceRequest> & Pick<TraceRequest, 'destination'>,
) => d.cluster.net.trace({ source: { kind: 'pod', key: 'Pod/default/client' }, protocol: 'TCP', ...req });

const kinds = (t: Trace) => t.hops.map((h) => `${h.kind} ${h.from} → ${h.to}`);

const DELIVERED = `SYN → ${WORKER_IP}:80: delivered to the Pod hn on the node's network`;

describe('a Service whose backend is a Running hostNetwork nginx (kind)', () => {
  it('ClusterIP from a Pod on the same node: DNAT to the node IP, delivered to the Pod, SYN-ACK', () => {
    const d = kindCluster();
    const ip = (d.get('Service', 'hn') as { spec: { clusterIP: string } }).spec.clusterIP;
    const t = trace(d, { destination: ip, port: 8080 });
    expect(t.verdict).toBe('delivered');
    expect(t.endpoint).toEqual({ ip: WORKER_IP, port: 80, pod: 'Pod/default/hn' });
    expect(kinds(t).slice(-3)).toEqual([
      'dnat Service/default/hn → Pod/default/hn',
      'deliver Service/default/hn → Pod/default/hn',
      'reply Pod/default/hn → Pod/default/client',
    ]);
    expect(t.hops.find((h) => h.kind === 'deliver')?.label).toBe(DELIVERED);
    expect(t.hops.at(-1)?.label).toBe('SYN-ACK');
    expect(t.reason).toBe(
      `default/hn → ${WORKER_IP}:80: delivered to the Pod default/hn on node kind-worker's network: it runs with hostNetwork, so its process listens on 80/TCP in the node's own network namespace, at ${WORKER_IP}`,
    );
  });

  it('ClusterIP from a Pod on another node: forwarded to kind-worker, then delivered', () => {
    const d = kindCluster();
    const t = d.cluster.net.trace({
      source: { kind: 'pod', key: 'Pod/default/far' },
      destination: 'hn',
      protocol: 'TCP',
      port: 8080,
    });
    expect(t.verdict).toBe('delivered');
    expect(kinds(t).slice(-3)).toEqual([
      'forward Node/kind-worker2 → Node/kind-worker',
      'deliver Service/default/hn → Pod/default/hn',
      'reply Pod/default/hn → Pod/default/far',
    ]);
  });

  it('NodePort from outside the Pod network (another node, to the control plane’s address)', () => {
    const d = kindCluster();
    const t = d.cluster.net.trace({
      source: { kind: 'node', name: 'kind-control-plane' },
      destination: CP_IP,
      protocol: 'TCP',
      port: 30080,
    });
    expect(t.verdict).toBe('delivered');
    expect(t.hops.find((h) => h.kind === 'dnat')?.label).toBe(`DNAT → ${WORKER_IP}:80`);
    expect(kinds(t).slice(-3)).toEqual([
      'forward Node/kind-control-plane → Node/kind-worker',
      'deliver Service/default/hn → Pod/default/hn',
      'reply Pod/default/hn → Node/kind-control-plane',
    ]);
  });

  it('straight to the node IP: from a Pod and from the node itself; other nodes have nothing on 80', () => {
    const d = kindCluster();
    const direct = trace(d, { destination: WORKER_IP, port: 80 });
    expect(direct.verdict).toBe('delivered');
    expect(direct.endpoint).toEqual({ ip: WORKER_IP, port: 80, pod: 'Pod/default/hn' });
    expect(kinds(direct)).toEqual([
      'send Pod/default/client → Node/kind-worker',
      'deliver Node/kind-worker → Pod/default/hn',
      'reply Pod/default/hn → Pod/default/client',
    ]);
    expect(direct.hops[1]?.label).toBe(DELIVERED);
    const fromNode = d.cluster.net.trace({
      source: { kind: 'node', name: 'kind-worker' },
      destination: WORKER_IP,
      protocol: 'TCP',
      port: 80,
    });
    expect(fromNode.verdict).toBe('delivered');
    expect(trace(d, { destination: CP_IP, port: 80 }).verdict).toBe('refused');
    // nginx serves TCP only: UDP to the same port is the node's ICMP port unreachable.
    expect(trace(d, { destination: WORKER_IP, protocol: 'UDP', port: 80 }).verdict).toBe('refused');
    const ping = trace(d, { destination: WORKER_IP, protocol: 'ICMP' });
    expect([ping.verdict, ping.reason]).toEqual([
      'delivered',
      `${WORKER_IP} is node kind-worker's address; the node answers the ping`,
    ]);
  });

  it('wget from a Pod to the node IP gets the nginx page', () => {
    const d = kindCluster();
    d.kubectl(`exec client -- wget -qO- http://${WORKER_IP}/`);
    expect(d.exitCode()).toBe(0);
    expect(d.stdout()).toContain('Welcome to nginx!');
  });

  it('before its container runs, the node answers RST and says which Pod would listen', () => {
    const d = kdrive({ seed: 5, profile: 'kind' })
      .applyOk(sleeper('client', 'kind-worker'))
      .advance(30_000)
      .applyOk(hostNginx('hn', 'kind-worker'))
      .advance(100);
    expect((d.get('Pod', 'hn') as Pod).status.phase).toBe('Pending');
    const t = trace(d, { destination: WORKER_IP, port: 80 });
    expect(t.verdict).toBe('refused');
    expect(t.reason).toBe(
      'nothing on node kind-worker listens on 80/TCP (the hostNetwork Pod default/hn would, but it is Pending, its container not started yet), so it answers RST',
    );
  });
});

describe('two hostNetwork Pods wanting port 80 on one node', () => {
  it('the scheduler keeps the second Pending (NodePorts: its hostPort defaults to 80)', () => {
    const d = kdrive({ seed: 5, profile: 'docker-desktop' })
      .applyOk(hostNginx('hn-a'))
      .advance(30_000)
      .applyOk(hostNginx('hn-b'))
      .advance(30_000);
    expect((d.get('Pod', 'hn-a') as Pod).status.phase).toBe('Running');
    const b = d.get('Pod', 'hn-b') as Pod;
    expect(b.status.phase).toBe('Pending');
    expect(b.spec.nodeName).toBeUndefined();
    d.kubectl('describe pod hn-b');
    expect(d.stdout()).toContain("1 node(s) didn't have free ports for the requested pod ports");
  });

  it('bound by spec.nodeName (no scheduler), the first one holds the port', () => {
    const d = kdrive({ seed: 5, profile: 'kind' })
      .applyOk(sleeper('client', 'kind-worker'))
      .applyOk(hostNginx('hn-b', 'kind-worker'))
      .advance(30_000)
      .applyOk(hostNginx('hn-a', 'kind-worker'))
      .advance(30_000);
    const t = trace(d, { destination: WORKER_IP, port: 80 });
    expect(t.endpoint?.pod).toBe('Pod/default/hn-b');
    d.delete('Pod', 'hn-b').advance(60_000);
    expect(trace(d, { destination: WORKER_IP, port: 80 }).endpoint?.pod).toBe('Pod/default/hn-a');
  });
});

describe('a hostNetwork Pod as the source: its packets leave from the node', () => {
  it('externalTrafficPolicy Local: from another node’s hostNetwork Pod it is external traffic', () => {
    const d = kindCluster('Local')
      .applyOk(sleeper('hsrc', 'kind-worker2', true))
      .advance(30_000);
    const to = (key: string, ip: string) =>
      d.cluster.net.trace({ source: { kind: 'pod', key }, destination: ip, protocol: 'TCP', port: 30080 });
    // A Pod address is in the cluster CIDR: KUBE-EXT sends it to the Cluster chain.
    expect(to('Pod/default/far', CP_IP).verdict).toBe('delivered');
    // The hostNetwork Pod's source is 172.18.0.4, neither a Pod address nor local to the control
    // plane: the Local chain, which has no endpoint there, drops it.
    const dropped = to('Pod/default/hsrc', CP_IP);
    expect(dropped.verdict).toBe('timeout');
    expect(dropped.hops.at(-1)?.label).toBe('DROP: default/hn has no local endpoints');
    // To its own node's address the traffic is LOCAL: the Cluster chain again.
    const d2 = kindCluster('Local')
      .applyOk(sleeper('hsrc', 'kind-control-plane', true))
      .advance(30_000);
    const local = d2.cluster.net.trace({
      source: { kind: 'pod', key: 'Pod/default/hsrc' },
      destination: CP_IP,
      protocol: 'TCP',
      port: 30080,
    });
    expect(local.verdict).toBe('delivered');
  });

  it('its loopback is the node’s: 127.0.0.1:80 reaches the hostNetwork nginx beside it', () => {
    const d = kindCluster()
      .applyOk(sleeper('hsrc', 'kind-worker', true))
      .advance(30_000);
    const t = d.cluster.net.trace({
      source: { kind: 'pod', key: 'Pod/default/hsrc' },
      destination: '127.0.0.1',
      protocol: 'TCP',
      port: 80,
    });
    expect(t.verdict).toBe('delivered');
    expect(t.endpoint?.pod).toBe('Pod/default/hn');
  });
});

describe('Docker Desktop: localhost:<nodePort> from your machine reaches a hostNetwork backend', () => {
  it('is delivered to the Pod on the VM’s network', () => {
    const d = kdrive({ seed: 5, profile: 'docker-desktop' })
      .applyOk(hostNginx('hn'))
      .applyOk(svc())
      .advance(30_000);
    const t = d.cluster.net.trace({
      source: { kind: 'host' },
      destination: '127.0.0.1',
      protocol: 'TCP',
      port: 30080,
    });
    expect(t.verdict).toBe('delivered');
    expect(t.endpoint).toEqual({ ip: '192.168.65.3', port: 80, pod: 'Pod/default/hn' });
    expect(t.hops.find((h) => h.kind === 'deliver')?.label).toBe(
      "SYN → 192.168.65.3:80: delivered to the Pod hn on the node's network",
    );
    d.sh('curl -s localhost:30080');
    expect(d.stdout()).toContain('Welcome to nginx!');
  });
});

describe('IPVS mode (kind)', () => {
  it('the virtual server’s real server is the node IP, and the node hands the SYN to the Pod', () => {
    const d = kdrive({ seed: 5, profile: 'kind', proxyMode: 'ipvs' })
      .applyOk(hostNginx('hn', 'kind-worker'))
      .applyOk(svc())
      .applyOk(sleeper('far', 'kind-worker2'))
      .advance(30_000);
    const t = d.cluster.net.trace({
      source: { kind: 'pod', key: 'Pod/default/far' },
      destination: 'hn',
      protocol: 'TCP',
      port: 8080,
    });
    expect(t.verdict).toBe('delivered');
    expect(t.endpoint).toEqual({ ip: WORKER_IP, port: 80, pod: 'Pod/default/hn' });
    expect(kinds(t).slice(-3)).toEqual([
      'forward Node/kind-worker2 → Node/kind-worker',
      'deliver Service/default/hn → Pod/default/hn',
      'reply Pod/default/hn → Pod/default/far',
    ]);
  });
});
