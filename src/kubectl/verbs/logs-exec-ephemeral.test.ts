// kubectl logs and kubectl exec with an ephemeral container (kubectl debug's): logs.go/exec.go
// accept its name (podcmd.FindContainerByName, the API server's podHasContainerWithName), the
// kubelet serves its log by instance (validateContainerLogStatus looks in
// ephemeralContainerStatuses) and execs only into it while it runs (GetExec's findContainer).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { type KubectlDriver, kdrive } from '../testing';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

const BARE = `apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
  - name: app
    image: registry.k8s.io/pause:3.10
`;

function cluster(): KubectlDriver {
  return kdrive({ seed: 7 }).apply(BARE).advance(30_000);
}

const ecState = (d: KubectlDriver, name: string): Any =>
  ((d.cluster.get('Pod', 'default', 'bare') as Pod).status as Any).ephemeralContainerStatuses?.find(
    (s: Any) => s.name === name,
  )?.state;

describe('kubectl logs -c EPHEMERAL', () => {
  it('the container’s output; waiting until it starts; the notice names it (ephem)', () => {
    const d = cluster();
    d.kubectl(`debug bare --image=busybox:1.36 -c dbg -q -- sh -c 'echo hello; echo oops >&2; sleep 3'`);
    d.kubectl('logs bare -c dbg');
    expect(d.text()).toBe(
      'Error from server (BadRequest): container "dbg" in pod "bare" is waiting to start: ContainerCreating\n',
    );
    expect(d.exitCode()).toBe(1);
    d.advance(20_000);
    expect(ecState(d, 'dbg').terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    d.kubectl('logs bare -c dbg');
    expect(d.stdout()).toBe('hello\noops\n');
    d.kubectl('logs bare -c dbg --tail=1');
    expect(d.stdout()).toBe('oops\n');
    // Without -c: the first container, and the notice lists the ephemeral one.
    d.kubectl('logs bare');
    expect(d.stderr()).toBe('Defaulted container "app" out of: app, dbg (ephem)\n');
    expect(d.exitCode()).toBe(0);
    // --all-containers: the containers, then the ephemeral ones.
    d.kubectl('logs bare --all-containers');
    expect(d.text()).toBe('hello\noops\n');
    d.kubectl('logs bare -c nope');
    expect(d.text()).toBe('error: container nope is not valid for pod bare\n');
  });
});

describe('kubectl exec -c EPHEMERAL', () => {
  it('runs in the running ephemeral container; once it has ended the kubelet finds none', () => {
    const d = cluster();
    d.kubectl('debug bare -i --attach=false --image=busybox:1.36 -c dbg -q').advance(20_000);
    expect(ecState(d, 'dbg').running).toBeDefined();
    d.kubectl('exec bare -c dbg -- hostname');
    expect(d.text()).toBe('bare\n');
    expect(d.exitCode()).toBe(0);
    d.kubectl('exec -it bare -c dbg -- sh');
    expect(d.session.prompt()).toBe('/ # ');
    expect(d.sh('cat /etc/hostname').text()).toBe('bare\n');
    d.sh('exit');
    // exec's shell is not the container's process: the container still runs.
    expect(ecState(d, 'dbg').running).toBeDefined();
    // Without -c: the first container (the pause image has no hostname), and the notice.
    d.kubectl('exec bare -- hostname');
    expect(d.stderr().startsWith('Defaulted container "app" out of: app, dbg (ephem)\n')).toBe(true);
    // The ephemeral container's process ends (its attached shell exits).
    d.kubectl('attach bare -c dbg -i -q');
    d.sh('exit');
    expect(ecState(d, 'dbg').terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    d.kubectl('exec bare -c dbg -- hostname');
    expect(d.text()).toBe('error: unable to upgrade connection: container not found ("dbg")\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('exec bare -c nope -- hostname');
    expect(d.text()).toBe('Error from server (BadRequest): container nope is not valid for pod bare\n');
  });
});
