// ValidatePodEphemeralContainersUpdate [K8S 1.34 pkg/apis/core/validation/validation.go]: the new
// Pod's ephemeral containers as validateEphemeralContainers checks them (validateContainerCommon's
// name, image, terminationMessagePolicy and imagePullPolicy; a name unique among the containers,
// init containers and the ephemeral containers before it; targetContainerName naming a container
// or init container; validateFieldAllowList: ports, resources, resizePolicy, restartPolicy, the
// probes and lifecycle "cannot be set for an Ephemeral Container"; no volume mount subPath; env,
// envFrom, volume mounts and securityContext with the Pod validation's own checks), then Part 2:
// an existing ephemeral container may be neither removed nor changed. Not given: a changed
// container's cmp.Diff text after the message, which go-cmp deliberately makes unstable.
import type { K8sObject } from '../api/types';
import { duplicate, type FieldError, forbidden, formatValue, invalid, required, unsupported } from './errors';
import { deepEqual } from './json';
import { DNS1123_LABEL_MSG } from './validation';
import { pushEnvErrors } from './validation-pod-env';
import { pushContainerSecurityContextErrors } from './validation-pod-fields';
import { pushEnvFromErrors, pushVolumeMountErrors } from './validation-pod-volumes';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const NOT_ALLOWED = 'cannot be set for an Ephemeral Container';
/** EphemeralContainerCommon's fields outside allowedEphemeralContainerFields, in Go field order. */
const DISALLOWED = [
  'ports',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
];

const set = (v: unknown): boolean =>
  v !== undefined &&
  v !== null &&
  v !== '' &&
  !(Array.isArray(v) && v.length === 0) &&
  !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** validateEphemeralContainers for `spec` (at `spec.ephemeralContainers`). */
export function pushEphemeralContainerErrors(out: FieldError[], spec: Any): void {
  const ecs: Any[] = Array.isArray(spec?.ephemeralContainers) ? spec.ephemeralContainers : [];
  if (ecs.length === 0) return;
  const other = new Set<string>();
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) other.add(c?.name ?? '');
  const all = new Set(other);
  const volumes: string[] = (Array.isArray(spec.volumes) ? spec.volumes : []).map((v: Any) => v?.name);
  ecs.forEach((ec: Any, i: number) => {
    const path = `spec.ephemeralContainers[${i}]`;
    const name = ec?.name ?? '';
    if (name === '') out.push(required(`${path}.name`));
    else {
      if (name.length > 63) out.push(invalid(`${path}.name`, name, 'must be no more than 63 characters'));
      if (!DNS1123_LABEL.test(name)) out.push(invalid(`${path}.name`, name, DNS1123_LABEL_MSG));
    }
    if (!ec?.image) out.push(required(`${path}.image`));
    const tmp = ec?.terminationMessagePolicy ?? '';
    if (tmp === '') out.push(required(`${path}.terminationMessagePolicy`));
    else if (!MESSAGE_POLICIES.includes(tmp))
      out.push(unsupported(`${path}.terminationMessagePolicy`, tmp, MESSAGE_POLICIES));
    pushEnvErrors(out, ec?.env, path);
    if (ec?.envFrom) pushEnvFromErrors(out, ec.envFrom, path);
    if (ec?.volumeMounts) pushVolumeMountErrors(out, ec, volumes, path);
    const pull = ec?.imagePullPolicy ?? '';
    if (pull === '') out.push(required(`${path}.imagePullPolicy`));
    else if (!PULL_POLICIES.includes(pull))
      out.push(unsupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
    if (ec?.securityContext) pushContainerSecurityContextErrors(out, ec, spec.hostUsers !== false, path);
    if (all.has(name)) out.push(duplicate(`${path}.name`, name));
    else all.add(name);
    const target = ec?.targetContainerName ?? '';
    if (target !== '' && !other.has(target))
      out.push({ field: `${path}.targetContainerName`, message: `Not found: ${formatValue(target)}` });
    for (const k of DISALLOWED) if (set(ec?.[k])) out.push(forbidden(`${path}.${k}`, NOT_ALLOWED));
    (Array.isArray(ec?.volumeMounts) ? ec.volumeMounts : []).forEach((vm: Any, j: number) => {
      if (vm?.subPath) out.push(forbidden(`${path}.volumeMounts[${j}].subPath`, NOT_ALLOWED));
      if (vm?.subPathExpr) out.push(forbidden(`${path}.volumeMounts[${j}].subPathExpr`, NOT_ALLOWED));
    });
  });
}

/** ValidatePodEphemeralContainersUpdate(newPod, oldPod) for the parts listed above. */
export function ephemeralUpdateErrors(pod: K8sObject, old: K8sObject): FieldError[] {
  const out: FieldError[] = [];
  pushEphemeralContainerErrors(out, pod.spec);
  // Static pods don't support ephemeral containers #113935.
  if (old.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined)
    return [forbidden('', 'static pods do not support ephemeral containers')];
  const byName = new Map<string, Any>();
  for (const ec of (pod.spec as Any).ephemeralContainers ?? []) byName.set(ec?.name, ec);
  for (const ec of (old.spec as Any).ephemeralContainers ?? []) {
    const now = byName.get(ec.name);
    const path = 'spec.ephemeralContainers';
    if (now === undefined)
      out.push(
        forbidden(path, `existing ephemeral containers ${JSON.stringify(ec.name)} may not be removed\n`),
      );
    else if (!deepEqual(ec, now))
      out.push(
        forbidden(path, `existing ephemeral containers ${JSON.stringify(ec.name)} may not be changed`),
      );
  }
  return out;
}
