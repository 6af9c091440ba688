import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../sim/contract';
import { type CommandTable, joinOutput, parse, runLine, runScript } from './index';

let now = 0;
const cluster = { now: () => now } as unknown as Cluster;
const base = {
  cluster,
  env: { HOME: '/home/student', NAME: 'world', SPACED: ' a  b ' },
  sleep: (ms: number) => {
    now += ms;
  },
};

const table: CommandTable = {
  echo: (argv, ctx) => {
    ctx.out(`${argv.slice(1).join(' ')}\n`);
    return 0;
  },
  args: (argv, ctx) => {
    ctx.out(`${JSON.stringify(argv.slice(1))}\n`);
    return 0;
  },
  cat: (_argv, ctx) => {
    ctx.out(ctx.stdin);
    return 0;
  },
  upper: (_argv, ctx) => {
    ctx.out(ctx.stdin.toUpperCase());
    return 0;
  },
  fail: (argv, ctx) => {
    ctx.err('failing\n');
    return Number(argv[1] ?? 1);
  },
  printn: (_argv, ctx) => {
    ctx.out('10.1.0.24');
    return 0;
  },
  env: (argv, ctx) => {
    ctx.out(`${ctx.env[argv[1] as string] ?? ''}\n`);
    return 0;
  },
};

const run = (line: string) => runLine(line, table, base);
const text = (line: string) => joinOutput(run(line));

describe('shell word parsing (bash quoting)', () => {
  it.each([
    [`args a 'b c' "d e" f\\ g`, '["a","b c","d e","f g"]'],
    [`args 'it''s' "say \\"hi\\"" '\\n'`, '["its","say \\"hi\\"","\\\\n"]'],
    [`args "" ''`, '["",""]'],
    [`args $NAME "$NAME" '$NAME'`, '["world","world","$NAME"]'],
    [`args $SPACED "$SPACED"`, '["a","b"," a  b "]'],
    [`args x$NAME.y \${NAME}s`, '["xworld.y","worlds"]'],
    [`args $UNSET z`, '["z"]'],
    [`args "$UNSET"`, '[""]'],
    [`args a#b # a comment`, '["a#b"]'],
    [`args -o jsonpath='{.items[0].status.podIP}'`, '["-o","jsonpath={.items[0].status.podIP}"]'],
    [`args "^[^*]"`, '["^[^*]"]'],
    [`args $ a$`, '["$","a$"]'],
  ])('%s', (line, expected) => {
    expect(text(line)).toBe(`${expected}\n`);
  });
});

describe('command substitution', () => {
  it('expands $( … ) and strips trailing newlines', () => {
    expect(text('args ping -c 2 $(printn)')).toBe('["ping","-c","2","10.1.0.24"]\n');
    expect(text('args "$(echo a; echo b)"')).toBe('["a\\nb"]\n');
    expect(text('args $(echo a; echo b)')).toBe('["a","b"]\n');
  });
  it('nests, including quotes inside the substitution', () => {
    expect(text(`args $(echo $(echo 'x y') "$(echo z)")`)).toBe('["x","y","z"]\n');
    expect(text('args `echo back`tick')).toBe('["backtick"]\n');
  });
  it('an empty substitution produces no field (ping then sees no host)', () => {
    expect(text('args -c 2 $(cat)')).toBe('["-c","2"]\n');
  });
  it('passes stderr of the inner command through and sets $?', () => {
    const r = run('args $(fail 3); echo $?');
    expect(joinOutput(r)).toBe('failing\n[]\n0\n');
    expect(text('X=$(fail 4); echo $?')).toBe('failing\n4\n');
  });
  it('refuses nesting deeper than 32 with a clear message', () => {
    const deep = `${'$('.repeat(40)}echo${')'.repeat(40)}`;
    const r = run(`echo ${deep}`);
    expect(r.exitCode).toBe(2);
    expect(joinOutput(r)).toBe('bash: command substitution nested too deeply (limit 32)\n');
    expect(text(`echo ${'$(echo '.repeat(32)}ok${')'.repeat(32)}`)).toBe('ok\n');
  });
});

