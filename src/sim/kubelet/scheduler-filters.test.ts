// kube-scheduler 1.34's Filter plugins on a live cluster: each reason text exactly as FitError
// prints it, and the preemption verdict per plugin (Unschedulable vs UnschedulableAndUnresolvable).
import { describe, expect, it } from 'vitest';
import type { K8sObject, Pod } from '../api/types';
import type { SimCluster } from '../cluster';
import { drive } from '../testing/driver';

// biome-ignore lint/suspicious/noExplicitAny: test fixtures are loose JSON.
type Any = any;

function pod(name: string, spec: Any = {}, labels: Record<string, string> = { app: name }): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  });
}

function failed(c: SimCluster, name: string): string[] {
  return c
    .list('Event', { namespace: 'default' })
    .filter((e: Any) => e.reason === 'FailedScheduling' && e.involvedObject.name === name)
    .map((e: Any) => e.message);
}

const nodeOf = (c: SimCluster, name: string) =>
  (c.get('Pod', 'default', name) as Pod | undefined)?.spec.nodeName;

function editNode(c: SimCluster, name: string, f: (n: Any) => void): void {
  const n = structuredClone(c.get('Node', undefined, name)) as Any;
  f(n);
  const r = c.update(n as K8sObject);
  if (!r.ok) throw new Error(r.error.message);
}

const kind = () => drive({ seed: 3, profile: 'kind' });
const dd = () => drive({ seed: 3 });

describe('NodeAffinity', () => {
  it('a nodeSelector no node has: Pending, UnschedulableAndUnresolvable on every node (kind)', () => {
    const d = kind()
      .applyOk(pod('ssd', { nodeSelector: { disktype: 'ssd' } }))
      .advance(1000);
    expect(nodeOf(d.cluster, 'ssd')).toBeUndefined();
    expect(failed(d.cluster, 'ssd')).toEqual([
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ]);
  });

  it('labelling a node to match moves the Pod there (the NodeAffinity queueing hint)', () => {
    const d = kind()
      .applyOk(pod('ssd', { nodeSelector: { disktype: 'ssd' } }))
      .advance(1000);
    // handleSchedulingFailure's updatePod: PodScheduled False, Unschedulable, the same message.
    const waiting = d.cluster.get('Pod', 'default', 'ssd') as Pod;
    expect(waiting.status.conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: expect.any(String),
        reason: 'Unschedulable',
        message: failed(d.cluster, 'ssd')[0],
      },
    ]);
    editNode(d.cluster, 'kind-worker2', (n) => {
      n.metadata.labels.disktype = 'ssd';
    });
    d.advance(1000);
    expect(nodeOf(d.cluster, 'ssd')).toBe('kind-worker2');
    expect(failed(d.cluster, 'ssd')).toHaveLength(1);
    const scheduled = (d.cluster.get('Pod', 'default', 'ssd') as Pod).status.conditions?.find(
      (c) => c.type === 'PodScheduled',
    );
    expect(scheduled?.status).toBe('True');
  });

  it('an unrelated label does not retry the Pod (no second FailedScheduling)', () => {
    const d = kind()
      .applyOk(pod('ssd', { nodeSelector: { disktype: 'ssd' } }))
      .advance(1000);
    editNode(d.cluster, 'kind-worker', (n) => {
      n.metadata.labels.other = 'x';
    });
    d.advance(1000);
    expect(failed(d.cluster, 'ssd')).toHaveLength(1);
  });

  it('required matchExpressions: In, NotIn, Exists, DoesNotExist, Gt, Lt', () => {
    const term = (matchExpressions: Any[]) => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] },
        },
      },
    });
    const d = kind();
    editNode(d.cluster, 'kind-worker', (n) => {
      n.metadata.labels.gen = '5';
    });
    editNode(d.cluster, 'kind-worker2', (n) => {
      n.metadata.labels.gen = '9';
    });
    d.applyOk(pod('in', term([{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-worker2'] }])))
      .applyOk(
        pod('notin', term([{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['kind-worker'] }])),
      )
      .applyOk(pod('gt', term([{ key: 'gen', operator: 'Gt', values: ['6'] }])))
      .applyOk(pod('lt', term([{ key: 'gen', operator: 'Lt', values: ['6'] }])))
      .applyOk(pod('exists', term([{ key: 'gen', operator: 'Exists' }])))
      .applyOk(
        pod(
          'dne',
          term([
            { key: 'gen', operator: 'DoesNotExist' },
            { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
          ]),
        ),
      )
      .advance(1000);
    const c = d.cluster;
    expect(nodeOf(c, 'in')).toBe('kind-worker2');
    expect(nodeOf(c, 'notin')).toBe('kind-worker2');
    expect(nodeOf(c, 'gt')).toBe('kind-worker2');
    expect(nodeOf(c, 'lt')).toBe('kind-worker');
    expect(['kind-worker', 'kind-worker2']).toContain(nodeOf(c, 'exists'));
    // Only the control plane lacks `gen`, and its taint is not tolerated.
    expect(nodeOf(c, 'dne')).toBeUndefined();
    expect(failed(c, 'dne')[0]).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it('matchFields metadata.name: the other nodes did not satisfy the NodeAffinity PreFilter', () => {
    const d = kind()
      .applyOk(
        pod('pinned', {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kind-control-plane'] }] },
                ],
              },
            },
          },
        }),
      )
      .advance(1000);
    expect(failed(d.cluster, 'pinned')).toEqual([
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ]);
  });
});

