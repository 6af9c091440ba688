// The DaemonSet controller's tolerations (AddOrUpdateDaemonPodTolerations) on the boot's
// DaemonSet Pods, as `kubectl get -o yaml` and `kubectl describe` show them on a real cluster.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { ProfileName } from '../contract';

const YAML_BLOCK = `  tolerations:
  - operator: Exists
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    operator: Exists
  - effect: NoSchedule
    key: node.kubernetes.io/disk-pressure
    operator: Exists
  - effect: NoSchedule
    key: node.kubernetes.io/memory-pressure
    operator: Exists
  - effect: NoSchedule
    key: node.kubernetes.io/pid-pressure
    operator: Exists
  - effect: NoSchedule
    key: node.kubernetes.io/unschedulable
    operator: Exists
  - effect: NoSchedule
    key: node.kubernetes.io/network-unavailable
    operator: Exists
`;

// describe.go printTolerationsMultilineWithIndent sorts by key; the bare `operator: Exists` first.
const DESCRIBE_BLOCK = `Tolerations:                 op=Exists
                             node.kubernetes.io/disk-pressure:NoSchedule op=Exists
                             node.kubernetes.io/memory-pressure:NoSchedule op=Exists
                             node.kubernetes.io/network-unavailable:NoSchedule op=Exists
                             node.kubernetes.io/not-ready:NoExecute op=Exists
                             node.kubernetes.io/pid-pressure:NoSchedule op=Exists
                             node.kubernetes.io/unreachable:NoExecute op=Exists
                             node.kubernetes.io/unschedulable:NoSchedule op=Exists
`;

function podNames(d: ReturnType<typeof kdrive>, prefix: string): string[] {
  d.kubectl('get pods -n kube-system -o name');
  return d
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith(`pod/${prefix}-`))
    .map((l) => l.slice(4));
}

describe.each<[ProfileName, string[]]>([
  ['docker-desktop', ['kube-proxy']],
  ['kind', ['kube-proxy', 'kindnet']],
])('boot DaemonSet Pods on %s', (profile, daemonSets) => {
  it.each(daemonSets)(
    '%s: -o yaml lists the manifest toleration, then the controller’s in its order',
    (ds) => {
      const d = kdrive({ seed: 3, profile });
      const names = podNames(d, ds);
      expect(names.length).toBe(profile === 'kind' ? 3 : 1);
      for (const name of names) {
        d.kubectl(`get pod -n kube-system ${name} -o yaml`);
        const yaml = d.stdout();
        const start = yaml.indexOf('  tolerations:\n');
        expect(yaml.slice(start, yaml.indexOf('  volumes:\n', start))).toBe(YAML_BLOCK);
      }
    },
  );

  it.each(daemonSets)('%s: describe prints them sorted by key', (ds) => {
    const d = kdrive({ seed: 3, profile });
    d.kubectl(`describe pod -n kube-system ${podNames(d, ds)[0]}`);
    const out = d.stdout();
    const start = out.indexOf('Tolerations:');
    expect(out.slice(start, out.indexOf('Events:', start))).toBe(DESCRIBE_BLOCK);
  });

  it('the static control-plane Pods keep the kubelet’s single NoExecute toleration', () => {
    const d = kdrive({ seed: 3, profile });
    const node = profile === 'kind' ? 'kind-control-plane' : 'docker-desktop';
    d.kubectl(`describe pod -n kube-system etcd-${node}`);
    expect(d.stdout()).toMatch(/\nTolerations: +:NoExecute op=Exists\nEvents:/);
  });
});

describe('Pods no DaemonSet owns', () => {
  it('Docker Desktop’s storage-provisioner and vpnkit-controller keep `operator: Exists` alone', () => {
    const d = kdrive({ seed: 3, profile: 'docker-desktop' });
    for (const name of ['storage-provisioner', 'vpnkit-controller']) {
      d.kubectl(`get pod -n kube-system ${name} -o jsonpath={.spec.tolerations}`);
      expect(d.stdout()).toBe('[{"operator":"Exists"}]');
    }
  });
});
