// `kubectl get` [kubectl pkg/cmd/get/get.go]: resource args, selectors, namespaces, the table
// printer with kind-prefixed sections and blank-line separators, generic -o printers, the
// "No resources found" rule, NotFound errors after the output, and `-w` watch.

import type { K8sObject } from '../../sim/api/types';
import { bool, type FlagDef, str, strs } from '../flags';
import { findValues } from '../jsonpath';
import { type OutputFormat, parseOutputFormat, printGeneric } from '../printers/output';
import { buildRows } from '../printers/tables';
import { renderRows } from '../printers/tabwriter';
import {
  kindPrefix,
  notFoundMessage,
  parseResourceArgs,
  type ResourceRequest,
  type ResourceType,
} from '../resources';
import { styleWarning } from '../warnings';
import { listType } from './get-list';
import { rawFlagError, runRawGet } from './get-raw';
import { runWatch, type WatchOptions } from './get-watch';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

/**
 * cmdutil.CheckErr: one error is printed as is (a newline added only if missing); several are
 * printed one per line (MultipleErrors).
 */
export function formatErrors(errors: readonly string[]): string {
  if (errors.length === 1) {
    const e = errors[0] as string;
    return e.endsWith('\n') ? e : `${e}\n`;
  }
  return errors.map((e) => `${e}\n`).join('');
}

export const ENDPOINTS_WARNING =
  'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

const FLAGS: FlagDef[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'sort-by', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'chunk-size', type: 'int' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'raw', type: 'string' },
];

/** One fetched piece: a whole list of a type, or one named object. */
interface Info {
  type: ResourceType;
  objs: K8sObject[];
}

export interface GetPlan {
  infos: Info[];
  errors: string[];
  warnings: string[];
  singleItemImplied: boolean;
}

/**
 * A real recorder names an event `<object>.<hex UnixNano>`, so the API's name order is by object,
 * then by creation time. The simulator's suffixes are random; the resourceVersion restores that.
 */
export function eventListOrder(objs: K8sObject[]): K8sObject[] {
  // `<object>.` with its dot: `sleep-1-…-88bg2.` sorts before `sleep-1.` ('-' < '.'), as in etcd.
  const base = (o: K8sObject) => o.metadata.name.slice(0, Math.max(0, o.metadata.name.lastIndexOf('.') + 1));
  const rv = (o: K8sObject) => Number(o.metadata.resourceVersion) || 0;
  return objs
    .map((o, i) => ({ o, i }))
    .sort((a, b) => {
      const x = base(a.o);
      const y = base(b.o);
      return (x < y ? -1 : x > y ? 1 : 0) || rv(a.o) - rv(b.o) || a.i - b.i;
    })
    .map((e) => e.o);
}

/** Fetch what the resource args ask for (the builder's visitors), in argument order. */
export function fetchResources(
  ctx: KubectlContext,
  requests: ResourceRequest[],
  opts: { allNamespaces: boolean; selector: string | undefined; fieldSelector?: string | undefined },
): GetPlan {
  const plan: GetPlan = { infos: [], errors: [], warnings: [], singleItemImplied: false };
  const named = requests.filter((r) => r.names).flatMap((r) => r.names ?? []);
  plan.singleItemImplied = requests.length === 1 && named.length === 1;
  for (const req of requests) {
    const t = req.type;
    if (t.simulated === 'Endpoints' && !plan.warnings.includes(ENDPOINTS_WARNING))
      plan.warnings.push(ENDPOINTS_WARNING);
    const ns = t.namespaced ? ctx.namespace : undefined;
    if (req.names) {
      for (const name of req.names) {
        const obj = t.simulated ? ctx.cluster.get(t.simulated, ns, name) : undefined;
        if (obj) plan.infos.push({ type: t, objs: [obj] });
        else plan.errors.push(notFoundMessage(t, name));
      }
      continue;
    }
    const r = listType(ctx.cluster, t, {
      namespace: opts.allNamespaces || !t.namespaced ? undefined : ctx.namespace,
      labelSelector: opts.selector,
      fieldSelector: opts.fieldSelector,
    });
    if (r.error !== undefined) {
      // get's builder has ContinueOnError [KUBECTL v0.34.9 pkg/cmd/get/get.go Run]: its
      // EagerVisitorList [CLI-RT pkg/resource/visitor.go] lists every type and collects each
      // failed list's error (`get all -l 'a b'`: one line per type); the types that listed are
      // still printed.
      plan.errors.push(r.error);
      continue;
    }
    plan.infos.push({ type: t, objs: t.simulated === 'Event' ? eventListOrder(r.objs) : r.objs });
  }
  return plan;
}

