// `kubectl <verb> <subcommand> --help` prints the subcommand's help (cobra resolves the leading
// words to a command before it looks at --help), not the verb's.
import { describe, expect, it } from 'vitest';
import { kdrive } from './testing';

describe('subcommand help', () => {
  it('create deployment / create service nodeport / create print their own usage', () => {
    const d = kdrive();
    d.kubectl('create deployment --help');
    expect(d.exitCode()).toBe(0);
    expect(d.stdout()).toContain(
      '\nUsage:\n  kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]\n',
    );
    d.kubectl('create service nodeport -h');
    expect(d.stdout()).toContain('\nUsage:\n  kubectl create service nodeport NAME [--tcp=port:targetPort]');
    d.kubectl('create --help');
    expect(d.stdout()).toContain('\nUsage:\n  kubectl create -f FILENAME [options]\n');
    // Flags before --help do not hide the subcommand.
    d.kubectl('create deploy web --image=nginx --help');
    expect(d.stdout()).toContain('kubectl create deployment NAME --image=image');
  });

  it('a command with subcommands points at `kubectl <its path> <command> --help`', () => {
    const d = kdrive();
    d.kubectl('rollout --help');
    expect(d.stdout()).toContain(
      'Use "kubectl rollout <command> --help" for more information about a given command.\n',
    );
    d.kubectl('cluster-info --help');
    expect(d.stdout()).toContain(
      'Use "kubectl cluster-info <command> --help" for more information about a given command.\n',
    );
  });
});
