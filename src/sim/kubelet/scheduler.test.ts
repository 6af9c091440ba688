// The scheduler counts Pods against the Node's status.allocatable.pods (kubelet --max-pods).
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types';
import { CLUSTER_START_MS, rfc3339 } from '../runtime/clock';
import { drive } from '../testing/driver';
import { WEB_X3 } from '../testing/manifests';

const DEPLOY = WEB_X3.replace('kiamol/ch03-numbers-web', 'nginx');

function run(maxPodsPerNode?: number) {
  const c = drive({ seed: 7, ...(maxPodsPerNode !== undefined ? { maxPodsPerNode } : {}) })
    .apply(DEPLOY, { source: 'web.yaml' })
    .advance(30_000).cluster;
  const pods = c.list('Pod', { namespace: 'default' }) as Pod[];
  const node = c.list('Node')[0] as Node;
  return { c, pods, node };
}

describe('scheduler max-pods', () => {
  it('a node shows the kubelet default of 110 pods', () => {
    const { node, pods } = run();
    expect(node.status.capacity?.pods).toBe('110');
    expect(node.status.allocatable?.pods).toBe('110');
    expect(pods.filter((p) => p.spec.nodeName)).toHaveLength(3);
  });

  it('a node with --max-pods 11 (nine kube-system Pods already) takes two more; the third waits', () => {
    const { c, node, pods } = run(11);
    // Docker Desktop boots 2 CoreDNS, 4 static control-plane Pods, kube-proxy, storage-provisioner
    // and vpnkit-controller; the kubelet's --max-pods counts them all.
    expect(c.list('Pod', { namespace: 'kube-system' })).toHaveLength(9);
    expect(node.status.allocatable?.pods).toBe('11');
    expect(pods.filter((p) => p.spec.nodeName)).toHaveLength(2);
    const pending = pods.filter((p) => !p.spec.nodeName);
    expect(pending).toHaveLength(1);
    const ev = c
      .list('Event', { namespace: 'default' })
      .find((e) => (e as unknown as { reason: string }).reason === 'FailedScheduling') as unknown as
      | { message: string }
      | undefined;
    expect(ev?.message).toMatch(/^0\/1 nodes are available: 1 Too many pods\./);
  });
});

describe('scheduler room', () => {
  it('a bound Pod deleted frees its place on the node: the waiting Pod is scheduled', () => {
    const { c, pods } = run(11);
    const waiting = pods.find((p) => !p.spec.nodeName) as Pod;
    const bound = pods.find((p) => p.spec.nodeName) as Pod;
    c.delete('Pod', 'default', bound.metadata.name, { gracePeriodSeconds: 0 });
    c.advance(1_000);
    // The waiting Pod, or the ReplicaSet's replacement for the deleted one: two of the three
    // Pods now bound, and the one that waited is among them.
    const now = c.list('Pod', { namespace: 'default' }) as Pod[];
    expect(now.filter((p) => p.spec.nodeName)).toHaveLength(2);
    expect((c.get('Pod', 'default', waiting.metadata.name) as Pod).spec.nodeName).toBe(bound.spec.nodeName);
  });
});

describe('boot placement', () => {
  it('every boot Pod is bound before CLUSTER_START_MS, so the boot path places it whether or not the late parts loaded', () => {
    for (const profile of ['docker-desktop', 'kind', 'k3s'] as const) {
      const c = drive({ seed: 7, profile }).cluster;
      const late = rfc3339(CLUSTER_START_MS);
      for (const p of c.list('Pod') as Pod[]) {
        const t = p.status.conditions?.find((x) => x.type === 'PodScheduled')?.lastTransitionTime;
        expect(t !== undefined && t < late, `${profile} ${p.metadata.name} ${t}`).toBe(true);
      }
    }
  });
});
