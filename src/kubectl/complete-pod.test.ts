// Tab inside `kubectl exec -it POD -- sh`: the container's paths and commands (BusyBox lineedit.c
// complete_cmd_dir_file), not the student's files; nothing in Debian's dash (no line editing).
import { describe, expect, it } from 'vitest';
import { kdrive } from './testing';

function cluster() {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx');
  d.kubectl('run bb --image=busybox -- sleep 100000');
  d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
  return d;
}

const cands = (d: ReturnType<typeof kdrive>, line: string) => d.session.complete(line).candidates;

describe('Tab completion inside a Pod shell', () => {
  it('BusyBox ash (Alpine, kiamol/ch03-sleep): ls /usr/sh<Tab> completes the container directory /usr/share/', () => {
    const d = cluster();
    d.sh('kubectl exec -it sl -- sh');
    expect(d.session.prompt()).toBe('/ # ');
    const c = d.session.complete('ls /usr/sh');
    expect(c.candidates).toEqual(['/usr/share/']);
    expect(c.start).toBe(3);
    expect(cands(d, 'ls /usr/')).toEqual([
      '/usr/bin/',
      '/usr/lib/',
      '/usr/local/',
      '/usr/sbin/',
      '/usr/share/',
    ]);
  });

  it('busybox image: ls /usr/sh<Tab> has no match (its /usr holds bin and sbin), /usr/s<Tab> gives sbin', () => {
    const d = cluster();
    d.sh('kubectl exec -it bb -- sh');
    expect(cands(d, 'ls /usr/sh')).toEqual([]);
    expect(cands(d, 'ls /usr/s')).toEqual(['/usr/sbin/']);
  });

  it('busybox: several matches are listed; dot files only for a word starting with a dot', () => {
    const d = cluster();
    d.sh('kubectl exec -it bb -- sh');
    expect(cands(d, 'cat /etc/ho')).toEqual(['/etc/hostname', '/etc/hosts']);
    d.sh('cd /tmp');
    d.sh('touch .secret visible');
    expect(cands(d, 'ls ')).toEqual(['visible']);
    expect(cands(d, 'ls .')).toEqual(['../', './', '.secret']);
    // cd completes directories only
    d.sh('mkdir dir1');
    expect(cands(d, 'cat ')).toEqual(['dir1/', 'visible']);
    expect(cands(d, 'cd ')).toEqual(['dir1/']);
  });

  it("busybox: a first word is not completed from the student's commands; a path there is", () => {
    const d = cluster();
    d.sh('kubectl exec -it bb -- sh');
    expect(cands(d, 'kubec')).toEqual([]);
    d.sh('echo "echo hi" > /tmp/run.sh');
    expect(cands(d, '/tmp/ru')).toEqual(['/tmp/run.sh']);
  });

  it("nginx: dash has no line editing, so Tab completes nothing (and never the host's files)", () => {
    const d = cluster();
    d.sh('kubectl exec -it web -- sh');
    expect(d.session.prompt()).toBe('# ');
    expect(cands(d, 'ls /usr/sh')).toEqual([]);
  });

  it('after exit, Tab completes on the host again', () => {
    const d = cluster();
    d.sh('kubectl exec -it sl -- sh');
    expect(cands(d, 'ls /usr/sh')).toEqual(['/usr/share/']);
    d.sh('exit');
    expect(cands(d, 'kubec')).toEqual(['kubectl']);
  });
});

describe('Tab completion inside the nginx Pod bash (readline defaults, no bash-completion)', () => {
  it('dot files for an empty word, . and .. only for a dot word; cd completes any file', () => {
    const d = cluster();
    d.sh('kubectl exec -it web -- bash');
    d.sh('cd /tmp');
    d.sh('mkdir sub sub2');
    d.sh('touch .hid file');
    expect(cands(d, 'ls ')).toEqual(['.hid', 'file', 'sub/', 'sub2/']);
    expect(cands(d, 'cd ')).toEqual(['.hid', 'file', 'sub/', 'sub2/']);
    expect(cands(d, 'ls .')).toEqual(['../', './', '.hid']);
    expect(cands(d, 'cd s')).toEqual(['sub/', 'sub2/']);
  });

  it('a path as the first word completes executables and directories only; a nested bash its own directory', () => {
    const d = cluster();
    d.sh('kubectl exec -it web -- bash');
    d.sh('cd /tmp');
    d.sh('mkdir sub');
    d.sh('echo "echo hi" > run.sh');
    expect(cands(d, './')).toEqual(['./sub/']);
    expect(cands(d, '/docker-entrypoint.')).toEqual(['/docker-entrypoint.d/', '/docker-entrypoint.sh']);
    d.sh('bash');
    d.sh('cd sub');
    d.sh('touch inner');
    expect(cands(d, 'ls ')).toEqual(['inner']);
  });
});
