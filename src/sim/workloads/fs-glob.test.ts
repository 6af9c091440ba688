// Globs in a container's shell (fs-glob.ts after ash.c expmeta): sorted matches against the file
// tree, relative to the shell's working directory, dot files only for a dot pattern (with `.`
// and `..`), quoted wildcards literal, and a pattern that matches nothing left as typed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { componentRegExp } from './fs-glob';

function sleepPod() {
  const d = kdrive({ seed: 5 });
  d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
  return d;
}

/** Run lines in `kubectl exec sl -- sh -c`, returning stdout+stderr. */
function sh(d: ReturnType<typeof sleepPod>, script: string): string {
  d.kubectl(`exec sl -- sh -c '${script}'`);
  return d.text();
}

describe('glob expansion in the sleep image (BusyBox ash)', () => {
  it('*, ? and [...] match in byte order; no match stays as written (ls then complains about it)', () => {
    const d = sleepPod();
    sh(d, 'cd /tmp && touch b.txt a.txt B.txt c.log a1.txt .hidden.txt && mkdir dir.txt');
    expect(sh(d, 'echo /tmp/*.txt')).toBe('/tmp/B.txt /tmp/a.txt /tmp/a1.txt /tmp/b.txt /tmp/dir.txt\n');
    expect(sh(d, 'echo /tmp/?.txt')).toBe('/tmp/B.txt /tmp/a.txt /tmp/b.txt\n');
    expect(sh(d, 'echo /tmp/[ab]*.txt /tmp/[!ab]*')).toBe(
      '/tmp/a.txt /tmp/a1.txt /tmp/b.txt /tmp/B.txt /tmp/c.log /tmp/dir.txt\n',
    );
    expect(sh(d, 'echo /tmp/[a-b]?.txt')).toBe('/tmp/a1.txt\n');
    expect(sh(d, 'echo /tmp/*.nope; ls /tmp/*.nope')).toBe(
      '/tmp/*.nope\nls: /tmp/*.nope: No such file or directory\ncommand terminated with exit code 1\n',
    );
    expect(sh(d, 'echo /tmp/*/')).toBe('/tmp/dir.txt/\n');
    expect(sh(d, 'echo /e*/host*')).toBe('/etc/hostname /etc/hosts\n');
  });

  it('relative to the working directory, keeping ./ and ../ as typed', () => {
    const d = sleepPod();
    sh(d, 'mkdir /tmp/w && cd /tmp/w && touch x1 x2 && echo hi > x1');
    expect(sh(d, 'cd /tmp/w; echo x*; echo ./x?; echo ../w/x[2]; cat x*')).toBe(
      'x1 x2\n./x1 ./x2\n../w/x2\nhi\n',
    );
    expect(sh(d, 'cd /tmp/w; ls *')).toBe('x1\nx2\n');
  });

  it('dot files only for a pattern starting with a dot, then with . and ..', () => {
    const d = sleepPod();
    sh(d, 'mkdir /tmp/h && cd /tmp/h && touch .a b');
    expect(sh(d, 'cd /tmp/h; echo *; echo .*')).toBe('b\n. .. .a\n');
  });

  it('quoted or escaped wildcards are literal; a variable expands then globs', () => {
    const d = sleepPod();
    sh(d, 'cd /tmp && touch a.txt');
    expect(sh(d, 'cd /tmp; echo "*.txt" \\*.txt *".txt"')).toBe('*.txt *.txt a.txt\n');
    expect(sh(d, 'cd /tmp; p="a*"; echo $p "$p"')).toBe('a.txt a*\n');
  });

  it('redirections and mkdir/rm/touch resolve against the directory after cd', () => {
    const d = sleepPod();
    expect(
      sh(
        d,
        'mkdir /tmp/r && cd /tmp/r && echo one > f && echo two >> f && mkdir s && touch s/t && rm f && ls -a /tmp/r /tmp/r/s',
      ),
    ).toBe('/tmp/r:\n.\n..\ns\n\n/tmp/r/s:\n.\n..\nt\n');
  });
});

describe('wget and curl output files after cd', () => {
  it("saves relative to the shell directory, with -O and with the URL's name", () => {
    const d = sleepPod();
    d.kubectl('run web --image=nginx --labels=app=web');
    d.kubectl('expose pod web --port=80').advance(60_000);
    expect(sh(d, 'mkdir /tmp/g && cd /tmp/g && wget -q -O page http://web/ && ls && head -n 1 page')).toBe(
      'page\n<!DOCTYPE html>\n',
    );
    expect(sh(d, 'cd /tmp/g && wget -q http://web/ && ls /tmp/g')).toBe('index.html\npage\n');
    expect(
      sh(d, 'cd /tmp/g && curl -s -o c.html http://web/ && curl -s -O http://web/50x.html && ls /tmp/g'),
    ).toBe('50x.html\nc.html\nindex.html\npage\n');
  });
});

describe('glob property: a directory of random names', () => {
  it('* lists the names not starting with a dot, in byte order; [a-c]* and ?? filter them as fnmatch does', () => {
    const d = sleepPod();
    // No leading '-': touch would take the name for an option.
    const name = fc
      .stringMatching(/^[a-zA-Z0-9._][a-zA-Z0-9._-]{0,5}$/)
      .filter((n) => n !== '.' && n !== '..');
    let round = 0;
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 8 }), (names) => {
        const dir = `/tmp/p${round++}`;
        sh(d, `mkdir ${dir} && cd ${dir} && touch ${names.map((n) => `"${n}"`).join(' ')}`);
        const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const want = (keep: (n: string) => boolean, pattern: string) => {
          const hit = sorted.filter((n) => !n.startsWith('.') && keep(n)).map((n) => `${dir}/${n}`);
          return `${hit.length > 0 ? hit.join(' ') : `${dir}/${pattern}`}\n`;
        };
        expect(sh(d, `echo ${dir}/*`)).toBe(want(() => true, '*'));
        expect(sh(d, `echo ${dir}/[a-c]*`)).toBe(want((n) => /^[a-c]/.test(n), '[a-c]*'));
        expect(sh(d, `echo ${dir}/??`)).toBe(want((n) => n.length === 2, '??'));
        expect(sh(d, `cd ${dir} && echo .*`)).toBe(
          `${['.', '..', ...sorted.filter((n) => n.startsWith('.'))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(' ')}\n`,
        );
      }),
      { seed: 42, numRuns: 15 },
    );
  });
});

describe('componentRegExp (fnmatch without flags)', () => {
  it('is undefined without a live wildcard; an unclosed [ is literal', () => {
    expect(componentRegExp('abc')).toBeUndefined();
    expect(componentRegExp('a\\*')).toBeUndefined();
    expect(componentRegExp('[abc')).toBeUndefined();
    expect(componentRegExp('[]a]')?.test(']')).toBe(true);
    expect(componentRegExp('[^a]')?.test('b')).toBe(true);
    expect(componentRegExp('[!a]')?.test('a')).toBe(false);
    expect(componentRegExp('*.(x)+')?.test('y.(x)+')).toBe(true);
  });

  it('a literal name (regex characters escaped) matches only itself with * around it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (name) => {
        const lit = name.replace(/[*?[\\/]/g, '');
        const re = componentRegExp(`*${lit.replace(/[\]!^-]/g, '\\$&')}*`);
        expect(re?.test(`a${lit}b`)).toBe(true);
        expect(re?.test(lit)).toBe(true);
      }),
      { seed: 9, numRuns: 200 },
    );
  });
});
