// PersistentVolumeClaim, PersistentVolume and StorageClass for `kubectl explain` (see ./schema-core
// for the shape), generated from k8s.io/api v0.34.9: the descriptions are its Swagger docs
// (core/v1 and storage/v1 types_swagger_doc_generated.go); required: the fields without omitempty
// and +optional in types.go; times show as <string> as elsewhere here; enums where the type is
// marked +enum (PersistentVolumeMode, PersistentVolumeReclaimPolicy, the phases,
// VolumeBindingMode, NodeSelectorOperator, PersistentVolumeClaimModifyVolumeStatus). Not listed:
// an array's item enums and HostPathType's (its values include ""). The cloud volume sources:
// ./schema-volume-sources.
import { API_VERSION, KIND, METADATA, type TypeSchema } from './schema-core';
import { VOLUME_SOURCE_TYPES } from './schema-volume-sources';

export const STORAGE_TYPES: Record<string, TypeSchema> = {
  ...VOLUME_SOURCE_TYPES,
  PersistentVolumeClaim: {
    description: "PersistentVolumeClaim is a user's request for and claim to a persistent volume",
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: 'PersistentVolumeClaimSpec',
        description:
          'spec defines the desired characteristics of a volume requested by a pod author. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims',
      },
      status: {
        type: 'PersistentVolumeClaimStatus',
        description:
          'status represents the current information/status of a persistent volume claim. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims',
      },
    },
  },
  PersistentVolumeClaimSpec: {
    description:
      'PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes',
    fields: {
      accessModes: {
        type: '[]string',
        description:
          'accessModes contains the desired access modes the volume should have. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1',
      },
      selector: {
        type: 'LabelSelector',
        description: 'selector is a label query over volumes to consider for binding.',
      },
      resources: {
        type: 'VolumeResourceRequirements',
        description:
          'resources represents the minimum resources the volume should have. If RecoverVolumeExpansionFailure feature is enabled users are allowed to specify resource requirements that are lower than previous value but must still be higher than capacity recorded in the status field of the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#resources',
      },
      volumeName: {
        type: 'string',
        description: 'volumeName is the binding reference to the PersistentVolume backing this claim.',
      },
      storageClassName: {
        type: 'string',
        description:
          'storageClassName is the name of the StorageClass required by the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1',
      },
      volumeMode: {
        type: 'string',
        enum: ['Block', 'Filesystem'],
        description:
          'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.',
      },
      dataSource: {
        type: 'TypedLocalObjectReference',
        description:
          'dataSource field can be used to specify either: * An existing VolumeSnapshot object (snapshot.storage.k8s.io/VolumeSnapshot) * An existing PVC (PersistentVolumeClaim) If the provisioner or an external controller can support the specified data source, it will create a new volume based on the contents of the specified data source. When the AnyVolumeDataSource feature gate is enabled, dataSource contents will be copied to dataSourceRef, and dataSourceRef contents will be copied to dataSource when dataSourceRef.namespace is not specified. If the namespace is specified, then dataSourceRef will not be copied to dataSource.',
      },
      dataSourceRef: {
        type: 'TypedObjectReference',
        description:
          "dataSourceRef specifies the object from which to populate the volume with data, if a non-empty volume is desired. This may be any object from a non-empty API group (non core object) or a PersistentVolumeClaim object. When this field is specified, volume binding will only succeed if the type of the specified object matches some installed volume populator or dynamic provisioner. This field will replace the functionality of the dataSource field and as such if both fields are non-empty, they must have the same value. For backwards compatibility, when namespace isn't specified in dataSourceRef, both fields (dataSource and dataSourceRef) will be set to the same value automatically if one of them is empty and the other is non-empty. When namespace is specified in dataSourceRef, dataSource isn't set to the same value and must be empty. There are three important differences between dataSource and dataSourceRef: * While dataSource only allows two specific types of objects, dataSourceRef\n  allows any non-core object, as well as PersistentVolumeClaim objects.\n* While dataSource ignores disallowed values (dropping them), dataSourceRef\n  preserves all values, and generates an error if a disallowed value is\n  specified.\n* While dataSource only allows local objects, dataSourceRef allows objects\n  in any namespaces.\n(Beta) Using this field requires the AnyVolumeDataSource feature gate to be enabled. (Alpha) Using the namespace field of dataSourceRef requires the CrossNamespaceVolumeDataSource feature gate to be enabled.",
      },
      volumeAttributesClassName: {
        type: 'string',
        description:
          'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim. If specified, the CSI driver will create or update the volume with the attributes defined in the corresponding VolumeAttributesClass. This has a different purpose than storageClassName, it can be changed after the claim is created. An empty string or nil value indicates that no VolumeAttributesClass will be applied to the claim. If the claim enters an Infeasible error state, this field can be reset to its previous value (including nil) to cancel the modification. If the resource referred to by volumeAttributesClass does not exist, this PersistentVolumeClaim will be set to a Pending state, as reflected by the modifyVolumeStatus field, until such as a resource exists. More info: https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/',
      },
    },
  },
  PersistentVolumeClaimStatus: {
    description: 'PersistentVolumeClaimStatus is the current status of a persistent volume claim.',
    fields: {
      phase: {
        type: 'string',
        enum: ['Bound', 'Lost', 'Pending'],
        description: 'phase represents the current phase of PersistentVolumeClaim.',
      },
      accessModes: {
        type: '[]string',
        description:
          'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1',
      },
      capacity: {
        type: 'map[string]Quantity',
        description: 'capacity represents the actual resources of the underlying volume.',
      },
      conditions: {
        type: '[]PersistentVolumeClaimCondition',
        description:
          "conditions is the current Condition of persistent volume claim. If underlying persistent volume is being resized then the Condition will be set to 'Resizing'.",
      },
      allocatedResources: {
        type: 'map[string]Quantity',
        description:
          'allocatedResources tracks the resources allocated to a PVC including its capacity. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as "example.com/my-custom-resource"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nCapacity reported here may be larger than the actual capacity when a volume expansion operation is requested. For storage quota, the larger value from allocatedResources and PVC.spec.resources is used. If allocatedResources is not set, PVC.spec.resources alone is used for quota calculation. If a volume expansion capacity request is lowered, allocatedResources is only lowered if there are no expansion operations in progress and if the actual volume capacity is equal or lower than the requested capacity.\n\nA controller that receives PVC update with previously unknown resourceName should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.',
      },
      allocatedResourceStatuses: {
        type: 'map[string]string',
        description:
          'allocatedResourceStatuses stores status of resource being resized for the given PVC. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as "example.com/my-custom-resource"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nClaimResourceStatus can be in any of following states:\n\t- ControllerResizeInProgress:\n\t\tState set when resize controller starts resizing the volume in control-plane.\n\t- ControllerResizeFailed:\n\t\tState set when resize has failed in resize controller with a terminal error.\n\t- NodeResizePending:\n\t\tState set when resize controller has finished resizing the volume but further resizing of\n\t\tvolume is needed on the node.\n\t- NodeResizeInProgress:\n\t\tState set when kubelet starts resizing the volume.\n\t- NodeResizeFailed:\n\t\tState set when resizing has failed in kubelet with a terminal error. Transient errors don\'t set\n\t\tNodeResizeFailed.\nFor example: if expanding a PVC for more capacity - this field can be one of the following states:\n\t- pvc.status.allocatedResourceStatus[\'storage\'] = "ControllerResizeInProgress"\n     - pvc.status.allocatedResourceStatus[\'storage\'] = "ControllerResizeFailed"\n     - pvc.status.allocatedResourceStatus[\'storage\'] = "NodeResizePending"\n     - pvc.status.allocatedResourceStatus[\'storage\'] = "NodeResizeInProgress"\n     - pvc.status.allocatedResourceStatus[\'storage\'] = "NodeResizeFailed"\nWhen this field is not set, it means that no resize operation is in progress for the given PVC.\n\nA controller that receives PVC update with previously unknown resourceName or ClaimResourceStatus should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.',
      },
      currentVolumeAttributesClassName: {
        type: 'string',
        description:
          'currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using. When unset, there is no VolumeAttributeClass applied to this PersistentVolumeClaim',
      },
      modifyVolumeStatus: {
        type: 'ModifyVolumeStatus',
        description:
          'ModifyVolumeStatus represents the status object of ControllerModifyVolume operation. When this is unset, there is no ModifyVolume operation being attempted.',
      },
    },
  },
  PersistentVolumeClaimCondition: {
    description: 'PersistentVolumeClaimCondition contains details about state of pvc',
    fields: {
      type: {
        type: 'string',
        required: true,
        description:
          'Type is the type of the condition. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=set%20to%20%27ResizeStarted%27.-,PersistentVolumeClaimCondition,-contains%20details%20about',
      },
      status: {
        type: 'string',
        required: true,
        description:
          'Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=state%20of%20pvc-,conditions.status,-(string)%2C%20required',
      },
      lastProbeTime: { type: 'string', description: 'lastProbeTime is the time we probed the condition.' },
      lastTransitionTime: {
        type: 'string',
        description: 'lastTransitionTime is the time the condition transitioned from one status to another.',
      },
      reason: {
        type: 'string',
        description:
          'reason is a unique, this should be a short, machine understandable string that gives the reason for condition\'s last transition. If it reports "Resizing" that means the underlying persistent volume is being resized.',
      },
      message: {
        type: 'string',
        description: 'message is the human-readable message indicating details about last transition.',
      },
    },
  },
  ModifyVolumeStatus: {
    description: 'ModifyVolumeStatus represents the status object of ControllerModifyVolume operation',
    fields: {
      targetVolumeAttributesClassName: {
        type: 'string',
        description:
          'targetVolumeAttributesClassName is the name of the VolumeAttributesClass the PVC currently being reconciled',
      },
      status: {
        type: 'string',
        required: true,
        enum: ['InProgress', 'Infeasible', 'Pending'],
        description:
          'status is the status of the ControllerModifyVolume operation. It can be in any of following states:\n - Pending\n   Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as\n   the specified VolumeAttributesClass not existing.\n - InProgress\n   InProgress indicates that the volume is being modified.\n - Infeasible\n  Infeasible indicates that the request has been rejected as invalid by the CSI driver. To\n\t  resolve the error, a valid VolumeAttributesClass needs to be specified.\nNote: New statuses can be added in the future. Consumers should check for unknown statuses and fail appropriately.',
      },
    },
  },
  VolumeResourceRequirements: {
    description: 'VolumeResourceRequirements describes the storage resource requirements for a volume.',
    fields: {
      limits: {
        type: 'map[string]Quantity',
        description:
          'Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      },
      requests: {
        type: 'map[string]Quantity',
        description:
          'Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      },
    },
  },
  TypedLocalObjectReference: {
    description:
      'TypedLocalObjectReference contains enough information to let you locate the typed referenced object inside the same namespace.',
    fields: {
      apiGroup: {
        type: 'string',
        description:
          'APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required.',
      },
      kind: { type: 'string', required: true, description: 'Kind is the type of resource being referenced' },
      name: { type: 'string', required: true, description: 'Name is the name of resource being referenced' },
    },
  },
  TypedObjectReference: {
    description:
      'TypedObjectReference contains enough information to let you locate the typed referenced object',
    fields: {
      apiGroup: {
        type: 'string',
        description:
          'APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required.',
      },
      kind: { type: 'string', required: true, description: 'Kind is the type of resource being referenced' },
      name: { type: 'string', required: true, description: 'Name is the name of resource being referenced' },
      namespace: {
        type: 'string',
        description:
          "Namespace is the namespace of resource being referenced Note that when a namespace is specified, a gateway.networking.k8s.io/ReferenceGrant object is required in the referent namespace to allow that namespace's owner to accept the reference. See the ReferenceGrant documentation for details. (Alpha) This field requires the CrossNamespaceVolumeDataSource feature gate to be enabled.",
      },
    },
  },
  PersistentVolume: {
    description:
      'PersistentVolume (PV) is a storage resource provisioned by an administrator. It is analogous to a node. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: 'PersistentVolumeSpec',
        description:
          'spec defines a specification of a persistent volume owned by the cluster. Provisioned by an administrator. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistent-volumes',
      },
      status: {
        type: 'PersistentVolumeStatus',
        description:
          'status represents the current information/status for the persistent volume. Populated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistent-volumes',
      },
    },
  },
  PersistentVolumeSpec: {
    description: 'PersistentVolumeSpec is the specification of a persistent volume.',
    fields: {
      capacity: {
        type: 'map[string]Quantity',
        description:
          "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity",
      },
      accessModes: {
        type: '[]string',
        description:
          'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes',
      },
      claimRef: {
        type: 'ObjectReference',
        description:
          'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding',
      },
      persistentVolumeReclaimPolicy: {
        type: 'string',
        enum: ['Delete', 'Recycle', 'Retain'],
        description:
          'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming',
      },
      storageClassName: {
        type: 'string',
        description:
          'storageClassName is the name of StorageClass to which this persistent volume belongs. Empty value means that this volume does not belong to any StorageClass.',
      },
      mountOptions: {
        type: '[]string',
        description:
          'mountOptions is the list of mount options, e.g. ["ro", "soft"]. Not validated - mount will simply fail if one is invalid. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes/#mount-options',
      },
      volumeMode: {
        type: 'string',
        enum: ['Block', 'Filesystem'],
        description:
          'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.',
      },
      nodeAffinity: {
        type: 'VolumeNodeAffinity',
        description:
          'nodeAffinity defines constraints that limit what nodes this volume can be accessed from. This field influences the scheduling of pods that use this volume.',
      },
      volumeAttributesClassName: {
        type: 'string',
        description:
          'Name of VolumeAttributesClass to which this persistent volume belongs. Empty value is not allowed. When this field is not set, it indicates that this volume does not belong to any VolumeAttributesClass. This field is mutable and can be changed by the CSI driver after a volume has been updated successfully to a new class. For an unbound PersistentVolume, the volumeAttributesClassName will be matched with unbound PersistentVolumeClaims during the binding process.',
      },
      gcePersistentDisk: {
        type: 'GCEPersistentDiskVolumeSource',
        description:
          "gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Provisioned by an admin. Deprecated: GCEPersistentDisk is deprecated. All operations for the in-tree gcePersistentDisk type are redirected to the pd.csi.storage.gke.io CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk",
      },
      awsElasticBlockStore: {
        type: 'AWSElasticBlockStoreVolumeSource',
        description:
          "awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: AWSElasticBlockStore is deprecated. All operations for the in-tree awsElasticBlockStore type are redirected to the ebs.csi.aws.com CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore",
      },
      hostPath: {
        type: 'HostPathVolumeSource',
        description:
          'hostPath represents a directory on the host. Provisioned by a developer or tester. This is useful for single-node development and testing only! On-host storage is not supported in any way and WILL NOT WORK in a multi-node cluster. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath',
      },
      glusterfs: {
        type: 'GlusterfsPersistentVolumeSource',
        description:
          'glusterfs represents a Glusterfs volume that is attached to a host and exposed to the pod. Provisioned by an admin. Deprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported. More info: https://examples.k8s.io/volumes/glusterfs/README.md',
      },
      nfs: {
        type: 'NFSVolumeSource',
        description:
          'nfs represents an NFS mount on the host. Provisioned by an admin. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs',
      },
      rbd: {
        type: 'RBDPersistentVolumeSource',
        description:
          "rbd represents a Rados Block Device mount on the host that shares a pod's lifetime. Deprecated: RBD is deprecated and the in-tree rbd type is no longer supported. More info: https://examples.k8s.io/volumes/rbd/README.md",
      },
      iscsi: {
        type: 'ISCSIPersistentVolumeSource',
        description:
          "iscsi represents an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Provisioned by an admin.",
      },
      cinder: {
        type: 'CinderPersistentVolumeSource',
        description:
          'cinder represents a cinder volume attached and mounted on kubelets host machine. Deprecated: Cinder is deprecated. All operations for the in-tree cinder type are redirected to the cinder.csi.openstack.org CSI driver. More info: https://examples.k8s.io/mysql-cinder-pd/README.md',
      },
      cephfs: {
        type: 'CephFSPersistentVolumeSource',
        description:
          "cephFS represents a Ceph FS mount on the host that shares a pod's lifetime. Deprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported.",
      },
      fc: {
        type: 'FCVolumeSource',
        description:
          "fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod.",
      },
      flocker: {
        type: 'FlockerVolumeSource',
        description:
          "flocker represents a Flocker volume attached to a kubelet's host machine and exposed to the pod for its usage. This depends on the Flocker control service being running. Deprecated: Flocker is deprecated and the in-tree flocker type is no longer supported.",
      },
      flexVolume: {
        type: 'FlexPersistentVolumeSource',
        description:
          'flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin. Deprecated: FlexVolume is deprecated. Consider using a CSIDriver instead.',
      },
      azureFile: {
        type: 'AzureFilePersistentVolumeSource',
        description:
          'azureFile represents an Azure File Service mount on the host and bind mount to the pod. Deprecated: AzureFile is deprecated. All operations for the in-tree azureFile type are redirected to the file.csi.azure.com CSI driver.',
      },
      vsphereVolume: {
        type: 'VsphereVirtualDiskVolumeSource',
        description:
          'vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine. Deprecated: VsphereVolume is deprecated. All operations for the in-tree vsphereVolume type are redirected to the csi.vsphere.vmware.com CSI driver.',
      },
      quobyte: {
        type: 'QuobyteVolumeSource',
        description:
          "quobyte represents a Quobyte mount on the host that shares a pod's lifetime. Deprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported.",
      },
      azureDisk: {
        type: 'AzureDiskVolumeSource',
        description:
          'azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod. Deprecated: AzureDisk is deprecated. All operations for the in-tree azureDisk type are redirected to the disk.csi.azure.com CSI driver.',
      },
      photonPersistentDisk: {
        type: 'PhotonPersistentDiskVolumeSource',
        description:
          'photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine. Deprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported.',
      },
      portworxVolume: {
        type: 'PortworxVolumeSource',
        description:
          'portworxVolume represents a portworx volume attached and mounted on kubelets host machine. Deprecated: PortworxVolume is deprecated. All operations for the in-tree portworxVolume type are redirected to the pxd.portworx.com CSI driver when the CSIMigrationPortworx feature-gate is on.',
      },
      scaleIO: {
        type: 'ScaleIOPersistentVolumeSource',
        description:
          'scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes. Deprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported.',
      },
      local: {
        type: 'LocalVolumeSource',
        description: 'local represents directly-attached storage with node affinity',
      },
      storageos: {
        type: 'StorageOSPersistentVolumeSource',
        description:
          "storageOS represents a StorageOS volume that is attached to the kubelet's host machine and mounted into the pod. Deprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported. More info: https://examples.k8s.io/volumes/storageos/README.md",
      },
      csi: {
        type: 'CSIPersistentVolumeSource',
        description: 'csi represents storage that is handled by an external CSI driver.',
      },
    },
  },
  PersistentVolumeStatus: {
    description: 'PersistentVolumeStatus is the current status of a persistent volume.',
    fields: {
      phase: {
        type: 'string',
        enum: ['Available', 'Bound', 'Failed', 'Pending', 'Released'],
        description:
          'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase',
      },
      message: {
        type: 'string',
        description:
          'message is a human-readable message indicating details about why the volume is in this state.',
      },
      reason: {
        type: 'string',
        description:
          'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
      },
      lastPhaseTransitionTime: {
        type: 'string',
        description:
          'lastPhaseTransitionTime is the time the phase transitioned from one to another and automatically resets to current time everytime a volume phase transitions.',
      },
    },
  },
  HostPathVolumeSource: {
    description:
      'Represents a host path mapped into a pod. Host path volumes do not support ownership management or SELinux relabeling.',
    fields: {
      path: {
        type: 'string',
        required: true,
        description:
          'path of the directory on the host. If the path is a symlink, it will follow the link to the real path. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath',
      },
      type: {
        type: 'string',
        description:
          'type for HostPath Volume Defaults to "" More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath',
      },
    },
  },
  LocalVolumeSource: {
    description: 'Local represents directly-attached storage with node affinity',
    fields: {
      path: {
        type: 'string',
        required: true,
        description:
          'path of the full path to the volume on the node. It can be either a directory or block device (disk, partition, ...).',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is the filesystem type to mount. It applies only when the Path is a block device. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". The default value is to auto-select a filesystem if unspecified.',
      },
    },
  },
  NFSVolumeSource: {
    description:
      'Represents an NFS mount that lasts the lifetime of a pod. NFS volumes do not support ownership management or SELinux relabeling.',
    fields: {
      server: {
        type: 'string',
        required: true,
        description:
          'server is the hostname or IP address of the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs',
      },
      path: {
        type: 'string',
        required: true,
        description:
          'path that is exported by the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly here will force the NFS export to be mounted with read-only permissions. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs',
      },
    },
  },
  VolumeNodeAffinity: {
    description:
      'VolumeNodeAffinity defines constraints that limit what nodes this volume can be accessed from.',
    fields: {
      required: {
        type: 'NodeSelector',
        description: 'required specifies hard node constraints that must be met.',
      },
    },
  },
  NodeSelector: {
    description:
      'A node selector represents the union of the results of one or more label queries over a set of nodes; that is, it represents the OR of the selectors represented by the node selector terms.',
    fields: {
      nodeSelectorTerms: {
        type: '[]NodeSelectorTerm',
        required: true,
        description: 'Required. A list of node selector terms. The terms are ORed.',
      },
    },
  },
  NodeSelectorTerm: {
    description:
      'A null or empty node selector term matches no objects. The requirements of them are ANDed. The TopologySelectorTerm type implements a subset of the NodeSelectorTerm.',
    fields: {
      matchExpressions: {
        type: '[]NodeSelectorRequirement',
        description: "A list of node selector requirements by node's labels.",
      },
      matchFields: {
        type: '[]NodeSelectorRequirement',
        description: "A list of node selector requirements by node's fields.",
      },
    },
  },
  NodeSelectorRequirement: {
    description:
      'A node selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
    fields: {
      key: { type: 'string', required: true, description: 'The label key that the selector applies to.' },
      operator: {
        type: 'string',
        required: true,
        enum: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
        description:
          "Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.",
      },
      values: {
        type: '[]string',
        description:
          'An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. If the operator is Gt or Lt, the values array must have a single element, which will be interpreted as an integer. This array is replaced during a strategic merge patch.',
      },
    },
  },
  StorageClass: {
    description:
      'StorageClass describes the parameters for a class of storage for which PersistentVolumes can be dynamically provisioned.\n\nStorageClasses are non-namespaced; the name of the storage class according to etcd is in ObjectMeta.Name.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      provisioner: {
        type: 'string',
        required: true,
        description: 'provisioner indicates the type of the provisioner.',
      },
      parameters: {
        type: 'map[string]string',
        description:
          'parameters holds the parameters for the provisioner that should create volumes of this storage class.',
      },
      reclaimPolicy: {
        type: 'string',
        enum: ['Delete', 'Recycle', 'Retain'],
        description:
          'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.',
      },
      mountOptions: {
        type: '[]string',
        description:
          'mountOptions controls the mountOptions for dynamically provisioned PersistentVolumes of this storage class. e.g. ["ro", "soft"]. Not validated - mount of the PVs will simply fail if one is invalid.',
      },
      allowVolumeExpansion: {
        type: 'boolean',
        description: 'allowVolumeExpansion shows whether the storage class allow volume expand.',
      },
      volumeBindingMode: {
        type: 'string',
        enum: ['Immediate', 'WaitForFirstConsumer'],
        description:
          'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.',
      },
      allowedTopologies: {
        type: '[]TopologySelectorTerm',
        description:
          'allowedTopologies restrict the node topologies where volumes can be dynamically provisioned. Each volume plugin defines its own supported topology specifications. An empty TopologySelectorTerm list means there is no topology restriction. This field is only honored by servers that enable the VolumeScheduling feature.',
      },
    },
  },
  TopologySelectorTerm: {
    description:
      'A topology selector term represents the result of label queries. A null or empty topology selector term matches no objects. The requirements of them are ANDed. It provides a subset of functionality as NodeSelectorTerm. This is an alpha feature and may change in the future.',
    fields: {
      matchLabelExpressions: {
        type: '[]TopologySelectorLabelRequirement',
        description: 'A list of topology selector requirements by labels.',
      },
    },
  },
  TopologySelectorLabelRequirement: {
    description:
      'A topology selector requirement is a selector that matches given label. This is an alpha feature and may change in the future.',
    fields: {
      key: { type: 'string', required: true, description: 'The label key that the selector applies to.' },
      values: {
        type: '[]string',
        required: true,
        description:
          'An array of string values. One value must match the label to be selected. Each entry in Values is ORed.',
      },
    },
  },
};
