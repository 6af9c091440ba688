// `kubectl edit`'s editor tab, seen from the store: which temp file the terminal's kubectl waits on
// (read from the session), and leaving the editor, recorded as a scenario operation so a replay
// hands kubectl the same text. Imported only by the editor and terminal chunks (not the boot path).
import { useSyncExternalStore } from 'react';
import type { OpenEdit } from '../kubectl/session';
import { useStore } from './store';

let cached: OpenEdit | undefined;

/** The open edit, the same object while it is the same file (useSyncExternalStore needs that). */
function snapshot(): OpenEdit | undefined {
  const cur = useStore.getState().core.session.editing();
  if (cur?.path !== cached?.path) cached = cur;
  return cached;
}

function subscribe(listener: () => void): () => void {
  // Commands, replays and resets change the store; the session tells when a job ends or the
  // editor opens again.
  let core = useStore.getState().core;
  let off = core.session.onOutput(() => listener());
  const unsub = useStore.subscribe((s) => {
    if (s.core !== core) {
      off();
      core = s.core;
      off = core.session.onOutput(() => listener());
    }
    listener();
  });
  return () => {
    off();
    unsub();
  };
}

export function useOpenEdit(): OpenEdit | undefined {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The student left the editor with `text` in the file (Cancel: the text kubectl wrote). */
export function finishEdit(text: string): void {
  const s = useStore.getState();
  if (!s.core.session.editing()) return;
  s.record({ t: s.core.cluster.now() - s.startedAt, op: 'edit', text });
  s.core.session.finishEdit(text);
  useStore.getState().flush();
}
