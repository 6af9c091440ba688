// The 1.34 StatefulSet controller on kind (two workers): ordered creation under OrderedReady (the
// next Pod only once the previous is Running and Ready), Parallel, the Pods' identity (name,
// hostname, subdomain, labels), a deleted Pod made again under the same name with a new IP, scale
// down from the highest ordinal, a RollingUpdate honouring its partition, status, Events, and a
// second reconcile that writes nothing.
import { describe, expect, it } from 'vitest';
import type { Event, K8sObject, Pod } from '../api/types';
import { Driver } from '../testing/driver';
import { recordingContext } from './controller-testing';
import { statefulSetSync } from './statefulset-controller';
import { goJson, revisionHash, statefulSetPatch } from './statefulset-history';

const sts = (
  o: { replicas?: number; image?: string; policy?: string; partition?: number } = {},
) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${o.replicas ?? 3}
${o.policy ? `  podManagementPolicy: ${o.policy}\n` : ''}${
  o.partition !== undefined
    ? `  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: ${o.partition}\n`
    : ''
}  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${o.image ?? 'nginx:1.27'}
`;

const live = (d: Driver): Pod[] =>
  (d.pods({ namespace: 'default', labelSelector: 'app=nginx' }) as Pod[])
    .filter((p) => !p.metadata.deletionTimestamp)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
const names = (d: Driver) => live(d).map((p) => p.metadata.name);
const ready = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
const events = (d: Driver): string[] =>
  (d.cluster.list('Event', { namespace: 'default' }) as Event[])
    .filter((e) => e.involvedObject.kind === 'StatefulSet')
    .map((e) => `${e.type} ${e.reason} ${e.message}`);

describe('StatefulSet controller (1.34)', () => {
  it('OrderedReady: web-0, web-1, web-2 one after another, each once its predecessor is Running and Ready', () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(sts());
    const appeared: { name: string; predecessorsReady: boolean }[] = [];
    for (let t = 0; t < 60_000; t += 100) {
      const pods = live(d);
      for (const p of pods)
        if (!appeared.some((a) => a.name === p.metadata.name))
          appeared.push({
            name: p.metadata.name,
            predecessorsReady: pods
              .filter((q) => q.metadata.name < p.metadata.name)
              .every((q) => q.status?.phase === 'Running' && ready(q)),
          });
      d.advance(100);
    }
    expect(appeared).toEqual([
      { name: 'web-0', predecessorsReady: true },
      { name: 'web-1', predecessorsReady: true },
      { name: 'web-2', predecessorsReady: true },
    ]);
    expect(events(d)).toEqual([
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      'Normal SuccessfulCreate create Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('Parallel: every Pod is created in the first sync', () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(sts({ policy: 'Parallel' }));
    d.advance(1);
    expect(names(d)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(live(d).every((p) => p.status?.phase === 'Pending')).toBe(true);
  });

  it("gives each Pod its identity: hostname, subdomain, labels, generateName and the set's revision", () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(sts({ replicas: 2 })).advance(30_000);
    const set = d.get('StatefulSet', 'web') as K8sObject;
    const rev = `web-${revisionHash(goJson(statefulSetPatch(set)), 0)}`;
    const p = d.get('Pod', 'web-1') as Pod;
    expect(p.spec.hostname).toBe('web-1');
    expect(p.spec.subdomain).toBe('nginx');
    expect(p.metadata.generateName).toBe('web-');
    expect(p.metadata.labels).toEqual({
      app: 'nginx',
      'statefulset.kubernetes.io/pod-name': 'web-1',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': rev,
    });
    expect(p.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'StatefulSet',
      name: 'web',
      controller: true,
    });
    expect(rev).toMatch(/^web-[4-9bcdf]{1,10}$/);
    const cr = d.get('ControllerRevision', rev) as K8sObject & { revision: number };
    expect(cr.revision).toBe(1);
    expect(cr.metadata.labels?.['controller.kubernetes.io/hash']).toBe(rev.slice(4));
    expect(d.get('StatefulSet', 'web')?.status).toEqual({
      observedGeneration: 1,
      replicas: 2,
      readyReplicas: 2,
      currentReplicas: 2,
      updatedReplicas: 2,
      currentRevision: rev,
      updateRevision: rev,
      collisionCount: 0,
      availableReplicas: 2,
    });
  });

  it('a deleted Pod comes back under the same name with a new IP, once the old one is gone', () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(sts()).advance(60_000);
    const before = d.get('Pod', 'web-1') as Pod;
    d.delete('Pod', 'web-1');
    d.advance(500);
    // The old one is still terminating: no second web-1 (OrderedReady waits on it).
    expect((d.get('Pod', 'web-1') as Pod).metadata.uid).toBe(before.metadata.uid);
    d.advance(60_000);
    const after = d.get('Pod', 'web-1') as Pod;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.status?.podIP).toBeDefined();
    expect(after.status?.podIP).not.toBe(before.status?.podIP);
    expect(names(d)).toEqual(['web-0', 'web-1', 'web-2']);
    // The same Event again: its count goes to 2 (the recorder's aggregation of an identical Event).
    const again = (d.cluster.list('Event', { namespace: 'default' }) as Event[]).find(
      (e) => e.message === 'create Pod web-1 in StatefulSet web successful',
    );
    expect(again?.count).toBe(2);
  });

  it('scales down from the highest ordinal, one at a time', () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(sts({ replicas: 4 })).advance(90_000);
    expect(names(d)).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
    d.applyOk(sts({ replicas: 1 }));
    const gone: string[] = [];
    for (let t = 0; t < 120_000; t += 100) {
      for (const n of ['web-3', 'web-2', 'web-1'])
        if (!gone.includes(n) && !live(d).some((p) => p.metadata.name === n)) gone.push(n);
      // Never two terminating at once under OrderedReady.
      const terminating = (d.pods({ namespace: 'default', labelSelector: 'app=nginx' }) as Pod[]).filter(
        (p) => p.metadata.deletionTimestamp,
      );
      expect(terminating.length).toBeLessThanOrEqual(1);
      d.advance(100);
    }
    expect(gone).toEqual(['web-3', 'web-2', 'web-1']);
    expect(names(d)).toEqual(['web-0']);
    expect(events(d).filter((e) => e.includes('Delete'))).toEqual([
      'Normal SuccessfulDelete delete Pod web-3 in StatefulSet web successful',
      'Normal SuccessfulDelete delete Pod web-2 in StatefulSet web successful',
      'Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
    ]);
    expect(d.get('StatefulSet', 'web')?.status?.replicas).toBe(1);
  });

  it('RollingUpdate with partition 2 replaces only web-3 and web-2, highest first; partition 0 finishes', () => {
    const d = new Driver({ seed: 3, profile: 'kind' })
      .applyOk(sts({ replicas: 4, partition: 2 }))
      .advance(90_000);
    const oldRev = d.get('StatefulSet', 'web')?.status?.currentRevision;
    d.applyOk(sts({ replicas: 4, partition: 2, image: 'nginx:1.28' }));
    const replaced: string[] = [];
    for (let t = 0; t < 120_000; t += 100) {
      for (const p of live(d))
        if (p.spec.containers[0]?.image === 'nginx:1.28' && !replaced.includes(p.metadata.name))
          replaced.push(p.metadata.name);
      d.advance(100);
    }
    expect(replaced).toEqual(['web-3', 'web-2']);
    const st = d.get('StatefulSet', 'web')?.status;
    expect(st?.currentRevision).toBe(oldRev);
    expect(st?.updateRevision).not.toBe(oldRev);
    expect([st?.currentReplicas, st?.updatedReplicas]).toEqual([2, 2]);
    const rev = (n: string) => d.get('Pod', n)?.metadata.labels?.['controller-revision-hash'];
    expect([rev('web-0'), rev('web-1'), rev('web-2'), rev('web-3')]).toEqual([
      oldRev,
      oldRev,
      st?.updateRevision,
      st?.updateRevision,
    ]);
    // A Pod below the partition deleted by hand comes back at the current (old) revision.
    d.delete('Pod', 'web-0').advance(60_000);
    expect(d.get('Pod', 'web-0')?.spec.containers[0].image).toBe('nginx:1.27');
    d.applyOk(sts({ replicas: 4, partition: 0, image: 'nginx:1.28' })).advance(120_000);
    expect(live(d).map((p) => p.spec.containers[0]?.image)).toEqual(Array(4).fill('nginx:1.28'));
    const done = d.get('StatefulSet', 'web')?.status;
    expect(done?.currentRevision).toBe(done?.updateRevision);
    expect([done?.currentReplicas, done?.updatedReplicas, done?.readyReplicas]).toEqual([4, 4, 4]);
  });

  it('a settled StatefulSet: a second reconcile writes nothing', () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(sts()).advance(60_000);
    const snap = d.snapshot();
    d.advance(30_000);
    expect(d.snapshot()).toBe(snap);
    // And a reconcile run by hand twice writes nothing and records nothing.
    const { api } = d.cluster.internals;
    const { ctx, writes } = recordingContext(d.cluster.internals, { recordRequeue: true });
    statefulSetSync(api, 'StatefulSet/default/web', ctx);
    statefulSetSync(api, 'StatefulSet/default/web', ctx);
    expect(writes).toEqual([]);
  });
});

describe('StatefulSet controller: identity', () => {
  it('puts a removed pod-name label back (with pod-index), recording "update Pod"; a removed pod-index alone stays', () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(sts({ replicas: 1 })).advance(30_000);
    const strip = (key: string) => {
      const p = d.get('Pod', 'web-0') as Pod;
      const labels = { ...p.metadata.labels };
      delete labels[key];
      expect(d.cluster.update({ ...p, metadata: { ...p.metadata, labels } }).ok).toBe(true);
      d.advance(1000);
      return d.get('Pod', 'web-0')?.metadata.labels ?? {};
    };
    expect(strip('apps.kubernetes.io/pod-index')['apps.kubernetes.io/pod-index']).toBeUndefined();
    const back = strip('statefulset.kubernetes.io/pod-name');
    expect(back['statefulset.kubernetes.io/pod-name']).toBe('web-0');
    expect(back['apps.kubernetes.io/pod-index']).toBe('0');
    expect(events(d)).toContain('Normal SuccessfulUpdate update Pod web-0 in StatefulSet web successful');
  });
});

describe('StatefulSet controller: orphans', () => {
  it('a StatefulSet made again after --cascade=orphan adopts the running Pods and its revision', () => {
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(sts({ replicas: 2 })).advance(30_000);
    const uids = live(d).map((p) => p.metadata.uid);
    const rev = d.get('StatefulSet', 'web')?.status?.currentRevision as string;
    d.delete('StatefulSet', 'web', 'default', { propagationPolicy: 'Orphan' }).advance(5_000);
    expect(live(d).map((p) => p.metadata.uid)).toEqual(uids);
    expect(live(d).every((p) => !p.metadata.ownerReferences?.length)).toBe(true);
    d.applyOk(sts({ replicas: 2 })).advance(5_000);
    const set = d.get('StatefulSet', 'web') as K8sObject;
    expect(live(d).map((p) => p.metadata.uid)).toEqual(uids);
    for (const p of live(d)) expect(p.metadata.ownerReferences?.[0]?.uid).toBe(set.metadata.uid);
    const cr = d.get('ControllerRevision', rev) as K8sObject & { revision: number };
    expect(cr.metadata.ownerReferences?.[0]?.uid).toBe(set.metadata.uid);
    expect(cr.revision).toBe(1);
    expect(set.status?.currentRevision).toBe(rev);
    expect(events(d).filter((e) => e.includes('Create'))).toHaveLength(2);
  });
});

describe('StatefulSet controller: OnDelete', () => {
  it('replaces nothing on a template change; a Pod deleted by hand comes back on the new template', () => {
    const onDelete = (image: string) =>
      sts({ image }).replace('  selector:', '  updateStrategy:\n    type: OnDelete\n  selector:');
    const d = new Driver({ seed: 3, profile: 'kind' }).applyOk(onDelete('nginx:1.27')).advance(60_000);
    const uids = live(d).map((p) => p.metadata.uid);
    d.applyOk(onDelete('nginx:1.28')).advance(60_000);
    expect(live(d).map((p) => p.metadata.uid)).toEqual(uids);
    const st = d.get('StatefulSet', 'web')?.status;
    expect(st?.updateRevision).not.toBe(st?.currentRevision);
    expect([st?.currentReplicas, st?.updatedReplicas ?? 0]).toEqual([3, 0]);
    d.delete('Pod', 'web-1').advance(60_000);
    expect(live(d).map((p) => p.spec.containers[0]?.image)).toEqual([
      'nginx:1.27',
      'nginx:1.28',
      'nginx:1.27',
    ]);
    expect(d.get('StatefulSet', 'web')?.status?.updatedReplicas).toBe(1);
  });
});
