// bash's type, alias/unalias, source/. and shopt in the Debian nginx image (bash-builtins-more.ts,
// pod-bash-source.ts): golden transcripts with the texts Debian bookworm's bash 5.2.15 prints,
// each checked line for line against that bash on a pty (root's dot.bashrc, PATH as nginx's).
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';

function cluster(): KubectlDriver {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx:1.27.3').advance(60_000);
  return d;
}

/** The lines typed into `kubectl exec -it web -- bash`, each after its prompt, with their output. */
function inBash(d: KubectlDriver, lines: string[]): string {
  d.sh('kubectl exec -it web -- bash');
  d.text();
  let out = '';
  for (const line of lines) {
    out += `${d.session.prompt()}${line}\n`;
    d.sh(line);
    out += d.text();
  }
  return out + d.session.prompt();
}

describe('type', () => {
  it('names builtins, keywords and programs (hashed once run), `not found` otherwise', () => {
    expect(
      inBash(cluster(), [
        'type ls',
        'type cd',
        'type foo',
        'ls >/dev/null',
        'type ls',
        'type -t ls',
        'type if',
        'type -a echo',
        'type -p ls; echo $?',
        'type -P cd; echo $?',
        'type /usr/bin/ls /bin/ls ./nope',
        'type ls cd foo; echo $?',
      ]),
    ).toBe(
      'root@web:/# type ls\nls is /usr/bin/ls\n' +
        'root@web:/# type cd\ncd is a shell builtin\n' +
        'root@web:/# type foo\nbash: type: foo: not found\n' +
        'root@web:/# ls >/dev/null\n' +
        'root@web:/# type ls\nls is hashed (/usr/bin/ls)\n' +
        'root@web:/# type -t ls\nfile\n' +
        'root@web:/# type if\nif is a shell keyword\n' +
        'root@web:/# type -a echo\necho is a shell builtin\necho is /usr/bin/echo\necho is /bin/echo\n' +
        'root@web:/# type -p ls; echo $?\n/usr/bin/ls\n0\n' +
        'root@web:/# type -P cd; echo $?\n1\n' +
        'root@web:/# type /usr/bin/ls /bin/ls ./nope\n/usr/bin/ls is /usr/bin/ls\n/bin/ls is /bin/ls\nbash: type: ./nope: not found\n' +
        'root@web:/# type ls cd foo; echo $?\nls is hashed (/usr/bin/ls)\ncd is a shell builtin\nbash: type: foo: not found\n1\n' +
        'root@web:/# ',
    );
  });

  it('a program run only in a pipeline or $( ) is not hashed (their subshells do the lookup)', () => {
    expect(inBash(cluster(), ['ls | cat >/dev/null; x=$(wc </dev/null); type ls cat wc'])).toBe(
      'root@web:/# ls | cat >/dev/null; x=$(wc </dev/null); type ls cat wc\n' +
        'ls is /usr/bin/ls\ncat is /usr/bin/cat\nwc is /usr/bin/wc\n' +
        'root@web:/# ',
    );
  });

  it('bash -c: errors carry `bash: line N: `; an invalid option prints the usage', () => {
    const d = cluster();
    d.kubectl(`exec web -- bash -c 'ls >/dev/null; type ls; type -x; type foo'`);
    expect(d.stdout()).toBe('ls is hashed (/usr/bin/ls)\n');
    expect(d.stderr()).toBe(
      'bash: line 1: type: -x: invalid option\ntype: usage: type [-afptP] name [name ...]\n' +
        'bash: line 1: type: foo: not found\ncommand terminated with exit code 1\n',
    );
  });
});

