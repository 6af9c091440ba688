// kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:targetPort …]
// [KUBECTL pkg/cmd/create/create_service.go v0.34.9]. The Service kubectl builds: label and
// selector `app: NAME`, the type, one TCP port per `--tcp` (named after the spec with `:` → `-`,
// targetPort a number or a port name, `--node-port` on every port), `--clusterip` as given,
// `externalName`. Validate: `None` only for ClusterIP, a `--tcp` unless headless or ExternalName,
// the external name a DNS-1123 subdomain. Server errors read
// `error: failed to create <Type> service: <server message>`. `kubectl create service` alone
// prints its help to stderr and exits 1 (cmdutil.DefaultSubCommandRun).
import type { K8sObject } from '../../sim/api/types';
import { str, strs } from '../flags';
import { prepare, type Subcommand, send } from './create-common';
import {
  CLUSTERIP_HELP,
  EXTERNALNAME_HELP,
  LOADBALANCER_HELP,
  NODEPORT_HELP,
  SERVICE_HELP,
} from './create-help';
import { goAtoi, isDNS1123Subdomain, parsePort, portNameErrors, stringSlice } from './create-parse';
import type { KubectlContext, ParsedArgs } from './registry';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

interface ServiceSub extends Subcommand {
  type: ServiceType;
  help: string;
}

export const SERVICE_SUBS: Readonly<Record<string, ServiceSub>> = {
  clusterip: {
    path: 'service clusterip',
    type: 'ClusterIP',
    flags: ['clusterip', 'dry-run', 'output', 'tcp'],
    help: CLUSTERIP_HELP,
  },
  nodeport: {
    path: 'service nodeport',
    type: 'NodePort',
    flags: ['dry-run', 'node-port', 'output', 'tcp'],
    ints: { 'node-port': [64, '--node-port'] },
    help: NODEPORT_HELP,
  },
  loadbalancer: {
    path: 'service loadbalancer',
    type: 'LoadBalancer',
    flags: ['dry-run', 'output', 'tcp'],
    help: LOADBALANCER_HELP,
  },
  externalname: {
    path: 'service externalname',
    type: 'ExternalName',
    flags: ['dry-run', 'external-name', 'output', 'tcp'],
    required: 'external-name',
    help: EXTERNALNAME_HELP,
  },
};

/** parsePorts: `port[:targetPort]`; the error text is what CheckErr prints after `error: `. */
export function parsePortSpec(
  spec: string,
): { ok: true; port: number; target: number | string } | { ok: false; message: string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0] as string);
  if (!port.ok) return port;
  if (parts.length === 1) return { ok: true, port: port.value, target: port.value };
  const t = parts[1] as string;
  const num = goAtoi(t);
  if (num === undefined) {
    const errs = portNameErrors(t);
    if (errs.length) return { ok: false, message: errs.join(',') };
    return { ok: true, port: port.value, target: t };
  }
  if (num < 1 || num > 65535) return { ok: false, message: 'must be between 1 and 65535, inclusive' };
  return { ok: true, port: port.value, target: num };
}

export function buildService(o: {
  name: string;
  type: ServiceType;
  tcp: readonly string[];
  clusterIP: string;
  nodePort: number;
  externalName: string;
  namespace: string | undefined;
}): { ok: true; svc: K8sObject } | { ok: false; message: string } {
  const ports: Record<string, unknown>[] = [];
  for (const spec of o.tcp) {
    const p = parsePortSpec(spec);
    if (!p.ok) return p;
    const port: Record<string, unknown> = {
      name: spec.replaceAll(':', '-'),
      port: p.port,
      targetPort: p.target,
      protocol: 'TCP',
    };
    // NodePort is an int32 with omitempty: 0 (the default) is left out.
    if (o.nodePort !== 0) port.nodePort = o.nodePort | 0;
    ports.push(port);
  }
  const spec: Record<string, unknown> = { type: o.type, selector: { app: o.name } };
  if (ports.length) spec.ports = ports;
  if (o.externalName) spec.externalName = o.externalName;
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  return {
    ok: true,
    svc: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: o.name,
        labels: { app: o.name },
        ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
      },
      spec,
      status: { loadBalancer: {} },
    } as unknown as K8sObject,
  };
}

/** `kubectl create service …`; `rest` = the words after `service`. */
export function runCreateService(args: ParsedArgs, ctx: KubectlContext, rest: readonly string[]): number {
  const [which, ...nameArgs] = rest;
  const sub = which === undefined ? undefined : SERVICE_SUBS[which];
  if (!sub) {
    // `create service` has no flags of its own.
    const first = Object.keys(args.flags)[0];
    if (first !== undefined) {
      ctx.proc.err(`error: unknown flag: --${first}\nSee 'kubectl create service --help' for usage.\n`);
      return 1;
    }
    if (which !== undefined) {
      ctx.proc.err(
        `error: unknown command "${rest.join(' ')}"\nSee 'kubectl create service -h' for help and examples\n`,
      );
      return 1;
    }
    ctx.proc.err(SERVICE_HELP);
    return 1;
  }
  const prep = prepare(args, ctx, sub, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  const tcp = stringSlice(strs(args.flags, 'tcp'));
  const clusterIP = str(args.flags, 'clusterip') ?? '';
  const externalName = str(args.flags, 'external-name') ?? '';
  const fail = (m: string) => {
    ctx.proc.err(`error: ${m}\n`);
    return 1;
  };
  if (clusterIP === 'None' && sub.type !== 'ClusterIP') {
    return fail('ClusterIP=None can only be used with ClusterIP service type');
  }
  if (clusterIP !== 'None' && tcp.length === 0 && sub.type !== 'ExternalName') {
    return fail('at least one tcp port specifier must be provided');
  }
  if (sub.type === 'ExternalName' && !isDNS1123Subdomain(externalName)) {
    return fail(`invalid service external name ${externalName}`);
  }
  const built = buildService({
    name: p.name,
    type: sub.type,
    tcp,
    clusterIP,
    nodePort: p.ints['node-port'] ?? 0,
    externalName,
    namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
  });
  if (!built.ok) return fail(built.message);
  return send(built.svc, 'Service', p, ctx, (e) => `failed to create ${sub.type} service: ${e.message}`);
}

/** The help text for `kubectl create service [SUB] --help`. */
export function serviceHelp(which: string | undefined): string {
  return (which !== undefined ? SERVICE_SUBS[which]?.help : undefined) ?? SERVICE_HELP;
}
