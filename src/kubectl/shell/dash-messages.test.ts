// dash's error lines in Debian's nginx image start `$0: N: ` (error.c exvwarning2: arg0, then the
// script's line or, reading a terminal, the lines read so far); BusyBox ash's do not. Every text
// below was printed by bookworm's /bin/dash 0.5.12-2 (`sh -c`, `dash -c`, and on a pty).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

function cluster() {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx');
  d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
  return d;
}

/** Run terminal lines; each step is `prompt-before + line`, then its stdout+stderr. */
function transcript(d: ReturnType<typeof kdrive>, lines: string[]): string {
  let out = '';
  for (const line of lines) {
    const prompt = d.session.prompt();
    d.sh(line);
    out += `${prompt}${line}\n${d.text()}`;
  }
  return out;
}

function run(d: ReturnType<typeof kdrive>, line: string): [string, number] {
  d.sh(line);
  return [d.text(), d.exitCode()];
}

describe("dash's `$0: N:` prefix (nginx, Debian bookworm)", () => {
  it('command not found: `sh: 1: foo: not found`, $0 as invoked, the script line', () => {
    const d = cluster();
    const t = 'command terminated with exit code 127\n';
    expect(run(d, 'kubectl exec web -- sh -c foo')).toEqual([`sh: 1: foo: not found\n${t}`, 127]);
    expect(run(d, 'kubectl exec web -- /bin/sh -c foo')).toEqual([`/bin/sh: 1: foo: not found\n${t}`, 127]);
    expect(run(d, 'kubectl exec web -- /usr/bin/sh -c foo')).toEqual([
      `/usr/bin/sh: 1: foo: not found\n${t}`,
      127,
    ]);
    expect(run(d, 'kubectl exec web -- dash -c foo')).toEqual([`dash: 1: foo: not found\n${t}`, 127]);
    expect(run(d, "kubectl exec web -- sh -c 'echo a\nfoo'")).toEqual([
      `a\nsh: 2: foo: not found\n${t}`,
      127,
    ]);
    expect(run(d, 'kubectl exec web -- sh -c foo myname')).toEqual([`myname: 1: foo: not found\n${t}`, 127]);
  });

  it("cd: `dash: 1: cd: can't cd to /nope` (status 2)", () => {
    const d = cluster();
    expect(run(d, "kubectl exec web -- dash -c 'cd /nope'")).toEqual([
      "dash: 1: cd: can't cd to /nope\ncommand terminated with exit code 2\n",
      2,
    ]);
    expect(run(d, "kubectl exec web -- /bin/sh -c 'cd /nope'")).toEqual([
      "/bin/sh: 1: cd: can't cd to /nope\ncommand terminated with exit code 2\n",
      2,
    ]);
  });

  it('break N, < FILE and an unfinished here-document', () => {
    const d = cluster();
    expect(run(d, "kubectl exec web -- sh -c 'break x'")[0]).toBe(
      'sh: 1: break: Illegal number: x\ncommand terminated with exit code 2\n',
    );
    expect(run(d, "kubectl exec web -- sh -c 'echo a\ncat < /nope'")[0]).toBe(
      'a\nsh: 2: cannot open /nope: No such file\ncommand terminated with exit code 2\n',
    );
    expect(run(d, "kubectl exec web -- sh -c 'cat <<EOF\na'")).toEqual(['a\n', 0]);
  });

  it('exit with a bad number: ends a script with 2, an interactive dash goes on', () => {
    const d = cluster();
    expect(run(d, "kubectl exec web -- sh -c 'exit x; echo after'")).toEqual([
      'sh: 1: exit: Illegal number: x\ncommand terminated with exit code 2\n',
      2,
    ]);
    expect(transcript(d, ['kubectl exec -it web -- sh', 'exit 3x', 'echo $?', 'exit 0'])).toContain(
      '# exit 3x\nsh: 1: exit: Illegal number: 3x\n# echo $?\n2\n# exit 0\n',
    );
  });

  it('-c without its script: `sh: 0: -c requires an argument`', () => {
    const d = cluster();
    expect(run(d, 'kubectl exec web -- dash -c')[0]).toBe(
      'dash: 0: -c requires an argument\ncommand terminated with exit code 2\n',
    );
  });

  it('syntax errors: `Syntax error: … unexpected`, `Unterminated quoted string`', () => {
    const d = cluster();
    const t = 'command terminated with exit code 2\n';
    expect(run(d, "kubectl exec web -- sh -c 'if'")[0]).toBe(
      `sh: 1: Syntax error: end of file unexpected (expecting "then")\n${t}`,
    );
    expect(run(d, "kubectl exec web -- /bin/sh -c 'fi'")[0]).toBe(
      `/bin/sh: 1: Syntax error: "fi" unexpected\n${t}`,
    );
    expect(run(d, "kubectl exec web -- sh -c 'echo )'")[0]).toBe(`sh: 1: Syntax error: ")" unexpected\n${t}`);
    expect(run(d, `kubectl exec web -- sh -c 'echo "a'`)[0]).toBe(
      `sh: 1: Syntax error: Unterminated quoted string\n${t}`,
    );
    expect(run(d, "kubectl exec web -- sh -c 'for x in a; do echo'")[0]).toBe(
      `sh: 1: Syntax error: end of file unexpected (expecting "done")\n${t}`,
    );
    expect(run(d, "kubectl exec web -- sh -c 'echo a\necho b |'")[0]).toBe(
      `sh: 2: Syntax error: end of file unexpected\n${t}`,
    );
  });

  it('interactive: N counts the lines read (foo on the 1st and the 3rd line)', () => {
    const d = cluster();
    expect(transcript(d, ['kubectl exec -it web -- sh', 'foo', 'echo', 'foo', 'cd /nope', 'exit'])).toBe(
      [
        '~/ch03$ kubectl exec -it web -- sh',
        '# foo',
        'sh: 1: foo: not found',
        '# echo',
        '',
        '# foo',
        'sh: 3: foo: not found',
        '# cd /nope',
        "sh: 4: cd: can't cd to /nope",
        '# exit',
        // exit without N exits with $?: cd's 2.
        'command terminated with exit code 2',
        '',
      ].join('\n'),
    );
  });

  it('interactive /bin/sh and dash: $0 is the name run; an empty line is a line read', () => {
    const d = cluster();
    expect(transcript(d, ['kubectl exec -it web -- /bin/sh', 'foo', 'exit'])).toContain(
      '# foo\n/bin/sh: 1: foo: not found\n',
    );
    expect(transcript(d, ['kubectl exec -it web -- dash', '', 'foo', 'exit'])).toContain(
      '# foo\ndash: 2: foo: not found\n',
    );
  });

  it('dash, /bin/dash, /usr/bin/dash, /usr/bin/sh are the same shell (merged /usr)', () => {
    const d = cluster();
    for (const name of ['dash', '/bin/dash', '/usr/bin/dash', '/usr/bin/sh'])
      expect(run(d, `kubectl exec web -- ${name} -c 'echo hi'`)).toEqual(['hi\n', 0]);
  });
});

describe('BusyBox ash keeps its own words (kiamol/ch03-sleep)', () => {
  it('`sh: foo: not found`, no line; no dash in the image', () => {
    const d = cluster();
    expect(run(d, 'kubectl exec sl -- sh -c foo')).toEqual([
      'sh: foo: not found\ncommand terminated with exit code 127\n',
      127,
    ]);
    expect(transcript(d, ['kubectl exec -it sl -- sh', 'foo', 'exit'])).toContain(
      '/ # foo\nsh: foo: not found\n',
    );
    expect(run(d, "kubectl exec sl -- dash -c 'echo hi'")[0]).toMatch(/executable file not found in \$PATH/);
  });
});
