// kubectl annotate against a simulated cluster: annotate.go's lines and errors, word for word,
// with exit codes; the change reaches the server as a merge patch.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

function api() {
  return kdrive().kubectl('apply -f numbers/api.yaml').advance(20_000);
}

const out = (d: ReturnType<typeof api>) => [d.stdout(), d.stderr(), d.exitCode()];
const annotations = (d: ReturnType<typeof api>) =>
  d.get('Deployment', 'numbers-api')?.metadata.annotations ?? {};

describe('kubectl annotate', () => {
  it('sets, refuses to overwrite without --overwrite, overwrites with it', () => {
    const d = api();
    d.kubectl("annotate deploy/numbers-api owner='team a'");
    expect(out(d)).toEqual(['deployment.apps/numbers-api annotated\n', '', 0]);
    expect(annotations(d).owner).toBe('team a');
    d.kubectl('annotate deploy numbers-api owner=b tier=x');
    expect(out(d)).toEqual([
      '',
      "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (team a)\n",
      1,
    ]);
    d.kubectl('annotate --overwrite deploy numbers-api owner=b tier=x');
    expect(out(d)).toEqual(['deployment.apps/numbers-api annotated\n', '', 0]);
    expect([annotations(d).owner, annotations(d).tier]).toEqual(['b', 'x']);
  });

  it('the --overwrite error lists every clash; the same value and change-cause pass', () => {
    const d = api();
    d.kubectl('annotate deploy/numbers-api a=1 b=2');
    const before = d.get('Deployment', 'numbers-api');
    d.kubectl('annotate deploy/numbers-api a=9 b=8 c=3');
    expect(out(d)).toEqual([
      '',
      "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1); 'b' already has a value (2)\n",
      1,
    ]);
    expect(d.get('Deployment', 'numbers-api')).toBe(before);
    // validateNoAnnotationOverwrites: an unchanged value is no clash.
    d.kubectl('annotate deploy/numbers-api a=1');
    expect(out(d)).toEqual(['deployment.apps/numbers-api annotated\n', '', 0]);
    d.kubectl('annotate deploy/numbers-api kubernetes.io/change-cause=one');
    d.kubectl('annotate deploy/numbers-api kubernetes.io/change-cause=two');
    expect(out(d)).toEqual(['deployment.apps/numbers-api annotated\n', '', 0]);
    expect(annotations(d)['kubernetes.io/change-cause']).toBe('two');
    d.kubectl('annotate deploy/numbers-api a=9 --overwrite');
    expect(out(d)).toEqual(['deployment.apps/numbers-api annotated\n', '', 0]);
    expect(annotations(d).a).toBe('9');
  });

  it('KEY- removes (an absent key is not reported); values keep every `=` after the first', () => {
    const d = api();
    d.kubectl('annotate deploy/numbers-api url=http://x/?a=b');
    expect(annotations(d).url).toBe('http://x/?a=b');
    d.kubectl('annotate deploy/numbers-api url- nothing-');
    expect(out(d)).toEqual(['deployment.apps/numbers-api annotated\n', '', 0]);
    expect(annotations(d).url).toBeUndefined();
  });

  it('--list: bare lines for one object, a header and an indent for a selection', () => {
    const d = api();
    d.kubectl('annotate deploy/numbers-api z=last a=first');
    d.kubectl('annotate deploy/numbers-api --list');
    const lines = d.stdout().split('\n');
    expect(lines[0]).toBe('a=first');
    expect(lines).toContain('z=last');
    expect(lines).toContain('deployment.kubernetes.io/revision=1');
    d.kubectl('annotate deploy --all --list');
    expect(d.stdout().startsWith('Listing annotations for Deployment.apps/numbers-api:\n a=first\n')).toBe(
      true,
    );
    expect(d.exitCode()).toBe(0);
    // --list applies the changes to the local copy only.
    d.kubectl('annotate deploy/numbers-api extra=1 --list');
    expect(d.stdout().split('\n')).toContain('extra=1');
    expect(annotations(d).extra).toBeUndefined();
  });

  it('flag and argument errors, in annotate.go order', () => {
    const d = api();
    const cases: [string, string][] = [
      [
        'annotate deploy/numbers-api a=1 a-',
        'error: can not both modify and remove the following annotation(s) in the same command: a\n',
      ],
      ['annotate deploy/numbers-api', 'error: at least one annotation update is required\n'],
      [
        'annotate a=1',
        'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
      ],
      [
        'annotate deploy a=1 numbers-api',
        'error: all resources must be specified before annotation changes: numbers-api\n',
      ],
      [
        'annotate deploy/numbers-api --list -o yaml',
        'error: --list and --output may not be specified together\n',
      ],
      ['annotate deploy --all -l app=x a=1', 'error: cannot set --all and --selector at the same time\n'],
      ['annotate deploy a=1', 'error: resource(s) were provided, but no name was specified\n'],
      ['annotate deploy/nope a=1', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
      [
        'annotate deploy --all a=1 --resource-version=1',
        'error: --resource-version may only be used with a single resource\n',
      ],
      [
        'annotate deploy/numbers-api a=1 -o wide',
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      ],
    ];
    for (const [line, err] of cases) {
      d.kubectl(line);
      expect([line, ...out(d)]).toEqual([line, '', err, 1]);
    }
  });

  it('--resource-version: the server refuses a stale one, accepts the current one', () => {
    const d = api();
    d.kubectl('annotate deploy/numbers-api a=1 --resource-version=1');
    expect(out(d)).toEqual([
      '',
      'Error from server (Conflict): Operation cannot be fulfilled on deployments.apps "numbers-api": the object has been modified; please apply your changes to the latest version and try again\n',
      1,
    ]);
    const rv = d.get('Deployment', 'numbers-api')?.metadata.resourceVersion;
    d.kubectl(`annotate deploy/numbers-api a=1 --resource-version=${rv}`);
    expect(out(d)).toEqual(['deployment.apps/numbers-api annotated\n', '', 0]);
  });

  it('dry runs print the result and leave the object alone; -o name / jsonpath print the answer', () => {
    const d = api();
    const before = d.get('Deployment', 'numbers-api');
    d.kubectl('annotate deploy/numbers-api a=1 --dry-run=client');
    expect(out(d)).toEqual(['deployment.apps/numbers-api annotated (dry run)\n', '', 0]);
    d.kubectl('annotate deploy/numbers-api a=1 --dry-run=server -o jsonpath={.metadata.annotations.a}');
    expect(out(d)).toEqual(['1', '', 0]);
    expect(d.get('Deployment', 'numbers-api')).toBe(before);
    d.kubectl('annotate deploy/numbers-api a=1 --dry-run=server');
    expect(d.stdout()).toBe('deployment.apps/numbers-api annotated (server dry run)\n');
    d.kubectl('annotate deploy/numbers-api a=1 -o name');
    expect(out(d)).toEqual(['deployment.apps/numbers-api\n', '', 0]);
    expect(annotations(d).a).toBe('1');
  });

  it('several objects: each line, then the aggregate of errors one raw line each', () => {
    const d = kdrive()
      .kubectl('apply -f numbers/api.yaml -f numbers/web.yaml -f sleep/sleep1.yaml')
      .advance(20_000);
    d.kubectl('annotate deploy/numbers-web a=1').kubectl('annotate deploy/sleep-1 a=0');
    d.kubectl('annotate deploy numbers-api numbers-web sleep-1 a=2');
    expect(out(d)).toEqual([
      'deployment.apps/numbers-api annotated\n',
      "--overwrite is false but found the following declared annotation(s): 'a' already has a value (1)\n" +
        "--overwrite is false but found the following declared annotation(s): 'a' already has a value (0)\n",
      1,
    ]);
    expect(d.get('Deployment', 'numbers-api')?.metadata.annotations?.a).toBe('2');
  });

  it('help in kubectl’s layout', () => {
    const d = api();
    d.kubectl('annotate --help');
    const text = d.stdout();
    expect(
      text.startsWith('Update the annotations on one or more resources.\n\n All Kubernetes objects'),
    ).toBe(true);
    expect(text).toContain('\n    --overwrite=false:\n\tIf true, allow annotations to be overwritten');
    expect(text).toContain(
      '\nUsage:\n  kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]\n[options]\n',
    );
  });
});
