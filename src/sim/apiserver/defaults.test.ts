import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject } from '../api/types';
import { createCluster } from '../cluster';
import { getProfile } from '../profiles';
import { ManualClock } from '../runtime/clock';
import { createRng } from '../runtime/rng';
import { SA_TOKEN_MOUNT_PATH, withServiceAccountToken } from './defaults';
import { ApiServer } from './server';
import { Store } from './store';

// biome-ignore lint/suspicious/noExplicitAny: reading loosely typed specs.
type Any = any;

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

  it('SetDefaults_Service (1.34): ClientIP gets a 10800 s config, None drops one, as kubectl get -o yaml shows', () => {
    const d = kdrive();
    const svc = (name: string, extra: Record<string, unknown>) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: 'x' }, ports: [{ port: 80 }], ...extra },
    });
    d.cluster.apply([
      svc('sticky', { sessionAffinity: 'ClientIP' }),
      svc('half', { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: {} } }),
      svc('short', {
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
      }),
      svc('plain', { sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }),
    ]);
    d.kubectl('get svc sticky -o yaml');
    expect(d.stdout()).toContain(
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 10800\n  type: ClusterIP\n',
    );
    const cfg = (n: string) => d.cluster.get('Service', 'default', n)?.spec.sessionAffinityConfig;
    expect(cfg('half')).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    expect(cfg('short')).toEqual({ clientIP: { timeoutSeconds: 60 } });
    expect(cfg('plain')).toBeUndefined();
  });

  it('traffic policies: external for a ClusterIP Service with externalIPs, internal only for the three IP types', () => {
    const c = createCluster({ seed: 1 });
    c.apply([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'ext' },
        spec: { selector: { app: 'x' }, ports: [{ port: 80 }], externalIPs: ['192.0.2.10'] },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'en' },
        spec: { type: 'ExternalName', externalName: 'example.com' },
      },
    ]);
    const spec = (n: string) => c.get('Service', 'default', n)?.spec;
    expect(spec('ext')).toMatchObject({ externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' });
    expect(spec('en').internalTrafficPolicy).toBeUndefined();
    expect(spec('en').externalTrafficPolicy).toBeUndefined();
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

describe('Namespace create (namespaceStrategy.PrepareForCreate)', () => {
  const ns = (spec?: unknown) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'x' },
    ...(spec ? { spec } : {}),
  });
  const finalizersOf = (r: { ok: boolean; object?: unknown }) =>
    (r.object as { spec?: { finalizers?: string[] } } | undefined)?.spec?.finalizers;
  it('adds the kubernetes finalizer with no spec, an empty spec (kubectl create namespace), or other finalizers', () => {
    expect(finalizersOf(createCluster({ seed: 1 }).create(ns()))).toEqual(['kubernetes']);
    expect(finalizersOf(createCluster({ seed: 1 }).create(ns({})))).toEqual(['kubernetes']);
    expect(finalizersOf(createCluster({ seed: 1 }).create(ns({ finalizers: ['example.com/x'] })))).toEqual([
      'example.com/x',
      'kubernetes',
    ]);
    expect(finalizersOf(createCluster({ seed: 1 }).create(ns({ finalizers: ['kubernetes'] })))).toEqual([
      'kubernetes',
    ]);
  });
});

describe('ServiceAccount admission', () => {
  const pod = (spec: Record<string, unknown>) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec,
    }) as unknown as K8sObject;

  it('adds the kube-api-access-<5> projected volume, its read-only mount in every container, and the default SA', () => {
    const api = new ApiServer(new Store(), new ManualClock(), createRng(7), getProfile());
    api.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'default' },
    } as unknown as K8sObject);
    const r = api.create(
      pod({
        containers: [
          { name: 'a', image: 'nginx' },
          { name: 'b', image: 'busybox' },
        ],
      }),
    );
    expect(r.ok).toBe(true);
    const spec = (r.ok ? r.object.spec : {}) as Any;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    expect(spec.volumes).toHaveLength(1);
    const vol = spec.volumes[0];
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(vol.projected.defaultMode).toBe(420);
    expect(vol.projected.sources[0]).toEqual({
      serviceAccountToken: { expirationSeconds: 3607, path: 'token' },
    });
    for (const c of spec.containers)
      expect(c.volumeMounts).toEqual([
        { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol.name, readOnly: true },
      ]);
  });

  it('leaves a Pod alone that opts out or already mounts the path', () => {
    const optOut = withServiceAccountToken(
      { automountServiceAccountToken: false, containers: [{ name: 'a' }] },
      () => 'xxxxx',
    );
    expect(optOut.volumes).toBeUndefined();
    const own = withServiceAccountToken(
      { containers: [{ name: 'a', volumeMounts: [{ name: 'v', mountPath: SA_TOKEN_MOUNT_PATH }] }] },
      () => 'xxxxx',
    );
    expect(own.volumes).toBeUndefined();
  });
});

describe('DefaultTolerationSeconds admission', () => {
  const NOT_READY = {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  };
  const UNREACHABLE = { ...NOT_READY, key: 'node.kubernetes.io/unreachable' };
  /** The tolerations the API server stores for a Pod created with these. */
  const admitted = (tolerations?: unknown[]) => {
    const r = createCluster({ seed: 1 }).create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'a', image: 'nginx' }], ...(tolerations ? { tolerations } : {}) },
    } as unknown as K8sObject);
    expect(r.ok).toBe(true);
    return (r.ok ? (r.object.spec as Any).tolerations : undefined) as unknown[];
  };

  it('appends both after the Pod own tolerations unless one already covers the taint', () => {
    expect(admitted()).toEqual([NOT_READY, UNREACHABLE]);
    expect(admitted([])).toEqual([NOT_READY, UNREACHABLE]);
    const own = { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' };
    expect(admitted([own])).toEqual([own, NOT_READY, UNREACHABLE]);
    // Another effect does not tolerate a NoExecute taint.
    const noSchedule = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' };
    expect(admitted([noSchedule])).toEqual([noSchedule, NOT_READY, UNREACHABLE]);
  });

  it('keeps a covering toleration as it is: its key with NoExecute or any effect, or an empty key', () => {
    const mine = {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 5,
    };
    expect(admitted([mine])).toEqual([mine, NOT_READY]);
    const anyEffect = { key: 'node.kubernetes.io/not-ready', operator: 'Exists' };
    expect(admitted([anyEffect])).toEqual([anyEffect, UNREACHABLE]);
    expect(admitted([{ operator: 'Exists' }])).toEqual([{ operator: 'Exists' }]);
    expect(admitted([{ operator: 'Exists', effect: 'NoExecute' }])).toEqual([
      { operator: 'Exists', effect: 'NoExecute' },
    ]);
    const allNoSchedule = { operator: 'Exists', effect: 'NoSchedule' };
    expect(admitted([allNoSchedule])).toEqual([allNoSchedule, NOT_READY, UNREACHABLE]);
  });
});
