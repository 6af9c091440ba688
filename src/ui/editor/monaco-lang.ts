// The language of Monaco's own UI (context menu, find/replace widget, command palette, hovers, go to
// line). Monaco 0.57's `localize(index, english)` (monaco-editor/esm/vs/nls.js) looks the index up in
// `globalThis._VSCODE_NLS_MESSAGES` on every call, but most calls run while Monaco's modules are
// EVALUATED: the find widget's labels are module constants (findWidget.js `NLS_FIND_INPUT_LABEL =
// localize(1019, "Find")`), and every editor action's menu title is computed when the action is
// registered at module load. So the table must be in place before Monaco is imported, and a language
// chosen afterwards cannot re-localise Monaco: re-creating the editor reuses the same evaluated
// modules (an ES module runs once per page). A switch after Monaco has loaded therefore applies on
// reload, and the editor panel says so in one line (MonacoLangNotice) with a button to reload (the
// playground is saved on pagehide, ../../state/persist).
//
// The Korean table is monaco-editor's own `nls/lang/ko.js` (~240 KB raw), bundled locally as its own
// chunk and fetched only when Monaco is about to load in Korean, never in English.
import { useSyncExternalStore } from 'react';
import { useStore } from '../../state/store';
import type { Lang } from '../../state/view-slice';

interface NlsGlobals {
  _VSCODE_NLS_MESSAGES?: unknown;
  _VSCODE_NLS_LANGUAGE?: unknown;
}
const nls = globalThis as NlsGlobals;

let koMessages: unknown;
/** The language Monaco's modules were evaluated with (undefined until they are). */
let built: Lang | undefined;
const listeners = new Set<() => void>();

/** Fetch monaco-editor's Korean table (its module sets the two globals) and keep it. */
async function loadKoTable(): Promise<void> {
  if (koMessages !== undefined) return;
  await import('monaco-editor/nls/lang/ko.js');
  koMessages = nls._VSCODE_NLS_MESSAGES;
}

/** Put Monaco's message globals in `lang` (English: none, Monaco's built-in English). */
function setGlobals(lang: Lang): Lang {
  if (lang === 'ko' && koMessages !== undefined) {
    nls._VSCODE_NLS_MESSAGES = koMessages;
    nls._VSCODE_NLS_LANGUAGE = 'ko';
    return 'ko';
  }
  delete nls._VSCODE_NLS_MESSAGES;
  delete nls._VSCODE_NLS_LANGUAGE;
  return 'en';
}

/**
 * Import the Monaco editor chunk (./YamlEditor) with Monaco's UI in the page's language: the Korean
 * table first when Korean is chosen. If the table cannot be fetched, Monaco is English.
 */
export async function loadMonacoEditor() {
  if (built === undefined) {
    if (useStore.getState().lang === 'ko') await loadKoTable().catch(() => {});
    // The student may have switched while the table was fetched: the language now is the one used.
    const lang = setGlobals(useStore.getState().lang);
    const mod = await import('./YamlEditor');
    built ??= lang;
    for (const l of listeners) l();
    return mod;
  }
  return import('./YamlEditor');
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const getBuilt = () => built;

/** Monaco's UI language once it has loaded (for tests and non-React callers). */
export const monacoBuiltLang = getBuilt;

/** Monaco's UI language once it has loaded, else undefined. */
export function useMonacoLang(): Lang | undefined {
  return useSyncExternalStore(subscribe, getBuilt);
}
