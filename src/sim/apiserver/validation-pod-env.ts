// A container's env and the downward API selectors (env valueFrom and downwardAPI volume files),
// validated as ValidatePodSpec validates them [K8S pkg/apis/core/validation/validation.go:
// ValidateEnv, validateEnvVarValueFrom, validateObjectFieldSelector,
// validateContainerResourceFieldSelector, validateConfigMapKeySelector,
// validateSecretKeySelector; pkg/apis/core/pods/helpers.go ConvertDownwardAPIFieldLabel;
// APIMACH pkg/util/validation IsRelaxedEnvVarName, IsConfigMapKey]. Bound late with
// validation.ts. RelaxedEnvironmentVariableValidation is GA and locked on in 1.34: a name is any
// printable ASCII but '='. A resourceFieldRef's divisor is not checked (its canonical form is
// resource.Quantity's String(), not modelled here).
import { qualifiedNameErrors } from '../api/labels';
import { type FieldError, invalid, required, unsupported } from './errors';
import { pushNameErrors } from './validation';
import { configMapKeyErrors } from './validation-config';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

export const RELAXED_ENV_MSG =
  "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** validEnvDownwardAPIFieldPathExpressions (sorted, as NotSupported lists them). */
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** validVolumeDownwardAPIFieldPathExpressions. */
export const VOLUME_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];
/** ConvertDownwardAPIFieldLabel's labels (spec.host is converted to spec.nodeName). */
const CONVERTIBLE = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const RESOURCE_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

const set = (x: unknown): boolean => x !== undefined && x !== null;
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** IsRelaxedEnvVarName for a non-empty name: printable ASCII other than '='. */
export function relaxedEnvNameOk(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch < 0x20 || ch > 0x7e || ch === 61) return false;
  }
  return true;
}

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → path and subscript. */
function splitSubscripted(p: string): [string, string] | undefined {
  if (!p.endsWith("']")) return undefined;
  const s = p.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return [s.slice(0, at), s.slice(at + 2)];
}

/** validateObjectFieldSelector. */
export function pushFieldSelectorErrors(out: FieldError[], fs: Any, paths: string[], field: string): void {
  const apiVersion = str(fs?.apiVersion);
  const fieldPath = str(fs?.fieldPath);
  if (!apiVersion) {
    out.push(required(`${field}.apiVersion`));
    return;
  }
  if (!fieldPath) {
    out.push(required(`${field}.fieldPath`));
    return;
  }
  // ConvertDownwardAPIFieldLabel.
  let err: string | undefined;
  let internal = fieldPath;
  const sub = splitSubscripted(fieldPath);
  if (apiVersion !== 'v1') err = `unsupported pod version: ${apiVersion}`;
  else if (sub) {
    if (sub[0] !== 'metadata.annotations' && sub[0] !== 'metadata.labels')
      err = `field label does not support subscript: ${fieldPath}`;
  } else if (fieldPath === 'spec.host') internal = 'spec.nodeName';
  else if (!CONVERTIBLE.includes(fieldPath)) err = `field label not supported: ${fieldPath}`;
  if (err) {
    out.push(invalid(`${field}.fieldPath`, fieldPath, `error converting fieldPath: ${err}`));
    return;
  }
  if (sub) {
    // ValidateQualifiedName of the subscript (an annotation key lower-cased), at the selector.
    const key = sub[0] === 'metadata.annotations' ? sub[1].toLowerCase() : sub[1];
    for (const m of qualifiedNameErrors(key)) out.push(invalid(field, key, m));
  } else if (!paths.includes(internal)) out.push(unsupported(`${field}.fieldPath`, internal, paths));
}

/** validateContainerResourceFieldSelector (`volume`: a volume file, which names its container). */
export function pushResourceFieldErrors(out: FieldError[], rf: Any, volume: boolean, field: string): void {
  const resource = str(rf?.resource);
  if (volume && !str(rf?.containerName)) out.push(required(`${field}.containerName`));
  else if (!resource) out.push(required(`${field}.resource`));
  else if (
    !RESOURCE_PATHS.includes(resource) &&
    !resource.startsWith('limits.hugepages-') &&
    !resource.startsWith('requests.hugepages-')
  )
    out.push(unsupported(`${field}.resource`, resource, RESOURCE_PATHS));
}

/** validateConfigMapKeySelector / validateSecretKeySelector: a subdomain name, a config key. */
function pushKeySelectorErrors(out: FieldError[], sel: Any, field: string): void {
  const name = str(sel?.name);
  pushNameErrors(out, name, 'subdomain', `${field}.name`, name);
  const key = str(sel?.key);
  if (!key) out.push(required(`${field}.key`));
  else for (const m of configMapKeyErrors(key)) out.push(invalid(`${field}.key`, key, m));
}

/** ValidateEnv: each name, then its valueFrom. */
export function pushEnvErrors(out: FieldError[], env: unknown, path: string): void {
  if (!Array.isArray(env)) return;
  for (let i = 0; i < env.length; i++) {
    const ev: Any = env[i] ?? {};
    const idx = `${path}.env[${i}]`;
    const name = str(ev.name);
    if (!name) out.push(required(`${idx}.name`));
    else if (!relaxedEnvNameOk(name)) out.push(invalid(`${idx}.name`, name, RELAXED_ENV_MSG));
    const vf = ev.valueFrom;
    if (!set(vf)) continue;
    const fld = `${idx}.valueFrom`;
    let n = 0;
    if (set(vf.fieldRef)) {
      n++;
      pushFieldSelectorErrors(out, vf.fieldRef, ENV_FIELD_PATHS, `${fld}.fieldRef`);
    }
    if (set(vf.resourceFieldRef)) {
      n++;
      pushResourceFieldErrors(out, vf.resourceFieldRef, false, `${fld}.resourceFieldRef`);
    }
    if (set(vf.configMapKeyRef)) {
      n++;
      pushKeySelectorErrors(out, vf.configMapKeyRef, `${fld}.configMapKeyRef`);
    }
    if (set(vf.secretKeyRef)) {
      n++;
      pushKeySelectorErrors(out, vf.secretKeyRef, `${fld}.secretKeyRef`);
    }
    if (n === 0)
      out.push(
        invalid(
          fld,
          '',
          'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        ),
      );
    else if (str(ev.value)) out.push(invalid(fld, '', 'may not be specified when `value` is not empty'));
    else if (n > 1) out.push(invalid(fld, '', 'may not have more than one field specified at a time'));
  }
}
