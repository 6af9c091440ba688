// bash in the Debian nginx image (pod-bash.ts, bash-builtins.ts): golden transcripts with the texts
// Debian bookworm's bash 5.2.15 prints (checked against that bash on a pty and through pipes).
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';

/** A cluster with the nginx Pod `web` (nginx:1.27.3 is Debian bookworm) and the sleep Pod `sl`. */
function cluster(): KubectlDriver {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx:1.27.3');
  d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
  return d;
}

/** What the terminal shows for each line: the prompt, the line, then its output. */
function transcript(d: KubectlDriver, lines: string[]): string {
  let out = '';
  for (const line of lines) {
    out += `${d.session.prompt()}${line}\n`;
    d.sh(line);
    out += d.text();
  }
  return out + d.session.prompt();
}

describe('kubectl exec -it <nginx> -- bash', () => {
  it('prompts as root@POD:DIR# and words its errors as bash does, `exit 3` ends the exec', () => {
    const d = cluster();
    expect(
      transcript(d, [
        'kubectl exec -it web -- bash',
        'cd /etc/nginx',
        'ls',
        'foo',
        'kubectl get pods',
        'exit 3',
      ]),
    ).toBe(
      '~/ch03$ kubectl exec -it web -- bash\n' +
        'root@web:/# cd /etc/nginx\n' +
        'root@web:/etc/nginx# ls\n' +
        'conf.d          mime.types      nginx.conf      uwsgi_params\n' +
        'fastcgi_params  modules         scgi_params\n' +
        'root@web:/etc/nginx# foo\n' +
        'bash: foo: command not found\n' +
        'root@web:/etc/nginx# kubectl get pods\n' +
        'bash: kubectl: command not found\n' +
        'root@web:/etc/nginx# exit 3\n' +
        'exit\n' +
        'command terminated with exit code 3\n' +
        '~/ch03$ ',
    );
    // `exit` is bash's (stderr), the last line kubectl's.
    expect(d.last?.output.map((c) => c.stream)).toEqual(['stderr', 'stderr']);
    expect(d.exitCode()).toBe(3);
  });

  it('/bin/bash too; $0 is the name it was run by, errors still say `bash: `', () => {
    const d = cluster();
    expect(transcript(d, ['kubectl exec -it web -- /bin/bash', 'echo $0', 'cd /nope', 'exit'])).toBe(
      '~/ch03$ kubectl exec -it web -- /bin/bash\n' +
        'root@web:/# echo $0\n/bin/bash\n' +
        'root@web:/# cd /nope\nbash: cd: /nope: No such file or directory\n' +
        'root@web:/# exit\nexit\ncommand terminated with exit code 1\n' +
        '~/ch03$ ',
    );
    d.kubectl(`exec web -- /usr/bin/bash -c 'echo $0'`);
    expect(d.text()).toBe('/usr/bin/bash\n');
  });

  it("\\w shows $HOME as ~ and follows cd's logical path; $debian_chroot prefixes it", () => {
    const d = cluster();
    expect(
      transcript(d, ['kubectl exec -it web -- bash', 'cd', 'cd /var/run/..', 'debian_chroot=x', 'cd -']),
    ).toBe(
      '~/ch03$ kubectl exec -it web -- bash\n' +
        'root@web:/# cd\n' +
        'root@web:~# cd /var/run/..\n' +
        'root@web:/var# debian_chroot=x\n' +
        '(x)root@web:/var# cd -\n/root\n' +
        '(x)root@web:~# ',
    );
  });

  it("cd, pwd and exit's own errors (builtins/cd.def, exit.def)", () => {
    const d = cluster();
    const lines = [
      'kubectl exec -it web -- bash',
      'cd -x',
      'cd a b',
      'cd /etc/nginx/nginx.conf',
      'cd -',
      'pwd -Z',
      'cd /etc/nginx/modules; pwd; pwd -P',
      'exit 1 2',
      'echo $?',
      'exit foo',
    ];
    expect(transcript(d, lines)).toBe(
      '~/ch03$ kubectl exec -it web -- bash\n' +
        'root@web:/# cd -x\nbash: cd: -x: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n' +
        'root@web:/# cd a b\nbash: cd: too many arguments\n' +
        'root@web:/# cd /etc/nginx/nginx.conf\nbash: cd: /etc/nginx/nginx.conf: Not a directory\n' +
        'root@web:/# cd -\nbash: cd: OLDPWD not set\n' +
        'root@web:/# pwd -Z\nbash: pwd: -Z: invalid option\npwd: usage: pwd [-LP]\n' +
        'root@web:/# cd /etc/nginx/modules; pwd; pwd -P\n/etc/nginx/modules\n/usr/lib/nginx/modules\n' +
        'root@web:/etc/nginx/modules# exit 1 2\nexit\nbash: exit: too many arguments\n' +
        'root@web:/etc/nginx/modules# echo $?\n1\n' +
        'root@web:/etc/nginx/modules# exit foo\nexit\nbash: exit: foo: numeric argument required\n' +
        'command terminated with exit code 2\n' +
        '~/ch03$ ',
    );
  });

  it("redirections and paths fail with the errno text; a syntax error is bash's", () => {
    const d = cluster();
    const lines = [
      'kubectl exec -it web -- bash',
      'echo hi > /nope/f',
      'echo hi > /etc',
      'cat < /nope',
      '/etc',
      '/nope/x',
      'echo )',
      'echo (',
      'ls (x)',
      'echo a (',
      'echo hi > ~/f; cat /root/f',
    ];
    expect(transcript(d, lines)).toBe(
      '~/ch03$ kubectl exec -it web -- bash\n' +
        'root@web:/# echo hi > /nope/f\nbash: /nope/f: No such file or directory\n' +
        'root@web:/# echo hi > /etc\nbash: /etc: Is a directory\n' +
        'root@web:/# cat < /nope\nbash: /nope: No such file or directory\n' +
        'root@web:/# /etc\nbash: /etc: Is a directory\n' +
        'root@web:/# /nope/x\nbash: /nope/x: No such file or directory\n' +
        "root@web:/# echo )\nbash: syntax error near unexpected token `)'\n" +
        // `NAME (` starts a function definition: bash names what follows the `(`.
        "root@web:/# echo (\nbash: syntax error near unexpected token `newline'\n" +
        "root@web:/# ls (x)\nbash: syntax error near unexpected token `x'\n" +
        "root@web:/# echo a (\nbash: syntax error near unexpected token `('\n" +
        'root@web:/# echo hi > ~/f; cat /root/f\nhi\n' +
        'root@web:/# ',
    );
  });

  it("the image has bash's and root's startup files, which set that prompt", () => {
    const d = cluster();
    d.kubectl('exec web -- ls -a /root');
    expect(d.text()).toBe('.\n..\n.bashrc\n.profile\n');
    d.kubectl('exec web -- grep PS1= /etc/bash.bashrc');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the file's own text, a shell expansion
    expect(d.text()).toBe("  PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n");
    d.kubectl('exec web -- wc -c /etc/bash.bashrc /root/.bashrc /root/.profile');
    expect(d.text()).toMatch(
      /^ *1994 \/etc\/bash\.bashrc\n *571 \/root\/\.bashrc\n *161 \/root\/\.profile\n/,
    );
  });
});

