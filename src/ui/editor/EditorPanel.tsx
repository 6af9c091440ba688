// The editor panel: file tabs (new / rename / delete), the Monaco editor (lazy), and the result strip
// showing what `kubectl apply -f <file>` printed for the last Apply. While `kubectl edit` waits for
// its editor, its temp file is one more tab (shown at once), with Finish edit / Cancel edit.
import { type KeyboardEvent, lazy, type RefObject, Suspense, useEffect, useRef, useState } from 'react';
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

/** Scroll the tab row sideways so `tab` lies whole inside it (only the row: scrollIntoView moved the panels too). */
function reveal(list: HTMLElement, tab: HTMLElement | null) {
  if (!tab) return;
  const l = list.getBoundingClientRect();
  const r = tab.getBoundingClientRect();
  if (r.left < l.left) list.scrollLeft -= Math.ceil(l.left - r.left);
  else if (r.right > l.right) list.scrollLeft += Math.ceil(Math.min(r.right - l.right, r.left - l.left));
}

/** A page of tabs further along the row (`dir` −1: back), leaving the last one seen in view. */
function page(list: HTMLElement | null, dir: 1 | -1) {
  if (list) list.scrollLeft += dir * Math.max(40, list.clientWidth * 0.8);
}

/**
 * The chapter's thirteen files do not fit one row at 1280×720 (3,176 px of tabs in a 319 px row with
 * Large text), and a sideways scroll hid which files exist. So: how many tabs lie (partly) outside the
 * row on each side, shown as the row's ‹N / N› buttons beside an "All files" list; and the open
 * file's tab is kept whole in view when it changes and when the row is resized (Large text, a
 * splitter), not when the student scrolls it.
 */
function useTabOverflow(
  listRef: RefObject<HTMLDivElement | null>,
  current: string,
  count: number,
): { before: number; after: number } {
  const [hidden, setHidden] = useState({ before: 0, after: 0 });
  const currentRef = useRef(current);
  currentRef.current = current;
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const l = list.getBoundingClientRect();
      let before = 0;
      let after = 0;
      for (const tab of list.children) {
        const r = tab.getBoundingClientRect();
        if (r.left < l.left - 1) before++;
        else if (r.right > l.right + 1) after++;
      }
      setHidden((h) => (h.before === before && h.after === after ? h : { before, after }));
    };
    const resized = () => {
      reveal(list, list.querySelector<HTMLElement>(`[data-path="${CSS.escape(currentRef.current)}"]`));
      measure();
    };
    const ro = new ResizeObserver(resized);
    ro.observe(list);
    list.addEventListener('scroll', measure, { passive: true });
    return () => {
      ro.disconnect();
      list.removeEventListener('scroll', measure);
    };
  }, [listRef]);
  // the open file's tab into view when it changes (or the files do)
  // biome-ignore lint/correctness/useExhaustiveDependencies: count: a file added or removed moves the tabs
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    reveal(list, list.querySelector<HTMLElement>(`[data-path="${CSS.escape(current)}"]`));
    list.dispatchEvent(new Event('scroll'));
  }, [current, count, listRef]);
  return hidden;
}

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
  const current = shown ? EDIT_TAB : active;
  const { before, after } = useTabOverflow(listRef, current, paths.length + (open ? 1 : 0));

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

  const overflows = before + after > 0;
  return (
    <div className={`file-tabs${overflows ? ' is-overflowing' : ''}`}>
      {overflows && (
        // every file in one list, the open one shown, when the row cannot show every tab
        <select
          className="file-picker"
          aria-label={t('editorAllFiles', { n: paths.length })}
          title={t('editorAllFiles', { n: paths.length })}
          value={shown ? '' : active}
          onChange={(e) => setActive(e.target.value)}
        >
          {shown || !paths.includes(active) ? <option value="">…</option> : null}
          {paths.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      )}
      {/* both ends' buttons while the row overflows, of a fixed width: a resize of the row brings
          the open tab back into view, and a button coming or going resized it */}
      {overflows && (
        <button
          type="button"
          className="tab-more"
          aria-label={t('editorTabsBefore', { n: before })}
          title={t('editorTabsBefore', { n: before })}
          disabled={before === 0}
          onClick={() => page(listRef.current, -1)}
        >
          ‹{before || ''}
        </button>
      )}
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
            title={p}
            // its name is the path as written (the folder's box would read as a separate word)
            aria-label={p}
          >
            {/* the folder shrinks to its first letters when tabs are crowded (app.css .tab-dir) */}
            {p.includes('/') ? <span className="tab-dir">{p.slice(0, p.lastIndexOf('/'))}</span> : null}
            {p.includes('/') ? '/' : ''}
            {baseName(p)}
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
      {overflows && (
        <button
          type="button"
          className="tab-more"
          aria-label={t('editorTabsAfter', { n: after })}
          title={t('editorTabsAfter', { n: after })}
          disabled={after === 0}
          onClick={() => page(listRef.current, 1)}
        >
          {after || ''}›
        </button>
      )}
      <div className="tab-actions">
        {/* on a narrow panel each keeps its sign only (app.css); the name stays its accessible name */}
        <button
          type="button"
          aria-label={t('newFile')}
          title={t('newFile')}
          onClick={() => ask(t('newFilePrompt'), '', (n) => createFile(n))}
        >
          <span aria-hidden="true">+</span> <span className="tab-action-text">{t('newFile')}</span>
        </button>
        <button
          type="button"
          aria-label={t('renameFile')}
          title={t('renameFile')}
          disabled={!active}
          onClick={() => ask(t('renameFilePrompt', { name: active }), active, (n) => renameFile(active, n))}
        >
          <span aria-hidden="true" className="tab-action-sign">
            ✎
          </span>
          <span className="tab-action-text">{t('renameFile')}</span>
        </button>
        <button
          type="button"
          aria-label={t('deleteFile')}
          title={t('deleteFile')}
          disabled={!active}
          onClick={() => {
            if (window.confirm(t('deleteFileConfirm', { name: active }))) deleteFile(active);
          }}
        >
          <span aria-hidden="true" className="tab-action-sign">
            ✕
          </span>
          <span className="tab-action-text">{t('deleteFile')}</span>
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
