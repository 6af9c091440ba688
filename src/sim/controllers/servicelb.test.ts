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
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
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

  it("newDaemonSet's template: tolerations (its three, then the DaemonSet controller's), forwarding sysctl, source ranges, Local traffic to the nodePort", () => {
    const c = createCluster({ seed: 4, profile: 'k3s' });
    c.apply([lb('web-a', 8080)]);
    c.advance(10_000);
    const [before] = svclb(c, 'web-a');
    expect(before?.spec.tolerations?.map((t) => `${t.key ?? ''}:${t.operator}:${t.effect ?? ''}`)).toEqual([
      'node-role.kubernetes.io/master:Exists:NoSchedule',
      'node-role.kubernetes.io/control-plane:Exists:NoSchedule',
      'CriticalAddonsOnly:Exists:',
      'node.kubernetes.io/not-ready:Exists:NoExecute',
      'node.kubernetes.io/unreachable:Exists:NoExecute',
      'node.kubernetes.io/disk-pressure:Exists:NoSchedule',
      'node.kubernetes.io/memory-pressure:Exists:NoSchedule',
      'node.kubernetes.io/pid-pressure:Exists:NoSchedule',
      'node.kubernetes.io/unschedulable:Exists:NoSchedule',
    ]);
    expect(before?.spec.securityContext).toEqual({ sysctls: [{ name: 'net.ipv4.ip_forward', value: '1' }] });
    expect(before?.metadata.annotations).toBeUndefined();
    const svc = c.get('Service', 'default', 'web-a') as Service;
    type Env = { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } };
    const env = (p: Pod | undefined) =>
      (p?.spec.containers[0]?.env as Env[] | undefined)?.map(
        (e) => `${e.name}=${e.value ?? e.valueFrom?.fieldRef?.fieldPath}`,
      );
    expect(env(before)).toEqual([
      'SRC_PORT=8080',
      'SRC_RANGES=0.0.0.0/0',
      'DEST_PROTO=TCP',
      'DEST_PORT=8080',
      `DEST_IPS=${svc.spec.clusterIP}`,
    ]);

    // A template change (Local traffic, source ranges) replaces the Pod with one of the new template.
    c.apply([
      {
        ...lb('web-a', 8080),
        spec: {
          ...lb('web-a', 8080).spec,
          externalTrafficPolicy: 'Local',
          loadBalancerSourceRanges: ['192.168.1.7/24', '10.0.0.0/8', '10.0.0.0/8'],
        },
      },
    ]);
    c.advance(30_000);
    const after = svclb(c, 'web-a').filter((p) => !p.metadata.deletionTimestamp);
    expect(after).toHaveLength(1);
    expect(after[0]?.metadata.name).not.toBe(before?.metadata.name);
    const nodePort = (c.get('Service', 'default', 'web-a') as Service).spec.ports?.[0]?.nodePort;
    expect(env(after[0])).toEqual([
      'SRC_PORT=8080',
      'SRC_RANGES=10.0.0.0/8,192.168.1.0/24',
      'DEST_PROTO=TCP',
      `DEST_PORT=${nodePort}`,
      'DEST_IPS=status.hostIPs',
    ]);
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
