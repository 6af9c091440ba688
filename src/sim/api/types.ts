// Kubernetes API object shapes, as the API server stores and returns them (JSON-compatible, so
// `kubectl get -o yaml|json`, jsonpath and custom-columns read them exactly as they would a real
// object). Only the fields the chapter-3 simulation uses are typed; unknown extra fields on
// user input are rejected by the decoder (strict decoding), never stored.

export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  /** RFC 3339, second precision, from the simulated clock ("2026-01-01T00:00:00Z"). */
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Labels;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface TypeMeta {
  apiVersion: string;
  kind: string;
}

export interface K8sObject extends TypeMeta {
  metadata: ObjectMeta;
  // biome-ignore lint/suspicious/noExplicitAny: concrete kinds narrow these.
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: concrete kinds narrow these.
  status?: any;
}

// ---------------------------------------------------------------- workloads

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
}

export interface EnvVar {
  name: string;
  value?: string;
}

/** A port by number or by the name of one of the container's ports (IntOrString). */
export type PortRef = number | string;

/** core/v1 Probe: exactly one handler; the API server defaults the numbers (defaults.ts). */
export interface Probe {
  exec?: { command?: string[] };
  httpGet?: {
    path?: string;
    port: PortRef;
    host?: string;
    scheme?: 'HTTP' | 'HTTPS';
    httpHeaders?: { name: string; value: string }[];
  };
  tcpSocket?: { port: PortRef; host?: string };
  grpc?: { port: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: EnvVar[];
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  resources?: Record<string, unknown>;
  /** Keep stdin open (`kubectl run -i`): a shell reading it waits for input. */
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}

export interface PodSpec {
  containers: Container[];
  nodeName?: string;
  /** Static and DaemonSet system Pods (kube-proxy, kindnet, control plane) use the node's network. */
  hostNetwork?: boolean;
  hostname?: string;
  subdomain?: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: 'ClusterFirst' | 'Default' | 'None' | 'ClusterFirstWithHostNet';
  schedulerName?: string;
  securityContext?: Record<string, unknown>;
  serviceAccountName?: string;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
  priority?: number;
  tolerations?: Record<string, unknown>[];
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodCondition {
  type: 'PodScheduled' | 'PodReadyToStartContainers' | 'Initialized' | 'ContainersReady' | 'Ready';
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime: string | null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export interface ContainerState {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: string };
  terminated?: {
    exitCode: number;
    reason: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
    containerID?: string;
  };
}

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
}

export interface PodStatus {
  phase: PodPhase;
  reason?: string;
  conditions?: PodCondition[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  containerStatuses?: ContainerStatus[];
}

export interface Pod extends K8sObject {
  apiVersion: 'v1';
  kind: 'Pod';
  spec: PodSpec;
  status: PodStatus;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface PodTemplateSpec {
  metadata: { labels?: Labels; annotations?: Record<string, string>; name?: string };
  spec: PodSpec;
}

export interface DeploymentSpec {
  replicas: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  strategy: {
    type: 'RollingUpdate' | 'Recreate';
    rollingUpdate?: { maxSurge: number | string; maxUnavailable: number | string };
  };
  revisionHistoryLimit: number;
  progressDeadlineSeconds: number;
  minReadySeconds?: number;
  paused?: boolean;
}

export interface DeploymentCondition {
  type: 'Available' | 'Progressing' | 'ReplicaFailure';
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export interface Deployment extends K8sObject {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  spec: DeploymentSpec;
  status: DeploymentStatus;
}

export interface ReplicaSetSpec {
  replicas: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  minReadySeconds?: number;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
}

export interface ReplicaSet extends K8sObject {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  spec: ReplicaSetSpec;
  status: ReplicaSetStatus;
}

// ---------------------------------------------------------------- services & endpoints

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  name?: string;
  protocol: Protocol;
  port: number;
  /** Defaulted to `port` by the API server when omitted. */
  targetPort: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface ServiceSpec {
  type: ServiceType;
  selector?: Labels;
  ports?: ServicePort[];
  /** "None" for a headless Service; absent for ExternalName. */
  clusterIP?: string;
  clusterIPs?: string[];
  externalName?: string;
  externalIPs?: string[];
  sessionAffinity: 'None' | 'ClientIP';
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  /** Allocated by the API server for a LoadBalancer with externalTrafficPolicy Local. */
  healthCheckNodePort?: number;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  allocateLoadBalancerNodePorts?: boolean;
  publishNotReadyAddresses?: boolean;
  loadBalancerSourceRanges?: string[];
}

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ipMode?: 'VIP' | 'Proxy';
}

export interface Service extends K8sObject {
  apiVersion: 'v1';
  kind: 'Service';
  spec: ServiceSpec;
  status: { loadBalancer: { ingress?: LoadBalancerIngress[] } };
}

export interface ObjectReference {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints extends K8sObject {
  apiVersion: 'v1';
  kind: 'Endpoints';
  subsets?: EndpointSubset[];
}

export interface EndpointSliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  nodeName?: string;
  hostname?: string;
  targetRef?: ObjectReference;
}

export interface EndpointSlice extends K8sObject {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: EndpointSliceEndpoint[] | null;
  ports: EndpointPort[] | null;
}

// ---------------------------------------------------------------- cluster objects

export interface Node extends K8sObject {
  apiVersion: 'v1';
  kind: 'Node';
  spec: { podCIDR: string; podCIDRs: string[]; taints?: { key: string; effect: string }[] };
  status: {
    addresses: { type: 'InternalIP' | 'Hostname'; address: string }[];
    conditions: { type: string; status: string; reason: string; message: string }[];
    nodeInfo: Record<string, string>;
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
  };
}

export interface Namespace extends K8sObject {
  apiVersion: 'v1';
  kind: 'Namespace';
  spec: { finalizers: string[] };
  status: { phase: 'Active' | 'Terminating' };
}

export interface Event extends K8sObject {
  apiVersion: 'v1';
  kind: 'Event';
  involvedObject: ObjectReference & { apiVersion?: string; fieldPath?: string };
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  reportingComponent?: string;
}

// ---------------------------------------------------------------- configuration (core/v1)

/** core/v1 ConfigMap: `data` holds UTF-8 strings, `binaryData` base64 of any bytes. */
export interface ConfigMap extends K8sObject {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  immutable?: boolean;
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

/**
 * core/v1 Secret: `data` values are the base64 of the bytes (the API server decodes and re-encodes
 * them); `stringData` is write-only, merged into `data` on every write and never stored.
 */
export interface Secret extends K8sObject {
  apiVersion: 'v1';
  kind: 'Secret';
  immutable?: boolean;
  data?: Record<string, string>;
  /** Defaulted to `Opaque`. */
  type: string;
}

export interface ServiceAccount extends K8sObject {
  apiVersion: 'v1';
  kind: 'ServiceAccount';
  secrets?: ObjectReference[];
  imagePullSecrets?: { name?: string }[];
  automountServiceAccountToken?: boolean;
}

// ---------------------------------------------------------------- daemon sets (apps/v1)

/** apps/v1 DaemonSet: the system ones the boot publishes, and a user's (controllers/daemonset-controller). */
export interface DaemonSet extends K8sObject {
  apiVersion: 'apps/v1';
  kind: 'DaemonSet';
  spec: {
    selector: LabelSelector;
    template: PodTemplateSpec;
    updateStrategy?: {
      type: string;
      rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
    };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
  };
  status: {
    currentNumberScheduled: number;
    numberMisscheduled: number;
    desiredNumberScheduled: number;
    numberReady: number;
    observedGeneration?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
    numberUnavailable?: number;
    collisionCount?: number;
    conditions?: {
      type: string;
      status: string;
      lastTransitionTime?: string;
      reason?: string;
      message?: string;
    }[];
  };
}

/**
 * apps/v1 StatefulSet (a user's; controllers/statefulset-controller): Pods `<name>-<ordinal>` with
 * hostname and subdomain (serviceName) for per-Pod DNS names under a headless Service.
 */
export interface StatefulSet extends K8sObject {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: PodTemplateSpec;
    // biome-ignore lint/suspicious/noExplicitAny: PersistentVolumeClaim templates (not simulated).
    volumeClaimTemplates?: any[];
    serviceName: string;
    podManagementPolicy?: 'OrderedReady' | 'Parallel';
    updateStrategy?: {
      type: string;
      rollingUpdate?: { partition?: number; maxUnavailable?: number | string };
    };
    revisionHistoryLimit?: number;
    minReadySeconds?: number;
    persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
    ordinals?: { start?: number };
  };
  status: {
    observedGeneration?: number;
    replicas: number;
    readyReplicas?: number;
    currentReplicas?: number;
    updatedReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    collisionCount?: number;
    availableReplicas: number;
  };
}

/** A Job's condition (batch/v1 JobCondition). */
export interface JobCondition {
  type: 'Complete' | 'Failed' | 'FailureTarget' | 'SuccessCriteriaMet' | 'Suspended';
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/**
 * batch/v1 Job (a user's; controllers/job-controller): Pods `<name>-<5 chars>` run to completion,
 * retried with back-off up to backoffLimit.
 */
export interface Job extends K8sObject {
  apiVersion: 'batch/v1';
  kind: 'Job';
  spec: {
    parallelism?: number;
    completions?: number;
    activeDeadlineSeconds?: number;
    podFailurePolicy?: unknown;
    successPolicy?: unknown;
    backoffLimit?: number;
    backoffLimitPerIndex?: number;
    maxFailedIndexes?: number;
    selector?: LabelSelector;
    manualSelector?: boolean;
    template: PodTemplateSpec;
    ttlSecondsAfterFinished?: number;
    completionMode?: 'NonIndexed' | 'Indexed';
    suspend?: boolean;
    podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
    managedBy?: string;
  };
  status?: {
    conditions?: JobCondition[];
    startTime?: string;
    completionTime?: string;
    active?: number;
    succeeded?: number;
    failed?: number;
    terminating?: number;
    completedIndexes?: string;
    failedIndexes?: string;
    uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
    ready?: number;
  };
}

/**
 * batch/v1 CronJob (a user's; controllers/cronjob-controller): a Job `<name>-<minutes since epoch>`
 * from jobTemplate at each time of its cron schedule.
 */
export interface CronJob extends K8sObject {
  apiVersion: 'batch/v1';
  kind: 'CronJob';
  spec: {
    schedule: string;
    timeZone?: string;
    startingDeadlineSeconds?: number;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    suspend?: boolean;
    jobTemplate: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec: Job['spec'];
    };
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
  };
  status?: {
    active?: {
      kind: string;
      namespace: string;
      name: string;
      uid: string;
      apiVersion: string;
      resourceVersion: string;
    }[];
    lastScheduleTime?: string;
    lastSuccessfulTime?: string;
  };
}

/** Kinds the simulated API server serves, with their REST identity (used by kubectl and errors). */
export type KindName =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'ReplicaSet'
  | 'Service'
  | 'Endpoints'
  | 'EndpointSlice'
  | 'Event'
  | 'ConfigMap'
  | 'Secret'
  | 'ServiceAccount'
  | 'DaemonSet'
  | 'ControllerRevision'
  | 'Job'
  | 'CronJob'
  // Registered late (api/kinds-storage): only the boot's StorageClass exists before kubectl loads.
  | 'PersistentVolumeClaim'
  | 'PersistentVolume'
  | 'StorageClass'
  // Registered late too (api/kinds-policy): only a user's PodDisruptionBudget exists.
  | 'PodDisruptionBudget';

/** v1 PersistentVolumeClaim (apiserver/storage-*, controllers/pv-*). */
export interface PersistentVolumeClaim extends K8sObject {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  spec: {
    accessModes?: string[];
    selector?: unknown;
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    volumeName?: string;
    storageClassName?: string;
    volumeMode?: string;
    dataSource?: unknown;
    dataSourceRef?: unknown;
    volumeAttributesClassName?: string;
  };
  status?: {
    phase?: 'Pending' | 'Bound' | 'Lost';
    accessModes?: string[];
    capacity?: Record<string, string>;
  };
}

/** v1 PersistentVolume (cluster-scoped; the provisioners' `pvc-<claim uid>`). */
export interface PersistentVolume extends K8sObject {
  apiVersion: 'v1';
  kind: 'PersistentVolume';
  spec: {
    capacity?: Record<string, string>;
    accessModes?: string[];
    claimRef?: {
      apiVersion?: string;
      kind?: string;
      namespace?: string;
      name?: string;
      uid?: string;
      resourceVersion?: string;
    };
    persistentVolumeReclaimPolicy?: 'Retain' | 'Delete' | 'Recycle';
    storageClassName?: string;
    volumeMode?: string;
    hostPath?: { path: string; type?: string };
    local?: { path: string };
    nodeAffinity?: unknown;
    mountOptions?: string[];
    volumeAttributesClassName?: string;
  };
  status?: {
    phase?: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
    reason?: string;
    message?: string;
    lastPhaseTransitionTime?: string;
  };
}

/** storage.k8s.io/v1 StorageClass (cluster-scoped, no spec: its fields sit at the top level). */
export interface StorageClass extends K8sObject {
  apiVersion: 'storage.k8s.io/v1';
  kind: 'StorageClass';
  provisioner: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: 'Retain' | 'Delete';
  mountOptions?: string[];
  allowVolumeExpansion?: boolean;
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowedTopologies?: unknown[];
}

/** A metav1.Condition (status.conditions of the kinds written with the newer condition type). */
export interface MetaCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** policy/v1 PodDisruptionBudget (apiserver/pdb-*, controllers/disruption, apiserver/eviction). */
export interface PodDisruptionBudget extends K8sObject {
  apiVersion: 'policy/v1';
  kind: 'PodDisruptionBudget';
  spec: {
    minAvailable?: number | string;
    selector?: LabelSelector;
    maxUnavailable?: number | string;
    unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
  };
  status?: {
    observedGeneration?: number;
    /** Pod name → the RFC 3339 instant the Eviction API let it go. */
    disruptedPods?: Record<string, string>;
    disruptionsAllowed: number;
    currentHealthy: number;
    desiredHealthy: number;
    expectedPods: number;
    conditions?: MetaCondition[];
  };
}

/**
 * apps/v1 ControllerRevision (the DaemonSet controller's history, pkg/controller/daemon/update.go):
 * `data` is the strategic merge patch that restores the revision's pod template, `revision` its number.
 */
export interface ControllerRevision extends K8sObject {
  apiVersion: 'apps/v1';
  kind: 'ControllerRevision';
  // biome-ignore lint/suspicious/noExplicitAny: runtime.RawExtension, any JSON.
  data?: any;
  revision: number;
}
