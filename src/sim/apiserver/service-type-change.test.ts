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
});
