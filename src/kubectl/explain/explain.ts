// `kubectl explain` in the 1.27+ template format (reference §B13): GROUP (non-core only), KIND,
// VERSION, FIELD for a path, DESCRIPTION wrapped at 76 columns and indented 4, FIELDS sorted with a
// TAB before `<type>` and ` -required-` [kubectl pkg/explain/v2 templates/plaintext.tmpl].
import { doesNotHaveType, resolveResourceType } from '../resources';
import { CORE_TYPES, type FieldSchema, type TypeSchema } from './schema-core';
import { CRONJOB_TYPES } from './schema-cronjob';
import { DAEMONSET_TYPES } from './schema-daemonset';
import { JOB_TYPES } from './schema-job';
import { NETWORK_TYPES } from './schema-network';
import { STATEFULSET_TYPES } from './schema-statefulset';
import { STORAGE_TYPES } from './schema-storage';
import { WORKLOAD_TYPES } from './schema-workloads';

export const SCHEMA: Record<string, TypeSchema> = {
  ...CORE_TYPES,
  ...WORKLOAD_TYPES,
  ...DAEMONSET_TYPES,
  ...STATEFULSET_TYPES,
  ...JOB_TYPES,
  ...CRONJOB_TYPES,
  ...NETWORK_TYPES,
  ...STORAGE_TYPES,
};

/** go-wordwrap WrapString(s, 76): greedy, existing newlines kept, long words on their own line. */
export function wrap(text: string, limit = 76): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (word === '') continue;
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= limit) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

function indent(lines: string[], n: number): string {
  const pad = ' '.repeat(n);
  return lines.map((l) => (l === '' ? '' : pad + l)).join('\n');
}

/** The schema type a field type names: `[]Container` → `Container`. */
function elemType(t: string): string | undefined {
  const base = t.startsWith('[]') ? t.slice(2) : t;
  return SCHEMA[base] ? base : undefined;
}

function fieldLine(name: string, f: FieldSchema): string {
  let s = `  ${name}\t<${f.type}>${f.required ? ' -required-' : ''}\n`;
  if (f.enum) s += `  enum: ${f.enum.join(', ')}\n`;
  return s;
}

function fieldsBlock(t: TypeSchema): string {
  let s = 'FIELDS:\n';
  for (const name of Object.keys(t.fields).sort()) {
    const f = t.fields[name] as FieldSchema;
    s += fieldLine(name, f);
    s += `${indent(wrap(f.description), 4)}\n\n`;
  }
  return s;
}

function recursiveBlock(t: TypeSchema, depth: number, seen: string[]): string {
  let s = '';
  for (const name of Object.keys(t.fields).sort()) {
    const f = t.fields[name] as FieldSchema;
    s += `${' '.repeat(2 * depth)}${name}\t<${f.type}>${f.required ? ' -required-' : ''}\n`;
    const sub = elemType(f.type);
    if (sub && !seen.includes(sub) && depth < 12)
      s += recursiveBlock(SCHEMA[sub] as TypeSchema, depth + 1, [...seen, sub]);
  }
  return s;
}

export type ExplainResult = { ok: true; text: string } | { ok: false; message: string };

/** Explain `pod`, `pods.spec.containers`, `deploy.spec.template` … */
export function explain(path: string, recursive = false): ExplainResult {
  const [typeName = '', ...fields] = path.split('.');
  const rt = resolveResourceType(typeName);
  if (!rt) return { ok: false, message: doesNotHaveType(typeName) };
  let t = SCHEMA[rt.kind];
  if (!t)
    return { ok: false, message: `error: explain for "${rt.resource}" is not available in this playground` };
  let header = '';
  if (rt.group) header += `GROUP:      ${rt.group}\n`;
  header += `KIND:       ${rt.kind}\nVERSION:    ${rt.version}\n\n`;
  let description = t.description;
  let field: { name: string; f: FieldSchema } | undefined;
  for (const name of fields) {
    if (!t) return { ok: false, message: `error: field "${name}" does not exist` };
    const f: FieldSchema | undefined = t.fields[name];
    if (!f) return { ok: false, message: `error: field "${name}" does not exist` };
    field = { name, f };
    const sub = elemType(f.type);
    t = sub ? SCHEMA[sub] : undefined;
    description = t ? `${f.description}\n${t.description}` : f.description;
  }
  let text = header;
  if (field)
    text += `FIELD: ${field.name} <${field.f.type}>${field.f.enum ? `\nENUM:\n${field.f.enum.map((e) => `    ${e}`).join('\n')}` : ''}\n\n`;
  text += `DESCRIPTION:\n${indent(wrap(description), 4)}\n    \n`;
  if (t) text += recursive ? `FIELDS:\n${recursiveBlock(t, 1, [])}\n` : `${fieldsBlock(t)}`;
  return { ok: true, text };
}
