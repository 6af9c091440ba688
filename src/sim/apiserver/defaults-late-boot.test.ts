// The page boots its cluster before the late parts load, so the boot's own objects never pass
// through ./defaults-late. That is only right if they need nothing from it: every system Pod,
// Deployment and ReplicaSet spec must be a fixed point of the late defaulting, so that the same
// objects applied later (late parts loaded) would be stored the same and hash the same. This file
// must not import late-impl (or cluster.ts): here the late parts are never bound, as on the page.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster-core';
import type { ProfileName } from '../contract';
import { latePartsLoaded } from '../late';
import { defaultRest } from './defaults-late';

// biome-ignore lint/suspicious/noExplicitAny: reading loosely typed specs.
type Any = any;

const PROFILES: ProfileName[] = ['docker-desktop', 'kind', 'k3s'];

describe('the boot objects need none of the late defaults', () => {
  it('the late parts are not bound in this file', () => {
    expect(latePartsLoaded()).toBe(false);
  });

  for (const profile of PROFILES)
    it(`${profile}: every system Pod and workload template is a fixed point`, () => {
      const c = createCluster({ seed: 1, profile });
      c.advance(5_000);
      const specs: [string, Any, boolean][] = [];
      for (const p of c.list('Pod')) specs.push([`Pod ${p.metadata.name}`, p.spec, true]);
      for (const kind of ['Deployment', 'ReplicaSet'] as const)
        for (const o of c.list(kind))
          specs.push([`${kind} ${o.metadata.name}`, (o.spec as Any).template.spec, false]);
      expect(specs.length).toBeGreaterThan(4);
      let volumes = 0;
      for (const [what, spec, pod] of specs) {
        volumes += spec.volumes?.length ?? 0;
        // The very object back: nothing to add, as a template's or a Pod's spec.
        expect(defaultRest(spec), what).toBe(spec);
        expect(defaultRest(spec, pod), what).toBe(spec);
      }
      // The ServiceAccount token volumes were checked (the only volumes at boot).
      expect(volumes).toBeGreaterThan(0);
    });
});
