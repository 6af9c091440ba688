// What the deployment controller hashes for pod-template-hash: go-spew's `%#v` of the Deployment's
// v1.PodTemplateSpec (ConfigState{SortKeys, DisableMethods, SpewKeys}). [K8S controller_utils.go
// ComputeHash, pkg/util/hash DeepHashObject; go-spew d8f796a spew/format.go]
// The formatter prints every struct field in declaration order as `Name:(type)value`: strings bare
// (no quotes), nil pointers, slices and maps as `<nil>`, a set pointer's value after `(*T)`, slice
// elements and map entries without their type, map keys sorted. The value printed is the template
// as the controller's informer decoded it from protobuf, so an empty list or map is nil.
// The Go structs' fields are encoded below as 'GoName[=jsonName]:type' (type without `v1.`, json
// name derived from the Go name unless given, `=` alone for an inline embedded struct), k8s.io/api
// v0.34. The structs a typical template reaches are here; the rest (volumes, probes, affinity...)
// are bound late (./spew-late through src/sim/late): boot-time templates (CoreDNS, add-ons) only
// reach these.
import { late, latePartsLoaded } from '../late';

// biome-ignore lint/suspicious/noExplicitAny: the template is decoded JSON.
type Any = any;

/** Struct name (as spew prints it, minus `v1.`) → its encoded field list. */
export type GoStructs = Readonly<Record<string, string>>;

export const BOOT_STRUCTS: GoStructs = {
  PodTemplateSpec: 'ObjectMeta=metadata:ObjectMeta Spec:PodSpec',
  ObjectMeta:
    'Name:string GenerateName:string Namespace:string SelfLink:string UID:types.UID ResourceVersion:string Generation:int64 CreationTimestamp:Time DeletionTimestamp:*Time DeletionGracePeriodSeconds:*int64 Labels:map[string]string Annotations:map[string]string OwnerReferences:[]OwnerReference Finalizers:[]string ManagedFields:[]ManagedFieldsEntry',
  PodSpec:
    'Volumes:[]Volume InitContainers:[]Container Containers:[]Container EphemeralContainers:[]EphemeralContainer RestartPolicy:RestartPolicy TerminationGracePeriodSeconds:*int64 ActiveDeadlineSeconds:*int64 DNSPolicy:DNSPolicy NodeSelector:map[string]string ServiceAccountName:string DeprecatedServiceAccount=serviceAccount:string AutomountServiceAccountToken:*bool NodeName:string HostNetwork:bool HostPID:bool HostIPC:bool ShareProcessNamespace:*bool SecurityContext:*PodSecurityContext ImagePullSecrets:[]LocalObjectReference Hostname:string Subdomain:string Affinity:*Affinity SchedulerName:string Tolerations:[]Toleration HostAliases:[]HostAlias PriorityClassName:string Priority:*int32 DNSConfig:*PodDNSConfig ReadinessGates:[]PodReadinessGate RuntimeClassName:*string EnableServiceLinks:*bool PreemptionPolicy:*PreemptionPolicy Overhead:ResourceList TopologySpreadConstraints:[]TopologySpreadConstraint SetHostnameAsFQDN:*bool OS:*PodOS HostUsers:*bool SchedulingGates:[]PodSchedulingGate ResourceClaims:[]PodResourceClaim Resources:*ResourceRequirements HostnameOverride:*string',
  Container:
    'Name:string Image:string Command:[]string Args:[]string WorkingDir:string Ports:[]ContainerPort EnvFrom:[]EnvFromSource Env:[]EnvVar Resources:ResourceRequirements ResizePolicy:[]ContainerResizePolicy RestartPolicy:*ContainerRestartPolicy RestartPolicyRules:[]ContainerRestartRule VolumeMounts:[]VolumeMount VolumeDevices:[]VolumeDevice LivenessProbe:*Probe ReadinessProbe:*Probe StartupProbe:*Probe Lifecycle:*Lifecycle TerminationMessagePath:string TerminationMessagePolicy:TerminationMessagePolicy ImagePullPolicy:PullPolicy SecurityContext:*SecurityContext Stdin:bool StdinOnce:bool TTY:bool',
  ContainerPort: 'Name:string HostPort:int32 ContainerPort:int32 Protocol:Protocol HostIP:string',
  ResourceRequirements: 'Limits:ResourceList Requests:ResourceList Claims:[]ResourceClaim',
  PodSecurityContext:
    'SELinuxOptions:*SELinuxOptions WindowsOptions:*WindowsSecurityContextOptions RunAsUser:*int64 RunAsGroup:*int64 RunAsNonRoot:*bool SupplementalGroups:[]int64 SupplementalGroupsPolicy:*SupplementalGroupsPolicy FSGroup:*int64 Sysctls:[]Sysctl FSGroupChangePolicy:*PodFSGroupChangePolicy SeccompProfile:*SeccompProfile AppArmorProfile:*AppArmorProfile SELinuxChangePolicy:*PodSELinuxChangePolicy',
  Toleration:
    'Key:string Operator:TolerationOperator Value:string Effect:TaintEffect TolerationSeconds:*int64',
};

