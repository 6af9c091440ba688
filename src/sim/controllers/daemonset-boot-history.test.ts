// The boot DaemonSets' history (../apiserver/system-pods, ../apiserver/published-build): each has
// the ControllerRevision `<ds>-<hash>` the daemon controller's snapshot writes (revision 1, getPatch's
// data), and its Pods' controller-revision-hash is ComputeHash of the stored template: the value
// system-pods keeps in its revision() calls (the boot runs before the spew printer loads), recomputed here.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { ControllerRevision, DaemonSet, Pod } from '../api/types';
import { daemonSetPatch, patchBytes } from './daemonset-history';
import { computeHash } from './deployment-hash';

const BOOT: [string, string[]][] = [
  ['docker-desktop', ['kube-proxy']],
  ['kind', ['kindnet', 'kube-proxy']],
];

describe('boot DaemonSets: ControllerRevisions and controller-revision-hash', () => {
  it('every Pod of a boot DaemonSet carries ComputeHash of its stored template (the values system-pods keeps)', () => {
    // image → hash: on a mismatch, put the received values into system-pods.ts (systemPods' revision calls).
    const want: Record<string, string> = {};
    const got: Record<string, string | undefined> = {};
    // The template holds nothing seeded: another seed gives the same hashes.
    for (const [profile, names, seed] of BOOT.flatMap(([p, n]) => [1, 7].map((s) => [p, n, s] as const))) {
      const d = kdrive({ seed, profile: profile as 'kind' });
      for (const name of names) {
        const ds = d.cluster.get('DaemonSet', 'kube-system', name) as DaemonSet;
        const image = ds.spec.template.spec.containers[0]?.image as string;
        want[image] = computeHash(ds.spec.template);
        for (const p of d.cluster.list('Pod', { namespace: 'kube-system' }) as Pod[])
          if (p.metadata.ownerReferences?.[0]?.uid === ds.metadata.uid)
            got[image] = p.metadata.labels?.['controller-revision-hash'];
      }
    }
    expect(got).toEqual(want);
  });

  it('kubectl lists one ControllerRevision per boot DaemonSet, revision 1, and rollout history prints it', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    expect(d.kubectl('get controllerrevisions -n kube-system').text()).toBe(
      [
        'NAME                    CONTROLLER                  REVISION   AGE',
        'kindnet-5fd5c5f695      daemonset.apps/kindnet      1          6d22h',
        'kube-proxy-6f475c7966   daemonset.apps/kube-proxy   1          6d22h',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('rollout history ds/kube-proxy -n kube-system').text()).toBe(
      'daemonset.apps/kube-proxy \nREVISION  CHANGE-CAUSE\n1         <none>\n\n',
    );
    expect(
      d.kubectl('get pods -n kube-system -l controller-revision-hash=5fd5c5f695 --no-headers').text(),
    ).toMatch(/^(kindnet-[a-z0-9]{5} .*\n){3}$/);
  });

  it("a revision's object: the template's labels and the hash, the annotations, the owner, getPatch's data", () => {
    const d = kdrive({ seed: 1, profile: 'docker-desktop' });
    const ds = d.cluster.get('DaemonSet', 'kube-system', 'kube-proxy') as DaemonSet;
    const cr = d.cluster.get(
      'ControllerRevision',
      'kube-system',
      'kube-proxy-66486579fc',
    ) as ControllerRevision;
    expect(patchBytes(cr.data)).toBe(patchBytes(daemonSetPatch(ds)));
    const yaml = d.kubectl('get controllerrevision kube-proxy-66486579fc -n kube-system -o yaml').text();
    expect(yaml.replace(/\n {4}uid: .*|\n {2}uid: .*|\n {2}resourceVersion: .*/g, '')).toBe(
      `apiVersion: apps/v1
data:
  spec:
    template:
      $patch: replace
      metadata:
        labels:
          k8s-app: kube-proxy
      spec:
        containers:
        - command:
          - /usr/local/bin/kube-proxy
          - --config=/var/lib/kube-proxy/config.conf
          - --hostname-override=$(NODE_NAME)
          env:
          - name: NODE_NAME
            valueFrom:
              fieldRef:
                apiVersion: v1
                fieldPath: spec.nodeName
          image: registry.k8s.io/kube-proxy:v1.34.1
          imagePullPolicy: IfNotPresent
          name: kube-proxy
          resources: {}
          securityContext:
            privileged: true
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: File
          volumeMounts:
          - mountPath: /var/lib/kube-proxy
            name: kube-proxy
          - mountPath: /run/xtables.lock
            name: xtables-lock
          - mountPath: /lib/modules
            name: lib-modules
            readOnly: true
        dnsPolicy: ClusterFirst
        hostNetwork: true
        nodeSelector:
          kubernetes.io/os: linux
        priorityClassName: system-node-critical
        restartPolicy: Always
        schedulerName: default-scheduler
        securityContext: {}
        serviceAccount: kube-proxy
        serviceAccountName: kube-proxy
        terminationGracePeriodSeconds: 30
        tolerations:
        - operator: Exists
        volumes:
        - configMap:
            defaultMode: 420
            name: kube-proxy
          name: kube-proxy
        - hostPath:
            path: /run/xtables.lock
            type: FileOrCreate
          name: xtables-lock
        - hostPath:
            path: /lib/modules
            type: ""
          name: lib-modules
kind: ControllerRevision
metadata:
  annotations:
    deprecated.daemonset.template.generation: "1"
  creationTimestamp: "${ds.metadata.creationTimestamp}"
  labels:
    controller-revision-hash: 66486579fc
    k8s-app: kube-proxy
  name: kube-proxy-66486579fc
  namespace: kube-system
  ownerReferences:
  - apiVersion: apps/v1
    blockOwnerDeletion: true
    controller: true
    kind: DaemonSet
    name: kube-proxy
revision: 1
`,
    );
    expect(cr.metadata.ownerReferences?.[0]?.uid).toBe(ds.metadata.uid);
    // Seeded: the same cluster gives the same uid, which is not the DaemonSet's.
    const again = kdrive({ seed: 1, profile: 'docker-desktop' }).cluster.get(
      'ControllerRevision',
      'kube-system',
      'kube-proxy-66486579fc',
    ) as ControllerRevision;
    expect(again.metadata.uid).toBe(cr.metadata.uid);
    expect(cr.metadata.uid).not.toBe(ds.metadata.uid);
  });

  it('a new template adds revision 2 beside it, undo takes revision 1 back as 3, delete collects both', () => {
    const d = kdrive({ seed: 1, profile: 'docker-desktop' });
    d.kubectl('set image ds/kube-proxy kube-proxy=registry.k8s.io/kube-proxy:v1.34.2 -n kube-system');
    d.advance(30_000);
    const revs = () =>
      d
        .kubectl(
          'get controllerrevisions -n kube-system --no-headers -o custom-columns=N:.metadata.name,R:.revision',
        )
        .text();
    expect(revs()).toMatch(/^kube-proxy-66486579fc\s+1\nkube-proxy-[a-z0-9]+\s+2\n$/);
    expect(d.kubectl('rollout undo ds/kube-proxy -n kube-system').text()).toBe(
      'daemonset.apps/kube-proxy rolled back\n',
    );
    d.advance(30_000);
    expect(revs()).toMatch(/^kube-proxy-66486579fc\s+3\nkube-proxy-[a-z0-9]+\s+2\n$/);
    const pods = d.cluster.list('Pod', {
      namespace: 'kube-system',
      labelSelector: 'k8s-app=kube-proxy',
    }) as Pod[];
    expect(pods.map((p) => p.metadata.labels?.['controller-revision-hash'])).toEqual(['66486579fc']);
    d.kubectl('delete ds kube-proxy -n kube-system');
    d.advance(5000);
    expect(d.kubectl('get controllerrevisions -n kube-system').text()).toBe(
      'No resources found in kube-system namespace.\n',
    );
  });

  it('reconciling a boot DaemonSet twice changes nothing, and makes no revision', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.advance(1000);
    const { manager, store } = d.cluster.internals;
    const rev = store.revision;
    for (let i = 0; i < 2; i++) {
      manager.enqueueFor('publishers', 'DaemonSet/kube-system/kube-proxy');
      manager.enqueueFor('publishers', 'DaemonSet/kube-system/kindnet');
      manager.runUntilIdle();
    }
    expect(store.revision).toBe(rev);
    expect(d.cluster.list('ControllerRevision')).toHaveLength(2);
  });
});
