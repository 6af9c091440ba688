// ValidateConfigMap(Update), ValidateSecret(Update) and ValidateServiceAccount(Update) of
// kubernetes pkg/apis/core/validation/validation.go (1.34), after the object meta checks the
// caller made. Go ranges over the data maps in random order; keys are checked here in sorted
// order so the same write always gets the same message.
import type { ConfigMap, K8sObject, Secret } from '../api/types';
import { type FieldError, forbidden, invalid, required, tooLong } from './errors';
import { base64Encode, decodedSize, utf8Bytes, utf8Length } from './go-base64';
import { deepEqual } from './json';

// biome-ignore lint/suspicious/noExplicitAny: decoded JSON.
type Any = any;

/** core.MaxSecretSize, the limit of a ConfigMap's and a Secret's data together. */
export const MAX_SECRET_SIZE = 1024 * 1024;

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** apimachinery validation.IsConfigMapKey (v0.34.9): length, the regex, then '.'/'..' prefixes. */
export function configMapKeyErrors(key: string): string[] {
  const out: string[] = [];
  if (key.length > 253) out.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) out.push(CONFIG_KEY_MSG);
  if (key === '.') out.push("must not be '.'");
  else if (key === '..') out.push("must not be '..'");
  else if (key.startsWith('..')) out.push("must not start with '..'");
  return out;
}

function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return m ? Object.keys(m).sort() : [];
}

function pushKeyErrors(out: FieldError[], path: string, key: string): void {
  for (const msg of configMapKeyErrors(key)) out.push(invalid(`${path}[${key}]`, key, msg));
}

function validateConfigMap(cm: ConfigMap, meta: FieldError[]): FieldError[] {
  const out = [...meta];
  let total = 0;
  const binary = cm.binaryData ?? {};
  for (const key of sortedKeys(cm.data)) {
    pushKeyErrors(out, 'data', key);
    if (Object.hasOwn(binary, key))
      out.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    total += utf8Length((cm.data as Record<string, string>)[key] ?? '');
  }
  for (const key of sortedKeys(binary)) {
    pushKeyErrors(out, 'binaryData', key);
    total += decodedSize(binary[key] ?? '');
  }
  // field.NewPath(""): the error refers to the whole object.
  if (total > MAX_SECRET_SIZE) out.push(tooLong('', '', MAX_SECRET_SIZE));
  return out;
}

/** The keys each built-in Secret type requires [core/types.go SecretType*]. */
function pushSecretTypeErrors(out: FieldError[], s: Secret): void {
  const data = s.data ?? {};
  const has = (k: string) => Object.hasOwn(data, k);
  switch (s.type) {
    case 'kubernetes.io/service-account-token':
      if (!s.metadata.annotations?.['kubernetes.io/service-account.name'])
        out.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      break;
    case 'kubernetes.io/dockercfg':
      // The JSON well-formedness check (json.Unmarshal's error text) is not modelled.
      if (!has('.dockercfg')) out.push(required('data[.dockercfg]'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      if (!has('.dockerconfigjson')) out.push(required('data[.dockerconfigjson]'));
      break;
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) {
        out.push(required('data[username]'));
        out.push(required('data[password]'));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (decodedSize(data['ssh-privatekey'] ?? '') === 0) out.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) out.push(required('data[tls.crt]'));
      if (!has('tls.key')) out.push(required('data[tls.key]'));
      break;
  }
}

function validateSecret(s: Secret, meta: FieldError[]): FieldError[] {
  const out = [...meta];
  let total = 0;
  for (const key of sortedKeys(s.data)) {
    pushKeyErrors(out, 'data', key);
    total += decodedSize((s.data as Record<string, string>)[key] ?? '');
  }
  if (total > MAX_SECRET_SIZE) out.push(tooLong('data', '', MAX_SECRET_SIZE));
  pushSecretTypeErrors(out, s);
  return out;
}

const IMMUTABLE = 'field is immutable when `immutable` is set';

/** The checks an update adds before the create checks (immutable, a Secret's type). */
function updateErrors(obj: Any, old: Any): FieldError[] {
  const out: FieldError[] = [];
  if (obj.kind === 'Secret' && obj.type !== old.type)
    out.push(invalid('type', obj.type, 'field is immutable'));
  if (obj.kind === 'ServiceAccount' || old.immutable !== true) return out;
  if (obj.immutable !== true) out.push(forbidden('immutable', IMMUTABLE));
  if (!deepEqual(obj.data ?? {}, old.data ?? {})) out.push(forbidden('data', IMMUTABLE));
  if (obj.kind === 'ConfigMap' && !deepEqual(obj.binaryData ?? {}, old.binaryData ?? {}))
    out.push(forbidden('binaryData', IMMUTABLE));
  return out;
}

/** Validation of a ConfigMap, Secret or ServiceAccount write; `meta` is ValidateObjectMeta's. */
export function validateConfigKind(
  obj: K8sObject,
  old: K8sObject | undefined,
  meta: FieldError[],
): FieldError[] {
  const pre = old ? updateErrors(obj, old) : [];
  const errs =
    obj.kind === 'ConfigMap'
      ? validateConfigMap(obj as ConfigMap, meta)
      : obj.kind === 'Secret'
        ? validateSecret(obj as Secret, meta)
        : meta;
  return pre.length > 0 ? [...pre, ...errs] : errs;
}

/**
 * What the API server's decoding does to a Secret before anything else sees it: each stringData
 * entry replaces the data key of that name (as UTF-8 bytes), stringData is dropped (it is
 * write-only), and an empty type becomes Opaque. [core/v1 conversion.go
 * Convert_v1_Secret_To_core_Secret; defaults.go SetDefaults_Secret]
 */
export function convertSecret(decoded: Record<string, unknown>): Record<string, unknown> {
  const out: Any = { ...decoded };
  const sd = out.stringData as Record<string, string> | undefined;
  if (sd !== undefined) {
    const data: Record<string, string> = { ...(out.data ?? {}) };
    for (const k of Object.keys(sd)) data[k] = base64Encode(utf8Bytes(sd[k] ?? ''));
    out.data = data;
    delete out.stringData;
  }
  if (!out.type) out.type = 'Opaque';
  return out;
}
