// The Apply button: `kubectl apply -f <active file>` through the terminal session (same code path).
import { useStore } from '../../state/store';
import { useT } from '../i18n';

export function ApplyButton() {
  const t = useT();
  const apply = useStore((s) => s.applyActiveFile);
  const disabled = useStore((s) => !s.sessionReady || !s.files.has(s.activeFile));
  return (
    <button type="button" className="primary" onClick={apply} disabled={disabled} title={t('applyHint')}>
      <span aria-hidden="true">▶▶ </span>
      {t('apply')}
    </button>
  );
}
