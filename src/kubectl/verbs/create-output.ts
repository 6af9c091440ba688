// What `kubectl create` prints for each object it created (or would create) [cli-runtime
// genericclioptions PrintFlags, printers/{name,json,yaml}.go; kubectl cmdutil
// PrintFlagsWithDryRunStrategy]:
// - no -o: the NamePrinter with the operation, `deployment.apps/x created`, `… created (dry run)`,
//   `… created (server dry run)`;
// - -o name: the same without the operation;
// - -o yaml: sigs.k8s.io/yaml of the object (keys sorted), `---` between objects;
// - -o json: json.MarshalIndent of the object. The subcommands (`create deployment|service|
//   namespace`) hold typed Go structs, so their JSON follows the struct's field order; `create -f`
//   holds unstructured maps, so its keys are sorted.
// - -o jsonpath=…: the jsonpath printer.
// managedFields are left out (--show-managed-fields is false by default).
import type { K8sObject } from '../../sim/api/types';
import type { JsonPathPrinter } from '../jsonpath';
import { toCompactJson, toJson } from '../printers/json';
import { parseOperationOutput } from '../printers/operation';
import { forOutput, nameOf } from '../printers/output';
import { toYaml } from '../printers/yaml';

export type CreateFormat =
  | { kind: 'name'; short: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'jsonpath'; printer: JsonPathPrinter };

/**
 * PrintFlags.ToPrinter for create's `-o` (the parser is the mutating verbs', ../printers/operation):
 * no -o is the NamePrinter with the operation, `-o name` without it.
 */
export function parseCreateOutput(
  o: string | undefined,
  allowMissingKeys: boolean,
): { ok: true; format: CreateFormat } | { ok: false; message: string } {
  const r = parseOperationOutput(o, allowMissingKeys);
  if (!r.ok) return r;
  const f = r.format;
  if (f.kind === 'default' || f.kind === 'name')
    return { ok: true, format: { kind: 'name', short: f.kind === 'name' } };
  return { ok: true, format: f };
}

export type DryRun = 'none' | 'client' | 'server';

/** The NamePrinter's operation after PrintFlagsWithDryRunStrategy. */
export function operation(dryRun: DryRun): string {
  if (dryRun === 'client') return 'created (dry run)';
  if (dryRun === 'server') return 'created (server dry run)';
  return 'created';
}

// ------------------------------------------------------------------ typed (Go struct) JSON order

/**
 * JSON field order of the Go structs (k8s.io/api v0.34.9 core/v1 and apps/v1, apimachinery
 * meta/v1). `name:Type` = a pointer/slice/map of Type (absent when nil); `name!Type` = a value
 * struct (Go always marshals it, `{}` when empty). TypeMeta's kind/apiVersion come first (inline).
 * Types not listed marshal like maps here (sorted keys): none of them occur in what create
 * deployment/service/namespace build or the API server defaults into them.
 */
