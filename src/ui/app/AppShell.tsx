// The page: toolbar, notice, and the panels (editor + terminal on the left, graph with inspector and
// browser on the right). Hidden panels are unmounted; a column with nothing to show collapses.
// Splitters sit between the columns and between the panels of a column while both sides are shown.
import { lazy, useEffect, useLayoutEffect, useRef } from 'react';
import type { Layout } from '../../state/layout';
import { useShallow, useStore } from '../../state/store';
import { currentLayout } from '../../state/view-slice';
import { Toolbar } from '../controls/Toolbar';
import { useT } from '../i18n';
import { useFrameLoop } from './frame-loop';
import { useAfterFirstPaint } from './idle';
import { Notice } from './Notice';
import { Panel } from './Panel';
import { Splitter } from './Splitter';
import { BrowserSlot, GraphSlot, InspectorSlot } from './slots';

const EditorPanel = lazy(() => import('../editor/EditorPanel'));
const TerminalPanel = lazy(() => import('../terminal/TerminalPanel'));

export function AppShell() {
  const t = useT();
  useFrameLoop();
  const { panels, lang, largeText } = useStore(
    useShallow((s) => ({ panels: s.panels, lang: s.lang, largeText: s.largeText })),
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.classList.toggle('large-text', largeText);
    document.title = t('appTitle');
  }, [lang, largeText, t]);

  // Monaco and xterm are large: their chunks are requested after the graph's first paint. The
  // inspector and browser show nothing until something is selected or browsed, so they wait too
  // (their chunks, with the YAML printer, are not on the first graph's critical path).
  const painted = useAfterFirstPaint();
  // Ctrl/Cmd+Enter applies the open file from anywhere but the terminal (where Enter runs the line);
  // inside Monaco the editor's own command handles it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key !== 'Enter' || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('.terminal-host, .monaco-editor')) return;
      const s = useStore.getState();
      if (!s.sessionReady) return;
      e.preventDefault();
      s.applyActiveFile();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The splitters' shares become the panes' flex-grow (app.css) through CSS variables set here, not by
  // rendering: a drag changes them every frame and must not re-render every panel.
  const main = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const apply = (l: Layout) => {
      const st = main.current?.style;
      if (!st) return;
      for (const [k, v] of Object.entries(l)) {
        st.setProperty(`--${k}-a`, String(v * 1000));
        st.setProperty(`--${k}-b`, String((1 - v) * 1000));
      }
    };
    // Until the student moves a splitter the shares follow the window's size (src/state/layout
    // defaultLayoutFor): measured here, before the first paint, and on every resize.
    const measure = () => useStore.getState().setWindowSize(window.innerWidth, window.innerHeight);
    measure();
    let shown = currentLayout(useStore.getState());
    apply(shown);
    const unsub = useStore.subscribe((s, prev) => {
      if (s.layout === prev.layout && s.windowSize === prev.windowSize) return;
      const l = currentLayout(s);
      if (l !== shown) apply(l);
      shown = l;
    });
    window.addEventListener('resize', measure);
    return () => {
      unsub();
      window.removeEventListener('resize', measure);
    };
  }, []);
  const left = panels.editor || panels.terminal;
  const right = panels.graph || panels.inspector || panels.browser;
  const bottom = panels.inspector || panels.browser;
  const hint = t('resizeHint');
  const between = (a: string, b: string) => t('resizeBetween', { a, b });
  return (
    <div className="app">
      <a className="skip-link" href="#panel-title-editor">
        {t('skipToEditor')}
      </a>
      <Toolbar />
      <Notice />
      <main ref={main} className="workspace">
        {left && (
          <div className="column column-left" id="column-left">
            {panels.editor && <Panel id="editor">{painted && <EditorPanel />}</Panel>}
            {panels.editor && panels.terminal && (
              <Splitter
                id="left"
                controls="panel-editor"
                label={between(t('panelEditor'), t('panelTerminal'))}
                hint={hint}
              />
            )}
            {panels.terminal && <Panel id="terminal">{painted && <TerminalPanel />}</Panel>}
          </div>
        )}
        {left && right && <Splitter id="col" controls="column-left" label={t('resizeColumns')} hint={hint} />}
        {right && (
          <div className="column column-right">
            {panels.graph && (
              <Panel id="graph">
                <GraphSlot />
              </Panel>
            )}
            {panels.graph && bottom && (
              <Splitter
                id="right"
                controls="panel-graph"
                label={between(t('panelGraph'), t(panels.inspector ? 'panelInspector' : 'panelBrowser'))}
                hint={hint}
              />
            )}
            {bottom && (
              <div className="row-bottom">
                {panels.inspector && <Panel id="inspector">{painted && <InspectorSlot />}</Panel>}
                {panels.browser && <Panel id="browser">{painted && <BrowserSlot />}</Panel>}
              </div>
            )}
          </div>
        )}
      </main>
    </div>
  );
}
