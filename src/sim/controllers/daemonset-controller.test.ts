// A user's DaemonSet under the simulated 1.34 daemon controller (daemonset-controller.ts,
// daemonset-nodes.ts, daemonset-rolling.ts): one Pod per eligible node (kind's control plane is
// tainted NoSchedule), the Pods' names, labels, affinity and tolerations, a second reconcile that
// changes nothing, a deleted Pod re-created, the status, RollingUpdate node by node, OnDelete, and
// the garbage collector's cascade.
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Deployment, K8sObject, Pod, ReplicaSet } from '../api/types';
import { NAME_ALPHABET } from '../apiserver/server';
import { createCluster, type SimCluster } from '../cluster';

// biome-ignore lint/suspicious/noExplicitAny: test manifests.
type Any = any;

const template = (image: string, extra: Any = {}) => ({
  metadata: { labels: { app: 'agent' } },
  spec: { containers: [{ name: 'agent', image }], ...extra },
});

function dsDoc(image = 'nginx:1.27', spec: Any = {}, tspec: Any = {}): Any {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: template(image, tspec), ...spec },
  };
}

function applied(c: SimCluster, doc: Any): void {
  const [o] = c.apply([doc]);
  if (!o?.result.ok) throw new Error(JSON.stringify(o?.result));
}

const podsOf = (c: SimCluster) =>
  (c.list('Pod', { namespace: 'default', labelSelector: 'app=agent' }) as Pod[]).sort((a, b) =>
    (a.spec.nodeName ?? '') < (b.spec.nodeName ?? '') ? -1 : 1,
  );
const dsOf = (c: SimCluster) => c.get('DaemonSet', 'default', 'agent') as DaemonSet;
const live = (c: SimCluster) => podsOf(c).filter((p) => !p.metadata.deletionTimestamp);

