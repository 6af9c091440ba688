// StatefulSet schema for `kubectl explain` (see ./schema-core for the shape): the descriptions are
// the doc comments of k8s.io/api v0.34.9 apps/v1/types.go joined as openapi-gen joins them (an
// indented line keeps its line break); enums where the type is marked +enum (podManagementPolicy,
// updateStrategy.type; PersistentVolumeClaimRetentionPolicyType has no marker); required: the
// fields without omitempty and +optional (selector, template, status.replicas, a condition's type
// and status). volumeClaimTemplates is left out (PersistentVolumeClaims are not simulated, and
// their schema is not part of this copy), as PodSpec here leaves out volumes.
import { API_VERSION, KIND, METADATA, type TypeSchema } from './schema-core';

export const STATEFULSET_TYPES: Record<string, TypeSchema> = {
  StatefulSet: {
    description:
      'StatefulSet represents a set of pods with consistent identities. Identities are defined as:\n  - Network: A single stable DNS and hostname.\n  - Storage: As many VolumeClaims as requested.\n\nThe StatefulSet guarantees that a given network identity will always map to the same storage identity.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: 'StatefulSetSpec',
        description: 'Spec defines the desired identities of pods in this set.',
      },
      status: {
        type: 'StatefulSetStatus',
        description:
          'Status is the current status of Pods in this StatefulSet. This data may be out of date by some window of time.',
      },
    },
  },
  StatefulSetSpec: {
    description: 'A StatefulSetSpec is the specification of a StatefulSet.',
    fields: {
      minReadySeconds: {
        type: 'integer',
        description:
          'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)',
      },
      ordinals: {
        type: 'StatefulSetOrdinals',
        description:
          'ordinals controls the numbering of replica indices in a StatefulSet. The default ordinals behavior assigns a "0" index to the first replica and increments the index by one for each additional replica requested.',
      },
      persistentVolumeClaimRetentionPolicy: {
        type: 'StatefulSetPersistentVolumeClaimRetentionPolicy',
        description:
          'persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates. By default, all persistent volume claims are created as needed and retained until manually deleted. This policy allows the lifecycle to be altered, for example by deleting persistent volume claims when their stateful set is deleted, or when their pod is scaled down.',
      },
      podManagementPolicy: {
        type: 'string',
        enum: ['OrderedReady', 'Parallel'],
        description:
          'podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`, where pods are created in increasing order (pod-0, then pod-1, etc) and the controller will wait until each pod is ready before continuing. When scaling down, the pods are removed in the opposite order. The alternative policy is `Parallel` which will create pods in parallel to match the desired scale without waiting, and on scale down will delete all pods at once.',
      },
      replicas: {
        type: 'integer',
        description:
          'replicas is the desired number of replicas of the given Template. These are replicas in the sense that they are instantiations of the same Template, but individual replicas also have a consistent identity. If unspecified, defaults to 1.',
      },
      revisionHistoryLimit: {
        type: 'integer',
        description:
          "revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history. The revision history consists of all revisions not represented by a currently applied StatefulSetSpec version. The default value is 10.",
      },
      selector: {
        type: 'LabelSelector',
        required: true,
        description:
          "selector is a label query over pods that should match the replica count. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
      },
      serviceName: {
        type: 'string',
        description:
          'serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where "pod-specific-string" is managed by the StatefulSet controller.',
      },
      template: {
        type: 'PodTemplateSpec',
        required: true,
        description:
          'template is the object that describes the pod that will be created if insufficient replicas are detected. Each pod stamped out by the StatefulSet will fulfill this Template, but have a unique identity from the rest of the StatefulSet. Each pod will be named with the format <statefulsetname>-<podindex>. For example, a pod in a StatefulSet named "web" with index number "3" would be named "web-3". The only allowed template.spec.restartPolicy value is "Always".',
      },
      updateStrategy: {
        type: 'StatefulSetUpdateStrategy',
        description:
          'updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.',
      },
    },
  },
  StatefulSetUpdateStrategy: {
    description:
      'StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates. It includes any additional parameters necessary to perform the update for the indicated strategy.',
    fields: {
      rollingUpdate: {
        type: 'RollingUpdateStatefulSetStrategy',
        description:
          'RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType.',
      },
      type: {
        type: 'string',
        enum: ['OnDelete', 'RollingUpdate'],
        description: 'Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.',
      },
    },
  },
  RollingUpdateStatefulSetStrategy: {
    description:
      'RollingUpdateStatefulSetStrategy is used to communicate parameter for RollingUpdateStatefulSetStrategyType.',
    fields: {
      maxUnavailable: {
        type: 'IntOrString',
        description:
          'The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding up. This can not be 0. Defaults to 1. This field is alpha-level and is only honored by servers that enable the MaxUnavailableStatefulSet feature. The field applies to all pods in the range 0 to Replicas-1. That means if there is any unavailable pod in the range 0 to Replicas-1, it will be counted towards MaxUnavailable.',
      },
      partition: {
        type: 'integer',
        description:
          'Partition indicates the ordinal at which the StatefulSet should be partitioned for updates. During a rolling update, all pods from ordinal Replicas-1 to Partition are updated. All pods from ordinal Partition-1 to 0 remain untouched. This is helpful in being able to do a canary based deployment. The default value is 0.',
      },
    },
  },
  StatefulSetPersistentVolumeClaimRetentionPolicy: {
    description:
      'StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates.',
    fields: {
      whenDeleted: {
        type: 'string',
        description:
          'WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion. The `Delete` policy causes those PVCs to be deleted.',
      },
      whenScaled: {
        type: 'string',
        description:
          'WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown. The `Delete` policy causes the associated PVCs for any excess pods above the replica count to be deleted.',
      },
    },
  },
  StatefulSetOrdinals: {
    description:
      'StatefulSetOrdinals describes the policy used for replica ordinal assignment in this StatefulSet.',
    fields: {
      start: {
        type: 'integer',
        description:
          "start is the number representing the first replica's index. It may be used to number replicas from an alternate index (eg: 1-indexed) over the default 0-indexed names, or to orchestrate progressive movement of replicas from one StatefulSet to another. If set, replica indices will be in the range:\n  [.spec.ordinals.start, .spec.ordinals.start + .spec.replicas).\nIf unset, defaults to 0. Replica indices will be in the range:\n  [0, .spec.replicas).",
      },
    },
  },
  StatefulSetStatus: {
    description: 'StatefulSetStatus represents the current state of a StatefulSet.',
    fields: {
      availableReplicas: {
        type: 'integer',
        description:
          'Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.',
      },
      collisionCount: {
        type: 'integer',
        description:
          'collisionCount is the count of hash collisions for the StatefulSet. The StatefulSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.',
      },
      conditions: {
        type: '[]StatefulSetCondition',
        description: "Represents the latest available observations of a statefulset's current state.",
      },
      currentReplicas: {
        type: 'integer',
        description:
          'currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.',
      },
      currentRevision: {
        type: 'string',
        description:
          'currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).',
      },
      observedGeneration: {
        type: 'integer',
        description:
          "observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet's generation, which is updated on mutation by the API Server.",
      },
      readyReplicas: {
        type: 'integer',
        description:
          'readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.',
      },
      replicas: {
        type: 'integer',
        required: true,
        description: 'replicas is the number of Pods created by the StatefulSet controller.',
      },
      updateRevision: {
        type: 'string',
        description:
          'updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)',
      },
      updatedReplicas: {
        type: 'integer',
        description:
          'updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.',
      },
    },
  },
  StatefulSetCondition: {
    description: 'StatefulSetCondition describes the state of a statefulset at a certain point.',
    fields: {
      lastTransitionTime: {
        type: 'string',
        description: 'Last time the condition transitioned from one status to another.',
      },
      message: {
        type: 'string',
        description: 'A human readable message indicating details about the transition.',
      },
      reason: { type: 'string', description: "The reason for the condition's last transition." },
      status: {
        type: 'string',
        required: true,
        description: 'Status of the condition, one of True, False, Unknown.',
      },
      type: { type: 'string', required: true, description: 'Type of statefulset condition.' },
    },
  },
};
