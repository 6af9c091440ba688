// kubectl label / annotate with --field-selector, -A and --all [kubectl v0.34.9
// pkg/cmd/label/label.go Validate + RunLabel, pkg/cmd/annotate/annotate.go ToOptions +
// RunAnnotate]: Validate/ToOptions refuse --all with -l, then --all with --field-selector (their
// lengths untrimmed); the builder (cli-runtime v0.34.9 pkg/resource/builder.go) takes the
// trimmed selectors, AllNamespaces empties the namespace (a name is then refused), and
// ContinueOnError visits every type. Visit's error (visitor.go ContinueOnErrorVisitor) is the
// callback's errors in order, then EagerVisitorList's aggregate of the failed lists; checkErr
// (pkg/cmd/util/helpers.go) unwraps an aggregate of one, else MultipleErrors prints
// messageForError of each: a StatusError as `Error from server (BadRequest): …`, but the nested
// list aggregate by its Error(): the message alone, several as `[a, b]`.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const msg = (gvr: string, field: string, why: string) =>
  `Unable to find "${gvr}" that match label selector "", field selector "${field}": ${why}`;
const PODS_REFUSE = (field: string, label: string) =>
  msg('/v1, Resource=pods', field, `field label not supported: ${label}`);
const DEPLOY_REFUSE = (field: string, label: string) =>
  msg(
    'apps/v1, Resource=deployments',
    field,
    `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
  );

function web() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment web --image=nginx --replicas=2');
  d.kubectl('expose deployment web --port=80 --type=NodePort');
  d.advance(20_000);
  return d;
}

describe.each(['label', 'annotate'])('kubectl %s --field-selector', (verb) => {
  const done = verb === 'label' ? 'labeled' : 'annotated';

  it('changes what the other types listed, then the refused type’s BadRequest, exit 1', () => {
    const d = web();
    d.kubectl(`${verb} pods,svc --field-selector spec.type=NodePort tier=x`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      `service/web ${done}\n`,
      `Error from server (BadRequest): ${PODS_REFUSE('spec.type=NodePort', 'spec.type')}\n`,
      1,
    ]);
    const svc = d.cluster.get('Service', 'default', 'web');
    const got = verb === 'label' ? svc?.metadata.labels : svc?.metadata.annotations;
    expect(got?.tier).toBe('x');
  });

  it('only in the namespace, or in all of them with -A', () => {
    const d = web();
    const running = (ns?: string) =>
      d.cluster
        .list('Pod', ns ? { namespace: ns } : {})
        .filter((p) => p.status?.phase === 'Running')
        .map((p) => `pod/${p.metadata.name}\n`)
        .join('');
    d.kubectl(`${verb} pods --field-selector status.phase=Running zone=a -o name`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([running('default'), '', 0]);
    d.kubectl(
      `${verb} pods -A --field-selector status.phase=Running,metadata.namespace=kube-system zone=b -o name`,
    );
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([running('kube-system'), '', 0]);
    expect(running('kube-system')).not.toBe('');
  });

  it.each([
    [
      'pods --all --field-selector a=b x=y',
      'error: cannot set --all and --field-selector at the same time\n',
    ],
    // Validate measures the flag untrimmed; the builder would have dropped a blank one.
    [
      "pods --all --field-selector ' ' x=y",
      'error: cannot set --all and --field-selector at the same time\n',
    ],
    [
      'pods --all -l a=b --field-selector c=d x=y',
      'error: cannot set --all and --selector at the same time\n',
    ],
    ['pods web --field-selector a=b x=y', 'error: name cannot be provided when a selector is specified\n'],
    [
      'pods/web --field-selector a=b x=y',
      'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
    ],
    ['pods web -A x=y', 'error: a resource cannot be retrieved by name across all namespaces\n'],
    ['pods -A x=y', 'error: resource(s) were provided, but no name was specified\n'],
  ])('%s', (args, stderr) => {
    const d = web();
    d.kubectl(`${verb} ${args}`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', stderr, 1]);
  });

  it('-l and --field-selector together: both go to the server; a bad -l names both in its 400', () => {
    const d = web();
    const pods = d.cluster.list('Pod', { namespace: 'default' }).map((p) => `pod/${p.metadata.name}\n`);
    d.kubectl(`${verb} pods -l app=web --field-selector status.phase=Running k=v -o name`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([pods.join(''), '', 0]);
    d.kubectl(`${verb} pods -l 'a b' --field-selector status.phase=Running k=v`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a b", field selector "status.phase=Running": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt\n`,
      1,
    ]);
  });

  it('--all with a name or TYPE/NAME: ResourceTypeOrNameArgs sets no selector, the name is used', () => {
    const d = web();
    const pod = d.cluster.list('Pod', { namespace: 'default' })[0]?.metadata.name as string;
    d.kubectl(`${verb} pods ${pod} --all k=v -o name`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([`pod/${pod}\n`, '', 0]);
    d.kubectl(`${verb} svc/web --all k2=v -o name`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['service/web\n', '', 0]);
  });

  it('--help lists -A and --field-selector', () => {
    const help = kdrive().kubectl(`${verb} --help`).stdout();
    expect(help).toContain(
      '    -A, --all-namespaces=false:\n\tIf true, check the specified action in all namespaces.\n\n',
    );
    expect(help).toContain(
      "    --field-selector='':\n\tSelector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector\n\tkey1=value1,key2=value2). The server only supports a limited number of field queries per type.\n\n",
    );
  });
});

describe('label: a refused change and refused lists together', () => {
  it('the change’s error raw, then the list aggregate as its Error() (no Error from server prefix)', () => {
    const d = web();
    // The kubernetes Service carries component=apiserver: without --overwrite, labelFunc refuses.
    const f = 'spec.type=ClusterIP';
    d.kubectl(`label svc,pods --field-selector ${f} component=x`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      `'component' already has a value (apiserver), and --overwrite is false\n${PODS_REFUSE(f, 'spec.type')}\n`,
      1,
    ]);
    d.kubectl(`label svc,pods,deploy --field-selector ${f} component=x`);
    expect(d.stderr()).toBe(
      `'component' already has a value (apiserver), and --overwrite is false\n[${PODS_REFUSE(f, 'spec.type')}, ${DEPLOY_REFUSE(f, 'spec.type')}]\n`,
    );
  });

  it('the change alone is printed pretty (error: …)', () => {
    const d = web();
    d.kubectl('label svc --field-selector spec.type=ClusterIP component=x');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      "error: 'component' already has a value (apiserver), and --overwrite is false\n",
      1,
    ]);
  });
});
