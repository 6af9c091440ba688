// The editor's schema names exactly kinds the simulated API server stores, each with the
// apiVersion the server accepts for it: a minimal document of every kind the schema offers is
// created by the cluster, so the editor never offers a kind the terminal would refuse.
import { describe, expect, it } from 'vitest';
import { isKindName } from '../../sim/api/kinds';
import type { K8sObject } from '../../sim/api/types';
import { createCluster } from '../../sim/cluster';
import { k8sSchema } from './k8s-schema';

type Branch = {
  if: { properties: { kind: { const: string } } };
  then: { properties: { apiVersion: { enum: string[] } }; required: string[] };
};

const branches = (k8sSchema.allOf as Branch[]).map((b) => ({
  kind: b.if.properties.kind.const,
  apiVersion: b.then.properties.apiVersion.enum[0] as string,
  required: b.then.required,
}));

const minimal: Record<string, Record<string, unknown>> = {
  Deployment: {
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  },
  DaemonSet: {
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  },
  StatefulSet: {
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  },
  Job: {
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
  },
  CronJob: {
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: {
        spec: {
          template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } },
        },
      },
    },
  },
  Pod: { spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  Service: { spec: { ports: [{ port: 80 }] } },
};

describe('the editor schema', () => {
  it('offers the configuration kinds alongside the workload and network ones', () => {
    expect(branches.map((b) => b.kind).sort()).toEqual(
      [
        'ConfigMap',
        'CronJob',
        'DaemonSet',
        'Deployment',
        'Endpoints',
        'Job',
        'Namespace',
        'Pod',
        'Secret',
        'Service',
        'ServiceAccount',
        'StatefulSet',
      ].sort(),
    );
    expect(k8sSchema.properties).toMatchObject({ kind: { enum: branches.map((b) => b.kind) } });
  });

  it.each(branches)(
    '$kind ($apiVersion) is a kind the simulated API server creates',
    ({ kind, apiVersion }) => {
      expect(isKindName(kind)).toBe(true);
      const c = createCluster({ seed: 1 });
      const doc = {
        apiVersion,
        kind,
        metadata: { name: 'from-editor' },
        ...(minimal[kind] ?? {}),
      } as K8sObject;
      const r = c.create(doc);
      expect(r.ok ? r.object.kind : r.error.message).toBe(kind);
    },
  );
});
