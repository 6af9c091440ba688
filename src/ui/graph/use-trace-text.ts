// The packet tracer's words in the page's language: a reason or hop label with its machine form
// (Trace.reasonCode, Hop.textCode) through the trace catalogue of the chosen language (Korean:
// `koTrace`, loaded with the Korean messages), else the tracer's own English text, which the English
// catalogue (src/ui/i18n/messages-trace.ts) equals word for word.
import { useCallback } from 'react';
import type { HopKind, TextCode } from '../../sim/contract';
import { useStore } from '../../state/store';
import { traceCatalogue, useT } from '../i18n';
import { traceText } from '../i18n/trace-text';

export type TraceTFn = (english: string, code: TextCode | undefined) => string;

export function useTraceT(): TraceTFn {
  const lang = useStore((s) => s.lang);
  // a new `t` when a catalogue arrives: the Korean trace sentences come with it
  const t = useT();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `t` changes when a catalogue arrives
  return useCallback((english, code) => traceText(traceCatalogue(lang), english, code), [lang, t]);
}

/** A hop's kind as the packet list names it (`send`, `no-rule`, …). */
export const kindText = (tt: TraceTFn, kind: HopKind) => tt(kind, { key: `kind.${kind}`, params: {} });
