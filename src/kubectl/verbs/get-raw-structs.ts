// The JSON field order of the Go structs the API server encodes for `kubectl get --raw`, generated
// from k8s.io/api v0.34.9 (core/v1, apps/v1, batch/v1, discovery/v1, storage/v1 types.go) and
// apimachinery v0.34.9 pkg/apis/meta/v1/types.go: every struct reachable from the kinds the
// simulated store holds, its fields in declaration order, inline embedded structs expanded.
// Non-core groups' types carry their package (`apps.DeploymentSpec`); core and meta types do not.
// One field per word: its JSON name, then
//   `!T`  a value struct T (Go always encodes it; `{}` with its own zero fields when absent),
//   `:T`  a pointer to, or slice of, struct T,
//   `?`   omitempty on a value field: left out when absent or Go's zero ("", 0, false, [], {}),
//   `=X`  not omitempty: written as X when absent (z null, s "", n 0, b false, q "0"),
//   none  a pointer with omitempty: left out only when absent.
// metav1.Time/MicroTime and runtime.RawExtension are structs (omitempty never drops them: null),
// intstr.IntOrString encodes as 0 and resource.Quantity as "0" when zero.
export const RAW_STRUCTS: Record<string, string> = {
  Pod: 'kind? apiVersion? metadata!ObjectMeta spec!PodSpec status!PodStatus',
  ObjectMeta:
    'name? generateName? namespace? selfLink? uid? resourceVersion? generation? creationTimestamp=z deletionTimestamp deletionGracePeriodSeconds labels? annotations? ownerReferences:OwnerReference? finalizers? managedFields:ManagedFieldsEntry?',
  OwnerReference: 'apiVersion=s kind=s name=s uid=s controller blockOwnerDeletion',
  ManagedFieldsEntry: 'manager? operation? apiVersion? time fieldsType? fieldsV1 subresource?',
  PodSpec:
    'volumes:Volume? initContainers:Container? containers:Container=z ephemeralContainers:EphemeralContainer? restartPolicy? terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy? nodeSelector? serviceAccountName? serviceAccount? automountServiceAccountToken nodeName? hostNetwork? hostPID? hostIPC? shareProcessNamespace securityContext:PodSecurityContext imagePullSecrets:LocalObjectReference? hostname? subdomain? affinity:Affinity schedulerName? tolerations:Toleration? hostAliases:HostAlias? priorityClassName? priority dnsConfig:PodDNSConfig readinessGates:PodReadinessGate? runtimeClassName enableServiceLinks preemptionPolicy overhead? topologySpreadConstraints:TopologySpreadConstraint? setHostnameAsFQDN os:PodOS hostUsers schedulingGates:PodSchedulingGate? resourceClaims:PodResourceClaim? resources:ResourceRequirements hostnameOverride',
  Volume:
    'name=s hostPath:HostPathVolumeSource emptyDir:EmptyDirVolumeSource gcePersistentDisk:GCEPersistentDiskVolumeSource awsElasticBlockStore:AWSElasticBlockStoreVolumeSource gitRepo:GitRepoVolumeSource secret:SecretVolumeSource nfs:NFSVolumeSource iscsi:ISCSIVolumeSource glusterfs:GlusterfsVolumeSource persistentVolumeClaim:PersistentVolumeClaimVolumeSource rbd:RBDVolumeSource flexVolume:FlexVolumeSource cinder:CinderVolumeSource cephfs:CephFSVolumeSource flocker:FlockerVolumeSource downwardAPI:DownwardAPIVolumeSource fc:FCVolumeSource azureFile:AzureFileVolumeSource configMap:ConfigMapVolumeSource vsphereVolume:VsphereVirtualDiskVolumeSource quobyte:QuobyteVolumeSource azureDisk:AzureDiskVolumeSource photonPersistentDisk:PhotonPersistentDiskVolumeSource projected:ProjectedVolumeSource portworxVolume:PortworxVolumeSource scaleIO:ScaleIOVolumeSource storageos:StorageOSVolumeSource csi:CSIVolumeSource ephemeral:EphemeralVolumeSource image:ImageVolumeSource',
  HostPathVolumeSource: 'path=s type',
  EmptyDirVolumeSource: 'medium? sizeLimit',
  GCEPersistentDiskVolumeSource: 'pdName=s fsType? partition? readOnly?',
  AWSElasticBlockStoreVolumeSource: 'volumeID=s fsType? partition? readOnly?',
  GitRepoVolumeSource: 'repository=s revision? directory?',
  SecretVolumeSource: 'secretName? items:KeyToPath? defaultMode optional',
  KeyToPath: 'key=s path=s mode',
  NFSVolumeSource: 'server=s path=s readOnly?',
  ISCSIVolumeSource:
    'targetPortal=s iqn=s lun=n iscsiInterface? fsType? readOnly? portals? chapAuthDiscovery? chapAuthSession? secretRef:LocalObjectReference initiatorName',
  LocalObjectReference: 'name?',
  GlusterfsVolumeSource: 'endpoints=s path=s readOnly?',
  PersistentVolumeClaimVolumeSource: 'claimName=s readOnly?',
  RBDVolumeSource: 'monitors=z image=s fsType? pool? user? keyring? secretRef:LocalObjectReference readOnly?',
  FlexVolumeSource: 'driver=s fsType? secretRef:LocalObjectReference readOnly? options?',
  CinderVolumeSource: 'volumeID=s fsType? readOnly? secretRef:LocalObjectReference',
  CephFSVolumeSource: 'monitors=z path? user? secretFile? secretRef:LocalObjectReference readOnly?',
  FlockerVolumeSource: 'datasetName? datasetUUID?',
  DownwardAPIVolumeSource: 'items:DownwardAPIVolumeFile? defaultMode',
  DownwardAPIVolumeFile: 'path=s fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector mode',
  ObjectFieldSelector: 'apiVersion? fieldPath=s',
  ResourceFieldSelector: 'containerName? resource=s divisor=q',
  FCVolumeSource: 'targetWWNs? lun fsType? readOnly? wwids?',
  AzureFileVolumeSource: 'secretName=s shareName=s readOnly?',
  ConfigMapVolumeSource: 'name? items:KeyToPath? defaultMode optional',
  VsphereVirtualDiskVolumeSource: 'volumePath=s fsType? storagePolicyName? storagePolicyID?',
  QuobyteVolumeSource: 'registry=s volume=s readOnly? user? group? tenant?',
  AzureDiskVolumeSource: 'diskName=s diskURI=s cachingMode fsType readOnly kind',
  PhotonPersistentDiskVolumeSource: 'pdID=s fsType?',
  ProjectedVolumeSource: 'sources:VolumeProjection=z defaultMode',
  VolumeProjection:
    'secret:SecretProjection downwardAPI:DownwardAPIProjection configMap:ConfigMapProjection serviceAccountToken:ServiceAccountTokenProjection clusterTrustBundle:ClusterTrustBundleProjection podCertificate:PodCertificateProjection',
  SecretProjection: 'name? items:KeyToPath? optional',
  DownwardAPIProjection: 'items:DownwardAPIVolumeFile?',
  ConfigMapProjection: 'name? items:KeyToPath? optional',
  ServiceAccountTokenProjection: 'audience? expirationSeconds path=s',
  ClusterTrustBundleProjection: 'name signerName labelSelector:LabelSelector optional path=s',
  LabelSelector: 'matchLabels? matchExpressions:LabelSelectorRequirement?',
  LabelSelectorRequirement: 'key=s operator=s values?',
  PodCertificateProjection:
    'signerName? keyType? maxExpirationSeconds credentialBundlePath? keyPath? certificateChainPath?',
  PortworxVolumeSource: 'volumeID=s fsType? readOnly?',
  ScaleIOVolumeSource:
    'gateway=s system=s secretRef:LocalObjectReference=z sslEnabled? protectionDomain? storagePool? storageMode? volumeName? fsType? readOnly?',
  StorageOSVolumeSource: 'volumeName? volumeNamespace? fsType? readOnly? secretRef:LocalObjectReference',
  CSIVolumeSource: 'driver=s readOnly fsType volumeAttributes? nodePublishSecretRef:LocalObjectReference',
  EphemeralVolumeSource: 'volumeClaimTemplate:PersistentVolumeClaimTemplate',
  PersistentVolumeClaimTemplate: 'metadata!ObjectMeta spec!PersistentVolumeClaimSpec',
  PersistentVolumeClaimSpec:
    'accessModes? selector:LabelSelector resources!VolumeResourceRequirements volumeName? storageClassName volumeMode dataSource:TypedLocalObjectReference dataSourceRef:TypedObjectReference volumeAttributesClassName',
  VolumeResourceRequirements: 'limits? requests?',
  TypedLocalObjectReference: 'apiGroup=z kind=s name=s',
  TypedObjectReference: 'apiGroup=z kind=s name=s namespace',
  ImageVolumeSource: 'reference? pullPolicy?',
  Container:
    'name=s image? command? args? workingDir? ports:ContainerPort? envFrom:EnvFromSource? env:EnvVar? resources!ResourceRequirements resizePolicy:ContainerResizePolicy? restartPolicy restartPolicyRules:ContainerRestartRule? volumeMounts:VolumeMount? volumeDevices:VolumeDevice? livenessProbe:Probe readinessProbe:Probe startupProbe:Probe lifecycle:Lifecycle terminationMessagePath? terminationMessagePolicy? imagePullPolicy? securityContext:SecurityContext stdin? stdinOnce? tty?',
  ContainerPort: 'name? hostPort? containerPort=n protocol? hostIP?',
  EnvFromSource: 'prefix? configMapRef:ConfigMapEnvSource secretRef:SecretEnvSource',
  ConfigMapEnvSource: 'name? optional',
  SecretEnvSource: 'name? optional',
  EnvVar: 'name=s value? valueFrom:EnvVarSource',
  EnvVarSource:
    'fieldRef:ObjectFieldSelector resourceFieldRef:ResourceFieldSelector configMapKeyRef:ConfigMapKeySelector secretKeyRef:SecretKeySelector fileKeyRef:FileKeySelector',
  ConfigMapKeySelector: 'name? key=s optional',
  SecretKeySelector: 'name? key=s optional',
  FileKeySelector: 'volumeName=s path=s key=s optional',
  ResourceRequirements: 'limits? requests? claims:ResourceClaim?',
  ResourceClaim: 'name=s request?',
  ContainerResizePolicy: 'resourceName=s restartPolicy=s',
  ContainerRestartRule: 'action? exitCodes:ContainerRestartRuleOnExitCodes',
  ContainerRestartRuleOnExitCodes: 'operator? values?',
  VolumeMount: 'name=s readOnly? recursiveReadOnly mountPath=s subPath? mountPropagation subPathExpr?',
  VolumeDevice: 'name=s devicePath=s',
  Probe:
    'exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction grpc:GRPCAction initialDelaySeconds? timeoutSeconds? periodSeconds? successThreshold? failureThreshold? terminationGracePeriodSeconds',
  ExecAction: 'command?',
  HTTPGetAction: 'path? port=n host? scheme? httpHeaders:HTTPHeader?',
  HTTPHeader: 'name=s value=s',
  TCPSocketAction: 'port=n host?',
  GRPCAction: 'port=n service=z',
  Lifecycle: 'postStart:LifecycleHandler preStop:LifecycleHandler stopSignal',
  LifecycleHandler: 'exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction sleep:SleepAction',
  SleepAction: 'seconds=n',
  SecurityContext:
    'capabilities:Capabilities privileged seLinuxOptions:SELinuxOptions windowsOptions:WindowsSecurityContextOptions runAsUser runAsGroup runAsNonRoot readOnlyRootFilesystem allowPrivilegeEscalation procMount seccompProfile:SeccompProfile appArmorProfile:AppArmorProfile',
  Capabilities: 'add? drop?',
  SELinuxOptions: 'user? role? type? level?',
  WindowsSecurityContextOptions: 'gmsaCredentialSpecName gmsaCredentialSpec runAsUserName hostProcess',
  SeccompProfile: 'type=s localhostProfile',
  AppArmorProfile: 'type=s localhostProfile',
  EphemeralContainer:
    'name=s image? command? args? workingDir? ports:ContainerPort? envFrom:EnvFromSource? env:EnvVar? resources!ResourceRequirements resizePolicy:ContainerResizePolicy? restartPolicy restartPolicyRules:ContainerRestartRule? volumeMounts:VolumeMount? volumeDevices:VolumeDevice? livenessProbe:Probe readinessProbe:Probe startupProbe:Probe lifecycle:Lifecycle terminationMessagePath? terminationMessagePolicy? imagePullPolicy? securityContext:SecurityContext stdin? stdinOnce? tty? targetContainerName?',
  PodSecurityContext:
    'seLinuxOptions:SELinuxOptions windowsOptions:WindowsSecurityContextOptions runAsUser runAsGroup runAsNonRoot supplementalGroups? supplementalGroupsPolicy fsGroup sysctls:Sysctl? fsGroupChangePolicy seccompProfile:SeccompProfile appArmorProfile:AppArmorProfile seLinuxChangePolicy',
  Sysctl: 'name=s value=s',
  Affinity: 'nodeAffinity:NodeAffinity podAffinity:PodAffinity podAntiAffinity:PodAntiAffinity',
  NodeAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:NodeSelector preferredDuringSchedulingIgnoredDuringExecution:PreferredSchedulingTerm?',
  NodeSelector: 'nodeSelectorTerms:NodeSelectorTerm=z',
  NodeSelectorTerm: 'matchExpressions:NodeSelectorRequirement? matchFields:NodeSelectorRequirement?',
  NodeSelectorRequirement: 'key=s operator=s values?',
  PreferredSchedulingTerm: 'weight=n preference!NodeSelectorTerm',
  PodAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:PodAffinityTerm? preferredDuringSchedulingIgnoredDuringExecution:WeightedPodAffinityTerm?',
  PodAffinityTerm:
    'labelSelector:LabelSelector namespaces? topologyKey=s namespaceSelector:LabelSelector matchLabelKeys? mismatchLabelKeys?',
  WeightedPodAffinityTerm: 'weight=n podAffinityTerm!PodAffinityTerm',
  PodAntiAffinity:
    'requiredDuringSchedulingIgnoredDuringExecution:PodAffinityTerm? preferredDuringSchedulingIgnoredDuringExecution:WeightedPodAffinityTerm?',
  Toleration: 'key? operator? value? effect? tolerationSeconds',
  HostAlias: 'ip=s hostnames?',
  PodDNSConfig: 'nameservers? searches? options:PodDNSConfigOption?',
  PodDNSConfigOption: 'name? value',
  PodReadinessGate: 'conditionType=s',
  TopologySpreadConstraint:
    'maxSkew=n topologyKey=s whenUnsatisfiable=s labelSelector:LabelSelector minDomains nodeAffinityPolicy nodeTaintsPolicy matchLabelKeys?',
  PodOS: 'name=s',
  PodSchedulingGate: 'name=s',
  PodResourceClaim: 'name=s resourceClaimName resourceClaimTemplateName',
  PodStatus:
    'observedGeneration? phase? conditions:PodCondition? message? reason? nominatedNodeName? hostIP? hostIPs:HostIP? podIP? podIPs:PodIP? startTime initContainerStatuses:ContainerStatus? containerStatuses:ContainerStatus? qosClass? ephemeralContainerStatuses:ContainerStatus? resize? resourceClaimStatuses:PodResourceClaimStatus? extendedResourceClaimStatus:PodExtendedResourceClaimStatus',
  PodCondition: 'type=s observedGeneration? status=s lastProbeTime=z lastTransitionTime=z reason? message?',
  HostIP: 'ip=s',
  PodIP: 'ip=s',
  ContainerStatus:
    'name=s state!ContainerState lastState!ContainerState ready=b restartCount=n image=s imageID=s containerID? started allocatedResources? resources:ResourceRequirements volumeMounts:VolumeMountStatus? user:ContainerUser allocatedResourcesStatus:ResourceStatus? stopSignal',
  ContainerState:
    'waiting:ContainerStateWaiting running:ContainerStateRunning terminated:ContainerStateTerminated',
  ContainerStateWaiting: 'reason? message?',
  ContainerStateRunning: 'startedAt=z',
  ContainerStateTerminated: 'exitCode=n signal? reason? message? startedAt=z finishedAt=z containerID?',
  VolumeMountStatus: 'name=s mountPath=s readOnly? recursiveReadOnly',
  ContainerUser: 'linux:LinuxContainerUser',
  LinuxContainerUser: 'uid=n gid=n supplementalGroups?',
  ResourceStatus: 'name=s resources:ResourceHealth?',
  ResourceHealth: 'resourceID=s health?',
  PodResourceClaimStatus: 'name=s resourceClaimName',
  PodExtendedResourceClaimStatus: 'requestMappings:ContainerExtendedResourceRequest=z resourceClaimName=s',
  ContainerExtendedResourceRequest: 'containerName=s resourceName=s requestName=s',
  Service: 'kind? apiVersion? metadata!ObjectMeta spec!ServiceSpec status!ServiceStatus',
  ServiceSpec:
    'ports:ServicePort? selector? clusterIP? clusterIPs? type? externalIPs? sessionAffinity? loadBalancerIP? loadBalancerSourceRanges? externalName? externalTrafficPolicy? healthCheckNodePort? publishNotReadyAddresses? sessionAffinityConfig:SessionAffinityConfig ipFamilies? ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution',
  ServicePort: 'name? protocol? appProtocol port=n targetPort=n nodePort?',
  SessionAffinityConfig: 'clientIP:ClientIPConfig',
  ClientIPConfig: 'timeoutSeconds',
  ServiceStatus: 'loadBalancer!LoadBalancerStatus conditions:Condition?',
  LoadBalancerStatus: 'ingress:LoadBalancerIngress?',
  LoadBalancerIngress: 'ip? hostname? ipMode ports:PortStatus?',
  PortStatus: 'port=n protocol=s error',
  Condition: 'type=s status=s observedGeneration? lastTransitionTime=z reason=s message=s',
  Endpoints: 'kind? apiVersion? metadata!ObjectMeta subsets:EndpointSubset?',
  EndpointSubset: 'addresses:EndpointAddress? notReadyAddresses:EndpointAddress? ports:EndpointPort?',
  EndpointAddress: 'ip=s hostname? nodeName targetRef:ObjectReference',
  ObjectReference: 'kind? namespace? name? uid? apiVersion? resourceVersion? fieldPath?',
  EndpointPort: 'name? port=n protocol? appProtocol',
  Event:
    'kind? apiVersion? metadata!ObjectMeta involvedObject!ObjectReference reason? message? source!EventSource firstTimestamp=z lastTimestamp=z count? type? eventTime=z series:EventSeries action? related:ObjectReference reportingComponent=s reportingInstance=s',
  EventSource: 'component? host?',
  EventSeries: 'count? lastObservedTime=z',
  ConfigMap: 'kind? apiVersion? metadata!ObjectMeta immutable data? binaryData?',
  Secret: 'kind? apiVersion? metadata!ObjectMeta immutable data? stringData? type?',
  ServiceAccount:
    'kind? apiVersion? metadata!ObjectMeta secrets:ObjectReference? imagePullSecrets:LocalObjectReference? automountServiceAccountToken',
  Namespace: 'kind? apiVersion? metadata!ObjectMeta spec!NamespaceSpec status!NamespaceStatus',
  NamespaceSpec: 'finalizers?',
  NamespaceStatus: 'phase? conditions:NamespaceCondition?',
  NamespaceCondition: 'type=s status=s lastTransitionTime=z reason? message?',
  Node: 'kind? apiVersion? metadata!ObjectMeta spec!NodeSpec status!NodeStatus',
  NodeSpec:
    'podCIDR? podCIDRs? providerID? unschedulable? taints:Taint? configSource:NodeConfigSource externalID?',
  Taint: 'key=s value? effect=s timeAdded',
  NodeConfigSource: 'configMap:ConfigMapNodeConfigSource',
  ConfigMapNodeConfigSource: 'namespace=s name=s uid? resourceVersion? kubeletConfigKey=s',
  NodeStatus:
    'capacity? allocatable? phase? conditions:NodeCondition? addresses:NodeAddress? daemonEndpoints!NodeDaemonEndpoints nodeInfo!NodeSystemInfo images:ContainerImage? volumesInUse? volumesAttached:AttachedVolume? config:NodeConfigStatus runtimeHandlers:NodeRuntimeHandler? features:NodeFeatures',
  NodeCondition: 'type=s status=s lastHeartbeatTime=z lastTransitionTime=z reason? message?',
  NodeAddress: 'type=s address=s',
  NodeDaemonEndpoints: 'kubeletEndpoint!DaemonEndpoint',
  DaemonEndpoint: 'Port=n',
  NodeSystemInfo:
    'machineID=s systemUUID=s bootID=s kernelVersion=s osImage=s containerRuntimeVersion=s kubeletVersion=s kubeProxyVersion=s operatingSystem=s architecture=s swap:NodeSwapStatus',
  NodeSwapStatus: 'capacity',
  ContainerImage: 'names=z sizeBytes?',
  AttachedVolume: 'name=s devicePath=s',
  NodeConfigStatus: 'assigned:NodeConfigSource active:NodeConfigSource lastKnownGood:NodeConfigSource error?',
  NodeRuntimeHandler: 'name=s features:NodeRuntimeHandlerFeatures',
  NodeRuntimeHandlerFeatures: 'recursiveReadOnlyMounts userNamespaces',
  NodeFeatures: 'supplementalGroupsPolicy',
  PersistentVolumeClaim:
    'kind? apiVersion? metadata!ObjectMeta spec!PersistentVolumeClaimSpec status!PersistentVolumeClaimStatus',
  PersistentVolumeClaimStatus:
    'phase? accessModes? capacity? conditions:PersistentVolumeClaimCondition? allocatedResources? allocatedResourceStatuses? currentVolumeAttributesClassName modifyVolumeStatus:ModifyVolumeStatus',
  PersistentVolumeClaimCondition: 'type=s status=s lastProbeTime=z lastTransitionTime=z reason? message?',
  ModifyVolumeStatus: 'targetVolumeAttributesClassName? status=s',
  PersistentVolume:
    'kind? apiVersion? metadata!ObjectMeta spec!PersistentVolumeSpec status!PersistentVolumeStatus',
  PersistentVolumeSpec:
    'capacity? gcePersistentDisk:GCEPersistentDiskVolumeSource awsElasticBlockStore:AWSElasticBlockStoreVolumeSource hostPath:HostPathVolumeSource glusterfs:GlusterfsPersistentVolumeSource nfs:NFSVolumeSource rbd:RBDPersistentVolumeSource iscsi:ISCSIPersistentVolumeSource cinder:CinderPersistentVolumeSource cephfs:CephFSPersistentVolumeSource fc:FCVolumeSource flocker:FlockerVolumeSource flexVolume:FlexPersistentVolumeSource azureFile:AzureFilePersistentVolumeSource vsphereVolume:VsphereVirtualDiskVolumeSource quobyte:QuobyteVolumeSource azureDisk:AzureDiskVolumeSource photonPersistentDisk:PhotonPersistentDiskVolumeSource portworxVolume:PortworxVolumeSource scaleIO:ScaleIOPersistentVolumeSource local:LocalVolumeSource storageos:StorageOSPersistentVolumeSource csi:CSIPersistentVolumeSource accessModes? claimRef:ObjectReference persistentVolumeReclaimPolicy? storageClassName? mountOptions? volumeMode nodeAffinity:VolumeNodeAffinity volumeAttributesClassName',
  GlusterfsPersistentVolumeSource: 'endpoints=s path=s readOnly? endpointsNamespace',
  RBDPersistentVolumeSource:
    'monitors=z image=s fsType? pool? user? keyring? secretRef:SecretReference readOnly?',
  SecretReference: 'name? namespace?',
  ISCSIPersistentVolumeSource:
    'targetPortal=s iqn=s lun=n iscsiInterface? fsType? readOnly? portals? chapAuthDiscovery? chapAuthSession? secretRef:SecretReference initiatorName',
  CinderPersistentVolumeSource: 'volumeID=s fsType? readOnly? secretRef:SecretReference',
  CephFSPersistentVolumeSource: 'monitors=z path? user? secretFile? secretRef:SecretReference readOnly?',
  FlexPersistentVolumeSource: 'driver=s fsType? secretRef:SecretReference readOnly? options?',
  AzureFilePersistentVolumeSource: 'secretName=s shareName=s readOnly? secretNamespace=z',
  ScaleIOPersistentVolumeSource:
    'gateway=s system=s secretRef:SecretReference=z sslEnabled? protectionDomain? storagePool? storageMode? volumeName? fsType? readOnly?',
  LocalVolumeSource: 'path=s fsType',
  StorageOSPersistentVolumeSource: 'volumeName? volumeNamespace? fsType? readOnly? secretRef:ObjectReference',
  CSIPersistentVolumeSource:
    'driver=s volumeHandle=s readOnly? fsType? volumeAttributes? controllerPublishSecretRef:SecretReference nodeStageSecretRef:SecretReference nodePublishSecretRef:SecretReference controllerExpandSecretRef:SecretReference nodeExpandSecretRef:SecretReference',
  VolumeNodeAffinity: 'required:NodeSelector',
  PersistentVolumeStatus: 'phase? message? reason? lastPhaseTransitionTime',
  'apps.Deployment':
    'kind? apiVersion? metadata!ObjectMeta spec!apps.DeploymentSpec status!apps.DeploymentStatus',
  'apps.DeploymentSpec':
    'replicas selector:LabelSelector=z template!PodTemplateSpec strategy!apps.DeploymentStrategy minReadySeconds? revisionHistoryLimit paused? progressDeadlineSeconds',
  PodTemplateSpec: 'metadata!ObjectMeta spec!PodSpec',
  'apps.DeploymentStrategy': 'type? rollingUpdate:apps.RollingUpdateDeployment',
  'apps.RollingUpdateDeployment': 'maxUnavailable maxSurge',
  'apps.DeploymentStatus':
    'observedGeneration? replicas? updatedReplicas? readyReplicas? availableReplicas? unavailableReplicas? terminatingReplicas conditions:apps.DeploymentCondition? collisionCount',
  'apps.DeploymentCondition': 'type=s status=s lastUpdateTime=z lastTransitionTime=z reason? message?',
  'apps.ReplicaSet':
    'kind? apiVersion? metadata!ObjectMeta spec!apps.ReplicaSetSpec status!apps.ReplicaSetStatus',
  'apps.ReplicaSetSpec': 'replicas minReadySeconds? selector:LabelSelector=z template!PodTemplateSpec',
  'apps.ReplicaSetStatus':
    'replicas=n fullyLabeledReplicas? readyReplicas? availableReplicas? terminatingReplicas observedGeneration? conditions:apps.ReplicaSetCondition?',
  'apps.ReplicaSetCondition': 'type=s status=s lastTransitionTime=z reason? message?',
  'apps.StatefulSet':
    'kind? apiVersion? metadata!ObjectMeta spec!apps.StatefulSetSpec status!apps.StatefulSetStatus',
  'apps.StatefulSetSpec':
    'replicas selector:LabelSelector=z template!PodTemplateSpec volumeClaimTemplates:PersistentVolumeClaim? serviceName=s podManagementPolicy? updateStrategy!apps.StatefulSetUpdateStrategy revisionHistoryLimit minReadySeconds? persistentVolumeClaimRetentionPolicy:apps.StatefulSetPersistentVolumeClaimRetentionPolicy ordinals:apps.StatefulSetOrdinals',
  'apps.StatefulSetUpdateStrategy': 'type? rollingUpdate:apps.RollingUpdateStatefulSetStrategy',
  'apps.RollingUpdateStatefulSetStrategy': 'partition maxUnavailable',
  'apps.StatefulSetPersistentVolumeClaimRetentionPolicy': 'whenDeleted? whenScaled?',
  'apps.StatefulSetOrdinals': 'start=n',
  'apps.StatefulSetStatus':
    'observedGeneration? replicas=n readyReplicas? currentReplicas? updatedReplicas? currentRevision? updateRevision? collisionCount conditions:apps.StatefulSetCondition? availableReplicas=n',
  'apps.StatefulSetCondition': 'type=s status=s lastTransitionTime=z reason? message?',
  'apps.DaemonSet':
    'kind? apiVersion? metadata!ObjectMeta spec!apps.DaemonSetSpec status!apps.DaemonSetStatus',
  'apps.DaemonSetSpec':
    'selector:LabelSelector=z template!PodTemplateSpec updateStrategy!apps.DaemonSetUpdateStrategy minReadySeconds? revisionHistoryLimit',
  'apps.DaemonSetUpdateStrategy': 'type? rollingUpdate:apps.RollingUpdateDaemonSet',
  'apps.RollingUpdateDaemonSet': 'maxUnavailable maxSurge',
  'apps.DaemonSetStatus':
    'currentNumberScheduled=n numberMisscheduled=n desiredNumberScheduled=n numberReady=n observedGeneration? updatedNumberScheduled? numberAvailable? numberUnavailable? collisionCount conditions:apps.DaemonSetCondition?',
  'apps.DaemonSetCondition': 'type=s status=s lastTransitionTime=z reason? message?',
  'apps.ControllerRevision': 'kind? apiVersion? metadata!ObjectMeta data=z revision=n',
  'batch.Job': 'kind? apiVersion? metadata!ObjectMeta spec!batch.JobSpec status!batch.JobStatus',
  'batch.JobSpec':
    'parallelism completions activeDeadlineSeconds podFailurePolicy:batch.PodFailurePolicy successPolicy:batch.SuccessPolicy backoffLimit backoffLimitPerIndex maxFailedIndexes selector:LabelSelector manualSelector template!PodTemplateSpec ttlSecondsAfterFinished completionMode suspend podReplacementPolicy managedBy',
  'batch.PodFailurePolicy': 'rules:batch.PodFailurePolicyRule=z',
  'batch.PodFailurePolicyRule':
    'action=s onExitCodes:batch.PodFailurePolicyOnExitCodesRequirement onPodConditions:batch.PodFailurePolicyOnPodConditionsPattern?',
  'batch.PodFailurePolicyOnExitCodesRequirement': 'containerName operator=s values=z',
  'batch.PodFailurePolicyOnPodConditionsPattern': 'type=s status=s',
  'batch.SuccessPolicy': 'rules:batch.SuccessPolicyRule=z',
  'batch.SuccessPolicyRule': 'succeededIndexes succeededCount',
  'batch.JobStatus':
    'conditions:batch.JobCondition? startTime completionTime active? succeeded? failed? terminating completedIndexes? failedIndexes uncountedTerminatedPods:batch.UncountedTerminatedPods ready',
  'batch.JobCondition': 'type=s status=s lastProbeTime=z lastTransitionTime=z reason? message?',
  'batch.UncountedTerminatedPods': 'succeeded? failed?',
  'batch.CronJob': 'kind? apiVersion? metadata!ObjectMeta spec!batch.CronJobSpec status!batch.CronJobStatus',
  'batch.CronJobSpec':
    'schedule=s timeZone startingDeadlineSeconds concurrencyPolicy? suspend jobTemplate!batch.JobTemplateSpec successfulJobsHistoryLimit failedJobsHistoryLimit',
  'batch.JobTemplateSpec': 'metadata!ObjectMeta spec!batch.JobSpec',
  'batch.CronJobStatus': 'active:ObjectReference? lastScheduleTime lastSuccessfulTime',
  'discovery.EndpointSlice':
    'kind? apiVersion? metadata!ObjectMeta addressType=s endpoints:discovery.Endpoint=z ports:discovery.EndpointPort=z',
  'discovery.Endpoint':
    'addresses=z conditions!discovery.EndpointConditions hostname targetRef:ObjectReference deprecatedTopology? nodeName zone hints:discovery.EndpointHints',
  'discovery.EndpointConditions': 'ready serving terminating',
  'discovery.EndpointHints': 'forZones:discovery.ForZone? forNodes:discovery.ForNode?',
  'discovery.ForZone': 'name=s',
  'discovery.ForNode': 'name=s',
  'discovery.EndpointPort': 'name protocol port appProtocol',
  'storage.StorageClass':
    'kind? apiVersion? metadata!ObjectMeta provisioner=s parameters? reclaimPolicy mountOptions? allowVolumeExpansion volumeBindingMode allowedTopologies:TopologySelectorTerm?',
  // k8s.io/api v0.34.9 policy/v1 types.go.
  'policy.PodDisruptionBudget':
    'kind? apiVersion? metadata!ObjectMeta spec!policy.PodDisruptionBudgetSpec status!policy.PodDisruptionBudgetStatus',
  'policy.PodDisruptionBudgetSpec':
    'minAvailable selector:LabelSelector maxUnavailable unhealthyPodEvictionPolicy',
  'policy.PodDisruptionBudgetStatus':
    'observedGeneration? disruptedPods? disruptionsAllowed=n currentHealthy=n desiredHealthy=n expectedPods=n conditions:Condition?',
  TopologySelectorTerm: 'matchLabelExpressions:TopologySelectorLabelRequirement?',
  TopologySelectorLabelRequirement: 'key=s values=z',
  Status: 'kind? apiVersion? metadata!ListMeta status? message? reason? details:StatusDetails code?',
  ListMeta: 'selfLink? resourceVersion? continue? remainingItemCount',
  StatusDetails: 'name? group? kind? uid? causes:StatusCause? retryAfterSeconds?',
  StatusCause: 'reason? message? field?',
  // k8s.io/api v0.34.9 autoscaling/v1 types.go: the scale subresource's body.
  'autoscaling.Scale':
    'kind? apiVersion? metadata!ObjectMeta spec!autoscaling.ScaleSpec status!autoscaling.ScaleStatus',
  'autoscaling.ScaleSpec': 'replicas?',
  'autoscaling.ScaleStatus': 'replicas=n selector?',
};
