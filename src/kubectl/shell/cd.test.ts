// The container shell's working directory: cd / pwd / cd - / $PWD $OLDPWD, ash's and dash's
// errors (shell/ash.c cdcmd + ash_vmsg; dash cd.c + error.c exvwarning2), the prompt following
// `cd` (ash's default PS1 `\w \$ `; dash's `# `), relative paths in the applets and in `>`,
// and where `kubectl exec POD -- pwd` runs (the image's WORKDIR or the Pod's workingDir).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';
import { logicalPath } from './cd';

/** Run terminal lines; each step is `prompt-before + line`, then its stdout+stderr and exit code. */
function transcript(d: ReturnType<typeof kdrive>, lines: string[]): string {
  let out = '';
  for (const line of lines) {
    const prompt = d.session.prompt();
    d.sh(line);
    out += `${prompt}${line}\n${d.text()}`;
    if (d.exitCode() !== 0) out += `[exit ${d.exitCode()}]\n`;
  }
  return out;
}

function cluster() {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx');
  d.kubectl('run bb --image=busybox -- sleep 100000');
  d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
  return d;
}

describe('cd and pwd in BusyBox ash (kiamol/ch03-sleep, Alpine)', () => {
  it('cd, relative ls/cat, cd -, cd .., cd with no argument ($HOME), $PWD/$OLDPWD; the prompt follows', () => {
    const d = cluster();
    expect(
      transcript(d, [
        'kubectl exec -it sl -- sh',
        'pwd',
        'cd /tmp',
        'echo hello > note.txt',
        'ls',
        'cat note.txt',
        'cat ./note.txt ../tmp/note.txt',
        'mkdir sub',
        'cd sub',
        'touch x',
        'ls /tmp/sub',
        'cd ..',
        'cd -',
        'echo $PWD $OLDPWD',
        'cd',
        'pwd',
        'cd ../etc',
        'ls resolv.conf hosts',
        'exit',
      ]),
    ).toBe(
      [
        '~/ch03$ kubectl exec -it sl -- sh',
        '/ # pwd',
        '/',
        '/ # cd /tmp',
        '/tmp # echo hello > note.txt',
        '/tmp # ls',
        'note.txt',
        '/tmp # cat note.txt',
        'hello',
        '/tmp # cat ./note.txt ../tmp/note.txt',
        'hello',
        'hello',
        '/tmp # mkdir sub',
        '/tmp # cd sub',
        '/tmp/sub # touch x',
        '/tmp/sub # ls /tmp/sub',
        'x',
        '/tmp/sub # cd ..',
        '/tmp # cd -',
        '/tmp/sub',
        '/tmp/sub # echo $PWD $OLDPWD',
        '/tmp/sub /tmp',
        '/tmp/sub # cd',
        '~ # pwd',
        '/root',
        '~ # cd ../etc',
        '/etc # ls resolv.conf hosts',
        'hosts        resolv.conf',
        '/etc # exit',
        '',
      ].join('\n'),
    );
  });

  it("a missing or non-directory target: ash's `can't cd to` with errno's text, exit 2; the shell goes on", () => {
    const d = cluster();
    expect(
      transcript(d, [
        'kubectl exec -it sl -- sh',
        'cd /nope',
        'cd /etc/hosts',
        'cd /etc/hosts/x',
        'cd nope; echo after $?',
        'cd -x',
        'pwd',
        'exit',
      ]),
    ).toBe(
      [
        '~/ch03$ kubectl exec -it sl -- sh',
        '/ # cd /nope',
        "sh: cd: can't cd to /nope: No such file or directory",
        '[exit 2]',
        '/ # cd /etc/hosts',
        "sh: cd: can't cd to /etc/hosts: Not a directory",
        '[exit 2]',
        '/ # cd /etc/hosts/x',
        "sh: cd: can't cd to /etc/hosts/x: Not a directory",
        '[exit 2]',
        '/ # cd nope; echo after $?',
        "sh: cd: can't cd to nope: No such file or directory",
        'after 2',
        '/ # cd -x',
        'sh: cd: illegal option -x',
        '[exit 2]',
        '/ # pwd',
        '/',
        '/ # exit',
        '',
      ].join('\n'),
    );
  });

  it('sh -c (not reading a terminal) adds `line N: ` after the builtin; a subshell does not move its parent', () => {
    const d = cluster();
    d.kubectl(`exec sl -- sh -c 'cd /nope; echo $?'`);
    expect(d.text()).toBe("sh: cd: line 1: can't cd to /nope: No such file or directory\n2\n");
    d.kubectl(`exec sl -- sh -c 'cd /etc
cd nope'`);
    expect(d.text()).toBe(
      "sh: cd: line 2: can't cd to nope: No such file or directory\ncommand terminated with exit code 2\n",
    );
    d.kubectl(`exec sl -- sh -c 'cd /etc && cat hostname && echo $(cd /tmp; pwd) $(pwd)'`);
    expect(d.text()).toBe('sl\n/tmp /etc\n');
    // A nested sh starts where its parent shell is.
    d.kubectl(`exec sl -- sh -c 'cd /etc; sh -c pwd'`);
    expect(d.text()).toBe('/etc\n');
  });
});

