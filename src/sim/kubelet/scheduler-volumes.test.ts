// The full scheduler's VolumeBinding plugin (./scheduler-volumes): a missing claim, an unbound
// Immediate claim, a bound volume's node affinity, and the retry when the claim changes.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject } from '../api/types';
import { claimYaml } from '../testing/manifests';

const POD = (name: string, claim: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${extra}
  containers:
  - name: c
    image: nginx
  volumes:
  - name: d
    persistentVolumeClaim:
      claimName: ${claim}`;
const TAIL =
  'no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';

const claimOf = (d: ReturnType<typeof kdrive>, name: string) =>
  d.get('PersistentVolumeClaim', name) as K8sObject;

function scheduledCondition(d: ReturnType<typeof kdrive>, name: string): unknown {
  return ((d.get('Pod', name) as K8sObject).status?.conditions ?? []).find(
    (c: { type: string }) => c.type === 'PodScheduled',
  );
}

describe('VolumeBinding', () => {
  it('a Pod naming a missing claim waits, and is scheduled once the claim exists and binds', () => {
    const d = kdrive({ seed: 1 }).applyOk(POD('p', 'data')).advance(2000);
    const msg = `0/1 nodes are available: persistentvolumeclaim "data" not found. ${TAIL}`;
    expect(scheduledCondition(d, 'p')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: msg,
    });
    d.kubectl('get events --field-selector involvedObject.name=p');
    expect(d.text()).toBe(
      'LAST SEEN   TYPE      REASON             OBJECT   MESSAGE\n' +
        `2s          Warning   FailedScheduling   pod/p    ${msg}\n`,
    );
    d.applyOk(claimYaml('data')).advance(1000);
    expect((d.get('Pod', 'p') as K8sObject).spec.nodeName).toBe('docker-desktop');
  });

  it('an unbound claim of a class that binds Immediately: "pod has unbound immediate PersistentVolumeClaims"', () => {
    const d = kdrive({ seed: 1 })
      .applyOk(claimYaml('data', '\n  storageClassName: fast'))
      .applyOk(POD('p', 'data'))
      .advance(2000);
    expect(scheduledCondition(d, 'p')).toMatchObject({
      message: `0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${TAIL}`,
    });
  });

  it('a claim being deleted', () => {
    const d = kdrive({ seed: 1 })
      .applyOk(claimYaml('data'))
      .applyOk(POD('user', 'data'))
      .advance(2000)
      .delete('PersistentVolumeClaim', 'data')
      .applyOk(POD('late', 'data'))
      .advance(1000);
    expect(scheduledCondition(d, 'late')).toMatchObject({
      message: `0/1 nodes are available: persistentvolumeclaim "data" is being deleted. ${TAIL}`,
    });
  });

  it("kind: every Pod on a local-path claim lands on the volume's node; another node is a conflict", () => {
    const d = kdrive({ seed: 1, profile: 'kind' })
      .applyOk(claimYaml('data'))
      .applyOk(POD('a', 'data'))
      .advance(6000);
    const node = (d.get('Pod', 'a') as K8sObject).spec.nodeName as string;
    for (let i = 0; i < 4; i++) d.applyOk(POD(`b${i}`, 'data'));
    d.advance(1000);
    for (let i = 0; i < 4; i++) expect((d.get('Pod', `b${i}`) as K8sObject).spec.nodeName).toBe(node);
    const other = node === 'kind-worker' ? 'kind-worker2' : 'kind-worker';
    d.applyOk(POD('c', 'data', `\n  nodeSelector:\n    kubernetes.io/hostname: ${other}`)).advance(1000);
    expect(scheduledCondition(d, 'c')).toMatchObject({
      message:
        "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    });
  });
});

describe('VolumeBinding PreBind', () => {
  it('kind: the Pod is bound only once its WaitForFirstConsumer claim is, after the provisioner ran', () => {
    const d = kdrive({ seed: 1, profile: 'kind' })
      .applyOk(claimYaml('data'))
      .applyOk(POD('p', 'data'))
      .advance(1000);
    expect((d.get('Pod', 'p') as K8sObject).spec.nodeName).toBeUndefined();
    d.advance(3000);
    const node = (d.get('Pod', 'p') as K8sObject).spec.nodeName;
    expect(node).toBe(claimOf(d, 'data').metadata.annotations?.['volume.kubernetes.io/selected-node']);
    d.kubectl('get events -o custom-columns=AGE:.lastTimestamp,REASON:.reason');
    expect(d.text()).toBe(
      'AGE                    REASON\n' +
        '2026-01-08T09:30:00Z   WaitForFirstConsumer\n' +
        '2026-01-08T09:30:00Z   ExternalProvisioning\n' +
        '2026-01-08T09:30:00Z   Provisioning\n' +
        '2026-01-08T09:30:03Z   ProvisioningSucceeded\n' +
        '2026-01-08T09:30:03Z   Scheduled\n' +
        '2026-01-08T09:30:03Z   Pulling\n',
    );
  });

  it('with no provisioner running, PreBind gives up after 600 s', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.kubectl('scale deploy local-path-provisioner -n local-path-storage --replicas=0').advance(60_000);
    d.applyOk(claimYaml('data')).applyOk(POD('p', 'data')).advance(599_000);
    expect(scheduledCondition(d, 'p')).toBeUndefined();
    d.advance(2000);
    expect(scheduledCondition(d, 'p')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded',
    });
    expect((d.get('Pod', 'p') as K8sObject).spec.nodeName).toBeUndefined();
  });
});
