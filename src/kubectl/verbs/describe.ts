// `kubectl describe` [kubectl v0.34.9 pkg/cmd/describe/describe.go]: TYPE [NAME…], TYPE/NAME…,
// -l, -A. The builder has ContinueOnError: every type is listed and every name fetched, the
// objects found are described (separated by a blank line), then the failed requests' errors one
// line each, exit 1. Exactly two arguments and a NotFound is the name-prefix search instead.
import type { EndpointSlice, Event, K8sObject, KindName, Pod, ReplicaSet, Secret } from '../../sim/api/types';
import { bool, type FlagDef, str } from '../flags';
import { describeConfigMap, describeSecret, describeServiceAccount } from '../printers/describe-config';
import { describeCronJob } from '../printers/describe-cronjob';
import { describeDaemonSet } from '../printers/describe-daemonset';
import { describeGeneric } from '../printers/describe-generic';
import { describeJob } from '../printers/describe-job';
import {
  type DescribeInput,
  describeDeployment,
  describeEndpointSlice,
  describeEndpoints,
  describeNamespace,
  describeReplicaSet,
  describeService,
} from '../printers/describe-kinds';
import { describeNode } from '../printers/describe-node';
import { describePodDisruptionBudget } from '../printers/describe-pdb';
import { describePod } from '../printers/describe-pod';
import { describeStatefulSet } from '../printers/describe-statefulset';
import {
  describePersistentVolume,
  describePersistentVolumeClaim,
  describeStorageClass,
} from '../printers/describe-storage';
import { eventsFor } from '../printers/describe-util';
import { selectorString } from '../printers/tables';
import { notFoundMessage, parseResourceArgs, type ResourceRequest, type ResourceType } from '../resources';
import { styleWarning } from '../warnings';
import { ENDPOINTS_WARNING, formatErrors } from './get';
import { listType } from './get-list';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const DESCRIBERS: Partial<Record<KindName, (i: DescribeInput) => string>> = {
  Pod: describePod,
  Service: describeService,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Namespace: describeNamespace,
  Node: describeNode,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  DaemonSet: describeDaemonSet,
  StatefulSet: describeStatefulSet,
  Job: describeJob,
  CronJob: describeCronJob,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  PersistentVolume: describePersistentVolume,
  StorageClass: describeStorageClass,
  PodDisruptionBudget: describePodDisruptionBudget,
};

/** Describe one object as `kubectl describe` prints it (ends with a newline). */
export function describeObject(ctx: KubectlContext, obj: K8sObject, showEvents = true): string {
  const kind = obj.kind as KindName;
  const ns = obj.metadata.namespace;
  const cluster = ctx.cluster;
  const related: DescribeInput['related'] = {};
  if (kind === 'Service') {
    related.endpointSlices = cluster.list('EndpointSlice', {
      ...(ns ? { namespace: ns } : {}),
      labelSelector: `kubernetes.io/service-name=${obj.metadata.name}`,
    }) as EndpointSlice[];
  } else if (kind === 'Deployment') {
    related.replicaSets = cluster.list('ReplicaSet', ns ? { namespace: ns } : {}) as ReplicaSet[];
  } else if (kind === 'ReplicaSet' || kind === 'DaemonSet' || kind === 'StatefulSet') {
    const sel = selectorString((obj as ReplicaSet).spec.selector);
    related.pods = cluster.list('Pod', {
      ...(ns ? { namespace: ns } : {}),
      ...(sel ? { labelSelector: sel } : {}),
    }) as Pod[];
  } else if (kind === 'ServiceAccount') {
    related.secrets = cluster.list('Secret', ns ? { namespace: ns } : {}) as Secret[];
  } else if (kind === 'PersistentVolumeClaim') {
    related.pods = cluster.list('Pod', { namespace: ns ?? 'default' }) as Pod[];
  } else if (kind === 'Node') {
    related.pods = (cluster.list('Pod') as Pod[]).filter((p) => p.spec?.nodeName === obj.metadata.name);
  }
  // --show-events=false: no events are fetched and no Events section is printed.
  const events = showEvents
    ? eventsFor(cluster.list('Event', ns ? { namespace: ns } : {}) as Event[], obj)
    : null;
  const input: DescribeInput = { obj, events, now: cluster.now(), related };
  // A kind with no describer of its own (Event) gets kubectl's genericDescriber.
  return (DESCRIBERS[kind] ?? describeGeneric)(input);
}

