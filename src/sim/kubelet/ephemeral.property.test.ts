// Property (fast-check, seed 20261126, printed on failure): random sequences of ephemeral
// container additions (good and bad images, commands that end, shells) with attached-shell exits,
// time passing and patches that repeat or change an existing container: an ephemeral container's
// status never leaves Terminated (the kubelet never restarts one), never shows Running with an
// unpullable image, restartCount stays 0, the spec list only grows, every
// refusal is a 422 Invalid, and the same seed and steps give the same Pod. (Their order is the
// strategic merge's: a patch without $setElementOrder puts its new item first, as Go's does.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, type SimCluster } from '../cluster';
import { endAttachedProcess } from './ephemeral';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { containers: [{ name: 'web', image: 'kiamol/ch03-numbers-api' }] },
};

type Step =
  | { op: 'add'; name: string; image: string; command: readonly string[] | undefined; stdin: boolean }
  | { op: 'exit'; name: string; code: number }
  | { op: 'wait'; ms: number };

const NAMES = ['a', 'b', 'c', 'web'];
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    name: fc.constantFrom(...NAMES),
    image: fc.constantFrom('busybox', 'busybox:1.36', 'busybx', 'alpine'),
    command: fc.option(fc.constantFrom(['true'], ['false'], ['sleep', '3'], ['nslookup', 'kubernetes']), {
      nil: undefined,
    }),
    stdin: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('exit' as const),
    name: fc.constantFrom(...NAMES),
    code: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 15_000 }) }),
);

function play(seed: number, steps: Step[], check?: (c: SimCluster, prev: Any) => void): string {
  const c = createCluster({ seed });
  c.apply([POD]);
  c.advance(20_000);
  let prev: Any = c.get('Pod', 'default', 'web');
  const unsub = c.subscribe(() => {
    const now = c.get('Pod', 'default', 'web') as Any;
    check?.(c, { prev, now });
    prev = now;
  });
  for (const s of steps) {
    if (s.op === 'add') {
      const ec: Any = { name: s.name, image: s.image, terminationMessagePolicy: 'File' };
      if (s.command) ec.command = s.command;
      if (s.stdin) ec.stdin = true;
      const r = c.patch(
        'Pod',
        'default',
        'web',
        'strategic',
        JSON.stringify({ spec: { ephemeralContainers: [ec] } }),
        {
          subresource: 'ephemeralcontainers',
        },
      );
      if (!r.ok) expect([r.error.code, r.error.reason]).toEqual([422, 'Invalid']);
    } else if (s.op === 'exit') {
      endAttachedProcess(c, 'Pod/default/web', s.name, s.code);
      c.runUntilIdle();
    } else c.advance(s.ms);
  }
  unsub();
  return JSON.stringify(c.get('Pod', 'default', 'web'));
}

describe('ephemeral containers under random steps', () => {
  it('never restart, never run an unpullable image, are never dropped; deterministic', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(step, { maxLength: 12 }), (seed, steps) => {
        const first = play(seed, steps, (_c, { prev, now }) => {
          const before = new Map<string, Any>(
            (prev?.status?.ephemeralContainerStatuses ?? []).map((s: Any) => [s.name, s]),
          );
          const names = (now?.spec?.ephemeralContainers ?? []).map((e: Any) => e.name);
          const old = (prev?.spec?.ephemeralContainers ?? []).map((e: Any) => e.name);
          // A patch without $setElementOrder puts its new items first (normalizeElementOrder).
          for (const n of old) expect(names).toContain(n);
          for (const s of now?.status?.ephemeralContainerStatuses ?? []) {
            seen.add(Object.keys(s.state)[0] as string);
            expect(s.restartCount).toBe(0);
            if (before.get(s.name)?.state?.terminated) expect(s.state).toEqual(before.get(s.name).state);
            const spec = now.spec.ephemeralContainers.find((e: Any) => e.name === s.name);
            if (spec.image === 'busybx') expect(s.state.running).toBeUndefined();
          }
        });
        expect(play(seed, steps)).toBe(first);
      }),
      { seed: 20261126, numRuns: 25 },
    );
    // The steps reached every state the kubelet writes.
    expect([...seen].sort()).toEqual(['running', 'terminated', 'waiting']);
  });
});
