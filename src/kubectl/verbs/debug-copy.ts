// kubectl debug --copy-to and node/NAME [KUBECTL v0.34.9 pkg/cmd/debug/debug.go debugByCopy,
// generatePodCopyWithDebugContainer, visitNode, generateNodeDebugPod; profiles.go]:
// - a copy: the Pod's name, namespace, labels, annotations and spec (no ephemeral containers;
//   nodeName cleared unless --same-node; shareProcessNamespace only when --share-processes is
//   given), --set-image applied, then the named container changed or a debug container added
//   (computeDebugContainerName), and the profile's podCopy rules (legacy: the labels dropped;
//   general and the others: labels, annotations, probes and init containers dropped unless
//   --keep-*, process namespace sharing, the debug container's capabilities); created, and with
//   --replace the original deleted (grace period 0);
// - a node: `node-debugger-<node>-<5 random>` ("Creating debugging pod … on node …"), container
//   `debugger` (or -c), restartPolicy Never, bound to the node, tolerating everything, labelled
//   app.kubernetes.io/managed-by=kubectl-debug; the profile's node rules: legacy and general mount
//   the host's root at /host (hostPath `/`, volume host-root) and use the host's network, PID and
//   IPC namespaces (legacy is 1.34's default profile), baseline and restricted do neither,
//   netadmin the namespaces, sysadmin both and privileged.
import type { K8sObject, Pod } from '../../sim/api/types';
import { formatError } from '../errors';
import { type DebugOptions, debugContainerName, displayWarning, profileSecurityContext } from './debug';
import type { KubectlContext } from './registry';

// biome-ignore lint/suspicious/noExplicitAny: pod specs are loosely typed JSON.
type Any = any;

type Made = { pod: Pod; container: string } | undefined;

/** The profile's changes to the debug container's securityContext (addCapability appends). */
function applyContainerProfile(c: Any, profile: string): void {
  const sc = profileSecurityContext(profile);
  if (profile === 'baseline' || profile === 'restricted') delete c.securityContext;
  if (!sc) return;
  if (profile === 'general' || profile === 'netadmin') {
    const cur = c.securityContext ?? {};
    const caps = cur.capabilities ?? {};
    const add = [...(caps.add ?? []), ...((sc.capabilities as Any).add as string[])];
    c.securityContext = { ...cur, capabilities: { ...caps, add } };
  } else c.securityContext = { ...(c.securityContext ?? {}), ...sc };
}

function create(ctx: KubectlContext, doc: K8sObject | Any): Pod | undefined {
  const r = ctx.cluster.create(doc, { namespace: ctx.namespace });
  if (!r.ok) {
    ctx.proc.err(`${formatError(r.error)}\n`);
    return undefined;
  }
  return r.object as Pod;
}

export function debugByCopy(o: DebugOptions, pod: Pod, ctx: KubectlContext): Made {
  const spec: Any = structuredClone(pod.spec);
  delete spec.ephemeralContainers;
  if (o.shareProcessesChanged) spec.shareProcessNamespace = o.shareProcesses;
  if (!o.sameNode) delete spec.nodeName;
  for (const c of spec.containers ?? []) {
    const img = o.setImages.get(c.name) ?? o.setImages.get('*');
    if (img) c.image = img;
  }
  const meta: Any = { name: o.copyTo, namespace: pod.metadata.namespace };
  if (pod.metadata.annotations) meta.annotations = { ...pod.metadata.annotations };
  if (pod.metadata.labels) meta.labels = { ...pod.metadata.labels };
  const copied: Any = { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec };
  const all = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let name = o.container;
  let c: Any = all.find((x: Any) => x.name === name);
  if (!c) {
    if (o.image === '') {
      if (o.setImages.size > 0) return created(ctx, o, copied, pod, '');
      ctx.proc.err('error: you must specify image when creating new container\n');
      return undefined;
    }
    if (name === '') name = debugContainerName(o, copied, ctx);
    c = { name, terminationMessagePolicy: 'File' };
    spec.containers = [...(spec.containers ?? []), c];
  }
  if (o.args.length > 0) {
    if (o.argsOnly) c.args = [...o.args];
    else {
      c.command = [...o.args];
      delete c.args;
    }
  }
  if (o.env.length > 0) c.env = o.env;
  if (o.image !== '') c.image = o.image;
  if (o.pullPolicy !== '') c.imagePullPolicy = o.pullPolicy;
  if (o.interactive) c.stdin = true;
  else delete c.stdin;
  if (o.tty) c.tty = true;
  else delete c.tty;
  // The profile's podCopy rules.
  if (o.profile === 'legacy' || !o.keep.labels) delete meta.labels;
  if (o.profile !== 'legacy') {
    if (!o.keep.annotations) delete meta.annotations;
    for (const x of spec.containers ?? []) {
      if (!o.keep.liveness) delete x.livenessProbe;
      if (!o.keep.readiness) delete x.readinessProbe;
      if (!o.keep.startup) delete x.startupProbe;
    }
    if (!o.keep.init) delete spec.initContainers;
    spec.shareProcessNamespace ??= true;
    applyContainerProfile(c, o.profile);
  }
  displayWarning(c, copied, ctx);
  return created(ctx, o, copied, pod, c.name);
}

function created(ctx: KubectlContext, o: DebugOptions, copied: Any, pod: Pod, name: string): Made {
  const made = create(ctx, copied);
  if (!made) return undefined;
  if (o.replace) {
    const r = ctx.cluster.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    if (!r.ok) {
      ctx.proc.err(`${formatError(r.error)}\n`);
      return undefined;
    }
  }
  return { pod: made, container: name };
}

export function debugNode(o: DebugOptions, node: K8sObject, ctx: KubectlContext): Made {
  const cn = o.container || 'debugger';
  const nodeName = node.metadata.name;
  const pn = `node-debugger-${nodeName}-${o.suffix()}`;
  if (!o.quiet) ctx.proc.out(`Creating debugging pod ${pn} with container ${cn} on node ${nodeName}.\n`);
  const c: Any = { name: cn };
  if (o.env.length > 0) c.env = o.env;
  c.image = o.image;
  if (o.pullPolicy !== '') c.imagePullPolicy = o.pullPolicy;
  if (o.interactive) c.stdin = true;
  c.terminationMessagePolicy = 'File';
  if (o.tty) c.tty = true;
  c.resources = {};
  if (o.args.length > 0) c[o.argsOnly ? 'args' : 'command'] = [...o.args];
  const spec: Any = {
    containers: [c],
    nodeName,
    restartPolicy: 'Never',
    tolerations: [{ operator: 'Exists' }],
  };
  const p = o.profile;
  if (p === 'legacy' || p === 'general' || p === 'sysadmin') {
    // mountRootPartition
    spec.volumes = [{ name: 'host-root', hostPath: { path: '/' } }];
    c.volumeMounts = [{ mountPath: '/host', name: 'host-root' }];
  }
  if (p === 'legacy' || p === 'general' || p === 'netadmin' || p === 'sysadmin') {
    // useHostNamespaces
    spec.hostNetwork = true;
    spec.hostPID = true;
    spec.hostIPC = true;
  }
  if (p !== 'legacy') applyContainerProfile(c, p === 'general' ? 'baseline' : p);
  const made = create(ctx, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pn, labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } },
    spec,
  } as unknown as K8sObject);
  return made ? { pod: made, container: cn } : undefined;
}
