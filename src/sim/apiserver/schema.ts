// A small table of the Go types behind our kinds, enough to decode JSON the way the API server's
// strict decoder does: type mismatches produce encoding/json's UnmarshalTypeError text, unknown
// fields produce `strict decoding error: unknown field "spec.selecter"`. [APIMACH serializer/json]

export type FieldType =
  | { t: 'string'; go?: string } // go: a named string type (`v1.RestartPolicy`), for the error text
  | { t: 'quantity' } // resource.Quantity: its own UnmarshalJSON (ParseQuantity's errors)
  | { t: 'int'; go: 'int32' | 'int64' }
  | { t: 'bool' }
  | { t: 'bytes' } // []byte: a base64 string in JSON (Secret.data, ConfigMap.binaryData)
  | { t: 'intOrString' }
  | { t: 'any' } // not modelled: accepted as is (statuses, the cloud volume sources, …)
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
/** A named string type (`type HostPathType string`): encoding/json names it in a type error. */
const NS = (go: string): FieldType => ({ t: 'string', go });
const Q: FieldType = { t: 'quantity' };
const RESOURCE_LIST: FieldType = { t: 'map', value: Q, go: 'v1.ResourceList' };
const arr = (s: StructDef): FieldType => ({ t: 'array', elem: struct(s), go: `[]${s.go}` });

export function goTypeName(f: FieldType): string {
  switch (f.t) {
    case 'string':
      return f.go ?? 'string';
    case 'quantity':
      return 'resource.Quantity';
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
  fields: {
    key: S,
    operator: NS('v1.TolerationOperator'),
    value: S,
    effect: NS('v1.TaintEffect'),
    tolerationSeconds: I64,
  },
};
const VolumeMount: StructDef = {
  go: 'v1.VolumeMount',
  fields: {
    name: S,
    readOnly: B,
    recursiveReadOnly: NS('v1.RecursiveReadOnlyMode'),
    mountPath: S,
    subPath: S,
    mountPropagation: NS('v1.MountPropagationMode'),
    subPathExpr: S,
  },
};

// core/v1 NodeSelectorTerm (the daemon controller writes its matchFields term into a template's
// node affinity; Affinity itself is below, after LabelSelector).
const NodeSelectorTerm: StructDef = {
  go: 'v1.NodeSelectorTerm',
  fields: {
    matchExpressions: arr({
      go: 'v1.NodeSelectorRequirement',
      fields: { key: S, operator: NS('v1.NodeSelectorOperator'), values: STRS },
    }),
    matchFields: arr({
      go: 'v1.NodeSelectorRequirement',
      fields: { key: S, operator: NS('v1.NodeSelectorOperator'), values: STRS },
    }),
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
      fields: { key: S, operator: NS('v1.LabelSelectorOperator'), values: STRS },
    }),
  },
};

// core/v1 pod (anti-)affinity: the terms' label selectors, namespaces and topology key.
// RequiredDuringSchedulingRequiredDuringExecution is commented out of the Go type (unknown here).
const PodAffinityTerm: StructDef = {
  go: 'v1.PodAffinityTerm',
  fields: {
    labelSelector: struct(LabelSelector),
    namespaces: STRS,
    topologyKey: S,
    namespaceSelector: struct(LabelSelector),
    matchLabelKeys: STRS,
    mismatchLabelKeys: STRS,
  },
};
const podAffinityFields: Record<string, FieldType> = {
  requiredDuringSchedulingIgnoredDuringExecution: arr(PodAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: arr({
    go: 'v1.WeightedPodAffinityTerm',
    fields: { weight: I32, podAffinityTerm: struct(PodAffinityTerm) },
  }),
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
    podAffinity: struct({ go: 'v1.PodAffinity', fields: podAffinityFields }),
    podAntiAffinity: struct({ go: 'v1.PodAntiAffinity', fields: podAffinityFields }),
  },
};