describe('DaemonSet controller (a user DaemonSet)', () => {
  it('runs one Pod per worker on kind and none on the tainted control plane', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc());
    c.advance(30_000);
    const pods = podsOf(c);
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['kind-worker', 'kind-worker2']);
    const ds = dsOf(c);
    const name = new RegExp(`^agent-[${NAME_ALPHABET}]{5}$`);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(name);
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: 'agent',
          uid: ds.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(p.metadata.labels?.['pod-template-generation']).toBe('1');
      expect((p.spec as Any).affinity).toEqual({
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] },
            ],
          },
        },
      });
      // AddOrUpdateDaemonPodTolerations (not on the host network: no network-unavailable).
      expect(p.spec.tolerations?.map((t: Any) => `${t.key}:${t.effect}`)).toEqual([
        'node.kubernetes.io/not-ready:NoExecute',
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/disk-pressure:NoSchedule',
        'node.kubernetes.io/memory-pressure:NoSchedule',
        'node.kubernetes.io/pid-pressure:NoSchedule',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ]);
      expect(p.status?.phase).toBe('Running');
    }
    expect(ds.status).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
    const events = (c.list('Event', { namespace: 'default' }) as Any[]).filter(
      (e) => e.involvedObject.kind === 'DaemonSet',
    );
    expect(events.map((e) => `${e.reason} ${e.message}`).sort()).toEqual(
      pods.map((p) => `SuccessfulCreate Created pod: ${p.metadata.name}`).sort(),
    );
  });

  it('tolerating the control-plane taint puts a Pod there too; a hostNetwork Pod gets network-unavailable', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    const tol = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];
    applied(c, dsDoc('nginx:1.27', {}, { tolerations: tol, hostNetwork: true }));
    c.advance(30_000);
    const pods = podsOf(c);
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    const ts = (pods[0] as Pod).spec.tolerations as Any[];
    expect(ts[0]).toEqual(tol[0]);
    expect(ts.at(-1)).toEqual({
      effect: 'NoSchedule',
      key: 'node.kubernetes.io/network-unavailable',
      operator: 'Exists',
    });
    expect(dsOf(c).status.desiredNumberScheduled).toBe(3);
  });

  it('a required node affinity picks the nodes, and the Pod carries only the matchFields term', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['kind-worker'] },
              ],
            },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [{ key: 'x', operator: 'Exists' }] } },
        ],
      },
    };
    applied(c, dsDoc('nginx:1.27', {}, { affinity }));
    c.advance(30_000);
    const pods = podsOf(c);
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['kind-worker2']);
    // ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms replaced, the preferred kept.
    expect(((pods[0] as Pod).spec as Any).affinity.nodeAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kind-worker2'] }] },
        ],
      },
      preferredDuringSchedulingIgnoredDuringExecution:
        affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution,
    });
  });

  it('a template toleration matching a daemon one is replaced where it stands (AddOrUpdateTolerationInPodSpec)', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    const tolerations = [
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 60,
      },
      { key: 'example.com/x', operator: 'Equal', value: 'y', effect: 'NoSchedule' },
    ];
    applied(c, dsDoc('nginx:1.27', {}, { tolerations }));
    c.advance(30_000);
    expect((podsOf(c)[0] as Pod).spec.tolerations).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists' },
      tolerations[1],
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'node.kubernetes.io/disk-pressure', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'node.kubernetes.io/memory-pressure', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'node.kubernetes.io/pid-pressure', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', operator: 'Exists' },
    ]);
  });

  it('a nodeSelector no node matches schedules nothing', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc('nginx:1.27', {}, { nodeSelector: { disk: 'ssd' } }));
    c.advance(10_000);
    expect(podsOf(c)).toHaveLength(0);
    expect(dsOf(c).status).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0 });
  });

  it('the controller-revision-hash is ComputeHash of the template, as a Deployment names its ReplicaSet', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc());
    applied(c, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'same' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: template('nginx:1.27') },
    });
    c.advance(5000);
    const d = c.get('Deployment', 'default', 'same') as Deployment;
    const rs = (c.list('ReplicaSet', { namespace: 'default' }) as ReplicaSet[]).find((r) =>
      r.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid),
    ) as ReplicaSet;
    const hash = rs.metadata.labels?.['pod-template-hash'];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    const dsPods = podsOf(c).filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet');
    expect(dsPods).toHaveLength(2);
    for (const p of dsPods) expect(p.metadata.labels?.['controller-revision-hash']).toBe(hash);
  });

  it('a second reconcile of a settled DaemonSet writes nothing', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc());
    c.advance(30_000);
    const rev = c.internals.store.revision;
    const ds = dsOf(c);
    c.internals.manager.enqueueFor('publishers', 'DaemonSet/default/agent');
    c.internals.manager.runUntilIdle();
    c.internals.manager.enqueueFor('publishers', 'DaemonSet/default/agent');
    c.internals.manager.runUntilIdle();
    expect(c.internals.store.revision).toBe(rev);
    expect(dsOf(c)).toBe(ds);
  });

  it('re-creates a deleted Pod on its node once the old one is gone', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc());
    c.advance(30_000);
    const victim = podsOf(c)[0] as Pod;
    expect(c.delete('Pod', 'default', victim.metadata.name).ok).toBe(true);
    c.advance(100);
    // Still terminating: it counts as the node's Pod (podsShouldBeOnNode), no second one yet.
    expect(podsOf(c).filter((p) => p.spec.nodeName === victim.spec.nodeName)).toHaveLength(1);
    c.advance(60_000);
    const now = podsOf(c);
    expect(now).toHaveLength(2);
    const fresh = now.find((p) => p.spec.nodeName === victim.spec.nodeName) as Pod;
    expect(fresh.metadata.name).not.toBe(victim.metadata.name);
    expect(fresh.metadata.labels).toEqual(victim.metadata.labels);
    expect(dsOf(c).status.numberReady).toBe(2);
  });

  it('RollingUpdate replaces the Pods node by node, never more than maxUnavailable 1 down', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc());
    c.advance(60_000);
    const oldHash = podsOf(c)[0]?.metadata.labels?.['controller-revision-hash'];
    applied(c, dsDoc('nginx:1.28'));
    const ds = dsOf(c);
    expect(ds.metadata.generation).toBe(2);
    expect(ds.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    let maxDown = 0;
    for (let i = 0; i < 240; i++) {
      c.advance(500);
      const ready = live(c).filter((p) =>
        p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'),
      ).length;
      maxDown = Math.max(maxDown, 2 - ready);
      expect(live(c).length).toBeLessThanOrEqual(2);
    }
    expect(maxDown).toBe(1);
    const pods = podsOf(c);
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.labels?.['pod-template-generation']).toBe('2');
      expect(p.metadata.labels?.['controller-revision-hash']).not.toBe(oldHash);
      expect(p.spec.containers[0]?.image).toBe('nginx:1.28');
    }
    expect(dsOf(c).status).toMatchObject({
      observedGeneration: 2,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
  });

  it('OnDelete leaves the old Pods until one is deleted, whose replacement is new', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    const onDelete = { updateStrategy: { type: 'OnDelete' } };
    applied(c, dsDoc('nginx:1.27', onDelete));
    c.advance(60_000);
    applied(c, dsDoc('nginx:1.28', onDelete));
    c.advance(120_000);
    expect(podsOf(c).map((p) => p.spec.containers[0]?.image)).toEqual(['nginx:1.27', 'nginx:1.27']);
    expect(dsOf(c).status.updatedNumberScheduled).toBeUndefined();
    c.delete('Pod', 'default', (podsOf(c)[0] as Pod).metadata.name);
    c.advance(120_000);
    expect(podsOf(c).map((p) => p.spec.containers[0]?.image)).toEqual(['nginx:1.28', 'nginx:1.27']);
    expect(dsOf(c).status.updatedNumberScheduled).toBe(1);
  });

  it('maxSurge 1 starts the new Pod beside the old one and deletes the old once it is available', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    const surge = {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    };
    applied(c, dsDoc('nginx:1.27', surge));
    c.advance(60_000);
    applied(c, dsDoc('nginx:1.28', surge));
    c.advance(100);
    const pods = live(c);
    expect(pods).toHaveLength(3);
    expect(pods.filter((p) => p.spec.containers[0]?.image === 'nginx:1.28')).toHaveLength(1);
    c.advance(180_000);
    expect(podsOf(c).map((p) => p.spec.containers[0]?.image)).toEqual(['nginx:1.28', 'nginx:1.28']);
  });

  it('re-created after an orphaning delete, it adopts the Pods still running instead of adding more', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc());
    c.advance(30_000);
    const before = podsOf(c).map((p) => p.metadata.name);
    expect(c.delete('DaemonSet', 'default', 'agent', { propagationPolicy: 'Orphan' }).ok).toBe(true);
    c.advance(5000);
    expect(podsOf(c).every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
    applied(c, dsDoc());
    c.advance(5000);
    const pods = podsOf(c);
    expect(pods.map((p) => p.metadata.name)).toEqual(before);
    const uid = dsOf(c).metadata.uid;
    for (const p of pods)
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', uid, controller: true });
    expect(dsOf(c).status).toMatchObject({ currentNumberScheduled: 2, updatedNumberScheduled: 2 });
  });

  it('a Pod relabelled out of the selector is released and replaced on its node', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc());
    c.advance(30_000);
    const p = podsOf(c)[0] as Pod;
    const r = c.update({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata.labels, app: 'debug' } } });
    expect(r.ok).toBe(true);
    c.advance(30_000);
    const released = c.get('Pod', 'default', p.metadata.name) as Pod;
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(released.status?.phase).toBe('Running');
    const mine = podsOf(c);
    expect(mine.map((x) => x.spec.nodeName)).toEqual(['kind-worker', 'kind-worker2']);
    expect(mine.map((x) => x.metadata.name)).not.toContain(p.metadata.name);
  });

  it('deleting the DaemonSet deletes its Pods (garbage collector)', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc());
    c.advance(30_000);
    expect(c.delete('DaemonSet', 'default', 'agent').ok).toBe(true);
    c.advance(60_000);
    expect(podsOf(c)).toHaveLength(0);
    expect(c.get('DaemonSet', 'default', 'agent')).toBeUndefined();
  });

  it('a Service selecting the Pods gets their addresses in its Endpoints', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    applied(c, dsDoc('nginx:1.27', {}, {}));
    applied(c, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'agent' },
      spec: { selector: { app: 'agent' }, ports: [{ port: 80 }] },
    });
    c.advance(30_000);
    const ep = c.get('Endpoints', 'default', 'agent') as K8sObject as Any;
    const ips = (ep.subsets?.[0]?.addresses ?? []).map((a: Any) => a.ip).sort();
    expect(ips).toEqual(
      podsOf(c)
        .map((p) => p.status?.podIP)
        .sort(),
    );
    expect(ips).toHaveLength(2);
  });
});