describe('alias and unalias', () => {
  it('root has no aliases; one defined works from the next line, in the first word only', () => {
    const d = cluster();
    d.kubectl('exec web -- ls -l /usr/share/nginx/html');
    const listing = d.stdout();
    expect(listing).toMatch(/^total /);
    const t = inBash(d, [
      'alias',
      "alias ll='ls -l'",
      'll /usr/share/nginx/html',
      'type ll',
      'alias',
      "alias ll e='echo '",
      'e e ll',
      'echo ll',
      "alias x='echo X'; x",
      'x',
      'unalias ll; echo $?',
      'unalias ll; echo $?',
      'unalias',
    ]);
    expect(t).toBe(
      'root@web:/# alias\n' +
        "root@web:/# alias ll='ls -l'\n" +
        `root@web:/# ll /usr/share/nginx/html\n${listing}` +
        "root@web:/# type ll\nll is aliased to `ls -l'\n" +
        "root@web:/# alias\nalias ll='ls -l'\n" +
        "root@web:/# alias ll e='echo '\nalias ll='ls -l'\n" +
        'root@web:/# e e ll\necho ls -l\n' +
        'root@web:/# echo ll\nll\n' +
        "root@web:/# alias x='echo X'; x\nbash: x: command not found\n" +
        'root@web:/# x\nX\n' +
        'root@web:/# unalias ll; echo $?\n0\n' +
        'root@web:/# unalias ll; echo $?\nbash: unalias: ll: not found\n1\n' +
        'root@web:/# unalias\nunalias: usage: unalias [-a] name [name ...]\n' +
        'root@web:/# ',
    );
  });

  it('sorted listing, quoting, invalid names; after an assignment and a reserved word it still expands', () => {
    expect(
      inBash(cluster(), [
        `alias a/b=c Z=1 a=2 _b="it's"`,
        'alias -p',
        "alias e='echo '",
        'X=1 e hi',
        'if true; then e in; fi',
        'unalias -a; alias',
      ]),
    ).toBe(
      `root@web:/# alias a/b=c Z=1 a=2 _b="it's"\nbash: alias: \`a/b': invalid alias name\n` +
        "root@web:/# alias -p\nalias Z='1'\nalias _b='it'\\''s'\nalias a='2'\n" +
        "root@web:/# alias e='echo '\n" +
        'root@web:/# X=1 e hi\nhi\n' +
        'root@web:/# if true; then e in; fi\nin\n' +
        'root@web:/# unalias -a; alias\n' +
        'root@web:/# ',
    );
  });

  it('bash -c does not expand aliases (expand_aliases is off when not interactive)', () => {
    const d = cluster();
    d.kubectl(`exec web -- bash -c "alias ll='ls -l'
ll"`);
    expect(d.stderr()).toBe('bash: line 2: ll: command not found\ncommand terminated with exit code 127\n');
  });
});

describe('source and .', () => {
  it('runs a file in this shell (variables, cd stay), a command at a time; its errors', () => {
    expect(
      inBash(cluster(), [
        'source nofile; echo $?',
        '. nofile',
        'source; echo $?',
        '.',
        '. /tmp; echo $?',
        'cd /tmp',
        "echo 'echo in; X=5' > s.sh",
        "echo 'cd /etc' >> s.sh",
        'echo foo >> s.sh',
        'source s.sh; echo $X $?',
        'cd /tmp',
        "echo 'echo a' > syn.sh",
        "echo ')' >> syn.sh",
        '. ./syn.sh; echo $?',
        'false',
        ': > empty',
        '. ./empty; echo $?',
      ]),
    ).toBe(
      'root@web:/# source nofile; echo $?\nbash: nofile: No such file or directory\n1\n' +
        'root@web:/# . nofile\nbash: nofile: No such file or directory\n' +
        'root@web:/# source; echo $?\nbash: source: filename argument required\nsource: usage: source filename [arguments]\n2\n' +
        'root@web:/# .\nbash: .: filename argument required\n.: usage: . filename [arguments]\n' +
        'root@web:/# . /tmp; echo $?\nbash: .: /tmp: is a directory\n1\n' +
        'root@web:/# cd /tmp\n' +
        "root@web:/tmp# echo 'echo in; X=5' > s.sh\n" +
        "root@web:/tmp# echo 'cd /etc' >> s.sh\n" +
        'root@web:/tmp# echo foo >> s.sh\n' +
        'root@web:/tmp# source s.sh; echo $X $?\nin\nbash: foo: command not found\n5 127\n' +
        'root@web:/etc# cd /tmp\n' +
        "root@web:/tmp# echo 'echo a' > syn.sh\n" +
        "root@web:/tmp# echo ')' >> syn.sh\n" +
        "root@web:/tmp# . ./syn.sh; echo $?\na\nbash: ./syn.sh: line 2: syntax error near unexpected token `)'\nbash: ./syn.sh: line 2: `)'\n2\n" +
        'root@web:/tmp# false\n' +
        'root@web:/tmp# : > empty\n' +
        'root@web:/tmp# . ./empty; echo $?\n0\n' +
        'root@web:/tmp# ',
    );
  });

  it('bash -c: the sourced file names its own errors (`FILE: line N: `)', () => {
    const d = cluster();
    d.kubectl(
      `exec web -- bash -c "echo 'echo a' > /tmp/e.sh; echo foo >> /tmp/e.sh; cd /tmp; source e.sh; echo \\$0; foo"`,
    );
    expect(d.stdout()).toBe('a\nbash\n');
    expect(d.stderr()).toBe(
      'e.sh: line 2: foo: command not found\nbash: line 1: foo: command not found\ncommand terminated with exit code 127\n',
    );
  });

  it('a file of the image whose text is not modelled says so', () => {
    expect(inBash(cluster(), ['. /etc/skel/.bashrc'])).toBe(
      'root@web:/# . /etc/skel/.bashrc\nbash: /etc/skel/.bashrc: the text of this image file is not modelled in this playground\n' +
        'root@web:/# ',
    );
  });
});

