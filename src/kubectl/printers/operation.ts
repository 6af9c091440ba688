// The printer a mutating verb (apply, label, scale) gets from kubectl's PrintFlags
// [cli-runtime genericclioptions/print_flags.go, name_flags.go; printers/name.go, yaml.go, json.go]:
// without -o, the NamePrinter with the verb's operation (`deployment.apps/x scaled (dry run)`);
// `-o name`, the NamePrinter in its short form (`deployment.apps/x`, no operation); `-o yaml|json`,
// the object as Go marshals the unstructured map (keys sorted); jsonpath as `get` does.
import type { K8sObject } from '../../sim/api/types';
import { JsonPathPrinter } from '../jsonpath';
import { toJson } from './json';
import { forOutput, nameOf } from './output';
import { toYaml } from './yaml';

export type OperationFormat =
  | { kind: 'default' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; printer: JsonPathPrinter };

// PrintFlags.AllowedFormats as NoCompatiblePrinterError lists them (sorted).
const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/**
 * `-o` for a mutating verb. Errors carry kubectl's `error: ` prefix. The go-template and
 * *-file printers are not implemented here: they answer the no-match error.
 */
export function parseOperationOutput(
  o: string | undefined,
  /** JSONPathPrinter's AllowMissingKeys (PrintFlags sets it true; create's own flag can turn it off). */
  allowMissingKeys = true,
): { ok: true; format: OperationFormat } | { ok: false; message: string } {
  if (o === undefined || o === '') return { ok: true, format: { kind: 'default' } };
  const lower = o.toLowerCase();
  if (lower === 'yaml' || lower === 'json' || lower === 'name') return { ok: true, format: { kind: lower } };
  const eq = o.indexOf('=');
  const name = eq < 0 ? o : o.slice(0, eq);
  if (name === 'jsonpath' || name === 'jsonpath-as-json') {
    const arg = eq < 0 ? '' : o.slice(eq + 1);
    if (!arg) return { ok: false, message: 'error: template format specified but no template given' };
    const p = JsonPathPrinter.create(arg, { allowMissingKeys, outputJSON: name === 'jsonpath-as-json' });
    // jsonpath_flags.go `error parsing jsonpath %s, %v` (no newline of its own; CheckErr adds one).
    if ('error' in p) return { ok: false, message: `error: ${p.error}` };
    return { ok: true, format: { kind: 'jsonpath', printer: p } };
  }
  return {
    ok: false,
    message: `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`,
  };
}

/**
 * One ResourcePrinter. The YAML printer writes `---` before every object after its first
 * (printCount), so a verb that builds its printer once (scale) separates objects and one that
 * builds a printer per object (label's ToPrinter in the loop) does not: `new` per printer.
 */
export class OperationPrinter {
  private yamlCount = 0;
  constructor(
    readonly format: OperationFormat,
    /** The NamePrinter's operation, dry-run suffix included (`labeled (server dry run)`). */
    readonly operation: string,
  ) {}

  /** The text for one object, or the printer's error (`error: …`). */
  print(obj: K8sObject): { out: string; error?: string } {
    switch (this.format.kind) {
      case 'default':
        return { out: `${nameOf(obj)}${this.operation ? ` ${this.operation}` : ''}\n` };
      case 'name':
        return { out: `${nameOf(obj)}\n` };
      case 'yaml':
        this.yamlCount++;
        return { out: `${this.yamlCount > 1 ? '---\n' : ''}${toYaml(forOutput(obj))}` };
      case 'json':
        return { out: toJson(forOutput(obj)) };
      case 'jsonpath': {
        const r = this.format.printer.print(JSON.parse(JSON.stringify(forOutput(obj))));
        return r.ok ? { out: r.text } : { out: '', error: `error: ${r.message}` };
      }
    }
  }
}

/**
 * apply's printObjects: one object printed bare; several wrapped in the typed corev1.List kubectl
 * builds (`kind`, `apiVersion`, an empty `metadata`, `items`). JSON writes a typed struct's
 * fields in struct order and each item (unstructured) with sorted keys; YAML sorts every key.
 */
export function printObjectsList(
  format: OperationFormat,
  objs: readonly K8sObject[],
): { out: string; error?: string } {
  if (objs.length === 1) return new OperationPrinter(format, '').print(objs[0] as K8sObject);
  const items = objs.map(forOutput);
  switch (format.kind) {
    case 'yaml':
      return { out: toYaml({ apiVersion: 'v1', items, kind: 'List', metadata: {} }) };
    case 'json': {
      if (items.length === 0)
        return {
          out: '{\n    "kind": "List",\n    "apiVersion": "v1",\n    "metadata": {},\n    "items": []\n}\n',
        };
      const body = items
        .map((o) => `        ${toJson(o).trimEnd().split('\n').join('\n        ')}`)
        .join(',\n');
      return {
        out: `{\n    "kind": "List",\n    "apiVersion": "v1",\n    "metadata": {},\n    "items": [\n${body}\n    ]\n}\n`,
      };
    }
    case 'jsonpath': {
      const list = { kind: 'List', apiVersion: 'v1', metadata: {}, items };
      const r = format.printer.print(JSON.parse(JSON.stringify(list)));
      return r.ok ? { out: r.text } : { out: '', error: `error: ${r.message}` };
    }
    default:
      return { out: '' };
  }
}
