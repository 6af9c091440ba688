// Monaco with monaco-yaml (schema validation, completion, hover). One model per VFS file (the `path`
// prop); edits go straight to the VFS through the store, from the model (./model-sync: the library's
// onChange missed text typed as the editor appeared). Ctrl/Cmd+Enter applies the file. After an
// apply, kubectl's errors become markers at the field's line and column (./markers).
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { monaco } from '../../monaco-setup';
import { useStore } from '../../state/store';
import { useT } from '../i18n';
import { applyMarkers } from './markers';
import { bindFileModel, boundPath, storeSink } from './model-sync';

const OWNER = 'kubectl-apply';

function modelUriPath(path: string) {
  return monaco.Uri.parse(path).path;
}

function modelFor(path: string) {
  const uri = monaco.Uri.parse(path).toString();
  return monaco.editor.getModels().find((m) => m.uri.toString() === uri);
}

/**
 * The chapter file's model, bound to the store before any editor shows it. Created here with the
 * store's text (the library then finds it by its path and does not create its own).
 */
function fileModel(path: string, text: string) {
  const model = modelFor(path) ?? monaco.editor.createModel(text, languageOf(path), monaco.Uri.parse(path));
  bindFileModel(model, path, storeSink);
  return model;
}

/** YAML files get the YAML grammar and the Kubernetes schema; anything else (README.md) is plain text. */
function languageOf(path: string): string {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'plaintext';
}

/** A file outside the chapter folder (`kubectl edit`'s temp file): its text and what to do with it. */
export interface OutsideFile {
  path: string;
  text: string;
  label: string;
  onChange(text: string): void;
  /** Ctrl/Cmd+Enter (Finish edit). */
  onSubmit(): void;
}

export default function YamlEditor({ outside }: { outside?: OutsideFile | undefined }) {
  const t = useT();
  const activeFile = useStore((s) => s.activeFile);
  const fileText = useStore((s) => s.files.get(s.activeFile) ?? '');
  const path = outside?.path ?? activeFile;
  const text = outside?.text ?? fileText;
  const outsideRef = useRef(outside);
  outsideRef.current = outside;
  const largeText = useStore((s) => s.largeText);
  const applyResult = useStore((s) => s.applyResult);
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const reduced =
    typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
      if (outsideRef.current) outsideRef.current.onSubmit();
      // Like the Apply button (disabled) and the page's Ctrl+Enter (AppShell): nothing until the
      // session has loaded, else the result strip showed the core's English "still starting" error
      // (state/core.ts NOT_READY) and the run was recorded for replay.
      else if (useStore.getState().sessionReady) useStore.getState().applyActiveFile();
    });
    // Apply markers describe the text that was applied: drop them once that file is edited.
    editor.onDidChangeModelContent(() => {
      const m = editor.getModel();
      if (m) monaco.editor.setModelMarkers(m, OWNER, []);
    });
  };

  useEffect(() => {
    if (!applyResult) return;
    const model = modelFor(applyResult.path);
    if (!model) return;
    const out = applyResult.output.map((c) => c.text).join('');
    const markers = applyResult.exitCode === 0 ? [] : applyMarkers(applyResult.text, out);
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      markers.map((m) => ({
        ...m,
        startLineNumber: m.startLine,
        startColumn: m.startCol,
        endLineNumber: m.endLine,
        endColumn: m.endCol,
        severity: monaco.MarkerSeverity.Error,
        source: 'kubectl apply',
      })),
    );
  }, [applyResult]);

  // Layout effect: it runs before the library's own (passive) effects that create the editor or
  // switch it to this path's model, so the model is bound before it can take a key.
  useLayoutEffect(() => {
    if (!outsideRef.current) fileModel(path, useStore.getState().files.get(path) ?? '');
  }, [path]);

  useEffect(() => {
    editorRef.current?.updateOptions({ fontSize: largeText ? 20 : 14 });
  }, [largeText]);

  // Files of `kubectl edit` that kubectl no longer waits on, and files renamed or deleted: their
  // models go (a new file of the same name gets a new model with its own text).
  const files = useStore((s) => s.files);
  useEffect(() => {
    const open = useStore.getState().core.session.editing()?.path;
    const shown = editorRef.current?.getModel();
    for (const m of monaco.editor.getModels()) {
      if (m === shown) continue;
      const p = m.uri.path;
      const file = boundPath(m);
      if (p.startsWith('/tmp/kubectl-edit-') && p !== open && p !== path) m.dispose();
      else if (file !== undefined && file !== path && !files.has(file)) m.dispose();
    }
  }, [path, files]);

  return (
    <Editor
      path={path}
      defaultLanguage={languageOf(path)}
      language={languageOf(path)}
      value={text}
      // Only `kubectl edit`'s file: the chapter's files are written from their models (fileModel).
      // This closure stays subscribed until the library's effect replaces it, so it checks which
      // model the change is in rather than trusting the render it came from.
      onChange={(v) => {
        const o = outsideRef.current;
        const shown = editorRef.current?.getModel();
        if (o && shown && boundPath(shown) === undefined && shown.uri.path === modelUriPath(o.path))
          o.onChange(v ?? '');
      }}
      onMount={onMount}
      loading={t('panelLoading', { name: t('panelEditor') })}
      options={{
        ariaLabel: outside?.label ?? t('editorLabel', { name: path }),
        minimap: { enabled: false },
        automaticLayout: true,
        tabSize: 2,
        insertSpaces: true,
        fontSize: largeText ? 20 : 14,
        scrollBeyondLastLine: false,
        smoothScrolling: !reduced,
        cursorBlinking: reduced ? 'solid' : 'blink',
        renderWhitespace: 'boundary',
        quickSuggestions: { other: true, comments: false, strings: true },
        fixedOverflowWidgets: true,
        // Monaco 0.57 draws its context menu in a shadow root that its theme's CSS variables
        // (--vscode-menu-background, …) do not reach: the menu had no background and its items lay
        // over the code, unreadable. In the page's DOM the menu gets the theme's colours.
        useShadowDOM: false,
      }}
    />
  );
}
