// The hop list's header buttons: clear the traffic, fold the list away. In the traffic chunk
// (re-exported by TrafficController.tsx): nothing to clear before it loads, and folding can wait
// for the first paint.
import { useT } from '../i18n';

export function HopControls({ open, onFold, onClear }: { open: boolean; onFold(): void; onClear(): void }) {
  const t = useT();
  const fold = t(open ? 'graphHopListHide' : 'graphHopListShow');
  const clear = t('graphClearTraffic');
  return (
    <>
      {open && (
        <button type="button" onClick={onClear} aria-label={clear} title={clear}>
          {t('graphClear')}
        </button>
      )}
      <button
        type="button"
        aria-expanded={open}
        aria-controls="hop-list-body"
        aria-label={fold}
        title={fold}
        onClick={onFold}
      >
        {open ? '▸' : '◂'}
      </button>
    </>
  );
}
