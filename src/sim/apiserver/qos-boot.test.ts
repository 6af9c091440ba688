// The page boots its cluster before the late parts load, so the boot's own Pods get their
// status.qosClass from ./defaults' small text comparison, not ./qos. This file must not import
// late-impl (or cluster.ts): here the late parts are never bound, as on the page. Each system Pod
// must come out as ./qos (by value) says. kubeadm's static Pods, kube-proxy, kindnet and CoreDNS
// carry their real manifests' resources (system-pods.ts, bootstrap.ts); Docker Desktop's own two
// Pods and the add-on Deployments are modelled without resources (their 1.34-era manifests were
// not established), so BestEffort is what their spec as shown gives.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { createCluster } from '../cluster-core';
import type { ProfileName } from '../contract';
import { latePartsLoaded } from '../late';
import { computePodQOS } from './qos';

/** The Pod's name without its generated suffixes and node name. */
const base = (p: Pod) =>
  p.metadata.name
    .replace(/-(docker-desktop|kind-control-plane|kind-worker2?)$/, '')
    .replace(/(-[bcdfghjklmnpqrstvwxz2456789]{6,10})?-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '')
    .replace(/^svclb-traefik-[0-9a-f]{8}$/, 'svclb-traefik');

const EXPECTED: Record<ProfileName, Record<string, string>> = {
  'docker-desktop': {
    coredns: 'Burstable',
    etcd: 'Burstable',
    'kube-apiserver': 'Burstable',
    'kube-controller-manager': 'Burstable',
    'kube-scheduler': 'Burstable',
    'kube-proxy': 'BestEffort',
    'storage-provisioner': 'BestEffort',
    'vpnkit-controller': 'BestEffort',
  },
  kind: {
    coredns: 'Burstable',
    etcd: 'Burstable',
    'kube-apiserver': 'Burstable',
    'kube-controller-manager': 'Burstable',
    'kube-scheduler': 'Burstable',
    kindnet: 'Guaranteed',
    'kube-proxy': 'BestEffort',
    'local-path-provisioner': 'BestEffort',
  },
  k3s: {
    coredns: 'Burstable',
    'local-path-provisioner': 'BestEffort',
    'metrics-server': 'BestEffort',
    traefik: 'BestEffort',
    'svclb-traefik': 'BestEffort',
  },
};

describe('status.qosClass of the boot’s own Pods (late parts not loaded)', () => {
  it('the late parts are not bound in this file', () => {
    expect(latePartsLoaded()).toBe(false);
  });

  for (const profile of Object.keys(EXPECTED) as ProfileName[])
    it(`${profile}: each system Pod's class is ComputePodQOS's`, () => {
      const c = createCluster({ seed: 1, profile });
      c.advance(10_000);
      const got: Record<string, string> = {};
      for (const p of c.list('Pod') as Pod[]) {
        expect(p.status.qosClass, p.metadata.name).toBe(computePodQOS(p.spec));
        got[base(p)] = p.status.qosClass as string;
      }
      expect(got).toEqual(EXPECTED[profile]);
    });
});
