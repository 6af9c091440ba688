// putStatusIn's quick inequality (server.ts statusDiffers) against deepEqual, the answer it
// shortcuts: whenever it says two statuses differ, deepEqual must say they are not equal. Random
// pairs of status-like objects whose phase, hostIP and podIP come from a small pool (missing,
// undefined, null, NaN, equal and distinct strings and numbers, equal and distinct objects and
// arrays), plus the kubelet's three usual writes, which it must tell apart without deepEqual.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual, deepEqualScalarsFirst } from './json';
import { statusDiffers } from './server';

// biome-ignore lint/suspicious/noExplicitAny: JSON values.
type Any = any;

const MISSING = Symbol('missing');
const value = fc.constantFrom<unknown>(
  MISSING,
  undefined,
  null,
  Number.NaN,
  0,
  'Pending',
  'Running',
  '10.0.0.1',
  '10.0.0.2',
  { ip: '10.0.0.1' },
  { ip: '10.0.0.2' },
  [{ ip: '10.0.0.1' }],
  [],
  {},
);
const copyOf = (v: unknown): unknown => (typeof v === 'object' && v !== null ? structuredClone(v) : v);
const status = fc
  .record({ phase: value, hostIP: value, podIP: value, qosClass: value, conditions: value })
  .map((r) => {
    const o: Any = {};
    for (const [k, v] of Object.entries(r)) if (v !== MISSING) o[k] = copyOf(v);
    return o;
  });

describe('statusDiffers', () => {
  it('says "differ" only when deepEqual says not equal', () => {
    fc.assert(
      fc.property(status, status, fc.boolean(), (a, b0, same) => {
        // Half the time b is a deep copy of a with some keys redrawn, so equal pairs are common.
        const b = same
          ? { ...structuredClone(a), ...Object.fromEntries(Object.entries(b0).slice(0, 1)) }
          : b0;
        if (statusDiffers(a, b)) {
          expect(deepEqual(a, b)).toBe(false);
          expect(deepEqualScalarsFirst(a, b)).toBe(false);
        }
        // A deep copy differs only where deepEqual says so too (NaN).
        const c = structuredClone(a);
        if (statusDiffers(a, c)) expect(deepEqual(a, c)).toBe(false);
      }),
      { seed: 23, numRuns: 5000 },
    );
  });

  it('tells the kubelet writes apart from the status before them', () => {
    const conditions = [{ type: 'PodScheduled', status: 'True' }];
    const bound = { phase: 'Pending', qosClass: 'BestEffort', conditions };
    const admitted = { ...bound, hostIP: '172.18.0.2', hostIPs: [{ ip: '172.18.0.2' }], startTime: 't' };
    const sandbox = { ...admitted, podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }] };
    const running = { ...sandbox, phase: 'Running' };
    expect(statusDiffers(bound, admitted)).toBe(true);
    expect(statusDiffers(admitted, sandbox)).toBe(true);
    expect(statusDiffers(sandbox, running)).toBe(true);
    expect(statusDiffers(admitted, running)).toBe(true);
    // Only conditions or container statuses changed: not known here (deepEqual decides).
    expect(statusDiffers(running, { ...running, conditions: [] })).toBe(false);
    expect(statusDiffers(undefined, running)).toBe(false);
    expect(statusDiffers(running, null)).toBe(false);
  });
});
