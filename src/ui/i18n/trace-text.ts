// A tracer sentence in machine form (Trace.reasonCode, Hop.textCode) as text of a trace catalogue
// (./messages-trace for English, `koTrace` in ./messages-ko). Pure, so tests render in node.
import type { TextCode, TextParam } from '../../sim/contract';

/** `code` in `cat`, nested sentences included; undefined when the catalogue lacks a key or a param. */
export function renderText(cat: Readonly<Record<string, string>>, code: TextCode): string | undefined {
  const text = cat[code.key];
  if (text === undefined) return undefined;
  let whole = true;
  const out = text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = code.params[name];
    const r = v === undefined ? undefined : param(cat, v);
    if (r === undefined) whole = false;
    return r ?? m;
  });
  return whole ? out : undefined;
}

function param(cat: Readonly<Record<string, string>>, v: TextParam): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (!Array.isArray(v)) return renderText(cat, v);
  const parts = v.map((c) => renderText(cat, c));
  return parts.every((p) => p !== undefined) ? parts.join('; ') : undefined;
}

/** The sentence in `cat` when it has all of it, else the tracer's own English text. */
export function traceText(
  cat: Readonly<Record<string, string>> | undefined,
  english: string,
  code: TextCode | undefined,
): string {
  return (cat && code && renderText(cat, code)) || english;
}
