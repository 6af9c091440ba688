// The page's boot: its cluster (cluster-core, without src/sim/late-impl) is created before the late
// parts load, so the system Deployments' pod-template-hashes come from deployment-hash's table of
// boot-time templates. This file must not import late-impl (or cluster.ts, which does): vitest gives
// each test file its own modules, so here the late parts are never bound, as on the page.
import { describe, expect, it } from 'vitest';
import { stableStringify } from '../apiserver/json';
import { createCluster } from '../cluster-core';
import type { ProfileName } from '../contract';
import { latePartsLoaded } from '../late';
import { bootTemplateHash, computeHash, fnv32aUtf8, safeEncodeString } from './deployment-hash';
import { spewTemplate } from './spew';

const PROFILES: ProfileName[] = ['docker-desktop', 'kind', 'k3s'];

describe('pod-template-hash before the late parts load (the page boot)', () => {
  const booted = PROFILES.map((profile) => {
    const c = createCluster({ seed: 1, profile });
    c.advance(5_000);
    return { profile, c };
  });

  it('the late parts are not bound in this file', () => {
    expect(latePartsLoaded()).toBe(false);
  });

  it("every profile's system Deployments are in the boot table, with their spew dump's hash", () => {
    // key → hash for every boot template: on a mismatch, paste the received table into
    // deployment-hash.ts's BOOT_TEMPLATES.
    const expected: Record<number, number> = {};
    for (const { c } of booted)
      for (const d of c.list('Deployment')) {
        const t = d.spec.template;
        expected[fnv32aUtf8(stableStringify(t))] = fnv32aUtf8(spewTemplate(t));
      }
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(4);
    const table: Record<number, number | undefined> = {};
    for (const { c } of booted)
      for (const d of c.list('Deployment'))
        table[fnv32aUtf8(stableStringify(d.spec.template))] = bootTemplateHash(d.spec.template);
    expect(table).toEqual(expected);
  });

  it('their ReplicaSets are named with the printer’s hash, which computeHash gives without the late parts', () => {
    for (const { profile, c } of booted) {
      const names = c.list('ReplicaSet').map((r) => r.metadata.name);
      const want = c
        .list('Deployment')
        .map(
          (d) => `${d.metadata.name}-${safeEncodeString(String(fnv32aUtf8(spewTemplate(d.spec.template))))}`,
        );
      expect(want.length, profile).toBeGreaterThan(0);
      expect(names.sort(), profile).toEqual(want.sort());
      for (const d of c.list('Deployment'))
        expect(computeHash(d.spec.template)).toBe(
          safeEncodeString(String(fnv32aUtf8(spewTemplate(d.spec.template)))),
        );
    }
  });
});
