// k3s ServiceLB (§C3): one svclb Pod per LoadBalancer Service; a port already held on the node
// keeps the second Service's svclb Pod Pending and its EXTERNAL-IP <pending>.
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../api/types';
import { createCluster } from '../cluster';

const lb = (name: string, port: number) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port, targetPort: 80 }] },
});

function svclb(c: ReturnType<typeof createCluster>, svc: string): Pod[] {
  return (c.list('Pod', { namespace: 'kube-system' }) as Pod[]).filter(
    (p) => p.metadata.labels?.['svccontroller.k3s.cattle.io/svcname'] === svc,
  );
}

describe('k3s ServiceLB', () => {
  it('a svclb-<svc>-<uid8>-<5> Pod serves each LoadBalancer; a taken port leaves the next <pending>', () => {
    const c = createCluster({ seed: 4, profile: 'k3s' });
    c.apply([lb('web-a', 8080)]);
    c.advance(10_000);
    const a = c.get('Service', 'default', 'web-a') as Service;
    const [podA] = svclb(c, 'web-a');
    expect(podA?.metadata.name).toMatch(
      new RegExp(`^svclb-web-a-${a.metadata.uid.slice(0, 8)}-[bcdfghjklmnpqrstvwxz2456789]{5}$`),
    );
    expect(podA?.spec.containers.map((k) => k.name)).toEqual(['lb-tcp-8080']);
    expect(podA?.status.phase).toBe('Running');
    expect(a.status.loadBalancer.ingress).toEqual([{ ip: '172.28.132.127', ipMode: 'VIP' }]);

    c.apply([lb('web-b', 8080)]);
    c.advance(10_000);
    const [podB] = svclb(c, 'web-b');
    expect([podB?.status.phase, podB?.spec.nodeName]).toEqual(['Pending', undefined]);
    expect((c.get('Service', 'default', 'web-b') as Service).status.loadBalancer).toEqual({});
    const ev = c
      .list('Event', { namespace: 'kube-system' })
      .find(
        (e) =>
          (e as unknown as { involvedObject: { name: string } }).involvedObject.name === podB?.metadata.name,
      );
    expect((ev as unknown as { message: string }).message).toBe(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );

    // Deleting the first Service removes its svclb Pod; the port frees up and web-b gets the node IP.
    c.delete('Service', 'default', 'web-a');
    c.advance(30_000);
    expect(svclb(c, 'web-a')).toEqual([]);
    expect(svclb(c, 'web-b')[0]?.status.phase).toBe('Running');
    expect((c.get('Service', 'default', 'web-b') as Service).status.loadBalancer.ingress?.[0]?.ip).toBe(
      '172.28.132.127',
    );
  });

  it('Docker Desktop makes no svclb Pods (every LB is on localhost)', () => {
    const c = createCluster({ seed: 4 });
    c.apply([lb('web-a', 8080)]);
    c.advance(10_000);
    expect(svclb(c, 'web-a')).toEqual([]);
    expect((c.get('Service', 'default', 'web-a') as Service).status.loadBalancer.ingress).toEqual([
      { hostname: 'localhost' },
    ]);
  });
});
