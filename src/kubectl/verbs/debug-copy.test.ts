// kubectl debug --copy-to and node/NAME (debug-copy.ts), and `kubectl debug --help`'s long text.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { createRng } from '../../sim/runtime/rng';
import { type KubectlDriver, kdrive } from '../testing';

// biome-ignore lint/suspicious/noExplicitAny: pod specs are loosely typed JSON.
type Any = any;

const LEGACY =
  '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';
const RECORDED =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n';
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

const BARE = `apiVersion: v1
kind: Pod
metadata:
  name: bare
  labels:
    app: bare
  annotations:
    note: kept
spec:
  containers:
  - name: app
    image: registry.k8s.io/pause:3.10
    readinessProbe:
      tcpSocket:
        port: 80
`;

function cluster(): KubectlDriver {
  return kdrive({ seed: 2 }).apply(BARE).advance(30_000);
}

function suffix(d: KubectlDriver, names: string): string {
  const r = createRng(d.cluster.seed).fork(`kubectl-debug/${d.cluster.now()}/${names}`);
  let s = '';
  for (let i = 0; i < 5; i++) s += 'bcdfghjklmnpqrstvwxz2456789'[r.int(27)];
  return s;
}

const chunks = (d: KubectlDriver) => (d.last?.output ?? []).map((c) => [c.stream, c.text]);
const pod = (d: KubectlDriver, name: string) => d.cluster.get('Pod', 'default', name) as Pod & Any;

