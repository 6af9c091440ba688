// kubectl run with a command that ends: the Pod completes (or crash-loops) as the kubelet runs it,
// `kubectl logs` shows the command's output, and `run -i/-it [--rm]` prints what kubectl 1.34 does
// for that timing (run.go handleAttachPod: the logs of a completed Pod, or an attach that streams
// a longer command), then the exit code (restartPolicy Never) after removing what it created.
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../sim/api/types';
import { kdrive } from '../testing';

const DELETED = 'pod "t" deleted from default namespace\n';
const NOTICES = [
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n',
  "If you don't see a command prompt, try pressing enter.\n",
];

/** The chapter's numbers-api Deployment and Service, running. */
function withApi() {
  const d = kdrive({ seed: 3 });
  d.kubectl('apply -f numbers/api.yaml -f numbers/api-service.yaml').advance(60_000);
  const ip = (d.cluster.get('Service', 'default', 'numbers-api') as Service).spec.clusterIP;
  return { d, ip };
}

const streams = (d: ReturnType<typeof kdrive>) => d.last?.output.map((c) => [c.stream, c.text]);

describe('kubectl run -it --rm … --restart=Never -- <command that ends>', () => {
  it('wget -qO- through the Service: the logs of the completed Pod, then the deletion (no newline in between)', () => {
    const { d } = withApi();
    d.kubectl('run -it --rm t --image=busybox --restart=Never -- wget -qO- numbers-api/rng');
    // numbers-api answers a bare number; wget -q prints just the body, so kubectl's deletion
    // line follows it on the same line, as on a real terminal.
    expect(d.stderr()).toBe('');
    expect(d.stdout()).toMatch(/^\d+pod "t" deleted from default namespace\n$/);
    expect(d.exitCode()).toBe(0);
    d.advance(2_000);
    expect(d.cluster.get('Pod', 'default', 't')).toBeUndefined();
  });

  it('nslookup of the FQDN: BusyBox output word for word, exit 0, no attach notices', () => {
    const { d, ip } = withApi();
    d.kubectl(
      'run -it --rm t --image=busybox --restart=Never -- nslookup numbers-api.default.svc.cluster.local',
    );
    expect(streams(d)).toEqual([
      [
        'stdout',
        `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnumbers-api.default.svc.cluster.local\nAddress: ${ip}\n\n\n`,
      ],
      ['stdout', DELETED],
    ]);
    expect(d.exitCode()).toBe(0);
  });

  it('nslookup of the short name exits 1 (search-list NXDOMAINs): pod terminated (Error), exit code 1', () => {
    const { d, ip } = withApi();
    d.kubectl('run -it --rm t --image=busybox --restart=Never -- nslookup numbers-api');
    const out = d.stdout();
    expect(out.startsWith(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n`)).toBe(true);
    expect(out).toContain(`Name:\tnumbers-api.default.svc.cluster.local\nAddress: ${ip}\n`);
    expect(out).toContain("** server can't find numbers-api.svc.cluster.local: NXDOMAIN\n");
    expect(out.endsWith(DELETED)).toBe(true);
    // The error comes after the deferred removal, as CheckErr prints it once Run returned.
    expect(d.last?.output.at(-1)).toEqual({
      stream: 'stderr',
      text: 'pod default/t terminated (Error)\n',
      at: expect.any(Number),
    });
    expect(d.exitCode()).toBe(1);
  });

  it('a command that takes time is attached to: notices, its output as written, its exit code', () => {
    const d = kdrive({ seed: 5 });
    const t0 = d.cluster.now();
    d.kubectl(
      "run -it --rm t --image=busybox --restart=Never -- sh -c 'echo start; sleep 3; echo done; exit 3'",
    );
    expect(streams(d)).toEqual([
      ['stderr', NOTICES[0]],
      ['stderr', NOTICES[1]],
      ['stdout', 'start\n'],
      ['stdout', 'done\n'],
      ['stdout', DELETED],
      ['stderr', 'pod default/t terminated (Error)\n'],
    ]);
    expect(d.exitCode()).toBe(3);
    const at = (text: string) => d.last?.output.find((c) => c.text === text)?.at as number;
    // kubectl notices the Pod Running at its next poll (100 ms): the output is there from the start.
    expect(at('done\n') - at('start\n')).toBeGreaterThan(2_900);
    expect(at('done\n') - at('start\n')).toBeLessThanOrEqual(3_000);
    expect(d.cluster.now() - t0).toBeGreaterThanOrEqual(3_000);
  });

  it('-q prints only the command output', () => {
    const d = kdrive({ seed: 5 });
    d.kubectl("run -it --rm -q t --image=busybox --restart=Never -- sh -c 'echo a; sleep 2; echo b'");
    expect(streams(d)).toEqual([
      ['stdout', 'a\n'],
      ['stdout', 'b\n'],
    ]);
    expect(d.exitCode()).toBe(0);
  });

  it('without --rm the completed Pod stays, and kubectl logs shows the same output', () => {
    const { d, ip } = withApi();
    d.kubectl('run -i t --image=busybox --restart=Never -- nslookup numbers-api.default.svc.cluster.local');
    const printed = d.stdout();
    expect(printed).toContain(`Address: ${ip}\n`);
    expect(d.exitCode()).toBe(0);
    expect((d.cluster.get('Pod', 'default', 't') as Pod).status.phase).toBe('Succeeded');
    d.kubectl('logs t');
    expect(d.stdout()).toBe(printed);
  });

  it('restartPolicy Always: a command that ends never makes the Pod Ready, so kubectl times out', () => {
    const d = kdrive({ seed: 5 });
    const t0 = d.cluster.now();
    d.kubectl('run -it --rm t --image=busybox --pod-running-timeout=20s -- echo hi');
    expect(streams(d)).toEqual([
      ['stdout', DELETED],
      ['stderr', 'error: timed out waiting for the condition\n'],
    ]);
    expect(d.exitCode()).toBe(1);
    expect(d.cluster.now() - t0).toBe(20_000);
  });

  it('--restart=OnFailure: a command that succeeds completes the Pod (logs path, exit 0)', () => {
    const d = kdrive({ seed: 5 });
    d.kubectl("run -it --rm t --image=busybox --restart=OnFailure -- sh -c 'echo fine'");
    expect(streams(d)).toEqual([
      ['stdout', 'fine\n'],
      ['stdout', DELETED],
    ]);
    expect(d.exitCode()).toBe(0);
  });

  it("--restart='' with -i is still refused (run.go would wait for success on an Always Pod)", () => {
    const d = kdrive().kubectl("run -it --rm t --image=busybox --restart='' -- echo hi");
    expect(d.stderr()).toMatch(/^error: "kubectl run" attaches here only to a command that ends/);
    expect(d.cluster.list('Pod', { namespace: 'default' })).toHaveLength(0);
  });
});

describe('kubectl run … -- <command>, then kubectl logs and get pods', () => {
  it('--restart=Never -- nslookup <svc FQDN>: Completed, and logs has the real nslookup output', () => {
    const { d, ip } = withApi();
    d.kubectl('run t --image=busybox --restart=Never -- nslookup numbers-api.default.svc.cluster.local');
    expect(d.text()).toBe('pod/t created\n');
    d.advance(10_000);
    d.kubectl('get pod t');
    expect(d.text()).toBe(
      'NAME   READY   STATUS      RESTARTS   AGE\nt      0/1     Completed   0          10s\n',
    );
    d.kubectl('logs t');
    expect(d.text()).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnumbers-api.default.svc.cluster.local\nAddress: ${ip}\n\n\n`,
    );
  });

  it('a failing command: STATUS Error, exit code in the status, phase Failed', () => {
    const d = kdrive({ seed: 2 });
    d.kubectl("run t --image=busybox --restart=Never -- sh -c 'echo oops >&2; exit 7'").advance(10_000);
    const p = d.cluster.get('Pod', 'default', 't') as Pod;
    expect(p.status.phase).toBe('Failed');
    expect(p.status.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 7, reason: 'Error' });
    d.kubectl('get pods');
    expect(d.text()).toMatch(
      /^NAME {3}READY {3}STATUS {3}RESTARTS {3}AGE\nt {6}0\/1 {5}Error {4}0 {10}10s\n$/,
    );
    d.kubectl('logs t');
    expect(d.text()).toBe('oops\n');
  });

  it('busybox with no command: Completed, then CrashLoopBackOff with RESTARTS N (Xs ago)', () => {
    const d = kdrive({ seed: 2 });
    d.kubectl('run b --image=busybox');
    const seen = new Set<string>();
    for (let i = 0; i < 90; i++) {
      d.advance(1_000).kubectl('get pod b --no-headers');
      seen.add(d.text().split(/\s+/)[2] as string);
    }
    expect([...seen].filter((s) => s !== 'ContainerCreating').sort()).toEqual([
      'Completed',
      'CrashLoopBackOff',
    ]);
    d.kubectl('get pod b');
    expect(d.text()).toMatch(
      /^NAME {3}READY {3}STATUS {13}RESTARTS {6}AGE\nb {6}0\/1 {5}CrashLoopBackOff {3}\d \(\d+s ago\) {2,3}90s\n$/,
    );
    d.kubectl('logs b -p');
    expect(d.text()).toBe(''); // sh read EOF and printed nothing
    expect(d.exitCode()).toBe(0);
  });
});
