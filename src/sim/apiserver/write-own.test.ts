// ApiServer.writeOwn (a controller's Endpoints or EndpointSlice version, written without copies)
// against update and create: the same answer, the same stored object key for key, the same
// resourceVersions, for versions it takes and for the ones it hands to the general path.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { createCluster, type SimCluster } from '../cluster';
import type { ApiResult } from '../contract';
import { copyTop } from './copy';

// biome-ignore lint/suspicious/noExplicitAny: versions are built loosely, as the tests vary them.
type Any = any;

/** What a write left: its answer and the store, as comparable text. */
function outcome(c: SimCluster, r: ApiResult): string {
  const store = c.internals.store;
  return JSON.stringify({
    r,
    revision: store.revision,
    endpoints: c.list('Endpoints'),
    slices: c.list('EndpointSlice'),
  });
}

const endpoints = (name: string, extra: Any = {}): Any => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name, namespace: 'default', labels: { app: name }, annotations: { a: '1' }, ...extra },
  subsets: [{ addresses: [{ ip: '10.1.0.7' }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }],
});

const slice = (name: string): Any => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: {
    name,
    generateName: 'web-',
    namespace: 'default',
    labels: { 'kubernetes.io/service-name': 'web' },
    annotations: { a: '1' },
  },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.1.0.7'], conditions: { ready: true } }],
  ports: [{ name: '', protocol: 'TCP', port: 80 }],
});

/** Changes to a stored version, as a controller (or a confused caller) might make them. */
const updates: [string, (next: Any) => void][] = [
  ['new addresses', (n) => (n.subsets = [{ addresses: [{ ip: '10.1.0.8' }, { ip: '10.1.0.9' }] }])],
  ['not ready ones', (n) => (n.subsets = [{ notReadyAddresses: [{ ip: '10.1.0.8', nodeName: 'n1' }] }])],
  ['no subsets', (n) => delete n.subsets],
  ['nothing changed', () => {}],
  ['new annotations', (n) => (n.metadata.annotations = { a: '2' })],
  ['new labels', (n) => (n.metadata.labels = { app: 'x', b: 'y' })],
  ['an invalid label', (n) => (n.metadata.labels = { 'bad key!': 'y' })],
  ['a loopback address', (n) => (n.subsets = [{ addresses: [{ ip: '127.0.0.1' }] }])],
  ['a bad hostname', (n) => (n.subsets = [{ addresses: [{ ip: '10.1.0.8', hostname: 'Bad_' }] }])],
  [
    'a port without protocol',
    (n) => (n.subsets = [{ addresses: [{ ip: '10.1.0.8' }], ports: [{ port: 81 }] }]),
  ],
  ['a subset with no address', (n) => (n.subsets = [{ ports: [{ port: 81, protocol: 'TCP' }] }])],
  ['another uid', (n) => (n.metadata.uid = 'other')],
  ['another creationTimestamp', (n) => (n.metadata.creationTimestamp = '2020-01-01T00:00:00Z')],
  ['a deletionTimestamp', (n) => (n.metadata.deletionTimestamp = '2020-01-01T00:00:00Z')],
  ['another apiVersion', (n) => (n.apiVersion = 'v2')],
  ['keys out of order', (n) => Object.assign(n, { extra: 1, apiVersion: n.apiVersion })],
  ['slice endpoints', (n) => (n.endpoints = [{ addresses: ['10.1.0.9'], conditions: { ready: false } }])],
  ['slice with no endpoints', (n) => Object.assign(n, { endpoints: null, ports: null })],
];

/** The changes writeOwn itself writes (the others differ in what it relies on, or are refused). */
const OWN = [
  'new addresses',
  'not ready ones',
  'no subsets',
  'new annotations',
  'new labels',
  'keys out of order',
];

/** A cluster with `obj` created the ordinary way; `mark`: then deleted under a finalizer. */
function withStored(obj: Any, mark: boolean): SimCluster {
  const c = createCluster({ seed: 7 });
  const created = c.internals.api.create(structuredClone(obj));
  if (!created.ok) throw new Error(created.error.message);
  if (mark) {
    const o: Any = c.internals.store.get(obj.kind, 'default', obj.metadata.name);
    c.internals.api.update({ ...o, metadata: { ...o.metadata, finalizers: ['x/y'] } });
    c.internals.api.delete(obj.kind, 'default', obj.metadata.name);
  }
  return c;
}

function stored(c: SimCluster, o: Any): K8sObject {
  return c.internals.store.get(o.kind, 'default', o.metadata.name) as K8sObject;
}

/** The version a controller builds over `old`: fresh top level and metadata, then `change`. */
function nextOf(old: Any, change: (n: Any) => void): Any {
  const n = copyTop(old);
  n.metadata = { ...old.metadata };
  change(n);
  return n;
}