const TopologySpreadConstraint: StructDef = {
  go: 'v1.TopologySpreadConstraint',
  fields: {
    maxSkew: I32,
    topologyKey: S,
    whenUnsatisfiable: NS('v1.UnsatisfiableConstraintAction'),
    labelSelector: struct(LabelSelector),
    minDomains: I32,
    nodeAffinityPolicy: NS('v1.NodeInclusionPolicy'),
    nodeTaintsPolicy: NS('v1.NodeInclusionPolicy'),
    matchLabelKeys: STRS,
  },
};

// core/v1 security contexts (the pod's and a container's). [k8s.io/api v0.34 core/v1 types.go]
const SELinuxOptions: FieldType = struct({
  go: 'v1.SELinuxOptions',
  fields: { user: S, role: S, type: S, level: S },
});
const WindowsOptions: FieldType = struct({
  go: 'v1.WindowsSecurityContextOptions',
  fields: { gmsaCredentialSpecName: S, gmsaCredentialSpec: S, runAsUserName: S, hostProcess: B },
});
const SeccompProfile: FieldType = struct({
  go: 'v1.SeccompProfile',
  fields: { type: NS('v1.SeccompProfileType'), localhostProfile: S },
});
const AppArmorProfile: FieldType = struct({
  go: 'v1.AppArmorProfile',
  fields: { type: NS('v1.AppArmorProfileType'), localhostProfile: S },
});
const PodSecurityContext: StructDef = {
  go: 'v1.PodSecurityContext',
  fields: {
    seLinuxOptions: SELinuxOptions,
    windowsOptions: WindowsOptions,
    runAsUser: I64,
    runAsGroup: I64,
    runAsNonRoot: B,
    supplementalGroups: { t: 'array', elem: I64, go: '[]int64' },
    supplementalGroupsPolicy: NS('v1.SupplementalGroupsPolicy'),
    fsGroup: I64,
    sysctls: arr({ go: 'v1.Sysctl', fields: { name: S, value: S } }),
    fsGroupChangePolicy: NS('v1.PodFSGroupChangePolicy'),
    seccompProfile: SeccompProfile,
    appArmorProfile: AppArmorProfile,
    seLinuxChangePolicy: NS('v1.PodSELinuxChangePolicy'),
  },
};
const CAPABILITIES: FieldType = { t: 'array', elem: NS('v1.Capability'), go: '[]v1.Capability' };
const SecurityContext: StructDef = {
  go: 'v1.SecurityContext',
  fields: {
    capabilities: struct({ go: 'v1.Capabilities', fields: { add: CAPABILITIES, drop: CAPABILITIES } }),
    privileged: B,
    seLinuxOptions: SELinuxOptions,
    windowsOptions: WindowsOptions,
    runAsUser: I64,
    runAsGroup: I64,
    runAsNonRoot: B,
    readOnlyRootFilesystem: B,
    allowPrivilegeEscalation: B,
    procMount: NS('v1.ProcMountType'),
    seccompProfile: SeccompProfile,
    appArmorProfile: AppArmorProfile,
  },
};

