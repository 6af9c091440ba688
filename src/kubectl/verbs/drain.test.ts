// kubectl drain (drain.go v0.34.9 RunDrain; pkg/drain evictPods/waitForDelete/filters): the
// refusals and their lines, the warnings, evictions through the Eviction subresource (here: the
// Pod's graceful delete; these Pods have no PodDisruptionBudget, see drain-pdb.test.ts) and the
// wait for the Pods to go, on the simulated clock.
import { describe, expect, it } from 'vitest';
import type { KubectlDriver } from '../testing';
import { kdrive } from '../testing';
import { goDuration } from './drain-evict';

const podNames = (d: KubectlDriver, ns: string, prefix: string) =>
  d.cluster
    .list('Pod', { namespace: ns })
    .map((p) => p.metadata.name)
    .filter((n) => n.startsWith(prefix));

/** A Deployment whose busybox ignores SIGTERM: its Pods take the whole grace period to stop. */
function withHold(): { d: KubectlDriver; hold: string } {
  const d = kdrive().kubectl('create deployment hold --image=busybox -- sleep 3600').advance(20_000);
  return { d, hold: podNames(d, 'default', 'hold-')[0] as string };
}

describe('kubectl drain: what stops it', () => {
  it('DaemonSet-managed and controller-less Pods: both refusals, the node stays cordoned', () => {
    const d = kdrive().kubectl('run bare --image=nginx').advance(10_000);
    const proxy = podNames(d, 'kube-system', 'kube-proxy-')[0];
    d.kubectl('drain docker-desktop');
    const unmanaged =
      'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, kube-system/storage-provisioner, kube-system/vpnkit-controller';
    const ds = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}`;
    expect(d.text()).toBe(
      'node/docker-desktop cordoned\n' +
        `error: unable to drain node "docker-desktop" due to error: [${unmanaged}, ${ds}], continuing command...\n` +
        'There are pending nodes to be drained:\n docker-desktop\n' +
        `${unmanaged}\n${ds}\n`,
    );
    expect(d.exitCode()).toBe(1);
    expect(d.cluster.get('Pod', 'default', 'bare')).toBeDefined();
    d.kubectl('get nodes');
    expect(d.text()).toContain('Ready,SchedulingDisabled');
    // One refusal left: the aggregate of one prints bare.
    d.kubectl('drain docker-desktop --ignore-daemonsets');
    expect(d.text()).toBe(
      'node/docker-desktop already cordoned\n' +
        `error: unable to drain node "docker-desktop" due to error: ${unmanaged}, continuing command...\n` +
        'There are pending nodes to be drained:\n docker-desktop\n' +
        `${unmanaged}\n`,
    );
  });

  it('emptyDir: refused without --delete-emptydir-data (a finished or mirror Pod is never in the way)', () => {
    const d = kdrive().apply(`apiVersion: apps/v1
kind: Deployment
metadata: { name: cache }
spec:
  selector: { matchLabels: { app: cache } }
  template:
    metadata: { labels: { app: cache } }
    spec:
      containers: [{ name: c, image: nginx, volumeMounts: [{ name: tmp, mountPath: /tmp }] }]
      volumes: [{ name: tmp, emptyDir: {} }]
`);
    d.advance(20_000);
    const pod = podNames(d, 'default', 'cache-')[0];
    d.kubectl('drain docker-desktop --ignore-daemonsets --pod-selector app=cache');
    const err = `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${pod}`;
    expect(d.text()).toBe(
      'node/docker-desktop cordoned\n' +
        `error: unable to drain node "docker-desktop" due to error: ${err}, continuing command...\n` +
        `There are pending nodes to be drained:\n docker-desktop\n${err}\n`,
    );
    // The local-storage warning is overwritten by the next filter's Okay: nothing on stderr.
    d.kubectl('drain docker-desktop --ignore-daemonsets --pod-selector app=cache --delete-emptydir-data');
    expect(d.stderr()).toBe('');
    expect(d.stdout()).toBe(
      `node/docker-desktop already cordoned\nevicting pod default/${pod}\npod/${pod} evicted\nnode/docker-desktop drained\n`,
    );
  });

  it('several nodes (-l): each refusal on its line, the pending nodes, then one line per node', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    const nodes = ['kind-control-plane', 'kind-worker', 'kind-worker2'];
    const ds = nodes.map((n) =>
      d.cluster
        .list('Pod', { fieldSelector: `spec.nodeName=${n}` })
        .filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet')
        .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
        .join(', '),
    );
    const err = (i: number) =>
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds[i]}`;
    d.kubectl('drain -l kubernetes.io/os=linux');
    expect(d.stdout()).toBe(nodes.map((n) => `node/${n} cordoned\n`).join(''));
    expect(d.stderr()).toBe(
      nodes
        .map((n, i) => `error: unable to drain node "${n}" due to error: ${err(i)}, continuing command...\n`)
        .join('') +
        `There are pending nodes to be drained:\n${nodes.map((n) => ` ${n}\n`).join('')}` +
        nodes.map((_, i) => `${err(i)}\n`).join(''),
    );
    expect(d.exitCode()).toBe(1);
  });

  it('usage and flag errors', () => {
    const d = kdrive();
    d.kubectl('drain');
    expect(d.text()).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n");
    d.kubectl('drain docker-desktop --pod-selector =x');
    expect(d.text()).toBe('error: --pod-selector=<pod_selector> must be a valid label selector\n');
    d.kubectl('drain docker-desktop --timeout=soon');
    expect(d.text()).toBe(
      'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee \'kubectl drain --help\' for usage.\n',
    );
    // A bad duration fails the flag parsing, before the missing node is noticed.
    d.kubectl('drain --timeout=1');
    expect(d.text()).toBe(
      'error: invalid argument "1" for "--timeout" flag: time: invalid duration "1"\nSee \'kubectl drain --help\' for usage.\n',
    );
    d.kubectl('drain nope');
    expect(d.text()).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(d.exitCode()).toBe(1);
    // Nothing was cordoned by any of them.
    expect(d.cluster.get('Node', undefined, 'docker-desktop')?.spec).not.toHaveProperty('unschedulable');
  });
});

