// apply's one-pass create of the usual Deployment (./apply-create) against the general path it
// stands in for: for generated documents around the usual shape (valid and invalid names, labels,
// selectors, replicas, containers, ports; unknown keys, nulls, wrong types), whenever
// usualDeployment answers, the document decodes, its defaulted object is exactly the one it built
// (same keys in the same order, same values) and validation finds nothing; and applying it stores
// what the general path stores. Seeds are pinned; fast-check prints a failing seed and path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createRng } from '../runtime/rng';
import { benchManifest } from '../testing/bench-manifest';
import { parseManifests } from '../yaml';
import { ClusterIpAllocator, NodePortAllocator } from './allocators';
import { LAST_APPLIED, lastAppliedFor } from './apply';
import { usualDeployment, usualService } from './apply-create';
import { copyOwn } from './copy';
import { decodeStrict } from './decode';
import { applyDefaultsInto } from './defaults';
import { allocateService } from './services';
import { validate } from './validation';

// biome-ignore lint/suspicious/noExplicitAny: documents are loosely typed.
type Any = any;

/**
 * What the general path hands to validation: the decoded document with its namespace and
 * last-applied annotation (apply.ts applyOne), copied and defaulted as ApiServer.create does.
 */
function general(doc: Any, namespace: string): { obj: Any; errors: unknown[] } | undefined {
  const kind: string = doc.kind;
  const decoded = decodeStrict(kind, doc);
  if (!decoded.ok) return undefined;
  const desired: Any = copyOwn(decoded.value);
  desired.metadata = copyOwn(decoded.value.metadata);
  desired.metadata.namespace = namespace;
  const annotations: Any = copyOwn(desired.metadata.annotations);
  annotations[LAST_APPLIED] = lastAppliedFor(doc, namespace);
  desired.metadata.annotations = annotations;
  const meta: Any = copyOwn(desired.metadata);
  const obj: Any = { apiVersion: doc.apiVersion, kind, metadata: meta, spec: desired.spec };
  obj.status = undefined;
  applyDefaultsInto(obj);
  if (kind !== 'Service') return { obj, errors: validate(obj) };
  // A Service is validated with its cluster IP allocated (ApiServer.create).
  const rng = createRng(1);
  const r = allocateService(
    { ips: new ClusterIpAllocator('10.96.0.0/12', rng), ports: new NodePortAllocator(rng) },
    obj,
  );
  if (!r.ok) return undefined;
  return { obj, errors: validate({ ...obj, spec: r.spec }) };
}

/** Key order and values: JSON.stringify writes keys in insertion order. */
const text = (o: unknown) => JSON.stringify(o);

/** Usually one of `usual`, sometimes one of `other` (the usual shape must come up often). */
const mostly = <T>(usual: readonly T[], other: readonly T[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...usual), weight: 12 },
    { arbitrary: fc.constantFrom(...other), weight: 1 },
  );

