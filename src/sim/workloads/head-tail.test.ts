// head -c / tail -c in the sleep image (BusyBox 1.34 head.c, tail.c): byte counts, suffixes, -N / +N.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';

function sleepPod() {
  const d = kdrive({ seed: 5 });
  d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
  d.kubectl(`exec sl -- sh -c 'printf "line one\\nline two\\nline three\\n" > /tmp/f'`);
  return d;
}

function sh(d: ReturnType<typeof sleepPod>, script: string): string {
  d.kubectl(`exec sl -- sh -c '${script}'`);
  return d.text();
}

describe('head -c and tail -c (BusyBox)', () => {
  it('head -c N prints the first N bytes, across lines and without adding a newline', () => {
    const d = sleepPod();
    expect(sh(d, 'head -c 4 /tmp/f')).toBe('line');
    expect(sh(d, 'head -c 12 /tmp/f')).toBe('line one\nlin');
    expect(sh(d, 'head -c5 /tmp/f; echo')).toBe('line \n');
    expect(sh(d, 'head -c 1k /tmp/f')).toBe('line one\nline two\nline three\n');
  });

  it('head -c -N leaves out the last N bytes; a bad count is rejected', () => {
    const d = sleepPod();
    expect(sh(d, 'head -c -7 /tmp/f')).toBe('line one\nline two\nline');
    expect(sh(d, 'head -c x /tmp/f')).toBe("head: invalid number 'x'\ncommand terminated with exit code 1\n");
  });

  it('tail -c N prints the last N bytes, tail -c +N from byte N', () => {
    const d = sleepPod();
    expect(sh(d, 'tail -c 6 /tmp/f')).toBe('three\n');
    expect(sh(d, 'tail -c +15 /tmp/f')).toBe('two\nline three\n');
    expect(sh(d, 'echo hello | tail -c 3')).toBe('lo\n');
  });

  it('headers for several files, as with -n', () => {
    const d = sleepPod();
    sh(d, 'echo abcdef > /tmp/g');
    expect(sh(d, 'head -c 3 /tmp/f /tmp/g')).toBe('==> /tmp/f <==\nlin\n==> /tmp/g <==\nabc');
  });
});
