// GNU tar 1.34's texts (gnu-tar.ts): safer_name_suffix's prefixes, quotearg_colon's escape style,
// and the message lines, byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cannot,
  EXITING_WITH_FAILURE,
  NOT_RECOVERABLE,
  quoteColon,
  removingLeading,
  saferNameSuffix,
} from './gnu-tar';

describe('safer_name_suffix', () => {
  it('removes leading slashes and every component up to the last `..`', () => {
    const cases: [string, string, string][] = [
      ['/tmp/x', '/', 'tmp/x'],
      ['//tmp/x', '//', 'tmp/x'],
      ['tmp/x', '', 'tmp/x'],
      ['../etc/hosts', '../', 'etc/hosts'],
      ['/a/../b/c', '/a/../', 'b/c'],
      ['/a/..b/c', '/', 'a/..b/c'],
      ['/a/..', '/a/..', '.'],
      ['/', '/', '.'],
    ];
    for (const [name, prefix, member] of cases)
      expect([name, saferNameSuffix(name)]).toEqual([name, { prefix, member }]);
  });

  it('splits the name: a relative member with no `..` component, or `.` for all of it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[/a.]{0,12}$/), (name) => {
        const { prefix, member } = saferNameSuffix(name);
        expect(prefix + member === name || (member === '.' && prefix === name)).toBe(true);
        expect(member.startsWith('/')).toBe(false);
        expect(member.split('/')).not.toContain('..');
      }),
      { seed: 10, numRuns: 300 },
    );
  });
});

describe('quotearg_colon (escape style, C locale)', () => {
  it('leaves plain names alone and escapes `:`, `\\`, C escapes and non-ASCII bytes', () => {
    expect(quoteColon('/tmp/my file.txt')).toBe('/tmp/my file.txt');
    expect(quoteColon('/tmp/a:b')).toBe('/tmp/a\\:b');
    expect(quoteColon('a\\b')).toBe('a\\\\b');
    expect(quoteColon('a\tb\nc')).toBe('a\\tb\\nc');
    expect(quoteColon('caf\u00e9')).toBe('caf\\303\\251');
    expect(quoteColon('x\x01\x7f')).toBe('x\\001\\177');
    expect(quoteColon('it\'s "q"')).toBe('it\'s "q"');
  });
});

describe('the message lines', () => {
  it('are GNU tar 1.34 C-locale bytes', () => {
    expect(removingLeading('/')).toBe("tar: Removing leading `/' from member names\n");
    expect(cannot('stat', '/tmp/a:b', 'No such file or directory')).toBe(
      'tar: /tmp/a\\:b: Cannot stat: No such file or directory\n',
    );
    expect(cannot('open', '/nope', 'No such file or directory')).toBe(
      'tar: /nope: Cannot open: No such file or directory\n',
    );
    expect(EXITING_WITH_FAILURE).toBe('tar: Exiting with failure status due to previous errors\n');
    expect(NOT_RECOVERABLE).toBe('tar: Error is not recoverable: exiting now\n');
  });
});
