// Through the real cluster: apply the book's manifests, advance the clock, trace packets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, Pod } from '../api/types';
import { drive } from '../testing/driver';

const CH03 = join(__dirname, '../../../../shared/kiamol-ch03');
const read = (f: string) => readFileSync(join(CH03, f), 'utf8');

function podOf(d: ReturnType<typeof drive>, app: string): Pod {
  const p = d.pods().find((x) => x.metadata.labels?.app === app && !x.metadata.deletionTimestamp) as
    | Pod
    | undefined;
  if (!p) throw new Error(`no pod for ${app}`);
  return p;
}
const key = (p: Pod) => `Pod/default/${p.metadata.name}`;

describe.skipIf(!existsSync(CH03))('networking through createCluster (kiamol ch03 manifests)', () => {
  it('sleep-2: Endpoints, slice, rules; ping to the ClusterIP gets no reply, to the pod IP it does', () => {
    const d = drive({ seed: 7 })
      .applyOk(read('sleep/sleep1.yaml'))
      .applyOk(read('sleep/sleep2.yaml'))
      .advance(30_000);
    d.applyOk(read('sleep/sleep2-service.yaml')).advance(2_000);
    const c = d.cluster;
    const sleep1 = podOf(d, 'sleep-1');
    const sleep2 = podOf(d, 'sleep-2');
    const ep = c.get('Endpoints', 'default', 'sleep-2') as Endpoints;
    expect(ep.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual([sleep2.status.podIP]);
    const slices = c.list('EndpointSlice', {
      namespace: 'default',
      labelSelector: 'kubernetes.io/service-name=sleep-2',
    }) as EndpointSlice[];
    expect(slices.map((s) => s.metadata.name)).toEqual([
      expect.stringMatching(/^sleep-2-[bcdfghjklmnpqrstvwxz2456789]{5}$/),
    ]);
    expect(c.net.iptablesSave('docker-desktop')).toContain('-j KUBE-SVC-R2KEEMX25LTY33UE');

    const clusterIP = c.get('Service', 'default', 'sleep-2')?.spec.clusterIP as string;
    const ping = c.net.trace({
      source: { kind: 'pod', key: key(sleep1) },
      destination: 'sleep-2',
      protocol: 'ICMP',
    });
    expect(ping.verdict).toBe('no-reply');
    expect(ping.resolvedIP).toBe(clusterIP);
    expect(ping.reason).toBe(
      `ICMP to a ClusterIP matches no kube-proxy rule, and no interface owns ${clusterIP}, so nothing answers`,
    );
    expect(ping.hops[1]?.to).toMatch(/^Pod\/kube-system\/coredns-/);

    const direct = c.net.trace({
      source: { kind: 'pod', key: key(sleep1) },
      destination: sleep2.status.podIP as string,
      protocol: 'ICMP',
    });
    expect(direct.verdict).toBe('delivered');
    const tcp = c.net.trace({
      source: { kind: 'pod', key: key(sleep1) },
      destination: 'sleep-2',
      protocol: 'TCP',
      port: 80,
    });
    expect([tcp.verdict, tcp.endpoint?.pod]).toEqual(['refused', key(sleep2)]);
    expect(c.net.resolvConf(key(sleep1))).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('the old IP of a replaced Pod: no reply; the Service follows the new Pod', () => {
    const d = drive({ seed: 3 }).applyOk(read('sleep/sleep1.yaml')).applyOk(read('sleep/sleep2.yaml'));
    d.applyOk(read('sleep/sleep2-service.yaml')).advance(30_000);
    const c = d.cluster;
    const src = { kind: 'pod' as const, key: key(podOf(d, 'sleep-1')) };
    const old = podOf(d, 'sleep-2');
    d.delete('Pod', old.metadata.name).advance(60_000);
    const fresh = podOf(d, 'sleep-2');
    expect(fresh.status.podIP).not.toBe(old.status.podIP);
    const t = c.net.trace({ source: src, destination: old.status.podIP as string, protocol: 'ICMP' });
    expect(t.verdict).toBe('no-reply');
    expect(t.reason).toContain('was deleted');
    expect(
      c.net.trace({ source: src, destination: old.status.podIP as string, protocol: 'TCP', port: 80 })
        .verdict,
    ).toBe('timeout');
    expect(c.net.trace({ source: src, destination: 'sleep-2', protocol: 'TCP', port: 80 }).endpoint?.ip).toBe(
      fresh.status.podIP,
    );
  });

  it('numbers: API through the ClusterIP, web on localhost:8080 (LoadBalancer) and :30080 (NodePort)', () => {
    const d = drive({ seed: 11 })
      .applyOk(read('sleep/sleep1.yaml'))
      .applyOk(read('numbers/api.yaml'))
      .applyOk(read('numbers/api-service.yaml'))
      .applyOk(read('numbers/web.yaml'))
      .applyOk(read('numbers/web-service.yaml'))
      .applyOk(read('numbers-services/web-service-nodePort.yaml'))
      .advance(90_000);
    const c = d.cluster;
    const src = { kind: 'pod' as const, key: key(podOf(d, 'sleep-1')) };
    const web = podOf(d, 'numbers-web');
    const api = c.net.trace({ source: src, destination: 'numbers-api', protocol: 'TCP', port: 80 });
    expect([api.verdict, api.endpoint?.pod]).toEqual(['delivered', key(podOf(d, 'numbers-api'))]);
    for (const port of [8080, 30080]) {
      const t = c.net.trace({ source: { kind: 'host' }, destination: 'localhost', protocol: 'TCP', port });
      expect([port, t.verdict, t.endpoint?.ip]).toEqual([port, 'delivered', web.status.podIP]);
    }
    // Deleting the Deployment leaves the Endpoints object, now empty: REJECT ⇒ refused.
    d.delete('Deployment', 'numbers-api').advance(60_000);
    expect((c.get('Endpoints', 'default', 'numbers-api') as Endpoints).subsets).toBeUndefined();
    const refused = c.net.trace({ source: src, destination: 'numbers-api', protocol: 'TCP', port: 80 });
    expect(refused.verdict).toBe('refused');
    expect(refused.hops.find((h) => h.kind === 'reject')?.rule).toContain(
      '"default/numbers-api has no endpoints"',
    );
  });

  it('numbers-api as ExternalName, then selectorless with manual Endpoints', () => {
    const d = drive({ seed: 5 }).applyOk(read('sleep/sleep1.yaml')).advance(30_000);
    const c = d.cluster;
    const src = { kind: 'pod' as const, key: key(podOf(d, 'sleep-1')) };
    d.applyOk(read('numbers-services/api-service-externalName.yaml')).advance(1_000);
    const ext = c.net.trace({ source: src, destination: 'numbers-api', protocol: 'TCP', port: 80 });
    expect(ext.verdict).toBe('delivered');
    expect(ext.hops.find((h) => h.kind === 'deliver')?.to).toBe('external:raw.githubusercontent.com');
    expect(c.get('Endpoints', 'default', 'numbers-api')).toBeUndefined();

    d.delete('Service', 'numbers-api').advance(1_000);
    d.applyOk(read('numbers-services/api-service-headless.yaml')).advance(2_000);
    const mirrored = c.list('EndpointSlice', {
      namespace: 'default',
      labelSelector: 'kubernetes.io/service-name=numbers-api',
    }) as EndpointSlice[];
    expect(mirrored.map((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'])).toEqual([
      'endpointslicemirroring-controller.k8s.io',
    ]);
    const t = c.net.trace({ source: src, destination: 'numbers-api', protocol: 'TCP', port: 80 });
    expect([t.verdict, t.endpoint?.ip]).toEqual(['timeout', '192.168.123.234']);
  });

  it('the kubernetes and kube-dns slices exist and are served', () => {
    const c = drive({ seed: 1 }).advance(30_000).cluster;
    expect(c.get('EndpointSlice', 'default', 'kubernetes')).toBeDefined();
    expect(c.net.query('kubernetes.default.svc.cluster.local', 'A').records[0]?.value).toBe('10.96.0.1');
    const dnsSlices = c.list('EndpointSlice', {
      namespace: 'kube-system',
      labelSelector: 'kubernetes.io/service-name=kube-dns',
    }) as EndpointSlice[];
    expect(dnsSlices[0]?.endpoints?.length).toBe(2);
  });

  it('is deterministic: same seed and steps ⇒ identical traces and rules', () => {
    const run = () => {
      const d = drive({ seed: 9 })
        .applyOk(read('sleep/sleep1.yaml'))
        .applyOk(read('numbers/api.yaml'))
        .applyOk(read('numbers/api-service.yaml'))
        .advance(60_000);
      const src = { kind: 'pod' as const, key: key(podOf(d, 'sleep-1')) };
      const traces = [0, 1, 2].map(() =>
        d.cluster.net.trace({ source: src, destination: 'numbers-api', protocol: 'TCP', port: 80 }),
      );
      return JSON.stringify([
        traces,
        d.cluster.net.iptablesSave('docker-desktop'),
        d.cluster.net.dnsRecords(),
      ]);
    };
    expect(run()).toBe(run());
  });
});
