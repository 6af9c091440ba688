// Seeded fuzzing of the pod spec's decoding and validation: a Pod and a Deployment whose spec sets
// every field validation-pod-volumes.ts and validation-pod-fields.ts check (volumes of each typed
// source, mounts, envFrom, security contexts, resources, affinity, tolerations, host aliases,
// topology spread, gates, init containers, pod-level resources), with one to three of its paths
// (any depth, found by walking the valid document) replaced by something random or malformed, or
// a container's or the pod's `resources` replaced by random resource names and quantities
// (validation-pod-resources.ts), created and then updated (a Pod's update meets
// validation-pod-update.ts): only ever API errors (400 or 422), never an exception, and the
// cluster keeps running.
// On failure fast-check prints the seed and path; pin them below as regression cases.
// FZ_SEED / FZ_RUNS pick another seed and more runs when hunting by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { setPath } from '../testing/fuzz';

const SEED = Number(process.env.FZ_SEED ?? 20261126);

const podSpec = () => ({
  securityContext: { runAsUser: 1000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
  volumes: [
    { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
    {
      name: 'cfg',
      configMap: { name: 'app-config', optional: true, items: [{ key: 'a', path: 'a.txt', mode: 0o644 }] },
    },
    { name: 'sec', secret: { secretName: 's', optional: true, defaultMode: 0o400 } },
    { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
    {
      name: 'proj',
      projected: {
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3600 } },
          { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        ],
      },
    },
    { name: 'pvc', persistentVolumeClaim: { claimName: 'claim' } },
  ],
  initContainers: [
    {
      name: 'init',
      image: 'busybox',
      command: ['sh', '-c', 'true'],
      volumeMounts: [{ name: 'data', mountPath: '/d' }],
    },
  ],
  containers: [
    {
      name: 'c',
      image: 'busybox',
      command: ['sh', '-c', 'sleep 3600'],
      envFrom: [{ prefix: 'CFG_', configMapRef: { name: 'app-config', optional: true } }],
      env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
      resources: { limits: { cpu: '500m', memory: '64Mi' }, requests: { cpu: 0.1 } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsGroup: 3000 },
      volumeMounts: [
        { name: 'data', mountPath: '/data', subPath: 'sub' },
        { name: 'cfg', mountPath: '/cfg', readOnly: true },
        { name: 'host', mountPath: '/host', mountPropagation: 'HostToContainer' },
      ],
      lifecycle: { preStop: { sleep: { seconds: 1 } } },
    },
  ],
  affinity: {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 1, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
      ],
    },
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 50,
          podAffinityTerm: {
            topologyKey: 'kubernetes.io/hostname',
            labelSelector: { matchLabels: { app: 'fz' } },
          },
        },
      ],
    },
  },
  tolerations: [{ key: 'example.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  hostAliases: [{ ip: '10.0.0.9', hostnames: ['db.local'] }],
  topologySpreadConstraints: [
    {
      maxSkew: 1,
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: { app: 'fz' } },
    },
  ],
  imagePullSecrets: [{ name: 'regcred' }],
  readinessGates: [{ conditionType: 'example.com/ready' }],
  resources: { limits: { cpu: '1', memory: '128Mi' } },
});

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'fz', labels: { app: 'fz' } },
  spec: podSpec(),
});
const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'fz' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'fz' } },
    template: { metadata: { labels: { app: 'fz' } }, spec: podSpec() },
  },
});

type Path = (string | number)[];

/** Every path below `o` (objects' keys and arrays' indices, at any depth), with its value. */
function pathsOf(o: unknown, at: Path = [], out: [Path, unknown][] = []): [Path, unknown][] {
  if (o === null || typeof o !== 'object') return out;
  for (const [k, v] of Object.entries(o)) {
    const p = [...at, Array.isArray(o) ? Number(k) : k];
    out.push([p, v]);
    pathsOf(v, p, out);
  }
  return out;
}

const POD_PATHS = pathsOf(podSpec(), ['spec']);
const DEPLOY_PATHS = pathsOf(podSpec(), ['spec', 'template', 'spec']);

const weird = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    '',
    0,
    -1,
    1,
    511,
    512,
    2 ** 31,
    -(2 ** 31) - 1,
    1.5,
    true,
    false,
    [],
    {},
    [null],
    [1],
    ['x'],
    'x',
    'X Y',
    '1Gi',
    '-1Gi',
    '1ki',
    '..',
    '../x',
    '/abs',
    'a=b',
    'Exists',
    'Equal',
    'NoExecute',
    'Bidirectional',
    'Enabled',
    'Localhost',
    'Unmasked',
    'DoNotSchedule',
    '10.0.0.256',
    '::ffff:1.2.3.4',
    { name: '' },
    { key: '', operator: 'In' },
    { emptyDir: {}, hostPath: { path: '/x' } },
  ),
);

const STRINGS = fc.constantFrom('', 'x', 'Bad_Name', 'a/b/c', '/abs', '..', '-1', '1Gi', '1ki', 'None', 'In');

/** A value of the original's JSON type (so the decoder takes it and the validators see it). */
function sameType(orig: unknown): fc.Arbitrary<unknown> {
  if (typeof orig === 'string') return fc.oneof(STRINGS, fc.string({ maxLength: 8 }));
  if (typeof orig === 'number')
    return fc.oneof(
      fc.constantFrom(0, -1, 512, 2 ** 31 - 1, 2 ** 32 + 1),
      fc.integer({ min: -10, max: 1000 }),
    );
  if (typeof orig === 'boolean') return fc.boolean();
  if (Array.isArray(orig)) return fc.constantFrom([], [null], [{}], [...orig, ...orig]);
  return fc.constantFrom({}, null);
}

