// Seeded fuzzing of the storage kinds (PersistentVolumeClaim, PersistentVolume, StorageClass, a
// Pod using a claim and a StatefulSet with a volumeClaimTemplate): a valid document with one field
// replaced by something random or malformed, applied, applied again valid and then with another
// random field, only ever produces API errors — nothing throws, the PV controller, provisioners and
// scheduler keep running for simulated minutes, and every stored claim keeps the invariants the
// controllers rely on. On failure fast-check prints the seed and path; pin them below.
// FZ_SEED / FZ_RUNS pick another seed and more runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from './api/types';
import { createCluster } from './cluster';
import { setPath, tallyApplyResult } from './testing/fuzz';

const SEED = Number(process.env.FZ_SEED ?? 20261126);

const claim = () => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'fz' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});
const volume = () => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'fz' },
  spec: {
    accessModes: ['ReadWriteOnce'],
    capacity: { storage: '2Gi' },
    storageClassName: '',
    hostPath: { path: '/mnt/fz' },
  },
});
const storageClass = () => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'fz' },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
});
const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'fz' },
  spec: {
    containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'd', mountPath: '/data' }] }],
    volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'fz' } }],
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
    template: {
      metadata: { labels: { app: 'fz' } },
      spec: { containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'www', mountPath: '/w' }] }] },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: 'www' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
  },
});

const BASES = [claim, volume, storageClass, pod, statefulSet];
const PATHS: (string | number)[][][] = [
  // PersistentVolumeClaim
  [
    ['metadata', 'name'],
    ['spec'],
    ['spec', 'accessModes'],
    ['spec', 'accessModes', 0],
    ['spec', 'resources'],
    ['spec', 'resources', 'requests'],
    ['spec', 'resources', 'requests', 'storage'],
    ['spec', 'storageClassName'],
    ['spec', 'volumeName'],
    ['spec', 'volumeMode'],
    ['spec', 'selector'],
    ['spec', 'dataSource'],
    ['status'],
  ],
  // PersistentVolume
  [
    ['spec', 'accessModes'],
    ['spec', 'capacity'],
    ['spec', 'capacity', 'storage'],
    ['spec', 'hostPath'],
    ['spec', 'hostPath', 'path'],
    ['spec', 'local'],
    ['spec', 'nodeAffinity'],
    ['spec', 'claimRef'],
    ['spec', 'claimRef', 'name'],
    ['spec', 'persistentVolumeReclaimPolicy'],
    ['spec', 'storageClassName'],
    ['spec', 'volumeMode'],
  ],
  // StorageClass
  [
    ['provisioner'],
    ['parameters'],
    ['reclaimPolicy'],
    ['volumeBindingMode'],
    ['allowVolumeExpansion'],
    ['mountOptions'],
    ['metadata', 'annotations'],
  ],
  // Pod
  [
    ['spec', 'volumes'],
    ['spec', 'volumes', 0, 'persistentVolumeClaim'],
    ['spec', 'volumes', 0, 'persistentVolumeClaim', 'claimName'],
    ['spec', 'volumes', 0, 'persistentVolumeClaim', 'readOnly'],
  ],
  // StatefulSet
  [
    ['spec', 'volumeClaimTemplates'],
    ['spec', 'volumeClaimTemplates', 0, 'metadata'],
    ['spec', 'volumeClaimTemplates', 0, 'spec'],
    ['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'],
    ['spec', 'persistentVolumeClaimRetentionPolicy'],
    ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenScaled'],
    ['spec', 'replicas'],
  ],
];

const weird = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    0,
    -1,
    1,
    1.5,
    true,
    [],
    {},
    '',
    'fz',
    '0',
    '-1Gi',
    '1Ki',
    'Delete',
    'Retain',
    'Immediate',
    'ReadWriteMany',
    ['ReadWriteOncePod', 'ReadWriteOnce'],
    { storage: '1Gi' },
  ),
);

const mutated = fc
  .constantFrom(...BASES.keys())
  .chain((b) =>
    fc
      .tuple(fc.constantFrom(...(PATHS[b] as (string | number)[][])), weird)
      .map(([path, value]) => ({ b, doc: setPath((BASES[b] as () => object)(), path, value) })),
  );

describe('apply fuzz: the storage kinds', () => {
  it('random fields only ever return API errors; the controllers keep running; stored claims stay well formed', () => {
    const seen = { accepted: 0, refused: 0, bound: 0 };
    fc.assert(
      fc.property(
        mutated,
        mutated,
        fc.constantFrom('docker-desktop', 'kind', 'k3s') as fc.Arbitrary<'docker-desktop' | 'kind' | 'k3s'>,
        (first, second, profile) => {
          const c = createCluster({ seed: 5, profile });
          // A valid claim first, so a Pod or StatefulSet has something to bind; then the documents.
          for (const docs of [
            [claim()],
            [first.doc],
            [(BASES[first.b] as () => object)()],
            [second.doc],
            [pod()],
          ]) {
            for (const o of c.apply(docs, { source: 'fuzz.yaml' })) {
              tallyApplyResult(seen, o.result);
            }
            c.advance(10_000);
          }
          c.advance(120_000);
          for (const cl of c.list('PersistentVolumeClaim') as K8sObject[]) {
            expect(cl.metadata.finalizers).toContain('kubernetes.io/pvc-protection');
            expect(['Pending', 'Bound', 'Lost']).toContain(cl.status?.phase);
            if (cl.status?.phase === 'Bound') {
              seen.bound++;
              expect(c.get('PersistentVolume', undefined, cl.spec.volumeName)?.spec.claimRef?.uid).toBe(
                cl.metadata.uid,
              );
            }
          }
          // Everything goes: claims wait for their Pods, volumes for their claims.
          for (const k of ['StatefulSet', 'Pod', 'PersistentVolumeClaim'] as const)
            for (const o of c.list(k, { namespace: 'default' })) c.delete(k, 'default', o.metadata.name);
          c.advance(120_000);
          expect(c.list('PersistentVolumeClaim', { namespace: 'default' })).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: Number(process.env.FZ_RUNS ?? 150), endOnFailure: true },
    );
    expect(seen.accepted).toBeGreaterThan(150);
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.bound).toBeGreaterThan(40);
  }, 240_000);
});
