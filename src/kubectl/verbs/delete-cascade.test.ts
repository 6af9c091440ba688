// kubectl delete --cascade [KUBECTL delete_flags.go parseCascadingFlag]: background (default),
// orphan, foreground; the deprecated booleans with their warning; anything else an error. An
// orphaning delete leaves the ReplicaSet and its Pods running without the ownerReference, and
// re-applying the Deployment adopts that ReplicaSet (controller_ref_manager.go).
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../sim/api/types';
import { type KubectlDriver, kdrive } from '../testing';

const DELETED = 'deployment.apps "sleep-1" deleted from default namespace\n';

function runningSleep1(): KubectlDriver {
  return kdrive()
    .kubectl('apply -f sleep/sleep1.yaml')
    .kubectl('wait --for=condition=Ready pod -l app=sleep-1');
}

const replicaSets = (d: KubectlDriver) => d.cluster.list('ReplicaSet', { namespace: 'default' });
const names = (objs: K8sObject[]) => objs.map((o) => o.metadata.name).sort();
const controllerUid = (o: K8sObject) => o.metadata.ownerReferences?.find((r) => r.controller)?.uid;

/** The ReplicaSet and Pods are still there a minute after the delete, no longer owned by `uid`. */
function expectOrphaned(d: KubectlDriver, deployUid: string, rsNames: string[], podNames: string[]) {
  d.advance(60_000);
  expect(d.get('Deployment', 'sleep-1')).toBeUndefined();
  const rss = replicaSets(d);
  expect(names(rss)).toEqual(rsNames);
  for (const rs of rss) {
    expect(rs.metadata.ownerReferences ?? []).toEqual([]);
    expect(rs.metadata.deletionTimestamp).toBeUndefined();
  }
  const pods = d.pods();
  expect(names(pods)).toEqual(podNames);
  for (const p of pods) {
    expect(p.metadata.deletionTimestamp).toBeUndefined();
    expect(controllerUid(p)).toBe(rss[0]?.metadata.uid);
    expect(controllerUid(p)).not.toBe(deployUid);
  }
  d.kubectl('get rs');
  for (const n of rsNames) expect(d.stdout()).toMatch(new RegExp(`^${n}\\s+1\\s+1\\s+1\\s`, 'm'));
  d.kubectl('get pods');
  for (const n of podNames) expect(d.stdout()).toMatch(new RegExp(`^${n}\\s+1/1\\s+Running\\s`, 'm'));
}

