// The PV controller and the profiles' provisioners (./pv-controller, ./pv-provisioner): Immediate
// binding on Docker Desktop, WaitForFirstConsumer on kind and k3s, the bind annotations, static
// binding, reclaim Delete/Retain, pvc-protection, and that a second reconcile writes nothing.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { K8sObject } from '../api/types';
import { claimYaml } from '../testing/manifests';

const POD = (name: string, claim: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: nginx
    volumeMounts:
    - name: d
      mountPath: /data
  volumes:
  - name: d
    persistentVolumeClaim:
      claimName: ${claim}`;

function claim(d: ReturnType<typeof kdrive>, name: string): K8sObject {
  return d.get('PersistentVolumeClaim', name) as K8sObject;
}

/** Every PV-controller key again, then the queue run: the store must not move. */
function reconcileAgainWritesNothing(d: ReturnType<typeof kdrive>): void {
  const { store, manager } = d.cluster.internals;
  const before = store.revision;
  for (const c of store.list('PersistentVolumeClaim'))
    manager.enqueueFor('publishers', `PersistentVolumeClaim/${c.metadata.namespace}/${c.metadata.name}`);
  for (const v of store.list('PersistentVolume'))
    manager.enqueueFor('publishers', `PersistentVolume/${v.metadata.name}`);
  manager.runUntilIdle();
  expect(store.revision).toBe(before);
}

describe('docker-desktop: Immediate binding by docker.io/hostpath', () => {
  it('binds a claim no Pod uses, with the annotations the controller writes', () => {
    const d = kdrive({ seed: 1 }).applyOk(claimYaml('data')).advance(1000);
    const c = claim(d, 'data');
    const pv = `pvc-${c.metadata.uid}`;
    expect(c.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration': expect.any(String),
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'docker.io/hostpath',
      'volume.kubernetes.io/storage-provisioner': 'docker.io/hostpath',
    });
    expect(c.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '100Mi' },
    });
    d.kubectl('get pvc,pv');
    expect(d.text()).toBe(
      'NAME                         STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        `persistentvolumeclaim/data   Bound    ${pv}   100Mi      RWO            hostpath       <unset>                 1s\n\n` +
        'NAME                                                        CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        `persistentvolume/${pv}   100Mi      RWO            Delete           Bound    default/data   hostpath       <unset>                          1s\n`,
    );
    const v = d.cluster.get('PersistentVolume', undefined, pv) as K8sObject;
    expect(v.metadata.annotations).toEqual({
      'docker.io/hostpath': `/var/lib/k8s-pvs/data/${pv}`,
      'pv.kubernetes.io/provisioned-by': 'docker.io/hostpath',
    });
    expect(v.spec.hostPath).toEqual({ path: `/var/lib/k8s-pvs/data/${pv}` });
    expect(v.spec.claimRef).toMatchObject({
      kind: 'PersistentVolumeClaim',
      namespace: 'default',
      name: 'data',
      uid: c.metadata.uid,
    });
    expect(v.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    reconcileAgainWritesNothing(d);
  });

  it('describe pvc shows the provisioning Events', () => {
    const d = kdrive({ seed: 1 }).applyOk(claimYaml('data')).advance(2000);
    const uid = claim(d, 'data').metadata.uid;
    d.kubectl('describe pvc data');
    expect(d.text()).toBe(
      `Name:          data
Namespace:     default
StorageClass:  hostpath
Status:        Bound
Volume:        pvc-${uid}
Labels:        <none>
Annotations:   pv.kubernetes.io/bind-completed: yes
               pv.kubernetes.io/bound-by-controller: yes
               volume.beta.kubernetes.io/storage-provisioner: docker.io/hostpath
               volume.kubernetes.io/storage-provisioner: docker.io/hostpath
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      100Mi
Access Modes:  RWO
VolumeMode:    Filesystem
Used By:       <none>
Events:
  Type    Reason                 Age   From                                                                         Message
  ----    ------                 ----  ----                                                                         -------
  Normal  ExternalProvisioning   2s    persistentvolume-controller                                                  Waiting for a volume to be created either by the external provisioner 'docker.io/hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
  Normal  Provisioning           2s    docker.io/hostpath_storage-provisioner_${d.text().match(/storage-provisioner_([0-9a-f-]{36})/)?.[1]}  External provisioner is provisioning volume for claim "default/data"
  Normal  ProvisioningSucceeded  2s    docker.io/hostpath_storage-provisioner_${d.text().match(/storage-provisioner_([0-9a-f-]{36})/)?.[1]}  Successfully provisioned volume pvc-${uid}
`,
    );
  });

  it('a missing class: ProvisioningFailed; no class at all: FailedBinding', () => {
    const d = kdrive({ seed: 1 })
      .applyOk(claimYaml('a', '\n  storageClassName: fast'))
      .applyOk(claimYaml('b', '\n  storageClassName: ""'))
      .advance(1000);
    expect(claim(d, 'a').status.phase).toBe('Pending');
    d.kubectl('get events --field-selector involvedObject.kind=PersistentVolumeClaim');
    expect(d.text()).toBe(
      'LAST SEEN   TYPE      REASON               OBJECT                    MESSAGE\n' +
        '1s          Warning   ProvisioningFailed   persistentvolumeclaim/a   storageclass.storage.k8s.io "fast" not found\n' +
        '1s          Normal    FailedBinding        persistentvolumeclaim/b   no persistent volumes available for this claim and no storage class is set\n',
    );
  });
});

describe('kind and k3s: WaitForFirstConsumer by rancher.io/local-path', () => {
  it('kind: Pending with WaitForFirstConsumer until a Pod uses it, then a hostPath volume on its node', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).applyOk(claimYaml('data')).advance(20_000);
    expect(claim(d, 'data').status.phase).toBe('Pending');
    d.kubectl('get pvc');
    expect(d.text()).toBe(
      'NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'data   Pending                                      standard       <unset>                 20s\n',
    );
    d.kubectl('get events');
    expect(d.text()).toBe(
      'LAST SEEN   TYPE     REASON                 OBJECT                       MESSAGE\n' +
        // Repeated at each 15 s resync (the last one 5 s ago).
        '5s          Normal   WaitForFirstConsumer   persistentvolumeclaim/data   waiting for first consumer to be created before binding\n',
    );
    d.kubectl('describe pvc data');
    expect(d.text()).toContain(
      '  Normal  WaitForFirstConsumer  5s (x2 over 20s)  persistentvolume-controller  waiting for first consumer to be created before binding\n',
    );
    d.applyOk(POD('user', 'data')).advance(1000);
    // The scheduler chose a node (PreBind) and waits for the volume before binding the Pod.
    const node = claim(d, 'data').metadata.annotations?.['volume.kubernetes.io/selected-node'] as string;
    expect(node).toMatch(/^kind-worker2?$/);
    expect(claim(d, 'data').status.phase).toBe('Pending'); // the helper Pod takes 3 s
    expect((d.get('Pod', 'user') as K8sObject).spec.nodeName).toBeUndefined();
    d.advance(3000);
    const c = claim(d, 'data');
    expect(c.status.phase).toBe('Bound');
    expect((d.get('Pod', 'user') as K8sObject).spec.nodeName).toBe(node);
    const pv = `pvc-${c.metadata.uid}`;
    d.kubectl(`describe pv ${pv}`);
    expect(d.text()).toBe(
      `Name:              ${pv}
Labels:            <none>
Annotations:       pv.kubernetes.io/provisioned-by: rancher.io/local-path
Finalizers:        [kubernetes.io/pv-protection]
StorageClass:      standard
Status:            Bound
Claim:             default/data
Reclaim Policy:    Delete
Access Modes:      RWO
VolumeMode:        Filesystem
Capacity:          100Mi
Node Affinity:     
  Required Terms:  
    Term 0:        kubernetes.io/hostname in [${node}]
Message:           
Source:
    Type:          HostPath (bare host directory volume)
    Path:          /var/local-path-provisioner/${pv}_default_data
    HostPathType:  DirectoryOrCreate
Events:            <none>
`,
    );
    reconcileAgainWritesNothing(d);
  });

  it('k3s: a `local` volume under /var/lib/rancher/k3s/storage', () => {
    const d = kdrive({ seed: 2, profile: 'k3s' })
      .applyOk(claimYaml('data'))
      .applyOk(POD('user', 'data'))
      .advance(5000);
    const c = claim(d, 'data');
    const v = d.cluster.get('PersistentVolume', undefined, `pvc-${c.metadata.uid}`) as K8sObject;
    expect(v.spec.local).toEqual({ path: `/var/lib/rancher/k3s/storage/pvc-${c.metadata.uid}_default_data` });
    expect(v.spec.hostPath).toBeUndefined();
    expect(v.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual([
      (d.get('Pod', 'user') as K8sObject).spec.nodeName,
    ]);
  });
});

describe('deletion', () => {
  it('a claim a Pod uses stays Terminating; when the Pod goes, the claim and its Delete volume go', () => {
    const d = kdrive({ seed: 1 }).applyOk(claimYaml('data')).applyOk(POD('user', 'data')).advance(5000);
    const pv = `pvc-${claim(d, 'data').metadata.uid}`;
    d.kubectl('delete pvc data --wait=false').advance(1000);
    d.kubectl('get pvc');
    expect(d.text()).toMatch(/^data {3}Terminating {3}pvc-/m);
    expect(d.cluster.get('PersistentVolume', undefined, pv)).toBeDefined();
    d.delete('Pod', 'user').advance(40_000);
    expect(d.get('PersistentVolumeClaim', 'data')).toBeUndefined();
    expect(d.cluster.get('PersistentVolume', undefined, pv)).toBeUndefined();
  });

  it('reclaim Retain keeps the volume Released', () => {
    const d = kdrive({ seed: 1 })
      .applyOk(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: keep
provisioner: docker.io/hostpath
reclaimPolicy: Retain`)
      .applyOk(claimYaml('data', '\n  storageClassName: keep'))
      .advance(1000);
    const pv = `pvc-${claim(d, 'data').metadata.uid}`;
    d.delete('PersistentVolumeClaim', 'data').advance(1000);
    const v = d.cluster.get('PersistentVolume', undefined, pv) as K8sObject;
    expect(v.status.phase).toBe('Released');
    expect(v.spec.persistentVolumeReclaimPolicy).toBe('Retain');
    reconcileAgainWritesNothing(d);
  });
});