// core/v1 volumes: the sources a student meets are typed; the cloud and legacy ones stay loose.
// VolumeSource is inlined into Volume, so its fields' type errors name `Volume`.
const LocalObjectReference: StructDef = { go: 'v1.LocalObjectReference', fields: { name: S } };
const KeyToPath: StructDef = { go: 'v1.KeyToPath', fields: { key: S, path: S, mode: I32 } };
const ObjectFieldSelector: StructDef = {
  go: 'v1.ObjectFieldSelector',
  fields: { apiVersion: S, fieldPath: S },
};
const ResourceFieldSelector: StructDef = {
  go: 'v1.ResourceFieldSelector',
  fields: { containerName: S, resource: S, divisor: Q },
};
const DownwardAPIVolumeFile: StructDef = {
  go: 'v1.DownwardAPIVolumeFile',
  fields: {
    path: S,
    fieldRef: struct(ObjectFieldSelector),
    resourceFieldRef: struct(ResourceFieldSelector),
    mode: I32,
  },
};
const VolumeProjection: StructDef = {
  go: 'v1.VolumeProjection',
  fields: {
    secret: struct({ go: 'v1.SecretProjection', fields: { name: S, items: arr(KeyToPath), optional: B } }),
    downwardAPI: struct({ go: 'v1.DownwardAPIProjection', fields: { items: arr(DownwardAPIVolumeFile) } }),
    configMap: struct({
      go: 'v1.ConfigMapProjection',
      fields: { name: S, items: arr(KeyToPath), optional: B },
    }),
    serviceAccountToken: struct({
      go: 'v1.ServiceAccountTokenProjection',
      fields: { audience: S, expirationSeconds: I64, path: S },
    }),
    clusterTrustBundle: ANY,
    podCertificate: ANY,
  },
};
const Volume: StructDef = {
  go: 'v1.Volume',
  fields: {
    name: S,
    hostPath: struct({ go: 'v1.HostPathVolumeSource', fields: { path: S, type: NS('v1.HostPathType') } }),
    emptyDir: struct({
      go: 'v1.EmptyDirVolumeSource',
      fields: { medium: NS('v1.StorageMedium'), sizeLimit: Q },
    }),
    gcePersistentDisk: ANY,
    awsElasticBlockStore: ANY,
    gitRepo: ANY,
    secret: struct({
      go: 'v1.SecretVolumeSource',
      fields: { secretName: S, items: arr(KeyToPath), defaultMode: I32, optional: B },
    }),
    nfs: struct({ go: 'v1.NFSVolumeSource', fields: { server: S, path: S, readOnly: B } }),
    iscsi: ANY,
    glusterfs: ANY,
    persistentVolumeClaim: struct({
      go: 'v1.PersistentVolumeClaimVolumeSource',
      fields: { claimName: S, readOnly: B },
    }),
    rbd: ANY,
    flexVolume: ANY,
    cinder: ANY,
    cephfs: ANY,
    flocker: ANY,
    downwardAPI: struct({
      go: 'v1.DownwardAPIVolumeSource',
      fields: { items: arr(DownwardAPIVolumeFile), defaultMode: I32 },
    }),
    fc: ANY,
    azureFile: ANY,
    configMap: struct({
      go: 'v1.ConfigMapVolumeSource',
      fields: { name: S, items: arr(KeyToPath), defaultMode: I32, optional: B },
    }),
    vsphereVolume: ANY,
    quobyte: ANY,
    azureDisk: ANY,
    photonPersistentDisk: ANY,
    projected: struct({
      go: 'v1.ProjectedVolumeSource',
      fields: { sources: arr(VolumeProjection), defaultMode: I32 },
    }),
    portworxVolume: ANY,
    scaleIO: ANY,
    storageos: ANY,
    csi: ANY,
    ephemeral: ANY,
    image: struct({ go: 'v1.ImageVolumeSource', fields: { reference: S, pullPolicy: NS('v1.PullPolicy') } }),
  },
};

const EnvFromSource: StructDef = {
  go: 'v1.EnvFromSource',
  fields: {
    prefix: S,
    configMapRef: struct({ go: 'v1.ConfigMapEnvSource', fields: { name: S, optional: B } }),
    secretRef: struct({ go: 'v1.SecretEnvSource', fields: { name: S, optional: B } }),
  },
};

const EnvVarSource: StructDef = {
  go: 'v1.EnvVarSource',
  fields: {
    fieldRef: struct(ObjectFieldSelector),
    resourceFieldRef: struct(ResourceFieldSelector),
    configMapKeyRef: struct({ go: 'v1.ConfigMapKeySelector', fields: { name: S, key: S, optional: B } }),
    secretKeyRef: struct({ go: 'v1.SecretKeySelector', fields: { name: S, key: S, optional: B } }),
    fileKeyRef: ANY,
  },
};

const ResourceRequirements: StructDef = {
  go: 'v1.ResourceRequirements',
  fields: {
    limits: RESOURCE_LIST,
    requests: RESOURCE_LIST,
    claims: arr({ go: 'v1.ResourceClaim', fields: { name: S, request: S } }),
  },
};

