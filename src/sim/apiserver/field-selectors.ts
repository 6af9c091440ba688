// Field selectors (`?fieldSelector=`, kubectl's --field-selector) as a 1.34 API server evaluates
// them on a list, a watch and a delete-collection [apiserver v0.34.9 endpoints/handlers/get.go
// ListResource, delete.go DeleteCollection]:
// 1. The query's string is parsed while the list options are decoded (Convert_string_To_fields_Selector
//    → fields.ParseSelector [APIMACH v0.34.9 pkg/fields/selector.go parseSelector]): terms split at
//    unescaped commas, SORTED, each split at its first `!=`, `==` or `=` (no trimming: `a = b`
//    has the label `a `), the value unescaped (`\,` `\=` `\\`). A term without an operator is
//    `invalid selector: '<all>'; can't understand '<term>'`; an unescaped `,`/`=` in a value is
//    UnescapedRune, printed with %v of a rune, i.e. its code (`…unescaped character in value: 61`).
// 2. Each term's label goes through the scheme's field label conversion for the request's kind
//    (Scheme.ConvertFieldLabel [APIMACH pkg/runtime/scheme.go]): the kind's function registered
//    with AddFieldLabelConversionFunc, or DefaultMetaV1FieldSelectorConversion [APIMACH
//    pkg/runtime/conversion.go], which takes metadata.name and metadata.namespace only.
// Either error is the Status message of a 400 BadRequest (errors.NewBadRequest(err.Error())).
// 3. The objects are matched against their registry's GetAttrs field set (SelectionPredicate;
//    hasTerm.Matches is `fields[label] == value`, a label missing from the set reads ""): so
//    `spec.nodeName=` is the unscheduled Pods, and `status.podIPs`, accepted by the conversion
//    but in no field set, matches only the empty value.
// The tables are kubernetes/kubernetes (master copies checked for the 1.34 content):
// pkg/apis/core/v1/conversion.go (Pod, Node, Event, Namespace, Secret, Service),
// pkg/apis/batch/v1/conversion.go (Job); apps/v1, discovery/v1, policy/v1, storage/v1 and
// batch/v1 CronJob register none. Field sets: pkg/registry/core/{pod,node,event,namespace,
// secret,service}/strategy.go, pkg/registry/batch/job/strategy.go, and the generic store's
// DefaultNamespaceScopedAttr / DefaultClusterScopedAttr (metadata.name, and metadata.namespace
// when namespaced) for the rest.
// Bound late (../late): the store needs it only when someone lists with a field selector.
import { KINDS } from '../api/kinds';
import { goQuote } from '../api/labels';
import type { K8sObject, KindName } from '../api/types';

/** One parsed term: `==` is `=` (parseSelector makes both a hasTerm). */
export interface FieldTerm {
  label: string;
  op: '=' | '!=';
  value: string;
}

/** splitTerms: commas not escaped by a backslash split the terms (the backslash kept). */
function splitTerms(s: string): string[] {
  if (s === '') return [];
  const terms: string[] = [];
  let start = 0;
  let slash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (slash) slash = false;
    else if (c === '\\') slash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

const OPERATORS = ['!=', '==', '='] as const;

/** splitTerm: the first position where an operator starts (`!=` before `==` before `=`). */
function splitTerm(term: string): { lhs: string; op: (typeof OPERATORS)[number]; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of OPERATORS)
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
  }
  return undefined;
}

