// `kubectl edit` through the store: leaving the editor is a scenario operation, so a replay (a
// reload, a share link) hands kubectl the same text and rebuilds the same cluster.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../sim/api/types';
import { loadSession } from './core';
import { finishEdit } from './edit-actions';
import { validateScenario } from './scenario';
import { useStore } from './store';

const deploy = () => useStore.getState().core.cluster.get('Deployment', 'default', 'sleep-1') as Deployment;
const podNames = () =>
  [...useStore.getState().objects.keys()].filter((k) => k.startsWith('Pod/default/sleep-1-')).sort();

describe('kubectl edit in the store', () => {
  beforeAll(() => loadSession());

  it('records the edited text as an edit op; replaying the scenario repeats the edit exactly', () => {
    useStore.getState().resetCluster({ seed: 5 });
    useStore.getState().runCommand('kubectl apply -f sleep/sleep1.yaml');
    useStore.getState().advanceClock(5000);
    const res = useStore.getState().runCommand('kubectl edit deployment sleep-1');
    expect(res.busy).toBe(true);
    const open = useStore.getState().core.session.editing();
    expect(open?.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    const text = (open?.text ?? '').replace('  replicas: 1\n', '  replicas: 2\n');
    useStore.getState().advanceClock(1500);
    finishEdit(text);
    expect(useStore.getState().core.session.editing()).toBeUndefined();
    expect(useStore.getState().core.session.busy()).toBe(false);
    expect(deploy().spec.replicas).toBe(2);
    useStore.getState().advanceClock(5000);
    const pods = podNames();
    expect(pods).toHaveLength(2);
    const rv = deploy().metadata.resourceVersion;

    const sc = useStore.getState().serializeScenario();
    expect(sc.commands.map((c) => c.op)).toEqual(['run', 'run', 'edit']);
    expect(sc.commands[2]).toEqual({ t: 6500, op: 'edit', text });
    const checked = validateScenario(JSON.parse(JSON.stringify(sc)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;

    useStore.getState().resetCluster({ seed: 99 });
    useStore.getState().loadScenario(checked.scenario);
    expect(podNames()).toEqual(pods);
    expect(deploy().spec.replicas).toBe(2);
    expect(deploy().metadata.resourceVersion).toBe(rv);
  });

  it('an edit still open when the scenario was saved is open again after the replay', () => {
    useStore.getState().resetCluster({ seed: 6 });
    useStore.getState().runCommand('kubectl apply -f sleep/sleep1.yaml');
    useStore.getState().runCommand('kubectl edit deploy/sleep-1');
    const open = useStore.getState().core.session.editing();
    const sc = useStore.getState().serializeScenario();
    useStore.getState().loadScenario(sc);
    expect(useStore.getState().core.session.editing()).toEqual(open);
    // Cancel edit: the file as kubectl wrote it, so nothing changes.
    finishEdit(open?.text ?? '');
    expect(useStore.getState().core.session.busy()).toBe(false);
    expect(deploy().spec.replicas).toBe(1);
  });

  it('hostile edit ops: a non-string text makes the scenario corrupt; any string is harmless', () => {
    const base = useStore.getState().serializeScenario();
    const bad = { ...base, commands: [...base.commands, { t: 0, op: 'edit', text: { toString: 1 } }] };
    expect(validateScenario(JSON.parse(JSON.stringify(bad)))).toEqual({ ok: false, reason: 'corrupt' });
    const missing = { ...base, commands: [{ t: 0, op: 'edit' }] };
    expect(validateScenario(missing)).toEqual({ ok: false, reason: 'corrupt' });
    // Edits with nothing open, and garbage handed to an open edit, only print kubectl's errors.
    const junk = {
      ...base,
      commands: [
        { t: 0, op: 'edit', text: 'x' },
        { t: 0, op: 'run', line: 'kubectl apply -f sleep/sleep1.yaml' },
        { t: 0, op: 'run', line: 'kubectl edit deploy/sleep-1' },
        { t: 0, op: 'edit', text: '*a\n: [\n&&&' },
        { t: 0, op: 'edit', text: 'a: &a [*a, *a]\nb: *a\n'.repeat(50) },
        { t: 0, op: 'edit', text: '' },
        { t: 0, op: 'edit', text: '' },
      ],
    };
    const v = validateScenario(JSON.parse(JSON.stringify(junk)));
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    useStore.getState().loadScenario(v.scenario);
    expect(useStore.getState().core.session.busy()).toBe(false);
    expect(deploy().spec.replicas).toBe(1);
  });
});
