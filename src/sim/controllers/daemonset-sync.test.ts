// The controllers behind the published objects (daemonset-sync.ts): the DaemonSet controller for
// the boot DaemonSets (a deleted Pod is replaced once it is gone, the status follows the Pods),
// the garbage collector with a DaemonSet owner, root-ca-cert-publisher and the serviceaccounts
// controller re-creating kube-root-ca.crt and the default ServiceAccount.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { ConfigMap, DaemonSet, K8sObject, Pod } from '../api/types';

type D = ReturnType<typeof kdrive>;
const proxyPods = (d: D) =>
  d.cluster.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-proxy' }) as Pod[];
const ds = (d: D, name = 'kube-proxy') => d.cluster.get('DaemonSet', 'kube-system', name) as DaemonSet;
const readyRow = (d: D) =>
  d.kubectl('get ds kube-proxy -n kube-system --no-headers').text().split(/\s+/)[3] ?? '';

describe('DaemonSet controller (boot DaemonSets)', () => {
  it('replaces a deleted kube-proxy Pod on its node; READY dips and recovers', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    const before = proxyPods(d);
    const victim = before.find((p) => p.spec.nodeName === 'kind-worker') as Pod;
    const rv0 = ds(d).metadata.resourceVersion;
    expect(d.kubectl(`delete pod ${victim.metadata.name} -n kube-system --wait=false`).text()).toBe(
      `pod "${victim.metadata.name}" deleted from kube-system namespace\n`,
    );
    // While it terminates it still counts (podsShouldBeOnNode): no second Pod on the node yet.
    d.advance(1000);
    expect(proxyPods(d)).toHaveLength(3);
    const readies: string[] = [];
    let replacement: Pod | undefined;
    for (let i = 0; i < 120 && !(replacement && readies.at(-1) === '3'); i++) {
      d.advance(500);
      readies.push(readyRow(d));
      replacement = proxyPods(d).find((p) => !before.some((b) => b.metadata.name === p.metadata.name));
    }
    expect(readies).toContain('2');
    expect(readies.at(-1)).toBe('3');
    expect(replacement).toBeDefined();
    const p = replacement as Pod;
    expect(p.metadata.name).toMatch(/^kube-proxy-[a-z0-9]{5}$/);
    expect(p.spec.nodeName).toBe('kind-worker');
    expect(p.metadata.labels).toEqual(victim.metadata.labels);
    expect(p.metadata.ownerReferences).toEqual(victim.metadata.ownerReferences);
    expect(p.spec.tolerations).toEqual(victim.spec.tolerations);
    expect((p.spec as { affinity?: unknown }).affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kind-worker'] }] },
          ],
        },
      },
    });
    expect(p.status?.phase).toBe('Running');
    expect(
      proxyPods(d)
        .map((x) => x.spec.nodeName)
        .sort(),
    ).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    // The controller's Event on the DaemonSet, as describe shows it.
    const desc = d.kubectl('describe ds kube-proxy -n kube-system').text();
    expect(desc).toContain('Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(desc).toMatch(
      new RegExp(
        `\n {2}Normal {2}SuccessfulCreate {2}\\d+s +daemonset-controller {2}Created pod: ${p.metadata.name}\n$`,
      ),
    );
    // The status was written again (a new resourceVersion) and is whole again.
    expect(ds(d).metadata.resourceVersion).not.toBe(rv0);
    expect(ds(d).status).toEqual({
      currentNumberScheduled: 3,
      desiredNumberScheduled: 3,
      numberAvailable: 3,
      numberMisscheduled: 0,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
    });
  });

  it('shows numberUnavailable while a node has no ready Pod', () => {
    const d = kdrive({ seed: 2, profile: 'docker-desktop' });
    const [victim] = proxyPods(d);
    d.kubectl(`delete pod ${victim?.metadata.name} -n kube-system --wait=false`);
    let seen: DaemonSet['status'] | undefined;
    for (let i = 0; i < 120 && !seen; i++) {
      d.advance(500);
      const st = ds(d).status;
      if (st.numberReady === 0) seen = st;
    }
    expect(seen).toMatchObject({ desiredNumberScheduled: 1, numberReady: 0, numberUnavailable: 1 });
    expect(seen?.numberAvailable).toBeUndefined();
  });

  it('lets the garbage collector keep the boot Pods, and delete them with their DaemonSet', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.advance(60_000);
    expect(proxyPods(d)).toHaveLength(3);
    expect(d.kubectl('delete ds kube-proxy -n kube-system').text()).toBe(
      'daemonset.apps "kube-proxy" deleted from kube-system namespace\n',
    );
    d.advance(60_000);
    expect(proxyPods(d)).toEqual([]);
    expect(d.cluster.list('Pod', { namespace: 'kube-system', labelSelector: 'app=kindnet' })).toHaveLength(3);
  });

  it("removes k3s's svclb DaemonSet with its Service's LoadBalancer", () => {
    const d = kdrive({ seed: 1, profile: 'k3s' });
    expect(d.cluster.list('DaemonSet')).toHaveLength(1);
    d.kubectl('delete svc traefik -n kube-system');
    d.advance(5000);
    expect(d.cluster.list('DaemonSet')).toEqual([]);
    expect(d.kubectl('get ds -A').text()).toBe('No resources found\n');
  });
});

