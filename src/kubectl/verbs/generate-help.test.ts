// go-wordwrap's WrapString as kubectl's help printer uses it (and the help of expose/run built on it).
import { describe, expect, it } from 'vitest';
import { exposeVerb } from './expose';
import { goWordWrap } from './generate-help';
import { runVerb } from './run';

describe('goWordWrap', () => {
  it('breaks greedily at the last space that keeps a line within the limit, dropping that space', () => {
    expect(goWordWrap('aaa bbb ccc ddd', 7)).toBe('aaa bbb\nccc ddd');
    expect(goWordWrap('aaa bbb ccc ddd', 8)).toBe('aaa bbb\nccc ddd');
    expect(goWordWrap('aaa bbb ccc ddd', 11)).toBe('aaa bbb ccc\nddd');
  });
  it('keeps a word longer than the limit whole, a line’s leading indent, and existing newlines', () => {
    expect(goWordWrap('abcdefghij x', 4)).toBe('abcdefghij\nx');
    expect(goWordWrap('  # one two three\n  kubectl x', 12)).toBe('  # one two\nthree\n  kubectl x');
    expect(goWordWrap('\tusage text here', 10)).toBe('\tusage\ntext here');
  });
});

describe('help text', () => {
  for (const v of [exposeVerb, runVerb]) {
    it(`${v.name}: no line over 120 columns, flags sorted, kubectl's closing line`, () => {
      const lines = v.help.split('\n');
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
      const flags = lines
        .filter((l) => /^ {4}(-\w, )?--[a-z-]+=/.test(l))
        .map((l) => l.replace(/^ {4}(-\w, )?--/, '').replace(/=.*$/, ''));
      expect(flags.length).toBeGreaterThan(5);
      expect([...flags].sort()).toEqual(flags);
      expect(
        v.help.endsWith(
          '\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
        ),
      ).toBe(true);
    });
  }
});
