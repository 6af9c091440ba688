// kubectl api-resources [KUBECTL pkg/cmd/apiresources/apiresources.go, print_flags.go v0.34.9]:
// the preferred resources discovery reports (./api-resources-data), filtered by --api-group,
// --namespaced (only when given), --verbs and --categories (all must match), sorted stably by
// group (or --sort-by name|kind) with ties broken by name, printed through the tabwriter as
// NAME SHORTNAMES APIVERSION NAMESPACED KIND (+ VERBS CATEGORIES for -o wide, comma-joined), or
// `name.group` per line for -o name. -o json|yaml would print the APIResourceList; not here.
import { type FlagValue, strs } from '../flags';
import { TABLE_TABWRITER, tabwrite } from '../printers/tabwriter';
import { type ApiResource, apiResourcesFor } from './api-resources-data';
import { goWordWrap } from './generate-help';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = goWordWrap(
  `Print the supported API resources on the server.

Examples:
  # Print the supported API resources
  kubectl api-resources
  
  # Print the supported API resources with more information
  kubectl api-resources -o wide
  
  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name
  
  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true
  
  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false
  
  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io

Options:
    --api-group='':
	Limit to resources in the specified API group.

    --cached=false:
	Use the cached list of resources if available.

    --categories=[]:
	Limit to resources that belong to the specified categories.

    --namespaced=true:
	If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.

    --no-headers=false:
	When using the default or custom-column output format, don't print headers (default print headers).

    -o, --output='':
	Output format. One of: (json, yaml, name, wide).

    --sort-by='':
	If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.

    --verbs=[]:
	Limit to resources that support the specified verbs.

Usage:
  kubectl api-resources [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  120,
);

/** pflag StringSlice: each occurrence is a comma-separated list, appended. */
function slice(flags: Record<string, FlagValue>, name: string): string[] {
  return strs(flags, name).flatMap((v) => (v === '' ? [] : v.split(',')));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKey(x: ApiResource, by: string): string {
  return by === 'name' ? x.name : by === 'kind' ? x.kind : x.group;
}

function apiVersion(x: ApiResource): string {
  return x.group ? `${x.group}/${x.version}` : x.version;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const f = args.flags;
  if (args.positional.length > 0) {
    proc.err(
      `error: unexpected arguments: [${args.positional.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples\n`,
    );
    return 1;
  }
  const output = typeof f.output === 'string' ? f.output : '';
  if (output === 'json' || output === 'yaml') {
    proc.err(`error: "kubectl api-resources -o ${output}" is not available in this playground\n`);
    return 1;
  }
  if (output !== '' && output !== 'wide' && output !== 'name') {
    proc.err(
      `error: unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,name,wide,yaml\n`,
    );
    return 1;
  }
  const sortBy = typeof f['sort-by'] === 'string' ? f['sort-by'] : '';
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') {
    proc.err('error: --sort-by accepts only name or kind\n');
    return 1;
  }
  const group = typeof f['api-group'] === 'string' ? f['api-group'] : undefined;
  const namespaced = typeof f.namespaced === 'boolean' ? f.namespaced : undefined;
  const verbs = slice(f, 'verbs');
  const categories = slice(f, 'categories');
  const rows = apiResourcesFor(cluster.profile)
    .filter(
      (x) =>
        (group === undefined || x.group === group) &&
        (namespaced === undefined || x.namespaced === namespaced) &&
        verbs.every((v) => x.verbs.includes(v)) &&
        categories.every((c) => x.categories.includes(c)),
    )
    .sort((a, b) => cmp(sortKey(a, sortBy), sortKey(b, sortBy)) || cmp(a.name, b.name));
  if (output === 'name') {
    proc.out(rows.map((x) => `${x.name}${x.group ? `.${x.group}` : ''}\n`).join(''));
    return 0;
  }
  const wide = output === 'wide';
  let text = '';
  if (f['no-headers'] !== true)
    text += `NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`;
  for (const x of rows) {
    text += `${x.name}\t${x.shortNames.join(',')}\t${apiVersion(x)}\t${x.namespaced}\t${x.kind}`;
    if (wide) text += `\t${x.verbs.join(',')}\t${x.categories.join(',')}`;
    text += '\n';
  }
  proc.out(tabwrite(text, TABLE_TABWRITER));
  return 0;
}

export const apiResourcesVerb: KubectlVerb = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  help: HELP,
  flags: [
    { name: 'api-group', type: 'string' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringArray' },
    { name: 'namespaced', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'sort-by', type: 'string' },
    { name: 'verbs', type: 'stringArray' },
  ],
  run,
};