const name = mostly(['app-0', 'web', 'a.b'], ['App', 'x'.repeat(64), 'a_b', '-a']);
const labelKey = mostly(['app', 'tier', 'example.com/app', '80'], ['a b', '__proto__', 'x'.repeat(64)]);
const labelValue = mostly(['app-0', 'web', ''], ['a b', 'x'.repeat(64), '-x', null, 5]);
const labels = fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 3 });
const port = fc.record(
  {
    containerPort: mostly([80, 8080, 65535], [0, 65536, 1.5, '80', null]),
    protocol: mostly(['TCP', 'UDP', 'SCTP'], ['tcp', null]),
    name: fc.constantFrom('http'),
    hostPort: fc.constantFrom(80),
  },
  { requiredKeys: [] },
);
const usualPort = fc.record(
  {
    containerPort: mostly([80, 8080, 65535], [0, 65536, 1.5, '80', null]),
    protocol: fc.constantFrom('TCP', 'UDP'),
  },
  { requiredKeys: ['containerPort'] },
);
const container = fc.oneof(
  {
    arbitrary: fc.record({
      name: mostly(['web', 'sidecar'], ['Web', '', null]),
      image: mostly(['nginx', 'nginx:1.25', 'nginx:latest', 'repo/x@sha256:abc', ' nginx'], ['', 5]),
      ports: fc.array(usualPort, { maxLength: 2 }),
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record(
      {
        name: fc.constantFrom('web', 'sidecar', 'Web', '', null),
        image: fc.constantFrom('nginx', '', 5),
        ports: fc.oneof(fc.array(port, { maxLength: 2 }), fc.constant(null)),
        env: fc.constant([{ name: 'A', value: 'b' }]),
      },
      { requiredKeys: [] },
    ),
    weight: 1,
  },
);
const selectorFor = (l: Any) =>
  fc.oneof(
    { arbitrary: fc.constant({ matchLabels: l }), weight: 12 },
    fc.constant({ matchLabels: { ...l, other: 'x' } }),
    fc.constant({ matchLabels: {} }),
    fc.constant({ matchLabels: l, matchExpressions: [] }),
    fc.constant(null),
  );
const deployment = fc
  .record({
    name,
    namespace: fc.constantFrom(undefined, 'default', ''),
    metaLabels: fc.option(labels, { nil: undefined }),
    annotations: fc.option(
      fc.dictionary(mostly(['note', LAST_APPLIED], ['a b']), fc.constantFrom('x', '{}'), { maxKeys: 2 }),
      { nil: undefined },
    ),
    extraMeta: mostly([undefined], ['generateName', 'uid']),
    replicas: mostly([undefined, 5, 0, 2 ** 31 - 1], [-1, 1.5, '3', 2 ** 31, null]),
    tplLabels: fc.oneof(labels, fc.constant({ app: 'app-0' })),
    tplMeta: mostly(['labels'], ['none', 'empty', 'annotated']),
    containers: fc.oneof(
      { arbitrary: fc.array(container, { minLength: 1, maxLength: 2 }), weight: 8 },
      fc.constant([]),
      fc.constant([{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }]),
    ),
    extraSpec: mostly([undefined], ['paused', 'status']),
    specOrder: fc.boolean(),
  })
  .chain((d) => selectorFor(d.tplLabels).map((selector) => ({ ...d, selector })));

function build(d: Any): Any {
  const metadata: Any = { name: d.name };
  if (d.namespace !== undefined) metadata.namespace = d.namespace;
  if (d.metaLabels !== undefined) metadata.labels = d.metaLabels;
  if (d.annotations !== undefined) metadata.annotations = d.annotations;
  if (d.extraMeta) metadata[d.extraMeta] = 'x';
  const tmeta: Any =
    d.tplMeta === 'labels'
      ? { labels: d.tplLabels }
      : d.tplMeta === 'empty'
        ? {}
        : d.tplMeta === 'annotated'
          ? { labels: d.tplLabels, annotations: { a: 'b' } }
          : undefined;
  const template: Any = {};
  if (d.specOrder) template.spec = { containers: d.containers };
  if (tmeta !== undefined) template.metadata = tmeta;
  if (!d.specOrder) template.spec = { containers: d.containers };
  const spec: Any = {};
  if (d.specOrder) spec.template = template;
  if (d.replicas !== undefined) spec.replicas = d.replicas;
  if (d.selector !== null) spec.selector = d.selector;
  if (!d.specOrder) spec.template = template;
  if (d.extraSpec === 'paused') spec.paused = true;
  const doc: Any = { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec };
  if (d.extraSpec === 'status') doc.status = {};
  // A YAML document carries plain data: a JSON round trip also drops the undefined keys.
  return JSON.parse(JSON.stringify(doc));
}

describe('usualDeployment', () => {
  it('answers only for documents the general path stores, with the object it builds', () => {
    let answered = 0;
    fc.assert(
      fc.property(deployment, (d) => {
        const doc = build(d);
        const ns = doc.metadata.namespace || 'default';
        const fast = usualDeployment(doc, doc.metadata.name, ns, lastAppliedFor(doc, ns));
        if (fast === undefined) return;
        answered++;
        const g = general(doc, ns);
        expect(g).toBeDefined();
        expect(g?.errors).toEqual([]);
        expect(text(fast)).toBe(text(g?.obj));
      }),
      { seed: 20261126, numRuns: 3000 },
    );
    // The generator reaches the usual shape often enough for the comparison to mean something.
    expect(answered).toBeGreaterThan(100);
  });

  it('answers for the benchmark documents, which apply stores as the general path does', () => {
    const parsed = parseManifests(benchManifest(3), 'bench.yaml');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const docs = parsed.docs as Any[];
    const c = createCluster({ seed: 7 });
    const out = c.apply(docs);
    for (const [i, doc] of docs.entries()) {
      if (doc.kind !== 'Deployment') continue;
      const fast = usualDeployment(doc, doc.metadata.name, 'default', lastAppliedFor(doc, 'default'));
      expect(fast).toBeDefined();
      const g = general(doc, 'default');
      expect(text(fast)).toBe(text(g?.obj));
      expect(out[i]?.result.ok).toBe(true);
    }
  });

  it('leaves every error to the general path, word for word', () => {
    const c = createCluster({ seed: 7 });
    const doc = (spec: Any, name = 'web'): Any => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec,
    });
    const tpl = {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    };
    const [mismatch, badName, negative] = c.apply([
      doc({ selector: { matchLabels: { app: 'other' } }, template: tpl }),
      doc({ selector: { matchLabels: { app: 'web' } }, template: tpl }, 'Web'),
      doc({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template: tpl }, 'neg'),
    ]);
    const message = (o: Any) => (o.result.ok ? '' : o.result.error.message);
    expect(message(mismatch)).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    );
    expect(message(badName)).toContain(
      'Deployment.apps "Web" is invalid: metadata.name: Invalid value: "Web"',
    );
    expect(message(negative)).toBe(
      'Deployment.apps "neg" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(c.get('Deployment', 'default', 'web')).toBeUndefined();
  });
});

