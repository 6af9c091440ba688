// A student's StatefulSet through kubectl 1.34 on kind: apply, get sts (-o wide), describe sts
// (StatefulSetDescriber), rollout status (StatefulSetStatusViewer, partitioned messages) and
// restart, scale sts, set image, delete (the Pods and ControllerRevisions garbage-collected).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

type D = ReturnType<typeof kdrive>;

const manifest = (replicas = 2, extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${replicas}
${extra}  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

function apply(d: D, yaml: string): string {
  d.session.fs.write('/home/student/ch03/sts.yaml', yaml);
  return d.kubectl('apply -f sts.yaml').text();
}

const livePods = (d: D) =>
  (d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=nginx' }) as Pod[])
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name)
    .sort();

describe('kubectl with a user StatefulSet', () => {
  it('get sts and -o wide: READY is ready/desired', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    expect(apply(d, manifest())).toBe('statefulset.apps/web created\n');
    expect(d.kubectl('get sts').text()).toBe('NAME   READY   AGE\nweb    0/2     0s\n');
    d.advance(30_000);
    expect(d.kubectl('get statefulsets -o wide').text()).toBe(
      'NAME   READY   AGE   CONTAINERS   IMAGES\nweb    2/2     30s   nginx        nginx:1.27\n',
    );
    expect(apply(d, manifest())).toBe('statefulset.apps/web unchanged\n');
  });

  it('describe sts as StatefulSetDescriber prints it', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest());
    d.advance(30_000);
    expect(d.kubectl('describe sts web').text()).toBe(
      [
        'Name:               web',
        'Namespace:          default',
        'CreationTimestamp:  Thu, 08 Jan 2026 09:30:00 +0000',
        'Selector:           app=nginx',
        'Labels:             <none>',
        'Annotations:        <none>',
        'Replicas:           2 desired | 2 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
        'Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Volume Claims:     <none>',
        'Events:',
        '  Type    Reason            Age   From                    Message',
        '  ----    ------            ----  ----                    -------',
        '  Normal  SuccessfulCreate  30s   statefulset-controller  create Pod web-0 in StatefulSet web successful',
        '  Normal  SuccessfulCreate  27s   statefulset-controller  create Pod web-1 in StatefulSet web successful',
        '',
      ].join('\n'),
    );
  });

  it('rollout status: ready pods, then the partitioned messages; restart rolls every Pod', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest());
    expect(d.kubectl('rollout status sts/web').text()).toBe(
      'Waiting for 2 pods to be ready...\nWaiting for 1 pods to be ready...\npartitioned roll out complete: 2 new pods have been updated...\n',
    );
    const uids = ['web-0', 'web-1'].map((n) => d.cluster.get('Pod', 'default', n)?.metadata.uid);
    expect(d.kubectl('rollout restart statefulset/web').text()).toBe('statefulset.apps/web restarted\n');
    const out = d.kubectl('rollout status statefulset/web').text();
    expect(out.split('\n').at(-2)).toBe('partitioned roll out complete: 2 new pods have been updated...');
    expect(out).toContain(
      'Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...\n',
    );
    expect(['web-0', 'web-1'].map((n) => d.cluster.get('Pod', 'default', n)?.metadata.uid)).not.toContain(
      uids[0],
    );
    expect(['web-0', 'web-1'].map((n) => d.cluster.get('Pod', 'default', n)?.metadata.uid)).not.toContain(
      uids[1],
    );
  });

  it('rollout status with a partition waits for the Pods above it only; OnDelete has none', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    const part = '  updateStrategy:\n    rollingUpdate:\n      partition: 1\n';
    apply(d, manifest(3, part));
    d.advance(60_000);
    d.kubectl('set image sts/web nginx=nginx:1.28');
    expect(d.text()).toBe('statefulset.apps/web image updated\n');
    const out = d.kubectl('rollout status sts/web').text();
    expect(
      out.startsWith(
        'Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...\n',
      ),
    ).toBe(true);
    expect(out.endsWith('partitioned roll out complete: 2 new pods have been updated...\n')).toBe(true);
    expect(
      d
        .kubectl(
          'get pods -l app=nginx -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image',
        )
        .text(),
    ).toBe('NAME    IMAGE\nweb-0   nginx:1.27\nweb-1   nginx:1.28\nweb-2   nginx:1.28\n');
    apply(d, manifest(3, '  updateStrategy:\n    type: OnDelete\n'));
    d.kubectl('rollout status sts/web');
    expect(d.stderr()).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
    expect(d.exitCode()).toBe(1);
  });

  it('scale sts: up in order, down from the highest ordinal; delete removes the Pods', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest(1));
    d.advance(20_000);
    expect(d.kubectl('scale sts/web --replicas=3').text()).toBe('statefulset.apps/web scaled\n');
    d.advance(60_000);
    expect(livePods(d)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(d.kubectl('scale statefulset web --replicas=1').text()).toBe('statefulset.apps/web scaled\n');
    d.advance(1);
    expect(livePods(d)).toEqual(['web-0', 'web-1']);
    d.advance(120_000);
    expect(livePods(d)).toEqual(['web-0']);
    expect(d.kubectl('delete sts web').text()).toBe(
      'statefulset.apps "web" deleted from default namespace\n',
    );
    d.advance(60_000);
    expect(livePods(d)).toEqual([]);
    expect(d.kubectl('get controllerrevisions').stderr()).toBe('No resources found in default namespace.\n');
  });

  it("applying a change to serviceName is refused with 1.34's message", () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest());
    d.session.fs.write(
      '/home/student/ch03/sts.yaml',
      manifest().replace('serviceName: nginx', 'serviceName: other'),
    );
    d.kubectl('apply -f sts.yaml');
    expect(d.stderr()).toBe(
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
    );
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl rollout history / undo for a StatefulSet (StatefulSetHistoryViewer, StatefulSetRollbacker)', () => {
  it('lists the ControllerRevisions, shows one, and rolls back to the previous template', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest());
    d.advance(30_000);
    expect(d.kubectl('rollout undo sts/web').stderr()).toBe('error: no last revision to roll back to\n');
    d.kubectl('set image sts/web nginx=nginx:1.28');
    d.advance(60_000);
    expect(d.kubectl('rollout history sts/web').text()).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    const one = d.kubectl('rollout history statefulset/web --revision=1').text();
    expect(one.startsWith('statefulset.apps/web with revision #1\nPod Template:\n')).toBe(true);
    expect(one).toContain('nginx:1.27');
    expect(d.kubectl('rollout undo sts/web --dry-run=client').text()).toContain(
      'statefulset.apps/web will roll back to Pod Template:\n',
    );
    expect(d.kubectl('rollout undo sts/web').text()).toBe('statefulset.apps/web rolled back\n');
    d.advance(60_000);
    const images = (d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=nginx' }) as Pod[]).map(
      (p) => p.spec.containers[0]?.image,
    );
    expect(images).toEqual(['nginx:1.27', 'nginx:1.27']);
    // The rollback renumbers revision 1 as 3 (an equal older revision gets the next number).
    expect(d.kubectl('rollout history sts/web').text()).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
    expect(d.kubectl('rollout undo sts/web --to-revision=3').text()).toBe(
      'statefulset.apps/web skipped rollback (current template already matches revision 3)\n',
    );
  });
});
