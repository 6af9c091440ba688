// kubectl delete's flag handling [kubectl v0.34.9 pkg/cmd/delete/delete.go Complete, Validate,
// DeleteResult, PrintObj; delete_flags.go -A]: --now / --grace-period / --force, Validate's --all
// checks on the flags as given, the Immediate-deletion warning before anything is sent, -A, and
// the cluster-scope warning with an explicit -n.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const IMMEDIATE =
  '\u001b[33;1mWarning:\u001b[0m Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

function web() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment web --image=nginx');
  d.advance(20_000);
  const pod = d.cluster.list('Pod', { namespace: 'default' })[0]?.metadata.name as string;
  return { d, pod };
}

const run = (d: ReturnType<typeof kdrive>, line: string) => {
  d.kubectl(line);
  return [d.stdout(), d.stderr(), d.exitCode()];
};

describe('delete --force / --now / --grace-period (Complete, Validate)', () => {
  it('--force alone is a grace period of 0: the warning, then "force deleted"', () => {
    const { d, pod } = web();
    expect(run(d, `delete pod ${pod} --force`)).toEqual([
      `pod "${pod}" force deleted from default namespace\n`,
      IMMEDIATE,
      0,
    ]);
  });

  it('the warning is Validate’s: printed before the request, a NotFound after it', () => {
    const { d } = web();
    expect(run(d, 'delete pod nope --force --grace-period=0')).toEqual([
      '',
      `${IMMEDIATE}Error from server (NotFound): pods "nope" not found\n`,
      1,
    ]);
  });

  it.each([
    ['--now --grace-period=5', 'error: --now and --grace-period cannot be specified together\n'],
    [
      '--force --grace-period=5',
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    ],
  ])('%s', (flags, stderr) => {
    const { d, pod } = web();
    expect(run(d, `delete pod ${pod} ${flags}`)).toEqual(['', stderr, 1]);
    expect(d.cluster.get('Pod', 'default', pod)).toBeDefined();
  });

  it('--all with a blank -l or --field-selector: the builder drops them, Validate does not', () => {
    const { d } = web();
    expect(run(d, "delete pods --all -l ' '")).toEqual([
      '',
      'error: cannot set --all and --selector at the same time\n',
      1,
    ]);
    expect(run(d, "delete pods --all --field-selector ' '")).toEqual([
      '',
      'error: cannot set --all and --field-selector at the same time\n',
      1,
    ]);
  });
});

describe('delete -A and the cluster-scope warning', () => {
  it('-A with a selector deletes in every namespace, each line naming its namespace', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('create namespace other');
    d.kubectl('create deployment web --image=nginx');
    d.kubectl('create deployment web --image=nginx -n other');
    d.advance(10_000);
    expect(run(d, 'delete deploy -A -l app=web')).toEqual([
      'deployment.apps "web" deleted from default namespace\ndeployment.apps "web" deleted from other namespace\n',
      '',
      0,
    ]);
  });

  it('-A with a name: the builder refuses it', () => {
    const { d } = web();
    expect(run(d, 'delete deploy web -A')).toEqual([
      '',
      'error: a resource cannot be retrieved by name across all namespaces\n',
      1,
    ]);
  });

  it('-n given and a cluster-scoped object: the warning once, before its line', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('create namespace other');
    d.kubectl('create namespace third');
    expect(run(d, 'delete ns other third -n default')).toEqual([
      'namespace "other" deleted\nnamespace "third" deleted\n',
      '\u001b[33;1mWarning:\u001b[0m deleting cluster-scoped resources, not scoped to the provided namespace\n',
      0,
    ]);
    d.kubectl('create namespace fourth');
    // Without -n (the context's namespace) there is no warning.
    expect(run(d, 'delete ns fourth')).toEqual(['namespace "fourth" deleted\n', '', 0]);
  });
});
