// End-to-end behaviour of the control plane through the facade: pod timeline, self-healing,
// naming, cascade, the kubernetes Service keeper, bad images, apply ops, determinism.
import { describe, expect, it } from 'vitest';
import { sleep1, sleep2Service } from '../scenarios/ch03/sleep';
import type { Endpoints, Pod } from './api/types';
import { drive } from './testing/driver';

// The chapter's own sleep-1 Deployment and sleep-2 Service, renamed (and re-imaged) per test.
const SLEEP = (name: string, image = 'kiamol/ch03-sleep') =>
  sleep1.replaceAll('sleep-1', name).replace('image: kiamol/ch03-sleep', `image: ${image}`);

const SVC = (name: string) => sleep2Service.replaceAll('sleep-2', name);

const ready = (p: Pod) =>
  p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

describe('boot state', () => {
  it('has namespaces, a Ready node, CoreDNS pods with the first IPs, kube-dns and kubernetes', () => {
    const d = drive({ seed: 1 });
    const c = d.cluster;
    expect(c.list('Namespace').map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(
      c.list('Node')[0]?.status.conditions.find((x: { type: string }) => x.type === 'Ready').status,
    ).toBe('True');
    const dns = c.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' }) as Pod[];
    expect(dns.map((p) => p.status.podIP).sort()).toEqual(['10.1.0.2', '10.1.0.3']);
    expect(dns.every(ready)).toBe(true);
    expect(c.get('Service', 'kube-system', 'kube-dns')?.spec.clusterIP).toBe('10.96.0.10');
    const k = c.get('Service', 'default', 'kubernetes');
    expect(k?.spec.clusterIP).toBe('10.96.0.1');
    expect(k?.spec.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
    // ~6d22h old, so AGE prints 6d22h.
    const age = c.now() - Date.parse(k?.metadata.creationTimestamp ?? '');
    expect(age).toBeGreaterThanOrEqual((6 * 24 + 22) * 3600e3);
    expect(age).toBeLessThan((6 * 24 + 23) * 3600e3);
  });

  it('kind has three nodes; pods spread over the workers, not the tainted control plane', () => {
    const d = drive({ seed: 1, profile: 'kind' })
      .applyOk(SLEEP('a'))
      .applyOk(SLEEP('b'))
      .applyOk(SLEEP('c'))
      .advance(10_000);
    const nodes = (d.pods() as Pod[]).map((p) => p.spec.nodeName).sort();
    expect(nodes).not.toContain('kind-control-plane');
    expect(new Set(nodes).size).toBe(2);
    const ips = (d.pods() as Pod[]).map((p) => p.status.podIP ?? '');
    for (const ip of ips) expect(ip).toMatch(/^10\.244\.[12]\.\d+$/);
  });
});

describe('pod lifecycle', () => {
  it('ContainerCreating with an IP, then Running and Ready within a few seconds', () => {
    const d = drive({ seed: 3 }).applyOk(SLEEP('sleep-1'));
    expect(d.pods()).toHaveLength(1);
    d.advance(700);
    const creating = d.pods()[0] as Pod;
    expect(creating.status.containerStatuses?.[0]?.state.waiting?.reason).toBe('ContainerCreating');
    expect(creating.status.podIP).toMatch(/^10\.1\.0\.\d+$/);
    d.advance(5000);
    const running = d.pods()[0] as Pod;
    expect(running.status.phase).toBe('Running');
    expect(ready(running)).toBe(true);
    expect(running.status.conditions?.map((c) => c.type)).toEqual([
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
    const deployment = d.get('Deployment', 'sleep-1');
    expect(deployment?.status.readyReplicas).toBe(1);
    expect(deployment?.status.conditions.map((c: { reason: string }) => c.reason)).toEqual([
      'MinimumReplicasAvailable',
      'NewReplicaSetAvailable',
    ]);
  });

  it('names: rs <deploy>-<hash>, pod <rs>-<5 chars from the 27-char alphabet>, hash label everywhere', () => {
    const d = drive({ seed: 4 }).applyOk(SLEEP('sleep-1')).advance(5000);
    const rs = d.cluster.list('ReplicaSet', { namespace: 'default' })[0];
    const hash = rs?.metadata.labels?.['pod-template-hash'] ?? '';
    expect(rs?.metadata.name).toBe(`sleep-1-${hash}`);
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(rs?.spec.selector.matchLabels).toEqual({ app: 'sleep-1', 'pod-template-hash': hash });
    const pod = d.pods()[0] as Pod;
    expect(pod.metadata.name).toMatch(new RegExp(`^sleep-1-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(pod.metadata.labels).toEqual({ app: 'sleep-1', 'pod-template-hash': hash });
  });

  it('a long name is truncated to 58 characters before the suffix', () => {
    const long = `a${'b'.repeat(60)}`;
    const d = drive({ seed: 4 }).applyOk(SLEEP(long)).advance(100);
    const pod = d.pods()[0] as Pod;
    expect(pod.metadata.name).toHaveLength(63);
    expect(pod.metadata.generateName?.length).toBeGreaterThan(58);
  });

  it('self-healing: the replacement is created at once, with the same hash, a new suffix and a new IP', () => {
    const d = drive({ seed: 5 }).applyOk(SLEEP('sleep-2')).advance(6000);
    const old = d.pods()[0] as Pod;
    d.delete('Pod', old.metadata.name);
    const both = d.pods() as Pod[];
    expect(both).toHaveLength(2);
    const terminating = both.find((p) => p.metadata.name === old.metadata.name);
    expect(terminating?.metadata.deletionTimestamp).toBeDefined();
    d.advance(6000);
    const now = d.pods() as Pod[];
    expect(now).toHaveLength(1);
    const fresh = now[0] as Pod;
    expect(fresh.metadata.name).not.toBe(old.metadata.name);
    expect(fresh.metadata.labels?.['pod-template-hash']).toBe(old.metadata.labels?.['pod-template-hash']);
    expect(fresh.status.podIP).not.toBe(old.status.podIP);
    expect(ready(fresh)).toBe(true);
  });

  it('sleep pods finish terminating in about a second', () => {
    const d = drive({ seed: 6 }).applyOk(SLEEP('sleep-1')).advance(6000);
    const name = d.pods()[0]?.metadata.name ?? '';
    d.delete('Pod', name);
    d.advance(500);
    expect(d.get('Pod', name)).toBeDefined();
    d.advance(1500);
    expect(d.get('Pod', name)).toBeUndefined();
  });

  it('a bad image gives ErrImagePull then ImagePullBackOff, with events', () => {
    const d = drive({ seed: 7 }).applyOk(SLEEP('bad', 'kiamol/ch03-sleeep')).advance(2500);
    const statusOf = () => (d.pods()[0] as Pod).status.containerStatuses?.[0]?.state.waiting?.reason;
    const seen = new Set<string | undefined>([statusOf()]);
    for (let i = 0; i < 20; i++) {
      d.advance(500);
      seen.add(statusOf());
    }
    expect(seen.has('ErrImagePull')).toBe(true);
    expect(seen.has('ImagePullBackOff')).toBe(true);
    const msgs = d.cluster
      .list('Event', { namespace: 'default' })
      .map(
        (e) =>
          `${(e as unknown as { reason: string }).reason}: ${(e as unknown as { message: string }).message}`,
      );
    expect(msgs).toContain('Failed: Error: ErrImagePull');
    expect(msgs).toContain('Failed: Error: ImagePullBackOff');
    expect(msgs).toContain('BackOff: Back-off pulling image "kiamol/ch03-sleeep"');
    expect(msgs.some((m) => m.startsWith('Failed: Failed to pull image "kiamol/ch03-sleeep": '))).toBe(true);
    expect(d.get('Deployment', 'bad')?.status.conditions[0].reason).toBe('MinimumReplicasUnavailable');
  });

  it('records the events of a normal start with real wording', () => {
    const d = drive({ seed: 8 }).applyOk(SLEEP('sleep-1')).advance(6000);
    const pod = d.pods()[0] as Pod;
    const rs = d.cluster.list('ReplicaSet', { namespace: 'default' })[0];
    const events = d.cluster.list('Event', { namespace: 'default' }) as unknown as {
      reason: string;
      message: string;
      involvedObject: { name: string };
    }[];
    const of = (name: string) =>
      events.filter((e) => e.involvedObject.name === name).map((e) => `${e.reason}: ${e.message}`);
    expect(of('sleep-1')).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${rs?.metadata.name} from 0 to 1`,
    ]);
    expect(of(rs?.metadata.name ?? '')).toEqual([`SuccessfulCreate: Created pod: ${pod.metadata.name}`]);
    const podEvents = of(pod.metadata.name);
    expect(podEvents).toContain(
      `Scheduled: Successfully assigned default/${pod.metadata.name} to docker-desktop`,
    );
    expect(podEvents).toContain('Pulling: Pulling image "kiamol/ch03-sleep"');
    expect(podEvents).toContain('Created: Created container: sleep');
    expect(podEvents).toContain('Started: Started container sleep');
    expect(
      podEvents.some((m) =>
        /^Pulled: Successfully pulled image "kiamol\/ch03-sleep" in \d+(\.\d+)?s \(\d+(\.\d+)?s including waiting\)\. Image size: \d+ bytes\.$/.test(
          m,
        ),
      ),
    ).toBe(true);
  });
});

describe('scaling and rollout', () => {
  it('scales up and down through the ReplicaSet', () => {
    const d = drive({ seed: 9 }).applyOk(SLEEP('s')).advance(6000);
    const dep = d.get('Deployment', 's');
    d.cluster.update({ ...dep!, spec: { ...dep!.spec, replicas: 3 } });
    d.advance(6000);
    expect((d.pods() as Pod[]).filter(ready)).toHaveLength(3);
    const dep2 = d.get('Deployment', 's');
    d.cluster.update({ ...dep2!, spec: { ...dep2!.spec, replicas: 1 } });
    d.advance(6000);
    expect(d.pods()).toHaveLength(1);
  });

  it('a template change rolls out a new ReplicaSet and scales the old one to 0', () => {
    const d = drive({ seed: 10 }).applyOk(SLEEP('web', 'kiamol/ch03-numbers-web')).advance(15_000);
    const oldRs = d.cluster.list('ReplicaSet', { namespace: 'default' })[0]?.metadata.name;
    d.applyOk(SLEEP('web', 'kiamol/ch03-numbers-web:v2'));
    expect(d.lastApply[0]?.result.ok && d.lastApply[0].result.op).toBe('configured');
    d.advance(30_000);
    const rss = d.cluster.list('ReplicaSet', { namespace: 'default' });
    expect(rss).toHaveLength(2);
    expect(rss.find((r) => r.metadata.name === oldRs)?.spec.replicas).toBe(0);
    const pods = d.pods() as Pod[];
    expect(pods).toHaveLength(1);
    expect(pods[0]?.spec.containers[0]?.image).toBe('kiamol/ch03-numbers-web:v2');
    expect(d.get('Deployment', 'web')?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });
});

describe('apply ops', () => {
  it('created, unchanged, configured; a scale is undone by re-applying', () => {
    const d = drive({ seed: 11 });
    const op = () => (d.lastApply[0]?.result.ok ? d.lastApply[0].result.op : 'error');
    d.applyOk(SVC('sleep-2'));
    expect(op()).toBe('created');
    const ip = d.get('Service', 'sleep-2')?.spec.clusterIP;
    d.applyOk(SVC('sleep-2'));
    expect(op()).toBe('unchanged');
    d.applyOk(SVC('sleep-2').replace('port: 80', 'port: 8080'));
    expect(op()).toBe('configured');
    expect(d.get('Service', 'sleep-2')?.spec.clusterIP).toBe(ip);
    expect(d.get('Service', 'sleep-2')?.spec.ports[0].targetPort).toBe(8080);
    // No replicas in the file: a `kubectl scale` survives re-applying (the patch does not touch it).
    d.applyOk(SLEEP('s')).advance(5000);
    const dep = d.get('Deployment', 's');
    d.cluster.update({ ...dep!, spec: { ...dep!.spec, replicas: 2 } });
    d.applyOk(SLEEP('s'));
    expect(op()).toBe('unchanged');
    expect(d.get('Deployment', 's')?.spec.replicas).toBe(2);
    // replicas in the file: re-applying sets it back.
    const withReplicas = SLEEP('t').replace('spec:\n  selector:', 'spec:\n  replicas: 1\n  selector:');
    d.applyOk(withReplicas).advance(5000);
    const t = d.get('Deployment', 't');
    d.cluster.update({ ...t!, spec: { ...t!.spec, replicas: 2 } });
    d.applyOk(withReplicas);
    expect(op()).toBe('configured');
    expect(d.get('Deployment', 't')?.spec.replicas).toBe(1);
  });

  it('stores the last-applied annotation as kubectl does (sorted keys, namespace, newline)', () => {
    const d = drive({ seed: 11 }).applyOk(SVC('x'));
    expect(
      d.get('Service', 'x')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
    ).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"x","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"x"}}}\n',
    );
  });

  it('each document stands alone: an error does not stop the others', () => {
    const d = drive({ seed: 12 }).apply(
      `${SVC('a')}---\n${SVC('b').replace('- port: 80', 'port: 80')}---\n${SVC('c')}`,
    );
    expect(d.lastApply.map((o) => o.result.ok)).toEqual([true, false, true]);
  });
});

describe('delete and garbage collection', () => {
  it('deleting a Deployment cascades to ReplicaSets and Pods; Services and Endpoints stay', () => {
    const d = drive({ seed: 13 }).applyOk(SLEEP('sleep-2')).applyOk(SVC('sleep-2')).advance(6000);
    d.delete('Deployment', 'sleep-2');
    d.advance(100);
    expect(d.cluster.list('ReplicaSet', { namespace: 'default' })).toHaveLength(0);
    const terminating = d.pods() as Pod[];
    expect(terminating.every((p) => p.metadata.deletionTimestamp)).toBe(true);
    d.advance(5000);
    expect(d.pods()).toHaveLength(0);
    expect(d.get('Service', 'sleep-2')).toBeDefined();
    expect(d.get('Endpoints', 'sleep-2')).toBeDefined();
    expect((d.get('Endpoints', 'sleep-2') as Endpoints | undefined)?.subsets).toBeUndefined();
  });

  it('the kubernetes Service comes back within 10 s with the same IP and a new uid', () => {
    const d = drive({ seed: 14 });
    const before = d.get('Service', 'kubernetes');
    d.delete('Service', 'kubernetes');
    expect(d.get('Service', 'kubernetes')).toBeUndefined();
    d.advance(10_000);
    const after = d.get('Service', 'kubernetes');
    expect(after?.spec.clusterIP).toBe('10.96.0.1');
    expect(after?.metadata.uid).not.toBe(before?.metadata.uid);
    expect(Date.parse(after?.metadata.creationTimestamp ?? '')).toBeGreaterThan(
      Date.parse(before?.metadata.creationTimestamp ?? ''),
    );
  });

  it('a released pod IP is not handed out again at once', () => {
    const d = drive({ seed: 15 }).applyOk(SLEEP('s')).advance(6000);
    const first = (d.pods()[0] as Pod).status.podIP;
    d.delete('Pod', d.pods()[0]?.metadata.name ?? '').advance(6000);
    const second = (d.pods()[0] as Pod).status.podIP;
    d.delete('Pod', d.pods()[0]?.metadata.name ?? '').advance(6000);
    const third = (d.pods()[0] as Pod).status.podIP;
    expect(new Set([first, second, third]).size).toBe(3);
    expect([first, second, third]).toEqual(['10.1.0.4', '10.1.0.5', '10.1.0.6']);
  });
});

describe('LoadBalancer per profile', () => {
  const LB = `apiVersion: v1
kind: Service
metadata:
  name: numbers-web
spec:
  type: LoadBalancer
  selector:
    app: numbers-web
  ports:
    - port: 8080
      targetPort: 80
`;
  it.each([
    ['docker-desktop', [{ hostname: 'localhost' }]],
    ['k3s', [{ ip: '172.28.132.127', ipMode: 'VIP' }]],
    ['kind', undefined],
  ] as const)('%s', (profile, ingress) => {
    const d = drive({ seed: 1, profile }).applyOk(LB);
    if (profile === 'k3s') {
      // ServiceLB: <pending> until the svclb Pod on the node is Ready (§C3).
      expect(d.get('Service', 'numbers-web')?.status.loadBalancer.ingress).toBeUndefined();
      d.advance(10_000);
    }
    const svc = d.get('Service', 'numbers-web');
    expect(svc?.status.loadBalancer.ingress).toEqual(ingress);
    const np = svc?.spec.ports[0].nodePort;
    expect(np).toBeGreaterThanOrEqual(30086);
    expect(np).toBeLessThanOrEqual(32767);
  });
});

describe('determinism', () => {
  const script = (seed: number) =>
    drive({ seed })
      .applyOk(SLEEP('sleep-1'))
      .applyOk(SLEEP('sleep-2'))
      .applyOk(SVC('sleep-2'))
      .advance(4000)
      .tap((c) => c.delete('Pod', 'default', c.list('Pod', { namespace: 'default' })[0]?.metadata.name ?? ''))
      .advance(8000)
      .snapshot();

  it('same seed and operations give identical objects', () => {
    expect(script(21)).toBe(script(21));
  });

  it('a different seed gives different names', () => {
    expect(script(21)).not.toBe(script(22));
  });
});

describe('facade odds and ends', () => {
  it('create refuses an existing object; delete of a missing one is NotFound with the group', () => {
    const d = drive({ seed: 40 });
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x' },
      spec: { ports: [{ port: 80 }] },
    };
    expect(d.cluster.create(svc).ok).toBe(true);
    const again = d.cluster.create(svc);
    expect(again.ok ? '' : again.error.message).toBe('services "x" already exists');
    expect(d.get('Service', 'x')?.metadata.annotations).toBeUndefined();
    const gone = d.cluster.delete('Deployment', 'default', 'sleep-1');
    expect(gone.ok ? '' : `${gone.error.code} ${gone.error.message}`).toBe(
      '404 deployments.apps "sleep-1" not found',
    );
  });

  it('a user Namespace can be applied and used', () => {
    const d = drive({ seed: 41 }).applyOk('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n');
    d.applyOk(SLEEP('s'), { namespace: 'lab' }).advance(6000);
    expect(d.pods({ namespace: 'lab' })).toHaveLength(1);
    expect(d.cluster.get('Namespace', undefined, 'lab')?.metadata.labels).toEqual({
      'kubernetes.io/metadata.name': 'lab',
    });
  });

  it('subscribers get one batch per settled apply / advance, with object keys', () => {
    const d = drive({ seed: 42 });
    const batches: { added: string[]; updated: string[]; removed: string[] }[] = [];
    d.cluster.subscribe((b) => batches.push(b));
    d.applyOk(SVC('sleep-2'));
    expect(batches).toHaveLength(1);
    expect(batches[0]?.added).toContain('Service/default/sleep-2');
    d.advance(1000);
    d.cluster.delete('Service', 'default', 'sleep-2');
    expect(batches.at(-1)?.removed).toContain('Service/default/sleep-2');
  });

  it('Recreate strategy scales the old ReplicaSet to 0 before the new one comes up', () => {
    const recreate = (image: string) =>
      SLEEP('r', image).replace('spec:\n  selector:', 'spec:\n  strategy:\n    type: Recreate\n  selector:');
    const d = drive({ seed: 43 }).applyOk(recreate('kiamol/ch03-sleep')).advance(6000);
    d.applyOk(recreate('nginx:1.27'));
    const rss = d.cluster.list('ReplicaSet', { namespace: 'default' });
    expect(rss.map((r) => r.spec.replicas).sort()).toEqual([0, 0]);
    d.advance(20_000);
    const pods = d.pods() as Pod[];
    expect(pods.map((p) => p.spec.containers[0]?.image)).toEqual(['nginx:1.27']);
  });
});
