// kubectl logs for containers whose process ends: which instance the kubelet serves
// (validateContainerLogStatus: the running or terminated one, the last terminated one while in
// back-off, `-p` the previous), its bytes as written, --tail, and the kubelet's refusals.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

const status = (d: ReturnType<typeof kdrive>, name: string) =>
  (d.cluster.get('Pod', 'default', name) as Pod).status.containerStatuses?.[0];

describe('kubectl logs: a process that ended', () => {
  it('prints the output byte for byte (a last line without newline too); --tail counts that line', () => {
    const d = kdrive({ seed: 4 });
    d.kubectl(
      `run t --image=busybox --restart=Never -- sh -c 'echo one; echo two >&2; printf three'`,
    ).advance(10_000);
    d.kubectl('logs t');
    expect(d.stdout()).toBe('one\ntwo\nthree');
    d.kubectl('logs t --tail=2');
    expect(d.stdout()).toBe('two\nthree');
    d.kubectl('logs t --tail=0');
    expect(d.stdout()).toBe('');
  });

  it('a restarted container: logs is the latest run, -p the one before; in back-off both are the last run', () => {
    const d = kdrive({ seed: 4 });
    // Each run prints its own start time (BusyBox date), so instances can be told apart.
    d.kubectl(`run t --image=busybox:1.36 -- sh -c 'date +%T; exit 2'`);
    const runs: string[] = [];
    let last = '';
    let checked = 0;
    for (let i = 0; i < 240; i++) {
      d.advance(250);
      const t = status(d, 't')?.state.terminated;
      if (t && t.containerID !== last) {
        last = t.containerID as string;
        runs.push(`${(t.startedAt as string).slice(11, 19)}\n`);
        if (runs.length >= 2) {
          // Just exited: `logs` is this run, `-p` the one before.
          d.kubectl('logs t');
          expect(d.stdout()).toBe(runs.at(-1));
          d.kubectl('logs t -p');
          expect(d.stdout()).toBe(runs.at(-2));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    expect(new Set(runs).size).toBe(runs.length);
    // In back-off both are the last run (state waiting, lastState terminated).
    expect(status(d, 't')?.state.waiting?.reason).toBe('CrashLoopBackOff');
    d.kubectl('logs t');
    expect(d.stdout()).toBe(runs.at(-1));
    d.kubectl('logs t -p');
    expect(d.stdout()).toBe(runs.at(-1));
    expect(d.exitCode()).toBe(0);
  });

  it('-p without an earlier instance, and a Pod still starting: the kubelet errors', () => {
    const d = kdrive({ seed: 4 });
    d.kubectl('run web --image=nginx');
    d.kubectl('logs web');
    expect(d.stderr()).toBe(
      'Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n',
    );
    d.advance(60_000).kubectl('logs web -p');
    expect(d.stderr()).toBe(
      'Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n',
    );
    expect(d.exitCode()).toBe(1);
  });

  it("a Pod whose image cannot be pulled: the kubelet's own wording for ErrImagePull and ImagePullBackOff", () => {
    const d = kdrive({ seed: 4 });
    d.kubectl('run x --image=example/nothing');
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      d.advance(500).kubectl('logs x');
      seen.add(d.stderr());
    }
    expect(seen).toContain(
      'Error from server (BadRequest): container "x" in pod "x" is waiting to start: image can\'t be pulled\n',
    );
    expect(seen).toContain(
      'Error from server (BadRequest): container "x" in pod "x" is waiting to start: trying and failing to pull image\n',
    );
  });

  it('-f on a running process: its lines as they are written, and the follow ends when it exits', () => {
    const d = kdrive({ seed: 4 });
    d.kubectl(`run t --image=busybox --restart=Never -- sh -c 'echo a; sleep 5; echo b; sleep 5; echo c'`);
    d.advance(4_000);
    expect(status(d, 't')?.state.running).toBeDefined();
    d.kubectl('logs -f t');
    expect(d.stdout()).toBe('a\n');
    expect(d.session.busy()).toBe(true);
    const followed: string[] = [];
    for (let i = 0; i < 24 && d.session.busy(); i++) {
      d.advance(500);
      followed.push(...d.session.poll().map((c) => c.text));
    }
    expect(followed.join('')).toBe('b\nc\n');
    expect(d.session.busy()).toBe(false);
  });

  it("a server's log is unchanged: nginx's startup lines", () => {
    const d = kdrive({ seed: 4 });
    d.kubectl('run web --image=nginx').advance(60_000).kubectl('logs web --tail=1');
    expect(d.stdout()).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker processes\n$/);
  });
});