describe('kubectl exec <nginx> -- bash -c …', () => {
  it('runs the script: $0 is bash, errors carry `bash: line N: `; kubectl reports the status', () => {
    const d = cluster();
    d.kubectl(`exec web -- bash -c 'echo $0; cd /nope'`);
    expect(d.stdout()).toBe('bash\n');
    expect(d.stderr()).toBe(
      'bash: line 1: cd: /nope: No such file or directory\ncommand terminated with exit code 1\n',
    );
    expect(d.exitCode()).toBe(1);
    d.kubectl(`exec web -- /bin/bash -c 'true; foo'`);
    expect(d.text()).toBe(
      '/bin/bash: line 1: foo: command not found\ncommand terminated with exit code 127\n',
    );
    d.kubectl(`exec web -- bash -c 'echo $0' nm`);
    expect(d.text()).toBe('nm\n');
    d.kubectl('exec web -- bash -c');
    expect(d.text()).toBe('bash: -c: option requires an argument\ncommand terminated with exit code 2\n');
    d.kubectl(`exec web -- bash -c 'exit 3'`);
    expect([d.text(), d.exitCode()]).toEqual(['command terminated with exit code 3\n', 3]);
  });

  it('reads a command at a time: the commands before a syntax error run (parse.y shell_getc)', () => {
    const d = cluster();
    d.kubectl(`exec web -- bash -c 'echo a\necho )\necho b'`);
    expect(d.text()).toBe(
      "a\nbash: -c: line 2: syntax error near unexpected token `)'\nbash: -c: line 2: `echo )'\n" +
        'command terminated with exit code 2\n',
    );
    d.kubectl(`exec web -- bash -c 'echo a\nif'`);
    expect(d.text()).toBe(
      'a\nbash: -c: line 3: syntax error: unexpected end of file\ncommand terminated with exit code 2\n',
    );
    d.kubectl(`exec web -- bash -c 'echo ( a'`);
    expect(d.text()).toBe(
      "bash: -c: line 1: syntax error near unexpected token `a'\nbash: -c: line 1: `echo ( a'\n" +
        'command terminated with exit code 2\n',
    );
    d.kubectl(`exec web -- bash -c 'echo "abc'`);
    expect(d.text()).toBe(
      'bash: -c: line 1: unexpected EOF while looking for matching `"\'\ncommand terminated with exit code 2\n',
    );
    d.kubectl(`exec web -- bash -c 'echo a\nfoo'`);
    expect(d.text()).toBe('a\nbash: line 2: foo: command not found\ncommand terminated with exit code 127\n');
  });

  it('bash FILE names its errors after the file; a missing file is 127', () => {
    const d = cluster();
    d.kubectl(`exec web -- sh -c 'echo foo > /tmp/s.sh'`);
    d.kubectl('exec web -- bash /tmp/s.sh');
    expect(d.text()).toBe(
      '/tmp/s.sh: line 1: foo: command not found\ncommand terminated with exit code 127\n',
    );
    d.kubectl('exec web -- bash /nope.sh');
    expect(d.text()).toBe(
      'bash: /nope.sh: No such file or directory\ncommand terminated with exit code 127\n',
    );
  });
});

