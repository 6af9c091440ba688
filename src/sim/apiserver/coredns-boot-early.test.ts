// The page's boot: the cluster is created before the late parts (the prober, probe defaulting)
// load, so the kubelet starts the CoreDNS Pods on its own path, Ready at once, and no probe runs.
// Their probes must already carry what the API server would default, so the same template
// defaulted after the late parts load is unchanged (and hashes the same). This file must not import
// late-impl (or cluster.ts): here the late parts are never bound, as on the page.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { createCluster } from '../cluster-core';
import type { ProfileName } from '../contract';
import { defaultProbes, probesDefaulted } from '../kubelet/probe-api';
import { latePartsLoaded } from '../late';

// biome-ignore lint/suspicious/noExplicitAny: reading loosely typed specs.
type Any = any;

const WANT: Record<ProfileName, string[]> = {
  'docker-desktop': [
    'docker-desktop 10.1.0.2 started 2026-01-01T11:13:02Z ready True 2026-01-01T11:13:02Z',
    'docker-desktop 10.1.0.3 started 2026-01-01T11:13:02Z ready True 2026-01-01T11:13:02Z',
  ],
  kind: [
    'kind-control-plane 10.244.0.2 started 2026-01-01T11:13:02Z ready True 2026-01-01T11:13:02Z',
    'kind-worker 10.244.1.2 started 2026-01-01T11:13:03Z ready True 2026-01-01T11:13:03Z',
  ],
  k3s: ['k3s-server 10.42.0.2 started 2026-01-01T11:13:03Z ready True 2026-01-01T11:13:03Z'],
};

describe('CoreDNS at the page boot (late parts not loaded)', () => {
  it('the late parts are not bound in this file', () => {
    expect(latePartsLoaded()).toBe(false);
  });

  for (const profile of Object.keys(WANT) as ProfileName[])
    it(`${profile}: Ready at the instants and addresses the chapter expects; probes already defaulted`, () => {
      const c = createCluster({ seed: 1, profile });
      // (label selectors are parsed by code bound late)
      const pods = (c.list('Pod', { namespace: 'kube-system' }) as Pod[]).filter(
        (p) => p.metadata.labels?.['k8s-app'] === 'kube-dns',
      );
      const times = pods
        .map((p) => {
          const ready = p.status.conditions?.find((x) => x.type === 'Ready');
          const started = p.status.containerStatuses?.[0]?.state?.running?.startedAt;
          return `${p.spec.nodeName} ${p.status.podIP} started ${started} ready ${ready?.status} ${ready?.lastTransitionTime}`;
        })
        .sort();
      expect(times).toEqual(WANT[profile]);
      const d: Any = c.get('Deployment', 'kube-system', 'coredns');
      const containers: Any[] = [
        ...d.spec.template.spec.containers,
        ...pods.flatMap((p) => p.spec.containers),
      ];
      for (const ctr of containers) {
        expect(ctr.livenessProbe?.httpGet?.path).toBe('/health');
        expect(ctr.readinessProbe?.httpGet?.path).toBe('/ready');
        expect(probesDefaulted(ctr)).toBe(true);
        const again = { ...ctr };
        defaultProbes(again);
        expect(again.livenessProbe).toBe(ctr.livenessProbe);
        expect(again.readinessProbe).toBe(ctr.readinessProbe);
      }
    });
});
