// Files inside a container: a shell's redirections write into the container's file system
// (BusyBox ash's errors for a directory and a missing one), touch and rm, and ls of /tmp.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';

const ready = () => {
  const d = kdrive({ seed: 5 });
  d.kubectl('apply -f sleep/sleep1.yaml');
  d.kubectl('wait --for=condition=Ready pod -l app=sleep-1');
  return d;
};
const sh = (d: ReturnType<typeof kdrive>, script: string) =>
  d.kubectl(`exec deploy/sleep-1 -- sh -c '${script}'`);

describe('files in the sleep container', () => {
  it('> and >> write files that cat, ls and a later exec see', () => {
    const d = ready();
    sh(d, 'echo one > /tmp/x; echo two >> /tmp/x; cat /tmp/x');
    expect(d.stdout()).toBe('one\ntwo\n');
    expect(d.exitCode()).toBe(0);
    d.kubectl('exec deploy/sleep-1 -- cat /tmp/x');
    expect(d.stdout()).toBe('one\ntwo\n');
    d.kubectl('exec deploy/sleep-1 -- ls /tmp');
    expect(d.stdout()).toBe('x\n');
  });

  it('touch and rm (-f quiet; a missing file is an error)', () => {
    const d = ready();
    sh(d, 'touch /tmp/healthy && cat /tmp/healthy && echo ok');
    expect(d.stdout()).toBe('ok\n');
    sh(d, 'rm /tmp/healthy; cat /tmp/healthy');
    expect(d.stderr()).toBe(
      "cat: can't open '/tmp/healthy': No such file or directory\ncommand terminated with exit code 1\n",
    );
    sh(d, 'rm /tmp/nope');
    expect(d.stderr()).toBe(
      "rm: can't remove '/tmp/nope': No such file or directory\ncommand terminated with exit code 1\n",
    );
    expect(d.exitCode()).toBe(1);
    sh(d, 'rm -f /tmp/nope');
    expect(d.stderr()).toBe('');
    expect(d.exitCode()).toBe(0);
  });

  it('a directory or a missing directory cannot be written (ash)', () => {
    const d = ready();
    sh(d, 'echo x > /tmp');
    expect(d.stderr()).toBe("sh: can't create /tmp: Is a directory\ncommand terminated with exit code 1\n");
    expect(d.exitCode()).toBe(1);
    sh(d, 'echo x > /nope/y');
    expect(d.stderr()).toBe(
      "sh: can't create /nope/y: nonexistent directory\ncommand terminated with exit code 1\n",
    );
  });

  it('the interactive shell writes into the container too', () => {
    const d = ready();
    d.kubectl('exec -it deploy/sleep-1 -- sh');
    d.sh('echo hi > /tmp/i');
    d.sh('exit');
    d.kubectl('exec deploy/sleep-1 -- cat /tmp/i');
    expect(d.stdout()).toBe('hi\n');
  });
});
