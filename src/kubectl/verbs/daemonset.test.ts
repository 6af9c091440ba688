// The boot DaemonSets as kubectl 1.34 shows them: `get ds` (printDaemonSet columns, -o wide's
// CONTAINERS IMAGES SELECTOR), `describe daemonset` (kubectl v0.34.9 DaemonSetDescriber), -o yaml,
// per profile: kubeadm's kube-proxy (Docker Desktop, kind), kind's kindnet, k3s's svclb DaemonSet
// for the traefik LoadBalancer Service.
import { describe, expect, it } from 'vitest';
import type { K8sObject, Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

const ksPods = (d: ReturnType<typeof kdrive>, sel: string) =>
  d.cluster.list('Pod', { namespace: 'kube-system', labelSelector: sel }) as Pod[];

describe('kubectl get daemonsets', () => {
  it('lists kube-proxy on Docker Desktop, with its Pods naming it as owner', () => {
    const d = kdrive({ seed: 1, profile: 'docker-desktop' });
    expect(d.kubectl('get ds -A').text()).toBe(
      [
        'NAMESPACE     NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE',
        'kube-system   kube-proxy   1         1         1       1            1           kubernetes.io/os=linux   6d22h',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('get daemonset.apps/kube-proxy -n kube-system -o name').text()).toBe(
      'daemonset.apps/kube-proxy\n',
    );
    const ds = d.cluster.get('DaemonSet', 'kube-system', 'kube-proxy') as K8sObject;
    const pods = ksPods(d, 'k8s-app=kube-proxy');
    expect(pods).toHaveLength(1);
    for (const p of pods) expect(p.metadata.ownerReferences?.[0]?.uid).toBe(ds.metadata.uid);
    expect(d.kubectl('get ds').text()).toBe('No resources found in default namespace.\n');
  });

  it('lists kindnet and kube-proxy on kind, -o wide with containers, images and selector', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    expect(d.kubectl('get ds -n kube-system -o wide').text()).toBe(
      [
        'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE     CONTAINERS    IMAGES                                          SELECTOR',
        'kindnet      3         3         3       3            3           kubernetes.io/os=linux   6d22h   kindnet-cni   docker.io/kindest/kindnetd:v20250512-df8de77b   app=kindnet',
        'kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   6d22h   kube-proxy    registry.k8s.io/kube-proxy:v1.34.0              k8s-app=kube-proxy',
        '',
      ].join('\n'),
    );
  });

  it("lists k3s's svclb DaemonSet of the traefik LoadBalancer Service", () => {
    const d = kdrive({ seed: 1, profile: 'k3s' });
    const svc = d.cluster.get('Service', 'kube-system', 'traefik') as K8sObject;
    const name = `svclb-traefik-${svc.metadata.uid.slice(0, 8)}`;
    expect(d.kubectl('get ds -A').text()).toBe(
      [
        'NAMESPACE     NAME                     DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE',
        `kube-system   ${name}   1         1         1       1            1           <none>          6d22h`,
        '',
      ].join('\n'),
    );
    const ds = d.cluster.get('DaemonSet', 'kube-system', name) as K8sObject;
    expect(ds.metadata.uid).not.toBe(svc.metadata.uid);
    const pods = ksPods(d, `app=${name}`);
    expect(pods).toHaveLength(1);
    expect(pods[0]?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'DaemonSet',
      name,
      uid: ds.metadata.uid,
    });
  });

  it('answers NotFound for a DaemonSet that is not there, and applies a user DaemonSet', () => {
    const d = kdrive({ seed: 1, profile: 'k3s' });
    expect(d.kubectl('get ds kube-proxy -n kube-system').text()).toBe(
      'Error from server (NotFound): daemonsets.apps "kube-proxy" not found\n',
    );
    d.session.fs.write(
      '/home/student/ch03/ds.yaml',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  selector:\n    matchLabels:\n      a: b\n  template:\n    metadata:\n      labels:\n        a: b\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
    );
    // A user's DaemonSet is served like any apps/v1 kind (daemonset-user.test.ts has the rest).
    expect(d.kubectl('apply -f ds.yaml').text()).toBe('daemonset.apps/x created\n');
    expect(d.kubectl('apply -f ds.yaml').text()).toBe('daemonset.apps/x unchanged\n');
  });
});

