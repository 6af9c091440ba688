// What `kubectl set image` and `set env` share [KUBECTL cmd/set/helper.go, set_image.go,
// set_env.go; polymorphichelpers/updatepodspec.go]: the builder (label's, whose Infos() fails
// the command on any error), the pod spec of an object (a Pod's own, a Deployment's, ReplicaSet's
// or DaemonSet's template), and the strategic merge patch of the changed containers (merged by
// name on the server, as the two-way patch kubectl computes is).
import type { KINDS } from '../../sim/api/kinds';
import type { K8sObject } from '../../sim/api/types';
import type { ApiError } from '../../sim/contract';
import { bool, type FlagValue, str } from '../flags';
import type { ResourceType } from '../resources';
import { warningLine } from '../warnings';
import { type LabelError, resolveTargets, type Target } from './label';
import { MISSING_RESOURCE } from './patch';
import { fileTargets, hasFilenames } from './patch-files';
import type { KubectlContext, ParsedArgs } from './registry';
import { CHANGE_CAUSE } from './set-record';

// biome-ignore lint/suspicious/noExplicitAny: pod specs are loosely typed.
type Any = any;

export interface Container {
  name: string;
  image?: string;
  env?: { name: string; value?: string; valueFrom?: Any }[];
  [k: string]: unknown;
}

export interface PodSpecLike {
  containers?: Container[];
  initContainers?: Container[];
  [k: string]: unknown;
}

/** Print an aggregate as checkErr does: one error pretty, several one raw line each. */
export function printAggregate(ctx: KubectlContext, errors: LabelError[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) ctx.proc.err(`${(errors[0] as LabelError).pretty.replace(/\n$/, '')}\n`);
  else for (const e of errors) ctx.proc.err(`${e.raw}\n`);
  return 1;
}

/**
 * The builder's Infos() for `set`: every named object (or the selection), or the command's
 * errors printed and exit code 1.
 */
export function setTargets(
  args: ParsedArgs,
  ctx: KubectlContext,
  resources: string[],
): { ok: true; targets: Target[] } | { ok: false; code: number } {
  if (resources.length === 0 && !hasFilenames(args)) {
    // visitBySelector (--all is the everything selector) or the missing-resource error.
    const selecting = bool(args.flags, 'all') || (str(args.flags, 'selector') ?? '').trim() !== '';
    ctx.proc.err(
      selecting
        ? 'error: at least one resource must be specified to use a selector\n'
        : `${MISSING_RESOURCE}\n`,
    );
    return { ok: false, code: 1 };
  }
  const errors: LabelError[] = [];
  const r = hasFilenames(args)
    ? fileTargets(ctx, args, resources, errors, true)
    : resolveTargets(args, ctx, resources, errors, 'set');
  if (!r.ok) {
    ctx.proc.err(`${r.message}\n`);
    return { ok: false, code: 1 };
  }
  if (errors.length > 0) return { ok: false, code: printAggregate(ctx, errors) };
  return { ok: true, targets: r.targets };
}

/** A copy of the object and its pod spec, or undefined for a kind with no pod template. */
export function withPodSpec(obj: K8sObject): { obj: K8sObject; spec: PodSpecLike } | undefined {
  const copy: Any = structuredClone(obj);
  if (obj.kind === 'Pod') {
    copy.spec ??= {};
    return { obj: copy, spec: copy.spec };
  }
  if (
    obj.kind === 'Deployment' ||
    obj.kind === 'ReplicaSet' ||
    obj.kind === 'DaemonSet' ||
    obj.kind === 'StatefulSet' ||
    obj.kind === 'Job'
  ) {
    copy.spec ??= {};
    copy.spec.template ??= {};
    copy.spec.template.spec ??= {};
    return { obj: copy, spec: copy.spec.template.spec };
  }
  if (obj.kind === 'CronJob') {
    // UpdatePodSpecForObject: a CronJob's pod spec is its jobTemplate's template's.
    copy.spec ??= {};
    copy.spec.jobTemplate ??= {};
    copy.spec.jobTemplate.spec ??= {};
    copy.spec.jobTemplate.spec.template ??= {};
    copy.spec.jobTemplate.spec.template.spec ??= {};
    return { obj: copy, spec: copy.spec.jobTemplate.spec.template.spec };
  }
  return undefined;
}

