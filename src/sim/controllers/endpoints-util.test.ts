// withLabelsAndAnnotations against the spread it stands for, on the metadata shapes it writes out
// as literals and on shapes it copies generically.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  EndpointAddress,
  EndpointSlice,
  EndpointSliceEndpoint,
  EndpointSubset,
  Endpoints,
  K8sObject,
} from '../api/types';
import { copyTop } from '../apiserver/copy';
import { nextEndpoints } from './endpoints';
import { conditions } from './endpoints-reuse';
import {
  sameJSON,
  sliceEndpointsDiffer,
  subsetsDiffer,
  TRIGGER_TIME,
  withLabelsAndAnnotations,
  withTriggerTime,
} from './endpoints-util';
import { nextSlice } from './endpointslice';

const spread = (
  m: K8sObject['metadata'],
  labels: Record<string, string>,
  annotations: Record<string, string>,
) => ({
  ...m,
  labels,
  annotations,
});

const LABELS = { a: '1' };
const ANNOTATIONS = { 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T00:00:00Z' };

const endpointsMeta = () => ({
  name: 'web',
  namespace: 'default',
  labels: { old: 'x' },
  annotations: { old: 'y' },
  uid: 'u-1',
  resourceVersion: '12',
  creationTimestamp: '2026-01-01T00:00:00Z',
});

const sliceMeta = () => ({
  name: 'web-abcde',
  generateName: 'web-',
  namespace: 'default',
  labels: { old: 'x' },
  annotations: { old: 'y' },
  ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'u-0' }],
  uid: 'u-2',
  resourceVersion: '13',
  creationTimestamp: '2026-01-01T00:00:00Z',
});

describe('withLabelsAndAnnotations', () => {
  const cases: [string, () => Record<string, unknown>][] = [
    ['an Endpoints of the controller', endpointsMeta],
    ['a slice of the controller', sliceMeta],
    ['an Endpoints with a user key more', () => ({ ...endpointsMeta(), finalizers: ['f'] })],
    [
      'a slice without ownerReferences',
      () => {
        const m: Record<string, unknown> = sliceMeta();
        delete m.ownerReferences;
        return m;
      },
    ],
    [
      'keys in another order',
      () => {
        const { name, ...rest } = endpointsMeta();
        return { ...rest, name };
      },
    ],
    [
      'no labels or annotations yet',
      () => ({ name: 'web', namespace: 'default', uid: 'u', resourceVersion: '1' }),
    ],
    ['a key whose value is undefined', () => ({ ...endpointsMeta(), uid: undefined })],
    ['an inherited key', () => Object.assign(Object.create({ inherited: 1 }), endpointsMeta())],
  ];
  for (const [name, make] of cases)
    it(`${name}: the spread's keys, order and values, in a new object`, () => {
      const m = make() as unknown as K8sObject['metadata'];
      const out = withLabelsAndAnnotations(m, LABELS, ANNOTATIONS);
      const want = spread(m, LABELS, ANNOTATIONS);
      expect(out).not.toBe(m);
      expect(Object.keys(out)).toEqual(Object.keys(want));
      expect(out).toEqual(want);
      expect(JSON.stringify(out)).toBe(JSON.stringify(want));
      expect(out.labels).toBe(LABELS);
      expect(out.annotations).toBe(ANNOTATIONS);
    });
});

