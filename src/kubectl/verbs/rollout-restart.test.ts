// kubectl rollout restart [kubectl v0.34.9 pkg/cmd/rollout/rollout_restart.go RunRestart,
// pkg/polymorphichelpers/objectrestarter.go]: ContinueOnError and ResourceTypeOrNameArgs(true, …),
// every object found restarted first, then allErrs through checkErr.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

function two() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment a --image=nginx');
  d.kubectl('create deployment b --image=nginx');
  d.advance(10_000);
  return d;
}

const restartedAt = (d: ReturnType<typeof two>, name: string): unknown =>
  JSON.parse(d.kubectl(`get deploy ${name} -o json`).stdout()).spec.template.metadata.annotations?.[
    'kubectl.kubernetes.io/restartedAt'
  ];

describe('kubectl rollout restart', () => {
  it('a missing name among others: the others restarted, then the NotFound', () => {
    const d = two();
    d.kubectl('rollout restart deploy/a deploy/nope deploy/b');
    expect(d.text()).toBe(
      'deployment.apps/a restarted\ndeployment.apps/b restarted\nError from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(d.exitCode()).toBe(1);
    expect(restartedAt(d, 'a')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('a bare TYPE restarts every object of it; none: No resources found', () => {
    const d = two();
    d.kubectl('rollout restart deployment');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment.apps/a restarted\ndeployment.apps/b restarted\n',
      '',
      0,
    ]);
    d.kubectl('rollout restart statefulset');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'No resources found in default namespace.\n',
      0,
    ]);
  });

  it('again within the same second: the empty patch is refused; with a NotFound, both lines', () => {
    const d = two();
    d.kubectl('rollout restart deploy a');
    d.kubectl('rollout restart deploy a');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'error: failed to create patch for a: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
      1,
    ]);
    d.kubectl('rollout restart deploy a x y');
    expect([d.stdout(), d.stderr()]).toEqual([
      '',
      '[deployments.apps "x" not found, deployments.apps "y" not found]\nfailed to create patch for a: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    ]);
    d.advance(1000);
    d.kubectl('rollout restart deploy a');
    expect(d.stdout()).toBe('deployment.apps/a restarted\n');
  });

  it('a paused Deployment and a Pod are refused by the restarter, the others restarted', () => {
    const d = two();
    d.kubectl('rollout pause deploy/a');
    d.kubectl('get pods -o name');
    const pod = (d.stdout().split('\n')[0] as string).replace('pod/', '');
    d.kubectl(`rollout restart deploy/a deploy/b pod/${pod}`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment.apps/b restarted\n',
      `error: deployments.apps "a" can't restart paused deployment (run rollout resume first)\nerror: pods "${pod}" restarting is not supported\n`,
      1,
    ]);
  });
});

// rollout_status.go Run: r.Visit with ContinueOnError; ResourceTypeOrNameArgs(true, …).
describe('kubectl rollout status with several objects', () => {
  it('a missing name first: the next object still watched, the NotFound after', () => {
    const d = two();
    d.kubectl('rollout status deploy/nope deploy/a');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment "a" successfully rolled out\n',
      'Error from server (NotFound): deployments.apps "nope" not found\n',
      1,
    ]);
  });

  it('two errors: one line each without `error: ` (MultipleErrors)', () => {
    const d = two();
    d.kubectl('rollout status deploy x a y');
    expect([d.stdout(), d.stderr()]).toEqual([
      'deployment "a" successfully rolled out\n',
      'Error from server (NotFound): deployments.apps "x" not found\nError from server (NotFound): deployments.apps "y" not found\n',
    ]);
    d.kubectl('rollout status deploy/a deploy/b --revision=7');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'desired revision (7) is different from the running revision (1)\ndesired revision (7) is different from the running revision (1)\n',
      1,
    ]);
  });

  it('a bare TYPE: every object in turn; none: No resources found', () => {
    const d = two();
    d.kubectl('rollout status deployment');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment "a" successfully rolled out\ndeployment "b" successfully rolled out\n',
      '',
      0,
    ]);
    d.kubectl('rollout status daemonset');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'No resources found in default namespace.\n',
      0,
    ]);
  });
});

// rollout_history.go Run: r.Visit under ContinueOnError.
describe('kubectl rollout history with several objects', () => {
  it('a missing name first: the next history still printed, the NotFound after', () => {
    const d = two();
    d.kubectl('rollout history deploy/a');
    const a = d.stdout();
    expect(a).toMatch(/^deployment\.apps\/a \nREVISION +CHANGE-CAUSE\n1 +<none>\n\n$/);
    d.kubectl('rollout history deploy/nope deploy/a');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      a,
      'Error from server (NotFound): deployments.apps "nope" not found\n',
      1,
    ]);
  });

  it('--revision missing on both: one line each, without `error: `', () => {
    const d = two();
    d.kubectl('rollout history deploy/a --revision=9');
    const one = d.stderr();
    expect(one.startsWith('error: ')).toBe(true);
    d.kubectl('rollout history deploy/a deploy/b --revision=9');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', one.slice(7).repeat(2), 1]);
  });
});

// rollout_undo.go RunUndo: r.Visit under ContinueOnError.
describe('kubectl rollout undo with several objects', () => {
  it('a missing name first: the next object still rolled back, the NotFound after', () => {
    const d = two();
    d.kubectl('set image deploy/a nginx=nginx:1.27');
    d.advance(30_000);
    d.kubectl('rollout undo deploy/nope deploy/a');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment.apps/a rolled back\n',
      'Error from server (NotFound): deployments.apps "nope" not found\n',
      1,
    ]);
    d.kubectl('get deploy a -o jsonpath={.spec.template.spec.containers[0].image}');
    expect(d.stdout()).toBe('nginx');
  });
});