describe('lists, pipelines and exit codes', () => {
  it('pipes stdout stage by stage', () => {
    expect(text('echo hello | upper | cat')).toBe('HELLO\n');
  });
  it('pipeline exit code is the last stage', () => {
    expect(run('fail 3 | cat').exitCode).toBe(0);
    expect(run('echo x | fail 5').exitCode).toBe(5);
    expect(run('! echo x').exitCode).toBe(1);
  });
  it('&& and || short-circuit on the exit code', () => {
    expect(text('fail 1 && echo no || echo yes')).toBe('failing\nyes\n');
    expect(text('echo a && echo b')).toBe('a\nb\n');
    expect(text('true || echo no; echo $?')).toBe('0\n');
    expect(text('false; echo $?')).toBe('1\n');
  });
  it('; runs everything and the line exits with the last code', () => {
    const r = run('fail 2; echo after');
    expect(joinOutput(r)).toBe('failing\nafter\n');
    expect(r.exitCode).toBe(0);
  });
  it('& without job control runs in the foreground', () => {
    expect(text('echo a & echo b')).toBe('a\nb\n');
  });
  it('assignments set shell variables and prefix-assignments set the command env', () => {
    expect(text('A=1; echo $A')).toBe('1\n');
    expect(text('B=2 env B; echo "[$B]"')).toBe('2\n[]\n');
  });
  it('redirections to /dev/null and 2>&1', () => {
    expect(text('fail 1 2>/dev/null')).toBe('');
    expect(text('fail 1 2>&1 | upper')).toBe('FAILING\n');
    expect(text('echo x >/dev/null')).toBe('');
  });
});

describe('errors as bash and BusyBox print them', () => {
  it.each([
    ['nope', 'bash: nope: command not found\n', 127],
    [
      "echo 'abc",
      "bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file\n",
      2,
    ],
    [
      'echo "abc',
      'bash: unexpected EOF while looking for matching `"\'\nbash: syntax error: unexpected end of file\n',
      2,
    ],
    [
      'echo $(echo',
      "bash: unexpected EOF while looking for matching `)'\nbash: syntax error: unexpected end of file\n",
      2,
    ],
    ['&& echo', "bash: syntax error near unexpected token `&&'\n", 2],
    ['echo a ;; echo b', "bash: syntax error near unexpected token `;;'\n", 2],
    ['| cat', "bash: syntax error near unexpected token `|'\n", 2],
    ['echo )', "bash: syntax error near unexpected token `)'\n", 2],
    ['echo a |', 'bash: syntax error: unexpected end of file\n', 2],
    ['echo >', "bash: syntax error near unexpected token `newline'\n", 2],
  ])('%s', (line, msg, code) => {
    const r = run(line);
    expect(joinOutput(r)).toBe(msg);
    expect(r.exitCode).toBe(code);
  });

  it('BusyBox sh words them its own way', () => {
    const errs: string[] = [];
    const outs: string[] = [];
    const ctx = {
      ...base,
      stdin: '',
      out: (t: string) => outs.push(t),
      err: (t: string) => errs.push(t),
      trace: () => {},
    };
    expect(runScript('nope', table, ctx)).toBe(127);
    expect(runScript("echo 'x", table, ctx)).toBe(2);
    expect(runScript('echo a && && b', table, ctx)).toBe(2);
    expect(errs).toEqual([
      'sh: nope: not found\n',
      'sh: syntax error: unterminated quoted string\n',
      'sh: syntax error: unexpected "&&"\n',
    ]);
    expect(runScript('echo hi | upper; exit 3; echo no', table, ctx)).toBe(3);
    expect(outs).toEqual(['HI\n']);
  });
});

describe('here-documents', () => {
  it('feed their body to the command as stdin', () => {
    expect(text('cat <<EOF | upper\nline one\n  $NAME\nEOF\necho after')).toBe('LINE ONE\n  WORLD\nafter\n');
    expect(text("cat <<-'END'\n\tindented\n\tEND")).toBe('indented\n');
  });
  it('expand $VAR, braces, $( ) and backticks unless the delimiter is quoted (bash)', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, not a JS template
    expect(text('cat <<EOF\n"$NAME" ${NAME} \\$NAME $(echo sub) `echo bt` \\\\ \\x\nEOF')).toBe(
      '"world" world $NAME sub bt \\ \\x\n',
    );
    for (const d of ["'EOF'", '"EOF"', '\\EOF'])
      expect(text(`cat <<${d}\n$NAME $(echo sub)\nEOF`), d).toBe('$NAME $(echo sub)\n');
  });
  it('warn like bash when the input ends first', () => {
    expect(text('cat <<EOF\nonly')).toBe(
      "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\nonly\n",
    );
    const p = parse('kubectl apply -f - <<EOF');
    expect(p.ok && p.heredocEof).toBe('EOF');
  });
});

