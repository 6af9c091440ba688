// Field selectors (./field-selectors): fields.ParseSelector's terms and errors, each kind's field
// label conversion, and, over a live cluster, that every label a kind takes filters its objects
// by the field its registry's GetAttrs reads, while a label it does not take is refused.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject, KindName } from '../api/types';
import { compileFieldSelector, convertFieldLabel, fieldLabels, parseFieldSelector } from './field-selectors';

describe('fields.ParseSelector', () => {
  it('splits at unescaped commas, sorts the terms, folds == into =, unescapes values', () => {
    expect(parseFieldSelector('z=1,a!=2,m==3,,k=a\\,b\\=c\\\\')).toEqual({
      terms: [
        { label: 'a', op: '!=', value: '2' },
        { label: 'k', op: '=', value: 'a,b=c\\' },
        { label: 'm', op: '=', value: '3' },
        { label: 'z', op: '=', value: '1' },
      ],
    });
    // No trimming: the spaces belong to the label and the value.
    expect(parseFieldSelector('a = b')).toEqual({ terms: [{ label: 'a ', op: '=', value: ' b' }] });
    // The first operator wins: `a!=b=c` is a != with the value `b=c` … which is then refused.
    expect(parseFieldSelector('x==')).toEqual({ terms: [{ label: 'x', op: '=', value: '' }] });
    expect(parseFieldSelector('')).toEqual({ terms: [] });
  });

  it('errors: no operator, unescaped , or = (printed as the rune code), bad escapes', () => {
    expect(parseFieldSelector('foo')).toEqual({ error: "invalid selector: 'foo'; can't understand 'foo'" });
    // Sorted first: `b` is reported although `zz=1` came first … and a later bad value waits.
    expect(parseFieldSelector('zz=1,b,a=x=y')).toEqual({
      error: 'invalid field selector: unescaped character in value: 61',
    });
    expect(parseFieldSelector('zz=1,b')).toEqual({
      error: "invalid selector: 'zz=1,b'; can't understand 'b'",
    });
    expect(parseFieldSelector('status.phase in (Running)')).toEqual({
      error: "invalid selector: 'status.phase in (Running)'; can't understand 'status.phase in (Running)'",
    });
    expect(parseFieldSelector('a=b\\x')).toEqual({
      error: 'invalid field selector: invalid escape sequence: \\x',
    });
    expect(parseFieldSelector('a=b\\')).toEqual({
      error: 'invalid field selector: invalid escape sequence: \\',
    });
  });
});

