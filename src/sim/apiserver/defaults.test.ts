import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';

describe('defaulting', () => {
  it('Service: ClusterIP, TCP, targetPort = port, sessionAffinity, IP families, traffic policy', () => {
    const c = createCluster({ seed: 1 });
    c.apply([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        spec: { selector: { app: 's' }, ports: [{ port: 80 }] },
      },
    ]);
    const spec = c.get('Service', 'default', 's')?.spec;
    expect(spec.type).toBe('ClusterIP');
    expect(spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(spec.sessionAffinity).toBe('None');
    expect(spec.ipFamilies).toEqual(['IPv4']);
    expect(spec.ipFamilyPolicy).toBe('SingleStack');
    expect(spec.internalTrafficPolicy).toBe('Cluster');
    expect(spec.externalTrafficPolicy).toBeUndefined();
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
  });

  it('LoadBalancer: externalTrafficPolicy Cluster, allocateLoadBalancerNodePorts, a nodePort', () => {
    const c = createCluster({ seed: 1 });
    c.apply([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'w' },
        spec: { type: 'LoadBalancer', ports: [{ port: 8080, targetPort: 80 }] },
      },
    ]);
    const spec = c.get('Service', 'default', 'w')?.spec;
    expect(spec.externalTrafficPolicy).toBe('Cluster');
    expect(spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086);
  });

  it('ExternalName: no clusterIP, no IP families', () => {
    const c = createCluster({ seed: 1 });
    c.apply([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'e' },
        spec: { type: 'ExternalName', externalName: 'raw.githubusercontent.com' },
      },
    ]);
    const spec = c.get('Service', 'default', 'e')?.spec;
    expect(spec.clusterIP).toBeUndefined();
    expect(spec.ipFamilies).toBeUndefined();
    expect(spec.sessionAffinity).toBe('None');
  });

  it('Deployment and pod template defaults; Pods get the admission defaults', () => {
    const c = createCluster({ seed: 1 });
    c.apply([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: {
          selector: { matchLabels: { app: 'd' } },
          template: {
            metadata: { labels: { app: 'd' } },
            spec: {
              containers: [
                { name: 'a', image: 'nginx:1.27' },
                { name: 'b', image: 'kiamol/ch03-sleep' },
              ],
            },
          },
        },
      },
    ]);
    const spec = c.get('Deployment', 'default', 'd')?.spec;
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
    const ps = spec.template.spec;
    expect(ps.restartPolicy).toBe('Always');
    expect(ps.terminationGracePeriodSeconds).toBe(30);
    expect(ps.dnsPolicy).toBe('ClusterFirst');
    expect(ps.schedulerName).toBe('default-scheduler');
    expect(ps.containers.map((x: { imagePullPolicy: string }) => x.imagePullPolicy)).toEqual([
      'IfNotPresent',
      'Always',
    ]);
    expect(ps.containers[0].terminationMessagePath).toBe('/dev/termination-log');
    expect(ps.containers[0].terminationMessagePolicy).toBe('File');
    expect(ps.serviceAccountName).toBeUndefined();
    const pod = c.list('Pod', { namespace: 'default' })[0];
    expect(pod?.spec.serviceAccountName).toBe('default');
    expect(pod?.spec.enableServiceLinks).toBe(true);
    expect(pod?.spec.tolerations).toHaveLength(2);
    expect(pod?.metadata.generation).toBe(1);
  });

  it('generation bumps only on spec changes', () => {
    const c = createCluster({ seed: 1 });
    const doc = (replicas: number, label: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', labels: { l: label } },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'd' } },
        template: {
          metadata: { labels: { app: 'd' } },
          spec: { containers: [{ name: 'a', image: 'nginx' }] },
        },
      },
    });
    c.apply([doc(1, 'x')]);
    c.apply([doc(1, 'y')]);
    expect(c.get('Deployment', 'default', 'd')?.metadata.generation).toBe(1);
    c.apply([doc(2, 'y')]);
    expect(c.get('Deployment', 'default', 'd')?.metadata.generation).toBe(2);
  });
});
