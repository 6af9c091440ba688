// kubectl debug (debug.go, debug-attach.ts): the messages word for word, in kubectl's order and
// streams; an ephemeral container in a Pod whose image has no tools, its shell with busybox's
// applets in the Pod's network namespace, the exit that ends the container, and the refusals.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { createRng } from '../../sim/runtime/rng';
import { type KubectlDriver, kdrive } from '../testing';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

const LEGACY =
  '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';
const RECORDED =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n';
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

const NUMBERS_API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: numbers-api
spec:
  selector:
    matchLabels:
      app: numbers-api
  template:
    metadata:
      labels:
        app: numbers-api
    spec:
      containers:
        - name: api
          image: kiamol/ch03-numbers-api
---
apiVersion: v1
kind: Service
metadata:
  name: numbers-api
spec:
  ports:
    - port: 80
  selector:
    app: numbers-api
  type: ClusterIP
`;

/** A Pod whose image has no shell or tools at all (the pause image). */
const BARE = `apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
  - name: app
    image: registry.k8s.io/pause:3.10
`;

function cluster(seed = 1): KubectlDriver {
  const d = kdrive({ seed });
  d.apply(NUMBERS_API).apply(BARE).advance(30_000);
  return d;
}

/** kubectl's suffix: utilrand.String(5) from the stream debug.ts forks for this command. */
function suffix(d: KubectlDriver, names: string): string {
  const r = createRng(d.cluster.seed).fork(`kubectl-debug/${d.cluster.now()}/${names}`);
  let s = '';
  for (let i = 0; i < 5; i++) s += 'bcdfghjklmnpqrstvwxz2456789'[r.int(27)];
  return s;
}

const chunks = (d: KubectlDriver) => (d.last?.output ?? []).map((c) => [c.stream, c.text]);
const ecStatus = (d: KubectlDriver, pod: string, name: string): Any =>
  ((d.cluster.get('Pod', 'default', pod) as Pod).status as Any).ephemeralContainerStatuses?.find(
    (s: Any) => s.name === name,
  );

describe('kubectl debug -it POD --image=busybox', () => {
  it('adds a debugger-xxxxx ephemeral container and opens its shell inside the Pod', () => {
    const d = cluster();
    expect(d.kubectl('exec -it bare -- sh').exitCode()).not.toBe(0); // the image has no shell
    const name = `debugger-${suffix(d, 'bare')}`;
    d.kubectl('debug -it bare --image=busybox');
    expect(chunks(d)).toEqual([
      ['stderr', LEGACY],
      ['stdout', `Defaulting debug container name to ${name}.\n`],
      ['stderr', RECORDED],
      ['stderr', PROMPT],
    ]);
    expect(d.exitCode()).toBe(0);
    expect(d.session.prompt()).toBe('/ # ');
    expect(ecStatus(d, 'bare', name).state.running).toBeDefined();
    // busybox's tools, in the Pod's network namespace: its hostname, the cluster's DNS and Services.
    expect(d.sh('hostname').text()).toBe('bare\n');
    expect(d.sh('nslookup numbers-api').text()).toContain(
      'Name:\tnumbers-api.default.svc.cluster.local\nAddress: ',
    );
    expect(d.sh('wget -qO- numbers-api/rng').text()).toMatch(/^\d+$/);
    expect(d.sh('cat /etc/resolv.conf').text()).toContain(
      'search default.svc.cluster.local svc.cluster.local cluster.local',
    );
    d.sh('exit 3');
    expect(chunks(d)).toEqual([
      [
        'stdout',
        `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach bare -c ${name} -i -t' if it is still running\n`,
      ],
    ]);
    expect(d.exitCode()).toBe(0);
    expect(d.session.prompt()).toBe('~/ch03$ ');
    const t = ecStatus(d, 'bare', name).state.terminated;
    expect([t.reason, t.exitCode]).toEqual(['Error', 3]);
    // The next debug session gets a new name; the first stays Terminated.
    const next = `debugger-${suffix(d, 'bare')}`;
    expect(next).not.toBe(name);
    d.kubectl('debug -it bare --image=busybox --profile=general -q');
    expect(chunks(d)).toEqual([]);
    expect(d.sh('exit').exitCode()).toBe(0);
    expect(ecStatus(d, 'bare', name).state.terminated.exitCode).toBe(3);
  });

  it('-c names the container, --target prints its notice, and the describe section shows it', () => {
    const d = cluster();
    d.kubectl('debug bare -it --image=busybox -c dbg --target=app');
    expect(chunks(d)).toEqual([
      [
        'stdout',
        'Targeting container "app". If you don\'t see processes from this container it may be because the container runtime doesn\'t support this feature.\n',
      ],
      ['stderr', LEGACY],
      ['stderr', RECORDED],
      ['stderr', PROMPT],
    ]);
    d.sh('exit');
    const out = d.kubectl('describe pod bare').text();
    const section = out.slice(out.indexOf('Ephemeral Containers:'), out.indexOf('Conditions:'));
    const st = ecStatus(d, 'bare', 'dbg');
    const fmt = (t: string) =>
      new Date(t).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1, $2 $3 $4 $5 +0000');
    expect(section).toBe(`Ephemeral Containers:
  dbg:
    Container ID:   ${st.containerID}
    Image:          busybox
    Image ID:       ${st.imageID}
    Port:           <none>
    Host Port:      <none>
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      ${fmt(st.state.terminated.startedAt)}
      Finished:     ${fmt(st.state.terminated.finishedAt)}
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
`);
    const events = d
      .kubectl(
        'get events --field-selector involvedObject.name=bare -o custom-columns=PATH:.involvedObject.fieldPath,REASON:.reason --sort-by=.metadata.creationTimestamp',
      )
      .text();
    expect(events).toContain('spec.ephemeralContainers{dbg}   Pulling');
    expect(events).toContain('spec.ephemeralContainers{dbg}   Started');
  });

  it('--env sets the container environment; the spec sent is what generateDebugContainer builds', () => {
    const d = cluster();
    d.kubectl(
      'debug -it bare --image=busybox:1.36 -c dbg --env=GREETING=hi --image-pull-policy=IfNotPresent -q',
    );
    expect(chunks(d)).toEqual([['stderr', LEGACY]]);
    expect(d.sh('printenv GREETING').text()).toBe('hi\n');
    d.sh('exit');
    const ec = ((d.cluster.get('Pod', 'default', 'bare') as Pod).spec as Any).ephemeralContainers[0];
    expect(ec).toEqual({
      env: [{ name: 'GREETING', value: 'hi' }],
      image: 'busybox:1.36',
      imagePullPolicy: 'IfNotPresent',
      name: 'dbg',
      resources: {},
      stdin: true,
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      tty: true,
    });
  });

  it('a profile granting capabilities to a Pod running as non-root warns', () => {
    const d = cluster();
    d.apply(`apiVersion: v1
kind: Pod
metadata:
  name: nonroot
spec:
  securityContext:
    runAsUser: 1000
  containers:
  - name: app
    image: registry.k8s.io/pause:3.10
`).advance(20_000);
    d.kubectl('debug nonroot --image=busybox --profile=netadmin -c dbg');
    expect(chunks(d)).toEqual([
      [
        'stderr',
        'Warning: Non-root user is configured for the entire target Pod, and some capabilities granted by debug profile may not work. Please consider using "--custom" with a custom profile that specifies "securityContext.runAsUser: 0".\n',
      ],
    ]);
    const ec = ((d.cluster.get('Pod', 'default', 'nonroot') as Pod).spec as Any).ephemeralContainers[0];
    expect(ec.securityContext).toEqual({ capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } });
    d.kubectl('debug nonroot --image=busybox --profile=baseline -c dbg2');
    expect(chunks(d)).toEqual([]);
  });

  it('a command runs in the container: its output is the log, the container Completed', () => {
    const d = cluster();
    const name = `debugger-${suffix(d, 'bare')}`;
    d.kubectl('debug -it bare --image=busybox -- nslookup numbers-api');
    const out = d.stdout();
    expect(out.startsWith(`Defaulting debug container name to ${name}.\nServer:\t\t10.96.0.10\n`)).toBe(true);
    expect(out).toContain('Name:\tnumbers-api.default.svc.cluster.local');
    expect(d.stderr()).toBe(LEGACY);
    expect(ecStatus(d, 'bare', name).state.terminated).toBeDefined();
  });

  it('without -i: the container is added and kubectl ends at once', () => {
    const d = cluster();
    const name = `debugger-${suffix(d, 'bare')}`;
    d.kubectl('debug bare --image=busybox');
    expect(chunks(d)).toEqual([
      ['stderr', LEGACY],
      ['stdout', `Defaulting debug container name to ${name}.\n`],
    ]);
    expect(d.exitCode()).toBe(0);
    d.advance(5000);
    // busybox's sh with no stdin reads EOF and exits 0.
    expect(ecStatus(d, 'bare', name).state.terminated.reason).toBe('Completed');
  });
});