describe('images without bash', () => {
  it('the sleep image (Alpine, BusyBox) still has none: the runtime cannot exec it', () => {
    const d = cluster();
    d.kubectl('exec -it sl -- bash');
    expect(d.stdout()).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\n',
    );
    expect(d.stderr()).toBe('command terminated with exit code 126\n');
    expect(d.session.prompt()).toBe('~/ch03$ ');
    d.kubectl('exec sl -- /bin/bash -c true');
    expect(d.stdout()).toContain('stat /bin/bash: no such file or directory');
  });

  it('nor nginx:alpine, nor the .NET images (FROM mcr.microsoft.com/dotnet/aspnet:6.0-alpine)', () => {
    const d = kdrive({ seed: 3 });
    d.kubectl('run na --image=nginx:alpine');
    d.kubectl('run api --image=kiamol/ch03-numbers-api').advance(60_000);
    for (const pod of ['na', 'api']) {
      d.kubectl(`exec ${pod} -- bash`);
      expect(d.stdout()).toContain('exec: "bash": executable file not found in $PATH');
    }
  });
});

describe("bash's own variables", () => {
  it('BASH, BASH_VERSION and SHELL when the environment has none (variables.c)', () => {
    const d = cluster();
    d.kubectl(`exec web -- bash -c 'echo $BASH $BASH_VERSION $SHELL'`);
    expect(d.text()).toBe('/usr/bin/bash 5.2.15(1)-release /bin/bash\n');
    d.kubectl(`exec web -- /bin/bash -c 'echo $BASH'`);
    expect(d.text()).toBe('/bin/bash\n');
    d.kubectl(`exec web -- sh -c 'echo "echo \\$0 \\$BASH" > /tmp/v.sh'`);
    d.kubectl('exec web -- bash /tmp/v.sh');
    expect(d.text()).toBe('/tmp/v.sh /usr/bin/bash\n');
    // dash sets none of them.
    d.kubectl(`exec web -- sh -c 'echo "[$BASH_VERSION]"'`);
    expect(d.text()).toBe('[]\n');
  });
});