describe('ApiServer.writeOwn', () => {
  for (const base of [endpoints('web'), slice('web-abcde')])
    for (const mark of [false, true])
      for (const [what, change] of updates)
        it(`updates a ${base.kind}${mark ? ' marked for deletion' : ''} like update: ${what}`, () => {
          const a = withStored(base, mark);
          const b = withStored(base, mark);
          const finalizers = (n: Any) => {
            change(n);
            // Marked: the update drops the finalizer (which deletes) unless the change keeps it.
            if (mark && what === 'no subsets') delete n.metadata.finalizers;
          };
          const next = nextOf(stored(a, base), finalizers);
          const ra = a.internals.api.writeOwn(next, stored(a, base));
          const rb = b.internals.api.update(nextOf(stored(b, base), finalizers));
          expect(outcome(a, ra)).toBe(outcome(b, rb));
          // The usual controller write is stored as handed over (no copy), not by update.
          // (A slice has no subsets: removing them changes nothing.)
          if (OWN.includes(what) && !((mark || base.kind === 'EndpointSlice') && what === 'no subsets'))
            expect(ra.ok && ra.object.metadata).toBe(next.metadata);
        });

  // `changed` (the controllers' word that a field's JSON differs) skips only update's no-op check:
  // given whenever the content or labels differ from the stored ones, as they give it, the answer
  // and the store are update's. (Ports without a protocol: defaulting fills it in, and the check
  // runs again.)
  const content = (o: Any): string =>
    JSON.stringify([o.subsets ?? [], o.endpoints, o.ports, o.metadata.labels ?? {}]);
  for (const base of [endpoints('web'), slice('web-abcde')])
    for (const mark of [false, true])
      for (const [what, change] of [
        ...updates,
        [
          'the stored ports again',
          (n: Any) => (n.subsets = [{ ...n.subsets[0], addresses: [{ ip: '10.1.0.8' }] }]),
        ],
        [
          'ports that defaulting completes to the stored ones',
          (n: Any) => (n.subsets = [{ ...n.subsets[0], ports: [{ name: 'http', port: 80 }] }]),
        ],
      ] as [string, (n: Any) => void][])
        it(`updates a ${base.kind}${mark ? ' marked for deletion' : ''} said to have changed like update: ${what}`, () => {
          const a = withStored(base, mark);
          const b = withStored(base, mark);
          if (base.kind === 'EndpointSlice' && what.includes('ports')) return; // an Endpoints' subsets
          const next = nextOf(stored(a, base), change);
          const changed = content(next) !== content(stored(a, base));
          const ra = a.internals.api.writeOwn(next, stored(a, base), changed);
          const rb = b.internals.api.update(nextOf(stored(b, base), change));
          expect(outcome(a, ra)).toBe(outcome(b, rb));
        });

  it('takes the general path for an old version that is no longer the stored one', () => {
    const a = withStored(endpoints('web'), false);
    const b = withStored(endpoints('web'), false);
    const oldA = stored(a, endpoints('web'));
    const oldB = stored(b, endpoints('web'));
    for (const [c, old] of [
      [a, oldA],
      [b, oldB],
    ] as const)
      c.internals.api.update(nextOf(old, (n) => (n.metadata.annotations = { a: '3' })));
    const ra = a.internals.api.writeOwn(
      nextOf(oldA, (n) => (n.subsets = [{ addresses: [{ ip: '10.1.0.8' }] }])),
      oldA,
    );
    const rb = b.internals.api.update(
      nextOf(oldB, (n) => (n.subsets = [{ addresses: [{ ip: '10.1.0.8' }] }])),
    );
    expect(outcome(a, ra)).toBe(outcome(b, rb));
  });

  const creates: [string, Any][] = [
    ['an Endpoints', endpoints('web')],
    [
      'an Endpoints without subsets',
      (() => {
        const o = endpoints('web');
        delete o.subsets;
        return o;
      })(),
    ],
    ['an Endpoints in no namespace', endpoints('web', { namespace: undefined })],
    ['an Endpoints in a missing namespace', endpoints('web', { namespace: 'nope' })],
    ['an Endpoints with a bad address', { ...endpoints('web'), subsets: [{ addresses: [{ ip: 'x' }] }] }],
    ['an Endpoints with a bad name', endpoints('Bad_Name')],
    ['an Endpoints named by generateName', endpoints('', { generateName: 'web-' })],
    ['an Endpoints with system fields', endpoints('web', { uid: 'u', deletionTimestamp: 'x' })],
    ['an EndpointSlice', slice('web-abcde')],
    ['a slice of another apiVersion', { ...slice('web-abcde'), apiVersion: 'v1' }],
  ];
  for (const [what, obj] of creates)
    it(`creates ${what} like create`, () => {
      const a = createCluster({ seed: 7 });
      const b = createCluster({ seed: 7 });
      const handed = structuredClone(obj);
      const ra = a.internals.api.writeOwn(handed, undefined);
      const rb = b.internals.api.create(structuredClone(obj));
      expect(outcome(a, ra)).toBe(outcome(b, rb));
      if (what === 'an Endpoints' || what === 'an EndpointSlice')
        expect(ra.ok && ra.object.metadata).toBe(handed.metadata);
      // A second create of the same name: AlreadyExists either way.
      expect(outcome(a, a.internals.api.writeOwn(structuredClone(obj), undefined))).toBe(
        outcome(b, b.internals.api.create(structuredClone(obj))),
      );
    });
});
