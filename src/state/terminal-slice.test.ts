// The host shell's history (terminal-slice.ts) holds what the student typed at the host's prompt:
// a line read by a Pod's shell (`kubectl exec -it … -- bash`) is that shell's history, so ↑ back at
// the host prompt shows host commands only.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSession } from './core';
import { useStore } from './store';

describe('terminal slice: host history', () => {
  beforeAll(() => loadSession());

  it("keeps the host's lines and none typed into a Pod's shell", () => {
    const s = useStore.getState();
    s.resetCluster({ seed: 4 });
    const run = (line: string) => useStore.getState().runCommand(line);
    const before = useStore.getState().history.length;
    run('kubectl run web --image=nginx');
    useStore.getState().advanceClock(60_000);
    run('kubectl exec -it web -- bash');
    run('cd /etc/nginx');
    run('ls');
    expect(run('exit 3').podShell).toBe(true);
    run('kubectl exec -it web -- sh');
    run('echo from-dash');
    run('exit');
    expect(run('kubectl get pods').podShell).toBeUndefined();
    expect(useStore.getState().history.slice(before)).toEqual([
      'kubectl run web --image=nginx',
      'kubectl exec -it web -- bash',
      'kubectl exec -it web -- sh',
      'kubectl get pods',
    ]);
    // The Pod's bash kept them, in its own file, written as it exited.
    const file = run('kubectl exec web -- cat /root/.bash_history');
    expect(file.output.map((c) => c.text).join('')).toBe('cd /etc/nginx\nls\nexit 3\n');
  });
});
