// The editor panel: file tabs (new / rename / delete), the Monaco editor (lazy), and the result strip
// showing what `kubectl apply -f <file>` printed for the last Apply.
import { type KeyboardEvent, lazy, Suspense, useEffect, useRef } from 'react';
import { useShallow, useStore } from '../../state/store';
import { useT } from '../i18n';

const YamlEditor = lazy(() => import('./YamlEditor'));

function FileTabs() {
  const t = useT();
  const paths = useStore(useShallow((s) => [...s.files.keys()]));
  const { active, setActive, createFile, renameFile, deleteFile } = useStore(
    useShallow((s) => ({
      active: s.activeFile,
      setActive: s.setActiveFile,
      createFile: s.createFile,
      renameFile: s.renameFile,
      deleteFile: s.deleteFile,
    })),
  );
  const listRef = useRef<HTMLDivElement>(null);
  // Keep the open file's tab in view (the strip scrolls sideways when there are many files).
  useEffect(() => {
    listRef.current
      ?.querySelector<HTMLElement>(`[data-path="${CSS.escape(active)}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = paths.indexOf(active);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % paths.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + paths.length) % paths.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = paths.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const p = paths[next];
    if (p === undefined) return;
    setActive(p);
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
            aria-selected={p === active}
            aria-controls="editor-tabpanel"
            tabIndex={p === active ? 0 : -1}
            className="tab"
            onClick={() => setActive(p)}
          >
            {p}
          </button>
        ))}
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

export default function EditorPanel() {
  const t = useT();
  const active = useStore((s) => s.activeFile);
  return (
    <div className="editor-panel">
      <FileTabs />
      <div
        className="editor-host"
        id="editor-tabpanel"
        role="tabpanel"
        aria-labelledby={active ? `tab-${active}` : undefined}
        data-testid="editor"
      >
        {active ? (
          <Suspense
            fallback={<p className="panel-loading">{t('panelLoading', { name: t('panelEditor') })}</p>}
          >
            <YamlEditor />
          </Suspense>
        ) : (
          <p className="panel-placeholder">{t('noFile')}</p>
        )}
      </div>
      <ApplyResultStrip />
    </div>
  );
}
