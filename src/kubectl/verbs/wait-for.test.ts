// kubectl wait's --for forms and --timeout edges as kubectl v0.34.9 pkg/cmd/wait parses and runs
// them: conditionFuncFor (delete/create in any case, `condition=` case-sensitive, `jsonpath=`),
// processJSONPathInput / splitJSONPathInput, JSONPathWait.checkCondition, `--timeout=0` checking
// once, and one deadline for the whole command (RunWait's context).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

function ready() {
  const d = kdrive().kubectl('apply -f sleep/sleep1.yaml').advance(20_000);
  const pod = d.pods({ namespace: 'default', labelSelector: 'app=sleep-1' })[0] as Pod;
  return { d, name: pod.metadata.name };
}

describe('kubectl wait --for=jsonpath', () => {
  it('waits for a value, compares it as %v, and without a value for any value', () => {
    const { d, name } = ready();
    d.kubectl(`wait --for=jsonpath='{.status.phase}'=Running pod -l app=sleep-1`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([`pod/${name} condition met\n`, '', 0]);
    // Relaxed paths (`.status.phase`), quoted values and numbers compare by their printed form.
    d.kubectl(`wait --for=jsonpath=.status.phase="Running" pod/${name}`);
    expect(d.stdout()).toBe(`pod/${name} condition met\n`);
    d.kubectl(`wait --for=jsonpath='{.status.readyReplicas}'=1 deploy/sleep-1`);
    expect(d.stdout()).toBe('deployment.apps/sleep-1 condition met\n');
    d.kubectl(`wait --for=jsonpath='{.status.podIP}' pod/${name}`);
    expect(d.stdout()).toBe(`pod/${name} condition met\n`);
  });

  it('times out on a value that never comes; errors on lists and maps; format errors', () => {
    const { d, name } = ready();
    d.kubectl(`wait --for=jsonpath='{.status.phase}'=Failed pod/${name} --timeout=2s`);
    expect([d.stderr(), d.exitCode()]).toEqual([
      `error: timed out waiting for the condition on pods/${name}\n`,
      1,
    ]);
    d.kubectl(`wait --for=jsonpath='{.status.conditions[*].type}'=Ready pod/${name}`);
    expect(d.stderr()).toBe('error: given jsonpath expression matches more than one value\n');
    d.kubectl(`wait --for=jsonpath='{.metadata.labels}'=x pod/${name}`);
    expect(d.stderr()).toBe('error: jsonpath leads to a nested object or list which is not supported\n');
    d.kubectl(`wait --for=jsonpath='{.status.phase}'= pod/${name}`);
    expect(d.stderr()).toBe(
      "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n",
    );
    d.kubectl(`wait --for=jsonpath=a=b=c pod/${name}`);
    expect(d.stderr()).toBe(
      "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n",
    );
    d.kubectl(`wait --for=jsonpath= pod/${name}`);
    expect(d.stderr()).toBe('error: jsonpath expression cannot be empty\n');
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl wait --for spelling', () => {
  it('delete and create in any case; condition= and jsonpath= only in lower case; empty is unrecognized', () => {
    const { d, name } = ready();
    d.kubectl(`wait --for=Delete pod/${name} --timeout=1s`);
    expect(d.stderr()).toBe(`error: timed out waiting for the condition on pods/${name}\n`);
    d.kubectl(`wait --for=CREATE pod/${name}`);
    expect(d.stdout()).toBe(`pod/${name} condition met\n`);
    d.kubectl(`wait --for=Condition=Ready pod/${name}`);
    expect([d.stderr(), d.exitCode()]).toEqual(['error: unrecognized condition: "Condition=Ready"\n', 1]);
    d.kubectl(`wait --for=condition=ready pod/${name}`);
    expect(d.stdout()).toBe(`pod/${name} condition met\n`);
    d.kubectl(`wait pod/${name}`);
    expect(d.stderr()).toBe('error: unrecognized condition: ""\n');
  });
});

describe('kubectl wait --timeout', () => {
  it('0 checks once: `condition not met for`, for a condition and for delete', () => {
    const d = kdrive().kubectl('apply -f numbers/api.yaml');
    const name = (d.pods()[0] as Pod).metadata.name;
    d.kubectl('wait --for=condition=Ready pod -l app=numbers-api --timeout=0');
    expect([d.stderr(), d.exitCode()]).toEqual([`error: condition not met for pods/${name}\n`, 1]);
    d.kubectl(`wait --for=delete pod/${name} --timeout=0`);
    expect(d.stderr()).toBe(`error: condition not met for pods/${name}\n`);
    d.advance(60_000).kubectl(`wait --for=condition=Ready pod/${name} --timeout=0`);
    expect(d.stdout()).toBe(`pod/${name} condition met\n`);
  });

  it('is one deadline for all the objects, not a fresh timeout each', () => {
    // sleep-1 becomes Ready after its image pull; zzz (a tag that does not exist) never does.
    const d = kdrive()
      .kubectl('apply -f sleep/sleep1.yaml')
      .kubectl('create deployment zzz --image=kiamol/ch03-sleep:nope');
    const start = d.cluster.now();
    d.kubectl('wait --for=condition=Ready pod --all --timeout=10s');
    expect(d.stdout()).toMatch(/^pod\/sleep-1-\S+ condition met\n$/);
    expect(d.stderr()).toMatch(/^error: timed out waiting for the condition on pods\/zzz-\S+\n$/);
    expect(d.cluster.now() - start).toBeGreaterThan(1000);
    expect(d.cluster.now() - start).toBeLessThanOrEqual(10_000);
  });
});

describe('kubectl wait --for=create', () => {
  it('polls until the named object exists (the kubernetes Service coming back), else times out', () => {
    const d = kdrive().kubectl('delete svc kubernetes');
    const start = d.cluster.now();
    d.kubectl('wait --for=create svc/kubernetes --timeout=30s');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['service/kubernetes condition met\n', '', 0]);
    expect(d.cluster.now() - start).toBeGreaterThan(0);
    expect(d.cluster.now() - start).toBeLessThanOrEqual(10_000);
    d.kubectl('wait --for=create deploy/sleep-9 --timeout=2s');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'error: timed out waiting for the condition\n',
      1,
    ]);
    d.kubectl('wait --for=create pod -l app=nope --timeout=1s');
    expect(d.stderr()).toBe('error: timed out waiting for the condition\n');
  });
});
