// kubectl attach (attach.ts, debug-attach.ts attachRunning): Validate's messages, the Pod and
// container lookups and refusals, the defaulting notice, reattaching to kubectl debug's shell (its
// exit ends the ephemeral container, a later attach is the kubelet's GetAttach error), and the
// output of a running process from the moment kubectl attaches.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { type KubectlDriver, kdrive } from '../testing';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

const RECORDED =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n';
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

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
  return kdrive({ seed }).apply(BARE).advance(30_000);
}

const chunks = (d: KubectlDriver) => (d.last?.output ?? []).map((c) => [c.stream, c.text]);
const ecState = (d: KubectlDriver, name: string): Any =>
  ((d.cluster.get('Pod', 'default', 'bare') as Pod).status as Any).ephemeralContainerStatuses?.find(
    (s: Any) => s.name === name,
  )?.state;

/** kubectl debug's container `dbg` with its shell running and nothing attached (--attach=false). */
function withDebugShell(): KubectlDriver {
  const d = cluster();
  d.kubectl('debug bare -it --attach=false --image=busybox -c dbg -q').advance(20_000);
  expect(ecState(d, 'dbg').running).toBeDefined();
  return d;
}

describe('kubectl attach -it to kubectl debug’s shell', () => {
  it('reopens the shell inside the Pod; its exit ends the container; a later attach is refused', () => {
    const d = withDebugShell();
    d.kubectl('attach bare -c dbg -it');
    expect(chunks(d)).toEqual([
      ['stderr', RECORDED],
      ['stderr', PROMPT],
    ]);
    expect(d.session.prompt()).toBe('/ # ');
    expect(d.sh('hostname').text()).toBe('bare\n');
    d.sh('exit 4');
    expect(chunks(d)).toEqual([
      [
        'stdout',
        "Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach bare -c dbg -i -t' if it is still running\n",
      ],
    ]);
    expect(d.exitCode()).toBe(0);
    expect(ecState(d, 'dbg').terminated).toMatchObject({ exitCode: 4, reason: 'Error' });
    // kubelet GetAttach finds running containers only.
    d.kubectl('attach bare -c dbg -it');
    expect(chunks(d)).toEqual([
      ['stderr', RECORDED],
      ['stderr', PROMPT],
      ['stderr', 'error: unable to upgrade connection: container dbg not found in pod bare_default\n'],
    ]);
    expect(d.exitCode()).toBe(1);
    // -q: only the remote session's output.
    d.kubectl('attach bare -c dbg -it -q');
    expect(d.text()).toBe(
      'error: unable to upgrade connection: container dbg not found in pod bare_default\n',
    );
  });

  it('without -c: the first container, with the notice naming the ephemeral one', () => {
    const d = withDebugShell();
    d.kubectl('attach bare');
    expect(chunks(d)).toEqual([
      ['stderr', 'Defaulted container "app" out of: app, dbg (ephem)\n'],
      ['stderr', RECORDED],
      ['stderr', PROMPT],
    ]);
    // The pause process writes nothing; kubectl stays attached until Ctrl-C.
    expect(d.session.busy()).toBe(true);
    d.advance(10_000);
    expect(d.session.poll()).toEqual([]);
    d.last = d.session.interrupt();
    expect(d.session.busy()).toBe(false);
    d.kubectl('attach bare -q');
    expect(d.text()).toBe('');
    d.last = d.session.interrupt();
  });
});

describe('kubectl attach to a process’s output', () => {
  it('streams what the container writes from the moment it attaches, until Ctrl-C', () => {
    const d = kdrive({ seed: 3 });
    d.kubectl(`run ticker --image=busybox:1.36 -- sh -c 'while true; do echo tick; sleep 5; done'`);
    d.advance(30_000);
    const n = d.kubectl('logs ticker').stdout().split('\n').length - 1;
    expect(n).toBeGreaterThan(4);
    d.kubectl('attach ticker');
    expect(chunks(d)).toEqual([
      ['stderr', RECORDED],
      ['stderr', PROMPT],
    ]);
    expect(d.session.busy()).toBe(true);
    d.advance(10_000);
    // Not what was written before: the next two ticks only.
    expect(d.session.poll().map((c) => [c.stream, c.text])).toEqual([
      ['stdout', 'tick\n'],
      ['stdout', 'tick\n'],
    ]);
    d.last = d.session.interrupt();
    expect(d.session.busy()).toBe(false);
    expect(d.kubectl('logs ticker').stdout()).toBe('tick\n'.repeat(n + 2));
  });
});

describe('kubectl attach refusals', () => {
  it.each([
    ['attach', 'error: at least 1 argument is required for attach\n'],
    ['attach a b c', 'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n'],
    ['attach nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['attach pods nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['attach bare -c nope', 'error: cannot attach to the container: container nope not found in pod bare\n'],
  ])('%s', (line, err) => {
    const d = cluster();
    d.kubectl(line);
    expect(d.text()).toBe(err);
    expect(d.exitCode()).toBe(1);
  });

  it('a completed Pod', () => {
    const d = cluster();
    d.kubectl('run done --image=busybox:1.36 --restart=Never -- echo hi').advance(20_000);
    d.kubectl('attach done');
    expect(d.text()).toBe(
      'error: cannot attach a container in a completed pod; current phase is Succeeded\n',
    );
    expect(d.exitCode()).toBe(1);
  });

  it('--help and completion', () => {
    const d = cluster();
    d.kubectl('attach --help');
    expect(d.stdout().split('\n')[0]).toBe(
      'Attach to a process that is already running inside an existing container.',
    );
    expect(d.stdout()).toContain('\nUsage:\n  kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]\n');
    expect(d.session.complete('kubectl att', 11).candidates).toEqual(['attach']);
    expect(d.session.complete('kubectl attach ba', 17).candidates).toEqual(['bare']);
    expect(d.session.complete('kubectl attach bare --st', 24).candidates).toEqual(['--stdin']);
  });
});
