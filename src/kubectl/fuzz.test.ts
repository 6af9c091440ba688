// Hostile and malformed command lines never throw: each ends with an exit code, the terminal
// stays usable, and the hostile categories print an error message. Seeded (fast-check); a
// failing run prints its seed and path: pin it below as a regression case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { createTerminalSession, type TerminalResult, type TerminalSession } from './session';

const SEED = 20_261_125;
const text = (r: TerminalResult) => r.output.map((c) => c.text).join('');
const stderr = (r: TerminalResult) =>
  r.output
    .filter((c) => c.stream === 'stderr')
    .map((c) => c.text)
    .join('');

function session(): TerminalSession {
  const s = createTerminalSession({ cluster: createCluster({ seed: 3 }) });
  s.run('kubectl apply -f sleep/ -f numbers/');
  s.run('sleep 5');
  return s;
}

/** Run a line, then make sure the terminal still answers; returns the line's result. */
function check(s: TerminalSession, line: string): TerminalResult {
  const r = s.run(line);
  expect(Number.isInteger(r.exitCode)).toBe(true);
  expect(r.exitCode).toBeGreaterThanOrEqual(0);
  expect(r.exitCode).toBeLessThanOrEqual(255);
  expect(text(r)).not.toContain('playground: internal error');
  // Leave whatever state the line left (a foreground job, a Pod shell) and prove we are back.
  if (s.busy() || s.prompt() === '> ') s.interrupt();
  // A Pod's shell: ash's `DIR # ` (it follows cd) or dash's `# `.
  if (s.prompt().endsWith('# ')) s.run('exit');
  expect(text(s.run('echo __alive__'))).toBe('__alive__\n');
  return r;
}

/** The verbs the walkthrough uses, in one list for the word soup and the unknown-flag sweep. */
const VERBS = [
  'get',
  'apply',
  'delete',
  'exec',
  'wait',
  'port-forward',
  'logs',
  'scale',
  'rollout',
  'create',
];

const WORDS = [
  'kubectl',
  ...VERBS,
  'pods',
  'svc',
  'deploy/sleep-1',
  'deploy/numbers-web',
  '-f',
  'sleep/',
  'numbers/api.yaml',
  '-l',
  'app=sleep-1',
  '--all',
  '-n',
  'kube-system',
  '-o',
  'jsonpath={.items[0]}',
  '--',
  'sh',
  '-c',
  'ping',
  '-c',
  '1',
  'nslookup',
  'grep',
  'head',
  'wc',
  '-l',
  'sort',
  'echo',
  'cat',
  'ls',
  'cd',
  '..',
  'curl',
  'localhost:8080',
  'jobs',
  'kill',
  '%1',
  '--for=condition=Ready',
  '--timeout=1s',
  '--replicas=2',
  '8080:80',
  '&',
  '|',
  '&&',
  '||',
  ';',
  "'",
  '"',
  '$(',
  ')',
  '`',
  '$?',
  '$HOME',
  '\\',
  '>',
  '/dev/null',
  '2>&1',
  '#',
  '!',
  '{',
  '}',
  '*',
  '~',
  'for',
  'in',
  'do',
  'done',
  'while',
  'until',
  'true',
  '<<EOF',
  'if',
  'then',
  'else',
  'fi',
];

const tokenLine = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 })
  .map((ws) => ws.join(' '));
const junk = fc.string({ unit: 'binary', maxLength: 200 });
const metaSoup = fc.string({
  unit: fc.constantFrom(...'ab $()\'"`|&;<>\\#{}*!~\n\t'.split('')),
  maxLength: 120,
});