/** Go's predeclared types reachable from a PodTemplateSpec (others are named types or structs). */
const SCALARS = /^(string|bool|u?int(8|16|32|64)?|float64)$/;

/** A field: Go name, JSON key ('' for an inline embedded struct), type, type as printed. */
type Field = [go: string, json: string, type: string, printed: string];

const compiled = new Map<string, Field[]>();

/** encoding/json's key for the Go name when the tag follows the usual lowerCamel rule. */
function jsonName(go: string): string {
  let i = 0;
  while (i < go.length && go.charCodeAt(i) < 91) i++;
  if (i === go.length) return go.toLowerCase(); // UID, TTY, OS
  if (i > 1) i--; // DNSPolicy, FSGroup, SELinuxOptions
  return go.slice(0, i).toLowerCase() + go.slice(i);
}

function fields(enc: string): Field[] {
  let out = compiled.get(enc);
  if (!out) {
    out = enc.split(' ').map((f): Field => {
      const c = f.indexOf(':');
      const e = f.indexOf('=');
      const go = f.slice(0, e < 0 || e > c ? c : e);
      const type = f.slice(c + 1);
      // reflect's Type.String(): package-qualified named types (core and meta types are both `v1`).
      const printed = type.replace(/(^|[\]*])([A-Z])/g, '$1v1.$2');
      return [go, e < 0 || e > c ? jsonName(go) : f.slice(e + 1, c), type, printed];
    });
    compiled.set(enc, out);
  }
  return out;
}

export type StructLookup = (name: string) => string | undefined;

const bootLookup: StructLookup = (name) =>
  BOOT_STRUCTS[name] ?? (latePartsLoaded() ? late().spewStructs[name] : undefined);

