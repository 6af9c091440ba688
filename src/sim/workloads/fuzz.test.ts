// Seeded fuzzing of the in-Pod commands: any argv — flags, numbers, hosts, URLs, junk — ends with
// an exit code and text, never an exception, and never runs away on the simulated clock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../kubectl/shell';
import { drive } from '../testing/driver';
import { podCommands } from './commands';
import { API_SELECTORLESS, NUMBERS_API, podKeyFor, SLEEP, SLEEP2_SVC } from './testkit';

const SEED = 20261125;

describe('in-Pod commands under random input', () => {
  const d = drive({ seed: 2 })
    .applyOk(
      `${SLEEP('sleep-1')}---\n${SLEEP('sleep-2')}---\n${SLEEP2_SVC}---\n${NUMBERS_API}---\n${API_SELECTORLESS}`,
    )
    .advance(30_000);
  const c = d.cluster;
  const key = podKeyFor(c, 'sleep-1');
  const table = podCommands(c, key, { runScript, maxUnboundedPackets: 5 });
  const commands = Object.keys(table).filter((k) => !k.startsWith('/') && k !== 'sleep');

  const token = fc.oneof(
    fc.constantFrom(
      '-c',
      '-W',
      '-w',
      '-q',
      '-s',
      '-i',
      '-O',
      '-',
      '-T',
      '-m',
      '-n',
      '-v',
      '-S',
      '-sS',
      '-qO-',
    ),
    fc.constantFrom(
      '--spider',
      '--max-time',
      '-type=a',
      '-type=bogus',
      '-e',
      '-E',
      '-F',
      '-x',
      '-4',
      '-6',
      '--',
    ),
    fc.constantFrom('0', '1', '2', '-1', 'abc', '999999999', '0.5', '1e9'),
    fc.constantFrom(
      'sleep-2',
      'foo',
      '10.1.0.1',
      'numbers-api',
      'kube-dns.kube-system',
      'raw.githubusercontent.com',
    ),
    fc.constantFrom(
      'http://numbers-api/rng',
      'http://x:99999/',
      'ftp://a',
      'http://[::1]:80/',
      '/etc/hosts',
      '^[^*]',
    ),
    fc.string({ maxLength: 12 }),
  );

  it('always returns an exit code in 0..255 and keeps simulated time bounded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.array(token, { maxLength: 6 }), (cmd, args) => {
        const start = c.now();
        let out = '';
        const code = table[cmd]?.([cmd, ...args], {
          cluster: c,
          stdin: 'a\nb\n',
          env: {},
          out: (t) => {
            out += t;
          },
          err: (t) => {
            out += t;
          },
          trace: () => {},
          sleep: (ms) => c.advance(Math.min(ms, 200_000)),
        });
        expect(Number.isInteger(code)).toBe(true);
        expect(code).toBeGreaterThanOrEqual(0);
        expect(code).toBeLessThanOrEqual(255);
        expect(typeof out).toBe('string');
        // ping without -c is capped at 5 packets here; -c is capped at 3600 (≈ 1 h of sim time).
        expect(c.now() - start).toBeLessThan(4 * 3600 * 1000);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
