// `-o custom-columns=HEADER:path,…` [kubectl get/customcolumn.go]: headers exactly as written,
// each path relaxed to `{.path}`, missing values `<none>`, several values joined with `,`, values
// printed with Go's fmt.Sprint (maps as `map[k:v]`), the kubectl tabwriter (reference §B5).
import { findValues } from './jsonpath';
import { JsonPathParseError, parseJsonPath } from './jsonpath-parser';
import { goPrint, goStringLess } from './printers/gofmt';
import { renderRows } from './printers/tabwriter';

export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

const RELAXED_RE = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `metadata.name`, `.metadata.name`, `{.metadata.name}` → `{.metadata.name}`. */
export function relaxedJsonPath(expr: string): { ok: true; spec: string } | { ok: false; message: string } {
  if (expr === '') return { ok: true, spec: '' };
  const m = RELAXED_RE.exec(expr);
  if (!m) {
    return {
      ok: false,
      message:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  return { ok: true, spec: `{.${m[1] || m[2]}}` };
}

/** NewCustomColumnsPrinterFromSpec. Errors carry no `error: ` prefix. */
export function parseCustomColumns(
  spec: string,
): { ok: true; columns: CustomColumn[] } | { ok: false; message: string } {
  if (spec === '')
    return { ok: false, message: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const i = part.indexOf(':');
    if (i < 0)
      return {
        ok: false,
        message: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    const r = relaxedJsonPath(part.slice(i + 1));
    if (!r.ok) return r;
    try {
      parseJsonPath(r.spec);
    } catch (e) {
      if (e instanceof JsonPathParseError) return { ok: false, message: e.message };
      throw e;
    }
    columns.push({ header: part.slice(0, i), fieldSpec: r.spec });
  }
  return { ok: true, columns };
}

/** fmt.Sprint of a decoded JSON value. */
function sprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(sprint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(goStringLess);
    return `map[${keys.map((k) => `${k}:${sprint(o[k])}`).join(' ')}]`;
  }
  return goPrint(v);
}

function cell(col: CustomColumn, obj: unknown): string {
  const values = col.fieldSpec === '' ? [] : findValues(col.fieldSpec, obj, true);
  const strs: string[] = [];
  if (values.length === 0 || (values[0] as unknown[]).length === 0) strs.push('<none>');
  for (const group of values) for (const v of group) strs.push(sprint(v));
  return strs.join(',');
}

/**
 * Print objects (items of a list, or one object) as a custom-columns table. `remembered`: the
 * column widths of a watch's earlier prints (its tabwriter's RememberWidths).
 */
export function printCustomColumns(
  columns: CustomColumn[],
  objs: readonly unknown[],
  noHeaders: boolean,
  remembered?: number[],
): string {
  const rows: string[][] = [];
  if (!noHeaders) rows.push(columns.map((c) => c.header));
  for (const o of objs) rows.push(columns.map((c) => cell(c, o)));
  return renderRows(rows, remembered);
}
