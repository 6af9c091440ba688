// A small table of the Go types behind our kinds, enough to decode JSON the way the API server's
// strict decoder does: type mismatches produce encoding/json's UnmarshalTypeError text, unknown
// fields produce `strict decoding error: unknown field "spec.selecter"`. [APIMACH serializer/json]

export type FieldType =
  | { t: 'string' }
  | { t: 'int'; go: 'int32' | 'int64' }
  | { t: 'bool' }
  | { t: 'bytes' } // []byte: a base64 string in JSON (Secret.data, ConfigMap.binaryData)
  | { t: 'intOrString' }
  | { t: 'any' } // not modelled: accepted as is (probes, volumes, affinity, …)
  | { t: 'map'; value: FieldType; go: string }
  | { t: 'array'; elem: FieldType; go: string }
  | { t: 'struct'; s: StructDef };

export interface StructDef {
  /** Go type name with package, e.g. `v1.ServiceSpec`; the error text uses the part after the dot. */
  go: string;
  fields: Record<string, FieldType>;
}

const S: FieldType = { t: 'string' };
const I32: FieldType = { t: 'int', go: 'int32' };
const I64: FieldType = { t: 'int', go: 'int64' };
const B: FieldType = { t: 'bool' };
const IOS: FieldType = { t: 'intOrString' };
const ANY: FieldType = { t: 'any' };
const STRMAP: FieldType = { t: 'map', value: S, go: 'map[string]string' };
const STRS: FieldType = { t: 'array', elem: S, go: '[]string' };
const ANYS: FieldType = { t: 'array', elem: ANY, go: '[]interface {}' };
const struct = (s: StructDef): FieldType => ({ t: 'struct', s });
const arr = (s: StructDef): FieldType => ({ t: 'array', elem: struct(s), go: `[]${s.go}` });

export function goTypeName(f: FieldType): string {
  switch (f.t) {
    case 'string':
      return 'string';
    case 'int':
      return f.go;
    case 'bool':
      return 'bool';
    case 'bytes':
      return '[]uint8';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'any':
      return 'interface {}';
    case 'map':
      return f.go;
    case 'array':
      return f.go;
    case 'struct':
      return f.s.go;
  }
}

// core/v1 Toleration and VolumeMount: typed, so an item that is not an object is refused as
// encoding/json refuses it, and a null item decodes to the zero value (as Go's does).
const Toleration: StructDef = {
  go: 'v1.Toleration',
  fields: { key: S, operator: S, value: S, effect: S, tolerationSeconds: I64 },
};
const VolumeMount: StructDef = {
  go: 'v1.VolumeMount',
  fields: {
    name: S,
    readOnly: B,
    recursiveReadOnly: S,
    mountPath: S,
    subPath: S,
    mountPropagation: S,
    subPathExpr: S,
  },
};

// core/v1 Affinity down to the node selector requirements (the daemon controller writes its
// matchFields term into a template's node affinity); pod (anti-)affinity stays loose.
const NodeSelectorTerm: StructDef = {
  go: 'v1.NodeSelectorTerm',
  fields: {
    matchExpressions: arr({
      go: 'v1.NodeSelectorRequirement',
      fields: { key: S, operator: S, values: STRS },
    }),
    matchFields: arr({ go: 'v1.NodeSelectorRequirement', fields: { key: S, operator: S, values: STRS } }),
  },
};
const Affinity: StructDef = {
  go: 'v1.Affinity',
  fields: {
    nodeAffinity: struct({
      go: 'v1.NodeAffinity',
      fields: {
        requiredDuringSchedulingIgnoredDuringExecution: struct({
          go: 'v1.NodeSelector',
          fields: { nodeSelectorTerms: arr(NodeSelectorTerm) },
        }),
        preferredDuringSchedulingIgnoredDuringExecution: arr({
          go: 'v1.PreferredSchedulingTerm',
          fields: { weight: I32, preference: struct(NodeSelectorTerm) },
        }),
      },
    }),
    podAffinity: ANY,
    podAntiAffinity: ANY,
  },
};

const OwnerReference: StructDef = {
  go: 'v1.OwnerReference',
  fields: { apiVersion: S, kind: S, name: S, uid: S, controller: B, blockOwnerDeletion: B },
};

export const ObjectMeta: StructDef = {
  go: 'v1.ObjectMeta',
  fields: {
    name: S,
    generateName: S,
    namespace: S,
    selfLink: S,
    uid: S,
    resourceVersion: S,
    generation: I64,
    creationTimestamp: S,
    deletionTimestamp: S,
    deletionGracePeriodSeconds: I64,
    labels: STRMAP,
    annotations: STRMAP,
    ownerReferences: arr(OwnerReference),
    finalizers: STRS,
    managedFields: ANYS,
  },
};

