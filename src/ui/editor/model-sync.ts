// Every edit of a chapter file's Monaco model reaches the store (and so the VFS the terminal reads)
// in the same tick, from the model itself.
//
// Why not @monaco-editor/react's `onChange`: it is an editor-level listener that the library
// subscribes in a React effect, after the editor already shows its model (a re-render after
// `isEditorReady`), and re-subscribes after every render with that render's closure (and so that
// render's `path`). Text arriving in that gap — typed or pasted the moment the editor appears, as
// the e2e `files: new, rename and delete` did about 1 run in 4 — sat in the model and never
// reached the store: the file stayed empty for `cat`, `kubectl apply -f`, Apply and the autosave,
// and a rename (which copies the store's text into a new model) then lost it on screen too. A
// listener on the model, bound before any editor shows it, has no such gap and cannot be
// routed to another file's path. This module does not import Monaco, so it is tested in node.
import { useStore } from '../../state/store';

/** The part of a Monaco text model this needs (monaco.editor.ITextModel has it). */
export interface FileModel {
  getValue(): string;
  onDidChangeContent(listener: () => void): { dispose(): void };
  onWillDispose(listener: () => void): { dispose(): void };
}

/** Where a file's text goes: the store. */
export interface FileSink {
  /** The file still exists (a model left behind by a rename or a delete writes nowhere). */
  has(path: string): boolean;
  write(path: string, text: string): void;
}

/** The store: setFileText writes the VFS and the files map together. */
export const storeSink: FileSink = {
  has: (p) => useStore.getState().files.has(p),
  write: (p, text) => useStore.getState().setFileText(p, text),
};

const bound = new WeakMap<FileModel, string>();

/** The chapter file `model` is bound to, if any. */
export function boundPath(model: FileModel): string | undefined {
  return bound.get(model);
}

/**
 * From now on every change of `model`'s text is written to `path` in `sink` at once. Binding the
 * same model again does nothing (one model per file path, for the page's life).
 */
export function bindFileModel(model: FileModel, path: string, sink: FileSink): void {
  if (bound.has(model)) return;
  bound.set(model, path);
  const sub = model.onDidChangeContent(() => {
    // setFileText ignores text the store already has (the library pushing the store's value back).
    if (sink.has(path)) sink.write(path, model.getValue());
  });
  const gone = model.onWillDispose(() => {
    sub.dispose();
    gone.dispose();
    bound.delete(model);
  });
}