describe('kubectl debug --copy-to', () => {
  it('copies the Pod with a debug container (legacy: labels dropped, the rest kept) and attaches', () => {
    const d = cluster();
    const name = `debugger-${suffix(d, 'bare')}`;
    d.kubectl('debug bare -it --copy-to=bare-copy --image=busybox --share-processes');
    expect(chunks(d)).toEqual([
      ['stderr', LEGACY],
      ['stdout', `Defaulting debug container name to ${name}.\n`],
      ['stderr', RECORDED],
      ['stderr', PROMPT],
    ]);
    const p = pod(d, 'bare-copy');
    expect(p.metadata.labels).toBeUndefined();
    expect(p.metadata.annotations).toEqual({ note: 'kept' });
    expect(p.spec.shareProcessNamespace).toBe(true);
    expect(p.spec.containers.map((c: Any) => c.name)).toEqual(['app', name]);
    expect(p.spec.containers[0].readinessProbe).toBeDefined();
    expect(p.spec.containers[1]).toMatchObject({ image: 'busybox', stdin: true, tty: true });
    expect(d.sh('hostname').text()).toBe('bare-copy\n');
    d.sh('exit');
    expect(d.text()).toBe(
      `Session ended, resume using 'kubectl attach bare-copy -c ${name} -i -t' command when the pod is running\n`,
    );
    expect(pod(d, 'bare')).toBeDefined();
    // The shell's exit ended the debug container; restartPolicy Always starts it again, and the
    // notice's command reattaches to the new shell.
    const ended = pod(d, 'bare-copy').status.containerStatuses[1];
    expect(ended.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    d.advance(5_000);
    const again = pod(d, 'bare-copy').status.containerStatuses[1];
    expect([again.restartCount, again.state.running !== undefined]).toEqual([1, true]);
    d.kubectl(`attach bare-copy -c ${name} -i -t`);
    expect(chunks(d)).toEqual([
      ['stderr', RECORDED],
      ['stderr', PROMPT],
    ]);
    expect(d.sh('hostname').text()).toBe('bare-copy\n');
    d.sh('exit');
  });

  it('--profile=general drops labels, annotations and probes and adds SYS_PTRACE; --replace deletes the original', () => {
    const d = cluster();
    d.kubectl('debug bare --copy-to=c2 --image=busybox -c dbg --profile=general --replace');
    expect(chunks(d)).toEqual([]);
    const p = pod(d, 'c2');
    expect(p.metadata.labels).toBeUndefined();
    expect(p.metadata.annotations).toBeUndefined();
    expect(p.spec.containers[0].readinessProbe).toBeUndefined();
    expect(p.spec.shareProcessNamespace).toBe(true);
    expect(p.spec.containers[1].securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
    d.advance(2000);
    expect(pod(d, 'bare')).toBeUndefined();
  });

  it('--set-image alone copies with the images changed and does not attach', () => {
    const d = cluster();
    d.kubectl('debug bare --copy-to=c3 --set-image=*=busybox:1.36');
    expect(chunks(d)).toEqual([['stderr', LEGACY]]);
    expect(pod(d, 'c3').spec.containers.map((c: Any) => c.image)).toEqual(['busybox:1.36']);
  });
});

describe('kubectl debug node/NAME', () => {
  it('creates node-debugger-<node>-xxxxx in the host namespaces with / at /host and attaches', () => {
    const d = cluster();
    const pn = `node-debugger-docker-desktop-${suffix(d, 'node/docker-desktop')}`;
    d.kubectl('debug node/docker-desktop -it --image=busybox');
    expect(chunks(d)).toEqual([
      ['stderr', LEGACY],
      ['stdout', `Creating debugging pod ${pn} with container debugger on node docker-desktop.\n`],
      ['stderr', RECORDED],
      ['stderr', PROMPT],
    ]);
    const p = pod(d, pn);
    expect(p.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'kubectl-debug' });
    expect(p.spec).toMatchObject({
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      nodeName: 'docker-desktop',
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
    });
    expect(p.spec.volumes[0]).toEqual({ name: 'host-root', hostPath: { path: '/', type: '' } });
    expect(p.spec.containers[0].volumeMounts[0]).toEqual({ mountPath: '/host', name: 'host-root' });
    expect(p.status.podIP).toBe('192.168.65.3');
    expect(d.sh('hostname').text()).toBe('docker-desktop\n');
    // restartPolicy Never: no reattach notice; the shell was the container's process, so the Pod
    // completes as on a real node.
    expect(d.sh('exit').text()).toBe('');
    expect(pod(d, pn).status.containerStatuses[0].state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(d.kubectl(`get pod ${pn} --no-headers -o custom-columns=S:.status.phase`).text()).toBe(
      'Succeeded\n',
    );
    expect(d.kubectl(`get pod ${pn}`).stdout()).toBe(
      `NAME                                 READY   STATUS      RESTARTS   AGE\n${pn}   0/1     Completed   0          2s\n`,
    );
  });

  it('--profile=baseline keeps the Pod out of the host namespaces; an unknown node is NotFound', () => {
    const d = cluster();
    d.kubectl('debug node/docker-desktop --image=busybox --profile=baseline -q');
    expect(chunks(d)).toEqual([]);
    const p = d.cluster
      .list('Pod', { namespace: 'default' })
      .find((x) => x.metadata.name.startsWith('node-debugger'));
    expect((p as Any).spec.hostNetwork).toBeUndefined();
    expect((p as Any).spec.volumes.map((v: Any) => v.name)).not.toContain('host-root');
    d.kubectl('debug node/nope --image=busybox');
    expect(d.stderr()).toBe(`${LEGACY}Error from server (NotFound): nodes "nope" not found\n`);
  });
});

describe('kubectl debug --help', () => {
  it('lays out the long text as templates.LongDesc renders it', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('debug --help');
    expect(
      d.stdout().split('\n\nExamples:')[0],
    ).toBe(`Debug cluster resources using interactive debugging containers.

 'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will
be used by default if no resource is specified.

 The action taken by 'debug' varies depending on what resource is specified. Supported actions include:

  *  Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a
new version.
  *  Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without
restarting the pod.
  *  Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.

 Note: When a non-root user is configured for the entire target Pod, some capabilities granted by debug profile may not
work.`);
    expect(d.stdout()).toContain(
      '\nUsage:\n  kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]\n',
    );
    expect(d.stdout()).toContain(
      `    --profile='legacy':\n\tOptions are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".\n`,
    );
  });
});
