// diff-unified.ts against GNU diffutils itself: random texts (few distinct lines, so lines repeat
// and the alignment has choices to make) must give exactly the hunks `diff -u` prints. Skipped,
// with the reason printed, where no GNU diff is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { linesOf, unifiedHunks } from './diff-unified';

const DIFF = '/usr/bin/diff';
const gnu = existsSync(DIFF) && /GNU diffutils/.test(execFileSync(DIFF, ['--version']).toString());
if (!gnu) console.warn(`diff-unified.test.ts: no GNU diff at ${DIFF}; the comparison with it is skipped`);

const dir = mkdtempSync(join(tmpdir(), 'diffu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `diff -u` of two texts, without its two header lines. */
function gnuHunks(a: string, b: string): string {
  const fa = join(dir, 'a');
  const fb = join(dir, 'b');
  writeFileSync(fa, a);
  writeFileSync(fb, b);
  try {
    execFileSync(DIFF, ['-u', fa, fb]);
    return '';
  } catch (e) {
    const out = String((e as { stdout: Buffer }).stdout);
    return out.split('\n').slice(2).join('\n');
  }
}

const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

describe('unifiedHunks', () => {
  it('prints the hunks of a small change with three lines of context', () => {
    const a = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      'spec:',
      '  ports:',
      '  - port: 80',
    ];
    const b = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      'spec:',
      '  ports:',
      '  - port: 8080',
    ];
    expect(unifiedHunks(a, b)).toBe(
      '@@ -4,4 +4,4 @@\n   name: web\n spec:\n   ports:\n-  - port: 80\n+  - port: 8080\n',
    );
  });

  it('prints a new file as one hunk from line 0', () => {
    expect(unifiedHunks([], ['a', 'b'])).toBe('@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedHunks(['a'], ['a'])).toBe('');
  });

  it.skipIf(!gnu)('matches GNU diff -u on random texts with repeated lines', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', '  x: 1', '  y: 2', '- name: web', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(line, { maxLength: 40 }), (a, b) => {
        expect(unifiedHunks(a, b)).toBe(gnuHunks(text(a), text(b)));
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it.skipIf(!gnu)(
    'matches GNU diff -u on edits of a long text (trimmed ends, discards, merged hunks)',
    () => {
      const base = Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? '  - name: web' : `line ${i % 23}`));
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              at: fc.nat(119),
              del: fc.nat(3),
              add: fc.array(fc.constantFrom('new', 'line 3', '  - name: web'), { maxLength: 3 }),
            }),
            { maxLength: 6 },
          ),
          (edits) => {
            const b = [...base];
            for (const e of edits) b.splice(Math.min(e.at, b.length), e.del, ...e.add);
            expect(unifiedHunks(base, b)).toBe(gnuHunks(text(base), text(b)));
          },
        ),
        { seed: 20261127, numRuns: 300 },
      );
    },
  );

  it('splits a text into lines the way the files are written', () => {
    expect(linesOf('')).toEqual([]);
    expect(linesOf('a\nb\n')).toEqual(['a', 'b']);
  });
});