const ContainerPort: StructDef = {
  go: 'v1.ContainerPort',
  fields: { name: S, hostPort: I32, containerPort: I32, protocol: NS('v1.Protocol'), hostIP: S },
};

const EnvVar: StructDef = {
  go: 'v1.EnvVar',
  fields: { name: S, value: S, valueFrom: struct(EnvVarSource) },
};

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
        scheme: NS('v1.URIScheme'),
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

// core/v1 Lifecycle: LifecycleHandler shares the probe's actions, plus sleep.
const LifecycleHandler: StructDef = {
  go: 'v1.LifecycleHandler',
  fields: {
    exec: Probe.fields.exec as FieldType,
    httpGet: Probe.fields.httpGet as FieldType,
    tcpSocket: Probe.fields.tcpSocket as FieldType,
    sleep: struct({ go: 'v1.SleepAction', fields: { seconds: I64 } }),
  },
};
const Lifecycle: StructDef = {
  go: 'v1.Lifecycle',
  fields: {
    postStart: struct(LifecycleHandler),
    preStop: struct(LifecycleHandler),
    stopSignal: NS('v1.Signal'),
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
    envFrom: arr(EnvFromSource),
    env: arr(EnvVar),
    resources: struct(ResourceRequirements),
    resizePolicy: arr({
      go: 'v1.ContainerResizePolicy',
      fields: { resourceName: NS('v1.ResourceName'), restartPolicy: NS('v1.ResourceResizeRestartPolicy') },
    }),
    restartPolicy: NS('v1.ContainerRestartPolicy'),
    volumeMounts: arr(VolumeMount),
    volumeDevices: arr({ go: 'v1.VolumeDevice', fields: { name: S, devicePath: S } }),
    livenessProbe: struct(Probe),
    readinessProbe: struct(Probe),
    startupProbe: struct(Probe),
    lifecycle: struct(Lifecycle),
    terminationMessagePath: S,
    terminationMessagePolicy: NS('v1.TerminationMessagePolicy'),
    imagePullPolicy: NS('v1.PullPolicy'),
    securityContext: struct(SecurityContext),
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
    volumes: arr(Volume),
    initContainers: arr(Container),
    containers: arr(Container),
    ephemeralContainers: ANYS,
    restartPolicy: NS('v1.RestartPolicy'),
    terminationGracePeriodSeconds: I64,
    activeDeadlineSeconds: I64,
    dnsPolicy: NS('v1.DNSPolicy'),
    nodeSelector: STRMAP,
    serviceAccountName: S,
    serviceAccount: S,
    automountServiceAccountToken: B,
    nodeName: S,
    hostNetwork: B,
    hostPID: B,
    hostIPC: B,
    shareProcessNamespace: B,
    securityContext: struct(PodSecurityContext),
    imagePullSecrets: arr(LocalObjectReference),
    hostname: S,
    subdomain: S,
    affinity: struct(Affinity),
    schedulerName: S,
    tolerations: arr(Toleration),
    hostAliases: arr({ go: 'v1.HostAlias', fields: { ip: S, hostnames: STRS } }),
    priorityClassName: S,
    priority: I32,
    dnsConfig: struct(PodDNSConfig),
    readinessGates: arr({ go: 'v1.PodReadinessGate', fields: { conditionType: NS('v1.PodConditionType') } }),
    runtimeClassName: S,
    enableServiceLinks: B,
    preemptionPolicy: NS('v1.PreemptionPolicy'),
    overhead: RESOURCE_LIST,
    topologySpreadConstraints: arr(TopologySpreadConstraint),
    setHostnameAsFQDN: B,
    os: struct({ go: 'v1.PodOS', fields: { name: NS('v1.OSName') } }),
    hostUsers: B,
    schedulingGates: arr({ go: 'v1.PodSchedulingGate', fields: { name: S } }),
    resourceClaims: arr({
      go: 'v1.PodResourceClaim',
      fields: { name: S, resourceClaimName: S, resourceClaimTemplateName: S },
    }),
    resources: struct(ResourceRequirements),
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
