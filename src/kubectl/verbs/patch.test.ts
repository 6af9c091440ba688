// kubectl patch against a simulated cluster: patch.go's lines, the server's errors in checkErr's
// forms, word for word with exit codes.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

function numbers() {
  return kdrive()
    .kubectl('apply -f numbers/api.yaml -f numbers/web.yaml -f numbers/web-service.yaml')
    .advance(30_000);
}

type D = ReturnType<typeof numbers>;
const out = (d: D) => [d.stdout(), d.stderr(), d.exitCode()];

describe('kubectl patch', () => {
  it('a Service to NodePort: patched, then patched (no change); the server allocates the node port', () => {
    const d = numbers();
    d.kubectl(`patch svc numbers-web -p '{"spec":{"type":"NodePort"}}'`);
    expect(out(d)).toEqual(['service/numbers-web patched\n', '', 0]);
    const svc = d.get('Service', 'numbers-web');
    expect(svc?.spec?.type).toBe('NodePort');
    const nodePort = svc?.spec?.ports?.[0]?.nodePort as number;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    d.kubectl(`patch service/numbers-web -p '{"spec":{"type":"NodePort"}}'`);
    expect(out(d)).toEqual(['service/numbers-web patched (no change)\n', '', 0]);
    expect(d.get('Service', 'numbers-web')).toBe(svc);
  });

  it('YAML patches, merge and JSON patches', () => {
    const d = numbers();
    d.kubectl(`patch deploy numbers-api -p 'spec: {replicas: 2}'`);
    expect(out(d)).toEqual(['deployment.apps/numbers-api patched\n', '', 0]);
    expect(d.get('Deployment', 'numbers-api')?.spec?.replicas).toBe(2);
    d.kubectl(`patch deploy numbers-api --type merge -p '{"metadata":{"labels":{"tier":"api"}}}'`);
    expect(out(d)).toEqual(['deployment.apps/numbers-api patched\n', '', 0]);
    d.kubectl(
      `patch deploy numbers-api --type=json -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"kiamol/ch03-numbers-api:latest"}]'`,
    );
    expect(out(d)).toEqual(['deployment.apps/numbers-api patched\n', '', 0]);
    const dep = d.get('Deployment', 'numbers-api');
    expect([dep?.metadata.labels, dep?.spec?.template?.spec?.containers?.[0]?.image]).toEqual([
      { tier: 'api' },
      'kiamol/ch03-numbers-api:latest',
    ]);
    d.kubectl(`patch deploy numbers-api -p '{"spec":{"bogus":true}}'`);
    expect(out(d)).toEqual([
      'deployment.apps/numbers-api patched (no change)\n',
      '\u001b[33;1mWarning:\u001b[0m unknown field "spec.bogus"\n',
      0,
    ]);
  });

  it('the server’s errors', () => {
    const d = numbers();
    const cases: [string, string][] = [
      [
        `patch svc numbers-web -p '{"spec":{"type":"NodePort"}'`,
        'Error from server (BadRequest): unexpected end of JSON input\n',
      ],
      [
        `patch svc numbers-web --type merge -p '{"spec":{"type":"NodePort"}'`,
        'Error from server (BadRequest): error decoding patch: unexpected end of JSON input\n',
      ],
      [
        `patch svc numbers-web -p '{spec: {type: NodePort}}'`,
        "Error from server (BadRequest): invalid character 's' looking for beginning of object key string\n",
      ],
      [
        `patch deploy numbers-api --type json -p '[{"op":"remove","path":"/spec/nothing"}]'`,
        'The request is invalid: the server rejected our request due to an error in our request\n',
      ],
      [
        `patch deploy numbers-api -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`,
        'Error from server: map: map[image:x] does not contain declared merge key: name\n',
      ],
      [
        `patch deploy numbers-api -p '{"spec":{"selector":{"matchLabels":{"app":"other"}}}}'`,
        'The Deployment "numbers-api" is invalid: \n' +
          '* spec.template.metadata.labels: Invalid value: {"app":"numbers-api"}: `selector` does not match template `labels`\n' +
          '* spec.selector: Invalid value: {"matchLabels":{"app":"other"}}: field is immutable\n',
      ],
      [
        `patch svc numbers-web -p '{"spec":{"type":"Bogus"}}'`,
        'The Service "numbers-web" is invalid: spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
      ],
      [
        `patch deploy numbers-api -p '{"spec":{"replicas":"3"}}'`,
        'The request is invalid: patch: Invalid value: "map[spec:map[replicas:3]]": unrecognized type: int32\n',
      ],
      [`patch deploy nope -p '{}'`, 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ];
    for (const [line, err] of cases) {
      const before = d.get('Deployment', 'numbers-api');
      d.kubectl(line);
      expect([line, ...out(d)]).toEqual([line, '', err, 1]);
      expect(d.get('Deployment', 'numbers-api')).toBe(before);
    }
  });

  it('kubectl’s own errors', () => {
    const d = numbers();
    const cases: [string, string][] = [
      [
        'patch deploy numbers-api',
        'error: must specify --patch or --patch-file containing the contents of the patch\n',
      ],
      [
        "patch deploy numbers-api -p '{}' --patch-file p.json",
        'error: cannot specify --patch and --patch-file together\n',
      ],
      [
        "patch deploy numbers-api -p '{}' --type=apply",
        'error: --type must be one of [json merge strategic], not "apply"\n',
      ],
      [
        "patch deploy numbers-api -p 'spec: [a'",
        `error: unable to parse "spec: [a": error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'\n`,
      ],
      [
        'patch deploy numbers-api --patch-file nope.json',
        'error: unable to read patch file: open nope.json: no such file or directory\n',
      ],
      [
        "patch -p '{}'",
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      ],
      ["patch deploy -p '{}'", 'error: resource(s) were provided, but no name was specified\n'],
      [
        'patch deploy numbers-api --patch-file numbers',
        'error: unable to read patch file: read numbers: is a directory\n',
      ],
    ];
    for (const [line, err] of cases) {
      d.kubectl(line);
      expect([line, ...out(d)]).toEqual([line, '', err, 1]);
    }
  });

  it('--patch-file reads the patch (YAML) from the session’s files', () => {
    const d = numbers();
    d.sh(`echo 'spec: {replicas: 3}' > p.yaml`);
    d.kubectl('patch deploy numbers-api --patch-file p.yaml');
    expect(out(d)).toEqual(['deployment.apps/numbers-api patched\n', '', 0]);
    expect(d.get('Deployment', 'numbers-api')?.spec?.replicas).toBe(3);
  });

  it('dry runs: the server’s answer or the local patch, nothing stored (and no dry-run suffix)', () => {
    const d = numbers();
    const before = d.get('Deployment', 'numbers-api');
    d.kubectl(`patch deploy numbers-api -p '{"spec":{"replicas":4}}' --dry-run=server`);
    expect(out(d)).toEqual(['deployment.apps/numbers-api patched\n', '', 0]);
    d.kubectl(
      `patch deploy numbers-api -p '{"spec":{"replicas":4}}' --dry-run=client -o jsonpath={.spec.replicas}`,
    );
    expect(out(d)).toEqual(['4', '', 0]);
    d.kubectl(
      `patch deploy numbers-api --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/5","value":{}}]' --dry-run=client`,
    );
    expect(out(d)).toEqual([
      '',
      'error: Object to be patched is missing field (/spec/template/spec/containers/5: missing value)\n',
      1,
    ]);
    d.kubectl(
      `patch deploy numbers-api --type json -p '[{"op":"remove","path":"/spec/nothing"}]' --dry-run=client`,
    );
    expect(out(d)).toEqual([
      '',
      "error: error in remove for path: '/spec/nothing': Unable to remove nonexistent key: nothing: missing value\n",
      1,
    ]);
    // json-patch v4: replace of an absent member sets it (the server then drops the unknown field).
    d.kubectl(
      `patch deploy numbers-api --type json -p '[{"op":"replace","path":"/spec/nothing","value":1}]'`,
    );
    expect(out(d)).toEqual([
      'deployment.apps/numbers-api patched (no change)\n',
      '\u001b[33;1mWarning:\u001b[0m unknown field "spec.nothing"\n',
      0,
    ]);
    d.advance(10_000);
    expect(d.get('Deployment', 'numbers-api')).toBe(before);
  });

  it('help in kubectl’s layout', () => {
    const d = numbers();
    d.kubectl('patch --help');
    expect(
      d
        .stdout()
        .startsWith(
          'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.\n',
        ),
    ).toBe(true);
    expect(d.stdout()).toContain(
      "\n    --type='strategic':\n\tThe type of patch being provided; one of [json merge strategic]\n",
    );
  });
});

describe('-f FILENAME (annotate, patch, set)', () => {
  it('targets the objects the files name, read back from the server where the verb wants the latest', () => {
    const d = numbers();
    d.kubectl(`patch -f numbers/web-service.yaml -p '{"spec":{"type":"NodePort"}}'`);
    expect(out(d)).toEqual(['service/numbers-web patched\n', '', 0]);
    expect(d.get('Service', 'numbers-web')?.spec?.type).toBe('NodePort');
    // patch compares the server's answer with the object as the file has it: never `no change`.
    d.kubectl(`patch -f numbers/web-service.yaml -p '{"spec":{"type":"NodePort"}}'`);
    expect(out(d)).toEqual(['service/numbers-web patched\n', '', 0]);
    d.kubectl('annotate -f numbers/web.yaml a=b');
    expect(out(d)).toEqual(['deployment.apps/numbers-web annotated\n', '', 0]);
    d.kubectl('set image -f numbers/web.yaml web=kiamol/ch03-numbers-web:v2');
    expect(out(d)).toEqual(['deployment.apps/numbers-web image updated\n', '', 0]);
    d.kubectl('set selector -f numbers/web-service.yaml app=numbers-web,tier=web');
    expect(out(d)).toEqual(['service/numbers-web selector updated\n', '', 0]);
    // A directory: every object, then the error for the one the server does not have.
    d.kubectl('annotate -f numbers c=d');
    expect(out(d)).toEqual([
      'deployment.apps/numbers-api annotated\nservice/numbers-web annotated\ndeployment.apps/numbers-web annotated\n',
      'Error from server (NotFound): services "numbers-api" not found\n',
      1,
    ]);
  });

  it('the builder’s errors', () => {
    const d = kdrive().kubectl('apply -f numbers/web.yaml').advance(10_000);
    const cases: [string, string][] = [
      [
        `patch svc -f numbers/web-service.yaml -p '{}'`,
        'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n',
      ],
      [
        `patch svc/x -f numbers/web-service.yaml -p '{}'`,
        'error: resource/name arguments cannot be provided when a path is specified\n',
      ],
      ['annotate -f nope.yaml a=b', 'error: the path "nope.yaml" does not exist\n'],
      [
        'set image -f numbers/api.yaml api=x',
        'Error from server (NotFound): deployments.apps "numbers-api" not found\n',
      ],
    ];
    for (const [line, err] of cases) {
      d.kubectl(line);
      expect([line, ...out(d)]).toEqual([line, '', err, 1]);
    }
    d.kubectl('annotate -f numbers a=b');
    expect(out(d)).toEqual([
      'deployment.apps/numbers-web annotated\n',
      'Error from server (NotFound): services "numbers-api" not found\nError from server (NotFound): deployments.apps "numbers-api" not found\nError from server (NotFound): services "numbers-web" not found\n',
      1,
    ]);
  });
});
