// kubectl run against the simulated cluster: exact outputs (kubectl 1.34 run.go and the
// run-pod/v1 generator), the Pod (and Service) it creates, and the Service routing to it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../sim/api/types';
import { kdrive } from '../testing';

function pod(d: ReturnType<typeof kdrive>, name: string, ns = 'default'): Pod | undefined {
  return d.cluster.get('Pod', ns, name) as Pod | undefined;
}

describe('kubectl run: the Pod', () => {
  it('creates a bare Pod labelled run=NAME that the kubelet starts', () => {
    const d = kdrive({ seed: 2 }).kubectl('run nginx --image=nginx');
    expect(d.text()).toBe('pod/nginx created\n');
    expect(d.exitCode()).toBe(0);
    const p = pod(d, 'nginx') as Pod;
    expect(p.metadata.labels).toEqual({ run: 'nginx' });
    expect(p.metadata.ownerReferences).toBeUndefined();
    expect(p.spec.restartPolicy).toBe('Always');
    expect(p.spec.dnsPolicy).toBe('ClusterFirst');
    expect(p.spec.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx']]);
    expect(p.spec.containers[0]?.args).toBeUndefined();
    d.advance(60_000);
    expect(pod(d, 'nginx')?.status?.phase).toBe('Running');
  });

  it('words after NAME are args; with --command they are the command', () => {
    const d = kdrive().kubectl('run a --image=busybox -- sleep 3600');
    expect(pod(d, 'a')?.spec.containers[0]?.args).toEqual(['sleep', '3600']);
    expect(pod(d, 'a')?.spec.containers[0]?.command).toBeUndefined();
    d.kubectl('run b --image=busybox --command -- sleep 3600');
    expect(pod(d, 'b')?.spec.containers[0]?.command).toEqual(['sleep', '3600']);
    expect(pod(d, 'b')?.spec.containers[0]?.args).toBeUndefined();
  });

  it('--env, --port, --labels, --restart and --image-pull-policy reach the spec', () => {
    const d = kdrive().kubectl(
      'run web --image=nginx:1.27 --env A=1 --env B=x=y --port 8080 -l app=web,tier=front --restart Never --image-pull-policy IfNotPresent',
    );
    expect(d.text()).toBe('pod/web created\n');
    const p = pod(d, 'web') as Pod;
    const c = p.spec.containers[0];
    expect(p.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(c?.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: 'x=y' },
    ]);
    expect(c?.ports?.map((x) => x.containerPort)).toEqual([8080]);
    expect(c?.imagePullPolicy).toBe('IfNotPresent');
    d.kubectl(
      'run ann --image=nginx --annotations team=blue --annotations note=a=b --dry-run=client -o json',
    );
    expect(d.stdout()).toContain(
      '"metadata": {\n        "name": "ann",\n        "labels": {\n            "run": "ann"\n        },\n        "annotations": {\n            "note": "a=b",\n            "team": "blue"\n        }\n    },',
    );
    expect(p.spec.restartPolicy).toBe('Never');
  });

  it('-n creates the Pod in that namespace', () => {
    const d = kdrive().kubectl('create namespace dev').kubectl('run x --image=nginx -n dev');
    expect(d.text()).toBe('pod/x created\n');
    expect(pod(d, 'x', 'dev')).toBeDefined();
    expect(pod(d, 'x')).toBeUndefined();
  });
});

