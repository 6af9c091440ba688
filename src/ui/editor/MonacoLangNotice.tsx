// One line above the editor when the UI language was changed after Monaco loaded: Monaco's own menus
// keep the language they were built in until the page reloads (see ./monaco-lang for why), so the
// student is told, and can reload at once. The playground is saved on pagehide (state/persist), so a
// reload keeps the files, the cluster and the chosen language; the button waits for the session
// (autosave starts with it).
import { useState } from 'react';
import { useStore } from '../../state/store';
import { useMonacoT } from '../i18n/messages-monaco';
import { useMonacoLang } from './monaco-lang';

export function MonacoLangNotice() {
  const tm = useMonacoT();
  const built = useMonacoLang();
  const lang = useStore((s) => s.lang);
  const ready = useStore((s) => s.sessionReady);
  // Dismissed for this pair of languages (switching again shows it again).
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (built === undefined || built === lang || dismissed === `${built}>${lang}`) return null;
  return (
    <div className="edit-bar" role="status" data-testid="monaco-lang-notice">
      <p className="edit-hint">{tm(lang === 'ko' ? 'monacoLangToKo' : 'monacoLangToEn')}</p>
      {ready && (
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {tm('monacoReload')}
        </button>
      )}
      <button type="button" onClick={() => setDismissed(`${built}>${lang}`)}>
        {tm('monacoLangDismiss')}
      </button>
    </div>
  );
}
