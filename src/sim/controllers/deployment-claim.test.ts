// The Deployment controller claims ReplicaSets as getReplicaSetsForDeployment → ClaimReplicaSets
// does (controller_ref_manager.go): a ReplicaSet it controls whose labels its selector no longer
// matches is released (the ownerReference removed, the ReplicaSet and its Pods left running) and a
// new one is created; an orphan ReplicaSet its selector matches is adopted (a controller
// ownerReference added) unless the Deployment is being deleted. The classic case: `kubectl delete
// deployment web --cascade=orphan`, then re-applying the same Deployment adopts the ReplicaSet it
// left behind (same template ⇒ same pod-template-hash ⇒ no new ReplicaSet, no new Pods).
// [K8S pkg/controller/deployment/deployment_controller.go, controller/controller_ref_manager.go,
// deployment/sync.go getNewReplicaSet]
import { describe, expect, it } from 'vitest';
import type { Deployment, K8sObject, Pod, ReplicaSet } from '../api/types';
import { type Driver, drive } from '../testing/driver';
import { WEB_X3 } from '../testing/manifests';

const REVISION = 'deployment.kubernetes.io/revision';

const replicaSets = (d: Driver) => d.cluster.list('ReplicaSet', { namespace: 'default' }) as ReplicaSet[];
const podNames = (d: Driver) => (d.pods() as Pod[]).map((p) => p.metadata.name).sort();

function theReplicaSet(d: Driver): ReplicaSet {
  const all = replicaSets(d);
  expect(all).toHaveLength(1);
  return all[0] as ReplicaSet;
}

const controllerOf = (o: K8sObject) => o.metadata.ownerReferences?.find((r) => r.controller);

function reasons(d: Driver, reason: string): string[] {
  return d.cluster
    .list('Event', { namespace: 'default' })
    .map((e) => e as unknown as { reason: string; message: string })
    .filter((e) => e.reason === reason)
    .map((e) => e.message);
}

/**
 * WEB_X3 with a template annotation: a second template (revision). Not an image tag: the
 * imagePullPolicy defaulted for the untagged image stays `Always` across an update, so a fresh
 * create of the tagged image would have a different template (and hash), in Kubernetes too.
 */
const WEB_V2 = WEB_X3.replace(
  '      labels:\n        app: web\n',
  '      labels:\n        app: web\n      annotations:\n        version: "2"\n',
);

