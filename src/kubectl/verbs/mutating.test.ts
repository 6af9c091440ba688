// Exact outputs of the mutating and flow verbs against a real simulated cluster (reference §B).
import { describe, expect, it } from 'vitest';
import { sleep1, sleep2Service } from '../../scenarios/ch03/sleep';
import { kdrive } from '../testing';

// sleep2-service.yaml with the list item's space dropped: `ports` becomes a string.
const SLEEP2_TYPO = sleep2Service.replace('- port: 80', '-port: 80');

// sleep1.yaml whose selector (the first `app: sleep-1`) no longer matches its template's labels.
const BAD_DEPLOY = sleep1.replace('app: sleep-1', 'app: sleep');

describe('kubectl apply', () => {
  it('prints one line per object and unchanged/configured on re-apply', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
    expect(d.stdout()).toBe('deployment.apps/sleep-1 created\ndeployment.apps/sleep-2 created\n');
    expect(d.exitCode()).toBe(0);
    d.kubectl('apply -f sleep/sleep1.yaml');
    expect(d.text()).toBe('deployment.apps/sleep-1 unchanged\n');
    d.session.fs.write(
      '/home/student/ch03/sleep/sleep1.yaml',
      d.session.fs
        .read('/home/student/ch03/sleep/sleep1.yaml')!
        .replace('image: kiamol/ch03-sleep', 'image: kiamol/ch03-sleep:latest'),
    );
    d.kubectl('apply -f sleep/sleep1.yaml');
    expect(d.text()).toBe('deployment.apps/sleep-1 configured\n');
  });

  it('walks a directory in lexical order, reading only .json/.yaml/.yml', () => {
    const d = kdrive().kubectl('apply -f numbers/');
    expect(d.text()).toBe(
      'service/numbers-api created\ndeployment.apps/numbers-api created\nservice/numbers-web created\ndeployment.apps/numbers-web created\n',
    );
  });

  it('reads - from stdin', () => {
    const d = kdrive().sh('cat sleep/sleep2-service.yaml | kubectl apply -f -');
    expect(d.text()).toBe('service/sleep-2 created\n');
  });

  it('prints the Endpoints deprecation warning once, on stderr, between the lines', () => {
    const d = kdrive().kubectl('apply -f numbers-services/api-service-headless.yaml');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'service/numbers-api created\n'],
      [
        'stderr',
        '\u001b[33;1mWarning:\u001b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
      ],
      ['stdout', 'endpoints/numbers-api created\n'],
    ]);
  });

  it('missing file, empty file, YAML error', () => {
    const d = kdrive().kubectl('apply -f nope.yaml');
    expect(d.text()).toBe('error: the path "nope.yaml" does not exist\n');
    expect(d.exitCode()).toBe(1);
    d.sh('touch empty.yaml').kubectl('apply -f empty.yaml');
    expect(d.text()).toBe('error: no objects passed to apply\n');
    d.sh('echo "a: [" > bad.yaml').kubectl('apply -f bad.yaml');
    expect(d.stderr()).toMatch(
      /^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: line \d+: /,
    );
    expect(d.exitCode()).toBe(1);
  });

  it("the notes' `-port: 80` typo: a BadRequest naming the field, wrapped with the file", () => {
    const d = kdrive();
    d.session.fs.write('/home/student/ch03/typo.yaml', SLEEP2_TYPO);
    d.kubectl('apply -f typo.yaml -f sleep/sleep1.yaml');
    expect(d.stdout()).toBe('deployment.apps/sleep-1 created\n');
    expect(d.stderr()).toBe(
      'Error from server (BadRequest): error when creating "typo.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort\n',
    );
    expect(d.exitCode()).toBe(1);
  });

  it('one invalid object: the pretty form; two: raw lines', () => {
    const d = kdrive();
    d.session.fs.write('/home/student/ch03/bad.yaml', BAD_DEPLOY);
    d.kubectl('apply -f bad.yaml');
    expect(d.stderr()).toBe(
      'The Deployment "sleep-1" is invalid: spec.template.metadata.labels: Invalid value: {"app":"sleep-1"}: `selector` does not match template `labels`\n',
    );
    d.session.fs.write('/home/student/ch03/typo.yaml', SLEEP2_TYPO);
    d.kubectl('apply -f bad.yaml -f typo.yaml');
    expect(d.stderr()).toBe(
      'Error from server (Invalid): error when creating "bad.yaml": Deployment.apps "sleep-1" is invalid: spec.template.metadata.labels: Invalid value: {"app":"sleep-1"}: `selector` does not match template `labels`\n' +
        'Error from server (BadRequest): error when creating "typo.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort\n',
    );
  });

  it('needs -f, and rejects unknown flags with the verb named', () => {
    const d = kdrive().kubectl('apply');
    expect(d.text()).toBe(
      "error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples\n",
    );
    d.kubectl('apply --foo');
    expect(d.text()).toBe("error: unknown flag: --foo\nSee 'kubectl apply --help' for usage.\n");
  });
});

