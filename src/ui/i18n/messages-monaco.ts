// Messages about Monaco's own UI language (../editor/monaco-lang), English and Korean. Their own small
// catalogue, imported only by the editor chunk, so the page's first load does not carry them.
import { useStore } from '../../state/store';
import type { Lang } from '../../state/view-slice';

const en = {
  /** The UI is Korean, Monaco was loaded in English: it changes only when the page reloads. */
  monacoLangToKo: 'The editor’s own menus (right-click, Find, F1) switch to Korean when the page reloads.',
  /** The UI is English, Monaco was loaded in Korean. */
  monacoLangToEn: 'The editor’s own menus (right-click, Find, F1) switch to English when the page reloads.',
  monacoReload: 'Reload now',
  monacoLangDismiss: 'Dismiss',
};

export type MonacoMessageKey = keyof typeof en;

const ko: Record<MonacoMessageKey, string> = {
  monacoLangToKo: '편집기 자체 메뉴(오른쪽 클릭 메뉴, 찾기, F1)는 페이지를 새로 고치면 한국어로 바뀝니다.',
  monacoLangToEn: '편집기 자체 메뉴(오른쪽 클릭 메뉴, 찾기, F1)는 페이지를 새로 고치면 영어로 바뀝니다.',
  monacoReload: '지금 새로 고침',
  monacoLangDismiss: '닫기',
};

export const MONACO_MESSAGES: Record<Lang, Record<MonacoMessageKey, string>> = { en, ko };

export function useMonacoT(): (key: MonacoMessageKey) => string {
  const lang = useStore((s) => s.lang);
  return (key) => MONACO_MESSAGES[lang][key];
}
