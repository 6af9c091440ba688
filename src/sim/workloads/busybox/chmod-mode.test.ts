// The two chmods' mode arithmetic. GNU's cases are bookworm's chmod 9.1 run as root with umask 022
// (python: make a file or directory `x` with the start mode, `chmod -- SPEC x`, os.stat): the
// port agreed with all 6,400 generated cases (8 start modes × file/directory × 400 specs); a
// sample of them is pinned here. BusyBox's from libbb/parse_mode.c (tag 1_34_1) read by hand.
import { describe, expect, it } from 'vitest';
import { bbParseMode, gnuModeAdjust, gnuModeCompile, permString } from './chmod-mode';

// [start mode, file or directory, SPEC, mode after `chmod -- SPEC x` (undefined: invalid mode)]
const GNU: [number, 'f' | 'd', string, number | undefined][] = [
  [0o640, 'f', '-o,=00', 0o0],
  [0o640, 'd', '755', 0o755],
  [0o640, 'f', '+00,=00', 0o0],
  [0o4755, 'd', 'uu+u,=00,+g', 0o0],
  [0o4755, 'd', '+t', 0o5755],
  [0o640, 'd', '=', 0o0],
  [0o4755, 'd', '=', 0o4000],
  [0o755, 'f', 'u-o', 0o255],
  [0o640, 'f', '=00,=g', 0o0],
  [0o7000, 'f', '-00,+00,=00', 0o0],
  [0o4755, 'f', '7777', 0o7777],
  [0o755, 'f', 'uu=g', 0o555],
  [0o644, 'd', 'g+s', 0o2644],
  [0o1777, 'd', '0', 0o0],
  [0o640, 'f', '-u', 0o0],
  [0o4755, 'f', '=00,=g', 0o0],
  [0o644, 'f', '=g', 0o444],
  [0o644, 'd', '=u,u-g', 0o244],
  [0o644, 'd', '-u', 0o0],
  [0o644, 'd', '7777', 0o7777],
  [0o4755, 'd', 'u=u,u=', 0o4055],
  [0o2711, 'f', '=u,u-g', 0o255],
  [0o644, 'f', 'uu-u', 0o44],
  [0o640, 'f', '=00,=00,uu=g', 0o0],
  [0o7000, 'd', '+X', 0o7111],
  [0o640, 'f', '=00,+00', 0o0],
  [0o4755, 'd', '-o,-00', 0o4200],
  [0o2711, 'f', '-o', 0o2600],
  [0o7000, 'f', 'u=g', 0o3000],
  [0o640, 'd', '=00,-00,uu=o', 0o0],
  [0o644, 'f', '-w', 0o444],
  [0o755, 'f', '=g', 0o555],
  [0o640, 'f', 'uu=o', 0o40],
  [0o2711, 'd', '-u,-00,+00', 0o2000],
  [0o1777, 'd', 'uu-o', 0o1077],
  [0o755, 'f', 'u=u,u=', 0o55],
  [0o2711, 'd', '000644', 0o644],
  [0o7000, 'f', '+o,=00,uu-u', 0o0],
  [0o2711, 'f', 'uu-g', 0o2611],
  [0o7000, 'f', '7777', 0o7777],
  [0o644, 'f', 'uu-g,=u', 0o200],
  [0o755, 'f', '644', 0o644],
  [0o755, 'd', '1777', 0o1777],
  [0o1777, 'd', 'a=rwx', 0o777],
  [0o755, 'd', '2755', 0o2755],
  [0o7000, 'f', '1777', 0o1777],
  [0o1777, 'f', '=u,u+g', 0o755],
  [0o644, 'd', 'u-u,+00', 0o44],
  [0o644, 'f', '=00,=g', 0o0],
  [0o644, 'f', '0', 0o0],
  [0o4755, 'd', '-00,uu+00,=00', undefined],
  [0o4755, 'd', 'u=00,u+00', undefined],
  [0o644, 'd', 'uu=00,u-00', undefined],
  [0o1777, 'd', 'u', undefined],
  [0o0, 'f', '-g,uu=00', undefined],
  [0o0, 'f', 'u-00,u+00,uu+00', undefined],
  [0o0, 'd', 'uu+00,-00,u+00', undefined],
  [0o755, 'f', 'u+00', undefined],
];

