// kubeadm's kube-system objects on the kubeadm profiles (./kubeadm-config): the kube-proxy
// ConfigMap its DaemonSet mounts, as `kubectl get cm kube-proxy -n kube-system -o yaml` prints it.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { ConfigMap } from '../api/types';
import { base64Decode } from './go-base64';

const get = (d: ReturnType<typeof kdrive>) =>
  d.cluster.get('ConfigMap', 'kube-system', 'kube-proxy') as ConfigMap | undefined;

describe('kube-system/kube-proxy ConfigMap (kubeadm)', () => {
  it('kind: mode iptables, the pod subnet as clusterCIDR, kind-control-plane as the server', () => {
    const cm = get(kdrive({ seed: 1, profile: 'kind' })) as ConfigMap;
    expect(cm.metadata.labels).toEqual({ app: 'kube-proxy' });
    expect(Object.keys(cm.data ?? {})).toEqual(['config.conf', 'kubeconfig.conf']);
    const conf = cm.data?.['config.conf'] as string;
    expect(conf).toMatch(/^apiVersion: kubeproxy\.config\.k8s\.io\/v1alpha1\nbindAddress: 0\.0\.0\.0\n/);
    expect(conf).toContain('\nclusterCIDR: 10.244.0.0/16\n');
    expect(conf).toContain('\nmode: iptables\n');
    expect(conf).toContain('\nconntrack:\n  maxPerCore: 0\n');
    expect(conf).toContain('\n  minSyncPeriod: 1s\n  syncPeriod: 0s\nipvs:\n');
    expect(conf.endsWith('  sourceVip: ""')).toBe(true);
    expect(cm.data?.['kubeconfig.conf']).toContain('\n    server: https://kind-control-plane:6443\n');
  });

  it('Docker Desktop: mode "" (kube-proxy picks iptables), ipvs when the cluster runs IPVS', () => {
    const conf = (p: 'iptables' | 'ipvs') =>
      get(kdrive({ seed: 1, profile: 'docker-desktop', proxyMode: p }))?.data?.['config.conf'] as string;
    expect(conf('iptables')).toContain('\nmode: ""\n');
    expect(conf('iptables')).toContain('\nclusterCIDR: 10.1.0.0/16\n');
    expect(conf('iptables')).toContain('\nconntrack:\n  maxPerCore: null\n');
    expect(conf('ipvs')).toContain('\nmode: ipvs\n');
  });

  it('k3s has none (kube-proxy runs in the k3s binary)', () => {
    const d = kdrive({ seed: 1, profile: 'k3s' });
    expect(get(d)).toBeUndefined();
    expect(d.kubectl('get cm kube-proxy -n kube-system').text()).toBe(
      'Error from server (NotFound): configmaps "kube-proxy" not found\n',
    );
  });

  it('kubectl prints the data as |- blocks, the kubeconfig exactly as the template renders it', () => {
    const d = kdrive({ seed: 1, profile: 'docker-desktop' });
    const yaml = d.kubectl('get cm kube-proxy -n kube-system -o yaml').text();
    expect(yaml).toContain(`  kubeconfig.conf: |-
    apiVersion: v1
    kind: Config
    clusters:
    - cluster:
        certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
        server: https://vm.docker.internal:6443
      name: default
    contexts:
    - context:
        cluster: default
        namespace: default
        user: default
      name: default
    current-context: default
    users:
    - name: default
      user:
        tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
kind: ConfigMap
metadata:
  creationTimestamp: "`);
    expect(yaml).toMatch(
      /\n {2}labels:\n {4}app: kube-proxy\n {2}name: kube-proxy\n {2}namespace: kube-system\n/,
    );
    expect(
      yaml.startsWith(
        'apiVersion: v1\ndata:\n  config.conf: |-\n    apiVersion: kubeproxy.config.k8s.io/v1alpha1\n',
      ),
    ).toBe(true);
    // Seeded: the same cluster gives the same uid.
    expect(get(kdrive({ seed: 1, profile: 'docker-desktop' }))?.metadata.uid).toBe(get(d)?.metadata.uid);
  });
});

describe('kube-public/cluster-info and the legacy-token-tracking ConfigMap', () => {
  it("cluster-info: admin.conf's cluster as clientcmd.Write prints it, the CA kube-root-ca.crt publishes", () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    const cm = d.cluster.get('ConfigMap', 'kube-public', 'cluster-info') as ConfigMap;
    expect(Object.keys(cm.data ?? {})).toEqual(['kubeconfig']);
    const kc = cm.data?.kubeconfig as string;
    const m =
      /^apiVersion: v1\nclusters:\n- cluster:\n {4}certificate-authority-data: ([A-Za-z0-9+/=]+)\n {4}server: https:\/\/kind-control-plane:6443\n {2}name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\nusers: null\n$/.exec(
        kc,
      );
    expect(m).not.toBeNull();
    const decoded = base64Decode(m?.[1] as string);
    const ca = (d.cluster.get('ConfigMap', 'kube-system', 'kube-root-ca.crt') as ConfigMap).data?.['ca.crt'];
    expect(decoded.ok && new TextDecoder().decode(decoded.bytes)).toBe(ca);
    expect(d.kubectl('get cm -n kube-public').text()).toBe(
      'NAME               DATA   AGE\ncluster-info       1      6d22h\nkube-root-ca.crt   1      6d22h\n',
    );
    expect(
      kdrive({ seed: 1, profile: 'k3s' }).cluster.get('ConfigMap', 'kube-public', 'cluster-info'),
    ).toBeUndefined();
  });

  it('kube-apiserver-legacy-service-account-token-tracking: since = the date the API server first ran, on every profile', () => {
    for (const profile of ['docker-desktop', 'kind', 'k3s'] as const) {
      const d = kdrive({ seed: 1, profile });
      const cm = d.cluster.get(
        'ConfigMap',
        'kube-system',
        'kube-apiserver-legacy-service-account-token-tracking',
      ) as ConfigMap;
      const ns = d.cluster.get('Namespace', undefined, 'kube-system');
      expect(cm.data).toEqual({ since: ns?.metadata.creationTimestamp?.slice(0, 10) });
      expect(cm.data?.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
