// Seeded fuzzing of `apply` for the workload kinds a student writes besides Deployments (DaemonSet,
// StatefulSet, Job, CronJob): a valid object with one field replaced by something random or
// malformed, applied and then applied again with another (the update path), only ever produces API
// errors — nothing throws, the controllers keep running for simulated minutes, and the store still
// lists. On failure fast-check prints the seed and path; pin them below as regression cases.
// FZ_SEED / FZ_RUNS pick another seed and more runs when hunting by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KindName } from './api/types';
import { createCluster } from './cluster';
import { setPath, tallyApplyResult } from './testing/fuzz';

const SEED = Number(process.env.FZ_SEED ?? 20261126);

const template = (app: string, restartPolicy?: string) => ({
  metadata: { labels: { app } },
  spec: {
    ...(restartPolicy ? { restartPolicy } : {}),
    containers: [
      { name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 5'], ports: [{ containerPort: 80 }] },
    ],
  },
});

const daemonSet = () => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'fz' },
  spec: {
    selector: { matchLabels: { app: 'fz' } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    template: template('fz'),
  },
});

const statefulSet = () => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'fz' },
  spec: {
    serviceName: 'fz',
    replicas: 2,
    selector: { matchLabels: { app: 'fz' } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    template: template('fz'),
  },
});

const job = () => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'fz' },
  spec: { completions: 2, parallelism: 2, backoffLimit: 2, template: template('fzj', 'Never') },
});

const cronJob = () => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'fz' },
  spec: {
    schedule: '*/1 * * * *',
    concurrencyPolicy: 'Forbid',
    jobTemplate: { spec: { template: template('fzc', 'OnFailure') } },
  },
});

const PATHS = [
  ['metadata', 'name'],
  ['metadata', 'labels'],
  ['metadata', 'annotations'],
  ['spec'],
  ['spec', 'replicas'],
  ['spec', 'selector'],
  ['spec', 'selector', 'matchLabels'],
  ['spec', 'template'],
  ['spec', 'template', 'metadata', 'labels'],
  ['spec', 'template', 'spec', 'restartPolicy'],
  ['spec', 'template', 'spec', 'containers'],
  ['spec', 'template', 'spec', 'containers', 0, 'command'],
  ['spec', 'template', 'spec', 'nodeSelector'],
  ['spec', 'template', 'spec', 'tolerations'],
  ['spec', 'template', 'spec', 'hostNetwork'],
  ['spec', 'template', 'spec', 'affinity'],
  ['spec', 'template', 'spec', 'affinity', 'nodeAffinity'],
  ['spec', 'template', 'spec', 'securityContext'],
  ['spec', 'template', 'spec', 'volumes'],
  ['spec', 'template', 'spec', 'hostAliases'],
  ['spec', 'template', 'spec', 'dnsConfig'],
  ['spec', 'template', 'spec', 'initContainers'],
  ['spec', 'template', 'spec', 'containers', 0, 'env'],
  ['spec', 'template', 'spec', 'containers', 0, 'envFrom'],
  ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe'],
  ['spec', 'template', 'spec', 'containers', 0, 'resources'],
  ['spec', 'template', 'spec', 'containers', 0, 'securityContext'],
  ['spec', 'template', 'spec', 'containers', 0, 'lifecycle'],
  ['spec', 'template', 'spec', 'containers', 0, 'volumeMounts'],
  ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'valueFrom'],
  ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits'],
  ['spec', 'template', 'spec', 'volumes', 0],
  ['spec', 'template', 'spec', 'volumes', 0, 'emptyDir'],
  ['spec', 'template', 'spec', 'affinity', 'podAntiAffinity'],
  ['spec', 'template', 'spec', 'topologySpreadConstraints'],
  ['spec', 'template', 'spec', 'imagePullSecrets'],
  ['spec', 'template', 'spec', 'readinessGates'],
  ['spec', 'template', 'spec', 'tolerations', 0],
  ['spec', 'template', 'spec', 'hostAliases', 0, 'ip'],
  ['spec', 'updateStrategy'],
  ['spec', 'updateStrategy', 'type'],
  ['spec', 'updateStrategy', 'rollingUpdate'],
  ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'],
  ['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge'],
  ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
  ['spec', 'minReadySeconds'],
  ['spec', 'revisionHistoryLimit'],
  ['spec', 'serviceName'],
  ['spec', 'podManagementPolicy'],
  ['spec', 'ordinals'],
  ['spec', 'volumeClaimTemplates'],
  ['spec', 'persistentVolumeClaimRetentionPolicy'],
  ['spec', 'completions'],
  ['spec', 'parallelism'],
  ['spec', 'backoffLimit'],
  ['spec', 'activeDeadlineSeconds'],
  ['spec', 'ttlSecondsAfterFinished'],
  ['spec', 'completionMode'],
  ['spec', 'suspend'],
  ['spec', 'manualSelector'],
  ['spec', 'podFailurePolicy'],
  ['spec', 'schedule'],
  ['spec', 'timeZone'],
  ['spec', 'concurrencyPolicy'],
  ['spec', 'startingDeadlineSeconds'],
  ['spec', 'successfulJobsHistoryLimit'],
  ['spec', 'jobTemplate'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'restartPolicy'],
  ['spec', 'jobTemplate', 'spec', 'completions'],
] as (string | number)[][];

