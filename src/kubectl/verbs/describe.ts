// `kubectl describe` [kubectl pkg/cmd/describe/describe.go]: TYPE [NAME_PREFIX], TYPE/NAME, -l,
// -A; objects separated by a blank line; a name that does not exist is tried as a prefix before
// the NotFound error.
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
import { notFoundMessage, parseResourceArgs, type ResourceType } from '../resources';
import { listForKubectl } from '../selector';
import { ENDPOINTS_WARNING, formatErrors } from './get';
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
  const selector = str(flags, 'selector');
  const allNamespaces = bool(flags, 'all-namespaces');
  const showEvents = flags['show-events'] !== false;
  const objs: K8sObject[] = [];
  const errors: string[] = [];
  const warned = new Set<string>();
  const list = (t: ResourceType): K8sObject[] => {
    const r = listForKubectl(ctx.cluster, t, {
      namespace: allNamespaces || !t.namespaced ? undefined : ctx.namespace,
      labelSelector: selector,
    });
    if (r.error !== undefined) throw new SelectorRejected(r.error);
    return r.objs;
  };
  try {
    collect();
  } catch (e) {
    if (!(e instanceof SelectorRejected)) throw e;
    p.err(`${e.message}\n`);
    return 1;
  }
  function collect(): void {
    for (const req of requests) {
      const t = req.type;
      if (t.simulated === 'Endpoints' && !warned.has(ENDPOINTS_WARNING)) {
        warned.add(ENDPOINTS_WARNING);
        p.err(`${ENDPOINTS_WARNING}\n`);
      }
      if (!req.names) {
        objs.push(...list(t));
        continue;
      }
      for (const name of req.names) {
        const exact = t.simulated
          ? ctx.cluster.get(t.simulated, t.namespaced ? ctx.namespace : undefined, name)
          : undefined;
        if (exact) {
          objs.push(exact);
          continue;
        }
        // describe.go DescribeMatchingResources: a missing name is tried as a prefix.
        const prefixed = list(t).filter((o) => o.metadata.name.startsWith(name));
        if (prefixed.length > 0) objs.push(...prefixed);
        else errors.push(notFoundMessage(t, name));
      }
    }
  }
  if (objs.length === 0 && errors.length === 0) {
    const allNamespaced = !allNamespaces && parsed.requests.every((r) => r.type.namespaced);
    p.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
    return 0;
  }
  const texts = objs.map((o) => describeObject(ctx, o, showEvents));
  if (texts.length > 0) p.out(texts.join('\n\n'));
  if (errors.length > 0) {
    p.err(formatErrors(errors));
    return 1;
  }
  return 0;
}

/** A list the server rejected (bad selector): ends the describe with kubectl's error line. */
class SelectorRejected extends Error {}

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
	If present, list the requested object(s) across all namespaces.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.

    --show-events=true:
	If true, display events related to the described object.

Usage:
  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  flags: FLAGS,
  run,
};