const LabelSelector: StructDef = {
  go: 'v1.LabelSelector',
  fields: {
    matchLabels: STRMAP,
    matchExpressions: arr({
      go: 'v1.LabelSelectorRequirement',
      fields: { key: S, operator: S, values: STRS },
    }),
  },
};

const ContainerPort: StructDef = {
  go: 'v1.ContainerPort',
  fields: { name: S, hostPort: I32, containerPort: I32, protocol: S, hostIP: S },
};

const EnvVar: StructDef = { go: 'v1.EnvVar', fields: { name: S, value: S, valueFrom: ANY } };

// core/v1 Probe with its inline ProbeHandler.
const Probe: StructDef = {
  go: 'v1.Probe',
  fields: {
    exec: struct({ go: 'v1.ExecAction', fields: { command: STRS } }),
    httpGet: struct({
      go: 'v1.HTTPGetAction',
      fields: {
        path: S,
        port: IOS,
        host: S,
        scheme: S,
        httpHeaders: arr({ go: 'v1.HTTPHeader', fields: { name: S, value: S } }),
      },
    }),
    tcpSocket: struct({ go: 'v1.TCPSocketAction', fields: { port: IOS, host: S } }),
    grpc: struct({ go: 'v1.GRPCAction', fields: { port: I32, service: S } }),
    initialDelaySeconds: I32,
    timeoutSeconds: I32,
    periodSeconds: I32,
    successThreshold: I32,
    failureThreshold: I32,
    terminationGracePeriodSeconds: I64,
  },
};

const Container: StructDef = {
  go: 'v1.Container',
  fields: {
    name: S,
    image: S,
    command: STRS,
    args: STRS,
    workingDir: S,
    ports: arr(ContainerPort),
    envFrom: ANYS,
    env: arr(EnvVar),
    resources: ANY,
    resizePolicy: ANYS,
    restartPolicy: S,
    volumeMounts: arr(VolumeMount),
    volumeDevices: ANYS,
    livenessProbe: struct(Probe),
    readinessProbe: struct(Probe),
    startupProbe: struct(Probe),
    lifecycle: ANY,
    terminationMessagePath: S,
    terminationMessagePolicy: S,
    imagePullPolicy: S,
    securityContext: ANY,
    stdin: B,
    stdinOnce: B,
    tty: B,
  },
};

// core/v1 PodDNSConfig (nameservers, searches and options are atomic lists; an option's value is
// a *string, so `value: 2` is refused by encoding/json).
const PodDNSConfig: StructDef = {
  go: 'v1.PodDNSConfig',
  fields: {
    nameservers: STRS,
    searches: STRS,
    options: arr({ go: 'v1.PodDNSConfigOption', fields: { name: S, value: S } }),
  },
};

const PodSpec: StructDef = {
  go: 'v1.PodSpec',
  fields: {
    volumes: ANYS,
    initContainers: arr(Container),
    containers: arr(Container),
    ephemeralContainers: ANYS,
    restartPolicy: S,
    terminationGracePeriodSeconds: I64,
    activeDeadlineSeconds: I64,
    dnsPolicy: S,
    nodeSelector: STRMAP,
    serviceAccountName: S,
    serviceAccount: S,
    automountServiceAccountToken: B,
    nodeName: S,
    hostNetwork: B,
    hostPID: B,
    hostIPC: B,
    shareProcessNamespace: B,
    securityContext: ANY,
    imagePullSecrets: ANYS,
    hostname: S,
    subdomain: S,
    affinity: struct(Affinity),
    schedulerName: S,
    tolerations: arr(Toleration),
    hostAliases: ANYS,
    priorityClassName: S,
    priority: I32,
    dnsConfig: struct(PodDNSConfig),
    readinessGates: ANYS,
    runtimeClassName: S,
    enableServiceLinks: B,
    preemptionPolicy: S,
    overhead: ANY,
    topologySpreadConstraints: ANYS,
    setHostnameAsFQDN: B,
    os: ANY,
    hostUsers: B,
    schedulingGates: ANYS,
    resourceClaims: ANYS,
    resources: ANY,
  },
};

const PodTemplateSpec: StructDef = {
  go: 'v1.PodTemplateSpec',
  fields: { metadata: struct(ObjectMeta), spec: struct(PodSpec) },
};

const DeploymentSpec: StructDef = {
  go: 'v1.DeploymentSpec',
  fields: {
    replicas: I32,
    selector: struct(LabelSelector),
    template: struct(PodTemplateSpec),
    strategy: struct({
      go: 'v1.DeploymentStrategy',
      fields: {
        type: S,
        rollingUpdate: struct({
          go: 'v1.RollingUpdateDeployment',
          fields: { maxUnavailable: IOS, maxSurge: IOS },
        }),
      },
    }),
    minReadySeconds: I32,
    revisionHistoryLimit: I32,
    paused: B,
    progressDeadlineSeconds: I32,
  },
};