describe('kubectl exec -i <nginx> -- bash', () => {
  it('reads its script from stdin: errors carry `bash: line N: ` without `-c`', () => {
    const d = cluster();
    d.sh(`echo 'echo hi; foo' | kubectl exec -i web -- bash`);
    expect(d.stdout()).toBe('hi\n');
    expect(d.stderr()).toBe('bash: line 1: foo: command not found\ncommand terminated with exit code 127\n');
    d.sh(`echo 'echo )' | kubectl exec -i web -- bash`);
    expect(d.stderr()).toBe(
      "bash: line 1: syntax error near unexpected token `)'\nbash: line 1: `echo )'\ncommand terminated with exit code 2\n",
    );
  });
});

describe("the interactive bash's `> ` prompt (PS2)", () => {
  it('reads on until the command is whole; the history entry joins its lines as bash does', () => {
    const d = cluster();
    const lines = [
      'kubectl exec -it web -- bash',
      'for i in 1 2; do',
      'echo $i',
      'done',
      'echo "a',
      'b"',
      'echo a |',
      'cat',
      'if true',
      'then echo y',
      'fi',
      'cat <<EOF',
      'hi',
      'EOF',
      'echo x &&',
      '',
      'echo z',
      'exit',
    ];
    expect(transcript(d, lines)).toBe(
      '~/ch03$ kubectl exec -it web -- bash\n' +
        'root@web:/# for i in 1 2; do\n> echo $i\n> done\n1\n2\n' +
        'root@web:/# echo "a\n> b"\na\nb\n' +
        'root@web:/# echo a |\n> cat\na\n' +
        'root@web:/# if true\n> then echo y\n> fi\ny\n' +
        'root@web:/# cat <<EOF\n> hi\n> EOF\nhi\n' +
        'root@web:/# echo x &&\n> \n> echo z\nx\nz\n' +
        'root@web:/# exit\nexit\n' +
        '~/ch03$ ',
    );
    // The file Debian's bash 5.2.15 wrote for the same lines typed on a pty.
    d.kubectl('exec web -- cat /root/.bash_history');
    expect(d.text()).toBe(
      'for i in 1 2; do echo $i; done\necho "a\nb"\necho a | cat\nif true; then echo y; fi\n' +
        'cat <<EOF\nhi\nEOF\n\necho x && echo z\nexit\n',
    );
  });

  it('Ctrl-C at `> ` drops the unfinished command; $? is 130', () => {
    const d = cluster();
    d.sh('kubectl exec -it web -- bash');
    d.sh('echo "open');
    expect(d.session.prompt()).toBe('> ');
    d.session.interrupt();
    expect(d.session.prompt()).toBe('root@web:/# ');
    d.sh('echo next $?');
    expect(d.text()).toBe('next 130\n');
  });
});

describe('the history builtin (builtins/history.def)', () => {
  it('numbers the entries, takes a count, clears with -c (checked on a pty)', () => {
    const d = cluster();
    const lines = [
      'kubectl exec -it web -- bash',
      'echo a',
      'history',
      'history 2',
      'history x',
      'history -c; history',
    ];
    expect(transcript(d, lines)).toBe(
      '~/ch03$ kubectl exec -it web -- bash\n' +
        'root@web:/# echo a\na\n' +
        'root@web:/# history\n    1  echo a\n    2  history\n' +
        'root@web:/# history 2\n    2  history\n    3  history 2\n' +
        'root@web:/# history x\nbash: history: x: numeric argument required\n' +
        'root@web:/# history -c; history\n' +
        'root@web:/# ',
    );
    d.sh('exit');
    d.kubectl('exec web -- cat /root/.bash_history');
    expect(d.text()).toBe('exit\n');
    d.kubectl(`exec web -- bash -c 'history; echo $?'`);
    expect(d.text()).toBe('0\n');
  });
});
