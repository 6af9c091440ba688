// The rarely reached part of the pod template's Go layout (see ./spew): the structs under volumes,
// probes, lifecycle hooks, affinity, security contexts, env sources and the like, k8s.io/api v0.34
// (core/v1/types.go; ObjectMeta's from apimachinery meta/v1), plus resource.Quantity's parse.
// Bound late: only templates the student writes reach them.
import type { GoStructs } from './spew';
import { quantityDump } from './spew';

export const LATE_STRUCTS: GoStructs = {
  OwnerReference:
    'APIVersion:string Kind:string Name:string UID:types.UID Controller:*bool BlockOwnerDeletion:*bool',
  ManagedFieldsEntry:
    'Manager:string Operation:ManagedFieldsOperationType APIVersion:string Time:*Time FieldsType:string FieldsV1:*FieldsV1 Subresource:string',
  FieldsV1: 'Raw=-:[]uint8',
  Volume: 'Name:string VolumeSource=:VolumeSource',
  VolumeSource:
    'HostPath:*HostPathVolumeSource EmptyDir:*EmptyDirVolumeSource GCEPersistentDisk:*GCEPersistentDiskVolumeSource AWSElasticBlockStore:*AWSElasticBlockStoreVolumeSource GitRepo:*GitRepoVolumeSource Secret:*SecretVolumeSource NFS:*NFSVolumeSource ISCSI:*ISCSIVolumeSource Glusterfs:*GlusterfsVolumeSource PersistentVolumeClaim:*PersistentVolumeClaimVolumeSource RBD:*RBDVolumeSource FlexVolume:*FlexVolumeSource Cinder:*CinderVolumeSource CephFS=cephfs:*CephFSVolumeSource Flocker:*FlockerVolumeSource DownwardAPI:*DownwardAPIVolumeSource FC:*FCVolumeSource AzureFile:*AzureFileVolumeSource ConfigMap:*ConfigMapVolumeSource VsphereVolume:*VsphereVirtualDiskVolumeSource Quobyte:*QuobyteVolumeSource AzureDisk:*AzureDiskVolumeSource PhotonPersistentDisk:*PhotonPersistentDiskVolumeSource Projected:*ProjectedVolumeSource PortworxVolume:*PortworxVolumeSource ScaleIO:*ScaleIOVolumeSource StorageOS=storageos:*StorageOSVolumeSource CSI:*CSIVolumeSource Ephemeral:*EphemeralVolumeSource Image:*ImageVolumeSource',
  HostPathVolumeSource: 'Path:string Type:*HostPathType',
  EmptyDirVolumeSource: 'Medium:StorageMedium SizeLimit:*resource.Quantity',
  GCEPersistentDiskVolumeSource: 'PDName:string FSType:string Partition:int32 ReadOnly:bool',
  AWSElasticBlockStoreVolumeSource: 'VolumeID:string FSType:string Partition:int32 ReadOnly:bool',
  GitRepoVolumeSource: 'Repository:string Revision:string Directory:string',
  SecretVolumeSource: 'SecretName:string Items:[]KeyToPath DefaultMode:*int32 Optional:*bool',
  KeyToPath: 'Key:string Path:string Mode:*int32',
  NFSVolumeSource: 'Server:string Path:string ReadOnly:bool',
  ISCSIVolumeSource:
    'TargetPortal:string IQN:string Lun:int32 ISCSIInterface:string FSType:string ReadOnly:bool Portals:[]string DiscoveryCHAPAuth=chapAuthDiscovery:bool SessionCHAPAuth=chapAuthSession:bool SecretRef:*LocalObjectReference InitiatorName:*string',
  LocalObjectReference: 'Name:string',
  GlusterfsVolumeSource: 'EndpointsName=endpoints:string Path:string ReadOnly:bool',
  PersistentVolumeClaimVolumeSource: 'ClaimName:string ReadOnly:bool',
  RBDVolumeSource:
    'CephMonitors=monitors:[]string RBDImage=image:string FSType:string RBDPool=pool:string RadosUser=user:string Keyring:string SecretRef:*LocalObjectReference ReadOnly:bool',
  FlexVolumeSource:
    'Driver:string FSType:string SecretRef:*LocalObjectReference ReadOnly:bool Options:map[string]string',
  CinderVolumeSource: 'VolumeID:string FSType:string ReadOnly:bool SecretRef:*LocalObjectReference',
  CephFSVolumeSource:
    'Monitors:[]string Path:string User:string SecretFile:string SecretRef:*LocalObjectReference ReadOnly:bool',
  FlockerVolumeSource: 'DatasetName:string DatasetUUID:string',
  DownwardAPIVolumeSource: 'Items:[]DownwardAPIVolumeFile DefaultMode:*int32',
  DownwardAPIVolumeFile:
    'Path:string FieldRef:*ObjectFieldSelector ResourceFieldRef:*ResourceFieldSelector Mode:*int32',
  ObjectFieldSelector: 'APIVersion:string FieldPath:string',
  ResourceFieldSelector: 'ContainerName:string Resource:string Divisor:resource.Quantity',
  FCVolumeSource: 'TargetWWNs:[]string Lun:*int32 FSType:string ReadOnly:bool WWIDs=wwids:[]string',
  AzureFileVolumeSource: 'SecretName:string ShareName:string ReadOnly:bool',
  ConfigMapVolumeSource:
    'LocalObjectReference=:LocalObjectReference Items:[]KeyToPath DefaultMode:*int32 Optional:*bool',
  VsphereVirtualDiskVolumeSource:
    'VolumePath:string FSType:string StoragePolicyName:string StoragePolicyID:string',
  QuobyteVolumeSource: 'Registry:string Volume:string ReadOnly:bool User:string Group:string Tenant:string',
  AzureDiskVolumeSource:
    'DiskName:string DataDiskURI=diskURI:string CachingMode:*AzureDataDiskCachingMode FSType:*string ReadOnly:*bool Kind:*AzureDataDiskKind',
  PhotonPersistentDiskVolumeSource: 'PdID:string FSType:string',
  ProjectedVolumeSource: 'Sources:[]VolumeProjection DefaultMode:*int32',
  VolumeProjection:
    'Secret:*SecretProjection DownwardAPI:*DownwardAPIProjection ConfigMap:*ConfigMapProjection ServiceAccountToken:*ServiceAccountTokenProjection ClusterTrustBundle:*ClusterTrustBundleProjection PodCertificate:*PodCertificateProjection',
  SecretProjection: 'LocalObjectReference=:LocalObjectReference Items:[]KeyToPath Optional:*bool',
  DownwardAPIProjection: 'Items:[]DownwardAPIVolumeFile',
  ConfigMapProjection: 'LocalObjectReference=:LocalObjectReference Items:[]KeyToPath Optional:*bool',
  ServiceAccountTokenProjection: 'Audience:string ExpirationSeconds:*int64 Path:string',
  ClusterTrustBundleProjection:
    'Name:*string SignerName:*string LabelSelector:*LabelSelector Optional:*bool Path:string',
  LabelSelector: 'MatchLabels:map[string]string MatchExpressions:[]LabelSelectorRequirement',
  LabelSelectorRequirement: 'Key:string Operator:LabelSelectorOperator Values:[]string',
  PodCertificateProjection:
    'SignerName:string KeyType:string MaxExpirationSeconds:*int32 CredentialBundlePath:string KeyPath:string CertificateChainPath:string',
  PortworxVolumeSource: 'VolumeID:string FSType:string ReadOnly:bool',
  ScaleIOVolumeSource:
    'Gateway:string System:string SecretRef:*LocalObjectReference SSLEnabled:bool ProtectionDomain:string StoragePool:string StorageMode:string VolumeName:string FSType:string ReadOnly:bool',
  StorageOSVolumeSource:
    'VolumeName:string VolumeNamespace:string FSType:string ReadOnly:bool SecretRef:*LocalObjectReference',
  CSIVolumeSource:
    'Driver:string ReadOnly:*bool FSType:*string VolumeAttributes:map[string]string NodePublishSecretRef:*LocalObjectReference',
  EphemeralVolumeSource: 'VolumeClaimTemplate:*PersistentVolumeClaimTemplate',
  PersistentVolumeClaimTemplate: 'ObjectMeta=metadata:ObjectMeta Spec:PersistentVolumeClaimSpec',
  PersistentVolumeClaimSpec:
    'AccessModes:[]PersistentVolumeAccessMode Selector:*LabelSelector Resources:VolumeResourceRequirements VolumeName:string StorageClassName:*string VolumeMode:*PersistentVolumeMode DataSource:*TypedLocalObjectReference DataSourceRef:*TypedObjectReference VolumeAttributesClassName:*string',
  VolumeResourceRequirements: 'Limits:ResourceList Requests:ResourceList',
  TypedLocalObjectReference: 'APIGroup:*string Kind:string Name:string',
  TypedObjectReference: 'APIGroup:*string Kind:string Name:string Namespace:*string',
  ImageVolumeSource: 'Reference:string PullPolicy:PullPolicy',
  EnvFromSource: 'Prefix:string ConfigMapRef:*ConfigMapEnvSource SecretRef:*SecretEnvSource',
  ConfigMapEnvSource: 'LocalObjectReference=:LocalObjectReference Optional:*bool',
  SecretEnvSource: 'LocalObjectReference=:LocalObjectReference Optional:*bool',
  EnvVar: 'Name:string Value:string ValueFrom:*EnvVarSource',
  EnvVarSource:
    'FieldRef:*ObjectFieldSelector ResourceFieldRef:*ResourceFieldSelector ConfigMapKeyRef:*ConfigMapKeySelector SecretKeyRef:*SecretKeySelector FileKeyRef:*FileKeySelector',
  ConfigMapKeySelector: 'LocalObjectReference=:LocalObjectReference Key:string Optional:*bool',
  SecretKeySelector: 'LocalObjectReference=:LocalObjectReference Key:string Optional:*bool',
  FileKeySelector: 'VolumeName:string Path:string Key:string Optional:*bool',
  ResourceClaim: 'Name:string Request:string',
  ContainerResizePolicy: 'ResourceName:ResourceName RestartPolicy:ResourceResizeRestartPolicy',
  ContainerRestartRule: 'Action:ContainerRestartRuleAction ExitCodes:*ContainerRestartRuleOnExitCodes',
  ContainerRestartRuleOnExitCodes: 'Operator:ContainerRestartRuleOnExitCodesOperator Values:[]int32',
  VolumeMount:
    'Name:string ReadOnly:bool RecursiveReadOnly:*RecursiveReadOnlyMode MountPath:string SubPath:string MountPropagation:*MountPropagationMode SubPathExpr:string',
  VolumeDevice: 'Name:string DevicePath:string',
  Probe:
    'ProbeHandler=:ProbeHandler InitialDelaySeconds:int32 TimeoutSeconds:int32 PeriodSeconds:int32 SuccessThreshold:int32 FailureThreshold:int32 TerminationGracePeriodSeconds:*int64',
  ProbeHandler: 'Exec:*ExecAction HTTPGet:*HTTPGetAction TCPSocket:*TCPSocketAction GRPC:*GRPCAction',
  ExecAction: 'Command:[]string',
  HTTPGetAction: 'Path:string Port:intstr.IntOrString Host:string Scheme:URIScheme HTTPHeaders:[]HTTPHeader',
  HTTPHeader: 'Name:string Value:string',
  TCPSocketAction: 'Port:intstr.IntOrString Host:string',
  GRPCAction: 'Port:int32 Service:*string',
  Lifecycle: 'PostStart:*LifecycleHandler PreStop:*LifecycleHandler StopSignal:*Signal',
  LifecycleHandler: 'Exec:*ExecAction HTTPGet:*HTTPGetAction TCPSocket:*TCPSocketAction Sleep:*SleepAction',
  SleepAction: 'Seconds:int64',
  SecurityContext:
    'Capabilities:*Capabilities Privileged:*bool SELinuxOptions:*SELinuxOptions WindowsOptions:*WindowsSecurityContextOptions RunAsUser:*int64 RunAsGroup:*int64 RunAsNonRoot:*bool ReadOnlyRootFilesystem:*bool AllowPrivilegeEscalation:*bool ProcMount:*ProcMountType SeccompProfile:*SeccompProfile AppArmorProfile:*AppArmorProfile',
  Capabilities: 'Add:[]Capability Drop:[]Capability',
  SELinuxOptions: 'User:string Role:string Type:string Level:string',
  WindowsSecurityContextOptions:
    'GMSACredentialSpecName:*string GMSACredentialSpec:*string RunAsUserName:*string HostProcess:*bool',
  SeccompProfile: 'Type:SeccompProfileType LocalhostProfile:*string',
  AppArmorProfile: 'Type:AppArmorProfileType LocalhostProfile:*string',
  EphemeralContainer: 'EphemeralContainerCommon=:EphemeralContainerCommon TargetContainerName:string',
  EphemeralContainerCommon:
    'Name:string Image:string Command:[]string Args:[]string WorkingDir:string Ports:[]ContainerPort EnvFrom:[]EnvFromSource Env:[]EnvVar Resources:ResourceRequirements ResizePolicy:[]ContainerResizePolicy RestartPolicy:*ContainerRestartPolicy RestartPolicyRules:[]ContainerRestartRule VolumeMounts:[]VolumeMount VolumeDevices:[]VolumeDevice LivenessProbe:*Probe ReadinessProbe:*Probe StartupProbe:*Probe Lifecycle:*Lifecycle TerminationMessagePath:string TerminationMessagePolicy:TerminationMessagePolicy ImagePullPolicy:PullPolicy SecurityContext:*SecurityContext Stdin:bool StdinOnce:bool TTY:bool',
  Sysctl: 'Name:string Value:string',
  Affinity: 'NodeAffinity:*NodeAffinity PodAffinity:*PodAffinity PodAntiAffinity:*PodAntiAffinity',
  NodeAffinity:
    'RequiredDuringSchedulingIgnoredDuringExecution:*NodeSelector PreferredDuringSchedulingIgnoredDuringExecution:[]PreferredSchedulingTerm',
  NodeSelector: 'NodeSelectorTerms:[]NodeSelectorTerm',
  NodeSelectorTerm: 'MatchExpressions:[]NodeSelectorRequirement MatchFields:[]NodeSelectorRequirement',
  NodeSelectorRequirement: 'Key:string Operator:NodeSelectorOperator Values:[]string',
  PreferredSchedulingTerm: 'Weight:int32 Preference:NodeSelectorTerm',
  PodAffinity:
    'RequiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm PreferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm',
  PodAffinityTerm:
    'LabelSelector:*LabelSelector Namespaces:[]string TopologyKey:string NamespaceSelector:*LabelSelector MatchLabelKeys:[]string MismatchLabelKeys:[]string',
  WeightedPodAffinityTerm: 'Weight:int32 PodAffinityTerm:PodAffinityTerm',
  PodAntiAffinity:
    'RequiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm PreferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm',
  HostAlias: 'IP:string Hostnames:[]string',
  PodDNSConfig: 'Nameservers:[]string Searches:[]string Options:[]PodDNSConfigOption',
  PodDNSConfigOption: 'Name:string Value:*string',
  PodReadinessGate: 'ConditionType:PodConditionType',
  TopologySpreadConstraint:
    'MaxSkew:int32 TopologyKey:string WhenUnsatisfiable:UnsatisfiableConstraintAction LabelSelector:*LabelSelector MinDomains:*int32 NodeAffinityPolicy:*NodeInclusionPolicy NodeTaintsPolicy:*NodeInclusionPolicy MatchLabelKeys:[]string',
  PodOS: 'Name:OSName',
  PodSchedulingGate: 'Name:string',
  PodResourceClaim: 'Name:string ResourceClaimName:*string ResourceClaimTemplateName:*string',
};

