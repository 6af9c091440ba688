import { describe, expect, it } from 'vitest';
import type { EndpointAddress, EndpointSlice, EndpointSliceEndpoint, Pod } from '../api/types';
import { pod, service } from '../net/test-helpers';
import { computeSubsets } from './endpoints';
import {
  conditions,
  isEntryAddress,
  isEntrySliceEndpoint,
  isEntryTargetRef,
  PreviousEntries,
} from './endpoints-reuse';
import { PodEntry } from './endpoints-state';
import { TRIGGER_TIME, withTriggerTime } from './endpoints-util';
import { desiredSlices } from './endpointslice';

const p = (name: string, ip: string, o: Parameters<typeof pod>[1] = {}): Pod => ({
  ...pod(name, { labels: { app: 'web' }, ip, node: 'n1', ...o }),
  metadata: { ...pod(name).metadata, labels: { app: 'web' }, uid: `uid-${name}` },
});

describe('reusing the entries written last time', () => {
  const a = p('a', '10.1.0.5');
  const b = p('b', '10.1.0.6', { ready: false });
  const entry = (pod: Pod) => PodEntry.of(pod, service('web', { selector: { app: 'web' } }), true);

  it('accepts only an entry that serialises exactly as a new one would (keys, order, values)', () => {
    const built = computeSubsets(service('web', { selector: { app: 'web' } }), [a])[0]
      ?.addresses?.[0] as EndpointAddress;
    expect(isEntryAddress(built, entry(a))).toBe(true);
    // Same JSON value, other key order: reusing it would change the written text.
    const reordered = { nodeName: 'n1', ip: '10.1.0.5', targetRef: built.targetRef } as EndpointAddress;
    expect(isEntryAddress(reordered, entry(a))).toBe(false);
    expect(isEntryAddress({ ...built, hostname: 'h' }, entry(a))).toBe(false);
    expect(isEntryAddress(built, entry(p('a', '10.1.0.5', { node: 'n2' })))).toBe(false);
    expect(isEntryAddress(built, entry(p('a', '10.1.0.6')))).toBe(false);
    const { uid, name, namespace, kind } = entry(a).ref();
    expect(isEntryTargetRef({ kind, namespace, name, uid }, entry(a))).toBe(true);
    expect(isEntryTargetRef({ kind, name, namespace, uid }, entry(a))).toBe(false);
    expect(isEntryTargetRef({ kind, namespace, name, uid: 'other' }, entry(a))).toBe(false);
  });

  it('slice endpoints: conditions are shared frozen values, compared by content when not shared', () => {
    const c = conditions(true, true, false);
    expect(c).toBe(conditions(true, true, false));
    expect(Object.isFrozen(c)).toBe(true);
    expect(c).toEqual({ ready: true, serving: true, terminating: false });
    const e: EndpointSliceEndpoint = {
      addresses: ['10.1.0.5'],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: entry(a).ref(),
      nodeName: 'n1',
    };
    expect(isEntrySliceEndpoint(e, entry(a), c)).toBe(true);
    expect(isEntrySliceEndpoint(e, entry(a), conditions(false, true, false))).toBe(false);
    const otherOrder = { ...e, conditions: { serving: true, ready: true, terminating: false } };
    expect(isEntrySliceEndpoint(otherOrder, entry(a), c)).toBe(false);
    expect(isEntrySliceEndpoint({ ...e, addresses: ['10.1.0.5', '10.1.0.6'] }, entry(a), c)).toBe(false);
  });

  it('an unchanged address or slice endpoint is the same object in the next desired state', () => {
    const svc = service('web', { selector: { app: 'web' } });
    const first = computeSubsets(svc, [a, b]);
    const bReady = p('b', '10.1.0.6');
    const next = computeSubsets(svc, [a, bReady], first);
    expect(next).toEqual(computeSubsets(svc, [a, bReady]));
    expect(next[0]?.addresses?.[0]).toBe(first[0]?.addresses?.[0]); // a: unchanged, carried over
    // An address does not say whether it is ready (the list it is in does): b's is carried over too.
    expect(next[0]?.addresses?.[1]).toBe(first[0]?.notReadyAddresses?.[0]);
    const moved = computeSubsets(svc, [a, p('b', '10.1.0.7', { ready: false })], first);
    expect(moved[0]?.notReadyAddresses?.[0]).toEqual({ ...first[0]?.notReadyAddresses?.[0], ip: '10.1.0.7' });
    expect(moved[0]?.notReadyAddresses?.[0]).not.toBe(first[0]?.notReadyAddresses?.[0]); // new IP: new entry
    const slices = desiredSlices(svc, [a, b]);
    const stored = [{ endpoints: slices[0]?.endpoints ?? null }] as unknown as EndpointSlice[];
    const again = desiredSlices(svc, [a, bReady], stored);
    expect(again).toEqual(desiredSlices(svc, [a, bReady]));
    expect(again[0]?.endpoints?.[0]).toBe(slices[0]?.endpoints?.[0]);
    expect(again[0]?.endpoints?.[1]).not.toBe(slices[0]?.endpoints?.[1]); // b's conditions changed
  });

  it('finds the first entry for an IP by scanning a few and through a map for many', () => {
    for (const n of [3, 40]) {
      const prev = new PreviousEntries<{ ip: string; i: number }>((e) => e.ip);
      const entries = Array.from({ length: n }, (_, i) => ({ ip: `10.0.0.${i % (n - 1)}`, i }));
      prev.add(entries);
      expect(prev.get('10.0.0.0')?.i).toBe(0); // the duplicate at the end is not returned
      expect(prev.get(`10.0.0.${n - 2}`)?.i).toBe(n - 2);
      expect(prev.get('10.9.9.9')).toBeUndefined();
    }
  });

  it('keeps the stored annotations when they already carry the trigger time, else spreads them', () => {
    const t = '2026-01-01T00:00:05Z';
    const stored = { a: '1', [TRIGGER_TIME]: t, z: '2' };
    expect(withTriggerTime(stored, t)).toBe(stored);
    for (const [before, time] of [
      [stored, '2026-01-01T00:00:06Z'],
      [{ a: '1' }, t],
      [undefined, t],
    ] as const) {
      const got = withTriggerTime(before, time);
      expect(JSON.stringify(got)).toBe(JSON.stringify({ ...(before ?? {}), [TRIGGER_TIME]: time }));
      expect(got).not.toBe(before);
    }
  });
});
