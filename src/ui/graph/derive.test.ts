import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../../sim/api/types';
import {
  DEFAULT_VIEW,
  deriveGraph,
  GraphDeriver,
  type PodData,
  type ServiceData,
  serviceExternal,
} from './derive';
import { podStatus } from './pod-status';
import { selectorDiff } from './selectors';
import { deployment, endpoints, node, pod, replicaSet, service, sleepWorld } from './test-fixtures';

describe('deriveGraph', () => {
  it('uses object keys as node ids, with Pods and kube-proxy inside their cluster Node', () => {
    const g = deriveGraph(sleepWorld());
    const ids = g.nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'host',
        'Node/docker-desktop',
        'kube-proxy/docker-desktop',
        'Deployment/default/sleep-1',
        'ReplicaSet/default/sleep-1-8f68bd59d',
        'Pod/default/sleep-1-8f68bd59d-4s7j5',
        'Service/default/sleep-2',
        'Endpoints/default/sleep-2',
        'Service/kube-system/kube-dns',
        'Pod/kube-system/coredns-7db6d8ff4d-abcde',
      ]),
    );
    const podNode = g.nodes.find((n) => n.id === 'Pod/default/sleep-2-bd8bc78c7-c7xb2');
    expect(podNode?.parentId).toBe('Node/docker-desktop');
    expect(g.nodes.find((n) => n.id === 'kube-proxy/docker-desktop')?.parentId).toBe('Node/docker-desktop');
    // a parent comes before its children (React Flow requirement)
    expect(ids.indexOf('Node/docker-desktop')).toBeLessThan(
      ids.indexOf('Pod/default/sleep-2-bd8bc78c7-c7xb2'),
    );
  });

  it('labels Pods with IP and kubectl STATUS/READY, Services with type, ClusterIP and ports', () => {
    const g = deriveGraph(sleepWorld());
    const p = g.nodes.find((n) => n.id === 'Pod/default/sleep-2-bd8bc78c7-c7xb2')?.data as PodData;
    expect(p.ip).toBe('10.1.0.24');
    expect(p.view).toEqual({ status: 'Running', ready: '1/1', tone: 'ok' });
    const s = g.nodes.find((n) => n.id === 'Service/default/sleep-2')?.data as ServiceData;
    expect([s.type, s.clusterIP, s.ports, s.external]).toEqual([
      'ClusterIP',
      '10.98.2.165',
      '80/TCP',
      '<none>',
    ]);
    const dns = g.nodes.find((n) => n.id === 'Service/kube-system/kube-dns')?.data as ServiceData;
    expect(dns.ports).toBe('53/UDP,53/TCP');
    expect(dns.dns).toBe(true);
  });

  it('draws ownership and selector edges, and none for Pods the selector misses', () => {
    const g = deriveGraph(sleepWorld());
    const ids = g.edges.map((e) => e.id);
    expect(ids).toContain('owns:Deployment/default/sleep-1->ReplicaSet/default/sleep-1-8f68bd59d');
    expect(ids).toContain('owns:ReplicaSet/default/sleep-2-bd8bc78c7->Pod/default/sleep-2-bd8bc78c7-c7xb2');
    expect(ids).toContain('selects:Service/default/sleep-2->Pod/default/sleep-2-bd8bc78c7-c7xb2');
    expect(ids).toContain('selects:Service/kube-system/kube-dns->Pod/kube-system/coredns-7db6d8ff4d-abcde');
    expect(ids).toContain('endpoints:Service/default/sleep-2');
    expect(ids.filter((i) => i.startsWith('selects:Service/default/sleep-2->'))).toHaveLength(1);
    // every edge joins two drawn nodes
    const nodeIds = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
  });

  it('filters by namespace but keeps the DNS pieces unless asked not to', () => {
    const world = [...sleepWorld(), pod('other', { ns: 'team-a', ip: '10.1.0.50' })];
    const ids = (o = DEFAULT_VIEW) => deriveGraph(world, o).nodes.map((n) => n.id);
    expect(ids()).not.toContain('Pod/team-a/other');
    expect(ids({ ...DEFAULT_VIEW, namespaces: ['team-a'] })).toContain('Pod/team-a/other');
    expect(ids({ ...DEFAULT_VIEW, namespaces: ['team-a'] })).toContain('Service/kube-system/kube-dns');
    expect(ids({ ...DEFAULT_VIEW, showDns: false })).not.toContain('Service/kube-system/kube-dns');
  });

  it('adds external nodes named by traces, and exposes LoadBalancer Services to the host', () => {
    const lb = service('numbers-web', { app: 'numbers-web' }, { type: 'LoadBalancer' });
    const withIngress: Service = {
      ...lb,
      status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
    };
    const g = deriveGraph([node(), withIngress], {
      ...DEFAULT_VIEW,
      externals: ['external:raw.githubusercontent.com'],
    });
    expect(g.nodes.map((n) => n.id)).toContain('external:raw.githubusercontent.com');
    expect(g.edges.map((e) => e.id)).toContain('exposes:Service/default/numbers-web');
    expect(serviceExternal(withIngress)).toBe('localhost');
    expect(serviceExternal(lb)).toBe('<pending>');
  });

  it('shows Endpoints addresses, ready and not ready', () => {
    const e = endpoints('sleep-2', ['10.1.0.24', '10.1.0.25']);
    const g = deriveGraph([node(), e]);
    const data = g.nodes.find((n) => n.id === 'Endpoints/default/sleep-2')?.data as { addresses: unknown[] };
    expect(data.addresses).toEqual([
      { ip: '10.1.0.24', ports: [80], ready: true },
      { ip: '10.1.0.25', ports: [80], ready: true },
    ]);
  });

  it('draws EndpointSlices when asked, tied to their Service by the service-name label', () => {
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'sleep-2-abcde',
        namespace: 'default',
        uid: 'u-slice',
        resourceVersion: '1',
        creationTimestamp: '2026-01-01T00:00:00Z',
        labels: { 'kubernetes.io/service-name': 'sleep-2' },
      },
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.1.0.24'], conditions: { ready: false, serving: true, terminating: true } },
      ],
      ports: [{ port: 80, protocol: 'TCP' }],
    };
    const world = [...sleepWorld(), slice];
    expect(deriveGraph(world).nodes.map((n) => n.id)).not.toContain('EndpointSlice/default/sleep-2-abcde');
    const g = deriveGraph(world, { ...DEFAULT_VIEW, showEndpointSlices: true });
    const n = g.nodes.find((x) => x.id === 'EndpointSlice/default/sleep-2-abcde');
    expect((n!.data as { addresses: unknown[] }).addresses).toEqual([
      { ip: '10.1.0.24', ports: [80], ready: false },
    ]);
    expect(g.edges.map((e) => e.id)).toContain('endpoints:EndpointSlice/default/sleep-2-abcde');
  });

  it('reuses the node object of an unchanged source object (memoised components skip it)', () => {
    const world = sleepWorld();
    const d = new GraphDeriver();
    const a = d.derive(world);
    const changed = world.map((o) =>
      o.metadata.name === 'sleep-2-bd8bc78c7-c7xb2'
        ? pod(o.metadata.name, { deleting: true, ip: '10.1.0.24' })
        : o,
    );
    const b = d.derive(changed);
    const find = (g: typeof a, id: string) => g.nodes.find((n) => n.id === id);
    expect(find(b, 'Pod/default/sleep-1-8f68bd59d-4s7j5')).toBe(
      find(a, 'Pod/default/sleep-1-8f68bd59d-4s7j5'),
    );
    expect(find(b, 'Pod/default/sleep-2-bd8bc78c7-c7xb2')).not.toBe(
      find(a, 'Pod/default/sleep-2-bd8bc78c7-c7xb2'),
    );
    expect((find(b, 'Pod/default/sleep-2-bd8bc78c7-c7xb2')!.data as PodData).view.status).toBe('Terminating');
  });
});

