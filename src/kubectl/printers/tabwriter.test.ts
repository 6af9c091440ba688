import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, renderRows, TABLE_TABWRITER, tabwrite } from './tabwriter';

describe('tabwriter (Go text/tabwriter with kubectl settings)', () => {
  it('pads each column to max cell + 3, minimum 6, no trailing spaces on the last column', () => {
    const text =
      'NAME\tTYPE\tCLUSTER-IP\tEXTERNAL-IP\tPORT(S)\tAGE\nsleep-2\tClusterIP\t10.98.2.165\t<none>\t80/TCP\t6s\n';
    expect(tabwrite(text, TABLE_TABWRITER)).toBe(
      'NAME      TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE\n' +
        'sleep-2   ClusterIP   10.98.2.165   <none>        80/TCP    6s\n',
    );
  });

  it('applies the minimum width of 6 to short columns', () => {
    expect(tabwrite('A\tB\nc\td\n', TABLE_TABWRITER)).toBe('A     B\nc     d\n');
  });

  it('gives each column block its own width (describe sections)', () => {
    const text = 'Name:\tx\nLong label here:\ty\nContainers:\n  a:\n    Image:\tb\n    Port:\t<none>\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Name:             x\nLong label here:  y\nContainers:\n  a:\n    Image:  b\n    Port:   <none>\n',
    );
  });

  it('renderRows equals tabwrite for rectangular tables (property)', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\t\n]/g, ' '));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 }),
          ),
        (rows) => {
          const text = `${rows.map((r) => r.join('\t')).join('\n')}\n`;
          expect(renderRows(rows)).toBe(tabwrite(text, TABLE_TABWRITER));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('remembered widths never shrink (watch output)', () => {
    const remembered: number[] = [];
    expect(
      renderRows(
        [
          ['NAME', 'AGE'],
          ['a-long-name', '1s'],
        ],
        remembered,
      ),
    ).toBe('NAME          AGE\na-long-name   1s\n');
    expect(renderRows([['b', '2s']], remembered)).toBe('b             2s\n');
  });
});