const ReplicaSetSpec: StructDef = {
  go: 'v1.ReplicaSetSpec',
  fields: {
    replicas: I32,
    minReadySeconds: I32,
    selector: struct(LabelSelector),
    template: struct(PodTemplateSpec),
  },
};

// apps/v1 StatefulSetSpec (volumeClaimTemplates: PersistentVolumeClaims, not simulated, kept as
// given). [k8s.io/api apps/v1 types.go]
const StatefulSetSpec: StructDef = {
  go: 'v1.StatefulSetSpec',
  fields: {
    replicas: I32,
    selector: struct(LabelSelector),
    template: struct(PodTemplateSpec),
    volumeClaimTemplates: ANYS,
    serviceName: S,
    podManagementPolicy: S,
    updateStrategy: struct({
      go: 'v1.StatefulSetUpdateStrategy',
      fields: {
        type: S,
        rollingUpdate: struct({
          go: 'v1.RollingUpdateStatefulSetStrategy',
          fields: { partition: I32, maxUnavailable: IOS },
        }),
      },
    }),
    revisionHistoryLimit: I32,
    minReadySeconds: I32,
    persistentVolumeClaimRetentionPolicy: struct({
      go: 'v1.StatefulSetPersistentVolumeClaimRetentionPolicy',
      fields: { whenDeleted: S, whenScaled: S },
    }),
    ordinals: struct({ go: 'v1.StatefulSetOrdinals', fields: { start: I32 } }),
  },
};

// batch/v1 JobSpec (podFailurePolicy and successPolicy kept as given: not simulated).
// [k8s.io/api batch/v1 types.go]
const JobSpec: StructDef = {
  go: 'v1.JobSpec',
  fields: {
    parallelism: I32,
    completions: I32,
    activeDeadlineSeconds: I64,
    podFailurePolicy: ANY,
    successPolicy: ANY,
    backoffLimit: I32,
    backoffLimitPerIndex: I32,
    maxFailedIndexes: I32,
    selector: struct(LabelSelector),
    manualSelector: B,
    template: struct(PodTemplateSpec),
    ttlSecondsAfterFinished: I32,
    completionMode: S,
    suspend: B,
    podReplacementPolicy: S,
    managedBy: S,
  },
};

// batch/v1 CronJobSpec and JobTemplateSpec (its metadata an ObjectMeta, its spec a JobSpec).
// [k8s.io/api batch/v1 types.go]
const CronJobSpec: StructDef = {
  go: 'v1.CronJobSpec',
  fields: {
    schedule: S,
    timeZone: S,
    startingDeadlineSeconds: I64,
    concurrencyPolicy: S,
    suspend: B,
    jobTemplate: struct({
      go: 'v1.JobTemplateSpec',
      fields: { metadata: struct(ObjectMeta), spec: struct(JobSpec) },
    }),
    successfulJobsHistoryLimit: I32,
    failedJobsHistoryLimit: I32,
  },
};

// apps/v1 DaemonSetSpec: no replicas; updateStrategy (not strategy) with RollingUpdateDaemonSet's
// maxUnavailable and maxSurge. [k8s.io/api apps/v1 types.go]
const DaemonSetSpec: StructDef = {
  go: 'v1.DaemonSetSpec',
  fields: {
    selector: struct(LabelSelector),
    template: struct(PodTemplateSpec),
    updateStrategy: struct({
      go: 'v1.DaemonSetUpdateStrategy',
      fields: {
        type: S,
        rollingUpdate: struct({
          go: 'v1.RollingUpdateDaemonSet',
          fields: { maxUnavailable: IOS, maxSurge: IOS },
        }),
      },
    }),
    minReadySeconds: I32,
    revisionHistoryLimit: I32,
  },
};

const ServicePort: StructDef = {
  go: 'v1.ServicePort',
  fields: { name: S, protocol: S, appProtocol: S, port: I32, targetPort: IOS, nodePort: I32 },
};

const ServiceSpec: StructDef = {
  go: 'v1.ServiceSpec',
  fields: {
    ports: arr(ServicePort),
    selector: STRMAP,
    clusterIP: S,
    clusterIPs: STRS,
    type: S,
    externalIPs: STRS,
    sessionAffinity: S,
    loadBalancerIP: S,
    loadBalancerSourceRanges: STRS,
    externalName: S,
    externalTrafficPolicy: S,
    healthCheckNodePort: I32,
    publishNotReadyAddresses: B,
    sessionAffinityConfig: ANY,
    ipFamilies: STRS,
    ipFamilyPolicy: S,
    allocateLoadBalancerNodePorts: B,
    loadBalancerClass: S,
    internalTrafficPolicy: S,
    trafficDistribution: S,
  },
};

