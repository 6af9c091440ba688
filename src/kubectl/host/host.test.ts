import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../sim/contract';
import { joinOutput, runLine } from '../shell/index';
import type { CommandTable } from '../shell/types';
import { Vfs } from '../vfs';
import type { HostEnv } from './env';
import { columns, fileCommands } from './files';
import { jobLine, miscCommands } from './misc';
import { posixToJs } from './regex';
import { textCommands } from './text';

const NSLOOKUP = `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

** server can't find numbers-api.svc.cluster.local: NXDOMAIN

Name:\tnumbers-api.default.svc.cluster.local
Address: 10.110.206.4

** server can't find numbers-api.cluster.local: NXDOMAIN

`;

function setup() {
  let now = Date.UTC(2026, 0, 8, 9, 30);
  const cluster = { now: () => now } as unknown as Cluster;
  const fs = new Vfs(() => now);
  fs.mkdirp('/home/student/ch03/sleep');
  fs.write('/home/student/ch03/sleep/sleep1.yaml', 'kind: Deployment\nname: sleep-1\n');
  fs.write('/home/student/ch03/notes.txt', 'b\na\nc\na\n');
  fs.write('/home/student/ch03/ns.txt', NSLOOKUP);
  fs.write('/home/student/ch03/nonl', 'x\ny');
  let cwd = '/home/student/ch03';
  let cleared = false;
  const env: HostEnv = {
    fs,
    cwd: () => cwd,
    setCwd: (p) => {
      cwd = p;
    },
    history: () => ['ls', 'pwd'],
    jobs: () => [],
    killJob: () => false,
    clear: () => {
      cleared = true;
    },
    forwards: { get: () => undefined, add: () => {}, remove: () => {}, list: () => [] },
    commandNames: () => [],
  };
  const table: CommandTable = { ...fileCommands(env), ...textCommands(env), ...miscCommands(env) };
  const base = {
    cluster,
    env: { HOME: '/home/student' },
    sleep: (ms: number) => {
      now += ms;
    },
  };
  return {
    run: (line: string) => runLine(line, table, base),
    text: (line: string) => joinOutput(runLine(line, table, base)),
    now: () => now,
    cwd: () => cwd,
    cleared: () => cleared,
  };
}

describe('grep', () => {
  it("keeps the book's nslookup lines with ^[^*] (drops ** lines and blank lines)", () => {
    const h = setup();
    const r = h.run('cat ns.txt | grep "^[^*]"');
    expect(joinOutput(r)).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\nName:\tnumbers-api.default.svc.cluster.local\nAddress: 10.110.206.4\n',
    );
    expect(r.exitCode).toBe(0);
  });
  it.each([
    ['grep a notes.txt', 'a\na\n', 0],
    ['grep -c a notes.txt', '2\n', 0],
    ['grep -v a notes.txt', 'b\nc\n', 0],
    ['grep -n c notes.txt', '3:c\n', 0],
    ['grep -i A notes.txt', 'a\na\n', 0],
    ['grep -E "b|c" notes.txt', 'b\nc\n', 0],
    ['grep "b|c" notes.txt', '', 1],
    ['grep "b\\|c" notes.txt', 'b\nc\n', 0],
    ['grep z notes.txt', '', 1],
    ['grep a missing.txt', 'grep: missing.txt: No such file or directory\n', 2],
    ['grep -q a notes.txt', '', 0],
    [
      'grep -Z a notes.txt',
      "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      2,
    ],
    ['grep "[" notes.txt', 'grep: Unmatched [, [^, [:, [., or [=\n', 2],
  ])('%s', (line, out, code) => {
    const r = setup().run(line);
    expect(joinOutput(r)).toBe(out);
    expect(r.exitCode).toBe(code);
  });
  it('translates BRE and ERE', () => {
    expect(posixToJs('^[^*]', false)).toEqual({ source: '^[^*]' });
    expect(posixToJs('a+(b)', false)).toEqual({ source: 'a\\+\\(b\\)' });
    expect(posixToJs('a+(b)', true)).toEqual({ source: 'a+(b)' });
    expect(posixToJs('*x', false)).toEqual({ source: '\\*x' });
    expect(posixToJs('[[:digit:]]+', true)).toEqual({ source: '[0-9]+' });
  });
});

describe('head, tail, wc, sort, echo', () => {
  it.each([
    ['head -n 2 notes.txt', 'b\na\n'],
    ['head -1 notes.txt', 'b\n'],
    ['tail -n 2 notes.txt', 'c\na\n'],
    ['tail -n +3 notes.txt', 'c\na\n'],
    ['tail -n 1 nonl', 'y'],
    ['head -n 5 nonl', 'x\ny'],
    [
      'cat ns.txt | tail -n 5',
      "Name:\tnumbers-api.default.svc.cluster.local\nAddress: 10.110.206.4\n\n** server can't find numbers-api.cluster.local: NXDOMAIN\n\n",
    ],
    ['wc -l notes.txt', '4 notes.txt\n'],
    ['cat notes.txt | wc -l', '4\n'],
    ['cat notes.txt | wc', '      4       4       8\n'],
    ['wc notes.txt nonl', ' 4  4  8 notes.txt\n 1  2  3 nonl\n 5  6 11 total\n'],
    ['sort notes.txt', 'a\na\nb\nc\n'],
    ['sort -r -u notes.txt', 'c\nb\na\n'],
    ['echo -n hi', 'hi'],
    ['echo -e "a\\tb"', 'a\tb\n'],
    ['head -n x notes.txt', "head: invalid number of lines: 'x'\n"],
  ])('%s', (line, out) => {
    expect(setup().text(line)).toBe(out);
  });
});