describe('re-published objects', () => {
  it('publishes kube-root-ca.crt and creates the default ServiceAccount again, as new objects', () => {
    const d = kdrive({ seed: 1, profile: 'docker-desktop' });
    d.advance(10_000);
    const cm = d.cluster.get('ConfigMap', 'default', 'kube-root-ca.crt') as ConfigMap;
    const sa = d.cluster.get('ServiceAccount', 'default', 'default') as K8sObject;
    d.kubectl('delete cm kube-root-ca.crt');
    d.kubectl('delete sa default');
    const at = d.cluster.now();
    d.advance(1000);
    const cm2 = d.cluster.get('ConfigMap', 'default', 'kube-root-ca.crt') as ConfigMap;
    const sa2 = d.cluster.get('ServiceAccount', 'default', 'default') as K8sObject;
    expect(cm2.metadata.uid).not.toBe(cm.metadata.uid);
    expect(sa2.metadata.uid).not.toBe(sa.metadata.uid);
    expect(cm2.data).toEqual(cm.data);
    expect(cm2.metadata.annotations).toEqual(cm.metadata.annotations);
    for (const o of [cm2, sa2]) {
      const t = Date.parse(o.metadata.creationTimestamp as string);
      expect(t).toBeGreaterThanOrEqual(Math.floor(at / 1000) * 1000);
      expect(t).toBeLessThanOrEqual(at + 1000);
    }
    expect(d.kubectl('get cm,sa').text()).toBe(
      [
        'NAME                         DATA   AGE',
        'configmap/kube-root-ca.crt   1      1s',
        '',
        'NAME                     SECRETS   AGE',
        'serviceaccount/default   0         1s',
        '',
      ].join('\n'),
    );
    // Other ConfigMaps and ServiceAccounts are nobody's to re-create.
    d.kubectl('delete cm coredns -n kube-system');
    d.kubectl('delete sa coredns -n kube-system');
    d.advance(5000);
    expect(d.cluster.get('ConfigMap', 'kube-system', 'coredns')).toBeUndefined();
    expect(d.cluster.get('ServiceAccount', 'kube-system', 'coredns')).toBeUndefined();
  });

  it('does not re-publish into a namespace being deleted', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.kubectl('create namespace web');
    d.advance(2000);
    d.kubectl('delete namespace web --wait=false');
    d.advance(30_000);
    expect(d.cluster.list('ConfigMap', { namespace: 'web' })).toEqual([]);
    expect(d.cluster.list('ServiceAccount', { namespace: 'web' })).toEqual([]);
  });
});
