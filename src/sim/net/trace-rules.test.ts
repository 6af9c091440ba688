// The rule lines a trace shows are lines of the node's real table (iptables-save), through repeated
// traces (the tracer keeps what it spelled per endpoint) and after the endpoints change.
import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod } from '../api/types';
import { drive } from '../testing/driver';
import { deploymentYaml, WEB_SERVICE_YAML } from '../testing/manifests';

const MANIFEST = [
  deploymentYaml('web', { name: 'web', image: 'nginx' }, { replicas: 3 }),
  deploymentYaml('client', { name: 'sleep', image: 'kiamol/ch03-sleep' }),
  WEB_SERVICE_YAML,
].join('---\n');

function setup() {
  const d = drive({ seed: 11 }).applyOk(MANIFEST).advance(60_000);
  const client = d.pods().find((p) => p.metadata.labels?.app === 'client') as Pod;
  const trace = () =>
    d.cluster.net.trace({
      source: { kind: 'pod', key: `Pod/default/${client.metadata.name}` },
      destination: 'web',
      protocol: 'TCP',
      port: 80,
    });
  const table = () => new Set(d.cluster.net.iptablesSave('docker-desktop').split('\n'));
  const endpointIPs = () =>
    ((d.cluster.get('Endpoints', 'default', 'web') as Endpoints).subsets ?? []).flatMap((s) =>
      (s.addresses ?? []).map((a) => a.ip),
    );
  return { d, trace, table, endpointIPs };
}

describe('the rule lines of a trace to a ClusterIP', () => {
  it('are lines of iptables-save on every trace, and the DNAT line names the endpoint reached', () => {
    const { trace, table, endpointIPs } = setup();
    const lines = table();
    const ips = endpointIPs();
    expect(ips).toHaveLength(3);
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const t = trace();
      expect(t.verdict).toBe('delivered');
      // the DNS query's DNAT to a CoreDNS Pod, then KUBE-SERVICES → KUBE-SVC, the jump to one
      // KUBE-SEP chain, its DNAT
      const all = t.hops.filter((h) => h.rule !== undefined);
      expect(all.map((h) => h.kind)).toEqual(['dnat', 'rule', 'rule', 'dnat']);
      for (const h of all) expect(lines.has(h.rule as string)).toBe(true);
      const ruled = all.slice(1);
      const ip = t.endpoint?.ip as string;
      expect(ips).toContain(ip);
      reached.add(ip);
      const [, jump, dnat] = ruled;
      expect(dnat?.rule).toContain(`--to-destination ${ip}:80`);
      // the jump goes to the chain whose DNAT line is shown
      const sep = /^-A (KUBE-SEP-\S+) /.exec(dnat?.rule as string)?.[1] as string;
      expect(jump?.rule?.endsWith(` -j ${sep}`)).toBe(true);
    }
    expect(reached.size).toBe(3);
  });

  it('follow a replaced Pod: no trace after the change shows the old address', () => {
    const { d, trace, table, endpointIPs } = setup();
    for (let i = 0; i < 10; i++) trace();
    const victim = d.pods().find((p) => p.metadata.labels?.app === 'web') as Pod;
    const oldIP = victim.status.podIP as string;
    d.cluster.delete('Pod', 'default', victim.metadata.name);
    d.advance(60_000);
    const ips = endpointIPs();
    expect(ips).toHaveLength(3);
    expect(ips).not.toContain(oldIP);
    const lines = table();
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const t = trace();
      for (const h of t.hops) {
        if (h.rule === undefined) continue;
        expect(lines.has(h.rule)).toBe(true);
        expect(h.rule).not.toContain(`${oldIP}:`);
      }
      reached.add(t.endpoint?.ip as string);
    }
    expect([...reached].sort()).toEqual([...ips].sort());
  });
});
