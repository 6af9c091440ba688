// The boot state of kube-system per distro (§B12, §C3, §D): what `kubectl get pods -A` shows on a
// fresh Docker Desktop, kind and k3s cluster, and that it leaves the chapter's Pod IPs alone.
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../api/types';
import { createCluster } from '../cluster';

const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
const HASH = '[4-9bcdf]{6,10}';

function pods(profile: 'docker-desktop' | 'kind' | 'k3s') {
  const c = createCluster({ seed: 3, profile });
  const all = c.list('Pod') as Pod[];
  return { c, all, names: all.map((p) => `${p.metadata.namespace}/${p.metadata.name}`) };
}

const shape = (names: string[]) =>
  names.map((n) =>
    n
      .replace(new RegExp(`^(kube-system/svclb-.+)-[0-9a-f]{8}-${SUFFIX}$`), '$1-<uid8>-<5>')
      .replace(new RegExp(`-${HASH}-${SUFFIX}$`), '-<hash>-<5>')
      .replace(new RegExp(`-${SUFFIX}$`), '-<5>'),
  );

describe('system Pods at boot', () => {
  it('Docker Desktop: two CoreDNS Pods, the static control plane, kube-proxy, storage-provisioner, vpnkit-controller', () => {
    const { all, names } = pods('docker-desktop');
    expect(shape(names)).toEqual([
      'kube-system/coredns-<hash>-<5>',
      'kube-system/coredns-<hash>-<5>',
      'kube-system/etcd-docker-desktop',
      'kube-system/kube-apiserver-docker-desktop',
      'kube-system/kube-controller-manager-docker-desktop',
      'kube-system/kube-proxy-<5>',
      'kube-system/kube-scheduler-docker-desktop',
      'kube-system/storage-provisioner',
      'kube-system/vpnkit-controller',
    ]);
    for (const p of all) expect([p.metadata.name, p.status.phase]).toEqual([p.metadata.name, 'Running']);
    const byName = new Map(all.map((p) => [p.metadata.name.replace(new RegExp(`-${SUFFIX}$`), ''), p]));
    // hostNetwork Pods carry the node IP; CoreDNS keeps the first pod IPs.
    for (const n of ['etcd-docker-desktop', 'kube-apiserver-docker-desktop', 'kube-proxy'])
      expect(byName.get(n)?.status.podIP).toBe('192.168.65.3');
    expect(all.filter((p) => p.metadata.name.startsWith('coredns-')).map((p) => p.status.podIP)).toEqual(
      expect.arrayContaining(['10.1.0.2', '10.1.0.3']),
    );
    // A mirror Pod is owned by its Node and gets no ServiceAccount token volume.
    const etcd = byName.get('etcd-docker-desktop') as Pod;
    expect(etcd.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'docker-desktop' });
    expect((etcd.spec as { volumes?: unknown[] }).volumes).toBeUndefined();
    // Priority admission and the ServiceAccount plugin as for real system Pods.
    const spec = (n: string) => byName.get(n)?.spec as { priority?: number; serviceAccountName?: string };
    expect(spec('etcd-docker-desktop')).toMatchObject({ priority: 2000001000 });
    expect(spec('etcd-docker-desktop').serviceAccountName).toBeUndefined();
    expect(spec('kube-proxy')).toMatchObject({ priority: 2000001000, serviceAccountName: 'kube-proxy' });
    const coredns = all.find((p) => p.metadata.name.startsWith('coredns-'))?.spec as { priority?: number };
    expect(coredns.priority).toBe(2000000000);
    expect(spec('storage-provisioner').priority).toBe(2000000000);
    expect(byName.get('kube-proxy')?.status.containerStatuses?.[0]?.imageID).toMatch(
      /^registry\.k8s\.io\/kube-proxy@sha256:[0-9a-f]{64}$/,
    );
    expect(byName.get('kube-proxy')?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'DaemonSet',
      name: 'kube-proxy',
    });
  });

  it("Docker Desktop: the chapter's first Pod still gets 10.1.0.4 and survives the GC (DaemonSet owners)", () => {
    const c = createCluster({ seed: 3 });
    c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'kiamol/ch03-sleep' }] },
    });
    c.advance(30_000);
    expect((c.get('Pod', 'default', 'p') as Pod).status.podIP).toBe('10.1.0.4');
    expect(c.list('Pod', { namespace: 'kube-system' })).toHaveLength(9);
  });

  it('kind: CoreDNS ×2, static Pods -kind-control-plane, kindnet and kube-proxy per node, local-path-provisioner', () => {
    const { all, names } = pods('kind');
    const s = shape(names);
    expect(s.filter((n) => n === 'kube-system/kindnet-<5>')).toHaveLength(3);
    expect(s.filter((n) => n === 'kube-system/kube-proxy-<5>')).toHaveLength(3);
    expect(s.filter((n) => n === 'kube-system/coredns-<hash>-<5>')).toHaveLength(2);
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'])
      expect(s).toContain(`kube-system/${c}-kind-control-plane`);
    expect(s).toContain('local-path-storage/local-path-provisioner-<hash>-<5>');
    const kindnet = all.filter((p) => p.metadata.name.startsWith('kindnet-'));
    expect(kindnet.map((p) => [p.spec.nodeName, p.status.podIP]).sort()).toEqual([
      ['kind-control-plane', '172.18.0.2'],
      ['kind-worker', '172.18.0.3'],
      ['kind-worker2', '172.18.0.4'],
    ]);
    for (const p of all) expect([p.metadata.name, p.status.phase]).toEqual([p.metadata.name, 'Running']);
  });

  it('k3s: one CoreDNS Pod (first IP), local-path-provisioner, metrics-server, traefik with its svclb Pod', () => {
    const { c, all, names } = pods('k3s');
    expect(shape(names)).toEqual([
      'kube-system/coredns-<hash>-<5>',
      'kube-system/local-path-provisioner-<hash>-<5>',
      'kube-system/metrics-server-<hash>-<5>',
      'kube-system/svclb-traefik-<uid8>-<5>',
      'kube-system/traefik-<hash>-<5>',
    ]);
    const dns = all.find((p) => p.metadata.name.startsWith('coredns-')) as Pod;
    expect([dns.metadata.labels?.['k8s-app'], dns.status.podIP]).toEqual(['kube-dns', '10.42.0.2']);
    for (const p of all) expect([p.metadata.name, p.status.phase]).toEqual([p.metadata.name, 'Running']);
    const traefik = c.get('Service', 'kube-system', 'traefik') as Service;
    expect(traefik.spec.type).toBe('LoadBalancer');
    expect(traefik.status?.loadBalancer?.ingress?.[0]?.ip).toBe('172.28.132.127');
    const ms = c.get('Service', 'kube-system', 'metrics-server') as Service;
    expect(ms.spec.ports?.map((p) => `${p.port}/${p.protocol}`)).toEqual(['443/TCP']);
    expect(c.list('Deployment', { namespace: 'kube-system' }).map((d) => d.metadata.name)).toEqual([
      'coredns',
      'local-path-provisioner',
      'metrics-server',
      'traefik',
    ]);
  });
});
