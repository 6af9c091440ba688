// `useT()` gives the translate function for the current language (from the store's view slice).
import { useCallback } from 'react';
import { useStore } from '../../state/store';
import type { Lang } from '../../state/view-slice';
import { catalogues, type MessageKey } from './messages';

export type { MessageKey } from './messages';

export type TFn = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = catalogues[lang][key] ?? catalogues.en[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function useT(): TFn {
  const lang = useStore((s) => s.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}