describe('GNU mode_compile + mode_adjust (umask 022)', () => {
  it.each(GNU)('%o %s %s', (start, kind, spec, want) => {
    const ch = gnuModeCompile(spec);
    expect(ch ? gnuModeAdjust(start, kind === 'd', 0o022, ch) : undefined).toBe(want);
  });

  it('a directory keeps its set-id bits under a short octal mode, not under a 5-digit one', () => {
    // host: mkdir x; chmod 2755 x; chmod 755 x → drwxr-sr-x; chmod 00755 x → drwxr-xr-x
    const short = gnuModeCompile('755');
    const long = gnuModeCompile('00755');
    expect(short && gnuModeAdjust(0o2755, true, 0o022, short)).toBe(0o2755);
    expect(long && gnuModeAdjust(0o2755, true, 0o022, long)).toBe(0o755);
  });
});

describe('BusyBox bb_parse_mode (umask 022)', () => {
  const FILE = 0o100000;
  const DIR = 0o040000;
  it('octal: digits only, at most 07777, no file type bits', () => {
    expect(bbParseMode('755', FILE | 0o644)).toBe(0o755);
    expect(bbParseMode('07777', FILE)).toBe(0o7777);
    expect(bbParseMode('10000', FILE)).toBe(-1);
    expect(bbParseMode('75x', FILE)).toBe(-1);
  });
  it('symbolic: the umask limits a clause without who; o has no sticky bit; X needs x or a directory', () => {
    expect(bbParseMode('+w', FILE | 0o444)).toBe(FILE | 0o644);
    expect(bbParseMode('a+w', FILE | 0o444)).toBe(FILE | 0o666);
    expect(bbParseMode('o+t', FILE | 0o644)).toBe(FILE | 0o644);
    expect(bbParseMode('+t', FILE | 0o644)).toBe(FILE | 0o1644);
    expect(bbParseMode('+X', FILE | 0o644)).toBe(FILE | 0o644);
    expect(bbParseMode('+X', DIR | 0o644)).toBe(DIR | 0o755);
    expect(bbParseMode('g=u', FILE | 0o640)).toBe(FILE | 0o660);
    expect(bbParseMode('=', FILE | 0o7777)).toBe(FILE);
  });
  it('empty clauses pass; a who with no action or an unknown letter is invalid', () => {
    expect(bbParseMode(',u+x,', FILE | 0o644)).toBe(FILE | 0o744);
    expect(bbParseMode('u', FILE)).toBe(-1);
    expect(bbParseMode('u+q', FILE)).toBe(-1);
    expect(bbParseMode('-z', FILE)).toBe(-1);
  });
});

describe('permString (strmode, bb_mode_string)', () => {
  it('s/S and t/T after the x they stand in for', () => {
    expect(permString(0o4755)).toBe('rwsr-xr-x');
    expect(permString(0o6644)).toBe('rwSr-Sr--');
    expect(permString(0o1777)).toBe('rwxrwxrwt');
    expect(permString(0o7666)).toBe('rwSrwSrwT');
  });
});

describe('the mode parsers on generated input (fast-check, seed 20261126)', () => {
  it('never throw; a result is a mode of 07777 bits (GNU) or -1 / type bits kept (BusyBox)', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ugoa+-=rwxXst,01234567 z'.split('')), maxLength: 12 }),
        fc.integer({ min: 0, max: 0o7777 }),
        fc.boolean(),
        (spec, start, dir) => {
          const ch = gnuModeCompile(spec);
          if (ch) {
            const m = gnuModeAdjust(start, dir, 0o022, ch);
            expect(m & ~0o7777).toBe(0);
          }
          const type = dir ? 0o040000 : 0o100000;
          const b = bbParseMode(spec, type | start);
          if (b !== -1 && !/^[0-7]/.test(spec)) expect(b & ~0o7777).toBe(type);
        },
      ),
      { seed: 20261126, numRuns: 2000 },
    );
  });
});