// Quantities as a student might write them (signs, fractions, every suffix, small exponents; the
// pod-template-hash's dump expands an exponent, so none is absurd) and as YAML numbers.
const QUANTITY = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '', '-', '+'),
      fc.oneof(fc.integer({ min: 0, max: 4096 }), fc.constantFrom(0, 1, 2, 1024, 999999999999)),
      fc.constantFrom('', '', '.5', '.25', '.001', '.0000000001', '.'),
      fc.constantFrom(
        '',
        'n',
        'u',
        'm',
        'k',
        'M',
        'G',
        'T',
        'P',
        'E',
        'Ki',
        'Mi',
        'Gi',
        'Ti',
        'Ei',
        'e3',
        'E-2',
        'e+9',
      ),
    )
    .map(([sign, n, frac, suffix]) => `${sign}${n}${frac}${suffix}`),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -5, max: 5000 }),
);
const RESOURCE_NAME = fc.oneof(
  fc.constantFrom(
    'cpu',
    'memory',
    'ephemeral-storage',
    'storage',
    'pods',
    'cpus',
    'hugepages-2Mi',
    'hugepages-1Gi',
    'hugepages-x',
    'example.com/gpu',
    'requests.example.com/gpu',
    'kubernetes.io/foo',
    'Bad Name',
    'a/b/c',
    '',
  ),
  fc.string({ maxLength: 6 }),
);
const RESOURCE_LIST = fc.dictionary(RESOURCE_NAME, QUANTITY, { maxKeys: 4 });
const REQUIREMENTS = fc.record(
  {
    limits: RESOURCE_LIST,
    requests: RESOURCE_LIST,
    claims: fc.constantFrom([{ name: 'x' }], [{ name: '' }], [{ name: 'x', request: 'Bad' }, { name: 'x' }]),
  },
  { requiredKeys: [] },
);
const resourcePaths = (pre: Path): Path[] => [
  [...pre, 'containers', 0, 'resources'],
  [...pre, 'initContainers', 0, 'resources'],
  [...pre, 'resources'],
];

const mutation = (paths: [Path, unknown][], pre: Path) =>
  fc.oneof(
    {
      arbitrary: fc
        .constantFrom(...paths)
        .chain(([p, orig]) =>
          fc.tuple(
            fc.constant(p),
            fc.oneof({ arbitrary: weird, weight: 1 }, { arbitrary: sameType(orig), weight: 3 }),
          ),
        ),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(fc.constantFrom(...resourcePaths(pre)), REQUIREMENTS as fc.Arbitrary<unknown>),
      weight: 1,
    },
  );

const mutated = fc.oneof(
  fc
    .array(mutation(POD_PATHS, ['spec']), { minLength: 1, maxLength: 3 })
    .map((ms) => ({ kind: 'Pod' as const, doc: mutate(pod(), ms) })),
  fc
    .array(mutation(DEPLOY_PATHS, ['spec', 'template', 'spec']), { minLength: 1, maxLength: 3 })
    .map((ms) => ({ kind: 'Deployment' as const, doc: mutate(deployment(), ms) })),
);

function mutate<T extends object>(doc: T, ms: [Path, unknown][]): T {
  for (const [p, v] of ms) setPath(doc, p, structuredClone(v));
  return doc;
}

describe('apply fuzz: a pod spec with every validated field', () => {
  it('the valid documents are accepted and run', () => {
    const c = createCluster({ seed: 3, profile: 'kind' });
    const out = c.apply([pod(), deployment()]);
    expect(out.map((o) => (o.result.ok ? 'ok' : o.result.error.message))).toEqual(['ok', 'ok']);
    c.advance(30_000);
    expect(c.list('Pod', { namespace: 'default' }).length).toBe(3);
  });

  it('one to three random fields only ever give API errors, on create and on update', () => {
    const seen = { accepted: 0, refused: 0, decode: 0, resources: 0, podUpdate: 0 };
    fc.assert(
      fc.property(mutated, mutated, (first, second) => {
        const c = createCluster({ seed: 3, profile: 'kind' });
        for (const { doc } of [first, second]) {
          const out = c.apply([doc], { source: 'fuzz.yaml' });
          expect(out).toHaveLength(1);
          const r = (out[0] as (typeof out)[number]).result;
          if (r.ok) seen.accepted++;
          else {
            seen.refused++;
            if (r.error.code === 400) seen.decode++;
            if (r.error.code === 422 && r.error.message.includes('.resources')) seen.resources++;
            if (r.error.message.includes('pod updates may not')) seen.podUpdate++;
            expect(typeof r.error.message).toBe('string');
            // 500: the strategic merge patch of a re-apply whose list items lack their merge key
            // or hold one that is not a string ("… does not contain declared merge key: …", "The
            // order in patch list: …"), the handler's plain error as patch.ts models it.
            if (r.error.code === 500)
              expect(r.error.message).toMatch(
                /^(The order in patch list:|map: .* does not contain declared merge key: )/s,
              );
            else expect([400, 422]).toContain(r.error.code);
          }
          c.advance(10_000);
        }
        c.advance(60_000);
        expect(Array.isArray(c.list('Pod'))).toBe(true);
        expect(c.get('Service', 'default', 'kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
      }),
      { seed: SEED, numRuns: Number(process.env.FZ_RUNS ?? 300), endOnFailure: true },
    );
    // Both the decoder and the validators were reached, and some documents got through.
    expect(seen.accepted).toBeGreaterThan(20);
    expect(seen.decode).toBeGreaterThan(20);
    expect(seen.refused - seen.decode).toBeGreaterThan(20);
    // The resource validators and a Pod update's rules were reached too.
    expect(seen.resources).toBeGreaterThan(10);
    expect(seen.podUpdate).toBeGreaterThan(3);
  }, 240_000);
});