describe('kubectl run --expose', () => {
  it('creates the Service first, then the Pod, and the Service routes to it', () => {
    const d = kdrive({ seed: 4 }).kubectl('apply -f sleep/sleep1.yaml');
    d.kubectl('run web --image=nginx --port=80 --expose');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'service/web created\n'],
      ['stdout', 'pod/web created\n'],
    ]);
    const s = d.cluster.get('Service', 'default', 'web') as Service;
    expect(s.metadata.labels).toBeUndefined();
    expect(s.spec.selector).toEqual({ run: 'web' });
    expect(s.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    d.advance(60_000);
    const ip = pod(d, 'web')?.status?.podIP;
    expect(ip).toBeDefined();
    d.kubectl('get endpoints web -o jsonpath={.subsets[0].addresses[0].ip}');
    expect(d.stdout()).toBe(ip);
    d.kubectl('exec deploy/sleep-1 -- curl -s -o /dev/null -w %{http_code} http://web');
    expect(d.stdout()).toBe('200');
  });

  it('--labels become the Service selector and labels', () => {
    const d = kdrive().kubectl('run api --image=nginx --port=8080 --expose -l app=api');
    const s = d.cluster.get('Service', 'default', 'api') as Service;
    expect(s.spec.selector).toEqual({ app: 'api' });
    expect(s.metadata.labels).toEqual({ app: 'api' });
  });

  it('a Service that exists already: the Pod is still created and printed, then the error', () => {
    const d = kdrive()
      .kubectl('run web --image=nginx --port=80 --expose')
      .kubectl('delete pod web --wait=false');
    d.advance(60_000).kubectl('run web --image=nginx --port=80 --expose');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'pod/web created\n'],
      ['stderr', 'Error from server (AlreadyExists): services "web" already exists\n'],
    ]);
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl run: errors, word for word', () => {
  const usage = "\nSee 'kubectl run -h' for help and examples\n";
  const cases: [string, string][] = [
    ['run x', 'error: required flag(s) "image" not set\n'],
    ['run --image=nginx', `error: NAME is required for run${usage}`],
    ['run --image=nginx -- sh', `error: NAME is required for run${usage}`],
    ['run x --image=', 'error: --image is required\n'],
    ['run x --image=Nginx', 'error: Invalid image name "Nginx": invalid reference format\n'],
    ['run x --image=nginx:', 'error: Invalid image name "nginx:": invalid reference format\n'],
    ['run x --image=nginx -t', `error: -i/--stdin is required for containers with -t/--tty=true${usage}`],
    ['run x --image=nginx --expose', `error: --port must be set when exposing a service${usage}`],
    ['run x --image=nginx --restart=Sometimes', `error: invalid restart policy: Sometimes${usage}`],
    ['run x --image=nginx --rm', `error: --rm should only be used for attached containers${usage}`],
    [
      'run x --image=nginx -i --dry-run=client',
      `error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)${usage}`,
    ],
    [
      'run x --image=nginx --image-pull-policy=Sometimes',
      `error: invalid image pull policy: Sometimes${usage}`,
    ],
    [
      'run x --image=nginx --pod-running-timeout=0s',
      `error: --pod-running-timeout must be higher than zero${usage}`,
    ],
    [
      'run x --image=nginx --pod-running-timeout=soon',
      'error: invalid argument "soon" for "--pod-running-timeout" flag: time: invalid duration "soon"\nSee \'kubectl run --help\' for usage.\n',
    ],
    ['run x --image=nginx --env NOVALUE', 'error: invalid env: NOVALUE\n'],
    ['run x --image=nginx --env 1X=a', 'error: invalid env: 1X=a\n'],
    ['run x --image=nginx --env ..x=a', 'error: invalid env: ..x=a\n'],
    ['run x --image=nginx -l app', 'error: unexpected label spec: app\n'],
    [
      'run x --image=nginx --annotations a --annotations =b --annotations c=d',
      'error: invalid annotations format: a, =b\n',
    ],
    ['run x --image=nginx --port=http', 'error: strconv.Atoi: parsing "http": invalid syntax\n'],
    [
      'run x --image=nginx -o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
    [
      'run x --image=nginx --dry-run=yes',
      'error: Invalid dry-run value (yes). Must be "none", "server", or "client".\n',
    ],
  ];
  for (const [cmd, want] of cases) {
    it(cmd, () => {
      const d = kdrive().kubectl(cmd);
      expect(d.stderr()).toBe(want);
      expect(d.stdout()).toBe('');
      expect(d.exitCode()).toBe(1);
      expect(d.cluster.list('Pod', { namespace: 'default' })).toHaveLength(0);
    });
  }

  it('the server refuses a name that is not a DNS subdomain, and AlreadyExists', () => {
    const d = kdrive().kubectl('run web_1 --image=nginx');
    expect(d.stderr()).toMatch(/^The Pod "web_1" is invalid: /);
    expect(d.stderr()).toContain('metadata.name: Invalid value: "web_1"');
    expect(d.exitCode()).toBe(1);
    d.kubectl('run web --image=nginx').kubectl('run web --image=nginx');
    expect(d.text()).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
  });
});