describe('kubectl delete --cascade', () => {
  it('--cascade=orphan leaves the ReplicaSet and Pods running; re-applying adopts them', () => {
    const d = runningSleep1();
    const deployUid = d.get('Deployment', 'sleep-1')?.metadata.uid as string;
    const rsNames = names(replicaSets(d));
    const podNames = names(d.pods());
    expect(rsNames).toHaveLength(1);
    expect(podNames).toHaveLength(1);

    d.kubectl('delete deployment sleep-1 --cascade=orphan');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([DELETED, '', 0]);
    expectOrphaned(d, deployUid, rsNames, podNames);

    d.kubectl('apply -f sleep/sleep1.yaml').advance(30_000);
    expect(d.text()).toBe('deployment.apps/sleep-1 created\n');
    const deploy = d.get('Deployment', 'sleep-1') as K8sObject;
    expect(deploy.metadata.uid).not.toBe(deployUid);
    const rss = replicaSets(d);
    expect(names(rss)).toEqual(rsNames);
    expect(controllerUid(rss[0] as K8sObject)).toBe(deploy.metadata.uid);
    expect(names(d.pods())).toEqual(podNames);
  });

  it('default, background, foreground and --cascade=true all cascade to the ReplicaSet and Pods', () => {
    for (const flag of ['', ' --cascade=background', ' --cascade=foreground', ' --cascade=true']) {
      const d = runningSleep1();
      expect(replicaSets(d)).toHaveLength(1);
      d.kubectl(`delete deployment sleep-1${flag}`);
      expect(d.stdout(), flag).toBe(DELETED);
      expect(d.stderr(), flag).toBe(
        flag === ' --cascade=true'
          ? 'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n'
          : '',
      );
      expect(d.exitCode(), flag).toBe(0);
      d.advance(60_000);
      expect(replicaSets(d), flag).toEqual([]);
      expect(d.pods(), flag).toEqual([]);
    }
  });

  it('--cascade=foreground: the Deployment stays, marked, until its Pods and then its ReplicaSet are gone', () => {
    const d = runningSleep1();
    const rsName = names(replicaSets(d))[0] as string;
    const podName = names(d.pods())[0] as string;
    d.kubectl('delete deployment sleep-1 --cascade=foreground --wait=false');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([DELETED, '', 0]);
    // markAsDeleting: deletionTimestamp now, no grace left, generation bumped, the finalizer held.
    const deploy = d.get('Deployment', 'sleep-1') as K8sObject;
    expect(deploy.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(deploy.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(deploy.metadata.deletionTimestamp).toBeDefined();
    expect(deploy.metadata.generation).toBe(2);
    // Its ReplicaSet has a Pod of its own, so it is deleted in the foreground too; the Pod gracefully.
    const rs = replicaSets(d)[0] as K8sObject;
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect((d.pods()[0] as K8sObject).metadata.deletionTimestamp).toBeDefined();
    d.kubectl('get deployment sleep-1 -o name');
    expect(d.stdout()).toBe('deployment.apps/sleep-1\n');
    // Step the clock and note when each goes: the Pod, then the ReplicaSet, then the Deployment.
    const goneAt = new Map<string, number>();
    for (let step = 0; step < 600 && d.get('Deployment', 'sleep-1'); step++) {
      d.advance(100);
      for (const [k, o] of [
        [podName, d.get('Pod', podName)],
        [rsName, d.get('ReplicaSet', rsName)],
        ['sleep-1', d.get('Deployment', 'sleep-1')],
      ] as const)
        if (!o && !goneAt.has(k)) goneAt.set(k, step);
    }
    expect(d.get('Deployment', 'sleep-1')).toBeUndefined();
    const at = (k: string) => goneAt.get(k) as number;
    expect(at(podName)).toBeGreaterThan(0);
    expect(at(podName)).toBeLessThanOrEqual(at(rsName));
    expect(at(rsName)).toBeLessThanOrEqual(at('sleep-1'));
    // No replacement Pod was made while the ReplicaSet was being deleted.
    expect(d.pods()).toEqual([]);
    expect(replicaSets(d)).toEqual([]);
  });

  it('--cascade=foreground with --wait (the default) returns once the Deployment, and all it owned, is gone', () => {
    const d = runningSleep1();
    d.kubectl('delete deployment sleep-1 --cascade=foreground');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([DELETED, '', 0]);
    expect(d.get('Deployment', 'sleep-1')).toBeUndefined();
    expect(replicaSets(d)).toEqual([]);
    expect(d.pods()).toEqual([]);
    // A Deployment deleted in the background returns as soon as it is gone, its Pod still terminating.
    const e = runningSleep1();
    e.kubectl('delete deployment sleep-1');
    expect(e.get('Deployment', 'sleep-1')).toBeUndefined();
    expect(e.pods().length).toBe(1);
  });

  it('a bare --cascade is background, and the word after it is a resource argument (NoOptDefVal)', () => {
    const d = runningSleep1();
    d.kubectl('delete deployment sleep-1 --cascade');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([DELETED, '', 0]);
    d.advance(60_000);
    expect(replicaSets(d)).toEqual([]);
    // `--cascade orphan`: background, with `orphan` a second name to delete (not found).
    const e = runningSleep1();
    e.kubectl('delete deployment --cascade orphan sleep-1');
    expect(e.stdout()).toBe(DELETED);
    expect(e.stderr()).toBe('Error from server (NotFound): deployments.apps "orphan" not found\n');
    e.advance(60_000);
    expect(replicaSets(e)).toEqual([]);
  });

  it('--cascade=false warns that it is deprecated, then orphans', () => {
    const d = runningSleep1();
    const deployUid = d.get('Deployment', 'sleep-1')?.metadata.uid as string;
    const rsNames = names(replicaSets(d));
    const podNames = names(d.pods());
    d.kubectl('delete deployment sleep-1 --cascade=false');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      [
        'stderr',
        'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
      ],
      ['stdout', DELETED],
    ]);
    expect(d.exitCode()).toBe(0);
    expectOrphaned(d, deployUid, rsNames, podNames);
  });

  it('a bad value is an error before anything is deleted or the arguments are checked', () => {
    const d = runningSleep1();
    d.kubectl('delete deployment sleep-1 --cascade=maybe');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan"\n',
      1,
    ]);
    expect(d.get('Deployment', 'sleep-1')).toBeDefined();
    d.kubectl('delete --cascade=');
    expect([d.text(), d.exitCode()]).toEqual([
      'error: invalid cascade value (). Must be "background", "foreground", or "orphan"\n',
      1,
    ]);
  });

  it('kubectl delete --help lists --cascade between -A and --dry-run, then --field-selector and -f', () => {
    const d = kdrive().kubectl('delete --help');
    expect(d.stdout()).toContain(
      `    --all=false:
	Delete all resources, in the namespace of the specified resource types.

    -A, --all-namespaces=false:
	If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even
	if specified with --namespace.

    --cascade='background':
	Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents
	(e.g. Pods created by a ReplicationController). Defaults to background.

    --dry-run='none':
	Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without
	sending it. If server strategy, submit server-side request without persisting the resource.

    --field-selector='':
	Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector
	key1=value1,key2=value2). The server only supports a limited number of field queries per type.

    -f, --filename=[]:
`,
    );
  });
});
