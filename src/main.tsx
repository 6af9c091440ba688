import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadSession } from './state/core';
import { useStore } from './state/store';
import { restoreView } from './state/view-restore';
import { afterFirstPaint } from './ui/app/idle';
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
Promise.all([persist, afterFirstPaint().then(loadSession)])
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
