// kubectl describe with several names or types where some requests fail [kubectl v0.34.9
// pkg/cmd/describe/describe.go Run, DescribeMatchingResources]. Its builder has ContinueOnError:
// cli-runtime's ContinueOnErrorVisitor / EagerVisitorList (pkg/resource/visitor.go) fetch every
// name and list every type; r.Infos() returns what was found with the failures aggregated.
// - Exactly two arguments and that error a NotFound: DescribeMatchingResources (name prefix),
//   nothing found by the first pass is described; each match printed as "%s\n".
// - Otherwise every object found, the first as is, each further one after "\n\n", then the
//   errors through checkErr: one line each (MultipleErrors), exit 1, no "No resources found".
// - Nothing found and no error: "No resources found in <ns> namespace." (o.Namespace, also for
//   a cluster-scoped type), "No resources found" with -A.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const NF = (resource: string, name: string) =>
  `Error from server (NotFound): ${resource} "${name}" not found\n`;

function web() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment web --image=nginx --replicas=2');
  d.kubectl('expose deployment web --port=80');
  d.advance(20_000);
  d.kubectl('get pods -o name');
  const pods = d
    .stdout()
    .trim()
    .split('\n')
    .map((l) => l.replace('pod/', ''));
  expect(pods).toHaveLength(2);
  const [a, b] = pods as [string, string];
  const one = (args: string) => {
    d.kubectl(`describe ${args}`);
    expect([d.stderr(), d.exitCode()]).toEqual(['', 0]);
    return d.stdout();
  };
  return { d, a, b, descA: one(`pod ${a}`), descB: one(`pod ${b}`), descSvc: one('svc web') };
}

describe('describe TYPE NAME NAME…: every name fetched', () => {
  it('a missing name among three arguments: the others described, then its NotFound, exit 1', () => {
    const { d, a, b, descA, descB } = web();
    expect(descA.endsWith('\n')).toBe(true);
    d.kubectl(`describe pod ${a} nope ${b}`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([`${descA}\n\n${descB}`, NF('pods', 'nope'), 1]);
    d.kubectl(`describe pod nope ${a}`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([descA, NF('pods', 'nope'), 1]);
  });

  it('two objects: separated by "\\n\\n" (two blank lines after the first)', () => {
    const { d, a, b, descA, descB } = web();
    d.kubectl(`describe pods ${b} ${a}`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([`${descB}\n\n${descA}`, '', 0]);
  });

  it('several missing names: one NotFound line each, in argument order, no prefix search', () => {
    const { d } = web();
    d.kubectl('describe pod we nope');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NF('pods', 'we') + NF('pods', 'nope'), 1]);
  });

  it('TYPE NAME with a name prefix: every match, each followed by a newline', () => {
    const { d, descA, descB } = web();
    d.kubectl('describe pod web-');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([`${descA}\n${descB}\n`, '', 0]);
    d.kubectl('describe pod x');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NF('pods', 'x'), 1]);
  });
});

describe('describe TYPE/NAME…', () => {
  it('three tuples, two missing: the one found, then both NotFounds', () => {
    const { d, a, descA } = web();
    d.kubectl(`describe pod/${a} pod/nope deploy/gone`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      descA,
      NF('pods', 'nope') + NF('deployments.apps', 'gone'),
      1,
    ]);
  });

  it('two tuples, one missing: DescribeMatchingResources, so nothing is described', () => {
    const { d, a } = web();
    d.kubectl(`describe pod/${a} svc/nope`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NF('services', 'nope'), 1]);
    d.kubectl('describe svc/nope svc/web');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NF('services', 'nope'), 1]);
  });

  it('two tuples, both missing: an aggregate is not a NotFound, both lines', () => {
    const { d } = web();
    d.kubectl('describe svc/x pod/y');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', NF('services', 'x') + NF('pods', 'y'), 1]);
  });

  it('two tuples, both found', () => {
    const { d, a, descA, descSvc } = web();
    d.kubectl(`describe svc/web pod/${a}`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([`${descSvc}\n\n${descA}`, '', 0]);
  });
});

describe('describe TYPE,TYPE -l with a selector the server refuses', () => {
  const why = "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt";
  const line = (gvr: string) =>
    `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "a b", field selector "": ${why}\n`;

  it('one BadRequest line per type, nothing described, no "No resources found"', () => {
    const { d } = web();
    d.kubectl("describe pods,svc,deploy -l 'a b'");
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      line('/v1, Resource=pods') + line('/v1, Resource=services') + line('apps/v1, Resource=deployments'),
      1,
    ]);
  });

  it('describe all -l: the same lines as get all -l, one per kind of the category', () => {
    const { d } = web();
    d.kubectl("get all -l 'a b'");
    const fromGet = d.stderr();
    expect(fromGet.split('\n')).toHaveLength(11);
    d.kubectl("describe all -l 'a b'");
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', fromGet, 1]);
  });
});

describe('describe: the builder refusals and "No resources found"', () => {
  it('names with -l, tuples with -l, a namespaced name with -A', () => {
    const { d, a } = web();
    d.kubectl(`describe pod ${a} -l app=web`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'error: name cannot be provided when a selector is specified\n',
      1,
    ]);
    d.kubectl(`describe pod/${a} -l app=web`);
    expect(d.stderr()).toBe(
      'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
    );
    d.kubectl(`describe pod ${a} -A`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'error: a resource cannot be retrieved by name across all namespaces\n',
      1,
    ]);
    // A blank selector is none (LabelSelectorParam trims it).
    d.kubectl(`describe pod ${a} -l ' '`);
    expect([d.stderr(), d.exitCode()]).toEqual(['', 0]);
  });

  it('a cluster-scoped name with -A is fetched (visitByName checks only namespaced types)', () => {
    const { d } = web();
    d.kubectl('get nodes -o name');
    const node = d.stdout().trim().replace('node/', '');
    d.kubectl(`describe node ${node}`);
    const alone = d.stdout();
    d.kubectl(`describe node ${node} -A`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([alone, '', 0]);
  });

  it('nothing matched: the namespace is named even for a cluster-scoped type; -A drops it', () => {
    const { d } = web();
    d.kubectl('describe nodes -l x=y');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'No resources found in default namespace.\n',
      0,
    ]);
    d.kubectl('describe nodes,pods -l x=y -n kube-system');
    expect(d.stderr()).toBe('No resources found in kube-system namespace.\n');
    d.kubectl('describe pods -l x=y -A');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', 'No resources found\n', 0]);
  });
});

describe('describe --help', () => {
  it('-A and -l carry kubectl v0.34.9 usage texts (describe.go AddFlags, helpers.go AddLabelSelectorFlagVar)', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('describe --help');
    expect(d.stdout()).toContain(
      '    -A, --all-namespaces=false:\n\tIf present, list the requested object(s) across all namespaces. Namespace in current context is ignored even\n\tif specified with --namespace.\n',
    );
    expect(d.stdout()).toContain(
      "    -l, --selector='':\n\tSelector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l\n\tkey1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label\n\tconstraints.\n",
    );
  });
});
