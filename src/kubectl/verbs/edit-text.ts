// The text side of `kubectl edit` [KUBECTL v0.34.9 pkg/cmd/util/editor/editoptions.go,
// pkg/cmd/util/helpers.go StripComments/ManualStrip, pkg/validation/schema.go]: the header written
// above the object, the comparisons that decide "no changes", and the client-side check of the
// edited file before anything is sent.
import { stableStringify } from '../../sim/apiserver/json';
import { parseManifests } from '../../sim/yaml';

/** editHeader.writeTo (normal edit mode). */
export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** One reason the file is reopened: `head` (with `:` when `other` lines follow). */
export interface EditReason {
  head: string;
  other: string[];
}

/** hashOnLineBreak: a `# ` after every line break not already followed by `#`. */
export function hashOnLineBreak(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\n' && i + 1 < s.length && s[i + 1] !== '#') r += '\n# ';
    else r += ch;
  }
  return r;
}

export function headerText(reasons: readonly EditReason[]): string {
  let out = EDIT_HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** ManualStrip: drop the lines whose first non-blank character is `#` (but not `#!`). */
export function manualStrip(file: string): string {
  const lines = file.split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    kept.push(i < lines.length - 1 ? `${line}\n` : line);
  });
  return kept.join('');
}

/** yaml.ToJSON of the first document: its JSON (keys sorted, as json.Marshal writes a map), or the error. */
export function yamlToJson(
  text: string,
): { ok: true; json: string; value: unknown } | { ok: false; message: string } {
  const r = parseManifests(text, 'edited-file');
  if (!r.ok) return { ok: false, message: r.error.message.replace(/^error parsing edited-file: /, '') };
  const value = r.docs[0] ?? null;
  return { ok: true, json: stableStringify(value), value };
}

/** StripComments: the file as JSON, or (when it is not YAML) without its comment lines. */
export function stripComments(file: string): string {
  const j = yamlToJson(file);
  return j.ok ? j.json : manualStrip(file);
}

/** hasLines: some line has something besides blanks and a comment. */
export function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && t[0] !== '#';
  });
}

/**
 * paramVerifyingSchema.ValidateBytes on StripComments(edited): the data must convert to JSON and
 * name its apiVersion and kind (getObjectKind); the rest is checked by the server (this API server
 * supports the fieldValidation parameter). The error text, or undefined.
 */
export function validateEdited(stripped: string): string | undefined {
  const j = yamlToJson(stripped);
  if (!j.ok) return j.message;
  const fields = j.value;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    return 'invalid object to validate';
  const o = fields as Record<string, unknown>;
  const errs: string[] = [];
  const apiVersion = o.apiVersion;
  if (apiVersion === undefined || apiVersion === null) errs.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) errs.push(`unexpected GroupVersion string: ${apiVersion}`);
  const kind = o.kind;
  if (kind === undefined || kind === null) errs.push('kind not set');
  else if (typeof kind !== 'string') errs.push("kind isn't string type");
  if (errs.length === 0) return undefined;
  // utilerrors.NewAggregate's Error(): one message alone, several as `[a, b]`.
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/** strconv.Quote: Go's escapes (\a \b \f \n \r \t \v, \xNN for other control bytes, \u for U+2028-like). */
function goQuoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0x2028 || c === 0x2029 || c === 0xfeff)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * fmt's `%#v` of a JSON value held in an unstructured object (map keys sorted, int64 for integral
 * numbers, `interface {}(nil)` for null), as Go prints `&unstructured.Unstructured{Object:…}`.
 */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuoteString(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v).replace(/e([+-])(\d)$/, 'e$10$2');
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return `map[string]interface {}{${keys.map((k) => `${goQuoteString(k)}:${goSharpV(o[k])}`).join(', ')}}`;
}