describe('kubectl apply over objects it did not create', () => {
  it('warns about the missing last-applied annotation (after the server warning), then configures', () => {
    const d = kdrive().kubectl('create -f sleep/sleep1.yaml').kubectl('apply -f sleep/sleep1.yaml');
    expect(d.stderr()).toBe(
      'Warning: resource deployments/sleep-1 is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(d.stdout()).toBe('deployment.apps/sleep-1 configured\n');
    d.kubectl('apply -f sleep/sleep1.yaml');
    expect([d.stdout(), d.stderr()]).toEqual(['deployment.apps/sleep-1 unchanged\n', '']);
    // The controller's Endpoints for a selector Service, then the book's selectorless file.
    d.kubectl('apply -f numbers/api-service.yaml')
      .advance(2000)
      .kubectl('apply -f numbers-services/api-service-headless.yaml');
    expect(d.stderr()).toBe(
      '\u001b[33;1mWarning:\u001b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n' +
        'Warning: resource endpoints/numbers-api is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(d.stdout()).toBe('service/numbers-api configured\nendpoints/numbers-api configured\n');
  });
});

describe('kubectl create', () => {
  it('creates, then AlreadyExists', () => {
    const d = kdrive().kubectl('create -f sleep/sleep1.yaml');
    expect(d.text()).toBe('deployment.apps/sleep-1 created\n');
    d.kubectl('create -f sleep/sleep1.yaml');
    expect(d.text()).toBe(
      'Error from server (AlreadyExists): error when creating "sleep/sleep1.yaml": deployments.apps "sleep-1" already exists\n',
    );
    expect(d.exitCode()).toBe(1);
    d.kubectl('create namespace lab');
    expect(d.text()).toBe('namespace/lab created\n');
  });
});

describe('kubectl delete', () => {
  it('by label waits until the Pod is gone; the replacement has a new name', () => {
    const d = kdrive()
      .kubectl('apply -f sleep/sleep2.yaml')
      .kubectl('wait --for=condition=Ready pod -l app=sleep-2');
    const before = d.pods({ namespace: 'default' }).map((p) => p.metadata.name);
    d.kubectl('delete pods -l app=sleep-2');
    expect(d.text()).toBe(`pod "${before[0]}" deleted from default namespace\n`);
    const after = d.pods({ namespace: 'default' }).map((p) => p.metadata.name);
    expect(after).not.toContain(before[0]);
    expect(after).toHaveLength(1);
  });

  it('names, TYPE/NAME, --all order, No resources found, NotFound', () => {
    const d = kdrive().kubectl('apply -f numbers/api-service.yaml -f sleep/sleep2-service.yaml');
    d.kubectl('delete svc/sleep-2');
    expect(d.text()).toBe('service "sleep-2" deleted from default namespace\n');
    d.kubectl('delete deploy --all');
    expect(d.text()).toBe('No resources found\n');
    d.kubectl('delete pod nope');
    expect(d.text()).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('delete svc --all');
    expect(d.text()).toBe(
      'service "kubernetes" deleted from default namespace\nservice "numbers-api" deleted from default namespace\n',
    );
    d.kubectl('delete pods');
    expect(d.text()).toBe('error: resource(s) were provided, but no name was specified\n');
    d.kubectl('delete podz x');
    expect(d.text()).toBe('error: the server doesn\'t have a resource type "podz"\n');
  });

  it('--grace-period=0 --force: warning and force deleted', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep1.yaml').advance(5000);
    const name = d.pods()[0]?.metadata.name;
    d.kubectl(`delete pod ${name} --grace-period=0 --force`);
    expect(d.text()).toBe(
      `\u001b[33;1mWarning:\u001b[0m Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "${name}" force deleted from default namespace\n`,
    );
  });

  it('-f deletes what the files name', () => {
    const d = kdrive().kubectl('apply -f sleep/').kubectl('delete -f sleep/');
    expect(d.text()).toBe(
      // sleep1.yaml < sleep2-service.yaml < sleep2.yaml (code-point order: '1' < '2', '-' < '.')
      'deployment.apps "sleep-1" deleted from default namespace\nservice "sleep-2" deleted from default namespace\ndeployment.apps "sleep-2" deleted from default namespace\n',
    );
  });
});

describe('kubectl wait', () => {
  it('condition met, no match, timeout, --for missing', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep2.yaml');
    d.kubectl('wait --for=condition=Ready pod -l app=sleep-2');
    expect(d.stdout()).toMatch(/^pod\/sleep-2-[4-9bcdf]+-[a-z0-9]{5} condition met\n$/);
    d.kubectl('wait --for=condition=Ready pod -l app=nope');
    expect(d.text()).toBe('error: no matching resources found\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('apply -f sleep/sleep1.yaml').kubectl(
      'wait --for=condition=Ready pod -l app=sleep-1 --timeout=0',
    );
    // --timeout=0 checks once (getObjAndCheckCondition): `condition not met`, not a timeout.
    expect(d.stderr()).toMatch(/^error: condition not met for pods\/sleep-1-[a-z0-9-]+\n$/);
    d.kubectl('wait pod -l app=sleep-1');
    expect(d.text()).toBe('error: unrecognized condition: ""\n');
  });
  it('--for=delete', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep2.yaml').advance(5000);
    const name = d.pods()[0]?.metadata.name as string;
    d.tap((c) => c.delete('Pod', 'default', name));
    d.kubectl(`wait --for=delete pod/${name}`);
    expect(d.text()).toBe(`pod/${name} condition met\n`);
  });
});

