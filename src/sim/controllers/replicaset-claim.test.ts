// The ReplicaSet controller claims Pods as ClaimPods does (controller_ref_manager.go): a Pod it
// controls that its selector no longer matches is released (the ownerReference removed, the Pod
// left running) and replaced; an active orphan its selector matches is adopted (a controller
// ownerReference added), after which surplus Pods are deleted by the usual ranking. The classic
// move: `kubectl label pod X app=debug --overwrite` takes a Pod out of service for debugging.
// [K8S pkg/controller/replicaset/replica_set.go claimPods, controller/controller_ref_manager.go]
import { describe, expect, it } from 'vitest';
import { isPodReady } from '../api/owners';
import type { Deployment, K8sObject, Pod, ReplicaSet } from '../api/types';
import { type Driver, drive } from '../testing/driver';
import { WEB_X3 } from '../testing/manifests';

const podsLabelled = (d: Driver, selector: string) =>
  d.pods({ namespace: 'default', labelSelector: selector }) as Pod[];

/** The Pods whose controller ownerReference names `rs`, and that are not being deleted. */
function activeOwned(d: Driver, rs: ReplicaSet): Pod[] {
  return (d.pods() as Pod[]).filter(
    (p) =>
      !p.metadata.deletionTimestamp &&
      p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid),
  );
}

function relabel(d: Driver, name: string, labels: Record<string, string>): void {
  d.tap((c) => {
    const p = c.get('Pod', 'default', name) as K8sObject;
    const r = c.update({ ...p, metadata: { ...p.metadata, labels } });
    expect(r.ok).toBe(true);
  });
}

function theReplicaSet(d: Driver): ReplicaSet {
  const all = d.cluster.list('ReplicaSet', { namespace: 'default' }) as ReplicaSet[];
  expect(all).toHaveLength(1);
  return all[0] as ReplicaSet;
}

