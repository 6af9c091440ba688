// The fast paths that stand in for general ones (a controller not running a sync it knows would
// write nothing, …) against those general paths (SimClusterOptions.generalPaths): the same
// version stream, write for write, on scenarios that leave the usual path — adoption, release,
// pausing, refused creates, progress deadlines, rollouts, scaling to zero.
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../api/types';
import type { SimCluster } from '../cluster';
import { parseManifests } from '../yaml';
import {
  benchScenario,
  ch03Scenario,
  generatedSequences,
  recordScenario,
  type ScenarioOptions,
  sequenceScenario,
} from './version-stream-scenarios';

function apply(c: SimCluster, text: string): void {
  const parsed = parseManifests(text, 'general.yaml');
  if (!parsed.ok) throw new Error(parsed.error.message);
  for (const o of c.apply(parsed.docs)) if (!o.result.ok) throw new Error(o.result.error.message);
}

const deployment = (name: string, replicas: number, extra = '', image = 'nginx') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${extra}      containers:
        - name: c
          image: ${image}
`;

const merge = (c: SimCluster, kind: 'Deployment' | 'Pod', name: string, body: object) =>
  c.patch(kind, 'default', name, 'merge', JSON.stringify(body));

/** Workload edge cases, each followed by time passing. */
function workloads(c: SimCluster): void {
  apply(c, deployment('web', 3));
  c.advance(10_000);
  // A bare Pod the ReplicaSet's selector matches: adopted, and the surplus deleted.
  const rs = c.list('ReplicaSet', { namespace: 'default' })[0] as ReplicaSet;
  const hash = rs.metadata.labels?.['pod-template-hash'] as string;
  apply(
    c,
    `apiVersion: v1
kind: Pod
metadata:
  name: stray
  labels:
    app: web
    pod-template-hash: ${hash}
spec:
  containers:
    - name: c
      image: nginx
`,
  );
  c.advance(5_000);
  // A Pod relabelled out of its ReplicaSet: released, replaced.
  const pod = c.list('Pod', { namespace: 'default', labelSelector: 'app=web' })[0];
  if (pod) merge(c, 'Pod', pod.metadata.name, { metadata: { labels: { app: 'gone' } } });
  c.advance(5_000);
  // Orphaned ReplicaSets, adopted again by the Deployment applied anew.
  c.delete('Deployment', 'default', 'web', { propagationPolicy: 'Orphan' });
  c.advance(2_000);
  apply(c, deployment('web', 3));
  c.advance(5_000);
  // Paused, changed, resumed.
  merge(c, 'Deployment', 'web', { spec: { paused: true } });
  c.advance(1_000);
  merge(c, 'Deployment', 'web', {
    spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } },
  });
  c.advance(3_000);
  merge(c, 'Deployment', 'web', { spec: { paused: false } });
  c.advance(20_000);
  // Refused creates (no such ServiceAccount) until it exists.
  apply(c, deployment('nosa', 2, '      serviceAccountName: robot\n'));
  c.advance(20_000);
  apply(c, 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n');
  c.advance(30_000);
  // An image that never pulls: the progress deadline passes (600 s).
  apply(c, deployment('stuck', 2, '', 'kiamol/ch03-nope'));
  c.advance(700_000);
  // Scaled to zero and back, and a rollout to the image that never pulls.
  merge(c, 'Deployment', 'nosa', { spec: { replicas: 0 } });
  c.advance(10_000);
  merge(c, 'Deployment', 'nosa', { spec: { replicas: 4 } });
  merge(c, 'Deployment', 'web', {
    spec: { template: { spec: { containers: [{ name: 'c', image: 'kiamol/ch03-nope' }] } } },
  });
  c.advance(700_000);
  // Templates Pods are stamped from, or not: annotations, volumes and mounts of their own, an
  // init container, no automounted token (the Pod's choice or its ServiceAccount's), pull secrets
  // from the ServiceAccount.
  apply(
    c,
    `apiVersion: v1
kind: ServiceAccount
metadata:
  name: quiet
automountServiceAccountToken: false
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: puller
imagePullSecrets:
  - name: regcred
