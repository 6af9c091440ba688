// The PersistentVolume sources other than hostPath, local and nfs (./schema-storage), for
// `kubectl explain pv.spec.<source>`: generated from k8s.io/api v0.34.9 core/v1 (Swagger docs,
// types.go for the fields and which are required); their enums (Azure disk kinds and caching
// modes) are not listed.
import type { TypeSchema } from './schema-core';

export const VOLUME_SOURCE_TYPES: Record<string, TypeSchema> = {
  AWSElasticBlockStoreVolumeSource: {
    description:
      'Represents a Persistent Disk resource in AWS.\n\nAn AWS EBS disk must exist before mounting to a container. The disk must also be in the same AWS zone as the kubelet. An AWS EBS disk can only be mounted as read/write once. AWS EBS volumes support ownership management and SELinux relabeling.',
    fields: {
      volumeID: {
        type: 'string',
        required: true,
        description:
          'volumeID is unique ID of the persistent disk resource in AWS (Amazon EBS volume). More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore',
      },
      partition: {
        type: 'integer',
        description:
          'partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as "1". Similarly, the volume partition for /dev/sda is "0" (or you can leave the property empty).',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly value true will force the readOnly setting in VolumeMounts. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore',
      },
    },
  },
  AzureDiskVolumeSource: {
    description: 'AzureDisk represents an Azure Data Disk mount on the host and bind mount to the pod.',
    fields: {
      diskName: {
        type: 'string',
        required: true,
        description: 'diskName is the Name of the data disk in the blob storage',
      },
      diskURI: {
        type: 'string',
        required: true,
        description: 'diskURI is the URI of data disk in the blob storage',
      },
      cachingMode: {
        type: 'string',
        description: 'cachingMode is the Host Caching mode: None, Read Only, Read Write.',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is Filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.',
      },
      kind: {
        type: 'string',
        description:
          'kind expected values are Shared: multiple blob disks per storage account  Dedicated: single blob disk per storage account  Managed: azure managed data disk (only in managed availability set). defaults to shared',
      },
    },
  },
  AzureFilePersistentVolumeSource: {
    description: 'AzureFile represents an Azure File Service mount on the host and bind mount to the pod.',
    fields: {
      secretName: {
        type: 'string',
        required: true,
        description: 'secretName is the name of secret that contains Azure Storage Account Name and Key',
      },
      shareName: { type: 'string', required: true, description: 'shareName is the azure Share Name' },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.',
      },
      secretNamespace: {
        type: 'string',
        description:
          'secretNamespace is the namespace of the secret that contains Azure Storage Account Name and Key default is the same as the Pod',
      },
    },
  },
  CSIPersistentVolumeSource: {
    description: 'Represents storage that is managed by an external CSI volume driver',
    fields: {
      driver: {
        type: 'string',
        required: true,
        description: 'driver is the name of the driver to use for this volume. Required.',
      },
      volumeHandle: {
        type: 'string',
        required: true,
        description:
          'volumeHandle is the unique volume name returned by the CSI volume plugin\u2019s CreateVolume to refer to the volume on all subsequent calls. Required.',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly value to pass to ControllerPublishVolumeRequest. Defaults to false (read/write).',
      },
      fsType: {
        type: 'string',
        description:
          'fsType to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs".',
      },
      volumeAttributes: {
        type: 'map[string]string',
        description: 'volumeAttributes of the volume to publish.',
      },
      controllerPublishSecretRef: {
        type: 'SecretReference',
        description:
          'controllerPublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI ControllerPublishVolume and ControllerUnpublishVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.',
      },
      nodeStageSecretRef: {
        type: 'SecretReference',
        description:
          'nodeStageSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodeStageVolume and NodeStageVolume and NodeUnstageVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.',
      },
      nodePublishSecretRef: {
        type: 'SecretReference',
        description:
          'nodePublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodePublishVolume and NodeUnpublishVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.',
      },
      controllerExpandSecretRef: {
        type: 'SecretReference',
        description:
          'controllerExpandSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI ControllerExpandVolume call. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.',
      },
      nodeExpandSecretRef: {
        type: 'SecretReference',
        description:
          'nodeExpandSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodeExpandVolume call. This field is optional, may be omitted if no secret is required. If the secret object contains more than one secret, all secrets are passed.',
      },
    },
  },
  CephFSPersistentVolumeSource: {
    description:
      'Represents a Ceph Filesystem mount that lasts the lifetime of a pod Cephfs volumes do not support ownership management or SELinux relabeling.',
    fields: {
      monitors: {
        type: '[]string',
        required: true,
        description:
          'monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      },
      path: {
        type: 'string',
        description:
          'path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /',
      },
      user: {
        type: 'string',
        description:
          'user is Optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      },
      secretFile: {
        type: 'string',
        description:
          'secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      },
      secretRef: {
        type: 'SecretReference',
        description:
          'secretRef is Optional: SecretRef is reference to the authentication secret for User, default is empty. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
      },
    },
  },
  CinderPersistentVolumeSource: {
    description:
      'Represents a cinder volume resource in Openstack. A Cinder volume must exist before mounting to a container. The volume must also be in the same region as the kubelet. Cinder volumes support ownership management and SELinux relabeling.',
    fields: {
      volumeID: {
        type: 'string',
        required: true,
        description:
          'volumeID used to identify the volume in cinder. More info: https://examples.k8s.io/mysql-cinder-pd/README.md',
      },
      fsType: {
        type: 'string',
        description:
          'fsType Filesystem type to mount. Must be a filesystem type supported by the host operating system. Examples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified. More info: https://examples.k8s.io/mysql-cinder-pd/README.md',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/mysql-cinder-pd/README.md',
      },
      secretRef: {
        type: 'SecretReference',
        description:
          'secretRef is Optional: points to a secret object containing parameters used to connect to OpenStack.',
      },
    },
  },
  FCVolumeSource: {
    description:
      'Represents a Fibre Channel volume. Fibre Channel volumes can only be mounted as read/write once. Fibre Channel volumes support ownership management and SELinux relabeling.',
    fields: {
      targetWWNs: {
        type: '[]string',
        description: 'targetWWNs is Optional: FC target worldwide names (WWNs)',
      },
      lun: { type: 'integer', description: 'lun is Optional: FC target lun number' },
      fsType: {
        type: 'string',
        description:
          'fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.',
      },
      wwids: {
        type: '[]string',
        description:
          'wwids Optional: FC volume world wide identifiers (wwids) Either wwids or combination of targetWWNs and lun must be set, but not both simultaneously.',
      },
    },
  },
  FlexPersistentVolumeSource: {
    description:
      'FlexPersistentVolumeSource represents a generic persistent volume resource that is provisioned/attached using an exec based plugin.',
    fields: {
      driver: {
        type: 'string',
        required: true,
        description: 'driver is the name of the driver to use for this volume.',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is the Filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". The default filesystem depends on FlexVolume script.',
      },
      secretRef: {
        type: 'SecretReference',
        description:
          'secretRef is Optional: SecretRef is reference to the secret object containing sensitive information to pass to the plugin scripts. This may be empty if no secret object is specified. If the secret object contains more than one secret, all secrets are passed to the plugin scripts.',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly is Optional: defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.',
      },
      options: {
        type: 'map[string]string',
        description: 'options is Optional: this field holds extra command options if any.',
      },
    },
  },
  FlockerVolumeSource: {
    description:
      'Represents a Flocker volume mounted by the Flocker agent. One and only one of datasetName and datasetUUID should be set. Flocker volumes do not support ownership management or SELinux relabeling.',
    fields: {
      datasetName: {
        type: 'string',
        description:
          'datasetName is Name of the dataset stored as metadata -> name on the dataset for Flocker should be considered as deprecated',
      },
      datasetUUID: {
        type: 'string',
        description: 'datasetUUID is the UUID of the dataset. This is unique identifier of a Flocker dataset',
      },
    },
  },
  GCEPersistentDiskVolumeSource: {
    description:
      'Represents a Persistent Disk resource in Google Compute Engine.\n\nA GCE PD must exist before mounting to a container. The disk must also be in the same GCE project and zone as the kubelet. A GCE PD can only be mounted as read/write once or read-only many times. GCE PDs support ownership management and SELinux relabeling.',
    fields: {
      pdName: {
        type: 'string',
        required: true,
        description:
          'pdName is unique name of the PD resource in GCE. Used to identify the disk in GCE. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk',
      },
      partition: {
        type: 'integer',
        description:
          'partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as "1". Similarly, the volume partition for /dev/sda is "0" (or you can leave the property empty). More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk',
      },
    },
  },
  GlusterfsPersistentVolumeSource: {
    description:
      'Represents a Glusterfs mount that lasts the lifetime of a pod. Glusterfs volumes do not support ownership management or SELinux relabeling.',
    fields: {
      endpoints: {
        type: 'string',
        required: true,
        description:
          'endpoints is the endpoint name that details Glusterfs topology. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod',
      },
      path: {
        type: 'string',
        required: true,
        description:
          'path is the Glusterfs volume path. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly here will force the Glusterfs volume to be mounted with read-only permissions. Defaults to false. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod',
      },
      endpointsNamespace: {
        type: 'string',
        description:
          'endpointsNamespace is the namespace that contains Glusterfs endpoint. If this field is empty, the EndpointNamespace defaults to the same namespace as the bound PVC. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod',
      },
    },
  },
  ISCSIPersistentVolumeSource: {
    description:
      'ISCSIPersistentVolumeSource represents an ISCSI disk. ISCSI volumes can only be mounted as read/write once. ISCSI volumes support ownership management and SELinux relabeling.',
    fields: {
      targetPortal: {
        type: 'string',
        required: true,
        description:
          'targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).',
      },
      iqn: { type: 'string', required: true, description: 'iqn is Target iSCSI Qualified Name.' },
      lun: { type: 'integer', required: true, description: 'lun is iSCSI Target Lun number.' },
      iscsiInterface: {
        type: 'string',
        description:
          "iscsiInterface is the interface Name that uses an iSCSI transport. Defaults to 'default' (tcp).",
      },
      fsType: {
        type: 'string',
        description:
          'fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#iscsi',
      },
      readOnly: {
        type: 'boolean',
        description: 'readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false.',
      },
      portals: {
        type: '[]string',
        description:
          'portals is the iSCSI Target Portal List. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).',
      },
      chapAuthDiscovery: {
        type: 'boolean',
        description: 'chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication',
      },
      chapAuthSession: {
        type: 'boolean',
        description: 'chapAuthSession defines whether support iSCSI Session CHAP authentication',
      },
      secretRef: {
        type: 'SecretReference',
        description: 'secretRef is the CHAP Secret for iSCSI target and initiator authentication',
      },
      initiatorName: {
        type: 'string',
        description:
          'initiatorName is the custom iSCSI Initiator Name. If initiatorName is specified with iscsiInterface simultaneously, new iSCSI interface <target portal>:<volume name> will be created for the connection.',
      },
    },
  },
  PhotonPersistentDiskVolumeSource: {
    description: 'Represents a Photon Controller persistent disk resource.',
    fields: {
      pdID: {
        type: 'string',
        required: true,
        description: 'pdID is the ID that identifies Photon Controller persistent disk',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.',
      },
    },
  },
  PortworxVolumeSource: {
    description: 'PortworxVolumeSource represents a Portworx volume resource.',
    fields: {
      volumeID: {
        type: 'string',
        required: true,
        description: 'volumeID uniquely identifies a Portworx volume',
      },
      fsType: {
        type: 'string',
        description:
          'fSType represents the filesystem type to mount Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs". Implicitly inferred to be "ext4" if unspecified.',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.',
      },
    },
  },
  QuobyteVolumeSource: {
    description:
      'Represents a Quobyte mount that lasts the lifetime of a pod. Quobyte volumes do not support ownership management or SELinux relabeling.',
    fields: {
      registry: {
        type: 'string',
        required: true,
        description:
          'registry represents a single or multiple Quobyte Registry services specified as a string as host:port pair (multiple entries are separated with commas) which acts as the central registry for volumes',
      },
      volume: {
        type: 'string',
        required: true,
        description: 'volume is a string that references an already created Quobyte volume by name.',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly here will force the Quobyte volume to be mounted with read-only permissions. Defaults to false.',
      },
      user: { type: 'string', description: 'user to map volume access to Defaults to serivceaccount user' },
      group: { type: 'string', description: 'group to map volume access to Default is no group' },
      tenant: {
        type: 'string',
        description:
          'tenant owning the given Quobyte volume in the Backend Used with dynamically provisioned Quobyte volumes, value is set by the plugin',
      },
    },
  },
  RBDPersistentVolumeSource: {
    description:
      'Represents a Rados Block Device mount that lasts the lifetime of a pod. RBD volumes support ownership management and SELinux relabeling.',
    fields: {
      monitors: {
        type: '[]string',
        required: true,
        description:
          'monitors is a collection of Ceph monitors. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
      },
      image: {
        type: 'string',
        required: true,
        description:
          'image is the rados image name. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#rbd',
      },
      pool: {
        type: 'string',
        description:
          'pool is the rados pool name. Default is rbd. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
      },
      user: {
        type: 'string',
        description:
          'user is the rados user name. Default is admin. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
      },
      keyring: {
        type: 'string',
        description:
          'keyring is the path to key ring for RBDUser. Default is /etc/ceph/keyring. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
      },
      secretRef: {
        type: 'SecretReference',
        description:
          'secretRef is name of the authentication secret for RBDUser. If provided overrides keyring. Default is nil. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
      },
    },
  },
  ScaleIOPersistentVolumeSource: {
    description: 'ScaleIOPersistentVolumeSource represents a persistent ScaleIO volume',
    fields: {
      gateway: {
        type: 'string',
        required: true,
        description: 'gateway is the host address of the ScaleIO API Gateway.',
      },
      system: {
        type: 'string',
        required: true,
        description: 'system is the name of the storage system as configured in ScaleIO.',
      },
      secretRef: {
        type: 'SecretReference',
        required: true,
        description:
          'secretRef references to the secret for ScaleIO user and other sensitive information. If this is not provided, Login operation will fail.',
      },
      sslEnabled: {
        type: 'boolean',
        description: 'sslEnabled is the flag to enable/disable SSL communication with Gateway, default false',
      },
      protectionDomain: {
        type: 'string',
        description:
          'protectionDomain is the name of the ScaleIO Protection Domain for the configured storage.',
      },
      storagePool: {
        type: 'string',
        description: 'storagePool is the ScaleIO Storage Pool associated with the protection domain.',
      },
      storageMode: {
        type: 'string',
        description:
          'storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned. Default is ThinProvisioned.',
      },
      volumeName: {
        type: 'string',
        description:
          'volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source.',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". Default is "xfs"',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.',
      },
    },
  },
  SecretReference: {
    description:
      'SecretReference represents a Secret Reference. It has enough information to retrieve secret in any namespace',
    fields: {
      name: {
        type: 'string',
        description: 'name is unique within a namespace to reference a secret resource.',
      },
      namespace: {
        type: 'string',
        description: 'namespace defines the space within which the secret name must be unique.',
      },
    },
  },
  StorageOSPersistentVolumeSource: {
    description: 'Represents a StorageOS persistent volume resource.',
    fields: {
      volumeName: {
        type: 'string',
        description:
          'volumeName is the human-readable name of the StorageOS volume.  Volume names are only unique within a namespace.',
      },
      volumeNamespace: {
        type: 'string',
        description:
          'volumeNamespace specifies the scope of the volume within StorageOS.  If no namespace is specified then the Pod\'s namespace will be used.  This allows the Kubernetes name scoping to be mirrored within StorageOS for tighter integration. Set VolumeName to any name to override the default behaviour. Set to "default" if you are not using namespaces within StorageOS. Namespaces that do not pre-exist within StorageOS will be created.',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.',
      },
      readOnly: {
        type: 'boolean',
        description:
          'readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.',
      },
      secretRef: {
        type: 'ObjectReference',
        description:
          'secretRef specifies the secret to use for obtaining the StorageOS API credentials.  If not specified, default values will be attempted.',
      },
    },
  },
  VsphereVirtualDiskVolumeSource: {
    description: 'Represents a vSphere volume resource.',
    fields: {
      volumePath: {
        type: 'string',
        required: true,
        description: 'volumePath is the path that identifies vSphere volume vmdk',
      },
      fsType: {
        type: 'string',
        description:
          'fsType is filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.',
      },
      storagePolicyName: {
        type: 'string',
        description: 'storagePolicyName is the storage Policy Based Management (SPBM) profile name.',
      },
      storagePolicyID: {
        type: 'string',
        description:
          'storagePolicyID is the storage Policy Based Management (SPBM) profile ID associated with the StoragePolicyName.',
      },
    },
  },
};
