// `useT()` gives the translate function for the current language (from the store's view slice).
// English is bundled with the page; Korean is its own chunk, fetched the first time it is chosen (or
// restored), and until it arrives the English text stands in.
import { useCallback, useSyncExternalStore } from 'react';
import { useStore } from '../../state/store';
import type { Lang } from '../../state/view-slice';
import { en, type MessageKey } from './messages';

export type { MessageKey } from './messages';

export type TFn = (key: MessageKey, vars?: Record<string, string | number>) => string;

const catalogues: Partial<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en };
/** The packet tracer's sentences (./messages-trace) by language; English shows the tracer's own text. */
const traceCatalogues: Partial<Record<Lang, Readonly<Record<string, string>>>> = {};
const loading = new Map<Lang, Promise<void>>();
const listeners = new Set<() => void>();
/** Bumped when a catalogue arrives, so `useT` users re-render with it. */
let version = 0;

/** Fetch a language's messages (idempotent); resolves once `translate` uses them. */
export function loadLang(lang: Lang): Promise<void> {
  if (catalogues[lang]) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = import('./messages-ko').then((m) => {
      catalogues.ko = m.ko;
      traceCatalogues.ko = m.koTrace;
      version++;
      for (const l of listeners) l();
    });
    loading.set(lang, p);
  }
  return p;
}

// Choosing a language in the toolbar (or restoring it) fetches its messages.
useStore.subscribe((s, prev) => {
  if (s.lang !== prev.lang) void loadLang(s.lang).catch(() => {});
});

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = catalogues[lang]?.[key] ?? en[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export const traceCatalogue = (lang: Lang) => traceCatalogues[lang];

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const getVersion = () => version;

export function useT(): TFn {
  const lang = useStore((s) => s.lang);
  const v = useSyncExternalStore(subscribe, getVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `v` changes when a catalogue arrives
  return useCallback((key, vars) => translate(lang, key, vars), [lang, v]);
}
