import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSession } from './core';
import { restoreSaved, restoreView, STORAGE_KEY, STORAGE_VERSION } from './persist';
import { useStore } from './store';

/** A Storage backed by a Map (the test environment is node, without localStorage). */
function memoryStorage(init: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(init));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

beforeAll(() => loadSession());
beforeEach(() => {
  useStore.getState().resetCluster({ seed: 1 });
  useStore.setState({ notice: null, lang: 'en', history: [] });
});

describe('restoreSaved', () => {
  it('restores files, cluster (by replay), history and view settings', () => {
    const s = useStore.getState();
    s.setFileText('sleep/sleep1.yaml', `${s.files.get('sleep/sleep1.yaml')}# mine\n`);
    s.runCommand('kubectl apply -f sleep/sleep1.yaml');
    s.advanceClock(4000);
    const pods = [...useStore.getState().objects.keys()].filter((k) => k.startsWith('Pod/')).sort();
    const saved = {
      version: STORAGE_VERSION,
      scenario: useStore.getState().serializeScenario(),
      history: ['kubectl apply -f sleep/sleep1.yaml'],
      activeFile: 'sleep/sleep1.yaml',
      view: { panels: { browser: true }, lang: 'ko', largeText: true },
      playing: false,
      speed: 2,
    };
    useStore.getState().resetCluster({ seed: 5 });
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify(saved) });
    restoreView(storage);
    restoreSaved(storage);
    const st = useStore.getState();
    expect(st.notice).toBeNull();
    expect([...st.objects.keys()].filter((k) => k.startsWith('Pod/')).sort()).toEqual(pods);
    expect(st.files.get('sleep/sleep1.yaml')).toContain('# mine');
    expect(st.history).toEqual(['kubectl apply -f sleep/sleep1.yaml']);
    expect(st.lang).toBe('ko');
    expect(st.largeText).toBe(true);
    expect(st.panels.browser).toBe(true);
    expect(st.panels.editor).toBe(true);
    expect(st.playing).toBe(false);
    expect(st.speed).toBe(2);
  });

  it('unreadable JSON: a notice, a fresh start', () => {
    restoreSaved(memoryStorage({ [STORAGE_KEY]: '{"version":1,' }));
    expect(useStore.getState().notice).toBe('restoreCorrupt');
    expect(useStore.getState().files.has('sleep/sleep1.yaml')).toBe(true);
  });

  it('an older version: a notice, and the files that can be read are kept', () => {
    const old = { version: 0, scenario: { files: { 'mine/a.yaml': 'kind: Service\n', bad: 3 } } };
    restoreSaved(memoryStorage({ [STORAGE_KEY]: JSON.stringify(old) }));
    const st = useStore.getState();
    expect(st.notice).toBe('restoreVersion');
    expect(st.files.get('mine/a.yaml')).toBe('kind: Service\n');
    expect(st.files.has('bad')).toBe(false);
    expect(st.files.has('sleep/sleep1.yaml')).toBe(true);
  });

  it('a scenario with a bad operation: a notice, nothing replayed, files kept', () => {
    const bad = {
      version: STORAGE_VERSION,
      scenario: {
        version: 1,
        seed: 1,
        profile: 'kind',
        proxyMode: 'iptables',
        files: { 'x.yaml': 'a: 1\n' },
        commands: [{ t: 0, op: 'format-disk' }],
        elapsedMs: 0,
      },
    };
    restoreSaved(memoryStorage({ [STORAGE_KEY]: JSON.stringify(bad) }));
    expect(useStore.getState().notice).toBe('restoreCorrupt');
    expect(useStore.getState().profile).toBe('docker-desktop');
    expect(useStore.getState().files.get('x.yaml')).toBe('a: 1\n');
  });

  it('nothing saved: nothing happens', () => {
    restoreSaved(memoryStorage());
    expect(useStore.getState().notice).toBeNull();
  });
});
