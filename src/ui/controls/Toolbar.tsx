import { useT } from '../i18n';
import { ApplyButton } from './ApplyButton';
import { ClusterControls } from './ClusterControls';
import { TimeControls } from './TimeControls';
import { ViewControls } from './ViewControls';

export function Toolbar() {
  const t = useT();
  return (
    <header className="toolbar">
      <h1 className="app-title">{t('appTitle')}</h1>
      <fieldset className="toolbar-groups">
        <legend className="visually-hidden">{t('toolbar')}</legend>
        <ApplyButton />
        <TimeControls />
        <ClusterControls />
        <ViewControls />
      </fieldset>
    </header>
  );
}