const servicePort = fc
  .tuple(
    fc.record(
      {
        name: mostly(['http', 'metrics', 'dns'], ['', 'HTTP', 'a_b', null]),
        port: mostly([80, 443, 8080, 80], [0, 65536, '80', null]),
        targetPort: mostly([80, 8080, 9376], [0, 'http', '80', null]),
        protocol: mostly(['TCP', 'UDP', 'SCTP'], ['tcp', null]),
        nodePort: fc.constantFrom(30080),
        appProtocol: fc.constantFrom('http'),
      },
      { requiredKeys: [] },
    ),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([p, n]) => {
    // The usual port has no nodePort or appProtocol.
    const { nodePort, appProtocol, ...rest } = p;
    return n === 0 ? p : rest;
  });
const service = fc.record({
  name: mostly(['svc-0', 'web', 'a1'], ['1svc', 'a.b', 'Svc', 'x'.repeat(64)]),
  namespace: fc.constantFrom(undefined, 'default', ''),
  metaLabels: fc.option(labels, { nil: undefined }),
  annotations: fc.option(
    fc.dictionary(
      mostly(
        ['note', LAST_APPLIED],
        [
          'a b',
          'service.kubernetes.io/topology-mode',
          'service.beta.kubernetes.io/load-balancer-source-ranges',
        ],
      ),
      fc.constantFrom('x', 'Auto', '10.0.0.0/8'),
      { maxKeys: 2 },
    ),
    { nil: undefined },
  ),
  selector: fc.option(labels, { nil: undefined }),
  ports: fc.oneof(
    { arbitrary: fc.array(servicePort, { minLength: 1, maxLength: 3 }), weight: 8 },
    fc.constant([]),
    fc.constant([{ port: 80, targetPort: 80 }]),
  ),
  type: mostly([undefined, 'ClusterIP'], ['NodePort', 'ExternalName', 'Bogus']),
  extra: mostly([undefined], ['clusterIP', 'sessionAffinity', 'status']),
});

function buildService(d: Any): Any {
  const metadata: Any = { name: d.name };
  if (d.namespace !== undefined) metadata.namespace = d.namespace;
  if (d.metaLabels !== undefined) metadata.labels = d.metaLabels;
  if (d.annotations !== undefined) metadata.annotations = d.annotations;
  const spec: Any = {};
  if (d.selector !== undefined) spec.selector = d.selector;
  spec.ports = d.ports;
  if (d.type !== undefined) spec.type = d.type;
  if (d.extra === 'clusterIP') spec.clusterIP = 'None';
  if (d.extra === 'sessionAffinity') spec.sessionAffinity = 'ClientIP';
  const doc: Any = { apiVersion: 'v1', kind: 'Service', metadata, spec };
  if (d.extra === 'status') doc.status = {};
  return JSON.parse(JSON.stringify(doc));
}

describe('usualService', () => {
  it('answers only for documents the general path stores, with the object it builds', () => {
    let answered = 0;
    fc.assert(
      fc.property(service, (d) => {
        const doc = buildService(d);
        const ns = doc.metadata.namespace || 'default';
        const fast = usualService(doc, doc.metadata.name, ns, lastAppliedFor(doc, ns));
        if (fast === undefined) return;
        answered++;
        const g = general(doc, ns);
        expect(g).toBeDefined();
        expect(g?.errors).toEqual([]);
        expect(text(fast)).toBe(text(g?.obj));
      }),
      { seed: 20261126, numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it('answers for the benchmark documents', () => {
    const parsed = parseManifests(benchManifest(3), 'bench.yaml');
    if (!parsed.ok) throw new Error(parsed.error.message);
    for (const doc of parsed.docs as Any[]) {
      if (doc.kind !== 'Service') continue;
      const fast = usualService(doc, doc.metadata.name, 'default', lastAppliedFor(doc, 'default'));
      expect(fast).toBeDefined();
      expect(text(fast)).toBe(text(general(doc, 'default')?.obj));
    }
  });

  it('leaves every error to the general path, word for word', () => {
    const c = createCluster({ seed: 7 });
    const svc = (name: string, ports: Any[]): Any => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: 'web' }, ports },
    });
    const [unnamed, dup, ok] = c.apply([
      svc('two', [{ port: 80 }, { port: 81 }]),
      svc('dup', [
        { name: 'a', port: 80 },
        { name: 'b', port: 80 },
      ]),
      svc('web', [{ port: 80, targetPort: 8080 }]),
    ]);
    const message = (o: Any) => (o.result.ok ? '' : o.result.error.message);
    expect(message(unnamed)).toBe(
      'Service "two" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    );
    expect(message(dup)).toBe(
      'Service "dup" is invalid: spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    );
    expect(ok?.result.ok).toBe(true);
    const stored: Any = c.get('Service', 'default', 'web');
    expect(stored.spec.clusterIPs).toEqual([stored.spec.clusterIP]);
  });
});
