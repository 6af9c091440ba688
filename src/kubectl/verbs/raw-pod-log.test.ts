// kubectl get --raw /api/v1/namespaces/NS/pods/NAME/log: kubernetes pkg/registry/core/pod/rest/log.go
// (ValidatePodLogOptions → 422 Invalid PodLogOptions), pkg/registry/core/pod/strategy.go LogLocation
// and validateContainer (400s; no node → an empty body), then the kubelet's text, which is what
// `kubectl logs` prints for the same request; booleans as apimachinery v0.34.9
// runtime/conversion.go Convert_Slice_string_To_bool reads them.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

function web() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment web --image=nginx');
  d.advance(20_000);
  const pod = d.cluster.list('Pod', { namespace: 'default' })[0]?.metadata.name as string;
  return { d, pod, path: `/api/v1/namespaces/default/pods/${pod}/log` };
}

const run = (d: ReturnType<typeof kdrive>, line: string) => {
  d.kubectl(line);
  return [d.stdout(), d.stderr(), d.exitCode()];
};

describe('get --raw …/pods/NAME/log', () => {
  it('the log text, as kubectl logs prints it; tailLines and timestamps as --tail and --timestamps', () => {
    const { d, pod, path } = web();
    const logs = d.kubectl(`logs ${pod}`).stdout();
    expect(logs).not.toBe('');
    expect(run(d, `get --raw ${path}`)).toEqual([logs, '', 0]);
    const tail = d.kubectl(`logs ${pod} --tail=2 --timestamps`).stdout();
    expect(run(d, `get --raw '${path}?tailLines=2&timestamps=true'`)).toEqual([tail, '', 0]);
    // timestamps=false and timestamps=0 are false; any other value (an empty one too) is true.
    expect(run(d, `get --raw '${path}?timestamps=FALSE'`)).toEqual([logs, '', 0]);
    expect(d.kubectl(`get --raw '${path}?timestamps'`).stdout()).toBe(
      d.kubectl(`logs ${pod} --timestamps`).stdout(),
    );
  });

  it('previous with no terminated instance: the kubelet’s 400', () => {
    const { d, pod, path } = web();
    expect(run(d, `get --raw '${path}?previous=1'`)).toEqual([
      '',
      `Error from server (BadRequest): previous terminated container "nginx" in pod "${pod}" not found\n`,
      1,
    ]);
  });

  it('the API server’s errors: Invalid tailLines, NotFound, an unknown container', () => {
    const { d, pod, path } = web();
    expect(run(d, `get --raw '${path}?tailLines=-3'`)).toEqual([
      '',
      `The PodLogOptions "${pod}" is invalid: tailLines: Invalid value: -3: must be greater than or equal to 0\n`,
      1,
    ]);
    expect(run(d, 'get --raw /api/v1/namespaces/default/pods/nope/log')).toEqual([
      '',
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ]);
    expect(run(d, `get --raw '${path}?container=x'`)).toEqual([
      '',
      `Error from server (BadRequest): container x is not valid for pod ${pod}\n`,
      1,
    ]);
  });

  it('several containers and none named: choose one of, in VisitContainers order', () => {
    const d = kdrive({ seed: 1 });
    d.session.fs.write(
      '/home/student/ch03/two.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  initContainers:\n  - name: init\n    image: busybox\n    command: ["true"]\n  containers:\n  - name: a\n    image: nginx\n  - name: b\n    image: nginx\n',
    );
    d.kubectl('apply -f two.yaml');
    d.advance(20_000);
    expect(run(d, 'get --raw /api/v1/namespaces/default/pods/two/log')).toEqual([
      '',
      'Error from server (BadRequest): a container name must be specified for pod two, choose one of: [init a b]\n',
      1,
    ]);
  });

  it('a Pod with no node yet: an empty 200', () => {
    const d = kdrive({ seed: 1 });
    d.session.fs.write(
      '/home/student/ch03/stuck.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: stuck\nspec:\n  nodeSelector:\n    no: such\n  containers:\n  - name: a\n    image: nginx\n',
    );
    d.kubectl('apply -f stuck.yaml');
    d.advance(5_000);
    expect(d.cluster.get('Pod', 'default', 'stuck')?.spec).not.toHaveProperty('nodeName');
    expect(run(d, 'get --raw /api/v1/namespaces/default/pods/stuck/log')).toEqual(['', '', 0]);
  });
});
