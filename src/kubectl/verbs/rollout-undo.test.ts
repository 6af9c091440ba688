// kubectl rollout history --revision, undo, pause and resume for Deployments, exactly as kubectl
// v0.34.9 prints them (polymorphichelpers history.go / rollback.go, rollout_pause.go /
// rollout_resume.go), and the deployment controller's handling of a paused Deployment.
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../sim/api/types';
import { deploymentYaml } from '../../sim/testing/manifests';
import { kdrive } from '../testing';

const web = (image: string, cause?: string) =>
  deploymentYaml(
    'web',
    { name: 'web', image },
    { replicas: 2, ...(cause ? { annotations: { 'kubernetes.io/change-cause': cause } } : {}) },
  );

const template = (hash: string, image: string, annotations = '') =>
  `Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=${hash}\n${annotations}` +
  `  Containers:\n   web:\n    Image:\t${image}\n    Port:\t<none>\n    Host Port:\t<none>\n` +
  '    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n' +
  '  Tolerations:\t<none>\n';

function twoRevisions() {
  const d = kdrive().apply(web('nginx:1.27', 'first')).advance(30_000);
  d.apply(web('nginx:1.28')).advance(60_000);
  const rss = () => d.cluster.list('ReplicaSet', { namespace: 'default' }) as ReplicaSet[];
  const byRev = (n: string) =>
    rss().find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === n);
  const hash = (rs: ReplicaSet | undefined) => rs?.metadata.labels?.['pod-template-hash'] ?? '?';
  return { d, rss, byRev, hash };
}

