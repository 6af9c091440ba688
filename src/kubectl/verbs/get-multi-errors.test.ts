// Several resource types in one get/delete where some of the list requests fail.
// kubectl v0.34.9 pkg/cmd/get/get.go Run: the builder has ContinueOnError, so cli-runtime's
// EagerVisitorList (pkg/resource/visitor.go) sends every type's list and aggregates the failures;
// r.Infos() still returns the types that listed, they are printed (printWithKind from
// multipleGVKsRequested(infos): the kinds that came back, not the kinds asked for), and the
// aggregate goes to cmdutil.CheckErr (pkg/cmd/util/helpers.go): one
// `Error from server (BadRequest): Unable to find …` line per failed type (EnhanceListError,
// pkg/resource/helper.go), exit 1, and no "No resources found". get -w has no ContinueOnError
// and SingleResourceType (builder.go resourceMappings): several types fail before any request.
// delete.go Complete/DeleteResult: ContinueOnError too; the types that listed are deleted, and
// Visit's error is returned before the wait.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const bad = (gvr: string, field: string, message: string) =>
  `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "", field selector "${field}": ${message}\n`;
const NOT_SUPPORTED = (label: string) => `field label not supported: ${label}`;
const NOT_KNOWN = (label: string) =>
  `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`;

function web() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment web --image=nginx --replicas=2');
  d.kubectl('expose deployment web --port=80 --type=NodePort');
  d.advance(20_000);
  return d;
}

describe('get TYPE,TYPE where a type refuses the field selector', () => {
  it('prints the types that listed, without the kind prefix when one kind came back, then the refusal', () => {
    const d = web();
    const alone = d.kubectl('get svc --field-selector spec.type=ClusterIP').stdout();
    expect(alone).toContain('kubernetes');
    for (const args of ['pods,svc', 'svc,pods']) {
      d.kubectl(`get ${args} --field-selector spec.type=ClusterIP`);
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
        alone,
        bad('/v1, Resource=pods', 'spec.type=ClusterIP', NOT_SUPPORTED('spec.type')),
        1,
      ]);
    }
  });

  it('keeps the kind prefix when two kinds listed and a third refused', () => {
    const d = web();
    d.kubectl('get pods,svc,deploy --field-selector metadata.name=web -o name');
    // metadata.name is taken by every kind: no error, the Service and the Deployment named web.
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['service/web\ndeployment.apps/web\n', '', 0]);
    d.kubectl('get svc,deploy,pods --field-selector metadata.name=web,spec.type=NodePort');
    expect(d.stderr()).toBe(
      bad('apps/v1, Resource=deployments', 'metadata.name=web,spec.type=NodePort', NOT_KNOWN('spec.type')) +
        bad('/v1, Resource=pods', 'metadata.name=web,spec.type=NodePort', NOT_SUPPORTED('spec.type')),
    );
    expect(d.stdout()).toMatch(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nweb +NodePort /);
    expect(d.exitCode()).toBe(1);
  });

  it('a label selector the server rejects: one line per type, nothing on stdout, no "No resources found"', () => {
    const d = web();
    d.kubectl("get pods,svc,deploy -l 'a b'");
    const why = "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt";
    const line = (gvr: string) =>
      `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "a b", field selector "": ${why}\n`;
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      line('/v1, Resource=pods') + line('/v1, Resource=services') + line('apps/v1, Resource=deployments'),
      1,
    ]);
  });

  it('get all: every kind of the category is asked, those the simulator never holds included', () => {
    const d = web();
    const f = 'spec.type=NodePort';
    d.kubectl(`get all --field-selector ${f} -o name`);
    expect(d.stdout()).toBe('service/web\n');
    // The `all` category's order; core/v1 conversion.go's refusal for Pod and ReplicationController,
    // batch/v1's for Job, DefaultMetaV1FieldSelectorConversion for the rest.
    expect(d.stderr()).toBe(
      bad('/v1, Resource=pods', f, NOT_SUPPORTED('spec.type')) +
        bad('/v1, Resource=replicationcontrollers', f, NOT_SUPPORTED('spec.type')) +
        bad('apps/v1, Resource=daemonsets', f, NOT_KNOWN('spec.type')) +
        bad('apps/v1, Resource=deployments', f, NOT_KNOWN('spec.type')) +
        bad('apps/v1, Resource=replicasets', f, NOT_KNOWN('spec.type')) +
        bad('apps/v1, Resource=statefulsets', f, NOT_KNOWN('spec.type')) +
        bad('autoscaling/v2, Resource=horizontalpodautoscalers', f, NOT_KNOWN('spec.type')) +
        bad('batch/v1, Resource=cronjobs', f, NOT_KNOWN('spec.type')) +
        bad('batch/v1, Resource=jobs', f, 'field label "spec.type" not supported for Job'),
    );
    expect(d.exitCode()).toBe(1);
  });

  it('ReplicationController takes status.replicas (core/v1 conversion.go), HPA only metadata', () => {
    const d = web();
    d.kubectl('get rc --field-selector status.replicas=1');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'No resources found in default namespace.\n',
      0,
    ]);
    d.kubectl('get hpa --field-selector status.replicas=1');
    expect([d.stderr(), d.exitCode()]).toEqual([
      bad(
        'autoscaling/v2, Resource=horizontalpodautoscalers',
        'status.replicas=1',
        NOT_KNOWN('status.replicas'),
      ),
      1,
    ]);
  });

  it('-o json when every type fails: the empty List, then each error', () => {
    const d = web();
    d.kubectl('get pods,deploy -o json --field-selector spec.type=x');
    expect(d.stdout()).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
    expect(d.stderr()).toBe(
      bad('/v1, Resource=pods', 'spec.type=x', NOT_SUPPORTED('spec.type')) +
        bad('apps/v1, Resource=deployments', 'spec.type=x', NOT_KNOWN('spec.type')),
    );
    expect(d.exitCode()).toBe(1);
  });
});