describe('TaintToleration and NodeUnschedulable', () => {
  it("names each node's own first untolerated taint, with its value", () => {
    const d = kind();
    editNode(d.cluster, 'kind-worker', (n) => {
      n.spec.taints = [
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
        { key: 'other', effect: 'NoExecute' },
      ];
    });
    editNode(d.cluster, 'kind-worker2', (n) => {
      n.spec.taints = [
        { key: 'soft', effect: 'PreferNoSchedule' },
        { key: 'evict', value: 'yes', effect: 'NoExecute' },
      ];
    });
    d.applyOk(pod('p')).advance(1000);
    expect(failed(d.cluster, 'p')).toEqual([
      '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {evict: yes}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
    // Removing the worker's taints (kubectl taint …-) retries the Pod there.
    editNode(d.cluster, 'kind-worker', (n) => {
      delete n.spec.taints;
    });
    d.advance(1000);
    expect(nodeOf(d.cluster, 'p')).toBe('kind-worker');
  });

  it('a toleration with the value lets the Pod through; Exists without a key tolerates everything', () => {
    const d = kind();
    for (const w of ['kind-worker', 'kind-worker2'])
      editNode(d.cluster, w, (n) => {
        n.spec.taints = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }];
      });
    d.applyOk(pod('wrongvalue', { tolerations: [{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }] }))
      .applyOk(pod('ok', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }] }))
      .applyOk(pod('all', { tolerations: [{ operator: 'Exists' }] }))
      .advance(1000);
    expect(nodeOf(d.cluster, 'wrongvalue')).toBeUndefined();
    expect(['kind-worker', 'kind-worker2']).toContain(nodeOf(d.cluster, 'ok'));
    expect(nodeOf(d.cluster, 'all')).toBeDefined();
  });

  it('a cordoned node: "were unschedulable"; uncordon schedules; tolerating the unschedulable taint passes', () => {
    const d = dd();
    editNode(d.cluster, 'docker-desktop', (n) => {
      n.spec.unschedulable = true;
    });
    d.applyOk(pod('p'))
      .applyOk(
        pod('tolerant', {
          tolerations: [
            { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
          ],
        }),
      )
      .advance(1000);
    expect(failed(d.cluster, 'p')).toEqual([
      '0/1 nodes are available: 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
    expect(nodeOf(d.cluster, 'tolerant')).toBe('docker-desktop');
    editNode(d.cluster, 'docker-desktop', (n) => {
      delete n.spec.unschedulable;
    });
    d.advance(1000);
    expect(nodeOf(d.cluster, 'p')).toBe('docker-desktop');
  });
});

describe('cordon as kubectl and the node lifecycle controller leave it', () => {
  it('spec.unschedulable plus the unschedulable taint: NodeUnschedulable answers first; uncordon retries', () => {
    const d = kind();
    for (const w of ['kind-worker', 'kind-worker2'])
      editNode(d.cluster, w, (n) => {
        n.spec.unschedulable = true;
        n.spec.taints = [
          {
            key: 'node.kubernetes.io/unschedulable',
            effect: 'NoSchedule',
            timeAdded: '2026-01-08T09:30:00Z',
          },
        ];
      });
    d.applyOk(pod('p')).advance(1000);
    expect(failed(d.cluster, 'p')).toEqual([
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
    editNode(d.cluster, 'kind-worker2', (n) => {
      delete n.spec.unschedulable;
      delete n.spec.taints;
    });
    d.advance(1000);
    expect(nodeOf(d.cluster, 'p')).toBe('kind-worker2');
  });
});

describe('NodeResourcesFit', () => {
  it('ephemeral-storage beyond what is left', () => {
    const d = dd()
      .applyOk(
        pod('disk', {
          containers: [
            { name: 'c', image: 'nginx', resources: { requests: { 'ephemeral-storage': '2Ti' } } },
          ],
        }),
      )
      .advance(1000);
    expect(failed(d.cluster, 'disk')).toEqual([
      '0/1 nodes are available: 1 Insufficient ephemeral-storage. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
  });

  it('cpu beyond what is left: Insufficient cpu, a preemption candidate; beyond allocatable: not', () => {
    const d = dd()
      .applyOk(
        pod('half', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '7' } } }] }),
      )
      .applyOk(
        pod('more', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }] }),
      )
      .applyOk(
        pod('huge', {
          containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '9', memory: '64Gi' } } }],
        }),
      )
      .advance(1000);
    expect(nodeOf(d.cluster, 'half')).toBe('docker-desktop');
    // The boot's Pods request 850m (2 x CoreDNS 100m, etcd 100m, apiserver 250m, controller-manager 200m, scheduler 100m).
    expect(failed(d.cluster, 'more')).toEqual([
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ]);
    expect(failed(d.cluster, 'huge')).toEqual([
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
    // Deleting the big Pod frees the room (AssignedPodDelete moves the waiting Pod).
    d.delete('Pod', 'half', 'default', { gracePeriodSeconds: 0 }).advance(1000);
    expect(nodeOf(d.cluster, 'more')).toBe('docker-desktop');
    expect(nodeOf(d.cluster, 'huge')).toBeUndefined();
  });

  it('requests defaulted from limits count (a limit of 9 cpus never fits an 8-cpu node)', () => {
    const d = dd()
      .applyOk(
        pod('limited', { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '9' } } }] }),
      )
      .advance(1000);
    expect(failed(d.cluster, 'limited')).toEqual([
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
  });

  it('Too many pods against status.allocatable.pods', () => {
    const d = drive({ seed: 3, maxPodsPerNode: 10 } as Any)
      .applyOk(pod('a'))
      .applyOk(pod('b'))
      .advance(1000);
    expect(nodeOf(d.cluster, 'a')).toBe('docker-desktop');
    expect(failed(d.cluster, 'b')).toEqual([
      '0/1 nodes are available: 1 Too many pods. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ]);
  });

  it('preemptionPolicy Never: not eligible', () => {
    const d = dd()
      .applyOk(
        pod('never', {
          preemptionPolicy: 'Never',
          containers: [{ name: 'c', image: 'nginx', resources: { requests: { memory: '7680Mi' } } }],
        }),
      )
      .advance(1000);
    expect(failed(d.cluster, 'never')).toEqual([
      '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.',
    ]);
  });
});

