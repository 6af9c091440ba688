import { describe, expect, it } from 'vitest';
import type { K8sObject, Pod } from '../../sim/api/types';
import { iso, meta, pod, T0 } from '../verbs/read-fixtures';
import { buildRows, podStatusReason, type TableOptions } from './tables';
import { renderRows } from './tabwriter';

const NOW = T0 + 5 * 60_000;
const opts: TableOptions = {
  now: NOW,
  wide: false,
  withNamespace: false,
  kindPrefix: undefined,
  showLabels: false,
  noHeaders: false,
};

function withState(p: K8sObject, state: Record<string, unknown>, phase = 'Pending'): Pod {
  const c = structuredClone(p) as Pod;
  c.status.phase = phase as Pod['status']['phase'];
  (c.status.containerStatuses as NonNullable<Pod['status']['containerStatuses']>)[0] = {
    ...(c.status.containerStatuses?.[0] as NonNullable<Pod['status']['containerStatuses']>[number]),
    ready: false,
    state,
  };
  return c;
}

describe('pod STATUS (printPod, reference §B3)', () => {
  const base = pod('p', T0, { app: 'a', hash: 'h', ip: '10.1.0.9' });
  it.each([
    [{ waiting: { reason: 'ContainerCreating' } }, 'Pending', 'ContainerCreating'],
    [{ waiting: { reason: 'ErrImagePull' } }, 'Pending', 'ErrImagePull'],
    [{ waiting: { reason: 'ImagePullBackOff' } }, 'Pending', 'ImagePullBackOff'],
    [{ waiting: { reason: 'CrashLoopBackOff' } }, 'Running', 'CrashLoopBackOff'],
    [{ terminated: { exitCode: 0, reason: 'Completed' } }, 'Succeeded', 'Completed'],
    [{ terminated: { exitCode: 137, reason: 'OOMKilled' } }, 'Running', 'OOMKilled'],
    [{ terminated: { exitCode: 3, reason: '' } }, 'Failed', 'ExitCode:3'],
    [{}, 'Pending', 'Pending'],
  ])('%j in phase %s → %s', (state, phase, want) => {
    expect(podStatusReason(withState(base, state, phase))).toBe(want);
  });

  it('Terminating once deletionTimestamp is set, unless the phase is terminal', () => {
    const p = structuredClone(base) as Pod;
    p.metadata.deletionTimestamp = iso(NOW);
    expect(podStatusReason(p)).toBe('Terminating');
    const done = withState(p, { terminated: { exitCode: 0, reason: 'Completed' } }, 'Succeeded');
    expect(podStatusReason(done)).toBe('Completed');
  });
});

describe('other tables', () => {
  it('endpointslices: ADDRESSTYPE PORTS ENDPOINTS, <unset>, + N more...', () => {
    const s = (name: string, addrs: string[], ports: number[]): K8sObject =>
      ({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta(name, T0),
        addressType: 'IPv4',
        endpoints: addrs.map((a) => ({
          addresses: [a],
          conditions: { ready: true, serving: true, terminating: false },
        })),
        ports: ports.map((port) => ({ port, protocol: 'TCP' })),
      }) as K8sObject;
    const rows = buildRows(
      'EndpointSlice',
      [
        s('sleep-2-x4k9p', ['10.1.0.31'], [80]),
        s('web-abcde', ['10.1.0.1', '10.1.0.2', '10.1.0.3', '10.1.0.4', '10.1.0.5'], [80]),
        s('x-empty', [], []),
      ],
      opts,
    );
    expect(renderRows(rows)).toBe(
      'NAME            ADDRESSTYPE   PORTS     ENDPOINTS                                AGE\n' +
        'sleep-2-x4k9p   IPv4          80        10.1.0.31                                5m\n' +
        'web-abcde       IPv4          80        10.1.0.1,10.1.0.2,10.1.0.3 + 2 more...   5m\n' +
        'x-empty         IPv4          <unset>   <unset>                                  5m\n',
    );
  });

  it('nodes and namespaces', () => {
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta(
        'docker-desktop',
        T0,
        { labels: { 'node-role.kubernetes.io/control-plane': '' } },
        undefined,
      ),
      spec: { podCIDR: '10.1.0.0/16', podCIDRs: ['10.1.0.0/16'] },
      status: {
        addresses: [{ type: 'InternalIP', address: '192.168.65.3' }],
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: '' }],
        nodeInfo: {
          kubeletVersion: 'v1.34.1',
          osImage: 'Docker Desktop',
          kernelVersion: '6.10.14-linuxkit',
          containerRuntimeVersion: 'docker://28.3.2',
        },
      },
    } as K8sObject;
    expect(renderRows(buildRows('Node', [node], { ...opts, wide: true }))).toBe(
      'NAME             STATUS   ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE         KERNEL-VERSION     CONTAINER-RUNTIME\n' +
        'docker-desktop   Ready    control-plane   5m    v1.34.1   192.168.65.3   <none>        Docker Desktop   6.10.14-linuxkit   docker://28.3.2\n',
    );
    const ns = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta('default', T0, {}, undefined),
      spec: { finalizers: [] },
      status: { phase: 'Active' },
    } as K8sObject;
    expect(renderRows(buildRows('Namespace', [ns], opts))).toBe(
      'NAME      STATUS   AGE\ndefault   Active   5m\n',
    );
  });

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE with lowercase kind/name', () => {
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta('sleep-1.1', T0),
      involvedObject: { kind: 'Deployment', name: 'sleep-1', namespace: 'default' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set sleep-1-8f68bd59d from 0 to 1',
      type: 'Normal',
      source: { component: 'deployment-controller' },
      firstTimestamp: iso(T0),
      lastTimestamp: iso(T0 + 60_000),
      count: 1,
    } as K8sObject;
    expect(renderRows(buildRows('Event', [ev], opts))).toBe(
      'LAST SEEN   TYPE     REASON              OBJECT               MESSAGE\n' +
        '4m          Normal   ScalingReplicaSet   deployment/sleep-1   Scaled up replica set sleep-1-8f68bd59d from 0 to 1\n',
    );
  });

  it('cuts cells with newlines at the first one and marks them', () => {
    const p = structuredClone(pod('p', T0, { app: 'a', hash: 'h' })) as Pod;
    p.status.containerStatuses = [];
    p.status.reason = 'Evicted\nmore';
    expect(buildRows('Pod', [p], { ...opts, noHeaders: true })[0]?.[2]).toBe('Evicted...');
  });
});