const ZERO_TIME = '{Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}}';

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** A value whose type spew has already printed (or omits: slice elements, map keys and values). */
function bare(type: string, v: Any, look: StructLookup): string {
  const c = type.charCodeAt(0);
  if (c === 42 /* * */) return present(v) ? `<*>${bare(type.slice(1), v, look)}` : '<nil>';
  if (c === 91 /* [ */) {
    if (!Array.isArray(v) || v.length === 0) return '<nil>';
    const elem = type.slice(2);
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i > 0 ? ' ' : '') + bare(elem, v[i], look);
    return `${s}]`;
  }
  if (type === 'ResourceList') type = 'map[ResourceName]resource.Quantity';
  if (type.startsWith('map[')) {
    if (!present(v) || typeof v !== 'object') return '<nil>';
    // Keys are strings (label keys, resource names); Go sorts them bytewise.
    const keys = Object.keys(v).sort();
    if (keys.length === 0) return '<nil>';
    const val = type.slice(type.indexOf(']') + 1);
    let s = 'map[';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      s += `${i > 0 ? ' ' : ''}${k}:${bare(val, v[k], look)}`;
    }
    return `${s}]`;
  }
  if (type === 'Time') return ZERO_TIME; // templates carry no timestamps (README: known gaps)
  if (type === 'intstr.IntOrString') {
    const str = typeof v === 'string';
    return `{Type:(intstr.Type)${str ? 1 : 0} IntVal:(int32)${str ? 0 : (v ?? 0)} StrVal:(string)${str ? v : ''}}`;
  }
  if (type === 'resource.Quantity') return quantity(String(v ?? '0'));
  const scalar = SCALARS.test(type);
  let enc = scalar ? undefined : look(type);
  // A struct value only the late table knows, reached before it was bound: late() says so.
  if (enc === undefined && !scalar && typeof v === 'object' && v !== null) enc = late().spewStructs[type];
  if (enc === undefined) {
    if (type === 'bool') return v ? 'true' : 'false';
    if (type.startsWith('int') || type.startsWith('uint') || type === 'float64') return String(v ?? 0);
    return v === undefined || v === null ? '' : String(v); // string and named string types
  }
  let s = '{';
  for (const [go, json, ft, printed] of fields(enc)) {
    const fv = json === '' ? v : v?.[json];
    s += `${s.length > 1 ? ' ' : ''}${go}:(${printed})${ft.charCodeAt(0) === 42 ? (present(fv) ? bare(ft.slice(1), fv, look) : '<nil>') : bare(ft, fv, look)}`;
  }
  return `${s}}`;
}

/** A value of `type` as spew prints it after its `(type)` (tests check single structs with it). */
export function spewValue(type: string, v: unknown, look: StructLookup = bootLookup): string {
  return bare(type, v, look);
}

/** `printer.Fprintf(w, "%#v", template)` for the template as we store it (JSON). */
export function spewTemplate(template: unknown, look: StructLookup = bootLookup): string {
  return `(v1.PodTemplateSpec)${bare('PodTemplateSpec', template, look)}`;
}

/**
 * A resource.Quantity as the informer's protobuf decode (ParseQuantity of the stored string) left
 * it. The common canonical forms are read here: an integer with an SI or binary suffix that
 * ParseQuantity keeps its string for; anything else is parsed by the late part.
 * [APIMACH pkg/api/resource/quantity.go ParseQuantity]
 */
function quantity(str: string): string {
  const m = /^([1-9]\d{0,14})([numkMGTPE]?|[KMGTPE]i)$/.exec(str);
  if (str === '0') return quantityDump('0', 0, '0', 'DecimalSI');
  if (m) {
    const num = m[1] as string;
    const suf = m[2] as string;
    const bin = suf.length === 2 ? 'KMGTPE'.indexOf(suf[0] as string) * 10 + 10 : 0;
    const value = Number(num) * 2 ** bin;
    // Binary: the string is kept when num is not a multiple of 8, precision is left and it fits.
    if (bin && (Number(num) & 7) !== 0 && 14 - num.length - Math.trunc((bin * 3) / 10) >= 0)
      if (value <= Number.MAX_SAFE_INTEGER) return quantityDump(String(value), 0, str, 'BinarySI');
    // Decimal: scale is the suffix's power of ten; kept unless the digits end in 000.
    if (!bin && !num.endsWith('000')) return quantityDump(num, SI_EXP[suf] as number, str, 'DecimalSI');
  }
  return late().spewQuantity(str);
}

const SI_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** The dump of a Quantity held as int64Amount{value, scale} (its d.Dec nil). */
export function quantityDump(value: string, scale: number, s: string, format: string): string {
  return `{i:(resource.int64Amount){value:(int64)${value} scale:(resource.Scale)${scale}} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)${s} Format:(resource.Format)${format}}`;
}