describe('kubectl exec', () => {
  it('passes the remote exit code through', () => {
    const d = kdrive().kubectl('apply -f sleep/').kubectl('wait --for=condition=Ready pod -l app=sleep-1');
    d.kubectl('exec deploy/sleep-1 -- sh -c "exit 3"');
    expect(d.text()).toBe('command terminated with exit code 3\n');
    expect(d.exitCode()).toBe(3);
    d.kubectl('exec deploy/sleep-1 -- hostname');
    expect(d.stdout()).toMatch(/^sleep-1-[4-9bcdf]+-[a-z0-9]{5}\n$/);
  });
  it('usage errors and a missing Deployment', () => {
    const d = kdrive().kubectl('exec deploy/sleep-1 -- ls');
    expect(d.text()).toBe('Error from server (NotFound): deployments.apps "sleep-1" not found\n');
    d.kubectl('apply -f sleep/sleep1.yaml').kubectl('wait --for=condition=Ready pod -l app=sleep-1');
    d.kubectl('exec deploy/sleep-1');
    expect(d.text()).toBe('error: you must specify at least one command for the container\n');
    d.kubectl('exec deploy/sleep-1 ls');
    expect(d.text()).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
    d.kubectl('exec deploy/sleep-1 -- bash');
    expect(d.text()).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
    );
    expect(d.exitCode()).toBe(126);
  });
});

