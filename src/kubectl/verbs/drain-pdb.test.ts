// `kubectl drain` against PodDisruptionBudgets [KUBECTL v0.34.9 pkg/drain/drain.go evictPods: a 429
// prints `error when evicting pods/"x" -n "ns" (will retry after 5s): <message>` and retries after
// 5 s, the `evicting pod` line again each time, until the global --timeout; --disable-eviction
// DELETEs, so no budget applies].
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

const PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web
`;

/** kind's three nodes; two web Pods, one on kind-worker; a budget that allows no disruption. */
function blocked() {
  const d = kdrive({ seed: 1, profile: 'kind' });
  d.kubectl('create deployment web --image=nginx --replicas=2').advance(30_000);
  d.apply(PDB).advance(1000);
  const pods = d.cluster.list('Pod', { namespace: 'default' }) as Pod[];
  const onWorker = pods.find((p) => p.spec?.nodeName === 'kind-worker');
  if (!onWorker) throw new Error('seed 1 puts a web Pod on kind-worker');
  return { d, name: onWorker.metadata.name };
}

describe('kubectl drain and PodDisruptionBudgets', () => {
  it('blocked: retries every 5 s until --timeout, then the global timeout error', () => {
    const { d, name } = blocked();
    const t0 = d.cluster.now();
    d.kubectl('drain kind-worker --ignore-daemonsets --timeout=12s');
    const retry = `error when evicting pods/"${name}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    // Attempts at 0, 5, 10 s are refused; at 15 s the deadline (12 s) has passed.
    expect(d.stdout().split(`evicting pod default/${name}\n`).length - 1).toBe(4);
    expect(d.stderr().split(retry).length - 1).toBe(3);
    const timeout = `error when evicting pods/"${name}" -n "default": global timeout reached: 12s`;
    expect(d.stderr()).toContain(
      `There are pending pods in node "kind-worker" when an error occurred: ${timeout}\npod/${name}\n`,
    );
    expect(d.stderr().endsWith(`There are pending nodes to be drained:\n kind-worker\n${timeout}\n`)).toBe(
      true,
    );
    expect(d.exitCode()).toBe(1);
    expect(d.cluster.now() - t0).toBe(15_000);
    expect(d.cluster.get('Pod', 'default', name)?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('unblocked by scaling up: the next drain evicts at once', () => {
    const { d, name } = blocked();
    d.kubectl('drain kind-worker --ignore-daemonsets --timeout=6s');
    expect(d.exitCode()).toBe(1);
    d.kubectl('scale deployment web --replicas=3').advance(30_000);
    d.kubectl('get pdb');
    expect(d.stdout()).toMatch(
      /^NAME +MIN AVAILABLE +MAX UNAVAILABLE +ALLOWED DISRUPTIONS +AGE\nweb-pdb +2 +N\/A +1 +/,
    );
    d.kubectl('drain kind-worker --ignore-daemonsets --timeout=60s');
    expect(d.stderr()).not.toContain('will retry');
    expect(d.stdout()).toContain(
      `evicting pod default/${name}\npod/${name} evicted\nnode/kind-worker drained\n`,
    );
    expect(d.exitCode()).toBe(0);
  });

  it('--disable-eviction deletes regardless of the budget', () => {
    const { d, name } = blocked();
    d.kubectl('drain kind-worker --ignore-daemonsets --disable-eviction --timeout=60s');
    expect(d.stderr()).not.toContain('disruption budget');
    expect(d.stdout()).toContain(`pod/${name} deleted\n`);
    expect(d.exitCode()).toBe(0);
  });

  it('a Pod under two budgets: the 500 ends its goroutine without a retry', () => {
    const { d, name } = blocked();
    d.apply(PDB.replace('web-pdb', 'second')).advance(1000);
    d.kubectl('drain kind-worker --ignore-daemonsets --timeout=30s');
    const err = `error when evicting pods/"${name}" -n "default": This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.`;
    expect(d.stderr()).toContain(`${err}\n`);
    expect(d.stderr()).not.toContain('will retry');
  });

  it('one drain: the second Pod waits for the replacement of the first to be Ready, then goes', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.kubectl('cordon kind-worker2 kind-control-plane');
    d.kubectl('create deployment web --image=nginx --replicas=2').advance(30_000);
    d.kubectl('uncordon kind-worker2 kind-control-plane');
    d.apply(PDB.replace('minAvailable: 2', 'minAvailable: 1')).advance(1000);
    const [a, b] = (d.cluster.list('Pod', { namespace: 'default' }) as Pod[]).map((p) => p.metadata.name);
    d.kubectl('drain kind-worker --ignore-daemonsets --timeout=60s');
    const retry = `error when evicting pods/"${b}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    // Both lines of an instant go out before the answers; b is refused once, then let go at 5 s.
    expect(d.stdout()).toContain(`evicting pod default/${a}\nevicting pod default/${b}\n`);
    expect(d.stderr()).toBe(
      `\u001b[33;1mWarning:\u001b[0m ignoring DaemonSet-managed Pods: kube-system/kindnet-wd4h9, kube-system/kube-proxy-2xkfs\n${retry}${retry}`,
    );
    expect(d.stdout()).toContain(`pod/${a} evicted\n`);
    expect(
      d.stdout().endsWith(`evicting pod default/${b}\npod/${b} evicted\nnode/kind-worker drained\n`),
    ).toBe(true);
    expect(d.exitCode()).toBe(0);
  });
});
