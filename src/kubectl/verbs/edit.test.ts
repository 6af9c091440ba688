// kubectl edit (kubectl v0.34.9 pkg/cmd/edit, pkg/cmd/util/editor/editoptions.go): the file the
// editor gets, and every way out of kubectl's edit loop, driven through a real terminal session
// whose editor is the test (session.editing() / finishEdit(text)).
import { describe, expect, it } from 'vitest';
import type { Deployment, Service } from '../../sim/api/types';
import { deploymentYaml } from '../../sim/testing/manifests';
import { parseManifests } from '../../sim/yaml';
import { createTerminalSession } from '../session';
import { kdrive } from '../testing';
import { EDIT_HEADER } from './edit-text';

const DIR = '/home/student/ch03';

const WEB = `${deploymentYaml('web', { name: 'web', image: 'nginx' }, { replicas: 2 })}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

function setup(ns = '') {
  const d = kdrive({ seed: 11 });
  d.session.fs.write(`${DIR}/web.yaml`, WEB);
  d.kubectl(`apply -f web.yaml${ns}`).advance(30_000);
  return d;
}

type D = ReturnType<typeof setup>;
const deploy = (d: D, ns = 'default') => d.cluster.get('Deployment', ns, 'web') as Deployment;

/** The open edit (fails the test when kubectl is not waiting for its editor). */
function open(d: D) {
  const e = d.session.editing();
  if (!e) throw new Error('kubectl edit is not waiting for the editor');
  return e;
}

/** Leave the editor with `text`; what kubectl printed then, stream by stream. */
function leave(d: D, text: string) {
  d.session.finishEdit(text);
  const chunks = d.session.poll();
  const of = (s: string) =>
    chunks
      .filter((c) => c.stream === s)
      .map((c) => c.text)
      .join('');
  return { out: of('stdout'), err: of('stderr'), all: chunks.map((c) => c.text).join('') };
}

/** A command run beside the waiting edit (the terminal itself is busy). */
const detached = (d: D, line: string) =>
  d.session
    .runDetached(line)
    .output.map((c) => c.text)
    .join('');

const lastExit = (d: D) => {
  d.sh('echo $?');
  return d.stdout().trim();
};

describe('kubectl edit: the file in the editor', () => {
  it('writes the object as YAML under the header, managedFields left out, to /tmp/kubectl-edit-<n>.yaml', () => {
    const d = setup();
    d.kubectl('edit deploy/web');
    expect(d.text()).toBe('');
    expect(d.last?.busy).toBe(true);
    const e = open(d);
    expect(e.path).toMatch(/^\/tmp\/kubectl-edit-\d{1,10}\.yaml$/);
    expect(Number(e.path.replace(/\D/g, ''))).toBeLessThan(4294967296);
    expect(e.text.startsWith(EDIT_HEADER)).toBe(true);
    expect(EDIT_HEADER).toBe(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
        '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
        '# reopened with the relevant failures.\n#\n',
    );
    // The rest is what `kubectl get -o yaml` prints for it (asked from a second terminal).
    expect(e.text.slice(EDIT_HEADER.length)).toBe(detached(d, 'kubectl get deploy web -o yaml'));
    expect(e.text).not.toContain('managedFields');
    // The file is on disk while the editor has it.
    expect(d.session.fs.read(e.path)).toBe(e.text);
  });

  it('the same seed and steps give the same temp file name; two runs get two names', () => {
    const a = setup();
    const b = setup();
    a.kubectl('edit deploy/web');
    b.kubectl('edit deploy/web');
    expect(open(a).path).toBe(open(b).path);
    leave(a, open(a).text);
    a.kubectl('edit deploy/web');
    expect(open(a).path).not.toBe(open(b).path);
  });

  it('accepts `deployment web`, `deployments.apps/web` and -n', () => {
    const d = setup(' -n kube-public');
    d.kubectl('edit deployment web -n kube-public');
    expect(open(d).text).toContain('  namespace: kube-public\n');
    leave(d, open(d).text);
    d.kubectl('edit deployments.apps/web --namespace=kube-public');
    expect(open(d).text).toContain('  name: web\n');
  });

  it('-o json: the object as JSON, no header, a .json file; the result printed as JSON', () => {
    const d = setup();
    d.kubectl('edit svc/web -o json');
    const e = open(d);
    expect(e.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.json$/);
    expect(e.text).toBe(detached(d, 'kubectl get svc web -o json'));
    const edited = e.text.replace(
      '"selector": {\n            "app": "web"',
      '"selector": {\n            "app": "web2"',
    );
    expect(edited).not.toBe(e.text);
    const r = leave(d, edited);
    expect(JSON.parse(r.out).spec.selector).toEqual({ app: 'web2' });
    expect(r.err).toBe('');
  });

  it('-o JSON: JSON (the printer lowercases the name) but under the header in a .yaml file (Complete does not)', () => {
    const d = setup();
    d.kubectl('edit svc/web -o JSON');
    const e = open(d);
    expect(e.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(e.text).toBe(EDIT_HEADER + detached(d, 'kubectl get svc web -o json'));
    expect(leave(d, e.text).all).toBe('Edit cancelled, no changes made.\n');
  });

  it('several objects are edited together as a List; unchanged ones are `skipped`', () => {
    const d = setup();
    d.kubectl('edit deploy/web svc/web');
    const e = open(d);
    const body = e.text.slice(EDIT_HEADER.length);
    expect(body.startsWith('apiVersion: v1\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n')).toBe(true);
    expect(body.endsWith('kind: List\nmetadata: {}\n')).toBe(true);
    expect(body).toContain('\n- apiVersion: v1\n  kind: Service\n');
    const r = leave(d, e.text.replace('    replicas: 2\n', '    replicas: 4\n'));
    expect(r.out).toBe('deployment.apps/web edited\nservice/web skipped\n');
    expect(deploy(d).spec.replicas).toBe(4);
    expect(d.session.busy()).toBe(false);
  });

  it('-f: the objects the file names, read from the server', () => {
    const d = setup();
    d.kubectl('edit -f web.yaml');
    const e = open(d);
    expect(e.text).toContain('\nkind: List\n');
    expect(e.text).toContain('\n- apiVersion: v1\n  kind: Service\n');
    const r = leave(d, e.text.replace('    - port: 80\n', '    - port: 8080\n'));
    expect(r.out).toBe('deployment.apps/web skipped\nservice/web edited\n');
    d.kubectl('edit -f web.yaml deploy/web');
    expect(d.stderr()).toBe('error: resource/name arguments cannot be provided when a path is specified\n');
  });

  it("Endpoints: the deprecation warning once, with the read (the writer deduplicates the PATCH's)", () => {
    const d = setup();
    d.kubectl('edit endpoints web');
    expect(d.text()).toBe(
      '\u001b[33;1mWarning:\u001b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    const r = leave(d, open(d).text.replace(/\n {2}labels:\n/, '\n  labels:\n    x: z\n'));
    expect(r.all).toBe('endpoints/web edited\n');
    expect(d.cluster.get('Endpoints', 'default', 'web')?.metadata.labels).toMatchObject({ x: 'z' });
  });

  it('a type without names edits every object of it in the namespace; none is an error', () => {
    const d = setup();
    d.kubectl('edit deployments');
    expect(open(d).text).toContain('  name: web\n');
    leave(d, open(d).text);
    d.kubectl('edit statefulsets');
    expect(d.stderr()).toBe('error: edit cancelled, no objects found\n');
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl edit: leaving the editor', () => {
  it('no change: "Edit cancelled, no changes made.", the temp file removed, exit 0', () => {
    const d = setup();
    const rv = deploy(d).metadata.resourceVersion;
    d.kubectl('edit deploy/web');
    const e = open(d);
    // Comments and key order do not count as changes (both sides are compared as JSON).
    const r = leave(d, `# my note\n${e.text}`);
    expect(r.all).toBe('Edit cancelled, no changes made.\n');
    expect(r.err).toBe(r.all);
    expect(d.session.busy()).toBe(false);
    expect(d.session.fs.read(e.path)).toBeUndefined();
    expect(deploy(d).metadata.resourceVersion).toBe(rv);
    expect(lastExit(d)).toBe('0');
  });

  it('a change: a strategic merge patch of what changed, `deployment.apps/web edited`', () => {
    const d = setup();
    d.kubectl('edit deploy/web --output-patch');
    const e = open(d);
    const r = leave(
      d,
      e.text
        .replace('  replicas: 2\n', '  replicas: 3\n')
        .replace('      - image: nginx\n', '      - image: nginx:1.27\n'),
    );
    expect(r.out).toBe(
      'Patch: {"spec":{"replicas":3,"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:1.27","name":"web"}]}}}}\n' +
        'deployment.apps/web edited\n',
    );
    expect(r.err).toBe('');
    expect(deploy(d).spec.replicas).toBe(3);
    expect(deploy(d).spec.template.spec.containers[0]?.image).toBe('nginx:1.27');
    expect(d.session.fs.read(e.path)).toBeUndefined();
    expect(lastExit(d)).toBe('0');
    d.advance(30_000).kubectl('get pods -l app=web --no-headers');
    expect(d.stdout().trim().split('\n')).toHaveLength(3);
  });

  it('a removed field is sent as null; -o yaml prints the patched object', () => {
    const d = setup();
    d.kubectl('edit deploy/web -o yaml --output-patch');
    const e = open(d);
    const r = leave(d, e.text.replace('  revisionHistoryLimit: 10\n', ''));
    // The server defaults it again: the patch still carries the deletion.
    expect(r.out.split('\n')[0]).toBe('Patch: {"spec":{"revisionHistoryLimit":null}}');
    expect(r.out).toContain('\nkind: Deployment\n');
    expect(r.out).toContain('  revisionHistoryLimit: 10\n');
  });

  it('an invalid change: `error: … is invalid`, the reasons written above the file, the editor opened again', () => {
    const d = setup();
    d.kubectl('edit deploy/web');
    const first = open(d);
    const bad = first.text.replace(
      '    matchLabels:\n      app: web\n',
      '    matchLabels:\n      app: webx\n',
    );
    const r = leave(d, bad);
    expect(r.all).toBe('error: deployments.apps "web" is invalid\n');
    expect(d.session.busy()).toBe(true);
    const again = open(d);
    expect(again.path).not.toBe(first.path);
    expect(again.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    // The new file holds the reasons, then the edited object without comments. The first file goes
    // only once the next pass has read the editor's answer.
    expect(d.session.fs.read(first.path)).toBe(bad);
    expect(again.text).toBe(
      `${EDIT_HEADER}# deployments.apps "web" was not valid:\n` +
        '# * spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n' +
        '# * spec.selector: Invalid value: {"matchLabels":{"app":"webx"}}: field is immutable\n' +
        `#\n${bad.slice(EDIT_HEADER.length)}`,
    );
    // Leaving it unchanged: the copy is kept and named, exit 1.
    const r2 = leave(d, again.text);
    expect(r2.err).toBe(
      `A copy of your changes has been stored to "${again.path}"\nerror: Edit cancelled, no valid changes were saved.\n`,
    );
    expect(r2.out).toBe('');
    expect(d.session.fs.read(again.path)).toBe(again.text);
    expect(d.session.fs.read(first.path)).toBe(bad);
    expect(d.session.busy()).toBe(false);
    expect(lastExit(d)).toBe('1');
    expect(deploy(d).spec.selector.matchLabels).toEqual({ app: 'web' });
  });

  it('an invalid change fixed in the reopened file is applied', () => {
    const d = setup();
    d.kubectl('edit deploy/web');
    const first = open(d).path;
    const bad = open(d).text.replace('  replicas: 2\n', '  replicas: -1\n');
    expect(leave(d, bad).err).toBe('error: deployments.apps "web" is invalid\n');
    const again = open(d);
    expect(again.text).toContain(
      '# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n',
    );
    const r = leave(d, again.text.replace('  replicas: -1\n', '  replicas: 1\n'));
    expect(r.all).toBe('deployment.apps/web edited\n');
    expect(deploy(d).spec.replicas).toBe(1);
    expect(d.session.fs.read(again.path)).toBeUndefined();
    expect(d.session.fs.read(first)).toBeUndefined();
  });

  it('a misspelt field: --validate=strict (the default) makes the server refuse the patch; reopened', () => {
    const d = setup();
    d.kubectl('edit deploy/web');
    const r = leave(d, open(d).text.replace('  replicas: 2\n  revision', '  replicass: 3\n  revision'));
    expect(r.all).toBe('error: deployments.apps "web" is invalid\n');
    expect(open(d).text).toContain(
      '# deployments.apps "web" was not valid:\n' +
        '# * patch: Invalid value: "map[spec:map[replicas:<nil> replicass:3]]": strict decoding error: unknown field "spec.replicass"\n#\n',
    );
    expect(deploy(d).spec.replicas).toBe(2);
  });

  it('--validate=warn: the unknown field is dropped with a warning; ignore: silently; a bad value is refused', () => {
    const d = setup();
    d.kubectl('edit deploy/web --validate=warn');
    let r = leave(
      d,
      open(d).text.replace('  replicas: 2\n  revision', '  replicas: 3\n  replicass: 3\n  revision'),
    );
    expect(r.err).toBe('\u001b[33;1mWarning:\u001b[0m unknown field "spec.replicass"\n');
    expect(r.out).toBe('deployment.apps/web edited\n');
    d.kubectl('edit deploy/web --validate=false');
    r = leave(
      d,
      open(d).text.replace('  replicas: 3\n  revision', '  replicas: 4\n  replicass: 3\n  revision'),
    );
    expect(r.all).toBe('deployment.apps/web edited\n');
    expect(deploy(d).spec.replicas).toBe(4);
    d.kubectl('edit deploy/web --validate=maybe');
    expect(d.stderr()).toBe(
      'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n',
    );
    expect(d.session.busy()).toBe(false);
  });

  it('--validate=ignore: a broken file is not checked first; the builder reports the syntax error', () => {
    const d = setup();
    d.kubectl('edit svc/web --validate=ignore');
    const r = leave(d, open(d).text.replace('  ports:\n', '  ports:\n  - port: [80\n'));
    expect(r.all).toBe('');
    expect(open(d).text).toMatch(
      /\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: /,
    );
  });

  it('a file that is not YAML fails the client-side validation and is reopened', () => {
    const d = setup();
    d.kubectl('edit svc/web');
    const e = open(d);
    const broken = e.text.replace('  ports:\n', '  ports:\n  - port: [80\n');
    const r = leave(d, broken);
    expect(r.all).toBe('error: services "web" is invalid\n');
    const again = open(d).text;
    expect(
      again.startsWith(
        `${EDIT_HEADER}# services "web" was not valid:\n# * <nil>: Invalid value: "The edited file failed validation": error converting YAML to JSON: yaml: line `,
      ),
    ).toBe(true);
  });

  it('an emptied file fails validation too (1.34 checks apiVersion and kind before the emptiness test)', () => {
    const d = setup();
    d.kubectl('edit svc/web');
    const r = leave(d, '');
    expect(r.all).toBe('error: services "web" is invalid\n');
    expect(open(d).text).toBe(
      `${EDIT_HEADER}# services "web" was not valid:\n# * <nil>: Invalid value: "The edited file failed validation": invalid object to validate\n#\n`,
    );
    const r2 = leave(d, open(d).text);
    expect(r2.err).toMatch(
      /^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
  });

  it('a kind the server does not know: the syntax-error reason, no message in the terminal', () => {
    const d = setup();
    d.kubectl('edit svc/web');
    const r = leave(d, open(d).text.replace('kind: Service\n', 'kind: Servic\n'));
    expect(r.all).toBe('');
    expect(open(d).text).toContain(
      '# The edited file had a syntax error: resource mapping not found for name: "web" namespace: "default" from "edited-file": no matches for kind "Servic" in version "v1"\n# ensure CRDs are installed first\n#\n',
    );
  });

  it('a changed name: the preconditions refuse the patch, the copy is kept', () => {
    const d = setup();
    d.kubectl('edit deploy/web');
    const e = open(d);
    const r = leave(d, e.text.replace('  name: web\n', '  name: web2\n'));
    expect(r.err).toBe(
      `A copy of your changes has been stored to "${e.path}"\nerror: At least one of apiVersion, kind and name was changed\n`,
    );
    expect(d.cluster.get('Deployment', 'default', 'web2')).toBeUndefined();
    expect(lastExit(d)).toBe('1');
  });

  it('the uid removed: no original object for it (printed as Go prints the unstructured object)', () => {
    const d = setup();
    d.kubectl('edit svc/web');
    const e = open(d);
    const uid = d.cluster.get('Service', 'default', 'web')?.metadata.uid ?? '';
    const r = leave(d, e.text.replace(`  uid: ${uid}\n`, ''));
    const text = r.err;
    expect(text.startsWith(`A copy of your changes has been stored to "${e.path}"\n`)).toBe(true);
    expect(text).toContain(
      '\nerror: no original object found for &unstructured.Unstructured{Object:map[string]interface {}{"apiVersion":"v1", "kind":"Service", "metadata":map[string]interface {}{"annotations":map[string]interface {}{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",',
    );
    expect(text).toContain(
      '"ports":[]interface {}{map[string]interface {}{"port":80, "protocol":"TCP", "targetPort":80}}',
    );
    expect(
      text.endsWith('"status":map[string]interface {}{"loadBalancer":map[string]interface {}{}}}}\n'),
    ).toBe(true);
  });

  it('a namespace changed in the file is refused before anything is sent', () => {
    const d = setup();
    d.kubectl('edit deploy/web');
    const e = open(d);
    const r = leave(d, e.text.replace('  namespace: default\n', '  namespace: other\n'));
    expect(r.err).toBe(
      `A copy of your changes has been stored to "${e.path}"\nerror: the namespace from the provided object "other" does not match the namespace "default". You must pass '--namespace=other' to perform this operation.\n`,
    );
  });

  it('the object deleted while the editor was open: NotFound, the edits kept', () => {
    const d = setup();
    d.kubectl('edit svc/web');
    const e = open(d);
    d.cluster.delete('Service', 'default', 'web');
    const r = leave(d, e.text.replace('  - port: 80\n', '  - port: 81\n'));
    expect(r.err).toBe(
      `error: services "web" could not be found on the server\nThe edits you made on deleted resources have been saved to "${e.path}"\n`,
    );
    expect(d.session.fs.read(e.path)).toContain('port: 81');
    expect(lastExit(d)).toBe('1');
  });

  it('a stale resourceVersion typed into the file: the Conflict is retryable, `kubectl replace -f` proposed', () => {
    const d = setup();
    d.kubectl('edit deploy/web');
    const e = open(d);
    const r = leave(d, e.text.replace(/resourceVersion: "\d+"/, 'resourceVersion: "5"'));
    expect(r.err).toBe(
      'error: deployments.apps "web" could not be patched: Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n' +
        `You can run \`kubectl replace -f ${e.path}\` to try this update again.\n`,
    );
    expect(d.session.fs.read(e.path)).toContain('resourceVersion: "5"');
    expect(lastExit(d)).toBe('1');
  });

  it('a cluster-scoped object (a Node) is edited without a namespace', () => {
    const d = setup();
    d.kubectl('edit node docker-desktop --output-patch');
    const r = leave(d, open(d).text.replace('\nspec:\n', '\nspec:\n  unschedulable: true\n'));
    expect(r.out).toBe('Patch: {"spec":{"unschedulable":true}}\nnode/docker-desktop edited\n');
    expect(d.cluster.get('Node', undefined, 'docker-desktop')?.spec).toMatchObject({ unschedulable: true });
  });

  it('Ctrl-C while the editor is open ends kubectl (exit 130); the temp file stays', () => {
    const d = setup();
    d.kubectl('edit deploy/web');
    const e = open(d);
    const r = d.session.interrupt();
    expect(r.output.map((c) => c.text).join('')).toBe('^C\n');
    expect(r.busy).toBe(false);
    expect(d.session.editing()).toBeUndefined();
    expect(d.session.fs.read(e.path)).toBe(e.text);
    expect(lastExit(d)).toBe('130');
    // Too late: leaving the editor now does nothing.
    d.session.finishEdit(e.text.replace('  replicas: 2\n', '  replicas: 5\n'));
    expect(deploy(d).spec.replicas).toBe(2);
  });

  it('the shell goes on after the edit: `kubectl edit … && echo ok`', () => {
    const d = setup();
    d.sh('kubectl edit deploy/web && echo ok');
    const r = leave(d, open(d).text.replace('  replicas: 2\n', '  replicas: 3\n'));
    expect(r.out).toBe('deployment.apps/web edited\nok\n');
  });
});