type Format = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** What ParseQuantity returns: an int64Amount (`s` kept when `cached`), or an inf.Dec worth n·10^e. */
type Parsed =
  | { int: true; value: bigint; scale: number; format: Format; cached: boolean }
  | { int: false; n: bigint; e: number; format: Format };

const MAX_INT64 = (1n << 63n) - 1n;
const DEC_SUFFIX: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BIN_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const digitsFrom = (s: string, i: number): number => {
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return i;
};

/** parseQuantityString's split of a quantity: sign, numerator, fraction, suffix. */
function split(
  str: string,
): { neg: boolean; num: string; denom: string; value: string; suffix: string } | undefined {
  let pos = 0;
  const neg = str[0] === '-';
  if (neg || str[0] === '+') pos++;
  while (pos < str.length && str[pos] === '0') pos++;
  if (pos >= str.length) return { neg, num: '0', denom: '', value: '0', suffix: '' };
  let i = digitsFrom(str, pos);
  const num = str.slice(pos, i) || '0';
  let denom = '';
  if (str[i] === '.') {
    const j = digitsFrom(str, i + 1);
    denom = str.slice(i + 1, j);
    i = j;
  }
  const value = str.slice(0, i);
  let k = i;
  while (k < str.length && 'eEinumkKMGTP'.includes(str[k] as string)) k++;
  if (k < str.length && (str[k] === '-' || str[k] === '+')) k++;
  if (digitsFrom(str, k) < str.length) return undefined; // ErrFormatWrong
  return { neg, num, denom, value, suffix: str.slice(i) };
}

