// `-o` handling shared by the read verbs: which printer a format names, and the non-table
// ("generic") printers — yaml, json, name, jsonpath, jsonpath-as-json, custom-columns — applied
// to one object or to kubectl's `List` wrapper [cli-runtime genericclioptions/printers; kubectl get.go
// printGeneric].
import type { K8sObject } from '../../sim/api/types';
import { type CustomColumn, parseCustomColumns, printCustomColumns } from '../customcolumns';
import { JsonPathExecError, JsonPathPrinter } from '../jsonpath';
import { resolveResourceType } from '../resources';
import { toJson } from './json';
import { toYaml } from './yaml';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; printer: JsonPathPrinter }
  | { kind: 'custom-columns'; columns: CustomColumn[] };

// get's PrintFlags.AllowedFormats, sorted as NoCompatiblePrinterError prints them [kubectl
// v0.34.9 pkg/cmd/get/get_flags.go; cli-runtime json_yaml_flags.go lists kyaml only under
// KUBECTL_KYAML=true]. The go-template and *-file printers are not implemented: like the
// mutating verbs' (./operation), they answer this same no-match error.
export const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Parse `-o` (and `--allow-missing-template-keys`). Errors carry the `error: ` prefix. */
export function parseOutputFormat(
  o: string | undefined,
  allowMissingKeys: boolean,
): { ok: true; format: OutputFormat } | { ok: false; message: string } {
  if (o === undefined || o === '') return { ok: true, format: { kind: 'table', wide: false } };
  // JSONYamlPrintFlags and NamePrintFlags lower-case the format; `wide` and the templates do not.
  const lower = o.toLowerCase();
  if (lower === 'yaml' || lower === 'json' || lower === 'name') return { ok: true, format: { kind: lower } };
  const eq = o.indexOf('=');
  const name = eq < 0 ? o : o.slice(0, eq);
  const arg = eq < 0 ? undefined : o.slice(eq + 1);
  switch (name) {
    case 'wide':
      if (arg === undefined) return { ok: true, format: { kind: 'table', wide: true } };
      break;
    case 'jsonpath':
    case 'jsonpath-as-json': {
      if (!arg) return { ok: false, message: 'error: template format specified but no template given' };
      const p = JsonPathPrinter.create(arg, { allowMissingKeys, outputJSON: name === 'jsonpath-as-json' });
      if ('error' in p) return { ok: false, message: `error: ${p.error}` };
      return { ok: true, format: { kind: 'jsonpath', printer: p } };
    }
    case 'custom-columns': {
      const c = parseCustomColumns(arg ?? '');
      if (!c.ok) return { ok: false, message: `error: ${c.message}` };
      return { ok: true, format: { kind: 'custom-columns', columns: c.columns } };
    }
  }
  return {
    ok: false,
    message: `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`,
  };
}

/** The object as `-o yaml|json` shows it: managedFields hidden (kubectl ≥ 1.21 default). */
export function forOutput(obj: K8sObject): K8sObject {
  const md = obj.metadata as K8sObject['metadata'] & { managedFields?: unknown };
  if (md && md.managedFields !== undefined) {
    const { managedFields: _omit, ...rest } = md;
    return { ...obj, metadata: rest };
  }
  return obj;
}

/** kubectl's List wrapper for several objects (printGeneric). */
export function asList(objs: readonly K8sObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objs.map(forOutput), kind: 'List', metadata: { resourceVersion: '' } };
}

/** `pod/x`, `deployment.apps/x` from the object's own apiVersion/kind. */
export function nameOf(obj: K8sObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.slice(0, obj.apiVersion.indexOf('/')) : '';
  const kind = obj.kind.toLowerCase();
  const known = resolveResourceType(obj.kind);
  const g = group || known?.group || '';
  return `${g ? `${kind}.${g}` : kind}/${obj.metadata.name}`;
}

export type GenericResult = { out: string; error?: string };

/**
 * Print with a non-table format. `single` = one object was asked for by name (printed bare);
 * otherwise the objects are wrapped in a List (even zero or one of them).
 */
export function printGeneric(
  format: OutputFormat,
  objs: readonly K8sObject[],
  single: boolean,
  noHeaders: boolean,
): GenericResult {
  const data: unknown = single && objs.length === 1 ? forOutput(objs[0] as K8sObject) : asList(objs);
  switch (format.kind) {
    case 'yaml':
      return { out: toYaml(data) };
    case 'json':
      return { out: toJson(data) };
    case 'name':
      return { out: objs.map((o) => `${nameOf(o)}\n`).join('') };
    case 'jsonpath': {
      const r = format.printer.print(data);
      return r.ok ? { out: r.text } : { out: '', error: `error: ${r.message}` };
    }
    case 'custom-columns':
      try {
        return { out: printCustomColumns(format.columns, objs, noHeaders) };
      } catch (e) {
        if (e instanceof JsonPathExecError) return { out: '', error: `error: ${e.message}` };
        throw e;
      }
    default:
      return { out: '' };
  }
}
