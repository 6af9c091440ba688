// A StatefulSet's volumeClaimTemplates make real claims (./statefulset-claims): `<template>-<set>-
// <ordinal>` before each Pod, with the selector's labels and the controller's Events; they survive
// scale-down and Pod deletion, and the retention policy's Delete sets the owner references the
// garbage collector follows.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject } from '../api/types';

const STS = (replicas: number, policy = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
      labels:
        tier: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi${policy}`;

const claim = (d: ReturnType<typeof kdrive>, name: string) =>
  d.get('PersistentVolumeClaim', name) as K8sObject | undefined;

describe('StatefulSet claims', () => {
  it('each Pod gets its claim first; the claims bind (kind) and survive a scale-down', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).applyOk(STS(2)).advance(30_000);
    const c0 = claim(d, 'www-web-0') as K8sObject;
    expect(c0.metadata.labels).toEqual({ tier: 'data', app: 'nginx' });
    expect(c0.metadata.ownerReferences).toBeUndefined();
    expect(c0.spec.storageClassName).toBe('standard');
    expect(c0.status.phase).toBe('Bound');
    expect(claim(d, 'www-web-1')?.status.phase).toBe('Bound');
    // web-1 once web-0 is Running and Ready: its volume took 3 s (PreBind), its start 3 s.
    d.kubectl('get events --field-selector involvedObject.kind=StatefulSet');
    expect(d.text()).toBe(
      'LAST SEEN   TYPE     REASON             OBJECT            MESSAGE\n' +
        '30s         Normal   SuccessfulCreate   statefulset/web   create Claim www-web-0 Pod web-0 in StatefulSet web success\n' +
        '30s         Normal   SuccessfulCreate   statefulset/web   create Pod web-0 in StatefulSet web successful\n' +
        '24s         Normal   SuccessfulCreate   statefulset/web   create Claim www-web-1 Pod web-1 in StatefulSet web success\n' +
        '24s         Normal   SuccessfulCreate   statefulset/web   create Pod web-1 in StatefulSet web successful\n',
    );
    const vol1 = claim(d, 'www-web-1')?.spec.volumeName;
    d.applyOk(STS(1)).advance(60_000);
    expect(d.get('Pod', 'web-1')).toBeUndefined();
    expect(claim(d, 'www-web-1')?.status.phase).toBe('Bound');
    // Scaled up again: web-1 comes back to the same claim and volume, on that volume's node.
    d.applyOk(STS(2)).advance(30_000);
    const pv = d.cluster.get('PersistentVolume', undefined, vol1) as K8sObject;
    expect(claim(d, 'www-web-1')?.spec.volumeName).toBe(vol1);
    expect((d.get('Pod', 'web-1') as K8sObject).spec.nodeName).toBe(
      pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0],
    );
  });

  it('deleting a Pod keeps its claim, and the new Pod uses it', () => {
    const d = kdrive({ seed: 1 }).applyOk(STS(1)).advance(10_000);
    const uid = claim(d, 'www-web-0')?.metadata.uid;
    d.delete('Pod', 'web-0').advance(60_000);
    expect((d.get('Pod', 'web-0') as K8sObject).status.phase).toBe('Running');
    expect(claim(d, 'www-web-0')?.metadata.uid).toBe(uid);
  });

  it('whenDeleted: Delete: the claims belong to the set and go with it (and their volumes)', () => {
    const policy = '\n  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete';
    const d = kdrive({ seed: 1 }).applyOk(STS(2, policy)).advance(30_000);
    const set = d.get('StatefulSet', 'web') as K8sObject;
    expect(claim(d, 'www-web-0')?.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid },
    ]);
    const vol = claim(d, 'www-web-0')?.spec.volumeName;
    d.kubectl('delete sts web').advance(60_000);
    expect(claim(d, 'www-web-0')).toBeUndefined();
    expect(claim(d, 'www-web-1')).toBeUndefined();
    expect(d.cluster.get('PersistentVolume', undefined, vol)).toBeUndefined();
  });

  it("whenScaled: Delete: a scaled-down Pod's claim is owned by that Pod and goes with it", () => {
    const policy = '\n  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete';
    const d = kdrive({ seed: 1 }).applyOk(STS(2, policy)).advance(30_000);
    expect(claim(d, 'www-web-1')?.metadata.ownerReferences).toBeUndefined();
    d.applyOk(STS(1, policy)).advance(60_000);
    expect(d.get('Pod', 'web-1')).toBeUndefined();
    expect(claim(d, 'www-web-1')).toBeUndefined();
    expect(claim(d, 'www-web-0')?.status.phase).toBe('Bound');
  });

  it("a claim being deleted stops the Pod's create", () => {
    const d = kdrive({ seed: 1 }).applyOk(STS(1)).advance(10_000);
    // Held by pvc-protection while web-0 runs; the Pod is then deleted and must wait.
    d.kubectl('delete pvc www-web-0 --wait=false');
    d.delete('Pod', 'web-0', 'default', { gracePeriodSeconds: 0 }).advance(1000);
    d.kubectl('get events --field-selector reason=FailedCreate');
    expect(d.text()).toMatch(
      /create Pod web-0 in StatefulSet web failed error: pvc www-web-0 is being deleted\n/,
    );
  });
});