describe('files', () => {
  it('ls, ls -a, ls -l and errors', () => {
    const h = setup();
    expect(h.text('ls')).toBe('nonl\nnotes.txt\nns.txt\nsleep\n');
    expect(h.text('ls -a sleep')).toBe('.\n..\nsleep1.yaml\n');
    expect(h.text('ls -l sleep')).toBe('total 4\n-rw-r--r-- 1 student student 31 Jan  8 09:30 sleep1.yaml\n');
    const r = h.run('ls nope');
    expect(joinOutput(r)).toBe("ls: cannot access 'nope': No such file or directory\n");
    expect(r.exitCode).toBe(2);
  });
  it('ls -R lists every directory under its name, depth first; ls -F marks directories', () => {
    const h = setup();
    // GNU ls -R heads the first directory too (`.:`), and names a subdirectory `./sleep`.
    expect(h.text('ls -R')).toBe('.:\nnonl\nnotes.txt\nns.txt\nsleep\n\n./sleep:\nsleep1.yaml\n');
    expect(h.text('mkdir sleep/old && ls -R sleep')).toBe('sleep:\nold\nsleep1.yaml\n\nsleep/old:\n');
    expect(h.text('ls -R sleep/')).toBe('sleep/:\nold\nsleep1.yaml\n\nsleep/old:\n');
    expect(h.text('ls -F')).toBe('nonl\nnotes.txt\nns.txt\nsleep/\n');
    expect(h.text('ls -RF sleep')).toBe('sleep:\nold/\nsleep1.yaml\n\nsleep/old:\n');
  });
  it('lays out columns like GNU ls on a terminal', () => {
    expect(columns(['lab', 'numbers', 'numbers-services', 'sleep'])).toBe(
      'lab  numbers  numbers-services  sleep\n',
    );
    const many = Array.from({ length: 30 }, (_, i) => `file-number-${String(i).padStart(2, '0')}.yaml`);
    const out = columns(many);
    expect(out.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(out.split('\n')[0]).toBe('file-number-00.yaml  file-number-10.yaml  file-number-20.yaml');
    expect(out.split('\n').length).toBe(11);
  });
  it('cd and pwd, with bash errors', () => {
    const h = setup();
    expect(h.text('cd sleep && pwd')).toBe('/home/student/ch03/sleep\n');
    expect(h.text('cd ..; cd ~; pwd')).toBe('/home/student\n');
    expect(h.text('cd nope')).toBe('bash: cd: nope: No such file or directory\n');
    expect(h.text('cd /home/student/ch03/notes.txt')).toBe(
      'bash: cd: /home/student/ch03/notes.txt: Not a directory\n',
    );
  });
  it('cat, mkdir, touch, rm', () => {
    const h = setup();
    expect(h.text('cat sleep')).toBe('cat: sleep: Is a directory\n');
    expect(h.text('cat nope')).toBe('cat: nope: No such file or directory\n');
    expect(h.text('mkdir lab && touch lab/x && ls lab')).toBe('x\n');
    expect(h.text('mkdir lab')).toBe("mkdir: cannot create directory 'lab': File exists\n");
    expect(h.text('rm lab')).toBe("rm: cannot remove 'lab': Is a directory\n");
    expect(h.text('rm -r lab; ls lab')).toBe("ls: cannot access 'lab': No such file or directory\n");
  });
});

describe('misc', () => {
  it('sleep advances the simulated clock; bad input gets coreutils text', () => {
    const h = setup();
    const t0 = h.now();
    expect(h.run('sleep 2.5').exitCode).toBe(0);
    expect(h.now() - t0).toBe(2500);
    expect(h.text('sleep 1m')).toBe('');
    expect(h.now() - t0).toBe(62_500);
    expect(h.text('sleep x')).toBe(
      "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
    );
    expect(h.text('sleep')).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
  });
  it('history and clear', () => {
    const h = setup();
    expect(h.text('history')).toBe('    1  ls\n    2  pwd\n');
    h.run('clear');
    expect(h.cleared()).toBe(true);
  });
  it('job lines use bash layout', () => {
    const j = {
      id: 1,
      pid: 4211,
      command: 'kubectl port-forward deploy/numbers-web 8080:80',
      state: 'Running' as const,
      exitCode: 0,
    };
    expect(jobLine(j, '+')).toBe(
      '[1]+  Running                 kubectl port-forward deploy/numbers-web 8080:80 &',
    );
    expect(jobLine({ ...j, state: 'Exit', exitCode: 1 }, '-')).toBe(
      '[1]-  Exit 1                  kubectl port-forward deploy/numbers-web 8080:80',
    );
  });
  it('kill with no such job', () => {
    const r = setup().run('kill %3');
    expect(joinOutput(r)).toBe('bash: kill: %3: no such job\n');
    expect(r.exitCode).toBe(1);
  });
});
