// Seeded fuzzing of `apply`: random and malformed documents only ever produce API errors — apply
// never throws, controllers keep running, the store still lists and untouched objects stay equal.
// On failure fast-check prints the seed and path; pin them below as regression cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { setPath } from './testing/fuzz';

const SEED = 20261125;

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'fuzz', labels: { app: 'fuzz' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'fuzz' } },
    template: {
      metadata: { labels: { app: 'fuzz' } },
      spec: { containers: [{ name: 'c', image: 'kiamol/ch03-sleep', ports: [{ containerPort: 80 }] }] },
    },
  },
});

const service = () => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'fuzz' },
  spec: {
    type: 'NodePort',
    selector: { app: 'fuzz' },
    ports: [{ port: 80, targetPort: 80, nodePort: 30500 }],
  },
});

const endpoints = () => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'fuzz' },
  subsets: [{ addresses: [{ ip: '192.168.1.1' }], ports: [{ port: 80 }] }],
});

const PATHS = [
  [],
  ['kind'],
  ['apiVersion'],
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['metadata', 'labels'],
  ['metadata', 'ownerReferences'],
  ['spec'],
  ['spec', 'replicas'],
  ['spec', 'selector'],
  ['spec', 'selector', 'matchLabels'],
  ['spec', 'template'],
  ['spec', 'template', 'spec', 'containers'],
  ['spec', 'template', 'spec', 'containers', 0, 'image'],
  ['spec', 'template', 'spec', 'containers', 0, 'ports'],
  ['spec', 'strategy'],
  ['spec', 'ports'],
  ['spec', 'ports', 0],
  ['spec', 'ports', 0, 'port'],
  ['spec', 'ports', 0, 'targetPort'],
  ['spec', 'ports', 0, 'nodePort'],
  ['spec', 'type'],
  ['spec', 'clusterIP'],
  ['spec', 'externalName'],
  ['subsets'],
  ['subsets', 0, 'addresses'],
] as (string | number)[][];

const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });

const weird = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.constantFrom(null, '', 0, -1, 65536, 1.5, 2 ** 40, true, [], {}, 'None', '10.96.0.1', '%%', '100%'),
  fc.string({ minLength: 300, maxLength: 20_000 }),
  fc.integer({ min: 1, max: 400 }).map(deep),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 30 }),
);

const doc = fc.oneof(
  fc.anything({ maxDepth: 5 }),
  fc
    .tuple(fc.constantFrom(deployment, service, endpoints), fc.constantFrom(...PATHS), weird)
    .map(([base, path, value]) => {
      const d = base();
      return path.length === 0 ? value : setPath(d, path, value);
    }),
);

describe('apply fuzz', () => {
  it('only ever returns API errors and never corrupts the store', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        (docs, seed) => {
          const c = createCluster({ seed });
          c.apply([
            {
              apiVersion: 'v1',
              kind: 'Service',
              metadata: { name: 'sentinel' },
              spec: { selector: { app: 'sentinel' }, ports: [{ port: 80 }] },
            },
          ]);
          const sentinel = JSON.stringify(c.get('Service', 'default', 'sentinel'));
          const out = c.apply(docs, { source: 'fuzz.yaml' });
          expect(out).toHaveLength(docs.length);
          for (const o of out) {
            if (!o.result.ok) {
              expect(typeof o.result.error.message).toBe('string');
              expect([400, 403, 404, 409, 422]).toContain(o.result.error.code);
            }
          }
          c.advance(15_000);
          expect(JSON.stringify(c.get('Service', 'default', 'sentinel'))).toBe(sentinel);
          for (const k of [
            'Pod',
            'Deployment',
            'ReplicaSet',
            'Service',
            'Endpoints',
            'EndpointSlice',
            'Namespace',
          ] as const) {
            expect(Array.isArray(c.list(k))).toBe(true);
          }
          expect(c.get('Service', 'default', 'kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
        },
      ),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    );
  }, 120_000);
});