describe('NodePorts', () => {
  it('a hostPort already held on the node', () => {
    const ports = {
      containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }],
    };
    const d = dd().applyOk(pod('a', ports)).applyOk(pod('b', ports)).advance(1000);
    expect(nodeOf(d.cluster, 'a')).toBe('docker-desktop');
    expect(failed(d.cluster, 'b')).toEqual([
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    ]);
  });
});

describe('InterPodAffinity (required)', () => {
  const anti = (app: string) => ({
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' },
        ],
      },
    },
  });
  const aff = (app: string) => ({
    affinity: {
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' },
        ],
      },
    },
  });

  it('anti-affinity spreads one per worker, then the third waits', () => {
    const d = kind()
      .applyOk(pod('w1', anti('web'), { app: 'web' }))
      .applyOk(pod('w2', anti('web'), { app: 'web' }))
      .applyOk(pod('w3', anti('web'), { app: 'web' }))
      .advance(1000);
    const nodes = ['w1', 'w2'].map((n) => nodeOf(d.cluster, n)).sort();
    expect(nodes).toEqual(['kind-worker', 'kind-worker2']);
    expect(failed(d.cluster, 'w3')).toEqual([
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    ]);
  });

  it("an existing Pod's anti-affinity keeps a matching Pod off its node", () => {
    const d = dd()
      .applyOk(pod('guard', anti('intruder'), { app: 'guard' }))
      .applyOk(pod('intruder'))
      .advance(1000);
    expect(failed(d.cluster, 'intruder')).toEqual([
      "0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    ]);
  });

  it('affinity to a Pod nowhere: unresolvable; to itself (first of a series): allowed; follows its target', () => {
    const d = kind()
      .applyOk(pod('lonely', aff('ghost')))
      .applyOk(pod('self', aff('self'), { app: 'self' }))
      .advance(1000);
    expect(failed(d.cluster, 'lonely')).toEqual([
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ]);
    const at = nodeOf(d.cluster, 'self');
    expect(at).toBeDefined();
    d.applyOk(pod('follower', aff('self'))).advance(1000);
    expect(nodeOf(d.cluster, 'follower')).toBe(at);
    // The target appears: the waiting Pod is retried (AssignedPodAdd) and joins it.
    d.applyOk(pod('ghost', {}, { app: 'ghost' })).advance(1000);
    expect(nodeOf(d.cluster, 'lonely')).toBe(nodeOf(d.cluster, 'ghost'));
  });
});

