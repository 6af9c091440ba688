// Properties of kubectl apply's three-way patch (threeWayPatch) as the server applies it
// (strategicMergePatch), for random (last-applied, file, live) triples:
// - on maps without lists, the result is what a plain three-way merge gives (the file's values
//   win, keys the last-applied file had and this one lacks go, every other live key stays);
// - on Service and Deployment shapes with merge lists (ports by port, containers and env by name,
//   container ports by containerPort) and whole lists (args), the result holds every field of the
//   file: each of its merge-list items (by key) with the file's fields, each whole list as is.
// Seeds are pinned; fast-check prints a failing seed and path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threeWayPatch } from './apply-patch';
import { strategicMergePatch } from './patch-strategic';

// biome-ignore lint/suspicious/noExplicitAny: JSON values.
type Any = any;

const isMap = (v: unknown): v is Record<string, Any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The plain three-way merge of maps: file wins, keys dropped from the file go, live extras stay. */
function mergeMaps(live: unknown, previous: unknown, desired: unknown): unknown {
  if (!isMap(desired)) return desired;
  const l = isMap(live) ? live : {};
  const p = isMap(previous) ? previous : {};
  const out: Any = { ...l };
  for (const k of Object.keys(desired)) out[k] = mergeMaps(l[k], p[k], desired[k]);
  for (const k of Object.keys(p)) if (!(k in desired)) delete out[k];
  return out;
}

const KEYS = ['a', 'b', 'c', 'd'];
const scalar = fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 0, max: 3 }), fc.boolean());
const tree: fc.Arbitrary<Any> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }),
  ),
})).node as fc.Arbitrary<Any>;
/** A map under `spec` whose keys no schema knows: no list, no patch strategy. */
const specMap = fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 4 });
const doc = (spec: Any, labels: Any) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', labels },
  spec,
});
const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'env'), fc.constantFrom('a', 'b'), {
  maxKeys: 3,
});

