// The editor panel: file tabs (new / rename / delete), the Monaco editor (lazy), and the result strip
// showing what `kubectl apply -f <file>` printed for the last Apply. While `kubectl edit` waits for
// its editor, its temp file is one more tab (shown at once), with Finish edit / Cancel edit.
import { type KeyboardEvent, lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { OpenEdit } from '../../kubectl/session';
import { finishEdit, useOpenEdit } from '../../state/edit-actions';
import { useShallow, useStore } from '../../state/store';
import { useT } from '../i18n';
import { useEditT } from '../i18n/messages-edit';
import { MonacoLangNotice } from './MonacoLangNotice';
import { loadMonacoEditor } from './monaco-lang';

// Monaco's own UI strings are read while its modules load: the Korean table comes first (./monaco-lang).
const YamlEditor = lazy(loadMonacoEditor);

/** What the student typed in each `kubectl edit` file so far (kept across tab switches). */
const drafts = new Map<string, string>();

/** The edit tab's data-path: `:` is no file name's character (validPath), so it names no file. */
const EDIT_TAB = ':kubectl-edit';

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

interface EditTabProps {
  open: OpenEdit | undefined;
  shown: boolean;
  setShown(shown: boolean): void;
}

function FileTabs({ open, shown, setShown }: EditTabProps) {
  const t = useT();
  const te = useEditT();
  const paths = useStore(useShallow((s) => [...s.files.keys()]));
  const { active, setActiveFile, createFile, renameFile, deleteFile } = useStore(
    useShallow((s) => ({
      active: s.activeFile,
      setActiveFile: s.setActiveFile,
      createFile: s.createFile,
      renameFile: s.renameFile,
      deleteFile: s.deleteFile,
    })),
  );
  const setActive = (p: string) => {
    setShown(false);
    setActiveFile(p);
  };
  const listRef = useRef<HTMLDivElement>(null);
  // Keep the open file's tab in view (the strip scrolls sideways when there are many files).
  useEffect(() => {
    listRef.current
      ?.querySelector<HTMLElement>(`[data-path="${CSS.escape(shown ? EDIT_TAB : active)}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, shown]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    // The edit tab, when there is one, is the last of the row.
    const all = open ? [...paths, EDIT_TAB] : paths;
    const i = all.indexOf(shown ? EDIT_TAB : active);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % all.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + all.length) % all.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = all.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const p = all[next];
    if (p === undefined) return;
    if (p === EDIT_TAB) setShown(true);
    else setActive(p);
    listRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`)?.focus();
  };

  const ask = (question: string, initial: string, act: (name: string) => string | null) => {
    let value: string | null = initial;
    for (;;) {
      value = window.prompt(question, value);
      if (value === null) return;
      const err = act(value.trim());
      if (err === null) return;
      window.alert(t(err as 'fileErrorName'));
    }
  };

  return (
    <div className="file-tabs">
      <div className="tab-list" role="tablist" aria-label={t('editorTabs')} ref={listRef} onKeyDown={onKey}>
        {paths.map((p) => (
          <button
            key={p}
            type="button"
            role="tab"
            id={`tab-${p}`}
            data-path={p}
            aria-selected={!shown && p === active}
            aria-controls="editor-tabpanel"
            tabIndex={!shown && p === active ? 0 : -1}
            className="tab"
            onClick={() => setActive(p)}
          >
            {p}
          </button>
        ))}
        {open && (
          <button
            type="button"
            role="tab"
            id="tab-kubectl-edit"
            data-path={EDIT_TAB}
            aria-selected={shown}
            aria-controls="editor-tabpanel"
            tabIndex={shown ? 0 : -1}
            className="tab tab-edit"
            data-testid="edit-tab"
            onClick={() => setShown(true)}
          >
            {te('editTab', { name: baseName(open.path) })}
          </button>
        )}
      </div>
      <div className="tab-actions">
        <button type="button" onClick={() => ask(t('newFilePrompt'), '', (n) => createFile(n))}>
          <span aria-hidden="true">+</span> {t('newFile')}
        </button>
        <button
          type="button"
          disabled={!active}
          onClick={() => ask(t('renameFilePrompt', { name: active }), active, (n) => renameFile(active, n))}
        >
          {t('renameFile')}
        </button>
        <button
          type="button"
          disabled={!active}
          onClick={() => {
            if (window.confirm(t('deleteFileConfirm', { name: active }))) deleteFile(active);
          }}
        >
          {t('deleteFile')}
        </button>
      </div>
    </div>
  );
}

function ApplyResultStrip() {
  const t = useT();
  const result = useStore((s) => s.applyResult);
  if (!result) return <div className="apply-result empty" role="status" data-testid="apply-result" />;
  const ok = result.exitCode === 0;
  return (
    <div
      className={`apply-result ${ok ? 'ok' : 'failed'}`}
      role="status"
      aria-label={t('applyResult', { name: result.path })}
      data-testid="apply-result"
    >
      <span className="apply-badge">
        <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {ok ? t('applyOk') : t('applyFailed')}
      </span>
      <pre className="apply-lines">{result.output.map((c) => c.text).join('')}</pre>
    </div>
  );
}

/** The bar above `kubectl edit`'s file: what kubectl waits for, and the two ways to leave the editor. */
function EditBar({ open, text }: { open: OpenEdit; text: () => string }) {
  const te = useEditT();
  return (
    <fieldset className="edit-bar" aria-label={te('editTab', { name: baseName(open.path) })}>
      <p className="edit-hint">{te('editTabHint')}</p>
      <button type="button" className="primary" data-testid="finish-edit" onClick={() => finishEdit(text())}>
        {te('finishEdit')}
      </button>
      <button type="button" data-testid="cancel-edit" onClick={() => finishEdit(open.text)}>
        {te('cancelEdit')}
      </button>
    </fieldset>
  );
}

export default function EditorPanel() {
  const t = useT();
  const te = useEditT();
  const active = useStore((s) => s.activeFile);
  const open = useOpenEdit();
  const [shown, setShown] = useState(false);
  const [, setDraftVersion] = useState(0);
  // A new edit file (kubectl edit started, or reopened it with its errors) comes to the front.
  useEffect(() => {
    if (!open) return setShown(false);
    if (!drafts.has(open.path)) drafts.set(open.path, open.text);
    setShown(true);
  }, [open]);
  useEffect(() => {
    // Drafts of files kubectl no longer waits on are dropped.
    for (const p of drafts.keys()) if (p !== open?.path) drafts.delete(p);
  }, [open]);
  const editing = open && shown;
  const draft = () => (open ? (drafts.get(open.path) ?? open.text) : '');
  return (
    <div className="editor-panel">
      <FileTabs open={open} shown={!!editing} setShown={setShown} />
      {editing && <EditBar open={open} text={draft} />}
      <MonacoLangNotice />
      <div
        className="editor-host"
        id="editor-tabpanel"
        role="tabpanel"
        aria-labelledby={editing ? 'tab-kubectl-edit' : active ? `tab-${active}` : undefined}
        data-testid="editor"
      >
        {active || editing ? (
          <Suspense
            fallback={<p className="panel-loading">{t('panelLoading', { name: t('panelEditor') })}</p>}
          >
            <YamlEditor
              outside={
                editing
                  ? {
                      path: open.path,
                      text: draft(),
                      label: te('editorEditLabel', { name: open.path }),
                      onChange: (v) => {
                        drafts.set(open.path, v);
                        setDraftVersion((n) => n + 1);
                      },
                      onSubmit: () => finishEdit(draft()),
                    }
                  : undefined
              }
            />
          </Suspense>
        ) : (
          <p className="panel-placeholder">{t('noFile')}</p>
        )}
      </div>
      <ApplyResultStrip />
    </div>
  );
}
