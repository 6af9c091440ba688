// The daemon controller's Node handlers (daemonset-node-events.ts) on the kind profile: a label
// the nodeSelector needs gains the node a Pod and losing it takes the Pod away; a NoSchedule taint
// keeps a new Pod off but leaves one already there, and its removal lets the Pod come; cordon
// neither evicts nor keeps off a daemon Pod (it tolerates node.kubernetes.io/unschedulable);
// the boot DaemonSets are queued by no label or taint change.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Node, Pod } from '../api/types';
import type { WatchEvent } from '../runtime/interfaces';
import { daemonSetNodeKeys, shouldIgnoreNodeUpdate } from './daemonset-node-events';

const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      nodeSelector:
        role: agent
      containers:
      - name: c
        image: nginx
`;

type D = ReturnType<typeof kdrive>;
const agentNodes = (d: D) =>
  (d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=agent' }) as Pod[])
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec.nodeName)
    .sort();
const systemPods = (d: D) =>
  (d.cluster.list('Pod', { namespace: 'kube-system' }) as Pod[]).map((p) => p.metadata.name).sort();
const dsEvents = (d: D) =>
  d
    .kubectl(
      'get events --field-selector involvedObject.kind=DaemonSet -o custom-columns=R:.reason --no-headers',
    )
    .text()
    .trim()
    .split('\n')
    .filter(Boolean);

describe('DaemonSet controller: Node label and taint changes', () => {
  it('a label the nodeSelector needs brings a Pod; removing it takes the Pod away', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).apply(AGENT).advance(5000);
    expect(agentNodes(d)).toEqual([]);
    expect(d.kubectl('label node kind-worker role=agent').text()).toBe('node/kind-worker labeled\n');
    d.advance(5000);
    expect(agentNodes(d)).toEqual(['kind-worker']);
    expect(d.kubectl('get ds agent --no-headers').text()).toMatch(
      /^agent\s+1\s+1\s+1\s+1\s+1\s+role=agent\s/,
    );
    d.kubectl('label node kind-worker role-');
    d.advance(1000);
    expect(agentNodes(d)).toEqual([]);
    expect(dsEvents(d)).toEqual(['SuccessfulCreate', 'SuccessfulDelete']);
  });

  it('a NoSchedule taint keeps a new Pod off and leaves the existing one; removing it lets the Pod come', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).apply(AGENT).advance(1000);
    d.kubectl('label node kind-worker role=agent');
    d.advance(5000);
    d.kubectl('taint node kind-worker x=y:NoSchedule');
    d.kubectl('taint node kind-worker2 x=y:NoSchedule');
    d.kubectl('label node kind-worker2 role=agent');
    d.advance(5000);
    // NodeShouldRunDaemonPod: an untolerated NoSchedule taint gives (false, true): the Pod stays.
    expect(agentNodes(d)).toEqual(['kind-worker']);
    expect(d.kubectl('taint node kind-worker2 x=y:NoSchedule-').text()).toBe('node/kind-worker2 untainted\n');
    d.advance(5000);
    expect(agentNodes(d)).toEqual(['kind-worker', 'kind-worker2']);
  });

  it('cordon neither evicts nor blocks a daemon Pod; the boot DaemonSets keep theirs', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).apply(AGENT).advance(1000);
    const before = systemPods(d);
    expect(d.kubectl('cordon kind-worker').text()).toBe('node/kind-worker cordoned\n');
    d.advance(1000);
    // The unschedulable taint is on; a label now brings the Pod all the same.
    d.kubectl('label node kind-worker role=agent');
    d.advance(5000);
    expect(agentNodes(d)).toEqual(['kind-worker']);
    expect(d.kubectl('get pods -l app=agent -o wide --no-headers').text()).toMatch(
      /^agent-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.1\.\d+\s+kind-worker\s/,
    );
    d.kubectl('uncordon kind-worker');
    d.kubectl('taint node kind-worker2 x=y:NoSchedule');
    d.advance(5000);
    expect(systemPods(d)).toEqual(before);
  });

  it('queues only the DaemonSets whose answer for the node changes, and nothing when labels and taints are the same', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).apply(AGENT).advance(1000);
    const { api } = d.cluster.internals;
    const node = d.cluster.get('Node', undefined, 'kind-worker') as Node;
    const labelled = {
      ...node,
      metadata: { ...node.metadata, labels: { ...node.metadata.labels, role: 'agent' } },
    } as Node;
    const ev = (type: WatchEvent['type'], object: Node, old?: Node) =>
      ({ type, kind: 'Node', key: 'x', object, ...(old ? { old } : {}) }) as unknown as WatchEvent;
    expect(daemonSetNodeKeys(api, ev('MODIFIED', labelled, node))).toEqual(['DaemonSet/default/agent']);
    expect(daemonSetNodeKeys(api, ev('MODIFIED', node, labelled))).toEqual(['DaemonSet/default/agent']);
    // A status-only change (the kubelet's heartbeat) is ignored.
    const beat = { ...node, status: { ...node.status, conditions: [] } } as Node;
    expect(shouldIgnoreNodeUpdate(node, beat)).toBe(true);
    expect(daemonSetNodeKeys(api, ev('MODIFIED', beat, node))).toEqual([]);
    // nil and empty taints are Semantic.DeepEqual.
    const empty = { ...node, spec: { ...node.spec, taints: [] } } as Node;
    expect(shouldIgnoreNodeUpdate(node, empty)).toBe(true);
    // A taint the boot DaemonSets tolerate changes the agent's answer only if it runs there.
    const tainted = {
      ...labelled,
      spec: { ...labelled.spec, taints: [{ key: 'x', value: 'y', effect: 'NoExecute' }] },
    } as unknown as Node;
    expect(daemonSetNodeKeys(api, ev('MODIFIED', tainted, labelled))).toEqual(['DaemonSet/default/agent']);
    expect(daemonSetNodeKeys(api, ev('MODIFIED', tainted, node))).toEqual([]);
    // addNode: every DaemonSet that should run on it (the boot's tolerate everything).
    expect(daemonSetNodeKeys(api, ev('ADDED', node))).toEqual([
      'DaemonSet/kube-system/kindnet',
      'DaemonSet/kube-system/kube-proxy',
    ]);
    expect(daemonSetNodeKeys(api, ev('ADDED', labelled))).toEqual([
      'DaemonSet/default/agent',
      'DaemonSet/kube-system/kindnet',
      'DaemonSet/kube-system/kube-proxy',
    ]);
    expect(daemonSetNodeKeys(api, ev('DELETED', labelled))).toEqual([]);
  });

  it('a second reconcile of every DaemonSet after a Node change writes nothing', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).apply(AGENT).advance(1000);
    d.kubectl('label node kind-worker role=agent');
    d.kubectl('cordon kind-worker2');
    d.advance(10_000);
    const { manager, store } = d.cluster.internals;
    const rev = store.revision;
    for (const k of [
      'DaemonSet/default/agent',
      'DaemonSet/kube-system/kube-proxy',
      'DaemonSet/kube-system/kindnet',
    ])
      manager.enqueueFor('publishers', k);
    manager.runUntilIdle();
    expect(store.revision).toBe(rev);
  });
});
