// kubectl's genericDescriber, for a kind with no describer of its own (here: Event)
// [kubectl v0.34.9 pkg/describe/describe.go genericDescriber.Describe, printUnstructuredContent,
// smartLabelFor; github.com/fatih/camelcase Split]. It walks the object as the server returns it
// (the `-o json` form): fields sorted, maps and lists as indented sections, scalars as `Label:\tvalue`.
import type { K8sObject } from '../../sim/api/types';
import type { DescribeInput } from './describe-kinds';
import { DescribeWriter, describeEvents, describeObjectMeta } from './describe-util';
import { forOutput } from './output';

/** camelcase.Split: runs of lower case, upper case, digits, other; `PDFLoader` → `PDF`, `Loader`. */
export function camelSplit(src: string): string[] {
  const cls = (c: string): number =>
    /\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4;
  const runs: string[][] = [];
  let last = 0;
  for (const c of src) {
    const k = cls(c);
    if (k === last && runs.length > 0) (runs[runs.length - 1] as string[]).push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = runs[i] as string[];
    const b = runs[i + 1] as string[];
    if (cls(a[0] ?? '') === 2 && cls(b[0] ?? '') === 1) b.unshift(a.pop() as string);
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** smartLabelFor: `apiVersion` → `API Version`; names with characters other than letters and `-` stay as they are. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) =>
      ACRONYMS.has(p.toUpperCase())
        ? p.toUpperCase()
        : p.replace(/(^|[^\p{L}])(\p{L})/gu, (_m, a, b) => a + b.toUpperCase()),
    )
    .join(' ');
}

/** Go's %v of a decoded JSON value: nil prints `<nil>`. */
function scalar(v: unknown): string {
  return v === null || v === undefined ? '<nil>' : String(v);
}

function printContent(
  w: DescribeWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
  skip: readonly string[],
): void {
  // PrefixWriter indents two spaces per level, however deep.
  const write = (l: number, text: string): void => w.write(0, '  '.repeat(l) + text);
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    if (value === undefined) continue;
    const path = `${prefix}.${field}`;
    if (skip.includes(path)) continue;
    if (Array.isArray(value)) {
      write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          printContent(w, level + 1, child as Record<string, unknown>, path, skip);
        } else {
          write(level + 1, `${scalar(child)}\n`);
        }
      }
    } else if (value !== null && typeof value === 'object') {
      write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path, skip);
    } else {
      write(level, `${smartLabelFor(field)}:\t${scalar(value)}\n`);
    }
  }
}

export function describeGeneric({ obj, events, now }: DescribeInput): string {
  const w = new DescribeWriter();
  describeObjectMeta(w, obj.metadata);
  const content = JSON.parse(JSON.stringify(forOutput(obj as K8sObject))) as Record<string, unknown>;
  printContent(w, 0, content, '', [
    '.metadata.managedFields',
    '.metadata.name',
    '.metadata.namespace',
    '.metadata.labels',
    '.metadata.annotations',
  ]);
  describeEvents(w, events, now);
  return w.done();
}
