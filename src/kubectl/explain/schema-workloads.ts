// Pod, Deployment and ReplicaSet schema for `kubectl explain` (see ./schema-core for the shape).
import { API_VERSION, KIND, METADATA, type TypeSchema } from './schema-core';

const CONV = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';
const SPEC_STATUS = `${CONV}#spec-and-status`;

export const WORKLOAD_TYPES: Record<string, TypeSchema> = {
  Pod: {
    description:
      'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: 'PodSpec',
        description: `Specification of the desired behavior of the pod. More info: ${SPEC_STATUS}`,
      },
      status: {
        type: 'PodStatus',
        description: `Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: ${SPEC_STATUS}`,
      },
    },
  },
  PodSpec: {
    description: 'PodSpec is a description of a pod.',
    fields: {
      containers: {
        type: '[]Container',
        required: true,
        description:
          'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.',
      },
      dnsPolicy: {
        type: 'string',
        enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
        description:
          "Set DNS policy for the pod. Defaults to \"ClusterFirst\". Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'. DNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy.",
      },
      hostname: {
        type: 'string',
        description:
          "Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value.",
      },
      nodeName: {
        type: 'string',
        description:
          'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod.',
      },
      restartPolicy: {
        type: 'string',
        enum: ['Always', 'Never', 'OnFailure'],
        description:
          'Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
      },
      serviceAccountName: {
        type: 'string',
        description:
          'ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
      },
      subdomain: {
        type: 'string',
        description:
          'If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>". If not specified, the pod will not have a domainname at all.',
      },
      terminationGracePeriodSeconds: {
        type: 'integer',
        description:
          'Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead. Defaults to 30 seconds.',
      },
    },
  },
  Container: {
    description: 'A single application container that you want to run within a pod.',
    fields: {
      args: {
        type: '[]string',
        description:
          "Arguments to the entrypoint. The container image's CMD is used if this is not provided. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell",
      },
      command: {
        type: '[]string',
        description:
          "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell",
      },
      env: {
        type: '[]EnvVar',
        description: 'List of environment variables to set in the container. Cannot be updated.',
      },
      image: {
        type: 'string',
        description:
          'Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.',
      },
      imagePullPolicy: {
        type: 'string',
        enum: ['Always', 'IfNotPresent', 'Never'],
        description:
          'Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images',
      },
      name: {
        type: 'string',
        required: true,
        description:
          'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.',
      },
      ports: {
        type: '[]ContainerPort',
        description:
          'List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default "0.0.0.0" address inside a container will be accessible from the network. Cannot be updated.',
      },
    },
  },
  ContainerPort: {
    description: 'ContainerPort represents a network port in a single container.',
    fields: {
      containerPort: {
        type: 'integer',
        required: true,
        description:
          "Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.",
      },
      hostPort: {
        type: 'integer',
        description:
          'Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. Most containers do not need this.',
      },
      name: {
        type: 'string',
        description:
          'If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.',
      },
      protocol: {
        type: 'string',
        enum: ['SCTP', 'TCP', 'UDP'],
        description: 'Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".',
      },
    },
  },
  EnvVar: {
    description: 'EnvVar represents an environment variable present in a Container.',
    fields: {
      name: { type: 'string', required: true, description: 'Name of the environment variable.' },
      value: {
        type: 'string',
        description:
          'Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. Defaults to "".',
      },
    },
  },
  PodStatus: {
    description:
      'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.',
    fields: {
      conditions: {
        type: '[]PodCondition',
        description:
          'Current service state of pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions',
      },
      hostIP: {
        type: 'string',
        description:
          'hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet.',
      },
      phase: {
        type: 'string',
        enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
        description:
          "The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle. The conditions array, the reason and message fields, and the individual container status arrays contain more detail about the pod's status. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-phase",
      },
      podIP: {
        type: 'string',
        description:
          'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      },
      podIPs: {
        type: '[]PodIP',
        description:
          'podIPs holds the IP addresses allocated to the pod. If this field is specified, the 0th entry must match the podIP field. Pods may be allocated at most 1 value for each of IPv4 and IPv6.',
      },
      qosClass: {
        type: 'string',
        enum: ['BestEffort', 'Burstable', 'Guaranteed'],
        description:
          'The Quality of Service (QOS) classification assigned to the pod based on resource requirements. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#quality-of-service-classes',
      },
      startTime: {
        type: 'string',
        description:
          'RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod.',
      },
    },
  },
  PodCondition: {
    description: 'PodCondition contains details for the current condition of this pod.',
    fields: {
      status: {
        type: 'string',
        required: true,
        description:
          'Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions',
      },
      type: {
        type: 'string',
        required: true,
        description:
          'Type is the type of the condition. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions',
      },
    },
  },
  PodIP: {
    description: 'PodIP represents a single IP address allocated to the pod.',
    fields: {
      ip: { type: 'string', required: true, description: 'IP is the IP address assigned to the pod' },
    },
  },
  PodTemplateSpec: {
    description: 'PodTemplateSpec describes the data a pod should have when created from a template',
    fields: {
      metadata: METADATA,
      spec: {
        type: 'PodSpec',
        description: `Specification of the desired behavior of the pod. More info: ${SPEC_STATUS}`,
      },
    },
  },
  Deployment: {
    description: 'Deployment enables declarative updates for Pods and ReplicaSets.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: 'DeploymentSpec',
        description: 'Specification of the desired behavior of the Deployment.',
      },
      status: { type: 'DeploymentStatus', description: 'Most recently observed status of the Deployment.' },
    },
  },
  DeploymentSpec: {
    description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    fields: {
      minReadySeconds: {
        type: 'integer',
        description:
          'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)',
      },
      paused: { type: 'boolean', description: 'Indicates that the deployment is paused.' },
      progressDeadlineSeconds: {
        type: 'integer',
        description:
          'The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Defaults to 600s.',
      },
      replicas: {
        type: 'integer',
        description:
          'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
      },
      revisionHistoryLimit: {
        type: 'integer',
        description:
          'The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.',
      },
      selector: {
        type: 'LabelSelector',
        required: true,
        description:
          "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
      },
      strategy: {
        type: 'DeploymentStrategy',
        description: 'The deployment strategy to use to replace existing pods with new ones.',
      },
      template: {
        type: 'PodTemplateSpec',
        required: true,
        description:
          'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".',
      },
    },
  },
  DeploymentStrategy: {
    description: 'DeploymentStrategy describes how to replace existing pods with new ones.',
    fields: {
      type: {
        type: 'string',
        enum: ['Recreate', 'RollingUpdate'],
        description: 'Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.',
      },
    },
  },
  DeploymentStatus: {
    description: 'DeploymentStatus is the most recently observed status of the Deployment.',
    fields: {
      availableReplicas: {
        type: 'integer',
        description:
          'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.',
      },
      readyReplicas: {
        type: 'integer',
        description:
          'Total number of non-terminating pods targeted by this Deployment with a Ready Condition.',
      },
      replicas: {
        type: 'integer',
        description:
          'Total number of non-terminating pods targeted by this deployment (their labels match the selector).',
      },
      updatedReplicas: {
        type: 'integer',
        description:
          'Total number of non-terminating pods targeted by this deployment that have the desired template spec.',
      },
    },
  },
  ReplicaSet: {
    description: 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: {
        type: 'ObjectMeta',
        description: `If the Labels of a ReplicaSet are empty, they are defaulted to be the same as the Pod(s) that the ReplicaSet manages. Standard object's metadata. More info: ${CONV}#metadata`,
      },
      spec: {
        type: 'ReplicaSetSpec',
        description: `Spec defines the specification of the desired behavior of the ReplicaSet. More info: ${SPEC_STATUS}`,
      },
      status: {
        type: 'ReplicaSetStatus',
        description: `Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only. More info: ${SPEC_STATUS}`,
      },
    },
  },
  ReplicaSetSpec: {
    description: 'ReplicaSetSpec is the specification of a ReplicaSet.',
    fields: {
      replicas: {
        type: 'integer',
        description:
          'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1.',
      },
      selector: {
        type: 'LabelSelector',
        required: true,
        description:
          "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels.",
      },
      template: {
        type: 'PodTemplateSpec',
        description:
          'Template is the object that describes the pod that will be created if insufficient replicas are detected.',
      },
    },
  },
  ReplicaSetStatus: {
    description: 'ReplicaSetStatus represents the current status of a ReplicaSet.',
    fields: {
      readyReplicas: {
        type: 'integer',
        description: 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.',
      },
      replicas: {
        type: 'integer',
        required: true,
        description: 'Replicas is the most recently observed number of non-terminating pods.',
      },
    },
  },
};