describe('fuzz: hostile command lines', () => {
  it('random kubectl-ish token soup, binary junk and metacharacter soup never throw', () => {
    const s = session();
    fc.assert(
      fc.property(fc.oneof(tokenLine, junk, metaSoup), (line) => {
        check(s, line);
      }),
      { seed: SEED, numRuns: 1000, verbose: true },
    );
  });

  it('BusyBox sh -c with junk scripts inside a Pod never throws', () => {
    const s = session();
    fc.assert(
      fc.property(fc.oneof(metaSoup, tokenLine), (script) => {
        const quoted = `'${script.replace(/'/g, "'\\''")}'`;
        const r = check(s, `kubectl exec deploy/sleep-1 -- sh -c ${quoted}`);
        if (r.exitCode !== 0 && r.exitCode !== 1) expect(text(r)).not.toBe('');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('unbalanced quotes end with a syntax error (exit 2)', () => {
    const s = session();
    fc.assert(
      fc.property(fc.constantFrom("'", '"', '$(', '`'), fc.string({ maxLength: 40 }), (q, body) => {
        fc.pre(!/['"`()\\$]/.test(body));
        const r = check(s, `kubectl get pods ${q}${body}`);
        expect(r.exitCode).toBe(2);
        // `$(|` is a syntax error at the `|` before the end of input is reached, as in bash.
        expect(stderr(r)).toMatch(
          /^bash: (unexpected EOF while looking for matching |syntax error near unexpected token )/,
        );
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('unknown flags on every verb get pflag text and a usage hint', () => {
    const s = session();
    const verbs = [...VERBS, 'version', 'cluster-info'];
    fc.assert(
      fc.property(fc.constantFrom(...verbs), fc.stringMatching(/^[a-z][a-z-]{2,12}$/), (verb, flag) => {
        fc.pre(
          ![
            'all',
            'help',
            'namespace',
            'output',
            'selector',
            'filename',
            'for',
            'timeout',
            'wait',
            'force',
            'now',
            'replicas',
            'recursive',
            'container',
            'stdin',
            'tty',
            'quiet',
            'follow',
            'tail',
            'client',
            'watch',
            'revision',
            'address',
            'validate',
            'previous',
            'timestamps',
            'current-replicas',
            'grace-period',
            'pod-running-timeout',
          ].some((f) => f.startsWith(flag) || flag.startsWith(f)),
        );
        const r = check(s, `kubectl ${verb} --${flag}`);
        expect(r.exitCode).toBe(1);
        expect(stderr(r)).toContain(
          `error: unknown flag: --${flag}\nSee 'kubectl ${verb} --help' for usage.\n`,
        );
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('10,000-character arguments end with an error, not a hang', () => {
    const s = session();
    const big = 'x'.repeat(10_000);
    for (const line of [
      `kubectl get pods ${big}`,
      `kubectl ${big}`,
      `kubectl delete svc ${big}`,
      `kubectl exec ${big} -- ls`,
      `kubectl apply -f ${big}`,
      `cat ${big}`,
      `${big}`,
      `kubectl get pods -o jsonpath='{${big}'`,
    ]) {
      const r = check(s, line);
      expect(r.exitCode, line.slice(0, 40)).not.toBe(0);
      expect(stderr(r).length, line.slice(0, 40)).toBeGreaterThan(0);
    }
  });

  it('a 10,000-character label selector is rejected as the apiserver does', () => {
    const s = session();
    const big = 'x'.repeat(10_000);
    const key = check(s, `kubectl get pods -l ${big}`);
    expect(key.exitCode).toBe(1);
    expect(stderr(key)).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "${big}", field selector "": unable to parse requirement: <nil>: Invalid value: "${big}": name part must be no more than 63 characters\n`,
    );
    const value = check(s, `kubectl delete pods -l app=${big}`);
    expect(value.exitCode).toBe(1);
    expect(stderr(value)).toContain(
      `values[0][app]: Invalid value: "${big}": must be no more than 63 characters\n`,
    );
  });

  it('random -l selectors on every listing verb: a result or the BadRequest line, never a throw', () => {
    const s = session();
    const verbs = [
      'get pods',
      'delete pods',
      'wait --for=condition=Ready --timeout=0 pod',
      'describe pods',
      'logs',
      'scale deploy --replicas=1',
      'get all',
    ];
    const selector = fc.string({
      unit: fc.constantFrom(...'ab=!(),<>5 -_./:\'"'.split('')),
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.constantFrom(...verbs), selector, (verb, sel) => {
        const quoted = `'${sel.replace(/'/g, "'\\''")}'`;
        const r = check(s, `kubectl ${verb} -l ${quoted}`);
        if (stderr(r).includes('Unable to find')) {
          // scale.go RunScale wraps it: `no objects passed to scale %w` prints the 400's message.
          expect(stderr(r)).toMatch(
            verb.startsWith('scale')
              ? /^error: no objects passed to scale Unable to find "[^"]*" that match label selector /
              : /^Error from server \(BadRequest\): Unable to find "[^"]*" that match label selector /,
          );
          expect(r.exitCode).toBe(1);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('deeply nested $( ) is refused with a clear message', () => {
    const s = session();
    for (const depth of [33, 100, 5000]) {
      const r = check(s, `echo ${'$('.repeat(depth)}x${')'.repeat(depth)}`);
      expect(r.exitCode).toBe(2);
      expect(text(r)).toBe('bash: command substitution nested too deeply (limit 32)\n');
    }
    const tooLong = check(s, 'echo '.repeat(30_000));
    expect(tooLong.exitCode).toBe(2);
  });
});
