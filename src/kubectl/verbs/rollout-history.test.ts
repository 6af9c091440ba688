// A Deployment's annotations reach its ReplicaSets (SetNewReplicaSetAnnotations /
// copyDeploymentAnnotationsToReplicaSet, kubectl's last-applied and the controller's own excepted),
// so `kubectl rollout history` shows each revision's kubernetes.io/change-cause; minReadySeconds
// follows the Deployment onto its current ReplicaSet without a new one.
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../sim/api/types';
import { deploymentYaml } from '../../sim/testing/manifests';
import { kdrive } from '../testing';

const web = (cause: string, image: string, minReady?: number) =>
  deploymentYaml(
    'web',
    { name: 'web', image },
    {
      annotations: { 'kubernetes.io/change-cause': cause },
      ...(minReady === undefined ? {} : { minReadySeconds: minReady }),
    },
  );

describe('rollout history and the annotations a ReplicaSet takes from its Deployment', () => {
  it('each revision shows the change-cause its Deployment had; the controller’s own annotations stay apart', () => {
    const d = kdrive().apply(web('first', 'nginx')).advance(30_000);
    const [rs1] = d.cluster.list('ReplicaSet', { namespace: 'default' }) as ReplicaSet[];
    expect(rs1?.metadata.annotations?.['kubernetes.io/change-cause']).toBe('first');
    expect(rs1?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    expect(rs1?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');

    d.apply(web('second', 'nginx:alpine')).advance(60_000);
    d.kubectl('rollout history deployment/web');
    expect(d.stdout()).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         second\n\n',
    );
    // A new cause alone (same template) updates the current ReplicaSet: no new revision.
    d.apply(web('second, annotated again', 'nginx:alpine')).advance(5_000);
    d.kubectl('rollout history deployment/web');
    expect(d.stdout()).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         second, annotated again\n\n',
    );
    expect(d.cluster.list('ReplicaSet', { namespace: 'default' })).toHaveLength(2);
  });

  it('minReadySeconds follows the Deployment onto its current ReplicaSet', () => {
    const d = kdrive().apply(web('x', 'nginx')).advance(30_000);
    const rs = () => (d.cluster.list('ReplicaSet', { namespace: 'default' }) as ReplicaSet[])[0];
    expect(rs()?.spec.minReadySeconds).toBeUndefined();
    const name = rs()?.metadata.name;
    d.apply(web('x', 'nginx', 10)).advance(1_000);
    expect(rs()?.spec.minReadySeconds).toBe(10);
    expect(rs()?.metadata.name).toBe(name);
    d.apply(web('x', 'nginx')).advance(1_000);
    expect(rs()?.spec.minReadySeconds).toBeUndefined();
  });
});
