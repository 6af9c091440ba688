import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadSession } from './state/core';
import { useStore } from './state/store';
import { restoreView } from './state/view-restore';
import { afterFirstPaint } from './ui/app/idle';
import { loadDagre } from './ui/graph/dagre-late';
import { loadLang } from './ui/i18n';

declare global {
  interface Window {
    /** The store, for the UI benchmark (scripts/bench-ui.mjs) and for poking at the playground from DevTools. */
    __playgroundStore?: typeof useStore;
  }
}
window.__playgroundStore = useStore;

// The layout is restored before the first paint; the files, cluster and history once the terminal
// session (a separate chunk) is loaded, because restoring replays the saved commands through it.
restoreView();
// Restoring and autosaving (./state/persist) come with the session, not before the first graph.
const persist = afterFirstPaint().then(() => import('./state/persist'));
// dagre (the graph's layout of anything but the first paint's graph) comes with the session too, so
// a student's first Apply (Apply waits for sessionReady) finds it loaded; if it fails, the graph asks
// again when it needs it (ui/graph/layout-queue) and the restore goes on.
const session = afterFirstPaint().then(() => Promise.all([loadSession(), loadDagre().catch(() => {})]));
Promise.all([persist, session])
  .then(([p]) => p.restoreSaved())
  .catch((err: unknown) => console.warn('restore failed:', err))
  .finally(() => {
    void persist.then((p) => p.startAutosave()).catch(() => {});
    useStore.setState({ sessionReady: true });
  });

// A saved Korean layout waits for its messages (a small chunk) so the page does not flash English.
const lang = useStore.getState().lang;
const root = document.getElementById('root');
void (lang === 'en' ? Promise.resolve() : loadLang(lang).catch(() => {})).then(() => {
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
});