describe('shopt', () => {
  it('lists the interactive shell options as bash 5.2.15 starts with them', () => {
    const d = cluster();
    const t = inBash(d, ['shopt']);
    const lines = t.split('\n').slice(1, -1);
    expect(lines).toHaveLength(57);
    expect(lines.slice(0, 3)).toEqual([
      'autocd         \toff',
      'assoc_expand_once\toff',
      'cdable_vars    \toff',
    ]);
    expect(lines.filter((l) => l.endsWith('\ton')).map((l) => l.split(/\s/)[0])).toEqual([
      'checkwinsize',
      'cmdhist',
      'complete_fullquote',
      'expand_aliases',
      'extquote',
      'force_fignore',
      'globasciiranges',
      'globskipdots',
      'hostcomplete',
      'interactive_comments',
      'patsub_replacement',
      'progcomp',
      'promptvars',
      'sourcepath',
    ]);
  });

  it('reads, sets and reports options; unknown names and options are errors', () => {
    expect(
      inBash(cluster(), [
        'shopt checkwinsize histappend; echo $?',
        'shopt -p checkwinsize expand_aliases login_shell',
        'shopt foo; echo $?',
        'shopt -s foo; echo $?',
        'shopt -q cmdhist; echo $?',
        'shopt -s histappend; shopt -p histappend',
        'shopt -z',
      ]),
    ).toBe(
      'root@web:/# shopt checkwinsize histappend; echo $?\ncheckwinsize   \ton\nhistappend     \toff\n1\n' +
        'root@web:/# shopt -p checkwinsize expand_aliases login_shell\nshopt -s checkwinsize\nshopt -s expand_aliases\nshopt -u login_shell\n' +
        'root@web:/# shopt foo; echo $?\nbash: shopt: foo: invalid shell option name\n1\n' +
        'root@web:/# shopt -s foo; echo $?\nbash: shopt: foo: invalid shell option name\n1\n' +
        'root@web:/# shopt -q cmdhist; echo $?\n0\n' +
        'root@web:/# shopt -s histappend; shopt -p histappend\nshopt -s histappend\n' +
        'root@web:/# shopt -z\nbash: shopt: -z: invalid option\nshopt: usage: shopt [-pqsu] [-o] [optname ...]\n' +
        'root@web:/# ',
    );
  });
});

describe('running a script by its path', () => {
  it('a file the shell wrote is mode 644: Permission denied (126); `bash FILE` runs it', () => {
    expect(inBash(cluster(), ['cd /tmp', "echo 'echo hi' > x.sh", './x.sh; echo $?', 'bash x.sh'])).toBe(
      'root@web:/# cd /tmp\n' +
        "root@web:/tmp# echo 'echo hi' > x.sh\n" +
        'root@web:/tmp# ./x.sh; echo $?\nbash: ./x.sh: Permission denied\n126\n' +
        'root@web:/tmp# bash x.sh\nhi\n' +
        'root@web:/tmp# ',
    );
  });
});

describe('printf (a bash builtin; Debian has no other printf in the model)', () => {
  it('formats as bash does; its errors and usage in bash words', () => {
    expect(
      inBash(cluster(), [
        "printf '%d|%s|%5.2f|%x\\n' 42 hi 3.14159 255 7 x",
        "printf '%d\\n' x; echo $?",
        'printf; echo $?',
        "printf '%z\\n'; echo $?",
        "printf '%b\\n' 'a\\nb'; printf -- '-%s\\n' x",
        "printf '%i %o %X %e %g %G %E\\n' 1 8 255 1.5 0.0001 1e10 2",
        'printf hi > /tmp/f; cat /tmp/f',
      ]),
    ).toBe(
      "root@web:/# printf '%d|%s|%5.2f|%x\\n' 42 hi 3.14159 255 7 x\n42|hi| 3.14|ff\n7|x| 0.00|0\n" +
        "root@web:/# printf '%d\\n' x; echo $?\nbash: printf: x: invalid number\n0\n1\n" +
        'root@web:/# printf; echo $?\nprintf: usage: printf [-v var] format [arguments]\n2\n' +
        "root@web:/# printf '%z\\n'; echo $?\nbash: printf: `\\': invalid format character\n1\n" +
        "root@web:/# printf '%b\\n' 'a\\nb'; printf -- '-%s\\n' x\na\nb\n-x\n" +
        "root@web:/# printf '%i %o %X %e %g %G %E\\n' 1 8 255 1.5 0.0001 1e10 2\n1 10 FF 1.500000e+00 0.0001 1E+10 2.000000E+00\n" +
        'root@web:/# printf hi > /tmp/f; cat /tmp/f\nhiroot@web:/# ',
    );
  });
});