describe('replicaset controller: release and adoption', () => {
  it('releases a Pod relabelled out of its selector, keeps it running, and replaces it', () => {
    const d = drive({ seed: 71 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    const debug = (d.pods() as Pod[])[0] as Pod;
    const name = debug.metadata.name;
    const hash = debug.metadata.labels?.['pod-template-hash'] as string;
    relabel(d, name, { app: 'debug', 'pod-template-hash': hash });
    d.advance(60_000);

    const released = d.get('Pod', name) as Pod;
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(released.metadata.uid).toBe(debug.metadata.uid);
    expect(released.metadata.deletionTimestamp).toBeUndefined();
    expect(released.status?.phase).toBe('Running');
    // The replacement: three Ready Pods of the ReplicaSet again, none of them the released one.
    const owned = activeOwned(d, rs);
    expect(owned).toHaveLength(3);
    expect(owned.map((p) => p.metadata.name)).not.toContain(name);
    expect(owned.every(isPodReady)).toBe(true);
    expect(podsLabelled(d, 'app=web')).toHaveLength(3);
    expect(podsLabelled(d, 'app=debug').map((p) => p.metadata.name)).toEqual([name]);
    const dep = d.get('Deployment', 'web') as Deployment;
    expect(dep.status?.readyReplicas).toBe(3);
    expect(dep.status?.availableReplicas).toBe(3);
    expect((d.get('ReplicaSet', rs.metadata.name) as ReplicaSet).status).toMatchObject({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
    });
  });

  it('adopts the Pod again when it is relabelled back, then scales down to spec.replicas', () => {
    const d = drive({ seed: 72 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    const debug = (d.pods() as Pod[])[0] as Pod;
    const name = debug.metadata.name;
    const labels = debug.metadata.labels as Record<string, string>;
    relabel(d, name, { ...labels, app: 'debug' });
    d.advance(60_000);
    const before = activeOwned(d, rs).map((p) => p.metadata.name);
    expect(before).toHaveLength(3);
    expect(before).not.toContain(name);

    relabel(d, name, labels);
    // Adoption and the scale-down happen in the sync the relabel queues, at the same instant.
    const adopted = d.get('Pod', name) as Pod;
    expect(adopted.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: rs.metadata.name,
        uid: rs.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    const after = activeOwned(d, rs).map((p) => p.metadata.name);
    expect(after).toHaveLength(3);
    // Exactly one Pod was deleted: the newest of the equally Ready ones, the replacement.
    const gone = before.filter((n) => !after.includes(n));
    expect(gone).toHaveLength(1);
    expect(after).toContain(name);
    const deletes = d.cluster
      .list('Event', { namespace: 'default' })
      .filter((e) => (e as unknown as { reason: string }).reason === 'SuccessfulDelete');
    expect(deletes.map((e) => (e as unknown as { message: string }).message)).toEqual([
      `Deleted pod: ${gone[0]}`,
    ]);
    d.advance(60_000);
    expect(podsLabelled(d, 'app=web')).toHaveLength(3);
    expect((d.get('Deployment', 'web') as Deployment).status?.readyReplicas).toBe(3);
    expect((d.get('ReplicaSet', rs.metadata.name) as ReplicaSet).status?.replicas).toBe(3);
  });

  it('adopts a bare Pod created with matching labels instead of creating one more', () => {
    const d = drive({ seed: 73 });
    const bare = d.cluster.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'stray', labels: { app: 'web', tier: 'front' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    });
    expect(bare.ok).toBe(true);
    d.applyOk(`apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
        - name: web
          image: nginx:1.27
`).advance(30_000);
    const rs = d.get('ReplicaSet', 'web') as ReplicaSet;
    const stray = d.get('Pod', 'stray') as Pod;
    expect(stray.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: rs.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    // Only two Pods were created for it.
    const names = (d.pods() as Pod[]).map((p) => p.metadata.name);
    expect(names).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('web-'))).toHaveLength(2);
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3 });
  });

  it('adopts a bare Pod that appears later and deletes the surplus by its ranking', () => {
    const d = drive({ seed: 74 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    const labels = (d.pods() as Pod[])[0]?.metadata.labels as Record<string, string>;
    const before = new Set(activeOwned(d, rs).map((p) => p.metadata.name));
    d.tap((c) => {
      const r = c.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bare', labels },
        spec: { containers: [{ name: 'web', image: 'kiamol/ch03-numbers-web' }] },
      });
      expect(r.ok).toBe(true);
    });
    // Adopted (4 Pods), then the unscheduled one goes first: the bare Pod itself.
    expect(d.get('Pod', 'bare')).toBeUndefined();
    expect(new Set(activeOwned(d, rs).map((p) => p.metadata.name))).toEqual(before);
    const msgs = d.cluster
      .list('Event', { namespace: 'default' })
      .map((e) => (e as unknown as { message: string }).message);
    expect(msgs).toContain('Deleted pod: bare');
  });

  it('leaves a matching Pod another controller owns alone', () => {
    const d = drive({ seed: 75 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    const labels = (d.pods() as Pod[])[0]?.metadata.labels as Record<string, string>;
    // A custom resource's kind is never served here, so the garbage collector takes the owner to exist.
    const ownerReferences = [
      { apiVersion: 'example.com/v1', kind: 'Database', name: 'db', uid: 'other', controller: true },
    ];
    d.tap((c) => {
      const r = c.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'owned', labels, ownerReferences },
        spec: { containers: [{ name: 'web', image: 'kiamol/ch03-numbers-web' }] },
      });
      expect(r.ok).toBe(true);
    });
    d.advance(30_000);
    expect((d.get('Pod', 'owned') as Pod).metadata.ownerReferences).toEqual(ownerReferences);
    expect(activeOwned(d, rs)).toHaveLength(3);
    expect((d.get('ReplicaSet', rs.metadata.name) as ReplicaSet).status?.replicas).toBe(3);
  });

  it('adopts nothing while the ReplicaSet is being deleted', () => {
    const d = drive({ seed: 76 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    const labels = (d.pods() as Pod[])[0]?.metadata.labels as Record<string, string>;
    // The API server here never leaves a ReplicaSet with a deletionTimestamp (no finalizers), so
    // the mark is written to the store directly, as a foreground deletion would leave it.
    d.cluster.internals.store.put({
      ...rs,
      metadata: { ...rs.metadata, deletionTimestamp: '2026-01-08T09:30:00Z' },
    });
    d.tap((c) => {
      const r = c.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'orphan', labels },
        spec: { containers: [{ name: 'web', image: 'kiamol/ch03-numbers-web' }] },
      });
      expect(r.ok).toBe(true);
    });
    d.advance(30_000);
    const orphan = d.get('Pod', 'orphan') as Pod;
    expect(orphan.metadata.ownerReferences).toBeUndefined();
    expect(orphan.status?.phase).toBe('Running');
    expect(activeOwned(d, rs)).toHaveLength(3);
  });
});
