// DNS of a hostNetwork Pod. The kubelet's getPodDNSType (pkg/kubelet/network/dns/dns.go): with
// dnsPolicy ClusterFirst (the default) a Pod on the host network falls back to Default, the
// node's resolver; only ClusterFirstWithHostNet gives it the cluster's DNS. The node's resolver
// is the simulation's one node resolver (the nameserver the Default policy always had; it
// answers public names only), not a per-distro resolv.conf.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { ProfileName } from '../contract';
import { sleepPodYaml, WEB_SERVICE_YAML as WEB } from './test-helpers';

const sleeper = (name: string, hostNetwork: boolean, dnsPolicy?: string) =>
  sleepPodYaml(name, `  hostNetwork: ${hostNetwork}\n${dnsPolicy ? `  dnsPolicy: ${dnsPolicy}\n` : ''}`);

const CLUSTER_CONF = (dns: string) =>
  `search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${dns}\noptions ndots:5\n`;

const setup = (profile: ProfileName) =>
  kdrive({ seed: 7, profile })
    .applyOk(sleeper('hn-default', true))
    .applyOk(sleeper('hn-cluster', true, 'ClusterFirstWithHostNet'))
    .applyOk(sleeper('plain-hostnet-policy', false, 'ClusterFirstWithHostNet'))
    .applyOk(WEB)
    .advance(30_000);

describe.each<[ProfileName, string, string]>([
  ['docker-desktop', '192.168.65.3', '10.96.0.10'],
  ['kind', '172.18.0.2', '10.96.0.10'],
  ['k3s', '172.28.132.127', '10.43.0.10'],
])('resolv.conf of hostNetwork Pods on %s', (profile, nodeResolver, clusterDns) => {
  it('ClusterFirst on the host network: the node resolver; ClusterFirstWithHostNet: cluster DNS', () => {
    const d = setup(profile);
    expect(d.get('Pod', 'hn-default')?.spec.dnsPolicy).toBe('ClusterFirst');
    d.kubectl('exec hn-default -- cat /etc/resolv.conf');
    expect(d.stdout()).toBe(`nameserver ${nodeResolver}\n`);
    d.kubectl('exec hn-cluster -- cat /etc/resolv.conf');
    expect(d.stdout()).toBe(CLUSTER_CONF(clusterDns));
    // Off the host network ClusterFirstWithHostNet is plain cluster DNS.
    expect(d.cluster.net.resolvConf('Pod/default/plain-hostnet-policy')).toBe(CLUSTER_CONF(clusterDns));
  });
});

describe('name lookups from a hostNetwork Pod (kind)', () => {
  it('nslookup with ClusterFirst asks the node resolver: no search list, no cluster names', () => {
    const d = setup('kind');
    d.kubectl('exec hn-default -- nslookup web');
    expect(d.stdout()).toBe(
      "Server:\t\t172.18.0.2\nAddress:\t172.18.0.2:53\n\n** server can't find web: NXDOMAIN\n\n** server can't find web: NXDOMAIN\n\n",
    );
    expect(d.exitCode()).toBe(1);
    d.kubectl('exec hn-default -- nslookup web.default.svc.cluster.local');
    expect(d.stdout()).toContain("** server can't find web.default.svc.cluster.local: NXDOMAIN\n");
    d.kubectl('exec hn-default -- nslookup -type=a github.com');
    expect(d.stdout()).toBe(
      'Server:\t\t172.18.0.2\nAddress:\t172.18.0.2:53\n\nNon-authoritative answer:\nName:\tgithub.com\nAddress: 140.82.121.4\n\n',
    );
    expect(d.exitCode()).toBe(0);
  });

  it('nslookup with ClusterFirstWithHostNet asks CoreDNS through the kube-dns Service', () => {
    const d = setup('kind');
    const ip = (d.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    d.kubectl('exec hn-cluster -- nslookup web');
    expect(d.stdout()).toContain('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n');
    expect(d.stdout()).toContain(`Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n`);
  });

  it('the tracer resolves as the Pod does: the node resolver, or kube-dns', () => {
    const d = setup('kind');
    const trace = (pod: string) =>
      d.cluster.net.trace({
        source: { kind: 'pod', key: `Pod/default/${pod}` },
        destination: 'web',
        protocol: 'TCP',
        port: 80,
      });
    const host = trace('hn-default');
    expect(host.verdict).toBe('nxdomain');
    expect(host.hops.map((h) => `${h.kind} ${h.to} ${h.label}`)).toEqual([
      'dns-query external:dns A? web',
      'dns-nxdomain Pod/default/hn-default NXDOMAIN web',
    ]);
    const cluster = trace('hn-cluster');
    expect(cluster.hops[0]).toMatchObject({
      kind: 'dns-query',
      to: 'Service/kube-system/kube-dns',
      label: 'A? web.default.svc.cluster.local',
    });
    expect(cluster.resolvedIP).toBe(
      (d.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP,
    );
  });

  it('wget by name from a ClusterFirst hostNetwork Pod: bad address, the DNS trace going to the node resolver', () => {
    const d = setup('kind');
    d.kubectl('exec hn-default -- wget -qO- http://web/');
    expect(d.stderr()).toContain("wget: bad address 'web'");
    expect(d.exitCode()).toBe(1);
    const dns = d.last?.traces.find((t) => t.hops.some((h) => h.kind === 'dns-query'));
    expect(dns?.hops.map((h) => `${h.kind} ${h.from} → ${h.to}`)).toEqual([
      'dns-query Pod/default/hn-default → external:dns',
      'dns-nxdomain external:dns → Pod/default/hn-default',
    ]);
  });

  it('nslookup from a ClusterFirst hostNetwork Pod draws its queries to the node resolver', () => {
    const d = setup('kind');
    d.kubectl('exec hn-default -- nslookup -type=a github.com');
    expect(d.last?.traces.flatMap((t) => t.hops.map((h) => `${h.kind} ${h.from} → ${h.to}`))).toEqual([
      'dns-query Pod/default/hn-default → external:dns',
      'dns-answer external:dns → Pod/default/hn-default',
    ]);
  });
});