/** ParseQuantity. [APIMACH pkg/api/resource/quantity.go, suffix.go] */
function parse(str: string): Parsed | undefined {
  if (str === '0') return { int: true, value: 0n, scale: 0, format: 'DecimalSI', cached: true };
  const q = split(str);
  if (!q || str === '') return undefined;
  const { neg, num, denom, suffix } = q;
  let base = 10;
  let exp = DEC_SUFFIX[suffix];
  let format: Format = 'DecimalSI';
  if (exp === undefined) {
    const b = BIN_SUFFIX.indexOf(suffix);
    if (b > 0) [base, exp, format] = [2, b * 10, 'BinarySI'];
    else if (/^[eE][-+]?\d+$/.test(suffix)) [exp, format] = [Number(suffix.slice(1)), 'DecimalExponent'];
    else return undefined; // ErrSuffix
  }
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (base === 10) {
    scale = exp;
    precision = 18 - (num.length + denom.length);
  } else if (denom === '') {
    mantissa = 1n << BigInt(exp);
    precision = 14 - num.length - Math.trunc((exp * 3) / 10);
  } else precision = -1;
  if (precision >= 0 && scale - denom.length >= -9) {
    scale -= denom.length;
    const shifted = num + denom;
    const v = BigInt(shifted);
    const result = v * mantissa;
    if (result <= MAX_INT64) {
      const cached =
        format === 'BinarySI'
          ? (v & 7n) !== 0n
          : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
      return { int: true, value: neg ? -result : result, scale, format, cached };
    }
  }
  // The inf.Dec path: rounded up (away from zero) to nano units; BinarySI capped at MaxInt64.
  let n = BigInt(`${num}${denom}`) * (base === 2 ? 1n << BigInt(exp) : 1n);
  let e = -denom.length + (base === 10 ? exp : 0);
  if (n !== 0n && e < -9) {
    const d = 10n ** BigInt(-9 - e);
    n = (n + d - 1n) / d;
    e = -9;
  }
  if (format === 'BinarySI') {
    // n·10^e against MaxInt64 and 1, without fractions.
    const [lhs, unit] = e >= 0 ? [n * 10n ** BigInt(e), 1n] : [n, 10n ** BigInt(-e)];
    if (lhs > MAX_INT64 * unit) [n, e] = [MAX_INT64, 0];
    else if (n > 0n && lhs < unit) format = 'DecimalSI';
  }
  return { int: false, n: neg ? -n : n, e, format };
}