describe('Scheme.ConvertFieldLabel', () => {
  it('the kinds with a conversion function, the default for the rest', () => {
    expect(convertFieldLabel('Pod', 'spec.host')).toEqual({ label: 'spec.nodeName' });
    expect(convertFieldLabel('Pod', 'foo')).toEqual({ error: 'field label not supported: foo' });
    expect(convertFieldLabel('Pod', '')).toEqual({ error: 'field label not supported: ' });
    expect(convertFieldLabel('Node', 'metadata.namespace')).toEqual({
      error: 'field label not supported: metadata.namespace',
    });
    expect(convertFieldLabel('Namespace', 'metadata.namespace')).toEqual({
      error: 'field label not supported: metadata.namespace',
    });
    expect(convertFieldLabel('Job', 'status.active')).toEqual({
      error: 'field label "status.active" not supported for Job',
    });
    for (const kind of ['Deployment', 'ReplicaSet', 'ConfigMap', 'CronJob', 'EndpointSlice'] as KindName[]) {
      expect(convertFieldLabel(kind, 'metadata.namespace')).toEqual({ label: 'metadata.namespace' });
      expect(convertFieldLabel(kind, 'status.replicas')).toEqual({
        error: '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
      });
    }
  });
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read the stored JSON as such.
type Any = any;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * What each label reads, written from the registries' field sets independently of the module:
 * a label missing from the set reads "".
 */
const READS: Partial<Record<KindName, Record<string, (o: Any) => string>>> = {
  Pod: {
    'metadata.name': (o) => o.metadata.name,
    'metadata.namespace': (o) => o.metadata.namespace,
    'spec.nodeName': (o) => s(o.spec.nodeName),
    'spec.host': (o) => s(o.spec.nodeName),
    'spec.restartPolicy': (o) => s(o.spec.restartPolicy),
    'spec.schedulerName': (o) => s(o.spec.schedulerName),
    'spec.serviceAccountName': (o) => s(o.spec.serviceAccountName),
    'spec.hostNetwork': (o) => (o.spec.hostNetwork ? 'true' : 'false'),
    'status.phase': (o) => s(o.status?.phase),
    'status.podIP': (o) => s(o.status?.podIP),
    'status.podIPs': () => '',
    'status.nominatedNodeName': (o) => s(o.status?.nominatedNodeName),
  },
  Node: {
    'metadata.name': (o) => o.metadata.name,
    'spec.unschedulable': (o) => (o.spec?.unschedulable ? 'true' : 'false'),
  },
  Namespace: { 'metadata.name': (o) => o.metadata.name, 'status.phase': (o) => s(o.status?.phase) },
  Event: {
    'metadata.name': (o) => o.metadata.name,
    'metadata.namespace': (o) => o.metadata.namespace,
    'involvedObject.kind': (o) => s(o.involvedObject.kind),
    'involvedObject.namespace': (o) => s(o.involvedObject.namespace),
    'involvedObject.name': (o) => s(o.involvedObject.name),
    'involvedObject.uid': (o) => s(o.involvedObject.uid),
    'involvedObject.apiVersion': (o) => s(o.involvedObject.apiVersion),
    'involvedObject.resourceVersion': (o) => s(o.involvedObject.resourceVersion),
    'involvedObject.fieldPath': (o) => s(o.involvedObject.fieldPath),
    reason: (o) => s(o.reason),
    reportingComponent: (o) => s(o.reportingComponent),
    source: (o) => s(o.source?.component) || s(o.reportingComponent),
    type: (o) => s(o.type),
  },
  Secret: {
    'metadata.name': (o) => o.metadata.name,
    'metadata.namespace': (o) => o.metadata.namespace,
    type: (o) => s(o.type),
  },
  Service: {
    'metadata.name': (o) => o.metadata.name,
    'metadata.namespace': (o) => o.metadata.namespace,
    'spec.clusterIP': (o) => s(o.spec.clusterIP),
    'spec.type': (o) => s(o.spec.type),
  },
  Job: {
    'metadata.name': (o) => o.metadata.name,
    'metadata.namespace': (o) => o.metadata.namespace,
    'status.successful': (o) => String(o.status?.succeeded ?? 0),
  },
  Deployment: { 'metadata.name': (o) => o.metadata.name, 'metadata.namespace': (o) => o.metadata.namespace },
  ConfigMap: { 'metadata.name': (o) => o.metadata.name, 'metadata.namespace': (o) => o.metadata.namespace },
  // Cluster-scoped without a conversion: metadata.namespace is taken, and reads "".
  StorageClass: { 'metadata.name': (o) => o.metadata.name, 'metadata.namespace': () => '' },
};

/** A label each kind refuses, with the exact message. */
const REFUSED: Partial<Record<KindName, [string, string]>> = {
  Pod: ['status.qosClass', 'field label not supported: status.qosClass'],
  Node: ['metadata.namespace', 'field label not supported: metadata.namespace'],
  Namespace: ['spec.finalizers', 'field label not supported: spec.finalizers'],
  Event: ['involvedObject.foo', 'field label not supported: involvedObject.foo'],
  Secret: ['data', 'field label not supported: data'],
  Service: ['spec.ports', 'field label not supported: spec.ports'],
  Job: ['status.failed', 'field label "status.failed" not supported for Job'],
  Deployment: [
    'spec.replicas',
    '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
  ],
  ConfigMap: ['data', '"data" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  StorageClass: [
    'provisioner',
    '"provisioner" is not a known field selector: only "metadata.name", "metadata.namespace"',
  ],
};

function cluster() {
  const d = kdrive({ seed: 3, profile: 'kind' });
  d.kubectl('create deployment web --image=nginx --replicas=2')
    .kubectl('create secret generic s1 --from-literal=a=b')
    .kubectl('create configmap c1 --from-literal=a=b')
    .kubectl('create job j1 --image=busybox -- true')
    .kubectl('create job j2 --image=busybox -- sleep 3600')
    .kubectl('expose deployment web --port=80 --type=NodePort')
    .advance(60_000);
  const node = d.cluster.list('Node')[1]?.metadata.name as string;
  d.kubectl(`cordon ${node}`).advance(1000);
  return d;
}

describe('each kind: its labels filter, another is refused (live cluster)', () => {
  const d = cluster();
  for (const [kind, reads] of Object.entries(READS) as [KindName, Record<string, (o: Any) => string>][]) {
    it(`${kind}: ${Object.keys(reads).length} labels`, () => {
      const all = d.cluster.list(kind);
      expect(all.length, kind).toBeGreaterThan(0);
      // Every label the test knows is one the module takes, and the module takes no other.
      expect([...fieldLabels(kind)].sort()).toEqual(Object.keys(reads).sort());
      for (const [label, read] of Object.entries(reads)) {
        // The value of the first object, and one no object has.
        for (const value of [read(all[0]), 'no-such-value']) {
          const eq = d.cluster.list(kind, { fieldSelector: `${label}=${value}` });
          expect(names(eq), `${kind} ${label}=${value}`).toEqual(names(all.filter((o) => read(o) === value)));
          const ne = d.cluster.list(kind, { fieldSelector: `${label}!=${value}` });
          expect(names(ne), `${kind} ${label}!=${value}`).toEqual(
            names(all.filter((o) => read(o) !== value)),
          );
        }
      }
      const [bad, message] = REFUSED[kind] as [string, string];
      expect(() => d.cluster.list(kind, { fieldSelector: `${bad}=x` }), kind).toThrow(message);
    });
  }

  it('the live cluster gives the filters something to tell apart', () => {
    // Else the table above could pass with every object alike.
    const pods = d.cluster.list('Pod');
    expect(new Set(pods.map((p: Any) => p.spec.nodeName)).size).toBeGreaterThan(1);
    expect(new Set(pods.map((p: Any) => String(Boolean(p.spec.hostNetwork)))).size).toBe(2);
    expect(new Set(d.cluster.list('Node').map((n: Any) => String(Boolean(n.spec?.unschedulable)))).size).toBe(
      2,
    );
    expect(new Set(d.cluster.list('Service').map((x: Any) => x.spec.type)).size).toBeGreaterThan(1);
    expect(new Set(d.cluster.list('Job').map((x: Any) => x.status?.succeeded ?? 0)).size).toBe(2);
  });

  it('terms are ANDed; metadata.namespace on a cluster-scoped kind matches only ""', () => {
    const pods = d.cluster.list('Pod', {
      fieldSelector: 'metadata.namespace=kube-system,spec.hostNetwork=true',
    });
    expect(pods.length).toBeGreaterThan(0);
    expect(
      pods.every((p: Any) => p.metadata.namespace === 'kube-system' && p.spec.hostNetwork === true),
    ).toBe(true);
    expect(d.cluster.list('StorageClass', { fieldSelector: 'metadata.namespace=default' })).toEqual([]);
    expect(d.cluster.list('StorageClass', { fieldSelector: 'metadata.namespace=' }).length).toBeGreaterThan(
      0,
    );
  });

  it('an empty selector (or only commas) selects everything', () => {
    const match = compileFieldSelector('Pod', ',,');
    expect(d.cluster.list('Pod').every(match)).toBe(true);
  });
});

function names(objs: readonly K8sObject[]): string[] {
  return objs.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);
}
