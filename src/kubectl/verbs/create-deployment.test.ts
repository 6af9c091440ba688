// kubectl create deployment against the simulated cluster: the object kubectl builds, its output
// word for word (create_deployment.go v0.34.9), its errors, and the Deployment then running.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/runtime/rng';
import { kdrive } from '../testing';
import { containerNameOf } from './create-deployment';
import { DEPLOYMENT_HELP } from './create-help';

const rng = () => createRng(7).fork('t');

describe('kubectl create deployment', () => {
  it('prints deployment.apps/NAME created, and the Deployment runs: its Pod becomes Ready', () => {
    const d = kdrive().kubectl('create deployment sleep --image=kiamol/ch03-sleep');
    expect(d.text()).toBe('deployment.apps/sleep created\n');
    expect(d.exitCode()).toBe(0);
    const dep = d.get('Deployment', 'sleep');
    expect(dep?.metadata.labels).toEqual({ app: 'sleep' });
    expect(dep?.spec.replicas).toBe(1);
    expect(dep?.spec.selector).toEqual({ matchLabels: { app: 'sleep' } });
    expect(dep?.spec.template.metadata.labels).toEqual({ app: 'sleep' });
    expect(dep?.spec.template.spec.containers).toMatchObject([
      { name: 'ch03-sleep', image: 'kiamol/ch03-sleep' },
    ]);
    d.advance(30_000).kubectl(
      'get pods -l app=sleep -o jsonpath={.items[*].status.containerStatuses[*].ready}',
    );
    expect(d.text()).toBe('true');
    d.kubectl('get deploy sleep');
    expect(d.text()).toMatch(
      /^NAME {4}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nsleep {3}1\/1 {5}1 {12}1 {11}\d+s\n$/,
    );
  });

  it('builds what kubectl builds: --dry-run=client -o yaml, word for word, and sends nothing', () => {
    const d = kdrive();
    const before = d.snapshot();
    d.kubectl(
      'create deployment web -n lab --image=nginx:1.27 --image=kiamol/ch03-sleep --port=8080 -r 3 --dry-run=client -o yaml',
    );
    expect(d.text()).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        '  namespace: lab',
        'spec:',
        '  replicas: 3',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.27',
        '        name: nginx',
        '        ports:',
        '        - containerPort: 8080',
        '        resources: {}',
        '      - image: kiamol/ch03-sleep',
        '        name: ch03-sleep',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
    expect(d.exitCode()).toBe(0);
    expect(d.snapshot()).toBe(before);
  });

  it('-o json of the built object follows the Go struct order (typed JSONPrinter)', () => {
    const d = kdrive().kubectl('create deploy sleep --image=busybox --dry-run=client -o json -- sleep 3600');
    expect(d.text()).toBe(`{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "sleep",
        "labels": {
            "app": "sleep"
        }
    },
    "spec": {
        "replicas": 1,
        "selector": {
            "matchLabels": {
                "app": "sleep"
            }
        },
        "template": {
            "metadata": {
                "labels": {
                    "app": "sleep"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "busybox",
                        "image": "busybox",
                        "command": [
                            "sleep",
                            "3600"
                        ],
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
`);
  });

  it('-o name and --dry-run=client without -o', () => {
    const d = kdrive().kubectl('create deployment a --image=nginx --dry-run=client');
    expect(d.text()).toBe('deployment.apps/a created (dry run)\n');
    d.kubectl('create deployment a --image=nginx -o name');
    expect(d.text()).toBe('deployment.apps/a\n');
    expect(d.get('Deployment', 'a')).toBeDefined();
  });

  it('--dry-run=server answers with the defaulted object, stores nothing', () => {
    const d = kdrive();
    const before = d.snapshot();
    d.kubectl('create deployment a --image=nginx --dry-run=server');
    expect(d.text()).toBe('deployment.apps/a created (server dry run)\n');
    d.kubectl(
      'create deployment a --image=nginx --dry-run=server -o jsonpath={.spec.template.spec.containers[0].imagePullPolicy}',
    );
    expect(d.text()).toBe('Always');
    expect(d.snapshot()).toBe(before);
    // A server dry run is validated like the real request.
    d.kubectl('create deployment A --image=nginx --dry-run=server');
    expect(d.stderr()).toMatch(
      /^error: failed to create deployment: Deployment\.apps "A" is invalid: metadata\.name: /,
    );
    expect(d.exitCode()).toBe(1);
  });

  it('a bare --dry-run is the deprecated client strategy, with klog warning', () => {
    const d = kdrive().kubectl('create deployment a --image=nginx --dry-run');
    expect(d.stdout()).toBe('deployment.apps/a created (dry run)\n');
    expect(d.stderr()).toMatch(
      /^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ helpers\.go:731\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/,
    );
    expect(d.get('Deployment', 'a')).toBeUndefined();
  });

  it('the server response prints as a typed object: struct order, defaults, status {}', () => {
    const d = kdrive().kubectl('create deployment a --image=nginx --port=80 -o json');
    const lines = d.text().split('\n');
    const keys = lines.filter((l) => /^ {4}"/.test(l)).map((l) => l.trim().split('"')[1]);
    expect(keys).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(d.text()).toContain(
      '"ports": [\n                            {\n                                "containerPort": 80,\n                                "protocol": "TCP"\n',
    );
    expect(d.text()).toMatch(/"status": \{\}\n\}\n$/);
    expect(JSON.parse(d.text()).metadata.managedFields).toBeUndefined();
  });

  it('errors, word for word, exit code 1', () => {
    const d = kdrive();
    const cases: [string, string][] = [
      ['create deployment a', 'error: required flag(s) "image" not set\n'],
      ['create deployment', 'error: required flag(s) "image" not set\n'],
      [
        'create deployment --image=nginx',
        "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
      ],
      [
        'create deployment a b --image=nginx',
        "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n",
      ],
      [
        'create deployment a --image=nginx --image=busybox -- date',
        'error: cannot specify multiple --image options and command\n',
      ],
      [
        'create deployment a --image=nginx --port=http',
        'error: invalid argument "http" for "--port" flag: strconv.ParseInt: parsing "http": invalid syntax\nSee \'kubectl create deployment --help\' for usage.\n',
      ],
      [
        'create deployment a --image=nginx --replicas=3000000000',
        'error: invalid argument "3000000000" for "-r, --replicas" flag: strconv.ParseInt: parsing "3000000000": value out of range\nSee \'kubectl create deployment --help\' for usage.\n',
      ],
      [
        'create deployment a --image=nginx --tcp=80',
        "error: unknown flag: --tcp\nSee 'kubectl create deployment --help' for usage.\n",
      ],
      [
        'create deployment a --image=nginx -o wide',
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      ],
      [
        'create deployment a --image=nginx --dry-run=maybe',
        'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
      ],
      [
        'create deployment a --image=nginx --replicas=-1',
        'error: failed to create deployment: Deployment.apps "a" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
      ],
    ];
    for (const [cmd, want] of cases) {
      d.kubectl(cmd);
      expect([cmd, d.stdout(), d.stderr(), d.exitCode()]).toEqual([cmd, '', want, 1]);
    }
    expect(d.cluster.list('Deployment', { namespace: 'default' })).toEqual([]);
  });

  it('AlreadyExists and an invalid name come back through "failed to create deployment"', () => {
    const d = kdrive()
      .kubectl('create deployment web --image=nginx')
      .kubectl('create deployment web --image=nginx');
    expect(d.stderr()).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('create deployment Web --image=nginx');
    expect(d.stderr()).toBe(
      "error: failed to create deployment: Deployment.apps \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n",
    );
  });

  it('pflag reads int flags with Go base prefixes; --port goes to the first container only', () => {
    const d = kdrive().kubectl('create deployment a --image=nginx,busybox --port=0x1F90 --replicas=0o2');
    expect(d.text()).toBe('deployment.apps/a created\n');
    const dep = d.get('Deployment', 'a');
    expect(dep?.spec.replicas).toBe(2);
    const cs = dep?.spec.template.spec.containers;
    expect(cs.map((c: { name: string }) => c.name)).toEqual(['nginx', 'busybox']);
    expect(cs[0].ports).toEqual([{ containerPort: 8080, protocol: 'TCP' }]);
    expect(cs[1].ports).toBeUndefined();
  });

  it('names containers after the image: registry, tag and digest dropped; _ and . get a random suffix', () => {
    expect(containerNameOf('nginx', rng)).toBe('nginx');
    expect(containerNameOf('kiamol/ch03-sleep', rng)).toBe('ch03-sleep');
    expect(containerNameOf('registry.local:5000/team/api:1.2', rng)).toBe('api');
    expect(containerNameOf('busybox@sha256:0123abcd', rng)).toBe('busybox');
    expect(containerNameOf('busybox:1.36@sha256:0123abcd', rng)).toBe('busybox');
    const odd = containerNameOf('my_app.v2:1.0', rng);
    expect(odd).toMatch(/^my-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    // Seeded: the same stream gives the same suffix.
    expect(containerNameOf('my_app.v2:1.0', rng)).toBe(odd);
  });

  it('is deterministic: the same seed and commands print the same text', () => {
    const run = () => {
      const d = kdrive({ seed: 5 });
      const out: string[] = [];
      for (const c of [
        'create deployment a --image=my_app --dry-run=client -o yaml',
        'create deployment b --image=nginx -o yaml',
      ]) {
        d.kubectl(c);
        out.push(d.text());
      }
      return out.join('');
    };
    expect(run()).toBe(run());
  });

  it('has its own help text in kubectl layout', () => {
    expect(DEPLOYMENT_HELP).toContain(
      'Create a deployment with the specified name.\n\nAliases:\ndeployment, deploy\n\nExamples:\n  # Create a deployment named my-dep that runs the busybox image\n  kubectl create deployment my-dep --image=busybox\n  \n',
    );
    expect(DEPLOYMENT_HELP).toContain(
      '    -r, --replicas=1:\n\tNumber of replicas to create. Default is 1.\n\nUsage:\n  kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
  });
});

describe('kubectl create deployment, fuzzed names and images', () => {
  it('either deployment.apps/NAME created with one container per image, or one error line and nothing stored', () => {
    const d = kdrive({ seed: 12 });
    const seen = { ok: 0, err: 0 };
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][-a-z0-9.]{0,10}[a-z0-9]$|^[a-zA-Z0-9][-a-zA-Z0-9._]{0,19}$/),
        fc.array(
          fc.stringMatching(
            /^([a-z0-9]+\/)?[a-z0-9][a-z0-9_.-]{0,10}(:[a-z0-9.]{1,5})?$|^[-a-z0-9._/:@]{1,24}$/,
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (name, images) => {
          const existed = d.get('Deployment', name) !== undefined;
          d.kubectl(`create deployment '${name}' ${images.map((i) => `'--image=${i}'`).join(' ')}`);
          if (d.exitCode() === 0) {
            seen.ok++;
            expect(existed).toBe(false);
            expect(d.text()).toBe(`deployment.apps/${name} created\n`);
            const cs = d.get('Deployment', name)?.spec.template.spec.containers as { image: string }[];
            expect(cs.map((c) => c.image)).toEqual(images);
          } else {
            seen.err++;
            expect(d.stdout()).toBe('');
            expect(d.stderr()).toMatch(/^error: failed to create deployment: /);
            if (!existed) expect(d.get('Deployment', name)).toBeUndefined();
          }
        },
      ),
      { numRuns: 60, seed: 4343 },
    );
    // Both outcomes were exercised.
    expect(seen.ok).toBeGreaterThan(5);
    expect(seen.err).toBeGreaterThan(5);
  });
});
