// End to end: a cordoned node takes no new Pods (the scheduler's NodeUnschedulable filter, with
// kube-scheduler's FailedScheduling text) until it is uncordoned; a drained node's Pods come back
// on the other nodes.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

describe('cordon, drain and the scheduler', () => {
  it('cordon: a new Pod stays Pending with FailedScheduling; uncordon: it is scheduled', () => {
    const d = kdrive().kubectl('cordon docker-desktop').kubectl('run p --image=nginx').advance(5000);
    d.kubectl('get pods');
    expect(d.text()).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\np      0/1     Pending   0          5s\n',
    );
    d.kubectl('describe pod p');
    expect(d.text()).toContain(
      '\n  Warning  FailedScheduling  5s    default-scheduler  0/1 nodes are available: 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.\n',
    );
    d.kubectl('uncordon docker-desktop').advance(10_000);
    expect(d.cluster.get('Pod', 'default', 'p')?.spec?.nodeName).toBe('docker-desktop');
    d.kubectl('describe pod p');
    expect(d.text()).toContain(
      '\n  Normal   Scheduled         10s   default-scheduler  Successfully assigned default/p to docker-desktop\n',
    );
    d.kubectl('get pods');
    expect(d.text()).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\np      1/1     Running   0          15s\n',
    );
  });

  it('drain: the evicted Pods are replaced on the nodes still schedulable', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).kubectl(
      'create deployment web --image=nginx --replicas=4',
    );
    d.advance(20_000);
    const onWorker = d.cluster
      .list('Pod', { fieldSelector: 'spec.nodeName=kind-worker' })
      .map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    const evicted = onWorker.filter((p) => !/kube-proxy|kindnet/.test(p));
    expect(evicted.some((p) => p.startsWith('default/web-'))).toBe(true);
    d.kubectl('drain kind-worker --ignore-daemonsets');
    const ds = onWorker.filter((p) => /kube-proxy|kindnet/.test(p));
    expect(d.stderr()).toBe(
      `\u001b[33;1mWarning:\u001b[0m ignoring DaemonSet-managed Pods: ${ds.join(', ')}\n`,
    );
    const out = d.stdout().split('\n');
    expect(out.slice(0, 1 + evicted.length)).toEqual([
      'node/kind-worker cordoned',
      ...evicted.map((p) => `evicting pod ${p}`),
    ]);
    expect(out.slice(-2)).toEqual(['node/kind-worker drained', '']);
    d.advance(20_000);
    const web = d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=web' });
    expect(web).toHaveLength(4);
    expect(web.every((p) => p.spec?.nodeName !== 'kind-worker')).toBe(true);
    // Only the DaemonSets' Pods are left on the drained node.
    expect(
      d.cluster
        .list('Pod', { fieldSelector: 'spec.nodeName=kind-worker' })
        .map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
    ).toEqual(ds);
  });
});