const FLAGS: FlagDef[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
];

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const p = ctx.proc;
  const { flags, positional } = args;
  if (positional.length === 0) {
    p.err(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        "See 'kubectl describe -h' for help and examples\n",
    );
    return 1;
  }
  const parsed = parseResourceArgs(positional, 'describe');
  if (!parsed.ok) {
    p.err(`${parsed.message}\n`);
    return 1;
  }
  const requests = parsed.requests;
  // LabelSelectorParam trims the selector; an empty one is none (a bare type lists everything).
  const selector = str(flags, 'selector')?.trim() || undefined;
  const allNamespaces = bool(flags, 'all-namespaces');
  const showEvents = flags['show-events'] !== false;
  const builderError = describeBuilderError(positional, requests, selector, allNamespaces);
  if (builderError !== undefined) {
    p.err(`error: ${builderError}\n`);
    return 1;
  }
  const warned = new Set<string>();
  const warnEndpoints = (t: ResourceType) => {
    if (t.simulated === 'Endpoints' && !warned.has(ENDPOINTS_WARNING)) {
      warned.add(ENDPOINTS_WARNING);
      p.err(styleWarning(p, `${ENDPOINTS_WARNING}\n`));
    }
  };
  const objs: K8sObject[] = [];
  // What Visit returned, in visiting order: a named object's NotFound, a failed list's 400.
  const errors: string[] = [];
  for (const req of requests) {
    const t = req.type;
    warnEndpoints(t);
    if (req.names) {
      for (const name of req.names) {
        const obj = t.simulated
          ? ctx.cluster.get(t.simulated, t.namespaced ? ctx.namespace : undefined, name)
          : undefined;
        if (obj) objs.push(obj);
        else errors.push(notFoundMessage(t, name));
      }
      continue;
    }
    const r = listType(ctx.cluster, t, {
      namespace: allNamespaces || !t.namespaced ? undefined : ctx.namespace,
      labelSelector: selector,
    });
    if (r.error !== undefined) errors.push(r.error);
    else objs.push(...r.objs);
  }
  // describe.go Run: a NotFound with exactly two arguments (TYPE NAME, or two TYPE/NAMEs) is
  // DescribeMatchingResources' prefix search instead; nothing listed before it is described.
  const only = errors.length === 1 ? (errors[0] as string) : undefined;
  if (only?.startsWith('Error from server (NotFound): ') && positional.length === 2) {
    return describeMatching(ctx, requests, positional[1] as string, only, showEvents);
  }
  // The first object as it is, each further one after "\n\n" (describe.go Run).
  objs.forEach((o, i) => {
    const text = describeObject(ctx, o, showEvents);
    p.out(i === 0 ? text : `\n\n${text}`);
  });
  if (objs.length === 0 && errors.length === 0) {
    // o.Namespace even for a cluster-scoped type: `describe nodes -l x=y` says "in default namespace".
    p.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
  }
  if (errors.length === 0) return 0;
  // checkErr: one error as it is; an aggregate one line each (MultipleErrors; for a StatusError
  // messageForError is the same `Error from server (Reason): …` line).
  p.err(formatErrors(errors));
  return 1;
}

/**
 * The builder's refusals before any request [CLI-RT v0.34.9 pkg/resource/builder.go
 * visitBySelector, visitByResource, visitByName]: names or TYPE/NAME with -l, and a namespaced
 * type's name with -A (a cluster-scoped one's is fine).
 */
function describeBuilderError(
  positional: readonly string[],
  requests: readonly ResourceRequest[],
  selector: string | undefined,
  allNamespaces: boolean,
): string | undefined {
  const named = requests.filter((r) => r.names);
  if (named.length === 0) return undefined;
  if (selector !== undefined) {
    return positional.some((a) => a.includes('/'))
      ? 'selectors and the all flag cannot be used when passing resource/name arguments'
      : 'name cannot be provided when a selector is specified';
  }
  if (allNamespaces && named.some((r) => r.type.namespaced))
    return 'a resource cannot be retrieved by name across all namespaces';
  return undefined;
}

/**
 * describe.go DescribeMatchingResources(err, args[0], args[1]): the first argument's objects
 * (a type: all of them in the namespace; a TYPE/NAME: that one) whose name starts with the
 * second, each printed as "%s\n"; none: the original NotFound. A TYPE/NAME second argument
 * never matches (names have no '/').
 */
function describeMatching(
  ctx: KubectlContext,
  requests: readonly ResourceRequest[],
  prefix: string,
  notFound: string,
  showEvents: boolean,
): number {
  const p = ctx.proc;
  const first = requests[0] as ResourceRequest;
  const t = first.type;
  let candidates: K8sObject[];
  if (requests.length === 2) {
    // Two TYPE/NAMEs: the first one is fetched again; missing, its NotFound is the error.
    const name = (first.names as string[])[0] as string;
    const obj = t.simulated
      ? ctx.cluster.get(t.simulated, t.namespaced ? ctx.namespace : undefined, name)
      : undefined;
    if (!obj) {
      p.err(`${notFoundMessage(t, name)}\n`);
      return 1;
    }
    candidates = [obj];
  } else {
    const r = listType(ctx.cluster, t, { namespace: t.namespaced ? ctx.namespace : undefined });
    candidates = r.objs ?? [];
  }
  const matches = candidates.filter((o) => o.metadata.name.startsWith(prefix));
  if (matches.length === 0) {
    p.err(`${notFound}\n`);
    return 1;
  }
  for (const o of matches) p.out(`${describeObject(ctx, o, showEvents)}\n`);
  return 0;
}

export const describeVerb: KubectlVerb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  help: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events
or controllers. You may select a single object by name, all objects of that type, provide a name
prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will
output details for every resource that has a name prefixed with NAME_PREFIX.

Examples:
  # Describe a node
  kubectl describe nodes docker-desktop

  # Describe a pod
  kubectl describe pods/nginx

  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel

  # Describe all pods managed by the 'frontend' replication controller
  kubectl describe pods frontend

Options:
    -A, --all-namespaces=false:
	If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even
	if specified with --namespace.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l
	key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label
	constraints.

    --show-events=true:
	If true, display events related to the described object.

Usage:
  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  flags: FLAGS,
  run,
};
