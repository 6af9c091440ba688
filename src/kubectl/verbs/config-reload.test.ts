// The page keeps no kubeconfig of its own: a reload (or a share link) rebuilds the terminal by
// replaying the recorded commands (src/state loadScenario → replayInto → session.run), and the
// `kubectl config set-context` among them restores the context namespace.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSession } from '../../state/core';
import { useStore } from '../../state/store';

function text(r: { output: { text: string }[] }): string {
  return r.output.map((c) => c.text).join('');
}

beforeAll(() => loadSession());

describe('kubeconfig across a reload', () => {
  it('loadScenario replays set-context: the namespace comes back', () => {
    useStore.getState().resetCluster({ seed: 4, profile: 'k3s' });
    const s = useStore.getState();
    s.runCommand('kubectl config set-context --current --namespace=kube-system');
    const before = text(s.runCommand('kubectl get deploy -o name'));
    expect(before).toContain('deployment.apps/traefik\n');
    const sc = JSON.parse(JSON.stringify(useStore.getState().serializeScenario()));
    useStore.getState().resetCluster({ seed: 4, profile: 'k3s' });
    expect(text(useStore.getState().runCommand('kubectl get deploy -o name'))).toBe('');
    useStore.getState().loadScenario(sc);
    const after = useStore.getState();
    expect(
      text(after.runCommand('kubectl config view --minify -o jsonpath={.contexts[0].context.namespace}')),
    ).toBe('kube-system');
    expect(text(after.runCommand('kubectl get deploy -o name'))).toBe(before);
  });
});
