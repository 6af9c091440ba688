// Property: bash in the nginx Pod never throws on any input, interactive or `bash -c`, and always
// ends with a status 0–255; its prompt is always `root@web:…# ` or the `> ` of an unfinished command.
// A failing run prints its seed and path: pin it below as a regression case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const SEED = 20261126;
const PIECES = [
  'echo',
  'cd',
  'pwd',
  'exit',
  'history',
  '"',
  "'",
  '(',
  ')',
  '|',
  '&&',
  ';',
  '<<',
  'EOF',
  '\n',
  ' ',
  '$0',
  '~',
  '/etc',
  '..',
  '-',
  'for',
  'do',
  'done',
  'if',
  'then',
  'fi',
  '>',
  '/nope',
  'x',
  '$?',
  '\\',
];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((a) => a.join(' '));

describe('bash in a Pod on any input', () => {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx').advance(60_000);

  it('bash -c never throws; the status is 0–255', () => {
    fc.assert(
      fc.property(line, (script) => {
        d.kubectl(`exec web -- bash -c '${script.replace(/'/g, `'\\''`)}'`);
        expect(d.text()).not.toContain('internal error');
        expect(d.exitCode()).toBeGreaterThanOrEqual(0);
        expect(d.exitCode()).toBeLessThanOrEqual(255);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the interactive shell never throws; its prompt is its own until it exits', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        d.sh('kubectl exec -it web -- bash');
        for (const l of lines) {
          for (const one of l.split('\n')) {
            d.sh(one);
            expect(d.text()).not.toContain('internal error');
            const p = d.session.prompt();
            expect(p === '> ' || /^(\(.*\))?root@web:.*# $/.test(p) || p === '~/ch03$ ').toBe(true);
            if (p === '~/ch03$ ') return;
          }
        }
        d.session.interrupt();
        d.sh('exit');
        expect(d.session.prompt()).toBe('~/ch03$ ');
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
