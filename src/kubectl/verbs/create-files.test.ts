// kubectl create -f and create namespace with -o and --dry-run, create's own errors and help, and
// the typed-JSON printer (create.go, create_namespace.go v0.34.9; cli-runtime printers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';
import { createHelpFor } from './create';
import { CREATE_HELP, DEPLOYMENT_HELP, NAMESPACE_HELP, NODEPORT_HELP, SERVICE_HELP } from './create-help';
import { typedJson } from './create-output';
import { goParseInt, stringSlice } from './create-parse';

describe('kubectl create -f with -o and --dry-run', () => {
  it('-o name, and -o yaml of several objects separated by ---', () => {
    const d = kdrive().kubectl('create -f sleep/sleep2.yaml -o name');
    expect(d.text()).toBe('deployment.apps/sleep-2\n');
    d.kubectl('create -f numbers/ -o yaml');
    const docs = d.stdout().split('---\n');
    expect(docs.map((y) => /^kind: (\w+)$/m.exec(y)?.[1])).toEqual([
      'Service',
      'Deployment',
      'Service',
      'Deployment',
    ]);
    // Unstructured objects from the server: keys sorted, managedFields left out.
    expect(docs[0]).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n {2}creationTimestamp: "/);
    expect(d.stdout()).not.toContain('managedFields');
  });

  it('-o json of a created object: unstructured, keys sorted', () => {
    const d = kdrive().kubectl('create -f sleep/sleep2-service.yaml -o json');
    const top = d
      .text()
      .split('\n')
      .filter((l) => /^ {4}"/.test(l))
      .map((l) => l.trim().split('"')[1]);
    expect(top).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  });

  it('--dry-run=client prints the file with the default namespace set, sends nothing', () => {
    const d = kdrive();
    const before = d.snapshot();
    d.kubectl('create -f sleep/sleep2-service.yaml --dry-run=client -o yaml');
    expect(d.text()).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: sleep-2\n  namespace: default\nspec:\n  ports:\n  - port: 80\n  selector:\n    app: sleep-2\n',
    );
    d.kubectl('create -f sleep/sleep1.yaml --dry-run=client');
    expect(d.text()).toBe('deployment.apps/sleep-1 created (dry run)\n');
    d.kubectl('create -f sleep/sleep1.yaml --dry-run=server');
    expect(d.text()).toBe('deployment.apps/sleep-1 created (server dry run)\n');
    expect(d.snapshot()).toBe(before);
  });

  it('--dry-run=client still reports what kubectl finds client-side', () => {
    const d = kdrive();
    d.session.fs.write(
      '/home/student/ch03/other-ns.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: prod\nspec:\n  ports:\n  - port: 80\n',
    );
    d.kubectl('create -f other-ns.yaml -n lab --dry-run=client');
    expect(d.stderr()).toBe(
      'error: the namespace from the provided object "prod" does not match the namespace "lab". You must pass \'--namespace=prod\' to perform this operation.\n',
    );
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl create namespace', () => {
  it('client dry run -o yaml / -o json as kubectl prints the typed Namespace', () => {
    const d = kdrive().kubectl('create namespace lab --dry-run=client -o yaml');
    expect(d.text()).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\nspec: {}\nstatus: {}\n');
    d.kubectl('create ns lab --dry-run=client -o json');
    expect(d.text()).toBe(
      '{\n    "kind": "Namespace",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "lab"\n    },\n    "spec": {},\n    "status": {}\n}\n',
    );
    expect(d.cluster.get('Namespace', undefined, 'lab')).toBeUndefined();
  });

  it('creates; AlreadyExists prints as the API status; NAME count', () => {
    const d = kdrive().kubectl('create namespace lab -o name');
    expect(d.text()).toBe('namespace/lab\n');
    d.kubectl('create namespace lab');
    expect(d.stderr()).toBe('Error from server (AlreadyExists): namespaces "lab" already exists\n');
    d.kubectl('create namespace');
    expect(d.stderr()).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n",
    );
    d.kubectl('create namespace x --image=nginx');
    expect(d.stderr()).toBe(
      "error: unknown flag: --image\nSee 'kubectl create namespace --help' for usage.\n",
    );
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl create: its own errors and help', () => {
  it('an unknown subcommand reaches create itself (Unexpected args); no -f; unknown flags', () => {
    const d = kdrive();
    const cases: [string, string][] = [
      ['create foo', "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n"],
      [
        'create foo bar -f sleep/sleep1.yaml',
        "error: Unexpected args: [foo bar]\nSee 'kubectl create -h' for help and examples\n",
      ],
      ['create', 'error: must specify one of -f and -k\n'],
      [
        'create -f sleep/sleep1.yaml --image=nginx',
        "error: unknown flag: --image\nSee 'kubectl create --help' for usage.\n",
      ],
      [
        'create -f sleep/sleep1.yaml -o wide',
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      ],
    ];
    for (const [cmd, want] of cases) {
      d.kubectl(cmd);
      expect([cmd, d.stdout(), d.stderr(), d.exitCode()]).toEqual([cmd, '', want, 1]);
    }
    expect(d.cluster.list('Deployment', { namespace: 'default' })).toEqual([]);
  });

  it('create --help lists the subcommands we have, kubectl-padded', () => {
    const d = kdrive().kubectl('create --help');
    expect(d.text()).toBe(CREATE_HELP);
    expect(CREATE_HELP).toContain(
      [
        'Available Commands:',
        '  configmap             Create a config map from a local file, directory or literal value',
        '  cronjob               Create a cron job with the specified name',
        '  deployment            Create a deployment with the specified name',
        '  job                   Create a job with the specified name',
        '  namespace             Create a namespace with the specified name',
        '  poddisruptionbudget   Create a pod disruption budget with the specified name',
        '  secret                Create a secret using a specified subcommand',
        '  service               Create a service using a specified subcommand',
        '  serviceaccount        Create a service account with the specified name',
        '',
        'Options:\n',
      ].join('\n'),
    );
    expect(CREATE_HELP).toContain(
      'Use "kubectl create <command> --help" for more information about a given command.\n',
    );
    expect(NAMESPACE_HELP).toContain(
      'Usage:\n  kubectl create namespace NAME [--dry-run=server|client|none] [options]\n',
    );
  });
});

describe('create printing and parsing helpers', () => {
  it('typedJson: struct order for known types, sorted maps, unknown keys after the known ones', () => {
    expect(
      typedJson(
        { spec: { selector: { b: '1', a: '2' }, type: 'ClusterIP', zeta: 1, ports: [] }, kind: 'Service' },
        'Service',
      ),
    ).toBe(
      '{\n    "kind": "Service",\n    "metadata": {},\n    "spec": {\n        "ports": [],\n        "selector": {\n            "a": "2",\n            "b": "1"\n        },\n        "type": "ClusterIP",\n        "zeta": 1\n    },\n    "status": {\n        "loadBalancer": {}\n    }\n}\n',
    );
  });

  it('goParseInt reads what strconv.ParseInt(s, 0, 32) reads', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (n) => {
        expect(goParseInt(String(n), 32)).toEqual({ ok: true, value: n });
        const hex = `${n < 0 ? '-' : ''}0x${Math.abs(n).toString(16)}`;
        expect(goParseInt(hex, 32)).toEqual({ ok: true, value: n });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2 ** 31, max: 2 ** 40 }), (n) => {
        expect(goParseInt(String(n), 32)).toEqual({
          ok: false,
          message: `strconv.ParseInt: parsing "${n}": value out of range`,
        });
      }),
    );
    expect(goParseInt('010', 32)).toEqual({ ok: true, value: 8 });
    expect(goParseInt('1_000', 32)).toEqual({ ok: true, value: 1000 });
    for (const bad of ['', '-', '1__0', '_1', '1_', '08', '0x', '1e3', ' 1']) {
      expect(goParseInt(bad, 32)).toEqual({
        ok: false,
        message: `strconv.ParseInt: parsing "${bad}": invalid syntax`,
      });
    }
  });

  it('stringSlice: one CSV record per occurrence, occurrences appended', () => {
    expect(stringSlice(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(stringSlice(['"a,b",c'])).toEqual(['a,b', 'c']);
    expect(stringSlice([''])).toEqual([]);
  });
});

describe('createHelpFor', () => {
  it('names the deepest subcommand, aliases included', () => {
    expect(createHelpFor(['deploy', 'x'])).toBe(DEPLOYMENT_HELP);
    expect(createHelpFor(['svc', 'nodeport'])).toBe(NODEPORT_HELP);
    expect(createHelpFor(['service'])).toBe(SERVICE_HELP);
    expect(createHelpFor(['service', 'foo'])).toBe(SERVICE_HELP);
    expect(createHelpFor(['ns'])).toBe(NAMESPACE_HELP);
    expect(createHelpFor(['foo'])).toBe(CREATE_HELP);
  });
});

describe('the generate-a-manifest workflow', () => {
  it('create … --dry-run=client -o yaml > file, then apply -f file: the same objects, working', () => {
    const d = kdrive()
      .sh('kubectl create deployment web --image=nginx --port=80 --dry-run=client -o yaml > web.yaml')
      .sh('echo --- >> web.yaml')
      .sh('kubectl create service clusterip web --tcp=80:80 --dry-run=client -o yaml >> web.yaml');
    expect(d.text()).toBe('');
    d.kubectl('apply -f web.yaml');
    expect(d.text()).toBe('deployment.apps/web created\nservice/web created\n');
    d.advance(60_000);
    const eps = d.get('Endpoints', 'web') as unknown as { subsets?: { addresses?: unknown[] }[] };
    expect(eps.subsets?.[0]?.addresses).toHaveLength(1);
  });
});