describe('three-way patch: maps without lists', () => {
  it('applied to live, equals the plain three-way merge', () => {
    fc.assert(
      fc.property(specMap, specMap, specMap, labels, labels, labels, (ps, ds, ls, pl, dl, ll) => {
        const previous = doc(ps, pl);
        const desired = doc(ds, dl);
        const live: Any = { ...doc(ls, ll), status: { s: 1 } };
        const patch = threeWayPatch(previous, desired, live, 'Service');
        const got = strategicMergePatch(live, patch, 'Service');
        expect(got).toEqual(mergeMaps(live, previous, desired));
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });
});

// Service and Deployment shapes.
const servicePort = (port: number) =>
  fc.record(
    {
      port: fc.constant(port),
      name: fc.constantFrom('http', 'admin', 'metrics'),
      targetPort: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom('web', 'api')),
      protocol: fc.constant('TCP'),
    },
    { requiredKeys: ['port'] },
  );
const ports = fc
  .uniqueArray(fc.constantFrom(80, 81, 8080, 9000), { maxLength: 4 })
  .chain((ps) => fc.tuple(...ps.map(servicePort)));
const service = fc.record(
  {
    ports,
    selector: labels,
    type: fc.constantFrom('ClusterIP', 'NodePort'),
    clusterIPs: fc.constant(['10.96.0.9']),
  },
  { requiredKeys: [] },
);

const env = fc.uniqueArray(
  fc.record(
    { name: fc.constantFrom('A', 'B', 'C', 'D'), value: fc.constantFrom('1', '2') },
    { requiredKeys: ['name'] },
  ),
  { selector: (e) => e.name, maxLength: 4 },
);
const containerPorts = fc.uniqueArray(
  fc.record(
    { containerPort: fc.constantFrom(80, 8080, 9000), name: fc.constantFrom('web', 'api') },
    { requiredKeys: ['containerPort'] },
  ),
  { selector: (p) => p.containerPort, maxLength: 3 },
);
const container = (name: string) =>
  fc.record(
    {
      name: fc.constant(name),
      image: fc.constantFrom('nginx:1', 'nginx:2'),
      args: fc.array(fc.constantFrom('-a', '-b', '-c'), { maxLength: 3 }),
      env,
      ports: containerPorts,
    },
    { requiredKeys: ['name'] },
  );
const containers = fc
  .uniqueArray(fc.constantFrom('web', 'side', 'init'), { minLength: 1, maxLength: 3 })
  .chain((ns) => fc.tuple(...ns.map(container)));
const strategy = fc.oneof(
  fc.constant({ type: 'Recreate' }),
  fc.record(
    { type: fc.constant('RollingUpdate'), rollingUpdate: fc.record({ maxSurge: fc.constantFrom(1, '25%') }) },
    { requiredKeys: ['type'] },
  ),
);
const deployment = fc.record(
  {
    replicas: fc.integer({ min: 0, max: 3 }),
    strategy,
    template: fc.record({ spec: fc.record({ containers }) }),
  },
  { requiredKeys: ['template'] },
);
// A live Deployment always has a strategy (SetDefaults_Deployment). Without one, a `$retainKeys`
// from the deletions would reach the object as an unknown field, as it would in Go (removeDirectives
// only drops `$patch`).
const liveDeployment = fc.record(
  {
    replicas: fc.integer({ min: 0, max: 3 }),
    strategy,
    template: fc.record({ spec: fc.record({ containers }) }),
  },
  { requiredKeys: ['template', 'strategy'] },
);

/** Every field of `file` is in `got`: maps key by key, merge lists item by key, other lists whole. */
function assertContains(got: Any, file: Any, mergeKeys: Record<string, string>, path: string): void {
  if (Array.isArray(file)) {
    const field = path.slice(path.lastIndexOf('.') + 1);
    const key = mergeKeys[field];
    expect(Array.isArray(got), path).toBe(true);
    if (!key) {
      expect(got, path).toEqual(file);
      return;
    }
    for (const item of file) {
      const match = (got as Any[]).filter((g) => isMap(g) && g[key] === item[key]);
      expect(match.length, `${path}[${key}=${item[key]}]`).toBe(1);
      assertContains(match[0], item, mergeKeys, `${path}[${key}=${item[key]}]`);
    }
    return;
  }
  if (isMap(file)) {
    expect(isMap(got), path).toBe(true);
    for (const k of Object.keys(file)) assertContains(got[k], file[k], mergeKeys, `${path}.${k}`);
    return;
  }
  expect(got, path).toEqual(file);
}

const MERGE_KEYS = { ports: 'port', containers: 'name', env: 'name' };

describe('three-way patch: Service and Deployment shapes', () => {
  it('a Service: the result holds every field of the file (ports merged by port)', () => {
    fc.assert(
      fc.property(service, service, service, (ps, ds, ls) => {
        const mk = (spec: Any) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec });
        const live: Any = mk(ls);
        const file = mk(ds);
        const got = strategicMergePatch(live, threeWayPatch(mk(ps), file, live, 'Service'), 'Service');
        assertContains(got, file, MERGE_KEYS, '');
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it('a Deployment: containers and env by name, container ports by containerPort, args whole', () => {
    fc.assert(
      fc.property(deployment, deployment, liveDeployment, (ps, ds, ls) => {
        const mk = (spec: Any) => ({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web' },
          spec,
        });
        const live: Any = mk(ls);
        const file = mk(ds);
        const got: Any = strategicMergePatch(
          live,
          threeWayPatch(mk(ps), file, live, 'Deployment'),
          'Deployment',
        );
        // Container ports merge by containerPort (not by `port`).
        const keys = (path: string) => (path.endsWith('].ports') ? 'containerPort' : undefined);
        assertContainsDeployment(got, file, keys);
        // retainKeys: the strategy holds the file's keys only.
        if (ds.strategy)
          expect(Object.keys(got.spec.strategy).sort()).toEqual(Object.keys(ds.strategy).sort());
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });
});

function assertContainsDeployment(got: Any, file: Any, keys: (path: string) => string | undefined): void {
  const walk = (g: Any, f: Any, path: string): void => {
    if (Array.isArray(f)) {
      const field = path.slice(path.lastIndexOf('.') + 1);
      const key = keys(path) ?? (MERGE_KEYS as Record<string, string>)[field];
      if (!key) {
        expect(g, path).toEqual(f);
        return;
      }
      for (const item of f) {
        const match = (g as Any[]).filter((x) => isMap(x) && x[key] === item[key]);
        expect(match.length, `${path}[${key}=${item[key]}]`).toBe(1);
        walk(match[0], item, `${path}[${item[key]}]`);
      }
      return;
    }
    if (isMap(f)) {
      expect(isMap(g), path).toBe(true);
      for (const k of Object.keys(f)) walk(g[k], f[k], `${path}.${k}`);
      return;
    }
    expect(g, path).toEqual(f);
  };
  walk(got, file, '');
}