describe('podStatus (kubectl STATUS rules)', () => {
  it.each([
    [{ ip: '10.1.0.9' }, 'Running', '1/1', 'ok'],
    [{ waiting: 'ContainerCreating' }, 'ContainerCreating', '0/1', 'progress'],
    [{ waiting: 'ImagePullBackOff' }, 'ImagePullBackOff', '0/1', 'error'],
    [{ deleting: true }, 'Terminating', '1/1', 'terminating'],
    [{ ready: false }, 'Running', '0/1', 'warn'],
  ] as const)('%o → %s %s', (opts, status, ready, tone) => {
    expect(podStatus(pod('p', opts))).toEqual({ status, ready, tone });
  });
});

describe('selectorDiff', () => {
  it('names each selector label the Pod lacks or has with another value', () => {
    expect(
      selectorDiff({ app: 'lab-numbers-web', version: 'v2' }, { app: 'lab-numbers-web', version: 'v1' }),
    ).toEqual([{ key: 'version', want: 'v2', have: 'v1' }]);
    expect(selectorDiff({ app: 'x' }, {})).toEqual([{ key: 'app', want: 'x', have: undefined }]);
    expect(selectorDiff({ app: 'x' }, { app: 'x', extra: 'y' })).toEqual([]);
  });
});

describe('fixtures sanity', () => {
  it('builds owner references by uid', () => {
    const d = deployment('a');
    expect(replicaSet(d, 'h').metadata.ownerReferences?.[0]?.uid).toBe(d.metadata.uid);
  });
});
