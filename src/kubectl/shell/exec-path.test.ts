// Running a file by its path in the Pod shells (./exec-path.ts). The bash and dash expectations
// are what bookworm's bash 5.2.15 and dash 0.5.12 printed for the same script on the host:
//   cd /tmp/sh11/run && env -i PATH=/usr/bin:/bin bash -c "$S" 2>&1   (and sh -c "$S")
// with S below; ash's follow BusyBox 1.34.1's ash.c (shellexec, tryexec, errmsg, ash_vmsg).
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';

const S =
  'mkdir -p w && cd w && echo "echo hi \\$0 \\$1 [\\$x] [\\$y]" > s && echo foo >> s && echo "echo \\$?" >> s && ' +
  'cat s > t && chmod +x t && echo "#!/bin/sh" > u && echo "echo sh \\$0" >> u && echo foo >> u && chmod +x u && ' +
  'echo "#!/bin/nope" > v && chmod +x v && mkdir d && echo "echo w" > w && chmod 100 w; export y=Y; x=X; ' +
  './s a; echo rc=$?; ./t a; echo rc=$?; ./u; echo rc=$?; ./v; echo rc=$?; ./d; echo rc=$?; ./nope; echo rc=$?; ' +
  './w; echo rc=$?; d/x; echo rc=$?; s/x; echo rc=$?';

function nginx(): KubectlDriver {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx:1.27.3').advance(60_000);
  return d;
}

/** stdout and stderr as one stream, as `2>&1` shows them. */
const both = (d: KubectlDriver) => d.text();