describe('deployment controller: ReplicaSet release and adoption', () => {
  it('orphan delete then re-apply adopts the ReplicaSet: one RS, the same Pods, nothing created', () => {
    const d = drive({ seed: 81 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    const pods = podNames(d);
    expect(pods).toHaveLength(3);
    const firstDep = d.get('Deployment', 'web') as Deployment;

    d.delete('Deployment', 'web', 'default', { propagationPolicy: 'Orphan' }).advance(30_000);
    expect(d.get('Deployment', 'web')).toBeUndefined();
    const orphan = d.get('ReplicaSet', rs.metadata.name) as ReplicaSet;
    expect(orphan.metadata.uid).toBe(rs.metadata.uid);
    expect(orphan.metadata.ownerReferences).toBeUndefined();
    expect(podNames(d)).toEqual(pods);

    d.applyOk(WEB_X3);
    const dep = d.get('Deployment', 'web') as Deployment;
    expect(dep.metadata.uid).not.toBe(firstDep.metadata.uid);
    // Adopted in the sync the create queues: a controller reference to the new Deployment.
    const adopted = theReplicaSet(d);
    expect(adopted.metadata.uid).toBe(rs.metadata.uid);
    expect(adopted.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: dep.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    d.advance(60_000);
    expect(theReplicaSet(d).metadata.uid).toBe(rs.metadata.uid);
    expect(podNames(d)).toEqual(pods);
    const after = d.get('Deployment', 'web') as Deployment;
    expect(after.status?.collisionCount).toBeUndefined();
    expect(after.metadata.annotations?.[REVISION]).toBe('1');
    expect(after.status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    // Nothing was created or scaled for the second Deployment.
    expect(reasons(d, 'SuccessfulCreate')).toHaveLength(3);
    expect(reasons(d, 'ScalingReplicaSet')).toEqual([
      `Scaled up replica set ${rs.metadata.name} from 0 to 3`,
    ]);
  });

  it('an adopted old ReplicaSet keeps its revision; the Deployment takes the max', () => {
    // Revision 1 (v1) then revision 2 (v2), both left behind by an orphan delete.
    expect(WEB_V2).not.toBe(WEB_X3);
    const d = drive({ seed: 82 }).applyOk(WEB_X3).advance(60_000).applyOk(WEB_V2).advance(120_000);
    const [v1, v2] = (() => {
      const all = replicaSets(d);
      expect(all).toHaveLength(2);
      const byRev = (n: string) => all.find((r) => r.metadata.annotations?.[REVISION] === n) as ReplicaSet;
      return [byRev('1'), byRev('2')];
    })();
    expect(v1?.spec.replicas).toBe(0);
    d.delete('Deployment', 'web', 'default', { propagationPolicy: 'Orphan' }).advance(10_000);

    // Re-applying v2 adopts both: v2 stays revision 2 and is the new ReplicaSet, v1 an old one.
    d.applyOk(WEB_V2).advance(60_000);
    const dep = d.get('Deployment', 'web') as Deployment;
    const all = replicaSets(d);
    expect(all.map((r) => r.metadata.uid).sort()).toEqual([v1?.metadata.uid, v2?.metadata.uid].sort());
    for (const r of all) expect(controllerOf(r)?.uid).toBe(dep.metadata.uid);
    expect(
      (d.get('ReplicaSet', v1?.metadata.name as string) as ReplicaSet).metadata.annotations?.[REVISION],
    ).toBe('1');
    expect(
      (d.get('ReplicaSet', v2?.metadata.name as string) as ReplicaSet).metadata.annotations?.[REVISION],
    ).toBe('2');
    expect(dep.metadata.annotations?.[REVISION]).toBe('2');
    expect(dep.status?.collisionCount).toBeUndefined();
  });

  it('re-applying the older template after an orphan delete makes its ReplicaSet revision 3', () => {
    const d = drive({ seed: 83 }).applyOk(WEB_X3).advance(60_000).applyOk(WEB_V2).advance(120_000);
    const v1 = replicaSets(d).find((r) => r.metadata.annotations?.[REVISION] === '1') as ReplicaSet;
    d.delete('Deployment', 'web', 'default', { propagationPolicy: 'Orphan' }).advance(10_000);
    d.applyOk(WEB_X3).advance(120_000);
    // getNewReplicaSet: the new ReplicaSet's revision must exceed every old one's
    // (SetNewReplicaSetAnnotations), the old number kept in revision-history.
    const now = d.get('ReplicaSet', v1.metadata.name) as ReplicaSet;
    expect(now.metadata.uid).toBe(v1.metadata.uid);
    expect(now.metadata.annotations?.[REVISION]).toBe('3');
    expect(now.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(now.spec.replicas).toBe(3);
    expect((d.get('Deployment', 'web') as Deployment).metadata.annotations?.[REVISION]).toBe('3');
    expect(replicaSets(d)).toHaveLength(2);
  });

  it('an adopted ReplicaSet without a revision annotation is given revision 1', () => {
    const d = drive({ seed: 86 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    d.delete('Deployment', 'web', 'default', { propagationPolicy: 'Orphan' }).advance(10_000);
    d.tap((c) => {
      const cur = c.get('ReplicaSet', 'default', rs.metadata.name) as ReplicaSet;
      const { [REVISION]: _, ...annotations } = cur.metadata.annotations ?? {};
      const r = c.update({ ...cur, metadata: { ...cur.metadata, annotations } });
      expect(r.ok).toBe(true);
    });
    d.applyOk(WEB_X3).advance(30_000);
    const adopted = theReplicaSet(d);
    expect(adopted.metadata.uid).toBe(rs.metadata.uid);
    expect(adopted.metadata.annotations?.[REVISION]).toBe('1');
    // No earlier number to keep: no revision-history.
    expect(adopted.metadata.annotations).not.toHaveProperty('deployment.kubernetes.io/revision-history');
    expect((d.get('Deployment', 'web') as Deployment).metadata.annotations?.[REVISION]).toBe('1');
  });

  it('adopts a hand-made ReplicaSet with the same template as its new ReplicaSet', () => {
    const d = drive({ seed: 87 });
    d.applyOk(`apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: handmade
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: kiamol/ch03-numbers-web
`).advance(30_000);
    const rs = theReplicaSet(d);
    const pods = podNames(d);
    expect(pods).toHaveLength(2);
    d.applyOk(WEB_X3).advance(60_000);
    // FindNewReplicaSet compares templates ignoring pod-template-hash: the adopted ReplicaSet is
    // the new one and is scaled up; no `web-<hash>` ReplicaSet is made.
    const dep = d.get('Deployment', 'web') as Deployment;
    const now = theReplicaSet(d);
    expect(now.metadata.uid).toBe(rs.metadata.uid);
    expect(controllerOf(now)?.uid).toBe(dep.metadata.uid);
    expect(now.spec.replicas).toBe(3);
    expect(now.metadata.annotations?.[REVISION]).toBe('1');
    expect(podNames(d)).toHaveLength(3);
    expect(podNames(d).filter((n) => pods.includes(n))).toEqual(pods);
    expect(reasons(d, 'ScalingReplicaSet')).toEqual(['Scaled up replica set handmade from 2 to 3']);
    expect(dep.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  });

  it('releases a ReplicaSet relabelled out of the selector and creates a new one', () => {
    const d = drive({ seed: 84 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    const hash = rs.metadata.labels?.['pod-template-hash'] as string;
    d.tap((c) => {
      const r = c.update({
        ...rs,
        metadata: { ...rs.metadata, labels: { app: 'debug', 'pod-template-hash': hash } },
      });
      expect(r.ok).toBe(true);
    });
    const released = d.get('ReplicaSet', rs.metadata.name) as ReplicaSet;
    expect(released.metadata.ownerReferences).toBeUndefined();
    d.advance(60_000);
    // Its Pods keep running under it; the Deployment made a new ReplicaSet (the hash name is
    // taken by the released one, so collisionCount moves) with three Pods of its own.
    expect((d.get('ReplicaSet', rs.metadata.name) as ReplicaSet).status?.readyReplicas).toBe(3);
    const dep = d.get('Deployment', 'web') as Deployment;
    const owned = replicaSets(d).filter((r) => controllerOf(r)?.uid === dep.metadata.uid);
    expect(owned).toHaveLength(1);
    expect(owned[0]?.metadata.name).not.toBe(rs.metadata.name);
    expect(dep.status?.collisionCount).toBe(1);
    expect(owned[0]?.status?.readyReplicas).toBe(3);
    expect(dep.status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(d.pods()).toHaveLength(6);
  });

  it('adopts nothing while the Deployment is being deleted, and adopts once it is not', () => {
    const d = drive({ seed: 85 }).applyOk(WEB_X3).advance(60_000);
    const rs = theReplicaSet(d);
    const pods = podNames(d);
    d.delete('Deployment', 'web', 'default', { propagationPolicy: 'Orphan' }).advance(10_000);
    // The API server here never leaves a Deployment with a deletionTimestamp (no finalizers), so
    // the Deployment is written to the store directly, as a foreground deletion would leave it
    // (blocked on its dependents), before the controller ever syncs it.
    d.applyOk(WEB_X3.replace('name: web', 'name: other'));
    const other = d.get('Deployment', 'other') as Deployment;
    const store = d.cluster.internals.store;
    // The adoption happened in the apply's sync: undo it, mark the Deployment deleting, and
    // orphan the ReplicaSet again with a label change that queues the Deployment.
    d.tap((c) => {
      const cur = c.get('ReplicaSet', 'default', rs.metadata.name) as ReplicaSet;
      store.put({ ...other, metadata: { ...other.metadata, deletionTimestamp: '2026-01-08T09:30:00Z' } });
      const { ownerReferences: _, ...meta } = cur.metadata;
      const r = c.update({
        ...cur,
        metadata: { ...meta, labels: { ...cur.metadata.labels, touched: 'yes' } },
      });
      expect(r.ok).toBe(true);
    });
    d.advance(30_000);
    const still = d.get('ReplicaSet', rs.metadata.name) as ReplicaSet;
    expect(still.metadata.ownerReferences).toBeUndefined();
    expect(replicaSets(d)).toHaveLength(1);
    expect(podNames(d)).toEqual(pods);
    // No longer being deleted: the next sync adopts it.
    d.tap(() => {
      const cur = store.get('Deployment', 'default', 'other') as Deployment;
      const { deletionTimestamp: _, ...meta } = cur.metadata;
      store.put({ ...cur, metadata: meta });
    });
    d.advance(30_000);
    expect(controllerOf(d.get('ReplicaSet', rs.metadata.name) as ReplicaSet)?.uid).toBe(other.metadata.uid);
    expect(replicaSets(d)).toHaveLength(1);
    expect(podNames(d)).toEqual(pods);
  });
});