const ObjectReference: StructDef = {
  go: 'v1.ObjectReference',
  fields: { kind: S, namespace: S, name: S, uid: S, apiVersion: S, resourceVersion: S, fieldPath: S },
};

const EndpointAddress: StructDef = {
  go: 'v1.EndpointAddress',
  fields: { ip: S, hostname: S, nodeName: S, targetRef: struct(ObjectReference) },
};

const EndpointPort: StructDef = {
  go: 'v1.EndpointPort',
  fields: { name: S, port: I32, protocol: S, appProtocol: S },
};

const EndpointSubset: StructDef = {
  go: 'v1.EndpointSubset',
  fields: {
    addresses: arr(EndpointAddress),
    notReadyAddresses: arr(EndpointAddress),
    ports: arr(EndpointPort),
  },
};

const typeMeta = { apiVersion: S, kind: S, metadata: struct(ObjectMeta) };

const BYTESMAP: FieldType = { t: 'map', value: { t: 'bytes' }, go: 'map[string][]uint8' };

/** core/v1 ConfigMap, Secret, ServiceAccount [k8s.io/api core/v1 types.go]. */
const CONFIG_SCHEMAS: Record<string, StructDef> = {
  ConfigMap: {
    go: 'v1.ConfigMap',
    fields: { ...typeMeta, immutable: B, data: STRMAP, binaryData: BYTESMAP },
  },
  Secret: {
    go: 'v1.Secret',
    fields: { ...typeMeta, immutable: B, data: BYTESMAP, stringData: STRMAP, type: S },
  },
  ServiceAccount: {
    go: 'v1.ServiceAccount',
    fields: {
      ...typeMeta,
      secrets: arr(ObjectReference),
      imagePullSecrets: arr({ go: 'v1.LocalObjectReference', fields: { name: S } }),
      automountServiceAccountToken: B,
    },
  },
};

/** Root structs per kind (the Go struct name is the kind). Status is accepted and ignored. */
export const ROOT_SCHEMAS: Record<string, StructDef> = {
  ...CONFIG_SCHEMAS,
  Deployment: {
    go: 'v1.Deployment',
    fields: { ...typeMeta, spec: struct(DeploymentSpec), status: ANY },
  },
  ReplicaSet: {
    go: 'v1.ReplicaSet',
    fields: { ...typeMeta, spec: struct(ReplicaSetSpec), status: ANY },
  },
  ControllerRevision: {
    go: 'v1.ControllerRevision',
    fields: { ...typeMeta, data: ANY, revision: I64 },
  },
  Job: { go: 'v1.Job', fields: { ...typeMeta, spec: struct(JobSpec), status: ANY } },
  CronJob: { go: 'v1.CronJob', fields: { ...typeMeta, spec: struct(CronJobSpec), status: ANY } },
  DaemonSet: {
    go: 'v1.DaemonSet',
    fields: { ...typeMeta, spec: struct(DaemonSetSpec), status: ANY },
  },
  Pod: { go: 'v1.Pod', fields: { ...typeMeta, spec: struct(PodSpec), status: ANY } },
  Service: { go: 'v1.Service', fields: { ...typeMeta, spec: struct(ServiceSpec), status: ANY } },
  Endpoints: { go: 'v1.Endpoints', fields: { ...typeMeta, subsets: arr(EndpointSubset) } },
  EndpointSlice: {
    go: 'v1.EndpointSlice',
    fields: {
      ...typeMeta,
      addressType: S,
      endpoints: ANYS,
      ports: arr({ go: 'v1.EndpointPort', fields: { name: S, port: I32, protocol: S, appProtocol: S } }),
    },
  },
  Namespace: {
    go: 'v1.Namespace',
    fields: {
      ...typeMeta,
      spec: struct({ go: 'v1.NamespaceSpec', fields: { finalizers: STRS } }),
      status: ANY,
    },
  },
  Node: { go: 'v1.Node', fields: { ...typeMeta, spec: ANY, status: ANY } },
  StatefulSet: {
    go: 'v1.StatefulSet',
    fields: { ...typeMeta, spec: struct(StatefulSetSpec), status: ANY },
  },
  Event: {
    go: 'v1.Event',
    fields: {
      ...typeMeta,
      involvedObject: struct(ObjectReference),
      reason: S,
      message: S,
      source: ANY,
      firstTimestamp: S,
      lastTimestamp: S,
      count: I32,
      type: S,
      eventTime: ANY,
      series: ANY,
      action: S,
      related: ANY,
      reportingComponent: S,
      reportingInstance: S,
    },
  },
};
