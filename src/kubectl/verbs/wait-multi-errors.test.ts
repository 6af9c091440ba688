// kubectl wait with several objects where some fail [kubectl v0.34.9 pkg/cmd/wait/wait.go
// RunWait]: the ResourceFinder has no StopOnFirstError (cli-runtime builder_flags.go ToBuilder sets
// ContinueOnError), so Visit goes on past a missing name or a failed object; the objects whose
// condition is met print `condition met`, then the errors through checkErr (one as it is,
// several one line each: a StatusError as `Error from server …`, the others without `error: `).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

function two() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment a --image=nginx');
  d.kubectl('create deployment b --image=nginx');
  d.advance(30_000);
  return d;
}

describe('kubectl wait: ContinueOnError', () => {
  it('a missing name before a found one: the found one is waited for, the NotFound after', () => {
    const d = two();
    d.kubectl('wait --for=condition=Available deploy/nope deploy/a --timeout=5s');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment.apps/a condition met\n',
      'Error from server (NotFound): deployments.apps "nope" not found\n',
      1,
    ]);
  });

  it('two missing names and a found one: one NotFound line each', () => {
    const d = two();
    d.kubectl('wait --for=condition=Available deploy x a y --timeout=5s');
    expect([d.stdout(), d.stderr()]).toEqual([
      'deployment.apps/a condition met\n',
      'Error from server (NotFound): deployments.apps "x" not found\nError from server (NotFound): deployments.apps "y" not found\n',
    ]);
  });

  it('every name missing: the NotFounds only', () => {
    const d = two();
    d.kubectl('wait --for=condition=Available deploy x --timeout=1s');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'Error from server (NotFound): deployments.apps "x" not found\n',
      1,
    ]);
  });

  it('a condition not met with --timeout=0 and a NotFound: both lines raw, the met one printed', () => {
    const d = two();
    d.kubectl('wait --for=condition=Nope deploy/a deploy/zz --timeout=0');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'condition not met for deployments/a\nError from server (NotFound): deployments.apps "zz" not found\n',
      1,
    ]);
    d.kubectl('wait --for=condition=Nope deploy/a --timeout=0');
    expect(d.stderr()).toBe('error: condition not met for deployments/a\n');
  });
});
