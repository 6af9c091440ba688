// Reading a published object early never changes what the cluster writes. Two of them were built
// from state read at their first build and kept: the root CA in every kube-root-ca.crt (from
// kube-system, which did not exist yet when `default`'s ConfigMap was added) and a boot
// DaemonSet's status before its first sync (an early snapshot made the sync write once more).
// Now the boot fixes the CA's identity before the first namespace (Store.caIdentity, root-ca.ts)
// and an unsynced DaemonSet's live status is never kept (LazyObject.transient, published-build.ts).
import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../api/kinds';
import type { K8sObject, KindName } from '../api/types';
import { createCluster } from '../cluster';
import type { ProfileName } from '../contract';
import { recordVersions, type Version } from '../testing/version-stream';
import type { Store } from './store';

type Reader = (store: Store, seen: K8sObject[]) => void;

/** Every version the store writes, the final state and the revision; `read` also reads early. */
function run(seed: number, profile: ProfileName, read?: Reader) {
  let rec: ReturnType<typeof recordVersions> | undefined;
  const seen: K8sObject[] = [];
  const c = createCluster({
    seed,
    profile,
    onStore: (s) => {
      rec = recordVersions(s);
      read?.(s, seen);
    },
  });
  c.advance(120_000);
  const versions = rec?.versions() as Version[];
  const state = JSON.stringify(KIND_NAMES.map((k) => c.list(k)));
  return { c, versions, state, revision: c.internals.store.revision, seen };
}

/** The ca.crt of a kube-root-ca.crt ConfigMap. */
const caOf = (o: K8sObject | undefined): string | undefined =>
  (o as { data?: Record<string, string> } | undefined)?.data?.['ca.crt'];

/** Builds (and would keep) every lazy entry of `kind` as it is written. */
const readAtWrite =
  (kind: KindName, ns?: string): Reader =>
  (store, seen) =>
    store.watchKeys((_t, k, n, e) => {
      if (k === kind && (ns === undefined || n === ns)) seen.push(e.object());
    });

const PROFILES: ProfileName[] = ['docker-desktop', 'kind', 'k3s'];

describe('published objects read early', () => {
  it('kube-root-ca.crt: the CA is the same whenever it is first read', () => {
    for (const profile of PROFILES) {
      const plain = run(1, profile);
      const early = run(1, profile, readAtWrite('ConfigMap', 'default'));
      expect(early.revision).toBe(plain.revision);
      expect(early.state).toBe(plain.state);
      expect(early.versions).toEqual(plain.versions);
      const ca = caOf(plain.c.get('ConfigMap', 'default', 'kube-root-ca.crt'));
      expect(ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
      // Read when `default` was created, before kube-system: already the cluster's CA.
      expect(caOf(early.seen.find((o) => o.metadata.name === 'kube-root-ca.crt'))).toBe(ca);
      for (const ns of ['kube-system', 'kube-public'])
        expect(caOf(early.c.get('ConfigMap', ns, 'kube-root-ca.crt'))).toBe(ca);
    }
  });

  it('a boot DaemonSet: a read before its first sync adds no write and changes no version', () => {
    for (const profile of PROFILES) {
      const plain = run(1, profile);
      const early = run(1, profile, readAtWrite('DaemonSet'));
      expect(early.seen.length).toBeGreaterThan(0);
      expect(early.revision).toBe(plain.revision);
      expect(early.state).toBe(plain.state);
      expect(early.versions).toEqual(plain.versions);
    }
  });

  it('every lazy entry read at its write: the same history as a cluster nobody reads', () => {
    const everything: Reader = (store, seen) =>
      store.watchKeys((_t, _k, _n, e) => void seen.push(e.object()));
    for (const profile of PROFILES) {
      const plain = run(7, profile);
      const early = run(7, profile, everything);
      expect(early.revision).toBe(plain.revision);
      expect(early.versions).toEqual(plain.versions);
    }
  });
});
