// kubectl taint (pkg/cmd/taint/taint.go + utils.go v0.34.9): the operations, the new list's order,
// each error as kubectl prints it, dry runs, --all / -l, and the builder continuing on errors.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

type Taints = { key: string; value?: string; effect: string }[] | undefined;
const taints = (d: ReturnType<typeof kdrive>, name: string): Taints =>
  (d.cluster.get('Node', undefined, name)?.spec as { taints?: Taints } | undefined)?.taints;

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('kubectl taint', () => {
  it('tainted, the overwrite refusal, modified, untainted; new taints go first', () => {
    const d = kdrive();
    d.kubectl('taint nodes docker-desktop dedicated=special-user:NoSchedule');
    expect(d.text()).toBe('node/docker-desktop tainted\n');
    d.kubectl('taint node docker-desktop gpu:NoExecute');
    expect(d.text()).toBe('node/docker-desktop tainted\n');
    expect(taints(d, 'docker-desktop')).toEqual([
      { key: 'gpu', effect: 'NoExecute' },
      { key: 'dedicated', value: 'special-user', effect: 'NoSchedule' },
    ]);
    d.kubectl('taint no docker-desktop dedicated=other:NoSchedule gpu=x:NoExecute');
    expect(d.text()).toBe(
      'error: node docker-desktop already has dedicated,gpu taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(d.exitCode()).toBe(1);
    d.kubectl('taint nodes docker-desktop dedicated=other:NoSchedule --overwrite');
    expect(d.text()).toBe('node/docker-desktop modified\n');
    expect(taints(d, 'docker-desktop')).toEqual([
      { key: 'dedicated', value: 'other', effect: 'NoSchedule' },
      { key: 'gpu', effect: 'NoExecute' },
    ]);
    // The same key with another effect is another taint.
    d.kubectl('taint nodes docker-desktop dedicated=x:PreferNoSchedule');
    expect(d.text()).toBe('node/docker-desktop tainted\n');
    d.kubectl('taint nodes docker-desktop dedicated:NoSchedule-');
    expect(d.text()).toBe('node/docker-desktop untainted\n');
    expect(taints(d, 'docker-desktop')?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'dedicated:PreferNoSchedule',
      'gpu:NoExecute',
    ]);
    // Adding one and removing another in one command: modified.
    d.kubectl('taint nodes docker-desktop a=b:NoSchedule dedicated-');
    expect(d.text()).toBe('node/docker-desktop modified\n');
    d.kubectl('taint nodes docker-desktop a- gpu-');
    expect(d.text()).toBe('node/docker-desktop untainted\n');
    expect(taints(d, 'docker-desktop')).toBeUndefined();
  });

  it('a removal that matches nothing: one error is pretty, several are the aggregate’s lines', () => {
    const d = kdrive();
    d.kubectl('taint nodes docker-desktop bar-');
    expect(d.text()).toBe('error: taint "bar" not found\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('taint nodes docker-desktop q- r:NoSchedule-');
    expect(d.text()).toBe('taint "q" not found\ntaint "r:NoSchedule" not found\n');
  });

  it('parse errors are usage errors', () => {
    const d = kdrive();
    const usage = "\nSee 'kubectl taint -h' for help and examples\n";
    d.kubectl('taint nodes docker-desktop bar:Bogus');
    expect(d.text()).toBe(`error: invalid taint effect: Bogus, unsupported taint effect${usage}`);
    d.kubectl('taint nodes docker-desktop bar:');
    expect(d.text()).toBe(`error: invalid taint effect: , unsupported taint effect${usage}`);
    d.kubectl('taint nodes docker-desktop key=value');
    expect(d.text()).toBe(`error: invalid taint spec: key=value, ${NAME_PART}${usage}`);
    d.kubectl('taint nodes docker-desktop a=b=c:NoSchedule');
    expect(d.text()).toBe(`error: invalid taint spec: a=b=c:NoSchedule${usage}`);
    d.kubectl('taint nodes docker-desktop a:b:NoSchedule');
    expect(d.text()).toBe(`error: invalid taint spec: a:b:NoSchedule${usage}`);
    d.kubectl('taint nodes docker-desktop a=b:NoSchedule a=c:NoSchedule');
    expect(d.text()).toBe(
      `error: duplicated taints with the same key and effect: {a c NoSchedule <nil>}${usage}`,
    );
    d.kubectl('taint nodes docker-desktop a=-b:NoSchedule');
    expect(d.text()).toContain(
      'error: invalid taint spec: a=-b:NoSchedule, a valid label must be an empty string',
    );
    expect(d.exitCode()).toBe(1);
  });

  it('argument and flag checks, in Complete then Validate order', () => {
    const d = kdrive();
    d.kubectl('taint nodes docker-desktop a=b:NoSchedule extra');
    expect(d.text()).toBe('error: all resources must be specified before taint changes: extra\n');
    d.kubectl('taint a=b:NoSchedule');
    expect(d.text()).toBe('error: one or more resources must be specified as <resource> <name>\n');
    d.kubectl('taint nodes docker-desktop');
    expect(d.text()).toBe('error: at least one taint update is required\n');
    d.kubectl('taint Pods x a=b:NoSchedule');
    expect(d.text()).toBe('error: invalid resource type pods, only node types are supported\n');
    d.kubectl('taint bogus x a=b:NoSchedule');
    expect(d.text()).toBe('error: the server doesn\'t have a resource type "bogus"\n');
    d.kubectl('taint nodes docker-desktop a=b:NoSchedule a-');
    expect(d.text()).toBe(
      'error: can not both modify and remove the following taint(s) in the same command: a=\n',
    );
    d.kubectl('taint nodes a=b:NoSchedule');
    expect(d.text()).toBe(
      "error: at least one resource name must be specified since 'all' parameter is not set\n",
    );
    d.kubectl('taint nodes --all -l x=y a=b:NoSchedule');
    expect(d.text()).toBe("error: setting 'all' parameter with a non empty selector is prohibited\n");
    expect(d.exitCode()).toBe(1);
    expect(taints(d, 'docker-desktop')).toBeUndefined();
  });

  it('--all and -l; the builder goes on past a node it cannot get', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.kubectl('taint nodes --all zone=a:PreferNoSchedule');
    expect(d.text()).toBe(
      'node/kind-control-plane tainted\nnode/kind-worker tainted\nnode/kind-worker2 tainted\n',
    );
    d.kubectl('taint nodes -l kubernetes.io/hostname=kind-worker zone:PreferNoSchedule-');
    expect(d.text()).toBe('node/kind-worker untainted\n');
    d.kubectl('taint nodes nope kind-worker2 kind-worker x=y:NoExecute');
    expect(d.text()).toBe(
      'node/kind-worker2 tainted\nnode/kind-worker tainted\nError from server (NotFound): nodes "nope" not found\n',
    );
    expect(d.exitCode()).toBe(1);
    d.kubectl('taint nodes kind-worker nope x=z:NoExecute');
    expect(d.text()).toBe(
      'node kind-worker already has x taint(s) with same effect(s) and --overwrite is false\n' +
        'Error from server (NotFound): nodes "nope" not found\n',
    );
  });

  it('dry runs print the operation without a suffix (kubectl resets it) and change nothing', () => {
    const d = kdrive();
    d.kubectl('taint nodes docker-desktop a=b:NoSchedule --dry-run=client');
    expect(d.text()).toBe('node/docker-desktop tainted\n');
    d.kubectl('taint nodes docker-desktop a=b:NoSchedule --dry-run=server');
    expect(d.text()).toBe('node/docker-desktop tainted\n');
    expect(taints(d, 'docker-desktop')).toBeUndefined();
    d.kubectl('taint nodes docker-desktop a=b:NoSchedule --dry-run=client -o yaml');
    expect(d.text()).toContain('\n  taints:\n  - effect: NoSchedule\n    key: a\n    value: b\n');
    d.kubectl('taint nodes docker-desktop a=b:NoSchedule -o name');
    expect(d.text()).toBe('node/docker-desktop\n');
    expect(taints(d, 'docker-desktop')).toEqual([{ key: 'a', value: 'b', effect: 'NoSchedule' }]);
  });

  it('--help: the long text with its bullets, the usage line and the supported flags', () => {
    const d = kdrive().kubectl('taint --help');
    const help = d.text();
    expect(
      help.startsWith(
        'Update the taints on one or more nodes.\n\n  *  A taint consists of a key, value, and effect.',
      ),
    ).toBe(true);
    expect(help).toContain('\n  *  Currently taint can only apply to node.\n\nExamples:\n');
    expect(help).toContain(
      '\nUsage:\n  kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]\n',
    );
    const flags = help.split('\n').filter((l) => /^ {4}(-\w, )?--[a-z-]+=/.test(l));
    expect(flags).toEqual([
      '    --all=false:',
      "    --dry-run='none':",
      "    -o, --output='':",
      '    --overwrite=false:',
      "    -l, --selector='':",
    ]);
    expect(Math.max(...help.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
  });
});
