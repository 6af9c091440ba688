// `kubectl explain` of the storage kinds from schema-storage.ts (k8s.io/api v0.34.9 Swagger docs).
import { describe, expect, it } from 'vitest';
import { explain } from './explain';

function text(path: string): string {
  const r = explain(path);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

const fields = (t: string) =>
  [...t.matchAll(/^ {2}(\w+)\t<([^>]+)>(.*)$/gm)].map((m) => `${m[1]} ${m[2]}${m[3]}`);

describe('kubectl explain pvc, pv, sc', () => {
  it('pvc.spec lists the claim spec fields, volumeMode with its enum', () => {
    expect(text('pvc').startsWith('KIND:       PersistentVolumeClaim\nVERSION:    v1\n\n')).toBe(true);
    expect(fields(text('persistentvolumeclaims.spec'))).toEqual([
      'accessModes []string',
      'dataSource TypedLocalObjectReference',
      'dataSourceRef TypedObjectReference',
      'resources VolumeResourceRequirements',
      'selector LabelSelector',
      'storageClassName string',
      'volumeAttributesClassName string',
      'volumeMode string',
      'volumeName string',
    ]);
    expect(text('pvc.spec')).toContain('  volumeMode\t<string>\n  enum: Block, Filesystem\n');
    expect(fields(text('pvc.spec.resources'))).toEqual([
      'limits map[string]Quantity',
      'requests map[string]Quantity',
    ]);
  });

  it('pv.spec names every volume source; claimRef is an ObjectReference; the reclaim policy enum', () => {
    const f = fields(text('pv.spec'));
    expect(f).toContain('hostPath HostPathVolumeSource');
    expect(f).toContain('local LocalVolumeSource');
    expect(f).toContain('claimRef ObjectReference');
    expect(f).toHaveLength(31);
    expect(text('pv.spec.persistentVolumeReclaimPolicy')).toContain(
      'FIELD: persistentVolumeReclaimPolicy <string>\nENUM:\n    Delete\n    Recycle\n    Retain\n\n',
    );
    expect(fields(text('pv.spec.hostPath'))).toEqual(['path string -required-', 'type string']);
  });

  it('sc: the storage.k8s.io group, provisioner required', () => {
    const t = text('sc');
    expect(t.startsWith('GROUP:      storage.k8s.io\nKIND:       StorageClass\nVERSION:    v1\n\n')).toBe(
      true,
    );
    expect(fields(t)).toEqual([
      'allowVolumeExpansion boolean',
      'allowedTopologies []TopologySelectorTerm',
      'apiVersion string',
      'kind string',
      'metadata ObjectMeta',
      'mountOptions []string',
      'parameters map[string]string',
      'provisioner string -required-',
      'reclaimPolicy string',
      'volumeBindingMode string',
    ]);
    expect(t).toContain('  volumeBindingMode\t<string>\n  enum: Immediate, WaitForFirstConsumer\n');
  });
});