/** UnescapeValue: the literal value, or InvalidEscapeSequence / UnescapedRune's message. */
function unescapeValue(s: string): { value: string } | { error: string } {
  if (!/[\\,=]/.test(s)) return { value: s };
  let v = '';
  let slash = false;
  for (const c of s) {
    if (slash) {
      if (c !== '\\' && c !== ',' && c !== '=')
        return { error: `invalid field selector: invalid escape sequence: \\${c}` };
      v += c;
      slash = false;
    } else if (c === '\\') slash = true;
    else if (c === ',' || c === '=')
      return { error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` };
    else v += c;
  }
  if (slash) return { error: 'invalid field selector: invalid escape sequence: \\' };
  return { value: v };
}

/** Go's sort of strings: byte order of UTF-8, which is code point order. */
function compareCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** fields.ParseSelector: the terms in sorted order, or the parse error's text. */
export function parseFieldSelector(selector: string): { terms: FieldTerm[] } | { error: string } {
  const parts = splitTerms(selector).sort(compareCodePoints);
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) return { error: `invalid selector: '${selector}'; can't understand '${part}'` };
    const v = unescapeValue(t.rhs);
    if ('error' in v) return v;
    terms.push({ label: t.lhs, op: t.op === '!=' ? '!=' : '=', value: v.value });
  }
  return { terms };
}

type Fields = (o: Any) => Record<string, string>;
// biome-ignore lint/suspicious/noExplicitAny: reading fields of any kind's stored JSON.
type Any = any;

interface Conversion {
  /** The labels the kind's conversion function accepts (`spec.host` → its rename). */
  labels: readonly string[];
  renames?: Readonly<Record<string, string>>;
  refuse: (label: string) => string;
  /** The registry's GetAttrs field set beyond metadata (AddObjectMetaFieldsSet). */
  fields: Fields;
}

const CORE = (label: string) => `field label not supported: ${label}`;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** AddFieldLabelConversionFunc registrations of the kinds the simulator serves. */
const CONVERSIONS: Partial<Record<KindName, Conversion>> = {
  Pod: {
    labels: [
      'metadata.name',
      'metadata.namespace',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.podIPs',
      'status.nominatedNodeName',
    ],
    // "for backwards compatibility with old v1 clients which send spec.host"
    renames: { 'spec.host': 'spec.nodeName' },
    refuse: CORE,
    // pod/strategy.go ToSelectableFields (status.podIP: the first of PodIPs, which v1→core
    // conversion fills from podIP when podIPs is empty).
    fields: (o) => ({
      'spec.nodeName': str(o.spec?.nodeName),
      'spec.restartPolicy': str(o.spec?.restartPolicy),
      'spec.schedulerName': str(o.spec?.schedulerName),
      'spec.serviceAccountName': str(o.spec?.serviceAccountName),
      'spec.hostNetwork': String(o.spec?.hostNetwork === true),
      'status.phase': str(o.status?.phase),
      'status.podIP': str(o.status?.podIPs?.[0]?.ip ?? o.status?.podIP),
      'status.nominatedNodeName': str(o.status?.nominatedNodeName),
    }),
  },
  Node: {
    labels: ['metadata.name', 'spec.unschedulable'],
    refuse: CORE,
    fields: (o) => ({ 'spec.unschedulable': String(o.spec?.unschedulable === true) }),
  },
  Event: {
    labels: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
      'metadata.namespace',
      'metadata.name',
    ],
    refuse: CORE,
    // event/strategy.go ToSelectableFields: `source` is source.component, else the reporting
    // controller (core/v1 reportingComponent).
    fields: (o) => {
      const io = o.involvedObject ?? {};
      return {
        'involvedObject.kind': str(io.kind),
        'involvedObject.namespace': str(io.namespace),
        'involvedObject.name': str(io.name),
        'involvedObject.uid': str(io.uid),
        'involvedObject.apiVersion': str(io.apiVersion),
        'involvedObject.resourceVersion': str(io.resourceVersion),
        'involvedObject.fieldPath': str(io.fieldPath),
        reason: str(o.reason),
        reportingComponent: str(o.reportingComponent),
        source: str(o.source?.component) || str(o.reportingComponent),
        type: str(o.type),
      };
    },
  },
  Namespace: {
    labels: ['status.phase', 'metadata.name'],
    refuse: CORE,
    fields: (o) => ({ 'status.phase': str(o.status?.phase) }),
  },
  Secret: {
    labels: ['type', 'metadata.namespace', 'metadata.name'],
    refuse: CORE,
    fields: (o) => ({ type: str(o.type) }),
  },
  Service: {
    labels: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
    refuse: CORE,
    fields: (o) => ({ 'spec.clusterIP': str(o.spec?.clusterIP), 'spec.type': str(o.spec?.type) }),
  },
  Job: {
    labels: ['metadata.name', 'metadata.namespace', 'status.successful'],
    refuse: (label) => `field label ${goQuote(label)} not supported for Job`,
    // job/strategy.go JobToSelectableFields: strconv.Itoa(Status.Succeeded).
    fields: (o) => ({ 'status.successful': String(o.status?.succeeded ?? 0) }),
  },
};

