import { beforeAll, describe, expect, it } from 'vitest';
import { browse } from '../ui/browser/browse';
import { loadSession } from './core';
import { validateScenario } from './scenario';
import { useStore } from './store';

const podNames = () =>
  [...useStore.getState().objects.keys()].filter((k) => k.startsWith('Pod/default/')).sort();

describe('store: scenario record and replay', () => {
  // kubectl is a lazily loaded chunk in the app; here it is just an import to wait for.
  beforeAll(() => loadSession());

  it('replaying the serialised scenario rebuilds the same cluster (names, time, files)', () => {
    const s = useStore.getState();
    s.resetCluster({ seed: 7 });
    useStore.getState().runCommand('kubectl apply -f sleep/sleep1.yaml');
    useStore.getState().advanceClock(5000);
    // An editor edit before a command is recorded as a write so replay sees the same file.
    const edited = useStore.getState().files.get('sleep/sleep2.yaml')!.replace('sleep-2', 'sleep-x');
    useStore.getState().setFileText('sleep/sleep2.yaml', edited);
    useStore.getState().setActiveFile('sleep/sleep2.yaml');
    useStore.getState().applyActiveFile();
    useStore.getState().advanceClock(3000);
    const pods = podNames();
    expect(pods.some((k) => k.startsWith('Pod/default/sleep-1-'))).toBe(true);
    expect(pods.some((k) => k.startsWith('Pod/default/sleep-x-'))).toBe(true);
    const sc = useStore.getState().serializeScenario();
    expect(sc.commands.map((c) => c.op)).toEqual(['run', 'write', 'run']);
    const now = useStore.getState().simNow;

    useStore.getState().resetCluster({ seed: 99 });
    expect(podNames()).toEqual([]);
    useStore.getState().loadScenario(JSON.parse(JSON.stringify(sc)));
    expect(podNames()).toEqual(pods);
    expect(useStore.getState().simNow).toBe(now);
    expect(useStore.getState().seed).toBe(7);
    expect(useStore.getState().files.get('sleep/sleep2.yaml')).toBe(edited);
  });

  it('a new Map on every change batch; untouched objects keep their identity', () => {
    useStore.getState().resetCluster({ seed: 1 });
    const before = useStore.getState().objects;
    useStore.getState().runCommand('kubectl apply -f sleep/sleep1.yaml');
    const after = useStore.getState().objects;
    expect(after).not.toBe(before);
    const node = [...before.keys()].find((k) => k.startsWith('Node/'))!;
    expect(after.get(node)).toBe(before.get(node));
  });

  it('a read-only command (kubectl get) records its op but touches no cluster or file state', () => {
    useStore.getState().resetCluster({ seed: 3 });
    useStore.getState().runCommand('kubectl apply -f sleep/sleep1.yaml');
    useStore.getState().advanceClock(5000);
    const before = useStore.getState();
    const changed: string[] = [];
    const unsub = useStore.subscribe((s, prev) => {
      for (const k of Object.keys(s) as (keyof typeof s)[]) if (s[k] !== prev[k]) changed.push(k);
    });
    const res = useStore.getState().runCommand('kubectl get pods');
    unsub();
    expect(res.output.map((c) => c.text).join('')).toMatch(/^NAME\s+READY\s+STATUS/);
    // One store update: the op and the history line. No new objects Map, no revision, and the files
    // replay sees are shared with the store's (no copy per command).
    expect(changed.sort()).toEqual(['history', 'ops']);
    const after = useStore.getState();
    expect(after.objects).toBe(before.objects);
    expect(after.revision).toBe(before.revision);
    expect(after.recordedFiles).toBe(after.files);
    expect(after.ops.slice(0, -1)).toEqual(before.ops);
    expect(after.ops.at(-1)).toMatchObject({ op: 'run', line: 'kubectl get pods' });
  });

  it('traces from commands are queued for the graph', () => {
    useStore.getState().resetCluster({ seed: 3 });
    useStore.getState().runCommand('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
    useStore.getState().advanceClock(20_000);
    const n = useStore.getState().traceQueue.length;
    const r = useStore.getState().runCommand('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
    expect(r.traces.length).toBeGreaterThan(0);
    expect(useStore.getState().traceQueue.length).toBe(n + r.traces.length);
  });
});

describe('store: graph and editor actions beside an exec shell', () => {
  beforeAll(() => loadSession());

  it('run in the host shell, are recorded as detached and replay the same way', () => {
    useStore.getState().resetCluster({ seed: 5 });
    useStore.getState().runCommand('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
    useStore.getState().advanceClock(20_000);
    useStore.getState().runCommand('kubectl exec -it deploy/sleep-1 -- sh');
    // Not the sleep-1 Pod the shell runs in (an earlier test renamed sleep-2 in the shared store).
    const victim = podNames().find((k) => !k.startsWith('Pod/default/sleep-1-'))!;
    const name = victim.slice('Pod/default/'.length);
    const r = useStore.getState().runCommand(`kubectl delete pod ${name} --wait=false`, 'graph');
    expect(r.output.map((c) => c.text).join('')).toBe(`pod "${name}" deleted from default namespace\n`);
    expect(useStore.getState().core.session.prompt()).toBe('/ # ');
    const sc = useStore.getState().serializeScenario();
    expect(sc.commands.at(-1)).toMatchObject({ op: 'run', detached: true });
    useStore.getState().advanceClock(5000);
    const pods = podNames();
    useStore.getState().loadScenario(JSON.parse(JSON.stringify(useStore.getState().serializeScenario())));
    expect(podNames()).toEqual(pods);
  });
});

describe('store: the browser pane', () => {
  beforeAll(() => loadSession());

  it('records its requests, so a replay makes them too and ends in the same state', () => {
    useStore.getState().resetCluster({ seed: 11 });
    const run = (line: string) => useStore.getState().runCommand(line);
    run(
      'kubectl apply -f numbers/api.yaml -f numbers/web.yaml -f numbers/web-service.yaml -f numbers/api-service.yaml',
    );
    run('kubectl wait --for=condition=Ready pod -l app=numbers-web --timeout=120s');
    run('kubectl wait --for=condition=Ready pod -l app=numbers-api --timeout=120s');
    const form = browse({ url: 'http://localhost:8080', method: 'GET' });
    const body = form.response?.page?.formBody ?? '';
    expect(body).not.toBe('');
    const first = browse({ url: 'http://localhost:8080', method: 'POST', body });
    expect(first.response?.page?.number).toEqual(expect.any(Number));
    const sc = useStore.getState().serializeScenario();
    expect(sc.commands.filter((c) => c.op === 'browse')).toEqual([
      { t: expect.any(Number), op: 'browse', url: 'http://localhost:8080', method: 'GET' },
      { t: expect.any(Number), op: 'browse', url: 'http://localhost:8080', method: 'POST', body },
    ]);
    const clock = () => useStore.getState().core.cluster.now();
    const now = clock();
    // The requests moved the clock and drew load-balancing picks: the next request after a replay
    // must be answered exactly as it is without one.
    const next = browse({ url: 'http://localhost:8080', method: 'POST', body });
    const expected = {
      number: next.response?.page?.number,
      pods: podNames(),
      simNow: clock(),
    };

    useStore.getState().resetCluster({ seed: 2 });
    const parsed = validateScenario(JSON.parse(JSON.stringify(sc)));
    if (!parsed.ok) throw new Error(parsed.reason);
    useStore.getState().loadScenario(parsed.scenario);
    expect(clock()).toBe(now);
    const again = browse({ url: 'http://localhost:8080', method: 'POST', body });
    expect({
      number: again.response?.page?.number,
      pods: podNames(),
      simNow: clock(),
    }).toEqual(expected);
  });
});

describe('validateScenario', () => {
  const good = {
    version: 1,
    seed: 1,
    profile: 'kind',
    proxyMode: 'ipvs',
    files: {},
    commands: [],
    elapsedMs: 0,
  };
  it('accepts a well-formed scenario', () => {
    expect(validateScenario(good).ok).toBe(true);
  });
  it('tells an old version from corrupt data', () => {
    expect(validateScenario({ ...good, version: 0 })).toEqual({ ok: false, reason: 'version' });
    expect(validateScenario({ ...good, seed: 'x' })).toEqual({ ok: false, reason: 'corrupt' });
    expect(validateScenario({ ...good, commands: [{ t: -1, op: 'run', line: 'ls' }] })).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    expect(validateScenario({ ...good, profile: 'minikube' })).toEqual({ ok: false, reason: 'corrupt' });
    expect(validateScenario(null)).toEqual({ ok: false, reason: 'corrupt' });
  });
  it('checks browse operations field by field', () => {
    const op = { t: 5, op: 'browse', url: 'http://localhost:8080', method: 'POST', body: 'a=1' };
    expect(validateScenario({ ...good, commands: [op] }).ok).toBe(true);
    for (const bad of [
      { ...op, method: 'DELETE' },
      { ...op, url: 7 },
      { ...op, body: {} },
    ])
      expect(validateScenario({ ...good, commands: [bad] })).toEqual({ ok: false, reason: 'corrupt' });
  });
});
