// A dismissible notice (restore problems, storage full). Announced politely; never blocks the page.
import { useShallow, useStore } from '../../state/store';
import type { NoticeKind } from '../../state/view-slice';
import { type MessageKey, useT } from '../i18n';

const TEXT: Record<NoticeKind, MessageKey> = {
  restoreVersion: 'noticeRestoreVersion',
  restoreCorrupt: 'noticeRestoreCorrupt',
  storageFull: 'noticeStorageFull',
};

export function Notice() {
  const t = useT();
  const { notice, dismiss } = useStore(useShallow((s) => ({ notice: s.notice, dismiss: s.dismissNotice })));
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className="notice" data-testid="notice">
          <span aria-hidden="true" className="notice-icon">
            ⚠
          </span>
          <p>{t(TEXT[notice])}</p>
          <button type="button" onClick={dismiss}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
