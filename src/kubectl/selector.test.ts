// The server's label-selector checks and kubectl's wording for a rejected list (EnhanceListError),
// through every verb that takes -l. Expected strings come from apimachinery labels/selector.go and
// real transcripts (`kubectl get pods -l "app:monolith"` on a 1.2x+ cluster).
import { describe, expect, it } from 'vitest';
import { selectorParseError } from './selector';
import { kdrive } from './testing';

const NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('selectorParseError (labels.Parse)', () => {
  it('accepts what the book and kubectl users write', () => {
    for (const s of [
      '',
      'app=sleep-2',
      'app==x',
      'app!=x',
      'app',
      '!app',
      'env in (a,b)',
      'x notin ()',
      'a>5',
      'a=b,c',
      'k8s-app=kube-dns',
      'example.com/x=y',
      'app=',
    ]) {
      expect(selectorParseError(s), s).toBeUndefined();
    }
  });
  it('rejects with the parser messages', () => {
    expect(selectorParseError('app in (a')).toBe(
      "unable to parse requirement: found '', expected: ',' or ')'",
    );
    expect(selectorParseError('!!!')).toBe("unable to parse requirement: found '!', expected: identifier");
    expect(selectorParseError('app=a b')).toBe("found 'b', expected: ',' or 'end of string'");
    expect(selectorParseError('===')).toBe("found '==', expected: !, identifier, or 'end of string'");
    expect(selectorParseError('app x')).toBe(
      "unable to parse requirement: found 'x', expected: in, notin, =, ==, !=, gt, lt",
    );
    expect(selectorParseError('a=b,')).toBe("found '', expected: identifier after ','");
    expect(selectorParseError('app:monolith')).toBe(
      `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_MSG}`,
    );
  });
  it('a label value over 63 characters: values[0][key]', () => {
    const v = 'x'.repeat(10_000);
    expect(selectorParseError(`app=${v}`)).toBe(
      `unable to parse requirement: values[0][app]: Invalid value: "${v}": must be no more than 63 characters`,
    );
  });
});

describe('kubectl verbs with a rejected selector', () => {
  const long = 'x'.repeat(10_000);
  const line = (gvr: string, sel: string, msg: string) =>
    `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${sel}", field selector "": ${msg}\n`;
  it('get, delete, wait, describe, logs print the BadRequest on stderr and exit 1 (scale wraps it)', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep1.yaml').advance(5000);
    const valueMsg = `unable to parse requirement: values[0][app]: Invalid value: "${long}": must be no more than 63 characters`;
    for (const [cmd, gvr] of [
      [`get pods -l app=${long}`, '/v1, Resource=pods'],
      [`delete pods -l app=${long}`, '/v1, Resource=pods'],
      [`wait --for=condition=Ready pod -l app=${long}`, '/v1, Resource=pods'],
      [`describe pods -l app=${long}`, '/v1, Resource=pods'],
      [`logs -l app=${long}`, '/v1, Resource=pods'],
    ] as const) {
      d.kubectl(cmd);
      expect(d.stdout(), cmd).toBe('');
      expect(d.stderr(), cmd).toBe(line(gvr, `app=${long}`, valueMsg));
      expect(d.exitCode(), cmd).toBe(1);
    }
    // scale.go RunScale: no infos, so fmt.Errorf("no objects passed to scale %w", infoErr); checkErr
    // prints its Error() (not a StatusError itself): the 400's message without `Error from server`.
    d.kubectl(`scale deploy -l app=${long} --replicas=2`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      `error: no objects passed to scale ${line('apps/v1, Resource=deployments', `app=${long}`, valueMsg).replace('Error from server (BadRequest): ', '')}`,
      1,
    ]);
    // get's builder has ContinueOnError (kubectl v0.34.9 get.go; cli-runtime EagerVisitorList):
    // every type of the `all` category is listed, each refusal is a line.
    d.kubectl(`get all -l app=${long}`);
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toBe(
      [
        '/v1, Resource=pods',
        '/v1, Resource=replicationcontrollers',
        '/v1, Resource=services',
        'apps/v1, Resource=daemonsets',
        'apps/v1, Resource=deployments',
        'apps/v1, Resource=replicasets',
        'apps/v1, Resource=statefulsets',
        'autoscaling/v2, Resource=horizontalpodautoscalers',
        'batch/v1, Resource=cronjobs',
        'batch/v1, Resource=jobs',
      ]
        .map((gvr) => line(gvr, `app=${long}`, valueMsg))
        .join(''),
    );
    expect(d.exitCode()).toBe(1);
    d.kubectl("delete pods -l 'app=a b'");
    expect(d.stderr()).toBe(
      line('/v1, Resource=pods', 'app=a b', "found 'b', expected: ',' or 'end of string'"),
    );
    d.kubectl("get pods -l 'app in (a' --ignore-not-found");
    expect(d.stderr()).toBe(
      line('/v1, Resource=pods', 'app in (a', "unable to parse requirement: found '', expected: ',' or ')'"),
    );
    expect(d.exitCode()).toBe(1);
  });
  it("logs -l '' is the usage error (an empty selector is no selector)", () => {
    const d = kdrive().kubectl("logs -l ''");
    expect(d.stderr()).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
    expect(d.exitCode()).toBe(1);
  });
  it('get --sort-by with a template the jsonpath parser rejects: error, exit 1 (no exception)', () => {
    const d = kdrive().kubectl("get pods -A --sort-by='{['");
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', 'error: unterminated array\n', 1]);
  });
  it('scale with a selector that matches nothing', () => {
    const d = kdrive().kubectl('scale deploy -l app=none --replicas=2');
    expect(d.stderr()).toBe('error: no objects passed to scale\n');
    expect(d.exitCode()).toBe(1);
  });
});