describe('withTriggerTime (the spread { ...annotations, [TRIGGER_TIME]: time })', () => {
  const spreadTime = (a: Record<string, string> | undefined, time: string) => ({
    ...a,
    [TRIGGER_TIME]: time,
  });
  const cases: (Record<string, string> | undefined)[] = [
    undefined,
    {},
    { [TRIGGER_TIME]: '2026-01-08T09:30:00Z' },
    { [TRIGGER_TIME]: '2026-01-08T09:30:05Z' },
    { a: 'x', [TRIGGER_TIME]: '2026-01-08T09:30:00Z' },
    { [TRIGGER_TIME]: '2026-01-08T09:30:00Z', b: 'y' },
    { c: 'z' },
  ];
  it('has the spread keys, order and values, and keeps annotations that already say the time', () => {
    for (const time of ['2026-01-08T09:30:00Z', '2026-01-08T09:31:00Z'])
      for (const a of cases) {
        const got = withTriggerTime(a, time);
        const want = spreadTime(a, time);
        expect(Object.keys(got)).toEqual(Object.keys(want));
        expect(got).toEqual(want);
        if (a?.[TRIGGER_TIME] === time) expect(got).toBe(a);
        else expect(got).not.toBe(a); // a stored object is never changed
      }
  });
  it('shares one object per time among annotations holding the trigger time alone, never another key', () => {
    const t = '2026-01-08T09:32:00Z';
    const shared = withTriggerTime(undefined, t);
    expect(withTriggerTime({ [TRIGGER_TIME]: '2026-01-08T09:30:00Z' }, t)).toBe(shared);
    expect(withTriggerTime({}, t)).not.toBe(shared);
    const other = withTriggerTime({ [TRIGGER_TIME]: '2026-01-08T09:30:00Z', b: 'y' }, t);
    expect(other).not.toBe(shared);
    expect(other).toEqual({ [TRIGGER_TIME]: t, b: 'y' });
    expect(withTriggerTime(undefined, '2026-01-08T09:33:00Z')).toEqual({
      [TRIGGER_TIME]: '2026-01-08T09:33:00Z',
    });
  });
});

describe('subsetsDiffer and sliceEndpointsDiffer (a difference told before sameJSON)', () => {
  // Addresses and endpoints from a small pool, each either the pool's object or a copy of it (the
  // same JSON, another object); lists of them built as the controllers build them, and stored
  // lists as anyone may have written them (copies, other lengths, keys left out or undefined).
  const ADDRESSES: EndpointAddress[] = ['10.1.0.2', '10.1.0.3', '10.1.0.4'].map((ip) => ({
    ip,
    nodeName: 'n1',
    targetRef: { kind: 'Pod', namespace: 'default', name: ip, uid: ip },
  }));
  const address = fc.record({ i: fc.nat(2), copy: fc.boolean() }).map(({ i, copy }) => {
    const a = ADDRESSES[i] as EndpointAddress;
    return copy ? structuredClone(a) : a;
  });
  const list = fc.option(fc.array(address, { maxLength: 3 }), { nil: undefined });
  const built = fc.array(fc.record({ ready: list, notReady: list }), { maxLength: 2 }).map((subs) =>
    subs.map(({ ready, notReady }) => {
      const s: EndpointSubset = {};
      if (ready?.length) s.addresses = ready;
      if (notReady?.length) s.notReadyAddresses = notReady;
      s.ports = [{ port: 80, protocol: 'TCP' }];
      return s;
    }),
  );
  const stored = fc.oneof(
    built,
    built.map((b) => structuredClone(b)),
    built.map((b) => b.map((s) => ({ ...s, addresses: undefined }))),
    fc.constant(undefined),
    fc.constant([{}]),
  );
  it('subsetsDiffer is true only where sameJSON is false', () => {
    let told = 0;
    let same = 0;
    fc.assert(
      fc.property(stored, built, (a, b) => {
        const differs = subsetsDiffer(a ?? [], b);
        if (differs) {
          told++;
          expect(sameJSON(a ?? [], b)).toBe(false);
        } else if (sameJSON(a ?? [], b)) same++;
      }),
      { seed: 20261128, numRuns: 2000 },
    );
    expect(told).toBeGreaterThan(300);
    expect(same).toBeGreaterThan(100);
  });

  const ENDPOINTS: EndpointSliceEndpoint[] = ADDRESSES.map((a) => ({
    addresses: [a.ip],
    conditions: conditions(true, true, false),
    targetRef: a.targetRef as NonNullable<EndpointAddress['targetRef']>,
    nodeName: 'n1',
  }));
  const endpointOf = (canDrop: boolean) =>
    fc
      .record({ i: fc.nat(2), copy: fc.boolean(), ready: fc.boolean(), drop: fc.boolean() })
      .map(({ i, copy, ready, drop }) => {
        const e = ENDPOINTS[i] as EndpointSliceEndpoint;
        if (!copy) return e;
        const c = structuredClone(e);
        c.conditions = conditions(ready, true, false);
        if (drop && canDrop) delete (c as Partial<EndpointSliceEndpoint>).conditions;
        return c;
      });
  // Stored endpoints may lack conditions; the controller's always have them.
  const endpoints = fc.option(fc.array(endpointOf(true), { maxLength: 3 }), { nil: null });
  const builtEndpoints = fc.option(fc.array(endpointOf(false), { maxLength: 3 }), { nil: null });
  it('sliceEndpointsDiffer is true only where sameJSON is false', () => {
    let told = 0;
    let same = 0;
    fc.assert(
      fc.property(endpoints, builtEndpoints, (a, b) => {
        if (sliceEndpointsDiffer(a, b)) {
          told++;
          expect(sameJSON(a, b)).toBe(false);
        } else if (sameJSON(a, b)) same++;
      }),
      { seed: 20261128, numRuns: 2000 },
    );
    expect(told).toBeGreaterThan(300);
    expect(same).toBeGreaterThan(100);
  });
});