/** UpdatePodSpecForObject's error for other kinds: `error: services/x the object is not … *v1.Service`. */
export function noPodTemplate(t: ResourceType, obj: K8sObject): LabelError {
  const msg = `error: ${t.resource}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}`;
  // The error text ends with "\n" (set_image.go's Errorf): MultipleErrors adds its own.
  return { pretty: msg, raw: `${msg}\n` };
}

/** Only the changed container fields, merged by name (the strategic merge keys of PodSpec). */
export function podSpecPatch(before: PodSpecLike, after: PodSpecLike, fields: readonly string[]): string {
  const spec: Record<string, unknown> = {};
  for (const list of ['initContainers', 'containers'] as const) {
    const items: Record<string, unknown>[] = [];
    for (const c of after[list] ?? []) {
      const old = (before[list] ?? []).find((o) => o.name === c.name);
      const item: Record<string, unknown> = {};
      for (const f of fields) {
        if (JSON.stringify(old?.[f]) === JSON.stringify(c[f])) continue;
        if (f === 'env') {
          // The new list, and a delete directive for each variable that is gone.
          const env = c.env ?? [];
          const gone = (old?.env ?? []).filter((e) => !env.some((n) => n.name === e.name));
          item.env = [...env, ...gone.map((e) => ({ $patch: 'delete', name: e.name }))];
        } else item[f] = c[f] ?? null;
      }
      if (Object.keys(item).length > 0) items.push({ name: c.name, ...item });
    }
    if (items.length > 0) spec[list] = items;
  }
  return JSON.stringify(spec);
}

/** Record's annotation as part of the patch, when it changes the object. */
export function withChangeCause(obj: K8sObject, cause: string | undefined): K8sObject {
  if (cause === undefined || obj.metadata.annotations?.[CHANGE_CAUSE] === cause) return obj;
  return {
    ...obj,
    metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, [CHANGE_CAUSE]: cause } },
  };
}

/**
 * PATCH a pod spec patch at the object's pod spec (`specPatch` '{}' when only the recorded
 * change-cause changed), with the change-cause when `recorded` carries a new one.
 */
export function sendPodSpecPatch(
  ctx: KubectlContext,
  obj: K8sObject,
  specPatch: string,
  dryRun: boolean,
  recorded?: K8sObject,
): { ok: true; object: K8sObject } | { ok: false; error: ApiError } {
  const kind = obj.kind as keyof typeof KINDS;
  const parts: string[] = [];
  const cause = recorded?.metadata.annotations?.[CHANGE_CAUSE];
  if (cause !== undefined && cause !== obj.metadata.annotations?.[CHANGE_CAUSE]) {
    parts.push(`"metadata":${JSON.stringify({ annotations: { [CHANGE_CAUSE]: cause } })}`);
  }
  if (specPatch !== '{}') {
    const template = `{"template":{"spec":${specPatch}}}`;
    parts.push(
      obj.kind === 'Pod'
        ? `"spec":${specPatch}`
        : obj.kind === 'CronJob'
          ? `"spec":{"jobTemplate":{"spec":${template}}}`
          : `"spec":${template}`,
    );
  }
  const body = `{${parts.join(',')}}`;
  const r = ctx.cluster.patch(kind, obj.metadata.namespace, obj.metadata.name, 'strategic', body, {
    ...(dryRun ? { dryRun: true } : {}),
  });
  if (!r.ok) return r;
  for (const w of r.warnings ?? []) ctx.proc.err(warningLine(ctx.proc, w));
  return { ok: true, object: r.object };
}

/**
 * `failed to patch image update to pod template: <StatusError.Error()>`: wrapped with %v, so
 * checkErr prints it as a plain error with the server's message (no `Error from server`).
 */
export function patchFailure(what: string, e: ApiError): LabelError {
  const text = `failed to patch ${what} update to pod template: ${e.message}`;
  return { pretty: `error: ${text}`, raw: text };
}

/** cmdutil.ParsePairs without removal: `invalid image format: a-`. */
export function parsePairs(
  pairs: readonly string[],
  pairType: string,
): { ok: true; pairs: Map<string, string> } | { ok: false; message: string } {
  const out = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      out.set(p.slice(0, i), p.slice(i + 1));
    } else invalid.push(p);
  }
  if (invalid.length > 0) return { ok: false, message: `invalid ${pairType} format: ${invalid.join(', ')}` };
  return { ok: true, pairs: out };
}

export type Flags = Record<string, FlagValue>;
