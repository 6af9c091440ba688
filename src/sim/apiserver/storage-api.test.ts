// The storage kinds in the API server: each profile's default StorageClass from boot, defaulting,
// DefaultStorageClass and StorageObjectInUseProtection admission, 1.34 validation messages and
// strict decoding (./storage-api, ./storage-validation, ./storage-classes).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject } from '../api/types';
import { drive } from '../testing/driver';
import { claimYaml } from '../testing/manifests';

function apply(d: ReturnType<typeof kdrive>, yaml: string): string {
  d.sh(`cat <<EOF > x.yaml\n${yaml}\nEOF`);
  d.kubectl('apply -f x.yaml');
  return d.text();
}

describe('default StorageClass per profile', () => {
  it('docker-desktop: hostpath (default), docker.io/hostpath, Immediate', () => {
    const d = kdrive({ seed: 1 }).kubectl('get sc');
    expect(d.text()).toBe(
      'NAME                 PROVISIONER          RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE\n' +
        'hostpath (default)   docker.io/hostpath   Delete          Immediate           false                  6d22h\n',
    );
  });

  it('kind: standard (default), rancher.io/local-path, WaitForFirstConsumer, applied by kubectl', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).kubectl('get storageclasses');
    expect(d.text()).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  6d22h\n',
    );
    const sc = d.cluster.get('StorageClass', undefined, 'standard') as K8sObject;
    expect(sc.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration':
        '{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"},"name":"standard"},"provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}\n',
      'storageclass.kubernetes.io/is-default-class': 'true',
    });
  });

  it('k3s: local-path (default) with defaultVolumeType local', () => {
    const d = kdrive({ seed: 1, profile: 'k3s' }).kubectl('get sc local-path -o yaml');
    expect(d.text()).toContain(
      '  annotations:\n    defaultVolumeType: local\n    storageclass.kubernetes.io/is-default-class: "true"\n',
    );
    expect(d.text()).toContain(
      'provisioner: rancher.io/local-path\nreclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\n',
    );
  });

  it('is the same object whenever it is first read (seeded uid, boot creation time)', () => {
    const a = drive({ seed: 3, profile: 'kind' });
    const b = drive({ seed: 3, profile: 'kind' });
    b.advance(60_000);
    expect(b.get('StorageClass', 'standard')?.metadata.uid).toBe(
      a.get('StorageClass', 'standard')?.metadata.uid,
    );
    expect(a.snapshot()).toBe(drive({ seed: 3, profile: 'kind' }).snapshot());
  });
});

