// One panel of the layout: a labelled region with a title bar, an error boundary and a Suspense fallback.
import { type ReactNode, Suspense } from 'react';
import type { PanelId } from '../../state/view-slice';
import { type MessageKey, useT } from '../i18n';
import { PanelBoundary } from './PanelBoundary';

export const PANEL_TITLES: Record<PanelId, MessageKey> = {
  editor: 'panelEditor',
  graph: 'panelGraph',
  terminal: 'panelTerminal',
  inspector: 'panelInspector',
  browser: 'panelBrowser',
};

export function Panel({ id, children, actions }: { id: PanelId; children: ReactNode; actions?: ReactNode }) {
  const t = useT();
  const name = t(PANEL_TITLES[id]);
  return (
    <section
      id={`panel-${id}`}
      className={`panel panel-${id}`}
      aria-labelledby={`panel-title-${id}`}
      data-testid={`panel-${id}`}
    >
      <header className="panel-bar">
        <h2 id={`panel-title-${id}`} className="panel-title">
          {name}
        </h2>
        {actions}
      </header>
      <div className="panel-body">
        <PanelBoundary message={t('panelError', { name })} retryLabel={t('panelRetry')}>
          <Suspense fallback={<p className="panel-loading">{t('panelLoading', { name })}</p>}>
            {children}
          </Suspense>
        </PanelBoundary>
      </div>
    </section>
  );
}
