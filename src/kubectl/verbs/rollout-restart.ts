// `kubectl rollout restart` [kubectl v0.34.9 pkg/cmd/rollout/rollout_restart.go RunRestart,
// pkg/polymorphichelpers/objectrestarter.go]. The builder has ContinueOnError and
// ResourceTypeOrNameArgs(true, …): a bare TYPE restarts every object of it in the namespace, and a
// missing name does not stop the others. Every object found is patched (the restartedAt
// annotation, RFC 3339 to the second) and printed `… restarted`; the errors come after, in
// allErrs' order: r.Infos()'s first, then each object's own (a paused Deployment, a second restart
// within the same second, a kind the restarter does not know, a refused patch).
import type { K8sObject } from '../../sim/api/types';
import { parseResourceArgs, type ResourceType, qualifiedResource as resourceOf } from '../resources';
import { formatErrors } from './get';
import { listType, statusMessage } from './get-list';
import type { KubectlContext } from './registry';
import { nameOf } from './rollout-common';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export function rolloutRestart(ctx: KubectlContext, args: string[]): number {
  const p = ctx.proc;
  if (args.length === 0) {
    p.err('error: required resource not specified\n');
    return 1;
  }
  const parsed = parseResourceArgs(args, 'rollout');
  if (!parsed.ok) {
    p.err(`${parsed.message}\n`);
    return 1;
  }
  const infos: { t: ResourceType; obj: K8sObject }[] = [];
  const infoErrors: string[] = [];
  for (const req of parsed.requests) {
    const t = req.type;
    const ns = t.namespaced ? ctx.namespace : undefined;
    if (req.names) {
      for (const name of req.names) {
        const obj = t.simulated ? ctx.cluster.get(t.simulated, ns, name) : undefined;
        if (obj) infos.push({ t, obj });
        else infoErrors.push(`Error from server (NotFound): ${resourceOf(t)} "${name}" not found`);
      }
      continue;
    }
    const r = listType(ctx.cluster, t, { namespace: ns });
    if (r.error !== undefined) infoErrors.push(r.error);
    else for (const obj of r.objs) infos.push({ t, obj });
  }
  if (infos.length === 0 && infoErrors.length === 0) {
    p.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  // time.Now().Format(time.RFC3339) in UTC.
  const at = new Date(ctx.cluster.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const objErrors: string[] = [];
  for (const { t, obj } of infos) {
    const name = obj.metadata.name;
    const why = refusal(obj);
    if (why !== undefined) {
      objErrors.push(`error: ${resourceOf(t)} "${name}" ${why}`);
      continue;
    }
    const tmpl = obj.spec.template;
    if (tmpl?.metadata?.annotations?.[RESTARTED_AT] === at) {
      // CalculatePatches: the same annotation value again is an empty patch.
      objErrors.push(
        `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
      );
      continue;
    }
    const r = ctx.cluster.update({
      ...obj,
      spec: {
        ...obj.spec,
        template: {
          ...tmpl,
          metadata: {
            ...tmpl?.metadata,
            annotations: { ...(tmpl?.metadata?.annotations ?? {}), [RESTARTED_AT]: at },
          },
        },
      },
    });
    if (!r.ok) {
      objErrors.push(`failed to patch: ${r.error.message}`);
      continue;
    }
    p.out(`${nameOf(t, name)} restarted\n`);
  }
  const lines = allErrorLines(infoErrors, objErrors);
  if (lines.length === 0) return 0;
  p.err(formatErrors(lines));
  return 1;
}

/** objectrestarter.go: what it refuses to restart. */
function refusal(obj: K8sObject): string | undefined {
  if (obj.kind === 'Deployment') {
    return obj.spec?.paused ? "can't restart paused deployment (run rollout resume first)" : undefined;
  }
  if (obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet') return undefined;
  return 'restarting is not supported';
}

/**
 * checkErr of NewAggregate(allErrs) [kubectl v0.34.9 pkg/cmd/util/helpers.go]: allErrs is
 * r.Infos()'s error (one StatusError, or an aggregate of several) then each object's error.
 * One element: unwrapped (an aggregate: one line each; a plain error gets `error: ` if it has
 * none). Several: MultipleErrors, each as messageForError prints it (an aggregate element as its
 * Error(), `[a, b]` without `Error from server`; the others as they are).
 */
function allErrorLines(infoErrors: readonly string[], objErrors: readonly string[]): string[] {
  const plain = (e: string) =>
    e.startsWith('error: ') || e.startsWith('Error from server') ? e : `error: ${e}`;
  if (objErrors.length === 0) return [...infoErrors];
  if (infoErrors.length === 0 && objErrors.length === 1) return [plain(objErrors[0] as string)];
  const first =
    infoErrors.length === 0
      ? []
      : infoErrors.length === 1
        ? [infoErrors[0] as string]
        : [`[${[...new Set(infoErrors.map(statusMessage))].join(', ')}]`];
  return [...first, ...objErrors];
}