describe('PodTopologySpread (DoNotSchedule)', () => {
  const spread = (maxSkew: number, key = 'kubernetes.io/hostname') => ({
    topologySpreadConstraints: [
      {
        maxSkew,
        topologyKey: key,
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app: 's' } },
      },
    ],
  });

  it('maxSkew 1 over the workers: one each, then the next must wait (the control plane counts as a domain)', () => {
    const d = kind();
    const c = d.cluster;
    for (const n of ['s1', 's2', 's3']) d.applyOk(pod(n, spread(1), { app: 's' }));
    d.advance(1000);
    // The control plane is a hostname domain with 0 matching Pods (it passes NodeAffinity), so
    // skew = count + 1 - 0 must stay <= 1: one Pod per worker.
    expect(['s1', 's2'].map((n) => nodeOf(c, n)).sort()).toEqual(['kind-worker', 'kind-worker2']);
    expect(failed(c, 's3')).toEqual([
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod topology spread constraints. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    ]);
  });

  it('a topology key no node has: missing required label, unresolvable', () => {
    const d = dd()
      .applyOk(pod('z', spread(1, 'topology.kubernetes.io/zone'), { app: 's' }))
      .advance(1000);
    expect(failed(d.cluster, 'z')).toEqual([
      "0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label). no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    ]);
  });
});

describe('scheduling queue', () => {
  it("another scheduler's Pod is left alone; a gated Pod waits for its last gate to go", () => {
    const d = dd()
      .applyOk(pod('mine', { schedulerName: 'my-scheduler' }))
      .applyOk(pod('gated', { schedulingGates: [{ name: 'example.com/wait' }] }))
      .advance(1000);
    expect(nodeOf(d.cluster, 'mine')).toBeUndefined();
    expect(failed(d.cluster, 'mine')).toEqual([]);
    expect(nodeOf(d.cluster, 'gated')).toBeUndefined();
    expect(failed(d.cluster, 'gated')).toEqual([]);
    // (Our API server's Pod update validation does not yet allow removing a gate, as 1.34's does:
    // write the store directly.)
    const g = structuredClone(d.cluster.get('Pod', 'default', 'gated')) as Any;
    g.spec.schedulingGates = [];
    d.cluster.internals.store.put(g);
    d.advance(1000);
    expect(nodeOf(d.cluster, 'gated')).toBe('docker-desktop');
  });

  it('matchFields terms that exclude each other: the NodeAffinity PreFilter conflict', () => {
    const d = kind()
      .applyOk(
        pod('conflict', {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchFields: [
                      { key: 'metadata.name', operator: 'In', values: ['kind-worker'] },
                      { key: 'metadata.name', operator: 'In', values: ['kind-worker2'] },
                    ],
                  },
                ],
              },
            },
          },
        }),
      )
      .advance(1000);
    expect(failed(d.cluster, 'conflict')).toEqual([
      '0/3 nodes are available: pod affinity terms conflict. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
  });

  it('a parked Pod is retried by the 5-minute leftover flush, not before (no event flood)', () => {
    const d = dd()
      .applyOk(pod('ssd', { nodeSelector: { disktype: 'ssd' } }))
      .advance(60_000);
    expect(failed(d.cluster, 'ssd')).toHaveLength(1);
    d.advance(5 * 60_000);
    const n = (d.cluster.list('Event', { namespace: 'default' }) as Any[]).find(
      (e) => e.reason === 'FailedScheduling',
    ).count;
    expect(n).toBe(2);
  });

  it('reconciling every Pod key again changes nothing: bound Pods stay, parked Pods are not retried', () => {
    const d = kind()
      .applyOk(pod('bound'))
      .applyOk(pod('parked', { nodeSelector: { disktype: 'ssd' } }))
      .advance(1000);
    const before = d.snapshot();
    const m = d.cluster.internals.manager;
    for (const p of d.cluster.list('Pod'))
      m.enqueueFor('default-scheduler', `${p.metadata.namespace}/${p.metadata.name}`);
    expect(m.runUntilIdle()).toBeGreaterThan(0);
    for (const p of d.cluster.list('Pod'))
      m.enqueueFor('default-scheduler', `${p.metadata.namespace}/${p.metadata.name}`);
    m.runUntilIdle();
    d.cluster.runUntilIdle();
    expect(d.snapshot()).toBe(before);
    expect(failed(d.cluster, 'parked')).toHaveLength(1);
  });
});
