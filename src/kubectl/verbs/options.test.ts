// kubectl options: the inherited flags, as `kubectl --help` sends the student there.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

describe('kubectl options', () => {
  it('prints every inherited flag in name order, in the Options layout', () => {
    const d = kdrive();
    d.kubectl('options');
    const out = d.stdout();
    expect(d.exitCode()).toBe(0);
    expect(
      out.startsWith(
        "The following options can be passed to any command:\n\n    --as='':\n\tUsername to impersonate",
      ),
    ).toBe(true);
    const names = [...out.matchAll(/^ {4}(?:-\w, )?--([a-z-]+)=/gm)].map((m) => m[1] as string);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('namespace');
    expect(out).toContain(
      "    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n",
    );
    expect(out).toContain('    -v, --v=0:\n\tnumber for the log level verbosity\n');
    expect(out).toContain("    --cache-dir='/home/student/.kube/cache':\n");
    expect(
      out.endsWith(
        '\tTreat warnings received from the server as errors and exit with a non-zero exit code\n',
      ),
    ).toBe(true);
    // Wrapped as kubectl's help is: no line beyond 120 columns.
    expect(out.split('\n').every((l) => l.length <= 120)).toBe(true);
  });

  it('is what kubectl --help points to', () => {
    const d = kdrive();
    d.kubectl('--help');
    expect(d.stdout()).toContain(
      'Use "kubectl options" for a list of global command-line options (applies to all commands).',
    );
    d.kubectl('options');
    expect(d.stderr()).toBe('');
  });
});