describe('scale, rollout, logs, version, cluster-info', () => {
  it('scale and rollout status', () => {
    const d = kdrive().kubectl('apply -f numbers/api.yaml').advance(30_000);
    d.kubectl('scale deploy/numbers-api --replicas=2');
    expect(d.text()).toBe('deployment.apps/numbers-api scaled\n');
    d.kubectl('scale deploy/numbers-api');
    expect(d.text()).toBe('error: required flag(s) "replicas" not set\n');
    d.kubectl('rollout restart deploy/numbers-api');
    expect(d.text()).toBe('deployment.apps/numbers-api restarted\n');
    d.kubectl('rollout status deployment/numbers-api');
    const lines = d.stdout().trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('deployment "numbers-api" successfully rolled out');
    for (const l of lines.slice(0, -1))
      expect(l).toMatch(/^Waiting for deployment "numbers-api" rollout to finish: /);
    expect(new Set(lines).size).toBe(lines.length);
  });
  it('logs of a Pod that is still starting, then its startup lines', () => {
    const d = kdrive().kubectl('apply -f numbers/api.yaml');
    d.kubectl('logs deploy/numbers-api');
    expect(d.stderr()).toMatch(
      /^Error from server \(BadRequest\): container "api" in pod "numbers-api-[a-z0-9-]+" is waiting to start: ContainerCreating\n$/,
    );
    d.advance(60_000).kubectl('logs deploy/numbers-api --tail 1');
    expect(d.text()).toBe('<6>Microsoft.Hosting.Lifetime[0] Content root path: /app/\n');
  });
  it('version and cluster-info per profile', () => {
    expect(kdrive().kubectl('version').text()).toBe(
      'Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n',
    );
    expect(kdrive({ seed: 1, profile: 'k3s' }).kubectl('version').text()).toContain(
      'Server Version: v1.34.1+k3s1\n',
    );
    expect(kdrive().kubectl('cluster-info').text()).toBe(
      "Kubernetes control plane is running at https://kubernetes.docker.internal:6443\nCoreDNS is running at https://kubernetes.docker.internal:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
    // kind: the server is the one `kubectl config view` shows (its port comes from the seed).
    const kind = kdrive({ seed: 1, profile: 'kind' });
    const server = kind.kubectl("config view -o jsonpath='{.clusters[0].cluster.server}'").stdout();
    expect(server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(kind.kubectl('cluster-info').stdout().split('\n')[0]).toBe(
      `Kubernetes control plane is running at ${server}`,
    );
  });
});

describe('the dispatcher', () => {
  it('unknown command with suggestions', () => {
    expect(kdrive().kubectl('gte pods').text()).toBe(
      'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.\n',
    );
    expect(kdrive().kubectl('zzzzzz').text()).toBe(
      'error: unknown command "zzzzzz" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    );
  });
  it('a global flag without its value names the verb in the hint', () => {
    expect(kdrive().kubectl('get pods -n').text()).toBe(
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
    );
  });
  it('-n before the verb, --help on a verb, bare kubectl', () => {
    const d = kdrive().kubectl('-n kube-system delete pod nope');
    expect(d.text()).toBe('Error from server (NotFound): pods "nope" not found\n');
    d.kubectl('wait --help');
    expect(d.stdout()).toContain('Usage:\n  kubectl wait ');
    d.kubectl('kubectl');
    expect(d.stdout()).toMatch(/^kubectl controls the Kubernetes cluster manager\./);
  });
});

describe('more flows', () => {
  it('port-forward to a Pod that is not running yet', () => {
    const d = kdrive().kubectl('apply -f numbers/web.yaml');
    d.kubectl('port-forward deploy/numbers-web 8080:80');
    expect(d.text()).toBe(
      'error: unable to forward port because pod is not running. Current status=Pending\n',
    );
    expect(d.exitCode()).toBe(1);
    expect(d.session.busy()).toBe(false);
  });

  it('logs -f follows new lines until Ctrl-C', () => {
    // numbers-web logs each failed API call; no numbers-api Service exists, so the POST fails.
    const d = kdrive().kubectl('apply -f numbers/web.yaml -f numbers/web-service.yaml').advance(60_000);
    d.kubectl('logs -f deploy/numbers-web --tail 0');
    expect(d.text()).toBe('');
    expect(d.session.busy()).toBe(true);
    d.session.browse('http://localhost:8080/', { method: 'POST', body: '__RequestVerificationToken=t' });
    d.advance(1000);
    const followed = d.session
      .poll()
      .map((c) => c.text)
      .join('');
    expect(followed).toMatch(/^fail: Numbers\.Web\.Pages\.IndexModel\[0\]\n {6}/);
    expect(d.session.interrupt().output.map((c) => c.text)).toEqual(['^C\n']);
    expect(d.session.busy()).toBe(false);
  });

  it('apply -R walks sub-directories; without it they are skipped', () => {
    const d = kdrive().sh(
      'mkdir -p all/deeper && cat sleep/sleep1.yaml > all/a.yaml; cat sleep/sleep2.yaml > all/deeper/b.yml',
    );
    d.kubectl('apply -f all');
    expect(d.text()).toBe('deployment.apps/sleep-1 created\n');
    d.kubectl('apply -R -f all');
    expect(d.text()).toBe('deployment.apps/sleep-1 unchanged\ndeployment.apps/sleep-2 created\n');
  });

  it('every verb answers --help in kubectl layout', () => {
    const d = kdrive();
    for (const verb of [
      'apply',
      'create',
      'delete',
      'wait',
      'exec',
      'port-forward',
      'scale',
      'rollout',
      'logs',
      'version',
      'cluster-info',
    ]) {
      d.kubectl(`${verb} --help`);
      expect(d.exitCode(), verb).toBe(0);
      expect(d.stdout(), verb).toMatch(/\n\nUsage:\n {2}kubectl /);
      expect(d.stdout(), verb).toMatch(
        /Use "kubectl options" for a list of global command-line options \(applies to all commands\)\.\n$/,
      );
      d.kubectl(`${verb} -h`);
      expect(d.exitCode(), verb).toBe(0);
    }
  });
});

describe('delete -f of the selectorless Service file', () => {
  it('deletes both objects (the Endpoints warning on stderr), even though the controller got there first', () => {
    const d = kdrive().kubectl('apply -f numbers-services/api-service-headless.yaml');
    d.kubectl('delete -f numbers-services/api-service-headless.yaml');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'service "numbers-api" deleted from default namespace\n'],
      [
        'stderr',
        '\u001b[33;1mWarning:\u001b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
      ],
      ['stdout', 'endpoints "numbers-api" deleted from default namespace\n'],
    ]);
    expect(d.exitCode()).toBe(0);
  });
  it('port-forward :80 picks a free local port deterministically', () => {
    const d = kdrive().kubectl('apply -f numbers/web.yaml').advance(60_000);
    d.sh('kubectl port-forward deploy/numbers-web :80 &');
    expect(d.text()).toBe(
      '[1] 4211\nForwarding from 127.0.0.1:40511 -> 80\nForwarding from [::1]:40511 -> 80\n',
    );
  });
});