const weird = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    '',
    0,
    -1,
    1,
    3,
    2 ** 31,
    1.5,
    true,
    [],
    {},
    '50%',
    '150%',
    'x',
    'OnDelete',
    'Parallel',
    'Indexed',
    'Always',
    'Replace',
    '@hourly',
    '61 * * * *',
    'Europe/Paris',
    'Mars/Olympus',
    { start: 3 },
    [{ key: 'k', operator: 'Exists' }],
  ),
);

const BASES = [daemonSet, statefulSet, job, cronJob];
const mutated = fc
  .tuple(fc.constantFrom(...BASES.keys()), fc.constantFrom(...PATHS), weird)
  .map(([b, path, value]) => ({ b, doc: setPath((BASES[b] as () => object)(), path, value) }));

const KINDS: KindName[] = [
  'Pod',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'ControllerRevision',
  'Event',
];

describe('apply fuzz: DaemonSet, StatefulSet, Job, CronJob', () => {
  it('create and update with a random field only ever return API errors; the cluster keeps running', () => {
    // What the runs reached, so the test shows it exercised the controllers, not only validation.
    const seen = { accepted: 0, refused: 0, pods: 0 };
    fc.assert(
      fc.property(
        mutated,
        mutated,
        fc.constantFrom('docker-desktop', 'kind', 'k3s') as fc.Arbitrary<'docker-desktop' | 'kind' | 'k3s'>,
        (first, second, profile) => {
          const c = createCluster({ seed: 3, profile });
          // The first mutated document, a valid update of the same kind (or its create, when the first
          // was refused), then the second mutated document (an update when it is the same kind).
          const again = setPath((BASES[first.b] as () => object)(), ['metadata', 'annotations'], {
            round: '2',
          });
          for (const docs of [[first.doc], [again], [second.doc]]) {
            const out = c.apply(docs, { source: 'fuzz.yaml' });
            expect(out).toHaveLength(1);
            tallyApplyResult(seen, (out[0] as (typeof out)[number]).result);
            c.advance(20_000);
          }
          c.advance(180_000);
          for (const k of KINDS) expect(Array.isArray(c.list(k))).toBe(true);
          seen.pods += c.list('Pod', { namespace: 'default' }).length;
          for (const k of ['DaemonSet', 'StatefulSet', 'Job', 'CronJob'] as const)
            for (const o of c.list(k)) c.delete(k, o.metadata.namespace, o.metadata.name);
          c.advance(60_000);
          expect(c.get('Service', 'default', 'kubernetes')?.spec.clusterIP).toBe(
            profile === 'k3s' ? '10.43.0.1' : '10.96.0.1',
          );
        },
      ),
      { seed: SEED, numRuns: Number(process.env.FZ_RUNS ?? 120), endOnFailure: true },
    );
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.pods).toBeGreaterThan(50);
  }, 240_000);

  it('regressions: a toleration, volume mount or affinity that is not an object is refused as encoding/json refuses it; null is the zero value, which ValidateTolerations refuses', () => {
    const c = createCluster({ seed: 3 });
    const pod = (name: string, spec: object) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
    });
    const messages = c
      .apply([
        pod('a', { tolerations: [2.5, 'x', null] }),
        pod('b', { containers: [{ name: 'c', image: 'nginx', volumeMounts: ['x'] }] }),
        pod('c', { tolerations: [null] }),
        pod('d', { affinity: 13 }),
        pod('e', {
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: '@hourly' } },
        }),
      ])
      .map((o) => (o.result.ok ? 'ok' : o.result.error.message));
    expect(messages).toEqual([
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.tolerations of type v1.Toleration',
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.volumeMounts of type v1.VolumeMount',
      // The zero Toleration: an empty key needs operator Exists.
      'Pod "c" is invalid: spec.tolerations[0].operator: Invalid value: "": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.affinity of type v1.Affinity',
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
    ]);
    c.advance(30_000);
    expect(c.get('Pod', 'default', 'c')).toBeUndefined();
  });
});
