// A user DaemonSet's history on kind: the ControllerRevisions the 1.34 daemon controller keeps
// (update.go constructHistory/snapshot/cleanupHistory), `kubectl get controllerrevisions`, and
// `rollout history|undo daemonset` as kubectl v0.34.9 prints them (DaemonSetHistoryViewer,
// DaemonSetRollbacker).
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

type D = ReturnType<typeof kdrive>;

const manifest = (image: string, cause?: string, limit?: number) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
${cause ? `  annotations:\n    kubernetes.io/change-cause: ${cause}\n` : ''}spec:
${limit === undefined ? '' : `  revisionHistoryLimit: ${limit}\n`}  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: ${image}
`;

function apply(d: D, yaml: string): string {
  d.session.fs.write('/home/student/ch03/ds.yaml', yaml);
  return d.kubectl('apply -f ds.yaml').text();
}

const revisions = (d: D) =>
  (d.cluster.list('ControllerRevision', { namespace: 'default' }) as ControllerRevision[]).sort(
    (a, b) => a.revision - b.revision,
  );
const pods = (d: D) =>
  (d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=agent' }) as Pod[]).filter(
    (p) => !p.metadata.deletionTimestamp,
  );
const podHashes = (d: D) => [...new Set(pods(d).map((p) => p.metadata.labels?.['controller-revision-hash']))];

/** Two revisions: nginx:1.27 (change-cause first), then nginx:1.28, rolled out. */
function twoRevisions(): D {
  const d = kdrive({ seed: 1, profile: 'kind' });
  apply(d, manifest('nginx:1.27', 'first'));
  d.advance(60_000);
  apply(d, manifest('nginx:1.28'));
  d.advance(120_000);
  return d;
}

const template = (image: string) =>
  `Pod Template:\n  Labels:\tapp=agent\n  Containers:\n   agent:\n    Image:\t${image}\n    Port:\t<none>\n` +
  '    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n' +
  '  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n';

describe('the DaemonSet controller’s ControllerRevisions', () => {
  it('one revision per template, named <ds>-<hash> with the hash its Pods carry', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest('nginx:1.27', 'first'));
    d.advance(60_000);
    const [r1] = revisions(d);
    expect(revisions(d)).toHaveLength(1);
    const h1 = r1?.metadata.labels?.['controller-revision-hash'];
    expect(r1?.metadata.name).toBe(`agent-${h1}`);
    expect(podHashes(d)).toEqual([h1]);
    d.kubectl('get controllerrevisions');
    expect(d.stdout()).toBe(
      `NAME               CONTROLLER             REVISION   AGE\nagent-${h1}   daemonset.apps/agent   1          60s\n`,
    );
    // The same template again (an annotation change): no new revision.
    apply(d, manifest('nginx:1.27', 'still first'));
    d.advance(10_000);
    expect(revisions(d).map((r) => r.metadata.name)).toEqual([`agent-${h1}`]);

    apply(d, manifest('nginx:1.28'));
    d.advance(120_000);
    const [a, b] = revisions(d);
    const h2 = b?.metadata.labels?.['controller-revision-hash'];
    expect(a?.metadata.name).toBe(`agent-${h1}`);
    expect(b?.metadata.name).toBe(`agent-${h2}`);
    expect(b?.revision).toBe(2);
    expect(h2).not.toBe(h1);
    expect(podHashes(d)).toEqual([h2]);
  });

  it('get controllerrevision -o yaml: the template patch, the DaemonSet’s annotations and labels', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest('nginx:1.27', 'first'));
    d.advance(60_000);
    const [r] = revisions(d);
    const ds = d.cluster.get('DaemonSet', 'default', 'agent') as DaemonSet;
    const hash = r?.metadata.labels?.['controller-revision-hash'];
    d.kubectl(`get controllerrevision agent-${hash} -o yaml`);
    expect(d.stdout()).toBe(`apiVersion: apps/v1
data:
  spec:
    template:
      $patch: replace
      metadata:
        labels:
          app: agent
      spec:
        containers:
        - image: nginx:1.27
          imagePullPolicy: IfNotPresent
          name: agent
          resources: {}
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: File
        dnsPolicy: ClusterFirst
        restartPolicy: Always
        schedulerName: default-scheduler
        securityContext: {}
        terminationGracePeriodSeconds: 30
kind: ControllerRevision
metadata:
  annotations:
    deprecated.daemonset.template.generation: "1"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{"kubernetes.io/change-cause":"first"},"name":"agent","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"agent"}},"template":{"metadata":{"labels":{"app":"agent"}},"spec":{"containers":[{"image":"nginx:1.27","name":"agent"}]}}}}
    kubernetes.io/change-cause: first
  creationTimestamp: "${ds.metadata.creationTimestamp}"
  labels:
    app: agent
    controller-revision-hash: ${hash}
  name: agent-${hash}
  namespace: default
  ownerReferences:
  - apiVersion: apps/v1
    blockOwnerDeletion: true
    controller: true
    kind: DaemonSet
    name: agent
    uid: ${ds.metadata.uid}
  resourceVersion: "${r?.metadata.resourceVersion}"
  uid: ${r?.metadata.uid}
