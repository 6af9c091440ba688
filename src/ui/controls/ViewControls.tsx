// Language, large text (for projectors) and which panels are shown.

import { useShallow, useStore } from '../../state/store';
import { type Lang, PANEL_IDS } from '../../state/view-slice';
import { PANEL_TITLES } from '../app/Panel';
import { useT } from '../i18n';

export function ViewControls() {
  const t = useT();
  const { lang, setLang, largeText, setLargeText, panels, togglePanel } = useStore(
    useShallow((s) => ({
      lang: s.lang,
      setLang: s.setLang,
      largeText: s.largeText,
      setLargeText: s.setLargeText,
      panels: s.panels,
      togglePanel: s.togglePanel,
    })),
  );
  return (
    <>
      <fieldset className="group panel-toggles">
        <legend className="visually-hidden">{t('panels')}</legend>
        {PANEL_IDS.map((id) => (
          <button
            key={id}
            type="button"
            aria-pressed={panels[id]}
            onClick={() => togglePanel(id)}
            title={t('showPanel', { name: t(PANEL_TITLES[id]) })}
          >
            <span aria-hidden="true">{panels[id] ? '☑' : '☐'}</span> {t(PANEL_TITLES[id])}
          </button>
        ))}
      </fieldset>
      <div className="group">
        <label className="inline" htmlFor="lang-select">
          {t('language')}
        </label>
        <select id="lang-select" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
          <option value="en" lang="en">
            English
          </option>
          <option value="ko" lang="ko">
            한국어
          </option>
        </select>
        <label className="inline checkbox">
          <input type="checkbox" checked={largeText} onChange={(e) => setLargeText(e.target.checked)} />
          {t('largeText')}
        </label>
      </div>
    </>
  );
}