describe('PersistentVolumeClaim create', () => {
  it('defaults volumeMode and phase, gets the default class and the pvc-protection finalizer', () => {
    const d = drive({ seed: 1 }).applyOk(claimYaml('data'));
    const c = d.get('PersistentVolumeClaim', 'data') as K8sObject;
    expect(c.spec.storageClassName).toBe('hostpath');
    expect(c.spec.volumeMode).toBe('Filesystem');
    expect(c.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
  });

  it('an explicit "" class stays "" (no default), a named one is kept', () => {
    const d = drive({ seed: 1 })
      .applyOk(claimYaml('none', '\n  storageClassName: ""'))
      .applyOk(claimYaml('named', '\n  storageClassName: fast'));
    expect(d.get('PersistentVolumeClaim', 'none')?.spec.storageClassName).toBe('');
    expect(d.get('PersistentVolumeClaim', 'named')?.spec.storageClassName).toBe('fast');
  });

  it('of two default classes the newest is chosen (GetDefaultClass)', () => {
    const d = drive({ seed: 1 })
      .advance(1000)
      .applyOk(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: newer
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: example.com/x`)
      .applyOk(claimYaml('data'));
    expect(d.get('PersistentVolumeClaim', 'data')?.spec.storageClassName).toBe('newer');
    const sc = d.cluster.get('StorageClass', undefined, 'newer') as K8sObject;
    expect([
      (sc as { reclaimPolicy?: string }).reclaimPolicy,
      (sc as { volumeBindingMode?: string }).volumeBindingMode,
    ]).toEqual(['Delete', 'Immediate']);
  });

  it('no default class at all leaves storageClassName unset', () => {
    const d = drive({ seed: 1 }).delete('StorageClass', 'hostpath').applyOk(claimYaml('data'));
    expect(d.get('PersistentVolumeClaim', 'data')?.spec.storageClassName).toBeUndefined();
  });
});

describe('validation (1.34 messages)', () => {
  it('claim spec', () => {
    const d = kdrive({ seed: 1 });
    expect(
      apply(
        d,
        `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: bad
spec:
  accessModes: [ReadWriteEverywhere]
  volumeMode: Disk
  storageClassName: Fast_Disks
  resources:
    requests:
      storage: "0"`,
      ),
    ).toBe(
      'The PersistentVolumeClaim "bad" is invalid: \n' +
        '* spec.accessModes: Unsupported value: "ReadWriteEverywhere": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"\n' +
        '* spec.resources[storage]: Invalid value: "0": must be greater than zero\n' +
        "* spec.storageClassName: Invalid value: \"Fast_Disks\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" +
        '* spec.volumeMode: Unsupported value: "Disk": supported values: "Block", "Filesystem"\n',
    );
    expect(apply(d, 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: bad2\nspec: {}')).toBe(
      'The PersistentVolumeClaim "bad2" is invalid: \n' +
        '* spec.accessModes: Required value: at least 1 access mode is required\n' +
        '* spec.resources[storage]: Required value\n',
    );
    expect(apply(d, claimYaml('rwop').replace('[ReadWriteOnce]', '[ReadWriteOncePod, ReadWriteOnce]'))).toBe(
      'The PersistentVolumeClaim "rwop" is invalid: spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes\n',
    );
  });

  it("claim update: the spec is immutable but for a bound claim's request", () => {
    const d = kdrive({ seed: 1 });
    apply(d, claimYaml('good'));
    expect(apply(d, claimYaml('good').replace('ReadWriteOnce', 'ReadWriteMany'))).toBe(
      'The PersistentVolumeClaim "good" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n',
    );
    expect(apply(d, claimYaml('good').replace('100Mi', '50Mi'))).toBe(
      'The PersistentVolumeClaim "good" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity\n',
    );
  });

  it('StorageClass create and update', () => {
    const d = kdrive({ seed: 1 });
    expect(
      apply(
        d,
        'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nreclaimPolicy: Recycle\nvolumeBindingMode: Later',
      ),
    ).toBe(
      'The StorageClass "fast" is invalid: \n' +
        '* provisioner: Required value\n' +
        '* reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"\n' +
        '* volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"\n',
    );
    expect(
      apply(
        d,
        'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: slow\nprovisioner: example.com/slow',
      ),
    ).toBe('storageclass.storage.k8s.io/slow created\n');
    expect(
      apply(
        d,
        'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: slow\nprovisioner: example.com/fast\nreclaimPolicy: Retain\nvolumeBindingMode: WaitForFirstConsumer',
      ),
    ).toBe(
      'The StorageClass "slow" is invalid: \n' +
        '* provisioner: Forbidden: updates to provisioner are forbidden.\n' +
        '* reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.\n' +
        '* volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable\n',
    );
  });

  it('PersistentVolume', () => {
    const d = kdrive({ seed: 1 });
    expect(
      apply(
        d,
        'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n  accessModes: [ReadWriteOnce]\n  capacity: {storage: 1Gi, cpu: "1"}',
      ),
    ).toBe(
      'The PersistentVolume "pv1" is invalid: \n' +
        '* spec.capacity: Unsupported value: {"cpu":"1","storage":"1Gi"}: supported values: "storage"\n' +
        '* spec: Required value: must specify a volume type\n',
    );
    expect(
      apply(
        d,
        'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv2\nspec:\n  accessModes: [ReadWriteOnce]\n  capacity: {storage: 1Gi}\n  local: {path: /mnt/x}',
      ),
    ).toBe(
      'The PersistentVolume "pv2" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity\n',
    );
  });

  it('wrong-typed fields are refused by the strict decoder', () => {
    const d = kdrive({ seed: 1 });
    expect(apply(d, claimYaml('t').replace('[ReadWriteOnce]', 'ReadWriteOnce'))).toBe(
      'Error from server (BadRequest): error when creating "x.yaml": PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type []v1.PersistentVolumeAccessMode\n',
    );
    expect(apply(d, claimYaml('t').replace('100Mi', 'lots'))).toBe(
      `Error from server (BadRequest): error when creating "x.yaml": PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n`,
    );
  });
});