it("static binding: the smallest Available volume of the claim's class that fits", () => {
  const pv = (name: string, size: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  capacity: {storage: ${size}}
  hostPath: {path: /mnt/${name}}`;
  const d = kdrive({ seed: 1 })
    .applyOk(pv('big', '10Gi'))
    .applyOk(pv('small', '200Mi'))
    .applyOk(pv('tiny', '50Mi'))
    .advance(1000);
  expect((d.cluster.get('PersistentVolume', undefined, 'big') as K8sObject).status.phase).toBe('Available');
  d.applyOk(claimYaml('data', '\n  storageClassName: ""')).advance(1000);
  expect(claim(d, 'data').spec.volumeName).toBe('small');
  const small = d.cluster.get('PersistentVolume', undefined, 'small') as K8sObject;
  expect(small.metadata.annotations).toEqual({
    'kubectl.kubernetes.io/last-applied-configuration': expect.any(String),
    'pv.kubernetes.io/bound-by-controller': 'yes',
  });
  expect(small.spec.persistentVolumeReclaimPolicy).toBe('Retain');
  d.kubectl('get pv');
  expect(d.text()).toBe(
    'NAME    CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
      'big     10Gi       RWO            Retain           Available                                 <unset>                          2s\n' +
      'small   200Mi      RWO            Retain           Bound       default/data                  <unset>                          2s\n' +
      'tiny    50Mi       RWO            Retain           Available                                 <unset>                          2s\n',
  );
  reconcileAgainWritesNothing(d);
});

it('pv-protection: a Bound volume deleted stays Terminating until its claim goes', () => {
  const d = kdrive({ seed: 1 }).applyOk(claimYaml('data')).advance(1000);
  const pv = `pvc-${claim(d, 'data').metadata.uid}`;
  d.kubectl(`delete pv ${pv} --wait=false`).advance(1000);
  d.kubectl('get pv');
  expect(d.text()).toContain(`${pv}   100Mi      RWO            Delete           Terminating   default/data`);
  d.delete('PersistentVolumeClaim', 'data').advance(1000);
  expect(d.get('PersistentVolumeClaim', 'data')).toBeUndefined();
  expect(d.cluster.get('PersistentVolume', undefined, pv)).toBeUndefined();
});
