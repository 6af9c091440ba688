// kubectl scale with several objects where some are missing or a list fails [kubectl v0.34.9
// pkg/cmd/scale/scale.go RunScale]: the builder has ContinueOnError, so r.Infos() returns what it
// found and infoErr; every object found is scaled and printed, then infoErr through checkErr
// (one line per error), exit 1. Nothing found: `no objects passed to scale %w` (the error's
// Error(), an aggregate's `[a, b]`). A failed precondition returns at once: later objects stay.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

function two() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment a --image=nginx');
  d.kubectl('create deployment b --image=nginx --replicas=2');
  d.advance(10_000);
  return d;
}

const replicas = (d: ReturnType<typeof two>, name: string) => {
  d.kubectl(`get deploy ${name} -o jsonpath={.spec.replicas}`);
  return d.stdout();
};

describe('kubectl scale: ContinueOnError', () => {
  it('a missing name among others: the others scaled and printed first, then the NotFound', () => {
    const d = two();
    d.kubectl('scale deploy a nope b --replicas=3');
    expect(d.text()).toBe(
      'deployment.apps/a scaled\ndeployment.apps/b scaled\nError from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(d.exitCode()).toBe(1);
    expect([replicas(d, 'a'), replicas(d, 'b')]).toEqual(['3', '3']);
  });

  it('two missing TYPE/NAMEs after a found one: one line each', () => {
    const d = two();
    d.kubectl('scale deploy/x deploy/a rs/y --replicas=0');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment.apps/a scaled\n',
      'Error from server (NotFound): deployments.apps "x" not found\nError from server (NotFound): replicasets.apps "y" not found\n',
      1,
    ]);
  });

  it('nothing found: no objects passed to scale, with the error text', () => {
    const d = two();
    d.kubectl('scale deploy nope --replicas=1');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'error: no objects passed to scale deployments.apps "nope" not found\n',
      1,
    ]);
    d.kubectl('scale deploy x y --replicas=1');
    expect(d.stderr()).toBe(
      'error: no objects passed to scale [deployments.apps "x" not found, deployments.apps "y" not found]\n',
    );
    d.kubectl("scale deploy,rs -l 'a b' --replicas=1");
    const why = "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt";
    const m = (gvr: string) =>
      `Unable to find "${gvr}" that match label selector "a b", field selector "": ${why}`;
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      `error: no objects passed to scale [${m('apps/v1, Resource=deployments')}, ${m('apps/v1, Resource=replicasets')}]\n`,
      1,
    ]);
    d.kubectl("scale deploy -l 'a b' --replicas=1");
    expect(d.stderr()).toBe(`error: no objects passed to scale ${m('apps/v1, Resource=deployments')}\n`);
  });

  it('--current-replicas that does not hold: the error at once, the later objects not scaled', () => {
    const d = two();
    d.kubectl('scale deploy b a --current-replicas=2 --replicas=4');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment.apps/b scaled\n',
      'error: Expected replicas to be 2, was 1\n',
      1,
    ]);
    d.kubectl('scale deploy a b --current-replicas=4 --replicas=5');
    expect([d.stdout(), d.stderr()]).toEqual(['', 'error: Expected replicas to be 4, was 1\n']);
    expect([replicas(d, 'a'), replicas(d, 'b')]).toEqual(['1', '4']);
  });
});