/** The labels a kind's field selector takes (its conversion function's, or the default's). */
export function fieldLabels(kind: KindName): readonly string[] {
  const c = CONVERSIONS[kind];
  return c ? [...c.labels, ...Object.keys(c.renames ?? {})] : ['metadata.name', 'metadata.namespace'];
}

/** DefaultMetaV1FieldSelectorConversion [APIMACH pkg/runtime/conversion.go]. */
function defaultConversion(label: string): { label: string } | { error: string } {
  if (label === 'metadata.name' || label === 'metadata.namespace') return { label };
  return {
    error: `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
  };
}

/** Scheme.ConvertFieldLabel: the label to match on, or the conversion's error. */
export function convertFieldLabel(kind: KindName, label: string): { label: string } | { error: string } {
  const c = CONVERSIONS[kind];
  if (!c) return defaultConversion(label);
  const renamed = c.renames && Object.hasOwn(c.renames, label) ? c.renames[label] : undefined;
  if (renamed !== undefined) return { label: renamed };
  return c.labels.includes(label) ? { label } : { error: c.refuse(label) };
}

/**
 * The field label check of a kind the simulator serves but never holds (an empty list): core/v1
 * ReplicationController registers metadata.name, metadata.namespace and status.replicas
 * [kubernetes pkg/apis/core/v1/conversion.go]; autoscaling/v2, networking/v1 register none
 * [pkg/apis/{autoscaling/v2,networking/v1}/register.go: defaulting funcs only], so the default.
 * Returns the 400's message (parse errors first, then the conversions in sorted order) or
 * undefined when the server would list.
 */
export function fieldSelectorError(kind: string, selector: string): string | undefined {
  const parsed = parseFieldSelector(selector);
  if ('error' in parsed) return parsed.error;
  for (const t of parsed.terms) {
    if (kind === 'ReplicationController') {
      if (!['metadata.name', 'metadata.namespace', 'status.replicas'].includes(t.label)) return CORE(t.label);
      continue;
    }
    const c = Object.hasOwn(CONVERSIONS, kind)
      ? convertFieldLabel(kind as KindName, t.label)
      : defaultConversion(t.label);
    if ('error' in c) return c.error;
  }
  return undefined;
}

/** The registry's GetAttrs field set of one object (metadata.namespace only when namespaced). */
export function selectableFields(kind: KindName, o: K8sObject): Record<string, string> {
  const meta: Record<string, string> = { 'metadata.name': o.metadata.name };
  if (KINDS[kind]?.namespaced) meta['metadata.namespace'] = o.metadata.namespace ?? '';
  const extra = CONVERSIONS[kind]?.fields(o);
  return extra ? { ...extra, ...meta } : meta;
}

/**
 * The list's predicate for `selector` on `kind`; throws an Error whose message is the 400
 * BadRequest's (parse errors first, for every term, then the conversions in sorted order).
 */
export function compileFieldSelector(kind: KindName, selector: string): (o: K8sObject) => boolean {
  const parsed = parseFieldSelector(selector);
  if ('error' in parsed) throw new Error(parsed.error);
  const terms: FieldTerm[] = [];
  for (const t of parsed.terms) {
    const c = convertFieldLabel(kind, t.label);
    if ('error' in c) throw new Error(c.error);
    terms.push({ ...t, label: c.label });
  }
  if (terms.length === 0) return () => true;
  return (o) => {
    const f = selectableFields(kind, o);
    return terms.every((t) => ((Object.hasOwn(f, t.label) ? f[t.label] : '') === t.value) === (t.op === '='));
  };
}
