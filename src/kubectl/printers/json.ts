// `kubectl get -o json`: Go encoding/json of the unstructured object, re-indented with four
// spaces (json.MarshalIndent(obj, "", "    ") in cli-runtime printers/json.go). Go sorts map keys
// and escapes <, >, & and U+2028/U+2029 (HTML-safe encoding).
import { goStringLess } from './gofmt';

function goJsonString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function write(v: unknown, indent: string, step: string, out: string[]): void {
  if (v === null || v === undefined) {
    out.push('null');
  } else if (typeof v === 'string') {
    out.push(goJsonString(v));
  } else if (typeof v === 'number' || typeof v === 'boolean') {
    out.push(String(v));
  } else if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    const inner = indent + step;
    out.push('[');
    v.forEach((x, i) => {
      out.push(step ? `\n${inner}` : '');
      write(x, inner, step, out);
      if (i < v.length - 1) out.push(',');
    });
    out.push(step ? `\n${indent}]` : ']');
  } else {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(goStringLess);
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    const inner = indent + step;
    out.push('{');
    keys.forEach((k, i) => {
      out.push(step ? `\n${inner}${goJsonString(k)}: ` : `${goJsonString(k)}:`);
      write(o[k], inner, step, out);
      if (i < keys.length - 1) out.push(',');
    });
    out.push(step ? `\n${indent}}` : '}');
  }
}

/** json.MarshalIndent(v, "", "    ") followed by a newline, as kubectl prints it. */
export function toJson(v: unknown): string {
  const out: string[] = [];
  write(v, '', '    ', out);
  out.push('\n');
  return out.join('');
}

/** json.Marshal(v): compact, sorted keys (jsonpath prints maps and arrays this way). */
export function toCompactJson(v: unknown): string {
  const out: string[] = [];
  write(v, '', '', out);
  return out.join('');
}