describe('rollout history --revision', () => {
  it('prints the revision’s pod template as printTemplate writes it (tabs kept, change-cause added)', () => {
    const { d, byRev, hash } = twoRevisions();
    const h1 = hash(byRev('1'));
    const h2 = hash(byRev('2'));
    expect(h1).not.toBe(h2);
    d.kubectl('rollout history deployment/web --revision=1');
    expect(d.stdout()).toBe(
      `deployment.apps/web with revision #1\n${template(h1, 'nginx:1.27', '  Annotations:\tkubernetes.io/change-cause: first\n')}\n`,
    );
    d.kubectl('rollout history deploy web --revision=2');
    expect(d.stdout()).toBe(`deployment.apps/web with revision #2\n${template(h2, 'nginx:1.28')}\n`);
  });

  it('refuses a revision it does not have, a negative one, and a kind without a history viewer', () => {
    const { d } = twoRevisions();
    d.kubectl('rollout history deployment/web --revision=7');
    expect(d.stderr()).toBe('error: unable to find the specified revision\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('rollout history deployment/web --revision=-1');
    expect(d.stderr()).toBe('error: revision must be a positive integer: -1\n');
    d.kubectl('rollout history rs/web');
    expect(d.stderr()).toBe('error: no history viewer has been implemented for "ReplicaSet.apps"\n');
    d.kubectl('rollout history deployment/nope');
    expect(d.stderr()).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe('rollout history / undo -o', () => {
  it('history -o prints GetHistory’s ReplicaSets in revision order; undo -o the object fetched', () => {
    const { d, byRev } = twoRevisions();
    const rs1 = byRev('1')?.metadata.name;
    const rs2 = byRev('2')?.metadata.name;
    d.kubectl('rollout history deployment/web -o name');
    expect(d.stdout()).toBe(`replicaset.apps/${rs1}\nreplicaset.apps/${rs2}\n`);
    d.kubectl(
      'rollout history deployment/web --revision=2 -o jsonpath={.spec.template.spec.containers[0].image}',
    );
    expect(d.stdout()).toBe('nginx:1.28');
    d.kubectl('rollout history deployment/web --revision=5 -o name');
    expect(d.stderr()).toBe('error: unable to find the specified revision\n');
    d.kubectl('rollout history deployment/web -o yaml');
    expect(d.stdout().split('\n---\n')).toHaveLength(2);
    d.kubectl('rollout undo deployment/web -o jsonpath={.spec.template.spec.containers[0].image}');
    expect(d.stdout()).toBe('nginx:1.28');
    d.advance(1_000);
    const dep = d.cluster.get('Deployment', 'default', 'web') as Deployment;
    expect(dep.spec.template.spec.containers[0]?.image).toBe('nginx:1.27');
    d.kubectl('rollout undo deployment/web -o name');
    expect(d.stdout()).toBe('deployment.apps/web\n');
  });
});

describe('rollout undo deployment', () => {
  it('rolls back to the previous revision: the old ReplicaSet takes over as revision 3', () => {
    const { d, rss, byRev, hash } = twoRevisions();
    const rs1 = byRev('1')?.metadata.name;
    const rs2 = byRev('2')?.metadata.name;
    d.kubectl('rollout undo deployment/web');
    expect(d.stdout()).toBe('deployment.apps/web rolled back\n');
    d.advance(60_000);
    // No new ReplicaSet: revision 1's is the new one again, renumbered 3.
    expect(
      rss()
        .map((rs) => rs.metadata.name)
        .sort(),
    ).toEqual([rs1, rs2].sort());
    const now3 = byRev('3');
    expect(now3?.metadata.name).toBe(rs1);
    expect(now3?.spec.replicas).toBe(2);
    expect(now3?.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    const dep = d.cluster.get('Deployment', 'default', 'web') as Deployment;
    expect(dep.spec.template.spec.containers[0]?.image).toBe('nginx:1.27');
    // The hash label is stripped; the ReplicaSet's change-cause comes back with it.
    expect(dep.spec.template.metadata?.labels).toEqual({ app: 'web' });
    expect(dep.metadata.annotations?.['kubernetes.io/change-cause']).toBe('first');
    expect(dep.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    d.kubectl('rollout history deployment/web');
    expect(d.stdout()).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         first\n\n',
    );
    // Undo again: back to revision 2's template and ReplicaSet (now revision 4).
    d.kubectl('rollout undo deployment/web').advance(60_000);
    expect(byRev('4')?.metadata.name).toBe(rs2);
    expect(hash(byRev('4'))).toBe(rs2?.slice('web-'.length));
    expect(byRev('3')?.metadata.name).toBe(rs1);
  });

  it('--to-revision: skipped when the template already matches; an unknown revision is refused', () => {
    const { d } = twoRevisions();
    d.kubectl('rollout undo deployment/web --to-revision=2');
    expect(d.stdout()).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 2)\n',
    );
    d.kubectl('rollout undo deployment/web --to-revision=5');
    expect(d.stderr()).toBe('error: unable to find specified revision 5 in history\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('rollout undo deployment/web --to-revision=-2');
    expect(d.stderr()).toBe('error: unable to find specified revision -2 in history\n');
    d.kubectl('rollout undo deployment/web --to-revision=1');
    expect(d.stdout()).toBe('deployment.apps/web rolled back\n');
  });

  it('a Deployment with one revision has no history to roll back to', () => {
    const d = kdrive().apply(web('nginx:1.27')).advance(30_000);
    d.kubectl('rollout undo deployment/web');
    expect(d.stderr()).toBe('error: no rollout history found for deployment "web"\n');
    d.kubectl('rollout undo svc/kubernetes');
    expect(d.stderr()).toBe('error: no rollbacker has been implemented for "Service"\n');
  });

  it('--dry-run=client prints the template it would restore; server sends it without storing', () => {
    const { d, byRev, hash } = twoRevisions();
    const h1 = hash(byRev('1'));
    d.kubectl('rollout undo deployment/web --dry-run=client');
    expect(d.stdout()).toBe(`deployment.apps/web ${template(h1, 'nginx:1.27')} (dry run)\n`);
    d.kubectl('rollout undo deployment/web --dry-run=server');
    expect(d.stdout()).toBe('deployment.apps/web rolled back (server dry run)\n');
    d.advance(30_000);
    const dep = d.cluster.get('Deployment', 'default', 'web') as Deployment;
    expect(dep.spec.template.spec.containers[0]?.image).toBe('nginx:1.28');
  });
});

describe('rollout pause / resume', () => {
  it('pausing holds a template change back until resume; messages as kubectl prints them', () => {
    const { d, rss } = twoRevisions();
    d.kubectl('rollout pause deployment/web');
    expect(d.stdout()).toBe('deployment.apps/web paused\n');
    d.kubectl('rollout pause deployment/web');
    expect(d.stderr()).toBe('error: deployments.apps "web" is already paused\n');
    expect(d.exitCode()).toBe(1);
    d.advance(1_000);
    const cond = () =>
      (d.cluster.get('Deployment', 'default', 'web') as Deployment).status?.conditions?.find(
        (c) => c.type === 'Progressing',
      );
    expect(cond()).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });

    d.kubectl('set image deployment/web web=nginx:1.29').advance(120_000);
    expect(rss()).toHaveLength(2);
    expect(
      d.cluster
        .list('Pod', { namespace: 'default' })
        .every((p) => p.spec.containers[0].image === 'nginx:1.28'),
    ).toBe(true);
    d.kubectl('rollout status deployment/web --watch=false');
    expect(d.stdout()).toBe(
      'Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...\n',
    );
    d.kubectl('rollout undo deployment/web');
    expect(d.stderr()).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    // Scaling still works while paused.
    d.kubectl('scale deployment/web --replicas=3').advance(30_000);
    expect(rss().find((rs) => rs.spec.replicas > 0)?.spec.replicas).toBe(3);

    d.kubectl('rollout resume deployment/web');
    expect(d.stdout()).toBe('deployment.apps/web resumed\n');
    d.kubectl('rollout resume deployment/web');
    expect(d.stderr()).toBe('error: deployments.apps "web" is not paused\n');
    d.advance(1);
    expect(rss()).toHaveLength(3);
    d.advance(120_000);
    d.kubectl('rollout status deployment/web --watch=false');
    expect(d.stdout()).toBe('deployment "web" successfully rolled out\n');
    expect(cond()).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    const pods = d.cluster.list('Pod', { namespace: 'default' }).filter((p) => !p.metadata.deletionTimestamp);
    expect(pods.map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.29', 'nginx:1.29', 'nginx:1.29']);
  });

  it('a template back to an old revision’s while paused renumbers that ReplicaSet; resume rolls to it', () => {
    const { d, byRev } = twoRevisions();
    const rs1 = byRev('1')?.metadata.name;
    d.kubectl('rollout pause deployment/web');
    d.kubectl('set image deployment/web web=nginx:1.27').advance(30_000);
    expect(byRev('3')?.metadata.name).toBe(rs1);
    expect(byRev('3')?.spec.replicas).toBe(0);
    const dep = () => d.cluster.get('Deployment', 'default', 'web') as Deployment;
    expect(dep().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    d.kubectl('rollout history deployment/web');
    expect(d.stdout()).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         first\n\n',
    );
    d.kubectl('rollout resume deployment/web').advance(120_000);
    expect(byRev('3')?.spec.replicas).toBe(2);
    expect(byRev('2')?.spec.replicas).toBe(0);
  });

  it('scaling a Deployment paused mid-rollout shares the change out proportionally', () => {
    const manifest = web('nginx:1.27')
      .replace('replicas: 2', 'replicas: 4')
      .replace(
        '  selector:',
        '  strategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n  selector:',
      );
    const d = kdrive().apply(manifest).advance(30_000);
    // The new Pod never becomes ready: the rollout stops at old 4, new 1 (maxSurge 1).
    d.kubectl('set image deployment/web web=kiamol/no-such').advance(30_000);
    d.kubectl('rollout pause deployment/web').advance(1_000);
    const sizes = () =>
      (d.cluster.list('ReplicaSet', { namespace: 'default' }) as ReplicaSet[])
        .map((rs) => `${rs.spec.template.spec.containers[0]?.image}=${rs.spec.replicas}`)
        .sort();
    expect(sizes()).toEqual(['kiamol/no-such=1', 'nginx:1.27=4']);
    // 8 + maxSurge 1 allowed, 5 there: old 4*9/5 -> 7, new 1*9/5 -> 2.
    d.kubectl('scale deployment/web --replicas=8').advance(1_000);
    expect(sizes()).toEqual(['kiamol/no-such=2', 'nginx:1.27=7']);
    // Down to 2 + 1: old 7*3/9 -> 2, new 2*3/9 -> 1.
    d.kubectl('scale deployment/web --replicas=2').advance(1_000);
    expect(sizes()).toEqual(['kiamol/no-such=1', 'nginx:1.27=2']);
    const msgs = d.cluster
      .list('Event', { namespace: 'default' })
      .map((e) => (e as unknown as { message: string }).message)
      .filter((m) => m.startsWith('Scaled'));
    expect(msgs.slice(-4).map((m) => m.replace(/web-[a-z0-9]+/, 'RS'))).toEqual([
      'Scaled up replica set RS from 4 to 7',
      'Scaled up replica set RS from 1 to 2',
      'Scaled down replica set RS from 7 to 2',
      'Scaled down replica set RS from 2 to 1',
    ]);
  });

  it('Progressing goes DeploymentPaused, then DeploymentResumed before the rollout’s own reasons', () => {
    const { d } = twoRevisions();
    const reasons: string[] = [];
    const stop = d.cluster.watch('Deployment', (ev) => {
      const c = (ev.object as Deployment).status?.conditions?.find((x) => x.type === 'Progressing');
      const r = `${c?.status}/${c?.reason}`;
      if (c && reasons[reasons.length - 1] !== r) reasons.push(r);
    });
    d.kubectl('rollout pause deployment/web').advance(1_000);
    d.kubectl('rollout resume deployment/web').advance(1_000);
    stop();
    // Resumed on a finished rollout: the same sync finds it complete again (syncRolloutStatus).
    expect(reasons).toEqual([
      'True/NewReplicaSetAvailable',
      'Unknown/DeploymentPaused',
      'Unknown/DeploymentResumed',
      'True/NewReplicaSetAvailable',
    ]);
  });

  it('only Deployments pause; several errors are printed one per line', () => {
    const d = kdrive().apply(web('nginx:1.27')).advance(30_000);
    d.kubectl('rollout pause ds/kube-proxy -n kube-system');
    expect(d.stderr()).toBe('error: daemonsets.apps "kube-proxy" pausing is not supported\n');
    d.kubectl('rollout resume deployment/web deployment/nope');
    expect(d.stderr()).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\nerror: deployments.apps "web" is not paused\n',
    );
  });
});