describe('kubectl debug refusals', () => {
  it.each([
    ['debug bare', 'error: you must specify --image when not using --copy-to.\n'],
    ['debug --image=busybox', 'error: NAME or filename is required for debug\n'],
    ['debug bare --image=Busybox', 'error: invalid image name "Busybox": invalid reference format\n'],
    ['debug bare --image=busybox -t', `error: -i/--stdin is required for containers with -t/--tty=true\n`],
    ['debug bare --image=busybox --profile=x', 'error: unknown profile: x\n'],
    [
      'debug bare --image=busybox --image-pull-policy=Sometimes',
      'error: invalid image pull policy: Sometimes\n',
    ],
    ['debug bare --image=busybox --replace', 'error: --replace may only be used with --copy-to.\n'],
    [
      'debug bare --attach',
      'error: you must specify --container or create a new container using --image in order to attach.\n',
    ],
    [
      'debug bare --copy-to=x --image=busybox --target=app',
      'error: --target is incompatible with --copy-to. Use --share-processes instead.\n',
    ],
  ])('%s', (line, err) => {
    const d = cluster();
    d.kubectl(line);
    expect(d.text()).toBe(err);
    expect(d.exitCode()).toBe(1);
  });

  it('-f and --custom (files) are refused after Validate', () => {
    const d = cluster();
    d.kubectl('debug -f pod.yaml --image=busybox');
    expect(d.stderr()).toBe(`${LEGACY}error: "kubectl debug -f" is not available in this playground\n`);
    d.kubectl('debug bare --image=busybox --custom=c.json');
    expect(d.stderr()).toBe(`${LEGACY}error: "kubectl debug --custom" is not available in this playground\n`);
    expect(d.exitCode()).toBe(1);
  });

  it('an unknown Pod is NotFound; a Deployment is not supported', () => {
    const d = cluster();
    d.kubectl('debug nope -it --image=busybox');
    expect(chunks(d)).toEqual([
      ['stderr', LEGACY],
      ['stderr', 'Error from server (NotFound): pods "nope" not found\n'],
    ]);
    d.kubectl('debug deploy/numbers-api --image=busybox');
    expect(d.stderr()).toBe(`${LEGACY}error: "apps/v1, Kind=Deployment" not supported by debug\n`);
  });

  it('a name a container already has is the API server Duplicate value', () => {
    const d = cluster();
    d.kubectl('debug bare --image=busybox -c app');
    expect(chunks(d)).toEqual([
      ['stderr', LEGACY],
      ['stderr', 'The Pod "bare" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "app"\n'],
    ]);
    expect(d.exitCode()).toBe(1);
  });

  it('an image that cannot be pulled: the waiting warnings, until Ctrl-C', () => {
    const d = cluster();
    d.kubectl('debug bare -it --image=busybx -c bad');
    const pull =
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/busybx:latest": failed to resolve reference "docker.io/library/busybx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(chunks(d)).toEqual([
      ['stderr', LEGACY],
      ['stderr', `\u001b[33;1mWarning:\u001b[0m container bad: ${pull}\n`],
    ]);
    expect(d.session.busy()).toBe(true);
    expect(ecStatus(d, 'bare', 'bad').state.waiting.reason).toBe('ErrImagePull');
    d.advance(1500);
    expect(d.session.poll().map((c) => c.text)).toEqual([
      `\u001b[33;1mWarning:\u001b[0m container bad: Back-off pulling image "busybx": ErrImagePull: ${pull}\n`,
    ]);
    d.last = d.session.interrupt();
    expect(d.session.busy()).toBe(false);
    expect(d.sh('echo $?').text()).toBe('1\n');
  });
});