describe('get -w with several types: SingleResourceType before any request', () => {
  const SINGLE = 'error: you may only specify a single resource type\n';
  it.each([
    'get pods,svc -w --field-selector spec.type=x',
    'get po,pods -w',
    'get all -w',
    'get pod/nope svc/nope -w',
  ])('%s', (line) => {
    const d = web();
    d.kubectl(line);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', SINGLE, 1]);
  });

  it('get pods a b -w: the first failed name ends it (no ContinueOnError), quietly with --ignore-not-found', () => {
    const d = web();
    d.kubectl('get pods a b -w');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'Error from server (NotFound): pods "a" not found\n',
      1,
    ]);
    d.kubectl('get pods a b -w --ignore-not-found');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', '', 0]);
  });
});

describe('delete TYPE,TYPE --field-selector where a type refuses it', () => {
  it('deletes what the other types listed, prints the refusal, exit 1', () => {
    const d = web();
    d.kubectl('delete pods,svc --field-selector spec.type=NodePort');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'service "web" deleted from default namespace\n',
      bad('/v1, Resource=pods', 'spec.type=NodePort', NOT_SUPPORTED('spec.type')),
      1,
    ]);
    expect(d.cluster.get('Service', 'default', 'web')).toBeUndefined();
    expect(d.cluster.list('Pod', { namespace: 'default' })).toHaveLength(2);
  });

  it('returns Visit’s error before waiting: the Pods it deleted are still Terminating', () => {
    const d = web();
    const pods = d.cluster.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name);
    d.kubectl('delete pods,svc --field-selector status.phase=Running');
    expect(d.stdout()).toBe(pods.map((p) => `pod "${p}" deleted from default namespace\n`).join(''));
    expect(d.stderr()).toBe(
      bad('/v1, Resource=services', 'status.phase=Running', NOT_SUPPORTED('status.phase')),
    );
    expect(d.exitCode()).toBe(1);
    for (const p of pods)
      expect(d.cluster.get('Pod', 'default', p)?.metadata.deletionTimestamp).toBeDefined();
  });

  it('a named delete with a missing name does not wait either (Visit returned the NotFound)', () => {
    const d = web();
    const pod = d.cluster.list('Pod', { namespace: 'default' })[0]?.metadata.name as string;
    d.kubectl(`delete pod ${pod} nope`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      `pod "${pod}" deleted from default namespace\n`,
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ]);
    expect(d.cluster.get('Pod', 'default', pod)?.metadata.deletionTimestamp).toBeDefined();
  });

  it('every type refused: each error, no "No resources found"', () => {
    const d = web();
    d.kubectl('delete svc,deploy --field-selector status.phase=Running');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      bad('/v1, Resource=services', 'status.phase=Running', NOT_SUPPORTED('status.phase')) +
        bad('apps/v1, Resource=deployments', 'status.phase=Running', NOT_KNOWN('status.phase')),
      1,
    ]);
  });
});