describe('kubectl edit: annotations and line endings', () => {
  it('--save-config writes the edited object (without the old annotation) as last-applied; --record the command', () => {
    const d = setup();
    d.kubectl('edit deploy/web --save-config --record');
    expect(d.stderr()).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    const e = open(d);
    const edited = e.text.replace('  replicas: 2\n', '  replicas: 3\n');
    expect(leave(d, edited).all).toBe('deployment.apps/web edited\n');
    const a = deploy(d).metadata.annotations ?? {};
    expect(a['kubernetes.io/change-cause']).toBe('kubectl edit deploy/web --save-config=true --record=true');
    const last = a['kubectl.kubernetes.io/last-applied-configuration'] ?? '';
    expect(last.endsWith('}\n')).toBe(true);
    expect(
      last.startsWith(
        '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"deployment.kubernetes.io/revision":"1"},"creationTimestamp":"2026-01-08T09:30:00Z","generation":1,"name":"web","namespace":"default","resourceVersion":',
      ),
    ).toBe(true);
    // The whole edited object, status included, as the file had it.
    const fromFile = parseManifests(edited, 'x');
    if (!fromFile.ok) throw new Error('the edited file parses');
    const expected = fromFile.docs[0] as Deployment;
    delete expected.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    expect(JSON.parse(last)).toEqual(expected);
  });

  it('--windows-line-endings writes the file with CRLF; it still edits', () => {
    const d = setup();
    d.kubectl('edit svc/web --windows-line-endings');
    const e = open(d);
    expect(
      e.text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\r\n"),
    ).toBe(true);
    expect(e.text.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    expect(leave(d, e.text).all).toBe('Edit cancelled, no changes made.\n');
    d.kubectl('edit svc/web --windows-line-endings');
    expect(leave(d, open(d).text.replace('  - port: 80\r\n', '  - port: 81\r\n')).all).toBe(
      'service/web edited\n',
    );
  });
});

describe('kubectl edit: errors before the editor', () => {
  it('NotFound, one or several', () => {
    const d = setup();
    d.kubectl('edit deploy/nope');
    expect(d.stderr()).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(d.exitCode()).toBe(1);
    expect(d.session.busy()).toBe(false);
    d.kubectl('edit svc nope1 nope2');
    expect(d.stderr()).toBe(
      'Error from server (NotFound): services "nope1" not found\nError from server (NotFound): services "nope2" not found\n',
    );
    d.kubectl('edit deploy/web deploy/nope');
    expect(d.stderr()).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(d.session.editing()).toBeUndefined();
  });

  it('no resource; an unknown type; an output format the editor cannot write', () => {
    const d = setup();
    d.kubectl('edit');
    expect(d.stderr()).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    d.kubectl('edit foo/bar');
    expect(d.stderr()).toBe('error: the server doesn\'t have a resource type "foo"\n');
    d.kubectl('edit deploy/web -o jsonpath={.metadata.name}');
    expect(d.stderr()).toBe(
      'error: unable to match a printer suitable for the output format "jsonpath={.metadata.name}", allowed formats are: json,yaml\n',
    );
    d.kubectl('edit deploy/web -o wide');
    expect(d.stderr()).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: json,yaml\n',
    );
    d.kubectl('edit deploy/web -o name');
    expect(d.stderr()).toBe(
      'error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n',
    );
    expect(d.session.busy()).toBe(false);
  });

  it('Tab completes object names after `kubectl edit`', () => {
    const d = setup();
    expect(d.session.complete('kubectl edit deploy/w').candidates).toEqual(['deploy/web']);
    expect(d.session.complete('kubectl edit svc w').candidates).toEqual(['web']);
  });

  it('--help; listed in kubectl --help', () => {
    const d = setup();
    d.kubectl('edit --help');
    expect(d.stdout().startsWith('Edit a resource from the default editor.\n')).toBe(true);
    expect(d.stdout()).toContain('\nUsage:\n  kubectl edit (RESOURCE/NAME | -f FILENAME) [options]\n');
    d.kubectl('--help');
    expect(d.stdout()).toContain('  edit            Edit a resource on the server\n');
  });
});