const STRUCTS: Record<string, string> = {
  ObjectMeta:
    'name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences:OwnerReference finalizers managedFields',
  OwnerReference: 'apiVersion kind name uid controller blockOwnerDeletion',
  Deployment: 'kind apiVersion metadata!ObjectMeta spec!DeploymentSpec status!DeploymentStatus',
  // batch/v1 (create job).
  Job: 'kind apiVersion metadata!ObjectMeta spec!JobSpec status!JobStatus',
  JobSpec:
    'parallelism completions activeDeadlineSeconds podFailurePolicy successPolicy backoffLimit backoffLimitPerIndex maxFailedIndexes selector:LabelSelector manualSelector template!PodTemplateSpec ttlSecondsAfterFinished completionMode suspend podReplacementPolicy managedBy',
  JobStatus:
    'conditions:JobCondition startTime completionTime active succeeded failed terminating completedIndexes failedIndexes uncountedTerminatedPods:UncountedTerminatedPods ready',
  JobCondition: 'type status lastProbeTime lastTransitionTime reason message',
  UncountedTerminatedPods: 'succeeded failed',
  // batch/v1 (create cronjob).
  CronJob: 'kind apiVersion metadata!ObjectMeta spec!CronJobSpec status!CronJobStatus',
  CronJobSpec:
    'schedule timeZone startingDeadlineSeconds concurrencyPolicy suspend jobTemplate!JobTemplateSpec successfulJobsHistoryLimit failedJobsHistoryLimit',
  JobTemplateSpec: 'metadata!ObjectMeta spec!JobSpec',
  CronJobStatus: 'active:ObjectReference lastScheduleTime lastSuccessfulTime',
  ObjectReference: 'kind namespace name uid apiVersion resourceVersion fieldPath',
  DeploymentSpec:
    'replicas selector:LabelSelector template!PodTemplateSpec strategy!DeploymentStrategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds',
  LabelSelector: 'matchLabels matchExpressions:LabelSelectorRequirement',
  LabelSelectorRequirement: 'key operator values',
  PodTemplateSpec: 'metadata!ObjectMeta spec!PodSpec',
  PodSpec:
    'volumes initContainers:Container containers:Container ephemeralContainers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext:PodSecurityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources:ResourceRequirements hostnameOverride',
  Container:
    'name image command args workingDir ports:ContainerPort envFrom env resources!ResourceRequirements resizePolicy restartPolicy restartPolicyRules volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce tty',
  ContainerPort: 'name hostPort containerPort protocol hostIP',
  ResourceRequirements: 'limits requests claims',
  PodSecurityContext:
    'seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot supplementalGroups supplementalGroupsPolicy fsGroup sysctls fsGroupChangePolicy seccompProfile appArmorProfile seLinuxChangePolicy',
  DeploymentStrategy: 'type rollingUpdate:RollingUpdateDeployment',
  RollingUpdateDeployment: 'maxUnavailable maxSurge',
  DeploymentStatus:
    'observedGeneration replicas updatedReplicas readyReplicas availableReplicas unavailableReplicas terminatingReplicas conditions:DeploymentCondition collisionCount',
  DeploymentCondition: 'type status lastUpdateTime lastTransitionTime reason message',
  Service: 'kind apiVersion metadata!ObjectMeta spec!ServiceSpec status!ServiceStatus',
  ServiceSpec:
    'ports:ServicePort selector clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort publishNotReadyAddresses sessionAffinityConfig:SessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution',
  ServicePort: 'name protocol appProtocol port targetPort nodePort',
  SessionAffinityConfig: 'clientIP:ClientIPConfig',
  ClientIPConfig: 'timeoutSeconds',
  ServiceStatus: 'loadBalancer!LoadBalancerStatus conditions:Condition',
  LoadBalancerStatus: 'ingress:LoadBalancerIngress',
  LoadBalancerIngress: 'ip hostname ipMode ports:PortStatus',
  PortStatus: 'port protocol error',
  Condition: 'type status observedGeneration lastTransitionTime reason message',
  Namespace: 'kind apiVersion metadata!ObjectMeta spec!NamespaceSpec status!NamespaceStatus',
  NamespaceSpec: 'finalizers',
  NamespaceStatus: 'phase conditions:NamespaceCondition',
  NamespaceCondition: 'type status lastTransitionTime reason message',
  ConfigMap: 'kind apiVersion metadata!ObjectMeta immutable data binaryData',
  Secret: 'kind apiVersion metadata!ObjectMeta immutable data stringData type',
};

interface Field {
  name: string;
  type: string | undefined;
  value: boolean;
}

const parsedStructs = new Map<string, Field[]>();