revision: 1
`);
  });

  it('revisionHistoryLimit: the oldest old revisions go; deleting the DaemonSet takes the rest', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    for (const tag of ['1.25', '1.26', '1.27', '1.28']) {
      apply(d, manifest(`nginx:${tag}`, undefined, 1));
      d.advance(120_000);
    }
    // One old revision kept besides the current one: 1.27's (revision 3), not 1.25's or 1.26's.
    expect(revisions(d).map((r) => [r.revision, r.data.spec.template.spec.containers[0].image])).toEqual([
      [3, 'nginx:1.27'],
      [4, 'nginx:1.28'],
    ]);
    d.kubectl('delete ds agent').advance(60_000);
    expect(revisions(d)).toEqual([]);
  });

  it('a revision deleted by hand is made again, numbered after the old ones', () => {
    const d = twoRevisions();
    const cur = revisions(d)[1] as ControllerRevision;
    d.kubectl(`delete controllerrevision ${cur.metadata.name}`);
    expect(d.stdout()).toBe(
      `controllerrevision.apps "${cur.metadata.name}" deleted from default namespace\n`,
    );
    expect(revisions(d).map((r) => r.revision)).toEqual([1]);
    // The controller syncs again on its DaemonSet's next event (here a Pod's deletion).
    d.kubectl(`delete pod ${pods(d)[0]?.metadata.name} --wait=false`).advance(60_000);
    const again = revisions(d)[1];
    expect(again?.metadata.name).toBe(cur.metadata.name);
    expect(again?.metadata.uid).not.toBe(cur.metadata.uid);
    expect(again?.revision).toBe(2);
  });
});

describe('ControllerRevisions and --cascade=orphan', () => {
  it('an orphaned revision is adopted by the DaemonSet made again (ClaimControllerRevisions)', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest('nginx:1.27'));
    d.advance(60_000);
    const [r] = revisions(d);
    d.kubectl('delete ds agent --cascade=orphan').advance(30_000);
    d.kubectl('get controllerrevisions');
    expect(d.stdout()).toBe(
      `NAME               CONTROLLER   REVISION   AGE\n${r?.metadata.name}   <none>       1          90s\n`,
    );
    apply(d, manifest('nginx:1.27'));
    d.advance(30_000);
    const ds = d.cluster.get('DaemonSet', 'default', 'agent') as DaemonSet;
    const [again] = revisions(d);
    expect(revisions(d)).toHaveLength(1);
    expect(again?.metadata.uid).toBe(r?.metadata.uid);
    expect(again?.metadata.ownerReferences?.[0]?.uid).toBe(ds.metadata.uid);
    d.kubectl('rollout history ds/agent');
    expect(d.stdout()).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
  });
});

describe('rollout history / undo daemonset', () => {
  it('history lists each revision’s change-cause; --revision prints its template', () => {
    const d = twoRevisions();
    d.kubectl('rollout history daemonset/agent');
    expect(d.stdout()).toBe(
      'daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         first\n2         <none>\n\n',
    );
    d.kubectl('rollout history ds agent --revision=1');
    expect(d.stdout()).toBe(`daemonset.apps/agent with revision #1\n${template('nginx:1.27')}\n`);
    d.kubectl('rollout history ds/agent --revision=3');
    expect(d.stderr()).toBe('error: unable to find the specified revision\n');
    expect(d.exitCode()).toBe(1);
  });

  it('undo goes back to revision 1’s template, Pods and revision name (renumbered 3)', () => {
    const d = twoRevisions();
    const [r1, r2] = revisions(d);
    const h1 = r1?.metadata.labels?.['controller-revision-hash'];
    d.kubectl('rollout undo ds/agent --dry-run=client');
    expect(d.stdout()).toBe(`daemonset.apps/agent will roll back to ${template('nginx:1.27')} (dry run)\n`);
    d.kubectl('rollout undo ds/agent');
    expect(d.stdout()).toBe('daemonset.apps/agent rolled back\n');
    d.advance(180_000);
    expect(revisions(d).map((r) => [r.metadata.name, r.revision])).toEqual([
      [r2?.metadata.name, 2],
      [r1?.metadata.name, 3],
    ]);
    expect(podHashes(d)).toEqual([h1]);
    expect(pods(d).map((p) => p.spec.containers[0]?.image)).toEqual(['nginx:1.27', 'nginx:1.27']);
    const ds = d.cluster.get('DaemonSet', 'default', 'agent') as DaemonSet;
    expect(ds.spec.template).toEqual(
      r1?.data.spec.template && (({ $patch: _, ...t }) => t)(r1.data.spec.template),
    );
    d.kubectl('rollout history ds/agent');
    expect(d.stdout()).toBe(
      'daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n2         <none>\n3         first\n\n',
    );
    d.kubectl('rollout undo ds/agent --to-revision=3');
    expect(d.stdout()).toBe(
      'daemonset.apps/agent skipped rollback (current template already matches revision 3)\n',
    );
    d.kubectl('rollout undo ds/agent --to-revision=2 --dry-run=server');
    expect(d.stdout()).toBe('daemonset.apps/agent rolled back (server dry run)\n');
    d.advance(10_000);
    expect(podHashes(d)).toEqual([h1]);
  });

  it('refusals: no last revision, an unknown one, a negative one', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest('nginx:1.27'));
    d.advance(60_000);
    d.kubectl('rollout undo ds/agent');
    expect(d.stderr()).toBe('error: no last revision to roll back to\n');
    d.kubectl('rollout undo ds/agent --to-revision=4');
    expect(d.stderr()).toBe('error: unable to find specified revision 4 in history\n');
    d.kubectl('rollout undo ds/agent --to-revision=-1');
    expect(d.stderr()).toBe('error: unable to find specified revision -1 in history\n');
    d.kubectl('rollout undo ds/nope');
    expect(d.stderr()).toBe('Error from server (NotFound): daemonsets.apps "nope" not found\n');
  });
});
