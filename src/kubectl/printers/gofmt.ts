// Go fmt renderings kubectl leaks into its messages: `%q` (strconv.Quote) and `%#v` of the
// unstructured object (map[string]interface {} / []interface {} / int64 / string …), as in the
// jsonpath "object given to jsonpath engine was:" dump [cli-runtime printers/jsonpath.go].

const HEX = '0123456789abcdef';

/** strconv.Quote: double-quoted Go string literal with Go's escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += `\\x${HEX[c >> 4]}${HEX[c & 15]}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's %v of a float64 (strconv 'g' with the shortest representation, exponent at >= 1e21). */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  // JS writes 1e-7 / 1e+21, Go writes 1e-07 / 1e+21.
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** `%#v` of a JSON-decoded value as Go holds it in an Unstructured object (ints are int64). */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(goStringLess);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSyntax(o[k])}`).join(', ')}}`;
  }
  return String(v);
}

/** Go compares strings bytewise (UTF-8); for our ASCII keys this is code-unit order. */
export function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `%v` of a scalar as fmt.Fprint prints it (jsonpath text output). */
export function goPrint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  return String(v);
}