describe('kubectl describe / -o yaml of a DaemonSet', () => {
  it('describes kube-proxy as kubectl v0.34.9 does', () => {
    const d = kdrive({ seed: 1, profile: 'docker-desktop' });
    expect(d.kubectl('describe ds kube-proxy -n kube-system').text()).toBe(
      [
        'Name:           kube-proxy',
        'Namespace:      kube-system',
        'Selector:       k8s-app=kube-proxy',
        'Node-Selector:  kubernetes.io/os=linux',
        'Labels:         k8s-app=kube-proxy',
        'Annotations:    deprecated.daemonset.template.generation: 1',
        'Desired Number of Nodes Scheduled: 1',
        'Current Number of Nodes Scheduled: 1',
        'Number of Nodes Scheduled with Up-to-date Pods: 1',
        'Number of Nodes Scheduled with Available Pods: 1',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:           k8s-app=kube-proxy',
        '  Service Account:  kube-proxy',
        '  Containers:',
        '   kube-proxy:',
        '    Image:      registry.k8s.io/kube-proxy:v1.34.1',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      /usr/local/bin/kube-proxy',
        '      --config=/var/lib/kube-proxy/config.conf',
        '      --hostname-override=$(NODE_NAME)',
        '    Environment:',
        '      NODE_NAME:   (v1:spec.nodeName)',
        '    Mounts:',
        '      /lib/modules from lib-modules (ro)',
        '      /run/xtables.lock from xtables-lock (rw)',
        '      /var/lib/kube-proxy from kube-proxy (rw)',
        '  Volumes:',
        '   kube-proxy:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      kube-proxy',
        '    Optional:  false',
        '   xtables-lock:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /run/xtables.lock',
        '    HostPathType:  FileOrCreate',
        '   lib-modules:',
        '    Type:               HostPath (bare host directory volume)',
        '    Path:               /lib/modules',
        '    HostPathType:       ',
        '  Priority Class Name:  system-node-critical',
        '  Node-Selectors:       kubernetes.io/os=linux',
        '  Tolerations:          op=Exists',
        'Events:                 <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints kube-proxy -o yaml: the template its Pods came from, status from the Pods', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    const ds = d.cluster.get('DaemonSet', 'kube-system', 'kube-proxy') as K8sObject;
    const ns = d.cluster.get('Namespace', undefined, 'kube-system') as K8sObject;
    expect(d.kubectl('get ds kube-proxy -n kube-system -o yaml').text()).toBe(
      [
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata:',
        '  annotations:',
        '    deprecated.daemonset.template.generation: "1"',
        `  creationTimestamp: "${ns.metadata.creationTimestamp}"`,
        '  generation: 1',
        '  labels:',
        '    k8s-app: kube-proxy',
        '  name: kube-proxy',
        '  namespace: kube-system',
        `  resourceVersion: "${ds.metadata.resourceVersion}"`,
        `  uid: ${ds.metadata.uid}`,
        'spec:',
        '  revisionHistoryLimit: 10',
        '  selector:',
        '    matchLabels:',
        '      k8s-app: kube-proxy',
        '  template:',
        '    metadata:',
        '      labels:',
        '        k8s-app: kube-proxy',
        '    spec:',
        '      containers:',
        '      - command:',
        '        - /usr/local/bin/kube-proxy',
        '        - --config=/var/lib/kube-proxy/config.conf',
        '        - --hostname-override=$(NODE_NAME)',
        '        env:',
        '        - name: NODE_NAME',
        '          valueFrom:',
        '            fieldRef:',
        '              apiVersion: v1',
        '              fieldPath: spec.nodeName',
        '        image: registry.k8s.io/kube-proxy:v1.34.0',
        '        imagePullPolicy: IfNotPresent',
        '        name: kube-proxy',
        '        resources: {}',
        '        securityContext:',
        '          privileged: true',
        '        terminationMessagePath: /dev/termination-log',
        '        terminationMessagePolicy: File',
        '        volumeMounts:',
        '        - mountPath: /var/lib/kube-proxy',
        '          name: kube-proxy',
        '        - mountPath: /run/xtables.lock',
        '          name: xtables-lock',
        '        - mountPath: /lib/modules',
        '          name: lib-modules',
        '          readOnly: true',
        '      dnsPolicy: ClusterFirst',
        '      hostNetwork: true',
        '      nodeSelector:',
        '        kubernetes.io/os: linux',
        '      priorityClassName: system-node-critical',
        '      restartPolicy: Always',
        '      schedulerName: default-scheduler',
        '      securityContext: {}',
        '      serviceAccount: kube-proxy',
        '      serviceAccountName: kube-proxy',
        '      terminationGracePeriodSeconds: 30',
        '      tolerations:',
        '      - operator: Exists',
        '      volumes:',
        '      - configMap:',
        '          defaultMode: 420',
        '          name: kube-proxy',
        '        name: kube-proxy',
        '      - hostPath:',
        '          path: /run/xtables.lock',
        '          type: FileOrCreate',
        '        name: xtables-lock',
        '      - hostPath:',
        '          path: /lib/modules',
        '          type: ""',
        '        name: lib-modules',
        '  updateStrategy:',
        '    rollingUpdate:',
        '      maxSurge: 0',
        '      maxUnavailable: 1',
        '    type: RollingUpdate',
        'status:',
        '  currentNumberScheduled: 3',
        '  desiredNumberScheduled: 3',
        '  numberAvailable: 3',
        '  numberMisscheduled: 0',
        '  numberReady: 3',
        '  observedGeneration: 1',
        '  updatedNumberScheduled: 3',
        '',
      ].join('\n'),
    );
    // Every kube-proxy Pod runs that template on its own node, as the DaemonSet's.
    const pods = ksPods(d, 'k8s-app=kube-proxy');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual([
      'kind-control-plane',
      'kind-worker',
      'kind-worker2',
    ]);
    for (const p of pods) expect(p.metadata.ownerReferences?.[0]?.uid).toBe(ds.metadata.uid);
  });
});

describe('kube-system ServiceAccounts', () => {
  it('holds the ones the system Pods and add-ons run as, per profile', () => {
    const names = (profile: 'docker-desktop' | 'kind' | 'k3s') =>
      kdrive({ seed: 1, profile })
        .cluster.list('ServiceAccount')
        .filter((o) => o.metadata.name !== 'default')
        .map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(names('docker-desktop')).toEqual([
      'kube-system/coredns',
      'kube-system/kube-proxy',
      'kube-system/storage-provisioner',
      'kube-system/vpnkit-controller',
    ]);
    expect(names('kind')).toEqual([
      'kube-system/coredns',
      'kube-system/kindnet',
      'kube-system/kube-proxy',
      'local-path-storage/local-path-provisioner-service-account',
    ]);
    expect(names('k3s')).toEqual([
      'kube-system/coredns',
      'kube-system/local-path-provisioner-service-account',
      'kube-system/metrics-server',
      'kube-system/svclb',
      'kube-system/traefik',
    ]);
  });
});
