// kubectl describe node's resource tables [kubectl v0.34.9 pkg/describe/describe.go
// describeNodeResource, getPodsTotalRequestsAndLimits; pkg/util/resource PodRequestsAndLimits]:
// per-Pod requests and limits with their share of the allocatable, then the totals.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../sim/api/types';
import { kdrive } from '../testing';
import { describeNode } from './describe-node';

describe('kubectl describe node (docker-desktop)', () => {
  it('the system Pods requests and limits, Allocated resources, and the empty column after Name', () => {
    expect(kdrive({ seed: 1 }).kubectl('describe node').text()).toBe(
      [
        'Name:               docker-desktop',
        'Roles:              control-plane',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    beta.kubernetes.io/os=linux',
        '                    kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=docker-desktop',
        '                    kubernetes.io/os=linux',
        '                    node-role.kubernetes.io/control-plane=',
        '                    node.kubernetes.io/exclude-from-external-load-balancers=',
        'Annotations:        <none>',
        'CreationTimestamp:  Thu, 01 Jan 2026 11:13:00 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Thu, 01 Jan 2026 11:13:00 +0000   Thu, 01 Jan 2026 11:13:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  DiskPressure     False   Thu, 01 Jan 2026 11:13:00 +0000   Thu, 01 Jan 2026 11:13:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
        '  PIDPressure      False   Thu, 01 Jan 2026 11:13:00 +0000   Thu, 01 Jan 2026 11:13:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
        '  Ready            True    Thu, 01 Jan 2026 11:13:00 +0000   Thu, 01 Jan 2026 11:13:00 +0000   KubeletReady                 kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  192.168.65.3',
        '  Hostname:    docker-desktop',
        'Capacity:',
        '  cpu:                8',
        '  ephemeral-storage:  1055762868Ki',
        '  memory:             8024788Ki',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                8',
        '  ephemeral-storage:  972991057538',
        '  memory:             7922388Ki',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 ',
        '  System UUID:                ',
        '  Boot ID:                    ',
        '  Kernel Version:             6.10.14-linuxkit',
        '  OS Image:                   Docker Desktop',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.27',
        '  Kubelet Version:            v1.34.1',
        '  Kube-Proxy Version:         v1.34.1',
        'PodCIDR:                      10.1.0.0/16',
        'PodCIDRs:                     10.1.0.0/16',
        'Non-terminated Pods:          (9 in total)',
        '  Namespace                   Name                                      CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                                      ------------  ----------  ---------------  -------------  ---',
        '  kube-system                 coredns-66bc5c9577-f4tft                  100m (1%)     0 (0%)      70Mi (0%)        170Mi (2%)     6d22h',
        '  kube-system                 coredns-66bc5c9577-xkk6t                  100m (1%)     0 (0%)      70Mi (0%)        170Mi (2%)     6d22h',
        '  kube-system                 etcd-docker-desktop                       100m (1%)     0 (0%)      100Mi (1%)       0 (0%)         6d22h',
        '  kube-system                 kube-apiserver-docker-desktop             250m (3%)     0 (0%)      0 (0%)           0 (0%)         6d22h',
        '  kube-system                 kube-controller-manager-docker-desktop    200m (2%)     0 (0%)      0 (0%)           0 (0%)         6d22h',
        '  kube-system                 kube-proxy-blqf5                          0 (0%)        0 (0%)      0 (0%)           0 (0%)         6d22h',
        '  kube-system                 kube-scheduler-docker-desktop             100m (1%)     0 (0%)      0 (0%)           0 (0%)         6d22h',
        '  kube-system                 storage-provisioner                       0 (0%)        0 (0%)      0 (0%)           0 (0%)         6d22h',
        '  kube-system                 vpnkit-controller                         0 (0%)        0 (0%)      0 (0%)           0 (0%)         6d22h',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                850m (10%)  0 (0%)',
        '  memory             240Mi (3%)  340Mi (4%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });
});

const T = '2026-01-01T00:00:00Z';
const meta = (name: string) => ({
  name,
  namespace: 'ns',
  uid: name,
  resourceVersion: '1',
  creationTimestamp: T,
});
const pod = (name: string, spec: Record<string, unknown>, phase = 'Running'): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: meta(name), spec, status: { phase } }) as unknown as Pod;

describe('describeNode: PodRequestsAndLimits', () => {
  it('init containers by their peak, a restartable one added throughout, overhead, extended and hugepages rows', () => {
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n', uid: 'n', resourceVersion: '1', creationTimestamp: T },
      spec: {
        taints: [
          { key: 'b', effect: 'NoSchedule' },
          { key: 'a', value: 'v', effect: 'NoSchedule' },
          { key: 'c', effect: 'NoExecute' },
        ],
      },
      status: {
        allocatable: { cpu: '2', memory: '1Gi', pods: '110', 'hugepages-2Mi': '0', 'example.com/gpu': '2' },
      },
    } as unknown as Node;
    const a = pod('a', {
      containers: [
        { name: 'c1', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } } },
        { name: 'c2', resources: { requests: { cpu: '200m' } } },
      ],
      initContainers: [
        { name: 'i1', resources: { requests: { cpu: '500m' } } },
        {
          name: 's1',
          restartPolicy: 'Always',
          resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { memory: '32Mi' } },
        },
        { name: 'i2', resources: { requests: { cpu: '400m' } } },
      ],
      overhead: { cpu: '10m', memory: '8Mi' },
    });
    const b = pod('b', {
      containers: [
        {
          name: 'g',
          resources: { requests: { cpu: '1', 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '1' } },
        },
      ],
    });
    const done = pod(
      'c',
      { containers: [{ name: 'x', resources: { requests: { cpu: '1' } } }] },
      'Succeeded',
    );
    const out = describeNode({ obj: node, events: [], now: Date.parse(T), related: { pods: [a, b, done] } });
    // a: requests cpu max(100m+200m+50m, init peak 500m) + 10m = 510m, memory 64Mi+32Mi + 8Mi;
    // limits memory 128Mi+32Mi + 8Mi (overhead only where a limit is set), cpu none.
    expect(
      out.slice(
        out.indexOf('Taints:'),
        out.indexOf('Conditions:') >= 0 ? out.indexOf('Conditions:') : out.indexOf('Addresses:'),
      ),
    ).toBe(
      'Taints:             c:NoExecute\n                    a=v:NoSchedule\n                    b:NoSchedule\nUnschedulable:      false\n',
    );
    expect(out.slice(out.indexOf('Non-terminated Pods:'))).toBe(
      [
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----    ------------  ----------  ---------------  -------------  ---',
        '  ns                          a       510m (25%)    0 (0%)      104Mi (10%)      168Mi (16%)    0s',
        '  ns                          b       1 (50%)       0 (0%)      0 (0%)           0 (0%)         0s',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests     Limits',
        '  --------           --------     ------',
        '  cpu                1510m (75%)  0 (0%)',
        '  memory             104Mi (10%)  168Mi (16%)',
        '  ephemeral-storage  0 (0%)       0 (0%)',
        '  hugepages-2Mi      0 (0%)       0 (0%)',
        '  example.com/gpu    1            1',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });
});