describe('kubectl edit: a scripted editor (headless)', () => {
  it('the session option answers at once: the whole edit runs inside one command', () => {
    const d = kdrive({ seed: 3 });
    d.session.fs.write(`${DIR}/web.yaml`, WEB);
    d.kubectl('apply -f web.yaml').advance(30_000);
    const seen: string[] = [];
    const s = createTerminalSession({
      cluster: d.cluster,
      fs: d.session.fs,
      cwd: DIR,
      editor: (path, text) => {
        seen.push(path);
        return text.replace('  replicas: 2\n', '  replicas: 1\n');
      },
    });
    const r = s.run('kubectl edit deploy/web');
    expect(r.output.map((c) => c.text).join('')).toBe('deployment.apps/web edited\n');
    expect(r.exitCode).toBe(0);
    expect(r.busy).toBe(false);
    expect(seen).toHaveLength(1);
    expect(d.session.fs.read(seen[0] as string)).toBeUndefined();
    expect((d.cluster.get('Deployment', 'default', 'web') as Deployment).spec.replicas).toBe(1);
    // An editor that breaks the file every time: the loop ends when a pass changes nothing.
    const s2 = createTerminalSession({
      cluster: d.cluster,
      cwd: DIR,
      editor: (_p, text) => text.replace(/^ {2}type: ClusterIP$/m, '  type: Bogus'),
    });
    const r2 = s2.run('kubectl edit svc/web');
    const text = r2.output.map((c) => c.text).join('');
    expect(text).toMatch(
      /^error: services "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(r2.exitCode).toBe(1);
    expect((d.cluster.get('Service', 'default', 'web') as Service).spec.type).toBe('ClusterIP');
  });
});
