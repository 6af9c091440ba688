// `kubectl explain statefulset…` from schema-statefulset.ts (k8s.io/api v0.34.9 apps/v1 doc comments).
import { describe, expect, it } from 'vitest';
import { explain } from './explain';

function text(path: string): string {
  const r = explain(path);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

describe('kubectl explain statefulset', () => {
  it('prints the apps group header and the spec fields, selector and template required', () => {
    expect(text('sts').startsWith('GROUP:      apps\nKIND:       StatefulSet\nVERSION:    v1\n\n')).toBe(
      true,
    );
    const spec = text('statefulsets.spec');
    expect([...spec.matchAll(/^ {2}(\w+)\t<([^>]+)>(.*)$/gm)].map((m) => `${m[1]} ${m[2]}${m[3]}`)).toEqual([
      'minReadySeconds integer',
      'ordinals StatefulSetOrdinals',
      'persistentVolumeClaimRetentionPolicy StatefulSetPersistentVolumeClaimRetentionPolicy',
      'podManagementPolicy string',
      'replicas integer',
      'revisionHistoryLimit integer',
      'selector LabelSelector -required-',
      'serviceName string',
      'template PodTemplateSpec -required-',
      'updateStrategy StatefulSetUpdateStrategy',
    ]);
  });

  it('explains podManagementPolicy with its enum, and the partition', () => {
    const pmp = text('statefulset.spec.podManagementPolicy');
    expect(pmp).toContain('FIELD: podManagementPolicy <string>\nENUM:\n    OrderedReady\n    Parallel\n\n');
    expect(pmp).toContain('    podManagementPolicy controls how pods are created during initial scale up,\n');
    expect(text('sts.spec.updateStrategy.rollingUpdate.partition')).toContain(
      'DESCRIPTION:\n    Partition indicates the ordinal at which the StatefulSet should be\n',
    );
  });

  it('marks only status.replicas required in the status', () => {
    const st = text('sts.status');
    expect([...st.matchAll(/^ {2}(\w+)\t<[^>]+> -required-$/gm)].map((m) => m[1])).toEqual(['replicas']);
  });
});