function sortObjects(objs: K8sObject[], sortBy: string): K8sObject[] {
  const spec = sortBy.startsWith('{') ? sortBy : `{${sortBy.startsWith('.') ? '' : '.'}${sortBy}}`;
  const keyed = objs.map((o) => {
    const v = findValues(spec, o, true)[0]?.[0];
    return { o, v };
  });
  keyed.sort((a, b) => {
    const x = a.v;
    const y = b.v;
    if (x === undefined) return y === undefined ? 0 : -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = String(x);
    const sy = String(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
  return keyed.map((k) => k.o);
}

export interface TableRenderOptions {
  now: number;
  wide: boolean;
  allNamespaces: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  labelColumns: string[];
  withKind: boolean;
}

/** The human-readable path: one tabwriter section per consecutive type, a blank line between. */
export function renderTables(infos: Info[], o: TableRenderOptions): string {
  let out = '';
  let written = false;
  for (let i = 0; i < infos.length; ) {
    const type = infos[i]?.type as ResourceType;
    const objs: K8sObject[] = [];
    for (; i < infos.length && infos[i]?.type === type; i++) objs.push(...(infos[i] as Info).objs);
    if (objs.length === 0 || !type.simulated) continue;
    const rows = buildRows(type.simulated, objs, {
      now: o.now,
      wide: o.wide,
      withNamespace: o.allNamespaces && type.namespaced,
      kindPrefix: o.withKind ? kindPrefix(type) : undefined,
      showLabels: o.showLabels,
      noHeaders: o.noHeaders,
      labelColumns: o.labelColumns,
    });
    if (written && !o.noHeaders) out += '\n';
    out += renderRows(rows);
    written = true;
  }
  return out;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { flags, positional } = args;
  const p = ctx.proc;
  const raw = str(flags, 'raw');
  if (raw) {
    // Complete's and Validate's --raw checks come before anything else (./get-raw).
    const bad = rawFlagError(raw, positional, {
      watch: bool(flags, 'watch') || bool(flags, 'watch-only'),
      selector: Boolean(str(flags, 'selector')),
      output: Boolean(str(flags, 'output')),
    });
    if (bad !== undefined) {
      p.err(`error: ${bad}\n`);
      return 1;
    }
    return runRawGet(ctx, raw);
  }
  const watching = bool(flags, 'watch') || bool(flags, 'watch-only');
  // Complete's warnings, then Validate's check, before the printer is built in Run.
  if (str(flags, 'sort-by') && bool(flags, 'watch'))
    p.err('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  else if (str(flags, 'sort-by') && watching)
    p.err('warning: --watch-only requested, --sort-by will be ignored\n');
  if (bool(flags, 'output-watch-events') && !watching) {
    p.err('error: --output-watch-events option can only be used with --watch or --watch-only\n');
    return 1;
  }
  const allNamespaces = bool(flags, 'all-namespaces');
  const allowMissing = flags['allow-missing-template-keys'] !== false;
  const fmt = parseOutputFormat(str(flags, 'output'), allowMissing);
  if (!fmt.ok) {
    p.err(`${fmt.message}\n`);
    return 1;
  }
  if (positional.length === 0) {
    p.err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
    return 1;
  }
  const parsed = parseResourceArgs(positional, 'get');
  if (!parsed.ok) {
    p.err(`${parsed.message}\n`);
    return 1;
  }
  const selector = str(flags, 'selector');
  // FieldSelectorParam: trimmed, and an empty one is none.
  const fieldSelector = str(flags, 'field-selector')?.trim() || undefined;
  const hasNames = parsed.requests.some((r) => r.names);
  if (hasNames && (selector !== undefined || fieldSelector !== undefined)) {
    // visitBySelector: names, then TYPE/NAME tuples (parseResourceArgs: all args slashed or none).
    p.err(
      positional.some((a) => a.includes('/'))
        ? 'error: selectors and the all flag cannot be used when passing resource/name arguments\n'
        : 'error: name cannot be provided when a selector is specified\n',
    );
    return 1;
  }
  if (hasNames && allNamespaces) {
    p.err('error: a resource cannot be retrieved by name across all namespaces\n');
    return 1;
  }

  if (watching) {
    const single = watchSingleTypeError(positional, parsed.requests);
    if (single !== undefined) {
      p.err(`error: ${single}\n`);
      return 1;
    }
  }
  const plan = fetchResources(ctx, parsed.requests, {
    allNamespaces,
    selector,
    fieldSelector,
  });
  const sortBy = str(flags, 'sort-by');
  // A watch prints objects one PrintObj at a time, so the SortingPrinter has nothing to sort.
  if (sortBy && !watching) {
    // SortObjects: a template the jsonpath parser rejects is the command's error.
    try {
      for (const info of plan.infos) info.objs = sortObjects(info.objs, sortBy);
    } catch (e) {
      p.err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  for (const w of plan.warnings) p.err(styleWarning(p, `${w}\n`));
  const ignoreNotFound = bool(flags, 'ignore-not-found');
  // --ignore-not-found drops NotFound errors only; a rejected selector still fails.
  const errors = ignoreNotFound
    ? plan.errors.filter((e) => !e.startsWith('Error from server (NotFound)'))
    : plan.errors;
  const format = fmt.format;
  const noHeaders = bool(flags, 'no-headers');

  if (watching) {
    return watch(
      ctx,
      plan,
      format,
      {
        allNamespaces,
        selector,
        fieldSelector,
        noHeaders,
        showLabels: bool(flags, 'show-labels'),
        labelColumns: strs(flags, 'label-columns'),
        watchOnly: bool(flags, 'watch-only'),
        outputWatchEvents: bool(flags, 'output-watch-events'),
      },
      ignoreNotFound,
    );
  }

  if (format.kind !== 'table') {
    if (plan.singleItemImplied && errors.length > 0) {
      p.err(formatErrors(errors));
      return 1;
    }
    const objs = plan.infos.flatMap((i) => i.objs);
    const r = printGeneric(format, objs, plan.singleItemImplied, noHeaders);
    if (r.out) p.out(r.out);
    const all = r.error ? [...errors, r.error] : errors;
    if (all.length > 0) p.err(formatErrors(all));
    return all.length > 0 ? 1 : 0;
  }

  const withKind = bool(flags, 'show-kind') || new Set(plan.infos.map((i) => i.type)).size > 1;
  const text = renderTables(plan.infos, {
    now: ctx.cluster.now(),
    wide: format.wide,
    allNamespaces,
    showLabels: bool(flags, 'show-labels'),
    noHeaders,
    labelColumns: strs(flags, 'label-columns'),
    withKind,
  });
  if (text) p.out(text);
  if (text === '' && errors.length === 0 && !ignoreNotFound) {
    const allNamespaced = !allNamespaces && parsed.requests.every((r) => r.type.namespaced);
    p.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
  if (errors.length > 0) {
    p.err(formatErrors(errors));
    return 1;
  }
  return 0;
}

/**
 * The watch builder's SingleResourceType, checked before anything is fetched [CLI-RT v0.34.9
 * pkg/resource/builder.go resourceMappings / resourceTupleMappings]: with a selector (a bare
 * `TYPE[,TYPE…]` gets the everything selector) the resource strings as given, split at commas
 * and de-duplicated as strings (SplitResourceArgument; `all` expanded first by ReplaceAliases),
 * so `po,pods` is two; with TYPE/NAME tuples the distinct resources they map to.
 */
function watchSingleTypeError(
  positional: readonly string[],
  requests: ResourceRequest[],
): string | undefined {
  const message = 'you may only specify a single resource type';
  if (positional.some((a) => a.includes('/'))) {
    return new Set(requests.map((r) => r.type)).size > 1 ? message : undefined;
  }
  if (positional.length !== 1) return undefined;
  const strings = new Set((positional[0] as string).split(','));
  // `all` is ten resources once expanded.
  return strings.size > 1 || strings.has('all') ? message : undefined;
}

/**
 * GetOptions.watch's checks before it prints: its builder has no ContinueOnError, so the first
 * failed request ends it (a NotFound quietly with --ignore-not-found), then the watch itself
 * (./get-watch).
 */
function watch(
  ctx: KubectlContext,
  plan: GetPlan,
  format: OutputFormat,
  o: WatchOptions,
  ignoreNotFound: boolean,
): number {
  const p = ctx.proc;
  const first = plan.errors[0];
  if (first !== undefined) {
    if (ignoreNotFound && first.startsWith('Error from server (NotFound)')) return 0;
    p.err(formatErrors([first]));
    return 1;
  }
  const info = plan.infos[0];
  if (!info?.type.simulated) return 0;
  const name = plan.singleItemImplied ? info.objs[0]?.metadata.name : undefined;
  return runWatch(
    ctx,
    {
      type: info.type,
      kind: info.type.simulated,
      initial: plan.infos.flatMap((i) => i.objs),
      name,
      // `get pods a b -w`: one source per name (each named object is an Info of its own).
      sources: plan.infos.length,
    },
    format,
    o,
  );
}

export const getVerb: KubectlVerb = {
  name: 'get',
  short: 'Display one or many resources',
  help: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the
list using a label selector and the --selector flag. If the desired resource type is namespaced you
will only see results in the current namespace unless you pass --all-namespaces.

Examples:
  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7

  # Return only the phase value of the specified pod
  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

  # List all replication controllers and services together in ps output format
  kubectl get rc,services

  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7

Options:
    -A, --all-namespaces=false:
	If present, list the requested object(s) across all namespaces.

    --allow-missing-template-keys=true:
	If true, ignore any errors in templates when a field or map key is missing in the template.

    --field-selector='':
	Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector
	key1=value1,key2=value2). The server only supports a limited number of field queries per type.

    --ignore-not-found=false:
	If set to true, suppresses NotFound error for specific objects that do not exist.

    -L, --label-columns=[]:
	Accepts a comma separated list of labels that are going to be presented as columns.

    --no-headers=false:
	When using the default or custom-column output format, don't print headers (default print headers).

    -o, --output='':
	Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, custom-columns, wide).

    --raw='':
	Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.

    --show-kind=false:
	If present, list the resource type for the requested object(s).

    --show-labels=false:
	When printing, show all labels as the last column (default hide labels column)

    --sort-by='':
	If non-empty, sort list types using this field specification.

    -w, --watch=false:
	After listing/getting the requested object, watch for changes.

    --watch-only=false:
	Watch for changes to the requested object(s), without listing/getting first.

Usage:
  kubectl get
[(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide]
(TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  flags: FLAGS,
  run,
};