describe("the prompt: ash's \\w # (busybox image) and dash's # (nginx, Debian)", () => {
  it('busybox: /, then the directory, ~ for $HOME', () => {
    const d = cluster();
    d.kubectl('exec -it bb -- sh');
    expect(d.session.prompt()).toBe('/ # ');
    d.sh('cd /etc');
    expect(d.text()).toBe('');
    expect(d.session.prompt()).toBe('/etc # ');
    d.sh('cd /root');
    expect(d.session.prompt()).toBe('~ # ');
    d.sh('HOME=/tmp; mkdir /tmp/w /tmp/wx; cd /tmp/w');
    expect(d.session.prompt()).toBe('~/w # ');
    // lineedit.c: only a name boundary after $HOME counts (/tmpx is not ~x) …
    d.sh('HOME=/tmp/w; cd /tmp/wx');
    expect(d.session.prompt()).toBe('/tmp/wx # ');
    // … so with HOME=/ only / itself becomes ~.
    d.sh('HOME=/; cd /etc');
    expect(d.session.prompt()).toBe('/etc # ');
    d.sh('cd');
    expect(d.session.prompt()).toBe('~ # ');
  });

  it('a symbolic link: the logical name in pwd and $PWD, the physical one in the 1.34 prompt and pwd -P; cd -P', () => {
    const d = cluster();
    expect(
      transcript(d, [
        'kubectl exec -it bb -- sh',
        'cd /lib64',
        'pwd',
        'pwd -P',
        'cd ..',
        'cd -P /lib64',
        'echo $PWD',
        'exit',
      ]),
    ).toBe(
      [
        '~/ch03$ kubectl exec -it bb -- sh',
        '/ # cd /lib64',
        '/lib # pwd',
        '/lib64',
        '/lib # pwd -P',
        '/lib',
        // updatepwd: `..` drops the last name of the logical path.
        '/lib # cd ..',
        '/ # cd -P /lib64',
        '/lib # echo $PWD',
        '/lib',
        '/lib # exit',
        '',
      ].join('\n'),
    );
  });

  it("nginx: dash's `# ` whatever the directory; `sh: N: cd: can't cd to DIR` (N: lines read)", () => {
    const d = cluster();
    expect(
      transcript(d, [
        'kubectl exec -it web -- sh',
        'cd /usr/share/nginx/html',
        'pwd',
        'ls',
        'cat index.html | head -4',
        'cd /nope',
        'cd /etc/hosts',
        'cd -',
        'exit',
      ]),
    ).toBe(
      [
        '~/ch03$ kubectl exec -it web -- sh',
        '# cd /usr/share/nginx/html',
        '# pwd',
        '/usr/share/nginx/html',
        '# ls',
        '50x.html    index.html',
        '# cat index.html | head -4',
        '<!DOCTYPE html>',
        '<html>',
        '<head>',
        '<title>Welcome to nginx!</title>',
        '# cd /nope',
        "sh: 5: cd: can't cd to /nope",
        '[exit 2]',
        '# cd /etc/hosts',
        "sh: 6: cd: can't cd to /etc/hosts",
        '[exit 2]',
        '# cd -',
        '/',
        '# exit',
        '',
      ].join('\n'),
    );
    d.kubectl(`exec web -- sh -c 'true
cd /nope'`);
    expect(d.text()).toBe("sh: 2: cd: can't cd to /nope\ncommand terminated with exit code 2\n");
  });
});

describe('the working directory of a non-interactive kubectl exec', () => {
  it('pwd is / in nginx (GNU pwd), busybox and the sleep image; /app in the .NET images', () => {
    const d = cluster();
    d.kubectl('run api --image=kiamol/ch03-numbers-api').advance(60_000);
    for (const pod of ['web', 'bb', 'sl']) {
      d.kubectl(`exec ${pod} -- pwd`);
      expect([pod, d.text(), d.exitCode()]).toEqual([pod, '/\n', 0]);
    }
    d.kubectl('exec api -- pwd');
    expect(d.text()).toBe('/app\n');
    d.kubectl('exec -it api -- sh');
    expect(d.session.prompt()).toBe('/app # ');
  });

  it("the Pod's workingDir overrides the image's, for exec, sh -c and the interactive shell", () => {
    const d = cluster();
    d.apply(`apiVersion: v1
kind: Pod
metadata:
  name: wd
spec:
  containers:
  - name: c
    image: kiamol/ch03-sleep
    command: [sleep, '100000']
    workingDir: /etc
`).advance(60_000);
    d.kubectl('exec wd -- pwd');
    expect(d.text()).toBe('/etc\n');
    d.kubectl(`exec wd -- sh -c 'cat hostname; echo $PWD'`);
    expect(d.text()).toBe('wd\n/etc\n');
    d.kubectl('exec -it wd -- sh');
    expect(d.session.prompt()).toBe('/etc # ');
  });

  it("GNU pwd's messages in nginx", () => {
    const d = cluster();
    d.kubectl('exec web -- pwd extra');
    expect(d.text()).toBe('pwd: ignoring non-option arguments\n/\n');
    d.kubectl('exec web -- pwd -x');
    expect(d.text()).toBe(
      "pwd: invalid option -- 'x'\nTry 'pwd --help' for more information.\ncommand terminated with exit code 1\n",
    );
  });
});

describe('logicalPath (ash updatepwd)', () => {
  it('resolves . and .. by name, never above /', () => {
    expect(logicalPath('..', '/')).toBe('/');
    expect(logicalPath('../../x/./y/', '/a/b/c')).toBe('/a/x/y');
    expect(logicalPath('/etc//nginx/..', '/tmp')).toBe('/etc');
    expect(logicalPath('//tmp/..', '/')).toBe('//');
    expect(logicalPath('x', '//tmp')).toBe('//tmp/x');
    expect(logicalPath('///tmp', '/')).toBe('/tmp');
  });
});
