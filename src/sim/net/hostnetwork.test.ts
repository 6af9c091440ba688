// System Pods on the host network (kube-proxy, kindnet, the static control-plane Pods) report
// their node's IP as podIP. That address is the node's: traffic to it must reach the node (the
// API server behind the `kubernetes` Service listens there), not a Pod.
import { describe, expect, it } from 'vitest';
import { sleep1 as SLEEP } from '../../scenarios/ch03/sleep';
import type { Pod } from '../api/types';
import type { ProfileName } from '../contract';
import { drive } from '../testing/driver';

describe.each<[ProfileName, string]>([
  ['docker-desktop', '192.168.65.3:6443'],
  ['kind', '172.18.0.2:6443'],
])('hostNetwork system Pods on %s', (profile, apiServer) => {
  const setup = () => {
    const c = drive({ seed: 3, profile }).apply(SLEEP, { source: 'sleep1.yaml' }).advance(30_000).cluster;
    const pod = c.list('Pod', { namespace: 'default', labelSelector: 'app=sleep-1' })[0] as Pod;
    return { c, key: `Pod/default/${pod.metadata.name}` };
  };

  it('share the node IP', () => {
    const { c } = setup();
    const hostPods = (c.list('Pod', { namespace: 'kube-system' }) as Pod[]).filter((p) => p.spec.hostNetwork);
    expect(hostPods.length).toBeGreaterThan(0);
    const nodeIPs = new Set(
      c.list('Node').flatMap((n) => (n.status.addresses as { address: string }[]).map((a) => a.address)),
    );
    for (const p of hostPods) expect(nodeIPs.has(p.status.podIP as string)).toBe(true);
  });

  it('do not capture traffic to the kubernetes Service: it reaches the API server on the node', () => {
    const { c, key } = setup();
    const t = c.net.trace({
      source: { kind: 'pod', key },
      destination: 'kubernetes',
      protocol: 'TCP',
      port: 443,
    });
    expect(t.verdict).toBe('delivered');
    expect(`${t.endpoint?.ip}:${t.endpoint?.port}`).toBe(apiServer);
    expect(t.endpoint?.pod).toBeUndefined();
  });

  it('get no pod A record of their own', () => {
    const { c } = setup();
    const nodeIP = apiServer.split(':')[0] as string;
    const podRecords = c.net.dnsRecords().filter((r) => r.name.includes('.pod.') && r.value === nodeIP);
    expect(podRecords).toEqual([]);
  });
});