function fieldsOf(type: string): Field[] | undefined {
  const cached = parsedStructs.get(type);
  if (cached) return cached;
  const spec = STRUCTS[type];
  if (spec === undefined) return undefined;
  const fields = spec.split(' ').map((f): Field => {
    const m = /^([A-Za-z]+)(?:([:!])([A-Za-z]+))?$/.exec(f) as RegExpExecArray;
    return { name: m[1] as string, type: m[3], value: m[2] === '!' };
  });
  parsedStructs.set(type, fields);
  return fields;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The object as a decode into the Go struct and json.Marshal give it back: value-struct fields
 * that are absent appear as `{}` (recursively: a Service's `status` is `{"loadBalancer": {}}`).
 * Keys keep the struct's order; keys the struct does not know keep their place after them.
 */
export function asTyped(v: unknown, type: string): unknown {
  if (Array.isArray(v)) return v.map((x) => asTyped(x, type));
  const fields = fieldsOf(type);
  if (!fields) return v;
  const src = isObject(v) ? v : {};
  const out: Json = {};
  for (const f of fields) {
    const val = src[f.name];
    if (val === undefined || val === null) {
      if (f.value && f.type) out[f.name] = asTyped({}, f.type);
      continue;
    }
    out[f.name] = f.type ? asTyped(val, f.type) : val;
  }
  for (const k of Object.keys(src).sort()) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out;
}

/** A map, an unknown struct or a scalar at `indent`: encoding/json sorts map keys. */
function writePlain(v: unknown, indent: string, out: string[]): void {
  const s = v !== null && typeof v === 'object' ? toJson(v).slice(0, -1) : toCompactJson(v);
  out.push(s.replaceAll('\n', `\n${indent}`));
}

/** json.MarshalIndent of a typed object of `type`, as the JSONPrinter prints it (ends with \n). */
export function typedJson(v: unknown, type: string): string {
  const out: string[] = [];
  writeTyped(asTyped(v, type), type, '', out);
  out.push('\n');
  return out.join('');
}

function writeTyped(v: unknown, type: string | undefined, indent: string, out: string[]): void {
  const fields = type ? fieldsOf(type) : undefined;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    const inner = `${indent}    `;
    out.push('[');
    v.forEach((x, i) => {
      out.push(`\n${inner}`);
      writeTyped(x, type, inner, out);
      if (i < v.length - 1) out.push(',');
    });
    out.push(`\n${indent}]`);
    return;
  }
  if (!fields || !isObject(v)) {
    writePlain(v, indent, out);
    return;
  }
  const keys = Object.keys(v).filter((k) => v[k] !== undefined);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  const inner = `${indent}    `;
  out.push('{');
  keys.forEach((k, i) => {
    out.push(`\n${inner}${toCompactJson(k)}: `);
    writeTyped(v[k], fields.find((f) => f.name === k)?.type, inner, out);
    if (i < keys.length - 1) out.push(',');
  });
  out.push(`\n${indent}}`);
}

// ------------------------------------------------------------------ the printer

/**
 * One printer for one command run (the YAML printer counts the objects it printed to put `---`
 * between them). `type` names the Go struct for typed objects; undefined = unstructured.
 */
export class CreatePrinter {
  private count = 0;
  constructor(
    private readonly format: CreateFormat,
    private readonly dryRun: DryRun,
  ) {}

  /** The text for one object, or a printer error (with the `error: ` prefix). */
  print(obj: K8sObject, type?: string): { out: string; error?: string } {
    const shown = forOutput(obj);
    switch (this.format.kind) {
      case 'name':
        return { out: `${nameOf(obj)}${this.format.short ? '' : ` ${operation(this.dryRun)}`}\n` };
      case 'yaml': {
        this.count++;
        const data = type ? asTyped(shown, type) : shown;
        return { out: `${this.count > 1 ? '---\n' : ''}${toYaml(data)}` };
      }
      case 'json':
        return { out: type ? typedJson(shown, type) : toJson(shown) };
      case 'jsonpath': {
        const r = this.format.printer.print(type ? asTyped(shown, type) : shown);
        return r.ok ? { out: r.text } : { out: '', error: `error: ${r.message}` };
      }
    }
  }
}
