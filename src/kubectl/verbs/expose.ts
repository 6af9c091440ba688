// kubectl expose [KUBECTL 1.34 pkg/cmd/expose/expose.go, pkg/polymorphichelpers]: look the
// object up (TYPE NAME, TYPE/NAME or -f FILE), take its Pod selector, ports, protocols and labels
// unless flags give them, generate a Service and create it (or print it: --dry-run=client).
// Every object named is visited (ContinueOnError); as in kubectl the flags' values found by
// introspection on the first object stay set for the next ones. Errors are printed after the
// successes, as CheckErr prints the aggregate.
import { isKindName } from '../../sim/api/kinds';
import type { K8sObject } from '../../sim/api/types';
import type { ApiError } from '../../sim/contract';
import { formatError, formatErrorRaw } from '../errors';
import { str, strs } from '../flags';
import {
  doesNotHaveType,
  notFoundMessage,
  parseResourceArgs,
  type ResourceType,
  resolveResourceType,
} from '../resources';
import { warningLine } from '../warnings';
import { readDocs } from './apply';
import { clusterDryRun, DRY_RUN_FLAG, dryRunSuffix, getDryRunStrategy } from './dryrun';
import {
  exposeProblem,
  mapBasedSelector,
  multiProtocolsFor,
  portsFor,
  type Target,
} from './expose-introspect';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import { parseGenOutput, printGenerated } from './generate-output';
import { generateService, makeLabels, NO_SERVICE_PARAMS, withNamespace } from './generate-service';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = composeHelp({
  long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  examples: `  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kubectl expose pod valid-pod --port=444 --name=frontend
  
  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https
  
  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream
  
  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rs nginx --port=80 --target-port=8000
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kubectl expose deployment nginx --port=80 --target-port=8000`,
  flags: [
    {
      name: 'cluster-ip',
      def: "''",
      usage:
        "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.",
    },
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    {
      name: 'external-ip',
      def: "''",
      usage:
        'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.',
    },
    {
      name: 'filename',
      short: 'f',
      def: '[]',
      usage: 'Filename, directory, or URL to files identifying the resource to expose a service',
    },
    { name: 'labels', short: 'l', def: "''", usage: 'Labels to apply to the service created by this call.' },
    {
      name: 'load-balancer-ip',
      def: "''",
      usage:
        'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).',
    },
    { name: 'name', def: "''", usage: 'The name for the newly created object.' },
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    {
      name: 'port',
      def: "''",
      usage:
        'The port that the service should serve on. Copied from the resource being exposed, if unspecified',
    },
    {
      name: 'protocol',
      def: "''",
      usage: "The network protocol for the service to be created. Default is 'TCP'.",
    },
    {
      name: 'recursive',
      short: 'R',
      def: 'false',
      usage:
        'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
    {
      name: 'selector',
      def: "''",
      usage:
        'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)',
    },
    {
      name: 'session-affinity',
      def: "''",
      usage:
        "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
    },
    {
      name: 'target-port',
      def: "''",
      usage:
        'Name or number for the port on the container that the service should direct traffic to. Optional.',
    },
    {
      name: 'type',
      def: "''",
      usage:
        "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    },
  ],
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
});

const MISSING_RESOURCE =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

/** One failure of the visit: a server Status, or a client-side message (no `error: ` prefix). */
type Failure = { api: ApiError } | { client: string };

/** CheckErr of the aggregate: one error in its own form, several as MultipleErrors lines. */
function printFailures(fails: readonly Failure[], err: (t: string) => void): void {
  if (fails.length === 1) {
    const f = fails[0] as Failure;
    err('api' in f ? `${formatError(f.api)}\n` : `error: ${f.client}\n`);
    return;
  }
  for (const f of fails) err('api' in f ? `${formatErrorRaw(f.api)}\n` : `${f.client}\n`);
}

/** The objects to expose, in the builder's order, or the builder's error. */
function targets(
  ctx: KubectlContext,
  args: ParsedArgs,
): { ok: true; list: Target[] } | { ok: false; message: string } {
  const list: Target[] = [];
  if (strs(args.flags, 'filename').length > 0) {
    const { docs, error } = readDocs(ctx, args);
    if (error) return { ok: false, message: error };
    for (const { doc, source } of docs) {
      const d = doc as K8sObject;
      const t = typeof d?.kind === 'string' ? resolveResourceType(d.kind) : undefined;
      if (!t) {
        const name = typeof d?.metadata?.name === 'string' ? d.metadata.name : '';
        list.push({
          failure: `resource mapping not found for name: "${name}" namespace: "" from "${source}": no matches for kind "${String(d?.kind ?? '')}" in version "${String(d?.apiVersion ?? '')}"\nensure CRDs are installed first`,
        });
        continue;
      }
      list.push({ type: t, obj: d });
    }
    return { ok: true, list };
  }
  const parsed = parseResourceArgs(args.positional, 'expose');
  if (!parsed.ok) return parsed;
  if (parsed.requests.length === 0) return { ok: false, message: MISSING_RESOURCE.trimEnd() };
  for (const req of parsed.requests) {
    // An empty TYPE word (`expose '' x`): no mapping for resource "".
    if (!req.type) return { ok: false, message: doesNotHaveType(args.positional[0] ?? '') };
    if (!req.names)
      return { ok: false, message: 'error: resource(s) were provided, but no name was specified' };
    for (const name of req.names) list.push(lookup(ctx, req.type, name));
  }
  return { ok: true, list };
}

function lookup(ctx: KubectlContext, t: ResourceType, name: string): Target {
  const kind = t.simulated;
  const obj =
    kind && isKindName(kind)
      ? ctx.cluster.get(kind, t.namespaced ? ctx.namespace : undefined, name)
      : undefined;
  if (!obj) {
    const msg = notFoundMessage(t, name).replace(/^Error from server \(NotFound\): /, '');
    return { failure: { code: 404, reason: 'NotFound', message: msg } };
  }
  return { type: t, obj };
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: cluster.now() });
  if (!dry.ok) {
    proc.err(`${dry.message}\n`);
    return 1;
  }
  const out = parseGenOutput(str(args.flags, 'output'));
  if (!out.ok) {
    proc.err(`${out.message}\n`);
    return 1;
  }
  const found = targets(ctx, args);
  if (!found.ok) {
    proc.err(`${found.message}\n`);
    return 1;
  }
  // ExposeServiceOptions: flag values, filled in from the first object where empty.
  const o = {
    selector: str(args.flags, 'selector') ?? '',
    port: str(args.flags, 'port') ?? '',
    ports: '',
    labels: str(args.flags, 'labels') ?? '',
  };
  const clusterIP = str(args.flags, 'cluster-ip') ?? '';
  const operation = `exposed${dryRunSuffix(dry.strategy)}`;
  const yamlCount = { n: 0 };
  const fails: Failure[] = [];
  for (const target of found.list) {
    if ('failure' in target) {
      fails.push(typeof target.failure === 'string' ? { client: target.failure } : { api: target.failure });
      continue;
    }
    const { type, obj } = target;
    const problem = exposeProblem(type);
    if (problem) {
      fails.push({ client: problem });
      continue;
    }
    // A manifest from -f may lack metadata; the builder's Info then has an empty name.
    const meta = (obj as { metadata?: { name?: unknown; labels?: Record<string, string> } }).metadata;
    const defaultName = (typeof meta?.name === 'string' ? meta.name : '').slice(0, 63);
    if (o.selector === '') {
      const s = mapBasedSelector(type, obj);
      if (!s.ok) {
        fails.push({
          client: `couldn't retrieve selectors via --selector flag or introspection: ${s.message}`,
        });
        continue;
      }
      o.selector = s.selector;
    }
    if (o.port === '') {
      const ports = portsFor(type, obj);
      if (ports.length === 0) {
        if (clusterIP !== 'None') {
          fails.push({ client: "couldn't find port via --port flag or introspection" });
          continue;
        }
      } else if (ports.length === 1) o.port = ports[0] as string;
      else o.ports = ports.join(',');
    }
    if (o.labels === '') o.labels = makeLabels(meta?.labels);
    const gen = generateService({
      ...NO_SERVICE_PARAMS,
      name: str(args.flags, 'name') || defaultName,
      selector: o.selector,
      labels: o.labels,
      ports: o.ports,
      port: o.port,
      protocol: str(args.flags, 'protocol') ?? '',
      protocols: multiProtocolsFor(type, obj),
      targetPort: str(args.flags, 'target-port') ?? '',
      externalIP: str(args.flags, 'external-ip') ?? '',
      type: str(args.flags, 'type') ?? '',
      loadBalancerIP: str(args.flags, 'load-balancer-ip') ?? '',
      sessionAffinity: str(args.flags, 'session-affinity') ?? '',
      clusterIP,
    });
    if (!gen.ok) {
      fails.push({ client: gen.message });
      continue;
    }
    let shown: K8sObject;
    if (dry.strategy === 'client') {
      shown = ctx.namespaceExplicit ? withNamespace(gen.service, ctx.namespace) : gen.service;
    } else {
      const r = cluster.create(gen.service, { namespace: ctx.namespace, ...clusterDryRun(dry.strategy) });
      if (!r.ok) {
        fails.push({ api: r.error });
        continue;
      }
      for (const w of r.warnings ?? []) proc.err(warningLine(proc, w));
      shown = r.object;
    }
    const p = printGenerated(out.format, shown, operation, dry.strategy === 'client', yamlCount);
    proc.out(p.out);
    if (p.error) fails.push({ client: p.error.replace(/^error: /, '') });
  }
  // The Endpoints controller and kube-proxy react at this instant, as after apply.
  if (dry.strategy === 'none') cluster.runUntilIdle();
  printFailures(fails, proc.err);
  return fails.length > 0 ? 1 : 0;
}

export const exposeVerb: KubectlVerb = {
  name: 'expose',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  help: HELP,
  flags: [
    { name: 'cluster-ip', type: 'string' },
    DRY_RUN_FLAG,
    { name: 'external-ip', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'type', type: 'string' },
  ],
  run,
};
