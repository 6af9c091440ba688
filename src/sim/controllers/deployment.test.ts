// Level-based controllers: once the cluster has settled, reconciling every key again changes
// nothing (no writes, so no resourceVersion moves). One test per controller.
import { describe, expect, it } from 'vitest';
import { drive } from '../testing/driver';
import { WEB_X3 } from '../testing/manifests';

const YAML = `${WEB_X3}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 8080
      targetPort: 80
`;

function settled() {
  return drive({ seed: 31 }).applyOk(YAML).advance(30_000);
}

const keysOf = (d: ReturnType<typeof settled>, kind: 'Deployment' | 'ReplicaSet' | 'Pod' | 'Service') =>
  d.cluster.list(kind).map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe.each([
  ['deployment-controller', 'Deployment'],
  ['replicaset-controller', 'ReplicaSet'],
  ['kubelet', 'Pod'],
  ['default-scheduler', 'Pod'],
  ['service-lb-controller', 'Service'],
  ['kubernetes-service-controller', 'Service'],
] as const)('%s', (controller, kind) => {
  it('a second reconcile of every key changes nothing', () => {
    const d = settled();
    const before = d.snapshot();
    const m = d.cluster.internals.manager;
    for (const key of keysOf(d, kind)) m.enqueueFor(controller, key);
    expect(m.runUntilIdle()).toBeGreaterThan(0);
    d.cluster.runUntilIdle();
    expect(d.snapshot()).toBe(before);
  });
});

describe('garbage-collector', () => {
  it('reconciling live dependents changes nothing; orphans are collected', () => {
    const d = settled();
    const before = d.snapshot();
    const m = d.cluster.internals.manager;
    for (const o of [...d.cluster.list('Pod'), ...d.cluster.list('ReplicaSet')])
      m.enqueueFor('garbage-collector', o.metadata.uid);
    m.runUntilIdle();
    expect(d.snapshot()).toBe(before);
    // An object whose owner never existed is deleted.
    const rs = d.cluster.list('ReplicaSet', { namespace: 'default' })[0];
    d.cluster.internals.store.put({
      ...rs!,
      metadata: { ...rs!.metadata, ownerReferences: [{ ...rs!.metadata.ownerReferences![0]!, uid: 'gone' }] },
    });
    m.enqueueFor('garbage-collector', rs!.metadata.uid);
    d.cluster.runUntilIdle();
    expect(d.get('ReplicaSet', rs!.metadata.name)).toBeUndefined();
  });
});

describe('deployment status', () => {
  it('reports replicas/updated/ready/available and the Available/Progressing conditions', () => {
    const d = drive({ seed: 32 }).applyOk(YAML);
    const early = d.get('Deployment', 'web')?.status;
    expect(early.conditions.map((c: { type: string; reason: string }) => `${c.type}=${c.reason}`)).toEqual([
      'Available=MinimumReplicasUnavailable',
      'Progressing=ReplicaSetUpdated',
    ]);
    d.advance(30_000);
    const st = d.get('Deployment', 'web')?.status;
    expect([st.replicas, st.updatedReplicas, st.readyReplicas, st.availableReplicas]).toEqual([3, 3, 3, 3]);
    const rsName = d.cluster.list('ReplicaSet', { namespace: 'default' })[0]?.metadata.name;
    expect(st.conditions.map((c: { message: string }) => c.message)).toEqual([
      'Deployment has minimum availability.',
      `ReplicaSet "${rsName}" has successfully progressed.`,
    ]);
  });

  it('a bad image times out progressing after progressDeadlineSeconds', () => {
    const d = drive({ seed: 33 })
      .applyOk(YAML.replace('kiamol/ch03-numbers-web', 'kiamol/nope'))
      .advance(601_000);
    const p = d
      .get('Deployment', 'web')
      ?.status.conditions.find((c: { type: string }) => c.type === 'Progressing');
    expect(p.status).toBe('False');
    expect(p.reason).toBe('ProgressDeadlineExceeded');
  });
});

describe('pod-template-hash across template changes', () => {
  const rsHashes = (d: ReturnType<typeof drive>) =>
    d.cluster
      .list('ReplicaSet', { namespace: 'default' })
      .map(
        (rs) => `${rs.metadata.labels?.['pod-template-hash']}:${(rs.spec as { replicas: number }).replicas}`,
      )
      .sort();

  it('a new template gets a new ReplicaSet; going back reuses the first one', () => {
    const d = drive({ seed: 34 }).applyOk(WEB_X3).advance(30_000);
    const [first] = rsHashes(d);
    const v1hash = first?.split(':')[0];
    expect(d.get('Deployment', 'web')?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');

    d.applyOk(WEB_X3.replace('kiamol/ch03-numbers-web', 'kiamol/ch03-numbers-web:v2')).advance(60_000);
    const afterUpdate = rsHashes(d);
    expect(afterUpdate).toHaveLength(2);
    const v2 = afterUpdate.find((h) => !h.startsWith(`${v1hash}:`));
    expect(v2?.endsWith(':3')).toBe(true);
    expect(afterUpdate).toContain(`${v1hash}:0`);

    d.applyOk(WEB_X3).advance(60_000);
    // Same template as the first apply ⇒ same hash ⇒ that ReplicaSet is scaled back up.
    expect(rsHashes(d)).toEqual([`${v1hash}:3`, `${v2?.split(':')[0]}:0`].sort());
    const st = d.get('Deployment', 'web')?.status;
    expect([st.replicas, st.updatedReplicas, st.availableReplicas]).toEqual([3, 3, 3]);
  });
});