describe('./script in the Pod shells', () => {
  it('bash -c (nginx): Permission denied 126, a script without #! in a subshell, #!/bin/sh is dash', () => {
    const d = nginx();
    d.kubectl(`exec web -- bash -c 'cd /tmp && ${S}'`);
    expect(both(d)).toBe(
      'bash: line 1: ./s: Permission denied\nrc=126\n' +
        'hi ./t a [] [Y]\n./t: line 2: foo: command not found\n127\nrc=0\n' +
        'sh ./u\n./u: 3: foo: not found\nrc=127\n' +
        'bash: line 1: ./v: cannot execute: required file not found\nrc=127\n' +
        'bash: line 1: ./d: Is a directory\nrc=126\n' +
        'bash: line 1: ./nope: No such file or directory\nrc=127\n' +
        'w\nrc=0\n' +
        'bash: line 1: d/x: No such file or directory\nrc=127\n' +
        'bash: line 1: s/x: Not a directory\nrc=126\n',
    );
  });

  it('dash (nginx sh -c): its texts for the same script', () => {
    const d = nginx();
    d.kubectl(`exec web -- sh -c 'cd /tmp && ${S}'`);
    expect(both(d)).toBe(
      'sh: 1: ./s: Permission denied\nrc=126\n' +
        'hi ./t a [] [Y]\n./t: 2: foo: not found\n127\nrc=0\n' +
        'sh ./u\n./u: 3: foo: not found\nrc=127\n' +
        'sh: 1: ./v: not found\nrc=127\n' +
        'sh: 1: ./d: Permission denied\nrc=126\n' +
        'sh: 1: ./nope: not found\nrc=127\n' +
        'w\nrc=0\n' +
        'sh: 1: d/x: not found\nrc=127\n' +
        'sh: 1: s/x: not found\nrc=127\n',
    );
  });

  it('BusyBox ash (sleep): ENOEXEC re-runs `ash FILE` (errors FILE: line N:), ENOTDIR is not found', () => {
    const d = kdrive({ seed: 5 });
    d.kubectl('apply -f sleep/sleep1.yaml');
    d.kubectl('wait --for=condition=Ready pod -l app=sleep-1');
    d.kubectl(`exec deploy/sleep-1 -- sh -c 'cd /tmp && ${S}'`);
    expect(both(d)).toBe(
      'sh: ./s: Permission denied\nrc=126\n' +
        'hi ./t a [] [Y]\n./t: line 2: foo: not found\n127\nrc=0\n' +
        'sh ./u\n./u: line 3: foo: not found\nrc=127\n' +
        'sh: ./v: not found\nrc=127\n' +
        'sh: ./d: Permission denied\nrc=126\n' +
        'sh: ./nope: not found\nrc=127\n' +
        'w\nrc=0\n' +
        'sh: d/x: not found\nrc=127\n' +
        'sh: s/x: not found\nrc=127\n',
    );
  });

  it('the interactive bash: Permission denied until chmod +x, then the script runs; ls -l shows the mode', () => {
    const d = nginx();
    d.kubectl('exec -it web -- bash');
    let out = '';
    for (const line of [
      'cd /tmp',
      "echo 'echo hi $1' > x.sh",
      './x.sh',
      'echo $?',
      'chmod +x x.sh',
      './x.sh there',
      'ls -l x.sh',
      'exit',
    ]) {
      d.sh(line);
      out += d.text();
    }
    expect(out.replace(/ [A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d /, ' TIME ')).toBe(
      'bash: ./x.sh: Permission denied\n126\nhi there\n-rwxr-xr-x 1 root root 11 TIME x.sh\nexit\n',
    );
  });

  it('sh FILE and bash FILE: $0 is the file, $1 on its arguments; errors name the file', () => {
    const d = nginx();
    d.kubectl(
      `exec web -- bash -c 'cd /tmp; echo "echo \\$0 \\$1 \\$#" > s2; echo foo >> s2; sh s2 a b; echo rc=$?; bash s2 a; echo rc=$?'`,
    );
    // host: printf 'echo $0 $1 $#\nfoo\n' > s2; dash s2 a b; bash s2 a
    expect(both(d)).toBe(
      's2 a 2\ns2: 2: foo: not found\nrc=127\ns2 a 1\ns2: line 2: foo: command not found\nrc=127\n',
    );
  });

  it('sh FILE with no such file: dash and ash words, status 2', () => {
    const d = nginx();
    // host: dash nope.sh 2>&1 → 'dash: 0: cannot open nope.sh: No such file', 2 (as sh: 'sh: 0: …')
    d.kubectl(`exec web -- sh -c 'sh nope.sh; echo rc=$?; dash nope.sh'`);
    expect(d.text()).toBe(
      'sh: 0: cannot open nope.sh: No such file\nrc=2\ndash: 0: cannot open nope.sh: No such file\ncommand terminated with exit code 2\n',
    );
  });

  it('a script in a $PATH directory runs by its name; a non-executable one is denied per shell', () => {
    // host: PATH=/tmp/sh11/pbin:/usr/bin:/bin with pbin/myx (x, 'echo ran $0') and pbin/myn (644):
    // bash -c / dash -c 'myx a; echo rc=$?; myn; echo rc=$?; type myx' 2>&1 (the directory here is
    // /usr/local/bin, first on the image's PATH after /usr/local/sbin).
    const d = nginx();
    const setup =
      'mkdir -p /usr/local/bin && echo "echo ran \\$0" > /usr/local/bin/myx && chmod +x /usr/local/bin/myx && echo "echo ran" > /usr/local/bin/myn';
    d.kubectl(`exec web -- bash -c '${setup}; myx a; echo rc=$?; myn; echo rc=$?; type myx'`);
    expect(d.text()).toBe(
      'ran /usr/local/bin/myx\nrc=0\nbash: line 1: /usr/local/bin/myn: Permission denied\nrc=126\nmyx is hashed (/usr/local/bin/myx)\n',
    );
    d.kubectl(`exec web -- sh -c 'myx a; echo rc=$?; myn; echo rc=$?'`);
    expect(d.text()).toBe('ran /usr/local/bin/myx\nrc=0\nsh: 1: myn: Permission denied\nrc=127\n');
  });

  it('the interactive ash (sleep): the brief example, x.sh without and with chmod +x', () => {
    // ash.c shellexec: `sh: ./x.sh: Permission denied` (126, no line: interactive), then ENOEXEC → `ash ./x.sh`.
    const d = kdrive({ seed: 5 });
    d.kubectl('apply -f sleep/sleep1.yaml');
    d.kubectl('wait --for=condition=Ready pod -l app=sleep-1');
    d.kubectl('exec -it deploy/sleep-1 -- sh');
    let out = '';
    for (const line of [
      'cd /tmp',
      "echo 'echo hi' > x.sh",
      './x.sh',
      'echo $?',
      'chmod +x x.sh',
      './x.sh',
      'exit',
    ]) {
      d.sh(line);
      out += d.text();
    }
    expect(out).toBe('sh: ./x.sh: Permission denied\n126\nhi\n');
  });
});
