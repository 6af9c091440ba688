// kubectl create configmap|cm NAME --from-literal=key=value…, kubectl create secret generic
// NAME --from-literal=key=value… [--type=TYPE] and kubectl create serviceaccount|sa NAME [KUBECTL pkg/cmd/create/create_configmap.go,
// create_secret.go v0.34.9]: each literal split at its first '=' (ParseLiteralSource), the key
// checked as a config key, a key given twice refused, then the object sent like any create
// (`failed to create configmap: …`, `failed to create secret …`: the secret's has no colon).
// --from-file, --from-env-file and --append-hash are not simulated.
import type { K8sObject } from '../../sim/api/types';
import { base64Encode, utf8Bytes } from '../../sim/apiserver/go-base64';
import { configMapKeyErrors } from '../../sim/apiserver/validation-config';
import { str, strs } from '../flags';
import { prepare, type Subcommand, send } from './create-common';
import type { KubectlContext, ParsedArgs } from './registry';

export const CONFIGMAP: Subcommand = { path: 'configmap', flags: ['dry-run', 'output', 'from-literal'] };
export const SERVICEACCOUNT: Subcommand = { path: 'serviceaccount', flags: ['dry-run', 'output'] };
export const SECRET_GENERIC: Subcommand = {
  path: 'secret generic',
  flags: ['dry-run', 'output', 'from-literal', 'type'],
};

/** util.ParseLiteralSource: a leading '=' or none at all is an error. */
function parseLiteral(source: string): { key: string; value: string } | string {
  const i = source.indexOf('=');
  if (i <= 0) return `invalid literal source ${source}, expected key=value`;
  return { key: source.slice(0, i), value: source.slice(i + 1) };
}

function fail(ctx: KubectlContext, message: string): number {
  ctx.proc.err(`error: ${message}\n`);
  return 1;
}

/** How each verb words its refusals and stores a value (the Secret's is base64 of the bytes). */
interface LiteralRules {
  invalidKey(key: string, errs: readonly string[]): string;
  duplicateKey(key: string): string;
  encode(value: string): string;
}

/** The --from-literal sources as a data map, or the first refusal's message. */
function literalData(args: ParsedArgs, rules: LiteralRules): Record<string, string> | string {
  const data: Record<string, string> = {};
  for (const source of strs(args.flags, 'from-literal')) {
    const lit = parseLiteral(source);
    if (typeof lit === 'string') return lit;
    const errs = configMapKeyErrors(lit.key);
    if (errs.length > 0) return rules.invalidKey(lit.key, errs);
    if (Object.hasOwn(data, lit.key)) return rules.duplicateKey(lit.key);
    data[lit.key] = rules.encode(lit.value);
  }
  return data;
}

export function runCreateConfigMap(
  args: ParsedArgs,
  ctx: KubectlContext,
  nameArgs: readonly string[],
): number {
  const prep = prepare(args, ctx, CONFIGMAP, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  if (p.name === '') return fail(ctx, 'name must be specified');
  const data = literalData(args, {
    invalidKey: (key, errs) =>
      `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`,
    duplicateKey: (key) =>
      `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(p.name)}`,
    encode: (value) => value,
  });
  if (typeof data === 'string') return fail(ctx, data);
  const cm: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: p.name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
  };
  if (Object.keys(data).length > 0) cm.data = data;
  return send(
    cm as unknown as K8sObject,
    'ConfigMap',
    p,
    ctx,
    (e) => `failed to create configmap: ${e.message}`,
  );
}

export function runCreateSecretGeneric(
  args: ParsedArgs,
  ctx: KubectlContext,
  nameArgs: readonly string[],
): number {
  const prep = prepare(args, ctx, SECRET_GENERIC, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  if (p.name === '') return fail(ctx, 'name must be specified');
  const data = literalData(args, {
    invalidKey: (key, errs) => `${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`,
    duplicateKey: (key) => `cannot add key ${key}, another key by that name already exists`,
    encode: (value) => base64Encode(utf8Bytes(value)),
  });
  if (typeof data === 'string') return fail(ctx, data);
  const type = str(args.flags, 'type') ?? '';
  const secret: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: p.name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
  };
  if (Object.keys(data).length > 0) secret.data = data;
  if (type !== '') secret.type = type;
  return send(
    secret as unknown as K8sObject,
    'Secret',
    p,
    ctx,
    (e) => `failed to create secret ${e.message}`,
  );
}

/**
 * kubectl create serviceaccount|sa NAME [KUBECTL pkg/cmd/create/create_serviceaccount.go v0.34.9]:
 * a bare ServiceAccount (the namespace only when one was given), `failed to create serviceaccount: …`.
 */
export function runCreateServiceAccount(
  args: ParsedArgs,
  ctx: KubectlContext,
  nameArgs: readonly string[],
): number {
  const prep = prepare(args, ctx, SERVICEACCOUNT, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  if (p.name === '') return fail(ctx, 'name must be specified');
  const sa = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: p.name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
  };
  return send(
    sa as unknown as K8sObject,
    'ServiceAccount',
    p,
    ctx,
    (e) => `failed to create serviceaccount: ${e.message}`,
  );
}