`,
  );
  const variants = [
    '    metadata:\n      labels:\n        app: x\n      annotations:\n        note: hi\n',
    '      volumes:\n        - name: data\n          emptyDir: {}\n',
    '      initContainers:\n        - name: init\n          image: busybox\n',
    '      automountServiceAccountToken: false\n',
    '      serviceAccountName: quiet\n',
    '      serviceAccountName: puller\n',
  ];
  for (const [i, v] of variants.entries()) {
    const name = `v${i}`;
    let text = deployment(name, 2, v.startsWith('    metadata') ? '' : v);
    if (v.startsWith('    metadata'))
      text = text.replace('    metadata:\n      labels:\n        app: v0\n', v.replace('app: x', 'app: v0'));
    if (i === 1)
      text = text.replace(
        '          image: nginx\n',
        '          image: nginx\n          volumeMounts:\n            - name: data\n              mountPath: /data\n',
      );
    apply(c, text);
  }
  c.advance(20_000);
  for (const i of variants.keys())
    expect(c.list('Pod', { namespace: 'default', labelSelector: `app=v${i}` }).length).toBe(2);
  // More Pods than one sync creates (burstReplicas 500): the rest after the client's rate limit.
  merge(c, 'Deployment', 'nosa', { spec: { replicas: 520 } });
  c.advance(40_000);
  expect(c.list('Pod', { namespace: 'default', labelSelector: 'app=nosa' }).length).toBe(520);
  const d = c.get('Deployment', 'default', 'stuck') as Deployment | undefined;
  expect(d?.status?.conditions?.some((x) => x.reason === 'ProgressDeadlineExceeded')).toBe(true);
}

/**
 * One node's scheduling: Pods the scheduler's one-node shortcut takes and Pods it leaves to the
 * cycle (a node selector, a host port, requests, a toleration-free taint, more Pods than the node
 * takes, then room again).
 */
function oneNode(c: SimCluster): void {
  apply(c, deployment('plain', 3));
  apply(c, deployment('sel', 1, '      nodeSelector:\n        kubernetes.io/os: linux\n'));
  apply(c, deployment('none', 1, '      nodeSelector:\n        disk: ssd\n'));
  apply(
    c,
    deployment('req', 1).replace(
      '          image: nginx\n',
      '          image: nginx\n          resources:\n            requests:\n              cpu: 100m\n',
    ),
  );
  apply(
    c,
    deployment('port', 2).replace(
      '          image: nginx\n',
      '          image: nginx\n          ports:\n            - containerPort: 80\n              hostPort: 8080\n',
    ),
  );
  c.advance(10_000);
  // Past the node's --max-pods: the rest wait (Too many pods), and bind once Pods are deleted.
  merge(c, 'Deployment', 'plain', { spec: { replicas: 12 } });
  c.advance(10_000);
  merge(c, 'Deployment', 'plain', { spec: { replicas: 2 } });
  c.advance(20_000);
  // A taint the Pods do not tolerate: new Pods wait, then bind when it is removed.
  const node = c.list('Node')[0]?.metadata.name as string;
  c.patch(
    'Node',
    undefined,
    node,
    'merge',
    JSON.stringify({ spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } }),
  );
  merge(c, 'Deployment', 'plain', { spec: { replicas: 4 } });
  c.advance(5_000);
  c.patch('Node', undefined, node, 'merge', JSON.stringify({ spec: { taints: null } }));
  c.advance(20_000);
}

/** The stream with the fast paths, after checking it equals the general paths' stream. */
function same(opts: ScenarioOptions, run: (c: SimCluster) => void) {
  const fast = recordScenario(opts, run);
  const general = recordScenario({ ...opts, generalPaths: true }, run);
  expect(fast.length).toBe(general.length);
  for (let i = 0; i < fast.length; i++) expect(fast[i]).toEqual(general[i]);
  return fast;
}

describe('fast paths leave the history of the general paths', () => {
  it('workload edge cases', () => {
    same({ seed: 5, maxPodsPerNode: 1000 }, workloads);
  });
  it('the benchmark shape and chapter 3', () => {
    same({ seed: 42, maxPodsPerNode: 1000 }, benchScenario);
    same({ seed: 9 }, ch03Scenario);
  });
  it('one node: the scheduler with and without its one-node shortcut', () => {
    const stream = same({ seed: 11, maxPodsPerNode: 14 }, oneNode);
    expect(stream.some((v) => v.kind === 'Event' && v.json.includes('Too many pods'))).toBe(true);
  });
  it('generated command sequences', () => {
    for (const [i, cmds] of generatedSequences(7, 10).entries())
      same({ seed: 200 + i }, sequenceScenario(cmds));
  });
});
