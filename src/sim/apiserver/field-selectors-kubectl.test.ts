// Field selectors as kubectl prints the API server's answers: a refused selector is the list's
// 400 BadRequest, wrapped by cli-runtime's EnhanceListError [CLI-RT v0.34.9 resource/helper.go]
// and printed by cmdutil.CheckErr as `Error from server (BadRequest): …`, exit 1; `get --raw`
// prints the Status message as is. The selectors the kinds take keep filtering as before.
import { describe, expect, it } from 'vitest';
import { kdrive, kdriveWithFiles } from '../../kubectl/testing';

const bad = (gvr: string, label: string, field: string, msg: string) =>
  `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${label}", field selector "${field}": ${msg}\n`;
const PODS = '/v1, Resource=pods';

function web() {
  return kdrive({ seed: 1 }).kubectl('create deployment web --image=nginx --replicas=2').advance(60_000);
}

describe('a refused field selector: kubectl’s line, exit 1, nothing on stdout', () => {
  const d = web();
  const cases: [string, string][] = [
    ['get pods --field-selector foo=bar', bad(PODS, '', 'foo=bar', 'field label not supported: foo')],
    ['get pods --field-selector foo==', bad(PODS, '', 'foo==', 'field label not supported: foo')],
    ['get pods --field-selector !=', bad(PODS, '', '!=', 'field label not supported: ')],
    // No trimming inside: the label is `status.phase ` (kubectl trims only the whole flag).
    [
      "get pods --field-selector ' status.phase = Running '",
      bad(PODS, '', 'status.phase = Running', 'field label not supported: status.phase '),
    ],
    [
      'get pods --field-selector status.phase',
      bad(PODS, '', 'status.phase', "invalid selector: 'status.phase'; can't understand 'status.phase'"),
    ],
    [
      "get pods --field-selector 'status.phase in (Running)'",
      bad(
        PODS,
        '',
        'status.phase in (Running)',
        "invalid selector: 'status.phase in (Running)'; can't understand 'status.phase in (Running)'",
      ),
    ],
    [
      'get pods --field-selector metadata.name=a=b',
      bad(PODS, '', 'metadata.name=a=b', 'invalid field selector: unescaped character in value: 61'),
    ],
    [
      'get pods -l app=web --field-selector spec.containers=x',
      bad(PODS, 'app=web', 'spec.containers=x', 'field label not supported: spec.containers'),
    ],
    [
      'get deployments --field-selector status.replicas=2',
      bad(
        'apps/v1, Resource=deployments',
        '',
        'status.replicas=2',
        '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
      ),
    ],
    [
      'get nodes --field-selector metadata.namespace=default',
      bad(
        '/v1, Resource=nodes',
        '',
        'metadata.namespace=default',
        'field label not supported: metadata.namespace',
      ),
    ],
    [
      'get jobs --field-selector status.active=1',
      bad(
        'batch/v1, Resource=jobs',
        '',
        'status.active=1',
        'field label "status.active" not supported for Job',
      ),
    ],
    [
      'get events --field-selector involvedObject.foo=x',
      bad(
        '/v1, Resource=events',
        '',
        'involvedObject.foo=x',
        'field label not supported: involvedObject.foo',
      ),
    ],
    ['delete pods --field-selector foo=bar', bad(PODS, '', 'foo=bar', 'field label not supported: foo')],
    ['get pods -w --field-selector foo=bar', bad(PODS, '', 'foo=bar', 'field label not supported: foo')],
    [
      'get --raw /api/v1/pods?fieldSelector=foo%3Dbar',
      'Error from server (BadRequest): field label not supported: foo\n',
    ],
    [
      'get --raw /apis/apps/v1/namespaces/default/deployments?fieldSelector=spec.paused=true',
      'Error from server (BadRequest): "spec.paused" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    ],
    [
      'get --raw /api/v1/pods?fieldSelector=x',
      "Error from server (BadRequest): invalid selector: 'x'; can't understand 'x'\n",
    ],
    // The builder's own checks, before any request.
    ['get pods web --field-selector a=b', 'error: name cannot be provided when a selector is specified\n'],
    [
      'get pods/web --field-selector a=b',
      'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
    ],
    [
      'delete pods --all --field-selector status.phase=Running',
      "error: setting 'all' parameter but found a non empty selector. \n",
    ],
  ];
  for (const [cmd, stderr] of cases) {
    it(cmd, () => {
      d.kubectl(cmd);
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', stderr, 1]);
    });
  }

  it('a refused delete deletes nothing', () => {
    const before = d.cluster.list('Pod').length;
    d.kubectl('delete pods --field-selector foo=bar');
    expect(d.cluster.list('Pod').length).toBe(before);
  });

  it('get pods,svc: the pods are printed, then the Services’ refusal', () => {
    d.kubectl('get pods,svc --field-selector status.phase=Running --no-headers -o name');
    expect(d.stdout()).toMatch(/^(pod\/web-[a-z0-9]+-[a-z0-9]{5}\n){2}$/);
    expect(d.stderr()).toBe(
      bad('/v1, Resource=services', '', 'status.phase=Running', 'field label not supported: status.phase'),
    );
    expect(d.exitCode()).toBe(1);
  });
});

describe('the selectors the kinds take', () => {
  it('status.phase, metadata.name, != and an empty --field-selector work as before', () => {
    const d = web();
    const pods = d.cluster.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name);
    expect(pods).toHaveLength(2);
    d.kubectl('get pods --field-selector status.phase=Running -o name');
    expect(d.stdout()).toBe(pods.map((n) => `pod/${n}\n`).join(''));
    d.kubectl(`get pods --field-selector metadata.name=${pods[1]} -o name`);
    expect(d.stdout()).toBe(`pod/${pods[1]}\n`);
    d.kubectl(`get pods --field-selector metadata.name!=${pods[1]},status.phase==Running -o name`);
    expect(d.stdout()).toBe(`pod/${pods[0]}\n`);
    d.kubectl("get pods --field-selector '' -o name");
    expect(d.stdout()).toBe(pods.map((n) => `pod/${n}\n`).join(''));
    d.kubectl('get pods --field-selector status.phase=Pending');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'No resources found in default namespace.\n',
      0,
    ]);
  });

  it('events by involvedObject.name and reason; --raw with the same selector', () => {
    const d = web();
    const pod = d.cluster.list('Pod', { namespace: 'default' })[0]?.metadata.name as string;
    d.kubectl(
      `get events --field-selector involvedObject.name=${pod},reason=Scheduled -o custom-columns=R:.reason,O:.involvedObject.name --no-headers`,
    );
    expect(d.stdout()).toBe(`Scheduled   ${pod}\n`);
    d.kubectl(
      `get --raw /api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3D${pod},reason%3DScheduled`,
    );
    const list = JSON.parse(d.stdout());
    expect(list.kind).toBe('EventList');
    expect(list.items.map((e: { reason: string }) => e.reason)).toEqual(['Scheduled']);
  });

  it('spec.nodeName= is the unscheduled Pods; status.podIP is an exact match', () => {
    const { d, write } = kdriveWithFiles({ seed: 1 });
    write(
      'stuck.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: stuck\nspec:\n  nodeSelector:\n    disk: none\n  containers:\n  - name: c\n    image: nginx\n',
    );
    d.kubectl('apply -f stuck.yaml').kubectl('run ok --image=nginx').advance(30_000);
    d.kubectl('get pods --field-selector spec.nodeName= -o name');
    expect(d.stdout()).toBe('pod/stuck\n');
    d.kubectl('get pods -A --field-selector spec.nodeName!= -o name');
    expect(d.stdout()).not.toContain('pod/stuck');
    expect(d.stdout()).toContain('pod/ok\n');
    const ip = (d.cluster.get('Pod', 'default', 'ok') as { status?: { podIP?: string } }).status
      ?.podIP as string;
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    d.kubectl(`get pods -A --field-selector status.podIP=${ip} -o name`);
    expect(d.stdout()).toBe('pod/ok\n');
    d.kubectl(`get pods -A --field-selector status.podIP=${ip.slice(0, -1)}`);
    expect([d.stdout(), d.stderr()]).toEqual(['', 'No resources found\n']);
  });

  it('delete --field-selector deletes what it selects; nothing selected is No resources found', () => {
    const d = kdrive({ seed: 1 })
      .kubectl('run a --image=nginx')
      .kubectl('run b --image=nginx')
      .advance(30_000);
    d.kubectl('delete pods --field-selector metadata.name=a --wait=false');
    expect([d.stdout(), d.exitCode()]).toEqual(['pod "a" deleted from default namespace\n', 0]);
    d.kubectl('delete pods --field-selector status.phase=Failed');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['No resources found\n', '', 0]);
  });
});

describe('--field-selector in get --help and delete --help', () => {
  it('between the flags before and after it by name, wrapped as kubectl wraps it', () => {
    const help = `    --field-selector='':
\tSelector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector
\tkey1=value1,key2=value2). The server only supports a limited number of field queries per type.

`;
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('get --help').stdout()).toContain(`template.\n\n${help}    --ignore-not-found=false:`);
    expect(d.kubectl('delete --help').stdout()).toContain(`the resource.\n\n${help}    -f, --filename=[]:`);
  });
});