describe('kubectl drain: evictions', () => {
  it('--force --ignore-daemonsets: the warning, every eviction, then each Pod as it goes', () => {
    const d = kdrive().kubectl('run bare --image=nginx').advance(10_000);
    const proxy = podNames(d, 'kube-system', 'kube-proxy-')[0];
    const coredns = podNames(d, 'kube-system', 'coredns-');
    d.kubectl('drain docker-desktop --ignore-daemonsets --force');
    expect(d.stderr()).toBe(
      '\u001b[33;1mWarning:\u001b[0m deleting Pods that declare no controller: default/bare, kube-system/storage-provisioner, kube-system/vpnkit-controller; ' +
        `ignoring DaemonSet-managed Pods: kube-system/${proxy}\n`,
    );
    const evicting = [
      'default/bare',
      ...coredns.map((n) => `kube-system/${n}`),
      'kube-system/storage-provisioner',
      'kube-system/vpnkit-controller',
    ];
    const out = d.stdout().split('\n');
    expect(out.slice(0, 1 + evicting.length)).toEqual([
      'node/docker-desktop cordoned',
      ...evicting.map((p) => `evicting pod ${p}`),
    ]);
    // `pod/x evicted` lines come as the Pods go (in any order), then the node.
    expect(out.slice(1 + evicting.length, -2).sort()).toEqual(
      evicting.map((p) => `pod/${p.split('/')[1]} evicted`).sort(),
    );
    expect(out.slice(-2)).toEqual(['node/docker-desktop drained', '']);
    expect(d.exitCode()).toBe(0);
    // Mirror Pods and the DaemonSet's stay; the evicted ones are gone.
    expect(d.cluster.get('Pod', 'default', 'bare')).toBeUndefined();
    expect(d.cluster.get('Pod', 'kube-system', `${proxy}`)).toBeDefined();
    expect(d.cluster.get('Pod', 'kube-system', 'etcd-docker-desktop')).toBeDefined();
  });

  it('waits for the Pod to go: --grace-period is the Eviction’s DeleteOptions', () => {
    const { d, hold } = withHold();
    const t0 = d.cluster.now();
    d.kubectl('drain docker-desktop --ignore-daemonsets --pod-selector app=hold --grace-period=5');
    expect(d.text()).toBe(
      `node/docker-desktop cordoned\nevicting pod default/${hold}\npod/${hold} evicted\nnode/docker-desktop drained\n`,
    );
    // Polled each second: the first poll after the 5 s grace period sees it gone.
    const waited = d.cluster.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(5000);
    expect(waited).toBeLessThanOrEqual(7000);
  });

  it('--timeout: context deadline exceeded, the pending Pods, then the node', () => {
    const { d, hold } = withHold();
    const t0 = d.cluster.now();
    d.kubectl('drain docker-desktop --ignore-daemonsets --pod-selector app=hold --timeout=3s');
    const e = `error when waiting for pod "${hold}" in namespace "default" to terminate: context deadline exceeded`;
    expect(d.text()).toBe(
      `node/docker-desktop cordoned\nevicting pod default/${hold}\n` +
        `There are pending pods in node "docker-desktop" when an error occurred: ${e}\npod/${hold}\n` +
        `error: unable to drain node "docker-desktop" due to error: ${e}, continuing command...\n` +
        `There are pending nodes to be drained:\n docker-desktop\n${e}\n`,
    );
    expect(d.exitCode()).toBe(1);
    expect(d.cluster.now() - t0).toBe(3000);
    // The eviction stands: the Pod goes at the end of its 30 s grace period.
    expect(d.cluster.get('Pod', 'default', hold)?.metadata.deletionTimestamp).toBeDefined();
    d.advance(30_000);
    expect(d.cluster.get('Pod', 'default', hold)).toBeUndefined();
  });

  it('a negative --timeout: the global context is over before the first eviction', () => {
    const { d, hold } = withHold();
    d.kubectl('drain docker-desktop --ignore-daemonsets --pod-selector app=hold --timeout=-1m30s');
    const e = `error when evicting pods/"${hold}" -n "default": global timeout reached: -1m30s`;
    expect(d.text()).toBe(
      `node/docker-desktop cordoned\nevicting pod default/${hold}\n` +
        `There are pending pods in node "docker-desktop" when an error occurred: ${e}\npod/${hold}\n` +
        `error: unable to drain node "docker-desktop" due to error: ${e}, continuing command...\n` +
        `There are pending nodes to be drained:\n docker-desktop\n${e}\n`,
    );
    expect(d.cluster.get('Pod', 'default', hold)?.metadata.deletionTimestamp).toBeUndefined();
    expect([
      goDuration(0),
      goDuration(500),
      goDuration(1500),
      goDuration(3_600_000),
      goDuration(-90_000),
    ]).toEqual(['0s', '500ms', '1.5s', '1h0m0s', '-1m30s']);
  });

  it('--disable-eviction: DELETE instead, no `evicting` lines, `pod/x deleted` as each goes', () => {
    const { d, hold } = withHold();
    const t0 = d.cluster.now();
    d.kubectl(
      'drain docker-desktop --ignore-daemonsets --pod-selector app=hold --disable-eviction --grace-period=5',
    );
    expect(d.text()).toBe(`node/docker-desktop cordoned\npod/${hold} deleted\nnode/docker-desktop drained\n`);
    expect(d.cluster.now() - t0).toBe(6000);
  });

  it('--disable-eviction past --timeout: the bare context error, printed by checkErr with `error: `', () => {
    const { d, hold } = withHold();
    d.kubectl(
      'drain docker-desktop --ignore-daemonsets --pod-selector app=hold --disable-eviction --timeout=3s',
    );
    expect(d.text()).toBe(
      'node/docker-desktop cordoned\n' +
        `There are pending pods in node "docker-desktop" when an error occurred: context deadline exceeded\npod/${hold}\n` +
        'error: unable to drain node "docker-desktop" due to error: context deadline exceeded, continuing command...\n' +
        'There are pending nodes to be drained:\n docker-desktop\nerror: context deadline exceeded\n',
    );
    expect(d.exitCode()).toBe(1);
  });

  it('--dry-run: client lists, server sends dry-run evictions; nothing is cordoned or evicted', () => {
    const { d, hold } = withHold();
    d.kubectl('drain docker-desktop --ignore-daemonsets --pod-selector app=hold --dry-run=client');
    expect(d.text()).toBe(
      `node/docker-desktop cordoned (dry run)\nevicting pod default/${hold} (dry run)\nnode/docker-desktop drained (dry run)\n`,
    );
    d.kubectl('drain docker-desktop --ignore-daemonsets --pod-selector app=hold --dry-run=server');
    expect(d.text()).toBe(
      `node/docker-desktop cordoned (server dry run)\nevicting pod default/${hold} (server dry run)\nnode/docker-desktop drained (server dry run)\n`,
    );
    expect(d.cluster.get('Pod', 'default', hold)?.metadata.deletionTimestamp).toBeUndefined();
    expect(d.cluster.get('Node', undefined, 'docker-desktop')?.spec).not.toHaveProperty('unschedulable');
  });

  it('--help: the long text, its examples and the supported flags', () => {
    const help = kdrive().kubectl('drain --help').text();
    expect(
      help.startsWith('Drain node in preparation for maintenance.\n\n The given node will be marked'),
    ).toBe(true);
    expect(help).toContain(
      '\n\nhttps://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg\n\nExamples:\n',
    );
    expect(help).toContain('\nUsage:\n  kubectl drain NODE [options]\n');
    expect(help.split('\n').filter((l) => /^ {4}(-\w, )?--[a-z-]+=/.test(l))).toEqual([
      '    --chunk-size=500:',
      '    --delete-emptydir-data=false:',
      '    --disable-eviction=false:',
      "    --dry-run='none':",
      '    --force=false:',
      '    --grace-period=-1:',
      '    --ignore-daemonsets=false:',
      "    --pod-selector='':",
      "    -l, --selector='':",
      '    --skip-wait-for-delete-timeout=0:',
      '    --timeout=0s:',
    ]);
    expect(Math.max(...help.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
  });
});