/** Quantity.String() of a parse that kept no string: CanonicalizeBytes. */
function canonical(p: Parsed): string {
  let [n, e] = p.int ? [p.value, p.scale] : [p.n, p.e];
  if (n === 0n) return '0';
  const sign = n < 0n ? '-' : '';
  if (n < 0n) n = -n;
  let format = p.format;
  if (format === 'BinarySI') {
    const pow = 10n ** BigInt(Math.abs(e));
    const whole = e >= 0 ? n * pow : n % pow === 0n ? n / pow : -1n;
    if (whole < 1024n)
      format = 'DecimalSI'; // under 1024, or not whole: shown in decimal
    else {
      let k = 0;
      while (whole >= 1024n ** BigInt(k + 1) && whole % 1024n ** BigInt(k + 1) === 0n) k++;
      return `${sign}${whole / 1024n ** BigInt(k)}${BIN_SUFFIX[k] ?? ''}`;
    }
  }
  while (n >= 10n && n % 10n === 0n) [n, e] = [n / 10n, e + 1];
  while (e % 3 !== 0) [n, e] = [n * 10n, e - 1];
  const suffix =
    format === 'DecimalSI'
      ? (Object.keys(DEC_SUFFIX).find((k) => DEC_SUFFIX[k] === e) ?? '')
      : e === 0
        ? ''
        : `e${e}`;
  return `${sign}${n}${suffix}`;
}

/**
 * The dump of the Quantity the controller decoded: the API server stored the user's string when
 * ParseQuantity kept it, else its canonical form; the informer parsed that string again.
 */
export function spewQuantity(str: string): string {
  const s = str.trim();
  const first = parse(s);
  if (!first) return quantityDump('0', 0, '', ''); // invalid: the API server rejects the object
  const stored = first.int && first.cached ? s : canonical(first);
  const p = parse(stored) as Parsed;
  if (p.int) return quantityDump(String(p.value), p.scale, p.cached ? stored : '', p.format);
  // Beyond int64 (over 18 digits, 1Ei and up): spew would print inf.Dec's big.Int words, which
  // we do not model; the value is still hashed (README: known gaps).
  return `{d:(*inf.Dec)${p.n}e${p.e} Format:(resource.Format)${p.format}}`;
}
