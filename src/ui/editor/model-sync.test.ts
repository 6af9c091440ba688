// The editor's text reaches the store from the Monaco model itself (./model-sync), so an edit that
// arrives before any editor-level listener exists (the gap @monaco-editor/react leaves while it
// mounts) is in the store for the next file operation: rename, delete, Apply, a terminal command,
// the autosave. A fake model stands for Monaco's (node environment).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSession } from '../../state/core';
import { snapshotForSave } from '../../state/persist';
import { useStore } from '../../state/store';
import { bindFileModel, boundPath, type FileModel, storeSink } from './model-sync';

/** A text model with Monaco's event shape; `type` edits it as a key press or a paste would. */
class FakeModel implements FileModel {
  private text: string;
  private readonly changed = new Set<() => void>();
  private readonly disposing = new Set<() => void>();
  constructor(text: string) {
    this.text = text;
  }
  getValue() {
    return this.text;
  }
  onDidChangeContent(l: () => void) {
    this.changed.add(l);
    return { dispose: () => void this.changed.delete(l) };
  }
  onWillDispose(l: () => void) {
    this.disposing.add(l);
    return { dispose: () => void this.disposing.delete(l) };
  }
  type(text: string) {
    this.text += text;
    for (const l of [...this.changed]) l();
  }
  setValue(text: string) {
    this.text = text;
    for (const l of [...this.changed]) l();
  }
  dispose() {
    for (const l of [...this.disposing]) l();
  }
  listeners() {
    return this.changed.size;
  }
}

const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: mine\nspec:\n  ports:\n    - port: 80\n';

/** A new file with its model bound, as YamlEditor does before the editor shows it. */
function newFile(path: string): FakeModel {
  expect(useStore.getState().createFile(path)).toBeNull();
  const m = new FakeModel('');
  bindFileModel(m, path, storeSink);
  return m;
}

beforeAll(() => loadSession());
beforeEach(() => useStore.getState().resetCluster({ seed: 3 }));

describe('model-sync: the editor text is in the store before any file operation', () => {
  it('text typed with no editor listener yet is what a rename carries (the controls.spec flake)', () => {
    const m = newFile('lab/my-svc.yaml');
    m.setValue(SVC); // pasted the moment the editor appeared
    expect(useStore.getState().renameFile('lab/my-svc.yaml', 'lab/renamed.yaml')).toBeNull();
    const s = useStore.getState();
    expect(s.files.get('lab/renamed.yaml')).toBe(SVC);
    expect(s.core.files.read('lab/renamed.yaml')).toBe(SVC);
    expect(
      s
        .runCommand('kubectl apply -f lab/renamed.yaml')
        .output.map((c) => c.text)
        .join(''),
    ).toBe('service/mine created\n');
  });

  it('every key is in the store at once: type, rename, cat in the terminal, 5 times', () => {
    for (let i = 0; i < 5; i++) {
      const m = newFile(`lab/race-${i}.yaml`);
      for (const ch of `kind: Service # ${i}\n`) m.type(ch);
      useStore.getState().renameFile(`lab/race-${i}.yaml`, `lab/race-${i}-r.yaml`);
      const out = useStore.getState().runCommand(`cat lab/race-${i}-r.yaml`);
      expect(out.output.map((c) => c.text).join('')).toBe(`kind: Service # ${i}\n`);
    }
  });

  it('Apply, the terminal and the autosave read the text typed last', () => {
    const m = newFile('lab/applied.yaml');
    m.setValue(SVC);
    useStore.getState().applyActiveFile();
    expect(useStore.getState().applyResult?.text).toBe(SVC);
    expect(useStore.getState().applyResult?.exitCode).toBe(0);
    m.type('# more\n');
    expect(snapshotForSave().scenario.files['lab/applied.yaml']).toBe(`${SVC}# more\n`);
  });

  it('a model left behind by a rename or delete writes nowhere (no file comes back)', () => {
    const a = newFile('lab/a.yaml');
    a.setValue('x: 1\n');
    useStore.getState().renameFile('lab/a.yaml', 'lab/b.yaml');
    a.type('y: 2\n');
    expect(useStore.getState().files.has('lab/a.yaml')).toBe(false);
    expect(useStore.getState().core.files.read('lab/a.yaml')).toBeUndefined();
    expect(useStore.getState().files.get('lab/b.yaml')).toBe('x: 1\n');
    useStore.getState().deleteFile('lab/b.yaml');
    const b = new FakeModel('x: 1\n');
    bindFileModel(b, 'lab/b.yaml', storeSink);
    b.type('z');
    expect(useStore.getState().files.has('lab/b.yaml')).toBe(false);
  });

  it('binds a model once, and forgets it when Monaco disposes it', () => {
    const m = newFile('lab/once.yaml');
    bindFileModel(m, 'lab/once.yaml', storeSink);
    expect(m.listeners()).toBe(1);
    expect(boundPath(m)).toBe('lab/once.yaml');
    m.dispose();
    expect(m.listeners()).toBe(0);
    expect(boundPath(m)).toBeUndefined();
  });
});