describe('nextEndpoints and nextSlice (the next version as a literal)', () => {
  // Against copyTop's copy given the new fields, as the controllers wrote it before: the same
  // keys in the same order with the same values, on the controllers' own top levels and others.
  const meta = { name: 'web', namespace: 'default' } as K8sObject['metadata'];
  const subsets: EndpointSubset[] = [{ addresses: [{ ip: '10.1.0.2' }] }];
  const base = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'old' } };
  const endpointsTops: Record<string, unknown>[] = [
    base,
    { ...base, subsets: [] },
    { ...base, subsets: [{}], extra: 1 },
    { kind: 'Endpoints', apiVersion: 'v1', metadata: {}, subsets: [] },
    { apiVersion: 'v1', kind: 'Endpoints', subsets: [], metadata: {} },
    Object.assign(Object.create({ inherited: 1 }), base),
  ];
  it('nextEndpoints', () => {
    for (const top of endpointsTops)
      for (const want of [subsets, []]) {
        const general = copyTop(top);
        general.metadata = meta;
        if (want.length) general.subsets = want;
        else delete general.subsets;
        const next = nextEndpoints(top as unknown as Endpoints, meta, want);
        expect(Object.keys(next)).toEqual(Object.keys(general));
        expect(JSON.stringify(next)).toBe(JSON.stringify(general));
      }
  });
  const sliceBase = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'old' },
    addressType: 'IPv4',
    endpoints: null,
    ports: null,
  };
  const sliceTops: Record<string, unknown>[] = [
    sliceBase,
    { ...sliceBase, extra: 1 },
    {
      kind: 'EndpointSlice',
      apiVersion: 'discovery.k8s.io/v1',
      metadata: {},
      addressType: 'IPv4',
      endpoints: null,
      ports: null,
    },
    { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {}, endpoints: [], ports: [] },
    { ...sliceBase, ports: undefined, endpoints: undefined, addressType: 'IPv6' },
  ];
  it('nextSlice', () => {
    const w = { ports: [{ name: '', port: 80, protocol: 'TCP' as const }], endpoints: [] };
    for (const top of sliceTops) {
      const general = copyTop(top);
      general.metadata = meta;
      general.endpoints = w.endpoints;
      general.ports = w.ports;
      const next = nextSlice(top as unknown as EndpointSlice, meta, w);
      expect(Object.keys(next)).toEqual(Object.keys(general));
      expect(JSON.stringify(next)).toBe(JSON.stringify(general));
    }
  });
});