describe('kubectl run: output and dry run', () => {
  it('--dry-run=client -o yaml prints the generated Pod (no creationTimestamp at 1.34)', () => {
    const d = kdrive().kubectl('run nginx --image=nginx --dry-run=client -o yaml');
    expect(d.text()).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    expect(pod(d, 'nginx')).toBeUndefined();
  });

  it('--dry-run=client -o json is the typed Pod in struct order', () => {
    const d = kdrive().kubectl(
      'run box --image=busybox --env=A=1 --port=80 --image-pull-policy=Never --privileged --dry-run=client -o json --command -- sleep 1d',
    );
    expect(d.text()).toBe(`{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "box",
        "labels": {
            "run": "box"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "box",
                "image": "busybox",
                "command": [
                    "sleep",
                    "1d"
                ],
                "ports": [
                    {
                        "containerPort": 80
                    }
                ],
                "env": [
                    {
                        "name": "A",
                        "value": "1"
                    }
                ],
                "resources": {},
                "imagePullPolicy": "Never",
                "securityContext": {
                    "privileged": true
                }
            }
        ],
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}
`);
  });

  it('--expose -o yaml: Service, run.go’s ---, the YAML printer’s ---, Pod; -n sets the namespace', () => {
    const d = kdrive().kubectl(
      'run web --image=nginx --port=80 --expose --dry-run=client -o yaml -n default',
    );
    expect(d.text()).toBe(`apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: web
status:
  loadBalancer: {}
---
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: web
  name: web
  namespace: default
spec:
  containers:
  - image: nginx
    name: web
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    expect(d.cluster.list('Service', { namespace: 'default' }).map((s) => s.metadata.name)).toEqual([
      'kubernetes',
    ]);
  });

  it('dry-run suffixes; server dry run stores nothing; -o name', () => {
    const d = kdrive().kubectl('run web --image=nginx --port=80 --expose --dry-run=client');
    expect(d.text()).toBe('service/web created (dry run)\npod/web created (dry run)\n');
    d.kubectl('run web --image=nginx --port=80 --expose --dry-run=server');
    expect(d.text()).toBe('service/web created (server dry run)\npod/web created (server dry run)\n');
    expect(pod(d, 'web')).toBeUndefined();
    expect(d.cluster.get('Service', 'default', 'web')).toBeUndefined();
    d.kubectl('run web --image=nginx -o name');
    expect(d.text()).toBe('pod/web\n');
  });

  it('is deterministic: the same commands on two fresh clusters with one seed print the same', () => {
    const script = [
      'run web --image=nginx --port=80 --expose -o yaml',
      'run box --image=busybox -o json -- sleep 1d',
      'get pods,svc -o wide',
    ];
    const transcript = () => {
      const d = kdrive({ seed: 9 });
      return script.map((c) => d.advance(2_000).kubectl(c).text()).join('');
    };
    const a = transcript();
    expect(a).toContain('clusterIP');
    expect(transcript()).toBe(a);
  });
});

describe('kubectl run -it --rm … sh: attached to the container’s shell', () => {
  const NOTICES = [
    [
      'stderr',
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n',
    ],
    ['stderr', "If you don't see a command prompt, try pressing enter.\n"],
  ];

  it('waits for the Pod, opens its shell, and on exit prints the reattach notice and deletes it', () => {
    const d = kdrive({ seed: 6 })
      .kubectl('apply -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml')
      .advance(30_000);
    const t0 = d.cluster.now();
    d.kubectl('run -it --rm tmp --image=busybox -- sh');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual(NOTICES);
    expect(d.exitCode()).toBe(0);
    expect(d.cluster.now()).toBeGreaterThan(t0); // the clock ran until the Pod was Ready
    const p = pod(d, 'tmp') as Pod;
    expect(p.status?.phase).toBe('Running');
    expect(p.spec.containers[0]).toMatchObject({ args: ['sh'], stdin: true, stdinOnce: true, tty: true });
    expect(d.session.prompt()).toBe('/ # ');
    d.sh('hostname');
    expect(d.text()).toBe('tmp\n');
    const clusterIP = (d.cluster.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP;
    d.sh('nslookup sleep-2');
    expect(d.stdout()).toContain(`Address: ${clusterIP}\n`);
    d.sh('exit');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      [
        'stdout',
        "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\n",
      ],
      ['stdout', 'pod "tmp" deleted from default namespace\n'],
    ]);
    expect(d.session.prompt()).not.toBe('/ # ');
    expect(pod(d, 'tmp')?.metadata.deletionTimestamp).toBeDefined();
    d.sh('echo $?');
    expect(d.text()).toBe('0\n');
  });

  it('--restart=Never returns the shell’s exit code; --expose’s Service is deleted after the Pod', () => {
    const d = kdrive().kubectl('run -it --rm tmp2 --image=busybox --restart=Never --expose --port 80');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'service/tmp2 created\n'],
      ...NOTICES,
    ]);
    d.sh('exit 3');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'pod "tmp2" deleted from default namespace\n'],
      ['stdout', 'service "tmp2" deleted from default namespace\n'],
      ['stderr', 'pod default/tmp2 terminated (Error)\n'],
    ]);
    expect(d.exitCode()).toBe(3);
    expect(d.cluster.get('Service', 'default', 'tmp2')).toBeUndefined();
  });

  it('--restart=Never with --leave-stdin-open does not wait for the exit code', () => {
    const d = kdrive().kubectl('run -it --rm tmp --image=busybox --restart=Never --leave-stdin-open');
    expect(pod(d, 'tmp')?.spec.containers[0]).toMatchObject({ stdin: true, tty: true });
    expect(pod(d, 'tmp')?.spec.containers[0]).not.toHaveProperty('stdinOnce');
    d.sh('exit 4');
    expect(d.text()).toBe('pod "tmp" deleted from default namespace\n');
    expect(d.exitCode()).toBe(0);
  });

  it('a failed --expose is not reported in attach mode (run.go returns from the attach branch)', () => {
    const d = kdrive().apply(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: tmp\nspec:\n  ports:\n    - port: 80\n',
    );
    d.kubectl('run -it --rm tmp --image=busybox --port 80 --expose');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual(NOTICES);
    d.sh('exit');
    expect(d.text()).toBe(
      'Session ended, resume using \'kubectl attach tmp -c tmp -i -t\' command when the pod is running\npod "tmp" deleted from default namespace\n',
    );
    expect(d.exitCode()).toBe(0);
    expect(d.cluster.get('Service', 'default', 'tmp')).toBeDefined();
  });

  it('-q prints none of attach’s or delete’s lines', () => {
    const d = kdrive().kubectl('run -itq --rm tmp --image=alpine');
    expect(d.text()).toBe('');
    expect(d.session.prompt()).toBe('/ # ');
    d.sh('exit');
    expect(d.text()).toBe('');
  });

  it('a Pod that never becomes Ready: deleted after --pod-running-timeout, then the timeout error', () => {
    const d = kdrive();
    const t0 = d.cluster.now();
    d.kubectl('run -it --rm x --image=example/nothing --pod-running-timeout=5s --command -- sh');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'pod "x" deleted from default namespace\n'],
      ['stderr', 'error: timed out waiting for the condition\n'],
    ]);
    expect(d.exitCode()).toBe(1);
    expect(d.cluster.now() - t0).toBe(5_000);
  });

  for (const cmd of [
    'run -i --rm tmp --image=busybox -- sh',
    'run -it --rm tmp --image=busybox --restart=OnFailure -- sh',
    "run -it --rm tmp --image=busybox --restart='' -- sh",
    'run -it --rm web --image=nginx',
  ]) {
    it(`${cmd}: refused before anything is created`, () => {
      const d = kdrive().kubectl(cmd);
      expect(d.stderr()).toBe(
        'error: "kubectl run" attaches here only to a command that ends (e.g. kubectl run -it --rm tmp --image=busybox --restart=Never -- nslookup kubernetes) or, with -i -t, to a shell (kubectl run -it --rm tmp --image=busybox -- sh); this form is not available in this playground\n',
      );
      expect(d.exitCode()).toBe(1);
      expect(d.cluster.list('Pod', { namespace: 'default' })).toHaveLength(0);
    });
  }

  it('a shell without --rm: exit N ends the container; under Never the Pod completes and kubectl returns N', () => {
    const d = kdrive().kubectl('run -it t --image=busybox --restart=Never -- sh');
    d.sh('hostname');
    expect(d.stdout()).toBe('t\n');
    d.sh('exit 3');
    // run.go waits for the Pod to complete and returns the container's code (CodeExitError).
    expect(d.stderr()).toBe('pod default/t terminated (Error)\n');
    expect(d.exitCode()).toBe(3);
    d.kubectl('get pod t');
    expect(d.stdout()).toMatch(/^t +0\/1 +Error +0 +/m);
  });

  it('a shell under restartPolicy Always: the reattach notice, and the kubelet starts the shell again', () => {
    const d = kdrive().kubectl('run -it t --image=busybox -- sh');
    d.sh('exit');
    expect(d.stdout()).toBe(
      "Session ended, resume using 'kubectl attach t -c t -i -t' command when the pod is running\n",
    );
    expect(d.exitCode()).toBe(0);
    d.advance(3_000).kubectl('get pod t');
    expect(d.stdout()).toMatch(/^t +1\/1 +Running +1 \(3s ago\) +/m);
  });
});

describe('kubectl run: hostile input', () => {
  it('never throws: random names, flags and words end with an exit code and a message on failure', () => {
    const vals = [
      'x',
      'X',
      '',
      '=',
      'a=b',
      'a=b,c',
      'nginx',
      'busybox',
      '80',
      '-1',
      '99999999999999999999',
      'yaml',
      'json',
      'client',
      'server',
      'Never',
      'sh',
      '--',
      '0s',
    ];
    const flags = [
      '--image',
      '--port',
      '--env',
      '-l',
      '--restart',
      '-o',
      '--dry-run',
      '--image-pull-policy',
      '--pod-running-timeout',
    ];
    const bools = ['--expose', '--command', '--rm', '-i', '-t', '-it', '--privileged', '--attach', '-q'];
    const token = fc.oneof(
      fc.constantFrom(...vals),
      fc.constantFrom(...bools),
      fc.tuple(fc.constantFrom(...flags), fc.constantFrom(...vals)).map(([f, v]) => `${f}=${v}`),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 7 }), (toks) => {
        const d = kdrive();
        d.kubectl(['run', ...toks.map((t) => `'${t}'`)].join(' '));
        expect(d.text()).not.toContain('internal error');
        if (d.exitCode() !== 0) expect(d.stderr()).not.toBe('');
        if (d.session.prompt() === '/ # ') d.sh('exit');
        expect(d.sh('echo ok').text()).toBe('ok\n');
      }),
      { seed: 20_261_126, numRuns: 200 },
    );
  });
});
