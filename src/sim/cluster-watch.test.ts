// Cluster.watch: one event per write to the watched kind (and namespace), in write order, handed
// over when the operation settles and before its ChangeBatch; nothing after the watch ends; no
// store listener while no watch is open.
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import * as sleep from '../scenarios/ch03/sleep';
import type { K8sObject } from './api/types';
import { createCluster } from './cluster';
import type { ObjectWatchEvent } from './contract';

/** The store's listener lists (private): how many writes call back into something. */
function storeListeners(c: ReturnType<typeof createCluster>): number {
  const s = c.internals.store as unknown as { listeners: unknown[]; keyListeners: unknown[] };
  return s.listeners.length + s.keyListeners.length;
}

const rv = (o: K8sObject) => Number(o.metadata.resourceVersion);

describe('Cluster.watch', () => {
  it('every write of a Pod, in resourceVersion order, with the time of the write', () => {
    const c = createCluster({ seed: 7 });
    const start = c.now();
    const events: ObjectWatchEvent[] = [];
    const order: string[] = [];
    c.subscribe(() => order.push('batch'));
    c.watch('Pod', (e) => {
      events.push(e);
      order.push('event');
    });
    c.apply(loadAll(sleep.sleep1) as unknown[]);
    // Created, bound, the kubelet's first status: all before the apply's ChangeBatch.
    expect(order).toEqual(['event', 'event', 'event', 'batch']);
    c.advance(10_000);
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'MODIFIED', 'MODIFIED', 'MODIFIED']);
    expect(events.map((e) => e.at - start)).toEqual([0, 0, 0, 513, 3936]);
    const rvs = events.map((e) => rv(e.object));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
    expect(new Set(rvs).size).toBe(rvs.length);
    // MODIFIED carries the object before the write: each one's old is the previous event's object.
    for (let i = 1; i < events.length; i++) expect(events[i]?.old).toBe(events[i - 1]?.object);
    expect(events[1]?.object.spec).toMatchObject({ nodeName: 'docker-desktop' });
    expect(events[0]?.object.spec).not.toHaveProperty('nodeName');
    // The last event is the stored object.
    const name = events[0]?.object.metadata.name as string;
    expect(c.get('Pod', 'default', name)).toBe(events.at(-1)?.object);
  });

  it('DELETED carries the last state; only the watched kind is delivered, from every namespace', () => {
    const c = createCluster({ seed: 7 });
    c.apply(loadAll(sleep.sleep1) as unknown[]);
    c.advance(30_000);
    const pod = c.list('Pod', { namespace: 'default' })[0] as K8sObject;
    const seen: ObjectWatchEvent[] = [];
    c.watch('Pod', (e) => seen.push(e));
    c.delete('Pod', 'default', pod.metadata.name);
    c.advance(60_000);
    const mine = seen.filter((e) => e.object.metadata.name === pod.metadata.name);
    // The deletion mark, the kubelet's terminal status (lifecycle.ts terminate), the removal.
    expect(mine.map((e) => e.type)).toEqual(['MODIFIED', 'MODIFIED', 'DELETED']);
    const last = mine[2]?.object as K8sObject;
    expect(last.metadata.deletionTimestamp).toBeDefined();
    expect(rv(last)).toBeGreaterThan(rv(mine[1]?.object as K8sObject));
    expect(c.get('Pod', 'default', pod.metadata.name)).toBeUndefined();
    expect(seen.every((e) => e.object.kind === 'Pod')).toBe(true);
    const system: string[] = [];
    c.watch('Pod', (e) => {
      if (e.object.metadata.namespace === 'kube-system') system.push(e.type);
    });
    c.delete(
      'Pod',
      'kube-system',
      (c.list('Pod', { namespace: 'kube-system' })[0] as K8sObject).metadata.name,
    );
    c.advance(60_000);
    expect(system.slice(0, 2)).toEqual(['MODIFIED', 'ADDED']);
  });

  it("Events (the recorder's lazy entries) are delivered as objects", () => {
    const c = createCluster({ seed: 7 });
    const reasons: string[] = [];
    c.watch('Event', (e) => reasons.push(`${e.type} ${(e.object as { reason?: string }).reason}`));
    c.apply(loadAll(sleep.sleep1) as unknown[]);
    c.advance(10_000);
    expect(reasons.slice(0, 4)).toEqual([
      'ADDED ScalingReplicaSet',
      'ADDED SuccessfulCreate',
      'ADDED Scheduled',
      'ADDED Pulling',
    ]);
  });

  it('nothing after the watch ends, and no store listener while none is open', () => {
    const c = createCluster({ seed: 7 });
    const idle = storeListeners(c);
    const events: ObjectWatchEvent[] = [];
    const stop = c.watch('Pod', (e) => events.push(e));
    expect(storeListeners(c)).toBe(idle + 2);
    c.apply(loadAll(sleep.sleep1) as unknown[]);
    const n = events.length;
    expect(n).toBe(3);
    stop();
    expect(storeListeners(c)).toBe(idle);
    c.advance(60_000);
    c.delete('Deployment', 'default', 'sleep-1');
    c.advance(60_000);
    expect(events.length).toBe(n);
  });

  it('a watch ended by a listener of the same delivery gets nothing more', () => {
    const c = createCluster({ seed: 7 });
    const got: string[] = [];
    let stopB: () => void = () => {};
    c.watch('Pod', (e) => {
      got.push(`a ${e.type}`);
      stopB();
    });
    stopB = c.watch('Pod', (e) => got.push(`b ${e.type}`));
    c.apply(loadAll(sleep.sleep1) as unknown[]);
    expect(got).toEqual(['a ADDED', 'a MODIFIED', 'a MODIFIED']);
  });
});
