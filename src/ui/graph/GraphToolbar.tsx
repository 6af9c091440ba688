// Graph view controls: namespace filter, DNS pieces, packet speed, step mode (+ Next hop). One line at
// 1280×720 (every pixel of height is graph); clearing the traffic sits with the hop list it empties.
import { memo } from 'react';
import { useShallow, useStore } from '../../state/store';
import { useT } from '../i18n';

const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

// memo: the graph re-renders when packets arrive; React would otherwise rewrite each input's
// type/name attributes every time
export const GraphToolbar = memo(function GraphToolbar({
  namespaces,
  canStep,
  onNext,
  showSlices,
  onShowSlices,
}: {
  namespaces: string[];
  showSlices: boolean;
  onShowSlices(on: boolean): void;
  canStep: boolean;
  onNext(): void;
}) {
  const t = useT();
  const s = useStore(
    useShallow((x) => ({
      ns: x.namespaceFilter,
      showDns: x.showDns,
      speed: x.traceSpeed,
      stepMode: x.stepMode,
    })),
  );
  const set = useStore.getState;
  return (
    <div className="graph-toolbar" role="toolbar" aria-label={t('graphRegion')}>
      <label>
        {t('graphNamespace')}
        <select
          value={s.ns ?? ''}
          onChange={(e) => set().setNamespaceFilter(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('graphAllNamespaces')}</option>
          {namespaces.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={s.showDns} onChange={(e) => set().setShowDns(e.target.checked)} />
        {t('graphShowDns')}
      </label>
      <label>
        <input type="checkbox" checked={showSlices} onChange={(e) => onShowSlices(e.target.checked)} />
        {t('graphShowSlices')}
      </label>
      <label>
        {t('graphSpeed')}
        <select value={s.speed} onChange={(e) => set().setTraceSpeed(Number(e.target.value))}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <label title={t('graphStepModeHint')}>
        <input type="checkbox" checked={s.stepMode} onChange={(e) => set().setStepMode(e.target.checked)} />
        {t('graphStepMode')}
      </label>
      {s.stepMode ? (
        <button type="button" onClick={onNext} disabled={!canStep} aria-keyshortcuts="N">
          {t('graphNextHop')}
        </button>
      ) : null}
    </div>
  );
});
