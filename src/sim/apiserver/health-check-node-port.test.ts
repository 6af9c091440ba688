// spec.healthCheckNodePort: allocated from the NodePort range for a LoadBalancer with
// externalTrafficPolicy Local (pkg/registry/core/service/storage/alloc.go allocHealthCheckNodePort),
// kept across updates, released when no longer needed.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { createCluster } from '../cluster';

// biome-ignore lint/suspicious/noExplicitAny: reading loosely typed specs.
type Any = any;

const lb = (name: string, extra: Any = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: {
    type: 'LoadBalancer',
    selector: { app: 'web' },
    ports: [{ port: 8080, targetPort: 80 }],
    externalTrafficPolicy: 'Local',
    ...extra,
  },
});
const spec = (c: ReturnType<typeof createCluster>, name: string): Any =>
  (c.get('Service', 'default', name) as K8sObject).spec;

describe('healthCheckNodePort allocation', () => {
  it('a Local LoadBalancer gets one in the NodePort range, distinct from its nodePort; Cluster policy gets none', () => {
    const c = createCluster({ seed: 3 });
    expect(c.create(lb('a')).ok).toBe(true);
    const s = spec(c, 'a');
    expect(s.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(s.healthCheckNodePort).toBeLessThanOrEqual(32767);
    expect(s.healthCheckNodePort).not.toBe(s.ports[0].nodePort);
    expect(c.create(lb('b', { externalTrafficPolicy: 'Cluster' })).ok).toBe(true);
    expect(spec(c, 'b').healthCheckNodePort).toBeUndefined();
  });

  it('a requested port is honoured, and a taken one is refused', () => {
    const c = createCluster({ seed: 3 });
    expect(c.create(lb('a', { healthCheckNodePort: 31999 })).ok).toBe(true);
    expect(spec(c, 'a').healthCheckNodePort).toBe(31999);
    const r = c.create(lb('b', { healthCheckNodePort: 31999 }));
    expect(r.ok).toBe(false);
    // The registry's plain error, answered as an InternalError (errors.NewInternalError).
    if (!r.ok) {
      expect(r.error.code).toBe(500);
      expect(r.error.reason).toBe('InternalError');
      expect(r.error.message).toBe(
        'Internal error occurred: failed to allocate requested HealthCheck NodePort 31999: provided port is already allocated',
      );
    }
    // and nothing of the failed Service stays allocated: its ClusterIP and nodePort were rolled back
    expect(c.get('Service', 'default', 'b')).toBeUndefined();
  });

  it('kept across an update; switching to Cluster drops it and frees the port', () => {
    const c = createCluster({ seed: 3 });
    expect(c.create(lb('a', { healthCheckNodePort: 31999 })).ok).toBe(true);
    expect(c.patch('Service', 'default', 'a', 'merge', '{"metadata":{"labels":{"x":"y"}}}').ok).toBe(true);
    expect(spec(c, 'a').healthCheckNodePort).toBe(31999);
    const r = c.patch('Service', 'default', 'a', 'merge', '{"spec":{"externalTrafficPolicy":"Cluster"}}');
    expect(r.ok).toBe(true);
    expect(spec(c, 'a').healthCheckNodePort).toBeUndefined();
    expect(c.create(lb('b', { healthCheckNodePort: 31999 })).ok).toBe(true);
  });

  it('deleting the Service frees it', () => {
    const c = createCluster({ seed: 3 });
    expect(c.create(lb('a', { healthCheckNodePort: 31999 })).ok).toBe(true);
    expect(c.delete('Service', 'default', 'a').ok).toBe(true);
    expect(c.create(lb('b', { healthCheckNodePort: 31999 })).ok).toBe(true);
  });
});
