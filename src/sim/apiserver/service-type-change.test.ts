// A Service's type changed on update: the fields the old type needed are wiped when the user left
// them as they were (dropTypeDependentFields), so NodePort → ClusterIP succeeds and frees the port.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { createCluster } from '../cluster';

// biome-ignore lint/suspicious/noExplicitAny: reading loosely typed specs.
type Any = any;

const nodePortSvc = (name: string, nodePort?: number) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: {
    type: 'NodePort',
    selector: { app: 'web' },
    ports: [{ port: 8080, targetPort: 80, ...(nodePort ? { nodePort } : {}) }],
  },
});

describe('Service type change on update', () => {
  it('NodePort → ClusterIP by patch: nodePort and externalTrafficPolicy are dropped, the port is free again', () => {
    const c = createCluster({ seed: 2 });
    expect(c.create(nodePortSvc('a', 30080)).ok).toBe(true);
    const r = c.patch('Service', 'default', 'a', 'merge', '{"spec":{"type":"ClusterIP"}}');
    expect(r.ok).toBe(true);
    const spec: Any = (c.get('Service', 'default', 'a') as K8sObject).spec;
    expect(spec.type).toBe('ClusterIP');
    expect(spec.ports[0].nodePort).toBeUndefined();
    expect(spec.externalTrafficPolicy).toBeUndefined();
    expect(spec.clusterIP).toMatch(/^10\./);
    // 30080 went back to the allocator.
    expect(c.create(nodePortSvc('b', 30080)).ok).toBe(true);
  });

  it('an allocated nodePort is dropped too when apply switches the type', () => {
    const c = createCluster({ seed: 2 });
    expect(c.apply([nodePortSvc('a')])[0]?.result.ok).toBe(true);
    const doc: Any = nodePortSvc('a');
    doc.spec.type = 'ClusterIP';
    const [out] = c.apply([doc]);
    expect(out?.result.ok).toBe(true);
    expect(((c.get('Service', 'default', 'a') as K8sObject).spec as Any).ports[0].nodePort).toBeUndefined();
  });

  it('a nodePort the user changes in the same update is kept, and refused for ClusterIP', () => {
    const c = createCluster({ seed: 2 });
    expect(c.create(nodePortSvc('a', 30080)).ok).toBe(true);
    const r = c.patch(
      'Service',
      'default',
      'a',
      'merge',
      '{"spec":{"type":"ClusterIP","ports":[{"port":8080,"targetPort":80,"nodePort":30081}]}}',
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        `Service "a" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'`,
      );
  });

  it('LoadBalancer → ClusterIP: an unchanged loadBalancerClass goes with the type (1.34 strategy.go)', () => {
    const c = createCluster({ seed: 2 });
    const lb = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'lb' },
      spec: { type: 'LoadBalancer', loadBalancerClass: 'example.com/lb', ports: [{ port: 80 }] },
    };
    expect(c.create(lb).ok).toBe(true);
    const r = c.patch('Service', 'default', 'lb', 'merge', '{"spec":{"type":"ClusterIP"}}');
    expect(r.ok ? undefined : r.error.message).toBeUndefined();
    const spec: Any = (c.get('Service', 'default', 'lb') as K8sObject).spec;
    expect(spec.loadBalancerClass).toBeUndefined();
    expect(spec.allocateLoadBalancerNodePorts).toBeUndefined();
    expect(spec.ports[0].nodePort).toBeUndefined();
  });

  it('NodePort → ClusterIP while removing a port: no new nodePort, so the rest are dropped', () => {
    const c = createCluster({ seed: 2 });
    const two = nodePortSvc('a', 30080) as Any;
    two.spec.ports = [
      { name: 'a', port: 8080, nodePort: 30080 },
      { name: 'b', port: 8081, nodePort: 30081 },
    ];
    expect(c.create(two).ok).toBe(true);
    const patch = '{"spec":{"type":"ClusterIP","ports":[{"name":"b","port":8081,"nodePort":30081}]}}';
    const r = c.patch('Service', 'default', 'a', 'merge', patch);
    expect(r.ok ? undefined : r.error.message).toBeUndefined();
    expect(((c.get('Service', 'default', 'a') as K8sObject).spec as Any).ports[0].nodePort).toBeUndefined();
    expect(c.create(nodePortSvc('b', 30081)).ok).toBe(true);
  });

  it('a ClusterIP Service that loses its externalIPs drops the traffic policy they brought', () => {
    const c = createCluster({ seed: 2 });
    const ext = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x' },
      spec: { selector: { app: 'x' }, ports: [{ port: 80 }], externalIPs: ['192.0.2.10'] },
    };
    expect(c.create(ext).ok).toBe(true);
    const get = (): Any => (c.get('Service', 'default', 'x') as K8sObject).spec;
    expect(get().externalTrafficPolicy).toBe('Cluster');
    const r = c.patch('Service', 'default', 'x', 'merge', '{"spec":{"externalIPs":null}}');
    expect(r.ok ? undefined : r.error.message).toBeUndefined();
    expect(get().externalTrafficPolicy).toBeUndefined();
  });

  it('ClusterIP ↔ ExternalName by apply: the address and IP fields go, then a new address comes', () => {
    const c = createCluster({ seed: 2 });
    const doc = (spec: Record<string, unknown>) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db' },
      spec,
    });
    expect(c.apply([doc({ clusterIP: '10.96.0.50', ports: [{ port: 5432 }] })])[0]?.result.ok).toBe(true);
    const en = c.apply([doc({ type: 'ExternalName', externalName: 'db.example.com' })])[0];
    expect(en && !en.result.ok ? en.result.error.message : undefined).toBeUndefined();
    const get = (): Any => (c.get('Service', 'default', 'db') as K8sObject).spec;
    for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy'])
      expect(get()[k], k).toBeUndefined();
    // 10.96.0.50 was released: another Service may have it.
    const other = { ...doc({ clusterIP: '10.96.0.50', ports: [{ port: 80 }] }), metadata: { name: 'other' } };
    expect(c.create(other).ok).toBe(true);
    const back = c.apply([doc({ ports: [{ port: 5432 }] })])[0];
    expect(back && !back.result.ok ? back.result.error.message : undefined).toBeUndefined();
    expect(get()).toMatchObject({ type: 'ClusterIP', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    expect(get().clusterIPs).toEqual([get().clusterIP]);
    expect(get().clusterIP).not.toBe('10.96.0.50');
  });
});