describe('loops', () => {
  it('for NAME in WORDS; do …; done expands the words (field splitting, $( )) and sets NAME', () => {
    expect(text('for i in 1 "2 3" $SPACED; do echo "[$i]"; done')).toBe('[1]\n[2 3]\n[a]\n[b]\n');
    expect(text('for i in $(echo x y); do echo $i; done | upper')).toBe('X\nY\n');
    expect(text('echo $(for i in 1 2; do echo $i; done)')).toBe('1 2\n');
    expect(text('for i in a b\ndo\n  echo $i\ndone')).toBe('a\nb\n');
    expect(text('for x in; do echo no; done; echo ok')).toBe('ok\n');
  });
  it('while / until run their condition list; the status is the last body status (0 if none ran)', () => {
    const r = runLine('while false; do echo never; done', table, base);
    expect([joinOutput(r), r.exitCode]).toEqual(['', 0]);
    expect(text('until true; do echo never; done; echo $?')).toBe('0\n');
  });
  it('a loop that never ends stops as if Ctrl-C was pressed (^C on stderr, 130)', () => {
    const r = runLine(
      'while true; do echo x; done | wc',
      {
        ...table,
        wc: (_a, c) => {
          c.out(`${c.stdin.split('\n').length - 1}\n`);
          return 0;
        },
      },
      base,
    );
    expect(joinOutput(r)).toBe('^C\n1000\n');
  });
  it('if / elif / else / fi pick the first branch whose condition succeeds', () => {
    expect(text('if true; then echo y; fi')).toBe('y\n');
    expect(text('if false; then echo 1; elif true; then echo 2; else echo 3; fi')).toBe('2\n');
    expect(text('if false; then echo 1; else echo 3; fi')).toBe('3\n');
    expect(text('if false; then echo 1; fi; echo $?')).toBe('0\n');
    expect(text('if true\nthen\n  echo multi\nfi')).toBe('multi\n');
    expect(text('if true; then fi')).toBe("bash: syntax error near unexpected token `fi'\n");
    expect(text('fi')).toBe("bash: syntax error near unexpected token `fi'\n");
  });
  it('break / continue [N] leave or skip rounds of the enclosing loops', () => {
    expect(text('for i in 1 2 3; do echo $i; break; done')).toBe('1\n');
    expect(text('for i in 1 2 3; do if false; then :; else continue; fi; echo no; done; echo end')).toBe(
      'end\n',
    );
    expect(text('for i in a b; do for j in 1 2; do echo $i$j; break 2; done; done')).toBe('a1\n');
    expect(text('for i in a b; do for j in 1 2; do continue 2; echo x; done; echo y; done; echo z')).toBe(
      'z\n',
    );
    expect(text('while true; do echo once; break; done; echo after')).toBe('once\nafter\n');
    expect(text('break')).toBe("bash: break: only meaningful in a `for', `while', or `until' loop\n");
    expect(text('for i in 1; do break 0; done')).toBe('bash: break: 0: loop count out of range\n');
  });
  it('test / [ : strings, integers, -n/-z, negation, and bash’s messages (exit 2)', () => {
    expect(text('[ 1 -lt 2 ] && echo lt; [ a = b ] || echo ne; test -z "" && echo empty')).toBe(
      'lt\nne\nempty\n',
    );
    expect(text('[ ! a = a ]; echo $?; [ ]; echo $?; [ x ]; echo $?')).toBe('1\n1\n0\n');
    expect(text('[ x -eq 1 ]; echo $?')).toBe('bash: [: x: integer expression expected\n2\n');
    expect(text('[ 1 = 1; echo $?')).toBe("bash: [: missing `]'\n2\n");
    expect(text('test 1 2; echo $?')).toBe('bash: test: 1: unary operator expected\n2\n');
    expect(text('[ a b c ]; echo $?')).toBe('bash: [: b: binary operator expected\n2\n');
  });
  it('syntax errors are bash’s', () => {
    expect(text('for; do echo; done')).toBe("bash: syntax error near unexpected token `;'\n");
    expect(text('for i in 1; do done')).toBe("bash: syntax error near unexpected token `done'\n");
    expect(text('done')).toBe("bash: syntax error near unexpected token `done'\n");
    expect(text('for i in 1; do echo')).toBe('bash: syntax error: unexpected end of file\n');
    const ash = (l: string) => joinOutput(runLine(l, table, base, { dialect: 'sh' }));
    expect(ash('for i in 1; do echo')).toBe('sh: syntax error: unexpected end of file (expecting "done")\n');
    expect(ash('while true')).toBe('sh: syntax error: unexpected end of file (expecting "do")\n');
    expect(ash('if true; then echo')).toBe('sh: syntax error: unexpected end of file (expecting "fi")\n');
    expect(ash('for i in 1; do done')).toBe('sh: syntax error: unexpected "done"\n');
    expect(text('echo done do for')).toBe('done do for\n');
  });
});

describe('parse()', () => {
  it('keeps each list item text for jobs', () => {
    const p = parse('kubectl port-forward deploy/numbers-web 8080:80 & echo done');
    expect(p.ok && p.script.map((i) => [i.text, i.background])).toEqual([
      ['kubectl port-forward deploy/numbers-web 8080:80', true],
      ['echo done', false],
    ]);
  });
  it('rejects over-long lines without parsing them', () => {
    const p = parse('x'.repeat(200_000));
    expect(p.ok).toBe(false);
  });
});
