// Printing for the verbs that generate an object (expose, run): kubectl's PrintFlags
// [cli-runtime genericclioptions/print_flags.go] — json, yaml, name and the template printers —
// with the NamePrinter's operation (`service/x exposed`, `pod/x created (dry run)`).
//
// Two kinds of object reach the printer. What the server returned is unstructured: Go marshals
// its maps with sorted keys (../printers/json). What `--dry-run=client` prints is the typed
// object kubectl generated (a corev1.Pod / corev1.Service): json.MarshalIndent writes its fields
// in Go struct order [cli-runtime printers/json.go], so `typedJson` keeps the insertion order the
// generators (generate-pod.ts, generate-service.ts) build in. YAML sorts keys either way
// (sigs.k8s.io/yaml: JSON → map → go-yaml).
import type { K8sObject } from '../../sim/api/types';
import { toJson } from '../printers/json';
import { type OperationFormat, parseOperationOutput } from '../printers/operation';
import { forOutput, nameOf } from '../printers/output';
import { toYaml } from '../printers/yaml';

/** The formats and the `-o` parser are the mutating verbs' (../printers/operation). */
export type GenFormat = OperationFormat;
export const parseGenOutput = (o: string | undefined) => parseOperationOutput(o);

function goJsonString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** json.MarshalIndent(typed, "", "    ") + newline: fields in the order they were inserted. */
export function typedJson(v: unknown, indent = ''): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v !== 'object') return String(v);
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + typedJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${goJsonString(k)}: ${typedJson(x, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * One PrintObj call. `typed` = the client-generated object (dry-run=client), printed in struct
 * order for json. `operation` is the NamePrinter's (`created`, `exposed`, with the dry-run suffix).
 * `yamlCount` is the YAMLPrinter's print counter: from the second object on it writes `---`.
 */
export function printGenerated(
  format: GenFormat,
  obj: K8sObject,
  operation: string,
  typed: boolean,
  yamlCount: { n: number },
): { out: string; error?: string } {
  switch (format.kind) {
    case 'default':
      return { out: `${nameOf(obj)} ${operation}\n` };
    case 'name':
      return { out: `${nameOf(obj)}\n` };
    case 'yaml': {
      yamlCount.n++;
      return { out: `${yamlCount.n > 1 ? '---\n' : ''}${toYaml(forOutput(obj))}` };
    }
    case 'json':
      return { out: typed ? `${typedJson(obj)}\n` : toJson(forOutput(obj)) };
    case 'jsonpath': {
      const r = format.printer.print(JSON.parse(JSON.stringify(forOutput(obj))));
      return r.ok ? { out: r.text } : { out: '', error: `error: ${r.message}` };
    }
  }
}
