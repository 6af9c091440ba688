// kubectl describe / get -o wide of the storage kinds, exact (./describe-storage, ./tables-storage).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';
import { accessModesString, storageString } from './tables-storage';

describe('describe storageclass', () => {
  it('docker-desktop', () => {
    expect(kdrive({ seed: 1 }).kubectl('describe sc').text()).toBe(
      `Name:                  hostpath
IsDefaultClass:        Yes
Annotations:           storageclass.kubernetes.io/is-default-class=true
Provisioner:           docker.io/hostpath
Parameters:            <none>
AllowVolumeExpansion:  <unset>
MountOptions:          <none>
ReclaimPolicy:         Delete
VolumeBindingMode:     Immediate
Events:                <none>
`,
    );
  });

  it('kind: the last-applied annotation ends in a newline, which splits the tabwriter block', () => {
    expect(kdrive({ seed: 1, profile: 'kind' }).kubectl('describe storageclass standard').text()).toBe(
      `Name:            standard
IsDefaultClass:  Yes
Annotations:     kubectl.kubernetes.io/last-applied-configuration={"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"},"name":"standard"},"provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}
,storageclass.kubernetes.io/is-default-class=true
Provisioner:           rancher.io/local-path
Parameters:            <none>
AllowVolumeExpansion:  <unset>
MountOptions:          <none>
ReclaimPolicy:         Delete
VolumeBindingMode:     WaitForFirstConsumer
Events:                <none>
`,
    );
  });
});

describe('get -o wide and helpers', () => {
  it('a Pending claim has no capacity or access modes yet; wide adds VOLUMEMODE', () => {
    const d = kdrive({ seed: 1 }).applyOk(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: later
spec:
  storageClassName: nowhere
  accessModes: [ReadWriteOnce, ReadOnlyMany]
  resources:
    requests:
      storage: 1024Mi`);
    expect(d.kubectl('get pvc -o wide').text()).toBe(
      'NAME    STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE\n' +
        'later   Pending                                      nowhere        <unset>                 0s    Filesystem\n',
    );
    d.kubectl('describe pvc later');
    expect(d.text()).toContain(
      'Capacity:      \nAccess Modes:  \nVolumeMode:    Filesystem\nUsed By:       <none>\n',
    );
  });

  it('GetAccessModesAsString order and Quantity.String', () => {
    expect(
      accessModesString([
        'ReadWriteOncePod',
        'ReadWriteMany',
        'ReadOnlyMany',
        'ReadWriteOnce',
        'ReadWriteOnce',
      ]),
    ).toBe('RWO,ROX,RWX,RWOP');
    expect(accessModesString([])).toBe('');
    expect(storageString('1Gi')).toBe('1Gi');
    expect(storageString(undefined)).toBe('0');
  });
});
