import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadSession } from './state/core';
import { restoreSaved, restoreView, startAutosave } from './state/persist';
import { useStore } from './state/store';
import { afterFirstPaint } from './ui/app/idle';

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
afterFirstPaint()
  .then(loadSession)
  .then(() => {
    restoreSaved();
  })
  .catch((err: unknown) => console.warn('restore failed:', err))
  .finally(() => {
    startAutosave();
    useStore.setState({ sessionReady: true });
  });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
